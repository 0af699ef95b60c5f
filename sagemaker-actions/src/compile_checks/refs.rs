//! What the policy macro tells the compile-time checks about a statement: every item as a
//! constant, with run-time values reduced to what is known about them statically.

use super::message::{starts_with_ignore_case, str_eq, suffix};
use crate::policy::Operator;
use crate::{Action, ConditionKey, DependentAction, ResourceType};

/// An entry of `Action`/`NotAction`.
#[derive(Clone, Copy)]
pub enum ActionRef {
    /// `CreateTrainingJob`.
    SageMaker(Action),
    /// A string literal: `"*"` or `"sagemaker:Describe*"`.
    Literal(&'static str),
    /// `iam::PassRole`.
    Dependent(DependentAction),
    /// `unchecked("events:PutRule")`.
    Unchecked(&'static str),
}

/// An entry of `Resource`/`NotResource`.
#[derive(Clone, Copy)]
pub enum ResourceRef {
    /// `"*"`.
    Star,
    /// A value of a declared type: `job as TrainingJob`, or a builder whose arguments the
    /// macro could not read.
    Typed(ResourceType),
    /// A typed builder, `TrainingJob(region, account, name)` or
    /// `TrainingJob::in_partition(partition, region, account, name)`, with its literal arguments.
    Built(ResourceType, BuilderArgs),
    /// `"arn:..." as TrainingJob`.
    TypedLiteral(ResourceType, &'static str),
    /// An untyped literal ARN.
    Literal(&'static str),
    /// `unchecked(expr)`: another service's ARN or a run-time value.
    Unchecked,
}

/// The arguments of a typed ARN builder that are literals, as their source text
/// (`"\"us-east-1\""`, `123456789012`); `None` for run-time values.
#[derive(Clone, Copy)]
pub struct BuilderArgs {
    /// The builder as written: `TrainingJob`.
    pub name: &'static str,
    /// The partition of `in_partition`.
    pub partition: Option<&'static str>,
    /// The Region.
    pub region: Option<&'static str>,
    /// The account.
    pub account: Option<&'static str>,
}

/// The resource element of a statement.
#[derive(Clone, Copy)]
pub enum ResourceListRef {
    /// No `Resource` or `NotResource` (role trust policies).
    Absent,
    /// `Resource`.
    Resource(&'static [ResourceRef]),
    /// `NotResource`.
    NotResource(&'static [ResourceRef]),
}

/// A condition key as the macro names it.
#[derive(Clone, Copy)]
pub struct KeyRef {
    /// The catalog key; `None` for `unchecked("...")` keys.
    pub key: Option<ConditionKey>,
    /// The name as written, for messages.
    pub text: &'static str,
    /// Whether a parameter was given: `aws::ResourceTag("Project")`.
    pub has_parameter: bool,
    /// The parameter's source text (`"Project"`, `team_tag`), `""` without one: two keys with
    /// the same text name the same JSON key.
    pub parameter: &'static str,
}

impl KeyRef {
    /// A catalog key without parameter.
    pub const fn catalog(key: ConditionKey) -> Self {
        KeyRef {
            key: Some(key),
            text: key.name(),
            has_parameter: false,
            parameter: "",
        }
    }

    /// A catalog key with a parameter, given as its source text.
    pub const fn parameterized(key: ConditionKey, parameter: &'static str) -> Self {
        KeyRef {
            key: Some(key),
            text: key.name(),
            has_parameter: true,
            parameter,
        }
    }

    /// A key outside the catalog.
    pub const fn unchecked(text: &'static str) -> Self {
        KeyRef {
            key: None,
            text,
            has_parameter: false,
            parameter: "",
        }
    }

    /// Whether both name the same JSON key for certain: the same catalog key with the same
    /// parameter text, or the same unchecked text. (Parameters computed at run time may still
    /// coincide; the JSON writer refuses those.)
    pub const fn same_key(&self, other: &KeyRef) -> bool {
        let same_catalog_key = match (self.key, other.key) {
            (Some(a), Some(b)) => a as usize == b as usize,
            (None, None) => true,
            _ => false,
        };
        same_catalog_key
            && str_eq(self.text, other.text)
            && self.has_parameter == other.has_parameter
            && str_eq(self.parameter, other.parameter)
    }
}

/// A condition value: a literal's source text, or an expression known only at run time (whose
/// Rust type the macro checks against the operator).
#[derive(Clone, Copy)]
pub enum ValueRef {
    /// `stringify!` of the literal.
    Literal(&'static str),
    /// A run-time value.
    Runtime,
}

/// One operator block of `Condition`: `StringEquals: { key: value, ... }`.
#[derive(Clone, Copy)]
pub struct BlockRef {
    /// The operator.
    pub operator: Operator,
    /// Its keys, in the order written.
    pub entries: &'static [ConditionRef],
}

/// One key of one operator block.
#[derive(Clone, Copy)]
pub struct ConditionRef {
    /// The operator.
    pub operator: Operator,
    /// The key.
    pub key: KeyRef,
    /// Its values.
    pub values: &'static [ValueRef],
}

/// Everything the checks need to know about a statement.
#[derive(Clone, Copy)]
pub struct StatementRefs {
    /// `Sid`, when written as a literal: messages name the statement by it.
    pub sid: Option<&'static str>,
    /// Whether the policy's Version substitutes policy variables (`${aws:username}`): false
    /// under `2008-10-17`, where they are literal text.
    pub variables: bool,
    /// `NotAction` rather than `Action`.
    pub not_action: bool,
    /// The action entries.
    pub actions: &'static [ActionRef],
    /// The resource element.
    pub resources: ResourceListRef,
    /// The condition blocks, in the order written.
    pub conditions: &'static [BlockRef],
}

const SAGEMAKER_PREFIX: &str = "sagemaker:";

/// What an action literal is.
#[derive(Clone, Copy)]
pub enum ActionLiteral {
    /// `"*"`.
    All,
    /// `"sagemaker:Name"` of the catalog.
    SageMaker(Action),
    /// `"sagemaker:Describe*"`: the part after the prefix.
    SageMakerPattern(&'static str),
    /// `"sagemaker:Name"` that the catalog lacks.
    UnknownSageMaker,
    /// `"events:PutRule"`.
    OtherService,
    /// Not `prefix:Name`.
    Malformed,
}

/// Classifies an action literal.
pub const fn classify_action_literal(text: &'static str) -> ActionLiteral {
    if str_eq(text, "*") {
        return ActionLiteral::All;
    }
    if !crate::policy::is_action_syntax(text) {
        return ActionLiteral::Malformed;
    }
    if !starts_with_ignore_case(text, SAGEMAKER_PREFIX) {
        return ActionLiteral::OtherService;
    }
    let name = suffix(text, SAGEMAKER_PREFIX.len());
    if contains_wildcard(name) {
        return ActionLiteral::SageMakerPattern(name);
    }
    match Action::from_name(name) {
        Some(action) => ActionLiteral::SageMaker(action),
        None => ActionLiteral::UnknownSageMaker,
    }
}

/// Whether `text` has `*` or `?`.
pub const fn contains_wildcard(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'*' || bytes[at] == b'?' {
            return true;
        }
        at += 1;
    }
    false
}
