//! `generated/actions.rs`: the `Action` enum and its fact tables.

use super::render::{doc, escape_markdown};
use super::resolve::{ItemKind, Resolved};
use crate::model::Action;
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn emit(resolved: &Resolved<'_>) -> TokenStream {
    let service = &resolved.catalog.service;
    let prefix = &service.prefix;
    let enum_doc = doc(&format!(
        "An action of {} (service prefix `{prefix}`), as the Service Authorization Reference lists it.\n\n\
         Variants are sorted by name; {} in all, then {} that AWS removed from its catalog, kept \
         (deprecated) so that code written against an older catalog still compiles.",
        service.name,
        resolved.live_actions,
        resolved.actions.len() - resolved.live_actions,
    ));

    let variants = resolved.actions.iter().map(|action| {
        let ident = resolved.action_idents.get(&action.name);
        let doc = doc(&variant_doc(resolved, action));
        let deprecated = resolved.removed_after(action).map(|date| {
            let note = format!(
                "AWS removed {prefix}:{} from its catalog after {date}: IAM no longer knows the action",
                action.name
            );
            quote! { #[deprecated(note = #note)] }
        });
        quote! { #doc #deprecated #ident, }
    });
    let removed_after =
        resolved
            .actions
            .iter()
            .map(|action| match resolved.removed_after(action) {
                Some(date) => quote! { Some(#date) },
                None => quote! { None },
            });
    let removed = resolved.actions[resolved.live_actions..]
        .iter()
        .map(|action| {
            let ident = resolved.action_idents.get(&action.name);
            quote! { Action::#ident }
        });
    let all = resolved.actions[..resolved.live_actions]
        .iter()
        .map(|action| {
            let ident = resolved.action_idents.get(&action.name);
            quote! { Action::#ident }
        });
    let names = resolved.actions.iter().map(|action| &action.name);
    let iam_names = resolved
        .actions
        .iter()
        .map(|action| format!("{prefix}:{}", action.name));
    let descriptions = resolved.actions.iter().map(|action| &action.description);
    let urls = resolved
        .actions
        .iter()
        .map(|action| match &action.documentation_url {
            Some(url) => quote! { Some(#url) },
            None => quote! { None },
        });
    let access_levels = resolved.actions.iter().map(|action| {
        let levels = action.access_levels.iter().map(|level| {
            let variant = quote::format_ident!("{}", format!("{level:?}"));
            quote! { AccessLevel::#variant }
        });
        quote! { &[#(#levels),*] }
    });
    let permission_only = resolved.actions.iter().map(|action| action.permission_only);
    let resource_types = resolved.actions.iter().map(|action| {
        let references = action.resource_types.iter().map(|reference| {
            let ident = resolved.resource_type_idents.get(&reference.name);
            let required = reference.required;
            let keys = key_slice(resolved, &reference.condition_keys);
            quote! { ResourceTypeRef::new(ResourceType::#ident, #required, #keys) }
        });
        quote! { &[#(#references),*] }
    });
    let condition_keys = resolved
        .actions
        .iter()
        .map(|action| key_slice(resolved, &action.condition_keys));
    let dependent_actions = resolved.actions.iter().map(|action| {
        let dependents = action.dependent_actions.iter().map(|dependent| {
            let ident = resolved.dependent_idents.get(dependent);
            quote! { DependentAction::#ident }
        });
        quote! { &[#(#dependents),*] }
    });

    let mut lowercase: Vec<(String, &proc_macro2::Ident)> = resolved.actions
        [..resolved.live_actions]
        .iter()
        .map(|action| {
            (
                action.name.to_ascii_lowercase(),
                resolved.action_idents.get(&action.name),
            )
        })
        .collect();
    lowercase.sort();
    let index = lowercase
        .iter()
        .map(|(name, ident)| quote! { (#name, Action::#ident) });
    let count = proc_macro2::Literal::usize_unsuffixed(resolved.live_actions);

    quote! {
        use crate::{AccessLevel, ConditionKey, DependentAction, ResourceType, ResourceTypeRef};

        #enum_doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Action {
            #(#variants)*
        }

        impl Action {
            /// Every action AWS lists today, sorted by name.
            pub const ALL: &'static [Action] = &[#(#all),*];

            /// The number of actions AWS lists today.
            pub const COUNT: usize = #count;

            /// The actions AWS removed from its catalog, sorted by name: deprecated variants that
            /// parsing never returns.
            pub const REMOVED: &'static [Action] = &[#(#removed),*];

            /// The date of the last catalog version that listed an action AWS has since removed;
            /// `None` for the actions it lists today.
            pub const fn removed_after(self) -> Option<&'static str> {
                REMOVED_AFTER[self as usize]
            }

            /// The name without the service prefix: `CreateTrainingJob`.
            pub const fn name(self) -> &'static str {
                NAMES[self as usize]
            }

            /// The IAM form with the service prefix: `sagemaker:CreateTrainingJob`.
            pub const fn as_str(self) -> &'static str {
                IAM_NAMES[self as usize]
            }

            /// The reference's description of what the action grants.
            pub const fn description(self) -> &'static str {
                DESCRIPTIONS[self as usize]
            }

            /// The API reference page of the action, when the reference links one.
            pub const fn documentation_url(self) -> Option<&'static str> {
                DOCUMENTATION_URLS[self as usize]
            }

            /// The access level(s) the reference assigns.
            pub const fn access_levels(self) -> &'static [AccessLevel] {
                ACCESS_LEVELS[self as usize]
            }

            /// Whether the action is a permission without an API operation of the same name.
            pub const fn is_permission_only(self) -> bool {
                PERMISSION_ONLY[self as usize]
            }

            /// The resource types the action can be scoped to, in the reference's order, with
            /// their required flags and per-resource condition keys. Empty: the action supports
            /// only `"Resource": "*"`.
            pub const fn resource_types(self) -> &'static [ResourceTypeRef] {
                RESOURCE_TYPES[self as usize]
            }

            /// The condition keys that apply to the action itself, whatever the resource.
            pub const fn condition_keys(self) -> &'static [ConditionKey] {
                CONDITION_KEYS[self as usize]
            }

            /// Actions the caller also needs permission for, sorted.
            pub const fn dependent_actions(self) -> &'static [DependentAction] {
                DEPENDENT_ACTIONS[self as usize]
            }
        }

        const NAMES: &[&str] = &[#(#names),*];
        const IAM_NAMES: &[&str] = &[#(#iam_names),*];
        const DESCRIPTIONS: &[&str] = &[#(#descriptions),*];
        const DOCUMENTATION_URLS: &[Option<&str>] = &[#(#urls),*];
        const ACCESS_LEVELS: &[&[AccessLevel]] = &[#(#access_levels),*];
        const PERMISSION_ONLY: &[bool] = &[#(#permission_only),*];
        const RESOURCE_TYPES: &[&[ResourceTypeRef]] = &[#(#resource_types),*];
        const CONDITION_KEYS: &[&[ConditionKey]] = &[#(#condition_keys),*];
        const DEPENDENT_ACTIONS: &[&[DependentAction]] = &[#(#dependent_actions),*];
        const REMOVED_AFTER: &[Option<&str>] = &[#(#removed_after),*];

        /// Lower-cased names, sorted, for case-insensitive binary search.
        pub(super) const LOWERCASE_INDEX: &[(&str, Action)] = &[#(#index),*];
    }
}

fn key_slice(resolved: &Resolved<'_>, keys: &[String]) -> TokenStream {
    let keys = keys.iter().map(|key| {
        let ident = resolved.condition_key_idents.get(key);
        quote! { ConditionKey::#ident }
    });
    quote! { &[#(#keys),*] }
}

fn variant_doc(resolved: &Resolved<'_>, action: &Action) -> String {
    let mut text = format!("{}\n\n", escape_markdown(&action.description));
    let levels: Vec<&str> = action
        .access_levels
        .iter()
        .map(|level| level.as_str())
        .collect();
    text.push_str(&format!("- Access level: {}\n", levels.join(", ")));
    if action.permission_only {
        text.push_str("- Permission only: no API operation of this name\n");
    }
    if action.resource_types.is_empty() {
        text.push_str("- Resource types: none (`\"Resource\": \"*\"` only)\n");
    } else {
        text.push_str("- Resource types (`*` required):\n");
        for reference in &action.resource_types {
            let ident = resolved.resource_type_idents.get(&reference.name);
            text.push_str(&format!(
                "  - [`{}{}`](crate::ResourceType::{ident}){}\n",
                reference.name,
                if reference.required { "*" } else { "" },
                key_list(resolved, &reference.condition_keys, " with "),
            ));
        }
    }
    if !action.condition_keys.is_empty() {
        text.push_str(&format!(
            "- Condition keys: {}\n",
            key_list(resolved, &action.condition_keys, "")
        ));
    }
    if !action.dependent_actions.is_empty() {
        let dependents: Vec<String> = action
            .dependent_actions
            .iter()
            .map(|dependent| {
                let ident = resolved.dependent_idents.get(dependent);
                format!("[`{dependent}`](crate::DependentAction::{ident})")
            })
            .collect();
        text.push_str(&format!("- Dependent actions: {}\n", dependents.join(", ")));
    }
    if let Some(date) = resolved.removed_after(action) {
        text.push_str(&format!(
            "\nAWS removed this action from its catalog after {date}: IAM no longer knows it.\n"
        ));
    } else if let Some(since) = resolved.since(ItemKind::Action, &action.name) {
        text.push_str(&format!("\n{since}\n"));
    }
    if let Some(url) = &action.documentation_url {
        text.push_str(&format!("\n[AWS documentation]({url})\n"));
    }
    text
}

/// `[`key`](crate::ConditionKey::Ident), ...` led by `lead`, or nothing for no keys.
pub(crate) fn key_list(resolved: &Resolved<'_>, keys: &[String], lead: &str) -> String {
    if keys.is_empty() {
        return String::new();
    }
    let links: Vec<String> = keys
        .iter()
        .map(|key| {
            let ident = resolved.condition_key_idents.get(key);
            format!("[`{key}`](crate::ConditionKey::{ident})")
        })
        .collect();
    format!("{lead}{}", links.join(", "))
}
