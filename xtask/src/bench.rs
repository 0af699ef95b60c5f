//! `cargo xtask bench`: the scraper benchmark in a release build, on the real pages.

use anyhow::{bail, Context, Result};
use std::path::PathBuf;
use std::process::Command;

/// Where the real pages are.
#[derive(clap::Args, Debug)]
pub(crate) struct BenchArgs {
    /// The directory holding sagemaker/*.html (default: ../shared/aws-pages beside the workspace).
    #[arg(long, value_name = "DIR")]
    pub pages: Option<PathBuf>,
}

pub(crate) fn run(args: &BenchArgs) -> Result<()> {
    let pages = args
        .pages
        .clone()
        .unwrap_or_else(|| crate::project_root().join("../shared/aws-pages"));
    if !pages.join("sagemaker").is_dir() {
        bail!(
            "{} has no sagemaker/ snapshots to benchmark",
            pages.display()
        );
    }
    let pages = pages
        .canonicalize()
        .with_context(|| format!("cannot resolve {}", pages.display()))?;
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(crate::project_root())
        .args([
            "bench",
            "--package",
            "catalog-gen",
            "--bench",
            "scrape",
            "--",
        ])
        .arg(&pages)
        .status()
        .context("cannot run cargo bench")?;
    if !status.success() {
        bail!("the scrape benchmark failed ({status})");
    }
    Ok(())
}
