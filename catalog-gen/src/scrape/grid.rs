//! An HTML table as a rectangular grid: `rowspan` and `colspan` resolved, so that each data row
//! sees the cell that covers each column, wherever that cell was written.

use scraper::ElementRef;

/// A table's header names and its data rows laid out under them.
pub(crate) struct Grid<'a> {
    /// The header cells' text, whitespace collapsed, one per column.
    pub headers: Vec<String>,
    /// The data rows, each `headers.len()` slots wide.
    pub rows: Vec<GridRow<'a>>,
}

/// One data row of a [`Grid`].
pub(crate) struct GridRow<'a> {
    /// 1-based position of the row among the table's data rows, for error messages.
    pub number: usize,
    /// One slot per column; `None` where the row is shorter than the header.
    pub slots: Vec<Option<Slot<'a>>>,
}

/// The cell covering one column of one row.
#[derive(Clone, Copy)]
pub(crate) struct Slot<'a> {
    /// The `<td>`/`<th>` element.
    pub cell: ElementRef<'a>,
    /// Whether the cell was written in this row (false: it spans down from an earlier row).
    pub starts_here: bool,
}

/// Why a table could not be laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum GridError {
    /// A data row has more cells than the header has columns.
    TooManyCells {
        row: usize,
        cells: usize,
        columns: usize,
    },
    /// A cell's `rowspan` reaches past the last row of the table.
    RowspanPastEnd {
        text: String,
        row: usize,
        column: usize,
        rowspan: usize,
        missing: usize,
    },
}

impl std::fmt::Display for GridError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GridError::TooManyCells {
                row,
                cells,
                columns,
            } => write!(
                f,
                "data row {row} covers {cells} columns but the header has only {columns}"
            ),
            GridError::RowspanPastEnd {
                text,
                row,
                column,
                rowspan,
                missing,
            } => write!(
                f,
                "the cell {text:?} in data row {row}, column {column} has rowspan=\"{rowspan}\" but the table ends {missing} row(s) before it does"
            ),
        }
    }
}

/// The rows of `table`, looking through `<thead>`, `<tbody>` and `<tfoot>` but not into nested
/// tables.
pub(crate) fn table_rows(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    let mut rows = Vec::new();
    for child in table.children().filter_map(ElementRef::wrap) {
        match child.value().name() {
            "tr" => rows.push(child),
            "thead" | "tbody" | "tfoot" => rows.extend(
                child
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|row| row.value().name() == "tr"),
            ),
            _ => {}
        }
    }
    rows
}

