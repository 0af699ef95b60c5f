//! `cargo xtask corpus DIR`: every real document must be read and satisfy the invariants, and
//! (for the documents whose counts were verified independently of the readers) give exactly
//! those counts:
//!
//! - every HTML page under DIR (one line each),
//! - every Markdown page under DIR (one line each),
//! - every service reference JSON document of the service reference directory and of its
//!   `sagemaker-history/` (one summary line per directory, one line per failure; see
//!   [`reference`]),
//! - for every prefix with a page (`services/*.html`, `markdown/*.md`) and a JSON document, all of
//!   them merged, with the disagreements counted by fact (see [`merged`]).
//!
//! It exits non-zero naming every file that failed.

mod merged;
mod reference;

use anyhow::{bail, Context, Result};
use catalog_gen::model::{Catalog, SourceFormat};
use catalog_gen::scrape::{scrape, scrape_markdown};
use catalog_gen::sources::ReadSource;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The directories to read.
#[derive(clap::Args, Debug)]
pub(crate) struct CorpusArgs {
    /// A directory of saved pages (searched recursively for *.html and *.md), e.g.
    /// ../shared/aws-pages.
    pub dir: PathBuf,
    /// A directory of service reference JSON documents (`<prefix>.json`, `service-list.json`,
    /// optionally `sagemaker-history/`). Default: DIR/../service-reference when it exists.
    #[arg(long, value_name = "DIR")]
    pub service_reference: Option<PathBuf>,
}

/// Files under DIR with the `.md` extension that document the corpus rather than being pages.
const CORPUS_DOCUMENTATION: &[&str] = &["SOURCES.md", "README.md"];

/// The directories (relative to DIR) whose pages are the newest form of their service, and so
/// are merged with the service's JSON document; `sagemaker/` holds dated snapshots.
const NEWEST_PAGES: &[&str] = &["services", "markdown"];

/// Counts read off a page by hand: actions, resource types, condition keys.
struct Pinned {
    page: &'static str,
    actions: usize,
    resource_types: usize,
    condition_keys: usize,
}

/// HTML pages. Verified independently of the scraper: by counting the `id` anchors in each table of the raw
/// HTML (one per action, resource type and condition key), which no code here shares.
const PINNED: &[Pinned] = &[
    Pinned {
        page: "sagemaker/2019-10-10.html",
        actions: 76,
        resource_types: 14,
        condition_keys: 21,
    },
    Pinned {
        page: "sagemaker/2020-12-18.html",
        actions: 245,
        resource_types: 45,
        condition_keys: 32,
    },
    Pinned {
        page: "sagemaker/2023-07-01.html",
        actions: 328,
        resource_types: 58,
        condition_keys: 43,
    },
    Pinned {
        page: "sagemaker/2026-06-14.html",
        actions: 430,
        resource_types: 72,
        condition_keys: 59,
    },
    Pinned {
        page: "services/apigateway.html",
        actions: 13,
        resource_types: 47,
        condition_keys: 30,
    },
    // No resource types table and no condition keys table: the page says so in prose.
    Pinned {
        page: "services/cloudcontrolapi.html",
        actions: 8,
        resource_types: 0,
        condition_keys: 0,
    },
    Pinned {
        page: "services/ec2.html",
        actions: 780,
        resource_types: 110,
        condition_keys: 147,
    },
    Pinned {
        page: "services/iam.html",
        actions: 187,
        resource_types: 14,
        condition_keys: 20,
    },
    Pinned {
        page: "services/lambda.html",
        actions: 88,
        resource_types: 9,
        condition_keys: 14,
    },
    Pinned {
        page: "services/s3.html",
        actions: 168,
        resource_types: 13,
        condition_keys: 55,
    },
];

/// Counts read off a Markdown page without the reader.
struct PinnedMarkdown {
    page: &'static str,
    operations: usize,
    /// Actions in the actions section.
    actions: usize,
    /// Actions in the permission-only section.
    permission_only: usize,
    resource_types: usize,
    condition_keys: usize,
}

