//! Every issue code the validator can report, each with a small policy that triggers it and a
//! minimal edit of that policy that does not: the parse errors of `Policy::from_json` (which
//! `validate_json` turns into findings) and the checks of `validate`.
//!
//! Each trigger asserts the code, severity, path and that the message names the offending item;
//! each near miss asserts only that the code is gone, since the edit may well raise another one.
#![cfg(feature = "serde")]

use sagemaker_actions::policy::Policy;
use sagemaker_actions::validate::{
    validate_json, Finding, Options, PolicyType, ServiceCatalog, Severity, SizeLimit, Validator,
};
use sagemaker_actions::{Action, Operation};

// ---------------------------------------------------------------------------------------------
// Helpers

/// A `2012-10-17` policy with these statements (JSON objects, comma-separated).
fn policy(statements: &str) -> String {
    format!(r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#)
}

fn check(text: &str) -> Vec<Finding> {
    validate_json(text)
}

fn check_as(policy_type: PolicyType, text: &str) -> Vec<Finding> {
    Validator::new()
        .with_options(Options {
            policy_type,
            ..Options::default()
        })
        .validate_json(text)
}

fn dump(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|finding| format!("  {finding}\n"))
        .collect()
}

/// The one finding with `code`, checked for severity, path and the words its message must hold.
#[track_caller]
fn expect<'a>(
    findings: &'a [Finding],
    code: &str,
    severity: Severity,
    path: &str,
    mentions: &[&str],
) -> &'a Finding {
    let hits: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
    assert_eq!(
        hits.len(),
        1,
        "expected one {code}, got:\n{}",
        dump(findings)
    );
    let finding = hits[0];
    assert_eq!(finding.severity, severity, "{finding}");
    assert_eq!(finding.path, path, "{finding}");
    for word in mentions {
        assert!(
            finding.message.contains(word),
            "message of {code} should name {word:?}: {finding}"
        );
    }
    finding
}

#[track_caller]
fn absent(findings: &[Finding], code: &str) {
    assert!(
        findings.iter().all(|f| f.code != code),
        "unexpected {code}:\n{}",
        dump(findings)
    );
}

#[track_caller]
fn no_errors(findings: &[Finding]) {
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "unexpected errors:\n{}",
        dump(findings)
    );
}

/// A document that does not parse gives exactly one finding: the parser's code, at a line and
/// column, about no statement in particular.
#[track_caller]
fn expect_parse_error(text: &str, code: &str, line: usize, mentions: &[&str]) -> Finding {
    let findings = check(text);
    assert_eq!(findings.len(), 1, "{}", dump(&findings));
    let finding = findings.into_iter().next().unwrap();
    assert_eq!(finding.code, code, "{finding}");
    assert_eq!(finding.severity, Severity::Error, "{finding}");
    assert_eq!(finding.statement, None, "{finding}");
    assert!(
        finding.path.starts_with(&format!("line {line}, column ")),
        "{finding}"
    );
    for word in mentions {
        assert!(
            finding.message.contains(word),
            "should name {word:?}: {finding}"
        );
    }
    finding
}

// Tiny catalogs of other services, in the schema of `data/sagemaker.json`.

const S3_CATALOG: &str = r#"{
  "service": {"name": "Amazon S3", "prefix": "s3"},
  "actions": [
    {"name": "GetObject", "access_levels": ["Read"],
     "resource_types": [{"name": "object", "required": true, "condition_keys": []}],
     "condition_keys": [], "dependent_actions": []}
  ],
  "resource_types": [
    {"name": "bucket", "arn_formats": ["arn:${Partition}:s3:::${BucketName}"], "condition_keys": []},
    {"name": "object", "arn_formats": ["arn:${Partition}:s3:::${BucketName}/${ObjectName}"], "condition_keys": []}
  ],
  "condition_keys": []
}"#;

const EVENTS_CATALOG: &str = r#"{
  "service": {"name": "Amazon EventBridge", "prefix": "events"},
  "actions": [
    {"name": "PutRule", "access_levels": ["Write"],
     "resource_types": [{"name": "rule", "required": true, "condition_keys": []}],
     "condition_keys": [], "dependent_actions": []}
  ],
  "resource_types": [
    {"name": "rule", "arn_formats": ["arn:${Partition}:events:${Region}:${Account}:rule/${RuleName}"], "condition_keys": []}
  ],
  "condition_keys": []
}"#;

/// A made-up service with a Binary key: neither SageMaker nor the global keys have one.
const EXAMPLE_CATALOG: &str = r#"{
  "service": {"name": "Example", "prefix": "example"},
  "actions": [
    {"name": "Upload", "access_levels": ["Write"], "resource_types": [],
     "condition_keys": ["example:Payload"], "dependent_actions": []}
  ],
  "resource_types": [],
  "condition_keys": [{"name": "example:Payload", "type": "Binary"}]
}"#;

fn catalog(text: &str) -> ServiceCatalog {
    ServiceCatalog::from_json(text).expect("test catalog")
}

// ---------------------------------------------------------------------------------------------
// Parse errors of Policy::from_json

#[test]
fn json_syntax_error_fires() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sagemaker:ListModels\", \"Resource\": \"*\",}]\n}";
    expect_parse_error(text, "JSON_SYNTAX_ERROR", 3, &["trailing comma"]);
}

#[test]
fn json_syntax_error_near_miss() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sagemaker:ListModels\", \"Resource\": \"*\"}]\n}";
    absent(&check(text), "JSON_SYNTAX_ERROR");
}

#[test]
fn data_type_mismatch_fires() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Action\": 5, \"Resource\": \"*\"}]\n}";
    expect_parse_error(text, "DATA_TYPE_MISMATCH", 3, &["Action", "a number"]);
}

#[test]
fn data_type_mismatch_near_miss() {
    let text =
        policy(r#"{"Effect": "Allow", "Action": ["sagemaker:ListModels"], "Resource": "*"}"#);
    absent(&check(&text), "DATA_TYPE_MISMATCH");
}

#[test]
fn duplicate_element_fires() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Effect\": \"Deny\", \"Action\": \"sagemaker:ListModels\", \"Resource\": \"*\"}]\n}";
    expect_parse_error(text, "DUPLICATE_ELEMENT", 3, &["\"Effect\""]);
}

#[test]
fn duplicate_element_near_miss() {
    let text = policy(r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#);
    absent(&check(&text), "DUPLICATE_ELEMENT");
}

#[test]
fn invalid_policy_element_fires() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Actions\": \"sagemaker:ListModels\", \"Resource\": \"*\"}]\n}";
    expect_parse_error(text, "INVALID_POLICY_ELEMENT", 3, &["\"Actions\""]);
    let top_level = "{\n  \"Versions\": \"2012-10-17\",\n  \"Statement\": []\n}";
    expect_parse_error(top_level, "INVALID_POLICY_ELEMENT", 2, &["\"Versions\""]);
}

#[test]
fn invalid_policy_element_near_miss() {
    let text = policy(r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#);
    absent(&check(&text), "INVALID_POLICY_ELEMENT");
}

#[test]
fn unsupported_element_combination_fires() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"sagemaker:ListModels\", \"NotAction\": \"sagemaker:ListTags\", \"Resource\": \"*\"}]\n}";
    expect_parse_error(
        text,
        "UNSUPPORTED_ELEMENT_COMBINATION",
        3,
        &["Action", "NotAction"],
    );
}

#[test]
fn unsupported_element_combination_near_miss() {
    let text = policy(r#"{"Effect": "Deny", "NotAction": "sagemaker:ListTags", "Resource": "*"}"#);
    absent(&check(&text), "UNSUPPORTED_ELEMENT_COMBINATION");
}

#[test]
fn missing_effect_fires() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Action\": \"sagemaker:ListModels\", \"Resource\": \"*\"}]\n}";
    expect_parse_error(text, "MISSING_EFFECT", 3, &["Effect"]);
}

#[test]
fn missing_effect_near_miss() {
    let text = policy(r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#);
    absent(&check(&text), "MISSING_EFFECT");
}

#[test]
fn invalid_effect_fires() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"allow\", \"Action\": \"sagemaker:ListModels\", \"Resource\": \"*\"}]\n}";
    expect_parse_error(text, "INVALID_EFFECT", 3, &["\"allow\""]);
}

#[test]
fn invalid_effect_near_miss() {
    let text = policy(r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#);
    absent(&check(&text), "INVALID_EFFECT");
}

#[test]
fn missing_statement_fires() {
    // Without the element the document does not parse ...
    expect_parse_error(
        "{\n  \"Version\": \"2012-10-17\"\n}",
        "MISSING_STATEMENT",
        3,
        &["Statement"],
    );
    // ... and with an empty array it parses but holds nothing.
    let findings = check(r#"{"Version": "2012-10-17", "Statement": []}"#);
    let finding = expect(
        &findings,
        "MISSING_STATEMENT",
        Severity::Error,
        "Statement",
        &["no statement"],
    );
    assert_eq!(finding.statement, None);
}

#[test]
fn missing_statement_near_miss() {
    let text = policy(r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#);
    absent(&check(&text), "MISSING_STATEMENT");
}

#[test]
fn invalid_principal_key_fires() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"aws\": \"arn:aws:iam::123456789012:root\"}, \"Action\": \"sagemaker:ListModels\", \"Resource\": \"*\"}]\n}";
    expect_parse_error(text, "INVALID_PRINCIPAL_KEY", 3, &["\"aws\"", "Principal"]);
}

#[test]
fn invalid_principal_key_near_miss() {
    let text = policy(
        r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sagemaker:ListModels", "Resource": "*"}"#,
    );
    absent(&check(&text), "INVALID_PRINCIPAL_KEY");
}

#[test]
fn invalid_principal_format_fires() {
    let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"arn:aws:iam::123456789012:root\", \"Action\": \"sagemaker:ListModels\", \"Resource\": \"*\"}]\n}";
    expect_parse_error(
        text,
        "INVALID_PRINCIPAL_FORMAT",
        3,
        &["\"arn:aws:iam::123456789012:root\"", "Principal"],
    );
}

#[test]
fn invalid_principal_format_near_miss() {
    for principal in [r#"{"AWS": "arn:aws:iam::123456789012:root"}"#, r#""*""#] {
        let text = policy(&format!(
            r#"{{"Effect": "Allow", "Principal": {principal}, "Action": "sagemaker:ListModels", "Resource": "*"}}"#
        ));
        absent(&check(&text), "INVALID_PRINCIPAL_FORMAT");
    }
}

// ---------------------------------------------------------------------------------------------
// Version and Statement

#[test]
fn missing_version_fires() {
    let findings = check(
        r#"{"Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    );
    let finding = expect(
        &findings,
        "MISSING_VERSION",
        Severity::Warning,
        "Version",
        &["no Version", "2012-10-17"],
    );
    assert_eq!(finding.statement, None);
}

#[test]
fn missing_version_near_miss() {
    let text = policy(r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#);
    absent(&check(&text), "MISSING_VERSION");
}

#[test]
fn invalid_version_fires() {
    let findings = check(
        r#"{"Version": "2012-10-18", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    );
    expect(
        &findings,
        "INVALID_VERSION",
        Severity::Error,
        "Version",
        &["\"2012-10-18\"", "2012-10-17"],
    );
}

#[test]
fn invalid_version_near_miss() {
    for version in ["2012-10-17", "2008-10-17"] {
        let findings = check(&format!(
            r#"{{"Version": "{version}", "Statement": [{{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}}]}}"#
        ));
        absent(&findings, "INVALID_VERSION");
    }
}

// ---------------------------------------------------------------------------------------------
// Sid

#[test]
fn unique_sids_recommended_fires() {
    let statement =
        r#"{"Sid": "Train", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#;
    let findings = check(&policy(&[statement; 3].join(", ")));
    let repeats: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code == "UNIQUE_SIDS_RECOMMENDED")
        .collect();
    assert_eq!(repeats.len(), 2, "{}", dump(&findings));
    for (finding, index) in repeats.into_iter().zip([1, 2]) {
        assert_eq!(finding.severity, Severity::Warning);
        assert_eq!(finding.path, format!("Statement[{index}].Sid"));
        assert_eq!(finding.statement, Some(index));
        assert_eq!(finding.sid.as_deref(), Some("Train"));
        // Every repeat points at the first statement with the Sid.
        assert!(
            finding.message.contains("\"Train\"") && finding.message.contains("statement 0"),
            "{finding}"
        );
    }
}

#[test]
fn unique_sids_recommended_near_miss() {
    let findings = check(&policy(
        r#"{"Sid": "Train", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"},
           {"Sid": "Train2", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"},
           {"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"},
           {"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#,
    ));
    absent(&findings, "UNIQUE_SIDS_RECOMMENDED");
}

#[test]
fn empty_sid_value_fires() {
    let findings = check(&policy(
        r#"{"Sid": "", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#,
    ));
    expect(
        &findings,
        "EMPTY_SID_VALUE",
        Severity::Suggestion,
        "Statement[0].Sid",
        &["Sid is empty"],
    );
    absent(&findings, "UNSUPPORTED_SID");
}

#[test]
fn empty_sid_value_near_miss() {
    let findings = check(&policy(
        r#"{"Sid": "A", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#,
    ));
    absent(&findings, "EMPTY_SID_VALUE");
}

#[test]
fn unsupported_sid_fires() {
    let findings = check(&policy(
        r#"{"Sid": "train-jobs", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#,
    ));
    expect(
        &findings,
        "UNSUPPORTED_SID",
        Severity::Error,
        "Statement[0].Sid",
        &["\"train-jobs\"", "A-Z"],
    );
}

#[test]
fn unsupported_sid_near_miss() {
    let findings = check(&policy(
        r#"{"Sid": "TrainJobs2", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#,
    ));
    absent(&findings, "UNSUPPORTED_SID");
}

// ---------------------------------------------------------------------------------------------
// Principal

const WITH_PRINCIPAL: &str = r#"{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sagemaker:ListModels", "Resource": "*"}"#;

#[test]
fn unsupported_principal_fires() {
    let findings = check_as(PolicyType::Identity, &policy(WITH_PRINCIPAL));
    expect(
        &findings,
        "UNSUPPORTED_PRINCIPAL",
        Severity::Error,
        "Statement[0].Principal",
        &["identity policies", "Principal"],
    );
    let not_principal = policy(
        r#"{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "sagemaker:ListModels", "Resource": "*"}"#,
    );
    let findings = check_as(PolicyType::Identity, &not_principal);
    expect(
        &findings,
        "UNSUPPORTED_PRINCIPAL",
        Severity::Error,
        "Statement[0].NotPrincipal",
        &["NotPrincipal"],
    );
}

#[test]
fn unsupported_principal_near_miss() {
    absent(
        &check_as(PolicyType::Resource, &policy(WITH_PRINCIPAL)),
        "UNSUPPORTED_PRINCIPAL",
    );
    absent(&check(&policy(WITH_PRINCIPAL)), "UNSUPPORTED_PRINCIPAL");
}

#[test]
fn missing_principal_fires() {
    let findings = check_as(
        PolicyType::Resource,
        &policy(r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#),
    );
    expect(
        &findings,
        "MISSING_PRINCIPAL",
        Severity::Error,
        "Statement[0]",
        &["Principal"],
    );
}

#[test]
fn missing_principal_near_miss() {
    absent(
        &check_as(PolicyType::Resource, &policy(WITH_PRINCIPAL)),
        "MISSING_PRINCIPAL",
    );
}

// ---------------------------------------------------------------------------------------------
// Action and NotAction

#[test]
fn missing_action_fires() {
    let findings = check(&policy(r#"{"Effect": "Allow", "Resource": "*"}"#));
    expect(
        &findings,
        "MISSING_ACTION",
        Severity::Error,
        "Statement[0]",
        &["Action", "NotAction"],
    );
}

#[test]
fn missing_action_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#,
    ));
    absent(&findings, "MISSING_ACTION");
}

#[test]
fn empty_array_action_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": [], "Resource": "*"}"#,
    ));
    expect(
        &findings,
        "EMPTY_ARRAY_ACTION",
        Severity::Suggestion,
        "Statement[0].Action",
        &["Action list is empty"],
    );
}

#[test]
fn empty_array_action_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:ListModels"], "Resource": "*"}"#,
    ));
    absent(&findings, "EMPTY_ARRAY_ACTION");
}

