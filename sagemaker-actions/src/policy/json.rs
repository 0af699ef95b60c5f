//! IAM JSON for policies: printing through hand-written `Serialize` impls and strict parsing
//! through hand-written visitors, without serde's derive macros.
//!
//! Parsing streams through the document (nothing is buffered into a `serde_json::Value`), so every
//! error is raised while the reader still sits on the offending text and carries its line and
//! column. Errors travel through serde as `de::Error::custom("CODE: message")` because serde's
//! error trait has no room for a code; [`PolicyJsonError`] splits the code back off.
//!
//! Only what the model cannot hold is an error. Everything a validator reports as a finding (an
//! unknown Version, a missing Action or Resource, empty arrays, unknown actions, operators or
//! keys) parses and stays in the model as written.

use super::{
    ActionElement, ActionItem, Condition, ConditionBlock, ConditionEntry, ConditionKeyItem,
    ConditionValue, Effect, OneOrMany, Policy, Principal, PrincipalElement, PrincipalKind,
    ResourceElement, ResourceItem, Statement, Version,
};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{self, SerializeMap, Serializer};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Number;
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

const JSON_SYNTAX_ERROR: &str = "JSON_SYNTAX_ERROR";
const DATA_TYPE_MISMATCH: &str = "DATA_TYPE_MISMATCH";
const DUPLICATE_ELEMENT: &str = "DUPLICATE_ELEMENT";
const INVALID_POLICY_ELEMENT: &str = "INVALID_POLICY_ELEMENT";
const UNSUPPORTED_ELEMENT_COMBINATION: &str = "UNSUPPORTED_ELEMENT_COMBINATION";
const MISSING_EFFECT: &str = "MISSING_EFFECT";
const INVALID_EFFECT: &str = "INVALID_EFFECT";
const MISSING_STATEMENT: &str = "MISSING_STATEMENT";
const INVALID_PRINCIPAL_KEY: &str = "INVALID_PRINCIPAL_KEY";
const INVALID_PRINCIPAL_FORMAT: &str = "INVALID_PRINCIPAL_FORMAT";

/// The codes our visitors raise; anything else serde_json reports is classified by category.
const CODES: [&str; 10] = [
    JSON_SYNTAX_ERROR,
    DATA_TYPE_MISMATCH,
    DUPLICATE_ELEMENT,
    INVALID_POLICY_ELEMENT,
    UNSUPPORTED_ELEMENT_COMBINATION,
    MISSING_EFFECT,
    INVALID_EFFECT,
    MISSING_STATEMENT,
    INVALID_PRINCIPAL_KEY,
    INVALID_PRINCIPAL_FORMAT,
];

const POLICY_ELEMENTS: &str = "Version, Id and Statement";
const STATEMENT_ELEMENTS: &str =
    "Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource and Condition";

/// Why a policy document could not be parsed, with the position serde_json reported.
///
/// The codes follow IAM Access Analyzer's issue codes where one exists:
///
/// | Code | Cause |
/// |---|---|
/// | `JSON_SYNTAX_ERROR` | Not JSON, or text after the document. |
/// | `DUPLICATE_ELEMENT` | A key twice in one object. |
/// | `INVALID_POLICY_ELEMENT` | An unknown top-level or statement element. |
/// | `UNSUPPORTED_ELEMENT_COMBINATION` | `Action` with `NotAction`, `Resource` with `NotResource` or `Principal` with `NotPrincipal`. |
/// | `MISSING_STATEMENT` | No `Statement`. |
/// | `MISSING_EFFECT` | A statement without `Effect`. |
/// | `INVALID_EFFECT` | `Effect` other than exactly `"Allow"` or `"Deny"`. |
/// | `DATA_TYPE_MISMATCH` | A JSON value of the wrong type for its element. |
/// | `INVALID_PRINCIPAL_KEY` | A principal map key other than `AWS`, `Service`, `Federated`, `CanonicalUser`. |
/// | `INVALID_PRINCIPAL_FORMAT` | A principal string other than `"*"`. |
///
/// ```
/// use sagemaker_actions::policy::Policy;
///
/// let error = Policy::from_json(r#"{"Statement": {"Effect": "Permit", "Action": "*"}}"#)
///     .unwrap_err();
/// assert_eq!(error.code(), "INVALID_EFFECT");
/// assert_eq!((error.line(), error.column()), (1, 33));
/// assert_eq!(
///     error.to_string(),
///     r#"line 1, column 33: INVALID_EFFECT: Effect must be "Allow" or "Deny", found "Permit""#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyJsonError {
    code: &'static str,
    message: String,
    line: usize,
    column: usize,
}

