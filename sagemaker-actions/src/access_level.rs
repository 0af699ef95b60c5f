use crate::ParseError;
use std::fmt;
use std::str::FromStr;

/// How the Service Authorization Reference classifies what an action does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AccessLevel {
    /// Lists resources ("List").
    List,
    /// Reads resources or their metadata ("Read").
    Read,
    /// Creates, changes or deletes resources ("Write").
    Write,
    /// Grants or changes permissions ("Permissions management").
    PermissionsManagement,
    /// Changes tags only ("Tagging").
    Tagging,
}

impl AccessLevel {
    /// Every level, in the order the reference documents them.
    pub const ALL: &'static [AccessLevel] = &[
        AccessLevel::List,
        AccessLevel::Read,
        AccessLevel::Write,
        AccessLevel::PermissionsManagement,
        AccessLevel::Tagging,
    ];

    /// The text the reference uses: "List", "Read", "Write", "Permissions management",
    /// "Tagging".
    pub const fn as_str(self) -> &'static str {
        match self {
            AccessLevel::List => "List",
            AccessLevel::Read => "Read",
            AccessLevel::Write => "Write",
            AccessLevel::PermissionsManagement => "Permissions management",
            AccessLevel::Tagging => "Tagging",
        }
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AccessLevel {
    type Err = ParseError;

    /// Accepts the reference's text in any case, and the variant name ("PermissionsManagement").
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        AccessLevel::ALL
            .iter()
            .copied()
            .find(|level| {
                level.as_str().eq_ignore_ascii_case(text)
                    || format!("{level:?}").eq_ignore_ascii_case(text)
            })
            .ok_or_else(|| ParseError::new("access level", text))
    }
}
