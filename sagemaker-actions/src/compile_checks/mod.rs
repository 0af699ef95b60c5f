//! The compile-time checks behind [`policy!`](crate::policy!): constant functions over the
//! generated catalog tables. The macro describes each statement as constants
//! ([`StatementRefs`]) and evaluates [`check_statement`] in a `const _: () = ...;` item, so a bad
//! statement fails `cargo check` with `error[E0080]: evaluation panicked: <message>`.

mod arn_fields;
mod message;
mod refs;
mod statement;
mod values;

pub use arn_fields::has_variables;
pub use refs::{
    ActionRef, BlockRef, BuilderArgs, ConditionRef, KeyRef, ResourceListRef, ResourceRef,
    StatementRefs, ValueRef,
};
pub use statement::{check_statement, check_version};
pub(crate) use values::{is_base64, is_cidr, is_epoch, is_iso_date, is_number};
