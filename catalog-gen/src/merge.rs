//! One catalog from several documents: a service's page and its service reference JSON, or two
//! pages that share a prefix (API Gateway V1 and V2 both use `apigateway`).
//!
//! The first catalog is the authority for what only it says (required markers, descriptions,
//! permission-only flags, dependent actions) and its value is kept where both say something
//! different; nothing either source lists is dropped, and every difference is written into
//! [`Catalog::disagreements`] with both values, so a reviewer sees it and the data keeps it.

use crate::check::{self, InvariantError};
use crate::model::{
    Action, ActionResourceType, AuthorizedAction, Catalog, ConditionKey, Disagreement, Operation,
    ResourceType, SourceFormat, SourceValue,
};
use std::collections::{BTreeSet, HashMap};

/// How the two documents relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeKind {
    /// Two forms of one service's catalog (the page and its service reference JSON): each should
    /// list every item, so an item only one lists is a disagreement.
    SameService,
    /// Two services that share a prefix: each lists its own items, and only an item both define
    /// differently is a disagreement.
    SharedPrefix,
}

/// Two catalogs that cannot be one.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum MergeError {
    /// The documents describe different prefixes.
    #[error("cannot merge {second_url} (prefix {second:?}) into {first_url} (prefix {first:?}): the prefixes differ")]
    DifferentPrefixes {
        /// The first catalog's prefix.
        first: String,
        /// Its source.
        first_url: String,
        /// The second catalog's prefix.
        second: String,
        /// Its source.
        second_url: String,
    },
    /// The merged catalog breaks an invariant.
    #[error("the merged catalog is invalid: {0}")]
    Invalid(#[from] InvariantError),
}

/// Merges `second` into `first`; see the module documentation for which value wins.
pub fn merge(first: Catalog, second: Catalog, kind: MergeKind) -> Result<Catalog, MergeError> {
    if first.service.prefix != second.service.prefix {
        return Err(MergeError::DifferentPrefixes {
            first: first.service.prefix,
            first_url: first.source.url,
            second: second.service.prefix,
            second_url: second.source.url,
        });
    }
    let mut merger = Merger {
        prefix: first.service.prefix.clone(),
        first_url: first.source.url.clone(),
        second_url: second.source.url.clone(),
        kind,
        operations_from_second: second.source.format == Some(SourceFormat::ServiceReference)
            && first.source.format != Some(SourceFormat::ServiceReference),
        place_keys_from_second: first
            .sources()
            .all(|source| source.format == Some(SourceFormat::Markdown))
            && second.source.format != Some(SourceFormat::Markdown),
        first_type_keys: type_keys(&first),
        second_type_keys: type_keys(&second),
        disagreements: Vec::new(),
    };
    let mut merged = first;
    merged.actions = merger.actions(std::mem::take(&mut merged.actions), second.actions);
    merged.resource_types = merger.resource_types(
        std::mem::take(&mut merged.resource_types),
        second.resource_types,
    );
    merged.condition_keys = merger.condition_keys(
        std::mem::take(&mut merged.condition_keys),
        second.condition_keys,
    );
    merged.operations =
        merger.operations(std::mem::take(&mut merged.operations), second.operations);
    merged.other_sources.push(second.source);
    merged.other_sources.extend(second.other_sources);
    merged.disagreements.extend(second.disagreements);
    merged.disagreements.extend(merger.disagreements);
    check::invariants(&merged)?;
    Ok(merged)
}

struct Merger {
    prefix: String,
    first_url: String,
    second_url: String,
    kind: MergeKind,
    /// The service reference JSON is the authority for operations; a page's operations section
    /// lists only the operations that authorize something.
    operations_from_second: bool,
    /// The Markdown page writes an action's own keys on every resource line, so which keys
    /// belong to the action and which to a resource row (and the rows' order) is taken from the
    /// first other form merged in: the HTML page when given, as it is sorted first.
    place_keys_from_second: bool,
    /// Each resource type's keys, per source, for comparing what actions can be filtered on.
    first_type_keys: HashMap<String, Vec<String>>,
    second_type_keys: HashMap<String, Vec<String>>,
    disagreements: Vec<Disagreement>,
}