impl PolicyJsonError {
    /// The issue code, such as `INVALID_EFFECT`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// What is wrong, without code or position.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column of the last character read when the error was found (0 when that was
    /// the preceding line break).
    pub fn column(&self) -> usize {
        self.column
    }

    fn from_serde(error: serde_json::Error) -> Self {
        let (line, column) = (error.line(), error.column());
        let text = error.to_string();
        // serde_json only exposes the message inside its Display, followed by the position.
        let suffix = format!(" at line {line} column {column}");
        let text = text.strip_suffix(&suffix).unwrap_or(&text);
        let coded = CODES.iter().find_map(|code| {
            let message = text.strip_prefix(code)?.strip_prefix(": ")?;
            Some((*code, message))
        });
        let (code, message) = coded.unwrap_or_else(|| match error.classify() {
            serde_json::error::Category::Data => (DATA_TYPE_MISMATCH, text),
            _ => (JSON_SYNTAX_ERROR, text),
        });
        PolicyJsonError {
            code,
            message: message.to_owned(),
            line,
            column,
        }
    }
}

impl fmt::Display for PolicyJsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}: {}",
            self.line, self.column, self.code, self.message
        )
    }
}

impl std::error::Error for PolicyJsonError {}

impl Policy {
    /// Parses a policy document strictly, keeping every element as written: lone values and
    /// arrays, the exact text of strings, the order of principal entries, condition blocks and
    /// keys.
    ///
    /// Only what the model cannot hold is an error (see [`PolicyJsonError`]); an unknown
    /// `Version`, a missing `Action` or `Resource`, unknown actions, operators or keys parse and
    /// are left to a validator.
    ///
    /// ```
    /// use sagemaker_actions::policy::{OneOrMany, Policy};
    ///
    /// let policy = Policy::from_json(
    ///     r#"{
    ///   "Version": "2012-10-17",
    ///   "Statement": {
    ///     "Effect": "Allow",
    ///     "Action": "sagemaker:CreateTrainingJob",
    ///     "Resource": ["*"]
    ///   }
    /// }"#,
    /// )?;
    /// assert!(matches!(policy.statement, OneOrMany::One(_)));
    /// let action = policy.statements()[0].action.as_ref().unwrap();
    /// assert_eq!(action.items()[0].as_str(), "sagemaker:CreateTrainingJob");
    /// # Ok::<(), sagemaker_actions::policy::PolicyJsonError>(())
    /// ```
    pub fn from_json(text: &str) -> Result<Policy, PolicyJsonError> {
        serde_json::from_str(text).map_err(PolicyJsonError::from_serde)
    }

    /// The document as compact JSON, elements in IAM's customary order (`Version`, `Id`,
    /// `Statement`; `Sid`, `Effect`, `Principal`, `Action`, `Resource`, `Condition`).
    ///
    /// ```
    /// use sagemaker_actions::policy::Policy;
    ///
    /// let text = r#"{"Statement":[{"Resource":"*","Action":["sagemaker:ListModels"],"Effect":"Allow"}],"Version":"2012-10-17"}"#;
    /// assert_eq!(
    ///     Policy::from_json(text)?.to_json(),
    ///     r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sagemaker:ListModels"],"Resource":"*"}]}"#
    /// );
    /// # Ok::<(), sagemaker_actions::policy::PolicyJsonError>(())
    /// ```
    ///
    /// # Panics
    ///
    /// When the model holds what JSON cannot write faithfully, rather than writing a document a
    /// reader would take differently:
    ///
    /// - a [`ConditionValue::Number`] whose text is not a JSON number;
    /// - two [`ConditionBlock`]s with the same operator text, or one block with the same key text
    ///   twice (a JSON reader keeps one of the duplicate keys and drops the other condition).
    ///   [`policy!`](crate::policy!) refuses both at compile time, except for parameterized keys
    ///   whose run-time parameters turn out equal (`ResourceTag(a)` and `ResourceTag(b)` with
    ///   `a == b`).
    ///
    /// [`Policy::try_to_json`] returns these as errors instead.
    pub fn to_json(&self) -> String {
        self.try_to_json().unwrap_or_else(|error| panic!("{error}"))
    }

