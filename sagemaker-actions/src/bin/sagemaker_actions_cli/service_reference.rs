//! AWS's service reference JSON: `check --service-reference DIR` and `sync-service-reference`.

use crate::{Outcome, SyncArgs, EXIT_CLEAN, EXIT_ERROR};
use catalog_model::service_reference::{read_service_list, read_service_reference};
use sagemaker_actions::validate::{ServiceReferenceDir, Validator, SERVICE_LIST_FILE};
use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Where AWS serves the service list; each service's document is under `v1/`.
pub const AWS_BASE: &str = "https://servicereference.us-east-1.amazonaws.com/";

/// Downloads at a time: AWS's host answers quickly, and 451 documents one after the other take
/// most of a minute.
const WORKERS: usize = 8;

/// No document is near this (EC2's, the largest, is about 1 MB).
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Lists the documents of `dir` for `check --service-reference`.
pub fn open(dir: &Path) -> Result<ServiceReferenceDir, String> {
    ServiceReferenceDir::open(dir)
        .map_err(|error| format!("service reference {}: {error}", dir.display()))
}

/// Says on stderr which documents a check needed but could not read; whether there were any.
pub fn report_errors(validator: &Validator) -> bool {
    let Some(documents) = validator.service_reference() else {
        return false;
    };
    let errors = documents.errors();
    for error in &errors {
        eprintln!(
            "sagemaker-actions: service reference {error} (the actions of {:?} were not checked)",
            error.prefix
        );
    }
    !errors.is_empty()
}

/// Runs `sync-service-reference`.
pub fn sync(args: &SyncArgs) -> Outcome {
    let failed = |message: String| {
        eprintln!("sagemaker-actions: {message}");
        Outcome {
            stdout: String::new(),
            exit: EXIT_ERROR,
        }
    };
    let base = if args.base.ends_with('/') {
        args.base.clone()
    } else {
        format!("{}/", args.base)
    };
    if let Err(error) = std::fs::create_dir_all(&args.dir) {
        return failed(format!("cannot create {}: {error}", args.dir.display()));
    }
    let agent = agent();
    let list = match get(&agent, &base) {
        Ok(list) => list,
        Err(message) => return failed(message),
    };
    let entries = match read_service_list(&list) {
        Ok(entries) => entries,
        Err(error) => return failed(format!("the service list at {base}: {error}")),
    };
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..WORKERS.min(entries.len()) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(entry) = entries.get(index) else {
                    break;
                };
                let url = on_base(&entry.url, &base);
                if let Err(message) = save_document(&agent, &args.dir, &entry.service, &url) {
                    failures
                        .lock()
                        .expect("no worker panics holding the lock")
                        .push((index, format!("{}: {message}", entry.service)));
                }
            });
        }
    });
    let mut failures = failures.into_inner().expect("workers are done");
    failures.sort();
    // The list last, once the documents it names are in place (those that failed keep their
    // previous copy, if any).
    let list_saved = write_atomically(&args.dir.join(SERVICE_LIST_FILE), &list);
    for (_, message) in &failures {
        eprintln!("sagemaker-actions: {message}");
    }
    if let Err(error) = &list_saved {
        eprintln!("sagemaker-actions: {SERVICE_LIST_FILE}: {error}");
    }
    let stdout = format!(
        "saved {} of {} service reference documents into {}\n",
        entries.len() - failures.len(),
        entries.len(),
        args.dir.display()
    );
    let exit = if failures.is_empty() && list_saved.is_ok() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    };
    Outcome { stdout, exit }
}

/// A document's URL as the list gives it, moved to `base` when the list names AWS's host and
/// `--base` another (a mirror, a test server).
fn on_base(url: &str, base: &str) -> String {
    match url.strip_prefix(AWS_BASE) {
        Some(path) if base != AWS_BASE => format!("{base}{path}"),
        _ => url.to_owned(),
    }
}

/// Fetches, reads (a document the validator could not use is not saved) and writes one
/// service's document.
fn save_document(agent: &ureq::Agent, dir: &Path, service: &str, url: &str) -> Result<(), String> {
    if service.is_empty()
        || !service
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
    {
        return Err("not a service prefix, so not a file name; skipped".to_owned());
    }
    let bytes = get(agent, url)?;
    let catalog = read_service_reference(&bytes, Some(url))
        .map_err(|error| format!("{url} is not a usable document, not saved: {error}"))?;
    if !catalog.service.prefix.eq_ignore_ascii_case(service) {
        return Err(format!(
            "{url} is the document of {:?}, not saved",
            catalog.service.prefix
        ));
    }
    let path = dir.join(format!("{}.json", service.to_ascii_lowercase()));
    write_atomically(&path, &bytes).map_err(|error| format!("{}: {error}", path.display()))
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(60)))
        .timeout_connect(Some(Duration::from_secs(10)))
        .max_redirects(5)
        .http_status_as_error(false)
        .user_agent(concat!("sagemaker-actions/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

/// The body of a 200 answer to GET `url`; anything else is an error naming the URL.
fn get(agent: &ureq::Agent, url: &str) -> Result<Vec<u8>, String> {
    let response = agent
        .get(url)
        .call()
        .map_err(|error| format!("GET {url} failed: {error}"))?;
    let status = response.status();
    if status != ureq::http::StatusCode::OK {
        return Err(format!(
            "GET {url} answered {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        ));
    }
    response
        .into_body()
        .into_with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|error| format!("GET {url} failed while reading: {error}"))
}

/// Writes `bytes` to a temporary file beside `path`, then renames it over `path`: a reader
/// sees the old file or the new one, never part of one.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or("file");
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written = std::fs::File::create(&temporary).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&temporary, path)) {
        Ok(()) => Ok(()),
        Err(error) => {
            let _ = std::fs::remove_file(&temporary);
            Err(error)
        }
    }
}
