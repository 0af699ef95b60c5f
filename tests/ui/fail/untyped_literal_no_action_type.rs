use sagemaker_actions::policy;

fn main() {
    let (region, account) = ("us-east-1", "123456789012");
    let _ = policy! {
        Statement: {
            Effect: Allow,
            Action: [DescribeEndpoint],
            Resource: [
                Endpoint(region, account, "e"),
                "arn:aws:sagemaker:*:*:training-job/x",
            ],
        }
    };
}
