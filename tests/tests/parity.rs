//! The parity table: statements written both as a `policy!` snippet (in a trybuild case) and as
//! the equivalent JSON. The validator's verdict on the JSON (an ERROR finding or none) must be
//! the macro's (a case in `ui/fail/` or in `ui/pass/`), so the two cannot drift apart: moving a
//! case, changing its snippet or a validator check that changes the verdict fails this test.

use sagemaker_actions::validate::{validate_json, Severity};
use std::path::Path;

/// Where the macro is knowingly stricter than the validator: it rejects statements that IAM
/// would accept but that can never match what they mean. The validator reports no ERROR for
/// them today; when it does, the entry must become `Same`.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Verdicts {
    Same,
    MacroStricter,
}

struct Case {
    /// The trybuild case, without directory: `ui/fail/<file>` or `ui/pass/<file>`.
    file: &'static str,
    /// The statement as written in that file (compared with whitespace collapsed).
    snippet: &'static str,
    /// The same policy as JSON.
    json: &'static str,
    verdicts: Verdicts,
}

const fn case(file: &'static str, snippet: &'static str, json: &'static str) -> Case {
    Case {
        file,
        snippet,
        json,
        verdicts: Verdicts::Same,
    }
}

const fn stricter(file: &'static str, snippet: &'static str, json: &'static str) -> Case {
    Case {
        file,
        snippet,
        json,
        verdicts: Verdicts::MacroStricter,
    }
}

