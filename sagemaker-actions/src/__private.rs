//! Support for the [`policy!`](crate::policy!) macro's expansion. Not a public API: names here
//! change without notice.

pub use crate::compile_checks::{
    check_statement, check_version, has_variables, ActionRef, BlockRef, BuilderArgs, ConditionRef,
    KeyRef, ResourceListRef, ResourceRef, StatementRefs, ValueRef,
};

use crate::policy::{BaseOperator, ConditionValue, Operator, PrincipalKind, SetQualifier};
use std::borrow::Cow;

/// A condition operator named in the macro: its value and the family its run-time values must
/// belong to.
pub trait OperatorMarker {
    /// The operator.
    const OPERATOR: Operator;
    /// The family of Rust types its run-time values may have.
    type Family;
}

/// Values of String operators.
pub struct StringFamily;
/// Values of ARN operators.
pub struct ArnFamily;
/// Values of Numeric operators.
pub struct NumericFamily;
/// Values of Date operators.
pub struct DateFamily;
/// Values of `Bool`.
pub struct BoolFamily;
/// Values of `BinaryEquals`.
pub struct BinaryFamily;
/// Values of `IpAddress`/`NotIpAddress`.
pub struct IpFamily;
/// Values of `Null`.
pub struct NullFamily;

macro_rules! operator_markers {
    ($($name:ident, $name_if_exists:ident => $base:ident, $family:ident;)*) => {
        /// One marker type per operator name, so that a misspelled operator is a compile error
        /// with the compiler's "similar name" hint.
        #[allow(missing_docs)]
        pub mod ops {
            use super::*;
            $(
                pub struct $name;
                impl OperatorMarker for $name {
                    const OPERATOR: Operator = Operator::new(BaseOperator::$base);
                    type Family = $family;
                }
                pub struct $name_if_exists;
                impl OperatorMarker for $name_if_exists {
                    const OPERATOR: Operator = Operator::new(BaseOperator::$base).if_exists();
                    type Family = $family;
                }
            )*
        }
    };
}

operator_markers! {
    StringEquals, StringEqualsIfExists => StringEquals, StringFamily;
    StringNotEquals, StringNotEqualsIfExists => StringNotEquals, StringFamily;
    StringEqualsIgnoreCase, StringEqualsIgnoreCaseIfExists => StringEqualsIgnoreCase, StringFamily;
    StringNotEqualsIgnoreCase, StringNotEqualsIgnoreCaseIfExists => StringNotEqualsIgnoreCase, StringFamily;
    StringLike, StringLikeIfExists => StringLike, StringFamily;
    StringNotLike, StringNotLikeIfExists => StringNotLike, StringFamily;
    NumericEquals, NumericEqualsIfExists => NumericEquals, NumericFamily;
    NumericNotEquals, NumericNotEqualsIfExists => NumericNotEquals, NumericFamily;
    NumericLessThan, NumericLessThanIfExists => NumericLessThan, NumericFamily;
    NumericLessThanEquals, NumericLessThanEqualsIfExists => NumericLessThanEquals, NumericFamily;
    NumericGreaterThan, NumericGreaterThanIfExists => NumericGreaterThan, NumericFamily;
    NumericGreaterThanEquals, NumericGreaterThanEqualsIfExists => NumericGreaterThanEquals, NumericFamily;
    DateEquals, DateEqualsIfExists => DateEquals, DateFamily;
    DateNotEquals, DateNotEqualsIfExists => DateNotEquals, DateFamily;
    DateLessThan, DateLessThanIfExists => DateLessThan, DateFamily;
    DateLessThanEquals, DateLessThanEqualsIfExists => DateLessThanEquals, DateFamily;
    DateGreaterThan, DateGreaterThanIfExists => DateGreaterThan, DateFamily;
    DateGreaterThanEquals, DateGreaterThanEqualsIfExists => DateGreaterThanEquals, DateFamily;
    Bool, BoolIfExists => Bool, BoolFamily;
    BinaryEquals, BinaryEqualsIfExists => BinaryEquals, BinaryFamily;
    IpAddress, IpAddressIfExists => IpAddress, IpFamily;
    NotIpAddress, NotIpAddressIfExists => NotIpAddress, IpFamily;
    ArnEquals, ArnEqualsIfExists => ArnEquals, ArnFamily;
    ArnLike, ArnLikeIfExists => ArnLike, ArnFamily;
    ArnNotEquals, ArnNotEqualsIfExists => ArnNotEquals, ArnFamily;
    ArnNotLike, ArnNotLikeIfExists => ArnNotLike, ArnFamily;
    Null, NullIfExists => Null, NullFamily;
}

