//! Actions, from the bullet list of the actions section and from either form of the
//! permission-only section (a list like the actions section, or a table with the HTML page's
//! columns).
//!
//! A list item names its resource types in one or more `Resource types (*required)` fields. The
//! `Condition keys` written with a resource (after ` / ` on its line, or on the next bullet when
//! the action has one resource line) apply to that resource, as on the HTML page's row; keys
//! with no resource before them apply to the action itself.

use super::blocks::{Blocks, Item, Row, Table};
use super::document::SectionKind;
use super::inline::{entries, external_link, names, plain};
use crate::model::{AccessLevel, Action};
use crate::scrape::actions::{parse_access_levels, resource_reference};
use crate::scrape::error::ScrapeError;
use crate::scrape::layout::{Columns, TableKind};

const DESCRIPTION: &str = "Description";
const RESOURCE_TYPES: &str = "Resource types (*required)";
const CONDITION_KEYS: &str = "Condition keys";
const ACCESS_LEVEL: &str = "Access level";

/// One resource line of an action: its resource types (none for the action's own keys) and the
/// keys that go with them.
struct ResourceLine {
    resource_types: Vec<String>,
    condition_keys: Option<Vec<String>>,
}

/// Every action of an actions or permission-only section, list items first, then table rows.
pub(super) fn parse(
    section: SectionKind,
    blocks: &Blocks<'_>,
    permission_only: bool,
) -> Result<Vec<Action>, ScrapeError> {
    let mut actions = blocks
        .items
        .iter()
        .map(|item| from_item(section, item, permission_only))
        .collect::<Result<Vec<_>, _>>()?;
    for table in &blocks.tables {
        actions.extend(from_table(section, table, permission_only)?);
    }
    Ok(actions)
}

fn action_name(raw: &str) -> Result<String, String> {
    let name = plain(raw);
    if name.is_empty() || name.contains(char::is_whitespace) {
        return Err(format!("{name:?} is not an action name"));
    }
    Ok(name)
}

fn from_item(
    section: SectionKind,
    item: &Item<'_>,
    permission_only: bool,
) -> Result<Action, ScrapeError> {
    let name = action_name(item.title).map_err(|message| item.error(section, None, message))?;
    let subject = || Some(format!("action {name}"));
    let fail = |message: String| item.error(section, subject(), message);

    let mut description = None;
    let mut access_levels = None;
    let mut lines: Vec<ResourceLine> = Vec::new();
    let mut has_resource_field = false;
    for field in &item.fields {
        let label = field.label.as_str();
        if label.eq_ignore_ascii_case(DESCRIPTION) {
            once(&mut description, plain(field.value), DESCRIPTION).map_err(fail)?;
        } else if label.eq_ignore_ascii_case(RESOURCE_TYPES) {
            has_resource_field = true;
            lines.push(ResourceLine {
                resource_types: entries(field.value),
                condition_keys: None,
            });
        } else if label.eq_ignore_ascii_case(CONDITION_KEYS) {
            let keys = names(field.value);
            match lines.last_mut() {
                Some(line) if line.condition_keys.is_none() => line.condition_keys = Some(keys),
                _ => lines.push(ResourceLine {
                    resource_types: Vec::new(),
                    condition_keys: Some(keys),
                }),
            }
        } else if label.eq_ignore_ascii_case(ACCESS_LEVEL) {
            let levels = parse_access_levels(&plain(field.value)).map_err(fail)?;
            once(&mut access_levels, levels, ACCESS_LEVEL).map_err(fail)?;
        } else {
            return Err(fail(format!(
                "unknown field {label:?}; an action has {DESCRIPTION:?}, {RESOURCE_TYPES:?}, \
                 {CONDITION_KEYS:?} and {ACCESS_LEVEL:?}"
            )));
        }
    }
    let missing = |what: &str| fail(format!("the item has no {what:?} field"));
    let description = description.ok_or_else(|| missing(DESCRIPTION))?;
    if !has_resource_field {
        return Err(missing(RESOURCE_TYPES));
    }
    let access_levels = access_levels.ok_or_else(|| missing(ACCESS_LEVEL))?;
    let head = Head {
        name: name.clone(),
        description,
        documentation_url: external_link(item.title),
        access_levels,
        permission_only,
    };
    assemble(head, lines).map_err(fail)
}

fn once<T>(slot: &mut Option<T>, value: T, label: &str) -> Result<(), String> {
    if slot.replace(value).is_some() {
        return Err(format!("the item has a second {label:?} field"));
    }
    Ok(())
}

/// Rows of the permission-only table, which has the columns of the HTML page's 2026 actions
/// table and one row per action.
fn from_table(
    section: SectionKind,
    table: &Table<'_>,
    permission_only: bool,
) -> Result<Vec<Action>, ScrapeError> {
    super::expect_table(section, table, TableKind::Actions)?;
    let columns = Columns::new(&table.headers);
    let [name, description, resource_types, condition_keys, access_level] = [
        "Actions",
        DESCRIPTION,
        RESOURCE_TYPES,
        CONDITION_KEYS,
        ACCESS_LEVEL,
    ]
    .map(|header| columns.get(header));
    table
        .rows
        .iter()
        .map(|row: &Row<'_>| {
            let cell = |column: usize| row.cells[column];
            let action_name =
                action_name(cell(name)).map_err(|message| row.error(section, None, message))?;
            let fail = |message: String| {
                row.error(section, Some(format!("action {action_name}")), message)
            };
            let access_levels = parse_access_levels(&plain(cell(access_level))).map_err(fail)?;
            let line = ResourceLine {
                resource_types: entries(cell(resource_types)),
                condition_keys: Some(names(cell(condition_keys))),
            };
            let head = Head {
                name: action_name.clone(),
                description: plain(cell(description)),
                documentation_url: external_link(cell(name)),
                access_levels,
                permission_only,
            };
            assemble(head, vec![line]).map_err(fail)
        })
        .collect()
}

/// What an action says besides its resource types and keys.
struct Head {
    name: String,
    description: String,
    documentation_url: Option<String>,
    access_levels: Vec<AccessLevel>,
    permission_only: bool,
}

/// The action: each resource type with its line's keys, and the keys of lines without a
/// resource type on the action itself. The Markdown layout has no dependent actions.
fn assemble(head: Head, lines: Vec<ResourceLine>) -> Result<Action, String> {
    let mut action = Action {
        name: head.name,
        description: head.description,
        documentation_url: head.documentation_url,
        access_levels: head.access_levels,
        permission_only: head.permission_only,
        resource_types: Vec::new(),
        condition_keys: Vec::new(),
        dependent_actions: Vec::new(),
        scenarios: Vec::new(),
    };
    for line in lines {
        let keys = line.condition_keys.unwrap_or_default();
        if line.resource_types.is_empty() {
            action.condition_keys.extend(keys);
            continue;
        }
        for entry in &line.resource_types {
            if entry.trim_end_matches('*').trim().is_empty() {
                return Err(format!("resource type {entry:?} names no resource type"));
            }
            action
                .resource_types
                .push(resource_reference(entry, keys.clone()));
        }
    }
    Ok(action)
}

/// The access levels an operation's authorization states; checked, not kept.
pub(super) fn access_levels(raw: &str) -> Result<Vec<AccessLevel>, String> {
    parse_access_levels(&plain(raw))
}
