//! Reading AWS's global condition context keys page (IAM User Guide,
//! `reference_policies_condition-keys`, in its Markdown form) into [`GlobalConditionKeys`].
//!
//! The page documents each key as a `### prefix:Name` section: a paragraph or two of prose
//! ("Use this key to compare ..."), then bullets `- **Availability** – ...`,
//! `- **Data type** – [String](...) (list)` and `- **Value type** – Multivalued`, then examples.
//! Level-2 headings (`## Properties of the network`) group the sections; code blocks hold example
//! policies and are skipped.

use crate::model::{ConditionKey, Deprecation, GlobalConditionKeys, Source, SourceFormat};
use crate::scrape::sha256_hex;
use std::collections::BTreeMap;

/// The page's canonical URL, recorded as the data file's source unless told otherwise.
pub const PAGE_URL: &str =
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html";

/// Why the page could not be read. Messages name the key's heading and its line (1-based).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GlobalKeysError {
    /// Zero bytes, or only whitespace.
    #[error("the input is empty")]
    Empty,
    /// Bytes that are not UTF-8 text.
    #[error("the input is not UTF-8 text (invalid byte at offset {offset})")]
    NotText {
        /// The offset of the first invalid byte.
        offset: usize,
    },
    /// The first line is not the page's title.
    #[error("line {line}: expected the title \"# AWS global condition context keys\", found {found:?}; is this the global condition keys page?")]
    NotThisPage {
        /// The line that was read instead.
        line: usize,
        /// Its text (at most 80 characters).
        found: String,
    },
    /// The title is right but no `### prefix:Key` section follows.
    #[error("the page has its title but no `### prefix:Key` sections")]
    NoKeys,
    /// A key section without a `**Data type**` bullet.
    #[error("line {line}: key {key}: no \"Data type\" property")]
    MissingDataType {
        /// The key as its heading writes it.
        key: String,
        /// The heading's line.
        line: usize,
    },
    /// A data type this reader does not know.
    #[error("line {line}: key {key}: unknown data type {text:?} (known: String, ARN, Boolean, Numeric, Date, IP address, Binary, and \"Date, Numeric\")")]
    UnknownDataType {
        /// The key as its heading writes it.
        key: String,
        /// The property's line.
        line: usize,
        /// The data type with links reduced to their text.
        text: String,
    },
    /// A key section without a `**Value type**` bullet.
    #[error("line {line}: key {key}: no \"Value type\" property")]
    MissingValueType {
        /// The key as its heading writes it.
        key: String,
        /// The heading's line.
        line: usize,
    },
    /// A value type other than single-valued or multivalued.
    #[error(
        "line {line}: key {key}: unknown value type {text:?} (known: Single-valued, Multivalued)"
    )]
    UnknownValueType {
        /// The key as its heading writes it.
        key: String,
        /// The property's line.
        line: usize,
        /// The value type as written.
        text: String,
    },
    /// The data type says `(list)` but the value type is single-valued, or the other way round.
    #[error("line {line}: key {key}: the data type {data_type:?} and the value type {value_type:?} disagree about whether the key is multivalued")]
    Inconsistent {
        /// The key as its heading writes it.
        key: String,
        /// The value type's line.
        line: usize,
        /// The data type as written.
        data_type: String,
        /// The value type as written.
        value_type: String,
    },
    /// A multivalued key whose element type has no `ArrayOf` form.
    #[error("line {line}: key {key}: the multivalued data type {data_type:?} has no ArrayOf form")]
    NoArrayForm {
        /// The key as its heading writes it.
        key: String,
        /// The value type's line.
        line: usize,
        /// The catalog type name.
        data_type: String,
    },
    /// Two sections define the same key (names compared ignoring case, as IAM does).
    #[error("line {line}: key {key} is already defined on line {first_line}")]
    DuplicateKey {
        /// The key, normalized.
        key: String,
        /// The first definition's heading line.
        first_line: usize,
        /// The second definition's heading line.
        line: usize,
    },
}