/// `ForAllValues` and `ForAnyValue`, as the macro names them.
#[allow(non_upper_case_globals)]
pub mod qualifiers {
    use super::SetQualifier;
    /// `ForAllValues:`.
    pub const ForAllValues: SetQualifier = SetQualifier::ForAllValues;
    /// `ForAnyValue:`.
    pub const ForAnyValue: SetQualifier = SetQualifier::ForAnyValue;
}

/// The keys of a principal map, as the macro names them.
#[allow(non_upper_case_globals)]
pub mod principal_kinds {
    use super::PrincipalKind;
    /// `"AWS"`.
    pub const AWS: PrincipalKind = PrincipalKind::Aws;
    /// `"Service"`.
    pub const Service: PrincipalKind = PrincipalKind::Service;
    /// `"Federated"`.
    pub const Federated: PrincipalKind = PrincipalKind::Federated;
    /// `"CanonicalUser"`.
    pub const CanonicalUser: PrincipalKind = PrincipalKind::CanonicalUser;
}

/// A Rust value an operator family accepts at run time.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a run-time value this condition operator accepts ({Family})",
    label = "the value of a condition key in `policy!`",
    note = "String and ARN operators take &str, String or a typed ARN; Numeric operators take integers and floats; Date operators take SystemTime or epoch seconds; Bool and Null take bool; IpAddress and NotIpAddress take IpAddr or (IpAddr, prefix length); BinaryEquals takes bytes"
)]
pub trait IntoFamilyValue<Family> {
    /// The condition value.
    fn into_condition_value(self) -> ConditionValue;
}

macro_rules! textual {
    ($family:ty: $($type:ty),*) => {$(
        impl IntoFamilyValue<$family> for $type {
            fn into_condition_value(self) -> ConditionValue {
                ConditionValue::String(Cow::Owned(self.to_string()))
            }
        }
    )*};
}

