//! What AWS added and changed in June to August 2026 is what the crate knows: the actions and
//! keys of the newest catalog compile in `policy!` and validate, and what AWS deprecated or
//! removed is reported as such.
#![cfg(feature = "serde")]

use sagemaker_actions::validate::{validate_json, Finding, Severity};
use sagemaker_actions::{policy, Action, ConditionKey, ResourceType};

fn errors(text: &str) -> Vec<Finding> {
    validate_json(text)
        .into_iter()
        .filter(|finding| finding.severity == Severity::Error)
        .collect()
}

#[test]
fn actions_and_keys_added_in_2026_compile_and_serialize() {
    let (region, account) = ("us-east-1", "123456789012");
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [{
            Effect: Allow,
            Action: [CreateTrainingJob],
            Resource: "*",
            Condition: { ArnLike: { VolumeKmsKeyArn: "arn:aws:kms:*:*:key/*" } },
        }, {
            Effect: Allow,
            Action: [CreateJob, DescribeJob],
            Resource: [Job(region, account, "training", "nightly-*")],
        }],
    };
    let json = policy.to_json();
    assert!(json.contains("\"sagemaker:CreateJob\""), "{json}");
    assert!(json.contains("\"sagemaker:VolumeKmsKeyArn\""), "{json}");
    assert!(json.contains(":job/training/nightly-*"), "{json}");
    assert!(Action::ALL.contains(&Action::CreateJob));
    assert!(ResourceType::ALL.contains(&ResourceType::Job));
}

#[test]
fn actions_and_keys_added_in_2026_validate() {
    let text = r#"{"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow",
        "Action": ["sagemaker:CreateTrainingJob", "sagemaker:CallWithBearerToken"],
        "Resource": "*",
        "Condition": {"ArnLike": {"sagemaker:VolumeKmsKeyArn": "arn:aws:kms:*:*:key/*"}}
    }, {
        "Effect": "Allow",
        "Action": ["sagemaker:CreateJob"],
        "Resource": "arn:aws:sagemaker:us-east-1:123456789012:job/training/nightly-*"
    }]}"#;
    assert_eq!(errors(text), []);
}

#[test]
fn deprecated_keys_name_their_replacement() {
    #[allow(deprecated)]
    let key = ConditionKey::VolumeKmsKey;
    assert!(key.is_deprecated());
    assert_eq!(key.replaced_by(), Some("sagemaker:VolumeKmsKeyArn"));
    assert!(!ConditionKey::VolumeKmsKeyArn.is_deprecated());
    assert_eq!(ConditionKey::VolumeKmsKeyArn.replaced_by(), None);
}

#[test]
fn removed_actions_are_kept_outside_the_live_catalog() {
    #[allow(deprecated)]
    let removed = Action::GetScalingPolicyConfigurationRecommendation;
    assert_eq!(Action::REMOVED, [removed]);
    assert_eq!(removed.removed_after(), Some("2023-09-02"));
    assert!(!Action::ALL.contains(&removed));
    assert!("sagemaker:GetScalingPolicyConfigurationRecommendation"
        .parse::<Action>()
        .is_err());
    assert_eq!(Action::CreateJob.removed_after(), None);
}

fn statement(action: &str, condition: &str) -> String {
    format!(
        r#"{{"Version": "2012-10-17", "Statement": [{{"Effect": "Allow", "Action": "{action}", "Resource": "*"{condition}}}]}}"#
    )
}

#[test]
fn a_deprecated_key_is_a_warning_naming_its_replacement() {
    let text = statement(
        "sagemaker:CreateTrainingJob",
        r#", "Condition": {"ArnLike": {"sagemaker:VolumeKmsKey": "arn:aws:kms:*:*:key/*"}}"#,
    );
    let findings = validate_json(&text);
    let deprecated: Vec<&Finding> = findings
        .iter()
        .filter(|finding| finding.code == "DEPRECATED_CONDITION_KEY")
        .collect();
    assert_eq!(deprecated.len(), 1, "{findings:?}");
    assert_eq!(deprecated[0].severity, Severity::Warning);
    assert_eq!(
        deprecated[0].message,
        "AWS has deprecated sagemaker:VolumeKmsKey; it has been replaced by sagemaker:VolumeKmsKeyArn"
    );
    assert_eq!(
        deprecated[0].path,
        "Statement[0].Condition.ArnLike.sagemaker:VolumeKmsKey"
    );
}

#[test]
fn the_live_key_is_not_reported_deprecated() {
    let text = statement(
        "sagemaker:CreateTrainingJob",
        r#", "Condition": {"ArnLike": {"sagemaker:VolumeKmsKeyArn": "arn:aws:kms:*:*:key/*"}}"#,
    );
    assert!(validate_json(&text)
        .iter()
        .all(|finding| finding.code != "DEPRECATED_CONDITION_KEY"));
}

#[test]
fn did_you_mean_offers_the_live_key_not_the_deprecated_one() {
    // One edit from sagemaker:VolumeKmsKey, which AWS deprecated, and four from its replacement.
    let text = statement(
        "sagemaker:CreateTrainingJob",
        r#", "Condition": {"ArnLike": {"sagemaker:VolumeKmsKe": "arn:aws:kms:*:*:key/*"}}"#,
    );
    let findings = validate_json(&text);
    let invalid = findings
        .iter()
        .find(|finding| finding.code == "INVALID_SERVICE_CONDITION_KEY")
        .unwrap_or_else(|| panic!("{findings:?}"));
    assert!(
        invalid
            .message
            .ends_with("did you mean sagemaker:VolumeKmsKeyArn?"),
        "{}",
        invalid.message
    );
}

#[test]
fn a_removed_action_says_when_aws_removed_it() {
    let text = statement("sagemaker:GetScalingPolicyConfigurationRecommendation", "");
    let findings = validate_json(&text);
    let invalid = findings
        .iter()
        .find(|finding| finding.code == "INVALID_ACTION")
        .unwrap_or_else(|| panic!("{findings:?}"));
    assert_eq!(invalid.severity, Severity::Error);
    assert!(
        invalid.message.starts_with(
            "\"sagemaker:GetScalingPolicyConfigurationRecommendation\" is no longer an action of Amazon SageMaker: AWS removed it from its catalog after 2023-09-02"
        ),
        "{}",
        invalid.message
    );
    // A plain typo is not said to be removed.
    let typo = validate_json(&statement(
        "sagemaker:GetScalingConfigurationRecommendaton",
        "",
    ));
    let invalid = typo
        .iter()
        .find(|finding| finding.code == "INVALID_ACTION")
        .unwrap_or_else(|| panic!("{typo:?}"));
    assert!(!invalid.message.contains("removed"), "{}", invalid.message);
}

#[test]
fn global_keys_in_iam_spelling_or_rust_spelling() {
    let policy = policy! {
        Statement: [{
            Effect: Deny,
            Action: [CreateTrainingJob],
            Resource: "*",
            Condition: {
                StringNotEquals: { aws::PrincipalOrgID: "o-abc123" },
                Bool: { aws::ViaAWSService: false },
            },
        }, {
            Effect: Deny,
            Action: [CreateTrainingJob],
            Resource: "*",
            Condition: { StringNotEquals: { aws::PrincipalOrgId: "o-abc123" } },
        }],
    };
    let json = policy.to_json();
    assert_eq!(json.matches("\"aws:PrincipalOrgID\"").count(), 2, "{json}");
    assert!(json.contains("\"aws:ViaAWSService\":false"), "{json}");
}
