//! What each finding code means, why it matters, and a policy before and after the fix: the
//! text behind `sagemaker-actions check --explain CODE`, shared with library users through
//! [`explain`] and [`Finding::explanation`](super::Finding::explanation).

use super::Severity;

/// What a finding code means, with a small policy that raises it and the same policy fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Explanation {
    /// The issue code, such as `INVALID_ACTION`.
    pub code: &'static str,
    /// The most severe level the code is reported at (`RESOURCE_MISMATCH` of a pattern that
    /// still grants some actions is only a suggestion).
    pub severity: Severity,
    /// What the finding says, in one sentence.
    pub summary: &'static str,
    /// Why it matters: what IAM does with such a policy.
    pub why: &'static str,
    /// A policy that raises the code.
    pub before: &'static str,
    /// The same policy fixed: it does not raise the code.
    pub after: &'static str,
}

/// The explanation of `code` (exact, upper case), or `None` for a code the validator never
/// reports.
///
/// ```
/// use sagemaker_actions::validate::explain;
/// let explanation = explain("MISSING_QUALIFIER").unwrap();
/// assert!(explanation.after.contains("ForAllValues:StringEquals"));
/// assert!(explain("NO_SUCH_CODE").is_none());
/// ```
pub fn explain(code: &str) -> Option<&'static Explanation> {
    EXPLANATIONS
        .binary_search_by(|explanation| explanation.code.cmp(code))
        .ok()
        .map(|index| &EXPLANATIONS[index])
}

/// Every code the validator (and the JSON parser behind
/// [`validate_json`](super::validate_json)) can report, sorted by code.
pub fn explanations() -> &'static [Explanation] {
    EXPLANATIONS
}

const fn entry(
    code: &'static str,
    severity: Severity,
    summary: &'static str,
    why: &'static str,
    before: &'static str,
    after: &'static str,
) -> Explanation {
    Explanation {
        code,
        severity,
        summary,
        why,
        before,
        after,
    }
}

use Severity::{Error, Info, SecurityWarning, Suggestion, Warning};

