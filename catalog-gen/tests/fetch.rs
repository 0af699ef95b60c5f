//! `fetch` against a tiny HTTP/1.1 server on 127.0.0.1, so the real client code paths
//! (redirects, timeouts, size limits) are exercised without any network access.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use catalog_gen::fetch::{fetch, FetchError, FetchOptions, USER_AGENT};

const PAGE: &str = "<!DOCTYPE html><html><body><h1>Actions</h1><p>hello</p></body></html>";
const BIG_LEN: usize = 4096;
/// How long `/slow` stalls; far beyond the 300 ms client timeout used against it.
const SLOW_DELAY: Duration = Duration::from_secs(2);
/// Hard cap on a server's life, so a forgotten or leaked server cannot outlive a test run.
const SERVER_LIFETIME: Duration = Duration::from_secs(30);
const MAX_CONNECTIONS: usize = 64;

/// A one-test HTTP server; dropping it stops the accept loop and waits for it.
struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Server {
    fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        // Non-blocking so the loop can notice `stop` and its deadline instead of parking in
        // `accept` forever.
        listener.set_nonblocking(true).expect("set_nonblocking");
        let addr = listener.local_addr().expect("local_addr");
        let stop = Arc::new(AtomicBool::new(false));
        let handle = {
            let stop = Arc::clone(&stop);
            thread::spawn(move || accept_loop(&listener, &stop))
        };
        Self {
            addr,
            stop,
            handle: Some(handle),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(handle) = self.handle.take() {
            let _ = handle.join();
        }
    }
}

fn accept_loop(listener: &TcpListener, stop: &Arc<AtomicBool>) {
    let deadline = Instant::now() + SERVER_LIFETIME;
    let mut served = 0;
    while !stop.load(Ordering::SeqCst) && Instant::now() < deadline && served < MAX_CONNECTIONS {
        match listener.accept() {
            Ok((stream, _)) => {
                served += 1;
                let stop = Arc::clone(stop);
                // One thread per connection so `/slow` cannot hold up other requests.
                thread::spawn(move || {
                    let _ = handle_connection(stream, &stop);
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                thread::sleep(Duration::from_millis(5));
            }
            Err(_) => break,
        }
    }
}

fn handle_connection(mut stream: TcpStream, stop: &AtomicBool) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;

    let head = read_head(&mut stream)?;
    let request_line = head.lines().next().unwrap_or_default();
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let user_agent = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("user-agent")
                .then(|| value.trim().to_owned())
        })
        .unwrap_or_default();

    match path {
        "/page" => respond(&mut stream, "200 OK", &[], PAGE.as_bytes()),
        "/missing" => respond(&mut stream, "404 Not Found", &[], b"no such page"),
        "/no-content" => respond(&mut stream, "204 No Content", &[], b""),
        "/redirect" => respond(&mut stream, "302 Found", &[("Location", "/page")], b""),
        "/loop" => respond(&mut stream, "302 Found", &[("Location", "/loop")], b""),
        "/big" => respond(&mut stream, "200 OK", &[], &[b'x'; BIG_LEN]),
        "/user-agent" => respond(&mut stream, "200 OK", &[], user_agent.as_bytes()),
        "/slow" => {
            // Sleep in slices so a stopped server does not keep this thread around.
            let until = Instant::now() + SLOW_DELAY;
            while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                thread::sleep(Duration::from_millis(50));
            }
            respond(&mut stream, "200 OK", &[], PAGE.as_bytes())
        }
        _ => respond(&mut stream, "404 Not Found", &[], b""),
    }
}

/// Reads up to the blank line ending the request head; GET requests have no body to skip.
fn read_head(stream: &mut TcpStream) -> std::io::Result<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let n = stream.read(&mut buf)?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    Ok(String::from_utf8_lossy(&head).into_owned())
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    stream.write_all(out.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

/// Generous limits so only the limit a test is about can trip.
fn options() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(10),
        connect_timeout: Duration::from_secs(5),
        max_redirects: 5,
        max_bytes: 1024 * 1024,
    }
}

fn assert_names_url(err: &FetchError, url: &str) {
    let msg = err.to_string();
    assert!(msg.contains(url), "message {msg:?} does not name {url:?}");
}

#[test]
fn page_returns_body_and_final_url() {
    let server = Server::start();
    let url = server.url("/page");
    let fetched = fetch(&url, &options()).expect("fetch /page");
    assert_eq!(fetched.body, PAGE.as_bytes());
    assert_eq!(fetched.final_url, url);
}