const NOT_LISTED: &str = "(not listed)";

impl Merger {
    fn record(&mut self, subject: String, fact: &str, first: String, second: String, kept: &str) {
        self.disagreements.push(Disagreement {
            subject,
            fact: fact.to_owned(),
            values: vec![
                SourceValue {
                    source: self.first_url.clone(),
                    value: first,
                },
                SourceValue {
                    source: self.second_url.clone(),
                    value: second,
                },
            ],
            resolution: kept.to_owned(),
        });
    }

    /// Items only one side lists: kept, and for two forms of one catalog, recorded.
    fn record_presence(&mut self, subject: String, in_first: bool) {
        if self.kind == MergeKind::SameService {
            let (first, second) = if in_first {
                ("listed", NOT_LISTED)
            } else {
                (NOT_LISTED, "listed")
            };
            self.record(
                subject,
                "listed",
                first.to_owned(),
                second.to_owned(),
                "kept: an item either source lists is in the catalog",
            );
        }
    }

    fn actions(&mut self, first: Vec<Action>, second: Vec<Action>) -> Vec<Action> {
        let prefix = self.prefix.clone();
        let subject = |name: &str| format!("action {prefix}:{name}");
        let Paired {
            mut merged,
            pairs,
            only_first,
            only_second,
        } = pair_up(first, second, |a| a.name.to_ascii_lowercase());
        for index in only_first {
            self.record_presence(subject(&merged[index].name), true);
        }
        for (index, other) in pairs {
            let action = &mut merged[index];
            let subject = subject(&action.name);
            if action.name != other.name {
                self.record(
                    subject.clone(),
                    "name",
                    action.name.clone(),
                    other.name.clone(),
                    "kept the first source's spelling",
                );
            }
            if action.access_levels != other.access_levels {
                self.record(
                    subject.clone(),
                    "access levels",
                    join(action.access_levels.iter().map(|level| level.as_str())),
                    join(other.access_levels.iter().map(|level| level.as_str())),
                    "kept the first source's levels",
                );
            }
            self.action_resource_types(&subject, action, &other);
            self.action_condition_keys(&subject, action, &other);
            if self.place_keys_from_second {
                place_keys_as(action, &other, &self.first_type_keys);
            }
            if action.description.is_empty() {
                action.description = other.description;
            }
            if action.documentation_url.is_none() {
                action.documentation_url = other.documentation_url;
            }
            if action.dependent_actions.is_empty() {
                action.dependent_actions = other.dependent_actions;
            } else if !other.dependent_actions.is_empty()
                && action.dependent_actions != other.dependent_actions
            {
                self.record(
                    subject,
                    "dependent actions",
                    join(&action.dependent_actions),
                    join(&other.dependent_actions),
                    "kept the first source's list",
                );
            }
        }
        for action in &only_second {
            self.record_presence(subject(&action.name), false);
        }
        merged.extend(only_second);
        merged
    }

    /// The resource types a row lists: the union, the first source's required markers, the
    /// second's extra types as not required (the JSON has no required marker).
    fn action_resource_types(&mut self, subject: &str, action: &mut Action, other: &Action) {
        let names = |types: &[ActionResourceType]| -> Vec<String> {
            types.iter().map(|rt| rt.name.clone()).collect()
        };
        let first_names = names(&action.resource_types);
        let second_names = names(&other.resource_types);
        if set(&first_names) == set(&second_names) {
            return;
        }
        self.record(
            subject.to_owned(),
            "resource types",
            join(&first_names),
            join(&second_names),
            "kept both: the action accepts a resource type either source lists",
        );
        for extra in &other.resource_types {
            if !first_names.contains(&extra.name) {
                action.resource_types.push(ActionResourceType {
                    name: extra.name.clone(),
                    required: false,
                    condition_keys: Vec::new(),
                });
            }
        }
    }

