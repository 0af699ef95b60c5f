use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Version: "2012-10-17",
        Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: "arn:aws:sagemaker::123456789012:training-job/x" }],
    };
}
