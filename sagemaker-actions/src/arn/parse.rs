//! Run-time ARNs on a typed road: text checked against the ARN formats of a resource type, so
//! that `policy!` can count it as that type (`Resource: [endpoint as Endpoint]`).

use super::TypedArn;
use crate::arn_match::split_arn;
use crate::policy::ResourceItem;
use crate::{ResourceType, SERVICE_PREFIX};
use std::fmt;
use std::marker::PhantomData;

/// An ARN read at run time (from configuration, an API response, ...) and checked against the
/// ARN formats of `T`'s resource type. Made by [`TypedArn::parse`]; `policy!` takes it as
/// `Resource: [value as Endpoint]`, where the declared type must be `T`'s.
///
/// ```
/// use sagemaker_actions::arn::{self, TypedArn};
/// use sagemaker_actions::policy;
///
/// let text = String::from("arn:aws:sagemaker:eu-west-1:123456789012:endpoint/churn");
/// let endpoint = arn::Endpoint::parse(&text)?;
/// let policy = policy! { Statement: {
///     Effect: Allow,
///     Action: InvokeEndpoint,
///     Resource: [endpoint as Endpoint],
/// } };
/// assert_eq!(policy.statements()[0].resource.as_ref().unwrap().items()[0].as_str(), text);
/// # Ok::<(), arn::ArnParseError>(())
/// ```
pub struct Parsed<T> {
    text: String,
    resource_type: PhantomData<fn() -> T>,
}

impl<T: TypedArn> Parsed<T> {
    /// The resource type the ARN names.
    pub const RESOURCE_TYPE: ResourceType = T::RESOURCE_TYPE;

    /// The ARN text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The ARN text, owned.
    pub fn into_string(self) -> String {
        self.text
    }
}

impl<T> Clone for Parsed<T> {
    fn clone(&self) -> Self {
        Parsed {
            text: self.text.clone(),
            resource_type: PhantomData,
        }
    }
}

impl<T> PartialEq for Parsed<T> {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl<T> Eq for Parsed<T> {}

impl<T> std::hash::Hash for Parsed<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl<T: TypedArn> fmt::Debug for Parsed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parsed")
            .field("resource_type", &T::RESOURCE_TYPE)
            .field("text", &self.text)
            .finish()
    }
}

impl<T> fmt::Display for Parsed<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl<T: TypedArn> From<Parsed<T>> for ResourceItem {
    fn from(arn: Parsed<T>) -> Self {
        ResourceItem::typed(T::RESOURCE_TYPE, arn.text)
    }
}

/// A Rust value that is an ARN of the resource type `T`: what `policy!` accepts as
/// `Resource: [value as Type]`, where `Type` is `T`'s name. Implemented for `T` itself (the
/// typed builders' output), [`Parsed<T>`] (run-time text checked by [`TypedArn::parse`]) and
/// references to either.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an ARN of resource type `{T}`",
    label = "`value as Type` in `policy!` takes an ARN of that type",
    note = "parse run-time text with `{T}::parse(&text)?` (trait `sagemaker_actions::arn::TypedArn`), or build it with `{T}::new(region, account, ...)`; write `unchecked(text)` for ARNs of other services"
)]
pub trait ArnOf<T> {
    /// The resource item, declared as `T`'s resource type.
    fn into_resource_item(self) -> ResourceItem;
}

impl<T: TypedArn> ArnOf<T> for T {
    fn into_resource_item(self) -> ResourceItem {
        self.into()
    }
}

impl<T: TypedArn> ArnOf<T> for &T {
    fn into_resource_item(self) -> ResourceItem {
        ResourceItem::typed(T::RESOURCE_TYPE, self.as_str().to_owned())
    }
}

impl<T: TypedArn> ArnOf<T> for Parsed<T> {
    fn into_resource_item(self) -> ResourceItem {
        self.into()
    }
}

impl<T: TypedArn> ArnOf<T> for &Parsed<T> {
    fn into_resource_item(self) -> ResourceItem {
        ResourceItem::typed(T::RESOURCE_TYPE, self.as_str().to_owned())
    }
}

pub(super) fn parsed<T: TypedArn>(text: &str) -> Result<Parsed<T>, ArnParseError> {
    check_arn(T::RESOURCE_TYPE, text)?;
    Ok(Parsed {
        text: text.to_owned(),
        resource_type: PhantomData,
    })
}

/// Checks run-time text against the ARN formats of a resource type known only at run time,
/// and returns it as a [`ResourceItem`] declared as that type.
///
/// ```
/// use sagemaker_actions::{arn, ResourceType};
/// let item = arn::parse_as(ResourceType::Endpoint, "arn:aws:sagemaker:*:*:endpoint/prod-*")?;
/// assert_eq!(item.declared_type(), Some(ResourceType::Endpoint));
/// assert!(arn::parse_as(ResourceType::Endpoint, "arn:aws:sagemaker:*:*:model/m").is_err());
/// # Ok::<(), arn::ArnParseError>(())
/// ```
pub fn parse_as(resource_type: ResourceType, text: &str) -> Result<ResourceItem, ArnParseError> {
    check_arn(resource_type, text)?;
    Ok(ResourceItem::typed(resource_type, text.to_owned()))
}

