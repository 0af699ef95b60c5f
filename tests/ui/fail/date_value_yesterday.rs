use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: [DescribeTrainingJob],
            Resource: "*",
            Condition: { DateGreaterThan: { aws::CurrentTime: "yesterday" } },
        }
    };
}
