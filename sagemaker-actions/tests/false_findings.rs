//! Findings the validator used to report on statements AWS accepts, one class per section: a
//! statement of the class, written from the service pages (the fixtures below copy the few
//! rows of the 2026-06 pages the statements need), that must not raise the finding, and a
//! near miss that still must.
#![cfg(feature = "serde")]

use sagemaker_actions::validate::{Finding, ServiceCatalog, Severity, Validator};

/// EC2's page: StartInstances lists License Manager's `license-configuration` beside
/// `instance`; the page defines `ec2:SourceInstanceARN` and `ec2:RoleDelivery`, which no action
/// lists (they are cross-service keys).
const EC2: &str = r#"{
  "service": {"name": "Amazon EC2", "prefix": "ec2"},
  "actions": [
    {"name": "StartInstances", "access_levels": ["Write"],
     "resource_types": [
       {"name": "instance", "required": true, "condition_keys": ["ec2:InstanceType"]},
       {"name": "license-configuration", "required": false, "condition_keys": []}],
     "condition_keys": ["ec2:Region"], "dependent_actions": []},
    {"name": "DescribeInstances", "access_levels": ["List"], "resource_types": [],
     "condition_keys": ["ec2:Region"], "dependent_actions": []}
  ],
  "resource_types": [
    {"name": "instance", "arn_formats": ["arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}"],
     "condition_keys": ["ec2:InstanceType"]},
    {"name": "license-configuration", "arn_formats": ["arn:${Partition}:license-manager:${Region}:${Account}:license-configuration:${LicenseConfigurationId}"],
     "condition_keys": []}
  ],
  "condition_keys": [
    {"name": "ec2:InstanceType", "type": "String"},
    {"name": "ec2:Region", "type": "String"},
    {"name": "ec2:RoleDelivery", "type": "Numeric"},
    {"name": "ec2:SourceInstanceARN", "type": "ARN"}
  ]
}"#;

/// S3's page: GetObject on objects, with the tag key written `<key>`.
const S3: &str = r#"{
  "service": {"name": "Amazon S3", "prefix": "s3"},
  "actions": [
    {"name": "GetObject", "access_levels": ["Read"],
     "resource_types": [{"name": "object", "required": false, "condition_keys": []}],
     "condition_keys": ["s3:ExistingObjectTag/<key>"], "dependent_actions": []}
  ],
  "resource_types": [
    {"name": "object", "arn_formats": ["arn:${Partition}:s3:::${BucketName}/${ObjectName}"], "condition_keys": []}
  ],
  "condition_keys": [{"name": "s3:ExistingObjectTag/<key>", "type": "String"}]
}"#;

/// CodeBuild's page: keys with text after the parameter, of two types.
const CODEBUILD: &str = r#"{
  "service": {"name": "AWS CodeBuild", "prefix": "codebuild"},
  "actions": [
    {"name": "CreateProject", "access_levels": ["Write"],
     "resource_types": [{"name": "project", "required": true, "condition_keys": []}],
     "condition_keys": [
       "codebuild:secondarySources/${sourceIdentifier}.location",
       "codebuild:secondarySources/${sourceIdentifier}.insecureSsl",
       "codebuild:secondarySources/${sourceIdentifier}.auth.type"],
     "dependent_actions": []}
  ],
  "resource_types": [
    {"name": "project", "arn_formats": ["arn:${Partition}:codebuild:${Region}:${Account}:project/${ProjectName}"], "condition_keys": []}
  ],
  "condition_keys": [
    {"name": "codebuild:secondarySources/${sourceIdentifier}.auth.type", "type": "String"},
    {"name": "codebuild:secondarySources/${sourceIdentifier}.insecureSsl", "type": "Bool"},
    {"name": "codebuild:secondarySources/${sourceIdentifier}.location", "type": "String"}
  ]
}"#;

fn catalog(text: &str) -> ServiceCatalog {
    ServiceCatalog::from_json(text).expect("fixture catalog")
}

fn validator() -> Validator {
    Validator::new()
        .with_catalog(catalog(EC2))
        .with_catalog(catalog(S3))
        .with_catalog(catalog(CODEBUILD))
}

fn check(statements: &str) -> Vec<Finding> {
    validator().validate_json(&format!(
        r#"{{"Version": "2012-10-17", "Statement": [{statements}]}}"#
    ))
}

fn dump(findings: &[Finding]) -> String {
    findings.iter().map(|f| format!("  {f}\n")).collect()
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
fn present<'a>(findings: &'a [Finding], code: &str, severity: Severity) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.code == code)
        .filter(|f| f.severity == severity)
        .unwrap_or_else(|| panic!("expected {severity} {code}:\n{}", dump(findings)))
}

#[track_caller]
fn no_errors(findings: &[Finding]) {
    assert!(
        findings.iter().all(|f| f.severity != Severity::Error),
        "{}",
        dump(findings)
    );
}

// ---------------------------------------------------------------------------------------------
// An action's resource types of another service

