//! Invariants every catalog must satisfy, and the softer findings reported as warnings.

use crate::model::Catalog;
use std::collections::{BTreeSet, HashSet};
use std::fmt;

/// A catalog that breaks an invariant.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InvariantError {
    /// The actions table yielded nothing.
    #[error("the catalog has no actions")]
    NoActions,
    /// Two entries of one table share a name (action names compare case-insensitively, as IAM
    /// compares them).
    #[error("{kind} {name:?} appears twice")]
    Duplicate {
        /// "action", "resource type" or "condition key".
        kind: &'static str,
        /// The repeated name.
        name: String,
    },
    /// An action names a resource type the resource types table does not define.
    #[error("action {action}: resource type {resource_type:?} is not in the resource types table")]
    UnknownResourceType {
        /// The action.
        action: String,
        /// The undefined resource type.
        resource_type: String,
    },
}

/// Something the page says that is kept as written but looks wrong.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Warning {
    /// An action or resource type refers to a condition key the keys table does not define.
    UndefinedConditionKey {
        /// "action CreateTrainingJob" or "resource type training-job".
        referrer: String,
        /// The key as written.
        key: String,
    },
    /// A dependent action of this service's own prefix that is not in the actions table.
    UnknownDependentAction {
        /// The action that depends on it.
        action: String,
        /// The dependent action as written.
        dependent: String,
    },
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::UndefinedConditionKey { referrer, key } => write!(
                f,
                "{referrer} uses condition key {key:?}, which the condition keys table does not define (kept as written)"
            ),
            Warning::UnknownDependentAction { action, dependent } => write!(
                f,
                "action {action} lists dependent action {dependent:?}, which the actions table does not define (kept as written)"
            ),
        }
    }
}

/// Checks the invariants: actions exist, names are unique, every referenced resource type is
/// defined.
pub fn invariants(catalog: &Catalog) -> Result<(), InvariantError> {
    if catalog.actions.is_empty() {
        return Err(InvariantError::NoActions);
    }
    unique(
        "action",
        catalog
            .actions
            .iter()
            .map(|action| action.name.to_ascii_lowercase()),
    )?;
    unique(
        "resource type",
        catalog.resource_types.iter().map(|rt| rt.name.clone()),
    )?;
    unique(
        "condition key",
        catalog.condition_keys.iter().map(|key| key.name.clone()),
    )?;
    let defined: HashSet<&str> = catalog
        .resource_types
        .iter()
        .map(|rt| rt.name.as_str())
        .collect();
    for action in &catalog.actions {
        let referenced = action.resource_types.iter().chain(
            action
                .scenarios
                .iter()
                .flat_map(|scenario| &scenario.resource_types),
        );
        for resource_type in referenced {
            if !defined.contains(resource_type.name.as_str()) {
                return Err(InvariantError::UnknownResourceType {
                    action: action.name.clone(),
                    resource_type: resource_type.name.clone(),
                });
            }
        }
    }
    Ok(())
}

fn unique(kind: &'static str, names: impl Iterator<Item = String>) -> Result<(), InvariantError> {
    let mut seen = HashSet::new();
    for name in names {
        if !seen.insert(name.clone()) {
            return Err(InvariantError::Duplicate { kind, name });
        }
    }
    Ok(())
}

/// Findings that do not stop a scrape: references to condition keys the page does not define and
/// same-service dependent actions that do not exist. Sorted, each reported once.
pub fn warnings(catalog: &Catalog) -> Vec<Warning> {
    let keys: HashSet<&str> = catalog
        .condition_keys
        .iter()
        .map(|key| key.name.as_str())
        .collect();
    let actions: HashSet<String> = catalog
        .actions
        .iter()
        .map(|action| action.name.to_ascii_lowercase())
        .collect();
    let own_prefix = format!("{}:", catalog.service.prefix);
    let mut found: BTreeSet<Warning> = condition_key_references(catalog)
        .filter(|(_, key)| !keys.contains(key.as_str()))
        .map(|(referrer, key)| Warning::UndefinedConditionKey {
            referrer,
            key: key.clone(),
        })
        .collect();
    for action in &catalog.actions {
        for dependent in &action.dependent_actions {
            let same_service = dependent
                .strip_prefix(&own_prefix)
                .filter(|name| !name.contains(['*', '?']));
            if let Some(name) = same_service {
                if !actions.contains(&name.to_ascii_lowercase()) {
                    found.insert(Warning::UnknownDependentAction {
                        action: action.name.clone(),
                        dependent: dependent.clone(),
                    });
                }
            }
        }
    }
    found.into_iter().collect()
}

/// Every use of a condition key by an action (its own keys and its resource rows' keys) or a
/// resource type, with the user named as "action CreateTrainingJob" or "resource type
/// training-job".
pub fn condition_key_references(catalog: &Catalog) -> impl Iterator<Item = (String, &String)> {
    let by_actions = catalog.actions.iter().flat_map(|action| {
        action
            .row_condition_keys()
            .map(move |key| (format!("action {}", action.name), key))
    });
    let by_resource_types = catalog.resource_types.iter().flat_map(|resource_type| {
        resource_type
            .condition_keys
            .iter()
            .map(move |key| (format!("resource type {}", resource_type.name), key))
    });
    by_actions.chain(by_resource_types)
}
