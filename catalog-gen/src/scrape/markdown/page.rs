//! The page around the sections: is it Markdown text at all, which service, where it lives, and
//! whether all of it is there.

use super::document::{Document, Line};
use super::inline::plain;
use crate::model::Service;
use crate::scrape::error::ScrapeError;
use crate::scrape::text::{decode, is_service_sentence, service_sentence, tail, Undecodable};

/// Where AWS publishes the Service Authorization Reference; each page's Markdown is
/// `<base><slug>.md` beside its HTML `<base><slug>.html`.
const REFERENCE_BASE: &str = "https://docs.aws.amazon.com/service-authorization/latest/reference/";

/// The input as Markdown text, or why it cannot be a page.
pub(super) fn markdown_text(bytes: &[u8]) -> Result<&str, ScrapeError> {
    let text = decode(bytes).map_err(|error| match error {
        Undecodable::Empty => ScrapeError::Empty,
        Undecodable::NotText(reason) => ScrapeError::NotMarkdown { reason },
    })?;
    let start: String = text.trim_start().chars().take(64).collect();
    let start = start.to_ascii_lowercase();
    if start.starts_with("<!doctype html") || start.starts_with("<html") {
        return Err(ScrapeError::NotMarkdown {
            reason: "it is an HTML document; read it as HTML (`--html`, or `--format html`)".into(),
        });
    }
    Ok(text)
}

/// The service from the sentence "Amazon SageMaker (service prefix: `sagemaker`) provides ...",
/// the first line before the sections that has it.
pub(super) fn service(preamble: &[Line<'_>]) -> Result<Service, ScrapeError> {
    preamble
        .iter()
        .map(|line| plain(line.text))
        .find(|text| is_service_sentence(text))
        .and_then(|text| service_sentence(&text))
        .ok_or(ScrapeError::NoServicePrefix)
}

/// The URL of the Markdown document itself. The page does not state its own address, but its
/// first anchor (`<a name="list_sagemaker"></a>` under the title) is the page's file name, which
/// is how AWS names the HTML and Markdown pages: `list_sagemaker` is `.../list_sagemaker.md`.
/// The page's own anchor beats the fetch URL for the same reason the HTML page's canonical link
/// does: the data file should not depend on which mirror the bytes came from.
pub(super) fn source_url(preamble: &[Line<'_>]) -> Option<String> {
    let slug = preamble
        .iter()
        .find_map(|line| line.text.trim().strip_prefix("<a name=\""))?
        .split('"')
        .next()?;
    let is_slug = slug.starts_with("list_")
        && slug
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'));
    is_slug.then(|| format!("{REFERENCE_BASE}{slug}.md"))
}

/// Checks that every section the "Topics" list names is on the page. Markdown has no closing
/// tag to tell a whole file from a cut one; the table of contents at the top is the page's own
/// statement of what follows it.
pub(super) fn check_topics(document: &Document<'_>, text: &str) -> Result<(), ScrapeError> {
    let missing: Vec<String> = topics(&document.preamble)
        .filter(|topic| !document.headings.iter().any(|heading| heading == topic))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(ScrapeError::MissingTopics {
        missing,
        tail: tail(text.trim_end(), 40),
    })
}

/// The titles of the `+ [Title](#anchor)` lines after `**Topics**`.
fn topics<'a>(preamble: &'a [Line<'_>]) -> impl Iterator<Item = String> + 'a {
    preamble
        .iter()
        .skip_while(|line| line.text.trim() != "**Topics**")
        .skip(1)
        .map_while(|line| line.text.trim().strip_prefix("+ "))
        .map(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        text.lines()
            .enumerate()
            .map(|(index, text)| Line {
                number: index + 1,
                text,
                is_last: false,
            })
            .collect()
    }

    #[test]
    fn url_comes_from_the_page_anchor() {
        let preamble = lines("\n# Actions for X\n<a name=\"list_stepfunctions\"></a>\n");
        assert_eq!(
            source_url(&preamble).as_deref(),
            Some("https://docs.aws.amazon.com/service-authorization/latest/reference/list_stepfunctions.md")
        );
        assert_eq!(source_url(&lines("<a name=\"top\"></a>")), None);
        assert_eq!(source_url(&lines("# no anchor")), None);
    }

    #[test]
    fn html_is_not_read_as_markdown() {
        let error = markdown_text(b"\n<!DOCTYPE html><html></html>").unwrap_err();
        assert!(error.to_string().contains("HTML document"), "{error}");
        assert!(matches!(markdown_text(b" \n"), Err(ScrapeError::Empty)));
    }
}
