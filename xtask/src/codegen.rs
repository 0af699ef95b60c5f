//! `cargo xtask codegen [--check]` and `cargo xtask regen`.

use anyhow::{bail, Result};
use catalog_gen::codegen::{self, OUTPUT_DIR};
use catalog_gen::files::Mode;
use std::path::Path;

/// Options of `cargo xtask codegen`.
#[derive(clap::Args, Debug)]
pub(crate) struct CodegenArgs {
    /// Compare the generated files with what the data produces; write nothing, fail if stale.
    #[arg(long)]
    pub check: bool,
}

/// Options of `cargo xtask regen`.
#[derive(clap::Args, Debug)]
pub(crate) struct RegenArgs {
    /// Scrape this saved page into the data file first.
    #[arg(long, value_name = "FILE", conflicts_with = "url")]
    pub html: Option<std::path::PathBuf>,
    /// Download and scrape this page into the data file first.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
}

pub(crate) fn run(args: &CodegenArgs) -> Result<()> {
    let mode = if args.check { Mode::Check } else { Mode::Write };
    generate_into(&crate::project_root(), mode)
}

pub(crate) fn regen(args: &RegenArgs) -> Result<()> {
    let root = crate::project_root();
    if args.html.is_some() || args.url.is_some() {
        let input = crate::scrape::InputArgs {
            html: args.html.clone(),
            url: args.url.clone(),
        };
        let (scraped, origin) = crate::scrape::scrape_input(&input)?;
        let prefix = &scraped.catalog.service.prefix;
        if prefix != "sagemaker" {
            bail!(
                "{origin} describes service prefix {prefix:?}; regen builds the SageMaker catalog \
                 (use `cargo xtask scrape` to scrape other services)"
            );
        }
        crate::scrape::report_and_write(&scraped, &origin, &root.join(codegen::DATA_FILE))?;
    }
    generate_into(&root, Mode::Write)
}

/// Makes `root/OUTPUT_DIR` match what the data files under `root` produce.
pub(crate) fn generate_into(root: &Path, mode: Mode) -> Result<()> {
    let report = codegen::sync(root, mode)?;
    for path in report.written.iter().chain(&report.removed) {
        eprintln!(
            "{} {}",
            if report.removed.contains(path) {
                "removed"
            } else {
                "wrote"
            },
            path.display()
        );
    }
    eprintln!(
        "{OUTPUT_DIR}: {} files, {} written, {} removed{}",
        report.files.len(),
        report.written.len(),
        report.removed.len(),
        if mode == Mode::Check {
            " (check: up to date)"
        } else {
            ""
        }
    );
    Ok(())
}
