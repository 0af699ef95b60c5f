//! Inline Markdown as the pages write it: `[text](url)` links, backslash escapes (`\*`), code
//! spans, and `<br />` between the entries of one field or cell.

use crate::scrape::text::{collapse, without_whitespace};

/// The text of inline Markdown, as a reader sees it: links reduced to their text, escapes
/// resolved, code spans without their backticks (as the HTML page's `<code>` loses its tags),
/// `<br />` as a word break, whitespace collapsed.
pub(super) fn plain(raw: &str) -> String {
    collapse(&read(raw).text)
}

/// The target of the first link that leaves the page (not a `#fragment`).
pub(super) fn external_link(raw: &str) -> Option<String> {
    read(raw)
        .links
        .into_iter()
        .find(|url| !url.is_empty() && !url.starts_with('#'))
}

/// The entries of a field or cell that lists several things, one per `<br />`, each as plain
/// text. Empty fields have none.
pub(super) fn entries(raw: &str) -> Vec<String> {
    split_breaks(raw)
        .map(plain)
        .filter(|entry| !entry.is_empty())
        .collect()
}

/// Like [`entries`], for names that never contain whitespace (condition keys, actions, ARNs).
pub(super) fn names(raw: &str) -> Vec<String> {
    entries(raw)
        .iter()
        .map(|entry| without_whitespace(entry))
        .collect()
}

const BREAKS: [&str; 3] = ["<br />", "<br/>", "<br>"];

fn split_breaks(raw: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(raw);
    std::iter::from_fn(move || {
        let text = rest?;
        let next = BREAKS
            .iter()
            .filter_map(|tag| text.find(tag).map(|at| (at, tag.len())))
            .min();
        match next {
            Some((at, len)) => {
                rest = Some(&text[at + len..]);
                Some(&text[..at])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

struct Read {
    text: String,
    links: Vec<String>,
}

fn read(raw: &str) -> Read {
    let mut read = Read {
        text: String::with_capacity(raw.len()),
        links: Vec::new(),
    };
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        if let Some(tag) = BREAKS.iter().find(|tag| rest.starts_with(**tag)) {
            read.text.push(' ');
            rest = &rest[tag.len()..];
            continue;
        }
        match c {
            '\\' => match rest[1..].chars().next() {
                Some(escaped) if escaped.is_ascii_punctuation() => {
                    read.text.push(escaped);
                    rest = &rest[2..];
                    continue;
                }
                _ => read.text.push('\\'),
            },
            '`' => {}
            '[' => {
                if let Some((text, url, after)) = link(rest) {
                    let inner = self::read(text);
                    read.text.push_str(&inner.text);
                    read.links.push(url.trim().to_owned());
                    read.links.extend(inner.links);
                    rest = after;
                    continue;
                }
                read.text.push('[');
            }
            other => read.text.push(other),
        }
        rest = &rest[c.len_utf8()..];
    }
    read
}

/// `[text](url)` at the start of `raw`: the text, the url and what follows the link.
fn link(raw: &str) -> Option<(&str, &str, &str)> {
    let mut escaped = false;
    let mut close = None;
    for (at, c) in raw.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            ']' => {
                close = Some(at);
                break;
            }
            _ => {}
        }
    }
    let close = close?;
    let after_text = raw[close + 1..].strip_prefix('(')?;
    let end = after_text.find(')')?;
    Some((&raw[1..close], &after_text[..end], &after_text[end + 1..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_their_text() {
        let raw = "  [deliverystream\\*](#list_firehose-resource-deliverystream)  ";
        assert_eq!(plain(raw), "deliverystream*");
        assert_eq!(external_link(raw), None);
        let raw = "[Create](https://docs.aws.amazon.com/x.html) and `code` [b](#frag)";
        assert_eq!(plain(raw), "Create and code b");
        assert_eq!(
            external_link(raw).as_deref(),
            Some("https://docs.aws.amazon.com/x.html")
        );
    }

    #[test]
    fn breaks_separate_entries() {
        let raw = "[aws:RequestTag/${TagKey}](#a)<br />[aws:TagKeys](#b)<br/> ";
        assert_eq!(names(raw), ["aws:RequestTag/${TagKey}", "aws:TagKeys"]);
        assert!(entries("   ").is_empty());
        assert_eq!(plain("one<br />two"), "one two");
    }

    #[test]
    fn escapes_and_stray_brackets_are_kept_as_text() {
        assert_eq!(
            plain("Resource types (\\*required)"),
            "Resource types (*required)"
        );
        assert_eq!(plain("a \\[b] [c] d\\"), "a [b] [c] d\\");
        assert_eq!(plain("[unclosed](no end"), "[unclosed](no end");
    }
}
