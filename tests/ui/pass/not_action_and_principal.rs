use sagemaker_actions::policy;
use sagemaker_actions::policy::{ActionElement, Effect, PrincipalElement};

fn main() {
    let account = "123456789012";
    let policy = policy! {
        Statement: [
            {
                Sid: "DenyAllButReads",
                Effect: Deny,
                NotAction: ["sagemaker:Describe*", "sagemaker:List*"],
                Resource: "*",
            },
            {
                Effect: Allow,
                Principal: {
                    AWS: [(format!("arn:aws:iam::{account}:root"))],
                    Service: "sagemaker.amazonaws.com",
                },
                Action: [ListTrainingJobs],
                Resource: "*",
            },
        ],
    };

    let statements = policy.statements();
    assert_eq!(statements[0].effect, Effect::Deny);
    assert!(matches!(
        statements[0].action,
        Some(ActionElement::NotAction(_))
    ));
    assert!(matches!(
        statements[1].principal,
        Some(PrincipalElement::Principal(_))
    ));
    let json = policy.to_json();
    assert!(
        json.contains("\"NotAction\":[\"sagemaker:Describe*\",\"sagemaker:List*\"]"),
        "{json}"
    );
    assert!(
        json.contains("\"AWS\":[\"arn:aws:iam::123456789012:root\"]"),
        "{json}"
    );
    assert!(
        json.contains("\"Service\":\"sagemaker.amazonaws.com\""),
        "{json}"
    );
}
