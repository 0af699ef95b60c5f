use sagemaker_actions::policy;

fn main() {
    // A String is not an endpoint ARN until parsed.
    let endpoint_arn = String::from("arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn");
    let _ = policy! {
        Statement: { Effect: Allow, Action: InvokeEndpoint, Resource: [endpoint_arn as Endpoint] }
    };
}
