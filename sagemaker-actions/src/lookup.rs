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

fn compare_ignore_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|byte| byte.to_ascii_lowercase())
        .cmp(b.bytes().map(|byte| byte.to_ascii_lowercase()))
}

/// The name closest to `input` (case-insensitive edit distance), if it is close enough to be a
/// typo: at most a third of the input's length, and at least 1 and at most 3 edits.
pub(crate) fn closest<'a>(names: impl Iterator<Item = &'a str>, input: &str) -> Option<&'a str> {
    let budget = (input.chars().count() / 3).clamp(1, 3);
    names
        .map(|name| (edit_distance(name, input), name))
        .filter(|(distance, _)| *distance <= budget)
        .min()
        .map(|(_, name)| name)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
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
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
