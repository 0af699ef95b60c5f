use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: { Action: [DescribeTrainingJob], Resource: "*" }
    };
}
