//! Issue 4 acceptance: every policy of the seed pages, written with `policy!`, serializes to
//! the page's JSON.
//!
//! The seeds are pasted verbatim so that the test depends on nothing outside the repository.
//! IAM reads a lone string and a one-element array alike, and the macro writes an
//! other-service action or an `unchecked(...)` resource only inside brackets, so both sides
//! are compared with lone strings turned into one-element arrays; everything else, the order
//! of statements, actions, resources and values included, must match exactly.

use sagemaker_actions::policy;
use sagemaker_actions::policy::Policy;
use serde_json::Value;

// The page's placeholders, passed as the run-time values a real policy would take.
const REGION: &str = "[[region]]";
const ACCOUNT: &str = "[[accountId]]";
const ROLE_ARN: &str = "[[roleArn]]";
const TRAINING_JOB_NAME: &str = "[[trainingJobName]]";
const TRANSFORM_JOB_NAME: &str = "[[transformJobName]]";

/// Step Functions page "IAM policies for Amazon SageMaker": CreateTrainingJob, Static resources, Run a Job (.sync).
const SFN_TRAINING_STATIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/[[trainingJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule" ] } ] }"#;

/// Step Functions page "IAM policies for Amazon SageMaker": CreateTrainingJob, Static resources, Request Response and Callback (.waitForTaskToken).
const SFN_TRAINING_STATIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/[[trainingJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// Step Functions page "IAM policies for Amazon SageMaker": CreateTrainingJob, Dynamic resources, headed ".sync or .waitForTaskToken" on the page.
const SFN_TRAINING_DYNAMIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule" ] } ] }"#;

/// Step Functions page "IAM policies for Amazon SageMaker": CreateTrainingJob, Dynamic resources, Request Response and Callback (.waitForTaskToken).
const SFN_TRAINING_DYNAMIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTrainingJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// Step Functions page "IAM policies for Amazon SageMaker": CreateTransformJob, Static resources, Run a Job (.sync).
const SFN_TRANSFORM_STATIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/[[transformJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule" ] } ] }"#;

/// Step Functions page "IAM policies for Amazon SageMaker": CreateTransformJob, Static resources, Request Response and Callback (.waitForTaskToken).
const SFN_TRANSFORM_STATIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/[[transformJobName]]*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// Step Functions page "IAM policies for Amazon SageMaker": CreateTransformJob, Dynamic resources, Run a Job (.sync).
const SFN_TRANSFORM_DYNAMIC_SYNC: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob", "sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } }, { "Effect": "Allow", "Action": [ "events:PutTargets", "events:PutRule", "events:DescribeRule" ], "Resource": [ "arn:aws:events:[[region]]:[[accountId]]:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule" ] } ] }"#;

/// Step Functions page "IAM policies for Amazon SageMaker": CreateTransformJob, Dynamic resources, Request Response and Callback (.waitForTaskToken).
const SFN_TRANSFORM_DYNAMIC_WAIT: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "sagemaker:CreateTransformJob" ], "Resource": [ "arn:aws:sagemaker:[[region]]:[[accountId]]:transform-job/*" ] }, { "Effect": "Allow", "Action": [ "sagemaker:ListTags" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "[[roleArn]]" ], "Condition": { "StringEquals": { "iam:PassedToService": "sagemaker.amazonaws.com" } } } ] }"#;

