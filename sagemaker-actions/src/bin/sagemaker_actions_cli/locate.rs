//! Maps the JSON paths findings carry (`Statement[0].Condition.StringEquals.sagemaker:Key`) to
//! lines and columns of the source text, so that people and editors can jump to the element,
//! also in a policy written on one line.
//!
//! The validator works on the parsed policy, which no longer knows where anything was written;
//! rather than thread positions through the library, this re-scans the text, which is cheap.

use std::collections::HashMap;

/// serde_json refuses documents nested deeper than 128 levels, so only a text the validator
/// never parsed could get here deeper; stopping keeps the scan's recursion bounded anyway.
const MAX_DEPTH: usize = 256;

/// Where an element starts: 1-based line, and 1-based column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub line: usize,
    pub column: usize,
}

/// The text of a string literal between its quotes: from `start` to `end`, the place of the
/// closing quote (so `end` is the place just after the text, as SARIF's end columns are).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: Place,
    pub end: Place,
}

/// Which string of an element a span covers: an object member's name or a string value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Name,
    Value,
}

/// The place of every element of one JSON document, by path.
#[derive(Debug, Default)]
pub struct Locator {
    places: HashMap<String, Place>,
    /// The strings between quotes: member names and string values, by path.
    spans: HashMap<(String, Part), Span>,
}

impl Locator {
    /// Scans `text`. Text that is not JSON gives the lines found before the problem.
    pub fn new(text: &str) -> Self {
        let mut scanner = Scanner {
            bytes: text.as_bytes(),
            position: 0,
            line: 1,
            line_start: 0,
            counted: (0, 1),
            places: HashMap::new(),
            spans: HashMap::new(),
        };
        let mut path = String::new();
        // A scan that stops early still recorded everything before the stop, which is the
        // best that can be said about a malformed document.
        let _ = scanner.value(&mut path, 0);
        Locator {
            places: scanner.places,
            spans: scanner.spans,
        }
    }

    /// The text between the quotes of the member name (`Part::Name`) or string value
    /// (`Part::Value`) at exactly `path`, when the text spells one out.
    pub fn span(&self, path: &str, part: Part) -> Option<Span> {
        self.spans.get(&(path.to_owned(), part)).copied()
    }