#[test]
fn allow_with_not_action_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "NotAction": "sagemaker:Delete*", "Resource": "*"}"#,
    ));
    expect(
        &findings,
        "ALLOW_WITH_NOT_ACTION",
        Severity::SecurityWarning,
        "Statement[0].NotAction",
        &["Allow with NotAction"],
    );
}

#[test]
fn allow_with_not_action_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Deny", "NotAction": "sagemaker:Delete*", "Resource": "*"}"#,
    ));
    absent(&findings, "ALLOW_WITH_NOT_ACTION");
}

#[test]
fn invalid_action_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJbo", "sagemaker:Frobnicate*", "sagemaker CreateTrainingJob"], "Resource": "*"}"#,
    ));
    let invalid: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code == "INVALID_ACTION")
        .collect();
    assert_eq!(invalid.len(), 3, "{}", dump(&findings));
    let expected = [
        (
            "Statement[0].Action[0]",
            "did you mean sagemaker:CreateTrainingJob",
        ),
        ("Statement[0].Action[1]", "matches no action"),
        ("Statement[0].Action[2]", "is not an action"),
    ];
    for ((finding, (path, words)), item) in invalid.into_iter().zip(expected).zip([
        "sagemaker:CreateTrainingJbo",
        "sagemaker:Frobnicate*",
        "sagemaker CreateTrainingJob",
    ]) {
        assert_eq!(finding.severity, Severity::Error);
        assert_eq!(finding.path, path);
        assert!(finding.message.contains(item), "{finding}");
        assert!(finding.message.contains(words), "{finding}");
    }
}

#[test]
fn invalid_action_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:Create*", "sagemaker:createtrainingjob"], "Resource": "*"}"#,
    ));
    absent(&findings, "INVALID_ACTION");
}

#[test]
fn unchecked_service_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "events:PutRule", "Resource": "arn:aws:events:us-east-1:123456789012:rule/Nightly"}"#,
    ));
    let finding = expect(
        &findings,
        "UNCHECKED_SERVICE",
        Severity::Info,
        "",
        &["\"events\"", "--catalog", "--service-reference"],
    );
    assert_eq!(finding.statement, None);
}

#[test]
fn unchecked_service_near_miss() {
    let findings = Validator::new()
        .with_catalog(catalog(EVENTS_CATALOG))
        .validate_json(&policy(
            r#"{"Effect": "Allow", "Action": "events:PutRule", "Resource": "arn:aws:events:us-east-1:123456789012:rule/Nightly"}"#,
        ));
    absent(&findings, "UNCHECKED_SERVICE");
    no_errors(&findings);
}

// ---------------------------------------------------------------------------------------------
// REDUNDANT_ACTION

#[test]
fn redundant_action_fires_for_duplicates() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:ListModels", "SageMaker:listmodels"], "Resource": "*"}"#,
    ));
    expect(
        &findings,
        "REDUNDANT_ACTION",
        Severity::Suggestion,
        "Statement[0].Action[1]",
        &["\"SageMaker:listmodels\"", "twice"],
    );
}

#[test]
fn redundant_action_fires_for_wildcard_covered_items() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:DescribeModel", "sagemaker:Describe*"], "Resource": "*"}"#,
    ));
    expect(
        &findings,
        "REDUNDANT_ACTION",
        Severity::Suggestion,
        "Statement[0].Action[0]",
        &["\"sagemaker:DescribeModel\"", "\"sagemaker:Describe*\""],
    );
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["*", "sagemaker:Describe*"], "Resource": "*"}"#,
    ));
    expect(
        &findings,
        "REDUNDANT_ACTION",
        Severity::Suggestion,
        "Statement[0].Action[1]",
        &["\"sagemaker:Describe*\"", "\"*\""],
    );
}

#[test]
fn redundant_action_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:Describe*", "sagemaker:ListModels"], "Resource": "*"}"#,
    ));
    absent(&findings, "REDUNDANT_ACTION");
}

#[test]
fn redundant_action_compares_patterns_as_sets() {
    // `ListModel?` names only what `ListModel*` names, but not the other way round: a `?`
    // stands for exactly one character, not for the other pattern's `*`.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:ListModel?", "sagemaker:ListModel*"], "Resource": "*"}"#,
    ));
    expect(
        &findings,
        "REDUNDANT_ACTION",
        Severity::Suggestion,
        "Statement[0].Action[0]",
        &["\"sagemaker:ListModel?\"", "\"sagemaker:ListModel*\""],
    );
    // Patterns that cover each other: only the later one goes.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:List**", "sagemaker:List*"], "Resource": "*"}"#,
    ));
    expect(
        &findings,
        "REDUNDANT_ACTION",
        Severity::Suggestion,
        "Statement[0].Action[1]",
        &["\"sagemaker:List*\""],
    );
}

// ---------------------------------------------------------------------------------------------
// Resource and NotResource, ARNs

#[test]
fn missing_resource_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:ListModels"}"#,
    ));
    expect(
        &findings,
        "MISSING_RESOURCE",
        Severity::Error,
        "Statement[0]",
        &["Resource", "NotResource"],
    );
}

#[test]
fn missing_resource_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}"#,
    ));
    absent(&findings, "MISSING_RESOURCE");
    // A trust statement names no resource.
    let trust = policy(
        r#"{"Effect": "Allow", "Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}"#,
    );
    absent(&check(&trust), "MISSING_RESOURCE");
    absent(&check_as(PolicyType::RoleTrust, &trust), "MISSING_RESOURCE");
}

#[test]
fn empty_array_resource_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": []}"#,
    ));
    expect(
        &findings,
        "EMPTY_ARRAY_RESOURCE",
        Severity::Suggestion,
        "Statement[0].Resource",
        &["Resource list is empty"],
    );
}

#[test]
fn empty_array_resource_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": ["*"]}"#,
    ));
    absent(&findings, "EMPTY_ARRAY_RESOURCE");
}

#[test]
fn allow_with_not_resource_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:DeleteModel", "NotResource": "arn:aws:sagemaker:us-east-1:123456789012:model/keep"}"#,
    ));
    expect(
        &findings,
        "ALLOW_WITH_NOT_RESOURCE",
        Severity::SecurityWarning,
        "Statement[0].NotResource",
        &["Allow with NotResource"],
    );
}

#[test]
fn allow_with_not_resource_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Deny", "Action": "sagemaker:DeleteModel", "NotResource": "arn:aws:sagemaker:us-east-1:123456789012:model/keep"}"#,
    ));
    absent(&findings, "ALLOW_WITH_NOT_RESOURCE");
}

#[test]
fn allow_with_not_principal_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:role/Auditor"}, "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:123456789012:model/a"}"#,
    ));
    expect(
        &findings,
        "ALLOW_WITH_NOT_PRINCIPAL",
        Severity::SecurityWarning,
        "Statement[0].NotPrincipal",
        &["NotPrincipal", "anonymous", "Principal"],
    );
}

