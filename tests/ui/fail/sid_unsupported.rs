use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Version: "2012-10-17",
        Statement: [{ Sid: "Read training-jobs", Effect: Allow, Action: DescribeTrainingJob, Resource: "*" }],
    };
}
