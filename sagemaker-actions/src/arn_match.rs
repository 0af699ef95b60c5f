//! Could an ARN pattern name a resource of a given ARN format? Both sides may leave text open:
//! the pattern with IAM wildcards (`*`, `?`) and policy variables (`${aws:username}`), the format
//! with placeholders (`${TrainingJobName}`). They are compatible when some ARN matches both. The
//! first five `:`-separated fields are compared field by field (a wildcard never spans a colon
//! there); the resource part, which may itself contain colons, is compared as a whole.
//!
//! Everything is `const`, so the policy macro can run it at compile time.

/// The longest field handled exactly; longer ones are assumed compatible rather than rejected.
const MAX_FIELD: usize = 512;

/// The six fields of an ARN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ArnParts<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub resource: &'a str,
    /// What each field (partition to resource) is, worked out once when the ARN is split so
    /// that comparing it with many formats does not scan the fields again.
    pub kinds: [FieldKind; 5],
}

/// What an ARN field holds, as far as comparing it with another field goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FieldKind {
    /// `*` or a lone `${...}`: matches any text.
    Any,
    /// Plain text, without wildcards or `${`.
    Literal,
    /// Anything else: needs the full comparison.
    Pattern,
}

impl FieldKind {
    fn of(field: &str) -> Self {
        let bytes = field.as_bytes();
        // Most fields have none of the bytes that open a field, which one scan rules out.
        if !bytes.iter().any(|&byte| matches!(byte, b'*' | b'?' | b'$')) {
            FieldKind::Literal
        } else if is_open_field(bytes) {
            FieldKind::Any
        } else if has_pattern(bytes) {
            FieldKind::Pattern
        } else {
            FieldKind::Literal
        }
    }
}

/// Splits `arn:partition:service:region:account:resource`; `None` without the `arn:` prefix or
/// with fewer than six fields. Colons inside policy variables (`${aws:username}`) do not
/// separate fields.
pub(crate) fn split_arn(text: &str) -> Option<ArnParts<'_>> {
    ArnBounds::of(text).map(|bounds| bounds.parts(text))
}

/// Where the five field-separating colons of an ARN are, so that a text kept elsewhere (a
/// catalog's ARN format) is scanned once and read as [`ArnParts`] on every comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ArnBounds {
    colons: [usize; 5],
    kinds: [FieldKind; 5],
}

impl ArnBounds {
    /// The bounds of `text`, as [`split_arn`] reads it.
    pub(crate) fn of(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        let mut colons = [0usize; 5];
        let mut start = 0;
        for colon in &mut colons {
            *colon = next_colon(bytes, start)?;
            start = *colon + 1;
        }
        if &text[..colons[0]] != "arn" {
            return None;
        }
        let [first, second, third, fourth, fifth] = colons;
        let kinds = [
            FieldKind::of(&text[first + 1..second]),
            FieldKind::of(&text[second + 1..third]),
            FieldKind::of(&text[third + 1..fourth]),
            FieldKind::of(&text[fourth + 1..fifth]),
            FieldKind::of(&text[fifth + 1..]),
        ];
        Some(ArnBounds { colons, kinds })
    }

    /// The fields of `text`, which must be the text these bounds were found in.
    pub(crate) fn parts<'a>(&self, text: &'a str) -> ArnParts<'a> {
        let [first, second, third, fourth, fifth] = self.colons;
        ArnParts {
            partition: &text[first + 1..second],
            service: &text[second + 1..third],
            region: &text[third + 1..fourth],
            account: &text[fourth + 1..fifth],
            resource: &text[fifth + 1..],
            kinds: self.kinds,
        }
    }
}

impl<'a> ArnParts<'a> {
    /// Partition, service, region, account and resource, in the order of `kinds`.
    fn fields(&self) -> [&'a str; 5] {
        [
            self.partition,
            self.service,
            self.region,
            self.account,
            self.resource,
        ]
    }

    /// The resource part up to its first wildcard, variable or placeholder (see
    /// [`literal_start`]).
    pub(crate) fn literal_start(&self) -> &[u8] {
        literal_prefix(self.resource.as_bytes())
    }
}

