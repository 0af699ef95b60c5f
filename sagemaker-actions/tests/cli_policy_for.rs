//! `sagemaker-actions policy-for`, run as a user would: operations by name, resources, scoping,
//! and `--rust` over the example launcher in `tests/fixtures/rust-launcher` and over small
//! sources written for one resolution rule each.

#![cfg(feature = "cli")]
#![forbid(unsafe_code)]

use serde_json::{json, Value};
use std::path::Path;
use std::process::{Command, Output};

const LAUNCHER: &str = "tests/fixtures/rust-launcher";

/// Runs the binary in `dir` (so that file names in its output are as given).
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sagemaker-actions"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run sagemaker-actions")
}

/// Runs the binary in the crate's directory.
fn run(args: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn exit(output: &Output) -> i32 {
    output.status.code().expect("an exit code")
}

/// The JSON report of a run that must succeed.
fn report(args: &[&str]) -> Value {
    let output = run(args);
    assert_eq!(exit(&output), 0, "{args:?}: stderr: {}", stderr(&output));
    serde_json::from_str(&stdout(&output)).unwrap_or_else(|error| {
        panic!(
            "{args:?}: stdout is not JSON ({error}): {}",
            stdout(&output)
        )
    })
}

/// The operations each statement is needed by, in statement order.
fn needed_by(report: &Value) -> Vec<Vec<String>> {
    report["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .map(|statement| {
            statement["operations"]
                .as_array()
                .expect("operations")
                .iter()
                .map(|operation| operation["operation"].as_str().expect("name").to_owned())
                .collect()
        })
        .collect()
}

fn allow(actions: &[&str], resources: &[&str]) -> Value {
    json!({"Effect": "Allow", "Action": actions, "Resource": resources})
}

fn pass_role(role: &str) -> Value {
    json!({
        "Effect": "Allow",
        "Action": ["iam:PassRole"],
        "Resource": [role],
        "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}
    })
}

#[test]
fn operations_by_name_and_sdk_method_on_star_with_who_needs_what() {
    let report = report(&[
        "policy-for",
        "CreateTrainingJob",
        "describe_training_job",
        "ListTrainingJobs",
        "--format",
        "json",
    ]);
    assert_eq!(
        report["policy"],
        json!({"Version": "2012-10-17", "Statement": [
            allow(
                &[
                    "sagemaker:AddTags",
                    "sagemaker:CreateTrainingJob",
                    "sagemaker:DescribeTrainingJob",
                    "sagemaker:ListTrainingJobs",
                ],
                &["*"],
            ),
            pass_role("*"),
        ]}),
        "policy for three operations on \"*\""
    );
    assert_eq!(
        needed_by(&report),
        [
            vec![
                "CreateTrainingJob",
                "DescribeTrainingJob",
                "ListTrainingJobs"
            ],
            vec!["CreateTrainingJob"],
        ],
        "operations per statement"
    );
    assert_eq!(
        report["statements"][0]["operations"][0]["actions"],
        json!(["sagemaker:AddTags", "sagemaker:CreateTrainingJob"]),
        "CreateTrainingJob's actions in the first statement"
    );
    assert_eq!(report["unresolved"], json!([]), "nothing scanned");
}

#[test]
fn text_output_is_the_policy_then_each_operations_actions() {
    let output = run(&["policy-for", "CreateTrainingJob"]);
    assert_eq!(exit(&output), 0, "stderr: {}", stderr(&output));
    let text = stdout(&output);
    let (policy, rest) = text
        .split_once("\n\n")
        .unwrap_or_else(|| panic!("no blank line after the policy: {text}"));
    let policy: Value = serde_json::from_str(policy)
        .unwrap_or_else(|error| panic!("the text output's policy is not JSON ({error}): {text}"));
    assert_eq!(policy["Statement"][1], pass_role("*"), "{text}");
    assert_eq!(
        rest,
        "Operations and the actions they are authorized against:\n  CreateTrainingJob: sagemaker:AddTags, sagemaker:CreateTrainingJob, iam:PassRole\n"
    );
}

