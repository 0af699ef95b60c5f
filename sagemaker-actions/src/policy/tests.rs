//! The JSON that `policy!` statements turn into, where JSON's one-value-per-key rule matters.

use super::*;
use crate::policy;

#[test]
fn keys_of_one_block_stay_in_one_json_object() {
    let policy = policy! { Statement: {
        Effect: Deny,
        Action: "sagemaker:*",
        Resource: "*",
        Condition: {
            StringNotEquals: { aws::RequestedRegion: "us-east-1", aws::PrincipalAccount: "123456789012" },
            ForAnyValue:StringLike: { InstanceTypes: ["ml.p4*", "ml.p5*"] },
        },
    } };
    assert_eq!(
        policy.to_json(),
        r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"sagemaker:*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east-1","aws:PrincipalAccount":"123456789012"},"ForAnyValue:StringLike":{"sagemaker:InstanceTypes":["ml.p4*","ml.p5*"]}}}}"#
    );
    // Read back, every condition is still there.
    let read = Policy::from_json(&policy.to_json()).unwrap();
    assert_eq!(read.to_json(), policy.to_json());
    let blocks = &read.statements()[0].condition.as_ref().unwrap().blocks;
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].entries.len(), 2);
}

#[test]
fn the_same_operator_with_and_without_qualifier_or_if_exists_are_distinct_json_keys() {
    let policy = policy! { Statement: {
        Effect: Allow,
        Action: CreateTrainingJob,
        Resource: "*",
        Condition: {
            StringEquals: { aws::RequestedRegion: "us-east-1" },
            StringEqualsIfExists: { aws::PrincipalAccount: "123456789012" },
            ForAllValues:StringEquals: { InstanceTypes: "ml.m5.large" },
            ForAnyValue:StringEquals: { InstanceTypes: "ml.m5.large" },
        },
    } };
    let json = policy.to_json();
    for operator in [
        "\"StringEquals\":",
        "\"StringEqualsIfExists\":",
        "\"ForAllValues:StringEquals\":",
        "\"ForAnyValue:StringEquals\":",
    ] {
        assert_eq!(json.matches(operator).count(), 1, "{operator} in {json}");
    }
}

#[test]
fn run_time_parameters_that_coincide_are_refused_when_writing_json() {
    let (first, second) = (String::from("team"), String::from("team"));
    let policy = policy! { Statement: {
        Effect: Allow,
        Action: ListModels,
        Resource: "*",
        Condition: { StringEquals: { aws::RequestTag(first): "a", aws::RequestTag(second): "b" } },
    } };
    let error = policy.try_to_json().unwrap_err().to_string();
    assert!(
        error.contains(r#"condition key "aws:RequestTag/team" appears twice under "StringEquals""#),
        "{error}"
    );
    let different = String::from("project");
    let policy = policy! { Statement: {
        Effect: Allow,
        Action: ListModels,
        Resource: "*",
        Condition: { StringEquals: { aws::RequestTag(different): "a", aws::RequestTag("team"): "b" } },
    } };
    assert!(policy
        .try_to_json()
        .unwrap()
        .contains(r#"{"aws:RequestTag/project":"a","aws:RequestTag/team":"b"}"#));
}

#[test]
#[should_panic(expected = "Condition has two \"StringEquals\" blocks")]
fn a_hand_built_condition_with_two_blocks_of_one_operator_is_not_written() {
    let block = || {
        ConditionBlock::new(
            "StringEquals".parse().unwrap(),
            vec![ConditionEntry {
                key: ConditionKeyItem::unchecked("aws:RequestedRegion"),
                values: OneOrMany::One(ConditionValue::String("us-east-1".into())),
            }],
        )
    };
    let mut policy = policy! { Statement: { Effect: Allow, Action: ListModels, Resource: "*" } };
    if let OneOrMany::One(statement) = &mut policy.statement {
        statement.condition = Some(Condition {
            blocks: vec![block(), block()],
        });
    }
    let _ = policy.to_json();
}

#[test]
fn parsed_duplicates_are_errors_with_their_position() {
    let text = "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"*\", \"Condition\": {\n  \"StringNotEquals\": {\"aws:RequestedRegion\": \"us-east-1\"},\n  \"StringNotEquals\": {\"aws:PrincipalAccount\": \"1\"}}}}";
    let error = Policy::from_json(text).unwrap_err();
    assert_eq!(error.code(), "DUPLICATE_ELEMENT");
    assert_eq!(error.line(), 3);
    assert!(error.message().contains("StringNotEquals"), "{error}");
}
