use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Version: "2012-10-18",
        Statement: { Effect: Allow, Action: [DescribeTrainingJob], Resource: "*" }
    };
}
