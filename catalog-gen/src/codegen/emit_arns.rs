//! `generated/arns.rs`: one typed ARN builder per resource type, from its ARN format.

use super::render::doc;
use super::resolve::Resolved;
use heck::ToSnakeCase;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

const PARTITION: &str = "Partition";

/// The placeholders of an ARN format, in order: `Partition`, `Region`, ...
pub(crate) fn placeholders(format: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = format;
    while let Some(start) = rest.find("${") {
        let Some(length) = rest[start + 2..].find('}') else {
            break;
        };
        found.push(&rest[start + 2..start + 2 + length]);
        rest = &rest[start + 2 + length + 1..];
    }
    found
}

pub(crate) fn emit(resolved: &Resolved<'_>) -> TokenStream {
    let builders = resolved.resource_types.iter().map(|resource_type| {
        let ident = resolved.resource_type_idents.get(&resource_type.name);
        let format = &resource_type.arn_formats[0];
        let names = placeholders(format);
        let parameters: Vec<_> = names
            .iter()
            .filter(|name| **name != PARTITION)
            .map(|name| format_ident!("{}", name.to_snake_case()))
            .collect();
        let values_with = |partition: TokenStream| {
            let mut parameters = parameters.iter();
            let values = names.iter().map(|name| {
                if *name == PARTITION {
                    partition.clone()
                } else {
                    let parameter = parameters.next().expect("one parameter per placeholder");
                    quote! { &#parameter }
                }
            });
            quote! { &[#(#values),*] }
        };
        let default_values = values_with(quote! { &"aws" });
        let partition_values = values_with(quote! { &partition });
        let mut text = format!(
            "An ARN of a [`{}`](crate::ResourceType::{ident}) resource:\n\n```text\n{format}\n```\n",
            resource_type.name
        );
        for other in &resource_type.arn_formats[1..] {
            text.push_str(&format!("\nThe reference also lists `{other}`; build it with [`crate::policy::ResourceItem::typed`].\n"));
        }
        let struct_doc = doc(&text);
        let new_doc = doc(&format!(
            "The ARN in the `aws` partition. Any argument may be `*` or contain IAM wildcards; parameters: {}.",
            names.iter().filter(|name| **name != PARTITION).map(|name| format!("`{}`", name.to_snake_case())).collect::<Vec<_>>().join(", ")
        ));
        let in_partition = names.contains(&PARTITION).then(|| {
            quote! {
                /// The ARN in another partition (`aws-cn`, `aws-us-gov`, ...).
                pub fn in_partition(partition: impl Display, #(#parameters: impl Display),*) -> Self {
                    #ident(fill(Self::FORMAT, #partition_values))
                }
            }
        });
        quote! {
            #struct_doc
            #[derive(Debug, Clone, PartialEq, Eq, Hash)]
            pub struct #ident(String);

            impl #ident {
                /// The resource type this ARN names.
                pub const RESOURCE_TYPE: ResourceType = ResourceType::#ident;
                /// The ARN format the builder fills.
                pub const FORMAT: &'static str = #format;

                #new_doc
                pub fn new(#(#parameters: impl Display),*) -> Self {
                    #ident(fill(Self::FORMAT, #default_values))
                }

                #in_partition

                /// The ARN text.
                pub fn as_str(&self) -> &str {
                    &self.0
                }
            }

            impl TypedArn for #ident {
                const RESOURCE_TYPE: ResourceType = ResourceType::#ident;
                fn as_str(&self) -> &str {
                    &self.0
                }
            }

            impl From<#ident> for ResourceItem {
                fn from(arn: #ident) -> Self {
                    ResourceItem::typed(ResourceType::#ident, arn.0)
                }
            }

            impl std::fmt::Display for #ident {
                fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str(&self.0)
                }
            }
        }
    });
    quote! {
        use super::{fill, TypedArn};
        use crate::policy::ResourceItem;
        use crate::ResourceType;
        use std::fmt::Display;

        #(#builders)*
    }
}

#[cfg(test)]
mod tests {
    use super::placeholders;

    #[test]
    fn placeholders_in_order() {
        assert_eq!(
            placeholders(
                "arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}"
            ),
            ["Partition", "Region", "Account", "TrainingJobName"]
        );
        assert!(placeholders("arn:aws:s3:::bucket").is_empty());
    }
}
