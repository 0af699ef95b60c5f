//! The scraper end to end, over small hand-written pages in `fixtures/pages/`, one per layout.
//!
//! Each page's catalog is compared, byte for byte, with the committed
//! `fixtures/expected/<page>.json`. After an intended change to the scraper or to a fixture,
//! rewrite the expected files with
//!
//! ```text
//! UPDATE_EXPECT=1 cargo test -p integration-tests --test scrape_fixtures
//! ```
//!
//! and read the diff before committing it: the expected files are checked by hand against the
//! pages. None of these tests need the network or anything outside this repository.

use catalog_gen::scrape::{self, Layout, Scraped};

const CAPITALIZED_2019: &str = "capitalized-2019";
const SENTENCE_CASE_2020: &str = "sentence-case-2020";
const SPLIT_2026: &str = "split-2026";
const ALL_PAGES: [&str; 3] = [CAPITALIZED_2019, SENTENCE_CASE_2020, SPLIT_2026];

const UPDATE_COMMAND: &str =
    "UPDATE_EXPECT=1 cargo test -p integration-tests --test scrape_fixtures";

fn page_path(name: &str) -> String {
    format!(
        "{}/{name}.html",
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/pages")
    )
}

fn expected_path(name: &str) -> String {
    format!(
        "{}/{name}.json",
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/expected")
    )
}

fn page_bytes(name: &str) -> Vec<u8> {
    let path = page_path(name);
    std::fs::read(&path).unwrap_or_else(|error| panic!("cannot read fixture page {path}: {error}"))
}

fn scrape_page(name: &str) -> Scraped {
    scrape::scrape(&page_bytes(name), None)
        .unwrap_or_else(|error| panic!("fixture {name} does not scrape: {error}"))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some_and(|value| value == "1")
}

/// Compares the page's catalog JSON with its expected file, or rewrites the file under
/// `UPDATE_EXPECT=1`.
fn check_expected(name: &str) {
    let actual = scrape_page(name).catalog.to_json();
    let path = expected_path(name);
    if updating() {
        std::fs::write(&path, &actual)
            .unwrap_or_else(|error| panic!("cannot write {path}: {error}"));
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!("fixture {name}: cannot read expected file {path} ({error}); create it with `{UPDATE_COMMAND}`")
    });
    if actual == expected {
        return;
    }
    let (line, expected_line, actual_line) = expected
        .lines()
        .map(Some)
        .chain(std::iter::repeat(None))
        .zip(actual.lines().map(Some).chain(std::iter::repeat(None)))
        .take_while(|pair| *pair != (None, None))
        .enumerate()
        .find(|(_, (expected, actual))| expected != actual)
        .map(|(index, (expected, actual))| (index + 1, expected, actual))
        .unwrap_or((0, None, None));
    panic!(
        "fixture {name}: the scraped catalog differs from {path}\n\
         first difference at line {line}:\n  expected: {expected_line:?}\n  actual:   {actual_line:?}\n\
         If the change is intended, rewrite the expected files with `{UPDATE_COMMAND}` and review the diff."
    );
}

#[test]
fn capitalized_2019_matches_expected_json() {
    check_expected(CAPITALIZED_2019);
}

#[test]
fn sentence_case_2020_matches_expected_json() {
    check_expected(SENTENCE_CASE_2020);
}

#[test]
fn split_2026_matches_expected_json() {
    check_expected(SPLIT_2026);
}

#[test]
fn layouts() {
    for (name, layout) in ALL_PAGES.iter().zip([
        Layout::Capitalized2019,
        Layout::SentenceCase2020,
        Layout::Split2026,
    ]) {
        let s = scrape_page(name);
        assert_eq!(s.layout, layout, "{name}");
        eprintln!(
            "{name}: {:?}",
            s.warnings.iter().map(|w| w.to_string()).collect::<Vec<_>>()
        );
    }
}
