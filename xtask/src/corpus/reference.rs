//! The service reference JSON documents of the corpus: every `<prefix>.json` of the directory,
//! its `service-list.json` (which must list exactly the documents present), and the dated
//! versions in each `<prefix>-history/` subdirectory (checked against its `INDEX.tsv` when there
//! is one). One summary line per directory; one `FAIL` line per file that fails.

use super::{corpus_invariants, relative_name, NamedSource};
use anyhow::{bail, Context, Result};
use catalog_gen::check;
use catalog_gen::model::{Catalog, SourceFormat};
use catalog_gen::service_reference::{read_service_list, read_service_reference};
use catalog_gen::sources::ReadSource;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The index of the documents, in the shape of AWS's own service list.
const SERVICE_LIST: &str = "service-list.json";

/// The table of the dated versions in a history directory: one row per file with its counts.
const HISTORY_INDEX: &str = "INDEX.tsv";

/// Counts read off a JSON document without the reader.
struct PinnedReference {
    /// The file name in the service reference directory.
    file: &'static str,
    actions: usize,
    resource_types: usize,
    condition_keys: usize,
    operations: usize,
}

/// Verified independently of the reader: the lengths of `Actions`, `Resources`, `ConditionKeys`
/// and `Operations` read with Python's `json` (distinct `Name`s give the same numbers), and as
/// the corpus's SOURCES.md and `sagemaker-history/INDEX.tsv` (its last row) state them.
const PINNED_REFERENCE: &[PinnedReference] = &[PinnedReference {
    file: "sagemaker.json",
    actions: 444,
    resource_types: 73,
    condition_keys: 65,
    operations: 426,
}];

/// What reading the directories gave.
pub(crate) struct ReadDirectories {
    /// Documents read (or that failed).
    pub files: usize,
    /// The files that failed, named relative to the directory's parent.
    pub failures: Vec<String>,
    /// Pinned documents that are not in the directory.
    pub missing_pinned: Vec<String>,
    /// The top-level documents of the wanted prefixes, by prefix.
    pub documents: BTreeMap<String, NamedSource>,
}

/// Sums over the documents of one directory.
#[derive(Default)]
struct Totals {
    documents: usize,
    actions: usize,
    resource_types: usize,
    condition_keys: usize,
    operations: usize,
    warnings: usize,
}

impl Totals {
    fn add(&mut self, source: &ReadSource) {
        let catalog = &source.catalog;
        self.documents += 1;
        self.actions += catalog.actions.len();
        self.resource_types += catalog.resource_types.len();
        self.condition_keys += catalog.condition_keys.len();
        self.operations += catalog.operations.len();
        self.warnings += source.warnings.len();
    }

    fn counts(&self) -> String {
        format!(
            "actions={} resource_types={} condition_keys={} operations={} warnings={}",
            self.actions, self.resource_types, self.condition_keys, self.operations, self.warnings
        )
    }
}

