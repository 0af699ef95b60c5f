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
    let global = || resolved.condition_keys.iter().filter(|entry| entry.global);
    let rust_name = |variant: &proc_macro2::Ident| {
        format_ident!("{}", variant.to_string().trim_start_matches("Aws"))
    };
    let taken: Vec<String> = global()
        .map(|entry| rust_name(resolved.condition_key_idents.get(&entry.key.name)).to_string())
        .collect();
    let mut global_keys: Vec<TokenStream> = Vec::new();
    for entry in global() {
        let variant = resolved.condition_key_idents.get(&entry.key.name);
        let name = rust_name(variant);
        let item_doc = doc(&format!(
            "[`{}`](crate::ConditionKey::{variant})",
            entry.key.name
        ));
        global_keys.push(quote! {
            #item_doc
            pub const #name: ConditionKey = ConditionKey::#variant;
        });
        // IAM's own spelling (`aws::PrincipalOrgID`) names the same key, so that a policy reads
        // as the JSON it becomes.
        let iam_spelling = entry.stem.trim_start_matches("aws:").trim_end_matches('/');
        let is_ident = iam_spelling
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_')
            && iam_spelling.starts_with(|c: char| c.is_ascii_alphabetic());
        if is_ident && name != iam_spelling && !taken.iter().any(|t| t == iam_spelling) {
            let alias = format_ident!("{}", iam_spelling);
            let alias_doc = doc(&format!(
                "IAM's spelling of [`{name}`]: [`{}`](crate::ConditionKey::{variant})",
                entry.key.name
            ));
            global_keys.push(quote! {
                #alias_doc
                pub const #alias: ConditionKey = ConditionKey::#variant;
            });
        }
    }
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
