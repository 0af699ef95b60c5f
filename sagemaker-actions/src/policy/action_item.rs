use crate::{Action, DependentAction, SERVICE_PREFIX};
use std::borrow::Cow;
use std::fmt;

/// One entry of an `Action` or `NotAction` element, kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActionItem {
    text: Cow<'static, str>,
}

/// What an [`ActionItem`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActionKind {
    /// `*`: every action of every service.
    All,
    /// A SageMaker action of the catalog.
    SageMaker(Action),
    /// A SageMaker name with `*` or `?`.
    SageMakerPattern,
    /// A `sagemaker:` name the catalog does not have.
    UnknownSageMaker,
    /// An action of another service that the catalog types: a dependent action such as
    /// `iam:PassRole`.
    Dependent(DependentAction),
    /// An action of another service, not checked against any catalog.
    OtherService,
    /// Not of the form `prefix:Name`.
    Malformed,
}

impl ActionItem {
    /// A SageMaker action.
    pub const fn sagemaker(action: Action) -> Self {
        ActionItem {
            text: Cow::Borrowed(action.as_str()),
        }
    }

    /// A dependent action of the catalog (`iam:PassRole`).
    pub const fn dependent(action: DependentAction) -> Self {
        ActionItem {
            text: Cow::Borrowed(action.as_str()),
        }
    }

    /// Any `prefix:Name` text, with IAM wildcards, checked for syntax only: the visibly
    /// unchecked way to grant actions of services outside the catalog (`events:PutRule`).
    pub fn unchecked(text: impl Into<Cow<'static, str>>) -> Result<Self, MalformedAction> {
        let text = text.into();
        if text == "*" || is_action_syntax(&text) {
            Ok(ActionItem { text })
        } else {
            Err(MalformedAction {
                text: text.into_owned(),
            })
        }
    }

    /// Keeps any text as written; [`ActionItem::kind`] tells what it is. For parsed policies.
    pub fn from_written(text: impl Into<Cow<'static, str>>) -> Self {
        ActionItem { text: text.into() }
    }

    /// The text as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// What the text names. SageMaker and dependent actions are matched case-insensitively, as
    /// IAM matches them.
    pub fn kind(&self) -> ActionKind {
        let text = self.text.as_ref();
        if text == "*" {
            return ActionKind::All;
        }
        if !is_action_syntax(text) {
            return ActionKind::Malformed;
        }
        let (prefix, name) = text.split_once(':').expect("checked syntax");
        if prefix.eq_ignore_ascii_case(SERVICE_PREFIX) {
            if crate::wildcard::has_wildcard(name) {
                ActionKind::SageMakerPattern
            } else {
                Action::from_name(name).map_or(ActionKind::UnknownSageMaker, ActionKind::SageMaker)
            }
        } else {
            match text.parse::<DependentAction>() {
                Ok(dependent) => ActionKind::Dependent(dependent),
                Err(_) => ActionKind::OtherService,
            }
        }
    }

    /// The SageMaker actions the item grants: one, those a pattern matches, or all for `*`.
    pub fn sagemaker_actions(&self) -> Vec<Action> {
        match self.kind() {
            ActionKind::All => Action::ALL.to_vec(),
            ActionKind::SageMaker(action) => vec![action],
            ActionKind::SageMakerPattern => Action::matching(&self.text).collect(),
            _ => Vec::new(),
        }
    }
}

impl fmt::Display for ActionItem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<Action> for ActionItem {
    fn from(action: Action) -> Self {
        ActionItem::sagemaker(action)
    }
}

impl From<DependentAction> for ActionItem {
    fn from(action: DependentAction) -> Self {
        ActionItem::dependent(action)
    }
}

/// `prefix:Name`: a service prefix of letters, digits and hyphens (IAM compares it ignoring case), then a name of
/// letters, digits, `-`, `_` and the wildcards `*` and `?`.
pub const fn is_action_syntax(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut colon = 0;
    while colon < bytes.len() && bytes[colon] != b':' {
        let byte = bytes[colon];
        if !(byte.is_ascii_alphanumeric() || byte == b'-') {
            return false;
        }
        colon += 1;
    }
    if colon == 0 || colon + 1 >= bytes.len() {
        return false;
    }
    let mut at = colon + 1;
    while at < bytes.len() {
        let byte = bytes[at];
        if !(byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'*' | b'?')) {
            return false;
        }
        at += 1;
    }
    true
}

/// Text that is not an IAM action (`prefix:Name`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedAction {
    text: String,
}

impl fmt::Display for MalformedAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not an IAM action: expected prefix:Name, e.g. \"events:PutRule\" or \"s3:Get*\"",
            self.text
        )
    }
}

impl std::error::Error for MalformedAction {}
