//! The page as numbered lines cut into its `##` sections, each section known by how its heading
//! starts ("Actions defined by ..."), never by where it stands or by the service's name in it.

use crate::scrape::error::ScrapeError;

/// The sections of a Markdown service page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SectionKind {
    /// "API operations defined by ...": a list of operations.
    Operations,
    /// "Actions defined by ...": a list of actions.
    Actions,
    /// "Permission-only actions for ...": a list or a table of actions.
    PermissionOnly,
    /// "Resource types defined by ...": a table.
    ResourceTypes,
    /// "Condition keys for ...": a table.
    ConditionKeys,
}

impl SectionKind {
    const ALL: [SectionKind; 5] = [
        SectionKind::Operations,
        SectionKind::Actions,
        SectionKind::PermissionOnly,
        SectionKind::ResourceTypes,
        SectionKind::ConditionKeys,
    ];

    /// The fixed start of the section's heading; the service's name follows it.
    pub(super) const fn heading_start(self) -> &'static str {
        match self {
            SectionKind::Operations => "API operations defined by",
            SectionKind::Actions => "Actions defined by",
            SectionKind::PermissionOnly => "Permission-only actions for",
            SectionKind::ResourceTypes => "Resource types defined by",
            SectionKind::ConditionKeys => "Condition keys for",
        }
    }

    /// How error messages name the section.
    pub(super) const fn title(self) -> &'static str {
        match self {
            SectionKind::Operations => "API operations",
            SectionKind::Actions => "Actions",
            SectionKind::PermissionOnly => "Permission-only actions",
            SectionKind::ResourceTypes => "Resource types",
            SectionKind::ConditionKeys => "Condition keys",
        }
    }

    fn of_heading(heading: &str) -> Option<SectionKind> {
        SectionKind::ALL
            .into_iter()
            .find(|kind| heading.starts_with(kind.heading_start()))
    }

    fn known() -> String {
        SectionKind::ALL
            .map(|kind| format!("{:?}", kind.heading_start()))
            .join(", ")
    }
}

/// One line of the input.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'t> {
    /// 1-based.
    pub number: usize,
    /// The line without its line break.
    pub text: &'t str,
    /// The input ends with this line: a malformed last line is most likely a cut file.
    pub is_last: bool,
}

impl Line<'_> {
    /// `message`, plus the likely reason when the page stops on this line.
    pub(super) fn explain(&self, message: String) -> String {
        if self.is_last {
            format!("{message}; the page ends here, so it is probably truncated")
        } else {
            message
        }
    }
}

/// A `##` section: its heading and the lines up to the next `##` heading.
#[derive(Debug)]
pub(super) struct Section<'t> {
    pub kind: SectionKind,
    pub body: Vec<Line<'t>>,
}

/// The page: the lines before the first section (title, service sentence, references, topics)
/// and the sections.
#[derive(Debug)]
pub(super) struct Document<'t> {
    pub preamble: Vec<Line<'t>>,
    pub headings: Vec<String>,
    sections: Vec<Section<'t>>,
}

impl<'t> Document<'t> {
    /// Cuts `text` into sections. Unknown or repeated `##` headings are errors: a section this
    /// reader does not know would otherwise be dropped without a word.
    pub(super) fn parse(text: &'t str) -> Result<Document<'t>, ScrapeError> {
        let total = text.lines().count();
        let mut document = Document {
            preamble: Vec::new(),
            headings: Vec::new(),
            sections: Vec::new(),
        };
        for (index, text) in text.lines().enumerate() {
            let line = Line {
                number: index + 1,
                text,
                is_last: index + 1 == total,
            };
            let Some(heading) = text.strip_prefix("## ") else {
                match document.sections.last_mut() {
                    Some(section) => section.body.push(line),
                    None => document.preamble.push(line),
                }
                continue;
            };
            let heading = heading.trim();
            let kind =
                SectionKind::of_heading(heading).ok_or_else(|| ScrapeError::UnknownSection {
                    line: line.number,
                    heading: heading.to_owned(),
                    known: SectionKind::known(),
                })?;
            if document.section(kind).is_some() {
                return Err(ScrapeError::RepeatedSection {
                    section: kind.heading_start(),
                    line: line.number,
                });
            }
            document.headings.push(heading.to_owned());
            document.sections.push(Section {
                kind,
                body: Vec::new(),
            });
        }
        Ok(document)
    }

    /// The section of this kind, if the page has it.
    pub(super) fn section(&self, kind: SectionKind) -> Option<&Section<'t>> {
        self.sections.iter().find(|section| section.kind == kind)
    }

    /// The section of this kind, which every page has.
    pub(super) fn required(&self, kind: SectionKind) -> Result<&Section<'t>, ScrapeError> {
        self.section(kind)
            .ok_or_else(|| ScrapeError::MissingSection {
                section: kind.heading_start(),
                found: self.headings.clone(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_known_by_their_heading_start() {
        let text =
            "# Title\nintro\n## Actions defined by X Y\n- a\n## Condition keys for X Y\n| t |";
        let document = Document::parse(text).unwrap();
        assert_eq!(document.preamble.len(), 2);
        assert_eq!(
            document.headings,
            ["Actions defined by X Y", "Condition keys for X Y"]
        );
        let actions = document.required(SectionKind::Actions).unwrap();
        assert_eq!(actions.body[0].text, "- a");
        assert_eq!(actions.body[0].number, 4);
        let keys = document.section(SectionKind::ConditionKeys).unwrap();
        assert!(keys.body[0].is_last);
        let missing = document.required(SectionKind::Operations).unwrap_err();
        assert!(
            missing
                .to_string()
                .contains("no \"API operations defined by\" section"),
            "{missing}"
        );
    }

    #[test]
    fn unknown_and_repeated_sections_are_refused() {
        let unknown = Document::parse("## Examples for X\n").unwrap_err();
        assert!(
            unknown
                .to_string()
                .starts_with("line 1: section heading \"Examples for X\""),
            "{unknown}"
        );
        let repeated =
            Document::parse("## Actions defined by X\n\n## Actions defined by X\n").unwrap_err();
        assert_eq!(
            repeated.to_string(),
            "line 3: the page has a second \"Actions defined by\" section"
        );
    }
}
