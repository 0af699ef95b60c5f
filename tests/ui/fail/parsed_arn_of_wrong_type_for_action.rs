use sagemaker_actions::arn::{self, TypedArn};
use sagemaker_actions::policy;

fn main() {
    // A parsed endpoint counts as an endpoint, which CreateTrainingJob does not act on.
    let endpoint =
        arn::Endpoint::parse("arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn").unwrap();
    let _ = policy! {
        Statement: { Effect: Allow, Action: [CreateTrainingJob], Resource: [endpoint as Endpoint] }
    };
}
