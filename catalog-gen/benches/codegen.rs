//! Codegen time for the full SageMaker catalog: parse the data files (the history included), validate, emit and format
//! all generated files. Target (release): under 1 s. Runs on the committed data, so it needs
//! nothing outside the repository.

use catalog_gen::codegen::{generate, DATA_FILE, GLOBAL_KEYS_FILE, HISTORY_FILE};
use catalog_gen::history::History;
use catalog_gen::model::{Catalog, GlobalConditionKeys};
use std::path::Path;
use std::time::{Duration, Instant};

const RUNS: usize = 10;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root");
    let data = std::fs::read_to_string(root.join(DATA_FILE)).expect("read the data file");
    let globals =
        std::fs::read_to_string(root.join(GLOBAL_KEYS_FILE)).expect("read the global keys");
    let history = std::fs::read_to_string(root.join(HISTORY_FILE)).expect("read the history");
    let mut timings: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let catalog: Catalog = serde_json::from_str(&data).expect("valid data file");
            let globals: GlobalConditionKeys =
                serde_json::from_str(&globals).expect("valid global keys");
            let history: History = serde_json::from_str(&history).expect("valid history");
            let files = generate(&catalog, &globals, Some(&history)).expect("codegen succeeds");
            let elapsed = start.elapsed();
            std::hint::black_box(files);
            elapsed
        })
        .collect();
    timings.sort();
    let bytes: usize = generate(
        &serde_json::from_str(&data).unwrap(),
        &serde_json::from_str(&globals).unwrap(),
        Some(&serde_json::from_str(&history).unwrap()),
    )
    .unwrap()
    .iter()
    .map(|file| file.contents.len())
    .sum();
    println!(
        "codegen    full catalog ({} KB of Rust): median {:.0} ms, min {:.0} ms, max {:.0} ms over {RUNS} runs (target < 1000 ms)",
        bytes / 1024,
        timings[RUNS / 2].as_secs_f64() * 1000.0,
        timings[0].as_secs_f64() * 1000.0,
        timings[RUNS - 1].as_secs_f64() * 1000.0,
    );
}
