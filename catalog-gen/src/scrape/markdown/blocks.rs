//! A section's body as the two structures the pages use: bullet-list items with labelled fields
//! (`- **Title**` then `  - **Label:** value`, several per line joined by ` / `) and pipe tables.
//! Paragraphs and anchors between them carry no data and are skipped.

use super::document::{Line, Section, SectionKind};
use super::inline::plain;
use crate::scrape::error::ScrapeError;

/// One `- **Title**` item and its labelled fields.
#[derive(Debug)]
pub(super) struct Item<'t> {
    /// 1-based position in the section.
    pub number: usize,
    pub line: Line<'t>,
    /// The raw inline text between the `**`s.
    pub title: &'t str,
    /// Every field of every sub-bullet, in page order.
    pub fields: Vec<Field<'t>>,
}

/// `**Label:** value`.
#[derive(Debug)]
pub(super) struct Field<'t> {
    /// The label without its colon, as plain text ("Resource types (*required)").
    pub label: String,
    /// The raw inline value, trimmed.
    pub value: &'t str,
    pub line: Line<'t>,
}

/// A pipe table: its header names and data rows.
#[derive(Debug)]
pub(super) struct Table<'t> {
    pub line: Line<'t>,
    /// Header cells as plain text.
    pub headers: Vec<String>,
    pub rows: Vec<Row<'t>>,
    /// The `| --- |` line under the header has been read.
    separated: bool,
}

/// One data row; it has exactly as many cells as the header.
#[derive(Debug)]
pub(super) struct Row<'t> {
    /// 1-based position among the table's data rows.
    pub number: usize,
    pub line: Line<'t>,
    /// Raw inline cells, trimmed.
    pub cells: Vec<&'t str>,
}

/// The items and tables of one section, each in page order.
#[derive(Debug, Default)]
pub(super) struct Blocks<'t> {
    pub items: Vec<Item<'t>>,
    pub tables: Vec<Table<'t>>,
}

/// An error about one entry of a section.
pub(super) fn entry_error(
    section: SectionKind,
    entry: String,
    line: &Line<'_>,
    subject: Option<String>,
    message: String,
) -> ScrapeError {
    ScrapeError::Entry {
        section: section.title(),
        entry,
        line: line.number,
        subject,
        message: line.explain(message),
    }
}

impl Item<'_> {
    /// An error about this item, reported at its title line. An item missing fields at the end
    /// of the page is most likely cut, so the message says so.
    pub(super) fn error(
        &self,
        section: SectionKind,
        subject: Option<String>,
        message: String,
    ) -> ScrapeError {
        let last = self.fields.last().map_or(&self.line, |field| &field.line);
        let message = last.explain(message);
        let line = Line {
            is_last: false,
            ..self.line
        };
        entry_error(
            section,
            format!("item {}", self.number),
            &line,
            subject,
            message,
        )
    }
}

impl Table<'_> {
    /// An error about the table as a whole.
    pub(super) fn error(&self, section: SectionKind, message: String) -> ScrapeError {
        entry_error(section, "table".into(), &self.line, None, message)
    }
}

impl Row<'_> {
    /// An error about this row.
    pub(super) fn error(
        &self,
        section: SectionKind,
        subject: Option<String>,
        message: String,
    ) -> ScrapeError {
        let entry = format!("table row {}", self.number);
        entry_error(section, entry, &self.line, subject, message)
    }
}

enum Open<'t> {
    Nothing,
    Item(Item<'t>),
    Table(Table<'t>),
}

/// Reads a section's items and tables. A line that continues neither (an indented line, text
/// right after an item or row) is an error: it would otherwise be data silently dropped.
pub(super) fn read<'t>(section: &Section<'t>) -> Result<Blocks<'t>, ScrapeError> {
    let kind = section.kind;
    let mut blocks = Blocks::default();
    let mut open = Open::Nothing;
    for line in &section.body {
        let text = line.text.trim_end();
        if let Some(title) = text.strip_prefix("- ") {
            close(
                kind,
                &mut blocks,
                std::mem::replace(&mut open, Open::Nothing),
            )?;
            let title = title
                .trim()
                .strip_prefix("**")
                .and_then(|title| title.strip_suffix("**"))
                .filter(|title| !title.trim().is_empty())
                .ok_or_else(|| {
                    let entry = format!("item {}", blocks.items.len() + 1);
                    let message = format!("list item {text:?} has no **bold** title");
                    entry_error(kind, entry, line, None, message)
                })?;
            open = Open::Item(Item {
                number: blocks.items.len() + 1,
                line: *line,
                title,
                fields: Vec::new(),
            });
        } else if let Some(bullet) = text.trim_start().strip_prefix("- ") {
            let Open::Item(item) = &mut open else {
                let message = format!("sub-bullet {text:?} belongs to no list item");
                return Err(entry_error(kind, "list".into(), line, None, message));
            };
            let fields = labelled_fields(bullet, *line).map_err(|message| {
                entry_error(kind, format!("item {}", item.number), line, None, message)
            })?;
            item.fields.extend(fields);
        } else if text.starts_with('|') {
            match &mut open {
                Open::Table(table) if !table.separated => {
                    if !is_separator(&cells(text)) {
                        let message = format!(
                            "the header row is followed by {text:?}, not by a \"| --- |\" line"
                        );
                        return Err(entry_error(kind, "table".into(), line, None, message));
                    }
                    table.separated = true;
                }
                Open::Table(table) => {
                    let row = table_row(table, text, *line).map_err(|message| {
                        let entry = format!("table row {}", table.rows.len() + 1);
                        entry_error(kind, entry, line, None, message)
                    })?;
                    table.rows.push(row);
                }
                _ => {
                    close(
                        kind,
                        &mut blocks,
                        std::mem::replace(&mut open, Open::Nothing),
                    )?;
                    open = Open::Table(Table {
                        line: *line,
                        headers: cells(text).iter().map(|cell| plain(cell)).collect(),
                        rows: Vec::new(),
                        separated: false,
                    });
                }
            }
        } else if text.is_empty() {
            close(
                kind,
                &mut blocks,
                std::mem::replace(&mut open, Open::Nothing),
            )?;
        } else if text.starts_with(char::is_whitespace) || !matches!(open, Open::Nothing) {
            let message = format!("unexpected line {text:?}: it continues no item or table");
            return Err(entry_error(kind, "text".into(), line, None, message));
        }
    }
    close(kind, &mut blocks, open)?;
    Ok(blocks)
}

