use std::fmt;

/// A string that names no item of the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    kind: &'static str,
    input: String,
    suggestion: Option<&'static str>,
}

impl ParseError {
    pub(crate) fn new(kind: &'static str, input: &str) -> Self {
        ParseError {
            kind,
            input: input.to_owned(),
            suggestion: None,
        }
    }

    pub(crate) fn with_suggestion(mut self, suggestion: Option<&'static str>) -> Self {
        self.suggestion = suggestion;
        self
    }

    /// What was being parsed: "action", "resource type", "condition key", ...
    pub fn kind(&self) -> &'static str {
        self.kind
    }

    /// The text that did not parse.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The closest valid name, when one is close enough to be a likely typo.
    pub fn suggestion(&self) -> Option<&'static str> {
        self.suggestion
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?}", self.kind, self.input)?;
        if let Some(suggestion) = self.suggestion {
            write!(f, "; did you mean {suggestion:?}?")?;
        }
        Ok(())
    }
}

impl std::error::Error for ParseError {}
