//! Case-insensitive lookups in the generated name indexes, and typo suggestions.

use std::cmp::Ordering;

/// Finds `name` in `index`, a table sorted by lower-cased name, ignoring ASCII case and without
/// allocating. `const`, so that the compile-time checks look names up by binary search too.
pub(crate) const fn find_ignore_case<T: Copy>(
    index: &[(&'static str, T)],
    name: &str,
) -> Option<T> {
    let (mut low, mut high) = (0, index.len());
    while low < high {
        let middle = low + (high - low) / 2;
        match compare_lowercase(index[middle].0.as_bytes(), name.as_bytes()) {
            Ordering::Less => low = middle + 1,
            Ordering::Greater => high = middle,
            Ordering::Equal => return Some(index[middle].1),
        }
    }
    None
}

/// The entries of `index` (sorted by lower-cased name) whose names start with `head`, ignoring
/// case: one run of the index, found by binary search, so that constant evaluation visits only
/// the names a pattern with this literal head could match.
pub(crate) const fn run_starting_with<T: Copy>(
    index: &'static [(&'static str, T)],
    head: &[u8],
) -> &'static [(&'static str, T)] {
    let (mut low, mut high) = (0, index.len());
    while low < high {
        let middle = low + (high - low) / 2;
        match compare_lowercase(index[middle].0.as_bytes(), head) {
            Ordering::Less => low = middle + 1,
            _ => high = middle,
        }
    }
    let start = low;
    // From `start` on, the names that start with `head` come first.
    high = index.len();
    while low < high {
        let middle = low + (high - low) / 2;
        let name = index[middle].0.as_bytes();
        let starts = name.len() >= head.len()
            && matches!(
                compare_lowercase(name.split_at(head.len()).0, head),
                Ordering::Equal
            );
        if starts {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    index.split_at(low).0.split_at(start).1
}

/// Orders `a` and `b` by their lower-cased bytes, as the generated indexes are sorted.
pub(crate) fn compare_ignore_case(a: &str, b: &str) -> Ordering {
    compare_lowercase(a.as_bytes(), b.as_bytes())
}

const fn compare_lowercase(a: &[u8], b: &[u8]) -> Ordering {
    let mut at = 0;
    while at < a.len() && at < b.len() {
        let (x, y) = (a[at].to_ascii_lowercase(), b[at].to_ascii_lowercase());
        if x != y {
            return if x < y {
                Ordering::Less
            } else {
                Ordering::Greater
            };
        }
        at += 1;
    }
    if a.len() < b.len() {
        Ordering::Less
    } else if a.len() > b.len() {
        Ordering::Greater
    } else {
        Ordering::Equal
    }
}

/// The name closest to `input` (case-insensitive edit distance), if it is close enough to be a
/// typo: at most a third of the input's length, and at least 1 and at most 3 edits.
pub(crate) fn closest<'a>(
    names: impl Iterator<Item = &'a str> + Clone,
    input: &str,
) -> Option<&'a str> {
    nearest(
        |limit| {
            names
                .clone()
                // Lengths further apart than the limit cannot be within it.
                .filter(move |name| name.len().abs_diff(input.len()) <= limit)
                .map(|name| (name, NameShape::of(name)))
        },
        input,
    )
}

/// Names kept for typo suggestions by a catalog that answers many lookups: their shapes worked
/// out once, and their positions sorted by length, so that a lookup visits only the names
/// whose length is within reach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TypoIndex {
    /// `(length, position)` of every name, sorted.
    by_length: Vec<(usize, usize)>,
    /// By position.
    shapes: Vec<NameShape>,
}

