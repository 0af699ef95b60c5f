//! Actions, of SageMaker or of other services, that a SageMaker action also needs.

#[rustfmt::skip]
#[path = "generated/dependent_actions.rs"]
mod generated;

pub use generated::DependentAction;

use crate::lookup::{closest, find_ignore_case};
use crate::{Action, ParseError, SERVICE_PREFIX};
use std::fmt;
use std::str::FromStr;

impl DependentAction {
    /// The service prefix, `iam` for `iam:PassRole`.
    pub fn service_prefix(self) -> &'static str {
        self.split().0
    }

    /// The action name without its prefix, `PassRole` for `iam:PassRole`.
    pub fn name(self) -> &'static str {
        self.split().1
    }

    fn split(self) -> (&'static str, &'static str) {
        self.as_str()
            .split_once(':')
            .expect("dependent actions are generated as prefix:Name")
    }

    /// The SageMaker [`Action`] this is, for dependent actions of SageMaker itself.
    ///
    /// ```
    /// use sagemaker_actions::{Action, DependentAction};
    /// assert_eq!(DependentAction::SagemakerAddTags.action(), Some(Action::AddTags));
    /// assert_eq!(DependentAction::IamPassRole.action(), None);
    /// ```
    pub fn action(self) -> Option<Action> {
        if self.service_prefix() == SERVICE_PREFIX {
            Action::from_name(self.name())
        } else {
            None
        }
    }
}

impl fmt::Display for DependentAction {
    /// The IAM form, `iam:PassRole`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DependentAction {
    type Err = ParseError;

    /// Accepts `iam:PassRole` in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        find_ignore_case(generated::LOWERCASE_INDEX, text).ok_or_else(|| {
            ParseError::new("dependent action", text).with_suggestion(closest(
                DependentAction::ALL.iter().map(|d| d.as_str()),
                text,
            ))
        })
    }
}