#[test]
fn unknown_operation_exits_2_with_the_nearest_name() {
    let output = run(&["policy-for", "CreateTrainingJb"]);
    assert_eq!(exit(&output), 2, "stdout: {}", stdout(&output));
    assert!(
        stderr(&output)
            .contains(r#"unknown operation "CreateTrainingJb"; did you mean "CreateTrainingJob"?"#),
        "stderr: {}",
        stderr(&output)
    );
    assert_eq!(stdout(&output), "", "nothing on stdout after an error");
}

#[test]
fn neither_operations_nor_rust_is_a_usage_error() {
    let output = run(&["policy-for"]);
    assert_eq!(exit(&output), 2, "stderr: {}", stderr(&output));
}

#[test]
fn resource_goes_to_every_operation_whose_actions_take_its_type() {
    let endpoint = "arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn";
    let report = report(&[
        "policy-for",
        "InvokeEndpoint",
        "DescribeEndpoint",
        "ListEndpoints",
        "--resource",
        &format!("endpoint={endpoint}"),
        "--format",
        "json",
    ]);
    assert_eq!(
        report["policy"]["Statement"],
        json!([
            allow(
                &["sagemaker:DescribeEndpoint", "sagemaker:InvokeEndpoint"],
                &[endpoint]
            ),
            allow(&["sagemaker:ListEndpoints"], &["*"]),
        ]),
        "the endpoint for the two actions on endpoints, \"*\" for the list"
    );
    assert_eq!(
        needed_by(&report),
        [
            vec!["InvokeEndpoint", "DescribeEndpoint"],
            vec!["ListEndpoints"]
        ]
    );
}

#[test]
fn resource_errors_name_the_argument_and_the_problem() {
    let cases: [(&[&str], &str); 5] = [
        (
            &["CreateModel", "--resource", "model"],
            "expected TYPE=ARN",
        ),
        (
            &["CreateModel", "--resource", "mdel=arn:aws:sagemaker:us-east-1:123456789012:model/m"],
            r#"unknown resource type "mdel"; did you mean "model"?"#,
        ),
        (
            &["CreateModel", "--resource", "model=arn:aws:sagemaker:us-east-1:123456789012:endpoint/m"],
            "is not an ARN of a SageMaker model",
        ),
        (
            &["CreateModel", "--resource", "endpoint=arn:aws:sagemaker:us-east-1:123456789012:endpoint/e"],
            // sagemaker:AddTags takes endpoints, but CreateModel tags its model.
            "--resource endpoint=arn:aws:sagemaker:us-east-1:123456789012:endpoint/e: none of the operations acts on a resource of type endpoint",
        ),
        (
            // CreateEndpoint is authorized against the endpoint and its configuration.
            &["CreateEndpoint", "--resource", "endpoint=arn:aws:sagemaker:us-east-1:123456789012:endpoint/e"],
            "CreateEndpoint calls sagemaker:CreateEndpoint, which requires a resource of each of its types: give --resource endpoint-config=ARN too",
        ),
    ];
    for (args, message) in cases {
        let mut full = vec!["policy-for"];
        full.extend_from_slice(args);
        let output = run(&full);
        assert_eq!(exit(&output), 2, "{full:?}: stdout: {}", stdout(&output));
        assert!(
            stderr(&output).contains(message),
            "{full:?}: expected {message:?} in stderr: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_resource_scopes_tags_of_the_operations_own_resources() {
    let model = "arn:aws:sagemaker:us-east-1:123456789012:model/churn";
    let endpoint = "arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn";
    let report = report(&[
        "policy-for",
        "CreateModel",
        "InvokeEndpoint",
        "--resource",
        &format!("model={model}"),
        "--resource",
        &format!("endpoint={endpoint}"),
        "--format",
        "json",
    ]);
    assert_eq!(
        report["policy"]["Statement"],
        json!([
            allow(&["sagemaker:AddTags", "sagemaker:CreateModel"], &[model]),
            allow(&["sagemaker:InvokeEndpoint"], &[endpoint]),
            allow(&["sagemaker:DeployHubModel"], &["*"]),
            pass_role("*"),
        ]),
        "AddTags of CreateModel on the model, not on the endpoint"
    );
}

#[test]
fn region_and_account_scope_required_types_by_the_catalogs_formats() {
    let report = report(&[
        "policy-for",
        "CreateTrainingJob",
        "ListTrainingJobs",
        "--region",
        "eu-west-1",
        "--account",
        "123456789012",
        "--role-arn",
        "arn:aws:iam::123456789012:role/Trainer",
        "--format",
        "json",
    ]);
    assert_eq!(
        report["policy"]["Statement"],
        json!([
            allow(
                &["sagemaker:AddTags", "sagemaker:CreateTrainingJob"],
                &["arn:aws:sagemaker:eu-west-1:123456789012:training-job/*"]
            ),
            allow(&["sagemaker:ListTrainingJobs"], &["*"]),
            pass_role("arn:aws:iam::123456789012:role/Trainer"),
        ])
    );
    // A type whose format has more than one variable gets `*` for each.
    let report = report_of_space();
    assert_eq!(
        report["policy"]["Statement"][0]["Resource"],
        json!(["arn:aws-cn:sagemaker:*:*:space/*/*"]),
        "DescribeSpace scoped to the partition only"
    );
}

fn report_of_space() -> Value {
    report(&[
        "policy-for",
        "DescribeSpace",
        "--partition",
        "aws-cn",
        "--format",
        "json",
    ])
}

#[test]
fn bad_scope_or_role_exits_2() {
    for (args, message) in [
        (vec!["--account", "1234"], "the scoped ARN of training-job"),
        (
            vec!["--role-arn", "arn:aws:iam::123456789012:user/alice"],
            "is not an IAM role ARN",
        ),
    ] {
        let mut full = vec!["policy-for", "DescribeTrainingJob"];
        full.extend(args);
        let output = run(&full);
        assert_eq!(exit(&output), 2, "{full:?}: stdout: {}", stdout(&output));
        assert!(
            stderr(&output).contains(message),
            "{full:?}: expected {message:?} in stderr: {}",
            stderr(&output)
        );
    }
}

fn location(file: &str, line: u64, column: u64) -> Value {
    json!({"file": format!("{LAUNCHER}/src/{file}"), "line": line, "column": column})
}

#[test]
fn the_launchers_calls_give_its_policy_and_its_unresolved_calls() {
    let report = report(&[
        "policy-for",
        "--rust",
        LAUNCHER,
        "--region",
        "us-east-1",
        "--account",
        "123456789012",
        "--role-arn",
        "arn:aws:iam::123456789012:role/Launcher",
        "--format",
        "json",
    ]);
    let arn = |resource: &str| format!("arn:aws:sagemaker:us-east-1:123456789012:{resource}");
    let (model, hub, hub_content) = (arn("model/*"), arn("hub/*"), arn("hub-content/*/*/*"));
    let (config, endpoint, job) = (
        arn("endpoint-config/*"),
        arn("endpoint/*"),
        arn("training-job/*"),
    );
    assert_eq!(
        report["policy"],
        json!({"Version": "2012-10-17", "Statement": [
            allow(&["sagemaker:AddTags"], &[&model, &hub, &hub_content]),
            allow(&["sagemaker:CreateModel"], &[&model]),
            allow(&["sagemaker:DeployHubModel"], &[&hub, &hub_content]),
            allow(&["sagemaker:AddTags", "sagemaker:CreateEndpointConfig"], &[&config]),
            allow(&["sagemaker:AddTags", "sagemaker:CreateEndpoint"], &[&endpoint, &config]),
            allow(&["sagemaker:InvokeEndpoint"], &[&endpoint]),
            allow(
                &["sagemaker:AddTags", "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob"],
                &[&job]
            ),
            pass_role("arn:aws:iam::123456789012:role/Launcher"),
        ]}),
        "the launcher's policy"
    );
    assert_eq!(
        report["unresolved"],
        json!([
            {
                "file": format!("{LAUNCHER}/src/cleanup.rs"), "line": 11, "column": 12,
                "method": "stop_training_job", "operation": "StopTrainingJob",
                "reason": "the receiver `client` has the generic type `C`",
            },
            {
                "file": format!("{LAUNCHER}/src/deploy.rs"), "line": 75, "column": 40,
                "method": "describe_endpoint", "operation": "DescribeEndpoint",
                "reason": "inside the macro `retry!`, whose arguments are tokens, not parsed code",
            },
        ]),
        "the launcher's unresolved calls"
    );
    assert_eq!(
        report["file_errors"],
        json!([]),
        "every launcher file parses"
    );
    // Each statement names the calls that need it: the training statement, both job calls.
    let training = &report["statements"][6]["operations"];
    assert_eq!(
        training,
        &json!([
            {
                "operation": "CreateTrainingJob",
                "actions": ["sagemaker:AddTags", "sagemaker:CreateTrainingJob"],
                "calls": [location("train.rs", 19, 10)],
            },
            {
                "operation": "DescribeTrainingJob",
                "actions": ["sagemaker:DescribeTrainingJob"],
                "calls": [location("train.rs", 46, 14)],
            },
        ])
    );
    assert_eq!(
        report["statements"][5]["operations"][0]["calls"],
        json!([location("main.rs", 22, 10)]),
        "InvokeEndpoint through aws_sdk_sagemakerruntime::Client"
    );
}

#[test]
fn the_launchers_text_report_lists_calls_and_unresolved_calls() {
    let output = run(&["policy-for", "--rust", LAUNCHER]);
    assert_eq!(exit(&output), 0, "stderr: {}", stderr(&output));
    let text = stdout(&output);
    for line in [
        "  CreateEndpoint: sagemaker:AddTags, sagemaker:CreateEndpoint\n    called at tests/fixtures/rust-launcher/src/deploy.rs:70:14\n",
        "Unresolved calls, not in the policy (2); name their operations if the program makes them:\n",
        "  tests/fixtures/rust-launcher/src/cleanup.rs:11:12: stop_training_job (StopTrainingJob): the receiver `client` has the generic type `C`\n",
    ] {
        assert!(text.contains(line), "expected {line:?} in:\n{text}");
    }
    assert!(
        stderr(&output).contains("2 unresolved call(s) are not in the policy"),
        "stderr: {}",
        stderr(&output)
    );
}

/// Writes `files` under a temporary directory and returns the report of `policy-for --rust`.
fn scan(files: &[(&str, &str)]) -> Value {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write source");
    }
    let output = run_in(
        dir.path(),
        &["policy-for", "--rust", ".", "--format", "json"],
    );
    assert_eq!(exit(&output), 0, "stderr: {}", stderr(&output));
    serde_json::from_str(&stdout(&output)).expect("JSON report")
}

/// `(operation, line)` of every resolved call, and `(method, line, reason)` of every
/// unresolved one.
type Found = (Vec<(String, u64)>, Vec<(String, u64, String)>);

fn found(report: &Value) -> Found {
    let mut calls = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for statement in report["statements"].as_array().expect("statements") {
        for operation in statement["operations"].as_array().expect("operations") {
            for call in operation["calls"].as_array().expect("calls") {
                let entry = (
                    operation["operation"].as_str().expect("name").to_owned(),
                    call["line"].as_u64().expect("line"),
                );
                if seen.insert(entry.clone()) {
                    calls.push(entry);
                }
            }
        }
    }
    calls.sort_by_key(|(_, line)| *line);
    let unresolved = report["unresolved"]
        .as_array()
        .expect("unresolved")
        .iter()
        .map(|call| {
            (
                call["method"].as_str().expect("method").to_owned(),
                call["line"].as_u64().expect("line"),
                call["reason"].as_str().expect("reason").to_owned(),
            )
        })
        .collect();
    (calls, unresolved)
}

#[test]
fn clients_are_resolved_through_imports_aliases_fields_functions_and_clones() {
    let source = r#"use aws_sdk_sagemaker as sm;
use std::sync::Arc;
type Alias = sm::Client;
struct App { client: Arc<Alias> }
fn make() -> aws_sdk_sagemaker::client::Client { todo!() }
async fn go(app: &App, shared: Arc<sm::Client>) {
    app.client.list_models().send().await;
    shared.list_endpoints().send().await;
    let made = make();
    let copy = made.clone();
    copy.list_training_jobs().send().await;
    let each = |c: &Alias| c.list_domains();
    let client = 5;
    client.list_apps();
    let runtime = aws_sdk_sagemakerruntime::Client::from_conf(conf);
    runtime.invoke_endpoint();
    made.invoke_endpoint();
    unknown.list_spaces();
    sm::Client::new(&config).list_clusters();
}
"#;
    let (calls, unresolved) = found(&scan(&[("src/lib.rs", source)]));
    let calls: Vec<(&str, u64)> = calls
        .iter()
        .map(|(op, line)| (op.as_str(), *line))
        .collect();
    assert_eq!(
        calls,
        [
            ("ListModels", 7),
            ("ListEndpoints", 8),
            ("ListTrainingJobs", 11),
            ("ListDomains", 12),
            ("InvokeEndpoint", 16),
            ("ListClusters", 19),
        ],
        "resolved calls"
    );
    let unresolved: Vec<(&str, u64, &str)> = unresolved
        .iter()
        .map(|(method, line, reason)| (method.as_str(), *line, reason.as_str()))
        .collect();
    assert_eq!(
        unresolved,
        [
            ("list_apps", 14, "the receiver `client` is not known to be a SageMaker client"),
            (
                "invoke_endpoint",
                17,
                "the receiver `made` is a aws_sdk_sagemaker::Client, which has no method invoke_endpoint"
            ),
            ("list_spaces", 18, "the receiver `unknown` is not known to be a SageMaker client"),
        ],
        "unresolved calls"
    );
}

#[test]
fn a_file_that_does_not_parse_is_reported_and_the_others_scanned() {
    let report = scan(&[
        ("a/broken.rs", "fn main( {\n"),
        (
            "b/good.rs",
            "fn f(c: aws_sdk_sagemaker::Client) { c.list_models(); }\n",
        ),
        (
            "target/skipped.rs",
            "fn f(c: aws_sdk_sagemaker::Client) { c.list_apps(); }\n",
        ),
    ]);
    let errors = report["file_errors"].as_array().expect("file_errors");
    assert_eq!(errors.len(), 1, "one broken file: {errors:?}");
    assert_eq!(errors[0]["file"], json!("./a/broken.rs"), "{errors:?}");
    assert_eq!(errors[0]["line"], json!(1), "{errors:?}");
    assert_eq!(
        report["policy"]["Statement"],
        json!([allow(&["sagemaker:ListModels"], &["*"])]),
        "the good file's call, and nothing from target/"
    );
}

#[test]
fn a_missing_directory_exits_2() {
    let output = run(&["policy-for", "--rust", "no/such/dir"]);
    assert_eq!(exit(&output), 2, "stdout: {}", stdout(&output));
    assert!(
        stderr(&output).contains("cannot read no/such/dir"),
        "stderr: {}",
        stderr(&output)
    );
}