    /// [`Policy::to_json`], with what JSON cannot write as an error instead of a panic.
    ///
    /// ```
    /// use sagemaker_actions::policy;
    ///
    /// let (first, second) = ("team", "team");
    /// let policy = policy! { Statement: {
    ///     Effect: Allow, Action: ListModels, Resource: "*",
    ///     Condition: { StringEquals: { aws::RequestTag(first): "a", aws::RequestTag(second): "b" } },
    /// } };
    /// let error = policy.try_to_json().unwrap_err();
    /// assert!(error.to_string().contains("appears twice"), "{error}");
    /// ```
    pub fn try_to_json(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }

    /// The document as JSON indented by two spaces, in the order of [`Policy::to_json`].
    ///
    /// ```
    /// use sagemaker_actions::policy::Policy;
    ///
    /// let policy = Policy::from_json(
    ///     r#"{"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "*", "Resource": "*"}}"#,
    /// )?;
    /// assert_eq!(
    ///     policy.to_json_pretty(),
    ///     r#"{
    ///   "Version": "2012-10-17",
    ///   "Statement": {
    ///     "Effect": "Deny",
    ///     "Action": "*",
    ///     "Resource": "*"
    ///   }
    /// }"#
    /// );
    /// # Ok::<(), sagemaker_actions::policy::PolicyJsonError>(())
    /// ```
    ///
    /// # Panics
    ///
    /// As [`Policy::to_json`].
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|error| panic!("{error}"))
    }
}

// ---------------------------------------------------------------------------------------------
// Serialize

impl<T: Serialize> Serialize for OneOrMany<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            OneOrMany::One(value) => value.serialize(serializer),
            OneOrMany::Many(values) => serializer.collect_seq(values),
        }
    }
}

impl Serialize for Policy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 1 + usize::from(self.version.is_some()) + usize::from(self.id.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(version) = &self.version {
            map.serialize_entry("Version", version)?;
        }
        if let Some(id) = &self.id {
            map.serialize_entry("Id", id)?;
        }
        map.serialize_entry("Statement", &self.statement)?;
        map.end()
    }
}

impl Serialize for Statement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = 1
            + usize::from(self.sid.is_some())
            + usize::from(self.principal.is_some())
            + usize::from(self.action.is_some())
            + usize::from(self.resource.is_some())
            + usize::from(self.condition.is_some());
        let mut map = serializer.serialize_map(Some(len))?;
        if let Some(sid) = &self.sid {
            map.serialize_entry("Sid", sid)?;
        }
        map.serialize_entry("Effect", &self.effect)?;
        if let Some(principal) = &self.principal {
            map.serialize_entry(principal.key(), principal)?;
        }
        if let Some(action) = &self.action {
            map.serialize_entry(action.key(), action)?;
        }
        if let Some(resource) = &self.resource {
            map.serialize_entry(resource.key(), resource)?;
        }
        if let Some(condition) = &self.condition {
            map.serialize_entry("Condition", condition)?;
        }
        map.end()
    }
}

impl PrincipalElement {
    fn key(&self) -> &'static str {
        match self {
            PrincipalElement::Principal(_) => "Principal",
            PrincipalElement::NotPrincipal(_) => "NotPrincipal",
        }
    }
}

impl ActionElement {
    fn key(&self) -> &'static str {
        match self {
            ActionElement::Action(_) => "Action",
            ActionElement::NotAction(_) => "NotAction",
        }
    }
}