    /// The place of the element at `path`, or of its nearest enclosing element when the path
    /// names something the text does not spell out (a missing element, a value in a list).
    pub fn place(&self, path: &str) -> Option<Place> {
        let mut path = path;
        loop {
            if path.is_empty() {
                return None;
            }
            if let Some(place) = self.places.get(path) {
                return Some(*place);
            }
            path = &path[..path.rfind(['.', '['])?];
        }
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    position: usize,
    line: usize,
    /// Where the current line starts.
    line_start: usize,
    /// A position of the current line and its column: places are recorded in text order, so
    /// counting on from the last one keeps a long one-line policy from being counted over and
    /// over.
    counted: (usize, usize),
    places: HashMap<String, Place>,
    spans: HashMap<(String, Part), Span>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    /// Moves past a line break at the current position.
    fn new_line(&mut self) {
        self.position += 1;
        self.line += 1;
        self.line_start = self.position;
    }

    fn skip_whitespace(&mut self) {
        while let Some(byte) = self.peek() {
            match byte {
                b'\n' => self.new_line(),
                b' ' | b'\t' | b'\r' => self.position += 1,
                _ => return,
            }
        }
    }

    /// The place of the current position.
    fn place(&mut self) -> Place {
        let (from, column) = if self.counted.0 >= self.line_start {
            self.counted
        } else {
            (self.line_start, 1)
        };
        // Characters are the bytes that do not continue one.
        let column = column
            + self.bytes[from..self.position]
                .iter()
                .filter(|&&byte| byte & 0xC0 != 0x80)
                .count();
        self.counted = (self.position, column);
        Place {
            line: self.line,
            column,
        }
    }

    fn expect(&mut self, wanted: u8) -> Option<()> {
        self.skip_whitespace();
        (self.peek() == Some(wanted)).then(|| self.position += 1)
    }

    /// Records the element at `path` (the first spelling wins, as for the parser).
    fn record(&mut self, path: &str, place: Place) {
        self.places.entry(path.to_owned()).or_insert(place);
    }

    fn value(&mut self, path: &mut String, depth: usize) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.skip_whitespace();
        match self.peek()? {
            b'{' => {
                self.position += 1;
                self.skip_whitespace();
                if self.peek() == Some(b'}') {
                    self.position += 1;
                    return Some(());
                }
                loop {
                    self.skip_whitespace();
                    let place = self.place();
                    let (key, span) = self.spanned_string()?;
                    self.expect(b':')?;
                    let length = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&key);
                    self.record(path, place);
                    self.spans.entry((path.clone(), Part::Name)).or_insert(span);
                    let result = self.value(path, depth + 1);
                    path.truncate(length);
                    result?;
                    self.skip_whitespace();
                    match self.peek()? {
                        b',' => self.position += 1,
                        b'}' => {
                            self.position += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                }
            }
            b'[' => {
                self.position += 1;
                self.skip_whitespace();
                if self.peek() == Some(b']') {
                    self.position += 1;
                    return Some(());
                }
                let mut index = 0usize;
                loop {
                    self.skip_whitespace();
                    let length = path.len();
                    path.push_str(&format!("[{index}]"));
                    let place = self.place();
                    self.record(path, place);
                    let result = self.value(path, depth + 1);
                    path.truncate(length);
                    result?;
                    self.skip_whitespace();
                    match self.peek()? {
                        b',' => self.position += 1,
                        b']' => {
                            self.position += 1;
                            return Some(());
                        }
                        _ => return None,
                    }
                    index += 1;
                }
            }
            b'"' => {
                let (_, span) = self.spanned_string()?;
                if !path.is_empty() {
                    self.spans
                        .entry((path.clone(), Part::Value))
                        .or_insert(span);
                }
                Some(())
            }
            _ => {
                while let Some(byte) = self.peek() {
                    if matches!(byte, b',' | b']' | b'}' | b' ' | b'\t' | b'\r' | b'\n') {
                        break;
                    }
                    self.position += 1;
                }
                Some(())
            }
        }
    }

    /// Reads a string literal like [`Scanner::string`], with the span of its text.
    fn spanned_string(&mut self) -> Option<(String, Span)> {
        if self.peek() != Some(b'"') {
            return None;
        }
        // The place of the character after the opening quote.
        self.position += 1;
        let start = self.place();
        self.position -= 1;
        let value = self.string()?;
        // The closing quote.
        self.position -= 1;
        let end = self.place();
        self.position += 1;
        Some((value, Span { start, end }))
    }

    /// Reads a string literal and returns its value, escapes decoded, so that keys compare
    /// equal to the names the parser saw.
    fn string(&mut self) -> Option<String> {
        if self.peek() != Some(b'"') {
            return None;
        }
        let start = self.position;
        self.position += 1;
        loop {
            match self.peek()? {
                b'\\' => self.position += 2,
                b'"' => {
                    self.position += 1;
                    break;
                }
                b'\n' => self.new_line(),
                _ => self.position += 1,
            }
        }
        let raw = self.bytes.get(start..self.position)?;
        let raw = std::str::from_utf8(raw).ok()?;
        serde_json::from_str(raw)
            .ok()
            .or_else(|| Some(raw.trim_matches('"').to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Option<Place> {
        Some(Place { line, column })
    }

    #[test]
    fn finds_elements_and_their_ancestors() {
        let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Action\": [\n        \"a\",\n        \"b\"\n      ],\n      \"Condition\": {\"StringEquals\": {\"k\\u0065y.x\": \"v\"}}\n    }\n  ]\n}\n";
        let locator = Locator::new(text);
        assert_eq!(locator.place("Version"), at(2, 3));
        assert_eq!(locator.place("Statement[0]"), at(4, 5));
        assert_eq!(locator.place("Statement[0].Action[1]"), at(7, 9));
        assert_eq!(
            locator.place("Statement[0].Condition.StringEquals.key.x"),
            at(9, 38)
        );
        assert_eq!(locator.place("Statement[0].Resource"), at(4, 5));
        assert_eq!(locator.place("Missing"), None);
        assert_eq!(locator.place(""), None);
    }

    #[test]
    fn spans_cover_the_text_between_quotes() {
        let text = "{\"Action\": [\"a\", \"s\\u00e9x\"],\n \"Condition\": {\"StringEquals\": {\"k\": \"v\"}}, \"Effect\": \"Allow\"}";
        let locator = Locator::new(text);
        let span = |start: (usize, usize), end: (usize, usize)| {
            Some(Span {
                start: Place {
                    line: start.0,
                    column: start.1,
                },
                end: Place {
                    line: end.0,
                    column: end.1,
                },
            })
        };
        assert_eq!(
            locator.span("Action[1]", Part::Value),
            span((1, 19), (1, 27))
        );
        assert_eq!(locator.span("Action", Part::Name), span((1, 3), (1, 9)));
        assert_eq!(
            locator.span("Condition.StringEquals", Part::Name),
            span((2, 17), (2, 29))
        );
        assert_eq!(locator.span("Effect", Part::Value), span((2, 56), (2, 61)));
        // Not a string: no value span.
        assert_eq!(locator.span("Action", Part::Value), None);
        assert_eq!(locator.span("Missing", Part::Name), None);
    }

    #[test]
    fn columns_count_characters_on_one_line() {
        let locator = Locator::new("{\"Sid\": \"\u{e9}\u{20ac}\", \"Action\": [\"a\", \"b\"]}");
        assert_eq!(locator.place("Sid"), at(1, 2));
        assert_eq!(locator.place("Action"), at(1, 15));
        assert_eq!(locator.place("Action[1]"), at(1, 31));
        // A line break inside a string (not JSON, but scanned all the same) starts a new line.
        let locator = Locator::new("{\"a\": \"x\ny\", \"b\": 1}");
        assert_eq!(locator.place("b"), at(2, 5));
    }

    #[test]
    fn survives_malformed_text() {
        for text in [
            "",
            "{",
            "{\"a\": [1, ",
            "\"\\",
            "[[[[",
            "{\"a\" 1}",
            "}",
            "\u{e9}",
        ] {
            let _ = Locator::new(text).place("a[0]");
        }
        let deep = "[".repeat(10_000);
        assert_eq!(Locator::new(&deep).place("[0][0]"), at(1, 3));
    }
}
