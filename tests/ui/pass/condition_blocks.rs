use sagemaker_actions::policy;

fn main() {
    // Keys under one operator go into one block; the same operator with a qualifier or
    // IfExists is another JSON key, and the same key under two operators is fine.
    let tag = String::from("project");
    let policy = policy! {
        Statement: {
            Effect: Deny,
            Action: "sagemaker:*",
            Resource: "*",
            Condition: {
                StringNotEquals: { aws::RequestedRegion: "us-east-1", aws::PrincipalAccount: "123456789012" },
                StringNotEqualsIfExists: { aws::RequestedRegion: "us-west-2" },
                StringLike: { aws::ResourceTag("team"): "ml-*", aws::ResourceTag(tag): "x", aws::ResourceTag("Team"): "ML-*" },
                ForAnyValue:StringLike: { InstanceTypes: ["ml.p4*", "ml.p5*"] },
                ForAllValues:StringLike: { InstanceTypes: "ml.*" },
            },
        }
    };
    let json = policy.to_json();
    assert!(
        json.contains(r#""Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east-1","aws:PrincipalAccount":"123456789012"},"StringNotEqualsIfExists":{"aws:RequestedRegion":"us-west-2"},"StringLike":{"aws:ResourceTag/team":"ml-*","aws:ResourceTag/project":"x","aws:ResourceTag/Team":"ML-*"},"ForAnyValue:StringLike""#),
        "{json}"
    );
    let read = sagemaker_actions::policy::Policy::from_json(&json).unwrap();
    assert_eq!(read, policy);
}