    /// Condition keys compared as the keys a request for the action can be filtered on: its own,
    /// its resource rows', and those of the resource types it lists. The forms place them
    /// differently (the Markdown repeats a type's keys on each resource line, the JSON names them
    /// only on the type), so only that union can be compared. Keys only the second source names
    /// are added to the action's own keys.
    fn action_condition_keys(&mut self, subject: &str, action: &mut Action, other: &Action) {
        let first_keys = effective_keys(action, &self.first_type_keys);
        let second_keys = effective_keys(other, &self.second_type_keys);
        if first_keys == second_keys {
            return;
        }
        self.record(
            subject.to_owned(),
            "condition keys",
            join(&first_keys),
            join(&second_keys),
            "kept both: the action supports a key either source lists",
        );
        for key in second_keys.difference(&first_keys) {
            action.condition_keys.push(key.clone());
        }
    }

    fn resource_types(
        &mut self,
        first: Vec<ResourceType>,
        second: Vec<ResourceType>,
    ) -> Vec<ResourceType> {
        let prefix = self.prefix.clone();
        let subject = |name: &str| format!("resource type {prefix}:{name}");
        let Paired {
            mut merged,
            pairs,
            only_first,
            only_second,
        } = pair_up(first, second, |rt| rt.name.clone());
        for index in only_first {
            self.record_presence(subject(&merged[index].name), true);
        }
        for (index, other) in pairs {
            let resource_type = &mut merged[index];
            let subject = subject(&resource_type.name);
            if resource_type.arn_formats != other.arn_formats {
                self.record(
                    subject.clone(),
                    "ARN formats",
                    join(&resource_type.arn_formats),
                    join(&other.arn_formats),
                    "kept the first source's formats",
                );
            }
            let first_keys: BTreeSet<String> =
                resource_type.condition_keys.iter().cloned().collect();
            let second_keys: BTreeSet<String> = other.condition_keys.iter().cloned().collect();
            if first_keys != second_keys {
                self.record(
                    subject,
                    "condition keys",
                    join(&first_keys),
                    join(&second_keys),
                    "kept both",
                );
                for key in second_keys.difference(&first_keys) {
                    resource_type.condition_keys.push(key.clone());
                }
            }
            if resource_type.documentation_url.is_none() {
                resource_type.documentation_url = other.documentation_url;
            }
        }
        for resource_type in &only_second {
            self.record_presence(subject(&resource_type.name), false);
        }
        merged.extend(only_second);
        merged
    }

    fn condition_keys(
        &mut self,
        first: Vec<ConditionKey>,
        second: Vec<ConditionKey>,
    ) -> Vec<ConditionKey> {
        let Paired {
            mut merged,
            pairs,
            only_first,
            only_second,
        } = pair_up(first, second, |key| key.name.clone());
        for index in only_first {
            self.record_presence(format!("condition key {}", merged[index].name), true);
        }
        for (index, other) in pairs {
            let key = &mut merged[index];
            if key.value_type != other.value_type {
                self.record(
                    format!("condition key {}", key.name),
                    "type",
                    key.value_type.clone(),
                    other.value_type.clone(),
                    "kept the first source's type",
                );
            }
            if key.description.is_empty() {
                key.description = other.description;
            }
            if key.deprecated.is_none() {
                key.deprecated = other.deprecated;
            }
        }
        for key in &only_second {
            self.record_presence(format!("condition key {}", key.name), false);
        }
        merged.extend(only_second);
        merged
    }

    fn operations(&mut self, first: Vec<Operation>, second: Vec<Operation>) -> Vec<Operation> {
        // A page lists only the operations that authorize an action, so an operation only one
        // source has is expected and not a disagreement.
        let Paired {
            mut merged,
            pairs,
            only_second,
            ..
        } = pair_up(first, second, |op| op.name.clone());
        for (index, other) in pairs {
            let operation = &mut merged[index];
            let first_actions = authorizations(&operation.authorized_actions);
            let second_actions = authorizations(&other.authorized_actions);
            if first_actions != second_actions {
                // An empty list says nothing (the JSON predates the operation's authorization,
                // or the page lists only some operations); otherwise the service reference is
                // the authority.
                let take_second = operation.authorized_actions.is_empty()
                    || (self.operations_from_second && !other.authorized_actions.is_empty());
                let kept = if take_second {
                    "kept the second source's list"
                } else {
                    "kept the first source's list"
                };
                self.record(
                    format!("operation {}:{}", self.prefix, operation.name),
                    "authorized actions",
                    join(&first_actions),
                    join(&second_actions),
                    kept,
                );
                if take_second {
                    operation.authorized_actions = other.authorized_actions;
                }
            }
            for method in other.sdk_methods {
                if !operation.sdk_methods.contains(&method) {
                    operation.sdk_methods.push(method);
                }
            }
        }
        merged.extend(only_second);
        merged
    }
}

