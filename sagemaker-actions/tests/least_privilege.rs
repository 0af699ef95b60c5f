//! The policy for a set of API calls: the authorized actions grouped by the resources they fit,
//! `iam:PassRole` scoped to the role with the service reference's `iam:PassedToService`, and
//! resourceless actions on `"*"` in their own statement.
#![cfg(feature = "serde")]

use sagemaker_actions::arn::{Endpoint, TrainingJob};
use sagemaker_actions::least_privilege::LeastPrivilege;
use sagemaker_actions::policy::ResourceItem;
use sagemaker_actions::validate::{validate_json, Severity};
use sagemaker_actions::Operation;
use serde_json::json;

const ROLE: &str = "arn:aws:iam::123456789012:role/SageMakerExecution";

#[test]
fn a_training_launcher_gets_exactly_its_actions() {
    let job = TrainingJob::new("us-east-1", "123456789012", "nightly-*");
    let policy = LeastPrivilege::new()
        .call_on(Operation::CreateTrainingJob, [job.clone().into()])
        .call_on(Operation::DescribeTrainingJob, [job.into()])
        .call(Operation::ListTrainingJobs)
        .pass_role(ROLE)
        .policy();
    let value: serde_json::Value = serde_json::from_str(&policy.to_json()).unwrap();
    assert_eq!(
        value,
        json!({
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Action": [
                        "sagemaker:AddTags",
                        "sagemaker:CreateTrainingJob",
                        "sagemaker:DescribeTrainingJob"
                    ],
                    "Resource": ["arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-*"]
                },
                {
                    "Effect": "Allow",
                    "Action": ["sagemaker:ListTrainingJobs"],
                    "Resource": ["*"]
                },
                {
                    "Effect": "Allow",
                    "Action": ["iam:PassRole"],
                    "Resource": [ROLE],
                    "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}
                }
            ]
        })
    );
    // The validator finds nothing wrong with it.
    let findings = validate_json(&policy.to_json());
    assert!(
        findings
            .iter()
            .all(|finding| finding.severity < Severity::Warning),
        "{findings:?}"
    );
}

#[test]
fn resources_go_only_to_the_actions_they_fit() {
    let endpoint = Endpoint::new("us-east-1", "123456789012", "prod");
    let job = TrainingJob::new("us-east-1", "123456789012", "nightly-*");
    let policy = LeastPrivilege::new()
        .call_on(Operation::InvokeEndpoint, [endpoint.into(), job.into()])
        .policy();
    let value: serde_json::Value = serde_json::from_str(&policy.to_json()).unwrap();
    assert_eq!(
        value["Statement"],
        json!([{
            "Effect": "Allow",
            "Action": ["sagemaker:InvokeEndpoint"],
            "Resource": ["arn:aws:sagemaker:us-east-1:123456789012:endpoint/prod"]
        }])
    );
    // An ARN known only at run time counts when it could name the action's resource type.
    let runtime =
        ResourceItem::unchecked("arn:aws:sagemaker:us-east-1:123456789012:endpoint/staging");
    let policy = LeastPrivilege::new()
        .call_on(Operation::InvokeEndpoint, [runtime])
        .policy();
    assert!(policy.to_json().contains("endpoint/staging"));
    assert!(!policy.to_json().contains("\"*\""));
}

#[test]
fn without_a_role_pass_role_is_on_star_and_the_validator_says_so() {
    let policy = LeastPrivilege::new()
        .call(Operation::CreateTrainingJob)
        .policy();
    let json = policy.to_json();
    assert!(
        json.contains(r#""Action":["iam:PassRole"],"Resource":["*"]"#),
        "{json}"
    );
    let findings = validate_json(&json);
    assert!(
        findings
            .iter()
            .any(|finding| finding.code.starts_with("PASS_ROLE_WITH_STAR")),
        "{findings:?}"
    );
}

#[test]
fn no_calls_no_statements() {
    assert!(LeastPrivilege::new().policy().statements().is_empty());
}
