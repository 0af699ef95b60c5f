use super::{OneOrMany, Operator};
use crate::{ConditionKey, ConditionKeyName};
use std::borrow::Cow;
use std::fmt;

/// The `Condition` element: operator blocks in the order written, each with its keys in order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Condition {
    /// The blocks, one per operator.
    pub blocks: Vec<ConditionBlock>,
}

/// `"StringEquals": { "key": value, ... }`.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionBlock {
    /// The operator as written (`ForAnyValue:StringLike`); [`ConditionBlock::operator`] parses it.
    pub operator_text: Cow<'static, str>,
    /// The keys and their values, in the order written.
    pub entries: Vec<ConditionEntry>,
}

/// One key of a condition block with its value(s).
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionEntry {
    /// The key as written.
    pub key: ConditionKeyItem,
    /// A lone value or an array.
    pub values: OneOrMany<ConditionValue>,
}

impl ConditionBlock {
    /// A block for a typed operator.
    pub fn new(operator: Operator, entries: Vec<ConditionEntry>) -> Self {
        ConditionBlock {
            operator_text: Cow::Owned(operator.to_string()),
            entries,
        }
    }

    /// The operator, or `None` for text IAM does not know.
    pub fn operator(&self) -> Option<Operator> {
        self.operator_text.parse().ok()
    }
}

/// A condition key as written in a policy.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ConditionKeyItem {
    text: Cow<'static, str>,
}

impl ConditionKeyItem {
    /// A key of the catalog (with its parameter, for parameterized keys).
    pub fn catalog(name: ConditionKeyName) -> Self {
        ConditionKeyItem {
            text: Cow::Owned(name.to_string()),
        }
    }

    /// A key of the catalog without parameter, usable in constants.
    pub const fn key(key: ConditionKey) -> Self {
        ConditionKeyItem {
            text: Cow::Borrowed(key.name()),
        }
    }

    /// Any key text: keys of services outside the catalog (`iam:PassedToService`), visibly not
    /// checked against a catalog.
    pub fn unchecked(text: impl Into<Cow<'static, str>>) -> Self {
        ConditionKeyItem { text: text.into() }
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The catalog key the text names, if any (case-insensitively, with parameter).
    pub fn resolve(&self) -> Option<ConditionKeyName> {
        ConditionKey::resolve(&self.text)
    }
}

impl fmt::Display for ConditionKeyItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<ConditionKey> for ConditionKeyItem {
    fn from(key: ConditionKey) -> Self {
        ConditionKeyItem::key(key)
    }
}

impl From<ConditionKeyName> for ConditionKeyItem {
    fn from(name: ConditionKeyName) -> Self {
        ConditionKeyItem::catalog(name)
    }
}

/// One condition value: a JSON string, boolean or number, kept as written.
#[derive(Debug, Clone, PartialEq)]
pub enum ConditionValue {
    /// `"ml.m5.large"`.
    String(Cow<'static, str>),
    /// `true` (unquoted; `"true"` is a string).
    Bool(bool),
    /// A JSON number, as its text (`3600`, `1.5`).
    Number(Cow<'static, str>),
}

impl ConditionValue {
    /// The value as text: strings as they are, booleans and numbers as JSON writes them.
    pub fn as_text(&self) -> Cow<'_, str> {
        match self {
            ConditionValue::String(text) | ConditionValue::Number(text) => Cow::Borrowed(text),
            ConditionValue::Bool(true) => Cow::Borrowed("true"),
            ConditionValue::Bool(false) => Cow::Borrowed("false"),
        }
    }
}

impl fmt::Display for ConditionValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.as_text())
    }
}
