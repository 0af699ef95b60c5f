use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: {
            Effect: Deny,
            Action: [DescribeTrainingJob],
            NotAction: [CreateTrainingJob],
            Resource: "*",
        }
    };
}
