use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: [DescribeTrainingJob],
            Resource: ["arn:aws:sagemaker:*:*:endpoint/x" as TrainingJob],
        }
    };
}
