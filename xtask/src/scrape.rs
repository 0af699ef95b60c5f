//! `cargo xtask scrape`: one page in, one data file out (or a comparison with it).

use anyhow::{bail, Context, Result};
use catalog_gen::fetch::{fetch, FetchOptions};
use catalog_gen::files::write_atomically;
use catalog_gen::model::Catalog;
use catalog_gen::scrape::{scrape, Scraped};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Where the page comes from and where its data goes.
#[derive(clap::Args, Debug, Clone, Default)]
pub(crate) struct ScrapeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output file; `-` prints to stdout. Default: data/<prefix>.json in the workspace.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Compare with the existing output file instead of writing it; exit non-zero if they differ.
    #[arg(long)]
    pub check: bool,
}

/// A saved page or a URL.
#[derive(clap::Args, Debug, Clone, Default)]
#[group(required = true, multiple = false)]
pub(crate) struct InputArgs {
    /// A saved Service Authorization Reference page.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// A Service Authorization Reference page to download.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}

pub(crate) fn run(args: &ScrapeArgs) -> Result<()> {
    let (scraped, origin) = scrape_input(&args.input)?;
    let json = scraped.catalog.to_json();
    let out = match &args.out {
        Some(path) if path.as_os_str() == "-" => {
            if args.check {
                bail!("--check compares with a file; it cannot be combined with --out -");
            }
            std::io::stdout()
                .write_all(json.as_bytes())
                .context("cannot write to stdout")?;
            return Ok(());
        }
        Some(path) => path.clone(),
        None => default_output(&scraped.catalog),
    };
    if args.check {
        return check_against(&out, &scraped.catalog, &json);
    }
    report_and_write(&scraped, &origin, &out)
}

/// Writes the data file atomically and says what it holds.
pub(crate) fn report_and_write(scraped: &Scraped, origin: &str, out: &Path) -> Result<()> {
    write_atomically(out, scraped.catalog.to_json().as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "{origin}: {} actions, {} resource types, {} condition keys, {} operations -> {}",
        scraped.catalog.actions.len(),
        scraped.catalog.resource_types.len(),
        scraped.catalog.condition_keys.len(),
        scraped.catalog.operations.len(),
        out.display()
    );
    Ok(())
}

/// Reads and scrapes the input and prints its warnings; the second value names the input for
/// messages.
pub(crate) fn scrape_input(input: &InputArgs) -> Result<(Scraped, String)> {
    let (scraped, origin) = scrape_unreported(input)?;
    for warning in &scraped.warnings {
        eprintln!("warning: {origin}: {warning}");
    }
    Ok((scraped, origin))
}

fn scrape_unreported(input: &InputArgs) -> Result<(Scraped, String)> {
    match (&input.html, &input.url) {
        (Some(path), None) => {
            let bytes = crate::read_file(path)?;
            let scraped = scrape(&bytes, None)
                .with_context(|| format!("cannot scrape {}", path.display()))?;
            Ok((scraped, path.display().to_string()))
        }
        (None, Some(url)) => {
            let fetched = fetch(url, &FetchOptions::default())?;
            let scraped = scrape(&fetched.body, Some(&fetched.final_url))
                .with_context(|| format!("cannot scrape the page downloaded from {url}"))?;
            Ok((scraped, url.clone()))
        }
        _ => bail!("give exactly one of --html FILE or --url URL"),
    }
}

fn default_output(catalog: &Catalog) -> PathBuf {
    crate::project_root()
        .join("data")
        .join(format!("{}.json", catalog.service.prefix))
}

fn check_against(path: &Path, catalog: &Catalog, json: &str) -> Result<()> {
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            bail!(
                "{} does not exist; run without --check to create it",
                path.display()
            )
        }
        Err(error) => return Err(error).with_context(|| format!("cannot read {}", path.display())),
    };
    if existing == json {
        eprintln!("{} is up to date", path.display());
        return Ok(());
    }
    let summary = match Catalog::from_json(&existing) {
        Ok(old) => {
            let lines = catalog_gen::diff::summarize(&old, catalog);
            if lines.is_empty() {
                "same data, different formatting (the file was edited by hand?)".to_owned()
            } else {
                lines.join("\n")
            }
        }
        Err(error) => format!("the existing file is not a valid data file: {error}"),
    };
    bail!(
        "{} differs from the scraped page:\n{summary}\nrun without --check to update it",
        path.display()
    )
}
