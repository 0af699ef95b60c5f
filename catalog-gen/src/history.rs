//! When each action, resource type and condition key appeared, changed and disappeared, read from
//! dated versions of a service's catalog (the page's snapshots, the service reference's versions).
//!
//! Each kind of source is followed on its own timeline: the page and the JSON disagree on some
//! facts (the JSON marks Tagging actions as also Write), so interleaving them would report a
//! change at every switch from one to the other. An item's first and last dates are taken over
//! every timeline.

use crate::model::{Action, Catalog, Source, SourceFormat};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The data file `data/<prefix>-history.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    /// The service prefix.
    pub prefix: String,
    /// Every version read, oldest first.
    pub sources: Vec<DatedSource>,
    /// Every action any version lists, sorted by name.
    pub actions: Vec<ItemHistory>,
    /// Every resource type any version lists, sorted by name.
    pub resource_types: Vec<ItemHistory>,
    /// Every condition key any version lists, sorted by name.
    pub condition_keys: Vec<ItemHistory>,
    /// The last record of each action that the newest version of every kind of source no longer
    /// lists, sorted by name: code written against an older catalog still names them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_actions: Vec<Action>,
}

/// One version of the catalog and the date it carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatedSource {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// What kind of document.
    pub format: SourceFormat,
    /// Where it was read from (a file name or URL).
    pub location: String,
    /// Lower-case hex SHA-256 of its bytes.
    pub sha256: String,
}

/// The life of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemHistory {
    /// The item's name (actions without prefix, as in the data file).
    pub name: String,
    /// The date of the oldest version that lists it.
    pub first_seen: String,
    /// The date of the newest version that lists it.
    pub last_seen: String,
    /// What changed, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

/// One change between two consecutive versions of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The date of the version that first shows the change.
    pub date: String,
    /// The kind of source the change was seen in.
    pub format: SourceFormat,
    /// `listed`, `access levels`, `resource types`, `condition keys`, `ARN formats` or `type`.
    pub fact: String,
    /// The value before.
    pub from: String,
    /// The value after.
    pub to: String,
}

/// A catalog version and its date.
pub struct Version {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where it was read from.
    pub location: String,
    /// The catalog it holds.
    pub catalog: Catalog,
}

/// Builds the history of the versions given, in any order (sorted here by date).
///
/// # Panics
/// If `versions` is empty.
pub fn history(mut versions: Vec<Version>) -> History {
    versions.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then_with(|| a.location.cmp(&b.location))
    });
    let prefix = versions[0].catalog.service.prefix.clone();
    let sources = versions
        .iter()
        .map(|version| DatedSource {
            date: version.date.clone(),
            format: format_of(&version.catalog.source),
            location: version.location.clone(),
            sha256: version.catalog.source.sha256.clone(),
        })
        .collect();
    let mut actions = Items::default();
    let mut resource_types = Items::default();
    let mut condition_keys = Items::default();
    for version in &versions {
        let format = format_of(&version.catalog.source);
        let catalog = &version.catalog;
        actions.see(
            &version.date,
            format,
            catalog
                .actions
                .iter()
                .map(|action| (action.name.clone(), action_facts(action))),
        );
        resource_types.see(
            &version.date,
            format,
            catalog.resource_types.iter().map(|rt| {
                (
                    rt.name.clone(),
                    vec![("ARN formats", rt.arn_formats.join(", "))],
                )
            }),
        );
        condition_keys.see(
            &version.date,
            format,
            catalog
                .condition_keys
                .iter()
                .map(|key| (key.name.clone(), vec![("type", key.value_type.clone())])),
        );
    }
    History {
        prefix,
        sources,
        actions: actions.finish(),
        resource_types: resource_types.finish(),
        condition_keys: condition_keys.finish(),
        removed_actions: removed_actions(&versions),
    }
}

/// The last record of each action that no kind's newest version lists.
fn removed_actions(versions: &[Version]) -> Vec<Action> {
    let mut newest_of_kind: BTreeMap<SourceFormat, &Catalog> = BTreeMap::new();
    let mut last_record: BTreeMap<&str, &Action> = BTreeMap::new();
    for version in versions {
        newest_of_kind.insert(format_of(&version.catalog.source), &version.catalog);
        for action in &version.catalog.actions {
            last_record.insert(&action.name, action);
        }
    }
    last_record
        .into_iter()
        .filter(|(name, _)| {
            !newest_of_kind
                .values()
                .any(|catalog| catalog.actions.iter().any(|action| action.name == *name))
        })
        .map(|(_, action)| action.clone())
        .collect()
}

fn format_of(source: &Source) -> SourceFormat {
    source.format.unwrap_or(SourceFormat::Html)
}

fn action_facts(action: &Action) -> Facts {
    let mut keys: Vec<&str> = action.row_condition_keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys.dedup();
    vec![
        (
            "access levels",
            action
                .access_levels
                .iter()
                .map(|level| level.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            "resource types",
            action
                .resource_types
                .iter()
                .map(|rt| format!("{}{}", rt.name, if rt.required { "*" } else { "" }))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ("condition keys", keys.join(", ")),
    ]
}

/// An item's facts in one version, named: `("access levels", "Read")`.
type Facts = Vec<(&'static str, String)>;

/// Items of one kind, followed over every version.
#[derive(Default)]
struct Items {
    by_name: BTreeMap<String, Tracked>,
    /// The previous version's date of each source kind, to know what a missing item means.
    previous: BTreeMap<SourceFormat, String>,
}

struct Tracked {
    first_seen: String,
    last_seen: String,
    /// The facts in the latest version of each kind that listed the item, and that version's
    /// date.
    latest: BTreeMap<SourceFormat, (String, Facts)>,
    changes: Vec<Change>,
}

impl Items {
    fn see(
        &mut self,
        date: &str,
        format: SourceFormat,
        items: impl Iterator<Item = (String, Facts)>,
    ) {
        let previous = self.previous.insert(format, date.to_owned());
        let mut listed = std::collections::BTreeSet::new();
        for (name, facts) in items {
            listed.insert(name.clone());
            let tracked = self.by_name.entry(name).or_insert_with(|| Tracked {
                first_seen: date.to_owned(),
                last_seen: date.to_owned(),
                latest: BTreeMap::new(),
                changes: Vec::new(),
            });
            tracked.first_seen = tracked.first_seen.clone().min(date.to_owned());
            tracked.last_seen = tracked.last_seen.clone().max(date.to_owned());
            match tracked.latest.get(&format) {
                Some((seen_on, before)) => {
                    if previous.as_deref() != Some(seen_on.as_str()) {
                        tracked
                            .changes
                            .push(change(date, format, "listed", "no", "yes"));
                    }
                    for ((fact, old), (_, new)) in before.iter().zip(&facts) {
                        if old != new {
                            tracked.changes.push(change(date, format, fact, old, new));
                        }
                    }
                }
                None if previous.is_some() => {
                    tracked
                        .changes
                        .push(change(date, format, "listed", "no", "yes"));
                }
                None => {}
            }
            tracked.latest.insert(format, (date.to_owned(), facts));
        }
        // Items the previous version of this kind listed and this one does not.
        if let Some(previous) = previous {
            for (name, tracked) in &mut self.by_name {
                let dropped = !listed.contains(name)
                    && tracked
                        .latest
                        .get(&format)
                        .is_some_and(|(seen_on, _)| *seen_on == previous);
                if dropped {
                    tracked
                        .changes
                        .push(change(date, format, "listed", "yes", "no"));
                }
            }
        }
    }

    fn finish(self) -> Vec<ItemHistory> {
        self.by_name
            .into_iter()
            .map(|(name, tracked)| ItemHistory {
                name,
                first_seen: tracked.first_seen,
                last_seen: tracked.last_seen,
                changes: tracked.changes,
            })
            .collect()
    }
}

fn change(date: &str, format: SourceFormat, fact: &str, from: &str, to: &str) -> Change {
    Change {
        date: date.to_owned(),
        format,
        fact: fact.to_owned(),
        from: if from.is_empty() { "(none)" } else { from }.to_owned(),
        to: if to.is_empty() { "(none)" } else { to }.to_owned(),
    }
}

impl History {
    /// The canonical serialization: pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("history serializes to JSON");
        text.push('\n');
        text
    }

    /// Parses a history data file.
    pub fn from_json(text: &str) -> Result<History, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The newest date of any source.
    pub fn newest_date(&self) -> Option<&str> {
        self.sources.iter().map(|source| source.date.as_str()).max()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AccessLevel;
    use crate::test_support::{action, catalog, key};

    fn version(date: &str, format: SourceFormat, actions: &[(&str, AccessLevel)]) -> Version {
        let mut catalog = catalog(&format!("https://example/{date}"), format);
        catalog.actions = actions
            .iter()
            .map(|(name, level)| action(name, &[*level], &[], &[]))
            .collect();
        catalog.condition_keys = vec![key("example:Size", "Numeric", None)];
        Version {
            date: date.into(),
            location: format!("{date}.{}", format.as_str()),
            catalog,
        }
    }

    #[test]
    fn follows_each_kind_of_source_on_its_own_timeline() {
        use AccessLevel::{Read, Tagging, Write};
        let history = history(vec![
            version(
                "2024-01-01",
                SourceFormat::Html,
                &[("Old", Read), ("Tag", Tagging)],
            ),
            version(
                "2024-02-01",
                SourceFormat::Html,
                &[("Tag", Tagging), ("New", Write)],
            ),
            // The JSON says Tag is also Write; on its own timeline that is no change.
            version(
                "2024-01-15",
                SourceFormat::ServiceReference,
                &[("Tag", Write)],
            ),
            version(
                "2024-03-01",
                SourceFormat::ServiceReference,
                &[("Tag", Tagging), ("New", Write)],
            ),
            version(
                "2024-04-01",
                SourceFormat::Html,
                &[("Tag", Tagging), ("New", Read), ("Old", Read)],
            ),
        ]);
        let by_name = |name: &str| {
            history
                .actions
                .iter()
                .find(|item| item.name == name)
                .unwrap()
        };
        let old = by_name("Old");
        assert_eq!(
            (old.first_seen.as_str(), old.last_seen.as_str()),
            ("2024-01-01", "2024-04-01")
        );
        let old_changes: Vec<(&str, &str, &str)> = old
            .changes
            .iter()
            .map(|c| (c.date.as_str(), c.fact.as_str(), c.to.as_str()))
            .collect();
        assert_eq!(
            old_changes,
            [
                ("2024-02-01", "listed", "no"),
                ("2024-04-01", "listed", "yes")
            ]
        );
        let new = by_name("New");
        assert_eq!(new.first_seen, "2024-02-01");
        let new_changes: Vec<(&str, SourceFormat, &str, &str)> = new
            .changes
            .iter()
            .map(|c| (c.date.as_str(), c.format, c.from.as_str(), c.to.as_str()))
            .collect();
        assert_eq!(
            new_changes,
            [
                ("2024-02-01", SourceFormat::Html, "no", "yes"),
                ("2024-03-01", SourceFormat::ServiceReference, "no", "yes"),
                ("2024-04-01", SourceFormat::Html, "Write", "Read"),
            ]
        );
        let tag = by_name("Tag");
        assert_eq!(tag.changes.len(), 1, "{:?}", tag.changes);
        assert_eq!(
            (tag.changes[0].from.as_str(), tag.changes[0].to.as_str()),
            ("Write", "Tagging")
        );
        assert_eq!(history.sources.len(), 5);
        assert_eq!(history.sources[0].date, "2024-01-01");
        assert!(history.removed_actions.is_empty());
        let key = &history.condition_keys[0];
        assert_eq!(
            (key.first_seen.as_str(), key.last_seen.as_str()),
            ("2024-01-01", "2024-04-01")
        );
    }

    #[test]
    fn keeps_the_last_record_of_removed_actions() {
        use AccessLevel::{Read, Write};
        let history = history(vec![
            version(
                "2024-01-01",
                SourceFormat::Html,
                &[("Gone", Read), ("Kept", Read)],
            ),
            version(
                "2024-02-01",
                SourceFormat::Html,
                &[("Gone", Write), ("Kept", Read)],
            ),
            version("2024-03-01", SourceFormat::Html, &[("Kept", Read)]),
        ]);
        assert_eq!(history.removed_actions.len(), 1);
        assert_eq!(history.removed_actions[0].name, "Gone");
        assert_eq!(history.removed_actions[0].access_levels, [Write]);
        let gone = history
            .actions
            .iter()
            .find(|item| item.name == "Gone")
            .unwrap();
        assert_eq!(gone.last_seen, "2024-02-01");
        let json = history.to_json();
        assert_eq!(History::from_json(&json).unwrap(), history);
    }
}
