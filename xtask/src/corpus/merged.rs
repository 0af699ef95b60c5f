//! Every prefix with a page and a service reference JSON document, merged: one line per prefix
//! with the number of disagreements by fact, so a reviewer sees where the forms differ.

use super::NamedSource;
use catalog_gen::model::{Catalog, SourceFormat};
use catalog_gen::sources::merge_sources;
use std::collections::BTreeMap;

/// The facts counted on every line, in this order; any other fact is added after them.
const FACTS: &[&str] = &[
    "listed",
    "access levels",
    "resource types",
    "condition keys",
    "ARN formats",
    "type",
    "authorized actions",
];

/// Merges each prefix's pages with its JSON document; a merge that fails is added to
/// `failures`. Returns the number of merges attempted.
pub(crate) fn merge_prefixes(
    pages: BTreeMap<String, Vec<NamedSource>>,
    mut documents: BTreeMap<String, NamedSource>,
    failures: &mut Vec<String>,
) -> usize {
    let mut merged = 0;
    let mut without_json = Vec::new();
    for (prefix, mut pages) in pages {
        // The order merge_sources merges them in: Markdown pages, then HTML pages.
        pages.sort_by_key(|(_, source)| source.format != SourceFormat::Markdown);
        let Some(document) = documents.remove(&prefix) else {
            without_json.push(prefix);
            continue;
        };
        merged += 1;
        let names: Vec<String> = pages
            .iter()
            .chain(std::iter::once(&document))
            .map(|(name, _)| name.clone())
            .collect();
        let names = names.join(" + ");
        let sources = pages
            .into_iter()
            .chain(std::iter::once(document))
            .map(|(_, source)| source)
            .collect();
        match merge_sources(sources) {
            Ok(catalog) => println!("merge {prefix:<20} {}: {names}", tally(&catalog)),
            Err(error) => {
                println!("FAIL merge {prefix}: {names}: {error}");
                failures.push(format!("merge of {names}"));
            }
        }
    }
    if !without_json.is_empty() {
        println!("not merged (no service reference JSON document): {without_json:?}");
    }
    merged
}

/// `N disagreements (listed=.. access levels=.. ...)`.
fn tally(catalog: &Catalog) -> String {
    let mut by_fact: BTreeMap<&str, usize> = BTreeMap::new();
    for disagreement in &catalog.disagreements {
        *by_fact.entry(disagreement.fact.as_str()).or_default() += 1;
    }
    let mut parts: Vec<String> = FACTS
        .iter()
        .map(|fact| format!("{fact}={}", by_fact.remove(fact).unwrap_or(0)))
        .collect();
    parts.extend(
        by_fact
            .iter()
            .map(|(fact, count)| format!("{fact}={count}")),
    );
    format!(
        "{:>4} disagreements ({})",
        catalog.disagreements.len(),
        parts.join(", ")
    )
}
