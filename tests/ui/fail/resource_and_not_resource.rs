use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: {
            Effect: Deny,
            Action: [DescribeTrainingJob],
            Resource: "*",
            NotResource: ["arn:aws:sagemaker:*:*:training-job/x"],
        }
    };
}
