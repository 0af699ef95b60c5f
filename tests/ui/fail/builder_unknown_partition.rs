use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Version: "2012-10-17",
        Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: TrainingJob::in_partition("AWS-CN", "cn-north-1", "123456789012", "x") }],
    };
}
