use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: CreateTrainingJob,
            Resource: "*",
            Condition: {
                ForAllValues:StringLike: { InstanceTypes: "ml.m5.*" },
                ForAllValues:StringLike: { aws::TagKeys: "team" },
            },
        }
    };
}
