use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: { Effects: Allow, Action: [DescribeTrainingJob], Resource: "*" }
    };
}
