use sagemaker_actions::policy;

fn main() {
    let _ = policy! {
        Version: "2008-10-17",
        Statement: [{ Effect: Allow, Action: DescribeTrainingJob, Resource: "*", Condition: { StringEquals: { aws::ResourceTag("owner"): "${aws:username}" } } }],
    };
}
