use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: [DescribeTrainingJob],
            Resource: "*",
            Condition: { IpAddress: { aws::SourceIp: "300.1.1.1" } },
        }
    };
}
