//! Why a page could not be scraped. Every message names the table, row and action involved, so
//! that someone holding the page can find the spot.

/// A page that cannot be turned into a [`crate::model::Catalog`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScrapeError {
    /// Zero bytes, or only whitespace.
    #[error("the input is empty")]
    Empty,
    /// Bytes that are not HTML text.
    #[error("the input is not an HTML page: {reason}")]
    NotHtml {
        /// What gave it away.
        reason: String,
    },
    /// The page stops before `</html>`: an interrupted download or a cut file.
    #[error("the page is truncated: it does not end with </html> (its last bytes are {tail:?})")]
    Truncated {
        /// The last few characters of the input.
        tail: String,
    },
    /// A table with header cells that no known layout uses.
    #[error(
        "table {index} of the page has headers {headers:?}, which match no known layout; known header sets: {known}"
    )]
    UnknownHeaders {
        /// 1-based position of the table among the page's tables.
        index: usize,
        /// The headers found.
        headers: Vec<String>,
        /// The header sets that would have been recognised.
        known: String,
    },
    /// A table every service page has is not there.
    #[error("the page has no {table} table; the tables it has carry the headers {found:?}")]
    MissingTable {
        /// Which table.
        table: &'static str,
        /// The header lists of the tables that are there.
        found: Vec<Vec<String>>,
    },
    /// A table that must occur once occurs more often.
    #[error("the page has {count} {table} tables; expected one")]
    RepeatedTable {
        /// Which table.
        table: &'static str,
        /// How many.
        count: usize,
    },
    /// A cell or row that does not say what that table's rows say.
    #[error("{table} table, data row {row}{}: {message}", subject.as_ref().map(|s| format!(" ({s})")).unwrap_or_default())]
    Row {
        /// Which table.
        table: &'static str,
        /// 1-based data row.
        row: usize,
        /// The action, resource type or key the row belongs to, when known.
        subject: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// The page does not say the service's name and prefix.
    #[error(
        "the page does not name its service: no text of the form \"NAME (service prefix: PREFIX)\""
    )]
    NoServicePrefix,
    /// Neither the page nor the caller says where the page lives.
    #[error("the page has no <link rel=\"canonical\"> and no source URL was given")]
    NoSourceUrl,
    /// The data the page yields breaks an invariant of the catalog.
    #[error("{0}")]
    Invalid(#[from] crate::check::InvariantError),
}

impl ScrapeError {
    /// An error about one data row of `table`.
    pub(crate) fn row(
        table: &'static str,
        row: &super::grid::GridRow<'_>,
        subject: Option<String>,
        message: &str,
    ) -> ScrapeError {
        ScrapeError::Row {
            table,
            row: row.number,
            subject,
            message: message.to_owned(),
        }
    }
}