fn row_cells(row: ElementRef<'_>) -> impl Iterator<Item = ElementRef<'_>> {
    row.children()
        .filter_map(ElementRef::wrap)
        .filter(|cell| matches!(cell.value().name(), "td" | "th"))
}

fn span(cell: ElementRef<'_>, attribute: &str) -> Option<usize> {
    cell.value()
        .attr(attribute)
        .and_then(|value| value.trim().parse::<usize>().ok())
}

/// The header names of `table`: the text of the cells of its first row made only of `<th>`.
/// `None` for a table without such a row (layout tables such as 2019's breadcrumbs).
pub(crate) fn header_names(table: ElementRef<'_>) -> Option<Vec<String>> {
    let rows = table_rows(table);
    let header = rows.iter().find(|row| is_header_row(**row))?;
    Some(header_cells(*header))
}

fn is_header_row(row: ElementRef<'_>) -> bool {
    let mut cells = row_cells(row).peekable();
    cells.peek().is_some() && cells.all(|cell| cell.value().name() == "th")
}

fn header_cells(row: ElementRef<'_>) -> Vec<String> {
    let mut names = Vec::new();
    for cell in row_cells(row) {
        let name = super::text::collapsed_text(cell);
        let width = span(cell, "colspan").unwrap_or(1).max(1);
        names.extend(std::iter::repeat_n(name, width));
    }
    names
}

/// Lays out the data rows (those after the header row) of a table that has a header row.
pub(crate) fn layout(table: ElementRef<'_>) -> Result<Grid<'_>, GridError> {
    let rows = table_rows(table);
    let header_index = rows
        .iter()
        .position(|row| is_header_row(*row))
        .expect("layout is only called on tables with a header row");
    let headers = header_cells(rows[header_index]);
    let columns = headers.len();

    // For each column: the cell spanning down into later rows, how many more rows it covers,
    // and where it came from (for the error when it runs off the end).
    struct Carry<'a> {
        cell: ElementRef<'a>,
        remaining: usize,
        row: usize,
        rowspan: usize,
    }
    let mut carried: Vec<Option<Carry<'_>>> = (0..columns).map(|_| None).collect();
    let mut grid_rows = Vec::new();

    for (offset, row) in rows[header_index + 1..].iter().enumerate() {
        let number = offset + 1;
        let mut slots: Vec<Option<Slot<'_>>> = vec![None; columns];
        for (column, carry) in carried.iter_mut().enumerate() {
            if let Some(active) = carry {
                slots[column] = Some(Slot {
                    cell: active.cell,
                    starts_here: false,
                });
                active.remaining -= 1;
                if active.remaining == 0 {
                    *carry = None;
                }
            }
        }
        let mut column = 0;
        for cell in row_cells(*row) {
            while column < columns && slots[column].is_some() {
                column += 1;
            }
            let width = span(cell, "colspan").unwrap_or(1).max(1);
            let covered = column + width;
            if covered > columns {
                return Err(GridError::TooManyCells {
                    row: number,
                    cells: covered,
                    columns,
                });
            }
            // rowspan="0" means "to the end of the table section": never past the end.
            let rowspan = match span(cell, "rowspan") {
                Some(0) => rows.len() - header_index - number,
                Some(n) => n,
                None => 1,
            }
            .max(1);
            for slot in &mut slots[column..covered] {
                *slot = Some(Slot {
                    cell,
                    starts_here: true,
                });
            }
            if rowspan > 1 {
                for carry in &mut carried[column..covered] {
                    *carry = Some(Carry {
                        cell,
                        remaining: rowspan - 1,
                        row: number,
                        rowspan,
                    });
                }
            }
            column = covered;
        }
        grid_rows.push(GridRow { number, slots });
    }

    if let Some((column, carry)) = carried
        .iter()
        .enumerate()
        .find_map(|(column, carry)| carry.as_ref().map(|carry| (column, carry)))
    {
        let mut text = super::text::collapsed_text(carry.cell);
        if let Some((cut, _)) = text.char_indices().nth(60) {
            text.truncate(cut);
            text.push_str("...");
        }
        return Err(GridError::RowspanPastEnd {
            text,
            row: carry.row,
            column: column + 1,
            rowspan: carry.rowspan,
            missing: carry.remaining,
        });
    }

    Ok(Grid {
        headers,
        rows: grid_rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn with_table<T>(html: &str, f: impl FnOnce(ElementRef<'_>) -> T) -> T {
        let document = Html::parse_document(html);
        let selector = Selector::parse("table").unwrap();
        let table = document.select(&selector).next().unwrap();
        f(table)
    }

    fn texts(grid: &Grid<'_>) -> Vec<Vec<String>> {
        grid.rows
            .iter()
            .map(|row| {
                row.slots
                    .iter()
                    .map(|slot| match slot {
                        None => "-".to_string(),
                        Some(slot) => {
                            let text = super::super::text::collapsed_text(slot.cell);
                            if slot.starts_here {
                                text
                            } else {
                                format!("^{text}")
                            }
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn rowspans_fill_the_columns_they_cover() {
        let html = r#"<table><thead><tr><th>A</th><th>B</th><th>C</th></tr></thead>
            <tr><td rowspan="3">a1</td><td>b1</td><td rowspan="2">c1</td></tr>
            <tr><td>b2</td></tr>
            <tr><td>b3</td><td>c3</td></tr>
            <tr><td>a4</td><td>b4</td><td>c4</td></tr></table>"#;
        with_table(html, |table| {
            let grid = layout(table).unwrap();
            assert_eq!(grid.headers, ["A", "B", "C"]);
            assert_eq!(
                texts(&grid),
                [
                    ["a1", "b1", "c1"],
                    ["^a1", "b2", "^c1"],
                    ["^a1", "b3", "c3"],
                    ["a4", "b4", "c4"],
                ]
            );
        });
    }

    #[test]
    fn colspans_and_short_rows() {
        let html = r#"<table><tr><th colspan="2">AB</th><th>C</th></tr>
            <tr><td colspan="2">ab</td><td>c</td></tr>
            <tr><td>a</td></tr></table>"#;
        with_table(html, |table| {
            let grid = layout(table).unwrap();
            assert_eq!(grid.headers, ["AB", "AB", "C"]);
            assert_eq!(texts(&grid), [["ab", "ab", "c"], ["a", "-", "-"]]);
        });
    }

    #[test]
    fn a_rowspan_past_the_end_is_an_error() {
        let html = r#"<table><tr><th>A</th><th>B</th></tr>
            <tr><td>a1</td><td>b1</td></tr>
            <tr><td rowspan="4">a2</td><td>b2</td></tr>
            <tr><td>b3</td></tr></table>"#;
        with_table(html, |table| {
            let error = layout(table).err().unwrap();
            assert_eq!(
                error,
                GridError::RowspanPastEnd {
                    text: "a2".into(),
                    row: 2,
                    column: 1,
                    rowspan: 4,
                    missing: 2
                }
            );
            assert_eq!(
                error.to_string(),
                "the cell \"a2\" in data row 2, column 1 has rowspan=\"4\" but the table ends 2 row(s) before it does"
            );
        });
    }

    #[test]
    fn too_many_cells_is_an_error() {
        let html = r#"<table><tr><th>A</th></tr><tr><td>a</td><td>b</td></tr></table>"#;
        with_table(html, |table| {
            assert_eq!(
                layout(table).err().unwrap(),
                GridError::TooManyCells {
                    row: 1,
                    cells: 2,
                    columns: 1
                }
            );
        });
    }

    #[test]
    fn tables_without_a_header_row_have_no_headers() {
        let html = r#"<table summary="Breadcrumbs"><tr><td>home</td></tr></table>"#;
        with_table(html, |table| assert_eq!(header_names(table), None));
    }
}