#[test]
fn allow_with_not_principal_near_miss() {
    // Deny with NotPrincipal is AWS's recommended form; Allow with Principal is fine.
    let findings = check(&policy(
        r#"{"Effect": "Deny", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:role/Auditor"}, "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:123456789012:model/a"},
           {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:role/Auditor"}, "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:123456789012:model/a"}"#,
    ));
    absent(&findings, "ALLOW_WITH_NOT_PRINCIPAL");
    // In an identity policy the element itself is the error.
    let findings = check_as(
        PolicyType::Identity,
        &policy(
            r#"{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::123456789012:role/Auditor"}, "Action": "sagemaker:DescribeModel", "Resource": "*"}"#,
        ),
    );
    absent(&findings, "ALLOW_WITH_NOT_PRINCIPAL");
}

/// A ListTags statement on these resources.
fn list_tags_on(resources: &str) -> Vec<Finding> {
    check(&policy(&format!(
        r#"{{"Effect": "Allow", "Action": "sagemaker:ListTags", "Resource": {resources}}}"#
    )))
}

#[test]
fn invalid_arn_prefix_fires() {
    let findings = list_tags_on(
        r#"["arn:aws:sagemaker:us-east-1:123456789012:model/a", "sagemaker:us-east-1:123456789012:model/b"]"#,
    );
    expect(
        &findings,
        "INVALID_ARN_PREFIX",
        Severity::Error,
        "Statement[0].Resource[1]",
        &["\"sagemaker:us-east-1:123456789012:model/b\"", "arn:"],
    );
}

#[test]
fn invalid_arn_prefix_near_miss() {
    let findings = list_tags_on(
        r#"["arn:aws:sagemaker:us-east-1:123456789012:model/a", "arn:aws:sagemaker:us-east-1:123456789012:model/b"]"#,
    );
    absent(&findings, "INVALID_ARN_PREFIX");
    no_errors(&findings);
}

#[test]
fn missing_arn_field_fires() {
    let findings = list_tags_on(r#""arn:aws:sagemaker:us-east-1:123456789012""#);
    expect(
        &findings,
        "MISSING_ARN_FIELD",
        Severity::Error,
        "Statement[0].Resource",
        &["\"arn:aws:sagemaker:us-east-1:123456789012\"", "six fields"],
    );
}

#[test]
fn missing_arn_field_near_miss() {
    let findings = list_tags_on(r#""arn:aws:sagemaker:us-east-1:123456789012:model/a""#);
    absent(&findings, "MISSING_ARN_FIELD");
}

#[test]
fn invalid_partition_fires() {
    let findings = list_tags_on(r#""arn:amazon:sagemaker:us-east-1:123456789012:model/a""#);
    expect(
        &findings,
        "INVALID_PARTITION",
        Severity::Error,
        "Statement[0].Resource",
        &["\"amazon\"", "aws-us-gov"],
    );
}

#[test]
fn invalid_partition_near_miss() {
    for partition in ["aws-cn", "aws-us-gov", "aws-iso-b", "aws-eusc", "*", "aws*"] {
        let findings = list_tags_on(&format!(
            r#""arn:{partition}:sagemaker:us-east-1:123456789012:model/a""#
        ));
        absent(&findings, "INVALID_PARTITION");
    }
}

#[test]
fn invalid_arn_service_case_fires() {
    let findings = list_tags_on(r#""arn:aws:SageMaker:us-east-1:123456789012:model/a""#);
    expect(
        &findings,
        "INVALID_ARN_SERVICE_CASE",
        Severity::Error,
        "Statement[0].Resource",
        &["\"SageMaker\"", "lower case"],
    );
    // The wrong case is the one reason no resource type matches; it is reported once.
    absent(&findings, "INVALID_ARN_RESOURCE");
}

#[test]
fn invalid_arn_service_case_near_miss() {
    let findings = list_tags_on(r#""arn:aws:sagemaker:us-east-1:123456789012:model/a""#);
    absent(&findings, "INVALID_ARN_SERVICE_CASE");
}

#[test]
fn invalid_arn_account_fires() {
    let findings = list_tags_on(r#""arn:aws:sagemaker:us-east-1:1234-5678-9012:model/a""#);
    expect(
        &findings,
        "INVALID_ARN_ACCOUNT",
        Severity::Error,
        "Statement[0].Resource",
        &["\"1234-5678-9012\"", "12-digit"],
    );
}

#[test]
fn invalid_arn_account_near_miss() {
    let findings = list_tags_on(r#""arn:aws:sagemaker:us-east-1:123456789012:model/a""#);
    absent(&findings, "INVALID_ARN_ACCOUNT");
}

#[test]
fn invalid_arn_account_allows_empty_aws_and_wildcard_accounts() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["s3:GetObject", "iam:GetPolicy", "sagemaker:ListTags"], "Resource": [
            "arn:aws:s3:::my-bucket/*",
            "arn:aws:iam::aws:policy/AmazonSageMakerFullAccess",
            "arn:aws:sagemaker:us-east-1:*:model/a",
            "arn:aws:sagemaker:us-east-1:12345678901?:model/b",
            "arn:aws:sagemaker:*:*:*"
        ]}"#,
    ));
    absent(&findings, "INVALID_ARN_ACCOUNT");
    no_errors(&findings);
}

#[test]
fn invalid_arn_resource_fires() {
    let findings = list_tags_on(r#""arn:aws:sagemaker:us-east-1:123456789012:trainingjob/a""#);
    expect(
        &findings,
        "INVALID_ARN_RESOURCE",
        Severity::Error,
        "Statement[0].Resource",
        &[
            "\"arn:aws:sagemaker:us-east-1:123456789012:trainingjob/a\"",
            "Amazon SageMaker",
            "did you mean training-job",
        ],
    );
}

#[test]
fn invalid_arn_resource_near_miss() {
    let findings = list_tags_on(r#""arn:aws:sagemaker:us-east-1:123456789012:training-job/a""#);
    absent(&findings, "INVALID_ARN_RESOURCE");
}

#[test]
fn arns_with_policy_variables_are_not_flagged() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreatePresignedDomainUrl", "sagemaker:DescribeUserProfile"],
            "Resource": "arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-abc123/${aws:username}"},
           {"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob",
            "Resource": "arn:aws:sagemaker:*:123456789012:training-job/${aws:username}-*"},
           {"Effect": "Allow", "Action": ["iam:PassRole", "sagemaker:AddTags"],
            "Resource": ["arn:aws:iam::123456789012:role/${aws:username}", "arn:aws:sagemaker:*:123456789012:training-job/*"]}"#,
    ));
    assert!(
        findings.iter().all(|f| f.code == "UNCHECKED_SERVICE"),
        "{}",
        dump(&findings)
    );
}

// ---------------------------------------------------------------------------------------------
// RESOURCE_MISMATCH

#[test]
fn resource_mismatch_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:DescribeTrainingJob"], "Resource": ["arn:aws:sagemaker:us-east-1:123456789012:model/a"]}"#,
    ));
    expect(
        &findings,
        "RESOURCE_MISMATCH",
        Severity::Error,
        "Statement[0].Action[0]",
        &[
            "sagemaker:DescribeTrainingJob",
            "training-job*",
            "grants it nothing",
        ],
    );
    // An action without resource types needs "*"; a Deny of it on an ARN denies nothing.
    let findings = check(&policy(
        r#"{"Effect": "Deny", "Action": "sagemaker:ListTrainingJobs", "Resource": "arn:aws:sagemaker:us-east-1:123456789012:training-job/a"}"#,
    ));
    expect(
        &findings,
        "RESOURCE_MISMATCH",
        Severity::Error,
        "Statement[0].Action",
        &[
            "sagemaker:ListTrainingJobs",
            "supports no resource types",
            "denies it nothing",
        ],
    );
}

#[test]
fn resource_mismatch_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:DescribeTrainingJob"], "Resource": ["arn:aws:sagemaker:us-east-1:123456789012:training-job/a"]}"#,
    ));
    absent(&findings, "RESOURCE_MISMATCH");
    let findings = check(&policy(
        r#"{"Effect": "Deny", "Action": "sagemaker:ListTrainingJobs", "Resource": "*"}"#,
    ));
    absent(&findings, "RESOURCE_MISMATCH");
}

#[test]
fn resource_mismatch_ignores_resources_of_other_services() {
    // No S3 catalog: the bucket neither satisfies nor breaks the SageMaker action.
    let text = policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:DescribeTrainingJob", "s3:GetObject"], "Resource": [
            "arn:aws:s3:::training-data/*",
            "arn:aws:sagemaker:us-east-1:123456789012:training-job/a"
        ]}"#,
    );
    absent(&check(&text), "RESOURCE_MISMATCH");
    // With S3's catalog each action finds its own service's resource.
    let with_s3 = Validator::new().with_catalog(catalog(S3_CATALOG));
    let findings = with_s3.validate_json(&text);
    absent(&findings, "RESOURCE_MISMATCH");
    no_errors(&findings);
    // Without the object ARN only the S3 action is left without a resource.
    let findings = with_s3.validate_json(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:DescribeTrainingJob", "s3:GetObject"], "Resource": [
            "arn:aws:sagemaker:us-east-1:123456789012:training-job/a"
        ]}"#,
    ));
    expect(
        &findings,
        "RESOURCE_MISMATCH",
        Severity::Error,
        "Statement[0].Action[1]",
        &["s3:GetObject", "object*"],
    );
}

#[test]
fn resource_mismatch_fires_for_a_pattern_none_of_whose_actions_apply() {
    // Every action *TrainingJob matches is on training jobs, not models: the item grants
    // nothing.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:DescribeModel", "sagemaker:*TrainingJob"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:model/a"}"#,
    ));
    expect(
        &findings,
        "RESOURCE_MISMATCH",
        Severity::Error,
        "Statement[0].Action[1]",
        &[
            "\"sagemaker:*TrainingJob\"",
            "none of which applies",
            "sagemaker:CreateTrainingJob",
            "sagemaker:DescribeTrainingJob",
        ],
    );
}

#[test]
fn resource_mismatch_groups_a_patterns_unserved_actions_in_one_suggestion() {
    // ListTrainingJobs supports only "*", and ListTrainingJobsForHyperParameterTuningJob is on
    // tuning jobs: of the actions the pattern matches, those two are not granted.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:*TrainingJob*", "Resource": "arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-*"}"#,
    ));
    let finding = expect(
        &findings,
        "RESOURCE_MISMATCH",
        Severity::Suggestion,
        "Statement[0].Action",
        &[
            "sagemaker:ListTrainingJobs,",
            "sagemaker:ListTrainingJobsForHyperParameterTuningJob",
            "2 of the",
        ],
    );
    assert!(
        !finding.message.contains("DescribeTrainingJob"),
        "{finding}"
    );
}

#[test]
fn resource_mismatch_near_miss_for_patterns() {
    // Every action *TrainingJob matches is on training jobs.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:*TrainingJob", "sagemaker:Describe*"], "Resource": ["arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-*", "*"]}"#,
    ));
    absent(&findings, "RESOURCE_MISMATCH");
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:*TrainingJob", "Resource": "arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-*"}"#,
    ));
    absent(&findings, "RESOURCE_MISMATCH");
}

// ---------------------------------------------------------------------------------------------
// iam:PassRole

/// The one PassRole finding of a statement, with the other five codes absent.
#[track_caller]
fn expect_pass_role(statement: &str, code: &str, path: &str, mentions: &[&str]) {
    let findings = check(&policy(statement));
    let pass_role: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code.starts_with("PASS_ROLE_"))
        .collect();
    assert_eq!(pass_role.len(), 1, "{}", dump(&findings));
    expect(&findings, code, Severity::SecurityWarning, path, mentions);
}

#[track_caller]
fn no_pass_role(statement: &str) {
    let findings = check(&policy(statement));
    assert!(
        findings.iter().all(|f| !f.code.starts_with("PASS_ROLE_")),
        "{}",
        dump(&findings)
    );
}

#[test]
fn pass_role_with_star_in_resource_fires() {
    expect_pass_role(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateModel", "iam:PassRole"], "Resource": "*"}"#,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE",
        "Statement[0].Action[1]",
        &["iam:PassRole", "\"Resource\": \"*\"", "any role"],
    );
}

#[test]
fn pass_role_finding_names_the_service_the_policys_operations_pass_roles_to() {
    // CreateModel's call passes its role to sagemaker.amazonaws.com, per the service reference.
    assert!(Operation::CreateModel
        .authorized_actions()
        .iter()
        .any(
            |authorization| authorization.action_name() == "iam:PassRole"
                && authorization.values() == ["sagemaker.amazonaws.com"]
        ));
    expect_pass_role(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateModel", "iam:PassRole"], "Resource": "*"}"#,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE",
        "Statement[0].Action[1]",
        &["restrict iam:PassedToService (to sagemaker.amazonaws.com: the API calls of this policy's SageMaker actions pass roles there, per AWS's service reference)"],
    );
    // ListModels passes no role: the advice names no service.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:ListModels", "iam:PassRole"], "Resource": "*"}"#,
    ));
    let finding = expect(
        &findings,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE",
        Severity::SecurityWarning,
        "Statement[0].Action[1]",
        &["restrict iam:PassedToService"],
    );
    assert!(
        finding.message.ends_with("restrict iam:PassedToService"),
        "{finding}"
    );
}

#[test]
fn pass_role_with_star_in_resource_near_miss() {
    no_pass_role(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateModel", "iam:PassRole"], "Resource": "arn:aws:iam::123456789012:role/SageMakerExecution"}"#,
    );
    no_pass_role(r#"{"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"}"#);
}

#[test]
fn pass_role_with_star_in_action_and_resource_fires() {
    expect_pass_role(
        r#"{"Effect": "Allow", "Action": ["iam:*"], "Resource": "*"}"#,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
        "Statement[0].Action[0]",
        &["\"iam:*\"", "\"Resource\": \"*\""],
    );
}

#[test]
fn pass_role_with_star_in_action_and_resource_near_miss() {
    no_pass_role(r#"{"Effect": "Allow", "Action": ["iam:Get*"], "Resource": "*"}"#);
}

#[test]
fn pass_role_with_star_in_resource_and_not_action_fires() {
    expect_pass_role(
        r#"{"Effect": "Allow", "NotAction": ["s3:*"], "Resource": "*"}"#,
        "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
        "Statement[0].NotAction",
        &[
            "NotAction",
            "does not exclude iam:PassRole",
            "\"Resource\": \"*\"",
        ],
    );
}

#[test]
fn pass_role_with_star_in_resource_and_not_action_near_miss() {
    no_pass_role(r#"{"Effect": "Allow", "NotAction": ["s3:*", "iam:PassRole"], "Resource": "*"}"#);
}

#[test]
fn pass_role_with_not_resource_fires() {
    expect_pass_role(
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::123456789012:role/Admin"}"#,
        "PASS_ROLE_WITH_NOT_RESOURCE",
        "Statement[0].Action",
        &["iam:PassRole", "NotResource"],
    );
}

#[test]
fn pass_role_with_not_resource_near_miss() {
    no_pass_role(
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Admin"}"#,
    );
}

#[test]
fn pass_role_with_star_in_action_and_not_resource_fires() {
    expect_pass_role(
        r#"{"Effect": "Allow", "Action": ["sagemaker:ListModels", "iam:Pass*"], "NotResource": "arn:aws:iam::123456789012:role/Admin"}"#,
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
        "Statement[0].Action[1]",
        &["\"iam:Pass*\"", "NotResource"],
    );
}

#[test]
fn pass_role_with_star_in_action_and_not_resource_near_miss() {
    no_pass_role(
        r#"{"Effect": "Allow", "Action": ["sagemaker:ListModels", "iam:Get*"], "NotResource": "arn:aws:iam::123456789012:role/Admin"}"#,
    );
}

#[test]
fn pass_role_with_not_action_and_not_resource_fires() {
    expect_pass_role(
        r#"{"Effect": "Allow", "NotAction": "s3:*", "NotResource": "arn:aws:s3:::secrets/*"}"#,
        "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE",
        "Statement[0].NotAction",
        &["does not exclude iam:PassRole", "NotResource"],
    );
}

#[test]
fn pass_role_with_not_action_and_not_resource_near_miss() {
    no_pass_role(
        r#"{"Effect": "Allow", "NotAction": ["s3:*", "iam:*"], "NotResource": "arn:aws:s3:::secrets/*"}"#,
    );
}

// ---------------------------------------------------------------------------------------------
// Condition operators and keys

/// A statement granting `action` on `*` with this Condition element.
fn condition(action: &str, condition: &str) -> Vec<Finding> {
    check(&policy(&format!(
        r#"{{"Effect": "Allow", "Action": "{action}", "Resource": "*", "Condition": {condition}}}"#
    )))
}

#[test]
fn invalid_condition_operator_fires() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"stringEquals": {"aws:RequestedRegion": "us-east-1"}}"#,
    );
    expect(
        &findings,
        "INVALID_CONDITION_OPERATOR",
        Severity::Error,
        "Statement[0].Condition.stringEquals",
        &["\"stringEquals\""],
    );
}