/// Reads the global condition keys page (Markdown) into the data file's form.
///
/// `aws:` keys go to [`GlobalConditionKeys::condition_keys`], keys with another prefix
/// (`ec2:SourceInstanceArn`) to [`GlobalConditionKeys::cross_service_keys`]; both are sorted by
/// name ignoring case. Parameterized names are normalized to the Service Authorization
/// Reference's form (`aws:ResourceTag/tag-key` becomes `aws:ResourceTag/${TagKey}`). The source
/// records `source_url`, the SHA-256 of `bytes` and the Markdown format.
pub fn read_global_keys_page(
    bytes: &[u8],
    source_url: &str,
) -> Result<GlobalConditionKeys, GlobalKeysError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(GlobalKeysError::Empty);
    }
    let text = std::str::from_utf8(bytes).map_err(|error| GlobalKeysError::NotText {
        offset: error.valid_up_to(),
    })?;
    check_title(text)?;

    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut condition_keys = Vec::new();
    let mut cross_service_keys = Vec::new();
    for section in sections(text) {
        let key = read_section(&section)?;
        if let Some(&first_line) = seen.get(&key.name.to_ascii_lowercase()) {
            return Err(GlobalKeysError::DuplicateKey {
                key: key.name,
                first_line,
                line: section.line,
            });
        }
        seen.insert(key.name.to_ascii_lowercase(), section.line);
        if key.name.starts_with("aws:") {
            condition_keys.push(key);
        } else {
            cross_service_keys.push(key);
        }
    }
    if seen.is_empty() {
        return Err(GlobalKeysError::NoKeys);
    }
    // Sorted rather than in page order: AWS regroups the page now and then, and the data file's
    // diff should show changed keys, not moved ones.
    sort_keys(&mut condition_keys);
    sort_keys(&mut cross_service_keys);
    Ok(GlobalConditionKeys {
        source: Source {
            url: source_url.to_owned(),
            sha256: sha256_hex(bytes),
            format: Some(SourceFormat::Markdown),
            date: None,
            version: None,
        },
        condition_keys,
        cross_service_keys,
        not_on_page: Vec::new(),
    })
}

/// Sorts keys by name ignoring ASCII case, the order the data file uses.
pub fn sort_keys(keys: &mut [ConditionKey]) {
    keys.sort_by(|a, b| {
        a.name
            .to_ascii_lowercase()
            .cmp(&b.name.to_ascii_lowercase())
            .then_with(|| a.name.cmp(&b.name))
    });
}

fn check_title(text: &str) -> Result<(), GlobalKeysError> {
    let (index, first) = text
        .lines()
        .enumerate()
        .find(|(_, line)| !line.trim().is_empty())
        .unwrap_or_default();
    // The Markdown conversion breaks the title across lines ("# AWS global condition context",
    // blank, "keys"), so only its first line is compared.
    if first.trim_end() == "# AWS global condition context"
        || first.trim_end() == "# AWS global condition context keys"
    {
        return Ok(());
    }
    Err(GlobalKeysError::NotThisPage {
        line: index + 1,
        found: first.chars().take(80).collect(),
    })
}

/// One `### prefix:Key` section: its heading and its lines outside code blocks.
struct Section<'a> {
    heading: &'a str,
    line: usize,
    /// (line number, text) pairs.
    body: Vec<(usize, &'a str)>,
}

fn sections(text: &str) -> Vec<Section<'_>> {
    let mut sections: Vec<Section<'_>> = Vec::new();
    let mut in_section = false;
    let mut in_code = false;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if let Some(level) = heading_level(line) {
            if level <= 3 {
                in_section = false;
                let heading = line[level..].trim();
                if level == 3 && is_key_name(heading) {
                    sections.push(Section {
                        heading,
                        line: number,
                        body: Vec::new(),
                    });
                    in_section = true;
                }
                continue;
            }
        }
        if in_section {
            if let Some(section) = sections.last_mut() {
                section.body.push((number, line));
            }
        }
    }
    sections
}

/// The number of `#`s of an ATX heading, `None` for other lines.
fn heading_level(line: &str) -> Option<usize> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    (level > 0 && line[level..].starts_with(' ')).then_some(level)
}

/// `aws:SourceIp`, `ec2:SourceInstanceArn`, `aws:ResourceTag/tag-key`: a prefix, a colon and a
/// name without spaces. Other `###` headings (none today) are not keys.
fn is_key_name(text: &str) -> bool {
    let Some((prefix, name)) = text.split_once(':') else {
        return false;
    };
    !prefix.is_empty()
        && prefix
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && !name.contains(char::is_whitespace)
}

