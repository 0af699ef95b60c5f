use sagemaker_actions::policy;

fn main() {
    // unchecked(..) could be any text, so it satisfies no action's resource types.
    let endpoint_arn = String::from("arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn");
    let _ = policy! {
        Statement: { Sid: "Invoke", Effect: Allow, Action: InvokeEndpoint, Resource: [unchecked(endpoint_arn)] }
    };
}