/// Gives `action` the resource rows and key placement of `other` (the HTML page or the JSON keep
/// an action's own keys apart from its rows'), keeping `action`'s required markers, its rows
/// `other` lacks, and the keys only `action` names (that are not its resource types' own keys)
/// as the action's own.
fn place_keys_as(action: &mut Action, other: &Action, type_keys: &HashMap<String, Vec<String>>) {
    let before = std::mem::take(&mut action.resource_types);
    let required = |name: &str| {
        before
            .iter()
            .find(|rt| rt.name == name)
            .map(|rt| rt.required)
    };
    let mut rows: Vec<ActionResourceType> = other
        .resource_types
        .iter()
        .map(|row| ActionResourceType {
            name: row.name.clone(),
            required: required(&row.name).unwrap_or(row.required),
            condition_keys: row.condition_keys.clone(),
        })
        .collect();
    let placed: BTreeSet<&String> = other
        .condition_keys
        .iter()
        .chain(
            other
                .resource_types
                .iter()
                .flat_map(|rt| &rt.condition_keys),
        )
        .chain(
            before
                .iter()
                .filter_map(|rt| type_keys.get(&rt.name))
                .flatten(),
        )
        .collect();
    let mut own_keys = other.condition_keys.clone();
    for key in action
        .condition_keys
        .iter()
        .chain(before.iter().flat_map(|rt| &rt.condition_keys))
    {
        if !placed.contains(key) && !own_keys.contains(key) {
            own_keys.push(key.clone());
        }
    }
    for row in &before {
        if !rows.iter().any(|kept| kept.name == row.name) {
            rows.push(ActionResourceType {
                condition_keys: Vec::new(),
                ..row.clone()
            });
        }
    }
    action.resource_types = rows;
    action.condition_keys = own_keys;
}

/// Two lists matched by name.
struct Paired<T> {
    /// The first list, unchanged.
    merged: Vec<T>,
    /// The second list's items the first also has, with their position in the first.
    pairs: Vec<(usize, T)>,
    /// Positions in the first list of items the second lacks.
    only_first: Vec<usize>,
    /// The second list's other items, in its order.
    only_second: Vec<T>,
}

fn pair_up<T>(first: Vec<T>, second: Vec<T>, key: impl Fn(&T) -> String) -> Paired<T> {
    let positions: HashMap<String, usize> = first
        .iter()
        .enumerate()
        .map(|(index, item)| (key(item), index))
        .collect();
    let mut paired = vec![false; first.len()];
    let mut pairs = Vec::new();
    let mut only_second = Vec::new();
    for item in second {
        match positions.get(&key(&item)) {
            Some(&position) => {
                paired[position] = true;
                pairs.push((position, item));
            }
            None => only_second.push(item),
        }
    }
    Paired {
        merged: first,
        pairs,
        only_first: (0..paired.len()).filter(|&index| !paired[index]).collect(),
        only_second,
    }
}

fn effective_keys(action: &Action, type_keys: &HashMap<String, Vec<String>>) -> BTreeSet<String> {
    let of_types = action
        .resource_types
        .iter()
        .filter_map(|rt| type_keys.get(&rt.name))
        .flatten();
    action
        .row_condition_keys()
        .chain(of_types)
        .cloned()
        .collect()
}

fn type_keys(catalog: &Catalog) -> HashMap<String, Vec<String>> {
    catalog
        .resource_types
        .iter()
        .map(|rt| (rt.name.clone(), rt.condition_keys.clone()))
        .collect()
}

