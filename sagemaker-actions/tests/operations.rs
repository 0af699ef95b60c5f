//! The API operations against the data file they were generated from: every operation, its
//! authorized actions with their condition values, and its SDK methods.
#![cfg(feature = "serde")]

use sagemaker_actions::operation::Authorization;
use sagemaker_actions::{Action, Operation};
use serde_json::Value;

const SAGEMAKER_JSON: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../data/sagemaker.json"
));

fn data_operations() -> Vec<Value> {
    let data: Value = serde_json::from_str(SAGEMAKER_JSON).expect("data/sagemaker.json parses");
    data["operations"].as_array().expect("operations").clone()
}

#[test]
fn every_operation_of_the_data_with_its_authorizations_and_methods() {
    let data = data_operations();
    assert_eq!(data.len(), 426);
    assert_eq!(Operation::COUNT, data.len());
    for entry in &data {
        let name = entry["name"].as_str().unwrap();
        let operation = Operation::from_name(name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(operation.name(), name);
        let authorized: Vec<(String, Option<String>, Vec<String>)> = entry["authorized_actions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["action"].as_str().unwrap().to_owned(),
                    a["condition_key"].as_str().map(str::to_owned),
                    a["values"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|v| v.as_str().unwrap().to_owned())
                        .collect(),
                )
            })
            .collect();
        let generated: Vec<(String, Option<String>, Vec<String>)> = operation
            .authorized_actions()
            .iter()
            .map(|a| {
                (
                    a.action_name().to_owned(),
                    a.condition_key().map(str::to_owned),
                    a.values().iter().map(|v| (*v).to_owned()).collect(),
                )
            })
            .collect();
        assert_eq!(generated, authorized, "{name}");
        let methods: Vec<&str> = entry["sdk_methods"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["method"].as_str().unwrap())
            .collect();
        let generated: Vec<&str> = operation.sdk_methods().iter().map(|m| m.method()).collect();
        assert_eq!(generated, methods, "{name}");
        for method in methods {
            assert_eq!(Operation::from_sdk_method(method), Some(operation));
        }
    }
}

#[test]
fn create_training_job_is_authorized_as_aws_says() {
    let authorized: Vec<(&str, Option<&str>, &[&str])> = Operation::CreateTrainingJob
        .authorized_actions()
        .iter()
        .map(|a| (a.action_name(), a.condition_key(), a.values()))
        .collect();
    assert_eq!(
        authorized,
        [
            ("sagemaker:AddTags", None, &[][..]),
            ("sagemaker:CreateTrainingJob", None, &[][..]),
            (
                "iam:PassRole",
                Some("iam:PassedToService"),
                &["sagemaker.amazonaws.com"][..]
            ),
        ]
    );
    let typed: Vec<Option<Action>> = Operation::CreateTrainingJob
        .authorized_actions()
        .iter()
        .map(Authorization::action)
        .collect();
    assert_eq!(
        typed,
        [Some(Action::AddTags), Some(Action::CreateTrainingJob), None]
    );
    let method = Operation::CreateTrainingJob.sdk_methods()[0];
    assert_eq!(
        (method.client(), method.method(), method.rust_crate()),
        ("sagemaker", "create_training_job", "aws_sdk_sagemaker")
    );
    assert_eq!(
        Operation::CreateTrainingJob.rust_sdk_method(),
        Some("create_training_job")
    );
    let invoke = Operation::InvokeEndpoint.sdk_methods()[0];
    assert_eq!(invoke.rust_crate(), "aws_sdk_sagemakerruntime");
}

#[test]
fn every_sagemaker_action_an_operation_authorizes_is_in_the_catalog() {
    for operation in Operation::ALL {
        for authorization in operation.authorized_actions() {
            if authorization.service_prefix() == "sagemaker" {
                assert!(
                    authorization.action().is_some(),
                    "{operation} authorizes {}, which the catalog lacks",
                    authorization.action_name()
                );
            }
        }
    }
}

#[test]
fn operations_parse_from_either_name() {
    assert_eq!(
        "createtrainingjob".parse(),
        Ok(Operation::CreateTrainingJob)
    );
    assert_eq!(
        "create_training_job".parse(),
        Ok(Operation::CreateTrainingJob)
    );
    let error = "CreateTrainingJb".parse::<Operation>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown operation \"CreateTrainingJb\"; did you mean \"CreateTrainingJob\"?"
    );
}
