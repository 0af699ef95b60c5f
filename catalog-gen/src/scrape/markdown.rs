//! Reads the Markdown form of a page (`list_<slug>.md`, the 2026 layout) into a [`Catalog`]:
//! the same model as the HTML page, read by structure. Sections are known by how their `##`
//! headings start, list items by their `**Label:**` field names and tables by their header
//! names, so the reader depends neither on the service's name nor on the order of fields or
//! columns.

mod actions;
mod blocks;
mod definitions;
mod document;
mod inline;
mod operations;
mod page;

use super::error::ScrapeError;
use super::layout::{self, Layout, TableKind};
use super::{Parts, Scraped};
use crate::model::SourceFormat;
use blocks::Table;
use document::{Document, SectionKind};

/// Reads a Markdown page. `fetched_from` is the URL the bytes came from, used when the page has
/// no top anchor to derive its own URL from.
///
/// What the data keeps differs from the HTML page in two ways, both because the Markdown does not
/// say more: actions have no dependent actions (the layout has no such column), and operations
/// have no SDK methods (the page names an SDK client but neither package nor method; see the
/// operations reader).
pub fn scrape_markdown(bytes: &[u8], fetched_from: Option<&str>) -> Result<Scraped, ScrapeError> {
    let text = page::markdown_text(bytes)?;
    let document = Document::parse(text)?;
    page::check_topics(&document, text)?;
    let service = page::service(&document.preamble)?;
    let url = page::source_url(&document.preamble)
        .or_else(|| fetched_from.map(str::to_owned))
        .ok_or(ScrapeError::NoMarkdownSourceUrl)?;

    let actions_section = document.required(SectionKind::Actions)?;
    let mut actions = actions::parse(SectionKind::Actions, &blocks::read(actions_section)?, false)?;
    if let Some(section) = document.section(SectionKind::PermissionOnly) {
        actions.extend(actions::parse(
            SectionKind::PermissionOnly,
            &blocks::read(section)?,
            true,
        )?);
    }
    let read = |kind| document.section(kind).map(blocks::read).transpose();
    let resource_types = read(SectionKind::ResourceTypes)?
        .map(|blocks| definitions::resource_types(&blocks))
        .transpose()?;
    let condition_keys = read(SectionKind::ConditionKeys)?
        .map(|blocks| definitions::condition_keys(&blocks))
        .transpose()?;
    let operations = read(SectionKind::Operations)?
        .map(|blocks| operations::parse(&blocks))
        .transpose()?;

    Parts {
        service,
        source: super::source(url, bytes, SourceFormat::Markdown),
        actions,
        resource_types: resource_types.unwrap_or_default(),
        condition_keys: condition_keys.unwrap_or_default(),
        operations: operations.unwrap_or_default(),
    }
    .finish(Layout::Markdown2026)
}

/// Checks that `table` has the columns of a `kind` table, in any order.
fn expect_table(
    section: SectionKind,
    table: &Table<'_>,
    kind: TableKind,
) -> Result<(), ScrapeError> {
    match layout::classify(&table.headers) {
        Some((found, _)) if found == kind => Ok(()),
        _ => {
            let message = format!(
                "the table's columns {:?} are not those of a {} table; known column sets: {}",
                table.headers,
                kind.title(),
                layout::known_header_sets()
            );
            Err(table.error(section, message))
        }
    }
}
