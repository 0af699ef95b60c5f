//! Validation and name resolution: from the data files to sorted entries with identifiers, every
//! reference checked.

use super::names::{self, IdentTable};
use super::CodegenError;
use crate::check;
use crate::history::{History, ItemHistory};
use crate::model::{Action, Catalog, ConditionKey, GlobalConditionKeys, ResourceType};
use std::collections::{BTreeMap, BTreeSet};

/// The data, sorted by name, with identifiers for every name.
pub(crate) struct Resolved<'a> {
    pub catalog: &'a Catalog,
    /// Actions sorted by name, then the actions AWS removed (sorted by name); a variant's
    /// position is its discriminant.
    pub actions: Vec<&'a Action>,
    /// How many of `actions` AWS lists today; the rest were removed.
    pub live_actions: usize,
    /// The dated history of the catalog, when there is one.
    pub history: Option<&'a History>,
    pub resource_types: Vec<&'a ResourceType>,
    /// The page's keys plus the global keys it does not define, sorted by name.
    pub condition_keys: Vec<KeyEntry<'a>>,
    /// Every dependent action named on the page, sorted, with the actions that need it.
    pub dependent_actions: Vec<DependentEntry<'a>>,
    pub action_idents: IdentTable,
    pub resource_type_idents: IdentTable,
    pub condition_key_idents: IdentTable,
    pub dependent_idents: IdentTable,
}

pub(crate) struct KeyEntry<'a> {
    pub key: &'a ConditionKey,
    /// The `ValueType` variant.
    pub value_type: &'static str,
    pub global: bool,
    /// `TagKey` for `aws:ResourceTag/${TagKey}`.
    pub parameter: Option<&'a str>,
    /// The name up to the parameter placeholder (the whole name when there is none).
    pub stem: &'a str,
}

pub(crate) struct DependentEntry<'a> {
    pub name: &'a str,
    pub prefix: &'a str,
    pub action: &'a str,
    pub needed_by: Vec<&'a str>,
}

/// The page's type names and the `ValueType` variants they become.
const VALUE_TYPES: &[(&str, &str)] = &[
    ("ARN", "Arn"),
    ("ArrayOfARN", "ArrayOfArn"),
    ("ArrayOfBool", "ArrayOfBool"),
    ("ArrayOfDate", "ArrayOfDate"),
    ("ArrayOfIPAddress", "ArrayOfIpAddress"),
    ("ArrayOfNumeric", "ArrayOfNumeric"),
    ("ArrayOfString", "ArrayOfString"),
    ("Binary", "Binary"),
    ("Bool", "Bool"),
    ("Date", "Date"),
    ("DateOrNumeric", "DateOrNumeric"),
    ("IPAddress", "IpAddress"),
    ("Numeric", "Numeric"),
    ("String", "String"),
];

/// The `ValueType` variant for a page type name.
pub fn value_type_variant(page_type: &str) -> Option<&'static str> {
    VALUE_TYPES
        .iter()
        .find(|(name, _)| *name == page_type)
        .map(|(_, variant)| *variant)
}

