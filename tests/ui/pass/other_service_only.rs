use sagemaker_actions::policy;

fn main() {
    let account = "123456789012";
    let bucket = String::from("arn:aws:s3:::training-data/*");
    let policy = policy! {
        Statement: {
            Effect: Allow,
            Action: [unchecked("events:PutRule"), unchecked("s3:Get*"), unchecked("logs:CreateLogStream")],
            Resource: [
                "arn:aws:events:us-east-1:123456789012:rule/sagemaker-*",
                unchecked(bucket),
                unchecked(format!("arn:aws:logs:*:{account}:log-group:/aws/sagemaker/*")),
            ],
        }
    };

    let json = policy.to_json();
    assert!(json.contains("\"events:PutRule\""), "{json}");
    assert!(json.contains("\"s3:Get*\""), "{json}");
    assert!(json.contains("\"arn:aws:s3:::training-data/*\""), "{json}");
    assert!(
        json.contains("\"arn:aws:logs:*:123456789012:log-group:/aws/sagemaker/*\""),
        "{json}"
    );
}
