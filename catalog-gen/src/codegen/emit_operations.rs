//! `generated/operations.rs`: the `Operation` enum: every API operation, the IAM actions it
//! authorizes (with condition values) and the SDK methods that call it.

use super::render::{doc, escape_markdown};
use super::resolve::Resolved;
use crate::model::{AuthorizedAction, Operation};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

pub(crate) fn emit(resolved: &Resolved<'_>) -> TokenStream {
    let service = &resolved.catalog.service;
    let mut operations: Vec<&Operation> = resolved.catalog.operations.iter().collect();
    operations.sort_by(|a, b| a.name.cmp(&b.name));
    let enum_doc = doc(&format!(
        "An API operation of {}, as AWS's service reference lists it: {} in all, sorted by name.\n\n\
         [`Operation::authorized_actions`] are the IAM actions a call needs (with the condition \
         values the request carries); [`Operation::sdk_methods`] the SDK methods that call it.",
        service.name,
        operations.len()
    ));
    let ident = |operation: &Operation| format_ident!("{}", operation.name);
    let variants = operations.iter().map(|operation| {
        let variant = ident(operation);
        let doc = doc(&variant_doc(operation));
        quote! { #doc #variant, }
    });
    let all = operations.iter().map(|operation| {
        let variant = ident(operation);
        quote! { Operation::#variant }
    });
    let names = operations.iter().map(|operation| &operation.name);
    let authorized = operations.iter().map(|operation| {
        let entries = operation.authorized_actions.iter().map(authorization);
        quote! { &[#(#entries),*] }
    });
    let sdk_methods = operations.iter().map(|operation| {
        let methods = operation.sdk_methods.iter().map(|method| {
            let (package, client, name) = (&method.package, &method.client, &method.method);
            let rust_crate = format!("aws_sdk_{}", client.replace('-', ""));
            quote! { SdkMethod::new(#package, #client, #name, #rust_crate) }
        });
        quote! { &[#(#methods),*] }
    });
    let mut lowercase: Vec<(String, proc_macro2::Ident)> = operations
        .iter()
        .map(|operation| (operation.name.to_ascii_lowercase(), ident(operation)))
        .collect();
    lowercase.sort();
    let index = lowercase
        .iter()
        .map(|(name, variant)| quote! { (#name, Operation::#variant) });
    let mut by_method: Vec<(String, proc_macro2::Ident)> = operations
        .iter()
        .flat_map(|operation| {
            operation
                .sdk_methods
                .iter()
                .map(|method| (method.method.to_ascii_lowercase(), ident(operation)))
        })
        .collect();
    by_method.sort();
    by_method.dedup_by(|a, b| a.0 == b.0);
    let method_index = by_method
        .iter()
        .map(|(method, variant)| quote! { (#method, Operation::#variant) });
    let count = proc_macro2::Literal::usize_unsuffixed(operations.len());

    quote! {
        use crate::operation::{Authorization, SdkMethod};

        #enum_doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Operation {
            #(#variants)*
        }

        impl Operation {
            /// Every operation, sorted by name.
            pub const ALL: &'static [Operation] = &[#(#all),*];

            /// The number of operations.
            pub const COUNT: usize = #count;

            /// The API operation's name: `CreateTrainingJob`.
            pub const fn name(self) -> &'static str {
                NAMES[self as usize]
            }

            /// The IAM actions a call of the operation is authorized against, in the service
            /// reference's order, each with the condition key values the request carries
            /// (`iam:PassRole` with `iam:PassedToService = sagemaker.amazonaws.com`). Empty when
            /// the reference lists none.
            pub const fn authorized_actions(self) -> &'static [Authorization] {
                AUTHORIZED_ACTIONS[self as usize]
            }

            /// The SDK methods that call the operation, as the service reference names them.
            pub const fn sdk_methods(self) -> &'static [SdkMethod] {
                SDK_METHODS[self as usize]
            }
        }

        const NAMES: &[&str] = &[#(#names),*];
        const AUTHORIZED_ACTIONS: &[&[Authorization]] = &[#(#authorized),*];
        const SDK_METHODS: &[&[SdkMethod]] = &[#(#sdk_methods),*];

        /// Lower-cased names, sorted, for case-insensitive binary search.
        pub(super) const LOWERCASE_INDEX: &[(&str, Operation)] = &[#(#index),*];

        /// Lower-cased SDK method names, sorted, for binary search.
        pub(super) const METHOD_INDEX: &[(&str, Operation)] = &[#(#method_index),*];
    }
}

fn authorization(authorized: &AuthorizedAction) -> TokenStream {
    let action = &authorized.action;
    let values = &authorized.values;
    match &authorized.condition_key {
        Some(key) => quote! { Authorization::new(#action, Some(#key), &[#(#values),*]) },
        None => quote! { Authorization::new(#action, None, &[]) },
    }
}

fn variant_doc(operation: &Operation) -> String {
    let mut text = format!("`{}`\n\n", operation.name);
    if operation.authorized_actions.is_empty() {
        text.push_str("- Authorized actions: none listed\n");
    } else {
        text.push_str("- Authorized actions:\n");
        for authorized in &operation.authorized_actions {
            let condition = authorized
                .condition_key
                .as_ref()
                .map(|key| format!(" when `{key}` is {}", values_text(&authorized.values)))
                .unwrap_or_default();
            text.push_str(&format!("  - `{}`{condition}\n", authorized.action));
        }
    }
    for method in &operation.sdk_methods {
        text.push_str(&format!(
            "- SDK: {} `{}` client, `{}`\n",
            escape_markdown(&method.package),
            method.client,
            method.method
        ));
    }
    text
}

fn values_text(values: &[String]) -> String {
    let quoted: Vec<String> = values.iter().map(|value| format!("`{value}`")).collect();
    quoted.join(" or ")
}
