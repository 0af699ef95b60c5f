use sagemaker_actions::policy::{ActionElement, Effect, ResourceElement};
use sagemaker_actions::{policy, Action, ResourceType};

fn main() {
    let (region, account) = ("us-east-1", "123456789012");
    let role_arn = format!("arn:aws:iam::{account}:role/SageMakerExecution");
    let policy = policy! {
        Version: "2012-10-17",
        Id: "training",
        Statement: [
            {
                Sid: "Train",
                Effect: Allow,
                Action: [CreateTrainingJob, DescribeTrainingJob, StopTrainingJob],
                Resource: [TrainingJob(region, account, "nightly-*")],
            },
            {
                Sid: "ReadEverything",
                Effect: Allow,
                Action: ["sagemaker:Describe*", "sagemaker:List*"],
                Resource: "*",
            },
            {
                Effect: Allow,
                Action: [DescribeEndpoint, DescribeTrainingJob],
                Resource: ["arn:aws:sagemaker:*:*:*"],
            },
            {
                Effect: Deny,
                Action: [StopTrainingJob],
                Resource: ["arn:aws:sagemaker:*:*:training-job/prod-*" as TrainingJob],
            },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: [unchecked(role_arn.clone())],
                Condition: {
                    StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" },
                },
            },
        ],
    };

    let statements = policy.statements();
    assert_eq!(statements.len(), 5);
    assert_eq!(policy.id.as_deref(), Some("training"));
    assert_eq!(statements[0].sid.as_deref(), Some("Train"));
    assert_eq!(statements[3].effect, Effect::Deny);

    let Some(ActionElement::Action(actions)) = &statements[0].action else {
        panic!("statement 0 has an Action element");
    };
    let names: Vec<&str> = actions.iter().map(|item| item.as_str()).collect();
    assert_eq!(
        names,
        [
            "sagemaker:CreateTrainingJob",
            "sagemaker:DescribeTrainingJob",
            "sagemaker:StopTrainingJob"
        ]
    );
    let Some(ActionElement::Action(patterns)) = &statements[1].action else {
        panic!("statement 1 has an Action element");
    };
    assert!(patterns.iter().any(|item| item
        .sagemaker_actions()
        .contains(&Action::DescribeTrainingJob)));

    let Some(ResourceElement::Resource(resources)) = &statements[0].resource else {
        panic!("statement 0 has a Resource element");
    };
    assert_eq!(
        resources.as_slice()[0].as_str(),
        "arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-*"
    );
    assert_eq!(
        resources.as_slice()[0].declared_type(),
        Some(ResourceType::TrainingJob)
    );
    let Some(ResourceElement::Resource(typed)) = &statements[3].resource else {
        panic!("statement 3 has a Resource element");
    };
    assert_eq!(
        typed.as_slice()[0].declared_type(),
        Some(ResourceType::TrainingJob)
    );
    let Some(ResourceElement::Resource(roles)) = &statements[4].resource else {
        panic!("statement 4 has a Resource element");
    };
    assert_eq!(roles.as_slice()[0].as_str(), role_arn);

    let json = policy.to_json();
    assert!(json.contains("\"Version\":\"2012-10-17\""), "{json}");
    assert!(json.contains("\"iam:PassRole\""), "{json}");
    assert!(
        json.contains("\"iam:PassedToService\":\"sagemaker.amazonaws.com\""),
        "{json}"
    );
    assert!(json.contains("\"arn:aws:sagemaker:*:*:*\""), "{json}");
}
