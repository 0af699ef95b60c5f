//! Typed ARN builders, one per resource type, generated from the type's ARN format: its
//! placeholders are the builder's parameters, and the partition defaults to `aws`. Region and
//! account may be `*`; the resource type travels in the value's Rust type.
//!
//! ```
//! use sagemaker_actions::arn;
//! let job = arn::TrainingJob::new("us-east-1", "123456789012", "nightly-*");
//! assert_eq!(job.as_str(), "arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-*");
//! assert_eq!(arn::TrainingJob::RESOURCE_TYPE, sagemaker_actions::ResourceType::TrainingJob);
//! ```
//!
//! ARNs known only at run time take the typed road through [`TypedArn::parse`], which checks
//! them against the type's ARN formats and returns a [`Parsed`] ARN of that type.

#[rustfmt::skip]
#[path = "generated/arns.rs"]
mod generated;

pub use generated::*;

mod parse;
pub use parse::{parse_as, ArnOf, ArnParseError, Parsed};

use crate::policy::ResourceItem;
use crate::ResourceType;

/// An ARN built for one resource type.
pub trait TypedArn: Into<ResourceItem> {
    /// The resource type the ARN names.
    const RESOURCE_TYPE: ResourceType;

    /// The ARN text.
    fn as_str(&self) -> &str;

    /// Checks text known only at run time against this resource type's ARN formats: the
    /// partition (`aws`, `aws-cn`, ..., lower-case), the service `sagemaker`, a region and a
    /// 12-digit account (or wildcards, or policy variables), and the resource part with the
    /// format's literal words written out, each placeholder given a name (which may hold `*`,
    /// `?` or `${aws:username}`). The result goes into `policy!` as
    /// `Resource: [value as Endpoint]`, counted as that type by the compile-time checks.
    ///
    /// ```
    /// use sagemaker_actions::arn::{self, TypedArn};
    /// assert!(arn::Endpoint::parse("arn:aws:sagemaker:us-east-1:123456789012:endpoint/prod").is_ok());
    /// let error = arn::Endpoint::parse("arn:aws:sagemaker:us-east-1:123456789012:model/prod").unwrap_err();
    /// assert!(error.to_string().contains("endpoint/${EndpointName}"));
    /// ```
    fn parse(text: &str) -> Result<Parsed<Self>, ArnParseError>
    where
        Self: Sized,
    {
        parse::parsed(text)
    }
}

/// Fills an ARN format's placeholders in order.
pub(crate) fn fill(format: &str, values: &[&dyn std::fmt::Display]) -> String {
    let mut out = String::with_capacity(format.len() + 32);
    let mut rest = format;
    let mut values = values.iter();
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find('}')
            .map(|offset| start + offset + 1)
            .expect("generated ARN formats close every placeholder");
        let value = values
            .next()
            .expect("generated builders pass one value per placeholder");
        out.push_str(&value.to_string());
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}
