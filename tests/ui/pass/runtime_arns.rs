use sagemaker_actions::arn::{self, TypedArn};
use sagemaker_actions::policy;
use sagemaker_actions::ResourceType;

struct Config {
    model: String,
}

fn main() -> Result<(), arn::ArnParseError> {
    let (region, account) = ("us-east-1", "123456789012");
    let from_config = String::from("arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn");
    let endpoint = arn::Endpoint::parse(&from_config)?;
    let built = arn::EndpointConfig::new(region, account, "churn-*");
    let config = Config {
        model: String::from("arn:aws:sagemaker:us-east-1:123456789012:model/churn"),
    };
    let policy = policy! {
        Statement: [
            {
                Sid: "Invoke",
                Effect: Allow,
                Action: InvokeEndpoint,
                // A parsed ARN counts as its declared type, so InvokeEndpoint applies.
                Resource: (&endpoint) as Endpoint,
            },
            {
                Effect: Allow,
                Action: [DescribeEndpoint, DescribeEndpointConfig, DescribeModel],
                Resource: [
                    endpoint as Endpoint,
                    (&built) as EndpointConfig,
                    (arn::Model::parse(&config.model)?) as Model,
                ],
                Condition: { ArnLike: { aws::SourceArn: (&built) } },
            },
        ],
    };
    let statements = policy.statements();
    let invoke = statements[0].resource.as_ref().unwrap().items();
    assert_eq!(invoke[0].as_str(), from_config);
    assert_eq!(invoke[0].declared_type(), Some(ResourceType::Endpoint));
    let describe = statements[1].resource.as_ref().unwrap().items();
    assert_eq!(describe[1].declared_type(), Some(ResourceType::EndpointConfig));
    assert_eq!(describe[2].as_str(), config.model);
    assert!(policy.to_json().contains(r#""Resource":"arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn""#));
    Ok(())
}
