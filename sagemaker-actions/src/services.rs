//! `prefix::Name` paths for actions and condition keys of other namespaces, as the
//! [`policy!`](crate::policy!) macro writes them: dependent actions by service
//! (`iam::PassRole`) and the global condition keys (`aws::TagKeys`, `aws::ResourceTag`).
//!
//! ```
//! use sagemaker_actions::{services, ConditionKey, DependentAction};
//! assert_eq!(services::iam::PassRole, DependentAction::IamPassRole);
//! assert_eq!(services::aws::TagKeys, ConditionKey::AwsTagKeys);
//! ```

#[rustfmt::skip]
#[path = "generated/services.rs"]
mod generated;

pub use generated::*;
