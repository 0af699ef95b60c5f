//! The `sagemaker-actions` binary, run as a user would: on files, on standard input, with each
//! output format, and on inputs that must not crash it.

#![cfg(feature = "cli")]
#![forbid(unsafe_code)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const CLEAN: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:ListTrainingJobs",
      "Resource": "*"
    }
  ]
}
"#;

/// An unknown action (ERROR, line 7, column 18) next to a known one.
const WITH_ERROR: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Train",
      "Effect": "Allow",
      "Action": ["sagemaker:CreateTrainingJb", "sagemaker:ListTrainingJobs"],
      "Resource": "*"
    }
  ]
}
"#;

/// No errors: a wildcard compared literally by StringEquals (WARNING), and CreateTrainingJob
/// without the iam:PassRole it may depend on (SUGGESTION, below the default threshold).
const WARNINGS_ONLY: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateTrainingJob",
      "Resource": "*",
      "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ml-*"}}
    }
  ]
}
"#;

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Self {
        Dir {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write temp file");
        path
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

/// Runs the binary in `dir` (so that file names in its output are as given) with `stdin`.
fn run_in(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sagemaker-actions"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start sagemaker-actions");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).expect("write stdin");
    drop(input);
    let output = child.wait_with_output().expect("run sagemaker-actions");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    output
}

fn run(dir: &Dir, args: &[&str]) -> Output {
    run_in(dir.path(), args, b"")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exit code")
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("stdout is not JSON ({error}): {}", stdout(output)))
}

