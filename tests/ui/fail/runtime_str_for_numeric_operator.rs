use sagemaker_actions::policy;

fn main() {
    let limit = "3600";
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: [CreateTrainingJob],
            Resource: "*",
            Condition: { NumericLessThan: { MaxRuntimeInSeconds: limit } },
        }
    };
}
