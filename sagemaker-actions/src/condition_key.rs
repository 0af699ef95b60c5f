//! Condition keys: SageMaker's own, and the global `aws:` keys.

#[rustfmt::skip]
#[path = "generated/condition_keys.rs"]
mod generated;

pub use generated::ConditionKey;

use crate::lookup::{closest, find_ignore_case};
use crate::ParseError;
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

impl ConditionKey {
    /// Whether a request can carry several values for the key, so conditions on it need
    /// `ForAllValues:` or `ForAnyValue:`.
    pub const fn is_multivalued(self) -> bool {
        self.value_type().is_multivalued()
    }

    /// Whether the key's name carries a parameter, like the tag key of `aws:ResourceTag/${TagKey}`.
    pub const fn is_parameterized(self) -> bool {
        self.parameter_name().is_some()
    }

    /// The service prefix: `aws` for global keys, `sagemaker` for SageMaker's.
    pub fn service_prefix(self) -> &'static str {
        self.name()
            .split_once(':')
            .map(|(prefix, _)| prefix)
            .expect("condition keys are generated as prefix:Name")
    }

    /// The catalog key a policy's key name refers to: the exact name (ignoring case), or, for
    /// a parameterized key, its stem followed by a parameter.
    ///
    /// ```
    /// use sagemaker_actions::ConditionKey;
    /// let name = ConditionKey::resolve("aws:ResourceTag/Project").unwrap();
    /// assert_eq!(name.key(), ConditionKey::AwsResourceTag);
    /// assert_eq!(name.parameter(), Some("Project"));
    /// assert_eq!(ConditionKey::resolve("sagemaker:instancetypes").unwrap().key(), ConditionKey::InstanceTypes);
    /// assert!(ConditionKey::resolve("aws:ResourceTag/").is_none());
    /// ```
    pub fn resolve(text: &str) -> Option<ConditionKeyName> {
        if let Some(key) = find_ignore_case(generated::LOWERCASE_INDEX, text) {
            if !key.is_parameterized() {
                return Some(ConditionKeyName {
                    key,
                    parameter: None,
                });
            }
        }
        ConditionKey::ALL
            .iter()
            .copied()
            .filter(|key| key.is_parameterized())
            .find_map(|key| {
                let stem = key.stem();
                let head = text.get(..stem.len())?;
                let parameter = &text[stem.len()..];
                (head.eq_ignore_ascii_case(stem) && !parameter.is_empty()).then(|| {
                    ConditionKeyName {
                        key,
                        parameter: Some(Cow::Owned(parameter.to_owned())),
                    }
                })
            })
    }
}

impl fmt::Display for ConditionKey {
    /// The catalog name, with the parameter placeholder: `aws:ResourceTag/${TagKey}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ConditionKey {
    type Err = ParseError;

    /// Accepts a catalog name (`sagemaker:InstanceTypes`, `aws:ResourceTag/${TagKey}`) or a
    /// concrete one (`aws:ResourceTag/Project`), in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        find_ignore_case(generated::LOWERCASE_INDEX, text)
            .or_else(|| ConditionKey::resolve(text).map(|name| name.key()))
            .ok_or_else(|| unknown_key(text))
    }
}

fn unknown_key(text: &str) -> ParseError {
    ParseError::new("condition key", text).with_suggestion(closest(
        ConditionKey::ALL.iter().map(|key| key.name()),
        text,
    ))
}

/// A condition key as a policy names it: the catalog key plus, for parameterized keys, the
/// parameter (`aws:ResourceTag/Project` is [`ConditionKey::AwsResourceTag`] with `Project`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ConditionKeyName {
    key: ConditionKey,
    parameter: Option<Cow<'static, str>>,
}

impl ConditionKeyName {
    /// A key without a parameter. Fails to compile in a constant (and panics at run time) for a
    /// parameterized key, which needs [`ConditionKeyName::with_parameter`].
    pub const fn new(key: ConditionKey) -> Self {
        assert!(
            !key.is_parameterized(),
            "this condition key takes a parameter: use ConditionKeyName::with_parameter"
        );
        ConditionKeyName {
            key,
            parameter: None,
        }
    }

    /// A parameterized key with its parameter, `aws:ResourceTag/` + `Project`. Panics (or fails
    /// to compile in a constant) for a key without a parameter or an empty parameter.
    pub const fn with_parameter(key: ConditionKey, parameter: &'static str) -> Self {
        assert!(
            key.is_parameterized(),
            "this condition key takes no parameter: use ConditionKeyName::new"
        );
        assert!(
            !parameter.is_empty(),
            "the parameter of a condition key cannot be empty"
        );
        ConditionKeyName {
            key,
            parameter: Some(Cow::Borrowed(parameter)),
        }
    }

    /// Like [`ConditionKeyName::with_parameter`], for a parameter known only at run time.
    pub fn with_owned_parameter(key: ConditionKey, parameter: String) -> Self {
        assert!(key.is_parameterized(), "{key} takes no parameter");
        assert!(
            !parameter.is_empty(),
            "the parameter of {key} cannot be empty"
        );
        ConditionKeyName {
            key,
            parameter: Some(Cow::Owned(parameter)),
        }
    }

    /// The catalog key.
    pub fn key(&self) -> ConditionKey {
        self.key
    }

    /// The parameter of a parameterized key (`Project` in `aws:ResourceTag/Project`).
    pub fn parameter(&self) -> Option<&str> {
        self.parameter.as_deref()
    }
}

impl From<ConditionKey> for ConditionKeyName {
    /// Panics for parameterized keys, like [`ConditionKeyName::new`].
    fn from(key: ConditionKey) -> Self {
        ConditionKeyName::new(key)
    }
}

impl fmt::Display for ConditionKeyName {
    /// The name as written in a policy, `aws:ResourceTag/Project`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.parameter {
            Some(parameter) => write!(f, "{}{parameter}", self.key.stem()),
            None => f.write_str(self.key.name()),
        }
    }
}

impl FromStr for ConditionKeyName {
    type Err = ParseError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        ConditionKey::resolve(text).ok_or_else(|| unknown_key(text))
    }
}