/// Reads every document of `dir` and of its history subdirectories; keeps the top-level
/// documents whose prefix is in `wanted`.
pub(crate) fn check_directories(dir: &Path, wanted: &[&str]) -> Result<ReadDirectories> {
    let base = dir.parent().unwrap_or(dir);
    let label = |path: &Path| relative_name(base, path);
    let mut read = ReadDirectories {
        files: 0,
        failures: Vec::new(),
        missing_pinned: Vec::new(),
        documents: BTreeMap::new(),
    };
    let fail = |failures: &mut Vec<String>, name: String, error: &anyhow::Error| {
        println!("FAIL {name}: {error:#}");
        failures.push(name);
    };

    let files = json_files(dir)?;
    let documents: Vec<&PathBuf> = files
        .iter()
        .filter(|path| !path.ends_with(SERVICE_LIST))
        .collect();
    if documents.is_empty() {
        bail!(
            "{} holds no service reference JSON documents (*.json)",
            dir.display()
        );
    }
    let mut totals = Totals::default();
    let mut pinned_seen = 0;
    let mut failed = 0;
    for path in &documents {
        let name = label(path);
        let prefix = file_stem(path);
        match read_document(path, Some(&prefix)) {
            Ok(source) => {
                totals.add(&source);
                let pinned = PINNED_REFERENCE
                    .iter()
                    .find(|pinned| path.file_name().is_some_and(|file| file == pinned.file));
                if let Some(pinned) = pinned {
                    match check_pinned(&source.catalog, pinned) {
                        Ok(line) => {
                            pinned_seen += 1;
                            println!("ok   {name:<32} {line}");
                        }
                        Err(error) => {
                            fail(&mut read.failures, name.clone(), &error);
                            failed += 1;
                        }
                    }
                }
                if wanted.contains(&prefix.as_str()) {
                    read.documents.insert(prefix, (name, source));
                }
            }
            Err(error) => {
                fail(&mut read.failures, name, &error);
                failed += 1;
            }
        }
    }
    read.files += documents.len();
    read.missing_pinned.extend(
        PINNED_REFERENCE
            .iter()
            .filter(|pinned| !documents.iter().any(|path| path.ends_with(pinned.file)))
            .map(|pinned| label(&dir.join(pinned.file))),
    );

    let list_path = dir.join(SERVICE_LIST);
    let list_summary = if list_path.is_file() {
        read.files += 1;
        let names: BTreeSet<String> = documents
            .iter()
            .filter_map(|path| path.file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .collect();
        match check_service_list(&list_path, &names) {
            Ok(listing) => {
                if !listing.problems.is_empty() {
                    let error = anyhow::anyhow!(
                        "{} of its {} entries are wrong: {}",
                        listing.problems.len(),
                        listing.entries,
                        listing.problems.join("; ")
                    );
                    fail(&mut read.failures, label(&list_path), &error);
                    failed += 1;
                }
                for document in &listing.unlisted {
                    let name = label(&dir.join(document));
                    let error = anyhow::anyhow!("not listed in {SERVICE_LIST}");
                    fail(&mut read.failures, name, &error);
                    failed += 1;
                }
                format!(" + {SERVICE_LIST} ({} entries)", listing.entries)
            }
            Err(error) => {
                fail(&mut read.failures, label(&list_path), &error);
                failed += 1;
                format!(" + {SERVICE_LIST} (unreadable)")
            }
        }
    } else {
        format!(" (no {SERVICE_LIST})")
    };
    println!(
        "{}: {} documents{list_summary}, {failed} failed, {pinned_seen} with hand-verified counts: {}",
        label(dir),
        documents.len(),
        totals.counts()
    );

    for history in history_directories(dir)? {
        read.files += check_history(&history, &label, &mut |name, error| {
            fail(&mut read.failures, name, error);
        })?;
    }
    Ok(read)
}

/// Reads one document; `prefix` is the `Name` it must have.
fn read_document(path: &Path, prefix: Option<&str>) -> Result<ReadSource> {
    let bytes = crate::read_file(path)?;
    let catalog = read_service_reference(&bytes, None).with_context(|| {
        format!(
            "cannot read the service reference document {}",
            path.display()
        )
    })?;
    if let Some(prefix) = prefix {
        if catalog.service.prefix != prefix {
            bail!(
                "its Name is {:?}, but the file is named for the prefix {prefix:?}",
                catalog.service.prefix
            );
        }
    }
    corpus_invariants(&catalog, false)?;
    let warnings = check::warnings(&catalog);
    Ok(ReadSource {
        catalog,
        format: SourceFormat::ServiceReference,
        layout: None,
        warnings,
    })
}

fn check_pinned(catalog: &Catalog, pinned: &PinnedReference) -> Result<String> {
    let counts = (
        catalog.actions.len(),
        catalog.resource_types.len(),
        catalog.condition_keys.len(),
        catalog.operations.len(),
    );
    let expected = (
        pinned.actions,
        pinned.resource_types,
        pinned.condition_keys,
        pinned.operations,
    );
    if counts != expected {
        bail!(
            "counts (actions, resource types, condition keys, operations) are {counts:?}; verified by hand: {expected:?}"
        );
    }
    Ok(format!(
        "{:<8} actions={:<4} resource_types={:<3} condition_keys={:<3} operations={:<3} (hand-verified)",
        catalog.service.prefix, counts.0, counts.1, counts.2, counts.3
    ))
}

/// What the service list says about the directory.
struct Listing {
    /// How many entries it has.
    entries: usize,
    /// Entries that name no document of the directory, or not in the `<service>.json` form.
    problems: Vec<String>,
    /// Documents of the directory it does not list.
    unlisted: Vec<String>,
}

/// Reads the service list and checks that each entry's URL names a document of the directory
/// (`.../<service>/<service>.json`) and that it lists every document.
fn check_service_list(path: &Path, documents: &BTreeSet<String>) -> Result<Listing> {
    let bytes = crate::read_file(path)?;
    let entries = read_service_list(&bytes)
        .with_context(|| format!("cannot read the service list {}", path.display()))?;
    let mut problems = Vec::new();
    let mut listed = BTreeSet::new();
    for entry in &entries {
        let file = entry.url.rsplit('/').next().unwrap_or_default();
        let expected_file = format!("{}.json", entry.service);
        if file != expected_file {
            problems.push(format!(
                "service {:?}: URL {} does not end with {expected_file}",
                entry.service, entry.url
            ));
        } else if !documents.contains(file) {
            problems.push(format!(
                "service {:?}: {file} (from {}) is not in the directory",
                entry.service, entry.url
            ));
        }
        if !listed.insert(file.to_owned()) {
            problems.push(format!("{file} is listed more than once"));
        }
    }
    Ok(Listing {
        entries: entries.len(),
        problems,
        unlisted: documents.difference(&listed).cloned().collect(),
    })
}

/// The subdirectories `<prefix>-history/` of `dir`, sorted.
fn history_directories(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        if path.is_dir() && file_stem(&path).ends_with("-history") {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Reads the dated versions of one service's document: each must have the prefix the directory
/// is named for and, when `INDEX.tsv` is there, exactly the counts it states; the index and the
/// directory must name the same files. Returns the number of documents.
fn check_history(
    dir: &Path,
    label: &dyn Fn(&Path) -> String,
    fail: &mut dyn FnMut(String, &anyhow::Error),
) -> Result<usize> {
    let name = file_stem(dir);
    let prefix = name.trim_end_matches("-history");
    let documents = json_files(dir)?;
    let index_path = dir.join(HISTORY_INDEX);
    let mut index = if index_path.is_file() {
        match read_history_index(&index_path) {
            Ok(index) => Some(index),
            Err(error) => {
                fail(label(&index_path), &error);
                None
            }
        }
    } else {
        None
    };
    let mut totals = Totals::default();
    let mut failed = 0;
    let mut checked = 0;
    for path in &documents {
        let file = path
            .file_name()
            .map(|file| file.to_string_lossy().into_owned())
            .unwrap_or_default();
        let result = read_document(path, Some(prefix)).and_then(|source| {
            if let Some(index) = &mut index {
                let Some(expected) = index.remove(&file) else {
                    bail!("not listed in {HISTORY_INDEX}");
                };
                let catalog = &source.catalog;
                let counts = [
                    catalog.actions.len(),
                    catalog.resource_types.len(),
                    catalog.condition_keys.len(),
                    catalog.operations.len(),
                ];
                if counts != expected {
                    bail!("counts (actions, resource types, condition keys, operations) are {counts:?}; {HISTORY_INDEX} says {expected:?}");
                }
                checked += 1;
            }
            Ok(source)
        });
        match result {
            Ok(source) => totals.add(&source),
            Err(error) => {
                fail(label(path), &error);
                failed += 1;
            }
        }
    }
    if let Some(index) = index.filter(|index| !index.is_empty()) {
        let missing: Vec<&String> = index.keys().collect();
        let error = anyhow::anyhow!("lists files that are not in the directory: {missing:?}");
        fail(label(&index_path), &error);
        failed += 1;
    }
    let index_summary = if index_path.is_file() {
        format!("{checked} with the counts of {HISTORY_INDEX}")
    } else {
        format!("no {HISTORY_INDEX}")
    };
    println!(
        "{}: {} dated documents of {prefix}, {failed} failed, {index_summary}: {}",
        label(dir),
        documents.len(),
        totals.counts()
    );
    Ok(documents.len())
}

/// `INDEX.tsv`: a header row naming the columns `file`, `Actions`, `Resources`, `ConditionKeys`
/// and `Operations` (a count, or `absent` for a document without the array), then one row per
/// file. Returns each file's counts in the catalog's order.
fn read_history_index(path: &Path) -> Result<BTreeMap<String, [usize; 4]>> {
    let bytes = crate::read_file(path)?;
    let text =
        String::from_utf8(bytes).with_context(|| format!("{} is not UTF-8", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|found| *found == name)
            .with_context(|| format!("{}: the header has no column {name:?}", path.display()))
    };
    let columns = [
        column("file")?,
        column("Actions")?,
        column("Resources")?,
        column("ConditionKeys")?,
        column("Operations")?,
    ];
    let mut index = BTreeMap::new();
    for (number, line) in lines.enumerate().filter(|(_, line)| !line.is_empty()) {
        let cells: Vec<&str> = line.split('\t').collect();
        let cell = |at: usize| {
            cells
                .get(at)
                .copied()
                .with_context(|| format!("{} line {}: too few columns", path.display(), number + 2))
        };
        let mut counts = [0; 4];
        for (count, &at) in counts.iter_mut().zip(&columns[1..]) {
            let text = cell(at)?;
            *count = if text == "absent" {
                0
            } else {
                text.parse().with_context(|| {
                    format!(
                        "{} line {}: {text:?} is not a count",
                        path.display(),
                        number + 2
                    )
                })?
            };
        }
        index.insert(cell(columns[0])?.to_owned(), counts);
    }
    Ok(index)
}

/// The `*.json` files directly in `dir`, sorted.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        if path.is_file() && path.extension().is_some_and(|found| found == "json") {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

fn file_stem(path: &Path) -> String {
    path.file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default()
}
