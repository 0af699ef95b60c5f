//! Which page the catalog was generated from.

#[rustfmt::skip]
#[path = "generated/service.rs"]
mod generated;

pub use generated::{SERVICE_NAME, SERVICE_PREFIX, SOURCE_SHA256, SOURCE_URL};