impl ResourceElement {
    fn key(&self) -> &'static str {
        match self {
            ResourceElement::Resource(_) => "Resource",
            ResourceElement::NotResource(_) => "NotResource",
        }
    }
}

/// The element's value; the statement writes the key.
impl Serialize for PrincipalElement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            PrincipalElement::Principal(principal) | PrincipalElement::NotPrincipal(principal) => {
                principal.serialize(serializer)
            }
        }
    }
}

/// The element's value; the statement writes the key.
impl Serialize for ActionElement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ActionElement::Action(items) | ActionElement::NotAction(items) => {
                items.serialize(serializer)
            }
        }
    }
}

/// The element's value; the statement writes the key.
impl Serialize for ResourceElement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ResourceElement::Resource(items) | ResourceElement::NotResource(items) => {
                items.serialize(serializer)
            }
        }
    }
}

impl Serialize for Version {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Effect {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for ActionItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for ResourceItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for ConditionKeyItem {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for PrincipalKind {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl Serialize for Principal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Principal::All => serializer.serialize_str("*"),
            Principal::Map(entries) => {
                let mut map = serializer.serialize_map(Some(entries.len()))?;
                for (kind, values) in entries {
                    map.serialize_entry(kind, values)?;
                }
                map.end()
            }
        }
    }
}

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.blocks.len()))?;
        for (index, block) in self.blocks.iter().enumerate() {
            if self.blocks[..index]
                .iter()
                .any(|earlier| earlier.operator_text == block.operator_text)
            {
                return Err(ser::Error::custom(format_args!(
                    "Condition has two {:?} blocks, which JSON cannot hold (a reader would keep one); merge their keys into one block",
                    block.operator_text
                )));
            }
            map.serialize_entry(block.operator_text.as_ref(), block)?;
        }
        map.end()
    }
}

/// The block's `{key: values}` object; the condition writes the operator.
impl Serialize for ConditionBlock {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (index, entry) in self.entries.iter().enumerate() {
            if self.entries[..index]
                .iter()
                .any(|earlier| earlier.key == entry.key)
            {
                return Err(ser::Error::custom(format_args!(
                    "condition key {:?} appears twice under {:?}, which JSON cannot hold (a reader would keep one); list its values in one array",
                    entry.key.as_str(),
                    self.operator_text
                )));
            }
            map.serialize_entry(&entry.key, &entry.values)?;
        }
        map.end()
    }
}

/// The entry's values; the block writes the key.
impl Serialize for ConditionEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.values.serialize(serializer)
    }
}

impl Serialize for ConditionValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ConditionValue::String(text) => serializer.serialize_str(text),
            ConditionValue::Bool(value) => serializer.serialize_bool(*value),
            ConditionValue::Number(text) => match Number::from_str(text) {
                Ok(number) => number.serialize(serializer),
                Err(_) => Err(ser::Error::custom(format_args!(
                    "condition value {text:?} is not a JSON number"
                ))),
            },
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Deserialize

impl<'de> Deserialize<'de> for Policy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Visit(PolicyShape).deserialize(deserializer)
    }
}

impl<'de> Deserialize<'de> for Statement {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Visit(StatementShape {
            element: "Statement",
        })
        .deserialize(deserializer)
    }
}

fn coded<E: de::Error>(code: &str, message: impl fmt::Display) -> E {
    E::custom(format_args!("{code}: {message}"))
}

fn duplicate<E: de::Error>(context: &str, key: &str) -> E {
    coded(
        DUPLICATE_ELEMENT,
        format_args!("{context} has {key:?} more than once"),
    )
}