/// `aws:ResourceTag/tag-key` becomes `aws:ResourceTag/${TagKey}`, the form the Service
/// Authorization Reference (and so the generated code) uses.
fn normalize_name(heading: &str) -> String {
    match heading.strip_suffix("/tag-key") {
        Some(stem) => format!("{stem}/${{TagKey}}"),
        None => heading.to_owned(),
    }
}

fn read_section(section: &Section<'_>) -> Result<ConditionKey, GlobalKeysError> {
    let key = section.heading;
    let name = normalize_name(key);
    let (data_line, data_type) =
        property(section, "Data type").ok_or_else(|| GlobalKeysError::MissingDataType {
            key: key.to_owned(),
            line: section.line,
        })?;
    let (value_line, value_type) =
        property(section, "Value type").ok_or_else(|| GlobalKeysError::MissingValueType {
            key: key.to_owned(),
            line: section.line,
        })?;

    // "[String](...) (list)", "ARN", "[String](...)\*" (a footnote: the value may be an ARN for
    // some identity providers), "[Date](...), [Numeric](...)".
    let data_text = collapse(&strip_links(&data_type));
    let mut base = data_text
        .trim_end_matches("\\*")
        .trim_end_matches('*')
        .trim();
    let listed = match base.strip_suffix("(list)") {
        Some(rest) => {
            base = rest.trim();
            true
        }
        None => false,
    };
    let element = catalog_type(base).ok_or_else(|| GlobalKeysError::UnknownDataType {
        key: key.to_owned(),
        line: data_line,
        text: data_text.clone(),
    })?;
    let multivalued = match value_type.trim().to_ascii_lowercase().as_str() {
        "multivalued" | "multi-valued" => true,
        "single-valued" | "single valued" => false,
        _ => {
            return Err(GlobalKeysError::UnknownValueType {
                key: key.to_owned(),
                line: value_line,
                text: value_type.trim().to_owned(),
            })
        }
    };
    if listed != multivalued {
        return Err(GlobalKeysError::Inconsistent {
            key: key.to_owned(),
            line: value_line,
            data_type: data_text,
            value_type: value_type.trim().to_owned(),
        });
    }
    let value_type = if multivalued {
        if element == "DateOrNumeric" {
            return Err(GlobalKeysError::NoArrayForm {
                key: key.to_owned(),
                line: value_line,
                data_type: element.to_owned(),
            });
        }
        format!("ArrayOf{element}")
    } else {
        element.to_owned()
    };

    let intro = intro(section);
    Ok(ConditionKey {
        name,
        description: strip_emphasis(&first_sentence(&intro)),
        value_type,
        deprecated: deprecation(section),
    })
}

/// The page's data type names and the catalog's.
fn catalog_type(page: &str) -> Option<&'static str> {
    Some(match page {
        "String" => "String",
        "ARN" => "ARN",
        "Boolean" => "Bool",
        "Numeric" => "Numeric",
        "Date" => "Date",
        "IP address" => "IPAddress",
        "Binary" => "Binary",
        // aws:EpochTime takes either; the catalog has one type for that.
        "Date, Numeric" | "Date and Numeric" => "DateOrNumeric",
        _ => return None,
    })
}

/// The text of the first `- **name** – text` bullet and its line; continuation lines (indented,
/// not a new bullet) are appended.
fn property(section: &Section<'_>, name: &str) -> Option<(usize, String)> {
    let marker = format!("**{name}**");
    let position = section.body.iter().position(|(_, line)| {
        line.strip_prefix("- ")
            .is_some_and(|rest| rest.trim_start().starts_with(&marker))
    })?;
    let (line, first) = section.body[position];
    let after = first.trim_start()[2..].trim_start()[marker.len()..].trim_start();
    // The page separates name and value with an en dash; accept the other dashes and a colon.
    let mut text = after
        .trim_start_matches(['–', '—', '-', ':'])
        .trim()
        .to_owned();
    for (_, next) in &section.body[position + 1..] {
        let is_continuation = next.starts_with(' ') && !next.trim_start().starts_with("- ");
        if next.trim().is_empty() || !is_continuation {
            break;
        }
        text.push(' ');
        text.push_str(next.trim());
    }
    Some((line, text))
}

