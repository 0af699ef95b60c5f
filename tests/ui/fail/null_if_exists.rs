use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: [CreateTrainingJob],
            Resource: "*",
            Condition: { NullIfExists: { VolumeKmsKeyArn: "false" } },
        }
    };
}
