//! Maps the JSON paths findings carry (`Statement[0].Condition.StringEquals.sagemaker:Key`) to
//! lines of the source text, so that people and editors can jump to the element.
//!
//! The validator works on the parsed policy, which no longer knows where anything was written;
//! rather than thread positions through the library, this re-scans the text, which is cheap.

use std::collections::HashMap;

/// serde_json refuses documents nested deeper than 128 levels, so only a text the validator
/// never parsed could get here deeper; stopping keeps the scan's recursion bounded anyway.
const MAX_DEPTH: usize = 256;

/// The line of every element of one JSON document, by path.
#[derive(Debug, Default)]
pub struct Locator {
    lines: HashMap<String, usize>,
}

impl Locator {
    /// Scans `text`. Text that is not JSON gives the lines found before the problem.
    pub fn new(text: &str) -> Self {
        let mut scanner = Scanner {
            bytes: text.as_bytes(),
            position: 0,
            line: 1,
            lines: HashMap::new(),
        };
        let mut path = String::new();
        // A scan that stops early still recorded everything before the stop, which is the
        // best that can be said about a malformed document.
        let _ = scanner.value(&mut path, 0);
        Locator {
            lines: scanner.lines,
        }
    }

    /// The line of the element at `path`, or of its nearest enclosing element when the path
    /// names something the text does not spell out (a missing element, a value in a list).
    pub fn line(&self, path: &str) -> Option<usize> {
        let mut path = path;
        loop {
            if path.is_empty() {
                return None;
            }
            if let Some(line) = self.lines.get(path) {
                return Some(*line);
            }
            path = &path[..path.rfind(['.', '['])?];
        }
    }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    position: usize,
    line: usize,
    lines: HashMap<String, usize>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.position).copied()
    }

    fn skip_whitespace(&mut self) {
        while let Some(byte) = self.peek() {
            match byte {
                b'\n' => self.line += 1,
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.position += 1;
        }
    }

    fn expect(&mut self, wanted: u8) -> Option<()> {
        self.skip_whitespace();
        (self.peek() == Some(wanted)).then(|| self.position += 1)
    }

    /// Records the element at `path` (the first spelling wins, as for the parser).
    fn record(&mut self, path: &str, line: usize) {
        self.lines.entry(path.to_owned()).or_insert(line);
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
                    let line = self.line;
                    let key = self.string()?;
                    self.expect(b':')?;
                    let length = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&key);
                    self.record(path, line);
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
                    let line = self.line;
                    self.record(path, line);
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
            b'"' => self.string().map(drop),
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
                b'\n' => {
                    self.line += 1;
                    self.position += 1;
                }
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

    #[test]
    fn finds_elements_and_their_ancestors() {
        let text = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Action\": [\n        \"a\",\n        \"b\"\n      ],\n      \"Condition\": {\"StringEquals\": {\"k\\u0065y.x\": \"v\"}}\n    }\n  ]\n}\n";
        let locator = Locator::new(text);
        assert_eq!(locator.line("Version"), Some(2));
        assert_eq!(locator.line("Statement[0]"), Some(4));
        assert_eq!(locator.line("Statement[0].Action[1]"), Some(7));
        assert_eq!(
            locator.line("Statement[0].Condition.StringEquals.key.x"),
            Some(9)
        );
        assert_eq!(locator.line("Statement[0].Resource"), Some(4));
        assert_eq!(locator.line("Missing"), None);
        assert_eq!(locator.line(""), None);
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
            let _ = Locator::new(text).line("a[0]");
        }
        let deep = "[".repeat(10_000);
        assert_eq!(Locator::new(&deep).line("[0][0]"), Some(1));
    }
}
