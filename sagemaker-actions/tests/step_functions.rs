//! Issue 6: `step_functions` reproduces the Step Functions page "IAM policies for Amazon
//! SageMaker": with its placeholders, with real values substituted for them, and as printed by
//! the `step_functions` example.
//!
//! The page's policies are pasted verbatim so that the tests depend on nothing outside the
//! crate. IAM reads a lone string and a one-element array alike, so both sides are compared
//! with lone strings turned into arrays; the order of statements, actions and resources must
//! match.
#![cfg(feature = "serde")]

use sagemaker_actions::policy::Policy;
use sagemaker_actions::step_functions::{Integration, Parameters, Pattern, Resources, Template};
use serde_json::Value;

/// CreateTrainingJob, Static resources, Run a Job (.sync).
const TRAINING_STATIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/[[trainingJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule" ] } ] }"#;

/// CreateTrainingJob, Static resources, Request Response and Callback (.waitForTaskToken).
const TRAINING_STATIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/[[trainingJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// CreateTrainingJob, Dynamic resources, headed ".sync or .waitForTaskToken" on the page.
const TRAINING_DYNAMIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule" ] } ] }"#;

/// CreateTrainingJob, Dynamic resources, Request Response and Callback (.waitForTaskToken).
const TRAINING_DYNAMIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// CreateTransformJob, Static resources, Run a Job (.sync).
const TRANSFORM_STATIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/[[transformJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule" ] } ] }"#;

/// CreateTransformJob, Static resources, Request Response and Callback (.waitForTaskToken).
const TRANSFORM_STATIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/[[transformJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// CreateTransformJob, Dynamic resources, Run a Job (.sync).
const TRANSFORM_DYNAMIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule" ] } ] }"#;

/// CreateTransformJob, Dynamic resources, Request Response and Callback (.waitForTaskToken).
const TRANSFORM_DYNAMIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// The page's policies in its order, with the template that should produce each.
fn page() -> [(Integration, Resources<'static>, Pattern, &'static str); 8] {
    use Integration::{CreateTrainingJob, CreateTransformJob};
    use Pattern::{Sync, WaitForTaskToken};
    let training = Resources::Static {
        job_name: "[[trainingJobName]]",
    };
    let transform = Resources::Static {
        job_name: "[[transformJobName]]",
    };
    [
        (CreateTrainingJob, training, Sync, TRAINING_STATIC_SYNC),
        (
            CreateTrainingJob,
            training,
            WaitForTaskToken,
            TRAINING_STATIC_WAIT,
        ),
        (
            CreateTrainingJob,
            Resources::Dynamic,
            Sync,
            TRAINING_DYNAMIC_SYNC,
        ),
        (
            CreateTrainingJob,
            Resources::Dynamic,
            WaitForTaskToken,
            TRAINING_DYNAMIC_WAIT,
        ),
        (CreateTransformJob, transform, Sync, TRANSFORM_STATIC_SYNC),
        (
            CreateTransformJob,
            transform,
            WaitForTaskToken,
            TRANSFORM_STATIC_WAIT,
        ),
        (
            CreateTransformJob,
            Resources::Dynamic,
            Sync,
            TRANSFORM_DYNAMIC_SYNC,
        ),
        (
            CreateTransformJob,
            Resources::Dynamic,
            WaitForTaskToken,
            TRANSFORM_DYNAMIC_WAIT,
        ),
    ]
}

/// Lone strings become one-element arrays, except where IAM allows only a string.
fn normalize(value: Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let value = match value {
                        Value::String(text)
                            if !matches!(key.as_str(), "Version" | "Id" | "Sid" | "Effect") =>
                        {
                            Value::Array(vec![Value::String(text)])
                        }
                        other => normalize(other),
                    };
                    (key, value)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(normalize).collect()),
        other => other,
    }
}

fn json(text: &str) -> Value {
    normalize(serde_json::from_str(text).unwrap_or_else(|error| panic!("{error}:\n{text}")))
}

#[track_caller]
fn assert_json_eq(built: Value, expected: Value, what: &str) {
    assert!(
        built == expected,
        "{what}\nbuilt:\n{}\nexpected:\n{}",
        serde_json::to_string_pretty(&built).unwrap(),
        serde_json::to_string_pretty(&expected).unwrap(),
    );
}

#[track_caller]
fn assert_policy_is(policy: &Policy, expected: &str, what: &str) {
    assert_json_eq(json(&policy.to_json()), json(expected), what);
}

#[test]
fn templates_follow_the_page_order() {
    let templates: Vec<Template> = Template::all().collect();
    let expected: Vec<Template> = page()
        .into_iter()
        .map(|(integration, resources, pattern, _)| Template {
            integration,
            resources,
            pattern,
        })
        .collect();
    assert_eq!(templates, expected);
}

#[test]
fn placeholder_mode_reproduces_every_policy_of_the_page() {
    for (template, (.., seed)) in Template::all().zip(page()) {
        assert_policy_is(&template.policy(), seed, &template.heading());
    }
}

#[test]
fn real_values_reproduce_the_page_with_its_placeholders_filled_in() {
    let role_arn = "arn:aws:iam::123456789012:role/service-role/AmazonSageMaker-ExecutionRole";
    let parameters = Parameters::new("us-east-1", "123456789012", role_arn);
    for (integration, resources, pattern, seed) in page() {
        let job_name = "nightly-train";
        let resources = match resources {
            Resources::Static { .. } => Resources::Static { job_name },
            Resources::Dynamic => Resources::Dynamic,
        };
        let expected = seed
            .replace("[[region]]", "us-east-1")
            .replace("[[accountId]]", "123456789012")
            .replace("[[roleArn]]", role_arn)
            .replace("[[trainingJobName]]", job_name)
            .replace("[[transformJobName]]", job_name);
        let policy = integration.policy(pattern, resources, &parameters);
        let what = format!("{integration} / {} / {pattern}", resources.heading());
        assert_policy_is(&policy, &expected, &what);
        assert!(
            !policy.to_json().contains("[["),
            "{what}: a placeholder is left"
        );
    }
}

#[test]
fn another_partition_changes_every_arn_built_from_the_parameters() {
    let role_arn = "arn:aws-cn:iam::123456789012:role/SageMakerExecution";
    let parameters = Parameters::new("cn-north-1", "123456789012", role_arn).in_partition("aws-cn");
    for (integration, resources, pattern, seed) in page() {
        let expected = seed
            .replace("arn:aws:", "arn:aws-cn:")
            .replace("[[region]]", "cn-north-1")
            .replace("[[accountId]]", "123456789012")
            .replace("[[roleArn]]", role_arn);
        let policy = integration.policy(pattern, resources, &parameters);
        assert_policy_is(
            &policy,
            &expected,
            &format!("{integration} / {pattern} in aws-cn"),
        );
        // The job ARN keeps the resource type the macro checked.
        let job = &policy.statements()[0].resource.as_ref().unwrap().items()[0];
        assert_eq!(job.declared_type(), Some(integration.resource_type()));
    }
}

#[test]
fn integration_facts_match_the_page() {
    for integration in Integration::ALL {
        let name = integration.name();
        let noun = name.strip_prefix("Create").unwrap();
        assert_eq!(integration.create_action().name(), name);
        assert_eq!(
            integration.describe_action().name(),
            format!("Describe{noun}")
        );
        assert_eq!(integration.stop_action().name(), format!("Stop{noun}"));
        assert_eq!(
            integration.events_rule_name(),
            format!("StepFunctionsGetEventsForSageMaker{noun}sRule")
        );
        // Every job action of the policy applies to the job's resource type.
        for action in integration.job_actions(Pattern::Sync) {
            assert!(
                action
                    .resource_types()
                    .iter()
                    .any(|reference| reference.resource_type() == integration.resource_type()),
                "{action} does not apply to {}",
                integration.resource_type().name()
            );
        }
    }
    // The page's note under CreateTransformJob.
    assert!(Integration::CreateTrainingJob.generated_by_step_functions());
    assert!(!Integration::CreateTransformJob.generated_by_step_functions());
}

/// Splits the example's output into `(heading, policy JSON)` pairs.
fn parse_example_output(output: &str) -> Vec<(String, Value)> {
    let mut sections: Vec<(String, String)> = Vec::new();
    for line in output.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            sections.push((heading.to_owned(), String::new()));
        } else if let Some((_, body)) = sections.last_mut() {
            // Only the JSON object; notes before it are for the reader.
            if !body.is_empty() || line.starts_with('{') {
                body.push_str(line);
                body.push('\n');
            }
        }
    }
    sections
        .into_iter()
        .map(|(heading, body)| {
            let value = serde_json::from_str(&body)
                .unwrap_or_else(|error| panic!("{heading}: {error}\n{body}"));
            (heading, value)
        })
        .collect()
}

#[test]
fn the_example_prints_every_policy_of_the_page_in_order() {
    let output = std::process::Command::new(env!("CARGO"))
        .args([
            "run",
            "--quiet",
            "--example",
            "step_functions",
            "-p",
            "sagemaker-actions",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(
        output.status.success(),
        "the example failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let printed = parse_example_output(&stdout);
    assert_eq!(printed.len(), 8, "{stdout}");
    for ((heading, policy), (template, (.., seed))) in
        printed.into_iter().zip(Template::all().zip(page()))
    {
        assert_eq!(heading, template.heading());
        assert_json_eq(normalize(policy), json(seed), &heading);
    }
}

/// What the SageMaker API operations a task state calls are authorized against, per AWS's
/// service reference, compared with the page's policy for the state: the policy grants each
/// such action but `sagemaker:AddTags` (needed only when the state passes `Tags`, hence the
/// validator's MISSING_DEPENDENT_ACTION suggestion on these policies), grants
/// `sagemaker:ListTags` besides (Step Functions' own call), and passes the role to the service
/// the reference names for `CreateTrainingJob`. `CreateTransformJob`'s call is authorized
/// against no `iam:PassRole`, yet its policy grants it as the training job's does.
#[test]
fn policies_grant_what_the_service_reference_authorizes_the_calls_against_but_add_tags() {
    use sagemaker_actions::policy::ActionElement;
    use sagemaker_actions::Operation;
    use std::collections::BTreeSet;
    for integration in Integration::ALL.iter().copied() {
        for pattern in [Pattern::Sync, Pattern::WaitForTaskToken] {
            let what = format!("{} {pattern:?}", integration.name());
            let operations: Vec<Operation> = integration
                .job_actions(pattern)
                .into_iter()
                .map(|action| Operation::from_name(action.name()).expect("an operation"))
                .collect();
            let authorized: BTreeSet<&str> = operations
                .iter()
                .flat_map(|operation| operation.authorized_actions())
                .map(|authorization| authorization.action_name())
                .collect();
            let reference_services: BTreeSet<&str> = operations
                .iter()
                .flat_map(|operation| operation.authorized_actions())
                .filter(|authorization| authorization.action_name() == "iam:PassRole")
                .flat_map(|authorization| {
                    assert_eq!(authorization.condition_key(), Some("iam:PassedToService"));
                    authorization.values().iter().copied()
                })
                .collect();
            let policy = integration.policy(pattern, Resources::Dynamic, &Parameters::PLACEHOLDERS);
            let mut granted = BTreeSet::new();
            let mut policy_services = BTreeSet::new();
            for statement in policy.statements() {
                let Some(ActionElement::Action(items)) = &statement.action else {
                    panic!("{what}: every statement lists its actions");
                };
                for item in items.iter() {
                    granted.insert(item.as_str().to_owned());
                    if item.as_str() == "iam:PassRole" {
                        let blocks = &statement.condition.as_ref().expect("a condition").blocks;
                        for entry in blocks.iter().flat_map(|block| &block.entries) {
                            assert_eq!(entry.key.as_str(), "iam:PassedToService");
                            policy_services.extend(entry.values.iter().map(|v| v.to_string()));
                        }
                    }
                }
            }
            let not_granted: Vec<&str> = authorized
                .iter()
                .copied()
                .filter(|name| !granted.contains(*name))
                .collect();
            assert_eq!(not_granted, ["sagemaker:AddTags"], "{what}");
            let sagemaker_extra: Vec<&str> = granted
                .iter()
                .map(String::as_str)
                .filter(|name| name.starts_with("sagemaker:") && !authorized.contains(name))
                .collect();
            assert_eq!(sagemaker_extra, ["sagemaker:ListTags"], "{what}");
            assert!(granted.contains("iam:PassRole"), "{what}");
            assert_eq!(
                policy_services,
                BTreeSet::from(["sagemaker.amazonaws.com".to_owned()]),
                "{what}"
            );
            match integration {
                Integration::CreateTrainingJob => assert_eq!(
                    reference_services,
                    BTreeSet::from(["sagemaker.amazonaws.com"]),
                    "{what}"
                ),
                Integration::CreateTransformJob => {
                    assert!(
                        reference_services.is_empty(),
                        "{what}: {reference_services:?}"
                    )
                }
            }
        }
    }
}
