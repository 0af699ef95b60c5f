use sagemaker_actions::policy;

fn main() {
    let (region, account) = ("us-east-1", "123456789012");
    let allowed_types: Vec<String> = vec!["ml.m5.large".into(), "ml.c5.xlarge".into()];
    let regions = ["us-east-1", "eu-west-1"];
    let role = String::from("arn:aws:iam::123456789012:role/Trainer");
    let policy = policy! {
        Statement: [
            {
                Effect: Allow,
                Action: CreateTrainingJob,
                Resource: [TrainingJob(region, account, "*")],
                Condition: {
                    // A Vec and an iterator as the key's array of values.
                    ForAllValues:StringEquals: { InstanceTypes: [..&allowed_types] },
                    StringEquals: { aws::RequestedRegion: [..regions.iter().copied()] },
                    // Epoch seconds past i32::MAX, written as a number.
                    DateLessThan: { aws::CurrentTime: 4102444800 },
                },
            },
            {
                Effect: Allow,
                Principal: { AWS: (&role) },
                Action: DescribeTrainingJob,
                Resource: [TrainingJob(region, account, "*")],
            },
        ],
    };
    let json = policy.to_json();
    for expected in [
        r#""ForAllValues:StringEquals":{"sagemaker:InstanceTypes":["ml.m5.large","ml.c5.xlarge"]}"#,
        r#""StringEquals":{"aws:RequestedRegion":["us-east-1","eu-west-1"]}"#,
        r#""DateLessThan":{"aws:CurrentTime":4102444800}"#,
        r#""Principal":{"AWS":"arn:aws:iam::123456789012:role/Trainer"}"#,
    ] {
        assert!(json.contains(expected), "{expected} missing from {json}");
    }
    // The role is still ours: the principal copied it.
    assert!(role.ends_with("Trainer"));
}