/// The prose before the first bullet, whitespace collapsed, links reduced to their text.
fn intro(section: &Section<'_>) -> String {
    let lines: Vec<&str> = section
        .body
        .iter()
        .map(|(_, line)| *line)
        .take_while(|line| !line.starts_with("- ") && heading_level(line).is_none())
        .collect();
    collapse(&strip_links(&lines.join("\n")))
}

/// The first sentence that starts "Use this key" (the page's own summary of the key), or the
/// first sentence when there is none (a few sections open with who sets the key).
fn first_sentence(intro: &str) -> String {
    let sentences = split_sentences(intro);
    sentences
        .iter()
        .find(|sentence| sentence.starts_with("Use this key"))
        .or(sentences.first())
        .map(|sentence| sentence.to_string())
        .unwrap_or_default()
}

fn split_sentences(text: &str) -> Vec<&str> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut in_code = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if c == '`' {
            in_code = !in_code;
        }
        if in_code || !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let after = chars.get(i + 2).map(|&(_, c)| c);
        let word = text[start..at]
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .trim_start_matches(|c: char| !c.is_alphanumeric());
        let abbreviation = matches!(word, "e.g" | "i.e" | "etc" | "vs");
        let ends = match next {
            None => true,
            Some(' ') => {
                !abbreviation && after.is_some_and(|c| c.is_uppercase() || c == '`' || c == '[')
            }
            Some(_) => false,
        };
        if ends {
            sentences.push(text[start..at + c.len_utf8()].trim());
            start = at + c.len_utf8();
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        sentences.push(rest);
    }
    sentences
}

/// The Service Authorization Reference's sentence "This key has been deprecated. It has been
/// replaced by ...", anywhere in the section's prose. The global keys page has no deprecated key
/// today, so its wording is unknown; this is the wording AWS uses elsewhere.
fn deprecation(section: &Section<'_>) -> Option<Deprecation> {
    let lines: Vec<&str> = section.body.iter().map(|(_, line)| *line).collect();
    Deprecation::from_description(&collapse(&strip_links(&lines.join("\n"))))
}

/// Replaces `[text](target "title")` with `text` and drops images `![alt](src)`.
fn strip_links(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let image = rest[..open].ends_with('!');
        let Some(close) = matching(&rest[open..], '[', ']').map(|at| open + at) else {
            break;
        };
        if !rest[close + 1..].starts_with('(') {
            out.push_str(&rest[..=close]);
            rest = &rest[close + 1..];
            continue;
        }
        let Some(end) = matching(&rest[close + 1..], '(', ')').map(|at| close + 1 + at) else {
            break;
        };
        if image {
            out.push_str(&rest[..open - 1]);
        } else {
            out.push_str(&rest[..open]);
            out.push_str(&rest[open + 1..close]);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The offset of the bracket that closes the one `text` starts with, ignoring brackets inside
/// quoted link titles.
fn matching(text: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut quoted = false;
    for (at, c) in text.char_indices() {
        if open == '(' && c == '"' {
            quoted = !quoted;
        } else if quoted {
            continue;
        } else if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(at);
            }
        }
    }
    None
}

/// Drops `**bold**` and `_italic_` markers outside code spans: the descriptions are read as
/// plain text too (`ConditionKey::description`).
fn strip_emphasis(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut in_code = false;
    let is_edge = |at: Option<&char>| at.is_none_or(|c| !c.is_alphanumeric());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            in_code = !in_code;
        } else if !in_code && c == '*' && chars.get(i + 1) == Some(&'*') {
            i += 2;
            continue;
        } else if !in_code
            && c == '_'
            && (is_edge(i.checked_sub(1).and_then(|j| chars.get(j))) || is_edge(chars.get(i + 1)))
        {
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How two versions of the global keys differ, key by key (names compared exactly).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyDifference {
    /// Only the new version has the key.
    Added {
        /// The key.
        name: String,
        /// Its type.
        value_type: String,
    },
    /// Only the old version has the key.
    Missing {
        /// The key.
        name: String,
        /// Its type in the old version.
        value_type: String,
    },
    /// Both have the key with different types.
    TypeDiffers {
        /// The key.
        name: String,
        /// The old type.
        old: String,
        /// The new type.
        new: String,
    },
    /// Both have the key; one says it is deprecated and the other does not, or they name
    /// different replacements.
    DeprecationDiffers {
        /// The key.
        name: String,
    },
}

impl std::fmt::Display for KeyDifference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyDifference::Added { name, value_type } => write!(f, "+ {name} ({value_type})"),
            KeyDifference::Missing { name, value_type } => write!(f, "- {name} ({value_type})"),
            KeyDifference::TypeDiffers { name, old, new } => {
                write!(f, "~ {name}: type {old} -> {new}")
            }
            KeyDifference::DeprecationDiffers { name } => write!(f, "~ {name}: deprecation"),
        }
    }
}

