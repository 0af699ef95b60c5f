//! `cargo xtask bench`: the scraper and codegen benchmarks in a release build, and clean build
//! times of `sagemaker-actions` (what the generated code costs its users).

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

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
    cargo(
        &root,
        &[
            "bench",
            "--package",
            "catalog-gen",
            "--bench",
            "scrape",
            "--",
        ],
        Some(&pages),
        None,
    )?;
    cargo(
        &root,
        &["bench", "--package", "catalog-gen", "--bench", "codegen"],
        None,
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
        let clean = timed(|| {
            cargo(
                root,
                &[
                    "build",
                    "--package",
                    "sagemaker-actions",
                    "--profile",
                    profile,
                ],
                None,
                Some(&scratch),
            )
        })?;
        cargo(
            root,
            &[
                "clean",
                "--package",
                "sagemaker-actions",
                "--profile",
                profile,
            ],
            None,
            Some(&scratch),
        )?;
        let crate_alone = timed(|| {
            cargo(
                root,
                &[
                    "build",
                    "--package",
                    "sagemaker-actions",
                    "--profile",
                    profile,
                ],
                None,
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

fn timed(f: impl FnOnce() -> Result<()>) -> Result<f64> {
    let start = Instant::now();
    f()?;
    Ok(start.elapsed().as_secs_f64())
}

fn cargo(
    root: &Path,
    args: &[&str],
    extra: Option<&Path>,
    target_dir: Option<&Path>,
) -> Result<()> {
    let program = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(program);
    command.current_dir(root).args(args);
    if let Some(extra) = extra {
        command.arg(extra);
    }
    if let Some(target_dir) = target_dir {
        command.env("CARGO_TARGET_DIR", target_dir).arg("--quiet");
    }
    let status = command
        .status()
        .with_context(|| format!("cannot run cargo {}", args.join(" ")))?;
    if !status.success() {
        bail!("cargo {} failed ({status})", args.join(" "));
    }
    Ok(())
}