fn close<'t>(
    kind: SectionKind,
    blocks: &mut Blocks<'t>,
    open: Open<'t>,
) -> Result<(), ScrapeError> {
    match open {
        Open::Nothing => {}
        Open::Item(item) => blocks.items.push(item),
        Open::Table(table) if !table.separated => {
            let message = "the table has a header row but no \"| --- |\" line under it".into();
            return Err(entry_error(
                kind,
                "table".into(),
                &table.line,
                None,
                message,
            ));
        }
        Open::Table(table) => blocks.tables.push(table),
    }
    Ok(())
}

/// `**Label:** value / **Label:** value`.
fn labelled_fields<'t>(bullet: &'t str, line: Line<'t>) -> Result<Vec<Field<'t>>, String> {
    const SEPARATOR: &str = " / **";
    let mut fields = Vec::new();
    let mut rest = bullet.trim_start();
    loop {
        let labelled = rest
            .strip_prefix("**")
            .ok_or_else(|| format!("{rest:?} does not start with a **Label:**"))?;
        let end = labelled
            .find(":**")
            .ok_or_else(|| format!("the label in {rest:?} is not closed by \":**\""))?;
        let label = plain(&labelled[..end]);
        let value = &labelled[end + 3..];
        match value.find(SEPARATOR) {
            Some(at) => {
                fields.push(Field {
                    label,
                    value: value[..at].trim(),
                    line,
                });
                rest = &value[at + SEPARATOR.len() - 2..];
            }
            None => {
                fields.push(Field {
                    label,
                    value: value.trim(),
                    line,
                });
                return Ok(fields);
            }
        }
    }
}

fn table_row<'t>(table: &Table<'t>, text: &'t str, line: Line<'t>) -> Result<Row<'t>, String> {
    if !text.ends_with('|') {
        return Err(format!("the row {text:?} does not end with \"|\""));
    }
    let cells = cells(text);
    if cells.len() != table.headers.len() {
        return Err(format!(
            "the row has {} cells, the table's header has {} ({:?})",
            cells.len(),
            table.headers.len(),
            table.headers
        ));
    }
    Ok(Row {
        number: table.rows.len() + 1,
        line,
        cells,
    })
}

fn is_separator(cells: &[&str]) -> bool {
    cells.iter().all(|cell| {
        let dashes = cell.trim_matches(':');
        !dashes.is_empty() && dashes.chars().all(|c| c == '-')
    })
}

/// The cells of a `| a | b |` line: split at every `|` that is not escaped.
fn cells(text: &str) -> Vec<&str> {
    let inner = text.trim();
    let inner = inner.strip_prefix('|').unwrap_or(inner);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut cells = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (at, c) in inner.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '|' => {
                cells.push(inner[start..at].trim());
                start = at + 1;
            }
            _ => {}
        }
    }
    cells.push(inner[start..].trim());
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: Line<'static> = Line {
        number: 7,
        text: "",
        is_last: false,
    };

    #[test]
    fn one_bullet_may_hold_several_fields() {
        let fields = labelled_fields(
            "**IAM action:**  [a:B](#x)  / **Condition key:**  / **Possible value(s):** v / **Access level:** Tagging, Write",
            LINE,
        )
        .unwrap();
        let pairs: Vec<_> = fields
            .iter()
            .map(|field| (field.label.as_str(), field.value))
            .collect();
        assert_eq!(
            pairs,
            [
                ("IAM action", "[a:B](#x)"),
                ("Condition key", ""),
                ("Possible value(s)", "v"),
                ("Access level", "Tagging, Write"),
            ]
        );
        let labelled = labelled_fields("**Resource types (\\*required):** ", LINE).unwrap();
        assert_eq!(labelled[0].label, "Resource types (*required)");
        assert!(labelled_fields("plain text", LINE).is_err());
        assert!(labelled_fields("**Unclosed label", LINE).is_err());
    }

    #[test]
    fn escaped_pipes_stay_inside_their_cell() {
        assert_eq!(cells("| a | b \\| c |   | "), ["a", "b \\| c", ""]);
        assert!(is_separator(&cells("| --- | :-: |")));
        assert!(!is_separator(&cells("| --- | x |")));
    }

    #[test]
    fn text_inside_a_list_is_refused() {
        let section = Section {
            kind: SectionKind::Actions,
            body: vec![
                Line {
                    number: 1,
                    text: "- **   [A](#a)  **",
                    is_last: false,
                },
                Line {
                    number: 2,
                    text: "stray words",
                    is_last: false,
                },
            ],
        };
        let error = read(&section).unwrap_err().to_string();
        assert_eq!(
            error,
            "Actions section, text (line 2): unexpected line \"stray words\": it continues no item or table"
        );
    }
}
