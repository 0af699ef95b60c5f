//! IAM's wildcards: `*` matches any run of characters (including none), `?` exactly one.

/// Whether `text` matches the IAM wildcard `pattern`, comparing case-sensitively (as IAM compares
/// ARNs). `const`, so compile-time checks can use it.
///
/// ```
/// use sagemaker_actions::wildcard_match;
/// assert!(wildcard_match("arn:aws:sagemaker:*:*:training-job/*", "arn:aws:sagemaker:us-east-1:123456789012:training-job/t1"));
/// assert!(wildcard_match("job-?", "job-7"));
/// assert!(!wildcard_match("Job*", "job-7"));
/// ```
pub const fn wildcard_match(pattern: &str, text: &str) -> bool {
    matches_bytes(pattern.as_bytes(), text.as_bytes(), false)
}

/// Like [`wildcard_match`], ignoring ASCII case (as IAM compares action names).
pub const fn wildcard_match_ignore_case(pattern: &str, text: &str) -> bool {
    matches_bytes(pattern.as_bytes(), text.as_bytes(), true)
}

/// Whether `text` holds an IAM wildcard (`*` or `?`). Compares bytes, which a `char` pattern
/// would decode one by one; both wildcards are ASCII, so no UTF-8 sequence can contain them.
pub(crate) fn has_wildcard(text: &str) -> bool {
    text.bytes().any(|byte| byte == b'*' || byte == b'?')
}

/// Greedy matching with one backtrack point: the last `*` seen absorbs one more character each
/// time the rest fails, which is linear in practice and needs no recursion (so it runs in const).
const fn matches_bytes(pattern: &[u8], text: &[u8], ignore_case: bool) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<usize> = None;
    let mut resume = 0;
    while t < text.len() {
        if p < pattern.len() && pattern[p] == b'*' {
            star = Some(p);
            resume = t;
            p += 1;
        } else if p < pattern.len() && pattern[p] == b'?' {
            p += 1;
            t += char_width(text[t]);
        } else if p < pattern.len() && bytes_equal(pattern[p], text[t], ignore_case) {
            p += 1;
            t += 1;
        } else if let Some(star) = star {
            p = star + 1;
            resume += char_width(text[resume]);
            t = resume;
        } else {
            return false;
        }
    }
    while p < pattern.len() && pattern[p] == b'*' {
        p += 1;
    }
    p == pattern.len() && t == text.len()
}

const fn bytes_equal(a: u8, b: u8, ignore_case: bool) -> bool {
    if ignore_case {
        a.eq_ignore_ascii_case(&b)
    } else {
        a == b
    }
}

/// The length of the UTF-8 sequence a leading byte starts, so `?` consumes one character.
const fn char_width(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_wildcards() {
        assert!(has_wildcard("Describe*"));
        assert!(has_wildcard("job-?"));
        assert!(!has_wildcard("CreateTrainingJob"));
        assert!(!has_wildcard("ünïcödé"));
    }

    #[test]
    fn stars_and_question_marks() {
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("*", "anything"));
        assert!(wildcard_match("a*b*c", "a-x-b-y-c"));
        assert!(wildcard_match("a*b*c", "abc"));
        assert!(!wildcard_match("a*b*c", "a-x-c"));
        assert!(wildcard_match("a?c", "abc"));
        assert!(!wildcard_match("a?c", "ac"));
        assert!(wildcard_match("*job", "jobjobjob"));
        assert!(!wildcard_match("job", "jobs"));
        assert!(wildcard_match("??", "éx"));
        assert!(!wildcard_match("???", "éx"));
        assert!(wildcard_match("*é?", "aaéb"));
    }

    #[test]
    fn case_rules() {
        assert!(!wildcard_match("describe*", "DescribeTrainingJob"));
        assert!(wildcard_match_ignore_case(
            "describe*",
            "DescribeTrainingJob"
        ));
        assert!(wildcard_match_ignore_case(
            "*TRAINING?OB",
            "DescribeTrainingJob"
        ));
    }

    const AT_COMPILE_TIME: bool = wildcard_match(
        "arn:aws:sagemaker:*:*:*",
        "arn:aws:sagemaker:r:1:endpoint/x",
    );

    #[test]
    fn usable_in_constants() {
        const _: () = assert!(AT_COMPILE_TIME);
    }
}
