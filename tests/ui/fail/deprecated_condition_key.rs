// AWS deprecated sagemaker:VolumeKmsKey in favour of sagemaker:VolumeKmsKeyArn: code that still
// names it gets rustc's deprecation warning naming the replacement (denied here to read it).
#![deny(deprecated)]

use sagemaker_actions::{policy, ConditionKey};

fn main() {
    let _ = ConditionKey::VolumeKmsKey;
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: [CreateTrainingJob],
            Resource: "*",
            Condition: { ArnLike: { VolumeKmsKey: "arn:aws:kms:*:*:key/*" } },
        }
    };
}
