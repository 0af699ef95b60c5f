//! SageMaker actions.

#[rustfmt::skip]
#[path = "generated/actions.rs"]
mod generated;

pub use generated::Action;

use crate::lookup::{closest, find_ignore_case, run_starting_with};
use crate::wildcard::wildcard_match_ignore_case;
use crate::{AccessLevel, ParseError, SERVICE_PREFIX};
use std::fmt;
use std::str::FromStr;

impl Action {
    /// The action with this name, without the `sagemaker:` prefix, ignoring case.
    ///
    /// ```
    /// use sagemaker_actions::Action;
    /// assert_eq!(Action::from_name("describeAction"), Some(Action::DescribeAction));
    /// assert_eq!(Action::from_name("sagemaker:DescribeAction"), None);
    /// ```
    pub const fn from_name(name: &str) -> Option<Action> {
        find_ignore_case(generated::LOWERCASE_INDEX, name)
    }

    /// The actions whose names start with `head`, ignoring case, with their lower-cased names:
    /// the only ones a pattern with this literal head can match.
    pub(crate) const fn starting_with(head: &[u8]) -> &'static [(&'static str, Action)] {
        run_starting_with(generated::LOWERCASE_INDEX, head)
    }

    /// The actions an IAM action pattern grants: `*` matches any run of characters, `?` one
    /// character, case-insensitively, as IAM evaluates `Action` elements. The pattern may carry
    /// the `sagemaker:` prefix; a pattern for another service matches nothing.
    ///
    /// ```
    /// use sagemaker_actions::Action;
    /// let stops: Vec<Action> = Action::matching("sagemaker:Stop*Job").collect();
    /// assert!(stops.contains(&Action::StopTrainingJob));
    /// assert_eq!(Action::matching("*").count(), Action::ALL.len());
    /// assert_eq!(Action::matching("s3:Get*").count(), 0);
    /// ```
    pub fn matching(pattern: &str) -> impl Iterator<Item = Action> + '_ {
        let name_pattern = match pattern.split_once(':') {
            Some((prefix, rest)) if prefix.eq_ignore_ascii_case(SERVICE_PREFIX) => Some(rest),
            Some(_) => None,
            None => Some(pattern),
        };
        Action::ALL.iter().copied().filter(move |action| {
            name_pattern
                .is_some_and(|name_pattern| wildcard_match_ignore_case(name_pattern, action.name()))
        })
    }

    /// The actions of one access level.
    ///
    /// ```
    /// use sagemaker_actions::{AccessLevel, Action};
    /// assert!(Action::with_access_level(AccessLevel::List).any(|action| action == Action::ListTrainingJobs));
    /// ```
    pub fn with_access_level(level: AccessLevel) -> impl Iterator<Item = Action> {
        Action::ALL
            .iter()
            .copied()
            .filter(move |action| action.access_levels().contains(&level))
    }
}

impl fmt::Display for Action {
    /// The IAM form, `sagemaker:CreateTrainingJob`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Action {
    type Err = ParseError;

    /// Accepts `sagemaker:CreateTrainingJob` and `CreateTrainingJob`, in any case.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let name = match text.split_once(':') {
            Some((prefix, name)) if prefix.eq_ignore_ascii_case(SERVICE_PREFIX) => name,
            Some(_) => return Err(ParseError::new("action", text)),
            None => text,
        };
        Action::from_name(name).ok_or_else(|| {
            let nearest = closest(Action::ALL.iter().map(|action| action.name()), name)
                .and_then(Action::from_name)
                .map(Action::as_str);
            ParseError::new("action", text).with_suggestion(nearest)
        })
    }
}