/// Markdown pages, as SOURCES.md states them, and verified again independently of the reader by
/// counting in the raw file, section by section (`## ` headings): the entries `- **   ` of the
/// operations, actions and permission-only bullet lists, and the rows of the resource types,
/// condition keys and (Step Functions) permission-only pipe tables, header and `| ---` rows
/// excluded.
const PINNED_MARKDOWN: &[PinnedMarkdown] = &[
    PinnedMarkdown {
        page: "markdown/sagemaker.md",
        operations: 399,
        actions: 433,
        permission_only: 15,
        resource_types: 73,
        condition_keys: 68,
    },
    PinnedMarkdown {
        page: "markdown/firehose.md",
        operations: 12,
        actions: 12,
        permission_only: 0,
        resource_types: 1,
        condition_keys: 3,
    },
    PinnedMarkdown {
        page: "markdown/sqs.md",
        operations: 23,
        actions: 20,
        permission_only: 0,
        resource_types: 1,
        condition_keys: 3,
    },
    PinnedMarkdown {
        page: "markdown/states.md",
        operations: 37,
        actions: 37,
        permission_only: 2,
        resource_types: 9,
        condition_keys: 6,
    },
];

/// A page kept for merging with its service's JSON document: its path relative to DIR and what
/// was read.
pub(crate) type NamedSource = (String, ReadSource);

pub(crate) fn run(args: &CorpusArgs) -> Result<()> {
    if !args.dir.is_dir() {
        bail!(
            "{} is not a directory: the corpus of saved pages is missing (CI expects ../shared/aws-pages beside the checkout)",
            args.dir.display()
        );
    }
    let reference_dir = match &args.service_reference {
        Some(dir) if !dir.is_dir() => bail!(
            "--service-reference {} is not a directory of service reference JSON documents",
            dir.display()
        ),
        Some(dir) => Some(dir.clone()),
        None => Some(args.dir.join("..").join("service-reference")).filter(|dir| dir.is_dir()),
    };
    let pages = files_with_extension(&args.dir, "html")?;
    if pages.is_empty() {
        bail!("{} holds no .html pages", args.dir.display());
    }
    let mut failures = Vec::new();
    let mut files_read = 0;
    // Pages of the newest form of each service, by prefix, to merge with the JSON documents.
    let mut newest_pages: BTreeMap<String, Vec<NamedSource>> = BTreeMap::new();
    let mut keep = |relative: &str, source: ReadSource| {
        let directory = relative
            .rsplit_once('/')
            .map_or("", |(directory, _)| directory);
        if NEWEST_PAGES.contains(&directory) {
            newest_pages
                .entry(source.catalog.service.prefix.clone())
                .or_default()
                .push((relative.to_owned(), source));
        }
    };

    let mut pinned_seen = 0;
    let mut html_failed = 0;
    for page in &pages {
        let relative = relative_name(&args.dir, page);
        match check_page(page, &relative) {
            Ok((line, was_pinned, source)) => {
                pinned_seen += usize::from(was_pinned);
                println!("ok   {line}");
                keep(&relative, source);
            }
            Err(error) => {
                println!("FAIL {relative}: {error:#}");
                failures.push(relative);
                html_failed += 1;
            }
        }
    }
    files_read += pages.len();
    println!(
        "{} pages, {html_failed} failed, {pinned_seen} with hand-verified counts",
        pages.len(),
    );

    let mut markdown_pages = Vec::new();
    for path in files_with_extension(&args.dir, "md")? {
        let relative = relative_name(&args.dir, &path);
        if path
            .file_name()
            .is_some_and(|name| CORPUS_DOCUMENTATION.iter().any(|doc| name == *doc))
        {
            println!("skip {relative}: documentation of the corpus, not a page");
        } else {
            markdown_pages.push((path, relative));
        }
    }
    let mut markdown_pinned = 0;
    let mut markdown_failed = 0;
    for (path, relative) in &markdown_pages {
        match check_markdown_page(path, relative) {
            Ok((line, was_pinned, source)) => {
                markdown_pinned += usize::from(was_pinned);
                println!("ok   {line}");
                keep(relative, source);
            }
            Err(error) => {
                println!("FAIL {relative}: {error:#}");
                failures.push(relative.clone());
                markdown_failed += 1;
            }
        }
    }
    files_read += markdown_pages.len();
    println!(
        "{} Markdown pages, {markdown_failed} failed, {markdown_pinned} with hand-verified counts",
        markdown_pages.len(),
    );

    let mut missing_pinned: Vec<String> = PINNED
        .iter()
        .map(|pinned| pinned.page)
        .filter(|page| !pages.iter().any(|path| path.ends_with(page)))
        .chain(
            PINNED_MARKDOWN
                .iter()
                .map(|pinned| pinned.page)
                .filter(|page| !markdown_pages.iter().any(|(path, _)| path.ends_with(page))),
        )
        .map(str::to_owned)
        .collect();

    match &reference_dir {
        Some(dir) => {
            let wanted: Vec<&str> = newest_pages.keys().map(String::as_str).collect();
            let read = reference::check_directories(dir, &wanted)?;
            files_read += read.files;
            failures.extend(read.failures);
            missing_pinned.extend(read.missing_pinned);
            files_read += merged::merge_prefixes(newest_pages, read.documents, &mut failures);
        }
        None => println!(
            "note: no service reference directory ({} does not exist and --service-reference was not given): no JSON document read, nothing merged",
            args.dir.join("..").join("service-reference").display()
        ),
    }

    let mut problems = Vec::new();
    if !failures.is_empty() {
        problems.push(format!(
            "{} of {files_read} checks failed: {}",
            failures.len(),
            failures.join(", ")
        ));
    }
    if !missing_pinned.is_empty() {
        problems.push(format!(
            "files with hand-verified counts are missing from the corpus: {missing_pinned:?}"
        ));
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("; "));
    }
    Ok(())
}

