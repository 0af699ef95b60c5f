//! `cargo xtask bench-validate`: policies validated per second by `sagemaker_actions::validate`
//! and by parliament 1.6.4 (PyPI), on the same files in the same run.
//!
//! The corpus is the policies of ../shared/seeds plus generated ones of 1 to 100 statements
//! (deterministic: the same files on every run), written to target/validate-bench/. Our side
//! is timed in a release build: a debug build of xtask re-runs itself with
//! `cargo run --release`. Parliament is installed into target/parliament-venv and timed
//! through its Python API in one process (a driver written to target/validate-bench-driver.py,
//! so that interpreter start-up and imports are not counted per file), and, for a few files,
//! as `parliament --file F` in one process per file.

use crate::validate_corpus::{load_catalogs, seed_policies, shared_dirs, with_all};
use anyhow::{bail, Context, Result};
use sagemaker_actions::validate::{ActionFacts, ServiceCatalog, Validator};
use sagemaker_actions::ValueType;
use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Options of `cargo xtask bench-validate`.
#[derive(clap::Args, Debug)]
pub(crate) struct BenchValidateArgs {
    /// The shared directory with aws-pages/services/*.html and seeds/*.txt (default: ../shared
    /// beside the workspace).
    #[arg(long, value_name = "DIR")]
    pub shared: Option<PathBuf>,
    /// How many policies to generate besides the seeds.
    #[arg(long, default_value_t = 200)]
    pub generated: usize,
    /// Time each validator for at least this many seconds (whole passes over the corpus).
    #[arg(long, default_value_t = 3.0)]
    pub seconds: f64,
    /// And for at least this many passes: rates are the median pass's, which a noisy machine
    /// disturbs less than a mean.
    #[arg(long, default_value_t = 3)]
    pub min_passes: usize,
    /// How many files to also check with one `parliament --file F` process each (0: none).
    #[arg(long, default_value_t = 20)]
    pub cli_files: usize,
    /// Time only sagemaker-actions, without installing or running parliament (for profiling;
    /// gives no ratio).
    #[arg(long)]
    pub ours_only: bool,
}

/// The parliament release compared against.
const PARLIAMENT: &str = "1.6.4";

/// Set in the release build this command starts, so that it never starts another.
const RELEASE_CHILD: &str = "XTASK_BENCH_VALIDATE_RELEASE";

/// The ratio the validator should reach over parliament's Python API.
const TARGET_RATIO: f64 = 100.0;

/// Validation should cost at most this many times what parsing the same text costs.
const PARSE_TARGET_RATIO: f64 = 3.0;

