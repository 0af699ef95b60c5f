//! Typed access to a parsed JSON value that reports, for every missing or mistyped field, where
//! it is. serde's derived readers say "invalid type: string, expected a sequence" without naming
//! the field or the action it belongs to; with 444 actions in one file that is not enough to find
//! the spot, hence this small walker.

use super::ServiceReferenceError;
use serde_json::{Map, Value};
use std::fmt;

/// Where a value sits in the document: `the document`, `Actions[12] ("CreateTrainingJob")`,
/// `Operations[3] ("CreateTrainingJob").AuthorizedActions[2] ("PassRole")`. Built for every
/// element but only formatted when something is wrong.
#[derive(Clone, Copy)]
pub(super) struct Place<'a> {
    parent: Option<&'a Place<'a>>,
    /// `None` for the document itself.
    element: Option<(&'static str, usize, Option<&'a str>)>,
}

impl<'a> Place<'a> {
    /// The document's top level.
    pub(super) const DOCUMENT: Place<'static> = Place {
        parent: None,
        element: None,
    };

    /// Element `index` of the array `field` (named `name`, when it has a name) under `parent`.
    pub(super) fn element(
        parent: &'a Place<'a>,
        field: &'static str,
        index: usize,
        name: Option<&'a str>,
    ) -> Place<'a> {
        Place {
            parent: Some(parent),
            element: Some((field, index, name)),
        }
    }
}

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((field, index, name)) = self.element else {
            return f.write_str("the document");
        };
        if let Some(parent) = self.parent.filter(|parent| parent.element.is_some()) {
            write!(f, "{parent}.")?;
        }
        write!(f, "{field}[{index}]")?;
        if let Some(name) = name {
            write!(f, " ({name:?})")?;
        }
        Ok(())
    }
}

/// "a string", "an array", ... for messages.
pub(super) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A JSON object together with its place in the document.
#[derive(Clone, Copy)]
pub(super) struct Obj<'a> {
    pub(super) map: &'a Map<String, Value>,
    pub(super) place: &'a Place<'a>,
}

impl<'a> Obj<'a> {
    pub(super) fn error(&self, message: String) -> ServiceReferenceError {
        ServiceReferenceError::Field {
            at: self.place.to_string(),
            message,
        }
    }

    fn wrong_type(&self, key: &str, expected: &str, found: &Value) -> ServiceReferenceError {
        self.error(format!(
            "field {key:?} must be {expected}, found {}",
            kind(found)
        ))
    }

    /// A field that must be there. `null` counts as missing.
    fn required(&self, key: &str) -> Result<&'a Value, ServiceReferenceError> {
        match self.map.get(key) {
            None | Some(Value::Null) => Err(self.error(format!("field {key:?} is missing"))),
            Some(value) => Ok(value),
        }
    }

    /// A field that may be absent; `null` reads as absent, as AWS's own SDKs read it.
    fn optional(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|value| !value.is_null())
    }

    /// A non-empty string field.
    pub(super) fn required_str(&self, key: &str) -> Result<&'a str, ServiceReferenceError> {
        let value = self.required(key)?;
        let text = value
            .as_str()
            .ok_or_else(|| self.wrong_type(key, "a string", value))?;
        if text.trim().is_empty() {
            return Err(self.error(format!("field {key:?} is an empty string")));
        }
        Ok(text)
    }

    /// A string field that may be absent.
    pub(super) fn optional_str(&self, key: &str) -> Result<Option<&'a str>, ServiceReferenceError> {
        self.optional(key)
            .map(|value| {
                value
                    .as_str()
                    .ok_or_else(|| self.wrong_type(key, "a string", value))
            })
            .transpose()
    }

    /// An object field that may be absent.
    pub(super) fn optional_object(
        &self,
        key: &str,
    ) -> Result<Option<&'a Map<String, Value>>, ServiceReferenceError> {
        self.optional(key)
            .map(|value| {
                value
                    .as_object()
                    .ok_or_else(|| self.wrong_type(key, "an object", value))
            })
            .transpose()
    }

    /// An array field; absent reads as empty unless `required`.
    pub(super) fn array(
        &self,
        key: &str,
        required: bool,
    ) -> Result<&'a [Value], ServiceReferenceError> {
        let value = if required {
            self.required(key)?
        } else {
            match self.optional(key) {
                Some(value) => value,
                None => return Ok(&[]),
            }
        };
        value
            .as_array()
            .map(Vec::as_slice)
            .ok_or_else(|| self.wrong_type(key, "an array", value))
    }

    /// An array of non-empty strings; absent reads as empty unless `required`.
    pub(super) fn strings(
        &self,
        key: &str,
        required: bool,
    ) -> Result<Vec<String>, ServiceReferenceError> {
        self.array(key, required)?
            .iter()
            .enumerate()
            .map(|(index, value)| match value.as_str() {
                Some(text) if !text.trim().is_empty() => Ok(text.to_owned()),
                Some(_) => Err(self.error(format!("field {key:?}[{index}] is an empty string"))),
                None => Err(self.error(format!(
                    "field {key:?}[{index}] must be a string, found {}",
                    kind(value)
                ))),
            })
            .collect()
    }

    /// The place of element `index` of this object's array field `key`; its name is the
    /// element's `Name` field when that is a string.
    pub(super) fn element_place(
        &'a self,
        key: &'static str,
        index: usize,
        element: &'a Value,
    ) -> Place<'a> {
        Place::element(
            self.place,
            key,
            index,
            element.get("Name").and_then(Value::as_str),
        )
    }
}

/// Runs `read` on every element of the array field `key` of `parent`, each of which must be an
/// object.
pub(super) fn each_object<T>(
    parent: &Obj<'_>,
    key: &'static str,
    required: bool,
    mut read: impl FnMut(Obj<'_>) -> Result<T, ServiceReferenceError>,
) -> Result<Vec<T>, ServiceReferenceError> {
    let elements = parent.array(key, required)?;
    let mut out = Vec::with_capacity(elements.len());
    for (index, element) in elements.iter().enumerate() {
        let place = parent.element_place(key, index, element);
        let Some(map) = element.as_object() else {
            return Err(ServiceReferenceError::Field {
                at: place.to_string(),
                message: format!("must be an object, found {}", kind(element)),
            });
        };
        out.push(read(Obj { map, place: &place })?);
    }
    Ok(out)
}
