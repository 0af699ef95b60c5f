//! Scraper speed and memory on the real pages: one scrape of the newest SageMaker snapshot, and
//! all SageMaker snapshots in turn; the Markdown page and the service reference JSON; the history
//! over every dated source. Targets (release build): under 50 ms for the one page, under 2 s for
//! all snapshots, under 20 ms each for the Markdown page and the JSON, under 5 s for the history,
//! peak resident memory under 100 MB.
//!
//! The pages live outside the repository: pass the directory as the first argument, or set
//! `AWS_PAGES`; default `../shared/aws-pages` beside the workspace. `cargo xtask bench` runs this.

use catalog_gen::history::{history, Version};
use catalog_gen::scrape::{scrape, scrape_markdown};
use catalog_gen::service_reference::read_service_reference;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NEWEST: &str = "sagemaker/2026-07-01.html";
const SINGLE_PAGE_RUNS: usize = 20;

fn main() {
    let pages = pages_dir();
    let newest = pages.join(NEWEST);
    if !newest.is_file() {
        println!(
            "scrape bench skipped: {} not found (pass the aws-pages directory as the first argument or set AWS_PAGES)",
            newest.display()
        );
        return;
    }

    let bytes = std::fs::read(&newest).expect("read the newest snapshot");
    report_median(NEWEST, bytes.len(), 50.0, || {
        std::hint::black_box(scrape(&bytes, None).expect("the newest snapshot scrapes"));
    });
    let markdown = pages.join("markdown/sagemaker.md");
    if let Ok(bytes) = std::fs::read(&markdown) {
        report_median("markdown/sagemaker.md", bytes.len(), 20.0, || {
            std::hint::black_box(scrape_markdown(&bytes, None).expect("the Markdown page scrapes"));
        });
    }
    let reference_dir = pages.join("../service-reference");
    if let Ok(bytes) = std::fs::read(reference_dir.join("sagemaker.json")) {
        report_median(
            "service-reference/sagemaker.json",
            bytes.len(),
            20.0,
            || {
                std::hint::black_box(
                    read_service_reference(&bytes, None).expect("the service reference reads"),
                );
            },
        );
    }

    let snapshots = snapshots(&pages.join("sagemaker"));
    let start = Instant::now();
    let mut total_bytes = 0;
    for path in &snapshots {
        let bytes = std::fs::read(path).expect("read a snapshot");
        total_bytes += bytes.len();
        let scraped = scrape(&bytes, None)
            .unwrap_or_else(|error| panic!("{} does not scrape: {error}", path.display()));
        std::hint::black_box(scraped);
    }
    let elapsed = start.elapsed();
    println!(
        "all pages  {} SageMaker snapshots ({} MB, read + scrape): {:.0} ms (target < 2000 ms)",
        snapshots.len(),
        total_bytes / (1024 * 1024),
        millis(elapsed)
    );
    let history_dir = reference_dir.join("sagemaker-history");
    if history_dir.is_dir() {
        let start = Instant::now();
        let mut versions: Vec<Version> = snapshots
            .iter()
            .map(|path| {
                dated(
                    path,
                    scrape(&std::fs::read(path).expect("read a snapshot"), None)
                        .expect("scrapes")
                        .catalog,
                )
            })
            .collect();
        let json_versions = files(&history_dir, "json");
        for path in &json_versions {
            let bytes = std::fs::read(path).expect("read a service reference version");
            versions.push(dated(
                path,
                read_service_reference(&bytes, None).expect("reads"),
            ));
        }
        let history = history(versions);
        println!(
            "history    {} snapshots + {} service reference versions -> {} actions: {:.0} ms (target < 5000 ms)",
            snapshots.len(),
            json_versions.len(),
            history.actions.len(),
            millis(start.elapsed())
        );
    }
    match peak_resident_kb() {
        Some(kb) => println!(
            "peak memory {:.1} MB resident (VmHWM; target < 100 MB)",
            kb as f64 / 1024.0
        ),
        None => println!("peak memory unknown: /proc/self/status has no VmHWM on this system"),
    }
}

fn pages_dir() -> PathBuf {
    std::env::args()
        .skip(1)
        .find(|argument| !argument.starts_with("--"))
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("AWS_PAGES").map(PathBuf::from))
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/aws-pages"))
}

fn snapshots(dir: &Path) -> Vec<PathBuf> {
    files(dir, "html")
}

fn files(dir: &Path, wanted: &str) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list the dated sources")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == wanted)
        })
        .collect();
    found.sort();
    found
}

/// A version dated by its file name, `YYYY-MM-DD[-N].ext`, as the history command dates them.
fn dated(path: &Path, catalog: catalog_gen::model::Catalog) -> Version {
    let name = path
        .file_name()
        .expect("a file")
        .to_string_lossy()
        .into_owned();
    Version {
        date: name[..10].to_owned(),
        location: name,
        catalog,
    }
}

/// Runs `work` [`SINGLE_PAGE_RUNS`] times and prints the median, min and max.
fn report_median(name: &str, size: usize, target_ms: f64, mut work: impl FnMut()) {
    let mut timings: Vec<Duration> = (0..SINGLE_PAGE_RUNS)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .collect();
    timings.sort();
    println!(
        "one page   {name} ({} KB): median {:.1} ms, min {:.1} ms, max {:.1} ms over {SINGLE_PAGE_RUNS} runs (target < {target_ms:.0} ms)",
        size / 1024,
        millis(timings[SINGLE_PAGE_RUNS / 2]),
        millis(timings[0]),
        millis(timings[SINGLE_PAGE_RUNS - 1]),
    );
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// Peak resident set size of this process, from Linux's /proc.
fn peak_resident_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
}
