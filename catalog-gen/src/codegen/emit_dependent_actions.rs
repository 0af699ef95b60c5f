//! `generated/dependent_actions.rs`: every action the page names as a dependency.

use super::render::doc;
use super::resolve::Resolved;
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn emit(resolved: &Resolved<'_>) -> TokenStream {
    let service = &resolved.catalog.service;
    let entries = &resolved.dependent_actions;
    let enum_doc = doc(&format!(
        "An action that some action of {} also needs permission for, from this or another \
         service: {} in all, sorted.",
        service.name,
        entries.len()
    ));
    let ident = |name: &str| resolved.dependent_idents.get(name).clone();

    let variants = entries.iter().map(|entry| {
        let variant = ident(entry.name);
        let needed_by: Vec<String> = entry
            .needed_by
            .iter()
            .map(|action| {
                let action_ident = resolved.action_idents.get(action);
                format!("[`{action}`](crate::Action::{action_ident})")
            })
            .collect();
        let doc = doc(&format!(
            "`{}` (`{}` action `{}`)\n\nNeeded by: {}.\n",
            entry.name,
            entry.prefix,
            entry.action,
            needed_by.join(", ")
        ));
        quote! { #doc #variant, }
    });
    let all = entries.iter().map(|entry| {
        let variant = ident(entry.name);
        quote! { DependentAction::#variant }
    });
    let names = entries.iter().map(|entry| entry.name);
    let mut lowercase: Vec<(String, proc_macro2::Ident)> = entries
        .iter()
        .map(|entry| (entry.name.to_ascii_lowercase(), ident(entry.name)))
        .collect();
    lowercase.sort();
    let index = lowercase
        .iter()
        .map(|(name, variant)| quote! { (#name, DependentAction::#variant) });

    quote! {
        #enum_doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum DependentAction {
            #(#variants)*
        }

        impl DependentAction {
            /// Every dependent action, sorted.
            pub const ALL: &'static [DependentAction] = &[#(#all),*];

            /// The IAM form: `iam:PassRole`.
            pub const fn as_str(self) -> &'static str {
                NAMES[self as usize]
            }
        }

        const NAMES: &[&str] = &[#(#names),*];

        /// Lower-cased names, sorted, for case-insensitive binary search.
        pub(super) const LOWERCASE_INDEX: &[(&str, DependentAction)] = &[#(#index),*];
    }
}