/// Why text is not an ARN of a resource type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArnParseError {
    resource_type: ResourceType,
    text: String,
    reason: String,
}

impl ArnParseError {
    fn new(resource_type: ResourceType, text: &str, reason: String) -> Self {
        ArnParseError {
            resource_type,
            text: text.to_owned(),
            reason,
        }
    }

    /// The resource type the text was checked against.
    pub fn resource_type(&self) -> ResourceType {
        self.resource_type
    }

    /// The text that was checked.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// What is wrong with it, without the text or the formats.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for ArnParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not an ARN of a SageMaker {}: {}; expected ",
            self.text,
            self.resource_type.name(),
            self.reason
        )?;
        for (index, format) in self.resource_type.arn_formats().iter().enumerate() {
            if index > 0 {
                f.write_str(" or ")?;
            }
            f.write_str(format)?;
        }
        Ok(())
    }
}

impl std::error::Error for ArnParseError {}

/// Whether a field leaves text open: an IAM wildcard or a policy variable.
fn is_open(field: &str) -> bool {
    field.contains(['*', '?']) || field.contains("${")
}

fn looks_like_account(field: &str) -> bool {
    field.len() == 12 && field.bytes().all(|byte| byte.is_ascii_digit())
}

/// `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`: lower-case words joined by
/// hyphens, ending in a number.
fn looks_like_region(field: &str) -> bool {
    let parts: Vec<&str> = field.split('-').collect();
    parts.len() >= 3
        && parts[..parts.len() - 1]
            .iter()
            .all(|part| !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_lowercase()))
        && parts[parts.len() - 1]
            .bytes()
            .all(|byte| byte.is_ascii_digit())
        && !parts[parts.len() - 1].is_empty()
}

/// `aws`, `aws-cn`, `aws-us-gov`, `aws-iso-b`, ...
fn looks_like_partition(field: &str) -> bool {
    field == "aws"
        || field.strip_prefix("aws-").is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte == b'-')
        })
}

fn check_arn(resource_type: ResourceType, text: &str) -> Result<(), ArnParseError> {
    let fail = |reason: String| Err(ArnParseError::new(resource_type, text, reason));
    let Some(parts) = split_arn(text) else {
        return fail("it is not an ARN (arn:partition:service:region:account:resource)".into());
    };
    if !is_open(parts.partition) && !looks_like_partition(parts.partition) {
        let hint = if looks_like_partition(&parts.partition.to_ascii_lowercase()) {
            " (partitions are lower-case)"
        } else {
            ""
        };
        return fail(format!(
            "partition {:?} is not an AWS partition such as aws, aws-cn or aws-us-gov{hint}",
            parts.partition
        ));
    }
    if parts.service != SERVICE_PREFIX {
        return fail(format!(
            "service {:?} is not {SERVICE_PREFIX} (write another service's ARN as unchecked(..) in policy!)",
            parts.service
        ));
    }
    let (region, account) = (parts.region, parts.account);
    if looks_like_account(region) && looks_like_region(account) {
        return fail(format!(
            "region and account are swapped: the order is arn:partition:sagemaker:region:account:..., here {account}:{region}"
        ));
    }
    if !is_open(region) && !looks_like_region(region) {
        return fail(format!(
            "region {region:?} is not a region such as us-east-1 (or * for any)"
        ));
    }
    if !is_open(account) && !looks_like_account(account) {
        return fail(format!(
            "account {account:?} is not a 12-digit account id (or * for any)"
        ));
    }
    let matches = resource_type.arn_formats().iter().any(|format| {
        split_arn(format).is_some_and(|format| resource_fits(parts.resource, format.resource))
    });
    if !matches {
        return fail(format!(
            "resource part {:?} does not have the type's form (its literal words must be written out; a wildcard or variable may stand only for a name)",
            parts.resource
        ));
    }
    Ok(())
}

/// Whether a resource part fills a format's resource part: the same `/`-separated segments,
/// literal ones equal, each placeholder given non-empty text (which may hold wildcards or
/// policy variables).
fn resource_fits(resource: &str, format: &str) -> bool {
    let resource: Vec<&str> = split_segments(resource);
    let format: Vec<&str> = split_segments(format);
    resource.len() == format.len()
        && resource
            .iter()
            .zip(&format)
            .all(|(value, pattern)| segment_fits(value, pattern))
}

