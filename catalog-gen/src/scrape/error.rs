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
    /// Bytes that are not a Markdown page.
    #[error("the input is not a Markdown page: {reason}")]
    NotMarkdown {
        /// What gave it away.
        reason: String,
    },
    /// A Markdown page whose "Topics" list names sections it does not contain: the end of the
    /// file is missing.
    #[error(
        "the page is truncated: its Topics list names the section(s) {missing:?}, which the page does not contain (its last characters are {tail:?})"
    )]
    MissingTopics {
        /// The headings listed under "Topics" but absent.
        missing: Vec<String>,
        /// The last few characters of the input.
        tail: String,
    },
    /// A Markdown section every service page has is not there.
    #[error("the page has no \"{section}\" section; its sections are {found:?}")]
    MissingSection {
        /// The heading's fixed start, for example "Actions defined by".
        section: &'static str,
        /// The `##` headings the page has.
        found: Vec<String>,
    },
    /// A Markdown `##` heading that no known section starts with.
    #[error("line {line}: section heading {heading:?} is not one of the known sections ({known})")]
    UnknownSection {
        /// 1-based line of the heading.
        line: usize,
        /// The heading text.
        heading: String,
        /// The known heading starts.
        known: String,
    },
    /// A Markdown section that occurs twice.
    #[error("line {line}: the page has a second \"{section}\" section")]
    RepeatedSection {
        /// The heading's fixed start.
        section: &'static str,
        /// 1-based line of the second heading.
        line: usize,
    },
    /// A list item, table row or table of a Markdown section that does not say what that
    /// section's entries say.
    #[error("{section} section, {entry} (line {line}){}: {message}", subject.as_ref().map(|s| format!(" ({s})")).unwrap_or_default())]
    Entry {
        /// Which section, for example "Actions".
        section: &'static str,
        /// "item 3", "table row 2" or "table".
        entry: String,
        /// 1-based line in the input.
        line: usize,
        /// The action, operation, resource type or key the entry belongs to, when known.
        subject: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// A Markdown page that names no URL of its own, with no source URL given.
    #[error(
        "the page has no top anchor <a name=\"list_...\"> to derive its URL from and no source URL was given"
    )]
    NoMarkdownSourceUrl,
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