textual!(StringFamily: &str, String, &String, Cow<'_, str>);
textual!(ArnFamily: &str, String, &String, Cow<'_, str>);
textual!(NumericFamily: i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64);
textual!(DateFamily: i32, i64, u32, u64);
textual!(BoolFamily: bool);
textual!(NullFamily: bool);
textual!(IpFamily: std::net::IpAddr, std::net::Ipv4Addr, std::net::Ipv6Addr);

impl<T: crate::arn::TypedArn> IntoFamilyValue<ArnFamily> for &T {
    fn into_condition_value(self) -> ConditionValue {
        ConditionValue::String(Cow::Owned(self.as_str().to_owned()))
    }
}

impl<T: crate::arn::TypedArn> IntoFamilyValue<ArnFamily> for &crate::arn::Parsed<T> {
    fn into_condition_value(self) -> ConditionValue {
        ConditionValue::String(Cow::Owned(self.as_str().to_owned()))
    }
}

impl IntoFamilyValue<DateFamily> for std::time::SystemTime {
    fn into_condition_value(self) -> ConditionValue {
        ConditionValue::String(Cow::Owned(iso_8601(self)))
    }
}

impl<A: Into<std::net::IpAddr>> IntoFamilyValue<IpFamily> for (A, u8) {
    fn into_condition_value(self) -> ConditionValue {
        ConditionValue::String(Cow::Owned(format!("{}/{}", self.0.into(), self.1)))
    }
}

impl IntoFamilyValue<BinaryFamily> for &[u8] {
    fn into_condition_value(self) -> ConditionValue {
        ConditionValue::String(Cow::Owned(base64(self)))
    }
}

impl IntoFamilyValue<BinaryFamily> for Vec<u8> {
    fn into_condition_value(self) -> ConditionValue {
        ConditionValue::String(Cow::Owned(base64(&self)))
    }
}

/// A run-time condition value, whose Rust type must suit the operator `O`.
pub fn typed_value<O: OperatorMarker, V: IntoFamilyValue<O::Family>>(value: V) -> ConditionValue {
    value.into_condition_value()
}

/// A literal condition value, kept as the JSON type it was written as.
pub trait LiteralValue {
    /// The condition value.
    fn into_literal_value(self) -> ConditionValue;
}

impl LiteralValue for &'static str {
    fn into_literal_value(self) -> ConditionValue {
        ConditionValue::String(Cow::Borrowed(self))
    }
}

impl LiteralValue for bool {
    fn into_literal_value(self) -> ConditionValue {
        ConditionValue::Bool(self)
    }
}

macro_rules! numeric_literal {
    ($($type:ty),*) => {$(
        impl LiteralValue for $type {
            fn into_literal_value(self) -> ConditionValue {
                ConditionValue::Number(Cow::Owned(self.to_string()))
            }
        }
    )*};
}

// One integer type only, so that an unsuffixed integer literal is inferred as i64 rather than
// falling back to i32: epoch seconds past 2038 (4102444800) are integers too.
numeric_literal!(i64, f64);

/// A literal condition value.
pub fn literal_value<V: LiteralValue>(value: V) -> ConditionValue {
    value.into_literal_value()
}

/// Text for principal values: literals, `String`s and borrowed text (copied).
pub trait IntoText {
    /// The text.
    fn into_text(self) -> Cow<'static, str>;
}

impl IntoText for &str {
    fn into_text(self) -> Cow<'static, str> {
        Cow::Owned(self.to_owned())
    }
}

impl IntoText for String {
    fn into_text(self) -> Cow<'static, str> {
        Cow::Owned(self)
    }
}

impl IntoText for &String {
    fn into_text(self) -> Cow<'static, str> {
        Cow::Owned(self.clone())
    }
}

impl IntoText for Cow<'_, str> {
    fn into_text(self) -> Cow<'static, str> {
        Cow::Owned(self.into_owned())
    }
}

/// Text for principal values.
pub fn text<T: IntoText>(value: T) -> Cow<'static, str> {
    value.into_text()
}

/// `key: [..values]`: every run-time value of a collection, each of a Rust type the operator
/// `O` accepts.
pub fn typed_values<O: OperatorMarker, I>(values: I) -> Vec<ConditionValue>
where
    I: IntoIterator,
    I::Item: IntoFamilyValue<O::Family>,
{
    values
        .into_iter()
        .map(IntoFamilyValue::into_condition_value)
        .collect()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let triple = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for position in 0..4 {
            if position <= chunk.len() {
                out.push(ALPHABET[(triple >> (18 - 6 * position) & 0x3F) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// `YYYY-MM-DDTHH:MM:SSZ` in UTC (times before 1970 are written as 1970-01-01T00:00:00Z).
fn iso_8601(time: std::time::SystemTime) -> String {
    let seconds = time
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    // Howard Hinnant's civil-from-days, for the proleptic Gregorian calendar.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn iso_dates_in_utc() {
        let at = |seconds| std::time::UNIX_EPOCH + std::time::Duration::from_secs(seconds);
        assert_eq!(iso_8601(at(0)), "1970-01-01T00:00:00Z");
        assert_eq!(iso_8601(at(951_782_400)), "2000-02-29T00:00:00Z");
        assert_eq!(iso_8601(at(1_700_000_000)), "2023-11-14T22:13:20Z");
    }
}