#[test]
fn clean_policy_exits_zero() {
    let dir = Dir::new();
    dir.file("clean.json", CLEAN);
    let output = run(&dir, &["check", "clean.json"]);
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
    assert!(
        stdout(&output).contains("no findings"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn error_exits_one_and_names_the_code_line_and_column() {
    let dir = Dir::new();
    dir.file("policy.json", WITH_ERROR);
    let output = run(&dir, &["check", "policy.json"]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(
        text.contains("policy.json:7:18: ERROR INVALID_ACTION Statement[0].Action[0]"),
        "{text}"
    );
    assert!(text.contains("sagemaker:CreateTrainingJob"), "{text}");
    assert!(text.contains("1 file checked: 1 error"), "{text}");
}

#[test]
fn min_severity_hides_findings_and_decides_the_exit_code() {
    let dir = Dir::new();
    dir.file("policy.json", WARNINGS_ONLY);
    let default = run(&dir, &["check", "policy.json"]);
    assert_eq!(code(&default), 1);
    let text = stdout(&default);
    assert!(
        text.contains("WARNING WILDCARD_WITHOUT_LIKE_OPERATOR"),
        "{text}"
    );
    assert!(!text.contains("MISSING_DEPENDENT_ACTION"), "{text}");

    let suggestions = run(
        &dir,
        &["check", "--min-severity", "suggestion", "policy.json"],
    );
    assert_eq!(code(&suggestions), 1);
    let text = stdout(&suggestions);
    assert!(
        text.contains("SUGGESTION MISSING_DEPENDENT_ACTION"),
        "{text}"
    );

    let errors_only = run(&dir, &["check", "--min-severity", "error", "policy.json"]);
    assert_eq!(code(&errors_only), 0);
    let text = stdout(&errors_only);
    assert!(!text.contains("MISSING_DEPENDENT_ACTION"), "{text}");
    assert!(text.contains("below ERROR not shown"), "{text}");

    let as_json = run(
        &dir,
        &[
            "check",
            "--min-severity",
            "error",
            "--format",
            "json",
            "policy.json",
        ],
    );
    assert_eq!(json(&as_json), Value::Array(Vec::new()));
}

#[test]
fn json_output_has_every_field() {
    let dir = Dir::new();
    dir.file("policy.json", WITH_ERROR);
    let output = run(&dir, &["check", "--format", "json", "policy.json"]);
    assert_eq!(code(&output), 1);
    let findings = json(&output);
    let first = &findings.as_array().expect("an array")[0];
    assert_eq!(first["file"], "policy.json");
    assert_eq!(first["code"], "INVALID_ACTION");
    assert_eq!(first["severity"], "ERROR");
    assert_eq!(first["statement"], 0);
    assert_eq!(first["sid"], "Train");
    assert_eq!(first["path"], "Statement[0].Action[0]");
    assert_eq!(first["line"], 7);
    assert_eq!(first["column"], 18);
    assert!(first["message"]
        .as_str()
        .is_some_and(|message| message.contains("CreateTrainingJb")));
}

#[test]
fn sarif_output_is_a_sarif_log() {
    let dir = Dir::new();
    dir.file("policy.json", WITH_ERROR);
    let output = run(&dir, &["check", "--format", "sarif", "policy.json"]);
    assert_eq!(code(&output), 1);
    let log = json(&output);
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "sagemaker-actions");
    assert_eq!(run["tool"]["driver"]["rules"][0]["id"], "INVALID_ACTION");
    let result = &run["results"][0];
    assert_eq!(result["ruleId"], "INVALID_ACTION");
    assert_eq!(result["level"], "error");
    let location = &result["locations"][0];
    assert_eq!(
        location["physicalLocation"]["artifactLocation"]["uri"],
        "policy.json"
    );
    assert_eq!(location["physicalLocation"]["region"]["startLine"], 7);
    assert_eq!(location["physicalLocation"]["region"]["startColumn"], 18);
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    assert_eq!(
        location["logicalLocations"][0]["fullyQualifiedName"],
        "Statement[0].Action[0]"
    );
}

#[test]
fn unreadable_file_exits_two_after_checking_the_others() {
    let dir = Dir::new();
    dir.file("policy.json", WITH_ERROR);
    let output = run(&dir, &["check", "missing.json", "policy.json"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("missing.json"),
        "{}",
        stderr(&output)
    );
    let text = stdout(&output);
    assert!(
        text.contains("policy.json:7:18: ERROR INVALID_ACTION"),
        "{text}"
    );
    assert!(text.contains("1 could not be read"), "{text}");

    let sarif = run(
        &dir,
        &["check", "--format", "sarif", "missing.json", "policy.json"],
    );
    assert_eq!(code(&sarif), 2);
    let log = json(&sarif);
    assert_eq!(
        log["runs"][0]["invocations"][0]["executionSuccessful"],
        false
    );
    assert_eq!(log["runs"][0]["results"][0]["ruleId"], "INVALID_ACTION");
}

#[test]
fn malformed_json_is_a_finding_with_line_and_column() {
    let dir = Dir::new();
    dir.file("broken.json", "{\n  \"Version\": \"2012-10-17\",,\n}\n");
    let output = run(&dir, &["check", "--format", "json", "broken.json"]);
    assert_eq!(code(&output), 1);
    let finding = &json(&output)[0];
    assert_eq!(finding["code"], "JSON_SYNTAX_ERROR");
    assert_eq!(finding["line"], 2);
    assert!(finding["column"].as_u64().is_some_and(|column| column > 0));

    let text = stdout(&run(&dir, &["check", "broken.json"]));
    assert!(text.starts_with("broken.json:2:"), "{text}");
    assert!(text.contains("ERROR JSON_SYNTAX_ERROR"), "{text}");
}

#[test]
fn odd_inputs_are_findings_not_crashes() {
    let dir = Dir::new();
    let deep = "[".repeat(100_000);
    let inputs: [(&str, &[u8]); 9] = [
        ("empty.json", b""),
        ("null.json", b"null"),
        ("array.json", b"[]"),
        ("number.json", b"12"),
        ("deep.json", deep.as_bytes()),
        ("binary.json", b"\xff\xfe\x00{\"Statement\""),
        ("statement.json", br#"{"Statement": {"Effect": "Allow"}}"#),
        ("trailing.json", br#"{"Statement": []} {}"#),
        (
            "strange.json",
            br#"{"Statement": [{"Effect": "Allow", "Action": "sagemaker:*", "Resource": "arn:aws:sagemaker:::\u0000", "Condition": {"StringEquals": {"": ""}}}]}"#,
        ),
    ];
    for (name, contents) in inputs {
        dir.file(name, contents);
        for format in ["text", "json", "sarif"] {
            let output = run(&dir, &["check", "--format", format, name]);
            assert!(
                matches!(code(&output), 0 | 1),
                "{name} ({format}): {}{}",
                stdout(&output),
                stderr(&output)
            );
        }
    }
    let binary = json(&run(&dir, &["check", "--format", "json", "binary.json"]));
    assert_eq!(binary[0]["code"], "JSON_SYNTAX_ERROR");
}

#[test]
fn dash_reads_standard_input() {
    let dir = Dir::new();
    let output = run_in(dir.path(), &["check", "-"], WITH_ERROR.as_bytes());
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("<stdin>:7:18: ERROR INVALID_ACTION"),
        "{}",
        stdout(&output)
    );
    let clean = run_in(dir.path(), &["check", "-"], CLEAN.as_bytes());
    assert_eq!(code(&clean), 0);
}

#[test]
fn catalog_files_check_other_services() {
    let dir = Dir::new();
    dir.file(
        "s3.json",
        r#"{
          "service": {"prefix": "s3", "name": "Amazon S3"},
          "actions": [{
            "name": "GetObject",
            "access_levels": ["Read"],
            "resource_types": [{"name": "object", "required": true, "condition_keys": []}],
            "condition_keys": [],
            "dependent_actions": []
          }],
          "resource_types": [{
            "name": "object",
            "arn_formats": ["arn:${Partition}:s3:::${BucketName}/${ObjectName}"],
            "condition_keys": []
          }],
          "condition_keys": []
        }"#,
    );
    dir.file(
        "policy.json",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
            "Action": ["s3:GetObjekt", "s3:GetObject"], "Resource": "*"}]}"#,
    );
    let without = run(&dir, &["check", "--no-companions", "policy.json"]);
    assert_eq!(code(&without), 0, "{}", stdout(&without));
    // The built-in S3 catalog (data/s3.json) knows the action without any --catalog.
    let built_in = run(&dir, &["check", "policy.json"]);
    assert_eq!(code(&built_in), 1, "{}", stdout(&built_in));
    assert!(
        stdout(&built_in).contains("did you mean s3:GetObject?"),
        "{}",
        stdout(&built_in)
    );
    // A --catalog file wins over the built-in catalog of its prefix: no merge warning.
    let with = run(
        &dir,
        &[
            "check",
            "--no-companions",
            "--catalog",
            "s3.json",
            "policy.json",
        ],
    );
    assert!(stderr(&with).is_empty(), "{}", stderr(&with));
    let with = run(&dir, &["check", "--catalog", "s3.json", "policy.json"]);
    assert!(stderr(&with).is_empty(), "{}", stderr(&with));
    assert_eq!(code(&with), 1);
    let text = stdout(&with);
    assert!(text.contains("INVALID_ACTION"), "{text}");
    assert!(text.contains("s3:GetObjekt"), "{text}");

    dir.file("not-a-catalog.json", "{}");
    let bad = run(
        &dir,
        &["check", "--catalog", "not-a-catalog.json", "policy.json"],
    );
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("not-a-catalog.json"));
}