pub(crate) fn resolve<'a>(
    catalog: &'a Catalog,
    globals: &'a GlobalConditionKeys,
    history: Option<&'a History>,
    removed: &'a [Action],
) -> Result<Resolved<'a>, CodegenError> {
    check::invariants(catalog)?;
    let own_prefix = catalog.service.prefix.as_str();

    let mut actions: Vec<&Action> = catalog.actions.iter().collect();
    actions.sort_by(|a, b| a.name.cmp(&b.name));
    let live_actions = actions.len();
    let mut removed: Vec<&Action> = removed.iter().collect();
    removed.sort_by(|a, b| a.name.cmp(&b.name));
    actions.extend(removed);
    let mut action_idents = IdentTable::new("action");
    for action in &actions {
        action_idents.insert(&action.name, names::action(&action.name))?;
    }

    let mut resource_types: Vec<&ResourceType> = catalog.resource_types.iter().collect();
    resource_types.sort_by(|a, b| a.name.cmp(&b.name));
    let mut resource_type_idents = IdentTable::new("resource type");
    for resource_type in &resource_types {
        resource_type_idents.insert(
            &resource_type.name,
            names::resource_type(&resource_type.name),
        )?;
    }

    let mut keys: BTreeMap<&str, &ConditionKey> = BTreeMap::new();
    for key in &globals.condition_keys {
        keys.insert(&key.name, key);
    }
    // The page's own entry wins: it is what AWS says for this service.
    for key in &catalog.condition_keys {
        keys.insert(&key.name, key);
    }
    let mut condition_key_idents = IdentTable::new("condition key");
    let mut condition_keys = Vec::with_capacity(keys.len());
    for (name, key) in keys {
        let value_type =
            value_type_variant(&key.value_type).ok_or_else(|| CodegenError::UnknownValueType {
                key: name.to_owned(),
                value_type: key.value_type.clone(),
                known: VALUE_TYPES
                    .iter()
                    .map(|(name, _)| *name)
                    .collect::<Vec<_>>()
                    .join(", "),
            })?;
        condition_key_idents.insert(name, names::condition_key(name, own_prefix))?;
        let (stem, parameter) = match name.find("${") {
            Some(at) => (&name[..at], Some(name[at + 2..].trim_end_matches('}'))),
            None => (name, None),
        };
        condition_keys.push(KeyEntry {
            key,
            value_type,
            global: name.starts_with("aws:"),
            parameter,
            stem,
        });
    }
    check_key_references(catalog, &condition_keys)?;

    let mut needed_by: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for action in &actions {
        for dependent in &action.dependent_actions {
            needed_by.entry(dependent).or_default().insert(&action.name);
        }
    }
    let mut dependent_idents = IdentTable::new("dependent action");
    let mut dependent_actions = Vec::with_capacity(needed_by.len());
    for (name, needed_by) in needed_by {
        let Some((prefix, action)) = name.split_once(':') else {
            return Err(CodegenError::MalformedDependentAction {
                action: needed_by.first().copied().unwrap_or_default().to_owned(),
                dependent: name.to_owned(),
            });
        };
        dependent_idents.insert(name, names::dependent_action(prefix, action))?;
        dependent_actions.push(DependentEntry {
            name,
            prefix,
            action,
            needed_by: needed_by.into_iter().collect(),
        });
    }

    Ok(Resolved {
        catalog,
        actions,
        live_actions,
        history,
        resource_types,
        condition_keys,
        dependent_actions,
        action_idents,
        resource_type_idents,
        condition_key_idents,
        dependent_idents,
    })
}

fn check_key_references(catalog: &Catalog, keys: &[KeyEntry<'_>]) -> Result<(), CodegenError> {
    let defined: BTreeSet<&str> = keys.iter().map(|entry| entry.key.name.as_str()).collect();
    match check::condition_key_references(catalog).find(|(_, key)| !defined.contains(key.as_str()))
    {
        Some((referrer, key)) => Err(CodegenError::UndefinedConditionKey {
            referrer,
            key: key.clone(),
        }),
        None => Ok(()),
    }
}

impl Resolved<'_> {
    /// The removed action's last date in the history; `None` for actions AWS lists today.
    pub(crate) fn removed_after(&self, action: &Action) -> Option<&str> {
        self.history?
            .actions
            .iter()
            .find(|item| item.name == action.name)
            .map(|item| item.last_seen.as_str())
            .filter(|_| {
                !self
                    .catalog
                    .actions
                    .iter()
                    .any(|live| live.name == action.name)
            })
    }

    /// "Listed by AWS since ..." for the docs of an action, resource type or key.
    pub(crate) fn since(&self, kind: ItemKind, name: &str) -> Option<String> {
        let history = self.history?;
        let items = match kind {
            ItemKind::Action => &history.actions,
            ItemKind::ResourceType => &history.resource_types,
            ItemKind::ConditionKey => &history.condition_keys,
        };
        Some(
            match items.iter().find(|item: &&ItemHistory| item.name == name) {
                Some(item) => format!(
                "Listed by AWS since {} (the oldest of the {} dated versions of the catalog read).",
                item.first_seen,
                history.sources.len()
            ),
                None => format!(
                    "Listed by AWS after {}: newer than every dated version of the catalog read.",
                    history.newest_date().unwrap_or("the history's last date")
                ),
            },
        )
    }
}

/// The kinds of item the history follows.
#[derive(Clone, Copy)]
pub(crate) enum ItemKind {
    Action,
    ResourceType,
    ConditionKey,
}
