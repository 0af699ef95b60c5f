use std::fmt;

/// How much a finding matters, in IAM Access Analyzer's terms (plus `Info` for notes such as
/// "this service's actions were not checked").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth knowing; nothing is wrong.
    Info,
    /// A better way to write the same thing.
    Suggestion,
    /// Likely not what was meant.
    Warning,
    /// Grants more than it seems to.
    SecurityWarning,
    /// IAM rejects it, or it cannot do what it says.
    Error,
}

impl Severity {
    /// Access Analyzer's name: `ERROR`, `SECURITY_WARNING`, `WARNING`, `SUGGESTION`, or `INFO`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "INFO",
            Severity::Suggestion => "SUGGESTION",
            Severity::Warning => "WARNING",
            Severity::SecurityWarning => "SECURITY_WARNING",
            Severity::Error => "ERROR",
        }
    }

    /// Every severity, least severe first.
    pub const ALL: [Severity; 5] = [
        Severity::Info,
        Severity::Suggestion,
        Severity::Warning,
        Severity::SecurityWarning,
        Severity::Error,
    ];
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Severity {
    type Err = String;

    /// Accepts the names in any case, with `-` or `_`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let normalized = text.to_ascii_uppercase().replace('-', "_");
        Severity::ALL
            .into_iter()
            .find(|severity| severity.as_str() == normalized)
            .ok_or_else(|| {
                format!("unknown severity {text:?}; expected error, security_warning, warning, suggestion or info")
            })
    }
}

/// One problem found in a policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The issue code; Access Analyzer's where it has one (`INVALID_ACTION`, `MISSING_QUALIFIER`).
    pub code: &'static str,
    /// How much it matters.
    pub severity: Severity,
    /// The statement's index, for findings about one statement.
    pub statement: Option<usize>,
    /// The statement's `Sid`, when it has one.
    pub sid: Option<String>,
    /// The JSON path of the element: `Statement[0].Condition.StringEquals.sagemaker:InstanceTypes`;
    /// empty for findings about the whole policy.
    pub path: String,
    /// What is wrong and what would be valid.
    pub message: String,
    /// The edit that fixes it, when the fix is certain (see [`Fix`]).
    pub fix: Option<Fix>,
}

impl Finding {
    /// What the finding's code means, why it matters, and an example before and after the fix.
    pub fn explanation(&self) -> Option<&'static super::Explanation> {
        super::explain(self.code)
    }
}

/// A suggested fix, offered only where it is certain: the nearest action name for
/// `INVALID_ACTION`, the operator of the one fitting family for `TYPE_MISMATCH`, the replacement
/// of a `DEPRECATED_CONDITION_KEY`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    /// What to change, in words: `replace "sagemaker:CreateTrainingJb" with
    /// "sagemaker:CreateTrainingJob"`.
    pub description: String,
    /// The edit as text to put in place of an element's text, when there is one.
    pub replacement: Option<Replacement>,
}

/// New text for one element of the policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// The JSON path of the element (`Statement[0].Action[1]`,
    /// `Statement[0].Condition.StringEquals`); not always the finding's own path: an operator
    /// fix replaces the name of the block that holds the finding's key.
    pub path: String,
    /// Whether the name (an object key) or the string value at `path` is replaced.
    pub part: ReplacedPart,
    /// The new text, unquoted: `sagemaker:CreateTrainingJob`.
    pub text: String,
}

/// Which text of an element a [`Replacement`] replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplacedPart {
    /// The member's name: a condition operator or a condition key.
    Name,
    /// The string value: an action, a resource.
    Value,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "policy"
        } else {
            &self.path
        };
        write!(f, "{} {} at {path}", self.severity, self.code)?;
        if let Some(sid) = &self.sid {
            write!(f, " (Sid {sid:?})")?;
        }
        write!(f, ": {}", self.message)
    }
}
