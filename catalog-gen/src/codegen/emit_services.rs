//! `generated/services.rs`: `prefix::Name` paths for the policy macro: dependent actions by
//! service (`iam::PassRole`) and global condition keys (`aws::TagKeys`).

use super::render::doc;
use super::resolve::Resolved;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::collections::BTreeMap;

pub(crate) fn emit(resolved: &Resolved<'_>) -> TokenStream {
    let mut by_prefix: BTreeMap<&str, Vec<TokenStream>> = BTreeMap::new();
    for entry in &resolved.dependent_actions {
        let variant = resolved.dependent_idents.get(entry.name);
        let name = format_ident!("{}", entry.action);
        let item_doc = doc(&format!(
            "[`{}`](crate::DependentAction::{variant})",
            entry.name
        ));
        by_prefix.entry(entry.prefix).or_default().push(quote! {
            #item_doc
            pub const #name: DependentAction = DependentAction::#variant;
        });
    }
    let global_keys: Vec<TokenStream> = resolved
        .condition_keys
        .iter()
        .filter(|entry| entry.global)
        .map(|entry| {
            let variant = resolved.condition_key_idents.get(&entry.key.name);
            let name = format_ident!("{}", variant.to_string().trim_start_matches("Aws"));
            let item_doc = doc(&format!(
                "[`{}`](crate::ConditionKey::{variant})",
                entry.key.name
            ));
            quote! {
                #item_doc
                pub const #name: ConditionKey = ConditionKey::#variant;
            }
        })
        .collect();
    let modules = by_prefix.into_iter().map(|(prefix, items)| {
        let module = format_ident!("{}", prefix.replace('-', "_"));
        let module_doc = doc(&format!("Dependent actions of the `{prefix}` service."));
        quote! {
            #module_doc
            #[allow(non_upper_case_globals)]
            pub mod #module {
                use crate::DependentAction;
                #(#items)*
            }
        }
    });
    quote! {
        #(#modules)*

        /// The global `aws:` condition keys.
        #[allow(non_upper_case_globals)]
        pub mod aws {
            use crate::ConditionKey;
            #(#global_keys)*
        }
    }
}
