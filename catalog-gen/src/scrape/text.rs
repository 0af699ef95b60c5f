//! Reading text out of cells the way the page means it.

use crate::model::Service;
use ego_tree::iter::Edge;
use scraper::{ElementRef, Node};

/// Why bytes are not a text document at all.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Undecodable {
    /// Nothing but whitespace.
    Empty,
    /// Binary data or another encoding; the reason names the offending byte.
    NotText(String),
}

/// The input as UTF-8 text, for any page format: empty, binary and non-UTF-8 input is refused
/// before a parser could misread it.
pub(crate) fn decode(bytes: &[u8]) -> Result<&str, Undecodable> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Undecodable::Empty);
    }
    if let Some(offset) = bytes.iter().position(|&byte| byte == 0) {
        return Err(Undecodable::NotText(format!(
            "it contains a NUL byte at offset {offset} (binary data)"
        )));
    }
    std::str::from_utf8(bytes).map_err(|error| {
        Undecodable::NotText(format!(
            "it is not UTF-8 text (invalid byte at offset {})",
            error.valid_up_to()
        ))
    })
}

/// The last `count` characters of `text`, for messages about where a cut input stops.
pub(crate) fn tail(text: &str, count: usize) -> String {
    let start = text
        .char_indices()
        .rev()
        .nth(count.saturating_sub(1))
        .map_or(0, |(at, _)| at);
    text[start..].to_owned()
}

const PREFIX_MARKER: &str = "(service prefix:";

/// Whether `text` is the sentence that names the service.
pub(crate) fn is_service_sentence(text: &str) -> bool {
    text.contains(PREFIX_MARKER)
}

/// The service named by the sentence "Amazon SageMaker (service prefix: sagemaker) provides
/// ...", in plain text; the prefix may still carry Markdown's backticks. `None` when the name or
/// prefix is missing or the prefix is not one word.
pub(crate) fn service_sentence(text: &str) -> Option<Service> {
    let at = text.find(PREFIX_MARKER)?;
    let name = collapse(&text[..at]);
    let prefix = text[at + PREFIX_MARKER.len()..]
        .split(')')
        .next()
        .map(|prefix| collapse(prefix).trim_matches('`').to_owned())
        .unwrap_or_default();
    if name.is_empty() || prefix.is_empty() || prefix.contains(char::is_whitespace) {
        return None;
    }
    Some(Service { name, prefix })
}

/// Joins the words of `text` with single spaces.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// All text inside `element`, whitespace collapsed. Block boundaries (`<p>`, `<br>`, ...) separate
/// words; inline elements (`<a>`, `<code>`, `<span>`) do not.
pub(crate) fn collapsed_text(element: ElementRef<'_>) -> String {
    let mut raw = String::new();
    for edge in element.traverse() {
        match edge {
            Edge::Open(node) | Edge::Close(node) => match node.value() {
                Node::Text(text) => {
                    if let Edge::Open(_) = edge {
                        raw.push_str(text);
                    }
                }
                Node::Element(tag) if is_block(tag.name()) => raw.push(' '),
                _ => {}
            },
        }
    }
    collapse(&raw)
}

fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "br"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "td"
            | "th"
            | "tr"
            | "table"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
    )
}

/// The entries of a list cell: one per `<p>` when the cell has paragraphs, else the whole text as
/// one entry. Empty cells have none.
pub(crate) fn list_items(cell: ElementRef<'_>) -> Vec<String> {
    let paragraphs: Vec<String> = cell
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| element.value().name() == "p")
        .map(collapsed_text)
        .filter(|text| !text.is_empty())
        .collect();
    if !paragraphs.is_empty() {
        return paragraphs;
    }
    let text = collapsed_text(cell);
    if text.is_empty() {
        Vec::new()
    } else {
        vec![text]
    }
}

/// The entries of a list cell of names that never contain whitespace (condition keys, actions):
/// like [`list_items`], with all whitespace removed, because some pages split `${` across
/// `<span>`s with line breaks between them.
pub(crate) fn name_items(cell: ElementRef<'_>) -> Vec<String> {
    list_items(cell)
        .iter()
        .map(|item| without_whitespace(item))
        .collect()
}