#[test]
fn an_arn_of_another_service_the_action_lists_is_a_resource_of_it() {
    let findings = check(
        r#"{"Sid": "StartLicensed", "Effect": "Allow", "Action": "ec2:StartInstances",
            "Resource": "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0"}"#,
    );
    absent(&findings, "RESOURCE_MISMATCH");
    no_errors(&findings);
}

#[test]
fn an_arn_of_that_service_of_a_type_the_action_does_not_list_is_still_a_mismatch() {
    // A License Manager license, not a license configuration.
    let findings = check(
        r#"{"Effect": "Allow", "Action": "ec2:StartInstances",
            "Resource": "arn:aws:license-manager::123456789012:license:l-0123456789abcdef0"}"#,
    );
    let finding = present(&findings, "RESOURCE_MISMATCH", Severity::Error);
    assert!(
        finding.message.contains("license-configuration"),
        "{finding}"
    );
}

#[test]
fn a_resource_type_the_catalog_does_not_define_is_no_mismatch() {
    // The action names a resource type whose formats this catalog lacks: nothing to compare
    // the ARN with.
    let partial = r#"{
      "service": {"name": "Amazon EC2", "prefix": "ec2"},
      "actions": [{"name": "StartInstances", "access_levels": ["Write"],
        "resource_types": [{"name": "license-configuration", "required": false, "condition_keys": []}],
        "condition_keys": [], "dependent_actions": []}],
      "resource_types": [],
      "condition_keys": []
    }"#;
    let findings = Validator::new()
        .with_catalog(catalog(partial))
        .validate_json(
            r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:StartInstances",
                "Resource": "arn:aws:license-manager:us-east-1:123456789012:license-configuration:lic-0123456789abcdef0"}]}"#,
        );
    absent(&findings, "RESOURCE_MISMATCH");
}

// ---------------------------------------------------------------------------------------------
// Cross-service condition keys

#[test]
fn cross_service_keys_go_with_any_action() {
    let findings = check(
        r#"{"Sid": "FromInstance", "Effect": "Allow", "Action": ["ec2:DescribeInstances", "s3:GetObject"],
            "Resource": "*",
            "Condition": {"ArnEquals": {"ec2:SourceInstanceArn": "arn:aws:ec2:us-east-1:123456789012:instance/i-0123456789abcdef0"}}},
           {"Sid": "FromFunction", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
            "Condition": {"ArnEquals": {"lambda:SourceFunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:report"}}},
           {"Sid": "GlueOnly", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
            "Condition": {"StringEquals": {"glue:RoleAssumedBy": "glue.amazonaws.com"}}},
           {"Sid": "ImdsTwo", "Effect": "Deny", "Action": "ec2:StartInstances", "Resource": "*",
            "Condition": {"NumericLessThan": {"ec2:RoleDelivery": "2.0"}}}"#,
    );
    absent(&findings, "UNSUPPORTED_ACTION_FOR_CONDITION_KEY");
    absent(&findings, "INVALID_SERVICE_CONDITION_KEY");
    absent(&findings, "TYPE_MISMATCH");
    no_errors(&findings);
}

#[test]
fn a_service_key_no_action_of_the_statement_supports_is_still_reported() {
    // ec2:InstanceType is EC2's own key, on StartInstances' instance row, not DescribeInstances'.
    let findings = check(
        r#"{"Effect": "Allow", "Action": "ec2:DescribeInstances", "Resource": "*",
            "Condition": {"StringEquals": {"ec2:InstanceType": "t3.micro"}}}"#,
    );
    present(
        &findings,
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
        Severity::Error,
    );
    // A cross-service key still has its type: a Bool operator on an ARN key is a mismatch.
    let findings = check(
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*",
            "Condition": {"Bool": {"lambda:SourceFunctionArn": "true"}}}"#,
    );
    present(&findings, "TYPE_MISMATCH", Severity::Warning);
}

// ---------------------------------------------------------------------------------------------
// Parameterized keys, however the page writes the parameter

#[test]
fn every_placeholder_form_of_the_pages_is_recognized() {
    let findings = check(
        r#"{"Sid": "Tagged", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
            "Condition": {"StringEquals": {"s3:ExistingObjectTag/classification": "public"}}},
           {"Sid": "Build", "Effect": "Allow", "Action": "codebuild:CreateProject",
            "Resource": "arn:aws:codebuild:us-east-1:123456789012:project/web",
            "Condition": {"Bool": {"codebuild:secondarySources/docs.insecureSsl": "false"},
                          "StringEquals": {"codebuild:secondarySources/docs.auth.type": "CODECONNECTIONS"}}},
           {"Sid": "Team", "Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "*",
            "Condition": {"StringEquals": {"sagemaker:ResourceTag/team": "ml"}}}"#,
    );
    absent(&findings, "INVALID_SERVICE_CONDITION_KEY");
    // insecureSsl is Bool, auth.type String: each key found by the text around the parameter.
    absent(&findings, "TYPE_MISMATCH");
    no_errors(&findings);
}

