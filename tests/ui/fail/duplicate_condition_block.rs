use sagemaker_actions::policy;

fn main() {
    // Two StringNotEquals blocks would be one JSON key twice: a reader keeps one block.
    let _ = policy! {
        Statement: [{
            Sid: "FenceRegionAndAccount",
            Effect: Deny,
            Action: "sagemaker:*",
            Resource: "*",
            Condition: {
                StringNotEquals: { aws::RequestedRegion: "us-east-1" },
                Bool: { aws::SecureTransport: "true" },
                StringNotEquals: { aws::PrincipalAccount: "123456789012" },
            },
        }],
    };
}