/// What one position in the document accepts. Every JSON type a shape does not override is a
/// `DATA_TYPE_MISMATCH` naming the element, so each shape states only what it accepts.
trait Shape<'de>: Sized {
    type Value;

    /// The element, for messages: `Action`, `each entry of Resource`.
    fn element(&self) -> Cow<'static, str>;

    /// The JSON types accepted, for messages: `a string or an array of strings`.
    fn expected(&self) -> &'static str;

    fn mismatch<E: de::Error>(&self, found: &str) -> E {
        coded(
            DATA_TYPE_MISMATCH,
            format_args!(
                "{} must be {}, found {found}",
                self.element(),
                self.expected()
            ),
        )
    }

    fn string<E: de::Error>(self, _text: &str) -> Result<Self::Value, E> {
        Err(self.mismatch("a string"))
    }

    fn boolean<E: de::Error>(self, _value: bool) -> Result<Self::Value, E> {
        Err(self.mismatch("a boolean"))
    }

    fn number<E: de::Error>(self, _value: Number) -> Result<Self::Value, E> {
        Err(self.mismatch("a number"))
    }

    fn null<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(self.mismatch("null"))
    }

    // Rejected arrays and objects are read to their end first: serde_json places an error where
    // its reader stands, and the closing bracket points at the value where the next element's
    // indentation would not.
    fn seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Err(self.mismatch("an array"))
    }

    fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Err(self.mismatch("an object"))
    }
}

/// Adapts a [`Shape`] to serde: always `deserialize_any`, since the JSON type decides the form.
struct Visit<S>(S);

/// An object's key, borrowed from the document unless it holds escapes: element names are
/// only compared, so most never need a copy.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a string")
            }

            fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(text)))
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(text.to_owned())))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

