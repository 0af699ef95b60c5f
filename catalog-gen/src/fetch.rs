//! Downloading pages over HTTP(S) with hard limits on time, redirects and size.
//!
//! Every failure names the URL it happened on, because a scrape touches hundreds of pages and an
//! error without its URL cannot be acted on.

use std::time::Duration;

use ureq::http::{StatusCode, Uri};
use ureq::ResponseExt;

/// The `User-Agent` sent with every request, so that server operators can tell who is scraping.
pub const USER_AGENT: &str = "sagemaker-actions-xtask/0.1";

/// Limits for one download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Budget for the whole request: connecting, every redirect and reading the body.
    pub timeout: Duration,
    /// Budget for establishing each connection, so an unreachable host fails fast even when
    /// `timeout` is generous.
    pub connect_timeout: Duration,
    /// Redirects followed before giving up with [`FetchError::TooManyRedirects`]. With `0` a
    /// redirect response is not followed and surfaces as [`FetchError::Status`].
    pub max_redirects: u32,
    /// Largest body accepted; a body of exactly this many bytes is still accepted.
    pub max_bytes: u64,
}

impl Default for FetchOptions {
    /// 60 s overall, 10 s to connect, 5 redirects and 64 MiB: roomy for the largest AWS
    /// reference pages while still bounding a misbehaving server.
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            max_redirects: 5,
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// Result of a download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL that finally answered, after following redirects; relative links in the body
    /// resolve against this one, not against the URL that was asked for.
    pub final_url: String,
    /// The response body, exactly as received.
    pub body: Vec<u8>,
}

/// Why a download failed. Every variant carries the URL concerned.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FetchError {
    /// The server answered with something other than `200 OK`.
    #[error("GET {url} answered {status} {reason}; expected 200 OK")]
    Status {
        /// The URL that answered, i.e. the last one after any redirects.
        url: String,
        /// The HTTP status code received.
        status: u16,
        /// The standard reason phrase for `status`.
        reason: String,
    },
    /// The request did not finish within its time budget.
    #[error("GET {url} timed out after {after:?}")]
    Timeout {
        /// The URL that was requested.
        url: String,
        /// The limit that ran out: the connect timeout or the overall timeout.
        after: Duration,
    },
    /// The server kept redirecting.
    #[error("GET {url} was redirected more than {max} times")]
    TooManyRedirects {
        /// The URL that was requested.
        url: String,
        /// The number of redirects that was allowed.
        max: u32,
    },
    /// The body was larger than allowed.
    #[error("GET {url} returned a body larger than the limit of {max_bytes} bytes")]
    TooLarge {
        /// The URL that was requested.
        url: String,
        /// The limit that was exceeded.
        max_bytes: u64,
    },
    /// The URL cannot be requested at all.
    #[error("invalid URL {url:?}: {reason}")]
    InvalidUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Connecting, TLS or the HTTP exchange itself failed.
    #[error("GET {url} failed: {message}")]
    Transport {
        /// The URL that was requested.
        url: String,
        /// The underlying error, as text because the client's error type is not part of this API.
        message: String,
    },
}

/// Downloads `url` with a `GET` request and returns its body if the final answer is `200 OK`.
///
/// Redirects are followed up to `options.max_redirects`; any other status, including `204` or a
/// redirect that was not followed, is a [`FetchError::Status`].
///
/// # Errors
///
/// See [`FetchError`]; each variant names the URL.
pub fn fetch(url: &str, options: &FetchOptions) -> Result<Fetched, FetchError> {
    validate_url(url)?;

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .timeout_connect(Some(options.connect_timeout))
        .max_redirects(options.max_redirects)
        .max_redirects_will_error(true)
        // Statuses are turned into `FetchError::Status` here so the message can name the URL
        // and the reason, which ureq's `StatusCode(u16)` cannot.
        .http_status_as_error(false)
        .user_agent(USER_AGENT)
        .build()
        .into();

    let response = agent
        .get(url)
        .call()
        .map_err(|e| map_error(e, url, options))?;

    let final_url = response.get_uri().to_string();
    let status = response.status();
    if status != StatusCode::OK {
        return Err(FetchError::Status {
            url: final_url,
            status: status.as_u16(),
            reason: status
                .canonical_reason()
                .unwrap_or("(non-standard status)")
                .to_owned(),
        });
    }

    let body = response
        .into_body()
        .into_with_config()
        .limit(options.max_bytes)
        .read_to_vec()
        .map_err(|e| map_error(e, url, options))?;

    Ok(Fetched { final_url, body })
}

/// Rejects what the client would refuse anyway, but with a reason a person can act on instead
/// of the `http` crate's terse parse errors.
fn validate_url(url: &str) -> Result<(), FetchError> {
    let invalid = |reason: &str| FetchError::InvalidUrl {
        url: url.to_owned(),
        reason: reason.to_owned(),
    };
    let uri: Uri = url
        .parse()
        .map_err(|e| invalid(&format!("not a valid URI ({e})")))?;
    match uri.scheme_str() {
        Some("http" | "https") => {}
        Some(other) => {
            return Err(invalid(&format!(
                "unsupported scheme {other:?}; expected http or https"
            )))
        }
        None => return Err(invalid("not an absolute URL; expected http:// or https://")),
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err(invalid("no host"));
    }
    Ok(())
}

/// Sorts ureq's errors into the cases a caller can react to differently; the rest keep ureq's
/// own wording as [`FetchError::Transport`].
fn map_error(error: ureq::Error, url: &str, options: &FetchOptions) -> FetchError {
    let url = url.to_owned();
    match error {
        ureq::Error::Timeout(which) => FetchError::Timeout {
            url,
            // Only the connect and global budgets are configured, so any other phase can only
            // have been cut short by the global one.
            after: match which {
                ureq::Timeout::Connect => options.connect_timeout,
                _ => options.timeout,
            },
        },
        ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
            url,
            max: options.max_redirects,
        },
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
            url,
            max_bytes: options.max_bytes,
        },
        // Reaching these after `validate_url` means a redirect pointed somewhere unusable.
        ureq::Error::BadUri(reason) => FetchError::InvalidUrl { url, reason },
        ureq::Error::Http(e) => FetchError::InvalidUrl {
            url,
            reason: e.to_string(),
        },
        other => FetchError::Transport {
            url,
            message: other.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_match_documented_limits() {
        let o = FetchOptions::default();
        assert_eq!(o.timeout, Duration::from_secs(60));
        assert_eq!(o.connect_timeout, Duration::from_secs(10));
        assert_eq!(o.max_redirects, 5);
        assert_eq!(o.max_bytes, 64 * 1024 * 1024);
    }

    #[test]
    fn rejects_urls_without_http_scheme_or_host() {
        for bad in [
            "not a url",
            "ftp://127.0.0.1/x",
            "/relative/path",
            "http://",
        ] {
            let err = validate_url(bad).expect_err(bad);
            assert!(
                matches!(err, FetchError::InvalidUrl { .. }),
                "{bad}: {err:?}"
            );
            assert!(err.to_string().contains(bad), "{bad}: {err}");
        }
        validate_url("https://docs.aws.amazon.com/service-authorization/").unwrap();
    }
}