/// AmazonSageMakerAdmin-ServiceCatalogProductsServiceRolePolicy.
const SERVICE_CATALOG_PRODUCTS_SERVICE_ROLE: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "apigateway:GET", "apigateway:POST", "apigateway:PUT", "apigateway:PATCH", "apigateway:DELETE" ], "Resource": "*", "Condition": { "StringLike": { "aws:ResourceTag/sagemaker:launch-source": "*" } } }, { "Effect": "Allow", "Action": [ "apigateway:POST" ], "Resource": "*", "Condition": { "ForAnyValue:StringLike": { "aws:TagKeys": [ "sagemaker:launch-source" ] } } }, { "Effect": "Allow", "Action": [ "apigateway:PATCH" ], "Resource": [ "arn:aws:apigateway:*::/account" ] }, { "Effect": "Allow", "Action": [ "cloudformation:CreateStack", "cloudformation:UpdateStack", "cloudformation:DeleteStack" ], "Resource": "arn:aws:cloudformation:*:*:stack/SC-*", "Condition": { "ArnLikeIfExists": { "cloudformation:RoleArn": [ "arn:aws:sts::*:assumed-role/AmazonSageMakerServiceCatalog*" ] } } }, { "Effect": "Allow", "Action": [ "cloudformation:DescribeStackEvents", "cloudformation:DescribeStacks" ], "Resource": "arn:aws:cloudformation:*:*:stack/SC-*" }, { "Effect": "Allow", "Action": [ "cloudformation:GetTemplateSummary", "cloudformation:ValidateTemplate" ], "Resource": "*" }, { "Effect": "Allow", "Action": [ "codebuild:CreateProject", "codebuild:DeleteProject", "codebuild:UpdateProject" ], "Resource": [ "arn:aws:codebuild:*:*:project/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "codecommit:CreateCommit", "codecommit:CreateRepository", "codecommit:DeleteRepository", "codecommit:GetRepository", "codecommit:TagResource" ], "Resource": [ "arn:aws:codecommit:*:*:sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "codecommit:ListRepositories" ], "Resource": "*" }, { "Effect": "Allow", "Action": [ "codepipeline:CreatePipeline", "codepipeline:DeletePipeline", "codepipeline:GetPipeline", "codepipeline:GetPipelineState", "codepipeline:StartPipelineExecution", "codepipeline:TagResource", "codepipeline:UpdatePipeline" ], "Resource": [ "arn:aws:codepipeline:*:*:sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "cognito-idp:CreateUserPool", "cognito-idp:TagResource" ], "Resource": "*", "Condition": { "ForAnyValue:StringLike": { "aws:TagKeys": [ "sagemaker:launch-source" ] } } }, { "Effect": "Allow", "Action": [ "cognito-idp:CreateGroup", "cognito-idp:CreateUserPoolDomain", "cognito-idp:CreateUserPoolClient", "cognito-idp:DeleteGroup", "cognito-idp:DeleteUserPool", "cognito-idp:DeleteUserPoolClient", "cognito-idp:DeleteUserPoolDomain", "cognito-idp:DescribeUserPool", "cognito-idp:DescribeUserPoolClient", "cognito-idp:UpdateUserPool", "cognito-idp:UpdateUserPoolClient" ], "Resource": "*", "Condition": { "StringLike": { "aws:ResourceTag/sagemaker:launch-source": "*" } } }, { "Effect": "Allow", "Action": [ "ecr:CreateRepository", "ecr:DeleteRepository" ], "Resource": [ "arn:aws:ecr:*:*:repository/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "events:DescribeRule", "events:DeleteRule", "events:DisableRule", "events:EnableRule", "events:PutRule", "events:PutTargets", "events:RemoveTargets" ], "Resource": [ "arn:aws:events:*:*:rule/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "firehose:CreateDeliveryStream", "firehose:DeleteDeliveryStream", "firehose:DescribeDeliveryStream", "firehose:StartDeliveryStreamEncryption", "firehose:StopDeliveryStreamEncryption", "firehose:UpdateDestination" ], "Resource": "arn:aws:firehose:*:*:deliverystream/sagemaker-*" }, { "Effect": "Allow", "Action": [ "glue:CreateDatabase", "glue:DeleteDatabase" ], "Resource": [ "arn:aws:glue:*:*:catalog", "arn:aws:glue:*:*:database/sagemaker-*", "arn:aws:glue:*:*:table/sagemaker-*", "arn:aws:glue:*:*:userDefinedFunction/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "glue:CreateClassifier", "glue:DeleteClassifier", "glue:DeleteCrawler", "glue:DeleteJob", "glue:DeleteTrigger", "glue:DeleteWorkflow", "glue:StopCrawler" ], "Resource": [ "*" ] }, { "Effect": "Allow", "Action": [ "glue:CreateWorkflow" ], "Resource": [ "arn:aws:glue:*:*:workflow/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "glue:CreateJob" ], "Resource": [ "arn:aws:glue:*:*:job/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "glue:CreateCrawler", "glue:GetCrawler" ], "Resource": [ "arn:aws:glue:*:*:crawler/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "glue:CreateTrigger", "glue:GetTrigger" ], "Resource": [ "arn:aws:glue:*:*:trigger/sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": [ "arn:aws:iam::*:role/service-role/AmazonSageMakerServiceCatalog*" ] }, { "Effect": "Allow", "Action": [ "lambda:AddPermission", "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:GetFunctionConfiguration", "lambda:InvokeFunction", "lambda:RemovePermission" ], "Resource": [ "arn:aws:lambda:*:*:function:sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "logs:CreateLogGroup", "logs:CreateLogStream", "logs:DeleteLogGroup", "logs:DeleteLogStream", "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutRetentionPolicy" ], "Resource": [ "arn:aws:logs:*:*:log-group:/aws/apigateway/AccessLogs/*", "arn:aws:logs:*:*:log-group::log-stream:*" ] }, { "Effect": "Allow", "Action": "s3:GetObject", "Resource": "*", "Condition": { "StringEquals": { "s3:ExistingObjectTag/servicecatalog:provisioning": "true" } } }, { "Effect": "Allow", "Action": "s3:GetObject", "Resource": [ "arn:aws:s3:::sagemaker-*" ] }, { "Effect": "Allow", "Action": [ "s3:CreateBucket", "s3:DeleteBucket", "s3:DeleteBucketPolicy", "s3:GetBucketPolicy", "s3:PutBucketAcl", "s3:PutBucketNotification", "s3:PutBucketPolicy", "s3:PutBucketPublicAccessBlock", "s3:PutBucketLogging", "s3:PutEncryptionConfiguration", "s3:PutBucketTagging", "s3:PutObjectTagging", "s3:PutBucketCORS" ], "Resource": "arn:aws:s3:::sagemaker-*" }, { "Effect": "Allow", "Action": [ "sagemaker:CreateEndpoint", "sagemaker:CreateEndpointConfig", "sagemaker:CreateModel", "sagemaker:CreateWorkteam", "sagemaker:DeleteEndpoint", "sagemaker:DeleteEndpointConfig", "sagemaker:DeleteModel", "sagemaker:DeleteWorkteam", "sagemaker:DescribeModel", "sagemaker:DescribeEndpointConfig", "sagemaker:DescribeEndpoint", "sagemaker:DescribeWorkteam", "sagemaker:CreateCodeRepository", "sagemaker:DescribeCodeRepository", "sagemaker:UpdateCodeRepository", "sagemaker:DeleteCodeRepository" ], "Resource": [ "arn:aws:sagemaker:*:*:*" ] }, { "Action": [ "sagemaker:CreateImage", "sagemaker:DeleteImage", "sagemaker:DescribeImage", "sagemaker:UpdateImage", "sagemaker:ListTags" ], "Resource": [ "arn:aws:sagemaker:*:*:image/*" ], "Effect": "Allow" }, { "Effect": "Allow", "Action": [ "states:CreateStateMachine", "states:DeleteStateMachine", "states:UpdateStateMachine" ], "Resource": [ "arn:aws:states:*:*:stateMachine:sagemaker-*" ] }, { "Effect": "Allow", "Action": "codestar-connections:PassConnection", "Resource": "arn:aws:codestar-connections:*:*:connection/*", "Condition": { "StringEquals": { "codestar-connections:PassedToService": "codepipeline.amazonaws.com" } } } ] }"#;

