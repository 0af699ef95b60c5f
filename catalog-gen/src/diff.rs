//! A readable summary of how two catalogs differ, for `cargo xtask scrape --check`.

use crate::model::Catalog;
use serde::Serialize;
use std::collections::BTreeMap;

/// Lines describing what changed from `old` to `new`; empty when they are equal.
///
/// Entries are matched by name: `+ name` was added, `- name` removed, `~ name: fields` changed
/// (naming the fields that differ), and a reordering is reported as such.
pub fn summarize(old: &Catalog, new: &Catalog) -> Vec<String> {
    let mut lines = Vec::new();
    if old.service != new.service {
        lines.push(format!(
            "service: {} ({}) -> {} ({})",
            old.service.name, old.service.prefix, new.service.name, new.service.prefix
        ));
    }
    if old.source.url != new.source.url {
        lines.push(format!(
            "source.url: {} -> {}",
            old.source.url, new.source.url
        ));
    }
    if old.source.sha256 != new.source.sha256 {
        lines.push(format!(
            "source.sha256: {} -> {}",
            old.source.sha256, new.source.sha256
        ));
    }
    section(&mut lines, "actions", &old.actions, &new.actions, |a| {
        &a.name
    });
    section(
        &mut lines,
        "resource_types",
        &old.resource_types,
        &new.resource_types,
        |r| &r.name,
    );
    section(
        &mut lines,
        "condition_keys",
        &old.condition_keys,
        &new.condition_keys,
        |k| &k.name,
    );
    section(
        &mut lines,
        "operations",
        &old.operations,
        &new.operations,
        |o| &o.name,
    );
    lines
}

fn section<T: Serialize + PartialEq>(
    lines: &mut Vec<String>,
    title: &str,
    old: &[T],
    new: &[T],
    name: impl Fn(&T) -> &String,
) {
    if old == new {
        return;
    }
    let old_by_name: BTreeMap<&String, &T> = old.iter().map(|item| (name(item), item)).collect();
    let new_by_name: BTreeMap<&String, &T> = new.iter().map(|item| (name(item), item)).collect();
    let mut details = Vec::new();
    let (mut added, mut removed, mut changed) = (0, 0, 0);
    for (key, item) in &old_by_name {
        match new_by_name.get(key) {
            None => {
                removed += 1;
                details.push(format!("  - {key}"));
            }
            Some(other) if other != item => {
                changed += 1;
                details.push(format!(
                    "  ~ {key}: {}",
                    changed_fields(item, other).join(", ")
                ));
            }
            Some(_) => {}
        }
    }
    for key in new_by_name.keys() {
        if !old_by_name.contains_key(key) {
            added += 1;
            details.push(format!("  + {key}"));
        }
    }
    let reordered = added == 0 && removed == 0 && changed == 0;
    lines.push(format!(
        "{title}: {} -> {} entries (+{added} -{removed} ~{changed}){}",
        old.len(),
        new.len(),
        if reordered {
            ", same entries in a different order"
        } else {
            ""
        }
    ));
    lines.extend(details);
}

/// The top-level fields whose JSON differs.
fn changed_fields<T: Serialize>(old: &T, new: &T) -> Vec<String> {
    let (old, new) = (
        serde_json::to_value(old).expect("catalog entries serialize"),
        serde_json::to_value(new).expect("catalog entries serialize"),
    );
    match (old, new) {
        (serde_json::Value::Object(old), serde_json::Value::Object(new)) => {
            let mut fields: Vec<String> = old
                .iter()
                .filter(|(field, value)| new.get(*field) != Some(value))
                .map(|(field, _)| field.clone())
                .collect();
            fields.extend(
                new.keys()
                    .filter(|field| !old.contains_key(*field))
                    .cloned(),
            );
            fields
        }
        _ => vec!["value".to_owned()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AccessLevel, Action, Service, Source};

    fn action(name: &str, description: &str) -> Action {
        Action {
            name: name.into(),
            description: description.into(),
            documentation_url: None,
            access_levels: vec![AccessLevel::Read],
            permission_only: false,
            resource_types: Vec::new(),
            condition_keys: Vec::new(),
            dependent_actions: Vec::new(),
            scenarios: Vec::new(),
        }
    }

    fn catalog(actions: Vec<Action>) -> Catalog {
        Catalog {
            service: Service {
                name: "Amazon Example".into(),
                prefix: "example".into(),
            },
            source: Source {
                url: "https://example.com".into(),
                sha256: "00".into(),
                format: None,
                date: None,
                version: None,
            },
            actions,
            resource_types: Vec::new(),
            condition_keys: Vec::new(),
            operations: Vec::new(),
            other_sources: Vec::new(),
            disagreements: Vec::new(),
        }
    }

    #[test]
    fn equal_catalogs_have_no_summary() {
        let one = catalog(vec![action("A", "a")]);
        assert!(summarize(&one, &one.clone()).is_empty());
    }

    #[test]
    fn additions_removals_and_changes_are_named() {
        let old = catalog(vec![action("A", "a"), action("B", "b")]);
        let new = catalog(vec![action("A", "changed"), action("C", "c")]);
        assert_eq!(
            summarize(&old, &new),
            [
                "actions: 2 -> 2 entries (+1 -1 ~1)",
                "  ~ A: description",
                "  - B",
                "  + C",
            ]
        );
        let reordered = catalog(vec![action("B", "b"), action("A", "a")]);
        assert_eq!(
            summarize(&old, &reordered),
            ["actions: 2 -> 2 entries (+0 -0 ~0), same entries in a different order"]
        );
    }
}
