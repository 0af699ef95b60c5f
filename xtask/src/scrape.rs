//! `cargo xtask scrape`: one page in, one data file out (or a comparison with it).

use anyhow::{bail, Context, Result};
use catalog_gen::fetch::{fetch, FetchOptions};
use catalog_gen::files::write_atomically;
use catalog_gen::model::Catalog;
use catalog_gen::model::SourceFormat;
use catalog_gen::service_reference::SERVICE_REFERENCE_BASE;
use catalog_gen::sources::{merge_sources, read_source, ReadSource};
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

/// The documents to read: saved files of any format, or URLs. All must describe one prefix; more
/// than one are merged into one catalog (`catalog_gen::sources::merge_sources`).
#[derive(clap::Args, Debug, Clone, Default)]
#[group(multiple = true)]
pub(crate) struct InputArgs {
    /// A saved Service Authorization Reference page, HTML (any layout since 2019).
    #[arg(long, value_name = "FILE")]
    pub html: Vec<PathBuf>,
    /// A saved page in its Markdown form (`list_<service>.md`, July 2026 onwards).
    #[arg(long, value_name = "FILE")]
    pub markdown: Vec<PathBuf>,
    /// A saved service reference JSON document (`<service>.json`).
    #[arg(long, value_name = "FILE")]
    pub service_reference: Vec<PathBuf>,
    /// A document to download. A page's URL also brings its service's reference JSON, unless
    /// --no-service-reference is given.
    #[arg(long, value_name = "URL")]
    pub url: Vec<String>,
    /// Read every input as this format instead of telling it from the content.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<FormatArg>,
    /// With --url: do not also download the service reference JSON.
    #[arg(long)]
    pub no_service_reference: bool,
    /// Where the service reference JSON documents live (tests point this at a local server).
    #[arg(long, value_name = "URL", default_value = SERVICE_REFERENCE_BASE, hide = true)]
    pub service_reference_base: String,
}

impl InputArgs {
    /// Whether no document was given (`regen` then works from the committed data).
    pub(crate) fn is_empty(&self) -> bool {
        self.html.is_empty()
            && self.markdown.is_empty()
            && self.service_reference.is_empty()
            && self.url.is_empty()
    }
}

/// The formats `--format` names.
#[derive(clap::ValueEnum, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormatArg {
    /// The HTML page.
    Html,
    /// The Markdown page.
    Markdown,
    /// The service reference JSON.
    ServiceReference,
}

impl From<FormatArg> for SourceFormat {
    fn from(format: FormatArg) -> SourceFormat {
        match format {
            FormatArg::Html => SourceFormat::Html,
            FormatArg::Markdown => SourceFormat::Markdown,
            FormatArg::ServiceReference => SourceFormat::ServiceReference,
        }
    }
}

/// The catalog of every input, merged, with its warnings and the disagreements printed; the
/// second value names the inputs for messages.
pub(crate) fn scrape_input(input: &InputArgs) -> Result<(Catalog, String)> {
    if input.is_empty() {
        bail!("give at least one document: --html FILE, --markdown FILE, --service-reference FILE or --url URL");
    }
    let mut read = Vec::new();
    let mut origins = Vec::new();
    let forced = input.format.map(SourceFormat::from);
    let files = [
        (&input.html, SourceFormat::Html),
        (&input.markdown, SourceFormat::Markdown),
        (&input.service_reference, SourceFormat::ServiceReference),
    ];
    for (paths, format) in files {
        for path in paths {
            let bytes = crate::read_file(path)?;
            let source = read_source(
                &bytes,
                Some(forced.unwrap_or(format)),
                forced.is_some(),
                None,
            )
            .with_context(|| format!("cannot read {}", path.display()))?;
            origins.push(path.display().to_string());
            read.push(report_warnings(source, &path.display().to_string()));
        }
    }
    let today = today();
    let mut downloaded_a_page = false;
    for url in &input.url {
        let source = download(url, forced, &today)?;
        downloaded_a_page |= source.format != SourceFormat::ServiceReference;
        origins.push(url.clone());
        read.push(report_warnings(source, url));
    }
    // Online, the page alone is not the whole catalog: operations and SDK methods come from the
    // service reference JSON.
    let has_reference = read
        .iter()
        .any(|source| source.format == SourceFormat::ServiceReference);
    if downloaded_a_page && !has_reference && !input.no_service_reference {
        let prefix = read[0].catalog.service.prefix.clone();
        let reference_url = format!(
            "{}/v1/{prefix}/{prefix}.json",
            input.service_reference_base.trim_end_matches('/')
        );
        let reference = download(&reference_url, Some(SourceFormat::ServiceReference), &today)?;
        origins.push(reference_url.clone());
        read.push(report_warnings(reference, &reference_url));
    }
    let origin = origins.join(" + ");
    let prefixes: std::collections::BTreeSet<&str> = read
        .iter()
        .map(|source| source.catalog.service.prefix.as_str())
        .collect();
    if prefixes.len() > 1 {
        bail!("the inputs describe different service prefixes {prefixes:?}: {origin}");
    }
    let catalog = merge_sources(read).with_context(|| format!("cannot merge {origin}"))?;
    for disagreement in &catalog.disagreements {
        let values: Vec<String> = disagreement
            .values
            .iter()
            .map(|value| format!("{} says {}", value.source, value.value))
            .collect();
        eprintln!(
            "disagreement: {} ({}): {}; {}",
            disagreement.subject,
            disagreement.fact,
            values.join("; "),
            disagreement.resolution
        );
    }
    Ok((catalog, origin))
}

fn report_warnings(source: ReadSource, origin: &str) -> ReadSource {
    for warning in &source.warnings {
        eprintln!("warning: {origin}: {warning}");
    }
    source
}

fn download(url: &str, format: Option<SourceFormat>, today: &str) -> Result<ReadSource> {
    let fetched = fetch(url, &FetchOptions::default())?;
    let mut source = read_source(
        &fetched.body,
        format,
        format.is_some(),
        Some(&fetched.final_url),
    )
    .with_context(|| format!("cannot read the document downloaded from {url}"))?;
    source.catalog.source.date = Some(today.to_owned());
    Ok(source)
}

/// Today's date (UTC), `YYYY-MM-DD`: the date a downloaded source was fetched.
fn today() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs() / 86_400);
    civil_date(days)
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_date(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

pub(crate) fn run(args: &ScrapeArgs) -> Result<()> {
    let (catalog, origin) = scrape_input(&args.input)?;
    let json = catalog.to_json();
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
        None => default_output(&catalog),
    };
    if args.check {
        return check_against(&out, &catalog, &json);
    }
    report_and_write(&catalog, &origin, &out)
}

/// Writes the data file atomically and says what it holds.
pub(crate) fn report_and_write(catalog: &Catalog, origin: &str, out: &Path) -> Result<()> {
    write_atomically(out, catalog.to_json().as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "{origin}: {} actions, {} resource types, {} condition keys, {} operations, {} disagreements -> {}",
        catalog.actions.len(),
        catalog.resource_types.len(),
        catalog.condition_keys.len(),
        catalog.operations.len(),
        catalog.disagreements.len(),
        out.display()
    );
    Ok(())
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
