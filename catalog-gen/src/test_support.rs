//! Small catalogs for unit tests, built in code so each test shows the facts it depends on.

use crate::model::{
    AccessLevel, Action, ActionResourceType, Catalog, ConditionKey, Deprecation, ResourceType,
    Service, Source, SourceFormat,
};

/// An empty catalog of prefix `example` read from `url`.
pub(crate) fn catalog(url: &str, format: SourceFormat) -> Catalog {
    Catalog {
        service: Service {
            name: "Amazon Example".into(),
            prefix: "example".into(),
        },
        source: Source {
            url: url.into(),
            sha256: "00".into(),
            format: Some(format),
            date: None,
            version: None,
        },
        actions: Vec::new(),
        resource_types: Vec::new(),
        condition_keys: Vec::new(),
        operations: Vec::new(),
        other_sources: Vec::new(),
        disagreements: Vec::new(),
    }
}

/// An action with these levels, `(resource type, required)` rows and action-level keys.
pub(crate) fn action(
    name: &str,
    levels: &[AccessLevel],
    types: &[(&str, bool)],
    keys: &[&str],
) -> Action {
    Action {
        name: name.into(),
        description: String::new(),
        documentation_url: None,
        access_levels: levels.to_vec(),
        permission_only: false,
        resource_types: types
            .iter()
            .map(|(name, required)| ActionResourceType {
                name: (*name).into(),
                required: *required,
                condition_keys: Vec::new(),
            })
            .collect(),
        condition_keys: keys.iter().map(|key| (*key).to_owned()).collect(),
        dependent_actions: Vec::new(),
        scenarios: Vec::new(),
    }
}

/// A resource type with one ARN format.
pub(crate) fn resource_type(name: &str, format: &str) -> ResourceType {
    ResourceType {
        name: name.into(),
        documentation_url: None,
        arn_formats: vec![format.into()],
        condition_keys: Vec::new(),
    }
}

/// A condition key, deprecated in favour of `replaced_by` when given.
pub(crate) fn key(name: &str, value_type: &str, replaced_by: Option<&str>) -> ConditionKey {
    ConditionKey {
        name: name.into(),
        description: String::new(),
        value_type: value_type.into(),
        deprecated: replaced_by.map(|replacement| Deprecation {
            replaced_by: Some(replacement.into()),
        }),
    }
}
