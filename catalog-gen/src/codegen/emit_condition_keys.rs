//! `generated/condition_keys.rs`: the `ConditionKey` enum: the page's keys and every global key.

use super::render::{doc, escape_markdown};
use super::resolve::{ItemKind, Resolved};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

pub(crate) fn emit(resolved: &Resolved<'_>) -> TokenStream {
    let service = &resolved.catalog.service;
    let keys = &resolved.condition_keys;
    let enum_doc = doc(&format!(
        "A condition key usable in policies for {}: the service's own keys and the global `aws:` \
         keys, {} in all, sorted by name.\n\n\
         Parameterized keys (`aws:ResourceTag/${{TagKey}}`) are one variant each; \
         [`ConditionKeyName`](crate::ConditionKeyName) carries the parameter.",
        service.name,
        keys.len()
    ));
    let ident = |name: &str| resolved.condition_key_idents.get(name).clone();

    let variants = keys.iter().map(|entry| {
        let variant = ident(&entry.key.name);
        let mut text = format!(
            "`{}` ({}{}){}\n",
            entry.key.name,
            entry.key.value_type,
            if entry.value_type.starts_with("ArrayOf") {
                ", multivalued"
            } else {
                ""
            },
            if entry.global { ", global" } else { "" },
        );
        if !entry.key.description.is_empty() {
            let description = if entry.global
                && !resolved
                    .catalog
                    .condition_keys
                    .iter()
                    .any(|k| k.name == entry.key.name)
            {
                // Read from the global keys page's Markdown and kept as Markdown (code spans).
                entry.key.description.clone()
            } else {
                escape_markdown(&entry.key.description)
            };
            text.push_str(&format!("\n{description}\n"));
        }
        if !entry.global {
            if let Some(since) = resolved.since(ItemKind::ConditionKey, &entry.key.name) {
                text.push_str(&format!("\n{since}\n"));
            }
        }
        let deprecated = entry.key.deprecated.as_ref().map(|deprecation| {
            let note = match &deprecation.replaced_by {
                Some(replacement) => format!(
                    "AWS deprecated {}: it has been replaced by {replacement}",
                    entry.key.name
                ),
                None => format!("AWS deprecated {}", entry.key.name),
            };
            quote! { #[deprecated(note = #note)] }
        });
        let doc = doc(&text);
        quote! { #doc #deprecated #variant, }
    });
    let all = keys.iter().map(|entry| {
        let variant = ident(&entry.key.name);
        quote! { ConditionKey::#variant }
    });
    let names = keys.iter().map(|entry| &entry.key.name);
    let descriptions = keys.iter().map(|entry| &entry.key.description);
    let value_types = keys.iter().map(|entry| {
        let variant = format_ident!("{}", entry.value_type);
        quote! { ValueType::#variant }
    });
    let globals = keys.iter().map(|entry| entry.global);
    let parameters = keys.iter().map(|entry| match entry.parameter {
        Some(parameter) => quote! { Some(#parameter) },
        None => quote! { None },
    });
    let stems = keys.iter().map(|entry| entry.stem);
    let deprecated = keys.iter().map(|entry| entry.key.deprecated.is_some());
    let replacements = keys.iter().map(|entry| {
        match entry
            .key
            .deprecated
            .as_ref()
            .and_then(|deprecation| deprecation.replaced_by.as_deref())
        {
            Some(replacement) => quote! { Some(#replacement) },
            None => quote! { None },
        }
    });
    let mut lowercase: Vec<(String, proc_macro2::Ident)> = keys
        .iter()
        .map(|entry| (entry.key.name.to_ascii_lowercase(), ident(&entry.key.name)))
        .collect();
    lowercase.sort();
    let index = lowercase
        .iter()
        .map(|(name, variant)| quote! { (#name, ConditionKey::#variant) });

    quote! {
        use crate::ValueType;

        #enum_doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum ConditionKey {
            #(#variants)*
        }

        impl ConditionKey {
            /// Every key, sorted by name.
            pub const ALL: &'static [ConditionKey] = &[#(#all),*];

            /// The catalog name, with any parameter placeholder: `aws:ResourceTag/${TagKey}`.
            pub const fn name(self) -> &'static str {
                NAMES[self as usize]
            }

            /// What the key filters on.
            pub const fn description(self) -> &'static str {
                DESCRIPTIONS[self as usize]
            }

            /// The type of the key's values.
            pub const fn value_type(self) -> ValueType {
                VALUE_TYPES[self as usize]
            }

            /// Whether this is a global `aws:` key, which every action accepts.
            pub const fn is_global(self) -> bool {
                GLOBAL[self as usize]
            }

            /// The parameter placeholder of a parameterized key: `TagKey` for
            /// `aws:ResourceTag/${TagKey}`.
            pub const fn parameter_name(self) -> Option<&'static str> {
                PARAMETERS[self as usize]
            }

            /// The name up to the parameter placeholder (`aws:ResourceTag/`), or the whole name.
            pub const fn stem(self) -> &'static str {
                STEMS[self as usize]
            }

            /// Whether AWS has deprecated the key (the variant is `#[deprecated]` too).
            pub const fn is_deprecated(self) -> bool {
                DEPRECATED[self as usize]
            }

            /// The key AWS says replaces a deprecated one: `sagemaker:VolumeKmsKeyArn` for
            /// `sagemaker:VolumeKmsKey`.
            pub const fn replaced_by(self) -> Option<&'static str> {
                REPLACED_BY[self as usize]
            }
        }

        const NAMES: &[&str] = &[#(#names),*];
        const DESCRIPTIONS: &[&str] = &[#(#descriptions),*];
        const VALUE_TYPES: &[ValueType] = &[#(#value_types),*];
        const GLOBAL: &[bool] = &[#(#globals),*];
        const PARAMETERS: &[Option<&str>] = &[#(#parameters),*];
        const STEMS: &[&str] = &[#(#stems),*];
        const DEPRECATED: &[bool] = &[#(#deprecated),*];
        const REPLACED_BY: &[Option<&str>] = &[#(#replacements),*];

        /// Lower-cased names, sorted, for case-insensitive binary search.
        pub(super) const LOWERCASE_INDEX: &[(&str, ConditionKey)] = &[#(#index),*];
    }
}
