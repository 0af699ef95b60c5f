//! `generated/service.rs`: which service and which page the catalog describes.

use super::resolve::Resolved;
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn emit(resolved: &Resolved<'_>) -> TokenStream {
    let catalog = resolved.catalog;
    let name = &catalog.service.name;
    let prefix = &catalog.service.prefix;
    let url = &catalog.source.url;
    let sha256 = &catalog.source.sha256;
    quote! {
        /// The service's name in the Service Authorization Reference.
        pub const SERVICE_NAME: &str = #name;

        /// The service prefix of every action of the catalog.
        pub const SERVICE_PREFIX: &str = #prefix;

        /// The Service Authorization Reference page the catalog was scraped from.
        pub const SOURCE_URL: &str = #url;

        /// SHA-256 of the page snapshot the catalog was scraped from.
        pub const SOURCE_SHA256: &str = #sha256;
    }
}
