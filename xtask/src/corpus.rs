//! `cargo xtask corpus DIR`: every real page must scrape, satisfy the invariants, and (for the
//! pages whose counts were verified by reading them) give exactly those counts.

use anyhow::{bail, Context, Result};
use catalog_gen::model::Catalog;
use catalog_gen::scrape::scrape;
use std::path::{Path, PathBuf};

/// The directory to scrape.
#[derive(clap::Args, Debug)]
pub(crate) struct CorpusArgs {
    /// A directory of saved pages (searched recursively for *.html), e.g. ../shared/aws-pages.
    pub dir: PathBuf,
}

/// Counts read off a page by hand: actions, resource types, condition keys.
struct Pinned {
    page: &'static str,
    actions: usize,
    resource_types: usize,
    condition_keys: usize,
}

/// Verified independently of the scraper: by counting the `id` anchors in each table of the raw
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

pub(crate) fn run(args: &CorpusArgs) -> Result<()> {
    if !args.dir.is_dir() {
        bail!(
            "{} is not a directory: the corpus of saved pages is missing (CI expects ../shared/aws-pages beside the checkout)",
            args.dir.display()
        );
    }
    let pages = html_files(&args.dir)?;
    if pages.is_empty() {
        bail!("{} holds no .html pages", args.dir.display());
    }
    let mut failures = Vec::new();
    let mut pinned_seen = 0;
    for page in &pages {
        let relative = page
            .strip_prefix(&args.dir)
            .unwrap_or(page)
            .to_string_lossy()
            .replace('\\', "/");
        match check_page(page, &relative) {
            Ok((line, was_pinned)) => {
                pinned_seen += usize::from(was_pinned);
                println!("ok   {line}");
            }
            Err(error) => {
                println!("FAIL {relative}: {error:#}");
                failures.push(relative);
            }
        }
    }
    let missing_pinned: Vec<&str> = PINNED
        .iter()
        .map(|pinned| pinned.page)
        .filter(|page| !pages.iter().any(|path| path.ends_with(page)))
        .collect();
    println!(
        "{} pages, {} failed, {pinned_seen} with hand-verified counts",
        pages.len(),
        failures.len()
    );
    if !missing_pinned.is_empty() {
        bail!("pages with hand-verified counts are missing from the corpus: {missing_pinned:?}");
    }
    if !failures.is_empty() {
        bail!(
            "{} of {} pages failed: {}",
            failures.len(),
            pages.len(),
            failures.join(", ")
        );
    }
    Ok(())
}

fn check_page(path: &Path, relative: &str) -> Result<(String, bool)> {
    let bytes = crate::read_file(path)?;
    let scraped =
        scrape(&bytes, None).with_context(|| format!("cannot scrape {}", path.display()))?;
    let catalog = &scraped.catalog;
    corpus_invariants(catalog)?;
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
/// type the page does not define.
fn corpus_invariants(catalog: &Catalog) -> Result<()> {
    for action in &catalog.actions {
        if action.description.is_empty() {
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

fn html_files(dir: &Path) -> Result<Vec<PathBuf>> {
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
            } else if path
                .extension()
                .is_some_and(|extension| extension == "html")
            {
                found.push(path);
            }
        }
    }
    found.sort();
    Ok(found)
}
