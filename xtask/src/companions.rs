//! `cargo xtask companions`: the catalogs of the services SageMaker policies use, one data file
//! per prefix (`data/<prefix>.json`), each merged from every real source of that prefix: its
//! pages (services sharing a prefix, such as API Gateway V1 and V2, merged), its Markdown page
//! and its service reference JSON.

use anyhow::{bail, Context, Result};
use catalog_gen::model::{Catalog, SourceFormat};
use catalog_gen::sources::{merge_sources, read_source, ReadSource};
use std::path::{Path, PathBuf};

/// The services the seed policies grant actions of, besides SageMaker.
pub(crate) const COMPANIONS: &[&str] = &[
    "apigateway",
    "cloudformation",
    "codebuild",
    "codecommit",
    "codepipeline",
    "codestar-connections",
    "cognito-idp",
    "ec2",
    "ecr",
    "eks",
    "elasticmapreduce",
    "events",
    "execute-api",
    "firehose",
    "glue",
    "iam",
    "lambda",
    "logs",
    "s3",
    "sqs",
    "states",
];

/// Where the sources are and what to do with the data files.
#[derive(clap::Args, Debug)]
pub(crate) struct CompanionsArgs {
    /// The shared directory: `aws-pages/services/*.html`, `aws-pages/markdown/*.md` and
    /// `service-reference/*.json` under it.
    pub shared: PathBuf,
    /// Only this service (repeatable); default: every companion service.
    #[arg(long, value_name = "PREFIX")]
    pub service: Vec<String>,
    /// Compare with the committed data files instead of writing them.
    #[arg(long)]
    pub check: bool,
}

pub(crate) fn run(args: &CompanionsArgs) -> Result<()> {
    for service in &args.service {
        if !COMPANIONS.contains(&service.as_str()) {
            bail!("{service:?} is not a companion service; they are {COMPANIONS:?}");
        }
    }
    let wanted: Vec<&str> = if args.service.is_empty() {
        COMPANIONS.to_vec()
    } else {
        args.service.iter().map(String::as_str).collect()
    };
    let pages = read_pages(&args.shared.join("aws-pages/services"))?;
    let root = crate::project_root();
    let mut stale = Vec::new();
    for prefix in wanted {
        let (catalog, origin) = companion(&args.shared, &pages, prefix)?;
        let out = root.join("data").join(format!("{prefix}.json"));
        let json = catalog.to_json();
        if args.check {
            let existing = std::fs::read_to_string(&out).unwrap_or_default();
            if existing == json {
                eprintln!("{} is up to date", out.display());
            } else {
                stale.push(out.display().to_string());
            }
        } else {
            crate::scrape::report_and_write(&catalog, &origin, &out)?;
        }
    }
    if !stale.is_empty() {
        bail!(
            "stale companion data files (run `cargo xtask companions {}` to update them): {}",
            args.shared.display(),
            stale.join(", ")
        );
    }
    Ok(())
}

/// Every service page, read once: several companions share none, but which prefix a page
/// describes is only known by reading it.
fn read_pages(dir: &Path) -> Result<Vec<(PathBuf, ReadSource)>> {
    let mut pages = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "html")
        })
        .collect();
    paths.sort();
    for path in paths {
        let bytes = crate::read_file(&path)?;
        let source = read_source(&bytes, Some(SourceFormat::Html), false, None)
            .with_context(|| format!("cannot read {}", path.display()))?;
        pages.push((path, source));
    }
    Ok(pages)
}

/// The merged catalog of one prefix and the names of its sources.
fn companion(
    shared: &Path,
    pages: &[(PathBuf, ReadSource)],
    prefix: &str,
) -> Result<(Catalog, String)> {
    let mut sources: Vec<ReadSource> = Vec::new();
    let mut origins: Vec<String> = Vec::new();
    for (path, page) in pages {
        if page.catalog.service.prefix == prefix {
            sources.push(page.clone());
            origins.push(path.display().to_string());
        }
    }
    let others = [
        (
            shared.join(format!("aws-pages/markdown/{prefix}.md")),
            SourceFormat::Markdown,
        ),
        (
            shared.join(format!("service-reference/{prefix}.json")),
            SourceFormat::ServiceReference,
        ),
    ];
    for (path, format) in others {
        if path.is_file() {
            let bytes = crate::read_file(&path)?;
            sources.push(
                read_source(&bytes, Some(format), false, None)
                    .with_context(|| format!("cannot read {}", path.display()))?,
            );
            origins.push(path.display().to_string());
        }
    }
    if sources.is_empty() {
        bail!(
            "no page, Markdown page or service reference document of {prefix:?} under {}",
            shared.display()
        );
    }
    let origin = origins.join(" + ");
    let catalog = merge_sources(sources).with_context(|| format!("cannot merge {origin}"))?;
    Ok((catalog, origin))
}
