//! What a catalog update means for policies: the report `cargo xtask regen` prints before the
//! data file changes, so a reviewer sees the meaning of the diff and not only its lines.

use crate::model::{AccessLevel, Catalog};
use std::collections::{BTreeMap, BTreeSet};

/// Lines describing what changed from `old` to `new` in terms a policy author cares about; empty
/// when nothing did.
pub fn drift(old: &Catalog, new: &Catalog) -> Vec<String> {
    let prefix = &new.service.prefix;
    let mut lines = Vec::new();
    let old_actions: BTreeMap<String, &[AccessLevel]> = old
        .actions
        .iter()
        .map(|action| (action.name.clone(), action.access_levels.as_slice()))
        .collect();
    let new_actions: BTreeMap<String, &[AccessLevel]> = new
        .actions
        .iter()
        .map(|action| (action.name.clone(), action.access_levels.as_slice()))
        .collect();
    let added: Vec<&String> = new_actions
        .keys()
        .filter(|name| !old_actions.contains_key(*name))
        .collect();
    let removed: Vec<&String> = old_actions
        .keys()
        .filter(|name| !new_actions.contains_key(*name))
        .collect();
    list(&mut lines, "actions added", prefix, &added);
    list(&mut lines, "actions removed", prefix, &removed);
    for (name, levels) in &new_actions {
        if let Some(before) = old_actions.get(name) {
            if before != levels {
                lines.push(format!(
                    "access level of {prefix}:{name}: {} -> {}",
                    levels_text(before),
                    levels_text(levels)
                ));
            }
        }
    }
    let names = |catalog: &Catalog| -> BTreeSet<String> {
        catalog
            .resource_types
            .iter()
            .map(|rt| rt.name.clone())
            .collect()
    };
    let (old_types, new_types) = (names(old), names(new));
    list(
        &mut lines,
        "resource types added",
        prefix,
        &new_types.difference(&old_types).collect::<Vec<_>>(),
    );
    list(
        &mut lines,
        "resource types removed",
        prefix,
        &old_types.difference(&new_types).collect::<Vec<_>>(),
    );
    let keys = |catalog: &Catalog| -> BTreeSet<String> {
        catalog
            .condition_keys
            .iter()
            .map(|key| key.name.clone())
            .collect()
    };
    let (old_keys, new_keys) = (keys(old), keys(new));
    list(
        &mut lines,
        "condition keys added",
        "",
        &new_keys.difference(&old_keys).collect::<Vec<_>>(),
    );
    list(
        &mut lines,
        "condition keys removed",
        "",
        &old_keys.difference(&new_keys).collect::<Vec<_>>(),
    );
    let was_deprecated: BTreeSet<&str> = old
        .condition_keys
        .iter()
        .filter(|key| key.deprecated.is_some())
        .map(|key| key.name.as_str())
        .collect();
    for key in &new.condition_keys {
        if let Some(deprecation) = &key.deprecated {
            if !was_deprecated.contains(key.name.as_str()) {
                lines.push(format!(
                    "condition key deprecated: {}{}",
                    key.name,
                    deprecation
                        .replaced_by
                        .as_ref()
                        .map(|replacement| format!(" (replaced by {replacement})"))
                        .unwrap_or_default()
                ));
            }
        }
    }
    for (wildcard, matched) in widened_wildcards(&added) {
        lines.push(format!(
            "{prefix}:{wildcard} now also matches {}: {}",
            plural(matched.len(), "action"),
            matched
                .iter()
                .map(|name| format!("{prefix}:{name}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    lines
}

/// The wildcards policies commonly write (`Describe*`: the action's leading verb, and `*`), with
/// the added actions each now matches.
fn widened_wildcards<'a>(added: &[&'a String]) -> BTreeMap<String, Vec<&'a String>> {
    let mut widened: BTreeMap<String, Vec<&String>> = BTreeMap::new();
    for name in added {
        let verb_end = name
            .char_indices()
            .skip(1)
            .find(|(_, c)| c.is_ascii_uppercase())
            .map_or(name.len(), |(index, _)| index);
        widened
            .entry(format!("{}*", &name[..verb_end]))
            .or_default()
            .push(name);
        widened.entry("*".to_owned()).or_default().push(name);
    }
    widened
}

fn list<S: AsRef<str>>(lines: &mut Vec<String>, title: &str, prefix: &str, names: &[S]) {
    if names.is_empty() {
        return;
    }
    let qualified: Vec<String> = names
        .iter()
        .map(|name| {
            if prefix.is_empty() {
                name.as_ref().to_owned()
            } else {
                format!("{prefix}:{}", name.as_ref())
            }
        })
        .collect();
    lines.push(format!(
        "{title} ({}): {}",
        names.len(),
        qualified.join(", ")
    ));
}

fn levels_text(levels: &[AccessLevel]) -> String {
    levels
        .iter()
        .map(|level| level.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 more {noun}")
    } else {
        format!("{count} more {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, ConditionKey, SourceFormat};
    use crate::test_support;

    fn action(name: &str, level: AccessLevel) -> Action {
        test_support::action(name, &[level], &[], &[])
    }

    fn catalog(actions: Vec<Action>, keys: Vec<ConditionKey>) -> Catalog {
        let mut catalog = test_support::catalog("https://example.com", SourceFormat::Html);
        catalog.service.prefix = "sagemaker".into();
        catalog.actions = actions;
        catalog.condition_keys = keys;
        catalog
    }

    fn key(name: &str, replaced_by: Option<&str>) -> ConditionKey {
        test_support::key(name, "ARN", replaced_by)
    }

    #[test]
    fn reports_what_policies_feel() {
        let old = catalog(
            vec![
                action("DescribeJob", AccessLevel::Read),
                action("GoneAction", AccessLevel::Write),
                action("AddTags", AccessLevel::Tagging),
            ],
            vec![key("sagemaker:VolumeKmsKey", None)],
        );
        let mut add_tags = action("AddTags", AccessLevel::Tagging);
        add_tags.access_levels.push(AccessLevel::Write);
        let new = catalog(
            vec![
                action("DescribeJob", AccessLevel::Read),
                action("DescribeHub", AccessLevel::Read),
                action("CreateJob", AccessLevel::Write),
                add_tags,
            ],
            vec![
                key("sagemaker:VolumeKmsKey", Some("sagemaker:VolumeKmsKeyArn")),
                key("sagemaker:VolumeKmsKeyArn", None),
            ],
        );
        assert_eq!(
            drift(&old, &new),
            [
                "actions added (2): sagemaker:CreateJob, sagemaker:DescribeHub",
                "actions removed (1): sagemaker:GoneAction",
                "access level of sagemaker:AddTags: Tagging -> Tagging, Write",
                "condition keys added (1): sagemaker:VolumeKmsKeyArn",
                "condition key deprecated: sagemaker:VolumeKmsKey (replaced by sagemaker:VolumeKmsKeyArn)",
                "sagemaker:* now also matches 2 more actions: sagemaker:CreateJob, sagemaker:DescribeHub",
                "sagemaker:Create* now also matches 1 more action: sagemaker:CreateJob",
                "sagemaker:Describe* now also matches 1 more action: sagemaker:DescribeHub",
            ]
        );
        assert!(drift(&new, &new).is_empty());
    }
}