const CASES: &[Case] = &[
    case(
        "arn_partition_wrong_case.rs",
        r#"Version: "2012-10-17", Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:AWS:sagemaker:us-east-1:123456789012:training-job/x" }]"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:AWS:sagemaker:us-east-1:123456789012:training-job/x"}]}"#,
    ),
    case(
        "arn_unknown_partition.rs",
        r#"Version: "2012-10-17", Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws-xx:sagemaker:us-east-1:123456789012:training-job/x" }]"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws-xx:sagemaker:us-east-1:123456789012:training-job/x"}]}"#,
    ),
    case(
        "builder_unknown_partition.rs",
        r#"Version: "2012-10-17", Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: TrainingJob::in_partition("AWS-CN", "cn-north-1", "123456789012", "x") }]"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:AWS-CN:sagemaker:cn-north-1:123456789012:training-job/x"}]}"#,
    ),
    case(
        "arn_service_wrong_case.rs",
        r#"Version: "2012-10-17", Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:SageMaker:us-east-1:123456789012:training-job/x" }]"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws:SageMaker:us-east-1:123456789012:training-job/x"}]}"#,
    ),
    case(
        "arn_region_account_swapped.rs",
        r#"Version: "2012-10-17", Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker:123456789012:us-east-1:training-job/x" }]"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws:sagemaker:123456789012:us-east-1:training-job/x"}]}"#,
    ),
    case(
        "builder_region_account_swapped.rs",
        r#"Version: "2012-10-17", Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: TrainingJob("123456789012", "us-east-1", "x") }]"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws:sagemaker:123456789012:us-east-1:training-job/x"}]}"#,
    ),
    case(
        "arn_empty_region.rs",
        r#"Version: "2012-10-17", Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker::123456789012:training-job/x" }]"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws:sagemaker::123456789012:training-job/x"}]}"#,
    ),
    case(
        "sid_unsupported.rs",
        r#"Version: "2012-10-17", Statement: [{ Sid: "Read training-jobs", Effect: Allow, Action: DescribeTrainingJob, Resource: "*" }]"#,
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"Read training-jobs","Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"*"}]}"#,
    ),
    stricter(
        "version_2008_variable_in_resource.rs",
        r#"Version: "2008-10-17", Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker:*:*:training-job/${aws:username}-*" }]"#,
        r#"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws:sagemaker:*:*:training-job/${aws:username}-*"}]}"#,
    ),
    stricter(
        "version_2008_variable_in_condition.rs",
        r#"Version: "2008-10-17", Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: "*", Condition: { StringEquals: { aws::ResourceTag("owner"): "${aws:username}" } } }]"#,
        r#"{"Version":"2008-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}}]}"#,
    ),
    case(
        "duplicate_effect.rs",
        r#"Version: "2012-10-17", Statement: [{ Effect: Allow, Effect: Deny, Action: DescribeTrainingJob, Resource: "*" }]"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Deny","Action":"sagemaker:DescribeTrainingJob","Resource":"*"}]}"#,
    ),
    // Valid statements of `ui/pass/arn_fields.rs`.
    case(
        "arn_fields.rs",
        r#"{ Sid: "Wildcards", Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker:*:*:training-job/nightly-*" }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Sid":"Wildcards","Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws:sagemaker:*:*:training-job/nightly-*"}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker:us-east-?:123456789012:training-job/x" }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws:sagemaker:us-east-?:123456789012:training-job/x"}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker:us-east-1:${aws:PrincipalAccount}:training-job/${aws:username}-*" }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws:sagemaker:us-east-1:${aws:PrincipalAccount}:training-job/${aws:username}-*"}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws-cn:sagemaker:cn-north-1:123456789012:training-job/x" }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws-cn:sagemaker:cn-north-1:123456789012:training-job/x"}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:training-job/x" as TrainingJob }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:training-job/x"}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:*:sagemaker:us-east-1:123456789012:training-job/x" }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:*:sagemaker:us-east-1:123456789012:training-job/x"}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"{ Effect: Allow, Action: DescribeTrainingJob, Resource: "*", Condition: { StringEquals: { aws::ResourceTag("owner"): "${aws:username}" } } }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/owner":"${aws:username}"}}}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"{ Effect: Allow, Action: DescribeTrainingJob, Resource: TrainingJob("us-east-1", "123456789012", "x") }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws:sagemaker:us-east-1:123456789012:training-job/x"}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"{ Effect: Allow, Action: DescribeTrainingJob, Resource: TrainingJob::in_partition("aws-cn", "cn-north-1", "123456789012", "x") }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws-cn:sagemaker:cn-north-1:123456789012:training-job/x"}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"{ Effect: Allow, Action: [iam::PassRole], Resource: "arn:aws:iam::123456789012:role/SageMakerExecution" }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:PassRole"],"Resource":"arn:aws:iam::123456789012:role/SageMakerExecution"}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"{ Effect: Allow, Action: [unchecked("s3:GetObject")], Resource: "arn:aws:s3:::bucket/*" }"#,
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::bucket/*"}]}"#,
    ),
    case(
        "arn_fields.rs",
        r#"Version: "2008-10-17", Statement: [ { Sid: "Legacy1", Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker:us-east-1:123456789012:training-job/x" }"#,
        r#"{"Version":"2008-10-17","Statement":[{"Sid":"Legacy1","Effect":"Allow","Action":"sagemaker:DescribeTrainingJob","Resource":"arn:aws:sagemaker:us-east-1:123456789012:training-job/x"}]}"#,
    ),
];

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn validator_and_macro_agree() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let mut problems = Vec::new();
    for case in CASES {
        let fail = ui.join("fail").join(case.file);
        let pass = ui.join("pass").join(case.file);
        let (path, macro_rejects) = match (fail.exists(), pass.exists()) {
            (true, false) => (fail, true),
            (false, true) => (pass, false),
            _ => {
                problems.push(format!(
                    "{}: must be in exactly one of ui/fail and ui/pass",
                    case.file
                ));
                continue;
            }
        };
        let source = std::fs::read_to_string(&path).unwrap();
        if !collapse(&source).contains(&collapse(case.snippet)) {
            problems.push(format!(
                "{}: does not contain the snippet {}",
                case.file, case.snippet
            ));
        }
        let findings = validate_json(case.json);
        let errors: Vec<_> = findings
            .iter()
            .filter(|finding| finding.severity == Severity::Error)
            .map(|finding| finding.code)
            .collect();
        let validator_rejects = !errors.is_empty();
        let expected_macro = match case.verdicts {
            Verdicts::Same => validator_rejects,
            Verdicts::MacroStricter => {
                if validator_rejects {
                    problems.push(format!(
                        "{}: the validator now reports {errors:?}; mark the case Same",
                        case.file
                    ));
                }
                true
            }
        };
        if macro_rejects != expected_macro {
            problems.push(format!(
                "{}: the macro {} it (ui/{}), the validator {} ({errors:?}) for {}",
                case.file,
                if macro_rejects { "rejects" } else { "accepts" },
                if macro_rejects { "fail" } else { "pass" },
                if validator_rejects {
                    "reports an ERROR"
                } else {
                    "reports no ERROR"
                },
                case.json,
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every new fail case of the field checks is in the table.
#[test]
fn table_lists_the_field_cases() {
    let listed: Vec<&str> = CASES.iter().map(|case| case.file).collect();
    for file in [
        "arn_partition_wrong_case.rs",
        "arn_service_wrong_case.rs",
        "arn_region_account_swapped.rs",
        "builder_region_account_swapped.rs",
        "arn_empty_region.rs",
        "sid_unsupported.rs",
        "version_2008_variable_in_resource.rs",
        "version_2008_variable_in_condition.rs",
        "duplicate_effect.rs",
    ] {
        assert!(listed.contains(&file), "{file} is not in the parity table");
    }
}
