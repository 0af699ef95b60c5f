//! Checks against AWS's real documents in `/work/shared` (or `$SERVICE_REFERENCE_SHARED`). They
//! are not in the repository, so these tests are ignored and skip when the directory is absent:
//! `cargo test -p catalog-gen --release --test service_reference_real -- --ignored --nocapture`.

use catalog_gen::model::Catalog;
use catalog_gen::service_reference::{read_service_list, read_service_reference};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("SERVICE_REFERENCE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/work/shared"));
    if dir.join("service-reference").is_dir() {
        Some(dir)
    } else {
        eprintln!("{} is absent; skipped", dir.display());
        None
    }
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .filter(|path| path.file_name().unwrap() != "service-list.json")
        .collect();
    files.sort();
    files
}

#[test]
#[ignore = "reads /work/shared"]
fn every_real_document_reads() {
    let Some(shared) = shared() else { return };
    let dir = shared.join("service-reference");
    let services = json_files(&dir);
    let history = json_files(&dir.join("sagemaker-history"));
    let mut failures = Vec::new();
    let mut without_levels = BTreeMap::new();
    for path in services.iter().chain(&history) {
        let bytes = std::fs::read(path).unwrap();
        match read_service_reference(&bytes, None) {
            Ok(catalog) => {
                let stem = path.file_stem().unwrap().to_str().unwrap();
                if path.parent() == Some(dir.as_path()) {
                    assert_eq!(catalog.service.prefix, stem, "{}", path.display());
                }
                let count = catalog
                    .actions
                    .iter()
                    .filter(|action| action.access_levels.is_empty())
                    .count();
                if count > 0 {
                    without_levels.insert(stem.to_owned(), count);
                }
            }
            Err(error) => failures.push(format!("{}: {error}", path.display())),
        }
    }
    eprintln!(
        "{} service documents and {} SageMaker versions read; actions without Annotations: {without_levels:?}",
        services.len(),
        history.len()
    );
    assert_eq!(failures, Vec::<String>::new());
    assert_eq!((services.len(), history.len()), (451, 68));

    let list = read_service_list(&std::fs::read(dir.join("service-list.json")).unwrap()).unwrap();
    let listed: BTreeSet<String> = list.iter().map(|entry| entry.service.clone()).collect();
    let present: BTreeSet<String> = services
        .iter()
        .map(|path| path.file_stem().unwrap().to_str().unwrap().to_owned())
        .collect();
    assert_eq!(listed, present);
    for entry in &list {
        assert_eq!(
            entry.url,
            catalog_gen::service_reference::service_reference_url(&entry.service)
        );
    }
}

fn sagemaker(shared: &Path) -> (Vec<u8>, Catalog) {
    let bytes = std::fs::read(shared.join("service-reference/sagemaker.json")).unwrap();
    let catalog = read_service_reference(&bytes, None).unwrap();
    (bytes, catalog)
}

#[test]
#[ignore = "reads /work/shared"]
fn sagemaker_counts() {
    let Some(shared) = shared() else { return };
    let (_, catalog) = sagemaker(&shared);
    assert_eq!(
        (
            catalog.actions.len(),
            catalog.resource_types.len(),
            catalog.condition_keys.len(),
            catalog.operations.len()
        ),
        (444, 73, 65, 426)
    );
    assert_eq!(catalog.source.version.as_deref(), Some("v1.4"));
    let with_actions = catalog
        .operations
        .iter()
        .filter(|operation| !operation.authorized_actions.is_empty())
        .count();
    assert_eq!(with_actions, 395);
}

#[test]
#[ignore = "reads /work/shared; run with --release for the figure that matters"]
fn sagemaker_read_time() {
    let Some(shared) = shared() else { return };
    let (bytes, _) = sagemaker(&shared);
    let mut times: Vec<Duration> = (0..50)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(read_service_reference(&bytes, None).unwrap());
            start.elapsed()
        })
        .collect();
    times.sort();
    eprintln!(
        "sagemaker.json ({} bytes): min {:?}, median {:?}, max {:?} over {} reads",
        bytes.len(),
        times[0],
        times[times.len() / 2],
        times[times.len() - 1],
        times.len()
    );
    assert!(times[times.len() / 2] < Duration::from_millis(200));
}

/// Every way the 2026-07-01 page and the JSON disagree on SageMaker, one line each. The JSON
/// has no required markers, descriptions or dependent actions, so those are not compared.
#[test]
#[ignore = "reads /work/shared"]
fn sagemaker_page_and_json_disagree_only_as_recorded() {
    let Some(shared) = shared() else { return };
    let (_, json) = sagemaker(&shared);
    let page_bytes = std::fs::read(shared.join("aws-pages/sagemaker/2026-07-01.html")).unwrap();
    let page = catalog_gen::scrape::scrape(&page_bytes, None)
        .unwrap()
        .catalog;
    let lines = differences(&page, &json);
    let text = lines.join("\n") + "\n";
    eprintln!("{} differences:\n{text}", lines.len());
    expect_test::expect_file!["snapshots/sagemaker-page-vs-service-reference.txt"].assert_eq(&text);
}