fn authorizations(actions: &[AuthorizedAction]) -> BTreeSet<String> {
    actions
        .iter()
        .map(|authorized| match &authorized.condition_key {
            Some(key) => format!(
                "{} [{key} = {}]",
                authorized.action,
                authorized.values.join(" | ")
            ),
            None => authorized.action.clone(),
        })
        .collect()
}

fn set<T: Ord>(items: &[T]) -> BTreeSet<&T> {
    items.iter().collect()
}

fn join<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> String {
    let joined: Vec<String> = items.into_iter().map(|s| s.as_ref().to_owned()).collect();
    if joined.is_empty() {
        "(none)".to_owned()
    } else {
        joined.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AccessLevel, SdkMethod};
    use crate::test_support::{action, catalog, resource_type};

    fn key(name: &str, value_type: &str) -> ConditionKey {
        crate::test_support::key(name, value_type, None)
    }

    fn page_and_json() -> (Catalog, Catalog) {
        let mut page = catalog("https://page", SourceFormat::Markdown);
        let mut train = action(
            "CreateJob",
            &[AccessLevel::Write],
            &[("job", true)],
            &["example:Size"],
        );
        train.description = "Grants permission to create a job".into();
        page.actions = vec![
            train,
            action(
                "TagJob",
                &[AccessLevel::Tagging, AccessLevel::Write],
                &[("job", false)],
                &[],
            ),
            action("PageOnly", &[AccessLevel::Read], &[], &[]),
        ];
        page.resource_types = vec![resource_type(
            "job",
            "arn:${Partition}:example:${Region}:${Account}:job/${Name}",
        )];
        page.condition_keys = vec![key("example:Size", "Numeric")];

        let mut json = catalog("https://json", SourceFormat::ServiceReference);
        json.actions = vec![
            action(
                "CreateJob",
                &[AccessLevel::Write],
                &[("job", false), ("queue", false)],
                &["example:Size", "example:Queue"],
            ),
            action(
                "TagJob",
                &[AccessLevel::Tagging, AccessLevel::Write],
                &[("job", false)],
                &[],
            ),
            action("JsonOnly", &[AccessLevel::List], &[], &[]),
        ];
        json.resource_types = vec![
            resource_type(
                "job",
                "arn:${Partition}:example:${Region}:${Account}:job/${Name}",
            ),
            resource_type(
                "queue",
                "arn:${Partition}:example:${Region}:${Account}:queue/${Name}",
            ),
        ];
        json.condition_keys = vec![key("example:Size", "String"), key("example:Queue", "ARN")];
        json.operations = vec![Operation {
            name: "CreateJob".into(),
            authorized_actions: vec![AuthorizedAction {
                action: "example:CreateJob".into(),
                condition_key: None,
                values: Vec::new(),
            }],
            sdk_methods: vec![SdkMethod {
                package: "Boto3".into(),
                client: "example".into(),
                method: "create_job".into(),
            }],
        }];
        (page, json)
    }

    #[test]
    fn keeps_every_item_and_the_pages_markers() {
        let (page, json) = page_and_json();
        let merged = merge(page, json, MergeKind::SameService).unwrap();
        let names: Vec<&str> = merged.actions.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["CreateJob", "TagJob", "PageOnly", "JsonOnly"]);
        let create = merged.action("CreateJob").unwrap();
        assert_eq!(create.description, "Grants permission to create a job");
        let types: Vec<(&str, bool)> = create
            .resource_types
            .iter()
            .map(|rt| (rt.name.as_str(), rt.required))
            .collect();
        assert_eq!(types, [("job", true), ("queue", false)]);
        assert_eq!(create.condition_keys, ["example:Size", "example:Queue"]);
        assert_eq!(merged.condition_keys[0].value_type, "Numeric");
        assert_eq!(merged.operations.len(), 1);
        assert_eq!(merged.operations[0].sdk_methods[0].method, "create_job");
        assert_eq!(merged.other_sources[0].url, "https://json");
    }

    #[test]
    fn records_each_disagreement_with_both_values() {
        let (page, json) = page_and_json();
        let merged = merge(page, json, MergeKind::SameService).unwrap();
        let found: Vec<(String, String, String, String)> = merged
            .disagreements
            .iter()
            .map(|d| {
                (
                    d.subject.clone(),
                    d.fact.clone(),
                    d.values[0].value.clone(),
                    d.values[1].value.clone(),
                )
            })
            .collect();
        let expected = [
            (
                "action example:PageOnly",
                "listed",
                "listed",
                "(not listed)",
            ),
            (
                "action example:CreateJob",
                "resource types",
                "job",
                "job, queue",
            ),
            (
                "action example:CreateJob",
                "condition keys",
                "example:Size",
                "example:Queue, example:Size",
            ),
            (
                "action example:JsonOnly",
                "listed",
                "(not listed)",
                "listed",
            ),
            (
                "resource type example:queue",
                "listed",
                "(not listed)",
                "listed",
            ),
            ("condition key example:Size", "type", "Numeric", "String"),
            (
                "condition key example:Queue",
                "listed",
                "(not listed)",
                "listed",
            ),
        ];
        let expected: Vec<(String, String, String, String)> = expected
            .iter()
            .map(|(a, b, c, d)| ((*a).into(), (*b).into(), (*c).into(), (*d).into()))
            .collect();
        assert_eq!(found, expected);
        assert!(merged
            .disagreements
            .iter()
            .all(|d| d.values[0].source == "https://page"));
    }

    #[test]
    fn shared_prefix_pages_report_only_conflicts() {
        let mut v1 = catalog("https://v1", SourceFormat::Html);
        v1.actions = vec![action("GET", &[AccessLevel::Read], &[], &[])];
        v1.resource_types = vec![resource_type(
            "Stage",
            "arn:${Partition}:example:${Region}::/stages",
        )];
        let mut v2 = catalog("https://v2", SourceFormat::Html);
        v2.actions = vec![
            action("GET", &[AccessLevel::Read], &[], &[]),
            action("V2Only", &[AccessLevel::Write], &[], &[]),
        ];
        v2.resource_types = vec![resource_type(
            "Stage",
            "arn:${Partition}:example:${Region}::/v2/stages",
        )];
        let merged = merge(v1, v2, MergeKind::SharedPrefix).unwrap();
        assert_eq!(merged.actions.len(), 2);
        assert_eq!(merged.disagreements.len(), 1);
        assert_eq!(merged.disagreements[0].fact, "ARN formats");
        assert_eq!(
            merged.resource_types[0].arn_formats,
            ["arn:${Partition}:example:${Region}::/stages"]
        );
    }

    #[test]
    fn operations_follow_the_service_reference() {
        let (mut page, json) = page_and_json();
        page.operations = vec![Operation {
            name: "CreateJob".into(),
            authorized_actions: vec![
                AuthorizedAction {
                    action: "example:CreateJob".into(),
                    condition_key: None,
                    values: Vec::new(),
                },
                AuthorizedAction {
                    action: "iam:PassRole".into(),
                    condition_key: Some("iam:PassedToService".into()),
                    values: vec!["example.amazonaws.com".into()],
                },
            ],
            sdk_methods: Vec::new(),
        }];
        let merged = merge(page, json, MergeKind::SameService).unwrap();
        assert_eq!(merged.operations[0].authorized_actions.len(), 1);
        let disagreement = merged
            .disagreements
            .iter()
            .find(|d| d.fact == "authorized actions")
            .unwrap();
        assert_eq!(
            disagreement.values[0].value,
            "example:CreateJob, iam:PassRole [iam:PassedToService = example.amazonaws.com]"
        );
    }

    #[test]
    fn different_prefixes_are_an_error() {
        let (page, mut json) = page_and_json();
        json.service.prefix = "other".into();
        let error = merge(page, json, MergeKind::SameService).unwrap_err();
        assert_eq!(
            error.to_string(),
            "cannot merge https://json (prefix \"other\") into https://page (prefix \"example\"): the prefixes differ"
        );
    }
}