/// `path` relative to `dir`, with `/` separators.
pub(crate) fn relative_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn check_markdown_page(path: &Path, relative: &str) -> Result<(String, bool, ReadSource)> {
    let bytes = crate::read_file(path)?;
    let scraped = scrape_markdown(&bytes, None)
        .with_context(|| format!("cannot read the Markdown page {}", path.display()))?;
    let catalog = &scraped.catalog;
    corpus_invariants(catalog, true)?;
    let permission_only = catalog
        .actions
        .iter()
        .filter(|action| action.permission_only)
        .count();
    let counts = (
        catalog.operations.len(),
        catalog.actions.len() - permission_only,
        permission_only,
        catalog.resource_types.len(),
        catalog.condition_keys.len(),
    );
    let pinned = PINNED_MARKDOWN
        .iter()
        .find(|pinned| relative.ends_with(pinned.page));
    if let Some(pinned) = pinned {
        let expected = (
            pinned.operations,
            pinned.actions,
            pinned.permission_only,
            pinned.resource_types,
            pinned.condition_keys,
        );
        if counts != expected {
            bail!(
                "counts (operations, actions, permission-only actions, resource types, condition keys) are {counts:?}; verified by hand: {expected:?}"
            );
        }
    }
    let line = format!(
        "{relative:<32} {:<8} actions={:<4} resource_types={:<3} condition_keys={:<3} operations={:<3} permission_only={:<3} warnings={} layout={}",
        catalog.service.prefix,
        catalog.actions.len(),
        counts.3,
        counts.4,
        counts.0,
        permission_only,
        scraped.warnings.len(),
        scraped.layout,
    );
    Ok((
        line,
        pinned.is_some(),
        ReadSource {
            layout: Some(scraped.layout.to_string()),
            catalog: scraped.catalog,
            format: SourceFormat::Markdown,
            warnings: scraped.warnings,
        },
    ))
}

fn check_page(path: &Path, relative: &str) -> Result<(String, bool, ReadSource)> {
    let bytes = crate::read_file(path)?;
    let scraped =
        scrape(&bytes, None).with_context(|| format!("cannot scrape {}", path.display()))?;
    let catalog = &scraped.catalog;
    corpus_invariants(catalog, true)?;
    let counts = (
        catalog.actions.len(),
        catalog.resource_types.len(),
        catalog.condition_keys.len(),
    );
    let pinned = PINNED.iter().find(|pinned| relative.ends_with(pinned.page));
    if let Some(pinned) = pinned {
        let expected = (pinned.actions, pinned.resource_types, pinned.condition_keys);
        if counts != expected {
            bail!(
                "counts (actions, resource types, condition keys) are {counts:?}; verified by hand: {expected:?}"
            );
        }
    }
    page_facts(relative, catalog)?;
    Ok((
        format!(
            "{relative:<32} {:<8} actions={:<4} resource_types={:<3} condition_keys={:<3} operations={:<3} warnings={} layout={}",
            catalog.service.prefix,
            counts.0,
            counts.1,
            counts.2,
            catalog.operations.len(),
            scraped.warnings.len(),
            scraped.layout
        ),
        pinned.is_some(),
        ReadSource {
            layout: Some(scraped.layout.to_string()),
            catalog: scraped.catalog,
            format: SourceFormat::Html,
            warnings: scraped.warnings,
        },
    ))
}

