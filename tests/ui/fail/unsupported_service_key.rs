use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: [DescribeTrainingJob],
            Resource: "*",
            Condition: {
                ArnEquals: { VolumeKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k" },
            },
        }
    };
}
