//! `cargo xtask bench-macro`: what the policy macro costs its users at compile time. Generates
//! two crates with the same 200 statements, one written with `sagemaker_actions::policy!` and
//! one with `serde_json::json!`, and times `cargo check` on each: cold (empty target directory,
//! dependencies included), the crate alone with its dependencies built, and after an edit of
//! the file that holds the policies.

use anyhow::{bail, Context, Result};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Options of `cargo xtask bench-macro`.
#[derive(clap::Args, Debug)]
pub(crate) struct BenchMacroArgs {
    /// How many statements each crate holds.
    #[arg(long, default_value_t = 200)]
    pub statements: usize,
    /// Where to generate the crates (default: target/macro-bench).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Statements per `policy!` invocation, as a real crate would group them.
const STATEMENTS_PER_POLICY: usize = 10;

/// Actions that take a training-job resource, and the matching JSON names.
const TRAINING_JOB_ACTIONS: &[&str] = &[
    "CreateTrainingJob",
    "DescribeTrainingJob",
    "StopTrainingJob",
    "UpdateTrainingJob",
];

pub(crate) fn run(args: &BenchMacroArgs) -> Result<()> {
    let root = crate::project_root();
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| root.join("target/macro-bench"));
    let _ = std::fs::remove_dir_all(&dir);
    let macro_crate = dir.join("with-macro");
    let json_crate = dir.join("with-json");
    let sagemaker_actions = root.join("sagemaker-actions");
    write_crate(
        &macro_crate,
        &format!(
            "sagemaker-actions = {{ path = {:?} }}\n",
            sagemaker_actions.display().to_string()
        ),
        &macro_source(args.statements),
    )?;
    write_crate(
        &json_crate,
        "serde_json = \"1\"\n",
        &json_source(args.statements),
    )?;
    let mut results = Vec::new();
    for (name, path) in [("policy!", &macro_crate), ("json!", &json_crate)] {
        let cold = timed_check(path)?;
        let crate_name = path.file_name().unwrap().to_string_lossy().into_owned();
        clean_crate(path, &crate_name)?;
        let crate_alone = timed_check(path)?;
        // An edit, not just a new mtime: incremental compilation would reuse identical source.
        let lib = path.join("src/lib.rs");
        let mut source = std::fs::read_to_string(&lib).context("read generated lib.rs")?;
        source.push_str("// edited\n");
        std::fs::write(&lib, source).context("edit generated lib.rs")?;
        let edited = timed_check(path)?;
        println!(
            "cargo check, {} statements with {name:<8}: cold {cold:.2} s, the crate alone (dependencies built) {crate_alone:.2} s, after editing lib.rs {edited:.2} s",
            args.statements
        );
        results.push([cold, crate_alone, edited]);
    }
    let ratio = |index: usize| results[0][index] / results[1][index];
    println!(
        "ratio policy!/json!: cold {:.2}x, crate alone {:.2}x, after editing {:.2}x (target: within 1.5x)",
        ratio(0),
        ratio(1),
        ratio(2)
    );
    Ok(())
}

fn write_crate(dir: &Path, dependency: &str, source: &str) -> Result<()> {
    std::fs::create_dir_all(dir.join("src"))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    let manifest = format!(
        "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{dependency}\n[workspace]\n",
        dir.file_name().unwrap().to_string_lossy()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).context("write Cargo.toml")?;
    std::fs::write(dir.join("src/lib.rs"), source).context("write lib.rs")?;
    Ok(())
}

fn clean_crate(dir: &Path, name: &str) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(dir)
        .args(["clean", "--quiet", "--package", name])
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .status()
        .with_context(|| format!("cannot run cargo clean in {}", dir.display()))?;
    if !status.success() {
        bail!("cargo clean failed in {}", dir.display());
    }
    Ok(())
}

fn timed_check(dir: &Path) -> Result<f64> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let start = Instant::now();
    let status = Command::new(cargo)
        .current_dir(dir)
        .args(["check", "--quiet", "--offline"])
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .status()
        .with_context(|| format!("cannot run cargo check in {}", dir.display()))?;
    if !status.success() {
        bail!("cargo check failed in {}", dir.display());
    }
    Ok(start.elapsed().as_secs_f64())
}

/// One statement's parts, shared by both renderings so they describe the same policy.
struct Shape {
    action: &'static str,
    name: String,
    with_condition: bool,
}

fn shape(index: usize) -> Shape {
    Shape {
        action: TRAINING_JOB_ACTIONS[index % TRAINING_JOB_ACTIONS.len()],
        name: format!("job-{index}-*"),
        with_condition: index % 2 == 0,
    }
}

fn macro_source(statements: usize) -> String {
    let mut source = String::from(
        "//! Generated by `cargo xtask bench-macro`.\nuse sagemaker_actions::policy;\n\n",
    );
    for (number, chunk) in (0..statements)
        .collect::<Vec<_>>()
        .chunks(STATEMENTS_PER_POLICY)
        .enumerate()
    {
        let _ = writeln!(
            source,
            "pub fn policy_{number}(region: &str, account: &str) -> sagemaker_actions::policy::Policy {{\n    policy! {{\n        Version: \"2012-10-17\",\n        Statement: ["
        );
        for &index in chunk {
            let shape = shape(index);
            let condition = if shape.with_condition {
                "\n                Condition: { StringEquals: { aws::RequestedRegion: \"us-east-1\" } },"
            } else {
                ""
            };
            let _ = writeln!(
                source,
                "            {{\n                Sid: \"S{index}\",\n                Effect: Allow,\n                Action: [{}, ListTrainingJobs],\n                Resource: [TrainingJob(region, account, {:?}), \"*\"],{condition}\n            }},",
                shape.action, shape.name
            );
        }
        source.push_str("        ],\n    }\n}\n\n");
    }
    source
}

fn json_source(statements: usize) -> String {
    let mut source =
        String::from("//! Generated by `cargo xtask bench-macro`.\nuse serde_json::json;\n\n");
    for (number, chunk) in (0..statements)
        .collect::<Vec<_>>()
        .chunks(STATEMENTS_PER_POLICY)
        .enumerate()
    {
        let _ = writeln!(
            source,
            "pub fn policy_{number}(region: &str, account: &str) -> serde_json::Value {{\n    json!({{\n        \"Version\": \"2012-10-17\",\n        \"Statement\": ["
        );
        for &index in chunk {
            let shape = shape(index);
            let condition = if shape.with_condition {
                "\n                \"Condition\": { \"StringEquals\": { \"aws:RequestedRegion\": \"us-east-1\" } },"
            } else {
                ""
            };
            let _ = writeln!(
                source,
                "            {{\n                \"Sid\": \"S{index}\",\n                \"Effect\": \"Allow\",\n                \"Action\": [\"sagemaker:{}\", \"sagemaker:ListTrainingJobs\"],\n                \"Resource\": [format!(\"arn:aws:sagemaker:{{region}}:{{account}}:training-job/{}\"), \"*\"],{condition}\n            }},",
                shape.action, shape.name
            );
        }
        source.push_str("        ]\n    })\n}\n\n");
    }
    source
}