#[test]
fn invalid_condition_operator_near_miss() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringEquals": {"aws:RequestedRegion": "us-east-1"}}"#,
    );
    absent(&findings, "INVALID_CONDITION_OPERATOR");
}

#[test]
fn null_with_if_exists_fires() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"NullIfExists": {"aws:TokenIssueTime": "true"}}"#,
    );
    expect(
        &findings,
        "NULL_WITH_IF_EXISTS",
        Severity::Error,
        "Statement[0].Condition.NullIfExists",
        &["NullIfExists"],
    );
}

#[test]
fn null_with_if_exists_near_miss() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"Null": {"aws:TokenIssueTime": "true"}}"#,
    );
    absent(&findings, "NULL_WITH_IF_EXISTS");
}

#[test]
fn invalid_condition_key_format_fires() {
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        r#"{"ForAnyValue:StringEquals": {"InstanceTypes": "ml.m5.large"}}"#,
    );
    expect(
        &findings,
        "INVALID_CONDITION_KEY_FORMAT",
        Severity::Error,
        "Statement[0].Condition.ForAnyValue:StringEquals.InstanceTypes",
        &["\"InstanceTypes\"", "service:key"],
    );
}

#[test]
fn invalid_condition_key_format_near_miss() {
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        r#"{"ForAnyValue:StringEquals": {"sagemaker:InstanceTypes": "ml.m5.large"}}"#,
    );
    absent(&findings, "INVALID_CONDITION_KEY_FORMAT");
}

#[test]
fn missing_tag_key_in_condition_fires() {
    for key in ["aws:ResourceTag", "aws:RequestTag/"] {
        let findings = condition(
            "sagemaker:ListModels",
            &format!(r#"{{"StringEquals": {{"{key}": "ml"}}}}"#),
        );
        let path = format!("Statement[0].Condition.StringEquals.{key}");
        expect(
            &findings,
            "MISSING_TAG_KEY_IN_CONDITION",
            Severity::Error,
            &path,
            &[key.trim_end_matches('/'), "<tag-key>"],
        );
        absent(&findings, "INVALID_GLOBAL_CONDITION_KEY");
    }
}

#[test]
fn missing_tag_key_in_condition_near_miss() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringEquals": {"aws:ResourceTag/team": "ml", "aws:RequestTag/team": "ml"}}"#,
    );
    absent(&findings, "MISSING_TAG_KEY_IN_CONDITION");
}

#[test]
fn invalid_global_condition_key_fires() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"IpAddress": {"aws:SourceIpAddress": "203.0.113.0/24"}}"#,
    );
    // A warning, not an error: AWS's own policies use aws: keys its global keys page omits.
    expect(
        &findings,
        "INVALID_GLOBAL_CONDITION_KEY",
        Severity::Warning,
        "Statement[0].Condition.IpAddress.aws:SourceIpAddress",
        &["\"aws:SourceIpAddress\"", "global condition keys"],
    );
    no_errors(&findings);
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringEquals": {"aws:RequestedRegions": "eu-west-1"}}"#,
    );
    expect(
        &findings,
        "INVALID_GLOBAL_CONDITION_KEY",
        Severity::Warning,
        "Statement[0].Condition.StringEquals.aws:RequestedRegions",
        &["did you mean aws:RequestedRegion?"],
    );
}

#[test]
fn invalid_global_condition_key_near_miss() {
    // Key names are case-insensitive.
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"IpAddress": {"AWS:SourceIP": "203.0.113.0/24"}}"#,
    );
    absent(&findings, "INVALID_GLOBAL_CONDITION_KEY");
    no_errors(&findings);
}

#[test]
fn invalid_service_condition_key_fires() {
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        r#"{"ForAnyValue:StringEquals": {"sagemaker:InstanceType": "ml.m5.large"}}"#,
    );
    expect(
        &findings,
        "INVALID_SERVICE_CONDITION_KEY",
        Severity::Error,
        "Statement[0].Condition.ForAnyValue:StringEquals.sagemaker:InstanceType",
        &[
            "\"sagemaker:InstanceType\"",
            "did you mean sagemaker:InstanceTypes",
        ],
    );
}

#[test]
fn invalid_service_condition_key_near_miss() {
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        r#"{"ForAnyValue:StringEquals": {"sagemaker:instancetypes": "ml.m5.large"}}"#,
    );
    absent(&findings, "INVALID_SERVICE_CONDITION_KEY");
    no_errors(&findings);
}

#[test]
fn null_with_qualifier_fires() {
    let findings = condition(
        "sagemaker:CreateModel",
        r#"{"ForAnyValue:Null": {"aws:TagKeys": "false"}}"#,
    );
    expect(
        &findings,
        "NULL_WITH_QUALIFIER",
        Severity::Suggestion,
        "Statement[0].Condition.ForAnyValue:Null.aws:TagKeys",
        &["Null", "ForAnyValue"],
    );
}

#[test]
fn null_with_qualifier_near_miss() {
    let findings = condition(
        "sagemaker:CreateModel",
        r#"{"Null": {"aws:TagKeys": "false"}}"#,
    );
    absent(&findings, "NULL_WITH_QUALIFIER");
    absent(&findings, "MISSING_QUALIFIER");
}

#[test]
fn type_mismatch_fires() {
    let findings = condition(
        "sagemaker:CreateNotebookInstance",
        r#"{"NumericEquals": {"sagemaker:DirectInternetAccess": "1"}}"#,
    );
    expect(
        &findings,
        "TYPE_MISMATCH",
        Severity::Warning,
        "Statement[0].Condition.NumericEquals.sagemaker:DirectInternetAccess",
        &["NumericEquals", "sagemaker:DirectInternetAccess", "String"],
    );
}

#[test]
fn type_mismatch_near_miss() {
    let findings = condition(
        "sagemaker:CreateNotebookInstance",
        r#"{"StringEquals": {"sagemaker:DirectInternetAccess": "Disabled"}}"#,
    );
    absent(&findings, "TYPE_MISMATCH");
    // aws:EpochTime is documented as both Date and Numeric.
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"NumericLessThan": {"aws:EpochTime": 1893456000}, "DateLessThan": {"aws:EpochTime": "2030-01-01T00:00:00Z"}}"#,
    );
    absent(&findings, "TYPE_MISMATCH");
}

#[test]
fn string_like_operator_with_arn_condition_keys_fires() {
    let findings = condition(
        "sagemaker:CreateTransformJob",
        r#"{"StringLike": {"sagemaker:ModelArn": "arn:aws:sagemaker:*:123456789012:model/prod-*"}}"#,
    );
    expect(
        &findings,
        "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS",
        Severity::SecurityWarning,
        "Statement[0].Condition.StringLike.sagemaker:ModelArn",
        &["sagemaker:ModelArn", "ArnLike", "StringLike"],
    );
}

#[test]
fn string_like_operator_with_arn_condition_keys_near_miss() {
    let findings = condition(
        "sagemaker:CreateTransformJob",
        r#"{"ArnLike": {"sagemaker:ModelArn": "arn:aws:sagemaker:*:123456789012:model/prod-*"}}"#,
    );
    absent(&findings, "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS");
}

#[test]
fn missing_qualifier_fires() {
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        r#"{"StringEquals": {"sagemaker:InstanceTypes": "ml.m5.large"}}"#,
    );
    expect(
        &findings,
        "MISSING_QUALIFIER",
        Severity::Error,
        "Statement[0].Condition.StringEquals.sagemaker:InstanceTypes",
        &["sagemaker:InstanceTypes", "ForAnyValue:StringEquals"],
    );
}

#[test]
fn missing_qualifier_near_miss() {
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        r#"{"ForAnyValue:StringEquals": {"sagemaker:InstanceTypes": "ml.m5.large"}}"#,
    );
    absent(&findings, "MISSING_QUALIFIER");
}

#[test]
fn forallvalues_with_single_valued_key_fires() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"ForAllValues:StringEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}}"#,
    );
    expect(
        &findings,
        "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
        Severity::SecurityWarning,
        "Statement[0].Condition.ForAllValues:StringEquals.aws:RequestedRegion",
        &["ForAllValues", "aws:RequestedRegion"],
    );
}

#[test]
fn forallvalues_with_single_valued_key_near_miss() {
    let findings = condition(
        "sagemaker:CreateModel",
        r#"{"StringEquals": {"aws:RequestedRegion": ["us-east-1", "eu-west-1"]}, "ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}"#,
    );
    absent(&findings, "FORALLVALUES_WITH_SINGLE_VALUED_KEY");
}

#[test]
fn empty_array_condition_fires() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringEquals": {"aws:RequestedRegion": []}}"#,
    );
    expect(
        &findings,
        "EMPTY_ARRAY_CONDITION",
        Severity::Suggestion,
        "Statement[0].Condition.StringEquals.aws:RequestedRegion",
        &["aws:RequestedRegion", "no values"],
    );
}

#[test]
fn empty_array_condition_near_miss() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringEquals": {"aws:RequestedRegion": ["us-east-1"]}}"#,
    );
    absent(&findings, "EMPTY_ARRAY_CONDITION");
}

#[test]
fn invalid_condition_multiple_boolean_fires() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"Bool": {"aws:SecureTransport": ["true", "false"]}}"#,
    );
    expect(
        &findings,
        "INVALID_CONDITION_MULTIPLE_BOOLEAN",
        Severity::Error,
        "Statement[0].Condition.Bool.aws:SecureTransport",
        &["aws:SecureTransport", "one Boolean value"],
    );
}

#[test]
fn invalid_condition_multiple_boolean_near_miss() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"Bool": {"aws:SecureTransport": ["true"]}}"#,
    );
    absent(&findings, "INVALID_CONDITION_MULTIPLE_BOOLEAN");
}

#[test]
fn type_mismatch_boolean_fires() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"Bool": {"aws:SecureTransport": "yes"}}"#,
    );
    expect(
        &findings,
        "TYPE_MISMATCH_BOOLEAN",
        Severity::Warning,
        "Statement[0].Condition.Bool.aws:SecureTransport",
        &["\"yes\"", "true or false"],
    );
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"Null": {"aws:TokenIssueTime": "absent"}}"#,
    );
    expect(
        &findings,
        "TYPE_MISMATCH_BOOLEAN",
        Severity::Warning,
        "Statement[0].Condition.Null.aws:TokenIssueTime",
        &["\"absent\""],
    );
}

#[test]
fn type_mismatch_boolean_near_miss() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"Bool": {"aws:SecureTransport": true}, "Null": {"aws:TokenIssueTime": "false"}}"#,
    );
    absent(&findings, "TYPE_MISMATCH_BOOLEAN");
}

#[test]
fn type_mismatch_number_fires() {
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        r#"{"NumericLessThanEquals": {"sagemaker:MaxRuntimeInSeconds": "one hour"}}"#,
    );
    expect(
        &findings,
        "TYPE_MISMATCH_NUMBER",
        Severity::Warning,
        "Statement[0].Condition.NumericLessThanEquals.sagemaker:MaxRuntimeInSeconds",
        &["\"one hour\"", "a number"],
    );
}

#[test]
fn type_mismatch_number_near_miss() {
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        r#"{"NumericLessThanEquals": {"sagemaker:MaxRuntimeInSeconds": ["3600", 7200]}}"#,
    );
    absent(&findings, "TYPE_MISMATCH_NUMBER");
}

#[test]
fn type_mismatch_date_fires() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"DateLessThan": {"aws:CurrentTime": "tomorrow"}}"#,
    );
    expect(
        &findings,
        "TYPE_MISMATCH_DATE",
        Severity::Warning,
        "Statement[0].Condition.DateLessThan.aws:CurrentTime",
        &["\"tomorrow\"", "ISO 8601"],
    );
}

#[test]
fn type_mismatch_date_near_miss() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"DateLessThan": {"aws:CurrentTime": ["2030-01-01T00:00:00Z", "2030-01-01"]}}"#,
    );
    absent(&findings, "TYPE_MISMATCH_DATE");
}