/// `text` with every whitespace character removed.
pub(crate) fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The first link in `element` that leaves the page (not a `#fragment`).
pub(crate) fn external_link(element: ElementRef<'_>) -> Option<String> {
    element
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| element.value().name() == "a")
        .filter_map(|anchor| anchor.value().attr("href"))
        .map(str::trim)
        .find(|href| !href.is_empty() && !href.starts_with('#'))
        .map(str::to_owned)
}

/// The ARN templates in a cell: one per `<code>` element, or the whole text when there is none.
/// The page splits `${` across `<span>`s and pretty-printing adds line breaks inside the template;
/// an ARN never contains whitespace, so all of it is removed.
pub(crate) fn arn_templates(cell: ElementRef<'_>) -> Vec<String> {
    let codes: Vec<ElementRef<'_>> = cell
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|element| element.value().name() == "code")
        .collect();
    let sources = if codes.is_empty() { vec![cell] } else { codes };
    sources
        .into_iter()
        .map(|element| without_whitespace(&element.text().collect::<String>()))
        .filter(|arn| !arn.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn first<T>(html: &str, tag: &str, f: impl FnOnce(ElementRef<'_>) -> T) -> T {
        let document = Html::parse_fragment(html);
        let selector = Selector::parse(tag).unwrap();
        f(document.select(&selector).next().unwrap())
    }

    #[test]
    fn arn_split_across_spans_is_reassembled() {
        let html = "<div><code class=\"code\">\n arn:$\n <span>\n {\n </span>\n Partition}:sagemaker:$<span>{</span>Region}:$<span>{</span>Account}:training-job/$\n<span>{</span>\n TrainingJobName}\n</code></div>";
        let arns = first(html, "div", arn_templates);
        assert_eq!(
            arns,
            ["arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}"]
        );
    }

    #[test]
    fn list_items_prefer_paragraphs() {
        let html = "<div><p> <a href=\"#k\">aws:TagKeys</a> </p><p>\n sagemaker:ModelLifeCycle:Stage </p></div>";
        assert_eq!(
            first(html, "div", list_items),
            ["aws:TagKeys", "sagemaker:ModelLifeCycle:Stage"]
        );
        assert_eq!(
            first("<div> iam:PassRole </div>", "div", list_items),
            ["iam:PassRole"]
        );
        assert!(first("<div> \n </div>", "div", list_items).is_empty());
    }

    #[test]
    fn names_split_across_spans_are_rejoined() {
        let html = "<div><p><a href=\"#k\"> aws:RequestTag/$\n <span>\n {\n </span>\n TagKey}</a></p></div>";
        assert_eq!(first(html, "div", name_items), ["aws:RequestTag/${TagKey}"]);
    }

    #[test]
    fn external_link_skips_fragments() {
        let html = "<div><a id=\"x\"></a><a href=\"#frag\">x</a><a href=\" https://example.com/a \">a</a></div>";
        assert_eq!(
            first(html, "div", external_link).as_deref(),
            Some("https://example.com/a")
        );
    }

    #[test]
    fn inline_elements_do_not_split_words() {
        let html = "<div>Grants <code>Create</code>Job<p>next</p>para<br>end</div>";
        assert_eq!(
            first(html, "div", collapsed_text),
            "Grants CreateJob next para end"
        );
    }

    #[test]
    fn service_sentence_takes_name_and_prefix() {
        assert_eq!(
            service_sentence("AWS Step  Functions (service prefix: `states`) provides"),
            Some(Service {
                name: "AWS Step Functions".into(),
                prefix: "states".into()
            })
        );
        assert_eq!(
            service_sentence("X (service prefix: two words) provides"),
            None
        );
        assert_eq!(service_sentence(" (service prefix: x)"), None);
        assert_eq!(service_sentence("no sentence"), None);
    }

    #[test]
    fn tail_counts_characters() {
        assert_eq!(tail("abcdef", 3), "def");
        assert_eq!(tail("ab", 5), "ab");
        assert_eq!(tail("a\u{e9}b", 2), "\u{e9}b");
    }

    #[test]
    fn collapse_joins_words_once() {
        assert_eq!(
            collapse("  Grants\n   permission  to\tdo "),
            "Grants permission to do"
        );
    }
}
