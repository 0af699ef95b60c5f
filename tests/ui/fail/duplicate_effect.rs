use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Version: "2012-10-17",
        Statement: [{ Effect: Allow, Effect: Deny, Action: DescribeTrainingJob, Resource: "*" }],
    };
}
