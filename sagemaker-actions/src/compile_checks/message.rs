//! Error messages built during constant evaluation, where nothing can allocate: a fixed buffer
//! that the checks append to and then `panic!` with.

const CAPACITY: usize = 1536;

/// A message under construction; text past the capacity is cut with `...`.
#[derive(Clone, Copy)]
pub struct Message {
    bytes: [u8; CAPACITY],
    len: usize,
}

impl Message {
    /// An empty message.
    pub const fn new() -> Self {
        Message {
            bytes: [0; CAPACITY],
            len: 0,
        }
    }

    /// Appends `text`.
    pub const fn push(&mut self, text: &str) -> &mut Self {
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            if self.len == CAPACITY - 3 {
                // Cut at a character boundary so that the buffer stays UTF-8.
                while self.len > 0 && (self.bytes[self.len - 1] & 0xC0) == 0x80 {
                    self.len -= 1;
                }
                if self.len > 0 && self.bytes[self.len - 1] >= 0xC0 {
                    self.len -= 1;
                }
                self.bytes[self.len] = b'.';
                self.bytes[self.len + 1] = b'.';
                self.bytes[self.len + 2] = b'.';
                self.len += 3;
                return self;
            }
            if self.len > CAPACITY - 3 {
                return self;
            }
            self.bytes[self.len] = bytes[at];
            self.len += 1;
            at += 1;
        }
        self
    }

    /// Appends `text` in double quotes.
    pub const fn quoted(&mut self, text: &str) -> &mut Self {
        self.push("\"").push(text).push("\"")
    }

    /// The text so far.
    pub const fn as_str(&self) -> &str {
        let (head, _) = self.bytes.split_at(self.len);
        match core::str::from_utf8(head) {
            Ok(text) => text,
            Err(_) => "(message was not UTF-8)",
        }
    }
}

impl Default for Message {
    fn default() -> Self {
        Message::new()
    }
}

/// Byte-wise string equality, usable in constants.
pub const fn str_eq(a: &str, b: &str) -> bool {
    bytes_eq(a.as_bytes(), b.as_bytes(), false)
}

/// ASCII-case-insensitive string equality, usable in constants.
pub const fn str_eq_ignore_case(a: &str, b: &str) -> bool {
    bytes_eq(a.as_bytes(), b.as_bytes(), true)
}

const fn bytes_eq(a: &[u8], b: &[u8], ignore_case: bool) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        let equal = if ignore_case {
            a[at].eq_ignore_ascii_case(&b[at])
        } else {
            a[at] == b[at]
        };
        if !equal {
            return false;
        }
        at += 1;
    }
    true
}

/// Whether `text` starts with `prefix`, ignoring ASCII case.
pub const fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    if text.len() < prefix.len() {
        return false;
    }
    let (head, _) = text.as_bytes().split_at(prefix.len());
    bytes_eq(head, prefix.as_bytes(), true)
}

/// `text` from byte `start` on (callers pass a character boundary).
pub const fn suffix(text: &str, start: usize) -> &str {
    let (_, tail) = text.as_bytes().split_at(start);
    match core::str::from_utf8(tail) {
        Ok(tail) => tail,
        Err(_) => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_and_truncates() {
        let mut message = Message::new();
        message.push("action ").quoted("x").push(" has");
        assert_eq!(message.as_str(), "action \"x\" has");
        let mut long = Message::new();
        let mut round = 0;
        while round < 400 {
            long.push("é-ok ");
            round += 1;
        }
        assert!(long.as_str().ends_with("..."));
        assert!(long.as_str().len() <= CAPACITY);
    }

    #[test]
    fn const_string_helpers() {
        assert!(str_eq("a", "a") && !str_eq("a", "A"));
        assert!(str_eq_ignore_case("SageMaker", "sagemaker"));
        assert!(starts_with_ignore_case("SAGEMAKER:x", "sagemaker:"));
        assert_eq!(suffix("sagemaker:x", 10), "x");
    }
}
