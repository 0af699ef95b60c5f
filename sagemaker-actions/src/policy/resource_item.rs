use crate::arn_match::{arn_may_match_format, split_arn};
use crate::{ResourceType, SERVICE_PREFIX};
use std::borrow::Cow;
use std::fmt;

/// One entry of a `Resource` or `NotResource` element: `*` or an ARN (with IAM wildcards), kept
/// as written, with the resource type it was built as when a typed builder made it. Two items
/// are equal when their text is: the declared type is what the builder knew, not part of the
/// policy.
#[derive(Debug, Clone)]
pub struct ResourceItem {
    text: Cow<'static, str>,
    declared: Option<ResourceType>,
}

/// What a [`ResourceItem`] refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResourceKind {
    /// `*`: every resource.
    All,
    /// A SageMaker ARN (or ARN pattern).
    SageMaker,
    /// An ARN of another service, which the SageMaker catalog neither satisfies nor breaks.
    OtherService,
    /// Not an ARN: no `arn:` prefix or fewer than six `:`-separated fields.
    Malformed,
}

impl ResourceItem {
    /// `"*"`.
    pub const fn all() -> Self {
        ResourceItem {
            text: Cow::Borrowed("*"),
            declared: None,
        }
    }

    /// An ARN declared as a resource type, as the typed builders in [`crate::arn`] make them.
    pub fn typed(resource_type: ResourceType, arn: impl Into<Cow<'static, str>>) -> Self {
        ResourceItem {
            text: arn.into(),
            declared: Some(resource_type),
        }
    }

    /// Any text: an ARN of another service, or a value known only at run time. Not checked at
    /// compile time.
    pub fn unchecked(text: impl Into<Cow<'static, str>>) -> Self {
        ResourceItem {
            text: text.into(),
            declared: None,
        }
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The resource type a typed builder declared.
    pub fn declared_type(&self) -> Option<ResourceType> {
        self.declared
    }

    /// What the text refers to.
    pub fn kind(&self) -> ResourceKind {
        if self.text == "*" {
            return ResourceKind::All;
        }
        match split_arn(&self.text) {
            None => ResourceKind::Malformed,
            Some(parts) if parts.service == SERVICE_PREFIX => ResourceKind::SageMaker,
            Some(_) => ResourceKind::OtherService,
        }
    }

    /// Whether the ARN (pattern) could name a resource of `resource_type`: `*`, or an ARN whose
    /// wildcards leave room for one of the type's ARN formats.
    pub fn could_match(&self, resource_type: ResourceType) -> bool {
        if self.text == "*" {
            return true;
        }
        resource_type
            .arn_formats()
            .iter()
            .any(|format| arn_may_match_format(&self.text, format))
    }

    /// The SageMaker resource types the ARN could name.
    pub fn matching_types(&self) -> Vec<ResourceType> {
        ResourceType::ALL
            .iter()
            .copied()
            .filter(|resource_type| self.could_match(*resource_type))
            .collect()
    }
}

impl PartialEq for ResourceItem {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text
    }
}

impl Eq for ResourceItem {}

impl std::hash::Hash for ResourceItem {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.text.hash(state);
    }
}

impl fmt::Display for ResourceItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}
