//! IAM JSON forms of the catalog types: each serializes as its `Display` string and deserializes
//! through `FromStr`. Written by hand so that serde's derive macros are not needed.

use crate::{AccessLevel, Action, ConditionKey, ConditionKeyName, DependentAction, ResourceType};
use serde::de::{Deserializer, Error, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

struct ParseVisitor<T>(PhantomData<T>, &'static str);

impl<T> Visitor<'_> for ParseVisitor<T>
where
    T: FromStr,
    T::Err: fmt::Display,
{
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "a string naming {}", self.1)
    }

    fn visit_str<E: Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }
}

macro_rules! string_serde {
    ($($type:ty => $expecting:literal),* $(,)?) => {$(
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(ParseVisitor(PhantomData, $expecting))
            }
        }
    )*};
}

string_serde! {
    Action => "a SageMaker action",
    AccessLevel => "an access level",
    ResourceType => "a SageMaker resource type",
    ConditionKey => "a condition key",
    ConditionKeyName => "a condition key",
    DependentAction => "a dependent action",
}
