//! `generated/resource_types.rs`: the `ResourceType` enum and its fact tables.

use super::emit_actions::key_list;
use super::render::doc;
use super::resolve::{ItemKind, Resolved};
use proc_macro2::TokenStream;
use quote::quote;

pub(crate) fn emit(resolved: &Resolved<'_>) -> TokenStream {
    let service = &resolved.catalog.service;
    let enum_doc = doc(&format!(
        "A resource type of {}, as the Service Authorization Reference lists it: what an action's \
         `Resource` ARNs may name.\n\nVariants are sorted by name; {} in all.",
        service.name,
        resolved.resource_types.len()
    ));
    let entries = &resolved.resource_types;
    let ident = |name: &str| resolved.resource_type_idents.get(name).clone();

    let variants = entries.iter().map(|resource_type| {
        let variant = ident(&resource_type.name);
        let mut text = format!("`{}`\n\n", resource_type.name);
        for arn in &resource_type.arn_formats {
            text.push_str(&format!("```text\n{arn}\n```\n"));
        }
        if !resource_type.condition_keys.is_empty() {
            text.push_str(&format!(
                "\nCondition keys: {}\n",
                key_list(resolved, &resource_type.condition_keys, "")
            ));
        }
        let users = resolved.actions[..resolved.live_actions]
            .iter()
            .filter(|action| {
                action
                    .resource_types
                    .iter()
                    .any(|reference| reference.name == resource_type.name)
            })
            .count();
        text.push_str(&format!("\nActions that accept it: {users}.\n"));
        if let Some(since) = resolved.since(ItemKind::ResourceType, &resource_type.name) {
            text.push_str(&format!("\n{since}\n"));
        }
        if let Some(url) = &resource_type.documentation_url {
            text.push_str(&format!("\n[AWS documentation]({url})\n"));
        }
        let doc = doc(&text);
        quote! { #doc #variant, }
    });
    let all = entries.iter().map(|rt| {
        let variant = ident(&rt.name);
        quote! { ResourceType::#variant }
    });
    let names = entries.iter().map(|rt| &rt.name);
    let arn_formats = entries.iter().map(|rt| {
        let arns = &rt.arn_formats;
        quote! { &[#(#arns),*] }
    });
    let arn_resource_heads = entries.iter().map(|rt| {
        let heads = rt.arn_formats.iter().map(|format| resource_head(format));
        quote! { &[#(#heads),*] }
    });
    let condition_keys = entries.iter().map(|rt| {
        let keys = rt.condition_keys.iter().map(|key| {
            let key = resolved.condition_key_idents.get(key);
            quote! { ConditionKey::#key }
        });
        quote! { &[#(#keys),*] }
    });
    let urls = entries.iter().map(|rt| match &rt.documentation_url {
        Some(url) => quote! { Some(#url) },
        None => quote! { None },
    });
    let mut lowercase: Vec<(String, proc_macro2::Ident)> = entries
        .iter()
        .map(|rt| (rt.name.to_ascii_lowercase(), ident(&rt.name)))
        .collect();
    lowercase.sort();
    let index = lowercase
        .iter()
        .map(|(name, variant)| quote! { (#name, ResourceType::#variant) });

    quote! {
        use crate::ConditionKey;

        #enum_doc
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum ResourceType {
            #(#variants)*
        }

        impl ResourceType {
            /// Every resource type, sorted by name.
            pub const ALL: &'static [ResourceType] = &[#(#all),*];

            /// The reference's name: `training-job`.
            pub const fn name(self) -> &'static str {
                NAMES[self as usize]
            }

            /// The ARN templates, such as
            /// `arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}`.
            pub const fn arn_formats(self) -> &'static [&'static str] {
                ARN_FORMATS[self as usize]
            }

            /// For each ARN format, its resource part up to the first placeholder
            /// (`training-job/`): every ARN of the type starts its resource part with it, so an
            /// ARN whose own literal start disagrees is ruled out without the full comparison.
            pub(crate) const fn arn_resource_heads(self) -> &'static [&'static str] {
                ARN_RESOURCE_HEADS[self as usize]
            }

            /// The condition keys that apply to resources of this type.
            pub const fn condition_keys(self) -> &'static [ConditionKey] {
                CONDITION_KEYS[self as usize]
            }

            /// The documentation page the reference links, if any.
            pub const fn documentation_url(self) -> Option<&'static str> {
                DOCUMENTATION_URLS[self as usize]
            }
        }

        const NAMES: &[&str] = &[#(#names),*];
        const ARN_FORMATS: &[&[&str]] = &[#(#arn_formats),*];
        const ARN_RESOURCE_HEADS: &[&[&str]] = &[#(#arn_resource_heads),*];
        const CONDITION_KEYS: &[&[ConditionKey]] = &[#(#condition_keys),*];
        const DOCUMENTATION_URLS: &[Option<&str>] = &[#(#urls),*];

        /// Lower-cased names, sorted, for case-insensitive binary search.
        pub(super) const LOWERCASE_INDEX: &[(&str, ResourceType)] = &[#(#index),*];
    }
}

/// The resource part of an ARN format (after the fifth `:` outside `${...}`) up to its first
/// placeholder or wildcard.
fn resource_head(format: &str) -> &str {
    let mut colons = 0;
    let mut in_placeholder = false;
    let mut resource_start = format.len();
    for (at, byte) in format.bytes().enumerate() {
        match byte {
            b'$' if format.as_bytes().get(at + 1) == Some(&b'{') => in_placeholder = true,
            b'}' => in_placeholder = false,
            b':' if !in_placeholder => {
                colons += 1;
                if colons == 5 {
                    resource_start = at + 1;
                    break;
                }
            }
            _ => {}
        }
    }
    let resource = &format[resource_start..];
    let end = resource.find(['$', '*', '?']).unwrap_or(resource.len());
    &resource[..end]
}

#[cfg(test)]
mod tests {
    use super::resource_head;

    #[test]
    fn resource_heads_stop_at_the_first_placeholder() {
        let head = |format| resource_head(format);
        assert_eq!(
            head("arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}"),
            "training-job/"
        );
        assert_eq!(
            head("arn:${Partition}:s3:::${BucketName}/${ObjectName}"),
            ""
        );
        assert_eq!(
            head("arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"),
            "role/"
        );
        assert_eq!(head("arn:${Partition}:ec2:${Region}::image/*"), "image/");
        assert_eq!(head("arn:${Partition}:a:b:c:${X:Y}:tail"), "");
        // A format with fewer than six fields has no resource part to start with.
        assert_eq!(head("arn:${Partition}:a"), "");
    }
}
