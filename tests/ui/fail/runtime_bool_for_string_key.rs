use sagemaker_actions::policy;

fn main() {
    let region_flag = true;
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: [DescribeTrainingJob],
            Resource: "*",
            Condition: { StringEquals: { aws::RequestedRegion: region_flag } },
        }
    };
}
