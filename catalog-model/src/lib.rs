//! The catalog's data model ([`model`]), its invariants ([`check`]) and the reader of AWS's
//! service reference JSON ([`service_reference`]).
//!
//! A crate of its own so that two users share one copy: `catalog-gen`, which scrapes pages and
//! generates code (and re-exports these modules under their old paths), and `sagemaker-actions`
//! behind its optional `service-reference` feature, which must not depend on the scraper or the
//! code generator. It depends only on serde, serde_json, thiserror and sha2.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod check;
pub mod model;
pub mod service_reference;

use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