/// The keys (aws: and cross-service alike) added, missing or retyped from `old` to `new`, sorted
/// by name; descriptions are not compared (the old file's were written by hand).
pub fn compare(old: &GlobalConditionKeys, new: &GlobalConditionKeys) -> Vec<KeyDifference> {
    let index = |keys: &GlobalConditionKeys| -> BTreeMap<String, ConditionKey> {
        keys.condition_keys
            .iter()
            .chain(&keys.cross_service_keys)
            .map(|key| (key.name.clone(), key.clone()))
            .collect()
    };
    let (old, new) = (index(old), index(new));
    let mut differences = Vec::new();
    for (name, key) in &new {
        match old.get(name) {
            None => differences.push(KeyDifference::Added {
                name: name.clone(),
                value_type: key.value_type.clone(),
            }),
            Some(before) if before.value_type != key.value_type => {
                differences.push(KeyDifference::TypeDiffers {
                    name: name.clone(),
                    old: before.value_type.clone(),
                    new: key.value_type.clone(),
                })
            }
            Some(before) if before.deprecated != key.deprecated => {
                differences.push(KeyDifference::DeprecationDiffers { name: name.clone() })
            }
            Some(_) => {}
        }
    }
    for (name, key) in &old {
        if !new.contains_key(name) {
            differences.push(KeyDifference::Missing {
                name: name.clone(),
                value_type: key.value_type.clone(),
            });
        }
    }
    differences.sort_by(|a, b| difference_name(a).cmp(difference_name(b)));
    differences
}

fn difference_name(difference: &KeyDifference) -> &str {
    match difference {
        KeyDifference::Added { name, .. }
        | KeyDifference::Missing { name, .. }
        | KeyDifference::TypeDiffers { name, .. }
        | KeyDifference::DeprecationDiffers { name } => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_their_text_and_images_disappear() {
        assert_eq!(
            strip_links("the [Amazon Resource Name](a.md#x \"a.md#x\") (ARN) ![d](i.png) of"),
            "the Amazon Resource Name (ARN)  of"
        );
        assert_eq!(
            strip_links("[not a link] and `a[0]`"),
            "[not a link] and `a[0]`"
        );
    }

    #[test]
    fn emphasis_markers_go_but_underscores_in_words_and_code_stay() {
        assert_eq!(
            strip_emphasis("the **_first service_** and _last_ of `a_b_` in snake_case"),
            "the first service and last of `a_b_` in snake_case"
        );
    }

    #[test]
    fn sentences_end_at_a_period_before_a_capital_not_after_an_abbreviation() {
        assert_eq!(
            split_sentences("Use this key (e.g. `a. B`) to compare. For more, see X. Done"),
            [
                "Use this key (e.g. `a. B`) to compare.",
                "For more, see X.",
                "Done"
            ]
        );
    }

    #[test]
    fn a_deprecation_sentence_in_the_prose_marks_the_key() {
        let page = "# AWS global condition context\n\n### aws:Old\n\nUse this key to compare old \
                    things. This key has been deprecated. It has been replaced by aws:New.\n\n\
                    - **Data type** – String\n- **Value type** – Single-valued\n";
        let keys = read_global_keys_page(page.as_bytes(), "u").unwrap();
        assert_eq!(
            keys.condition_keys[0].deprecated,
            Some(Deprecation {
                replaced_by: Some("aws:New".into())
            })
        );
        assert_eq!(
            keys.condition_keys[0].description,
            "Use this key to compare old things."
        );
    }
}
