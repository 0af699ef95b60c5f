use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: [DescribeTrainingJob],
            Resource: "*",
            Condition: { StringEqual: { aws::RequestedRegion: "us-east-1" } },
        }
    };
}
