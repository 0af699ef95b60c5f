//! The two definition tables: resource types (with ARN formats) and condition keys (with
//! types). A section without a table defines nothing (a service without resource types or
//! service-specific keys says so in prose).

use super::blocks::{Blocks, Row, Table};
use super::document::SectionKind;
use super::inline::{external_link, names, plain};
use crate::model::{ConditionKey, Deprecation, ResourceType};
use crate::scrape::error::ScrapeError;
use crate::scrape::layout::{Columns, TableKind};
use crate::scrape::text::without_whitespace;

/// The section's only table, checked to be a table of `kind`.
fn only_table<'b, 't>(
    section: SectionKind,
    blocks: &'b Blocks<'t>,
    kind: TableKind,
) -> Result<Option<&'b Table<'t>>, ScrapeError> {
    if let Some(item) = blocks.items.first() {
        let message = "the section is a table; it has no list items".into();
        return Err(item.error(section, None, message));
    }
    if let Some(second) = blocks.tables.get(1) {
        return Err(second.error(section, "the section has a second table".into()));
    }
    let Some(table) = blocks.tables.first() else {
        return Ok(None);
    };
    super::expect_table(section, table, kind)?;
    Ok(Some(table))
}

/// Reads the resource types section.
pub(super) fn resource_types(blocks: &Blocks<'_>) -> Result<Vec<ResourceType>, ScrapeError> {
    let section = SectionKind::ResourceTypes;
    let Some(table) = only_table(section, blocks, TableKind::ResourceTypes)? else {
        return Ok(Vec::new());
    };
    let columns = Columns::new(&table.headers);
    let [name, arn, keys] = ["Resource types", "ARN", "Condition keys"].map(|h| columns.get(h));
    table
        .rows
        .iter()
        .map(|row: &Row<'_>| {
            let resource_name = plain(row.cells[name]);
            if resource_name.is_empty() {
                let message = "the resource type name is empty".into();
                return Err(row.error(section, None, message));
            }
            let arn_formats = names(row.cells[arn]);
            if arn_formats.is_empty() {
                let subject = Some(format!("resource type {resource_name}"));
                return Err(row.error(section, subject, "the ARN cell is empty".into()));
            }
            Ok(ResourceType {
                documentation_url: external_link(row.cells[name]),
                name: resource_name,
                arn_formats,
                condition_keys: names(row.cells[keys]),
            })
        })
        .collect()
}

/// Reads the condition keys section.
pub(super) fn condition_keys(blocks: &Blocks<'_>) -> Result<Vec<ConditionKey>, ScrapeError> {
    let section = SectionKind::ConditionKeys;
    let Some(table) = only_table(section, blocks, TableKind::ConditionKeys)? else {
        return Ok(Vec::new());
    };
    let columns = Columns::new(&table.headers);
    let [name, description, value_type] =
        ["Condition keys", "Description", "Type"].map(|h| columns.get(h));
    table
        .rows
        .iter()
        .map(|row: &Row<'_>| {
            let key_name = without_whitespace(&plain(row.cells[name]));
            if key_name.is_empty() {
                let message = "the condition key name is empty".into();
                return Err(row.error(section, None, message));
            }
            let value_type_text = plain(row.cells[value_type]);
            if value_type_text.is_empty() || value_type_text.contains(char::is_whitespace) {
                let subject = Some(format!("condition key {key_name}"));
                let message = format!("{value_type_text:?} is not a condition key type");
                return Err(row.error(section, subject, message));
            }
            let description = plain(row.cells[description]);
            Ok(ConditionKey {
                deprecated: Deprecation::from_description(&description),
                name: key_name,
                description,
                value_type: value_type_text,
            })
        })
        .collect()
}