/// Whether `pattern` is `arn:` followed by five more `:`-separated fields.
pub const fn is_arn_syntax(pattern: &str) -> bool {
    let bytes = pattern.as_bytes();
    if bytes.len() < 4
        || !(bytes[0] == b'a' && bytes[1] == b'r' && bytes[2] == b'n' && bytes[3] == b':')
    {
        return false;
    }
    field_end(bytes, 4).is_some()
}

/// The service field of an ARN, or `""` when `pattern` is not an ARN.
pub const fn arn_service(pattern: &str) -> &str {
    let bytes = pattern.as_bytes();
    if !is_arn_syntax(pattern) {
        return "";
    }
    let start = match field_end(bytes, 1) {
        Some(end) => end + 1,
        None => return "",
    };
    let end = match field_end(bytes, 2) {
        Some(end) => end,
        None => return "",
    };
    let (head, _) = bytes.split_at(end);
    let (_, service) = head.split_at(start);
    match core::str::from_utf8(service) {
        Ok(service) => service,
        Err(_) => "",
    }
}

/// Whether some ARN matches both `pattern` (IAM wildcards) and `format` (a catalog ARN format).
pub const fn arn_could_match_format(pattern: &str, format: &str) -> bool {
    let (pattern, format) = (pattern.as_bytes(), format.as_bytes());
    let mut field = 0;
    let (mut p_start, mut f_start) = (0, 0);
    while field < 6 {
        let p_end = if field == 5 {
            Some(pattern.len())
        } else {
            next_colon(pattern, p_start)
        };
        let f_end = if field == 5 {
            Some(format.len())
        } else {
            next_colon(format, f_start)
        };
        let (p_end, f_end) = match (p_end, f_end) {
            (Some(p), Some(f)) => (p, f),
            _ => return false,
        };
        if !fields_intersect(
            slice(pattern, p_start, p_end),
            slice(format, f_start, f_end),
        ) {
            return false;
        }
        p_start = p_end + 1;
        f_start = f_end + 1;
        field += 1;
    }
    true
}

/// [`arn_could_match_format`] with a cheap rejection first, for run-time callers that try one
/// ARN against every format of a service: the literal starts of the resource parts (before the
/// first wildcard, variable or placeholder) must agree, which rules out almost every other
/// resource type without running the full comparison.
pub(crate) fn arn_may_match_format(pattern: &str, format: &str) -> bool {
    literal_starts_agree(literal_start(pattern), literal_start(format))
        && arn_could_match_format(pattern, format)
}

/// [`arn_could_match_format`] for ARNs already split into fields, so that one pattern compared
/// with many formats is split once.
pub(crate) fn parts_could_match(pattern: &ArnParts<'_>, format: &ArnParts<'_>) -> bool {
    let (a, b) = (pattern.fields(), format.fields());
    (0..5).all(|field| match (pattern.kinds[field], format.kinds[field]) {
        (FieldKind::Any, _) | (_, FieldKind::Any) => true,
        (FieldKind::Literal, FieldKind::Literal) => a[field] == b[field],
        _ => fields_intersect(a[field].as_bytes(), b[field].as_bytes()),
    })
}

