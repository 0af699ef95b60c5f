//! `check --service-reference DIR` and `sync-service-reference DIR --base URL`, the latter
//! against an HTTP server the test runs on 127.0.0.1 (no network needed).

#![cfg(feature = "cli")]
#![forbid(unsafe_code)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

const WIDGETS: &str = r#"{
  "Name": "widgets",
  "Actions": [
    {"Name": "CreateWidget", "Resources": [{"Name": "widget"}],
     "Annotations": {"Properties": {"IsList": false, "IsPermissionManagement": false, "IsTaggingOnly": false, "IsWrite": true}}},
    {"Name": "ListWidgets"}
  ],
  "Resources": [{"Name": "widget", "ARNFormats": ["arn:${Partition}:widgets:${Region}:${Account}:widget/${WidgetId}"]}]
}"#;

/// An older copy of `bad`'s document, which a failed sync must leave in place.
const BAD_BEFORE: &str = r#"{"Name": "bad", "Actions": [{"Name": "Old"}]}"#;

fn policy(action: &str) -> String {
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": ["{action}", "sagemaker:ListTrainingJobs"], "Resource": "*"}}]}}"#
    )
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sagemaker-actions"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn check_reads_the_documents_of_the_services_a_policy_names() {
    let dir = tempfile::tempdir().unwrap();
    let documents = dir.path().join("service-reference");
    std::fs::create_dir(&documents).unwrap();
    std::fs::write(documents.join("widgets.json"), WIDGETS).unwrap();
    std::fs::write(documents.join("broken.json"), "<html>").unwrap();
    std::fs::write(dir.path().join("typo.json"), policy("widgets:CreateWidgt")).unwrap();
    std::fs::write(dir.path().join("fine.json"), policy("widgets:CreateWidget")).unwrap();
    std::fs::write(dir.path().join("other.json"), policy("nosuch:Thing")).unwrap();
    std::fs::write(dir.path().join("broken-user.json"), policy("broken:Thing")).unwrap();

    let flag = ["check", "--service-reference", "service-reference"];
    let output = run(dir.path(), &[&flag[..], &["typo.json"]].concat());
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("INVALID_ACTION"), "{stdout}");
    assert!(
        stdout.contains("did you mean widgets:CreateWidget?"),
        "{stdout}"
    );

    let output = run(
        dir.path(),
        &[
            &flag[..],
            &["--min-severity", "info", "fine.json", "other.json"],
        ]
        .concat(),
    );
    let stdout = text(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(!stdout.contains("fine.json:"), "{stdout}");
    assert!(
        stdout.contains("other.json: INFO UNCHECKED_SERVICE"),
        "{stdout}"
    );
    assert_eq!(stdout.matches("UNCHECKED_SERVICE").count(), 1, "{stdout}");
    assert!(output.stderr.is_empty(), "{}", text(&output.stderr));

    // Without the flag, the service is unchecked.
    let output = run(
        dir.path(),
        &["check", "--min-severity", "info", "typo.json"],
    );
    assert!(text(&output.stdout).contains("UNCHECKED_SERVICE"));

    // A document the check needed that does not read: said on stderr, exit 2.
    let output = run(dir.path(), &[&flag[..], &["broken-user.json"]].concat());
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("broken.json") && stderr.contains("HTML"),
        "{stderr}"
    );

    // A directory that is not there is a usage error.
    let output = run(
        dir.path(),
        &["check", "--service-reference", "nowhere", "fine.json"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("nowhere"));
}

/// Serves `routes` (path to status and body), one request per connection.
struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    handle: Option<JoinHandle<()>>,
}

impl Server {
    fn start(routes: HashMap<String, (u16, String)>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let handle = {
            let stop = Arc::clone(&stop);
            thread::spawn(move || {
                let deadline = Instant::now() + Duration::from_secs(30);
                while !stop.load(Ordering::SeqCst) && Instant::now() < deadline {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            stream.set_nonblocking(false).unwrap();
                            let mut reader = BufReader::new(stream.try_clone().unwrap());
                            let mut request = String::new();
                            let _ = reader.read_line(&mut request);
                            let path = request.split(' ').nth(1).unwrap_or("").to_owned();
                            loop {
                                let mut line = String::new();
                                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                                    break;
                                }
                            }
                            let (status, body) = routes
                                .get(&path)
                                .cloned()
                                .unwrap_or((404, "not found".to_owned()));
                            let mut stream = stream;
                            let _ = write!(
                                stream,
                                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                                body.len()
                            );
                        }
                        Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                            thread::sleep(Duration::from_millis(5));
                        }
                        Err(_) => break,
                    }
                }
            })
        };
        Server {
            addr,
            stop,
            handle: Some(handle),
        }
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

#[test]
fn sync_saves_each_document_that_reads_and_reports_the_others() {
    let aws = "https://servicereference.us-east-1.amazonaws.com/";
    let list = format!(
        r#"[{{"service": "widgets", "url": "{aws}v1/widgets/widgets.json"}},
            {{"service": "gone", "url": "{aws}v1/gone/gone.json"}},
            {{"service": "bad", "url": "{aws}v1/bad/bad.json"}}]"#
    );
    let routes = HashMap::from([
        ("/".to_owned(), (200, list.clone())),
        (
            "/v1/widgets/widgets.json".to_owned(),
            (200, WIDGETS.to_owned()),
        ),
        (
            "/v1/bad/bad.json".to_owned(),
            (
                200,
                r#"{"Name": "bad", "Actions": [{"Name": 7}]}"#.to_owned(),
            ),
        ),
    ]);
    let server = Server::start(routes);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sr");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("bad.json"), BAD_BEFORE).unwrap();
    let base = format!("http://{}", server.addr);
    let output = run(
        dir.path(),
        &["sync-service-reference", "sr", "--base", &base],
    );
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        text(&output.stdout).contains("saved 1 of 3"),
        "{}",
        text(&output.stdout)
    );
    assert!(
        stderr.contains("gone: GET") && stderr.contains("404"),
        "{stderr}"
    );
    assert!(
        stderr.contains("bad: ") && stderr.contains("not saved"),
        "{stderr}"
    );
    assert!(
        stderr.contains("Actions[0]"),
        "the reader's place: {stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("widgets.json")).unwrap(),
        WIDGETS
    );
    assert_eq!(
        std::fs::read_to_string(out.join("service-list.json")).unwrap(),
        list
    );
    assert_eq!(
        std::fs::read_to_string(out.join("bad.json")).unwrap(),
        BAD_BEFORE
    );
    assert!(!out.join("gone.json").exists());
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["bad.json", "service-list.json", "widgets.json"],
        "no temporary files left"
    );

    // What was saved is what `check` reads.
    std::fs::write(dir.path().join("p.json"), policy("widgets:ListWidget")).unwrap();
    let output = run(
        dir.path(),
        &["check", "--service-reference", "sr", "p.json"],
    );
    assert!(text(&output.stdout).contains("did you mean widgets:ListWidgets?"));

    // A server without the list: nothing is written, exit 2.
    drop(server);
    let empty = Server::start(HashMap::new());
    let output = run(
        dir.path(),
        &[
            "sync-service-reference",
            "fresh",
            "--base",
            &format!("http://{}/", empty.addr),
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).contains("404"),
        "{}",
        text(&output.stderr)
    );
    assert!(!dir.path().join("fresh/service-list.json").exists());
}
