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
    /// Documents to read into data/sagemaker.json first; none: regenerate from the committed data.
    #[command(flatten)]
    pub input: crate::scrape::InputArgs,
}

pub(crate) fn run(args: &CodegenArgs) -> Result<()> {
    let mode = if args.check { Mode::Check } else { Mode::Write };
    generate_into(&crate::project_root(), mode)
}

pub(crate) fn regen(args: &RegenArgs) -> Result<()> {
    let root = crate::project_root();
    if !args.input.is_empty() {
        let (catalog, origin) = crate::scrape::scrape_input(&args.input)?;
        let prefix = &catalog.service.prefix;
        if prefix != "sagemaker" {
            bail!(
                "{origin} describes service prefix {prefix:?}; regen builds the SageMaker catalog \
                 (use `cargo xtask scrape` to scrape other services)"
            );
        }
        let data_file = root.join(codegen::DATA_FILE);
        print_drift(&data_file, &catalog);
        crate::scrape::report_and_write(&catalog, &origin, &data_file)?;
    }
    generate_into(&root, Mode::Write)
}

/// Says what the new catalog means for policies, compared with the committed data file.
fn print_drift(data_file: &Path, catalog: &catalog_gen::model::Catalog) {
    let old = std::fs::read_to_string(data_file)
        .ok()
        .and_then(|text| catalog_gen::model::Catalog::from_json(&text).ok());
    let Some(old) = old else {
        eprintln!(
            "drift: {} is missing or unreadable; nothing to compare with",
            data_file.display()
        );
        return;
    };
    let lines = catalog_gen::drift::drift(&old, catalog);
    if lines.is_empty() {
        eprintln!("drift: no change in actions, access levels, resource types or condition keys");
    }
    for line in lines {
        eprintln!("drift: {line}");
    }
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
