//! Rust identifiers for catalog names, and the check that no two names share one.

use super::CodegenError;
use heck::ToUpperCamelCase;
use proc_macro2::{Ident, Span};
use std::collections::BTreeMap;

/// Actions keep AWS's spelling: `CreateTrainingJob`.
pub(crate) fn action(name: &str) -> String {
    name.to_owned()
}

/// `training-job` becomes `TrainingJob`, `code signing config` becomes `CodeSigningConfig`.
pub(crate) fn resource_type(name: &str) -> String {
    name.to_upper_camel_case()
}

/// `sagemaker:InstanceTypes` becomes `InstanceTypes`; global keys keep their origin visible,
/// `aws:ResourceTag/${TagKey}` becomes `AwsResourceTag`; keys of other services carry their
/// prefix too. The parameter placeholder is dropped; `:` separates words
/// (`sagemaker:ModelLifeCycle:Stage` becomes `ModelLifeCycleStage`). A name that ends in `/`
/// (SageMaker's `sagemaker:ResourceTag/`, beside `sagemaker:ResourceTag/${TagKey}`) is the bare
/// prefix of a key family and becomes `ResourceTagPrefix`.
pub(crate) fn condition_key(name: &str, own_prefix: &str) -> String {
    let (prefix, rest) = name.split_once(':').unwrap_or(("", name));
    let stem = rest.split("/${").next().unwrap_or(rest);
    let mut body = stem.to_upper_camel_case();
    if stem.ends_with('/') {
        body.push_str("Prefix");
    }
    if prefix == own_prefix {
        body
    } else {
        format!("{}{body}", prefix.to_upper_camel_case())
    }
}

/// `iam:PassRole` becomes `IamPassRole`.
pub(crate) fn dependent_action(prefix: &str, name: &str) -> String {
    format!("{}{}", prefix.to_upper_camel_case(), name)
}

/// Collects `(source name, identifier)` pairs of one kind and turns them into `Ident`s, failing
/// on an identifier that is not valid Rust or that two names share.
pub(crate) struct IdentTable {
    kind: &'static str,
    by_ident: BTreeMap<String, String>,
    by_name: BTreeMap<String, Ident>,
}

impl IdentTable {
    pub(crate) fn new(kind: &'static str) -> Self {
        IdentTable {
            kind,
            by_ident: BTreeMap::new(),
            by_name: BTreeMap::new(),
        }
    }

    pub(crate) fn insert(&mut self, name: &str, ident: String) -> Result<(), CodegenError> {
        if syn::parse_str::<Ident>(&ident).is_err() {
            return Err(CodegenError::InvalidIdentifier {
                kind: self.kind,
                name: name.to_owned(),
                ident,
            });
        }
        if let Some(first) = self.by_ident.get(&ident) {
            return Err(CodegenError::IdentifierCollision {
                kind: self.kind,
                ident,
                first: first.clone(),
                second: name.to_owned(),
            });
        }
        self.by_ident.insert(ident.clone(), name.to_owned());
        self.by_name
            .insert(name.to_owned(), Ident::new(&ident, Span::call_site()));
        Ok(())
    }

    /// The identifier of a name that was inserted.
    pub(crate) fn get(&self, name: &str) -> &Ident {
        self.by_name
            .get(name)
            .unwrap_or_else(|| panic!("{} {name:?} was resolved before emission", self.kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_read_like_the_names() {
        assert_eq!(resource_type("training-job"), "TrainingJob");
        assert_eq!(resource_type("code signing config"), "CodeSigningConfig");
        assert_eq!(
            condition_key("sagemaker:InstanceTypes", "sagemaker"),
            "InstanceTypes"
        );
        assert_eq!(
            condition_key("sagemaker:ModelLifeCycle:Stage", "sagemaker"),
            "ModelLifeCycleStage"
        );
        assert_eq!(
            condition_key("aws:ResourceTag/${TagKey}", "sagemaker"),
            "AwsResourceTag"
        );
        assert_eq!(
            condition_key(
                "sagemaker:SearchVisibilityCondition/${FilterKey}",
                "sagemaker"
            ),
            "SearchVisibilityCondition"
        );
        assert_eq!(
            condition_key("iam:PassedToService", "sagemaker"),
            "IamPassedToService"
        );
        assert_eq!(
            condition_key("sagemaker:ResourceTag/", "sagemaker"),
            "ResourceTagPrefix"
        );
        assert_eq!(dependent_action("iam", "PassRole"), "IamPassRole");
        assert_eq!(
            dependent_action("codestar-connections", "UseConnection"),
            "CodestarConnectionsUseConnection"
        );
    }

    #[test]
    fn collisions_name_both_sources() {
        let mut table = IdentTable::new("condition key");
        table.insert("sagemaker:Foo/${Key}", "Foo".into()).unwrap();
        let error = table.insert("sagemaker:Foo", "Foo".into()).unwrap_err();
        assert_eq!(
            error.to_string(),
            "condition key \"sagemaker:Foo/${Key}\" and \"sagemaker:Foo\" both become the Rust identifier `Foo`"
        );
    }

    #[test]
    fn keywords_and_digits_are_rejected() {
        let mut table = IdentTable::new("resource type");
        assert!(matches!(
            table.insert("self", "Self".into()),
            Err(CodegenError::InvalidIdentifier { .. })
        ));
        assert!(matches!(
            table.insert("3d-model", "3dModel".into()),
            Err(CodegenError::InvalidIdentifier { .. })
        ));
    }
}
