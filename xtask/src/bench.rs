//! `cargo xtask bench`: the scraper and codegen benchmarks in a release build, and clean build
//! times of `sagemaker-actions` (what the generated code costs its users).

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// Where the real pages are, and what to measure.
#[derive(clap::Args, Debug)]
pub(crate) struct BenchArgs {
    /// The directory holding sagemaker/*.html (default: ../shared/aws-pages beside the workspace).
    #[arg(long, value_name = "DIR")]
    pub pages: Option<PathBuf>,
    /// Skip the clean builds of sagemaker-actions.
    #[arg(long)]
    pub skip_build: bool,
}

pub(crate) fn run(args: &BenchArgs) -> Result<()> {
    let root = crate::project_root();
    let pages = args
        .pages
        .clone()
        .unwrap_or_else(|| root.join("../shared/aws-pages"));
    if !pages.join("sagemaker").is_dir() {
        bail!(
            "{} has no sagemaker/ snapshots to benchmark",
            pages.display()
        );
    }
    let pages = pages
        .canonicalize()
        .with_context(|| format!("cannot resolve {}", pages.display()))?;
    let pages = pages.to_str().context("the pages directory is not UTF-8")?;
    crate::cargo(
        &root,
        &[
            "bench",
            "--package",
            "catalog-gen",
            "--bench",
            "scrape",
            "--",
            pages,
        ],
        None,
    )?;
    crate::cargo(
        &root,
        &["bench", "--package", "catalog-gen", "--bench", "codegen"],
        None,
    )?;
    if !args.skip_build {
        build_times(&root)?;
    }
    Ok(())
}

/// Clean builds of the shipped crate in a scratch target directory: with its dependencies, then
/// the crate alone after `cargo clean --package` (dependencies already built).
fn build_times(root: &Path) -> Result<()> {
    let scratch = std::env::temp_dir().join(format!(
        "sagemaker-actions-build-bench-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&scratch);
    for profile in ["dev", "release"] {
        let clean = crate::timed(|| {
            crate::cargo(
                root,
                &[
                    "build",
                    "--package",
                    "sagemaker-actions",
                    "--profile",
                    profile,
                ],
                Some(&scratch),
            )
        })?;
        crate::cargo(
            root,
            &[
                "clean",
                "--package",
                "sagemaker-actions",
                "--profile",
                profile,
            ],
            Some(&scratch),
        )?;
        let crate_alone = crate::timed(|| {
            crate::cargo(
                root,
                &[
                    "build",
                    "--package",
                    "sagemaker-actions",
                    "--profile",
                    profile,
                ],
                Some(&scratch),
            )
        })?;
        println!(
            "build      sagemaker-actions ({profile}): clean with dependencies {clean:.1} s, the crate alone {crate_alone:.1} s (target < 10 s in dev)"
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}