impl TypoIndex {
    pub(crate) fn new<'a>(names: impl Iterator<Item = &'a str>) -> Self {
        let (mut by_length, shapes): (Vec<(usize, usize)>, Vec<NameShape>) = names
            .enumerate()
            .map(|(position, name)| ((name.len(), position), NameShape::of(name)))
            .unzip();
        by_length.sort_unstable();
        TypoIndex { by_length, shapes }
    }

    /// [`closest`] among the names this index was built from; `name` gives each by position.
    pub(crate) fn closest<'a>(
        &self,
        name: impl Fn(usize) -> &'a str,
        input: &str,
    ) -> Option<&'a str> {
        nearest(
            |limit| {
                let shortest = input.len().saturating_sub(limit);
                let from = self
                    .by_length
                    .partition_point(|&(length, _)| length < shortest);
                let to = self
                    .by_length
                    .partition_point(|&(length, _)| length <= input.len() + limit);
                self.by_length[from..to]
                    .iter()
                    .map(|&(_, position)| (name(position), &self.shapes[position]))
            },
            input,
        )
    }
}

/// The search behind [`closest`]: `candidates(limit)` yields at least every name whose length
/// is within `limit` of the input's, with its shape.
fn nearest<'a, S, I>(candidates: impl Fn(usize) -> I, input: &str) -> Option<&'a str>
where
    S: std::borrow::Borrow<NameShape>,
    I: Iterator<Item = (&'a str, S)>,
{
    let budget = (input.chars().count() / 3).clamp(1, 3);
    let mut rows = (Vec::new(), Vec::new());
    let input_shape = NameShape::of(input);
    let mut within = |limit: usize| {
        candidates(limit)
            // One edit changes the letter counts by at most 2 in total: a cheap lower bound.
            .filter(|(_, shape)| shape.borrow().difference(&input_shape) <= 2 * limit)
            .map(|(name, _)| {
                let distance = if limit == 1 {
                    distance_up_to_one(name, input)
                } else {
                    edit_distance(name, input, limit, &mut rows)
                };
                (distance, name)
            })
            .filter(|(distance, _)| *distance <= limit)
            .min()
            .map(|(_, name)| name)
    };
    // Most typos are one edit, and a name one edit away is nearer than any other (an exact
    // match was looked up before): searching with that limit first keeps almost every name
    // out of the edit-distance table.
    within(1).or_else(|| (budget > 1).then(|| within(budget)).flatten())
}

/// How often each byte occurs in a name, case folded into 64 buckets: two names `n` edits
/// apart differ by at most `2n` in these counts.
#[derive(Debug, Clone, PartialEq, Eq)]
struct NameShape([u8; 64]);

impl NameShape {
    fn of(text: &str) -> Self {
        let mut counts = [0u8; 64];
        for byte in text.bytes() {
            let bucket = usize::from(byte.to_ascii_lowercase() & 63);
            counts[bucket] = counts[bucket].saturating_add(1);
        }
        NameShape(counts)
    }

    fn difference(&self, other: &NameShape) -> usize {
        // A fixed-length loop with a narrow sum, which compiles to a few vector instructions.
        let mut total = 0u16;
        for (a, b) in self.0.iter().zip(&other.0) {
            total += u16::from(a.abs_diff(*b));
        }
        usize::from(total)
    }
}

/// [`edit_distance`] with a limit of 1, in one pass: 0, 1, or 2 for anything further.
fn distance_up_to_one(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (shorter, longer) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if longer.len() - shorter.len() > 1 {
        return 2;
    }
    let same = |x: &u8, y: &u8| x.eq_ignore_ascii_case(y);
    let common = shorter
        .iter()
        .zip(longer)
        .take_while(|(x, y)| same(x, y))
        .count();
    if common == longer.len() {
        return 0;
    }
    // Past the first difference, the rest must agree after one substitution (same lengths) or
    // after skipping one byte of the longer.
    let skip = usize::from(shorter.len() == longer.len());
    let rest_agrees = shorter[common + skip..]
        .iter()
        .zip(&longer[common + 1..])
        .all(|(x, y)| same(x, y));
    if rest_agrees {
        1
    } else {
        2
    }
}

/// Levenshtein distance over bytes, ignoring ASCII case, or `limit + 1` as soon as it must
/// exceed `limit`; `rows` is scratch space reused across calls.
fn edit_distance(a: &str, b: &str, limit: usize, rows: &mut (Vec<usize>, Vec<usize>)) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (previous, current) = rows;
    previous.clear();
    previous.extend(0..=b.len());
    current.clear();
    current.resize(b.len() + 1, 0);
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(!ca.eq_ignore_ascii_case(cb));
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        // A row's minimum never decreases further down, so past the limit the name is out.
        if current.iter().min().is_some_and(|&least| least > limit) {
            return limit + 1;
        }
        std::mem::swap(previous, current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ignoring_case() {
        let index = [
            ("addtags", 1),
            ("createtrainingjob", 2),
            ("describeaction", 3),
        ];
        assert_eq!(find_ignore_case(&index, "CreateTrainingJob"), Some(2));
        assert_eq!(find_ignore_case(&index, "describeACTION"), Some(3));
        assert_eq!(find_ignore_case(&index, "CreateTrainingJobs"), None);
    }

    #[test]
    fn suggests_near_names_only() {
        let names = ["CreateTrainingJob", "CreateTransformJob", "AddTags"];
        assert_eq!(
            closest(names.into_iter(), "CreateTrainingJbo"),
            Some("CreateTrainingJob")
        );
        assert_eq!(
            closest(names.into_iter(), "createtrainingjob"),
            Some("CreateTrainingJob")
        );
        assert_eq!(closest(names.into_iter(), "DeleteEverything"), None);
        assert_eq!(
            edit_distance("kitten", "sitting", 10, &mut (Vec::new(), Vec::new())),
            3
        );
    }

    #[test]
    fn runs_hold_exactly_the_names_with_the_head() {
        const INDEX: &[(&str, usize)] = &[
            ("addtags", 0),
            ("createtrainingjob", 1),
            ("createtransformjob", 2),
            ("describetrainingjob", 3),
            ("listtags", 4),
        ];
        for head in [
            "",
            "c",
            "CreateTra",
            "createtrainingjob",
            "createtrainingjobx",
            "d",
            "z",
            "a",
        ] {
            let expected: Vec<usize> = INDEX
                .iter()
                .filter(|(name, _)| {
                    name.len() >= head.len() && name[..head.len()].eq_ignore_ascii_case(head)
                })
                .map(|&(_, value)| value)
                .collect();
            let run: Vec<usize> = run_starting_with(INDEX, head.as_bytes())
                .iter()
                .map(|&(_, value)| value)
                .collect();
            assert_eq!(run, expected, "{head:?}");
        }
        assert_eq!(find_ignore_case(INDEX, "ListTags"), Some(4));
        assert_eq!(find_ignore_case(INDEX, "ListTag"), None);
        assert_eq!(find_ignore_case(INDEX, "AddTags"), Some(0));
    }

    #[test]
    fn the_index_answers_as_the_plain_search() {
        let names = [
            "AddTags",
            "CreateTrainingJob",
            "CreateTransformJob",
            "DescribeTrainingJob",
            "ListTags",
            "StopTrainingJob",
        ];
        let index = TypoIndex::new(names.into_iter());
        for input in [
            "CreateTrainingJbo",
            "CreatTrainingJob",
            "createtrainingjob",
            "DescribeTrainigJb",
            "ListTag",
            "AddTagsX",
            "DeleteEverything",
            "",
        ] {
            assert_eq!(
                index.closest(|position| names[position], input),
                closest(names.into_iter(), input),
                "{input}"
            );
        }
        assert_eq!(
            index.closest(|position| names[position], "DescribeTrainigJb"),
            Some("DescribeTrainingJob")
        );
    }

    #[test]
    fn one_edit_is_measured_as_the_full_distance_would() {
        let words = [
            "", "a", "A", "ab", "ba", "abc", "abd", "abcd", "acbd", "xabc", "abcx", "axc", "ac",
            "bc",
        ];
        let mut rows = (Vec::new(), Vec::new());
        for a in words {
            for b in words {
                let full = edit_distance(a, b, 1, &mut rows).min(2);
                assert_eq!(distance_up_to_one(a, b), full, "{a:?} ~ {b:?}");
            }
        }
    }
}
