//! Any document AWS publishes a catalog in, read by its content: the HTML page (every layout),
//! its Markdown form, or the service reference JSON; and several of them merged into one catalog.

use crate::check::Warning;
use crate::merge::{merge, MergeError, MergeKind};
use crate::model::{Catalog, SourceFormat};
use crate::scrape::{scrape, scrape_markdown, ScrapeError};
use crate::service_reference::{read_service_reference, ServiceReferenceError};

/// A document read into a catalog.
#[derive(Debug, Clone)]
pub struct ReadSource {
    /// The data.
    pub catalog: Catalog,
    /// The format it was read as.
    pub format: SourceFormat,
    /// The page layout, for pages; `None` for the service reference.
    pub layout: Option<String>,
    /// Findings that did not stop the read.
    pub warnings: Vec<Warning>,
}

/// A document that could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// Nothing in the bytes says which format they are.
    #[error(
        "cannot tell the format from the content: it is not JSON (no leading '{{'), not HTML \
         (no '<html'), and not a Markdown service page (no \"(service prefix:\" text); \
         name the format with --format"
    )]
    UnknownFormat,
    /// The content is another format than the caller said.
    #[error("given as {given} but the content is {found}")]
    FormatMismatch {
        /// The format the caller named.
        given: &'static str,
        /// The format the content has.
        found: &'static str,
    },
    /// The HTML or Markdown page could not be scraped.
    #[error(transparent)]
    Page(#[from] ScrapeError),
    /// The service reference JSON could not be read.
    #[error(transparent)]
    ServiceReference(#[from] ServiceReferenceError),
}

/// The format the bytes are in, judged from their start: JSON opens with `{`, HTML with a tag,
/// and the Markdown page names its service prefix in prose.
pub fn detect_format(bytes: &[u8]) -> Option<SourceFormat> {
    let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = text.iter().position(|byte| !byte.is_ascii_whitespace())?;
    let head = &text[start..text.len().min(start + 4096)];
    match head.first() {
        Some(b'{') => return Some(SourceFormat::ServiceReference),
        Some(b'<') => {
            let lower = head.to_ascii_lowercase();
            // The Markdown page starts with an `<a name>` anchor only after its title.
            if lower.starts_with(b"<!doctype html") || contains(&lower, b"<html") {
                return Some(SourceFormat::Html);
            }
        }
        _ => {}
    }
    if contains(head, b"(service prefix:") || head.starts_with(b"# ") {
        return Some(SourceFormat::Markdown);
    }
    None
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// Reads one document. `format` is what the caller said it is (checked against the content
/// unless `force` is set); `fetched_from` is the URL the bytes came from, if any.
pub fn read_source(
    bytes: &[u8],
    format: Option<SourceFormat>,
    force: bool,
    fetched_from: Option<&str>,
) -> Result<ReadSource, SourceError> {
    let detected = detect_format(bytes);
    let format = match (format, detected) {
        (Some(given), _) if force => given,
        (Some(given), Some(found)) if given != found => {
            return Err(SourceError::FormatMismatch {
                given: given.as_str(),
                found: found.as_str(),
            })
        }
        (Some(given), _) => given,
        (None, Some(found)) => found,
        (None, None) => return Err(SourceError::UnknownFormat),
    };
    Ok(match format {
        SourceFormat::Html | SourceFormat::Markdown => {
            let scraped = if format == SourceFormat::Html {
                scrape(bytes, fetched_from)?
            } else {
                scrape_markdown(bytes, fetched_from)?
            };
            ReadSource {
                catalog: scraped.catalog,
                format,
                layout: Some(scraped.layout.to_string()),
                warnings: scraped.warnings,
            }
        }
        SourceFormat::ServiceReference => {
            let catalog = read_service_reference(bytes, fetched_from)?;
            let warnings = crate::check::warnings(&catalog);
            ReadSource {
                catalog,
                format,
                layout: None,
                warnings,
            }
        }
    })
}

/// Merges documents of one prefix into one catalog: the pages first (Markdown, then HTML), then
/// the service reference. Pages of one format are different services sharing the prefix;
/// documents of different formats are forms of the same catalog.
pub fn merge_sources(mut sources: Vec<ReadSource>) -> Result<Catalog, MergeError> {
    sources.sort_by_key(|source| match source.format {
        SourceFormat::Markdown => 0,
        SourceFormat::Html => 1,
        SourceFormat::ServiceReference => 2,
    });
    let mut sources = sources.into_iter();
    let first = sources
        .next()
        .expect("merge_sources is given at least one document");
    let mut merged = first.catalog;
    let mut previous_format = first.format;
    for source in sources {
        let kind = if source.format == previous_format {
            MergeKind::SharedPrefix
        } else {
            MergeKind::SameService
        };
        merged = merge(merged, source.catalog, kind)?;
        previous_format = source.format;
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_told_by_content() {
        assert_eq!(
            detect_format(b"  {\"Name\": \"s3\"}"),
            Some(SourceFormat::ServiceReference)
        );
        assert_eq!(
            detect_format(b"<!DOCTYPE html><html><head>"),
            Some(SourceFormat::Html)
        );
        assert_eq!(
            detect_format(b"\n\n# Actions, resources, and condition keys for Amazon SQS\n<a name=\"list_sqs\"></a>\n\nAmazon SQS (service prefix: `sqs`) provides"),
            Some(SourceFormat::Markdown)
        );
        assert_eq!(detect_format(b"PK\x03\x04binary"), None);
        assert_eq!(detect_format(b"   "), None);
    }

    #[test]
    fn a_format_given_must_match_the_content() {
        let error =
            read_source(b"{\"Name\": \"s3\"}", Some(SourceFormat::Html), false, None).unwrap_err();
        assert_eq!(
            error.to_string(),
            "given as html but the content is service-reference"
        );
        let error = read_source(b"hello", None, false, None).unwrap_err();
        assert!(error.to_string().starts_with("cannot tell the format"));
    }
}
