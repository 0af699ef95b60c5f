//! `cargo xtask bench-macro`: what the policy macro costs its users at compile time. Generates
//! two crates with the same 200 statements, one written with `sagemaker_actions::policy!` and
//! one with `serde_json::json!`, and times `cargo check` on each: cold (empty target directory,
//! dependencies included), the crate alone with its dependencies built, and after an edit of
//! the file that holds the policies; each the median of `--runs` timings. Both dependencies
//! are built as cargo builds crates from crates.io, without incremental compilation.

use anyhow::{Context, Result};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Options of `cargo xtask bench-macro`.
#[derive(clap::Args, Debug)]
pub(crate) struct BenchMacroArgs {
    /// How many statements each crate holds.
    #[arg(long, default_value_t = 200)]
    pub statements: usize,
    /// How many times to time each check; the medians are reported.
    #[arg(long, default_value_t = 3)]
    pub runs: usize,
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
        // Users get sagemaker-actions from crates.io, and cargo never builds a registry
        // dependency incrementally; as a path dependency it would be, which costs the cold
        // check about 0.4 s here that no user pays.
        "[profile.dev.package.sagemaker-actions]\nincremental = false\n",
        &macro_source(args.statements),
    )?;
    write_crate(
        &json_crate,
        "serde_json = \"1\"\n",
        "",
        &json_source(args.statements),
    )?;
    let runs = args.runs.max(1);
    let mut results = Vec::new();
    for (name, path) in [("policy!", &macro_crate), ("json!", &json_crate)] {
        let crate_name = path.file_name().unwrap().to_string_lossy().into_owned();
        let lib = path.join("src/lib.rs");
        let (mut cold, mut crate_alone, mut edited) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs {
            let _ = std::fs::remove_dir_all(path.join("target"));
            cold.push(timed_check(path)?);
            crate::cargo(
                path,
                &["clean", "--package", &crate_name],
                Some(&path.join("target")),
            )?;
            crate_alone.push(timed_check(path)?);
            // An edit, not just a new mtime: incremental compilation would reuse identical
            // source.
            let mut source = std::fs::read_to_string(&lib).context("read generated lib.rs")?;
            source.push_str("// edited\n");
            std::fs::write(&lib, source).context("edit generated lib.rs")?;
            edited.push(timed_check(path)?);
        }
        let medians = [median(cold), median(crate_alone), median(edited)];
        println!(
            "cargo check, {} statements with {name:<8}: cold {:.2} s, the crate alone (dependencies built) {:.2} s, after editing lib.rs {:.2} s (medians of {runs} runs)",
            args.statements, medians[0], medians[1], medians[2]
        );
        results.push(medians);
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

fn write_crate(dir: &Path, dependency: &str, profile: &str, source: &str) -> Result<()> {
    std::fs::create_dir_all(dir.join("src"))
        .with_context(|| format!("cannot create {}", dir.display()))?;
    let manifest = format!(
        "[package]\nname = \"{}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{dependency}\n[workspace]\n\n{profile}",
        dir.file_name().unwrap().to_string_lossy()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).context("write Cargo.toml")?;
    std::fs::write(dir.join("src/lib.rs"), source).context("write lib.rs")?;
    Ok(())
}

fn median(mut seconds: Vec<f64>) -> f64 {
    seconds.sort_by(f64::total_cmp);
    seconds[seconds.len() / 2]
}

fn timed_check(dir: &Path) -> Result<f64> {
    crate::timed(|| crate::cargo(dir, &["check", "--offline"], Some(&dir.join("target"))))
}

/// One statement's parts, shared by both renderings so they describe the same policy.
struct Shape {
    action: &'static str,
    name: String,
    with_condition: bool,
    /// Written with a literal ARN and an action pattern, as users write policies they copy
    /// from JSON, rather than with a typed builder and `ListTrainingJobs` on `"*"`: the
    /// literal is compared with ARN formats during constant evaluation.
    literal: bool,
}

fn shape(index: usize) -> Shape {
    Shape {
        action: TRAINING_JOB_ACTIONS[index % TRAINING_JOB_ACTIONS.len()],
        name: format!("job-{index}-*"),
        with_condition: index % 2 == 0,
        literal: index % 4 == 3,
    }
}

/// The account and region of the literal ARNs.
const LITERAL_ARN_START: &str = "arn:aws:sagemaker:us-east-1:123456789012";

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
            let (actions, resources) = if shape.literal {
                (
                    format!("{}, \"sagemaker:Describe*\"", shape.action),
                    format!("\"{LITERAL_ARN_START}:training-job/{}\"", shape.name),
                )
            } else {
                (
                    format!("{}, ListTrainingJobs", shape.action),
                    format!("TrainingJob(region, account, {:?}), \"*\"", shape.name),
                )
            };
            let _ = writeln!(
                source,
                "            {{\n                Sid: \"S{index}\",\n                Effect: Allow,\n                Action: [{actions}],\n                Resource: [{resources}],{condition}\n            }},"
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
            let (actions, resources) = if shape.literal {
                (
                    format!("\"sagemaker:{}\", \"sagemaker:Describe*\"", shape.action),
                    format!("\"{LITERAL_ARN_START}:training-job/{}\"", shape.name),
                )
            } else {
                (
                    format!("\"sagemaker:{}\", \"sagemaker:ListTrainingJobs\"", shape.action),
                    format!(
                        "format!(\"arn:aws:sagemaker:{{region}}:{{account}}:training-job/{}\"), \"*\"",
                        shape.name
                    ),
                )
            };
            let _ = writeln!(
                source,
                "            {{\n                \"Sid\": \"S{index}\",\n                \"Effect\": \"Allow\",\n                \"Action\": [{actions}],\n                \"Resource\": [{resources}],{condition}\n            }},"
            );
        }
        source.push_str("        ]\n    })\n}\n\n");
    }
    source
}
