//! The code-generation side of `sagemaker-actions`: scraping the AWS Service Authorization
//! Reference into typed catalog data ([`scrape`], [`model`]), checking it ([`check`]), fetching
//! pages ([`fetch`]), reading AWS's service reference JSON ([`service_reference`]) and the global
//! condition keys page ([`global_keys`]), merging sources ([`merge`], [`sources`]), following a
//! catalog's history ([`history`], [`drift`]) and writing files atomically ([`files`]).
//!
//! Nothing here ships to users of `sagemaker-actions`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod codegen;
pub mod diff;
pub mod drift;
pub mod fetch;
pub mod files;
pub mod global_keys;
pub mod history;
pub mod merge;
pub mod scrape;
pub mod sources;
#[cfg(test)]
mod test_support;

// The data model, its invariants and the service reference reader live in `catalog-model`, which
// `sagemaker-actions` shares; they keep their paths here.
pub use catalog_model::{check, model, service_reference};
