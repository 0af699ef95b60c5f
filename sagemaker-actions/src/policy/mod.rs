//! IAM policies: the model the [`policy!`](crate::policy!) macro builds and JSON parses into.
//!
//! Every element keeps the form it was written in (a lone value or an array, the exact text of
//! actions, keys and values), so that a parsed policy serializes back unchanged.

mod action_item;
mod condition;
#[cfg(feature = "serde")]
mod json;
mod one_or_many;
mod operator;
mod principal;
mod resource_item;

pub use action_item::{is_action_syntax, ActionItem, ActionKind, MalformedAction};
pub use condition::{Condition, ConditionBlock, ConditionEntry, ConditionKeyItem, ConditionValue};
#[cfg(feature = "serde")]
pub use json::PolicyJsonError;
pub use one_or_many::OneOrMany;
pub use operator::{BaseOperator, Operator, OperatorFamily, SetQualifier, UnknownOperator};
pub use principal::{Principal, PrincipalKind};
pub use resource_item::{ResourceItem, ResourceKind};

use std::borrow::Cow;
use std::fmt;

/// A policy document.
#[derive(Debug, Clone, PartialEq)]
pub struct Policy {
    /// `Version`; `None` when the document omits it.
    pub version: Option<Version>,
    /// `Id`.
    pub id: Option<String>,
    /// `Statement`: a lone statement or an array.
    pub statement: OneOrMany<Statement>,
}

impl Policy {
    /// A `2012-10-17` policy with these statements.
    pub fn new(statements: Vec<Statement>) -> Self {
        Policy {
            version: Some(Version::CURRENT),
            id: None,
            statement: OneOrMany::Many(statements),
        }
    }

    /// The statements, whichever form was written.
    pub fn statements(&self) -> &[Statement] {
        self.statement.as_slice()
    }
}

/// The policy language version.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Version(Cow<'static, str>);

impl Version {
    /// `2012-10-17`, the current version (needed for policy variables).
    pub const CURRENT: Version = Version(Cow::Borrowed("2012-10-17"));
    /// `2008-10-17`, the previous version.
    pub const LEGACY: Version = Version(Cow::Borrowed("2008-10-17"));

    /// Any text, as a parsed document may hold; see [`Version::is_valid`].
    pub fn from_written(text: impl Into<Cow<'static, str>>) -> Self {
        Version(text.into())
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether IAM accepts it: `2012-10-17` or `2008-10-17`.
    pub fn is_valid(&self) -> bool {
        *self == Version::CURRENT || *self == Version::LEGACY
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `Allow` or `Deny`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Effect {
    /// Grants.
    Allow,
    /// Denies, overriding any Allow.
    Deny,
}

impl Effect {
    /// `"Allow"` or `"Deny"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Effect::Allow => "Allow",
            Effect::Deny => "Deny",
        }
    }
}

impl fmt::Display for Effect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// `Sid`.
    pub sid: Option<String>,
    /// `Effect`.
    pub effect: Effect,
    /// `Principal` or `NotPrincipal` (resource-based policies).
    pub principal: Option<PrincipalElement>,
    /// `Action` or `NotAction`; `None` only in a parsed statement that lacks both.
    pub action: Option<ActionElement>,
    /// `Resource` or `NotResource`; absent in role trust policies.
    pub resource: Option<ResourceElement>,
    /// `Condition`.
    pub condition: Option<Condition>,
}

/// `Principal` or `NotPrincipal`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrincipalElement {
    /// `Principal`.
    Principal(Principal),
    /// `NotPrincipal`.
    NotPrincipal(Principal),
}

/// `Action` or `NotAction`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionElement {
    /// `Action`: what the statement applies to.
    Action(OneOrMany<ActionItem>),
    /// `NotAction`: everything except these.
    NotAction(OneOrMany<ActionItem>),
}

impl ActionElement {
    /// The items, whichever element it is.
    pub fn items(&self) -> &[ActionItem] {
        match self {
            ActionElement::Action(items) | ActionElement::NotAction(items) => items.as_slice(),
        }
    }
}

/// `Resource` or `NotResource`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResourceElement {
    /// `Resource`.
    Resource(OneOrMany<ResourceItem>),
    /// `NotResource`.
    NotResource(OneOrMany<ResourceItem>),
}

impl ResourceElement {
    /// The items, whichever element it is.
    pub fn items(&self) -> &[ResourceItem] {
        match self {
            ResourceElement::Resource(items) | ResourceElement::NotResource(items) => {
                items.as_slice()
            }
        }
    }
}

#[cfg(all(test, feature = "serde"))]
mod tests;
