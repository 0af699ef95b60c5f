//! `cargo xtask codegen [--check]` and `cargo xtask regen`.

use anyhow::{bail, Context, Result};
use catalog_gen::codegen::{self, DATA_FILE, GLOBAL_KEYS_FILE, OUTPUT_DIR};
use catalog_gen::files::{ensure_file_contents, Mode, Outcome};
use catalog_gen::model::{Catalog, GlobalConditionKeys};
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
    if args.html.is_some() || args.url.is_some() {
        crate::scrape::run(&crate::scrape::ScrapeArgs {
            input: crate::scrape::InputArgs {
                html: args.html.clone(),
                url: args.url.clone(),
            },
            out: None,
            check: false,
        })?;
    }
    generate_into(&crate::project_root(), Mode::Write)
}

/// Reads the data files under `root` and makes `root/OUTPUT_DIR` match what they produce.
pub(crate) fn generate_into(root: &Path, mode: Mode) -> Result<()> {
    let catalog: Catalog = read_json(&root.join(DATA_FILE))?;
    let globals: GlobalConditionKeys = read_json(&root.join(GLOBAL_KEYS_FILE))?;
    let files = codegen::generate(&catalog, &globals)
        .with_context(|| format!("cannot generate code from {DATA_FILE}"))?;
    let output_dir = root.join(OUTPUT_DIR);
    let mut written = 0;
    for file in &files {
        let path = output_dir.join(file.file_name);
        if ensure_file_contents(&path, file.contents.as_bytes(), mode)? == Outcome::Written {
            written += 1;
            eprintln!("wrote {}", path.display());
        }
    }
    let strays = stray_files(&output_dir, &files)?;
    if !strays.is_empty() {
        let names = strays.join(", ");
        if mode == Mode::Check {
            bail!("{OUTPUT_DIR} holds files codegen does not produce: {names}; run `cargo xtask codegen`");
        }
        for stray in &strays {
            std::fs::remove_file(output_dir.join(stray))
                .with_context(|| format!("cannot remove {OUTPUT_DIR}/{stray}"))?;
        }
        eprintln!("removed {names}");
    }
    eprintln!(
        "{OUTPUT_DIR}: {} files, {written} changed ({} actions, {} resource types, {} condition keys incl. global)",
        files.len(),
        catalog.actions.len(),
        catalog.resource_types.len(),
        catalog.condition_keys.len(),
    );
    Ok(())
}

fn stray_files(dir: &Path, files: &[codegen::GeneratedFile]) -> Result<Vec<String>> {
    let mut strays = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(strays),
        Err(error) => return Err(error).with_context(|| format!("cannot list {}", dir.display())),
    };
    for entry in entries {
        let name = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .file_name()
            .to_string_lossy()
            .into_owned();
        if !files.iter().any(|file| file.file_name == name) {
            strays.push(name);
        }
    }
    strays.sort();
    Ok(strays)
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    serde_json::from_str(&text)
        .with_context(|| format!("{} is not a valid data file", path.display()))
}
