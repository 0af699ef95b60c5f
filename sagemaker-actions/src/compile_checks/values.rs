//! What a literal condition value looks like, decided from its source text at compile time.

use super::message::{str_eq_ignore_case, suffix};
use crate::policy::OperatorFamily;

/// A literal of the macro, as `stringify!` gives it: `"ml.m5.large"`, `true`, `3600`.
#[derive(Clone, Copy)]
pub enum LiteralKind<'a> {
    /// A string literal's contents (escapes are left as written).
    Str(&'a str),
    /// `true` or `false`.
    Bool,
    /// A number literal.
    Number(&'a str),
    /// Anything else (a byte string, a character).
    Other,
}

/// Classifies a literal's source text.
pub const fn literal_kind(text: &str) -> LiteralKind<'_> {
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        return LiteralKind::Other;
    }
    if bytes[0] == b'"' && bytes.len() >= 2 && bytes[bytes.len() - 1] == b'"' {
        return LiteralKind::Str(inner(text, 1, 1));
    }
    if bytes[0] == b'r' {
        let mut hashes = 0;
        while 1 + hashes < bytes.len() && bytes[1 + hashes] == b'#' {
            hashes += 1;
        }
        let open = 1 + hashes;
        if open < bytes.len() && bytes[open] == b'"' && bytes.len() > 2 * open {
            return LiteralKind::Str(inner(text, open + 1, open));
        }
        return LiteralKind::Other;
    }
    if str_eq_ignore_case(text, "true") {
        return LiteralKind::Bool;
    }
    if str_eq_ignore_case(text, "false") {
        return LiteralKind::Bool;
    }
    if bytes[0] == b'-' || bytes[0].is_ascii_digit() {
        return LiteralKind::Number(text);
    }
    LiteralKind::Other
}

const fn inner(text: &str, skip_front: usize, skip_back: usize) -> &str {
    let (head, _) = text.as_bytes().split_at(text.len() - skip_back);
    let (_, middle) = head.split_at(skip_front);
    match core::str::from_utf8(middle) {
        Ok(middle) => middle,
        Err(_) => "",
    }
}

/// What values an operator family takes, for messages.
pub const fn expected_values(family: OperatorFamily) -> &'static str {
    match family {
        OperatorFamily::String => "a string",
        OperatorFamily::Arn => "an ARN string",
        OperatorFamily::Numeric => "a number (integer or decimal)",
        OperatorFamily::Date => {
            "an ISO 8601 date (2024-01-31, 2024-01-31T12:00:00Z) or epoch seconds"
        }
        OperatorFamily::Bool => "true or false",
        OperatorFamily::Binary => "a base64 string",
        OperatorFamily::Ip => {
            "an IPv4 or IPv6 address or CIDR block (203.0.113.0/24, 2001:db8::/32)"
        }
        OperatorFamily::Null => "true (the key is absent) or false (it is present)",
    }
}

/// Whether a literal is a valid value for an operator of `family`.
pub const fn literal_fits(family: OperatorFamily, literal: LiteralKind<'_>) -> bool {
    match (family, literal) {
        (_, LiteralKind::Other) => false,
        (OperatorFamily::String, _) => true,
        (OperatorFamily::Arn, LiteralKind::Str(_)) => true,
        (OperatorFamily::Arn, _) => false,
        (OperatorFamily::Numeric, LiteralKind::Number(text)) => is_number(text),
        (OperatorFamily::Numeric, LiteralKind::Str(text)) => is_number(text),
        (OperatorFamily::Numeric, LiteralKind::Bool) => false,
        (OperatorFamily::Date, LiteralKind::Number(text)) => is_epoch(text),
        (OperatorFamily::Date, LiteralKind::Str(text)) => is_epoch(text) || is_iso_date(text),
        (OperatorFamily::Date, LiteralKind::Bool) => false,
        (OperatorFamily::Bool | OperatorFamily::Null, LiteralKind::Bool) => true,
        (OperatorFamily::Bool | OperatorFamily::Null, LiteralKind::Str(text)) => {
            str_eq_ignore_case(text, "true") || str_eq_ignore_case(text, "false")
        }
        (OperatorFamily::Bool | OperatorFamily::Null, LiteralKind::Number(_)) => false,
        (OperatorFamily::Ip, LiteralKind::Str(text)) => is_cidr(text),
        (OperatorFamily::Ip, _) => false,
        (OperatorFamily::Binary, LiteralKind::Str(text)) => is_base64(text),
        (OperatorFamily::Binary, _) => false,
    }
}