#[test]
fn type_mismatch_ip_range_fires() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"IpAddress": {"aws:SourceIp": "203.0.113.0/33"}}"#,
    );
    expect(
        &findings,
        "TYPE_MISMATCH_IP_RANGE",
        Severity::Error,
        "Statement[0].Condition.IpAddress.aws:SourceIp",
        &["\"203.0.113.0/33\"", "CIDR"],
    );
}

#[test]
fn type_mismatch_ip_range_near_miss() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:DB8:1234:5678::/64", "198.51.100.7"]}}"#,
    );
    absent(&findings, "TYPE_MISMATCH_IP_RANGE");
}

#[test]
fn type_mismatch_string_fires() {
    let findings = Validator::new()
        .with_catalog(catalog(EXAMPLE_CATALOG))
        .validate_json(&policy(
            r#"{"Effect": "Allow", "Action": "example:Upload", "Resource": "*", "Condition": {"BinaryEquals": {"example:Payload": "not base64!"}}}"#,
        ));
    expect(
        &findings,
        "TYPE_MISMATCH_STRING",
        Severity::Warning,
        "Statement[0].Condition.BinaryEquals.example:Payload",
        &["\"not base64!\"", "base64"],
    );
}

#[test]
fn type_mismatch_string_near_miss() {
    let findings = Validator::new()
        .with_catalog(catalog(EXAMPLE_CATALOG))
        .validate_json(&policy(
            r#"{"Effect": "Allow", "Action": "example:Upload", "Resource": "*", "Condition": {"BinaryEquals": {"example:Payload": "QmluYXJ5"}}}"#,
        ));
    absent(&findings, "TYPE_MISMATCH_STRING");
    absent(&findings, "TYPE_MISMATCH");
    no_errors(&findings);
}

#[test]
fn wildcard_without_like_operator_fires() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringEquals": {"aws:PrincipalTag/team": "ml-*"}}"#,
    );
    expect(
        &findings,
        "WILDCARD_WITHOUT_LIKE_OPERATOR",
        Severity::Warning,
        "Statement[0].Condition.StringEquals.aws:PrincipalTag/team",
        &["\"ml-*\"", "StringEquals", "StringLike"],
    );
}

#[test]
fn wildcard_without_like_operator_near_miss() {
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringLike": {"aws:PrincipalTag/team": "ml-*"}}"#,
    );
    absent(&findings, "WILDCARD_WITHOUT_LIKE_OPERATOR");
    // Policy variables, including the escapes for a literal `*` and `?`, are not wildcards.
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringEquals": {"aws:PrincipalTag/team": ["${aws:username}", "ml-${*}", "ml-${?}"]}}"#,
    );
    absent(&findings, "WILDCARD_WITHOUT_LIKE_OPERATOR");
}

#[test]
fn policy_variables_in_condition_values_are_not_flagged() {
    let findings = condition(
        "sagemaker:ListTags",
        r#"{"StringEquals": {"aws:PrincipalTag/team": "${aws:username}", "sagemaker:ResourceTag/owner": "${aws:username}"},
            "StringLike": {"aws:userid": "AIDAEXAMPLE:${aws:username}*"},
            "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::123456789012:user/${aws:username}"}}"#,
    );
    assert!(findings.is_empty(), "{}", dump(&findings));
}

// ---------------------------------------------------------------------------------------------
// UNSUPPORTED_ACTION_FOR_CONDITION_KEY

#[test]
fn unsupported_action_for_condition_key_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateModel"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:model/a",
            "Condition": {"ForAnyValue:StringEquals": {"sagemaker:InstanceTypes": ["ml.m5.large"]}}}"#,
    ));
    expect(
        &findings,
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
        Severity::Error,
        "Statement[0].Condition.ForAnyValue:StringEquals.sagemaker:InstanceTypes",
        &[
            "sagemaker:InstanceTypes",
            "sagemaker:CreateModel",
            "never matches",
            "grants nothing",
        ],
    );
    // With a negated operator the missing key always matches: the condition restricts nothing.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:ListTrainingJobs", "Resource": "*",
            "Condition": {"StringNotEquals": {"sagemaker:ResourceTag/team": "ml"}}}"#,
    ));
    expect(
        &findings,
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
        Severity::Error,
        "Statement[0].Condition.StringNotEquals.sagemaker:ResourceTag/team",
        &[
            "sagemaker:ResourceTag",
            "sagemaker:ListTrainingJobs",
            "restricts nothing",
        ],
    );
}

#[test]
fn unsupported_action_for_condition_key_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:training-job/a",
            "Condition": {"ForAnyValue:StringEquals": {"sagemaker:InstanceTypes": ["ml.m5.large"]}}}"#,
    ));
    absent(&findings, "UNSUPPORTED_ACTION_FOR_CONDITION_KEY");
    // A resource condition key of the resource type the statement names.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:DescribeTrainingJob", "Resource": "arn:aws:sagemaker:us-east-1:123456789012:training-job/*",
            "Condition": {"StringEquals": {"sagemaker:ResourceTag/team": "ml"}}}"#,
    ));
    absent(&findings, "UNSUPPORTED_ACTION_FOR_CONDITION_KEY");
}

#[test]
fn unsupported_action_for_condition_key_skips_wildcard_actions() {
    for actions in [
        r#""sagemaker:Create*""#,
        r#"["sagemaker:CreateModel", "sagemaker:Create*"]"#,
        r#"["*", "sagemaker:CreateModel"]"#,
    ] {
        let findings = check(&policy(&format!(
            r#"{{"Effect": "Allow", "Action": {actions}, "Resource": "*",
                "Condition": {{"ForAnyValue:StringEquals": {{"sagemaker:InstanceTypes": ["ml.m5.large"]}}}}}}"#
        )));
        absent(&findings, "UNSUPPORTED_ACTION_FOR_CONDITION_KEY");
    }
}

// ---------------------------------------------------------------------------------------------
// ARN_ACCOUNT_NOT_ALLOWED, ARN_REGION_NOT_ALLOWED

/// IAM's role, whose ARN has no Region, and a made-up type with neither Region nor account.
const IAM_CATALOG: &str = r#"{
  "service": {"name": "AWS Identity and Access Management (IAM)", "prefix": "iam"},
  "actions": [
    {"name": "GetRole", "access_levels": ["Read"],
     "resource_types": [{"name": "role", "required": true, "condition_keys": []}],
     "condition_keys": [], "dependent_actions": []}
  ],
  "resource_types": [
    {"name": "role", "arn_formats": ["arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"], "condition_keys": []},
    {"name": "sms-mfa", "arn_formats": ["arn:${Partition}:iam:::sms-mfa/${MfaTokenIdWithPath}"], "condition_keys": []}
  ],
  "condition_keys": []
}"#;

fn with_iam_and_s3() -> Validator {
    Validator::new()
        .with_catalog(catalog(IAM_CATALOG))
        .with_catalog(catalog(S3_CATALOG))
}

