//! Generates the Rust catalog of `sagemaker-actions` from the data files.
//!
//! [`resolve`] validates the data and fixes every name's Rust identifier; one emitter module per
//! generated file turns the result into tokens; [`render`] formats them with prettyplease under a
//! fixed header. The output depends only on the data, so it is byte-identical on every machine.

mod emit_actions;
mod emit_arns;
mod emit_condition_keys;
mod emit_dependent_actions;
mod emit_operations;
mod emit_resource_types;
mod emit_service;
mod emit_services;
mod names;
mod render;
mod resolve;
mod sync;

use crate::check::InvariantError;
use crate::history::History;
use crate::model::{Action, Catalog, GlobalConditionKeys};

pub use resolve::value_type_variant;
pub use sync::{sync, SyncError, SyncReport};

/// The directory, relative to the workspace root, that holds the generated files.
pub const OUTPUT_DIR: &str = "sagemaker-actions/src/generated";

/// The data file codegen reads, relative to the workspace root; named in every header.
pub const DATA_FILE: &str = "data/sagemaker.json";

/// The global condition keys file, relative to the workspace root.
pub const GLOBAL_KEYS_FILE: &str = "data/global-condition-keys.json";

/// One generated file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// The file name inside [`OUTPUT_DIR`].
    pub file_name: &'static str,
    /// The formatted source, header included.
    pub contents: String,
}

/// Data that cannot become a catalog.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CodegenError {
    /// The data breaks a catalog invariant.
    #[error(transparent)]
    Invalid(#[from] InvariantError),
    /// A condition key is referenced but defined neither by the page nor among the global keys.
    #[error("{referrer} uses condition key {key:?}, which neither {DATA_FILE} nor {GLOBAL_KEYS_FILE} defines")]
    UndefinedConditionKey {
        /// "action CreateTrainingJob" or "resource type training-job".
        referrer: String,
        /// The key.
        key: String,
    },
    /// A condition key's type is not one the crate's `ValueType` can express.
    #[error("condition key {key:?} has type {value_type:?}, which is not a known condition key type ({known})")]
    UnknownValueType {
        /// The key.
        key: String,
        /// Its type as written.
        value_type: String,
        /// The types that are known.
        known: String,
    },
    /// Two source names map to the same Rust identifier.
    #[error("{kind} {first:?} and {second:?} both become the Rust identifier `{ident}`")]
    IdentifierCollision {
        /// "action", "resource type", "condition key" or "dependent action".
        kind: &'static str,
        /// The identifier.
        ident: String,
        /// One source name.
        first: String,
        /// The other.
        second: String,
    },
    /// A source name that yields no valid Rust identifier.
    #[error("{kind} {name:?} does not make a Rust identifier (got {ident:?})")]
    InvalidIdentifier {
        /// What the name is.
        kind: &'static str,
        /// The source name.
        name: String,
        /// The attempted identifier.
        ident: String,
    },
    /// A dependent action not of the form `prefix:Name`.
    #[error("action {action}: dependent action {dependent:?} is not of the form prefix:Name")]
    MalformedDependentAction {
        /// The action.
        action: String,
        /// The dependent action.
        dependent: String,
    },
    /// The emitted tokens are not valid Rust: a bug in an emitter.
    #[error("generated {file_name} is not valid Rust: {message}")]
    InvalidOutput {
        /// The file.
        file_name: &'static str,
        /// The parser's message.
        message: String,
    },
}

/// One emitter: the tokens of one generated file.
type Emitter = fn(&resolve::Resolved<'_>) -> proc_macro2::TokenStream;

/// The history file codegen reads when it exists, relative to the workspace root: since-dates for
/// the docs, and the actions AWS removed, kept as deprecated variants.
pub const HISTORY_FILE: &str = "data/sagemaker-history.json";

/// Generates every file of [`OUTPUT_DIR`], in a fixed order. With a `history`, every item's docs
/// say since when AWS lists it, and actions AWS removed become `#[deprecated]` variants.
pub fn generate(
    catalog: &Catalog,
    globals: &GlobalConditionKeys,
    history: Option<&History>,
) -> Result<Vec<GeneratedFile>, CodegenError> {
    let removed = history.map_or_else(Vec::new, |history| {
        removed_actions(catalog, globals, history)
    });
    let resolved = resolve::resolve(catalog, globals, history, &removed)?;
    let header = render::Header::new(catalog);
    let emitters: [(&'static str, Emitter); 8] = [
        ("actions.rs", emit_actions::emit),
        ("arns.rs", emit_arns::emit),
        ("condition_keys.rs", emit_condition_keys::emit),
        ("dependent_actions.rs", emit_dependent_actions::emit),
        ("operations.rs", emit_operations::emit),
        ("resource_types.rs", emit_resource_types::emit),
        ("service.rs", emit_service::emit),
        ("services.rs", emit_services::emit),
    ];
    emitters
        .into_iter()
        .map(|(file_name, emit)| {
            let contents = render::render(&header, file_name, emit(&resolved))?;
            Ok(GeneratedFile {
                file_name,
                contents,
            })
        })
        .collect()
}

/// The last records of the actions the history says AWS removed and the catalog no longer has,
/// cut down to what the current catalog still defines (a removed action's resource types and
/// keys may be gone too) and without dependent actions.
fn removed_actions(
    catalog: &Catalog,
    globals: &GlobalConditionKeys,
    history: &History,
) -> Vec<Action> {
    let key_defined = |key: &String| {
        catalog
            .condition_keys
            .iter()
            .chain(&globals.condition_keys)
            .any(|defined| &defined.name == key)
    };
    history
        .removed_actions
        .iter()
        .filter(|removed| {
            !catalog
                .actions
                .iter()
                .any(|action| action.name.eq_ignore_ascii_case(&removed.name))
        })
        .map(|removed| {
            let mut action = removed.clone();
            action
                .resource_types
                .retain(|row| catalog.resource_type(&row.name).is_some());
            for row in &mut action.resource_types {
                row.condition_keys.retain(key_defined);
            }
            action.condition_keys.retain(key_defined);
            action.dependent_actions.clear();
            action.scenarios.clear();
            action
        })
        .collect()
}
