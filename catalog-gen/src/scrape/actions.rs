//! The actions table: one action per group of rows that its name cell spans.

use super::error::ScrapeError;
use super::grid::{Grid, GridRow, Slot};
use super::layout::{Columns, TableKind};
use super::text::{collapsed_text, external_link, list_items, name_items};
use crate::model::{AccessLevel, Action, ActionResourceType, Scenario};

const TABLE: &str = TableKind::Actions.title();
const PERMISSION_ONLY_MARKER: &str = "[permission only]";
const SCENARIO_MARKER: &str = "SCENARIO:";

struct ActionColumns {
    name: usize,
    description: usize,
    access_level: usize,
    resource_types: usize,
    condition_keys: usize,
    dependent_actions: Option<usize>,
}

/// Reads every action of one actions table. `permission_only_table` is true for the August 2026
/// layout's "Permission-only actions" table, whose actions carry no marker of their own.
pub(crate) fn parse(
    grid: &Grid<'_>,
    permission_only_table: bool,
) -> Result<Vec<Action>, ScrapeError> {
    let columns = Columns::new(&grid.headers);
    let columns = ActionColumns {
        name: columns.get("Actions"),
        description: columns.get("Description"),
        access_level: columns.get("Access level"),
        resource_types: columns.get("Resource types (*required)"),
        condition_keys: columns.get("Condition keys"),
        dependent_actions: columns.find("Dependent actions"),
    };

    let mut actions = Vec::new();
    let mut group: Vec<&GridRow<'_>> = Vec::new();
    for row in &grid.rows {
        let starts_action = match row.slots[columns.name] {
            Some(slot) => slot.starts_here,
            None => {
                return Err(ScrapeError::row(
                    TABLE,
                    row,
                    None,
                    "the row has no Actions cell",
                ))
            }
        };
        if starts_action && !group.is_empty() {
            actions.push(parse_action(&group, &columns, permission_only_table)?);
            group.clear();
        }
        group.push(row);
    }
    if !group.is_empty() {
        actions.push(parse_action(&group, &columns, permission_only_table)?);
    }
    Ok(actions)
}

fn parse_action(
    rows: &[&GridRow<'_>],
    columns: &ActionColumns,
    permission_only_table: bool,
) -> Result<Action, ScrapeError> {
    let first = rows[0];
    let name_cell = cell(first, columns.name).expect("grouping checked the name cell");
    let name_text = collapsed_text(name_cell);
    let marked_permission_only = name_text.contains(PERMISSION_ONLY_MARKER);
    let name = name_text
        .replace(PERMISSION_ONLY_MARKER, "")
        .trim()
        .to_owned();
    if name.is_empty() || name.contains(char::is_whitespace) {
        return Err(ScrapeError::row(
            TABLE,
            first,
            None,
            &format!("{name_text:?} is not an action name"),
        ));
    }
    let subject = Some(format!("action {name}"));

    let description = cell(first, columns.description)
        .map(collapsed_text)
        .unwrap_or_default();
    let access_text = cell(first, columns.access_level)
        .map(collapsed_text)
        .unwrap_or_default();
    let access_levels = parse_access_levels(&access_text)
        .map_err(|message| ScrapeError::row(TABLE, first, subject.clone(), &message))?;

    let mut action = Action {
        name,
        description,
        documentation_url: external_link(name_cell),
        access_levels,
        permission_only: permission_only_table || marked_permission_only,
        resource_types: Vec::new(),
        condition_keys: Vec::new(),
        dependent_actions: Vec::new(),
        scenarios: Vec::new(),
    };

    for (position, row) in rows.iter().enumerate() {
        let keys = cell(row, columns.condition_keys)
            .map(name_items)
            .unwrap_or_default();
        let resource_types = cell(row, columns.resource_types)
            .map(list_items)
            .unwrap_or_default();
        if let Some(dependents) = columns
            .dependent_actions
            .and_then(|column| cell(row, column))
        {
            action.dependent_actions.extend(name_items(dependents));
        }

        let own_description = row.slots[columns.description].filter(|slot| slot.starts_here);
        if position > 0 {
            if let Some(slot) = own_description {
                let text = collapsed_text(slot.cell);
                let Some(scenario) = text.strip_prefix(SCENARIO_MARKER) else {
                    let message = format!(
                        "a continuation row has a description of its own ({text:?}); \
                         only \"SCENARIO:\" rows may"
                    );
                    return Err(ScrapeError::row(TABLE, row, subject.clone(), &message));
                };
                if !keys.is_empty() {
                    let message = format!(
                        "SCENARIO row {scenario:?} has condition keys {keys:?}; \
                         scenario rows only list resource types"
                    );
                    return Err(ScrapeError::row(TABLE, row, subject.clone(), &message));
                }
                action.scenarios.push(Scenario {
                    name: scenario.trim().to_owned(),
                    resource_types: resource_types
                        .iter()
                        .map(|item| resource_reference(item, Vec::new()))
                        .collect(),
                });
                continue;
            }
        }

        if resource_types.is_empty() {
            action.condition_keys.extend(keys);
        } else {
            for item in &resource_types {
                if item.trim_end_matches('*').trim().is_empty() {
                    return Err(ScrapeError::row(
                        TABLE,
                        row,
                        subject.clone(),
                        &format!("resource type cell {item:?} names no resource type"),
                    ));
                }
                action
                    .resource_types
                    .push(resource_reference(item, keys.clone()));
            }
        }
    }

    action.dependent_actions.sort();
    action.dependent_actions.dedup();
    Ok(action)
}

/// A resource type as an action row lists it: a trailing `*` marks it required.
pub(crate) fn resource_reference(item: &str, condition_keys: Vec<String>) -> ActionResourceType {
    let required = item.ends_with('*');
    ActionResourceType {
        name: item.trim_end_matches('*').trim().to_owned(),
        required,
        condition_keys,
    }
}

/// "Write", or a comma-separated list such as "Tagging, Write" (August 2026 layout).
pub(crate) fn parse_access_levels(text: &str) -> Result<Vec<AccessLevel>, String> {
    if text.is_empty() {
        return Err("the access level is empty".to_owned());
    }
    text.split(',')
        .map(str::trim)
        .map(|level| {
            AccessLevel::from_page_text(level).ok_or_else(|| {
                format!(
                    "unknown access level {level:?}; known levels are {}",
                    AccessLevel::ALL.map(AccessLevel::as_str).join(", ")
                )
            })
        })
        .collect()
}

fn cell<'a>(row: &GridRow<'a>, column: usize) -> Option<scraper::ElementRef<'a>> {
    row.slots[column].map(|slot: Slot<'a>| slot.cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_levels_may_be_a_list() {
        assert_eq!(
            parse_access_levels("Tagging, Write"),
            Ok(vec![AccessLevel::Tagging, AccessLevel::Write])
        );
        assert_eq!(
            parse_access_levels("Permissions Management"),
            Ok(vec![AccessLevel::PermissionsManagement])
        );
        let error = parse_access_levels("Admin").unwrap_err();
        assert!(error.contains("unknown access level \"Admin\""), "{error}");
    }

    #[test]
    fn required_marker_is_stripped() {
        let reference = resource_reference("training-job*", vec!["k".into()]);
        assert_eq!(reference.name, "training-job");
        assert!(reference.required);
        let reference = resource_reference("code signing config", Vec::new());
        assert_eq!(reference.name, "code signing config");
        assert!(!reference.required);
    }
}