/// An integer or decimal, optionally negative.
pub const fn is_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    if at < bytes.len() && bytes[at] == b'-' {
        at += 1;
    }
    let digits_start = at;
    while at < bytes.len() && bytes[at].is_ascii_digit() {
        at += 1;
    }
    if at == digits_start {
        return false;
    }
    if at < bytes.len() && bytes[at] == b'.' {
        at += 1;
        let fraction_start = at;
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        if at == fraction_start {
            return false;
        }
    }
    at == bytes.len()
}

/// Epoch seconds: digits, optionally negative.
pub const fn is_epoch(text: &str) -> bool {
    let bytes = text.as_bytes();
    let start = if !bytes.is_empty() && bytes[0] == b'-' {
        1
    } else {
        0
    };
    if start == bytes.len() {
        return false;
    }
    let mut at = start;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            return false;
        }
        at += 1;
    }
    true
}

/// The W3C profile of ISO 8601: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, then optionally
/// `THH:MM[:SS[.fraction]]` and `Z` or `±HH:MM`.
pub const fn is_iso_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = match digits(bytes, 0, 4) {
        Some(end) => end,
        None => return false,
    };
    if at == bytes.len() {
        return true;
    }
    if bytes[at] != b'-' {
        return false;
    }
    at = match ranged(bytes, at + 1, 1, 12) {
        Some(end) => end,
        None => return false,
    };
    if at == bytes.len() {
        return true;
    }
    if bytes[at] != b'-' {
        return false;
    }
    at = match ranged(bytes, at + 1, 1, 31) {
        Some(end) => end,
        None => return false,
    };
    if at == bytes.len() {
        return true;
    }
    if bytes[at] != b'T' {
        return false;
    }
    at = match time(bytes, at + 1) {
        Some(end) => end,
        None => return false,
    };
    if at < bytes.len() && bytes[at] == b':' {
        at = match ranged(bytes, at + 1, 0, 60) {
            Some(end) => end,
            None => return false,
        };
        if at < bytes.len() && bytes[at] == b'.' {
            let start = at + 1;
            at = start;
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            if at == start {
                return false;
            }
        }
    }
    if at == bytes.len() {
        // A time without a zone is not in the W3C profile.
        return false;
    }
    if bytes[at] == b'Z' {
        return at + 1 == bytes.len();
    }
    if bytes[at] == b'+' || bytes[at] == b'-' {
        return matches!(time(bytes, at + 1), Some(end) if end == bytes.len());
    }
    false
}

/// `HH:MM`.
const fn time(bytes: &[u8], at: usize) -> Option<usize> {
    let at = match ranged(bytes, at, 0, 23) {
        Some(end) => end,
        None => return None,
    };
    if at >= bytes.len() || bytes[at] != b':' {
        return None;
    }
    ranged(bytes, at + 1, 0, 59)
}

/// Two digits forming a number in `low..=high`.
const fn ranged(bytes: &[u8], at: usize, low: u8, high: u8) -> Option<usize> {
    match digits(bytes, at, 2) {
        Some(end) => {
            let value = (bytes[at] - b'0') * 10 + (bytes[at + 1] - b'0');
            if value >= low && value <= high {
                Some(end)
            } else {
                None
            }
        }
        None => None,
    }
}

/// Exactly `count` digits at `at`.
const fn digits(bytes: &[u8], at: usize, count: usize) -> Option<usize> {
    if at + count > bytes.len() {
        return None;
    }
    let mut offset = 0;
    while offset < count {
        if !bytes[at + offset].is_ascii_digit() {
            return None;
        }
        offset += 1;
    }
    Some(at + count)
}

/// An IPv4 or IPv6 address, optionally with a `/prefix` no longer than the address.
pub const fn is_cidr(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut slash = 0;
    while slash < bytes.len() && bytes[slash] != b'/' {
        slash += 1;
    }
    let (address, prefix) = bytes.split_at(slash);
    let max_prefix = if is_ipv4(address) {
        32
    } else if is_ipv6(address) {
        128
    } else {
        return false;
    };
    if prefix.is_empty() {
        return true;
    }
    let digits = suffix(text, slash + 1).as_bytes();
    if digits.is_empty() || digits.len() > 3 {
        return false;
    }
    let mut value = 0usize;
    let mut at = 0;
    while at < digits.len() {
        if !digits[at].is_ascii_digit() {
            return false;
        }
        value = value * 10 + (digits[at] - b'0') as usize;
        at += 1;
    }
    value <= max_prefix
}

