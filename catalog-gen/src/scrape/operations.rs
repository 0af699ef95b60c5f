//! The API operations table (August 2026 layout): each API operation, spanning one row per IAM
//! action it authorizes, with the condition key and values that authorization is evaluated with.

use super::error::ScrapeError;
use super::grid::{Grid, GridRow};
use super::layout::{Columns, TableKind};
use super::text::{collapsed_text, list_items, name_items};
use crate::model::{AuthorizedAction, Operation};

const TABLE: &str = TableKind::Operations.title();

/// Reads every operation of the table.
pub(crate) fn parse(grid: &Grid<'_>) -> Result<Vec<Operation>, ScrapeError> {
    let columns = Columns::new(&grid.headers);
    let (operation_column, action_column, key_column, values_column) = (
        columns.get("API operations"),
        columns.get("Authorized actions"),
        columns.get("Condition keys"),
        columns.get("Condition values"),
    );

    let mut operations: Vec<Operation> = Vec::new();
    for row in &grid.rows {
        let Some(operation_slot) = row.slots[operation_column] else {
            return Err(ScrapeError::row(
                TABLE,
                row,
                None,
                "the row has no API operations cell",
            ));
        };
        if operation_slot.starts_here {
            let name = collapsed_text(operation_slot.cell);
            if name.is_empty() || name.contains(char::is_whitespace) {
                return Err(ScrapeError::row(
                    TABLE,
                    row,
                    None,
                    &format!("{name:?} is not an API operation name"),
                ));
            }
            operations.push(Operation {
                name,
                authorized_actions: Vec::new(),
                sdk_methods: Vec::new(),
            });
        }
        let operation = operations
            .last_mut()
            .expect("the first data row starts an operation: its cell cannot span from above");
        operation.authorized_actions.extend(authorized_actions(
            row,
            &operation.name,
            [action_column, key_column, values_column],
        )?);
    }
    Ok(operations)
}

fn authorized_actions(
    row: &GridRow<'_>,
    operation: &str,
    [action_column, key_column, values_column]: [usize; 3],
) -> Result<Vec<AuthorizedAction>, ScrapeError> {
    let items = |column: usize, read: fn(scraper::ElementRef<'_>) -> Vec<String>| {
        row.slots[column]
            .map(|slot| read(slot.cell))
            .unwrap_or_default()
    };
    let subject = || Some(format!("operation {operation}"));
    let actions = items(action_column, name_items);
    let keys = items(key_column, name_items);
    let values = items(values_column, list_items);
    if actions.is_empty() {
        return Err(ScrapeError::row(
            TABLE,
            row,
            subject(),
            "the Authorized actions cell is empty",
        ));
    }
    if let Some(action) = actions.iter().find(|action| !is_prefixed_action(action)) {
        return Err(ScrapeError::row(
            TABLE,
            row,
            subject(),
            &format!("{action:?} is not an IAM action of the form prefix:Name"),
        ));
    }
    if keys.len() > 1 {
        return Err(ScrapeError::row(
            TABLE,
            row,
            subject(),
            &format!(
                "one authorization names several condition keys {keys:?}; expected at most one"
            ),
        ));
    }
    let condition_key = keys.into_iter().next();
    if condition_key.is_none() && !values.is_empty() {
        return Err(ScrapeError::row(
            TABLE,
            row,
            subject(),
            &format!("condition values {values:?} are given without a condition key"),
        ));
    }
    Ok(actions
        .into_iter()
        .map(|action| AuthorizedAction {
            action,
            condition_key: condition_key.clone(),
            values: values.clone(),
        })
        .collect())
}

pub(crate) fn is_prefixed_action(text: &str) -> bool {
    match text.split_once(':') {
        Some((prefix, name)) => {
            !prefix.is_empty()
                && !name.is_empty()
                && prefix
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-')
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '*' | '?'))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_must_carry_a_prefix() {
        assert!(is_prefixed_action("kinesis:CreateChannel"));
        assert!(is_prefixed_action("codestar-connections:UseConnection"));
        assert!(!is_prefixed_action("CreateChannel"));
        assert!(!is_prefixed_action("iam:Pass Role"));
        assert!(!is_prefixed_action(":PassRole"));
    }
}