impl<'de, S: Shape<'de>> Visitor<'de> for Visit<S> {
    type Value = S::Value;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "{} as {}", self.0.element(), self.0.expected())
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<S::Value, E> {
        self.0.string(text)
    }

    fn visit_bool<E: de::Error>(self, value: bool) -> Result<S::Value, E> {
        self.0.boolean(value)
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<S::Value, E> {
        self.0.number(Number::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<S::Value, E> {
        self.0.number(Number::from(value))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<S::Value, E> {
        match Number::from_f64(value) {
            Some(number) => self.0.number(number),
            // JSON cannot write NaN or infinities; only a non-JSON deserializer gets here.
            None => Err(self.0.mismatch("a non-finite number")),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<S::Value, E> {
        self.0.null()
    }

    fn visit_none<E: de::Error>(self) -> Result<S::Value, E> {
        self.0.null()
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<S::Value, A::Error> {
        self.0.seq(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<S::Value, A::Error> {
        self.0.map(map)
    }
}

impl<'de, S: Shape<'de>> DeserializeSeed<'de> for Visit<S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

struct PolicyShape;

impl<'de> Shape<'de> for PolicyShape {
    type Value = Policy;

    fn element(&self) -> Cow<'static, str> {
        Cow::Borrowed("A policy")
    }

    fn expected(&self) -> &'static str {
        "an object"
    }

    fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<Policy, A::Error> {
        let mut version = None;
        let mut id = None;
        let mut statement = None;
        while let Some(Key(key)) = map.next_key()? {
            let seen = match key.as_ref() {
                "Version" => version.is_some(),
                "Id" => id.is_some(),
                "Statement" => statement.is_some(),
                _ => {
                    return Err(coded(
                        INVALID_POLICY_ELEMENT,
                        format_args!(
                            "unknown policy element {key:?}; valid elements are {POLICY_ELEMENTS}"
                        ),
                    ))
                }
            };
            if seen {
                return Err(duplicate("the policy", &key));
            }
            match key.as_ref() {
                "Version" => {
                    let text = map.next_value_seed(Visit(Text { element: "Version" }))?;
                    version = Some(Version::from_written(text));
                }
                "Id" => id = Some(map.next_value_seed(Visit(Text { element: "Id" }))?),
                _ => statement = Some(map.next_value_seed(Visit(StatementsShape))?),
            }
        }
        let statement = statement
            .ok_or_else(|| coded(MISSING_STATEMENT, "the policy has no Statement element"))?;
        Ok(Policy {
            version,
            id,
            statement,
        })
    }
}

/// `Statement`: a lone object or an array of them.
struct StatementsShape;

impl<'de> Shape<'de> for StatementsShape {
    type Value = OneOrMany<Statement>;

    fn element(&self) -> Cow<'static, str> {
        Cow::Borrowed("Statement")
    }

    fn expected(&self) -> &'static str {
        "an object or an array of objects"
    }

    fn map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let shape = StatementShape {
            element: "Statement",
        };
        shape.map(map).map(OneOrMany::One)
    }

    fn seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut statements = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        let shape = || {
            Visit(StatementShape {
                element: "each entry of Statement",
            })
        };
        while let Some(statement) = seq.next_element_seed(shape())? {
            statements.push(statement);
        }
        Ok(OneOrMany::Many(statements))
    }
}

struct StatementShape {
    element: &'static str,
}

/// The keys a statement may have, as written (case-sensitive).
const STATEMENT_KEYS: [&str; 9] = [
    "Sid",
    "Effect",
    "Principal",
    "NotPrincipal",
    "Action",
    "NotAction",
    "Resource",
    "NotResource",
    "Condition",
];

impl<'de> Shape<'de> for StatementShape {
    type Value = Statement;

    fn element(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.element)
    }

    fn expected(&self) -> &'static str {
        "an object"
    }

    fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<Statement, A::Error> {
        // One bit per element of STATEMENT_KEYS; any other key is an error straight away.
        let mut seen = 0u16;
        let mut sid = None;
        let mut effect = None;
        let mut principal = None;
        let mut action = None;
        let mut resource = None;
        let mut condition = None;
        while let Some(Key(key)) = map.next_key()? {
            let bit = STATEMENT_KEYS
                .iter()
                .position(|known| *known == key)
                .map_or(0, |position| 1u16 << position);
            if seen & bit != 0 {
                return Err(duplicate("a statement", &key));
            }
            let combination = |other: &str| {
                coded::<A::Error>(
                    UNSUPPORTED_ELEMENT_COMBINATION,
                    format_args!("a statement cannot have both {other} and {key}"),
                )
            };
            match key.as_ref() {
                "Sid" => sid = Some(map.next_value_seed(Visit(Text { element: "Sid" }))?),
                "Effect" => effect = Some(map.next_value_seed(Visit(EffectShape))?),
                "Principal" | "NotPrincipal" => {
                    if let Some(other) = &principal {
                        return Err(combination(PrincipalElement::key(other)));
                    }
                    let not = key == "NotPrincipal";
                    let value = map.next_value_seed(Visit(PrincipalShape { not }))?;
                    principal = Some(if not {
                        PrincipalElement::NotPrincipal(value)
                    } else {
                        PrincipalElement::Principal(value)
                    });
                }
                "Action" | "NotAction" => {
                    if let Some(other) = &action {
                        return Err(combination(ActionElement::key(other)));
                    }
                    let element = if key == "Action" { "Action" } else { "NotAction" };
                    let items = map.next_value_seed(Visit(TextList { element }))?;
                    let items = map_one_or_many(items, ActionItem::from_written);
                    action = Some(if key == "Action" {
                        ActionElement::Action(items)
                    } else {
                        ActionElement::NotAction(items)
                    });
                }
                "Resource" | "NotResource" => {
                    if let Some(other) = &resource {
                        return Err(combination(ResourceElement::key(other)));
                    }
                    let element = if key == "Resource" {
                        "Resource"
                    } else {
                        "NotResource"
                    };
                    let items = map.next_value_seed(Visit(TextList { element }))?;
                    let items = map_one_or_many(items, ResourceItem::unchecked);
                    resource = Some(if key == "Resource" {
                        ResourceElement::Resource(items)
                    } else {
                        ResourceElement::NotResource(items)
                    });
                }
                "Condition" => condition = Some(map.next_value_seed(Visit(ConditionShape))?),
                _ => {
                    return Err(coded(
                        INVALID_POLICY_ELEMENT,
                        format_args!(
                            "unknown statement element {key:?}; valid elements are {STATEMENT_ELEMENTS}"
                        ),
                    ))
                }
            }
            seen |= bit;
        }
        let effect = effect.ok_or_else(|| {
            coded(
                MISSING_EFFECT,
                r#"the statement has no Effect; expected "Allow" or "Deny""#,
            )
        })?;
        Ok(Statement {
            sid,
            effect,
            principal,
            action,
            resource,
            condition,
        })
    }
}