pub(crate) fn run(args: &BenchValidateArgs) -> Result<()> {
    let root = crate::project_root();
    if cfg!(debug_assertions) {
        if std::env::var_os(RELEASE_CHILD).is_none() {
            return rerun_in_release(&root);
        }
        eprintln!(
            "warning: timing a build with debug assertions; the numbers are not release numbers"
        );
    }
    let shared = args
        .shared
        .clone()
        .unwrap_or_else(|| root.join("../shared"));
    let (services, seeds) = shared_dirs(&shared)?;
    let catalogs = load_catalogs(&services)?;
    let seeds = seed_policies(&seeds)?;
    if seeds.is_empty() {
        bail!("no policies found in the seeds of {}", shared.display());
    }

    let dir = root.join("target/validate-bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for seed in &seeds {
        let stem = seed.file.trim_end_matches(".txt");
        write(
            &dir.join(format!("seed-{stem}-{}.json", seed.number)),
            &seed.text,
        )?;
    }
    let mut sources: Vec<&ServiceCatalog> = vec![];
    let sagemaker = ServiceCatalog::sagemaker();
    sources.push(&sagemaker);
    sources.extend(
        catalogs
            .iter()
            .map(|loaded| &loaded.catalog)
            .filter(|catalog| !catalog.actions().is_empty()),
    );
    let mut rng = SplitMix64(0x5ea9_a4e2_0b1d_c0de);
    for index in 0..args.generated {
        let statements = match index {
            0 => 1,
            1 => 100,
            _ => 1 + rng.below(100),
        };
        let policy = generate_policy(&mut rng, &sources, statements);
        write(
            &dir.join(format!("gen-{index:03}.json")),
            &serde_json::to_string_pretty(&policy).expect("JSON values serialize"),
        )?;
    }

    let files = corpus_files(&dir)?;
    let statements: usize = files.iter().map(|(_, text)| statement_count(text)).sum();
    println!(
        "corpus: {} files ({} seed policies, {} generated with 1 to 100 statements), {statements} statements, {} KiB, in {}",
        files.len(),
        seeds.len(),
        args.generated,
        files.iter().map(|(_, text)| text.len()).sum::<usize>() / 1024,
        dir.display()
    );

    let everything = with_all(&catalogs);
    let budget = Budget {
        seconds: args.seconds,
        min_passes: args.min_passes.max(1),
    };
    let ours = time_ours(&everything, &files, budget);
    let ours_sagemaker = time_ours(&Validator::new(), &files, budget);
    let profile = if cfg!(debug_assertions) {
        "debug"
    } else {
        "release"
    };
    ours.print(
        &format!(
            "sagemaker-actions ({profile}, {} catalogs)",
            everything.catalogs().len()
        ),
        statements,
    );
    ours_sagemaker.print(
        &format!("sagemaker-actions ({profile}, SageMaker catalog only)"),
        statements,
    );
    let parse_only = time_parse_only(&files, budget);
    let parse_ratio = parse_only.median_rate() / ours.passes.median_rate();
    println!(
        "serde_json parse into Value only ({profile}): {}",
        parse_only.describe(statements)
    );
    println!(
        "validation / parse-only (median passes): validating costs {parse_ratio:.2}x parsing; target: within {PARSE_TARGET_RATIO:.0}x: {}",
        if parse_ratio <= PARSE_TARGET_RATIO {
            "met"
        } else {
            "NOT met"
        }
    );
    if args.ours_only {
        return Ok(());
    }

    let venv = root.join("target/parliament-venv");
    let python = install_parliament(&venv)?;
    let api = time_parliament_api(&root, &python, &dir, &files, budget)?;
    println!(
        "parliament {PARLIAMENT} (Python API, one process): {}; {} findings per pass, {} policies raised; first pass {:.2} s, import {:.2} s",
        api.passes.describe(statements),
        api.findings,
        api.exceptions,
        api.first_pass_seconds,
        api.import_seconds
    );
    // The seeds alone: small, real policies, where per-policy costs weigh more.
    let seed_files: Vec<(PathBuf, String)> = files
        .iter()
        .filter(|(path, _)| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with("seed-"))
        })
        .cloned()
        .collect();
    let ours_seeds = time_ours(&everything, &seed_files, budget);
    let api_seeds = time_parliament_api(&root, &python, &dir, &seed_files, budget)?;
    println!(
        "seed policies only ({} files): sagemaker-actions {:.0} policies/s, parliament API {:.1} policies/s (medians): {:.0}x",
        seed_files.len(),
        ours_seeds.passes.median_rate(),
        api_seeds.passes.median_rate(),
        ours_seeds.passes.median_rate() / api_seeds.passes.median_rate()
    );
    let cli = if args.cli_files > 0 {
        let count = args.cli_files.min(files.len());
        let seconds = time_parliament_cli(&venv, &files[..count])?;
        let rate = count as f64 / seconds;
        println!(
            "parliament {PARLIAMENT} (CLI, `parliament --file F` per file, first {count} files): {rate:.2} policies/s ({seconds:.2} s)"
        );
        Some(rate)
    } else {
        None
    };

    let ratio = ours.passes.median_rate() / api.passes.median_rate();
    println!(
        "ratio sagemaker-actions / parliament API (median passes): {ratio:.0}x (SageMaker catalog only: {:.0}x; fastest passes: {:.0}x); target: at least {TARGET_RATIO:.0}x: {}",
        ours_sagemaker.passes.median_rate() / api.passes.median_rate(),
        ours.passes.best_rate() / api.passes.best_rate(),
        if ratio >= TARGET_RATIO {
            "met"
        } else {
            "NOT met"
        }
    );
    if let Some(cli) = cli {
        println!(
            "ratio sagemaker-actions / parliament CLI per file: {:.0}x",
            ours.passes.median_rate() / cli
        );
    }
    Ok(())
}

/// Runs this command again from a release build of xtask, with the same arguments.
fn rerun_in_release(root: &Path) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let forwarded: Vec<_> = std::env::args_os().skip(1).collect();
    println!("bench-validate times a release build: cargo run --release --package xtask -- ...");
    // The working directory is kept, so relative paths in the arguments still resolve.
    let status = Command::new(cargo)
        .args(["run", "--release", "--quiet", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .args(["--package", "xtask", "--"])
        .args(&forwarded)
        .env(RELEASE_CHILD, "1")
        .status()
        .context("cannot run cargo run --release")?;
    if !status.success() {
        bail!("the release build of bench-validate failed ({status})");
    }
    Ok(())
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// Every .json file of `dir`, sorted, with its text.
fn corpus_files(dir: &Path) -> Result<Vec<(PathBuf, String)>> {
    crate::files_with_extension(dir, &["json"])?
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read {}", path.display()))?;
            Ok((path, text))
        })
        .collect()
}

