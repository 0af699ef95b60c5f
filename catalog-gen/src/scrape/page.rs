//! The page around the tables: is it HTML at all, where does it live, which service is it, and
//! which heading introduces each table.

use super::error::ScrapeError;
use super::text::{
    collapsed_text, decode, is_service_sentence, service_sentence, tail, Undecodable,
};
use crate::model::Service;
use scraper::{ElementRef, Html, Selector};
use std::sync::LazyLock;

/// The input as HTML text, or why it cannot be a whole page.
pub(crate) fn html_text(bytes: &[u8]) -> Result<&str, ScrapeError> {
    let text = decode(bytes).map_err(|error| match error {
        Undecodable::Empty => ScrapeError::Empty,
        Undecodable::NotText(reason) => ScrapeError::NotHtml { reason },
    })?;
    let trimmed = text.trim_end();
    let ends_with_html = trimmed
        .get(trimmed.len().saturating_sub(7)..)
        .is_some_and(|end| end.eq_ignore_ascii_case("</html>"));
    if !ends_with_html {
        return Err(ScrapeError::Truncated {
            tail: tail(trimmed, 40),
        });
    }
    Ok(text)
}

static CANONICAL: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse(r#"link[rel="canonical"]"#).expect("valid selector"));
static PARAGRAPH: LazyLock<Selector> =
    LazyLock::new(|| Selector::parse("p").expect("valid selector"));

/// The `href` of `<link rel="canonical">`.
pub(crate) fn canonical_url(document: &Html) -> Option<String> {
    document
        .select(&CANONICAL)
        .filter_map(|link| link.value().attr("href"))
        .map(str::trim)
        .find(|href| !href.is_empty())
        .map(str::to_owned)
}

/// The service's name and prefix from the sentence "Amazon SageMaker (service prefix:
/// `sagemaker`) provides ...": the first paragraph that has the sentence decides.
pub(crate) fn service(document: &Html) -> Result<Service, ScrapeError> {
    document
        .select(&PARAGRAPH)
        .map(collapsed_text)
        .find(|text| is_service_sentence(text))
        .and_then(|text| service_sentence(&text))
        .ok_or(ScrapeError::NoServicePrefix)
}

/// A table and the heading that precedes it in document order.
pub(crate) struct LocatedTable<'a> {
    pub table: ElementRef<'a>,
    pub heading: Option<String>,
}

impl LocatedTable<'_> {
    /// The August 2026 layout lists permission-only actions in a table of their own, under a
    /// heading that says so.
    pub(crate) fn is_permission_only(&self) -> bool {
        self.heading.as_deref().is_some_and(|heading| {
            let heading = heading.to_ascii_lowercase();
            heading.contains("permission-only") || heading.contains("permission only")
        })
    }
}

/// Every `<table>` of the document in order, each with the last heading (`<h1>`..`<h6>`) before
/// it.
pub(crate) fn tables(document: &Html) -> Vec<LocatedTable<'_>> {
    let mut heading = None;
    let mut tables = Vec::new();
    for element in document
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
    {
        match element.value().name() {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => heading = Some(collapsed_text(element)),
            "table" => tables.push(LocatedTable {
                table: element,
                heading: heading.clone(),
            }),
            _ => {}
        }
    }
    tables
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_checks_name_the_problem() {
        assert!(matches!(html_text(b""), Err(ScrapeError::Empty)));
        assert!(matches!(html_text(b" \n\t"), Err(ScrapeError::Empty)));
        let binary = html_text(b"\x89PNG\r\n\x1a\n\0\0\0").unwrap_err();
        assert!(
            binary.to_string().contains("NUL byte at offset 8"),
            "{binary}"
        );
        let latin1 = html_text(b"<html>caf\xe9</html>").unwrap_err();
        assert!(latin1.to_string().contains("not UTF-8"), "{latin1}");
        let cut = html_text(b"<html><body><table><tr><td>Add").unwrap_err();
        assert!(cut.to_string().contains("truncated"), "{cut}");
        assert!(html_text(b"<html></HTML>\n").is_ok());
    }

    #[test]
    fn service_comes_from_the_prefix_sentence() {
        let document = Html::parse_document(
            "<html><p>Amazon  SageMaker (service prefix: <code class=\"code\">sagemaker</code>) provides</p></html>",
        );
        assert_eq!(
            service(&document).unwrap(),
            Service {
                name: "Amazon SageMaker".into(),
                prefix: "sagemaker".into()
            }
        );
        let none = Html::parse_document("<html><p>no prefix here</p></html>");
        assert!(matches!(service(&none), Err(ScrapeError::NoServicePrefix)));
    }
}