fn map_one_or_many<T>(values: OneOrMany<String>, make: impl Fn(String) -> T) -> OneOrMany<T> {
    match values {
        OneOrMany::One(value) => OneOrMany::One(make(value)),
        OneOrMany::Many(values) => OneOrMany::Many(values.into_iter().map(make).collect()),
    }
}

/// A string element kept as written: `Version`, `Id`, `Sid`, array entries.
struct Text {
    element: &'static str,
}

impl<'de> Shape<'de> for Text {
    type Value = String;

    fn element(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.element)
    }

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn string<E: de::Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_owned())
    }
}

/// A lone string or an array of strings: `Action`, `Resource`, principal values.
struct TextList<N> {
    element: N,
}

impl<'de, N: fmt::Display> Shape<'de> for TextList<N> {
    type Value = OneOrMany<String>;

    fn element(&self) -> Cow<'static, str> {
        Cow::Owned(self.element.to_string())
    }

    fn expected(&self) -> &'static str {
        "a string or an array of strings"
    }

    fn string<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(OneOrMany::One(text.to_owned()))
    }

    fn seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut values = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        let list = &self.element;
        while let Some(value) = seq.next_element_seed(Visit(EntryText { list }))? {
            values.push(value);
        }
        Ok(OneOrMany::Many(values))
    }
}

/// An array entry that must be a string.
struct EntryText<'a> {
    /// The list's element, named only in an error.
    list: &'a dyn fmt::Display,
}

impl<'de> Shape<'de> for EntryText<'_> {
    type Value = String;

    fn element(&self) -> Cow<'static, str> {
        Cow::Owned(format!("each entry of {}", self.list))
    }

    fn expected(&self) -> &'static str {
        "a string"
    }

    fn string<E: de::Error>(self, text: &str) -> Result<String, E> {
        Ok(text.to_owned())
    }
}

struct EffectShape;

impl<'de> Shape<'de> for EffectShape {
    type Value = Effect;

    fn element(&self) -> Cow<'static, str> {
        Cow::Borrowed("Effect")
    }

    fn expected(&self) -> &'static str {
        r#""Allow" or "Deny""#
    }

    fn string<E: de::Error>(self, text: &str) -> Result<Effect, E> {
        match text {
            "Allow" => Ok(Effect::Allow),
            "Deny" => Ok(Effect::Deny),
            // IAM documents Effect as case-sensitive, so "allow" is as wrong as "Permit".
            _ => Err(coded(
                INVALID_EFFECT,
                format_args!(r#"Effect must be "Allow" or "Deny", found {text:?}"#),
            )),
        }
    }
}

struct PrincipalShape {
    not: bool,
}

impl PrincipalShape {
    fn name(&self) -> &'static str {
        if self.not {
            "NotPrincipal"
        } else {
            "Principal"
        }
    }
}

impl<'de> Shape<'de> for PrincipalShape {
    type Value = Principal;

    fn element(&self) -> Cow<'static, str> {
        Cow::Borrowed(self.name())
    }

    fn expected(&self) -> &'static str {
        r#""*" or an object"#
    }

    fn string<E: de::Error>(self, text: &str) -> Result<Principal, E> {
        if text == "*" {
            Ok(Principal::All)
        } else {
            // The model holds only the bare wildcard as a string; IAM requires a map otherwise.
            Err(coded(
                INVALID_PRINCIPAL_FORMAT,
                format_args!(
                    r#"{} must be "*" or an object such as {{"AWS": ...}}, found {text:?}"#,
                    self.name()
                ),
            ))
        }
    }

    fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<Principal, A::Error> {
        let mut entries: Vec<(PrincipalKind, OneOrMany<Cow<'static, str>>)> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let kind = key.parse::<PrincipalKind>().map_err(|message| {
                coded::<A::Error>(
                    INVALID_PRINCIPAL_KEY,
                    format_args!("{}: {message}", self.name()),
                )
            })?;
            if entries.iter().any(|(seen, _)| *seen == kind) {
                return Err(duplicate(self.name(), &key));
            }
            let element = format!("{} {key:?}", self.name());
            let values = map.next_value_seed(Visit(TextList { element }))?;
            entries.push((kind, map_one_or_many(values, Cow::Owned)));
        }
        Ok(Principal::Map(entries))
    }
}