fn statement_count(text: &str) -> usize {
    match serde_json::from_str::<Value>(text) {
        Ok(value) => match &value["Statement"] {
            Value::Array(items) => items.len(),
            Value::Object(_) => 1,
            _ => 0,
        },
        Err(_) => 0,
    }
}

/// How long to time each validator.
#[derive(Clone, Copy)]
struct Budget {
    seconds: f64,
    min_passes: usize,
}

/// The durations of whole passes over a corpus of `policies` files.
struct Passes {
    policies: usize,
    seconds: Vec<f64>,
}

impl Passes {
    fn sorted(&self) -> Vec<f64> {
        let mut sorted = self.seconds.clone();
        sorted.sort_by(f64::total_cmp);
        sorted
    }

    /// Policies per second in the median pass.
    fn median_rate(&self) -> f64 {
        let sorted = self.sorted();
        self.policies as f64 / sorted[sorted.len() / 2]
    }

    /// Policies per second in the fastest pass.
    fn best_rate(&self) -> f64 {
        self.policies as f64 / self.sorted()[0]
    }

    /// Policies per second in the slowest pass.
    fn worst_rate(&self) -> f64 {
        self.policies as f64 / self.sorted()[self.seconds.len() - 1]
    }

    fn describe(&self, statements: usize) -> String {
        let median = self.median_rate();
        format!(
            "{median:.1} policies/s, {:.0} statements/s (median of {} passes in {:.2} s; passes ranged {:.1} to {:.1} policies/s)",
            median * statements as f64 / self.policies as f64,
            self.seconds.len(),
            self.seconds.iter().sum::<f64>(),
            self.worst_rate(),
            self.best_rate()
        )
    }
}

/// Timing of our validator.
struct Timing {
    passes: Passes,
    findings: usize,
}

impl Timing {
    fn print(&self, label: &str, statements: usize) {
        println!(
            "{label}: {}; {} findings per pass",
            self.passes.describe(statements),
            self.findings
        );
    }
}

/// Whole passes of `validate_json` over the texts (already in memory), after one warm-up pass,
/// until both the budget's time and its passes are spent.
fn time_ours(validator: &Validator, files: &[(PathBuf, String)], budget: Budget) -> Timing {
    let findings: usize = files
        .iter()
        .map(|(_, text)| validator.validate_json(text).len())
        .sum();
    Timing {
        passes: time_passes(files, budget, |text| validator.validate_json(text).len()),
        findings,
    }
}

/// Whole passes of `serde_json` parsing the texts into `serde_json::Value` and nothing else: the
/// cost of reading the input, which validation cannot go below.
fn time_parse_only(files: &[(PathBuf, String)], budget: Budget) -> Passes {
    time_passes(files, budget, |text| {
        serde_json::from_str::<Value>(text).map_or(0, |value| usize::from(value.is_object()))
    })
}

/// Times whole passes of `work` over the texts until both the budget's time and its passes are
/// spent; `work`'s result is kept from the optimizer.
fn time_passes(
    files: &[(PathBuf, String)],
    budget: Budget,
    work: impl Fn(&str) -> usize,
) -> Passes {
    let start = Instant::now();
    let mut seconds = Vec::new();
    let mut sink = 0usize;
    while seconds.len() < budget.min_passes || start.elapsed().as_secs_f64() < budget.seconds {
        let pass = Instant::now();
        for (_, text) in files {
            sink = sink.wrapping_add(std::hint::black_box(work(text)));
        }
        seconds.push(pass.elapsed().as_secs_f64());
    }
    std::hint::black_box(sink);
    Passes {
        policies: files.len(),
        seconds,
    }
}

