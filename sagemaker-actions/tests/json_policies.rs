//! IAM JSON for policies: parsing, printing and round trips (default `serde` feature).
#![cfg(feature = "serde")]

use sagemaker_actions::policy::{
    ActionElement, ConditionValue, Effect, OneOrMany, Policy, PolicyJsonError, Principal,
    PrincipalElement, PrincipalKind, ResourceElement,
};
use serde_json::{json, Value};

// The policies of the seed pages, pasted verbatim so that the tests do not depend on files
// outside the crate.

/// From `000_a6f0fe0973e8e292.txt`.
const SFN_TRAINING_STATIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/[[trainingJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule" ] } ] }"#;

/// From `000_a6f0fe0973e8e292.txt`.
const SFN_TRAINING_STATIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/[[trainingJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// From `000_a6f0fe0973e8e292.txt`.
const SFN_TRAINING_DYNAMIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule" ] } ] }"#;

/// From `000_a6f0fe0973e8e292.txt`.
const SFN_TRAINING_DYNAMIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// From `000_a6f0fe0973e8e292.txt`.
const SFN_TRANSFORM_STATIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/[[transformJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule" ] } ] }"#;

/// From `000_a6f0fe0973e8e292.txt`.
const SFN_TRANSFORM_STATIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/[[transformJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// From `000_a6f0fe0973e8e292.txt`.
const SFN_TRANSFORM_DYNAMIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule" ] } ] }"#;

/// From `000_a6f0fe0973e8e292.txt`.
const SFN_TRANSFORM_DYNAMIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// From `001_4acac0c4aba4254c.txt`.
const SERVICE_CATALOG_PRODUCTS_SERVICE_ROLE: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "apigateway:GET", "apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE" ], "Resource": "*", "Condition": { "StringLike": { "aws:ResourceTag/sagemaker:launch-source": "*" } } }, { "Effect": "Allow", "Action": [ "apigateway:POST" ], "Resource": "*", "Condition": { "ForAnyValue:StringLike": { "aws:TagKeys": [ "sagemaker:launch-source" ] } } }, { "Effect": "Allow", "Action": [ "apigateway:PATCH" ], "Resource": [ "arn:aws:apigateway:*::/account" ] }, { "Effect": "Allow", "Action": [ "cloudformation:CreateStack", "cloudformation:UpdateStack", "cloudformation:DeleteStack" ], "Resource": "arn:aws:cloudformation:*:*:stack/SC-*", "Condition": { "ArnLikeIfExists": { "cloudformation:RoleArn": [ "arn:aws:sts::*:assumed-role/AmazonSageMakerServiceCatalog*" ] } } }, { "Effect": "Allow", "Action": [ "cloudformation:DescribeStackEvents", "cloudformation:DescribeStacks" ], "Resource": "arn:aws:cloudformation:*:*:stack/SC-*" }, { "Effect": "Allow", "Action": [ "cloudformation:GetTemplateSummary", "cloudformation:ValidateTemplate" ], "Resource": "*" }, { "Effect": "Allow", "Action": [ "codebuild:CreateProject", "codebuild:DeleteProject", "codebuild:UpdateProject" ], "Resource": [ "arn:aws:codebuild:*:*:project/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "codecommit:CreateCommit", "codecommit:CreateRepository", "codecommit:DeleteRepository", "codecommit:GetRepository", "codecommit:TagResource" ], "Resource": [ "arn:aws:codecommit:*:*:sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "codecommit:ListRepositories" ], "Resource": "*" }, { "Effect": "Allow", "Action": [ "codepipeline:CreatePipeline", "codepipeline:DeletePipeline", "codepipeline:GetPipeline", "codepipeline:GetPipelineState", "codepipeline:StartPipelineExecution", "codepipeline:TagResource", "codepipeline:UpdatePipeline" ], "Resource": [ "arn:aws:codepipeline:*:*:sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "cognito-idp:CreateUserPool", "cognito-idp:TagResource" ], "Resource": "*", "Condition": { "ForAnyValue:StringLike": { "aws:TagKeys": [ "sagemaker:launch-source" ] } } }, { "Effect": "Allow", "Action": [ "cognito-idp:CreateGroup", "cognito-idp:CreateUserPoolDomain", "cognito-idp:CreateUserPoolClient", "cognito-idp:DeleteGroup", "cognito-idp:DeleteUserPool", "cognito-idp:DeleteUserPoolClient", "cognito-idp:DeleteUserPoolDomain", "cognito-idp:DescribeUserPool", "cognito-idp:DescribeUserPoolClient", "cognito-idp:UpdateUserPool", "cognito-idp:UpdateUserPoolClient" ], "Resource": "*", "Condition": { "StringLike": { "aws:ResourceTag/sagemaker:launch-source": "*" } } }, { "Effect": "Allow", "Action": [ "ecr:CreateRepository", "ecr:DeleteRepository" ], "Resource": [ "arn:aws:ecr:*:*:repository/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "events:DescribeRule", "events:DeleteRule", "events:DisableRule", "events:EnableRule", "events:PutRule", "events:PutTargets", "events:RemoveTargets" ], "Resource": [ "arn:aws:events:*:*:rule/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "firehose:CreateDeliveryStream", "firehose:DeleteDeliveryStream", "firehose:DescribeDeliveryStream", "firehose:StartDeliveryStreamEncryption", "firehose:StopDeliveryStreamEncryption", "firehose:UpdateDestination" ], "Resource": "arn:aws:firehose:*:*:deliverystream/sagemaker-*" }, { "Effect": "Allow", "Action": [ "glue:CreateDatabase", "glue:DeleteDatabase" ], "Resource": [ "arn:aws:glue:*:*:catalog", "arn:aws:glue:*:*:database/sagemaker-*", "arn:aws:glue:*:*:table/sagemaker-*", "arn:aws:glue:*:*:userDefinedFunction/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "glue:CreateClassifier", "glue:DeleteClassifier", "glue:DeleteCrawler", "glue:DeleteJob", "glue:DeleteTrigger", "glue:DeleteWorkflow", "glue:StopCrawler" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "glue:CreateWorkflow" ], "Resource": [ "arn:aws:glue:*:*:workflow/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "glue:CreateJob" ], "Resource": [ "arn:aws:glue:*:*:job/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "glue:CreateCrawler", "glue:GetCrawler" ], "Resource": [ "arn:aws:glue:*:*:crawler/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "glue:CreateTrigger", "glue:GetTrigger" ], "Resource": [ "arn:aws:glue:*:*:trigger/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "arn:aws:iam::*:role/service-role/AmazonSageMakerServiceCatalog*" ] }, { "Effect": "Allow", "Action": [ "lambda:AddPermission", "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:InvokeFunction", "lambda:RemovePermission" ], "Resource": [ "arn:aws:lambda:*:*:function:sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "logs:CreateLogGroup", "logs:CreateLogStream", "logs:DeleteLogGroup", "logs:DeleteLogStream", "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutRetentionPolicy" ], "Resource": [ "arn:aws:logs:*:*:log-group:/aws/apigateway/AccessLogs/*", "arn:aws:logs:*:*:log-group::log-stream:*" ] }, { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "s3:ExistingObjectTag/servicecatalog:provisioning": "true" } } }, { "Effect": "Allow", "Action": "s3:GetObject", "Resource": [ "arn:aws:s3:::sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "s3:CreateBucket", "s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:GetBucketPolicy", "s3:PutBucketAcl", "s3:PutBucketNotification", "s3:PutBucketPolicy", "s3:PutBucketPublicAccessBlock", "s3:PutBucketLogging", "s3:PutEncryptionConfiguration", "s3:PutBucketTagging", "s3:PutObjectTagging", "s3:PutBucketCORS" ], "Resource": "arn:aws:s3:::sagemaker-*" }, { "Effect": "Allow", "Action": [ "sagemaker:CreateEndpoint", "sagemaker:CreateEndpointConfig", "sagemaker:CreateModel", "sagemaker:CreateWorkteam", "sagemaker:DeleteEndpoint", "sagemaker:DeleteEndpointConfig", "sagemaker:DeleteModel", "sagemaker:DeleteWorkteam", "sagemaker:DescribeModel", "sagemaker:DescribeEndpointConfig", "sagemaker:DescribeEndpoint", "sagemaker:DescribeWorkteam", "sagemaker:CreateCodeRepository", "sagemaker:DescribeCodeRepository", "sagemaker:UpdateCodeRepository", "sagemaker:DeleteCodeRepository" ], "Resource": [ "arn:aws:sagemaker:*:*:*" ] }, { "Action": [ "sagemaker:CreateImage", "sagemaker:DeleteImage", "sagemaker:DescribeImage", "sagemaker:UpdateImage", "sagemaker:ListTags" ], "Resource": [ "arn:aws:sagemaker:*:*:image/*" ], "Effect": "Allow" }, { "Effect": "Allow", "Action": [ "states:CreateStateMachine", "states:DeleteStateMachine", "states:UpdateStateMachine" ], "Resource": [ "arn:aws:states:*:*:stateMachine:sagemaker-*" ] }, { "Effect": "Allow", "Action": "codestar-connections:PassConnection", "Resource": "arn:aws:codestar-connections:*:*:connection/*", "Condition": { "StringEquals": { "codestar-connections:PassedToService": "codepipeline.amazonaws.com" } } } ] }"#;

/// From `003_a5e4997d4a2e8e88.txt`.
const PIPELINES_INTEGRATIONS: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:InvokeFunction", "lambda:UpdateFunctionCode" ], "Resource": [ "arn:aws:lambda:*:*:function:*sagemaker*", "arn:aws:lambda:*:*:function:*sageMaker*", "arn:aws:lambda:*:*:function:*SageMaker*" ] }, { "Effect": "Allow", "Action": [ "sqs:CreateQueue", "sqs:SendMessage" ], "Resource": [ "arn:aws:sqs:*:*:*sagemaker*", "arn:aws:sqs:*:*:*sageMaker*", "arn:aws:sqs:*:*:*SageMaker*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": "arn:aws:iam::*:role/*", "Condition": { "StringEquals": { "iam:PassedToService": [ "lambda.amazonaws.com", "elasticmapreduce.amazonaws.com", "ec2.amazonaws.com" ] } } }, { "Effect": "Allow", "Action": [ "events:DescribeRule", "events:PutRule", "events:PutTargets" ], "Resource": [ "arn:aws:events:*:*:rule/SageMakerPipelineExecutionEMRStepStatusUpdateRule", "arn:aws:events:*:*:rule/SageMakerPipelineExecutionEMRClusterStatusUpdateRule" ] }, { "Effect": "Allow", "Action": [ "elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:CancelSteps", "elasticmapreduce:DescribeStep", "elasticmapreduce:RunJobFlow", "elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows", "elasticmapreduce:ListSteps" ], "Resource": [ "arn:aws:elasticmapreduce:*:*:cluster/*" ] } ] }"#;

const SEEDS: [(&str, &str); 10] = [
    ("SFN_TRAINING_STATIC_SYNC", SFN_TRAINING_STATIC_SYNC),
    ("SFN_TRAINING_STATIC_WAIT", SFN_TRAINING_STATIC_WAIT),
    ("SFN_TRAINING_DYNAMIC_SYNC", SFN_TRAINING_DYNAMIC_SYNC),
    ("SFN_TRAINING_DYNAMIC_WAIT", SFN_TRAINING_DYNAMIC_WAIT),
    ("SFN_TRANSFORM_STATIC_SYNC", SFN_TRANSFORM_STATIC_SYNC),
    ("SFN_TRANSFORM_STATIC_WAIT", SFN_TRANSFORM_STATIC_WAIT),
    ("SFN_TRANSFORM_DYNAMIC_SYNC", SFN_TRANSFORM_DYNAMIC_SYNC),
    ("SFN_TRANSFORM_DYNAMIC_WAIT", SFN_TRANSFORM_DYNAMIC_WAIT),
    (
        "SERVICE_CATALOG_PRODUCTS_SERVICE_ROLE",
        SERVICE_CATALOG_PRODUCTS_SERVICE_ROLE,
    ),
    ("PIPELINES_INTEGRATIONS", PIPELINES_INTEGRATIONS),
];

fn parse(text: &str) -> Policy {
    Policy::from_json(text).unwrap_or_else(|error| panic!("{error}\n{text}"))
}

fn value(text: &str) -> Value {
    serde_json::from_str(text).unwrap()
}

#[test]
fn seed_policies_round_trip() {
    for (name, seed) in SEEDS {
        let policy = parse(seed);
        assert_eq!(value(&policy.to_json()), value(seed), "{name}");
        assert_eq!(parse(&policy.to_json_pretty()), policy, "{name}");
        assert_eq!(parse(&policy.to_json()), policy, "{name}");
        // The serde entry points are the same parser and printer.
        assert_eq!(
            serde_json::from_str::<Policy>(seed).unwrap(),
            policy,
            "{name}"
        );
        assert_eq!(
            serde_json::to_string(&policy).unwrap(),
            policy.to_json(),
            "{name}"
        );
        assert_eq!(
            serde_json::to_string_pretty(&policy).unwrap(),
            policy.to_json_pretty(),
            "{name}"
        );
    }
}

#[test]
fn seed_policies_parse_into_the_model() {
    let policy = parse(SFN_TRAINING_STATIC_SYNC);
    assert_eq!(policy.version.as_ref().unwrap().as_str(), "2012-10-17");
    assert!(matches!(policy.statement, OneOrMany::Many(_)));
    assert_eq!(policy.statements().len(), 4);
    let pass_role = &policy.statements()[2];
    let condition = pass_role.condition.as_ref().unwrap();
    assert_eq!(condition.blocks.len(), 1);
    assert_eq!(condition.blocks[0].operator_text, "StringEquals");
    assert_eq!(
        condition.blocks[0].entries[0].key.as_str(),
        "iam:PassedToService"
    );
    assert_eq!(
        condition.blocks[0].entries[0].values,
        OneOrMany::One(ConditionValue::String("sagemaker.amazonaws.com".into()))
    );

    // Lone strings stay lone: "Resource": "*" and "Action": "s3:GetObject".
    let policy = parse(SERVICE_CATALOG_PRODUCTS_SERVICE_ROLE);
    let first = &policy.statements()[0];
    assert!(matches!(
        first.resource,
        Some(ResourceElement::Resource(OneOrMany::One(_)))
    ));
    let lone_action = policy
        .statements()
        .iter()
        .filter(|statement| {
            matches!(
                statement.action,
                Some(ActionElement::Action(OneOrMany::One(_)))
            )
        })
        .count();
    assert_eq!(lone_action, 3);
    // The statement that lists Effect last parses like the others.
    assert!(policy
        .statements()
        .iter()
        .all(|statement| statement.effect == Effect::Allow));
}

#[test]
fn lone_values_and_one_element_arrays_keep_their_form() {
    let text = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "sagemaker:CreateTrainingJob",
      "Resource": ["arn:aws:sagemaker:us-east-1:123456789012:training-job/a*"]
    },
    {
      "Effect": "Deny",
      "NotAction": ["sagemaker:Describe*"],
      "NotResource": "*",
      "Condition": {"StringEquals": {"sagemaker:InstanceTypes": ["ml.m5.large"], "aws:RequestedRegion": "us-east-1"}}
    }
  ]
}"#;
    let policy = parse(text);
    let [first, second] = policy.statements() else {
        panic!("two statements");
    };
    assert!(matches!(
        &first.action,
        Some(ActionElement::Action(OneOrMany::One(item))) if item.as_str() == "sagemaker:CreateTrainingJob"
    ));
    assert!(matches!(
        &first.resource,
        Some(ResourceElement::Resource(OneOrMany::Many(items))) if items.len() == 1
    ));
    assert!(matches!(
        &second.action,
        Some(ActionElement::NotAction(OneOrMany::Many(items))) if items.len() == 1
    ));
    assert!(matches!(
        &second.resource,
        Some(ResourceElement::NotResource(OneOrMany::One(_)))
    ));
    let entries = &second.condition.as_ref().unwrap().blocks[0].entries;
    assert!(matches!(entries[0].values, OneOrMany::Many(_)));
    assert!(matches!(entries[1].values, OneOrMany::One(_)));

    assert_eq!(
        policy.to_json(),
        concat!(
            r#"{"Version":"2012-10-17","Statement":["#,
            r#"{"Effect":"Allow","Action":"sagemaker:CreateTrainingJob","#,
            r#""Resource":["arn:aws:sagemaker:us-east-1:123456789012:training-job/a*"]},"#,
            r#"{"Effect":"Deny","NotAction":["sagemaker:Describe*"],"NotResource":"*","#,
            r#""Condition":{"StringEquals":{"sagemaker:InstanceTypes":["ml.m5.large"],"#,
            r#""aws:RequestedRegion":"us-east-1"}}}]}"#
        )
    );
    assert_eq!(value(&policy.to_json()), value(text));
    assert_eq!(parse(&policy.to_json_pretty()), policy);

    // A lone statement object stays a lone object.
    let lone = parse(r#"{"Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}"#);
    assert!(matches!(lone.statement, OneOrMany::One(_)));
    assert_eq!(
        lone.to_json(),
        r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#
    );
}

#[test]
fn serialization_puts_elements_in_iam_order() {
    // Every element written in reverse order.
    let text = r#"{
  "Statement": [{
    "Condition": {"Bool": {"aws:SecureTransport": "true"}},
    "Resource": "*",
    "Action": "sagemaker:ListModels",
    "Principal": {"AWS": "arn:aws:iam::123456789012:root"},
    "Effect": "Allow",
    "Sid": "Reversed"
  }],
  "Id": "policy-1",
  "Version": "2012-10-17"
}"#;
    let compact = parse(text).to_json();
    assert_eq!(
        compact,
        concat!(
            r#"{"Version":"2012-10-17","Id":"policy-1","Statement":[{"Sid":"Reversed","#,
            r#""Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"#,
            r#""Action":"sagemaker:ListModels","Resource":"*","#,
            r#""Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}"#
        )
    );
    let order = [
        "\"Version\"",
        "\"Id\"",
        "\"Statement\"",
        "\"Sid\"",
        "\"Effect\"",
        "\"Principal\"",
        "\"Action\"",
        "\"Resource\"",
        "\"Condition\"",
    ]
    .map(|key| compact.find(key).unwrap());
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{compact}");

    // The Not forms take the same places.
    let not = parse(
        r#"{"Statement": {"Condition": {}, "NotResource": "*", "NotAction": "*", "NotPrincipal": "*", "Effect": "Deny"}}"#,
    );
    assert_eq!(
        not.to_json(),
        r#"{"Statement":{"Effect":"Deny","NotPrincipal":"*","NotAction":"*","NotResource":"*","Condition":{}}}"#
    );
}

#[test]
fn condition_numbers_and_booleans_stay_numbers_and_booleans() {
    let text = r#"{
  "Version": "2012-10-17",
  "Statement": {
    "Effect": "Allow",
    "Action": "sagemaker:CreateTrainingJob",
    "Resource": "*",
    "Condition": {
      "NumericLessThanEquals": {"sagemaker:MaxRuntimeInSeconds": 3600},
      "Bool": {"sagemaker:NetworkIsolation": true, "aws:SecureTransport": "false"},
      "NumericEquals": {"custom:Numbers": [1, -2, 2.5, 1e3, 0]},
      "ForAnyValue:Bool": {"custom:Flags": [false, true]}
    }
  }
}"#;
    let policy = parse(text);
    let blocks = &policy.statements()[0].condition.as_ref().unwrap().blocks;
    let operators: Vec<&str> = blocks
        .iter()
        .map(|block| block.operator_text.as_ref())
        .collect();
    assert_eq!(
        operators,
        [
            "NumericLessThanEquals",
            "Bool",
            "NumericEquals",
            "ForAnyValue:Bool"
        ]
    );
    assert_eq!(
        blocks[0].entries[0].values,
        OneOrMany::One(ConditionValue::Number("3600".into()))
    );
    assert_eq!(
        blocks[1].entries[0].values,
        OneOrMany::One(ConditionValue::Bool(true))
    );
    // A quoted "false" is a string, as written.
    assert_eq!(
        blocks[1].entries[1].values,
        OneOrMany::One(ConditionValue::String("false".into()))
    );
    let numbers: Vec<String> = blocks[2].entries[0]
        .values
        .iter()
        .map(|value| value.as_text().into_owned())
        .collect();
    // serde_json::Number's text: integers as written, floats in shortest form.
    assert_eq!(numbers, ["1", "-2", "2.5", "1000.0", "0"]);
    assert_eq!(
        blocks[3].entries[0].values,
        OneOrMany::Many(vec![
            ConditionValue::Bool(false),
            ConditionValue::Bool(true)
        ])
    );

    let printed = value(&policy.to_json());
    assert_eq!(printed, value(text));
    let condition = &printed["Statement"]["Condition"];
    assert_eq!(
        condition["NumericLessThanEquals"]["sagemaker:MaxRuntimeInSeconds"],
        json!(3600)
    );
    assert_eq!(condition["Bool"]["sagemaker:NetworkIsolation"], json!(true));
    assert_eq!(condition["Bool"]["aws:SecureTransport"], json!("false"));
    assert_eq!(
        condition["NumericEquals"]["custom:Numbers"],
        json!([1, -2, 2.5, 1000.0, 0])
    );
    assert_eq!(
        condition["ForAnyValue:Bool"]["custom:Flags"],
        json!([false, true])
    );
    assert_eq!(parse(&policy.to_json_pretty()), policy);
}

#[test]
fn principals_keep_their_entries_in_order() {
    let text = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Service": ["sagemaker.amazonaws.com", "states.amazonaws.com"],
        "AWS": "arn:aws:iam::123456789012:root",
        "Federated": ["cognito-identity.amazonaws.com"],
        "CanonicalUser": "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be"
      },
      "Action": "sts:AssumeRole"
    },
    {"Effect": "Deny", "NotPrincipal": "*", "Action": "*", "Resource": "*"}
  ]
}"#;
    let policy = parse(text);
    let Some(PrincipalElement::Principal(Principal::Map(entries))) =
        &policy.statements()[0].principal
    else {
        panic!("a principal map");
    };
    let kinds: Vec<PrincipalKind> = entries.iter().map(|(kind, _)| *kind).collect();
    assert_eq!(
        kinds,
        [
            PrincipalKind::Service,
            PrincipalKind::Aws,
            PrincipalKind::Federated,
            PrincipalKind::CanonicalUser
        ]
    );
    assert!(matches!(entries[0].1, OneOrMany::Many(ref values) if values.len() == 2));
    assert!(matches!(entries[1].1, OneOrMany::One(_)));
    assert!(matches!(entries[2].1, OneOrMany::Many(ref values) if values.len() == 1));
    assert_eq!(
        policy.statements()[1].principal,
        Some(PrincipalElement::NotPrincipal(Principal::All))
    );
    // A trust policy has no Resource.
    assert_eq!(policy.statements()[0].resource, None);

    let compact = policy.to_json();
    assert!(
        compact.contains(r#""Principal":{"Service":["sagemaker.amazonaws.com","states.amazonaws.com"],"AWS":"arn:aws:iam::123456789012:root","Federated":["cognito-identity.amazonaws.com"],"CanonicalUser":"#),
        "{compact}"
    );
    assert!(compact.contains(r#""NotPrincipal":"*""#), "{compact}");
    assert_eq!(value(&compact), value(text));
    assert_eq!(parse(&policy.to_json_pretty()), policy);
}

#[test]
fn strings_keep_their_exact_text() {
    let text = r#"{"Statement": {"Sid": "Not valid!", "Effect": "Allow",
        "Action": ["SageMaker:createTRAININGjob", "sagemaker:NoSuchAction", "not an action", "caf\u00e9:X"],
        "Resource": "arn:aws:s3:::bucket/${aws:username}/\"quoted\"",
        "Condition": {"StringEqualsWhatever": {"custom:Unknown": "a\tb", "AWS:sourceip": "10.0.0.0/8"}}}}"#;
    let policy = parse(text);
    let statement = &policy.statements()[0];
    assert_eq!(statement.sid.as_deref(), Some("Not valid!"));
    let actions: Vec<&str> = statement
        .action
        .as_ref()
        .unwrap()
        .items()
        .iter()
        .map(|item| item.as_str())
        .collect();
    assert_eq!(
        actions,
        [
            "SageMaker:createTRAININGjob",
            "sagemaker:NoSuchAction",
            "not an action",
            "café:X"
        ]
    );
    assert_eq!(
        statement.resource.as_ref().unwrap().items()[0].as_str(),
        "arn:aws:s3:::bucket/${aws:username}/\"quoted\""
    );
    let block = &statement.condition.as_ref().unwrap().blocks[0];
    assert_eq!(block.operator_text, "StringEqualsWhatever");
    assert_eq!(block.operator(), None);
    assert_eq!(block.entries[0].key.as_str(), "custom:Unknown");
    assert_eq!(
        block.entries[0].values,
        OneOrMany::One(ConditionValue::String("a\tb".into()))
    );
    assert_eq!(block.entries[1].key.as_str(), "AWS:sourceip");
    assert_eq!(value(&policy.to_json()), value(text));
}

#[test]
fn validator_findings_are_not_parse_errors() {
    // An unknown Version is kept as written.
    let policy = parse(r#"{"Version": "2020-01-01", "Statement": []}"#);
    let version = policy.version.as_ref().unwrap();
    assert_eq!(version.as_str(), "2020-01-01");
    assert!(!version.is_valid());
    assert_eq!(policy.statement, OneOrMany::Many(Vec::new()));
    assert_eq!(
        policy.to_json(),
        r#"{"Version":"2020-01-01","Statement":[]}"#
    );

    // No Version, no Action, no Resource, empty arrays.
    let policy = parse(
        r#"{"Statement": [{"Effect": "Allow"}, {"Effect": "Deny", "Action": [], "Resource": [], "Condition": {"StringLike": {}}}]}"#,
    );
    assert_eq!(policy.version, None);
    let [bare, empty] = policy.statements() else {
        panic!("two statements");
    };
    assert_eq!(bare.action, None);
    assert_eq!(bare.resource, None);
    assert_eq!(bare.condition, None);
    assert_eq!(
        empty.action,
        Some(ActionElement::Action(OneOrMany::Many(Vec::new())))
    );
    assert!(empty.resource.as_ref().unwrap().items().is_empty());
    assert!(empty.condition.as_ref().unwrap().blocks[0]
        .entries
        .is_empty());
    assert_eq!(
        policy.to_json(),
        r#"{"Statement":[{"Effect":"Allow"},{"Effect":"Deny","Action":[],"Resource":[],"Condition":{"StringLike":{}}}]}"#
    );
}

/// The line and 1-based column of the last character of the `nth` (from 0) occurrence of
/// `needle`: where serde_json reports an error found just after reading that text.
fn at(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    let start = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("{needle:?} #{nth} not in {text}"))
        .0;
    let end = start + needle.len();
    let line_start = text[..end].rfind('\n').map_or(0, |newline| newline + 1);
    let line = 1 + text[..line_start].matches('\n').count();
    (line, text[line_start..end].chars().count())
}

fn parse_error(text: &str) -> PolicyJsonError {
    match Policy::from_json(text) {
        Ok(policy) => panic!("parsed {policy:?}"),
        Err(error) => error,
    }
}

#[track_caller]
fn assert_error(text: &str, code: &str, needle: &str, nth: usize, message_part: &str) {
    let error = parse_error(text);
    assert_eq!(error.code(), code, "{error}");
    assert_eq!(
        (error.line(), error.column()),
        at(text, needle, nth),
        "{error}"
    );
    assert!(
        error.message().contains(message_part),
        "{:?} lacks {message_part:?}",
        error.message()
    );
    // Entering through serde_json directly gives the same position and a readable message.
    let direct = serde_json::from_str::<Policy>(text).unwrap_err();
    assert_eq!(
        (direct.line(), direct.column()),
        (error.line(), error.column())
    );
}

#[test]
fn unknown_elements_are_invalid_policy_elements() {
    let text = r#"{
  "Version": "2012-10-17",
  "Statements": []
}"#;
    assert_error(
        text,
        "INVALID_POLICY_ELEMENT",
        r#""Statements""#,
        0,
        r#"unknown policy element "Statements"; valid elements are Version, Id and Statement"#,
    );

    let text = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "action": "sagemaker:ListModels",
      "Resource": "*"
    }
  ]
}"#;
    assert_error(
        text,
        "INVALID_POLICY_ELEMENT",
        r#""action""#,
        0,
        "valid elements are Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition",
    );
}

#[test]
fn exclusive_pairs_are_unsupported_combinations() {
    for (first, second) in [
        ("Action", "NotAction"),
        ("NotResource", "Resource"),
        ("Principal", "NotPrincipal"),
    ] {
        let text = format!(
            r#"{{
  "Statement": {{
    "Effect": "Allow",
    "{first}": "*",
    "{second}": "*"
  }}
}}"#
        );
        assert_error(
            &text,
            "UNSUPPORTED_ELEMENT_COMBINATION",
            &format!("\"{second}\""),
            0,
            &format!("a statement cannot have both {first} and {second}"),
        );
    }
}

#[test]
fn effect_must_be_present_and_exact() {
    let text = r#"{
  "Statement": [
    {"Effect": "Allow", "Action": "*"},
    {
      "Action": "*",
      "Resource": "*"
    }
  ]
}"#;
    // Found at the end of the statement.
    assert_error(text, "MISSING_EFFECT", "    }", 0, "no Effect");

    let text = r#"{
  "Statement": {
    "Effect": "Permit",
    "Action": "*"
  }
}"#;
    assert_error(
        text,
        "INVALID_EFFECT",
        r#""Permit""#,
        0,
        r#"Effect must be "Allow" or "Deny", found "Permit""#,
    );
    let error = parse_error(text);
    assert_eq!((error.line(), error.column()), (3, 22));
    assert_eq!(
        error.to_string(),
        r#"line 3, column 22: INVALID_EFFECT: Effect must be "Allow" or "Deny", found "Permit""#
    );

    // Case matters.
    let text = r#"{"Statement": {"Effect": "allow"}}"#;
    assert_error(text, "INVALID_EFFECT", r#""allow""#, 0, r#"found "allow""#);
    // A non-string Effect is a type error.
    let text = r#"{"Statement": {"Effect": true}}"#;
    assert_error(
        text,
        "DATA_TYPE_MISMATCH",
        "true",
        0,
        r#"Effect must be "Allow" or "Deny", found a boolean"#,
    );
}

#[test]
fn statement_must_be_present() {
    let text = r#"{
  "Version": "2012-10-17",
  "Id": "empty"
}"#;
    // Found at the closing brace.
    assert_error(text, "MISSING_STATEMENT", "}", 0, "no Statement");
}

#[test]
fn duplicate_keys_are_duplicate_elements() {
    let text = r#"{
  "Version": "2012-10-17",
  "Statement": [],
  "Version": "2012-10-17"
}"#;
    assert_error(
        text,
        "DUPLICATE_ELEMENT",
        r#""Version""#,
        1,
        r#"the policy has "Version" more than once"#,
    );

    let text = r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": "*",
    "Effect": "Deny"
  }
}"#;
    assert_error(text, "DUPLICATE_ELEMENT", r#""Effect""#, 1, "\"Effect\"");

    let text = r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": "*",
    "Condition": {
      "StringEquals": {
        "aws:RequestedRegion": "us-east-1",
        "aws:RequestedRegion": "us-west-2"
      }
    }
  }
}"#;
    assert_error(
        text,
        "DUPLICATE_ELEMENT",
        r#""aws:RequestedRegion""#,
        1,
        "\"aws:RequestedRegion\"",
    );

    let text = r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": "*",
    "Condition": {
      "StringEquals": {},
      "StringEquals": {}
    }
  }
}"#;
    assert_error(
        text,
        "DUPLICATE_ELEMENT",
        r#""StringEquals""#,
        1,
        "\"StringEquals\"",
    );

    let text = r#"{
  "Statement": {
    "Effect": "Allow",
    "Principal": {
      "AWS": "arn:aws:iam::123456789012:root",
      "AWS": "arn:aws:iam::210987654321:root"
    },
    "Action": "*"
  }
}"#;
    assert_error(text, "DUPLICATE_ELEMENT", r#""AWS""#, 1, "\"AWS\"");

    // The last of the statement's elements, and one written with an escape.
    let text = r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": "*",
    "Condition": {},
    "Condition": {}
  }
}"#;
    assert_error(
        text,
        "DUPLICATE_ELEMENT",
        r#""Condition""#,
        1,
        "\"Condition\"",
    );
    let text = r#"{"Statement": {"Effect": "Allow", "Action": "*", "\u0045ffect": "Deny"}}"#;
    assert_error(
        text,
        "DUPLICATE_ELEMENT",
        r#""\u0045ffect""#,
        0,
        "\"Effect\"",
    );
}

#[test]
fn escaped_element_names_are_read_as_their_text() {
    let text = r#"{"Version": "2012-10-17", "St\u0061tement": {"\u0045ffect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}}"#;
    let policy = Policy::from_json(text).expect("escapes in keys are plain JSON");
    assert_eq!(policy.statements().len(), 1);
    assert_eq!(policy.statements()[0].effect, Effect::Allow);
}

#[test]
fn wrong_json_types_are_data_type_mismatches() {
    let cases: [(&str, &str, usize, &str); 10] = [
        (
            r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": 42
  }
}"#,
            "42",
            0,
            "Action must be a string or an array of strings, found a number",
        ),
        (
            r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": "*",
    "Resource": [
      "*",
      7
    ]
  }
}"#,
            "7",
            0,
            "each entry of Resource must be a string, found a number",
        ),
        (
            r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": "*",
    "Condition": [
      "StringEquals"
    ]
  }
}"#,
            // Container errors point at the closing bracket.
            "    ]",
            0,
            "Condition must be an object of operators, found an array",
        ),
        (
            r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": "*",
    "Condition": {
      "StringEquals": "aws:RequestedRegion"
    }
  }
}"#,
            r#""aws:RequestedRegion""#,
            0,
            r#"Condition operator "StringEquals" must be an object of condition keys, found a string"#,
        ),
        (
            r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": "*",
    "Condition": {
      "StringEquals": {
        "aws:RequestedRegion": {"value": "us-east-1"}
      }
    }
  }
}"#,
            r#""us-east-1"}"#,
            0,
            r#"condition key "aws:RequestedRegion" must be a string, boolean or number, or an array of them, found an object"#,
        ),
        (
            r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": "*",
    "Condition": {
      "Null": {
        "aws:TokenIssueTime": null
      }
    }
  }
}"#,
            "null",
            0,
            r#"condition key "aws:TokenIssueTime" must be a string, boolean or number, or an array of them, found null"#,
        ),
        (
            r#"{
  "Statement": {
    "Effect": "Allow",
    "Action": "*",
    "Condition": {
      "StringEquals": {
        "aws:RequestedRegion": [
          "us-east-1",
          ["us-west-2"]
        ]
      }
    }
  }
}"#,
            r#"["us-west-2"]"#,
            0,
            r#"each value of condition key "aws:RequestedRegion" must be a string, boolean or number, found an array"#,
        ),
        (
            r#"{
  "Version": "2012-10-17",
  "Statement": "Allow everything"
}"#,
            r#""Allow everything""#,
            0,
            "Statement must be an object or an array of objects, found a string",
        ),
        (
            r#"{
  "Version": 2012,
  "Statement": []
}"#,
            "2012",
            0,
            "Version must be a string, found a number",
        ),
        (
            r#"{
  "Statement": {
    "Effect": "Allow",
    "Principal": {
      "Service": [
        "sagemaker.amazonaws.com",
        false
      ]
    },
    "Action": "*"
  }
}"#,
            "false",
            0,
            r#"each entry of Principal "Service" must be a string, found a boolean"#,
        ),
    ];
    for (text, needle, nth, message) in cases {
        assert_error(text, "DATA_TYPE_MISMATCH", needle, nth, message);
    }

    // A document that is not an object, and statements that are not objects.
    assert_error(
        "[]",
        "DATA_TYPE_MISMATCH",
        "]",
        0,
        "A policy must be an object, found an array",
    );
    assert_error(
        r#"{"Statement": [{"Effect": "Allow"}, "*"]}"#,
        "DATA_TYPE_MISMATCH",
        r#""*""#,
        0,
        "each entry of Statement must be an object, found a string",
    );
}

#[test]
fn principal_keys_and_strings_are_checked() {
    let text = r#"{
  "Statement": {
    "Effect": "Allow",
    "Principal": {
      "Service": "sagemaker.amazonaws.com",
      "Group": "admins"
    },
    "Action": "*"
  }
}"#;
    assert_error(
        text,
        "INVALID_PRINCIPAL_KEY",
        r#""Group""#,
        0,
        r#"unknown principal type "Group"; expected AWS, Service, Federated or CanonicalUser"#,
    );

    let text = r#"{
  "Statement": {
    "Effect": "Allow",
    "NotPrincipal": "arn:aws:iam::123456789012:root",
    "Action": "*"
  }
}"#;
    assert_error(
        text,
        "INVALID_PRINCIPAL_FORMAT",
        r#""arn:aws:iam::123456789012:root""#,
        0,
        "NotPrincipal must be \"*\" or an object",
    );
}

#[test]
fn malformed_json_is_a_syntax_error() {
    let text = r#"{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "*",}
  ]
}"#;
    // serde_json reports a trailing comma at the brace after it.
    assert_error(text, "JSON_SYNTAX_ERROR", ",}", 0, "trailing comma");

    let error = parse_error(r#"{"Statement": []} extra"#);
    assert_eq!(error.code(), "JSON_SYNTAX_ERROR");
    assert_eq!((error.line(), error.column()), (1, 19));

    let error = parse_error("{\n  \"Statement\": [\n");
    assert_eq!(error.code(), "JSON_SYNTAX_ERROR");
    assert_eq!(error.line(), 3);
}

#[test]
fn errors_are_std_errors() {
    let error: Box<dyn std::error::Error> = Box::new(parse_error("{}"));
    assert_eq!(
        error.to_string(),
        "line 1, column 2: MISSING_STATEMENT: the policy has no Statement element"
    );
}

#[test]
fn numbers_that_are_not_json_cannot_be_serialized() {
    let mut policy = parse(
        r#"{"Statement": {"Effect": "Allow", "Action": "*", "Condition": {"NumericEquals": {"k": 1}}}}"#,
    );
    let OneOrMany::One(statement) = &mut policy.statement else {
        panic!("a lone statement");
    };
    statement.condition.as_mut().unwrap().blocks[0].entries[0].values =
        OneOrMany::One(ConditionValue::Number("1_000".into()));
    let error = serde_json::to_string(&policy).unwrap_err();
    assert!(
        error
            .to_string()
            .contains(r#"condition value "1_000" is not a JSON number"#),
        "{error}"
    );
}