#[test]
fn catalog_files_of_one_prefix_are_merged_with_a_warning() {
    let dir = Dir::new();
    let page = |name: &str, resource: &str, format: &str| {
        format!(
            r#"{{"service": {{"prefix": "apigateway", "name": "{name}"}},
              "actions": [{{"name": "GET", "access_levels": ["Read"],
                "resource_types": [{{"name": "{resource}", "required": false, "condition_keys": []}}],
                "condition_keys": [], "dependent_actions": []}}],
              "resource_types": [{{"name": "{resource}", "arn_formats": ["{format}"], "condition_keys": []}}],
              "condition_keys": []}}"#
        )
    };
    dir.file(
        "apigateway.json",
        page(
            "Amazon API Gateway Management",
            "RestApi",
            "arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}",
        ),
    );
    dir.file(
        "apigateway-v2.json",
        page(
            "Amazon API Gateway Management V2",
            "Api",
            "arn:${Partition}:apigateway:${Region}::/apis/${ApiId}",
        ),
    );
    dir.file(
        "policy.json",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "apigateway:GET",
            "Resource": ["arn:aws:apigateway:us-east-1::/restapis/a1b2c3", "arn:aws:apigateway:us-east-1::/apis/d4e5f6"]}]}"#,
    );
    let output = run(
        &dir,
        &[
            "check",
            "--catalog",
            "apigateway.json",
            "--catalog",
            "apigateway-v2.json",
            "policy.json",
        ],
    );
    // Both resources are of the merged catalog: nothing found, exit 0 despite the warning.
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
    let warnings = stderr(&output);
    assert_eq!(warnings.lines().count(), 1, "{warnings}");
    assert!(
        warnings.contains("warning: catalog apigateway-v2.json: action apigateway:GET is defined differently by apigateway.json and apigateway-v2.json"),
        "{warnings}"
    );
}

