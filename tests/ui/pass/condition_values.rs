use sagemaker_actions::policy;
use std::net::{IpAddr, Ipv4Addr};

fn main() {
    let (region, account) = ("us-east-1", "123456789012");
    let region_name = String::from("eu-west-1");
    let isolated = true;
    let max_runtime: u32 = 3600;
    let office: IpAddr = IpAddr::V4(Ipv4Addr::new(203, 0, 113, 7));
    let policy = policy! {
        Statement: [
            {
                Effect: Allow,
                Action: [CreateTrainingJob],
                Resource: [TrainingJob(region, account, "*")],
                Condition: {
                    ForAnyValue:StringLike: { InstanceTypes: ["ml.m5.*", "ml.c5.*"] },
                    Bool: { NetworkIsolation: isolated },
                    NumericLessThanEquals: { MaxRuntimeInSeconds: max_runtime },
                    StringEquals: { aws::RequestedRegion: region_name },
                    IpAddress: { aws::SourceIp: office },
                    Null: { VolumeKmsKeyArn: false },
                },
            },
            {
                Effect: Allow,
                Action: [DescribeTrainingJob, StopTrainingJob],
                Resource: [TrainingJob(region, account, "*")],
                Condition: {
                    StringEquals: { aws::ResourceTag("team"): "ml", ResourceTag("team"): "ml" },
                },
            },
        ],
    };

    assert_eq!(policy.statements().len(), 2);
    let json = policy.to_json();
    for expected in [
        "\"ForAnyValue:StringLike\":{\"sagemaker:InstanceTypes\":[\"ml.m5.*\",\"ml.c5.*\"]}",
        "\"sagemaker:NetworkIsolation\":\"true\"",
        "\"sagemaker:MaxRuntimeInSeconds\":\"3600\"",
        "\"aws:RequestedRegion\":\"eu-west-1\"",
        "\"aws:SourceIp\":\"203.0.113.7\"",
        "\"Null\":{\"sagemaker:VolumeKmsKeyArn\":false}",
        "\"aws:ResourceTag/team\":\"ml\"",
        "\"sagemaker:ResourceTag/team\":\"ml\"",
    ] {
        assert!(json.contains(expected), "{expected} missing from {json}");
    }
}
