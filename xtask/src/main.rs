//! Project automation. `cargo xtask --help` lists the commands.

#![forbid(unsafe_code)]

mod bench;
mod bench_macro;
mod bench_validate;
mod codegen;
mod companions;
mod corpus;
mod global_keys;
mod history;
mod scrape;
mod validate_corpus;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "Scrape, generate and check the SageMaker IAM catalog"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Scrape a Service Authorization Reference page into data/<prefix>.json.
    Scrape(scrape::ScrapeArgs),
    /// Generate sagemaker-actions/src/generated/ from data/ (--check: fail if it is stale).
    Codegen(codegen::CodegenArgs),
    /// The main job: read and merge the documents given (none: the committed data), then codegen.
    Regen(codegen::RegenArgs),
    /// Merge every real source of each service SageMaker policies use into data/<prefix>.json.
    Companions(companions::CompanionsArgs),
    /// Read every page (.html, .md) under a directory and every service reference JSON beside it,
    /// check the catalog invariants and hand-verified counts, and merge each page with its JSON.
    Corpus(corpus::CorpusArgs),
    /// Build data/<prefix>-history.json from dated versions of a catalog (--check: compare).
    History(history::HistoryArgs),
    /// Time the scraper and codegen (release build) and the shipped crate's build.
    Bench(bench::BenchArgs),
    /// Compare `cargo check` time of 200 statements written with policy! and with json!.
    BenchMacro(bench_macro::BenchMacroArgs),
    /// Validate the policies of DIR/seeds with SageMaker's catalog and with every page of
    /// DIR/aws-pages/services scraped into a catalog.
    ValidateCorpus(validate_corpus::ValidateCorpusArgs),
    /// Policies validated per second (release build) against parliament 1.6.4 on the same files.
    BenchValidate(bench_validate::BenchValidateArgs),
    /// Read AWS's global condition keys page (Markdown) into data/global-condition-keys.json.
    ScrapeGlobalKeys(global_keys::ScrapeGlobalKeysArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Scrape(args) => scrape::run(&args),
        Command::Codegen(args) => codegen::run(&args),
        Command::Regen(args) => codegen::regen(&args),
        Command::Companions(args) => companions::run(&args),
        Command::Corpus(args) => corpus::run(&args),
        Command::History(args) => history::run(&args),
        Command::Bench(args) => bench::run(&args),
        Command::BenchMacro(args) => bench_macro::run(&args),
        Command::ValidateCorpus(args) => validate_corpus::run(&args),
        Command::BenchValidate(args) => bench_validate::run(&args),
        Command::ScrapeGlobalKeys(args) => global_keys::run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root, wherever `cargo xtask` is run from.
pub(crate) fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_owned()
}

/// The files of `dir` (not its subdirectories) whose extension is one of `extensions`, sorted.
pub(crate) fn files_with_extension(dir: &Path, extensions: &[&str]) -> Result<Vec<PathBuf>> {
    use anyhow::Context;
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        if path
            .extension()
            .is_some_and(|extension| extensions.iter().any(|wanted| extension == *wanted))
        {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Reads a whole file, naming it in the error.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>> {
    use anyhow::Context;
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

/// Runs the cargo that runs xtask with `args` in `dir`, quietly, building into `target_dir`
/// (default: the usual one); fails naming the command when cargo does.
pub(crate) fn cargo(dir: &Path, args: &[&str], target_dir: Option<&Path>) -> Result<()> {
    use anyhow::{bail, Context};
    let program = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = std::process::Command::new(program);
    command.current_dir(dir).arg("--quiet").args(args);
    if let Some(target_dir) = target_dir {
        command.env("CARGO_TARGET_DIR", target_dir);
    }
    let status = command
        .status()
        .with_context(|| format!("cannot run cargo {} in {}", args.join(" "), dir.display()))?;
    if !status.success() {
        bail!(
            "cargo {} failed in {} ({status})",
            args.join(" "),
            dir.display()
        );
    }
    Ok(())
}

/// Seconds `work` took.
pub(crate) fn timed(work: impl FnOnce() -> Result<()>) -> Result<f64> {
    let start = std::time::Instant::now();
    work()?;
    Ok(start.elapsed().as_secs_f64())
}