#[test]
fn a_key_with_only_a_trailing_slash_is_parameterized() {
    // SageMaker's pages write `sagemaker:ResourceTag/` ("the preface string for a tag key");
    // some older ones have no `${TagKey}` form beside it.
    let older = ServiceCatalog::from_json(
        r#"{"service": {"name": "Amazon SageMaker", "prefix": "sagemaker"},
            "actions": [], "resource_types": [],
            "condition_keys": [{"name": "sagemaker:ResourceTag/", "type": "String"}]}"#,
    )
    .expect("fixture");
    let key = older
        .key("sagemaker:ResourceTag/team")
        .expect("parameterized");
    assert_eq!(key.name, "sagemaker:ResourceTag/");
    assert!(older.key("sagemaker:ResourceTag/").is_some());
    assert!(older.key("sagemaker:ResourceTags").is_none());
}

#[test]
fn a_parameterized_key_without_its_parameter_or_suffix_is_still_invalid() {
    let findings = check(
        r#"{"Effect": "Allow", "Action": "codebuild:CreateProject",
            "Resource": "arn:aws:codebuild:us-east-1:123456789012:project/web",
            "Condition": {"StringEquals": {"codebuild:secondarySources/docs.branch": "main"}}},
           {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
            "Condition": {"StringEquals": {"s3:ExistingObjectTag/": "public"}}}"#,
    );
    let invalid: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.code == "INVALID_SERVICE_CONDITION_KEY")
        .collect();
    assert_eq!(invalid.len(), 2, "{}", dump(&findings));
    // And a Bool key compared as a string is still a mismatch.
    let findings = check(
        r#"{"Effect": "Allow", "Action": "codebuild:CreateProject",
            "Resource": "arn:aws:codebuild:us-east-1:123456789012:project/web",
            "Condition": {"StringEquals": {"codebuild:secondarySources/docs.insecureSsl": "false"}}}"#,
    );
    present(&findings, "TYPE_MISMATCH", Severity::Warning);
}

// ---------------------------------------------------------------------------------------------
// A policy variable as the value of a String operator

#[test]
fn comparing_a_key_with_a_policy_variable_is_no_type_mismatch() {
    // The global keys page's own pattern: deny EC2 role credentials used outside their VPC.
    let findings = check(
        r#"{"Sid": "SameVpc", "Effect": "Deny", "Action": "*", "Resource": "*",
            "Condition": {
              "StringNotEquals": {"aws:Ec2InstanceSourceVpc": "${aws:SourceVpc}",
                                  "aws:Ec2InstanceSourcePrivateIPv4": "${aws:VpcSourceIp}"},
              "Null": {"ec2:SourceInstanceARN": "false"}}}"#,
    );
    absent(&findings, "TYPE_MISMATCH");
    no_errors(&findings);
}

#[test]
fn a_literal_or_a_variable_within_text_is_still_a_type_mismatch() {
    for value in ["10.0.0.1", "${aws:VpcSourceIp}/32"] {
        let findings = check(&format!(
            r#"{{"Effect": "Deny", "Action": "*", "Resource": "*",
                "Condition": {{"StringNotEquals": {{"aws:Ec2InstanceSourcePrivateIPv4": "{value}"}}}}}}"#
        ));
        present(&findings, "TYPE_MISMATCH", Severity::Warning);
    }
}

// ---------------------------------------------------------------------------------------------
// aws: keys the global keys page does not list

#[test]
fn an_aws_key_missing_from_the_page_is_a_warning() {
    let findings = check(
        r#"{"Sid": "OrgManagement", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
            "Condition": {"StringEquals": {"aws:PrincipalOrgMasterAccountId": "123456789012"}}}"#,
    );
    present(&findings, "INVALID_GLOBAL_CONDITION_KEY", Severity::Warning);
    no_errors(&findings);
    // A listed key, any case: nothing.
    let findings = check(
        r#"{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::reports/*",
            "Condition": {"StringEquals": {"aws:principalorgid": "o-a1b2c3d4e5"}}}"#,
    );
    absent(&findings, "INVALID_GLOBAL_CONDITION_KEY");
}

// ---------------------------------------------------------------------------------------------
// Dependent actions are conditional

#[test]
fn a_missing_dependent_action_is_a_suggestion() {
    // CreateTrainingJob lists iam:PassRole and sagemaker:AddTags: needed only when a role is
    // passed (always, in practice) or tags are given.
    let findings = check(
        r#"{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob",
            "Resource": "arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-*"},
           {"Effect": "Allow", "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::123456789012:role/SageMakerTraining",
            "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}"#,
    );
    let finding = present(&findings, "MISSING_DEPENDENT_ACTION", Severity::Suggestion);
    assert!(finding.message.contains("sagemaker:AddTags"), "{finding}");
    assert!(finding.message.contains("only when"), "{finding}");
    assert_eq!(
        findings
            .iter()
            .filter(|f| f.code == "MISSING_DEPENDENT_ACTION")
            .count(),
        1,
        "iam:PassRole is granted: {}",
        dump(&findings)
    );
}