struct ConditionShape;

impl<'de> Shape<'de> for ConditionShape {
    type Value = Condition;

    fn element(&self) -> Cow<'static, str> {
        Cow::Borrowed("Condition")
    }

    fn expected(&self) -> &'static str {
        "an object of operators"
    }

    fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<Condition, A::Error> {
        let mut blocks: Vec<ConditionBlock> = Vec::new();
        while let Some(operator) = map.next_key::<String>()? {
            if blocks.iter().any(|block| block.operator_text == operator) {
                return Err(duplicate("Condition", &operator));
            }
            let entries = map.next_value_seed(Visit(BlockShape {
                operator: &operator,
            }))?;
            blocks.push(ConditionBlock {
                operator_text: Cow::Owned(operator),
                entries,
            });
        }
        Ok(Condition { blocks })
    }
}

/// `{"key": value-or-values, ...}` under one operator.
struct BlockShape<'a> {
    operator: &'a str,
}

impl<'de> Shape<'de> for BlockShape<'_> {
    type Value = Vec<ConditionEntry>;

    fn element(&self) -> Cow<'static, str> {
        Cow::Owned(format!("Condition operator {:?}", self.operator))
    }

    fn expected(&self) -> &'static str {
        "an object of condition keys"
    }

    fn map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries: Vec<ConditionEntry> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if entries.iter().any(|entry| entry.key.as_str() == key) {
                return Err(duplicate(&self.element(), &key));
            }
            let values = map.next_value_seed(Visit(ValuesShape { key: &key }))?;
            entries.push(ConditionEntry {
                key: ConditionKeyItem::unchecked(key),
                values,
            });
        }
        Ok(entries)
    }
}

/// The value(s) of one condition key.
struct ValuesShape<'a> {
    key: &'a str,
}

impl<'de> Shape<'de> for ValuesShape<'_> {
    type Value = OneOrMany<ConditionValue>;

    fn element(&self) -> Cow<'static, str> {
        Cow::Owned(format!("condition key {:?}", self.key))
    }

    fn expected(&self) -> &'static str {
        "a string, boolean or number, or an array of them"
    }

    fn string<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
        Ok(OneOrMany::One(condition_string(text)))
    }

    fn boolean<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
        Ok(OneOrMany::One(ConditionValue::Bool(value)))
    }

    fn number<E: de::Error>(self, value: Number) -> Result<Self::Value, E> {
        Ok(OneOrMany::One(condition_number(&value)))
    }

    fn seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut values = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(value) = seq.next_element_seed(Visit(ValueShape { key: self.key }))? {
            values.push(value);
        }
        Ok(OneOrMany::Many(values))
    }
}

/// One entry of a condition key's array.
struct ValueShape<'a> {
    key: &'a str,
}

impl<'de> Shape<'de> for ValueShape<'_> {
    type Value = ConditionValue;

    fn element(&self) -> Cow<'static, str> {
        Cow::Owned(format!("each value of condition key {:?}", self.key))
    }

    fn expected(&self) -> &'static str {
        "a string, boolean or number"
    }

    fn string<E: de::Error>(self, text: &str) -> Result<ConditionValue, E> {
        Ok(condition_string(text))
    }

    fn boolean<E: de::Error>(self, value: bool) -> Result<ConditionValue, E> {
        Ok(ConditionValue::Bool(value))
    }

    fn number<E: de::Error>(self, value: Number) -> Result<ConditionValue, E> {
        Ok(condition_number(&value))
    }
}

fn condition_string(text: &str) -> ConditionValue {
    ConditionValue::String(Cow::Owned(text.to_owned()))
}

fn condition_number(value: &Number) -> ConditionValue {
    ConditionValue::Number(Cow::Owned(value.to_string()))
}
