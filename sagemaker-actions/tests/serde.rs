//! The IAM JSON forms of the catalog types (default `serde` feature).
#![cfg(feature = "serde")]

use sagemaker_actions::{
    AccessLevel, Action, ConditionKey, ConditionKeyName, DependentAction, ResourceType,
};
use serde_json::{json, Value};
use std::collections::BTreeMap;

#[test]
fn actions_serialize_in_iam_form() {
    assert_eq!(
        serde_json::to_string(&Action::CreateTrainingJob).unwrap(),
        r#""sagemaker:CreateTrainingJob""#
    );
    let all = serde_json::to_value(Action::ALL).unwrap();
    let expected: Vec<Value> = Action::ALL
        .iter()
        .map(|action| Value::String(format!("sagemaker:{}", action.name())))
        .collect();
    assert_eq!(all, Value::Array(expected));
    let back: Vec<Action> = serde_json::from_value(all).unwrap();
    assert_eq!(back, Action::ALL);
}

#[test]
fn actions_deserialize_case_insensitively() {
    for text in [
        r#""sagemaker:CreateTrainingJob""#,
        r#""SAGEMAKER:CREATETRAININGJOB""#,
        r#""sagemaker:createtrainingjob""#,
        r#""CreateTrainingJob""#,
    ] {
        assert_eq!(
            serde_json::from_str::<Action>(text).unwrap(),
            Action::CreateTrainingJob,
            "{text}"
        );
    }
    // Owned strings (from a Value) too.
    let owned: Action = serde_json::from_value(json!("sagemaker:describeAction")).unwrap();
    assert_eq!(owned, Action::DescribeAction);
}

#[test]
fn condition_key_names_serialize_as_written() {
    let project = ConditionKeyName::with_parameter(ConditionKey::AwsResourceTag, "Project");
    assert_eq!(
        serde_json::to_string(&project).unwrap(),
        r#""aws:ResourceTag/Project""#
    );
    let back: ConditionKeyName = serde_json::from_str(r#""aws:resourcetag/Project""#).unwrap();
    assert_eq!(back, project);

    let prefix: ConditionKeyName = serde_json::from_str(r#""sagemaker:ResourceTag/""#).unwrap();
    assert_eq!(prefix.key(), ConditionKey::ResourceTagPrefix);
    assert_eq!(
        serde_json::to_string(&prefix).unwrap(),
        r#""sagemaker:ResourceTag/""#
    );

    assert_eq!(
        serde_json::to_string(&ConditionKey::AwsResourceTag).unwrap(),
        r#""aws:ResourceTag/${TagKey}""#
    );
    assert_eq!(
        serde_json::from_str::<ConditionKey>(r#""sagemaker:instancetypes""#).unwrap(),
        ConditionKey::InstanceTypes
    );
}

#[test]
fn other_catalog_types_round_trip() {
    assert_eq!(
        serde_json::to_value(ResourceType::TrainingJob).unwrap(),
        json!("training-job")
    );
    assert_eq!(
        serde_json::to_value(DependentAction::IamPassRole).unwrap(),
        json!("iam:PassRole")
    );
    assert_eq!(
        serde_json::to_value(AccessLevel::PermissionsManagement).unwrap(),
        json!("Permissions management")
    );
    for &resource_type in ResourceType::ALL {
        let value = serde_json::to_value(resource_type).unwrap();
        assert_eq!(value, json!(resource_type.name()));
        assert_eq!(
            serde_json::from_value::<ResourceType>(value).unwrap(),
            resource_type
        );
    }
    for &key in ConditionKey::ALL {
        let value = serde_json::to_value(key).unwrap();
        assert_eq!(value, json!(key.name()));
        assert_eq!(serde_json::from_value::<ConditionKey>(value).unwrap(), key);
    }
    for &dependent in DependentAction::ALL {
        let value = serde_json::to_value(dependent).unwrap();
        assert_eq!(
            serde_json::from_value::<DependentAction>(value).unwrap(),
            dependent
        );
    }
    for &level in AccessLevel::ALL {
        let value = serde_json::to_value(level).unwrap();
        assert_eq!(serde_json::from_value::<AccessLevel>(value).unwrap(), level);
    }
}

#[test]
fn catalog_types_work_as_map_keys() {
    let mut map: BTreeMap<Action, Vec<ConditionKeyName>> = BTreeMap::new();
    map.insert(
        Action::CreateTrainingJob,
        vec![
            ConditionKeyName::new(ConditionKey::InstanceTypes),
            ConditionKeyName::with_parameter(ConditionKey::AwsRequestTag, "Team"),
        ],
    );
    let text = serde_json::to_string(&map).unwrap();
    assert_eq!(
        text,
        r#"{"sagemaker:CreateTrainingJob":["sagemaker:InstanceTypes","aws:RequestTag/Team"]}"#
    );
    let back: BTreeMap<Action, Vec<ConditionKeyName>> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, map);
}

#[test]
fn bad_strings_name_the_input() {
    let error = serde_json::from_str::<Action>(r#""sagemaker:CreateTrainingJbo""#).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("sagemaker:CreateTrainingJbo"), "{message}");
    assert!(message.contains("sagemaker:CreateTrainingJob"), "{message}");

    let error = serde_json::from_str::<Action>(r#""ec2:RunInstances""#).unwrap_err();
    assert!(error.to_string().contains("ec2:RunInstances"), "{error}");

    let error = serde_json::from_str::<ConditionKeyName>(r#""aws:Bogus/x""#).unwrap_err();
    assert!(error.to_string().contains("aws:Bogus/x"), "{error}");

    let error = serde_json::from_str::<ResourceType>(r#""training-jobs""#).unwrap_err();
    assert!(error.to_string().contains("training-jobs"), "{error}");

    let error = serde_json::from_str::<DependentAction>(r#""iam:PassRoles""#).unwrap_err();
    assert!(error.to_string().contains("iam:PassRoles"), "{error}");

    // Not a string at all: the error says what was expected.
    let error = serde_json::from_str::<Action>("42").unwrap_err();
    assert!(error.to_string().contains("SageMaker action"), "{error}");
    assert!(serde_json::from_str::<ConditionKeyName>("null").is_err());
}
