//! The two definition tables: resource types (with ARN formats) and condition keys (with types).
//! Each row defines one entry; neither table spans rows.

use super::error::ScrapeError;
use super::grid::{Grid, GridRow};
use super::layout::{Columns, TableKind};
use super::text::{arn_templates, collapsed_text, external_link, name_items, without_whitespace};
use crate::model::{ConditionKey, Deprecation, ResourceType};
use scraper::ElementRef;

/// Reads the resource types table.
pub(crate) fn resource_types(grid: &Grid<'_>) -> Result<Vec<ResourceType>, ScrapeError> {
    let table = TableKind::ResourceTypes.title();
    let columns = Columns::new(&grid.headers);
    let (name_column, arn_column, keys_column) = (
        columns.get("Resource types"),
        columns.get("ARN"),
        columns.get("Condition keys"),
    );
    grid.rows
        .iter()
        .map(|row| {
            let name_cell = own_cell(table, row, name_column, None)?;
            let name = collapsed_text(name_cell);
            if name.is_empty() {
                return Err(ScrapeError::row(
                    table,
                    row,
                    None,
                    "the resource type name is empty",
                ));
            }
            let subject = Some(format!("resource type {name}"));
            let arn_formats =
                own_cell(table, row, arn_column, subject.clone()).map(arn_templates)?;
            if arn_formats.is_empty() {
                return Err(ScrapeError::row(
                    table,
                    row,
                    subject,
                    "the ARN cell is empty",
                ));
            }
            let condition_keys = own_cell(table, row, keys_column, subject).map(name_items)?;
            Ok(ResourceType {
                documentation_url: external_link(name_cell),
                name,
                arn_formats,
                condition_keys,
            })
        })
        .collect()
}

/// Reads the condition keys table.
pub(crate) fn condition_keys(grid: &Grid<'_>) -> Result<Vec<ConditionKey>, ScrapeError> {
    let table = TableKind::ConditionKeys.title();
    let columns = Columns::new(&grid.headers);
    let (name_column, description_column, type_column) = (
        columns.get("Condition keys"),
        columns.get("Description"),
        columns.get("Type"),
    );
    grid.rows
        .iter()
        .map(|row| {
            let name =
                without_whitespace(&collapsed_text(own_cell(table, row, name_column, None)?));
            if name.is_empty() {
                return Err(ScrapeError::row(
                    table,
                    row,
                    None,
                    &format!("{name:?} is not a condition key name"),
                ));
            }
            let subject = Some(format!("condition key {name}"));
            let description =
                collapsed_text(own_cell(table, row, description_column, subject.clone())?);
            let value_type = collapsed_text(own_cell(table, row, type_column, subject.clone())?);
            if value_type.is_empty() || value_type.contains(char::is_whitespace) {
                return Err(ScrapeError::row(
                    table,
                    row,
                    subject,
                    &format!("{value_type:?} is not a condition key type"),
                ));
            }
            Ok(ConditionKey {
                deprecated: Deprecation::from_description(&description),
                name,
                description,
                value_type,
            })
        })
        .collect()
}

/// The cell written in this row for `column`. A missing cell or one spanning down from an earlier
/// row would silently copy or drop a definition, so both are errors.
fn own_cell<'a>(
    table: &'static str,
    row: &GridRow<'a>,
    column: usize,
    subject: Option<String>,
) -> Result<ElementRef<'a>, ScrapeError> {
    match row.slots[column] {
        Some(slot) if slot.starts_here => Ok(slot.cell),
        Some(_) => Err(ScrapeError::row(
            table,
            row,
            subject,
            &format!("column {} spans down from an earlier row", column + 1),
        )),
        None => Err(ScrapeError::row(
            table,
            row,
            subject,
            &format!("the row has no cell in column {}", column + 1),
        )),
    }
}