/// Sorted by code, for [`explain`]'s binary search (a unit test keeps it so).
static EXPLANATIONS: &[Explanation] = &[
    entry(
        "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Suggestion,
        "An Allow statement with NotAction has a resource or request tag condition key (aws:ResourceTag/..., aws:RequestTag/..., aws:TagKeys) that some of the actions it covers do not support.",
        "An action that does not support the key never has it in its requests, so the condition does not do for it what it says: with StringEquals the statement never allows it, with a negated or ...IfExists operator it always does. NotAction covers every action not listed, including ones added later, so which actions the tag decides is not visible in the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "sagemaker:Delete*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "ml"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "ml"}}}]}"#,
    ),
    entry(
        "ALLOW_WITH_NOT_ACTION",
        SecurityWarning,
        "An Allow statement uses NotAction.",
        "Allow with NotAction grants every action it does not list, of every AWS service, including actions AWS adds later. Such a statement almost always grants far more than intended.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "sagemaker:DeleteModel", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "*"}]}"#,
    ),
    entry(
        "ALLOW_WITH_NOT_PRINCIPAL",
        SecurityWarning,
        "An Allow statement uses NotPrincipal.",
        "Allow with NotPrincipal grants the actions to every principal not listed, anonymous ones included. Name the principals that need access in Principal instead.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sagemaker:DescribeModel", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sagemaker:DescribeModel", "Resource": "*"}]}"#,
    ),
    entry(
        "ALLOW_WITH_NOT_RESOURCE",
        SecurityWarning,
        "An Allow statement uses NotResource.",
        "Allow with NotResource grants the actions on every resource not listed, including resources created later and resources of other accounts' policies that trust yours.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "NotResource": "arn:aws:sagemaker:us-east-1:111122223333:model/secret"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/public-*"}]}"#,
    ),
    entry(
        "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        Suggestion,
        "An Allow statement has a resource or request tag condition key (aws:ResourceTag/..., aws:RequestTag/..., aws:TagKeys, or the service's own) that some of its actions do not support, per their catalog.",
        "The key is never in those actions' requests, so the condition does not do for them what it says: with StringEquals the statement never allows them, with a negated or ...IfExists operator it allows them whatever the tags. Move them to a statement without the key.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:DescribeTrainingJob"], "Resource": "*", "Condition": {"StringEquals": {"aws:RequestTag/team": "ml"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*", "Condition": {"StringEquals": {"aws:RequestTag/team": "ml"}}}, {"Effect": "Allow", "Action": "sagemaker:DescribeTrainingJob", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "ml"}}}]}"#,
    ),
    entry(
        "ARN_ACCOUNT_NOT_ALLOWED",
        Error,
        "A Resource ARN has an account ID where the service's ARN format has none (an S3 bucket, say); reported for services whose catalog is loaded (here `--catalog data/s3.json`).",
        "The ARN matches no resource: a bucket's ARN is arn:aws:s3:::name, bucket names being global, so with an account ID the statement applies to nothing. The fix empties the account field.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3::111122223333:amzn-s3-demo-bucket"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::amzn-s3-demo-bucket"}]}"#,
    ),
    entry(
        "ARN_REGION_NOT_ALLOWED",
        Error,
        "A Resource ARN has a Region where the service's ARN format has none (IAM, say); reported for services whose catalog is loaded (here `--catalog data/iam.json`).",
        "The ARN matches no resource: IAM resources are global and their ARNs have an empty Region field, so the statement applies to nothing. The fix empties the Region field.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam:us-east-1:111122223333:role/MyRole"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:GetRole", "Resource": "arn:aws:iam::111122223333:role/MyRole"}]}"#,
    ),
    entry(
        "DATA_TYPE_MISMATCH",
        Error,
        "An element holds a JSON value of the wrong type (a number where a string belongs, an object where a list belongs).",
        "IAM rejects the whole policy: nothing in it takes effect.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": 42, "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        SecurityWarning,
        "A Deny statement with NotAction has a resource or request tag condition key (aws:ResourceTag/..., aws:RequestTag/..., aws:TagKeys) that some of the actions it covers do not support.",
        "An action that does not support the key never has it in its requests: with StringEquals the Deny never applies to it, however the resource is tagged. NotAction covers every action not listed, including ones added later, so which actions escape the Deny is not visible in the policy; list the actions to deny in Action.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "sagemaker:List*", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/status": "Confidential"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "sagemaker:DeleteModel", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/status": "Confidential"}}}]}"#,
    ),
    entry(
        "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
        SecurityWarning,
        "A Deny statement has a resource or request tag condition key (aws:ResourceTag/..., aws:RequestTag/..., aws:TagKeys, or the service's own) that some of its actions do not support, per their catalog.",
        "The key is never in those actions' requests: with StringEquals the Deny never applies to them, however the resource is tagged, so it denies less than it reads. Move them to a statement that denies them another way (by resource name, say); an ...IfExists operator is no fix, as it denies them always.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": ["sagemaker:DeleteModel", "sagemaker:ListModels"], "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/status": "Confidential"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "sagemaker:DeleteModel", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/status": "Confidential"}}}]}"#,
    ),
    entry(
        "DEPRECATED_CONDITION_KEY",
        Warning,
        "A condition key AWS has deprecated, usually in favour of a replacement the message names.",
        "AWS may stop setting a deprecated key in requests; a condition on a key the request lacks then matches or fails for every request, silently changing what the statement does.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*", "Condition": {"ArnEquals": {"sagemaker:VolumeKmsKey": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*", "Condition": {"ArnEquals": {"sagemaker:VolumeKmsKeyArn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "DUPLICATE_ELEMENT",
        Error,
        "A key appears twice in one JSON object, such as two StringEquals blocks in one Condition.",
        "JSON parsers keep only one of the two (which one varies), so part of what is written is silently ignored; IAM rejects such policies. Merge the two.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Action": "sagemaker:ListEndpoints", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:ListModels", "sagemaker:ListEndpoints"], "Resource": "*"}]}"#,
    ),
    entry(
        "DUPLICATE_KEYS_WITH_DIFFERENT_CASE",
        Error,
        "The same condition key appears twice in one condition operator block, capitalized differently.",
        "Condition key names are not case-sensitive, so the block names one key twice; IAM Access Analyzer reports it as an error. Keep one of them (with all the values it should take).",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "blue", "aws:principaltag/team": "red"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["blue", "red"]}}}]}"#,
    ),
    entry(
        "EMPTY_ARRAY_ACTION",
        Suggestion,
        "The Action or NotAction list is empty.",
        "A statement without actions has no effect; it is either unfinished or left over.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": [], "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:ListModels"], "Resource": "*"}]}"#,
    ),
    entry(
        "EMPTY_ARRAY_CONDITION",
        Suggestion,
        "A condition key has an empty list of values.",
        "A condition with no values cannot match (or, negated, always matches), so the statement does not do what it reads.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": []}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": ["ml"]}}}]}"#,
    ),
    entry(
        "EMPTY_ARRAY_RESOURCE",
        Suggestion,
        "The Resource or NotResource list is empty.",
        "A statement without resources has no effect; it is either unfinished or left over.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": []}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": ["*"]}]}"#,
    ),
    entry(
        "EMPTY_SID_VALUE",
        Suggestion,
        "A statement's Sid is the empty string.",
        "An empty Sid names nothing; remove it or give the statement a name that says what it is for.",
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "ListModels", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "EMPTY_VARIABLE",
        Error,
        "A Resource or condition value holds an empty policy variable, ${}.",
        "A policy variable names the request value to put in its place (${aws:username}); an empty one names nothing, and IAM Access Analyzer reports it as an error.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/${}-*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/${aws:username}-*"}]}"#,
    ),
    entry(
        "FORALLVALUES_WITH_SINGLE_VALUED_KEY",
        SecurityWarning,
        "ForAllValues is used with a key that holds a single value.",
        "ForAllValues is true when the request has no value for the key at all, so the condition also matches requests without the key: an Allow then grants more than it reads.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"aws:PrincipalTag/team": "ml"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ml"}}}]}"#,
    ),
    entry(
        "INVALID_ACTION",
        Error,
        "An action that is not an action of its service (the message offers the nearest name), an action AWS removed, or a pattern that matches no action.",
        "IAM accepts unknown action names without complaint, so a typo silently grants (or denies) nothing.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModel", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "INVALID_ARN_ACCOUNT",
        Error,
        "The account field of an ARN is not a 12-digit account ID (or empty, `aws`, a wildcard or a variable).",
        "No resource has such an ARN, so the statement applies to nothing.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:1111-2222-3333:model/churn"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/churn"}]}"#,
    ),
    entry(
        "INVALID_ARN_PREFIX",
        Error,
        "A resource is neither \"*\" nor an ARN starting with `arn:`.",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "sagemaker:model/churn"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/churn"}]}"#,
    ),
    entry(
        "INVALID_ARN_RESOURCE",
        Error,
        "An ARN of a service whose catalog is loaded matches none of its resource types' ARN formats.",
        "No resource has such an ARN, so the statement applies to nothing; usually the resource type is misspelt (`trainingjob` for `training-job`).",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:models/churn"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/churn"}]}"#,
    ),
    entry(
        "INVALID_ARN_SERVICE_CASE",
        Error,
        "The service field of an ARN has upper-case letters.",
        "ARN service names are lower case and compared exactly, so the ARN names no resource.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:SageMaker:us-east-1:111122223333:model/churn"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/churn"}]}"#,
    ),
    entry(
        "INVALID_CONDITION_KEY_FORMAT",
        Error,
        "A condition key is not of the form service:key.",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"PrincipalTag/team": "ml"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ml"}}}]}"#,
    ),
    entry(
        "INVALID_CONDITION_MULTIPLE_BOOLEAN",
        Error,
        "A Bool condition lists more than one value.",
        "A key is either true or false; listing both matches every request that has the key, which is rarely what was meant.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": ["true", "false"]}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}"#,
    ),
    entry(
        "INVALID_CONDITION_OPERATOR",
        Error,
        "A Condition block's name is not a condition operator.",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEqual": {"aws:PrincipalTag/team": "ml"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ml"}}}]}"#,
    ),
    entry(
        "INVALID_EFFECT",
        Error,
        "Effect is neither exactly \"Allow\" nor exactly \"Deny\".",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Permit", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "INVALID_GLOBAL_CONDITION_KEY",
        Warning,
        "An `aws:` condition key that AWS's page of global condition keys does not list.",
        "Unless AWS documents the key elsewhere, no request carries it, and a condition on a missing key matches or fails for every request.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIpAddress": "203.0.113.0/24"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}"#,
    ),
    entry(
        "INVALID_PARTITION",
        Error,
        "The partition field of an ARN is not an AWS partition (`aws`, `aws-cn`, `aws-us-gov`, ...).",
        "No resource has such an ARN, so the statement applies to nothing.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:amazon:sagemaker:us-east-1:111122223333:model/churn"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/churn"}]}"#,
    ),
    entry(
        "INVALID_POLICY_ELEMENT",
        Error,
        "An element that is not part of the policy language (a misspelt `Actions`, say).",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Actions": "sagemaker:ListModels", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "INVALID_PRINCIPAL_FORMAT",
        Error,
        "A Principal written as a string other than \"*\".",
        "IAM rejects the policy: principals other than everyone are written as an object, {\"AWS\": ...}, {\"Service\": ...}.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "arn:aws:iam::111122223333:root", "Action": "sagemaker:DescribeModel", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sagemaker:DescribeModel", "Resource": "*"}]}"#,
    ),
    entry(
        "INVALID_PRINCIPAL_KEY",
        Error,
        "A Principal object has a key other than AWS, Service, Federated or CanonicalUser.",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Account": "111122223333"}, "Action": "sagemaker:DescribeModel", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "111122223333"}, "Action": "sagemaker:DescribeModel", "Resource": "*"}]}"#,
    ),
    entry(
        "INVALID_SERVICE_CONDITION_KEY",
        Error,
        "A condition key of a service whose catalog is loaded is not one of its keys (the message offers the nearest live key).",
        "No request carries the key, so the condition matches or fails for every request.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*", "Condition": {"ArnEquals": {"sagemaker:VolumeKmsKeyArm": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*", "Condition": {"ArnEquals": {"sagemaker:VolumeKmsKeyArn": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "INVALID_VERSION",
        Error,
        "Version is not a version of the policy language (2012-10-17 or 2008-10-17).",
        "IAM rejects the policy.",
        r#"{"Version": "2024-01-01", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "JSON_SYNTAX_ERROR",
        Error,
        "The document is not JSON (a trailing comma, a missing quote, text after the end), or not UTF-8.",
        "Nothing can read the policy; IAM rejects it.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*",}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "MISSING_ACTION",
        Error,
        "A statement has neither Action nor NotAction.",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "MISSING_ARN_ACCOUNT",
        Error,
        "A Resource ARN leaves the account field empty for a service whose every ARN format names an account (SageMaker's all do); reported for services whose catalog is loaded.",
        "Every resource of the service has an account in its ARN, so an ARN with an empty account matches nothing and the statement grants nothing. Write the account ID, or `*` for any.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1::model/churn"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/churn"}]}"#,
    ),
    entry(
        "MISSING_ARN_FIELD",
        Error,
        "An ARN has fewer than six colon-separated fields: arn:partition:service:region:account:resource.",
        "No resource has such an ARN, so the statement applies to nothing.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:model/churn"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/churn"}]}"#,
    ),
    entry(
        "MISSING_ARN_REGION",
        Error,
        "A Resource ARN leaves the Region field empty for a service whose every ARN format names a Region (SageMaker's all do); reported for services whose catalog is loaded.",
        "Every resource of the service has a Region in its ARN, so an ARN with an empty Region matches nothing and the statement grants nothing. Write the Region, or `*` for any.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker::111122223333:model/churn"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:*:111122223333:model/churn"}]}"#,
    ),
    entry(
        "MISSING_DEPENDENT_ACTION",
        Suggestion,
        "An allowed action may also need an action that no Allow statement of the policy grants: a dependent action its page lists, or, for SageMaker, another action AWS's service reference says the API operation of the same name is authorized against (CreateTrainingJob: sagemaker:AddTags, and iam:PassRole with iam:PassedToService = sagemaker.amazonaws.com). An action both name is reported once.",
        "A request that uses the feature the dependent action serves (creating a training job passes a role, so needs iam:PassRole) is denied. Only requests using that feature need it, so this is a suggestion: the page says so of dependent actions, and the service reference lists every action a call may be authorized against without saying which requests need which (sagemaker:AddTags only when tags are given).",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:AddTags"], "Resource": "*"}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "MISSING_EFFECT",
        Error,
        "A statement has no Effect.",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "MISSING_PRINCIPAL",
        Error,
        "A statement of a resource-based or trust policy (`--policy-type resource` or `trust`) has no Principal.",
        "IAM rejects a resource-based policy statement that does not say whom it applies to.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sagemaker:DescribeModel", "Resource": "*"}]}"#,
    ),
    entry(
        "MISSING_QUALIFIER",
        Error,
        "A multivalued condition key (a list in the request, such as sagemaker:InstanceTypes) is used without ForAllValues: or ForAnyValue:.",
        "Without a qualifier IAM compares the operator's values with a list as if it were one value, which matches no request the way it reads. ForAllValues: requires every value of the request to match; ForAnyValue: at least one. Which one is right depends on what the statement means, so the fix names both.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*", "Condition": {"StringEquals": {"sagemaker:InstanceTypes": "ml.m5.large"}}}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"sagemaker:InstanceTypes": "ml.m5.large"}}}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "MISSING_RESOURCE",
        Error,
        "A statement has neither Resource nor NotResource (trust policies excepted).",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "MISSING_STATEMENT",
        Error,
        "The policy has no Statement, or an empty one.",
        "A policy without statements grants and denies nothing; IAM rejects it.",
        r#"{"Version": "2012-10-17", "Statement": []}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "MISSING_TAG_KEY_IN_CONDITION",
        Error,
        "aws:ResourceTag, aws:RequestTag or aws:PrincipalTag is used without a tag key.",
        "These keys exist only per tag (aws:ResourceTag/project); without the tag key no request carries them.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag": "ml"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ml"}}}]}"#,
    ),
    entry(
        "MISSING_VERSION",
        Warning,
        "The policy has no Version.",
        "IAM then reads it as version 2008-10-17, in which policy variables such as ${aws:username} are plain text.",
        r#"{"Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "NULL_WITH_IF_EXISTS",
        Error,
        "NullIfExists is used.",
        "It is not an operator: Null already tests whether the key exists. IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"NullIfExists": {"aws:PrincipalTag/team": "false"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"Null": {"aws:PrincipalTag/team": "false"}}}]}"#,
    ),
    entry(
        "NULL_WITH_QUALIFIER",
        Suggestion,
        "Null is used with ForAllValues: or ForAnyValue:.",
        "ForAllValues:Null is always true and ForAnyValue:Null always false, so the condition tests nothing.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"ForAllValues:Null": {"aws:TagKeys": "false"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"Null": {"aws:TagKeys": "false"}}}]}"#,
    ),
    entry(
        "PASS_ROLE_SERVICE_MISMATCH",
        Suggestion,
        "An allowed SageMaker action whose API call, per AWS's service reference, is authorized against iam:PassRole with iam:PassedToService set to a service (CreateTrainingJob: sagemaker.amazonaws.com), while every Allow statement that grants iam:PassRole on resources that could be a role restricts iam:PassedToService to other services.",
        "A request that passes a role (the training job's execution role) is denied: IAM evaluates iam:PassRole with iam:PassedToService set to the service the call passes the role to, and no statement allows that value. It is a suggestion because the reference does not say which requests pass a role (UpdateUserProfile passes one only when it changes the execution role), and another policy of the principal may allow it. Only StringEquals, StringEqualsIgnoreCase and StringLike without qualifier or IfExists are read; any other way of granting iam:PassRole on a possible role is taken to allow the service.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:AddTags"], "Resource": "*"}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "glue.amazonaws.com"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:CreateTrainingJob", "sagemaker:AddTags"], "Resource": "*"}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": ["glue.amazonaws.com", "sagemaker.amazonaws.com"]}}}]}"#,
    ),
    entry(
        "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE",
        SecurityWarning,
        "An Allow with NotAction that does not exclude iam:PassRole, and NotResource.",
        "The caller may pass every role not listed to any service, which lets it act with those roles' permissions. Name the roles in Resource and restrict iam:PassedToService.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "sagemaker:DeleteModel", "NotResource": "arn:aws:iam::111122223333:role/admin"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "PASS_ROLE_WITH_NOT_RESOURCE",
        SecurityWarning,
        "An Allow of iam:PassRole with NotResource.",
        "The caller may pass every role not listed to any service, which lets it act with those roles' permissions. Name the roles in Resource and restrict iam:PassedToService.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "NotResource": "arn:aws:iam::111122223333:role/admin"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
        SecurityWarning,
        "An Allow of an action pattern covering iam:PassRole (iam:*, iam:Pass*) with NotResource.",
        "The caller may pass every role not listed to any service, which lets it act with those roles' permissions. Name the roles in Resource and restrict iam:PassedToService.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:Pass*", "NotResource": "arn:aws:iam::111122223333:role/admin"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
        SecurityWarning,
        "An Allow of an action pattern covering iam:PassRole (iam:*, iam:Pass*) on \"Resource\": \"*\".",
        "The caller may pass any role of the account to any service, which lets it act with that role's permissions: a path to privilege escalation. Name the roles in Resource and restrict iam:PassedToService.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:Pass*", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "PASS_ROLE_WITH_STAR_IN_RESOURCE",
        SecurityWarning,
        "An Allow of iam:PassRole on \"Resource\": \"*\".",
        "The caller may pass any role of the account to any service, which lets it act with that role's permissions: a path to privilege escalation. Name the roles in Resource and restrict iam:PassedToService.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
        SecurityWarning,
        "An Allow with NotAction that does not exclude iam:PassRole, on \"Resource\": \"*\".",
        "The caller may pass any role of the account to any service, which lets it act with that role's permissions. List the actions instead, name the roles in Resource and restrict iam:PassedToService.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "NotAction": "sagemaker:DeleteModel", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
        Warning,
        "The policy has more characters (whitespace not counted) than the quota of its kind (`--size-limit`: 6,144 for a managed policy).",
        "IAM refuses to save a policy over its quota. Split it into several policies, or shorten it with wildcards in ARNs and action names.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": ["arn:aws:sagemaker:us-east-1:111122223333:model/churn-0001", "arn:aws:sagemaker:us-east-1:111122223333:model/churn-0002", "... 100 more like these ..."]}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/churn-*"}]}"#,
    ),
    entry(
        "REDUNDANT_ACTION",
        Suggestion,
        "An action item that another item of the same statement already covers (a duplicate, or a name a pattern matches).",
        "It changes nothing, but makes the statement longer and harder to review.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:List*", "sagemaker:ListModels"], "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["sagemaker:List*"], "Resource": "*"}]}"#,
    ),
    entry(
        "RESOURCE_MISMATCH",
        Error,
        "An action applies to none of the statement's resources (or a pattern's actions apply to none, or only some, of them).",
        "IAM matches each action with resources of the types it supports; an action none of whose resource types is listed is granted (or denied) nothing by the statement.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:endpoint/churn"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "arn:aws:sagemaker:us-east-1:111122223333:model/churn"}]}"#,
    ),
    entry(
        "STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS",
        SecurityWarning,
        "StringLike or StringNotLike is used with an ARN condition key.",
        "String operators match the ARN as one string, so a `*` can span fields (account, region) that ArnLike would compare one by one: the condition may match ARNs of other accounts.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringLike": {"aws:SourceArn": "arn:aws:sagemaker:*:111122223333:*"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:sagemaker:*:111122223333:*"}}}]}"#,
    ),
    entry(
        "TYPE_MISMATCH",
        Warning,
        "A condition operator of a type that does not suit the key's type (a Numeric operator on a date key, a String operator on a Boolean key).",
        "IAM converts the request's value for the operator; a value of the wrong type never matches, so the condition fails (or, negated, always matches).",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:SecureTransport": "true"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}"#,
    ),
    entry(
        "TYPE_MISMATCH_BOOLEAN",
        Warning,
        "A Bool (or Null) condition value other than true or false.",
        "The value never matches, so the condition fails (or, negated, always matches).",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "yes"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]}"#,
    ),
    entry(
        "TYPE_MISMATCH_DATE",
        Warning,
        "A Date condition value that is neither an ISO 8601 date nor epoch seconds.",
        "The value never matches, so the condition fails (or, negated, always matches).",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "next year"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}}}]}"#,
    ),
    entry(
        "TYPE_MISMATCH_IP_RANGE",
        Error,
        "An IpAddress or NotIpAddress value that is not an IPv4 or IPv6 address or CIDR block.",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.300/24"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"IpAddress": {"aws:SourceIp": "203.0.113.0/24"}}}]}"#,
    ),
    entry(
        "TYPE_MISMATCH_NUMBER",
        Warning,
        "A Numeric condition value that is not a number.",
        "The value never matches, so the condition fails (or, negated, always matches).",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "one hour"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}}]}"#,
    ),
    entry(
        "TYPE_MISMATCH_STRING",
        Warning,
        "A BinaryEquals value that is not base64.",
        "The value never matches, so the condition fails.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:ModifyInstanceAttribute", "Resource": "*", "Condition": {"BinaryEquals": {"ec2:Attribute/UserData": "not base64!"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:ModifyInstanceAttribute", "Resource": "*", "Condition": {"BinaryEquals": {"ec2:Attribute/UserData": "dXNlci1kYXRh"}}}]}"#,
    ),
    entry(
        "UNCHECKED_SERVICE",
        Info,
        "The policy names actions, resources or keys of a service whose catalog is not loaded; they were checked for syntax only.",
        "Typos in that service's names go unnoticed. Load its catalog (`check --catalog data/<prefix>.json`, made by `cargo xtask scrape`) to check them; the policy itself needs no change.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::training-data/*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::training-data/*"}]}"#,
    ),
    entry(
        "UNIQUE_SIDS_RECOMMENDED",
        Warning,
        "Two statements have the same Sid.",
        "Sids name statements in reports and in policy tooling; a repeated Sid makes them ambiguous, and some services reject it.",
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "Read", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}, {"Sid": "Read", "Effect": "Allow", "Action": "sagemaker:ListEndpoints", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "ReadModels", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}, {"Sid": "ReadEndpoints", "Effect": "Allow", "Action": "sagemaker:ListEndpoints", "Resource": "*"}]}"#,
    ),
    entry(
        "UNSUPPORTED_ACTION_FOR_CONDITION_KEY",
        Error,
        "No action of the statement supports a service condition key it uses, for the statement's resources.",
        "The key is never in those actions' requests, so the condition either always matches (restricting nothing) or never does (granting nothing), as the message says.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:DescribeModel", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"sagemaker:InstanceTypes": "ml.m5.large"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:CreateTrainingJob", "Resource": "*", "Condition": {"ForAllValues:StringEquals": {"sagemaker:InstanceTypes": "ml.m5.large"}}}, {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/training", "Condition": {"StringEquals": {"iam:PassedToService": "sagemaker.amazonaws.com"}}}]}"#,
    ),
    entry(
        "UNSUPPORTED_ELEMENT_COMBINATION",
        Error,
        "A statement has both Action and NotAction, Resource and NotResource, or Principal and NotPrincipal.",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "NotAction": "sagemaker:DeleteModel", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "UNSUPPORTED_PRINCIPAL",
        Error,
        "A statement of an identity-based policy (`--policy-type identity`) names a Principal or NotPrincipal.",
        "An identity-based policy applies to the user, group or role it is attached to; IAM rejects one that names principals.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "UNSUPPORTED_SID",
        Error,
        "A Sid holds characters other than A-Z, a-z and 0-9.",
        "IAM rejects the policy.",
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "list-models", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Sid": "ListModels", "Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*"}]}"#,
    ),
    entry(
        "WILDCARD_WITHOUT_LIKE_OPERATOR",
        Warning,
        "A String condition value holds * or ? but the operator is not StringLike or StringNotLike.",
        "StringEquals compares * and ? literally, so the value matches only a request value with an actual asterisk.",
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringEquals": {"aws:PrincipalTag/team": "ml-*"}}}]}"#,
        r#"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sagemaker:ListModels", "Resource": "*", "Condition": {"StringLike": {"aws:PrincipalTag/team": "ml-*"}}}]}"#,
    ),
];

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::*;
    use crate::validate::{Options, PolicyType, Validator};

    /// Every `"UPPER_CASE"` string literal of the sources that make findings: the codes they
    /// can report. Reading the sources means a new code cannot be added without an entry.
    fn codes_in_sources() -> Vec<String> {
        let sources = [
            include_str!("checks.rs"),
            include_str!("mod.rs"),
            include_str!("../policy/json.rs"),
            include_str!("../bin/sagemaker_actions_cli/check.rs"),
        ];
        let mut codes = Vec::new();
        for source in sources {
            for literal in source.split('"').skip(1).step_by(2) {
                let is_code = literal.contains('_')
                    && literal.starts_with(|c: char| c.is_ascii_uppercase())
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
                if is_code && !codes.iter().any(|known| known == literal) {
                    codes.push(literal.to_owned());
                }
            }
        }
        codes.sort();
        codes
    }

    #[test]
    fn the_table_is_sorted_and_names_exactly_the_codes_reported() {
        for pair in EXPLANATIONS.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} must come after {}",
                pair[0].code,
                pair[1].code
            );
        }
        let codes = codes_in_sources();
        // The scan found the codes (the split on quotes works), not an empty list.
        assert!(codes.len() > 50, "{codes:?}");
        let table: Vec<&str> = EXPLANATIONS.iter().map(|entry| entry.code).collect();
        assert_eq!(codes, table, "codes in the sources vs. explained codes");
        for code in &codes {
            assert_eq!(explain(code).map(|entry| entry.code), Some(code.as_str()));
        }
        assert!(explain("INVALID_ACTIONS").is_none());
        assert!(explain("").is_none());
    }

    /// The policy type a code needs to be reported at all.
    fn options_for(code: &str) -> Options {
        let policy_type = match code {
            "MISSING_PRINCIPAL" => PolicyType::Resource,
            "UNSUPPORTED_PRINCIPAL" => PolicyType::Identity,
            _ => PolicyType::Auto,
        };
        Options {
            policy_type,
            ..Options::default()
        }
    }

    /// The catalogs of other services a code's example needs, in the schema of
    /// `data/sagemaker.json`: only the parts the example uses.
    fn with_catalogs_for(code: &str, validator: Validator) -> Validator {
        const S3: &str = r#"{"service": {"name": "Amazon S3", "prefix": "s3"},
            "actions": [{"name": "ListBucket", "access_levels": ["List"], "resource_types": [{"name": "bucket", "required": true, "condition_keys": []}], "condition_keys": [], "dependent_actions": []}],
            "resource_types": [{"name": "bucket", "arn_formats": ["arn:${Partition}:s3:::${BucketName}"], "condition_keys": []},
                {"name": "accesspoint", "arn_formats": ["arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}"], "condition_keys": []}],
            "condition_keys": []}"#;
        const IAM: &str = r#"{"service": {"name": "AWS Identity and Access Management (IAM)", "prefix": "iam"},
            "actions": [{"name": "GetRole", "access_levels": ["Read"], "resource_types": [{"name": "role", "required": true, "condition_keys": []}], "condition_keys": [], "dependent_actions": []}],
            "resource_types": [{"name": "role", "arn_formats": ["arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"], "condition_keys": []}],
            "condition_keys": []}"#;
        let catalog = match code {
            "ARN_ACCOUNT_NOT_ALLOWED" => S3,
            "ARN_REGION_NOT_ALLOWED" => IAM,
            _ => return validator,
        };
        validator.with_catalog(
            crate::validate::ServiceCatalog::from_json(catalog).expect("example catalog"),
        )
    }

    #[test]
    fn every_before_raises_its_code_and_every_after_does_not() {
        // A 6,144-character example would not be read; the size check has its own tests.
        const SHORTENED_BEFORE: &[&str] = &["POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"];
        // The fix is loading a catalog, not editing the policy.
        const SAME_AFTER: &[&str] = &["UNCHECKED_SERVICE"];
        for entry in EXPLANATIONS {
            let validator = with_catalogs_for(
                entry.code,
                Validator::new().with_options(options_for(entry.code)),
            );
            let before = validator.validate_json(entry.before);
            if SHORTENED_BEFORE.contains(&entry.code) {
                assert!(before
                    .iter()
                    .all(|finding| finding.code != "JSON_SYNTAX_ERROR"));
            } else {
                let hit = before.iter().find(|finding| finding.code == entry.code);
                let hit = hit.unwrap_or_else(|| {
                    panic!("{}: before raises {before:#?}", entry.code);
                });
                assert_eq!(hit.severity, entry.severity, "{}: {hit}", entry.code);
            }
            let after = validator.validate_json(entry.after);
            if SAME_AFTER.contains(&entry.code) {
                assert_eq!(entry.before, entry.after);
                continue;
            }
            let noise: Vec<_> = after
                .iter()
                .filter(|finding| {
                    finding.code == entry.code || finding.severity >= Severity::Warning
                })
                .collect();
            assert!(noise.is_empty(), "{}: after raises {noise:#?}", entry.code);
        }
    }
}
