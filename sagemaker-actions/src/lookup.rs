//! Case-insensitive lookups in the generated name indexes, and typo suggestions.

use std::cmp::Ordering;

/// Finds `name` in `index`, a table sorted by lower-cased name, ignoring ASCII case and without
/// allocating.
pub(crate) fn find_ignore_case<T: Copy>(index: &[(&'static str, T)], name: &str) -> Option<T> {
    index
        .binary_search_by(|(candidate, _)| compare_ignore_case(candidate, name))
        .ok()
        .map(|position| index[position].1)
}

pub(crate) fn compare_ignore_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|byte| byte.to_ascii_lowercase())
        .cmp(b.bytes().map(|byte| byte.to_ascii_lowercase()))
}

/// The name closest to `input` (case-insensitive edit distance), if it is close enough to be a
/// typo: at most a third of the input's length, and at least 1 and at most 3 edits.
pub(crate) fn closest<'a>(
    names: impl Iterator<Item = &'a str> + Clone,
    input: &str,
) -> Option<&'a str> {
    closest_by_shape(names.map(|name| (name, NameShape::of(name))), input)
}

/// [`closest`] over names whose shapes were worked out beforehand, as a catalog that answers
/// many lookups keeps them.
pub(crate) fn closest_by_shape<'a, S: std::borrow::Borrow<NameShape>>(
    names: impl Iterator<Item = (&'a str, S)> + Clone,
    input: &str,
) -> Option<&'a str> {
    let budget = (input.chars().count() / 3).clamp(1, 3);
    let mut rows = (Vec::new(), Vec::new());
    let input_shape = NameShape::of(input);
    let mut within = |limit: usize| {
        names
            .clone()
            // Lengths further apart than the limit cannot be within it; most names stop here.
            .filter(|(name, _)| name.len().abs_diff(input.len()) <= limit)
            // One edit changes the letter counts by at most 2 in total: a cheap lower bound.
            .filter(|(_, shape)| shape.borrow().difference(&input_shape) <= 2 * limit)
            .map(|(name, _)| (edit_distance(name, input, limit, &mut rows), name))
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
pub(crate) struct NameShape([u8; 64]);

impl NameShape {
    pub(crate) fn of(text: &str) -> Self {
        let mut counts = [0u8; 64];
        for byte in text.bytes() {
            let bucket = usize::from(byte.to_ascii_lowercase() & 63);
            counts[bucket] = counts[bucket].saturating_add(1);
        }
        NameShape(counts)
    }

    fn difference(&self, other: &NameShape) -> usize {
        self.0
            .iter()
            .zip(&other.0)
            .map(|(a, b)| usize::from(a.abs_diff(*b)))
            .sum()
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
}