/// Splits at `/` outside `${...}`.
fn split_segments(text: &str) -> Vec<&str> {
    let mut segments = Vec::new();
    let (mut start, mut depth) = (0, 0usize);
    let bytes = text.as_bytes();
    for (at, &byte) in bytes.iter().enumerate() {
        match byte {
            b'$' if bytes.get(at + 1) == Some(&b'{') => depth += 1,
            b'}' if depth > 0 => depth -= 1,
            b'/' if depth == 0 => {
                segments.push(&text[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    segments.push(&text[start..]);
    segments
}

fn segment_fits(value: &str, pattern: &str) -> bool {
    match pattern.find("${") {
        None => value == pattern,
        Some(open) => {
            let close = pattern[open..]
                .find('}')
                .map_or(pattern.len(), |at| open + at + 1);
            let (head, tail) = (&pattern[..open], &pattern[close..]);
            value.len() > head.len() + tail.len()
                && value.starts_with(head)
                && value.ends_with(tail)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::arn::{Endpoint, ModelCardExportJob, TrainingJob};

    fn reason<T: TypedArn>(text: &str) -> String {
        T::parse(text).unwrap_err().reason().to_owned()
    }

    #[test]
    fn valid_arns_parse_as_their_type() {
        let endpoint =
            Endpoint::parse("arn:aws:sagemaker:us-east-1:123456789012:endpoint/prod").unwrap();
        assert_eq!(
            endpoint.as_str(),
            "arn:aws:sagemaker:us-east-1:123456789012:endpoint/prod"
        );
        let item = ResourceItem::from(endpoint);
        assert_eq!(item.declared_type(), Some(ResourceType::Endpoint));
        for text in [
            "arn:aws-cn:sagemaker:cn-north-1:123456789012:endpoint/prod",
            "arn:aws-us-gov:sagemaker:us-gov-west-1:123456789012:endpoint/prod",
            "arn:aws:sagemaker:*:*:endpoint/*",
            "arn:aws:sagemaker:us-*:123456789012:endpoint/prod-??",
            "arn:aws:sagemaker:us-east-1:${aws:PrincipalAccount}:endpoint/${aws:username}",
        ] {
            assert!(Endpoint::parse(text).is_ok(), "{text}");
        }
        assert!(ModelCardExportJob::parse(
            "arn:aws:sagemaker:us-east-1:123456789012:model-card/card/export-job/*"
        )
        .is_ok());
    }

    #[test]
    fn every_builder_output_parses_as_its_type() {
        for resource_type in ResourceType::ALL {
            for format in resource_type.arn_formats() {
                let concrete = crate::arn_match::filled_format(format, "name-1");
                assert!(parse_as(*resource_type, &concrete).is_ok(), "{concrete}");
            }
        }
    }

    #[test]
    fn wrong_service_resource_part_or_shape_are_errors() {
        assert_eq!(
            reason::<Endpoint>("arn:aws:s3:::bucket/key"),
            "service \"s3\" is not sagemaker (write another service's ARN as unchecked(..) in policy!)"
        );
        assert!(
            reason::<Endpoint>("arn:aws:sagemaker:us-east-1:123456789012:training-job/x")
                .starts_with("resource part \"training-job/x\" does not have the type's form")
        );
        assert!(
            reason::<Endpoint>("arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/x")
                .starts_with("resource part")
        );
        // A wildcard stands for a name, not for the type's words.
        assert!(reason::<Endpoint>("arn:aws:sagemaker:*:*:*").starts_with("resource part"));
        assert!(
            reason::<TrainingJob>("arn:aws:sagemaker:*:*:?raining-job/x")
                .starts_with("resource part")
        );
        assert!(reason::<Endpoint>("arn:aws:sagemaker:*:*:endpoint/").starts_with("resource part"));
        assert!(
            reason::<Endpoint>("arn:aws:sagemaker:*:*:endpoint/a/b").starts_with("resource part")
        );
        assert_eq!(
            reason::<Endpoint>("endpoint/prod"),
            "it is not an ARN (arn:partition:service:region:account:resource)"
        );
        assert_eq!(
            Endpoint::parse("arn:aws:s3:::b").unwrap_err().to_string(),
            "\"arn:aws:s3:::b\" is not an ARN of a SageMaker endpoint: service \"s3\" is not sagemaker (write another service's ARN as unchecked(..) in policy!); expected arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${EndpointName}"
        );
    }

    #[test]
    fn partition_region_and_account_are_checked() {
        assert_eq!(
            reason::<Endpoint>("arn:AWS:sagemaker:us-east-1:123456789012:endpoint/e"),
            "partition \"AWS\" is not an AWS partition such as aws, aws-cn or aws-us-gov (partitions are lower-case)"
        );
        assert_eq!(
            reason::<Endpoint>("arn:aws:sagemaker:123456789012:us-east-1:endpoint/e"),
            "region and account are swapped: the order is arn:partition:sagemaker:region:account:..., here us-east-1:123456789012"
        );
        assert!(
            reason::<Endpoint>("arn:aws:sagemaker:US-EAST-1:123456789012:endpoint/e")
                .starts_with("region \"US-EAST-1\"")
        );
        assert!(
            reason::<Endpoint>("arn:aws:sagemaker::123456789012:endpoint/e")
                .starts_with("region \"\"")
        );
        assert!(
            reason::<Endpoint>("arn:aws:sagemaker:us-east-1:1234:endpoint/e")
                .starts_with("account \"1234\"")
        );
        assert!(
            reason::<Endpoint>("arn:aws:SageMaker:us-east-1:123456789012:endpoint/e")
                .starts_with("service \"SageMaker\"")
        );
    }
}
