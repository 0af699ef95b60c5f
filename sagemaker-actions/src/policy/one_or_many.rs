/// A policy element written either as a lone value or as an array. IAM treats both alike; the
/// model keeps which form was written so that a parsed policy serializes back unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum OneOrMany<T> {
    /// `"Action": "sagemaker:CreateTrainingJob"`.
    One(T),
    /// `"Action": ["sagemaker:CreateTrainingJob"]`, possibly empty.
    Many(Vec<T>),
}

impl<T> OneOrMany<T> {
    /// The values, whichever form was written.
    pub fn as_slice(&self) -> &[T] {
        match self {
            OneOrMany::One(value) => std::slice::from_ref(value),
            OneOrMany::Many(values) => values,
        }
    }

    /// Iterates over the values.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.as_slice().iter()
    }

    /// How many values there are.
    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    /// Whether this is an empty array (a statement with an empty Action or Resource list grants
    /// nothing).
    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }
}

impl<T> From<Vec<T>> for OneOrMany<T> {
    fn from(values: Vec<T>) -> Self {
        OneOrMany::Many(values)
    }
}

impl<'a, T> IntoIterator for &'a OneOrMany<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}
