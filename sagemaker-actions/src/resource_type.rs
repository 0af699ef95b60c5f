//! SageMaker resource types.

#[rustfmt::skip]
#[path = "generated/resource_types.rs"]
mod generated;

pub use generated::ResourceType;

use crate::lookup::{closest, find_ignore_case};
use crate::{ConditionKey, ParseError};
use std::fmt;
use std::str::FromStr;

/// A resource type as one action lists it: the type, whether the action requires it, and the
/// condition keys on that row of the actions table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ResourceTypeRef {
    resource_type: ResourceType,
    required: bool,
    condition_keys: &'static [ConditionKey],
}

impl ResourceTypeRef {
    pub(crate) const fn new(
        resource_type: ResourceType,
        required: bool,
        condition_keys: &'static [ConditionKey],
    ) -> Self {
        ResourceTypeRef {
            resource_type,
            required,
            condition_keys,
        }
    }

    /// The resource type.
    pub const fn resource_type(&self) -> ResourceType {
        self.resource_type
    }

    /// Marked `*` (required) in the actions table: a statement granting the action must name a
    /// resource of this type (or `*`).
    pub const fn is_required(&self) -> bool {
        self.required
    }

    /// Condition keys that apply when the action is used on this resource type.
    pub const fn condition_keys(&self) -> &'static [ConditionKey] {
        self.condition_keys
    }
}

impl ResourceType {
    /// The resource type with this name ("training-job"), ignoring case.
    pub fn from_name(name: &str) -> Option<ResourceType> {
        find_ignore_case(generated::LOWERCASE_INDEX, name)
    }
}

impl fmt::Display for ResourceType {
    /// The reference's name, `training-job`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ResourceType {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        ResourceType::from_name(text).ok_or_else(|| {
            ParseError::new("resource type", text)
                .with_suggestion(closest(ResourceType::ALL.iter().map(|rt| rt.name()), text))
        })
    }
}