/// Facts read off particular pages by hand, beyond their counts.
fn page_facts(relative: &str, catalog: &Catalog) -> Result<()> {
    let action = |name: &str| {
        catalog
            .action(name)
            .with_context(|| format!("{relative}: action {name} is missing"))
    };
    if relative.ends_with("sagemaker/2026-06-14.html") {
        let create = action("CreateTrainingJob")?;
        let rows: Vec<(&str, bool)> = create
            .resource_types
            .iter()
            .map(|row| (row.name.as_str(), row.required))
            .collect();
        if rows
            != [
                ("training-job", true),
                ("reserved-capacity", false),
                ("training-plan", false),
            ]
            || create.condition_keys.len() != 17
            || create.dependent_actions != ["iam:PassRole", "sagemaker:AddTags"]
        {
            bail!("{relative}: CreateTrainingJob differs from the page: {create:?}");
        }
        if !action("ListTrainingJobs")?.resource_types.is_empty() {
            bail!("{relative}: ListTrainingJobs should have no resource type");
        }
    }
    if relative.ends_with("services/ec2.html") {
        let run = action("RunInstances")?;
        let mut names: Vec<&str> = run
            .resource_types
            .iter()
            .map(|row| row.name.as_str())
            .collect();
        let listed = names.len();
        names.sort_unstable();
        names.dedup();
        if run.scenarios.len() != 6 || names.len() != listed {
            bail!("{relative}: RunInstances should have 6 SCENARIO rows and no repeated resource type; has {} scenarios and {listed} rows ({} distinct)", run.scenarios.len(), names.len());
        }
    }
    if relative.ends_with("services/lambda.html")
        && catalog.resource_type("code signing config").is_none()
    {
        bail!("{relative}: resource type \"code signing config\" is missing");
    }
    Ok(())
}

/// What every real page has, beyond the invariants the scraper itself enforces (unique names,
/// resolved resource types, known access levels): descriptions, ARNs that start like ARNs, and a
/// service prefix in every condition key and dependent action.
///
/// A page may define no resource types or condition keys (Cloud Control API: "does not support
/// specifying a resource ARN"); the scraper's own invariants already reject an action naming a
/// type the page does not define. The service reference JSON has no descriptions: without
/// `descriptions` they are not required.
pub(crate) fn corpus_invariants(catalog: &Catalog, descriptions: bool) -> Result<()> {
    for action in &catalog.actions {
        if descriptions && action.description.is_empty() {
            bail!("action {}: empty description", action.name);
        }
        for dependent in &action.dependent_actions {
            if !dependent.contains(':') {
                bail!(
                    "action {}: dependent action {dependent:?} has no service prefix",
                    action.name
                );
            }
        }
    }
    for resource_type in &catalog.resource_types {
        for arn in &resource_type.arn_formats {
            if !arn.starts_with("arn:") {
                bail!(
                    "resource type {}: ARN format {arn:?} does not start with \"arn:\"",
                    resource_type.name
                );
            }
        }
    }
    for key in &catalog.condition_keys {
        if !key.name.contains(':') {
            bail!("condition key {:?} has no service prefix", key.name);
        }
    }
    Ok(())
}

/// Every file under `dir` (recursively) whose name ends with `.extension`, sorted.
pub(crate) fn files_with_extension(dir: &Path, extension: &str) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(directory) = pending.pop() {
        let entries = std::fs::read_dir(&directory)
            .with_context(|| format!("cannot list {}", directory.display()))?;
        for entry in entries {
            let path = entry
                .with_context(|| format!("cannot list {}", directory.display()))?
                .path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|found| found == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
