use sagemaker_actions::validate::validate_json;
fn p(body: &str) {
    let t = format!(r#"{{"Version":"2012-10-17","Statement":[{body}]}}"#);
    println!("## {body}");
    for f in validate_json(&t) {
        println!("   {f}");
    }
}
#[test]
fn probe() {
    p(
        r#"{"Effect":"Allow","Action":"sagemaker:CreatePresignedDomainUrl","Resource":"arn:aws:sagemaker:us-east-1:123456789012:user-profile/d-123/${aws:username}"}"#,
    );
    p(
        r#"{"Effect":"Allow","Action":"sagemaker:ListTags","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"${aws:username}","sagemaker:ResourceTag/owner":"${aws:username}"},"StringLike":{"aws:userid":"AIDA:${aws:username}*"}}}"#,
    );
    p(
        r#"{"Effect":"Allow","Action":["*","sagemaker:CreateModel"],"Resource":"*","Condition":{"ForAnyValue:StringEquals":{"sagemaker:InstanceTypes":["ml.m5.large"]}}}"#,
    );
    p(r#"{"Effect":"Allow","Action":["sagemaker:Create?","sagemaker:Create*"],"Resource":"*"}"#);
    p(
        r#"{"Sid":"A","Effect":"Allow","Action":"sagemaker:ListModels","Resource":"*"},{"Sid":"A","Effect":"Allow","Action":"sagemaker:ListModels","Resource":"*"},{"Sid":"A","Effect":"Allow","Action":"sagemaker:ListModels","Resource":"*"}"#,
    );
    p(
        r#"{"Effect":"Allow","Action":"sagemaker:CreateTrainingJob","Resource":"arn:aws:SageMaker:us-east-1:123456789012:training-job/x"}"#,
    );
    p(
        r#"{"Effect":"Allow","Action":"iam:PassRole","NotResource":"arn:aws:iam::123456789012:role/x"}"#,
    );
    p(r#"{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}"#);
    p(
        r#"{"Effect":"Allow","Action":"sagemaker:CreateTrainingJob","Resource":["arn:aws:s3:::bucket","arn:aws:sagemaker:us-east-1:123456789012:training-job/x"]}"#,
    );
    p(
        r#"{"Effect":"Allow","Action":"sagemaker:CreateTrainingJob","Resource":["arn:aws:s3:::bucket"]}"#,
    );
    p(
        r#"{"Effect":"Allow","Action":"sagemaker:CreateModel","Resource":"arn:aws:sagemaker:us-east-1:123456789012:model/x","Condition":{"ForAnyValue:StringEquals":{"sagemaker:InstanceTypes":["ml.m5.large"]}}}"#,
    );
    p(
        r#"{"Effect":"Allow","Action":"sagemaker:ListTags","Resource":"*","Condition":{"Null":{"aws:SourceIp":"yes"},"BinaryEquals":{"x:key":"@@"},"AWS:SourceIP":{"a":"b"}}}"#,
    );
}