const fn is_ipv4(bytes: &[u8]) -> bool {
    let mut octets = 0;
    let mut at = 0;
    while octets < 4 {
        let start = at;
        let mut value = 0usize;
        while at < bytes.len() && bytes[at].is_ascii_digit() && at - start < 3 {
            value = value * 10 + (bytes[at] - b'0') as usize;
            at += 1;
        }
        if at == start || value > 255 {
            return false;
        }
        octets += 1;
        if octets < 4 {
            if at >= bytes.len() || bytes[at] != b'.' {
                return false;
            }
            at += 1;
        }
    }
    at == bytes.len()
}

const fn is_ipv6(bytes: &[u8]) -> bool {
    if bytes.len() < 2 {
        return false;
    }
    let mut groups = 0;
    let mut compressed = false;
    let mut at = 0;
    if bytes[0] == b':' {
        if bytes[1] != b':' {
            return false;
        }
        compressed = true;
        at = 2;
        if at == bytes.len() {
            return true;
        }
    }
    while at < bytes.len() {
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_hexdigit() && at - start < 4 {
            at += 1;
        }
        if at == start {
            return false;
        }
        groups += 1;
        if at == bytes.len() {
            break;
        }
        if bytes[at] != b':' {
            return false;
        }
        at += 1;
        if at < bytes.len() && bytes[at] == b':' {
            if compressed {
                return false;
            }
            compressed = true;
            at += 1;
            if at == bytes.len() {
                break;
            }
        } else if at == bytes.len() {
            return false;
        }
    }
    if compressed {
        groups < 8
    } else {
        groups == 8
    }
}

/// Standard base64 with optional padding.
pub const fn is_base64(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() % 4 != 0 {
        return false;
    }
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        let padding = byte == b'=' && at + 2 >= bytes.len();
        if !(byte.is_ascii_alphanumeric() || byte == b'+' || byte == b'/' || padding) {
            return false;
        }
        at += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_kinds() {
        assert!(matches!(
            literal_kind("\"ml.m5\""),
            LiteralKind::Str("ml.m5")
        ));
        assert!(matches!(
            literal_kind("r#\"a\"b\"#"),
            LiteralKind::Str("a\"b")
        ));
        assert!(matches!(literal_kind("true"), LiteralKind::Bool));
        assert!(matches!(literal_kind("-15"), LiteralKind::Number("-15")));
        assert!(matches!(literal_kind("'c'"), LiteralKind::Other));
    }

    #[test]
    fn numbers_and_dates() {
        assert!(
            is_number("3600")
                && is_number("-1.5")
                && !is_number("abc")
                && !is_number("1.")
                && !is_number("")
        );
        for date in [
            "2024",
            "2024-01",
            "2024-01-31",
            "2024-01-31T12:00Z",
            "2024-01-31T12:00:59Z",
            "2024-01-31T12:00:59.123+01:00",
            "1700000000",
        ] {
            assert!(is_iso_date(date) || is_epoch(date), "{date}");
        }
        for date in [
            "yesterday",
            "2024-13-01",
            "2024-01-31T25:00Z",
            "2024-01-31T12:00",
            "24-01-31",
            "2024-01-31 12:00Z",
        ] {
            assert!(!is_iso_date(date) && !is_epoch(date), "{date}");
        }
    }

    #[test]
    fn ip_ranges() {
        for ip in [
            "203.0.113.0/24",
            "10.0.0.1",
            "0.0.0.0/0",
            "2001:db8::/32",
            "::1",
            "::",
            "2001:DB8:1234:5678::/64",
            "1:2:3:4:5:6:7:8",
        ] {
            assert!(is_cidr(ip), "{ip}");
        }
        for ip in [
            "256.0.0.1",
            "10.0.0/8",
            "10.0.0.1/33",
            "2001:db8::/129",
            "1::2::3",
            "1:2:3:4:5:6:7:8:9",
            "10.0.0.1/",
            "host",
        ] {
            assert!(!is_cidr(ip), "{ip}");
        }
    }

    #[test]
    fn families() {
        assert!(literal_fits(OperatorFamily::Bool, literal_kind("\"true\"")));
        assert!(!literal_fits(OperatorFamily::Bool, literal_kind("\"yes\"")));
        assert!(!literal_fits(
            OperatorFamily::Numeric,
            literal_kind("\"abc\"")
        ));
        assert!(literal_fits(OperatorFamily::Numeric, literal_kind("3600")));
        assert!(literal_fits(
            OperatorFamily::Binary,
            literal_kind("\"QUJD\"")
        ));
        assert!(!literal_fits(
            OperatorFamily::Binary,
            literal_kind("\"QUJ\"")
        ));
    }
}