#[test]
fn actions_filters_by_access_level() {
    let dir = Dir::new();
    let output = run(&dir, &["actions", "--access-level", "List"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    assert!(text.contains("sagemaker:ListTrainingJobs"), "{text}");
    assert!(!text.contains("sagemaker:CreateTrainingJob"), "{text}");
    assert!(text.starts_with("ACTION"), "{text}");

    let listed = json(&run(
        &dir,
        &[
            "actions",
            "--resource-type",
            "training-job",
            "--format",
            "json",
            "Create*",
        ],
    ));
    let create = listed
        .as_array()
        .expect("an array")
        .iter()
        .find(|action| action["action"] == "sagemaker:CreateTrainingJob")
        .expect("CreateTrainingJob listed");
    assert_eq!(create["access_levels"][0], "Write");
    assert!(create["resource_types"]
        .as_array()
        .expect("resource types")
        .iter()
        .any(|row| row["name"] == "training-job" && row["required"] == true));

    let typo = run(&dir, &["actions", "--resource-type", "traning-job"]);
    assert_eq!(code(&typo), 2);
    assert!(stderr(&typo).contains("training-job"));
}

#[test]
fn explain_shows_the_catalog_entry() {
    let dir = Dir::new();
    let output = run(&dir, &["explain", "CreateTrainingJob"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    for expected in [
        "sagemaker:CreateTrainingJob",
        "Write",
        "training-job*",
        "arn:${Partition}:sagemaker:${Region}:${Account}:training-job/",
        "sagemaker:InstanceTypes",
        "iam:PassRole",
        "https://docs.aws.amazon.com/",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in {text}");
    }
    let as_json = json(&run(
        &dir,
        &["explain", "--format", "json", "createtrainingjob"],
    ));
    assert_eq!(as_json["action"], "sagemaker:CreateTrainingJob");
    assert!(as_json["dependent_actions"]
        .as_array()
        .is_some_and(|dependents| dependents.contains(&Value::from("iam:PassRole"))));
}

#[test]
fn explain_suggests_a_name_for_a_typo() {
    let dir = Dir::new();
    let output = run(&dir, &["explain", "CreateTrainingJb"]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("CreateTrainingJob"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn help_has_examples_and_usage_errors_exit_two() {
    let dir = Dir::new();
    let help = run(&dir, &["check", "--help"]);
    assert_eq!(code(&help), 0);
    assert!(stdout(&help).contains("Examples:"));
    assert_eq!(code(&run(&dir, &["check"])), 2);
    assert_eq!(code(&run(&dir, &["check", "--format", "xml", "x.json"])), 2);
}

#[test]
fn explain_prints_what_a_code_means_with_before_and_after() {
    let dir = Dir::new();
    let output = run(&dir, &["check", "--explain", "missing-qualifier"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("MISSING_QUALIFIER (ERROR)\n"), "{text}");
    for part in [
        "Why it matters:",
        "Before:",
        "After:",
        "ForAllValues:StringEquals",
    ] {
        assert!(text.contains(part), "{part}: {text}");
    }
    let output = run(
        &dir,
        &["check", "--explain", "INVALID_ACTION", "--format", "json"],
    );
    assert_eq!(code(&output), 0);
    let object = json(&output);
    assert_eq!(object["code"], "INVALID_ACTION");
    assert_eq!(object["severity"], "ERROR");
    // The example is a policy that raises the code: checked as a file, it fails.
    let before = object["before"].as_str().expect("before");
    dir.file("before.json", before);
    let checked = run(&dir, &["check", "--format", "json", "before.json"]);
    assert_eq!(code(&checked), 1);
    assert_eq!(json(&checked)[0]["code"], "INVALID_ACTION");
}

#[test]
fn explain_of_an_unknown_code_exits_two_naming_the_codes() {
    let dir = Dir::new();
    let output = run(&dir, &["check", "--explain", "INVALID_ACTIONS"]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(
        message.contains("unknown finding code \"INVALID_ACTIONS\""),
        "{message}"
    );
    assert!(message.contains("INVALID_ACTION, "), "{message}");
    assert!(
        message.contains("WILDCARD_WITHOUT_LIKE_OPERATOR"),
        "{message}"
    );
}

/// An unknown action (with a certain fix) and a multivalued key without qualifier (whose fix
/// names both qualifiers and replaces nothing).
const WITH_FIXES: &str = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["sagemaker:CreateTrainingJb", "sagemaker:AddTags", "sagemaker:CreateTrainingJob"],
      "Resource": "*",
      "Condition": {"StringEquals": {"sagemaker:InstanceTypes": "ml.m5.large"}}
    }
  ]
}
"#;

#[test]
fn fixes_show_in_text_and_json() {
    let dir = Dir::new();
    dir.file("policy.json", WITH_FIXES);
    let output = run(&dir, &["check", "policy.json"]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|line| line.contains("INVALID_ACTION"))
        .expect("the finding");
    assert_eq!(
        lines[at + 1],
        r#"    fix: replace "sagemaker:CreateTrainingJb" with "sagemaker:CreateTrainingJob""#
    );
    assert!(
        text.contains("    fix: write ForAllValues:StringEquals (every value"),
        "{text}"
    );

    let output = run(&dir, &["check", "--format", "json", "policy.json"]);
    let findings = json(&output);
    let invalid = findings
        .as_array()
        .expect("array")
        .iter()
        .find(|finding| finding["code"] == "INVALID_ACTION")
        .expect("INVALID_ACTION");
    let replacement = &invalid["fix"]["replacement"];
    assert_eq!(replacement["path"], "Statement[0].Action[0]");
    assert_eq!(replacement["part"], "value");
    assert_eq!(replacement["text"], "sagemaker:CreateTrainingJob");
    assert_eq!(replacement["start"]["line"], 6);
    assert_eq!(replacement["start"]["column"], 19);
    assert_eq!(replacement["end"]["column"], 45);
    let qualifier = findings
        .as_array()
        .expect("array")
        .iter()
        .find(|finding| finding["code"] == "MISSING_QUALIFIER")
        .expect("MISSING_QUALIFIER");
    assert!(qualifier["fix"]["description"]
        .as_str()
        .is_some_and(|text| text.contains("ForAnyValue:StringEquals")));
    assert_eq!(qualifier["fix"]["replacement"], Value::Null);
}

/// Applies SARIF replacements (1-based lines, character columns, exclusive end) to `text`.
fn apply(text: &str, replacements: &[(usize, usize, usize, usize, String)]) -> String {
    let mut lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    // From the last, so that earlier columns stay valid.
    let mut ordered = replacements.to_vec();
    ordered.sort();
    for (line, start, end_line, end, inserted) in ordered.into_iter().rev() {
        assert_eq!(line, end_line, "one-line regions");
        let chars: Vec<char> = lines[line - 1].chars().collect();
        let before: String = chars[..start - 1].iter().collect();
        let after: String = chars[end - 1..].iter().collect();
        lines[line - 1] = format!("{before}{inserted}{after}");
    }
    lines.join("\n")
}

#[test]
fn sarif_fixes_are_replacements_that_fix_the_file() {
    let dir = Dir::new();
    dir.file("policy.json", WITH_FIXES);
    let output = run(&dir, &["check", "--format", "sarif", "policy.json"]);
    let log = json(&output);
    let results = log["runs"][0]["results"].as_array().expect("results");
    let mut replacements = Vec::new();
    for result in results {
        match result["ruleId"].as_str() {
            Some("INVALID_ACTION") => {
                let fix = &result["fixes"][0];
                assert!(fix["description"]["text"]
                    .as_str()
                    .is_some_and(|text| text.contains("sagemaker:CreateTrainingJob")));
                let change = &fix["artifactChanges"][0];
                assert_eq!(change["artifactLocation"]["uri"], "policy.json");
                let replacement = &change["replacements"][0];
                let region = &replacement["deletedRegion"];
                let number = |name: &str| region[name].as_u64().expect(name) as usize;
                replacements.push((
                    number("startLine"),
                    number("startColumn"),
                    number("endLine"),
                    number("endColumn"),
                    replacement["insertedContent"]["text"]
                        .as_str()
                        .expect("text")
                        .to_owned(),
                ));
            }
            Some("MISSING_QUALIFIER") => {
                // No edit to offer: SARIF requires one in a fix, so the words go to properties.
                assert_eq!(result.get("fixes"), None);
                assert!(result["properties"]["fix"]
                    .as_str()
                    .is_some_and(|text| text.contains("ForAllValues:StringEquals")));
            }
            _ => {}
        }
    }
    assert_eq!(replacements.len(), 1, "{results:#?}");
    let fixed = apply(WITH_FIXES, &replacements);
    assert!(fixed.contains(r#""Action": ["sagemaker:CreateTrainingJob", "sagemaker:AddTags""#));
    dir.file("fixed.json", &fixed);
    let output = run(&dir, &["check", "--format", "json", "fixed.json"]);
    let codes: Vec<String> = json(&output)
        .as_array()
        .expect("array")
        .iter()
        .map(|finding| finding["code"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(!codes.contains(&"INVALID_ACTION".to_owned()), "{codes:?}");
    assert!(codes.contains(&"MISSING_QUALIFIER".to_owned()), "{codes:?}");
}

#[test]
fn ignore_suppresses_a_code_at_a_path_and_under_it() {
    let dir = Dir::new();
    dir.file("policy.json", WITH_FIXES);
    // Statement[0] covers the finding at Statement[0].Action[0].
    let output = run(
        &dir,
        &[
            "check",
            "--ignore",
            "INVALID_ACTION:Statement[0]",
            "--ignore",
            "MISSING_QUALIFIER",
            "policy.json",
        ],
    );
    let text = stdout(&output);
    assert!(!text.contains("INVALID_ACTION"), "{text}");
    assert!(!text.contains("MISSING_QUALIFIER"), "{text}");
    assert!(
        text.contains("; 2 suppressed (--show-suppressed lists them)"),
        "{text}"
    );
    assert!(stderr(&output).is_empty(), "{}", stderr(&output));
    // Only suggestions (below the threshold) remain: the suppressed errors do not fail.
    assert_eq!(code(&output), 0, "{text}");

    // A path names an element, not a text prefix: Action[1] is not Action[0].
    let output = run(
        &dir,
        &[
            "check",
            "--ignore",
            "INVALID_ACTION:Statement[0].Action[1]",
            "policy.json",
        ],
    );
    assert_eq!(code(&output), 1);
    assert!(stdout(&output).contains("ERROR INVALID_ACTION"));
    let warning = stderr(&output);
    assert!(
        warning.contains(
            "warning: --ignore INVALID_ACTION:Statement[0].Action[1]: the suppression of INVALID_ACTION at Statement[0].Action[1] matched no finding"
        ),
        "{warning}"
    );

    // A misspelt code would suppress nothing: a usage error.
    let output = run(
        &dir,
        &["check", "--ignore", "INVALID_ACTOIN", "policy.json"],
    );
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output)
            .contains("--ignore INVALID_ACTOIN: unknown finding code \"INVALID_ACTOIN\""),
        "{}",
        stderr(&output)
    );
    assert!(stdout(&output).is_empty());
}

const CONFIG: &str = r#"
[[ignore]]
code = "INVALID_ACTION"
path = "Statement[0].Action[0]"
file = "policies/legacy.json"
reason = "legacy role, replaced in Q3"

[[ignore]]
code = "MISSING_QUALIFIER"
reason = "checked by hand"

[[ignore]]
code = "RESOURCE_MISMATCH"
file = "policies/legacy.json"
reason = "no longer raised"
"#;

#[test]
fn config_is_found_walking_up_and_suppresses_with_a_reason() {
    let dir = Dir::new();
    dir.file("sagemaker-actions.toml", CONFIG);
    let nested = dir.path().join("policies").join("team");
    std::fs::create_dir_all(&nested).expect("mkdir");
    std::fs::write(dir.path().join("policies/legacy.json"), WITH_FIXES).expect("write");
    std::fs::write(nested.join("other.json"), WITH_FIXES).expect("write");

    let output = run_in(&nested, &["check", "../legacy.json", "other.json"], b"");
    let text = stdout(&output);
    // legacy.json: both suppressed; other.json: only MISSING_QUALIFIER (no file in its entry).
    assert!(!text.contains("legacy.json:"), "{text}");
    assert!(
        text.contains("other.json:6:18: ERROR INVALID_ACTION"),
        "{text}"
    );
    assert!(!text.contains("other.json:8"), "{text}");
    assert!(text.contains("; 3 suppressed"), "{text}");
    assert_eq!(code(&output), 1);
    // The RESOURCE_MISMATCH entry hid nothing in a file that was checked: stale.
    let warning = stderr(&output);
    assert!(
        warning.contains(
            "sagemaker-actions.toml, [[ignore]] entry 3: the suppression of RESOURCE_MISMATCH in "
        ) && warning.contains("matched no finding"),
        "{warning}"
    );
    assert!(!warning.contains("entry 1"), "{warning}");

    let output = run_in(
        &nested,
        &["check", "--show-suppressed", "../legacy.json"],
        b"",
    );
    let text = stdout(&output);
    assert!(
        text.contains(
            "../legacy.json:6:18: suppressed ERROR INVALID_ACTION Statement[0].Action[0]"
        ),
        "{text}"
    );
    assert!(
        text.contains("    reason: legacy role, replaced in Q3 (")
            && text.contains("[[ignore]] entry 1)"),
        "{text}"
    );
    assert_eq!(code(&output), 0, "{text}");

    let output = run_in(
        &nested,
        &[
            "check",
            "--show-suppressed",
            "--format",
            "json",
            "../legacy.json",
        ],
        b"",
    );
    let findings = json(&output);
    let invalid = findings
        .as_array()
        .expect("array")
        .iter()
        .find(|finding| finding["code"] == "INVALID_ACTION")
        .expect("shown with --show-suppressed");
    assert_eq!(
        invalid["suppressed"]["reason"],
        "legacy role, replaced in Q3"
    );

    let output = run_in(
        &nested,
        &[
            "check",
            "--show-suppressed",
            "--format",
            "sarif",
            "../legacy.json",
        ],
        b"",
    );
    let log = json(&output);
    let result = log["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|result| result["ruleId"] == "INVALID_ACTION")
        .expect("INVALID_ACTION");
    assert_eq!(result["suppressions"][0]["kind"], "external");
    assert_eq!(
        result["suppressions"][0]["justification"],
        "legacy role, replaced in Q3"
    );
    // Without --show-suppressed, SARIF leaves them out like the other formats.
    let output = run_in(
        &nested,
        &["check", "--format", "sarif", "../legacy.json"],
        b"",
    );
    assert_eq!(
        json(&output)["runs"][0]["results"],
        Value::Array(Vec::new())
    );
}

#[test]
fn config_flag_and_config_errors() {
    let dir = Dir::new();
    dir.file("policy.json", WITH_FIXES);
    dir.file(
        "ci.toml",
        "[[ignore]]\ncode = \"INVALID_ACTION\"\nreason = \"known\"\n\n[[ignore]]\ncode = \"MISSING_QUALIFIER\"\n",
    );
    let output = run(&dir, &["check", "--config", "ci.toml", "policy.json"]);
    assert_eq!(code(&output), 2);
    assert!(stdout(&output).is_empty());
    let message = stderr(&output);
    assert!(
        message.contains("ci.toml, [[ignore]] entry 2 (code \"MISSING_QUALIFIER\"): no reason"),
        "{message}"
    );

    dir.file(
        "ci.toml",
        "[[ignore]]\ncode = \"INVALID_ACTION\"\nresaon = \"typo\"\n",
    );
    let output = run(&dir, &["check", "--config", "ci.toml", "policy.json"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("ci.toml, [[ignore]] entry 1: unknown key \"resaon\""),
        "{}",
        stderr(&output)
    );

    dir.file("ci.toml", "[[ignore]\ncode = 1\n");
    let output = run(&dir, &["check", "--config", "ci.toml", "policy.json"]);
    assert_eq!(code(&output), 2);
    assert!(stderr(&output).contains("ci.toml: "), "{}", stderr(&output));

    dir.file(
        "ci.toml",
        "[[ignore]]\ncode = \"INVALID_ACTION\"\nreason = \"known\"\n",
    );
    let output = run(&dir, &["check", "--config", "ci.toml", "policy.json"]);
    assert!(!stdout(&output).contains("INVALID_ACTION"));
    assert!(
        stdout(&output).contains("1 suppressed"),
        "{}",
        stdout(&output)
    );

    let output = run(&dir, &["check", "--config", "missing.toml", "policy.json"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("missing.toml: "),
        "{}",
        stderr(&output)
    );
}