/// Creates target/parliament-venv with parliament 1.6.4 unless it is there; returns its Python.
fn install_parliament(venv: &Path) -> Result<PathBuf> {
    let python = venv.join("bin/python");
    if python.is_file() && parliament_version(&python).as_deref() == Some(PARLIAMENT) {
        return Ok(python);
    }
    println!(
        "installing parliament=={PARLIAMENT} into {} (python3 -m venv, pip)",
        venv.display()
    );
    let _ = std::fs::remove_dir_all(venv);
    let created = Command::new("python3")
        .args(["-m", "venv"])
        .arg(venv)
        .status();
    match created {
        Ok(status) if status.success() => {}
        Ok(status) => bail!(
            "`python3 -m venv {}` failed ({status}): parliament cannot be installed; install python3 with the venv module (Debian: python3-venv)",
            venv.display()
        ),
        Err(error) => bail!(
            "cannot run python3 ({error}): bench-validate needs python3 with venv and pip to install parliament {PARLIAMENT}"
        ),
    }
    let pip_works = Command::new(&python)
        .args(["-m", "pip", "--version"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !pip_works {
        bail!(
            "pip is unavailable in {} (`python -m pip --version` failed): cannot install parliament {PARLIAMENT}; install python3-pip / ensurepip",
            venv.display()
        );
    }
    let status = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
        ])
        .arg(format!("parliament=={PARLIAMENT}"))
        .status()
        .context("cannot run pip")?;
    if !status.success() {
        bail!("`pip install parliament=={PARLIAMENT}` failed ({status}): is PyPI reachable?");
    }
    match parliament_version(&python) {
        Some(version) if version == PARLIAMENT => Ok(python),
        other => bail!("after pip install, parliament's version is {other:?}, not {PARLIAMENT}"),
    }
}

