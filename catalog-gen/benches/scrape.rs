//! Scraper speed and memory on the real pages: one scrape of the newest SageMaker snapshot, and
//! all SageMaker snapshots in turn. Targets (release build): under 50 ms for the one page, under
//! 2 s for all snapshots, peak resident memory under 100 MB.
//!
//! The pages live outside the repository: pass the directory as the first argument, or set
//! `AWS_PAGES`; default `../shared/aws-pages` beside the workspace. `cargo xtask bench` runs this.

use catalog_gen::scrape::scrape;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const NEWEST: &str = "sagemaker/2026-06-14.html";
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
    let mut timings: Vec<Duration> = (0..SINGLE_PAGE_RUNS)
        .map(|_| {
            let start = Instant::now();
            let scraped = scrape(&bytes, None).expect("the newest snapshot scrapes");
            let elapsed = start.elapsed();
            std::hint::black_box(scraped);
            elapsed
        })
        .collect();
    timings.sort();
    println!(
        "one page   {NEWEST} ({} KB): median {:.1} ms, min {:.1} ms, max {:.1} ms over {SINGLE_PAGE_RUNS} runs (target < 50 ms)",
        bytes.len() / 1024,
        millis(timings[SINGLE_PAGE_RUNS / 2]),
        millis(timings[0]),
        millis(timings[SINGLE_PAGE_RUNS - 1]),
    );

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
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list the SageMaker snapshots")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "html")
        })
        .collect();
    found.sort();
    found
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
