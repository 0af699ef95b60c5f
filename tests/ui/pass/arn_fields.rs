//! Literal ARNs and builder arguments whose partition, service, Region and account fields are
//! valid: the field checks must not reject them.
use sagemaker_actions::policy;

fn main() {
    let (region, account) = ("us-east-1", "123456789012");
    let modern = policy! {
        Version: "2012-10-17",
        Statement: [
            { Sid: "Wildcards", Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker:*:*:training-job/nightly-*" },
            { Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker:us-east-?:123456789012:training-job/x" },
            { Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker:us-east-1:${aws:PrincipalAccount}:training-job/${aws:username}-*" },
            { Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws-cn:sagemaker:cn-north-1:123456789012:training-job/x" },
            { Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:training-job/x" as TrainingJob },
            { Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:*:sagemaker:us-east-1:123456789012:training-job/x" },
            { Effect: Allow, Action: DescribeTrainingJob, Resource: "*", Condition: { StringEquals: { aws::ResourceTag("owner"): "${aws:username}" } } },
            { Effect: Allow, Action: DescribeTrainingJob, Resource: TrainingJob("us-east-1", "123456789012", "x") },
            { Effect: Allow, Action: DescribeTrainingJob, Resource: TrainingJob::in_partition("aws-cn", "cn-north-1", "123456789012", "x") },
            { Effect: Allow, Action: DescribeTrainingJob, Resource: [TrainingJob(region, account, "x"), TrainingJob("*", "*", "x"), Endpoint(region, "123456789012", "e")] },
            { Effect: Allow, Action: [iam::PassRole], Resource: "arn:aws:iam::123456789012:role/SageMakerExecution" },
            { Effect: Allow, Action: [unchecked("s3:GetObject")], Resource: "arn:aws:s3:::bucket/*" },
        ],
    };
    assert_eq!(modern.statements().len(), 12);
    let legacy = policy! {
        Version: "2008-10-17",
        Statement: [
            { Sid: "Legacy1", Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker:us-east-1:123456789012:training-job/x" },
        ],
    };
    assert_eq!(legacy.statements().len(), 1);
}
