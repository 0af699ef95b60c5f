//! Turns one page of the Service Authorization Reference into a [`Catalog`].
//!
//! Tables are recognised by their header text and columns are found by header name; `rowspan`
//! and `colspan` are resolved into a grid first ([`grid`]), so the table readers never depend on
//! where a cell was written.

mod actions;
mod definitions;
mod error;
mod grid;
mod layout;
mod markdown;
mod operations;
mod page;
mod text;

pub use error::ScrapeError;
pub use layout::{Layout, TableKind};
pub use markdown::scrape_markdown;

use crate::check::{self, Warning};
use crate::model::{
    Action, Catalog, ConditionKey, Operation, ResourceType, Service, Source, SourceFormat,
};
use scraper::{ElementRef, Html};

/// A scraped page: its catalog, the layout it was written in, and what looked wrong but was kept.
#[derive(Debug, Clone)]
pub struct Scraped {
    /// The data.
    pub catalog: Catalog,
    /// The layout detected from the actions table's headers (or, for Markdown, the format).
    pub layout: Layout,
    /// Findings that did not stop the scrape.
    pub warnings: Vec<Warning>,
}

/// Scrapes a page. `fetched_from` is the URL the bytes came from, used when the page has no
/// canonical link.
pub fn scrape(bytes: &[u8], fetched_from: Option<&str>) -> Result<Scraped, ScrapeError> {
    let text = page::html_text(bytes)?;
    let document = Html::parse_document(text);

    let url = page::canonical_url(&document)
        .or_else(|| fetched_from.map(str::to_owned))
        .ok_or(ScrapeError::NoSourceUrl)?;
    let service = page::service(&document)?;

    let mut layout = None;
    let mut actions = Vec::new();
    let mut resource_types = None;
    let mut condition_keys = None;
    let mut operations = None;
    let mut found_headers = Vec::new();

    for (index, located) in page::tables(&document).into_iter().enumerate() {
        let Some(headers) = grid::header_names(located.table) else {
            continue;
        };
        let Some((kind, table_layout)) = layout::classify(&headers) else {
            return Err(ScrapeError::UnknownHeaders {
                index: index + 1,
                headers,
                known: layout::known_header_sets(),
            });
        };
        found_headers.push(headers);
        let grid = lay_out(kind, located.table)?;
        match kind {
            TableKind::Actions => {
                layout = Some(layout.map_or(table_layout, |seen: Layout| seen.max(table_layout)));
                actions.extend(actions::parse(&grid, located.is_permission_only())?);
            }
            TableKind::ResourceTypes => set_once(
                &mut resource_types,
                kind,
                definitions::resource_types(&grid)?,
            )?,
            TableKind::ConditionKeys => set_once(
                &mut condition_keys,
                kind,
                definitions::condition_keys(&grid)?,
            )?,
            TableKind::Operations => set_once(&mut operations, kind, operations::parse(&grid)?)?,
        }
    }

    let Some(layout) = layout else {
        return Err(ScrapeError::MissingTable {
            table: TableKind::Actions.title(),
            found: found_headers,
        });
    };
    Parts {
        service,
        source: source(url, bytes, SourceFormat::Html),
        actions,
        resource_types: resource_types.unwrap_or_default(),
        condition_keys: condition_keys.unwrap_or_default(),
        operations: operations.unwrap_or_default(),
    }
    .finish(layout)
}

/// What a page yields, before it is checked and becomes a [`Scraped`].
struct Parts {
    service: Service,
    source: Source,
    actions: Vec<Action>,
    resource_types: Vec<ResourceType>,
    condition_keys: Vec<ConditionKey>,
    operations: Vec<Operation>,
}

impl Parts {
    /// The catalog, once it passes [`check::invariants`], with its [`check::warnings`].
    fn finish(self, layout: Layout) -> Result<Scraped, ScrapeError> {
        let catalog = Catalog {
            service: self.service,
            source: self.source,
            actions: self.actions,
            resource_types: self.resource_types,
            condition_keys: self.condition_keys,
            operations: self.operations,
            other_sources: Vec::new(),
            disagreements: Vec::new(),
        };
        check::invariants(&catalog)?;
        let warnings = check::warnings(&catalog);
        Ok(Scraped {
            catalog,
            layout,
            warnings,
        })
    }
}

/// The source record of a document: where it lives and the hash of its bytes; a page carries no
/// date or version of its own.
fn source(url: String, bytes: &[u8], format: SourceFormat) -> Source {
    Source {
        url,
        sha256: sha256_hex(bytes),
        format: Some(format),
        date: None,
        version: None,
    }
}

fn lay_out(kind: TableKind, table: ElementRef<'_>) -> Result<grid::Grid<'_>, ScrapeError> {
    grid::layout(table).map_err(|error| ScrapeError::Row {
        table: kind.title(),
        row: match error {
            grid::GridError::TooManyCells { row, .. }
            | grid::GridError::RowspanPastEnd { row, .. } => row,
        },
        subject: None,
        message: error.to_string(),
    })
}

fn set_once<T>(slot: &mut Option<T>, kind: TableKind, value: T) -> Result<(), ScrapeError> {
    if slot.is_some() {
        return Err(ScrapeError::RepeatedTable {
            table: kind.title(),
            count: 2,
        });
    }
    *slot = Some(value);
    Ok(())
}

pub use catalog_model::sha256_hex;
