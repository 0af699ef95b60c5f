//! The Markdown reader over AWS's real pages in the shared folder beside the repository
//! (`shared/aws-pages/markdown/`, see its SOURCES.md), which the repository does not carry.
//! Ignored by default; run with
//!
//! ```text
//! cargo test -p catalog-gen --test markdown_real_pages -- --ignored
//! ```
//!
//! Each test skips with a message when the folder is not there.

use catalog_gen::check::condition_key_references;
use catalog_gen::model::Catalog;
use catalog_gen::scrape::{scrape, scrape_markdown};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn shared(path: &str) -> Option<Vec<u8>> {
    let full = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/aws-pages")
        .join(path);
    match std::fs::read(&full) {
        Ok(bytes) => Some(bytes),
        Err(error) => {
            eprintln!("skipped: cannot read {}: {error}", full.display());
            None
        }
    }
}

fn read_markdown(file: &str) -> Option<Catalog> {
    let bytes = shared(&format!("markdown/{file}"))?;
    let scraped = scrape_markdown(&bytes, None).unwrap_or_else(|error| panic!("{file}: {error}"));
    for warning in &scraped.warnings {
        eprintln!("{file}: warning: {warning}");
    }
    Some(scraped.catalog)
}

/// The counts SOURCES.md states for each file: operations, actions, permission-only actions,
/// resource types, condition keys.
#[test]
#[ignore = "reads the shared folder outside the repository"]
fn real_pages_have_the_documented_counts() {
    let expected = [
        ("sagemaker.md", "sagemaker", 399, 433, 15, 73, 68),
        ("firehose.md", "firehose", 12, 12, 0, 1, 3),
        ("sqs.md", "sqs", 23, 20, 0, 1, 3),
        ("states.md", "states", 37, 37, 2, 9, 6),
    ];
    for (file, prefix, operations, actions, permission_only, resource_types, keys) in expected {
        let Some(catalog) = read_markdown(file) else {
            return;
        };
        let only = catalog.actions.iter().filter(|a| a.permission_only).count();
        let measured = (
            catalog.service.prefix.as_str(),
            catalog.operations.len(),
            catalog.actions.len() - only,
            only,
            catalog.resource_types.len(),
            catalog.condition_keys.len(),
        );
        eprintln!("{file}: {measured:?}, url {}", catalog.source.url);
        assert_eq!(
            measured,
            (
                prefix,
                operations,
                actions,
                permission_only,
                resource_types,
                keys
            ),
            "{file}"
        );
    }
}

/// SOURCES.md: the SageMaker Markdown and the last old-layout HTML page (2026-07-01) agree on
/// the descriptions of shared actions, the ARNs of shared resource types and the descriptions of
/// shared condition keys.
#[test]
#[ignore = "reads the shared folder outside the repository"]
fn sagemaker_markdown_agrees_with_the_2026_07_01_html() {
    let Some(markdown) = read_markdown("sagemaker.md") else {
        return;
    };
    let Some(html_bytes) = shared("sagemaker/2026-07-01.html") else {
        return;
    };
    let html = scrape(&html_bytes, None)
        .expect("the HTML page scrapes")
        .catalog;

    let mut differences = Vec::new();
    let mut per_fact = std::collections::BTreeMap::new();
    let mut shared_actions = 0;
    for action in &markdown.actions {
        let Some(old) = html.action(&action.name) else {
            continue;
        };
        shared_actions += 1;
        let resources = |action: &catalog_gen::model::Action| -> Vec<(String, bool)> {
            action
                .resource_types
                .iter()
                .map(|rt| (rt.name.clone(), rt.required))
                .collect()
        };
        // The 2026 layout writes each resource line with the union of the resource type's own
        // keys and the action's keys; the 2020 layout splits them. Compared as a set, the keys
        // an action mentions anywhere must still be the HTML's keys plus those of its resource
        // types' table rows at most.
        let mentioned =
            |catalog: &Catalog, action: &catalog_gen::model::Action| -> BTreeSet<String> {
                let referrer = format!("action {}", action.name);
                condition_key_references(catalog)
                    .filter(|(by, _)| *by == referrer)
                    .map(|(_, key)| key.clone())
                    .collect()
            };
        let mut allowed = mentioned(&html, old);
        for rt in &action.resource_types {
            if let Some(defined) = markdown.resource_type(&rt.name) {
                allowed.extend(defined.condition_keys.iter().cloned());
            }
        }
        let keys_new = mentioned(&markdown, action);
        let facts = [
            (
                "description",
                format!("{:?}", old.description),
                format!("{:?}", action.description),
            ),
            (
                "access levels",
                format!("{:?}", old.access_levels),
                format!("{:?}", action.access_levels),
            ),
            (
                "permission only",
                old.permission_only.to_string(),
                action.permission_only.to_string(),
            ),
            (
                "resource types",
                format!("{:?}", resources(old)),
                format!("{:?}", resources(action)),
            ),
            (
                "condition keys (beyond the HTML's and the resource types')",
                String::new(),
                format!("{:?}", keys_new.difference(&allowed).collect::<Vec<_>>())
                    .replace("[]", ""),
            ),
            (
                "condition keys (HTML keys the Markdown lacks)",
                String::new(),
                format!(
                    "{:?}",
                    mentioned(&html, old)
                        .difference(&keys_new)
                        .collect::<Vec<_>>()
                )
                .replace("[]", ""),
            ),
            (
                "documentation url",
                format!("{:?}", old.documentation_url),
                format!("{:?}", action.documentation_url),
            ),
        ];
        for (fact, old, new) in facts {
            if old != new {
                *per_fact.entry(fact).or_insert(0) += 1;
                differences.push(format!(
                    "action {} {fact}: html {old} / markdown {new}",
                    action.name
                ));
            }
        }
    }
    let mut shared_resources = 0;
    for resource in &markdown.resource_types {
        let Some(old) = html.resource_type(&resource.name) else {
            continue;
        };
        shared_resources += 1;
        if (
            &old.arn_formats,
            &old.condition_keys,
            &old.documentation_url,
        ) != (
            &resource.arn_formats,
            &resource.condition_keys,
            &resource.documentation_url,
        ) {
            differences.push(format!(
                "resource type {}: html {old:?} / markdown {resource:?}",
                resource.name
            ));
        }
    }
    let mut shared_keys = 0;
    for key in &markdown.condition_keys {
        let Some(old) = html.condition_keys.iter().find(|old| old.name == key.name) else {
            continue;
        };
        shared_keys += 1;
        if old != key {
            differences.push(format!(
                "condition key {}: html {old:?} / markdown {key:?}",
                key.name
            ));
        }
    }
    let names = |catalog: &Catalog| -> BTreeSet<String> {
        catalog.actions.iter().map(|a| a.name.clone()).collect()
    };
    let (new_names, old_names) = (names(&markdown), names(&html));
    eprintln!(
        "shared: {shared_actions} actions, {shared_resources} resource types, {shared_keys} keys; \
         only in markdown: {:?}; only in html: {:?}",
        new_names.difference(&old_names).collect::<Vec<_>>(),
        old_names.difference(&new_names).collect::<Vec<_>>()
    );
    for difference in &differences {
        eprintln!("{difference}");
    }
    eprintln!("{} differences: {per_fact:?}", differences.len());
}
