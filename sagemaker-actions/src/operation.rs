//! SageMaker's API operations: which IAM actions each call is authorized against, and the SDK
//! methods that make it. This is what a least-privilege policy for a program is built from.

#[rustfmt::skip]
#[path = "generated/operations.rs"]
mod generated;

pub use generated::Operation;

use crate::lookup::{closest, find_ignore_case};
use crate::{Action, ParseError, SERVICE_PREFIX};
use std::fmt;
use std::str::FromStr;

/// One IAM action an operation is authorized against, with the value a condition key takes for
/// the call when the reference says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Authorization {
    action: &'static str,
    condition_key: Option<&'static str>,
    values: &'static [&'static str],
}

impl Authorization {
    pub(crate) const fn new(
        action: &'static str,
        condition_key: Option<&'static str>,
        values: &'static [&'static str],
    ) -> Self {
        Authorization {
            action,
            condition_key,
            values,
        }
    }

    /// The IAM action with its service prefix: `sagemaker:CreateTrainingJob`, `iam:PassRole`.
    pub const fn action_name(&self) -> &'static str {
        self.action
    }

    /// The action's service prefix: `sagemaker`, `iam`, ...
    pub fn service_prefix(&self) -> &'static str {
        self.action
            .split_once(':')
            .map_or(self.action, |(prefix, _)| prefix)
    }

    /// The action as a typed SageMaker [`Action`], when it is one of SageMaker's.
    ///
    /// ```
    /// use sagemaker_actions::{Action, Operation};
    /// let typed: Vec<Option<Action>> = Operation::CreateTrainingJob
    ///     .authorized_actions()
    ///     .iter()
    ///     .map(|authorization| authorization.action())
    ///     .collect();
    /// assert!(typed.contains(&Some(Action::CreateTrainingJob)));
    /// assert!(typed.contains(&None)); // iam:PassRole is IAM's
    /// ```
    pub fn action(&self) -> Option<Action> {
        match self.action.split_once(':') {
            Some((prefix, name)) if prefix == SERVICE_PREFIX => Action::from_name(name),
            _ => None,
        }
    }

    /// The condition key the authorization is evaluated with, when the reference names one:
    /// `iam:PassedToService` for `iam:PassRole`.
    pub const fn condition_key(&self) -> Option<&'static str> {
        self.condition_key
    }

    /// The values [`Authorization::condition_key`] takes for this call:
    /// `["sagemaker.amazonaws.com"]`.
    pub const fn values(&self) -> &'static [&'static str] {
        self.values
    }
}

/// One SDK's method for an operation, as AWS's service reference names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SdkMethod {
    package: &'static str,
    client: &'static str,
    method: &'static str,
    rust_crate: &'static str,
}

impl SdkMethod {
    pub(crate) const fn new(
        package: &'static str,
        client: &'static str,
        method: &'static str,
        rust_crate: &'static str,
    ) -> Self {
        SdkMethod {
            package,
            client,
            method,
            rust_crate,
        }
    }

    /// The SDK the reference names: `Boto3`.
    pub const fn package(&self) -> &'static str {
        self.package
    }

    /// The SDK client: `sagemaker`, `sagemaker-runtime`, ...
    pub const fn client(&self) -> &'static str {
        self.client
    }

    /// The method: `create_training_job`. The AWS SDK for Rust names its client methods from
    /// the same service model with the same snake case, so this is also the method of
    /// [`SdkMethod::rust_crate`]'s `Client`.
    pub const fn method(&self) -> &'static str {
        self.method
    }

    /// The AWS SDK for Rust crate of the client: `aws_sdk_sagemaker`,
    /// `aws_sdk_sagemakerruntime`, ...
    pub const fn rust_crate(&self) -> &'static str {
        self.rust_crate
    }
}

impl Operation {
    /// The operation with this name, ignoring case: `CreateTrainingJob`.
    pub const fn from_name(name: &str) -> Option<Operation> {
        find_ignore_case(generated::LOWERCASE_INDEX, name)
    }

    /// The operation an SDK method calls, ignoring case: `create_training_job`.
    pub const fn from_sdk_method(method: &str) -> Option<Operation> {
        find_ignore_case(generated::METHOD_INDEX, method)
    }

    /// The method name of the AWS SDK for Rust's client: `create_training_job` on
    /// `aws_sdk_sagemaker::Client`.
    pub const fn rust_sdk_method(self) -> Option<&'static str> {
        match self.sdk_methods().first() {
            Some(method) => Some(method.method()),
            None => None,
        }
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Operation {
    type Err = ParseError;

    /// Parses an operation's name (`CreateTrainingJob`) or an SDK method
    /// (`create_training_job`), ignoring case.
    ///
    /// ```
    /// use sagemaker_actions::Operation;
    /// assert_eq!("CreateTrainingJob".parse(), Ok(Operation::CreateTrainingJob));
    /// assert_eq!("create_training_job".parse(), Ok(Operation::CreateTrainingJob));
    /// assert!("CreateTrainingJb".parse::<Operation>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Operation::from_name(text)
            .or_else(|| Operation::from_sdk_method(text))
            .ok_or_else(|| {
                ParseError::new("operation", text).with_suggestion(closest(
                    Operation::ALL.iter().map(|operation| operation.name()),
                    text,
                ))
            })
    }
}
