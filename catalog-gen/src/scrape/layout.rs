//! Which table is which, and which page layout it belongs to, decided from header text alone.

use std::fmt;

/// The tables of a service page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Actions (and, from August 2026, permission-only actions).
    Actions,
    /// Resource types with their ARN formats.
    ResourceTypes,
    /// Condition keys with their types.
    ConditionKeys,
    /// API operations and the IAM actions each authorizes (August 2026 onwards).
    Operations,
}

impl TableKind {
    /// How error messages and reports name the table.
    pub const fn title(self) -> &'static str {
        match self {
            TableKind::Actions => "Actions",
            TableKind::ResourceTypes => "Resource types",
            TableKind::ConditionKeys => "Condition keys",
            TableKind::Operations => "API operations",
        }
    }
}

/// The layouts the page has had, told apart by the actions table's headers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Layout {
    /// 2019 to mid-2020: capitalized headers ("Access Level"), anchors as `<a id>` inside cells.
    Capitalized2019,
    /// Late 2020 to mid-2026: sentence-case headers, ids on the `<td>`s.
    SentenceCase2020,
    /// August 2026: access level last, no dependent actions column, a separate permission-only
    /// actions table and an API operations table.
    Split2026,
    /// The Markdown form of the 2026 layout (`list_<slug>.md`): API operations and actions as
    /// nested bullet lists, resource types and condition keys as pipe tables, permission-only
    /// actions as either.
    Markdown2026,
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Layout::Capitalized2019 => "2019 (capitalized headers)",
            Layout::SentenceCase2020 => "2020 (sentence-case headers)",
            Layout::Split2026 => "2026-08 (split actions tables, API operations)",
            Layout::Markdown2026 => "2026-08 Markdown (bullet-list operations and actions)",
        })
    }
}

struct KnownTable {
    kind: TableKind,
    layout: Layout,
    headers: &'static [&'static str],
}

/// Every header set a known layout uses. Matching is by set, so a reordering of known columns is
/// still recognised; columns are always found by name.
const KNOWN_TABLES: &[KnownTable] = &[
    KnownTable {
        kind: TableKind::Actions,
        layout: Layout::Capitalized2019,
        headers: &[
            "Actions",
            "Description",
            "Access Level",
            "Resource Types (*required)",
            "Condition Keys",
            "Dependent Actions",
        ],
    },
    KnownTable {
        kind: TableKind::Actions,
        layout: Layout::SentenceCase2020,
        headers: &[
            "Actions",
            "Description",
            "Access level",
            "Resource types (*required)",
            "Condition keys",
            "Dependent actions",
        ],
    },
    KnownTable {
        kind: TableKind::Actions,
        layout: Layout::Split2026,
        headers: &[
            "Actions",
            "Description",
            "Resource types (*required)",
            "Condition keys",
            "Access level",
        ],
    },
    KnownTable {
        kind: TableKind::ResourceTypes,
        layout: Layout::Capitalized2019,
        headers: &["Resource Types", "ARN", "Condition Keys"],
    },
    KnownTable {
        kind: TableKind::ResourceTypes,
        layout: Layout::SentenceCase2020,
        headers: &["Resource types", "ARN", "Condition keys"],
    },
    KnownTable {
        kind: TableKind::ConditionKeys,
        layout: Layout::Capitalized2019,
        headers: &["Condition Keys", "Description", "Type"],
    },
    KnownTable {
        kind: TableKind::ConditionKeys,
        layout: Layout::SentenceCase2020,
        headers: &["Condition keys", "Description", "Type"],
    },
    KnownTable {
        kind: TableKind::Operations,
        layout: Layout::Split2026,
        headers: &[
            "API operations",
            "Authorized actions",
            "Condition keys",
            "Condition values",
        ],
    },
];

/// Recognises a table from its header names: its kind and the layout that uses those headers.
pub(crate) fn classify(headers: &[String]) -> Option<(TableKind, Layout)> {
    KNOWN_TABLES
        .iter()
        .find(|known| {
            known.headers.len() == headers.len()
                && known
                    .headers
                    .iter()
                    .all(|name| headers.iter().any(|header| header == name))
        })
        .map(|known| (known.kind, known.layout))
}

/// The header sets of every known layout, for the error on an unknown one.
pub(crate) fn known_header_sets() -> String {
    KNOWN_TABLES
        .iter()
        .map(|known| format!("{} {:?}", known.layout, known.headers))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Column positions found by header name (case-insensitive).
pub(crate) struct Columns<'h> {
    headers: &'h [String],
}

impl<'h> Columns<'h> {
    pub(crate) fn new(headers: &'h [String]) -> Self {
        Columns { headers }
    }

    /// The first column whose header is `name`, ignoring case.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        self.headers
            .iter()
            .position(|header| header.eq_ignore_ascii_case(name))
    }

    /// Like [`Columns::find`], for columns every layout of the table has (checked by
    /// [`classify`]).
    pub(crate) fn get(&self, name: &str) -> usize {
        self.find(name)
            .unwrap_or_else(|| panic!("classify admitted a table without a {name:?} column"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn layouts_are_told_apart_by_headers() {
        let classic = strings(&[
            "Actions",
            "Description",
            "Access level",
            "Resource types (*required)",
            "Condition keys",
            "Dependent actions",
        ]);
        assert_eq!(
            classify(&classic),
            Some((TableKind::Actions, Layout::SentenceCase2020))
        );
        let split = strings(&[
            "Actions",
            "Description",
            "Resource types (*required)",
            "Condition keys",
            "Access level",
        ]);
        assert_eq!(
            classify(&split),
            Some((TableKind::Actions, Layout::Split2026))
        );
        let capitalized = strings(&["Condition Keys", "Description", "Type"]);
        assert_eq!(
            classify(&capitalized),
            Some((TableKind::ConditionKeys, Layout::Capitalized2019))
        );
    }

    #[test]
    fn unknown_headers_are_not_guessed() {
        assert_eq!(classify(&strings(&["Actions", "Description"])), None);
        assert_eq!(
            classify(&strings(&[
                "Resource types",
                "ARN",
                "Condition keys",
                "Extra"
            ])),
            None
        );
    }

    #[test]
    fn columns_are_found_by_name() {
        let headers = strings(&["Condition keys", "Access level"]);
        let columns = Columns::new(&headers);
        assert_eq!(columns.find("access LEVEL"), Some(1));
        assert_eq!(columns.find("Dependent actions"), None);
    }
}
