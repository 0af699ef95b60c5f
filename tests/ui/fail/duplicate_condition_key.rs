use sagemaker_actions::policy;

fn main() {
    // The same key twice under one operator cannot be written in JSON.
    let _ = policy! {
        Statement: {
            Sid: "Tagged",
            Effect: Allow,
            Action: [DescribeTrainingJob],
            Resource: "*",
            Condition: {
                StringEquals: { aws::ResourceTag("team"): "ml", aws::ResourceTag("team"): "research" },
            },
        }
    };
}