#[test]
fn arn_account_not_allowed_fires() {
    let findings = with_iam_and_s3().validate_json(&policy(
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": ["arn:aws:s3::111122223333:amzn-s3-demo-bucket/*"]}"#,
    ));
    let finding = expect(
        &findings,
        "ARN_ACCOUNT_NOT_ALLOWED",
        Severity::Error,
        "Statement[0].Resource[0]",
        &[
            "111122223333",
            "Amazon S3",
            "arn:aws:s3:::amzn-s3-demo-bucket/*",
        ],
    );
    let fix = finding.fix.as_ref().expect("a certain fix");
    assert_eq!(
        fix.replacement.as_ref().map(|r| r.text.as_str()),
        Some("arn:aws:s3:::amzn-s3-demo-bucket/*")
    );
    absent(&findings, "INVALID_ARN_RESOURCE");
    absent(&findings, "ARN_REGION_NOT_ALLOWED");
}

#[test]
fn arn_account_not_allowed_near_miss() {
    let validator = with_iam_and_s3();
    // Right as written; a wildcard account, which may stand for the empty one.
    for resource in [
        "arn:aws:s3:::amzn-s3-demo-bucket/*",
        "arn:aws:s3::*:amzn-s3-demo-bucket/*",
    ] {
        let findings = validator.validate_json(&policy(&format!(
            r#"{{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "{resource}"}}"#
        )));
        absent(&findings, "ARN_ACCOUNT_NOT_ALLOWED");
        absent(&findings, "INVALID_ARN_RESOURCE");
    }
    // An account is not the only thing wrong: the resource part fits no format either.
    let findings = validator.validate_json(&policy(
        r#"{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::111122223333:rol/MyRole"}"#,
    ));
    absent(&findings, "ARN_ACCOUNT_NOT_ALLOWED");
    expect(
        &findings,
        "INVALID_ARN_RESOURCE",
        Severity::Error,
        "Statement[0].Resource",
        &["rol/MyRole"],
    );
    // Without the service's catalog nothing is known of its formats.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3::111122223333:amzn-s3-demo-bucket/*"}"#,
    ));
    absent(&findings, "ARN_ACCOUNT_NOT_ALLOWED");
}

#[test]
fn arn_region_not_allowed_fires() {
    let findings = with_iam_and_s3().validate_json(&policy(
        r#"{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam:us-east-1:111122223333:role/MyRole"}"#,
    ));
    expect(
        &findings,
        "ARN_REGION_NOT_ALLOWED",
        Severity::Error,
        "Statement[0].Resource",
        &["us-east-1", "arn:aws:iam::111122223333:role/MyRole"],
    );
    absent(&findings, "INVALID_ARN_RESOURCE");
    absent(&findings, "ARN_ACCOUNT_NOT_ALLOWED");
    // Both fields, where only emptying both fits: one finding each, one fix.
    let findings = with_iam_and_s3().validate_json(&policy(
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:us-east-1:111122223333:amzn-s3-demo-bucket/key"}"#,
    ));
    let account = expect(
        &findings,
        "ARN_ACCOUNT_NOT_ALLOWED",
        Severity::Error,
        "Statement[0].Resource",
        &["arn:aws:s3:::amzn-s3-demo-bucket/key"],
    );
    let region = expect(
        &findings,
        "ARN_REGION_NOT_ALLOWED",
        Severity::Error,
        "Statement[0].Resource",
        &["arn:aws:s3:::amzn-s3-demo-bucket/key"],
    );
    assert!(account.fix.is_some() != region.fix.is_some());
    absent(&findings, "INVALID_ARN_RESOURCE");
}

#[test]
fn arn_region_not_allowed_near_miss() {
    let validator = with_iam_and_s3();
    for resource in [
        "arn:aws:iam::111122223333:role/MyRole",
        "arn:aws:iam:*:111122223333:role/MyRole",
        "arn:aws:iam:${aws:RequestedRegion}:111122223333:role/MyRole",
    ] {
        let findings = validator.validate_json(&policy(&format!(
            r#"{{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "{resource}"}}"#
        )));
        absent(&findings, "ARN_REGION_NOT_ALLOWED");
        absent(&findings, "INVALID_ARN_RESOURCE");
    }
    // SageMaker's ARNs all have a Region: an empty one is not this finding.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/m"}"#,
    ));
    absent(&findings, "ARN_REGION_NOT_ALLOWED");
}

// ---------------------------------------------------------------------------------------------
// DUPLICATE_KEYS_WITH_DIFFERENT_CASE, EMPTY_VARIABLE

#[test]
fn duplicate_keys_with_different_case_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*",
            "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24", "aws:sourceip": "198.51.100.0/24"}}}"#,
    ));
    expect(
        &findings,
        "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
        Severity::Error,
        "Statement[0].Condition.IpAddress.aws:sourceip",
        &["aws:sourceip", "aws:SourceIp"],
    );
}

#[test]
fn duplicate_keys_with_different_case_near_miss() {
    for condition in [
        // Different blocks; different tag keys (their case is the services' business).
        r#"{"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}, "NotIpAddress": {"aws:sourceip": "203.0.113.5/32"}}"#,
        r#"{"StringEquals": {"aws:PrincipalTag/Team": "blue", "aws:PrincipalTag/team": "red"}}"#,
        r#"{"StringEquals": {"aws:PrincipalTag/team": "blue", "aws:PrincipalTag/project": "red"}}"#,
    ] {
        let findings = check(&policy(&format!(
            r#"{{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {condition}}}"#
        )));
        absent(&findings, "DUPLICATE_KEYS_WITH_DIFFERENT_CASE");
    }
}

#[test]
fn empty_variable_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": ["arn:aws:sagemaker:us-east-1:111122223333:model/${}-*"],
            "Condition": {"StringEquals": {"aws:PrincipalTag/team": "x-${}"}}}"#,
    ));
    let hits: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code == "EMPTY_VARIABLE")
        .collect();
    assert_eq!(hits.len(), 2, "{}", dump(&findings));
    assert_eq!(hits[0].path, "Statement[0].Resource[0]");
    assert!(hits[0].message.contains("model/${}-*"), "{}", hits[0]);
    assert_eq!(hits[0].severity, Severity::Error);
    assert_eq!(
        hits[1].path,
        "Statement[0].Condition.StringEquals.aws:PrincipalTag/team"
    );
    assert!(hits[1].message.contains("x-${}"), "{}", hits[1]);
}

#[test]
fn empty_variable_near_miss() {
    let resource = "arn:aws:sagemaker:us-east-1:111122223333:model/${aws:username}-*";
    let findings = check(&policy(&format!(
        r#"{{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "{resource}"}}"#
    )));
    absent(&findings, "EMPTY_VARIABLE");
    // Without Version 2012-10-17, ${} is literal text, not a variable.
    let text = r#"{"Version": "2008-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/${}-*"}]}"#;
    absent(&check(text), "EMPTY_VARIABLE");
}

// ---------------------------------------------------------------------------------------------
// Tag condition keys the actions do not support

#[test]
fn allow_with_unsupported_tag_condition_key_for_service_fires() {
    // CreateTrainingJob lists aws:RequestTag; DescribeTrainingJob does not.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob"], "Resource": "*",
            "Condition": {"StringEquals": {"aws:RequestTag/team": "ml"}}}"#,
    ));
    let finding = expect(
        &findings,
        "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Severity::Suggestion,
        "Statement[0].Condition.StringEquals.aws:RequestTag/team",
        &[
            "aws:RequestTag/team",
            "sagemaker:DescribeTrainingJob",
            "never matches",
        ],
    );
    assert!(!finding.message.contains("CreateTrainingJob"), "{finding}");
    // aws:TagKeys, and aws:ResourceTag on actions without resource types.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:ListModels", "sagemaker:DescribeModel"], "Resource": "*",
            "Condition": {"StringNotEquals": {"aws:ResourceTag/team": "ml"}, "ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}}}"#,
    ));
    let hits: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code == "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE")
        .collect();
    assert_eq!(hits.len(), 2, "{}", dump(&findings));
    assert!(
        hits[0].path.ends_with("aws:ResourceTag/team"),
        "{}",
        hits[0]
    );
    assert!(
        hits[0].message.contains("sagemaker:ListModels"),
        "{}",
        hits[0]
    );
    assert!(!hits[0].message.contains("DescribeModel"), "{}", hits[0]);
    assert!(hits[0].message.contains("restricts nothing"), "{}", hits[0]);
    assert!(hits[1].path.ends_with("aws:TagKeys"), "{}", hits[1]);
    assert!(
        hits[1].message.contains("sagemaker:DescribeModel"),
        "{}",
        hits[1]
    );
    // A pattern none of whose actions supports the key (ListEndpointConfigs, ListEndpoints).
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:ListEndpoint*", "Resource": "*",
            "Condition": {"StringEquals": {"aws:ResourceTag/team": "ml"}}}"#,
    ));
    expect(
        &findings,
        "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Severity::Suggestion,
        "Statement[0].Condition.StringEquals.aws:ResourceTag/team",
        &["sagemaker:ListEndpoint*"],
    );
}

#[test]
fn allow_with_unsupported_tag_condition_key_for_service_near_miss() {
    for (actions, key) in [
        (r#""sagemaker:CreateTrainingJob""#, "aws:RequestTag/team"),
        (r#""sagemaker:CreateTrainingJob""#, "aws:ResourceTag/team"),
        (r#""sagemaker:DescribeTrainingJob""#, "aws:ResourceTag/team"),
        (r#""sagemaker:AddTags""#, "aws:RequestTag/team"),
        // A pattern some of whose actions support it, "*", and unchecked services.
        (r#""sagemaker:Describe*""#, "aws:ResourceTag/team"),
        // ListTags, unlike the other List actions, supports it.
        (r#""sagemaker:List*""#, "aws:ResourceTag/team"),
        (r#"["*", "sagemaker:ListModels"]"#, "aws:PrincipalTag/team"),
        (r#""*""#, "aws:ResourceTag/team"),
        (r#""lambda:GetFunction""#, "aws:ResourceTag/team"),
    ] {
        let findings = check(&policy(&format!(
            r#"{{"Effect": "Allow", "Action": {actions}, "Resource": "*",
                "Condition": {{"StringEquals": {{"{key}": "ml"}}}}}}"#
        )));
        absent(
            &findings,
            "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        );
    }
}

#[test]
fn tag_condition_keys_of_the_service_and_of_loaded_catalogs() {
    // The service's own tag key: some of the named actions support it (for these resources),
    // so not UNSUPPORTED_ACTION_FOR_CONDITION_KEY, but ListModels is named.
    let findings = check(&policy(
        r#"{"Effect": "Deny", "Action": ["sagemaker:DeleteModel", "sagemaker:ListModels"], "Resource": "*",
            "Condition": {"StringEquals": {"sagemaker:ResourceTag/team": "ml"}}}"#,
    ));
    absent(&findings, "UNSUPPORTED_ACTION_FOR_CONDITION_KEY");
    expect(
        &findings,
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Severity::SecurityWarning,
        "Statement[0].Condition.StringEquals.sagemaker:ResourceTag/team",
        &["sagemaker:ListModels"],
    );
    // When no action supports it, only UNSUPPORTED_ACTION_FOR_CONDITION_KEY.
    let findings = check(&policy(
        r#"{"Effect": "Deny", "Action": "sagemaker:ListModels", "Resource": "*",
            "Condition": {"StringEquals": {"sagemaker:ResourceTag/team": "ml"}}}"#,
    ));
    expect(
        &findings,
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
        Severity::Error,
        "Statement[0].Condition.StringEquals.sagemaker:ResourceTag/team",
        &["sagemaker:ListModels"],
    );
    absent(
        &findings,
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    );
    // A loaded catalog's action: S3's test catalog lists no tag key for GetObject.
    let validator = Validator::new().with_catalog(catalog(S3_CATALOG));
    let text = policy(
        r#"{"Effect": "Deny", "Action": ["s3:GetObject", "sagemaker:DeleteModel"], "Resource": "*",
            "Condition": {"StringEquals": {"aws:ResourceTag/status": "Confidential"}}}"#,
    );
    let findings = validator.validate_json(&text);
    let finding = expect(
        &findings,
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Severity::SecurityWarning,
        "Statement[0].Condition.StringEquals.aws:ResourceTag/status",
        &["s3:GetObject", "never matches", "denies nothing"],
    );
    assert!(!finding.message.contains("DeleteModel"), "{finding}");
    // Without the catalog, s3 is unchecked.
    absent(
        &check(&text),
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    );
}

#[test]
fn deny_with_unsupported_tag_condition_key_for_service_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Deny", "Action": ["sagemaker:DeleteModel", "sagemaker:DescribeTrainingJob"], "Resource": "*",
            "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["status"]}}}"#,
    ));
    let finding = expect(
        &findings,
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Severity::SecurityWarning,
        "Statement[0].Condition.ForAnyValue:StringEquals.aws:TagKeys",
        &[
            "aws:TagKeys",
            "sagemaker:DeleteModel",
            "sagemaker:DescribeTrainingJob",
            "denies nothing",
        ],
    );
    assert_eq!(finding.statement, Some(0));
}

#[test]
fn deny_with_unsupported_tag_condition_key_for_service_near_miss() {
    let findings = check(&policy(
        r#"{"Effect": "Deny", "Action": ["sagemaker:DeleteModel", "sagemaker:DescribeTrainingJob"], "Resource": "*",
            "Condition": {"StringEquals": {"aws:ResourceTag/status": "Confidential"}}}"#,
    ));
    absent(
        &findings,
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    );
    absent(
        &findings,
        "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    );
}

#[test]
fn notaction_with_unsupported_tag_condition_key_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Deny", "NotAction": "sagemaker:List*", "Resource": "*",
            "Condition": {"StringEquals": {"aws:ResourceTag/status": "Confidential"}}}"#,
    ));
    expect(
        &findings,
        "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Severity::SecurityWarning,
        "Statement[0].Condition.StringEquals.aws:ResourceTag/status",
        &[
            "aws:ResourceTag/status",
            "such as sagemaker:",
            "Action instead",
        ],
    );
    absent(
        &findings,
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    );
    let findings = check(&policy(
        r#"{"Effect": "Allow", "NotAction": "sagemaker:Delete*", "Resource": "*",
            "Condition": {"StringEquals": {"aws:RequestTag/team": "ml"}}}"#,
    ));
    expect(
        &findings,
        "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Severity::Suggestion,
        "Statement[0].Condition.StringEquals.aws:RequestTag/team",
        &["aws:RequestTag/team", "such as sagemaker:"],
    );
}

#[test]
fn notaction_with_unsupported_tag_condition_key_near_miss() {
    // Every action of the loaded catalogs is excluded: no covered action is known to lack it.
    for (effect, not_action) in [("Deny", r#""sagemaker:*""#), ("Allow", r#""*""#)] {
        let findings = check(&policy(&format!(
            r#"{{"Effect": "{effect}", "NotAction": {not_action}, "Resource": "*",
                "Condition": {{"StringEquals": {{"aws:ResourceTag/status": "Confidential"}}}}}}"#
        )));
        absent(
            &findings,
            "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        );
        absent(
            &findings,
            "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        );
    }
    // A key that is not a resource or request tag key.
    let findings = check(&policy(
        r#"{"Effect": "Deny", "NotAction": "sagemaker:List*", "Resource": "*",
            "Condition": {"StringEquals": {"aws:PrincipalTag/status": "Confidential"}}}"#,
    ));
    absent(
        &findings,
        "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
    );
}

// ---------------------------------------------------------------------------------------------
// MISSING_DEPENDENT_ACTION

#[test]
fn missing_dependent_action_fires() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateModel"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:model/*"}"#,
    ));
    let missing: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code == "MISSING_DEPENDENT_ACTION")
        .collect();
    // The page's two, then the one only the service reference names: CreateModel's call is
    // also authorized against sagemaker:DeployHubModel.
    assert_eq!(missing.len(), 3, "{}", dump(&findings));
    for (finding, dependent) in missing.into_iter().zip([
        "iam:PassRole",
        "sagemaker:AddTags",
        "sagemaker:DeployHubModel",
    ]) {
        // Dependent actions are needed only when the request uses the feature they serve.
        assert_eq!(finding.severity, Severity::Suggestion);
        assert!(finding.message.contains("only when"), "{finding}");
        assert_eq!(finding.path, "Statement[0].Action[0]");
        assert!(
            finding.message.contains("sagemaker:CreateModel")
                && finding.message.contains(dependent),
            "{finding}"
        );
    }
}

#[test]
fn missing_dependent_action_near_miss() {
    // Granted through wildcards in another Allow statement.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateModel"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:model/*"},
           {"Effect": "Allow", "Action": ["iam:*", "sagemaker:Add*", "sagemaker:Deploy*"], "Resource": "*"}"#,
    ));
    absent(&findings, "MISSING_DEPENDENT_ACTION");
    // Granted by an Allow with NotAction that does not list them.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateModel"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:model/*"},
           {"Effect": "Allow", "NotAction": ["s3:*"], "Resource": "*"}"#,
    ));
    absent(&findings, "MISSING_DEPENDENT_ACTION");
    // A Deny needs no dependent actions.
    let findings = check(&policy(
        r#"{"Effect": "Deny", "Action": ["sagemaker:CreateModel"], "Resource": "*"}"#,
    ));
    absent(&findings, "MISSING_DEPENDENT_ACTION");
}

#[test]
fn missing_dependent_action_is_not_satisfied_by_deny_or_excluding_not_action() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateModel", "sagemaker:AddTags"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:model/*"},
           {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"},
           {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"}"#,
    ));
    expect(
        &findings,
        "MISSING_DEPENDENT_ACTION",
        Severity::Suggestion,
        "Statement[0].Action[0]",
        &["sagemaker:CreateModel", "iam:PassRole"],
    );
}

/// The actions other than its own that AWS's service reference says `operation`'s call is
/// authorized against, and those its page lists as dependent actions.
fn reference_and_page(operation: Operation) -> (Vec<&'static str>, Vec<&'static str>) {
    let action = Action::from_name(operation.name()).expect("an action of the same name");
    let own = format!("sagemaker:{}", action.name());
    let reference = operation
        .authorized_actions()
        .iter()
        .map(|authorization| authorization.action_name())
        .filter(|name| *name != own)
        .collect();
    let page = action
        .dependent_actions()
        .iter()
        .map(|dependent| dependent.as_str())
        .collect();
    (reference, page)
}

#[test]
fn missing_dependent_action_from_the_service_reference_fires() {
    // The page of CreateAlgorithm no longer lists iam:PassRole; the service reference says the
    // call is authorized against it, passed to SageMaker.
    let (reference, page) = reference_and_page(Operation::CreateAlgorithm);
    assert!(reference.contains(&"iam:PassRole") && !page.contains(&"iam:PassRole"));
    let pass_role = Operation::CreateAlgorithm
        .authorized_actions()
        .iter()
        .find(|authorization| authorization.action_name() == "iam:PassRole")
        .unwrap();
    assert_eq!(pass_role.condition_key(), Some("iam:PassedToService"));
    assert_eq!(pass_role.values(), ["sagemaker.amazonaws.com"]);
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateAlgorithm", "sagemaker:AddTags"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:algorithm/*"}"#,
    ));
    let finding = expect(
        &findings,
        "MISSING_DEPENDENT_ACTION",
        Severity::Suggestion,
        "Statement[0].Action[0]",
        &[
            "sagemaker:CreateAlgorithm may also need iam:PassRole",
            "the CreateAlgorithm API call is also authorized against iam:PassRole (iam:PassedToService = sagemaker.amazonaws.com), per AWS's service reference",
            "only when",
        ],
    );
    assert!(!finding.message.contains("the page lists"), "{finding}");
}

#[test]
fn missing_dependent_action_from_the_service_reference_near_miss() {
    // The role may be passed to SageMaker.
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateAlgorithm", "sagemaker:AddTags"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:algorithm/*"},
           {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/SageMakerExecution", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}"#,
    ));
    absent(&findings, "MISSING_DEPENDENT_ACTION");
    absent(&findings, "PASS_ROLE_SERVICE_MISMATCH");
}

#[test]
fn missing_dependent_action_named_by_page_and_reference_is_reported_once() {
    // CreateTrainingJob: the page and the reference both name sagemaker:AddTags and
    // iam:PassRole.
    let (reference, page) = reference_and_page(Operation::CreateTrainingJob);
    for dependent in ["sagemaker:AddTags", "iam:PassRole"] {
        assert!(reference.contains(&dependent) && page.contains(&dependent));
    }
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "arn:aws:sagemaker:us-east-1:123456789012:training-job/*"}"#,
    ));
    let missing: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code == "MISSING_DEPENDENT_ACTION")
        .collect();
    assert_eq!(missing.len(), 2, "{}", dump(&findings));
    for (finding, (dependent, context)) in missing.into_iter().zip([
        (
            "iam:PassRole",
            " (iam:PassedToService = sagemaker.amazonaws.com)",
        ),
        ("sagemaker:AddTags", ""),
    ]) {
        // A tagging action is needed only when tags are given: never more than a suggestion.
        assert_eq!(finding.severity, Severity::Suggestion, "{finding}");
        let page = "the page lists it as a dependent action";
        let reference = format!(
            "the CreateTrainingJob API call is also authorized against {dependent}{context}, per AWS's service reference"
        );
        assert!(
            finding
                .message
                .contains(&format!("may also need {dependent},"))
                && finding.message.contains(page)
                && finding.message.contains(&reference),
            "{finding}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// PASS_ROLE_SERVICE_MISMATCH

/// CreateTrainingJob (with AddTags, so that only the role is in question) and a second
/// statement.
fn training_with(pass_role: &str) -> Vec<Finding> {
    check(&policy(&format!(
        r#"{{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:AddTags"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:training-job/*"}}, {pass_role}"#
    )))
}

#[test]
fn pass_role_service_mismatch_fires() {
    let services = Operation::CreateTrainingJob
        .authorized_actions()
        .iter()
        .find(|authorization| authorization.action_name() == "iam:PassRole")
        .unwrap()
        .values();
    assert_eq!(services, ["sagemaker.amazonaws.com"]);
    for pass_role in [
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Training", "Condition": {"StringEquals": {"iam:PassedToService": "glue.amazonaws.com"}}}"#,
        // A pattern that matches other services only.
        r#"{"Effect": "Allow", "Action": "iam:Pass*", "Resource": "arn:aws:iam::123456789012:role/*", "Condition": {"StringLike": {"iam:PassedToService": ["glue.*", "ec2.amazonaws.com"]}}}"#,
    ] {
        let findings = training_with(pass_role);
        let finding = expect(
            &findings,
            "PASS_ROLE_SERVICE_MISMATCH",
            Severity::Suggestion,
            "Statement[0].Action[0]",
            &[
                "sagemaker:CreateTrainingJob passes its role to sagemaker.amazonaws.com",
                "(iam:PassedToService = sagemaker.amazonaws.com), per AWS's service reference",
                "in statement 1",
            ],
        );
        assert!(
            finding.message.contains("glue.amazonaws.com")
                || finding.message.contains("glue.*, ec2.amazonaws.com"),
            "{finding}"
        );
        // iam:PassRole is granted, so it is not also missing.
        absent(&findings, "MISSING_DEPENDENT_ACTION");
    }
}

#[test]
fn pass_role_service_mismatch_near_miss() {
    for pass_role in [
        // The service is among the values.
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Training", "Condition": {"StringEquals": {"iam:PassedToService": ["glue.amazonaws.com", "sagemaker.amazonaws.com"]}}}"#,
        // A pattern that matches it.
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Training", "Condition": {"StringLike": {"iam:PassedToService": "*.amazonaws.com"}}}"#,
        // IfExists, a set qualifier, a negated operator: not read, so taken to allow it.
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Training", "Condition": {"StringEqualsIfExists": {"iam:PassedToService": "glue.amazonaws.com"}}}"#,
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Training", "Condition": {"ForAnyValue:StringEquals": {"iam:PassedToService": "glue.amazonaws.com"}}}"#,
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Training", "Condition": {"StringNotEquals": {"iam:PassedToService": "glue.amazonaws.com"}}}"#,
        // A policy variable could be anything.
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Training", "Condition": {"StringEquals": {"iam:PassedToService": "${aws:PrincipalTag/service}"}}}"#,
        // Resources that cannot be a role: the statement says nothing about passing roles.
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:user/Training", "Condition": {"StringEquals": {"iam:PassedToService": "glue.amazonaws.com"}}}"#,
        // Another statement lets another role be passed to SageMaker.
        r#"{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Glue", "Condition": {"StringEquals": {"iam:PassedToService": "glue.amazonaws.com"}}},
           {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}"#,
        // A Deny restricts nothing here (and leaves iam:PassRole missing instead).
        r#"{"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*", "Condition": {"StringEquals": {"iam:PassedToService": "glue.amazonaws.com"}}}"#,
    ] {
        absent(&training_with(pass_role), "PASS_ROLE_SERVICE_MISMATCH");
    }
    // An operation that passes no role: CreateTransformJob.
    assert!(Operation::CreateTransformJob
        .authorized_actions()
        .iter()
        .all(|authorization| authorization.action_name() != "iam:PassRole"));
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:CreateTransformJob", "sagemaker:AddTags"], "Resource": "arn:aws:sagemaker:us-east-1:123456789012:transform-job/*"},
           {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/Glue", "Condition": {"StringEquals": {"iam:PassedToService": "glue.amazonaws.com"}}}"#,
    ));
    absent(&findings, "PASS_ROLE_SERVICE_MISMATCH");
}

// ---------------------------------------------------------------------------------------------
// POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA

/// A valid compact policy of exactly `characters` characters (no whitespace).
fn sized_policy(characters: usize) -> String {
    let head = r#"{"Version":"2012-10-17","Statement":[{"Sid":""#;
    let tail = r#"","Effect":"Allow","Action":"sagemaker:ListModels","Resource":"*"}]}"#;
    let text = format!(
        "{head}{}{tail}",
        "S".repeat(characters - head.len() - tail.len())
    );
    assert_eq!(text.len(), characters);
    text
}

fn sized(limit: SizeLimit) -> Validator {
    Validator::new().with_options(Options {
        size_limit: limit,
        ..Options::default()
    })
}

#[test]
fn policy_size_fires_for_each_limit() {
    for (limit, quota) in [
        (SizeLimit::ManagedPolicy, 6_144),
        (SizeLimit::InlineUser, 2_048),
        (SizeLimit::InlineGroup, 5_120),
        (SizeLimit::InlineRole, 10_240),
    ] {
        assert_eq!(limit.characters(), Some(quota));
        let text = sized_policy(quota + 1);
        let findings = sized(limit).validate_json(&text);
        let finding = expect(
            &findings,
            "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
            Severity::Warning,
            "",
            &[
                &(quota + 1).to_string(),
                &quota.to_string(),
                limit.description(),
            ],
        );
        assert_eq!(finding.statement, None);
        // The typed path measures the same document.
        let parsed = Policy::from_json(&text).unwrap();
        assert!(sized(limit)
            .validate(&parsed)
            .iter()
            .any(|f| f.code == "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"));
    }
}

#[test]
fn policy_size_near_miss() {
    for (limit, quota) in [
        (SizeLimit::ManagedPolicy, 6_144),
        (SizeLimit::InlineUser, 2_048),
        (SizeLimit::InlineGroup, 5_120),
        (SizeLimit::InlineRole, 10_240),
    ] {
        let text = sized_policy(quota);
        absent(
            &sized(limit).validate_json(&text),
            "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
        );
        // Whitespace does not count.
        let pretty = Policy::from_json(&text).unwrap().to_json_pretty();
        assert!(pretty.len() > quota);
        absent(
            &sized(limit).validate_json(&pretty),
            "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
        );
    }
    assert_eq!(SizeLimit::Unlimited.characters(), None);
    absent(
        &sized(SizeLimit::Unlimited).validate_json(&sized_policy(50_000)),
        "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
    );
}

// ---------------------------------------------------------------------------------------------
// Seed policies

// The eight policies of the Step Functions page "IAM policies for Amazon SageMaker"
// (000_a6f0fe0973e8e292.txt) and AmazonSageMakerPipelinesIntegrations (003_a5e4997d4a2e8e88.txt),
// pasted verbatim.

const SFN_TRAINING_STATIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/[[trainingJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule" ] } ] }"#;

const SFN_TRAINING_STATIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/[[trainingJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

const SFN_TRAINING_DYNAMIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule" ] } ] }"#;

const SFN_TRAINING_DYNAMIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

const SFN_TRANSFORM_STATIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/[[transformJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule" ] } ] }"#;

const SFN_TRANSFORM_STATIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/[[transformJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

const SFN_TRANSFORM_DYNAMIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule" ] } ] }"#;

const SFN_TRANSFORM_DYNAMIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

const PIPELINES_INTEGRATIONS: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:InvokeFunction", "lambda:UpdateFunctionCode" ], "Resource": [ "arn:aws:lambda:*:*:function:*sagemaker*", "arn:aws:lambda:*:*:function:*sageMaker*", "arn:aws:lambda:*:*:function:*SageMaker*" ] }, { "Effect": "Allow", "Action": [ "sqs:CreateQueue", "sqs:SendMessage" ], "Resource": [ "arn:aws:sqs:*:*:*sagemaker*", "arn:aws:sqs:*:*:*sageMaker*", "arn:aws:sqs:*:*:*SageMaker*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": "arn:aws:iam::*:role/*", "Condition": { "StringEquals": { "iam:PassedToService": [ "lambda.amazonaws.com", "elasticmapreduce.amazonaws.com", "ec2.amazonaws.com" ] } } }, { "Effect": "Allow", "Action": [ "events:DescribeRule", "events:PutRule", "events:PutTargets" ], "Resource": [ "arn:aws:events:*:*:rule/SageMakerPipelineExecutionEMRStepStatusUpdateRule", "arn:aws:events:*:*:rule/SageMakerPipelineExecutionEMRClusterStatusUpdateRule" ] }, { "Effect": "Allow", "Action": [ "elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:CancelSteps", "elasticmapreduce:DescribeStep", "elasticmapreduce:RunJobFlow", "elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows", "elasticmapreduce:ListSteps" ], "Resource": [ "arn:aws:elasticmapreduce:*:*:cluster/*" ] } ] }"#;

/// The Step Functions policies are templates: `[[roleArn]]` is no ARN and `[[accountId]]` no
/// account ID, and IAM rejects both as written. The values Step Functions fills in stand in for
/// them.
fn instantiate(template: &str) -> String {
    template
        .replace("[[region]]", "us-east-1")
        .replace("[[accountId]]", "123456789012")
        .replace(
            "[[roleArn]]",
            "arn:aws:iam::123456789012:role/service-role/SageMakerExecutionRole",
        )
        .replace("[[trainingJobName]]", "nightly-training")
        .replace("[[transformJobName]]", "nightly-transform")
}

const EVENTS: (&str, &str) = ("UNCHECKED_SERVICE", "\"events\"");
const IAM: (&str, &str) = ("UNCHECKED_SERVICE", "\"iam\"");
const TRAINING_ADD_TAGS: (&str, &str) = (
    "MISSING_DEPENDENT_ACTION",
    "sagemaker:CreateTrainingJob may also need sagemaker:AddTags",
);
const TRANSFORM_ADD_TAGS: (&str, &str) = (
    "MISSING_DEPENDENT_ACTION",
    "sagemaker:CreateTransformJob may also need sagemaker:AddTags",
);

// With the SageMaker catalog, none of these gives an ERROR. What they do give:
// - every Step Functions policy: MISSING_DEPENDENT_ACTION (SUGGESTION) at Statement[0].Action[0],
//   since CreateTrainingJob / CreateTransformJob list sagemaker:AddTags as a dependent action
//   (needed only when the job is created with tags) and no statement grants it; their other
//   dependent, iam:PassRole, is granted by Statement[2];
// - UNCHECKED_SERVICE (INFO) for iam, and for events in the four ".sync" policies, whose
//   statements are checked for syntax only;
// - AmazonSageMakerPipelinesIntegrations: only UNCHECKED_SERVICE (INFO) for elasticmapreduce,
//   events, iam, lambda and sqs; its iam:PassRole on arn:aws:iam::*:role/* is no
//   PASS_ROLE_WITH_STAR_IN_RESOURCE, which is about a bare "*".
/// A seed's name, its text, and the code and message words of each finding it gives.
type Seed = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

const SEEDS: [Seed; 9] = [
    (
        "SFN_TRAINING_STATIC_SYNC",
        SFN_TRAINING_STATIC_SYNC,
        &[TRAINING_ADD_TAGS, EVENTS, IAM],
    ),
    (
        "SFN_TRAINING_STATIC_WAIT",
        SFN_TRAINING_STATIC_WAIT,
        &[TRAINING_ADD_TAGS, IAM],
    ),
    (
        "SFN_TRAINING_DYNAMIC_SYNC",
        SFN_TRAINING_DYNAMIC_SYNC,
        &[TRAINING_ADD_TAGS, EVENTS, IAM],
    ),
    (
        "SFN_TRAINING_DYNAMIC_WAIT",
        SFN_TRAINING_DYNAMIC_WAIT,
        &[TRAINING_ADD_TAGS, IAM],
    ),
    (
        "SFN_TRANSFORM_STATIC_SYNC",
        SFN_TRANSFORM_STATIC_SYNC,
        &[TRANSFORM_ADD_TAGS, EVENTS, IAM],
    ),
    (
        "SFN_TRANSFORM_STATIC_WAIT",
        SFN_TRANSFORM_STATIC_WAIT,
        &[TRANSFORM_ADD_TAGS, IAM],
    ),
    (
        "SFN_TRANSFORM_DYNAMIC_SYNC",
        SFN_TRANSFORM_DYNAMIC_SYNC,
        &[TRANSFORM_ADD_TAGS, EVENTS, IAM],
    ),
    (
        "SFN_TRANSFORM_DYNAMIC_WAIT",
        SFN_TRANSFORM_DYNAMIC_WAIT,
        &[TRANSFORM_ADD_TAGS, IAM],
    ),
    (
        "PIPELINES_INTEGRATIONS",
        PIPELINES_INTEGRATIONS,
        &[
            ("UNCHECKED_SERVICE", "\"elasticmapreduce\""),
            EVENTS,
            IAM,
            ("UNCHECKED_SERVICE", "\"lambda\""),
            ("UNCHECKED_SERVICE", "\"sqs\""),
        ],
    ),
];

#[test]
fn seed_policies_give_no_errors() {
    for (name, template, expected) in SEEDS {
        let findings = validate_json(&instantiate(template));
        no_errors(&findings);
        let found: Vec<(&str, &Finding)> = findings.iter().map(|f| (f.code, f)).collect();
        assert_eq!(found.len(), expected.len(), "{name}:\n{}", dump(&findings));
        for ((code, finding), (expected_code, words)) in found.into_iter().zip(expected) {
            assert_eq!(code, *expected_code, "{name}: {finding}");
            assert!(finding.message.contains(words), "{name}: {finding}");
            if code == "MISSING_DEPENDENT_ACTION" {
                assert_eq!(finding.severity, Severity::Suggestion);
                assert_eq!(finding.path, "Statement[0].Action[0]", "{name}");
            } else {
                assert_eq!(finding.severity, Severity::Info);
            }
        }
    }
}

#[test]
fn seed_templates_as_written_fail_only_on_their_placeholders() {
    for (name, template, _) in SEEDS {
        for finding in validate_json(template)
            .iter()
            .filter(|f| f.severity == Severity::Error)
        {
            let placeholder = match finding.code {
                "INVALID_ARN_PREFIX" => "\"[[roleArn]]\"",
                "INVALID_ARN_ACCOUNT" => "\"[[accountId]]\"",
                _ => panic!("{name}: {finding}"),
            };
            assert!(finding.message.contains(placeholder), "{name}: {finding}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Fixes: offered where certain, with the element whose text they replace.

use sagemaker_actions::validate::{Fix, ReplacedPart, Replacement};

/// The fix of the one finding with `code`.
#[track_caller]
fn fix_of(findings: &[Finding], code: &str) -> Option<Fix> {
    let hits: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
    assert_eq!(hits.len(), 1, "expected one {code}:\n{}", dump(findings));
    hits[0].fix.clone()
}

#[track_caller]
fn replacement(fix: Option<Fix>) -> Replacement {
    fix.expect("a fix").replacement.expect("a replacement")
}

#[test]
fn invalid_action_fix_is_the_nearest_name() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": ["sagemaker:ListModels", "sagemaker:CreateTrainingJb"], "Resource": "*"}"#,
    ));
    let fix = fix_of(&findings, "INVALID_ACTION").expect("a fix");
    assert_eq!(
        fix.description,
        r#"replace "sagemaker:CreateTrainingJb" with "sagemaker:CreateTrainingJob""#
    );
    assert_eq!(
        fix.replacement,
        Some(Replacement {
            path: "Statement[0].Action[1]".into(),
            part: ReplacedPart::Value,
            text: "sagemaker:CreateTrainingJob".into(),
        })
    );
    // Nothing near: no fix rather than a guess; a pattern that matches nothing has none either.
    for action in ["sagemaker:Qqqqqqqqqqqqqqqqqqqq", "sagemaker:Qqq*"] {
        let findings = check(&policy(&format!(
            r#"{{"Effect": "Allow", "Action": "{action}", "Resource": "*"}}"#
        )));
        assert_eq!(fix_of(&findings, "INVALID_ACTION"), None, "{action}");
    }
}

#[test]
fn missing_qualifier_fix_names_both_qualifiers_and_replaces_nothing() {
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        r#"{"StringEquals": {"sagemaker:InstanceTypes": "ml.m5.large"}}"#,
    );
    let fix = fix_of(&findings, "MISSING_QUALIFIER").expect("a fix");
    assert!(
        fix.description.contains("ForAllValues:StringEquals"),
        "{fix:?}"
    );
    assert!(
        fix.description.contains("ForAnyValue:StringEquals"),
        "{fix:?}"
    );
    assert_eq!(fix.replacement, None);
}

#[test]
fn type_mismatch_fix_is_the_operator_of_the_one_fitting_family() {
    // A Date key: DateLessThan tests what NumericLessThan tests; IfExists is kept.
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"NumericLessThanIfExists": {"aws:CurrentTime": "1700000000"}}"#,
    );
    assert_eq!(
        replacement(fix_of(&findings, "TYPE_MISMATCH")),
        Replacement {
            path: "Statement[0].Condition.NumericLessThanIfExists".into(),
            part: ReplacedPart::Name,
            text: "DateLessThanIfExists".into(),
        }
    );
    // A Bool key: Bool for StringEquals.
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringEquals": {"aws:SecureTransport": "true"}}"#,
    );
    assert_eq!(replacement(fix_of(&findings, "TYPE_MISMATCH")).text, "Bool");
    // Another key in the block: the operator cannot change for it, so the key moves instead.
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringEquals": {"aws:SecureTransport": "true", "aws:PrincipalTag/team": "ml"}}"#,
    );
    let fix = fix_of(&findings, "TYPE_MISMATCH").expect("a fix");
    assert_eq!(fix.replacement, None);
    assert!(fix.description.contains("aws:SecureTransport"), "{fix:?}");
    assert!(fix.description.contains("\"Bool\""), "{fix:?}");
    // No operator of the Bool family tests what StringNotEquals tests: no fix.
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringNotEquals": {"aws:SecureTransport": "true"}}"#,
    );
    assert_eq!(fix_of(&findings, "TYPE_MISMATCH"), None);
    // aws:EpochTime takes Date or Numeric operators: two families, no fix.
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"StringEquals": {"aws:EpochTime": "1700000000"}}"#,
    );
    assert_eq!(fix_of(&findings, "TYPE_MISMATCH"), None);
}

#[test]
fn operator_fit_fixes_rewrite_the_block_operator() {
    let cases = [
        (
            r#"{"ForAnyValue:StringLike": {"aws:SourceArn": "arn:aws:sagemaker:*:111122223333:*"}}"#,
            "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS",
            "ForAnyValue:StringLike",
            "ForAnyValue:ArnLike",
        ),
        (
            r#"{"StringNotLike": {"aws:SourceArn": "arn:aws:sagemaker:*:111122223333:*"}}"#,
            "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS",
            "StringNotLike",
            "ArnNotLike",
        ),
        (
            r#"{"ForAllValues:StringEquals": {"aws:PrincipalTag/team": "ml"}}"#,
            "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
            "ForAllValues:StringEquals",
            "StringEquals",
        ),
        (
            r#"{"ForAnyValue:Null": {"aws:TagKeys": "false"}}"#,
            "NULL_WITH_QUALIFIER",
            "ForAnyValue:Null",
            "Null",
        ),
        (
            r#"{"NullIfExists": {"aws:PrincipalTag/team": "false", "aws:SourceIp": "true"}}"#,
            "NULL_WITH_IF_EXISTS",
            "NullIfExists",
            "Null",
        ),
    ];
    for (block, code, operator, fixed) in cases {
        let findings = condition("sagemaker:ListModels", block);
        assert_eq!(
            replacement(fix_of(&findings, code)),
            Replacement {
                path: format!("Statement[0].Condition.{operator}"),
                part: ReplacedPart::Name,
                text: fixed.into(),
            },
            "{block}"
        );
    }
}

#[test]
fn condition_key_fixes_name_the_live_key() {
    let kms = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        &format!(r#"{{"ArnEquals": {{"sagemaker:VolumeKmsKey": "{kms}"}}}}"#),
    );
    assert_eq!(
        replacement(fix_of(&findings, "DEPRECATED_CONDITION_KEY")),
        Replacement {
            path: "Statement[0].Condition.ArnEquals.sagemaker:VolumeKmsKey".into(),
            part: ReplacedPart::Name,
            text: "sagemaker:VolumeKmsKeyArn".into(),
        }
    );
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        &format!(r#"{{"ArnEquals": {{"sagemaker:VolumeKmsKeyArm": "{kms}"}}}}"#),
    );
    assert_eq!(
        replacement(fix_of(&findings, "INVALID_SERVICE_CONDITION_KEY")).text,
        "sagemaker:VolumeKmsKeyArn"
    );
    // The nearest name of a deprecated key is its replacement, never the deprecated key.
    let findings = condition(
        "sagemaker:CreateTrainingJob",
        &format!(r#"{{"ArnEquals": {{"sagemaker:VolumeKmsKe": "{kms}"}}}}"#),
    );
    assert_eq!(
        replacement(fix_of(&findings, "INVALID_SERVICE_CONDITION_KEY")).text,
        "sagemaker:VolumeKmsKeyArn"
    );
    // An unknown global key is only a warning that AWS may document it elsewhere: no fix.
    let findings = condition(
        "sagemaker:ListModels",
        r#"{"IpAddress": {"aws:SourceIpAddress": "203.0.113.0/24"}}"#,
    );
    assert_eq!(fix_of(&findings, "INVALID_GLOBAL_CONDITION_KEY"), None);
}

#[test]
fn missing_arn_region_and_account_fire() {
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:DescribeTrainingJob", "Resource": "arn:aws:sagemaker::111122223333:training-job/x"}"#,
    ));
    expect(
        &findings,
        "MISSING_ARN_REGION",
        Severity::Error,
        "Statement[0].Resource",
        &["arn:aws:sagemaker::111122223333:training-job/x", "Region"],
    );
    absent(&findings, "MISSING_ARN_ACCOUNT");
    let findings = check(&policy(
        r#"{"Effect": "Allow", "Action": "sagemaker:DescribeTrainingJob", "Resource": "arn:aws:sagemaker:us-east-1::training-job/x"}"#,
    ));
    expect(
        &findings,
        "MISSING_ARN_ACCOUNT",
        Severity::Error,
        "Statement[0].Resource",
        &["arn:aws:sagemaker:us-east-1::training-job/x", "account"],
    );
    absent(&findings, "MISSING_ARN_REGION");
}

#[test]
fn missing_arn_region_and_account_near_miss() {
    // Wildcards and variables stand for a value; IAM and S3 formats leave the fields empty.
    for resource in [
        "arn:aws:sagemaker:*:111122223333:training-job/x",
        "arn:aws:sagemaker:${aws:RequestedRegion}:111122223333:training-job/x",
        "arn:aws:sagemaker:us-east-1:*:training-job/x",
        "arn:aws:sagemaker:us-east-?:111122223333:training-job/x",
    ] {
        let findings = check(&policy(&format!(
            r#"{{"Effect": "Allow", "Action": "sagemaker:DescribeTrainingJob", "Resource": "{resource}"}}"#
        )));
        absent(&findings, "MISSING_ARN_REGION");
        absent(&findings, "MISSING_ARN_ACCOUNT");
    }
    let validator = with_iam_and_s3();
    for (action, resource) in [
        ("iam:GetRole", "arn:aws:iam::111122223333:role/MyRole"),
        ("s3:GetObject", "arn:aws:s3:::amzn-s3-demo-bucket/key"),
    ] {
        let findings = validator.validate_json(&policy(&format!(
            r#"{{"Effect": "Allow", "Action": "{action}", "Resource": "{resource}"}}"#
        )));
        absent(&findings, "MISSING_ARN_REGION");
        absent(&findings, "MISSING_ARN_ACCOUNT");
    }
}
