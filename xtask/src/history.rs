//! `cargo xtask history`: every dated version of a service's catalog in, its history out
//! (`data/<prefix>-history.json`).

use anyhow::{bail, Context, Result};
use catalog_gen::files::write_atomically;
use catalog_gen::history::{history, History, Version};
use catalog_gen::sources::read_source;
use std::path::{Path, PathBuf};

/// Where the dated versions are.
#[derive(clap::Args, Debug)]
pub(crate) struct HistoryArgs {
    /// A directory of saved pages named by their date, `YYYY-MM-DD.html` (HTML or Markdown).
    #[arg(long, value_name = "DIR")]
    pub pages: Vec<PathBuf>,
    /// A directory of service reference versions: `INDEX.tsv` (file, first commit, commit date,
    /// ...) gives each file's date; without it, files are named `YYYY-MM-DD[-N].json`.
    #[arg(long, value_name = "DIR")]
    pub service_reference: Vec<PathBuf>,
    /// Output file. Default: data/<prefix>-history.json in the workspace.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Compare with the existing output file instead of writing it.
    #[arg(long)]
    pub check: bool,
}

pub(crate) fn run(args: &HistoryArgs) -> Result<()> {
    if args.pages.is_empty() && args.service_reference.is_empty() {
        bail!("give at least one --pages DIR or --service-reference DIR");
    }
    let history = build(args)?;
    let out = args.out.clone().unwrap_or_else(|| {
        crate::project_root()
            .join("data")
            .join(format!("{}-history.json", history.prefix))
    });
    let json = history.to_json();
    if args.check {
        let existing = std::fs::read_to_string(&out)
            .with_context(|| format!("cannot read {}", out.display()))?;
        if existing != json {
            bail!(
                "{} differs from the history of the sources given; run without --check to update it",
                out.display()
            );
        }
        eprintln!("{} is up to date", out.display());
        return Ok(());
    }
    write_atomically(&out, json.as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "{} versions ({} to {}): {} actions ({} removed), {} resource types, {} condition keys -> {}",
        history.sources.len(),
        history.sources.first().map_or("", |s| s.date.as_str()),
        history.newest_date().unwrap_or_default(),
        history.actions.len(),
        history.removed_actions.len(),
        history.resource_types.len(),
        history.condition_keys.len(),
        out.display()
    );
    Ok(())
}

/// Reads every version the arguments name and builds the history.
pub(crate) fn build(args: &HistoryArgs) -> Result<History> {
    let mut dated = Vec::new();
    for dir in &args.pages {
        for path in crate::files_with_extension(dir, &["html", "md"])? {
            dated.push((date_from_name(&path)?, path));
        }
    }
    for dir in &args.service_reference {
        dated.extend(service_reference_versions(dir)?);
    }
    let mut versions = Vec::with_capacity(dated.len());
    for (date, path) in dated {
        let bytes = crate::read_file(&path)?;
        let read = read_source(
            &bytes,
            None,
            false,
            Some(&format!("file://{}", path.display())),
        )
        .with_context(|| format!("cannot read {}", path.display()))?;
        versions.push(Version {
            date,
            location: path
                .file_name()
                .map_or_else(String::new, |name| name.to_string_lossy().into_owned()),
            catalog: read.catalog,
        });
    }
    let prefixes: std::collections::BTreeSet<&str> = versions
        .iter()
        .map(|version| version.catalog.service.prefix.as_str())
        .collect();
    if prefixes.len() != 1 {
        bail!(
            "the versions describe {} service prefixes {prefixes:?}; a history is of one service",
            prefixes.len()
        );
    }
    Ok(history(versions))
}

fn service_reference_versions(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let index = dir.join("INDEX.tsv");
    if !index.exists() {
        return crate::files_with_extension(dir, &["json"])?
            .into_iter()
            .map(|path| Ok((date_from_name(&path)?, path)))
            .collect();
    }
    let text = std::fs::read_to_string(&index)
        .with_context(|| format!("cannot read {}", index.display()))?;
    let mut lines = text.lines().enumerate();
    let header: Vec<&str> = lines
        .next()
        .map(|(_, line)| line.split('\t').collect())
        .unwrap_or_default();
    let column = |name: &str| {
        header
            .iter()
            .position(|column| *column == name)
            .with_context(|| {
                format!(
                    "{}: no column {name:?} in the header {header:?}",
                    index.display()
                )
            })
    };
    let (file_column, date_column) = (column("file")?, column("commit_date_utc")?);
    let mut versions = Vec::new();
    for (number, line) in lines.filter(|(_, line)| !line.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let (Some(file), Some(date)) = (fields.get(file_column), fields.get(date_column)) else {
            bail!(
                "{}:{}: fewer columns than the header",
                index.display(),
                number + 1
            );
        };
        let date = date
            .get(..10)
            .filter(|date| is_date(date))
            .with_context(|| {
                format!("{}:{}: {date:?} is not a date", index.display(), number + 1)
            })?;
        versions.push((date.to_owned(), dir.join(file)));
    }
    Ok(versions)
}

/// `2026-07-01` from `.../2026-07-01.html` or `.../2026-07-01-2.json`.
fn date_from_name(path: &Path) -> Result<String> {
    let stem = path
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_default();
    match stem.get(..10) {
        Some(date) if is_date(date) => Ok(date.to_owned()),
        _ => bail!(
            "{}: a dated version must be named YYYY-MM-DD (optionally -N) before its extension",
            path.display()
        ),
    }
}

fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(index, byte)| match index {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_come_from_names() {
        assert_eq!(
            date_from_name(Path::new("x/2026-07-01.html")).unwrap(),
            "2026-07-01"
        );
        assert_eq!(
            date_from_name(Path::new("2025-11-05-2.json")).unwrap(),
            "2025-11-05"
        );
        let error = date_from_name(Path::new("dir/latest.html")).unwrap_err();
        assert!(error
            .to_string()
            .contains("dir/latest.html: a dated version must be named YYYY-MM-DD"));
        assert!(!is_date("2026-7-01x"));
    }
}
