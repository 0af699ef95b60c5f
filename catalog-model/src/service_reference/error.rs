//! Why a service reference document could not be read. Every message names the place (for
//! example `Actions[12] ("CreateTrainingJob")`) so that someone holding the file can find it.

use crate::check::InvariantError;

/// A service reference document (or the service list) that cannot be turned into a catalog.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServiceReferenceError {
    /// Zero bytes, or only whitespace.
    #[error("the input is empty")]
    Empty,
    /// Bytes that are not JSON at all, most often an HTML error page saved in place of the file.
    #[error("the input is not JSON: {reason}")]
    NotJson {
        /// What gave it away.
        reason: String,
    },
    /// The JSON stops in the middle: an interrupted download or a cut file.
    #[error("the JSON is truncated: it ends at line {line}, column {column} before the document is complete")]
    Truncated {
        /// 1-based line of the end of input.
        line: usize,
        /// 1-based column of the end of input.
        column: usize,
    },
    /// JSON with a syntax error.
    #[error("the JSON is malformed at line {line}, column {column}: {message}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// Well-formed JSON whose top level is not what this reader expects.
    #[error("the JSON is {found}, but {expected}")]
    Shape {
        /// What the top level is, for example "an array of 3 elements".
        found: String,
        /// What the document should be, and a hint at what it may be instead.
        expected: &'static str,
    },
    /// A field that is missing, of the wrong type, or empty.
    #[error("{at}: {message}")]
    Field {
        /// Where: `the document`, `Actions[12] ("CreateTrainingJob")`, `Operations[3] ("X").SDK[0]`.
        at: String,
        /// What is wrong, naming the field, for example `field "Resources" must be an array, found a string`.
        message: String,
    },
    /// The catalog the document yields breaks an invariant of the catalog.
    #[error("{0}")]
    Invalid(#[from] InvariantError),
}