/// Whether two literal starts (see [`literal_start`]) leave room for a common ARN: the shorter
/// must begin the longer.
pub(crate) const fn literal_starts_agree(a: &[u8], b: &[u8]) -> bool {
    let common = if a.len() < b.len() { a.len() } else { b.len() };
    let mut at = 0;
    while at < common {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

/// The resource part of an ARN up to its first wildcard, variable or placeholder (empty when
/// the text has no resource part).
pub(crate) const fn literal_start(text: &str) -> &[u8] {
    let bytes = text.as_bytes();
    match field_end(bytes, 4) {
        Some(end) => literal_prefix(slice(bytes, end + 1, bytes.len())),
        None => &[],
    }
}

const fn literal_prefix(resource: &[u8]) -> &[u8] {
    let mut open = 0;
    while open < resource.len() && !matches!(resource[open], b'*' | b'?' | b'$') {
        open += 1;
    }
    slice(resource, 0, open)
}

const fn slice(bytes: &[u8], start: usize, end: usize) -> &[u8] {
    let (head, _) = bytes.split_at(end);
    let (_, field) = head.split_at(start);
    field
}

/// The next `:` at or after `from` that is not inside a `${...}` policy variable.
const fn next_colon(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    let mut in_variable = false;
    while at < bytes.len() {
        match bytes[at] {
            b'$' if at + 1 < bytes.len() && bytes[at + 1] == b'{' => in_variable = true,
            b'}' => in_variable = false,
            b':' if !in_variable => return Some(at),
            _ => {}
        }
        at += 1;
    }
    None
}

/// The index of the colon that ends field `field` (0-based: field 0 is `arn`).
const fn field_end(bytes: &[u8], field: usize) -> Option<usize> {
    let mut seen = 0;
    let mut from = 0;
    loop {
        match next_colon(bytes, from) {
            Some(at) if seen == field => return Some(at),
            Some(at) => {
                seen += 1;
                from = at + 1;
            }
            None => return None,
        }
    }
}

/// Whether two fields, both read as globs (placeholders and variables as `*`), share a match.
const fn fields_intersect(a: &[u8], b: &[u8]) -> bool {
    // Most fields are plain text or a lone wildcard or placeholder; only the rest need the
    // full comparison.
    if is_open_field(a) || is_open_field(b) {
        return true;
    }
    if !has_pattern(a) && !has_pattern(b) {
        return bytes_equal(a, b);
    }
    // A format part such as `training-job/${TrainingJobName}`: any pattern whose literal start
    // already begins with `training-job/` shares a match with it.
    if covers_open_tail(a, b) || covers_open_tail(b, a) {
        return true;
    }
    // Literal text at either end must agree, and what agrees can be left out of the table.
    let (a, b) = match trim_literal_ends(a, b) {
        Some(rest) => rest,
        None => return false,
    };
    // Most fields are short: a small table is much cheaper to clear than one for the longest.
    if a.len() < SHORT_FIELD && b.len() < SHORT_FIELD {
        globs_of_fields_intersect::<{ SHORT_FIELD + 1 }>(a, b)
    } else {
        globs_of_fields_intersect::<{ MAX_FIELD + 1 }>(a, b)
    }
}

/// Removes the literal bytes both fields start and end with; `None` when a literal byte of one
/// meets a different literal byte of the other at the same end, which no text can match both.
/// Stops at `*`, `?`, `$` from the start and at `*`, `?`, `}` from the end, so that placeholders
/// and variables stay whole.
const fn trim_literal_ends<'f>(a: &'f [u8], b: &'f [u8]) -> Option<(&'f [u8], &'f [u8])> {
    let mut start = 0;
    while start < a.len() && start < b.len() {
        let (x, y) = (a[start], b[start]);
        if matches!(x, b'*' | b'?' | b'$') || matches!(y, b'*' | b'?' | b'$') {
            break;
        }
        if x != y {
            return None;
        }
        start += 1;
    }
    let (mut a_end, mut b_end) = (a.len(), b.len());
    while a_end > start && b_end > start {
        let (x, y) = (a[a_end - 1], b[b_end - 1]);
        if matches!(x, b'*' | b'?' | b'}') || matches!(y, b'*' | b'?' | b'}') {
            break;
        }
        if x != y {
            return None;
        }
        a_end -= 1;
        b_end -= 1;
    }
    Some((slice(a, start, a_end), slice(b, start, b_end)))
}

/// Fields shorter than this are compared in tables sized for them.
const SHORT_FIELD: usize = 64;

/// [`fields_intersect`]'s full comparison, with room for fields of fewer than `N` bytes.
const fn globs_of_fields_intersect<const N: usize>(a: &[u8], b: &[u8]) -> bool {
    let mut a_glob = [0u8; N];
    let mut b_glob = [0u8; N];
    let (Some(n), Some(m)) = (to_glob(a, &mut a_glob), to_glob(b, &mut b_glob)) else {
        return true;
    };
    globs_intersect(&a_glob, n, &b_glob, m)
}

/// `*` alone, or one `${...}` alone: matches any text.
const fn is_open_field(field: &[u8]) -> bool {
    if field.len() == 1 && field[0] == b'*' {
        return true;
    }
    if field.len() < 3 || field[0] != b'$' || field[1] != b'{' || field[field.len() - 1] != b'}' {
        return false;
    }
    let mut at = 2;
    while at < field.len() - 1 {
        if field[at] == b'}' {
            return false;
        }
        at += 1;
    }
    true
}

/// Whether `tail_open` is a literal followed by one `*` or `${...}` at its end, and `other`'s
/// literal start (before its first wildcard or `${`) begins with that literal.
const fn covers_open_tail(other: &[u8], tail_open: &[u8]) -> bool {
    let mut literal = 0;
    while literal < tail_open.len()
        && !(tail_open[literal] == b'*'
            || tail_open[literal] == b'?'
            || (tail_open[literal] == b'$'
                && literal + 1 < tail_open.len()
                && tail_open[literal + 1] == b'{'))
    {
        literal += 1;
    }
    if literal == tail_open.len() {
        return false;
    }
    let (_, tail) = tail_open.split_at(literal);
    if !is_open_field(tail) {
        return false;
    }
    let mut at = 0;
    while at < literal {
        if at >= other.len() || other[at] != tail_open[at] || other[at] == b'*' || other[at] == b'?'
        {
            return false;
        }
        if other[at] == b'$' && at + 1 < other.len() && other[at + 1] == b'{' {
            return false;
        }
        at += 1;
    }
    true
}

/// Whether the field has a wildcard or a `${`.
const fn has_pattern(field: &[u8]) -> bool {
    let mut at = 0;
    while at < field.len() {
        if field[at] == b'*'
            || field[at] == b'?'
            || (field[at] == b'$' && at + 1 < field.len() && field[at + 1] == b'{')
        {
            return true;
        }
        at += 1;
    }
    false
}

const fn bytes_equal(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut at = 0;
    while at < a.len() {
        if a[at] != b[at] {
            return false;
        }
        at += 1;
    }
    true
}

/// Copies `field` into `out` with every `${...}` replaced by `*`; `None` if it does not fit in
/// `N - 1` bytes (the tables of [`globs_intersect`] need one more row than the glob has bytes).
const fn to_glob<const N: usize>(field: &[u8], out: &mut [u8; N]) -> Option<usize> {
    let (mut from, mut to) = (0, 0);
    while from < field.len() {
        if to + 1 >= N {
            return None;
        }
        if field[from] == b'$' && from + 1 < field.len() && field[from + 1] == b'{' {
            let mut close = from + 2;
            while close < field.len() && field[close] != b'}' {
                close += 1;
            }
            if close < field.len() {
                out[to] = b'*';
                to += 1;
                from = close + 1;
                continue;
            }
        }
        out[to] = field[from];
        to += 1;
        from += 1;
    }
    Some(to)
}

/// Dynamic programming over suffixes: `row[j]` after processing `i` says whether `a[i..n]` and
/// `b[j..m]` can match a common string. A star may match nothing (skip it) or absorb the other
/// side's next character; two leading stars absorb each other's characters for free.
const fn globs_intersect<const N: usize>(a: &[u8; N], n: usize, b: &[u8; N], m: usize) -> bool {
    let mut first = [false; N];
    let mut second = [false; N];
    // Swapping references to the two rows instead of copying one over the other.
    let mut next = &mut first;
    let mut row = &mut second;
    let mut i = n + 1;
    while i > 0 {
        i -= 1;
        let mut j = m + 1;
        while j > 0 {
            j -= 1;
            row[j] = if i == n && j == m {
                true
            } else if i < n && a[i] == b'*' {
                next[j] || (j < m && row[j + 1])
            } else if j < m && b[j] == b'*' {
                row[j + 1] || (i < n && next[j])
            } else if i < n && j < m && (a[i] == b[j] || a[i] == b'?' || b[j] == b'?') {
                next[j + 1]
            } else {
                false
            };
        }
        core::mem::swap(&mut next, &mut row);
    }
    next[0]
}

/// A catalog ARN format with every placeholder filled: partition `aws`, region `us-east-1`,
/// account `123456789012`, and `name` for the resource's own placeholders. For tests that
/// compare real-looking ARNs with every format.
/// AWS's partitions: the first field of every ARN is one of these, in lower case.
pub(crate) const PARTITIONS: &[&str] = &[
    "aws",
    "aws-cn",
    "aws-us-gov",
    "aws-iso",
    "aws-iso-b",
    "aws-iso-e",
    "aws-iso-f",
    "aws-eusc",
];

#[cfg(test)]
pub(crate) fn filled_format(format: &str, name: &str) -> String {
    let filled = format
        .replace("${Partition}", "aws")
        .replace("${Region}", "us-east-1")
        .replace("${Account}", "123456789012");
    let mut concrete = String::new();
    let mut rest = filled.as_str();
    while let Some(open) = rest.find("${") {
        concrete.push_str(&rest[..open]);
        concrete.push_str(name);
        rest = rest[open..].split_once('}').map_or("", |(_, after)| after);
    }
    concrete.push_str(rest);
    concrete
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRAINING_JOB: &str =
        "arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}";
    const ENDPOINT: &str =
        "arn:${Partition}:sagemaker:${Region}:${Account}:endpoint/${EndpointName}";

    #[test]
    fn patterns_against_formats() {
        assert!(arn_could_match_format(
            "arn:aws:sagemaker:us-east-1:123456789012:training-job/a",
            TRAINING_JOB
        ));
        assert!(arn_could_match_format(
            "arn:aws:sagemaker:*:*:*",
            TRAINING_JOB
        ));
        assert!(arn_could_match_format(
            "arn:aws:sagemaker:*:*:training-job/*",
            TRAINING_JOB
        ));
        assert!(arn_could_match_format(
            "arn:aws:sagemaker:*:*:train*",
            TRAINING_JOB
        ));
        assert!(arn_could_match_format(
            "arn:aws:sagemaker:*:*:?raining-job/x",
            TRAINING_JOB
        ));
        assert!(arn_could_match_format(
            "arn:aws:sagemaker:r:a:training-job/${aws:username}",
            TRAINING_JOB
        ));
        assert!(!arn_could_match_format(
            "arn:aws:sagemaker:*:*:endpoint/*",
            TRAINING_JOB
        ));
        assert!(!arn_could_match_format(
            "arn:aws:sagemaker:*:*:training-job",
            TRAINING_JOB
        ));
        assert!(!arn_could_match_format(
            "arn:aws:s3:::bucket/*",
            TRAINING_JOB
        ));
        assert!(arn_could_match_format(
            "arn:aws:sagemaker:*:*:endpoint/x",
            ENDPOINT
        ));
        // A wildcard in the region cannot reach across the colon into the resource part.
        assert!(!arn_could_match_format(
            "arn:aws:sagemaker:*:endpoint/x",
            ENDPOINT
        ));
        assert!(!arn_could_match_format("not-an-arn", ENDPOINT));
    }

    #[test]
    fn glob_intersection() {
        let glob = |text: &str| {
            let mut out = [0u8; MAX_FIELD + 1];
            let n = to_glob(text.as_bytes(), &mut out).unwrap();
            (out, n)
        };
        let both = |a: &str, b: &str| {
            let ((a, n), (b, m)) = (glob(a), glob(b));
            globs_intersect(&a, n, &b, m)
        };
        assert!(both("*a", "b*"));
        assert!(!both("*a", "*b"));
        assert!(both("a*c", "ab*"));
        assert!(!both("a?c", "abd"));
        assert!(both("", "*"));
        assert!(!both("", "?"));
        assert!(both("x${v}z", "xyz"));
        let fields = |a: &str, b: &str| fields_intersect(a.as_bytes(), b.as_bytes());
        assert!(fields("training-job/a*", "training-job/${Name}"));
        assert!(fields("training-job/${Name}", "training-job/x"));
        assert!(!fields("endpoint/x", "training-job/${Name}"));
        assert!(fields("train*", "training-job/${Name}"));
        assert!(!fields("tr?x*", "training-job/${Name}"));
        // Literal ends decide alone, or are left out of the full comparison.
        assert!(!fields("a*-x", "${Bucket}/y"));
        assert!(fields("a*/y", "${Bucket}/y"));
        assert!(!fields("b*/y", "a${Bucket}/y"));
        assert!(fields("ab*c", "a*bc"));
        assert!(!fields("ab*c", "a*bd"));
        assert!(fields("x?z", "x${Name}z"));
        // Fields past the short tables' size take the long ones; past those, they are assumed
        // compatible.
        let any = |length: usize| "?".repeat(length);
        assert!(fields(&any(100), &format!("*{}", any(99))));
        assert!(!fields(&any(100), &any(101)));
        assert!(fields(&any(600), &any(601)));
    }

    #[test]
    fn shortcuts_agree_with_the_full_comparison() {
        // Every field of up to three tokens, against every other.
        let tokens = ["a", "b", "*", "?", "${X}"];
        let mut fields = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = fields
                .iter()
                .flat_map(|field| tokens.iter().map(move |token| format!("{field}{token}")))
                .collect();
            fields.extend(longer);
        }
        fields.sort();
        fields.dedup();
        for a in &fields {
            for b in &fields {
                let (a, b) = (a.as_bytes(), b.as_bytes());
                assert_eq!(
                    fields_intersect(a, b),
                    globs_of_fields_intersect::<{ MAX_FIELD + 1 }>(a, b),
                    "{:?} ~ {:?}",
                    String::from_utf8_lossy(a),
                    String::from_utf8_lossy(b)
                );
            }
        }
    }

    #[test]
    fn syntax_and_service() {
        assert!(is_arn_syntax("arn:aws:iam::*:role/*"));
        assert!(!is_arn_syntax("arn:aws:iam:*"));
        assert_eq!(arn_service("arn:aws:events:us-east-1:1:rule/x"), "events");
        assert_eq!(arn_service("[[roleArn]]"), "");
        assert_eq!(
            split_arn("arn:aws:sagemaker:r:a:x:y").unwrap().resource,
            "x:y"
        );
        for (pattern, format) in [
            ("arn:aws:sagemaker:*:*:training-job/x", TRAINING_JOB),
            ("arn:aws:sagemaker:*:*:endpoint/x", TRAINING_JOB),
            ("arn:aws-cn:sagemaker:r:a:train*", TRAINING_JOB),
        ] {
            assert_eq!(
                parts_could_match(&split_arn(pattern).unwrap(), &split_arn(format).unwrap()),
                arn_could_match_format(pattern, format),
                "{pattern}"
            );
        }
        let with_variable = split_arn("arn:aws:sagemaker:${aws:RequestedRegion}:a:x").unwrap();
        assert_eq!(with_variable.region, "${aws:RequestedRegion}");
        assert_eq!(with_variable.account, "a");
        assert!(arn_could_match_format(
            "arn:aws:sagemaker:${aws:RequestedRegion}:*:training-job/x",
            "arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}"
        ));
    }

    #[test]
    fn the_quick_rejection_agrees_with_the_full_comparison() {
        let patterns = [
            "arn:aws:sagemaker:*:*:*",
            "arn:aws:sagemaker:*:*:training-job/*",
            "arn:aws:sagemaker:*:*:train*",
            "arn:aws:sagemaker:*:*:endpoint/x",
            "arn:aws:sagemaker:r:a:${aws:username}/x",
            "arn:aws:sagemaker:*:*:?raining-job/x",
        ];
        for pattern in patterns {
            for format in [TRAINING_JOB, ENDPOINT] {
                assert_eq!(
                    arn_may_match_format(pattern, format),
                    arn_could_match_format(pattern, format),
                    "{pattern} ~ {format}"
                );
            }
        }
    }

    const COMPILE_TIME: bool = arn_could_match_format("arn:aws:sagemaker:*:*:*", ENDPOINT);

    #[test]
    fn usable_in_constants() {
        const _: () = assert!(COMPILE_TIME);
    }
}