#[test]
fn sends_user_agent() {
    let server = Server::start();
    let fetched = fetch(&server.url("/user-agent"), &options()).expect("fetch /user-agent");
    assert_eq!(String::from_utf8(fetched.body).unwrap(), USER_AGENT);
    assert!(USER_AGENT.starts_with("sagemaker-actions-xtask/"));
}

#[test]
fn missing_is_status_404() {
    let server = Server::start();
    let url = server.url("/missing");
    let err = fetch(&url, &options()).expect_err("404 must fail");
    match &err {
        FetchError::Status {
            url: u,
            status,
            reason,
        } => {
            assert_eq!(u, &url);
            assert_eq!(*status, 404);
            assert_eq!(reason, "Not Found");
        }
        other => panic!("expected Status, got {other:?}"),
    }
    assert_eq!(
        err.to_string(),
        format!("GET {url} answered 404 Not Found; expected 200 OK")
    );
}

#[test]
fn no_content_is_not_success() {
    let server = Server::start();
    let url = server.url("/no-content");
    let err = fetch(&url, &options()).expect_err("204 must fail");
    assert!(
        matches!(err, FetchError::Status { status: 204, .. }),
        "{err:?}"
    );
    assert_names_url(&err, &url);
}

#[test]
fn slow_server_times_out() {
    let server = Server::start();
    let url = server.url("/slow");
    let opts = FetchOptions {
        timeout: Duration::from_millis(300),
        ..options()
    };
    let err = fetch(&url, &opts).expect_err("must time out");
    match &err {
        FetchError::Timeout { url: u, after } => {
            assert_eq!(u, &url);
            assert_eq!(*after, Duration::from_millis(300));
        }
        other => panic!("expected Timeout, got {other:?}"),
    }
    assert_names_url(&err, &url);
}

#[test]
fn redirect_is_followed() {
    let server = Server::start();
    let fetched = fetch(&server.url("/redirect"), &options()).expect("fetch /redirect");
    assert_eq!(fetched.body, PAGE.as_bytes());
    assert!(
        fetched.final_url.ends_with("/page"),
        "final_url = {}",
        fetched.final_url
    );
}

#[test]
fn unfollowed_redirect_is_status() {
    let server = Server::start();
    let url = server.url("/redirect");
    let opts = FetchOptions {
        max_redirects: 0,
        ..options()
    };
    let err = fetch(&url, &opts).expect_err("302 must fail when not followed");
    assert!(
        matches!(err, FetchError::Status { status: 302, .. }),
        "{err:?}"
    );
    assert_names_url(&err, &url);
}

#[test]
fn redirect_loop_is_too_many_redirects() {
    let server = Server::start();
    let url = server.url("/loop");
    let err = fetch(&url, &options()).expect_err("loop must fail");
    assert!(
        matches!(&err, FetchError::TooManyRedirects { url: u, max: 5 } if *u == url),
        "{err:?}"
    );
    assert_names_url(&err, &url);
}

#[test]
fn body_over_limit_is_too_large() {
    let server = Server::start();
    let url = server.url("/big");
    let opts = FetchOptions {
        max_bytes: 1000,
        ..options()
    };
    let err = fetch(&url, &opts).expect_err("body must be too large");
    assert!(
        matches!(&err, FetchError::TooLarge { url: u, max_bytes: 1000 } if *u == url),
        "{err:?}"
    );
    assert_names_url(&err, &url);
}

#[test]
fn body_exactly_at_limit_is_accepted() {
    let server = Server::start();
    let opts = FetchOptions {
        max_bytes: BIG_LEN as u64,
        ..options()
    };
    let fetched = fetch(&server.url("/big"), &opts).expect("body at the limit");
    assert_eq!(fetched.body.len(), BIG_LEN);
}

#[test]
fn invalid_url_is_rejected() {
    for url in ["not a url", "ftp://127.0.0.1/file", "/page"] {
        let err = fetch(url, &options()).expect_err(url);
        assert!(
            matches!(err, FetchError::InvalidUrl { .. }),
            "{url}: {err:?}"
        );
        assert_names_url(&err, url);
    }
}

#[test]
fn refused_connection_is_transport() {
    // A port that was just free: bind, note it, release it. Nothing listens there afterwards.
    let addr = TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("reserve a port");
    let url = format!("http://{addr}/page");
    let err = fetch(&url, &options()).expect_err("nothing listens");
    assert!(matches!(err, FetchError::Transport { .. }), "{err:?}");
    assert_names_url(&err, &url);
}