fn parliament_version(python: &Path) -> Option<String> {
    let output = Command::new(python)
        .args([
            "-c",
            "import importlib.metadata as m; print(m.version('parliament'))",
        ])
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Reads every file into memory, imports parliament, then times whole passes of
/// `analyze_policy_string`, each on its own, for at least the given seconds and passes (the
/// first pass, which loads parliament's IAM definitions lazily, is timed apart). Prints one
/// JSON line.
const DRIVER: &str = r#"# Written by `cargo xtask bench-validate`: times parliament's Python API in one process.
import json, sys, time
files, seconds, min_passes = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
paths = [line for line in open(files).read().splitlines() if line]
texts = [open(path).read() for path in paths]
start = time.perf_counter()
import logging
logging.disable(logging.CRITICAL)
from parliament import analyze_policy_string
import_seconds = time.perf_counter() - start

def one_pass():
    findings = exceptions = 0
    for text in texts:
        try:
            findings += len(analyze_policy_string(text).findings)
        except Exception:
            exceptions += 1
    return findings, exceptions

start = time.perf_counter()
findings, exceptions = one_pass()
first_pass_seconds = time.perf_counter() - start
pass_seconds = []
start = time.perf_counter()
while len(pass_seconds) < min_passes or time.perf_counter() - start < seconds:
    began = time.perf_counter()
    one_pass()
    pass_seconds.append(time.perf_counter() - began)
print(json.dumps({
    "policies": len(texts), "pass_seconds": pass_seconds,
    "findings": findings, "exceptions": exceptions,
    "import_seconds": import_seconds, "first_pass_seconds": first_pass_seconds,
}))
"#;

struct ParliamentTiming {
    passes: Passes,
    findings: u64,
    exceptions: u64,
    import_seconds: f64,
    first_pass_seconds: f64,
}

fn time_parliament_api(
    root: &Path,
    python: &Path,
    dir: &Path,
    files: &[(PathBuf, String)],
    budget: Budget,
) -> Result<ParliamentTiming> {
    let driver = root.join("target/validate-bench-driver.py");
    write(&driver, DRIVER)?;
    let list = root.join("target/validate-bench-files.txt");
    let mut paths = String::new();
    for (path, _) in files {
        paths.push_str(&path.display().to_string());
        paths.push('\n');
    }
    write(&list, &paths)?;
    let output = Command::new(python)
        .arg(&driver)
        .arg(&list)
        .arg(budget.seconds.to_string())
        .arg(budget.min_passes.to_string())
        .current_dir(dir)
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("cannot run {}", driver.display()))?;
    if !output.status.success() {
        bail!("{} failed ({})", driver.display(), output.status);
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout.lines().last().unwrap_or_default();
    let report: Value = serde_json::from_str(line)
        .with_context(|| format!("the driver printed {line:?}, not its JSON report"))?;
    let number = |name: &str| {
        report[name]
            .as_f64()
            .with_context(|| format!("the driver's report has no {name}: {line}"))
    };
    let seconds: Vec<f64> = report["pass_seconds"]
        .as_array()
        .map(|passes| passes.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default();
    if seconds.is_empty() {
        bail!("the driver's report has no pass times: {line}");
    }
    Ok(ParliamentTiming {
        passes: Passes {
            policies: number("policies")? as usize,
            seconds,
        },
        findings: number("findings")? as u64,
        exceptions: number("exceptions")? as u64,
        import_seconds: number("import_seconds")?,
        first_pass_seconds: number("first_pass_seconds")?,
    })
}

/// Wall time of one `parliament --file F` process per file.
fn time_parliament_cli(venv: &Path, files: &[(PathBuf, String)]) -> Result<f64> {
    let program = venv.join("bin/parliament");
    let start = Instant::now();
    for (path, _) in files {
        // parliament exits non-zero when it has findings; only a failure to start counts.
        Command::new(&program)
            .arg("--file")
            .arg(path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .with_context(|| format!("cannot run {}", program.display()))?;
    }
    Ok(start.elapsed().as_secs_f64())
}

/// A small deterministic generator (SplitMix64), so the corpus is the same on every run.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in 0..bound (bound > 0).
    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound as u64) as usize
    }

    /// True with the given percent chance.
    fn percent(&mut self, chance: usize) -> bool {
        self.below(100) < chance
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Global keys the generator adds, with an operator and a value of the right type.
const GLOBAL_CONDITIONS: &[(&str, &str, &str)] = &[
    ("StringEquals", "aws:RequestedRegion", "us-east-1"),
    ("IpAddress", "aws:SourceIp", "203.0.113.0/24"),
    ("Bool", "aws:SecureTransport", "true"),
    ("StringEquals", "aws:PrincipalTag/team", "ml-platform"),
    ("DateLessThan", "aws:CurrentTime", "2030-01-01T00:00:00Z"),
    ("NumericLessThan", "aws:MultiFactorAuthAge", "3600"),
    (
        "StringEquals",
        "aws:ResourceTag/project",
        "${aws:PrincipalTag/project}",
    ),
];

/// A policy of `statements` statements; 60 % of them about SageMaker, the rest about the
/// other services, with explicit and wildcard actions, ARNs built from the catalogs' formats,
/// condition keys of the actions, and a few mistakes (typos, wrong types) for the validators
/// to find.
fn generate_policy(rng: &mut SplitMix64, catalogs: &[&ServiceCatalog], statements: usize) -> Value {
    let mut items = Vec::with_capacity(statements);
    for index in 0..statements {
        let catalog = if rng.percent(60) || catalogs.len() == 1 {
            catalogs[0]
        } else {
            catalogs[1 + rng.below(catalogs.len() - 1)]
        };
        items.push(generate_statement(rng, catalog, index));
    }
    json!({ "Version": "2012-10-17", "Statement": items })
}

fn generate_statement(rng: &mut SplitMix64, catalog: &ServiceCatalog, index: usize) -> Value {
    let actions = catalog.actions();
    let mut statement = Map::new();
    if rng.percent(70) {
        statement.insert("Sid".into(), json!(format!("S{index}")));
    }
    statement.insert(
        "Effect".into(),
        json!(if rng.percent(85) { "Allow" } else { "Deny" }),
    );
    let mut chosen: Vec<&ActionFacts> = Vec::new();
    let mut action_texts = Vec::new();
    for _ in 0..1 + rng.below(6) {
        let facts = rng.pick(actions);
        let roll = if facts.name.len() > 1 && facts.name.is_ascii() {
            rng.below(100)
        } else {
            100
        };
        if roll < 8 {
            // A wildcard on the name's first word: Describe*, List*, Create*.
            let cut = facts.name[1..]
                .find(|c: char| c.is_ascii_uppercase())
                .map_or(facts.name.len(), |at| at + 1);
            action_texts.push(format!("{}:{}*", catalog.prefix, &facts.name[..cut]));
        } else if roll < 11 {
            // A typo: one letter dropped.
            let at = rng.below(facts.name.len());
            let mut name = facts.name.clone();
            name.remove(at);
            action_texts.push(format!("{}:{name}", catalog.prefix));
        } else {
            action_texts.push(format!("{}:{}", catalog.prefix, facts.name));
            chosen.push(facts);
        }
    }
    action_texts.dedup();
    let action_key = if rng.percent(3) {
        "NotAction"
    } else {
        "Action"
    };
    statement.insert(action_key.into(), one_or_many(action_texts));

    let mut resources = Vec::new();
    if !rng.percent(35) {
        for facts in &chosen {
            let arn = facts
                .resource_types
                .first()
                .and_then(|row| catalog.resource_type(&row.resource_type))
                .and_then(|rt| rt.arn_formats.first())
                .map(|format| fill_arn(rng, format));
            resources.push(arn.unwrap_or_else(|| "*".to_owned()));
        }
    }
    if resources.is_empty() {
        resources.push("*".to_owned());
    }
    resources.sort();
    resources.dedup();
    let resource_key = if rng.percent(3) {
        "NotResource"
    } else {
        "Resource"
    };
    statement.insert(resource_key.into(), one_or_many(resources));

    if rng.percent(40) {
        let mut blocks: Map<String, Value> = Map::new();
        for _ in 0..1 + rng.below(3) {
            let service_key = chosen
                .first()
                .filter(|_| rng.percent(60))
                .and_then(|facts| {
                    let keys: Vec<&String> = facts
                        .condition_keys
                        .iter()
                        .chain(
                            facts
                                .resource_types
                                .iter()
                                .flat_map(|row| &row.condition_keys),
                        )
                        .filter(|key| !key.starts_with("aws:"))
                        .collect();
                    (!keys.is_empty()).then(|| (*rng.pick(&keys)).clone())
                })
                .and_then(|name| {
                    let value_type = catalog.key(&name)?.value_type;
                    Some(condition_for(rng, &name, value_type))
                });
            let (operator, key, value) = service_key.unwrap_or_else(|| {
                let (operator, key, value) = *rng.pick(GLOBAL_CONDITIONS);
                (operator.to_owned(), key.to_owned(), value.to_owned())
            });
            let block = blocks
                .entry(operator)
                .or_insert_with(|| Value::Object(Map::new()));
            block
                .as_object_mut()
                .expect("blocks are objects")
                .insert(key, json!(value));
        }
        statement.insert("Condition".into(), Value::Object(blocks));
    }
    Value::Object(statement)
}

/// An operator and value fitting a service key's type (now and then a wrong one).
fn condition_for(
    rng: &mut SplitMix64,
    name: &str,
    value_type: ValueType,
) -> (String, String, String) {
    let key = match name.find("${") {
        Some(at) => format!("{}team", &name[..at]),
        None => name.to_owned(),
    };
    let (operator, value) = match value_type.element_type() {
        ValueType::Arn => ("ArnLike", "arn:aws:kms:us-east-1:123456789012:key/*"),
        ValueType::Bool => ("Bool", "true"),
        ValueType::Numeric => ("NumericLessThanEquals", "86400"),
        ValueType::Date | ValueType::DateOrNumeric => ("DateGreaterThan", "2024-01-01T00:00:00Z"),
        ValueType::IpAddress => ("IpAddress", "10.0.0.0/8"),
        _ if rng.percent(50) => ("StringLike", "ml.*"),
        _ => ("StringEquals", "ml-team"),
    };
    // A mistake now and then: a numeric operator on whatever the key is.
    let operator = if rng.percent(5) {
        "NumericEquals"
    } else {
        operator
    };
    let operator = if value_type.is_multivalued() {
        format!("ForAnyValue:{operator}")
    } else {
        operator.to_owned()
    };
    (operator, key, value.to_owned())
}

/// An ARN from a catalog's format: the partition, region and account filled in, resource
/// names made up.
fn fill_arn(rng: &mut SplitMix64, format: &str) -> String {
    let mut arn = String::with_capacity(format.len() + 16);
    let mut rest = format;
    while let Some(at) = rest.find("${") {
        arn.push_str(&rest[..at]);
        let Some(end) = rest[at..].find('}') else {
            break;
        };
        let variable = &rest[at + 2..at + end];
        match variable {
            "Partition" => arn.push_str("aws"),
            "Region" => arn.push_str(if rng.percent(30) { "*" } else { "us-east-1" }),
            "Account" | "AccountId" => arn.push_str("123456789012"),
            _ => {
                let team = rng.below(10);
                if rng.percent(50) {
                    arn.push_str(&format!("team{team}-*"));
                } else {
                    arn.push_str(&format!("team{team}-resource"));
                }
            }
        }
        rest = &rest[at + end + 1..];
    }
    arn.push_str(rest);
    arn
}

/// A lone string when there is one value, as people write policies.
fn one_or_many(values: Vec<String>) -> Value {
    if values.len() == 1 {
        json!(values[0])
    } else {
        json!(values)
    }
}