fn differences(page: &Catalog, json: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    let names = |items: Vec<&String>| items.into_iter().cloned().collect::<BTreeSet<String>>();
    let mut only = |what: &str, page_names: BTreeSet<String>, json_names: BTreeSet<String>| {
        for name in page_names.difference(&json_names) {
            out.push(format!("{what} {name}: only on the page"));
        }
        for name in json_names.difference(&page_names) {
            out.push(format!("{what} {name}: only in the JSON"));
        }
    };
    only(
        "action",
        names(page.actions.iter().map(|a| &a.name).collect()),
        names(json.actions.iter().map(|a| &a.name).collect()),
    );
    only(
        "resource type",
        names(page.resource_types.iter().map(|r| &r.name).collect()),
        names(json.resource_types.iter().map(|r| &r.name).collect()),
    );
    only(
        "condition key",
        names(page.condition_keys.iter().map(|k| &k.name).collect()),
        names(json.condition_keys.iter().map(|k| &k.name).collect()),
    );
    for page_rt in &page.resource_types {
        let Some(json_rt) = json.resource_type(&page_rt.name) else {
            continue;
        };
        if page_rt.arn_formats != json_rt.arn_formats {
            out.push(format!(
                "resource type {}: ARN formats: page {:?}, JSON {:?}",
                page_rt.name, page_rt.arn_formats, json_rt.arn_formats
            ));
        }
        set_difference(
            &mut out,
            &format!("resource type {}: condition keys", page_rt.name),
            &page_rt.condition_keys,
            &json_rt.condition_keys,
        );
    }
    for page_key in &page.condition_keys {
        let Some(json_key) = json.condition_keys.iter().find(|k| k.name == page_key.name) else {
            continue;
        };
        if page_key.value_type != json_key.value_type {
            out.push(format!(
                "condition key {}: type: page {}, JSON {}",
                page_key.name, page_key.value_type, json_key.value_type
            ));
        }
    }
    for page_action in &page.actions {
        let Some(json_action) = json.action(&page_action.name) else {
            continue;
        };
        let subject = format!("action {}", page_action.name);
        if page_action.access_levels != json_action.access_levels {
            let show = |levels: &[catalog_gen::model::AccessLevel]| {
                levels
                    .iter()
                    .map(|level| level.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            out.push(format!(
                "{subject}: access levels: page [{}], JSON [{}]",
                show(&page_action.access_levels),
                show(&json_action.access_levels)
            ));
        }
        let rt_names = |action: &catalog_gen::model::Action| {
            action
                .resource_types
                .iter()
                .map(|rt| rt.name.clone())
                .collect::<Vec<_>>()
        };
        set_difference(
            &mut out,
            &format!("{subject}: resource types"),
            &rt_names(page_action),
            &rt_names(json_action),
        );
        for page_rt in &page_action.resource_types {
            if let Some(json_rt) = json_action
                .resource_types
                .iter()
                .find(|rt| rt.name == page_rt.name)
            {
                set_difference(
                    &mut out,
                    &format!(
                        "{subject}: condition keys on resource type {}",
                        page_rt.name
                    ),
                    &page_rt.condition_keys,
                    &json_rt.condition_keys,
                );
            }
        }
        set_difference(
            &mut out,
            &format!("{subject}: action condition keys"),
            &page_action.condition_keys,
            &json_action.condition_keys,
        );
    }
    out
}

fn set_difference(out: &mut Vec<String>, what: &str, page: &[String], json: &[String]) {
    let page_set: BTreeSet<&String> = page.iter().collect();
    let json_set: BTreeSet<&String> = json.iter().collect();
    let page_only: Vec<&&String> = page_set.difference(&json_set).collect();
    let json_only: Vec<&&String> = json_set.difference(&page_set).collect();
    if !page_only.is_empty() || !json_only.is_empty() {
        out.push(format!(
            "{what}: only on the page {page_only:?}, only in the JSON {json_only:?}"
        ));
    }
}

/// The JSON's condition key types against the page's for every service page in
/// `aws-pages/services/` (plus SageMaker's): the same names, so the reader copies them verbatim.
#[test]
#[ignore = "reads /work/shared"]
fn condition_key_types_agree_with_the_pages() {
    let Some(shared) = shared() else { return };
    let mut pages: Vec<PathBuf> = std::fs::read_dir(shared.join("aws-pages/services"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    pages.push(shared.join("aws-pages/sagemaker/2026-07-01.html"));
    pages.sort();
    let mut report = Vec::new();
    for page_path in &pages {
        let page = match catalog_gen::scrape::scrape(&std::fs::read(page_path).unwrap(), None) {
            Ok(scraped) => scraped.catalog,
            Err(error) => {
                report.push(format!("{}: not scraped: {error}", page_path.display()));
                continue;
            }
        };
        let prefix = &page.service.prefix;
        let json_path = shared.join(format!("service-reference/{prefix}.json"));
        let Ok(bytes) = std::fs::read(&json_path) else {
            report.push(format!("{prefix}: no JSON"));
            continue;
        };
        let json = read_service_reference(&bytes, None).unwrap();
        let mut compared = 0;
        for page_key in &page.condition_keys {
            if let Some(json_key) = json.condition_keys.iter().find(|k| k.name == page_key.name) {
                compared += 1;
                if json_key.value_type != page_key.value_type {
                    report.push(format!(
                        "{prefix} {}: page {}, JSON {}",
                        page_key.name, page_key.value_type, json_key.value_type
                    ));
                }
            }
        }
        eprintln!(
            "{}: {compared} keys compared",
            page_path.file_name().unwrap().to_string_lossy()
        );
    }
    eprintln!("{}", report.join("\n"));
    assert_eq!(report, Vec::<String>::new());
}