/// AmazonSageMakerPipelinesIntegrations.
const PIPELINES_INTEGRATIONS: &str = r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Action": [ "lambda:CreateFunction", "lambda:DeleteFunction", "lambda:GetFunction", "lambda:InvokeFunction", "lambda:UpdateFunctionCode" ], "Resource": [ "arn:aws:lambda:*:*:function:*sagemaker*", "arn:aws:lambda:*:*:function:*sageMaker*", "arn:aws:lambda:*:*:function:*SageMaker*" ] }, { "Effect": "Allow", "Action": [ "sqs:CreateQueue", "sqs:SendMessage" ], "Resource": [ "arn:aws:sqs:*:*:*sagemaker*", "arn:aws:sqs:*:*:*sageMaker*", "arn:aws:sqs:*:*:*SageMaker*" ] }, { "Effect": "Allow", "Action": [ "iam:PassRole" ], "Resource": "arn:aws:iam::*:role/*", "Condition": { "StringEquals": { "iam:PassedToService": [ "lambda.amazonaws.com", "elasticmapreduce.amazonaws.com", "ec2.amazonaws.com" ] } } }, { "Effect": "Allow", "Action": [ "events:DescribeRule", "events:PutRule", "events:PutTargets" ], "Resource": [ "arn:aws:events:*:*:rule/SageMakerPipelineExecutionEMRStepStatusUpdateRule", "arn:aws:events:*:*:rule/SageMakerPipelineExecutionEMRClusterStatusUpdateRule" ] }, { "Effect": "Allow", "Action": [ "elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:CancelSteps", "elasticmapreduce:DescribeStep", "elasticmapreduce:RunJobFlow", "elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows", "elasticmapreduce:ListSteps" ], "Resource": [ "arn:aws:elasticmapreduce:*:*:cluster/*" ] } ] }"#;

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

#[track_caller]
fn assert_reproduces(policy: &Policy, seed: &str) {
    let built: Value = serde_json::from_str(&policy.to_json()).expect("to_json writes JSON");
    let expected: Value = serde_json::from_str(seed).expect("the seed is JSON");
    let (built, expected) = (normalize(built), normalize(expected));
    assert!(
        built == expected,
        "built:\n{}\nseed:\n{}",
        serde_json::to_string_pretty(&built).unwrap(),
        serde_json::to_string_pretty(&expected).unwrap(),
    );
}

#[test]
fn normalize_turns_lone_strings_into_arrays_only_where_iam_allows_both() {
    let lone: Value = serde_json::from_str(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Condition":{"StringEquals":{"k":"v"}}}]}"#,
    )
    .unwrap();
    let arrays: Value = serde_json::from_str(
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Condition":{"StringEquals":{"k":["v"]}}}]}"#,
    )
    .unwrap();
    assert_eq!(normalize(lone.clone())["Version"], "2012-10-17");
    assert_eq!(normalize(lone), normalize(arrays));
}

#[test]
fn step_functions_create_training_job_static_sync() {
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: Allow,
                Action: [CreateTrainingJob, DescribeTrainingJob, StopTrainingJob],
                Resource: [TrainingJob(REGION, ACCOUNT, format!("{TRAINING_JOB_NAME}*"))],
            },
            { Effect: Allow, Action: [ListTags], Resource: ["*"] },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: [unchecked(ROLE_ARN)],
                Condition: { StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" } },
            },
            {
                Effect: Allow,
                Action: [unchecked("events:PutTargets"), unchecked("events:PutRule"), unchecked("events:DescribeRule")],
                Resource: [unchecked(format!(
                    "arn:aws:events:{REGION}:{ACCOUNT}:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule"
                ))],
            },
        ],
    };
    assert_reproduces(&policy, SFN_TRAINING_STATIC_SYNC);
}

#[test]
fn step_functions_create_training_job_static_wait_for_task_token() {
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: Allow,
                Action: [CreateTrainingJob],
                Resource: [TrainingJob(REGION, ACCOUNT, format!("{TRAINING_JOB_NAME}*"))],
            },
            { Effect: Allow, Action: [ListTags], Resource: ["*"] },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: [unchecked(ROLE_ARN)],
                Condition: { StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" } },
            },
        ],
    };
    assert_reproduces(&policy, SFN_TRAINING_STATIC_WAIT);
}

#[test]
fn step_functions_create_training_job_dynamic_sync() {
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: Allow,
                Action: [CreateTrainingJob, DescribeTrainingJob, StopTrainingJob],
                Resource: [TrainingJob(REGION, ACCOUNT, "*")],
            },
            { Effect: Allow, Action: [ListTags], Resource: ["*"] },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: [unchecked(ROLE_ARN)],
                Condition: { StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" } },
            },
            {
                Effect: Allow,
                Action: [unchecked("events:PutTargets"), unchecked("events:PutRule"), unchecked("events:DescribeRule")],
                Resource: [unchecked(format!(
                    "arn:aws:events:{REGION}:{ACCOUNT}:rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule"
                ))],
            },
        ],
    };
    assert_reproduces(&policy, SFN_TRAINING_DYNAMIC_SYNC);
}

#[test]
fn step_functions_create_training_job_dynamic_wait_for_task_token() {
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: Allow,
                Action: [CreateTrainingJob],
                Resource: [TrainingJob(REGION, ACCOUNT, "*")],
            },
            { Effect: Allow, Action: [ListTags], Resource: ["*"] },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: [unchecked(ROLE_ARN)],
                Condition: { StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" } },
            },
        ],
    };
    assert_reproduces(&policy, SFN_TRAINING_DYNAMIC_WAIT);
}

#[test]
fn step_functions_create_transform_job_static_sync() {
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: Allow,
                Action: [CreateTransformJob, DescribeTransformJob, StopTransformJob],
                Resource: [TransformJob(REGION, ACCOUNT, format!("{TRANSFORM_JOB_NAME}*"))],
            },
            { Effect: Allow, Action: [ListTags], Resource: ["*"] },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: [unchecked(ROLE_ARN)],
                Condition: { StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" } },
            },
            {
                Effect: Allow,
                Action: [unchecked("events:PutTargets"), unchecked("events:PutRule"), unchecked("events:DescribeRule")],
                Resource: [unchecked(format!(
                    "arn:aws:events:{REGION}:{ACCOUNT}:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule"
                ))],
            },
        ],
    };
    assert_reproduces(&policy, SFN_TRANSFORM_STATIC_SYNC);
}

#[test]
fn step_functions_create_transform_job_static_wait_for_task_token() {
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: Allow,
                Action: [CreateTransformJob],
                Resource: [TransformJob(REGION, ACCOUNT, format!("{TRANSFORM_JOB_NAME}*"))],
            },
            { Effect: Allow, Action: [ListTags], Resource: ["*"] },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: [unchecked(ROLE_ARN)],
                Condition: { StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" } },
            },
        ],
    };
    assert_reproduces(&policy, SFN_TRANSFORM_STATIC_WAIT);
}

#[test]
fn step_functions_create_transform_job_dynamic_sync() {
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: Allow,
                Action: [CreateTransformJob, DescribeTransformJob, StopTransformJob],
                Resource: [TransformJob(REGION, ACCOUNT, "*")],
            },
            { Effect: Allow, Action: [ListTags], Resource: ["*"] },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: [unchecked(ROLE_ARN)],
                Condition: { StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" } },
            },
            {
                Effect: Allow,
                Action: [unchecked("events:PutTargets"), unchecked("events:PutRule"), unchecked("events:DescribeRule")],
                Resource: [unchecked(format!(
                    "arn:aws:events:{REGION}:{ACCOUNT}:rule/StepFunctionsGetEventsForSageMakerTransformJobsRule"
                ))],
            },
        ],
    };
    assert_reproduces(&policy, SFN_TRANSFORM_DYNAMIC_SYNC);
}

#[test]
fn step_functions_create_transform_job_dynamic_wait_for_task_token() {
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: Allow,
                Action: [CreateTransformJob],
                Resource: [TransformJob(REGION, ACCOUNT, "*")],
            },
            { Effect: Allow, Action: [ListTags], Resource: ["*"] },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: [unchecked(ROLE_ARN)],
                Condition: { StringEquals: { unchecked("iam:PassedToService"): "sagemaker.amazonaws.com" } },
            },
        ],
    };
    assert_reproduces(&policy, SFN_TRANSFORM_DYNAMIC_WAIT);
}

#[test]
fn amazon_sagemaker_admin_service_catalog_products_service_role_policy() {
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: Allow,
                Action: [
                    unchecked("apigateway:GET"),
                    unchecked("apigateway:POST"),
                    unchecked("apigateway:PUT"),
                    unchecked("apigateway:PATCH"),
                    unchecked("apigateway:DELETE"),
                ],
                Resource: "*",
                Condition: { StringLike: { aws::ResourceTag("sagemaker:launch-source"): "*" } },
            },
            {
                Effect: Allow,
                Action: [unchecked("apigateway:POST")],
                Resource: "*",
                Condition: { ForAnyValue:StringLike: { aws::TagKeys: ["sagemaker:launch-source"] } },
            },
            {
                Effect: Allow,
                Action: [unchecked("apigateway:PATCH")],
                Resource: ["arn:aws:apigateway:*::/account"],
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("cloudformation:CreateStack"),
                    unchecked("cloudformation:UpdateStack"),
                    unchecked("cloudformation:DeleteStack"),
                ],
                Resource: "arn:aws:cloudformation:*:*:stack/SC-*",
                Condition: {
                    ArnLikeIfExists: {
                        unchecked("cloudformation:RoleArn"): ["arn:aws:sts::*:assumed-role/AmazonSageMakerServiceCatalog*"],
                    },
                },
            },
            {
                Effect: Allow,
                Action: [unchecked("cloudformation:DescribeStackEvents"), unchecked("cloudformation:DescribeStacks")],
                Resource: "arn:aws:cloudformation:*:*:stack/SC-*",
            },
            {
                Effect: Allow,
                Action: [unchecked("cloudformation:GetTemplateSummary"), unchecked("cloudformation:ValidateTemplate")],
                Resource: "*",
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("codebuild:CreateProject"),
                    unchecked("codebuild:DeleteProject"),
                    unchecked("codebuild:UpdateProject"),
                ],
                Resource: ["arn:aws:codebuild:*:*:project/sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("codecommit:CreateCommit"),
                    unchecked("codecommit:CreateRepository"),
                    unchecked("codecommit:DeleteRepository"),
                    unchecked("codecommit:GetRepository"),
                    unchecked("codecommit:TagResource"),
                ],
                Resource: ["arn:aws:codecommit:*:*:sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [unchecked("codecommit:ListRepositories")],
                Resource: "*",
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("codepipeline:CreatePipeline"),
                    unchecked("codepipeline:DeletePipeline"),
                    unchecked("codepipeline:GetPipeline"),
                    unchecked("codepipeline:GetPipelineState"),
                    unchecked("codepipeline:StartPipelineExecution"),
                    unchecked("codepipeline:TagResource"),
                    unchecked("codepipeline:UpdatePipeline"),
                ],
                Resource: ["arn:aws:codepipeline:*:*:sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [unchecked("cognito-idp:CreateUserPool"), unchecked("cognito-idp:TagResource")],
                Resource: "*",
                Condition: { ForAnyValue:StringLike: { aws::TagKeys: ["sagemaker:launch-source"] } },
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("cognito-idp:CreateGroup"),
                    unchecked("cognito-idp:CreateUserPoolDomain"),
                    unchecked("cognito-idp:CreateUserPoolClient"),
                    unchecked("cognito-idp:DeleteGroup"),
                    unchecked("cognito-idp:DeleteUserPool"),
                    unchecked("cognito-idp:DeleteUserPoolClient"),
                    unchecked("cognito-idp:DeleteUserPoolDomain"),
                    unchecked("cognito-idp:DescribeUserPool"),
                    unchecked("cognito-idp:DescribeUserPoolClient"),
                    unchecked("cognito-idp:UpdateUserPool"),
                    unchecked("cognito-idp:UpdateUserPoolClient"),
                ],
                Resource: "*",
                Condition: { StringLike: { aws::ResourceTag("sagemaker:launch-source"): "*" } },
            },
            {
                Effect: Allow,
                Action: [unchecked("ecr:CreateRepository"), unchecked("ecr:DeleteRepository")],
                Resource: ["arn:aws:ecr:*:*:repository/sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("events:DescribeRule"),
                    unchecked("events:DeleteRule"),
                    unchecked("events:DisableRule"),
                    unchecked("events:EnableRule"),
                    unchecked("events:PutRule"),
                    unchecked("events:PutTargets"),
                    unchecked("events:RemoveTargets"),
                ],
                Resource: ["arn:aws:events:*:*:rule/sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("firehose:CreateDeliveryStream"),
                    unchecked("firehose:DeleteDeliveryStream"),
                    unchecked("firehose:DescribeDeliveryStream"),
                    unchecked("firehose:StartDeliveryStreamEncryption"),
                    unchecked("firehose:StopDeliveryStreamEncryption"),
                    unchecked("firehose:UpdateDestination"),
                ],
                Resource: "arn:aws:firehose:*:*:deliverystream/sagemaker-*",
            },
            {
                Effect: Allow,
                Action: [unchecked("glue:CreateDatabase"), unchecked("glue:DeleteDatabase")],
                Resource: [
                    "arn:aws:glue:*:*:catalog",
                    "arn:aws:glue:*:*:database/sagemaker-*",
                    "arn:aws:glue:*:*:table/sagemaker-*",
                    "arn:aws:glue:*:*:userDefinedFunction/sagemaker-*",
                ],
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("glue:CreateClassifier"),
                    unchecked("glue:DeleteClassifier"),
                    unchecked("glue:DeleteCrawler"),
                    unchecked("glue:DeleteJob"),
                    unchecked("glue:DeleteTrigger"),
                    unchecked("glue:DeleteWorkflow"),
                    unchecked("glue:StopCrawler"),
                ],
                Resource: ["*"],
            },
            {
                Effect: Allow,
                Action: [unchecked("glue:CreateWorkflow")],
                Resource: ["arn:aws:glue:*:*:workflow/sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [unchecked("glue:CreateJob")],
                Resource: ["arn:aws:glue:*:*:job/sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [unchecked("glue:CreateCrawler"), unchecked("glue:GetCrawler")],
                Resource: ["arn:aws:glue:*:*:crawler/sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [unchecked("glue:CreateTrigger"), unchecked("glue:GetTrigger")],
                Resource: ["arn:aws:glue:*:*:trigger/sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: ["arn:aws:iam::*:role/service-role/AmazonSageMakerServiceCatalog*"],
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("lambda:AddPermission"),
                    unchecked("lambda:CreateFunction"),
                    unchecked("lambda:DeleteFunction"),
                    unchecked("lambda:GetFunction"),
                    unchecked("lambda:GetFunctionConfiguration"),
                    unchecked("lambda:InvokeFunction"),
                    unchecked("lambda:RemovePermission"),
                ],
                Resource: ["arn:aws:lambda:*:*:function:sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("logs:CreateLogGroup"),
                    unchecked("logs:CreateLogStream"),
                    unchecked("logs:DeleteLogGroup"),
                    unchecked("logs:DeleteLogStream"),
                    unchecked("logs:DescribeLogGroups"),
                    unchecked("logs:DescribeLogStreams"),
                    unchecked("logs:PutRetentionPolicy"),
                ],
                Resource: [
                    "arn:aws:logs:*:*:log-group:/aws/apigateway/AccessLogs/*",
                    "arn:aws:logs:*:*:log-group::log-stream:*",
                ],
            },
            {
                Effect: Allow,
                // The page writes this lone action as a string; `unchecked(...)` is two tokens,
                // which the macro reads only inside brackets.
                Action: [unchecked("s3:GetObject")],
                Resource: "*",
                Condition: {
                    StringEquals: { unchecked("s3:ExistingObjectTag/servicecatalog:provisioning"): "true" },
                },
            },
            {
                Effect: Allow,
                Action: [unchecked("s3:GetObject")],
                Resource: ["arn:aws:s3:::sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("s3:CreateBucket"),
                    unchecked("s3:DeleteBucket"),
                    unchecked("s3:DeleteBucketPolicy"),
                    unchecked("s3:GetBucketPolicy"),
                    unchecked("s3:PutBucketAcl"),
                    unchecked("s3:PutBucketNotification"),
                    unchecked("s3:PutBucketPolicy"),
                    unchecked("s3:PutBucketPublicAccessBlock"),
                    unchecked("s3:PutBucketLogging"),
                    unchecked("s3:PutEncryptionConfiguration"),
                    unchecked("s3:PutBucketTagging"),
                    unchecked("s3:PutObjectTagging"),
                    unchecked("s3:PutBucketCORS"),
                ],
                Resource: "arn:aws:s3:::sagemaker-*",
            },
            {
                Effect: Allow,
                Action: [
                    CreateEndpoint,
                    CreateEndpointConfig,
                    CreateModel,
                    CreateWorkteam,
                    DeleteEndpoint,
                    DeleteEndpointConfig,
                    DeleteModel,
                    DeleteWorkteam,
                    DescribeModel,
                    DescribeEndpointConfig,
                    DescribeEndpoint,
                    DescribeWorkteam,
                    CreateCodeRepository,
                    DescribeCodeRepository,
                    UpdateCodeRepository,
                    DeleteCodeRepository,
                ],
                Resource: ["arn:aws:sagemaker:*:*:*"],
            },
            {
                Action: [CreateImage, DeleteImage, DescribeImage, UpdateImage, ListTags],
                Resource: [Image("*", "*", "*")],
                Effect: Allow,
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("states:CreateStateMachine"),
                    unchecked("states:DeleteStateMachine"),
                    unchecked("states:UpdateStateMachine"),
                ],
                Resource: ["arn:aws:states:*:*:stateMachine:sagemaker-*"],
            },
            {
                Effect: Allow,
                Action: [unchecked("codestar-connections:PassConnection")],
                Resource: "arn:aws:codestar-connections:*:*:connection/*",
                Condition: {
                    StringEquals: { unchecked("codestar-connections:PassedToService"): "codepipeline.amazonaws.com" },
                },
            },
        ],
    };
    assert_reproduces(&policy, SERVICE_CATALOG_PRODUCTS_SERVICE_ROLE);
}

#[test]
fn amazon_sagemaker_pipelines_integrations() {
    let policy = policy! {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: Allow,
                Action: [
                    unchecked("lambda:CreateFunction"),
                    unchecked("lambda:DeleteFunction"),
                    unchecked("lambda:GetFunction"),
                    unchecked("lambda:InvokeFunction"),
                    unchecked("lambda:UpdateFunctionCode"),
                ],
                Resource: [
                    "arn:aws:lambda:*:*:function:*sagemaker*",
                    "arn:aws:lambda:*:*:function:*sageMaker*",
                    "arn:aws:lambda:*:*:function:*SageMaker*",
                ],
            },
            {
                Effect: Allow,
                Action: [unchecked("sqs:CreateQueue"), unchecked("sqs:SendMessage")],
                Resource: [
                    "arn:aws:sqs:*:*:*sagemaker*",
                    "arn:aws:sqs:*:*:*sageMaker*",
                    "arn:aws:sqs:*:*:*SageMaker*",
                ],
            },
            {
                Effect: Allow,
                Action: [iam::PassRole],
                Resource: "arn:aws:iam::*:role/*",
                Condition: {
                    StringEquals: {
                        unchecked("iam:PassedToService"): [
                            "lambda.amazonaws.com",
                            "elasticmapreduce.amazonaws.com",
                            "ec2.amazonaws.com",
                        ],
                    },
                },
            },
            {
                Effect: Allow,
                Action: [unchecked("events:DescribeRule"), unchecked("events:PutRule"), unchecked("events:PutTargets")],
                Resource: [
                    "arn:aws:events:*:*:rule/SageMakerPipelineExecutionEMRStepStatusUpdateRule",
                    "arn:aws:events:*:*:rule/SageMakerPipelineExecutionEMRClusterStatusUpdateRule",
                ],
            },
            {
                Effect: Allow,
                Action: [
                    unchecked("elasticmapreduce:AddJobFlowSteps"),
                    unchecked("elasticmapreduce:CancelSteps"),
                    unchecked("elasticmapreduce:DescribeStep"),
                    unchecked("elasticmapreduce:RunJobFlow"),
                    unchecked("elasticmapreduce:DescribeCluster"),
                    unchecked("elasticmapreduce:TerminateJobFlows"),
                    unchecked("elasticmapreduce:ListSteps"),
                ],
                Resource: ["arn:aws:elasticmapreduce:*:*:cluster/*"],
            },
        ],
    };
    assert_reproduces(&policy, PIPELINES_INTEGRATIONS);
}
