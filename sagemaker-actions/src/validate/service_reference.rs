//! Every AWS service, from AWS's service reference JSON: one document per service
//! (`https://servicereference.us-east-1.amazonaws.com/v1/<prefix>/<prefix>.json`), read by the
//! same reader as the catalog generator's (`catalog_model::service_reference`).
//!
//! A directory of documents is opened as a [`ServiceReferenceDir`] and handed to
//! [`Validator::with_service_reference`](super::Validator::with_service_reference). Nothing is
//! read until a policy names a service: a check of a few policies reads the few documents they
//! use, not all 451.

use super::catalog::{ActionFacts, CatalogError, KeyFacts, ResourceRow, ResourceTypeFacts};
use super::ServiceCatalog;
use crate::ValueType;
use catalog_model::model::Catalog;
use catalog_model::service_reference::{read_service_list, read_service_reference};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The name of the index AWS serves next to the documents; `sagemaker-actions
/// sync-service-reference` saves it under this name.
pub const SERVICE_LIST_FILE: &str = "service-list.json";

impl ServiceCatalog {
    /// Reads one service's service reference JSON document, as AWS publishes it.
    ///
    /// The document says less than the service's page: no action's resource type is marked
    /// required, there are no dependent actions, no deprecations and no display name (the
    /// catalog's [`name`](ServiceCatalog::name) is the prefix). A data file scraped from the page
    /// ([`ServiceCatalog::from_json`]) is the better catalog where one exists.
    pub fn from_service_reference(bytes: &[u8]) -> Result<Self, CatalogError> {
        let catalog = read_service_reference(bytes, None).map_err(|error| {
            CatalogError::new(format!("not a service reference document: {error}"))
        })?;
        ServiceCatalog::from_model(&catalog)
    }

    /// The runtime form of the generator's data model.
    fn from_model(catalog: &Catalog) -> Result<Self, CatalogError> {
        let actions = catalog
            .actions
            .iter()
            .map(|action| ActionFacts {
                name: action.name.clone(),
                access_levels: action
                    .access_levels
                    .iter()
                    .map(|level| level.as_str().to_owned())
                    .collect(),
                resource_types: action
                    .resource_types
                    .iter()
                    .map(|row| ResourceRow {
                        resource_type: row.name.clone(),
                        required: row.required,
                        condition_keys: row.condition_keys.clone(),
                    })
                    .collect(),
                condition_keys: action.condition_keys.clone(),
                dependent_actions: action.dependent_actions.clone(),
            })
            .collect();
        let resource_types = catalog
            .resource_types
            .iter()
            .map(|resource_type| ResourceTypeFacts {
                name: resource_type.name.clone(),
                arn_formats: resource_type.arn_formats.clone(),
                condition_keys: resource_type.condition_keys.clone(),
            })
            .collect();
        let condition_keys = catalog
            .condition_keys
            .iter()
            .map(|key| {
                let value_type =
                    ValueType::from_reference_name(&key.value_type).ok_or_else(|| {
                        CatalogError::new(format!(
                            "condition key {}: unknown type {:?}",
                            key.name, key.value_type
                        ))
                    })?;
                Ok(KeyFacts {
                    name: key.name.clone(),
                    value_type,
                    deprecated: key
                        .deprecated
                        .as_ref()
                        .map(|deprecation| super::Deprecated {
                            replaced_by: deprecation.replaced_by.clone(),
                        }),
                })
            })
            .collect::<Result<Vec<_>, CatalogError>>()?;
        Ok(ServiceCatalog::new(
            catalog.service.prefix.clone(),
            catalog.service.name.clone(),
            actions,
            resource_types,
            condition_keys,
        ))
    }
}

/// A directory of service reference documents, `<prefix>.json` each, as
/// `sagemaker-actions sync-service-reference` writes it. A document is read the first time a
/// policy names its service, then kept; one that cannot be read is kept as its error
/// ([`ServiceReferenceDir::errors`]) and its service counts as one without a catalog.
#[derive(Debug)]
pub struct ServiceReferenceDir {
    dir: PathBuf,
    /// Sorted by prefix, which is lower case.
    entries: Vec<Entry>,
}

#[derive(Debug)]
struct Entry {
    prefix: String,
    path: PathBuf,
    catalog: OnceLock<Result<ServiceCatalog, CatalogError>>,
}

/// A document of a [`ServiceReferenceDir`] that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentError {
    /// The service prefix.
    pub prefix: String,
    /// The document's path.
    pub path: PathBuf,
    /// What is wrong.
    pub error: CatalogError,
}

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for DocumentError {}

impl ServiceReferenceDir {
    /// Lists the documents of `dir`: the services its `service-list.json` names (AWS's index,
    /// `[{"service": "...", "url": "..."}]`) when it has one, else every `<prefix>.json` in it.
    /// No document is read yet.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self, CatalogError> {
        let dir = dir.as_ref().to_path_buf();
        let list_path = dir.join(SERVICE_LIST_FILE);
        let mut prefixes: Vec<String> = match std::fs::read(&list_path) {
            Ok(bytes) => read_service_list(&bytes)
                .map_err(|error| CatalogError::new(format!("{}: {error}", list_path.display())))?
                .into_iter()
                .map(|entry| entry.service)
                .collect(),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                let listing = std::fs::read_dir(&dir)
                    .map_err(|error| CatalogError::new(format!("{}: {error}", dir.display())))?;
                let mut prefixes = Vec::new();
                for item in listing {
                    let item = item.map_err(|error| {
                        CatalogError::new(format!("{}: {error}", dir.display()))
                    })?;
                    let name = item.file_name();
                    let Some(name) = name.to_str() else { continue };
                    if let Some(prefix) = name.strip_suffix(".json") {
                        if name != SERVICE_LIST_FILE && is_prefix(prefix) {
                            prefixes.push(prefix.to_owned());
                        }
                    }
                }
                prefixes
            }
            Err(error) => {
                return Err(CatalogError::new(format!(
                    "{}: {error}",
                    list_path.display()
                )))
            }
        };
        for prefix in &prefixes {
            // The prefix becomes a file name: nothing may lead out of the directory.
            if !is_prefix(prefix) {
                return Err(CatalogError::new(format!(
                    "{}: {prefix:?} is not a service prefix",
                    list_path.display()
                )));
            }
        }
        for prefix in &mut prefixes {
            prefix.make_ascii_lowercase();
        }
        prefixes.sort();
        prefixes.dedup();
        let entries = prefixes
            .into_iter()
            .map(|prefix| Entry {
                path: dir.join(format!("{prefix}.json")),
                prefix,
                catalog: OnceLock::new(),
            })
            .collect();
        Ok(ServiceReferenceDir { dir, entries })
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The prefixes of the services listed, sorted.
    pub fn prefixes(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|entry| entry.prefix.as_str())
    }

    /// The catalog of `prefix` (ignoring case), read from its document on first use; `None`
    /// when the directory has no document of it or the document cannot be read.
    pub fn catalog(&self, prefix: &str) -> Option<&ServiceCatalog> {
        let entry = self.entry(prefix)?;
        entry
            .catalog
            .get_or_init(|| load(&entry.prefix, &entry.path))
            .as_ref()
            .ok()
    }

    /// Reads every document not read yet (to measure, or to find broken ones up front).
    pub fn load_all(&self) {
        for entry in &self.entries {
            self.catalog(&entry.prefix);
        }
    }

    /// The documents read so far that could not be read, sorted by prefix.
    pub fn errors(&self) -> Vec<DocumentError> {
        self.entries
            .iter()
            .filter_map(|entry| match entry.catalog.get() {
                Some(Err(error)) => Some(DocumentError {
                    prefix: entry.prefix.clone(),
                    path: entry.path.clone(),
                    error: error.clone(),
                }),
                _ => None,
            })
            .collect()
    }

    /// How many documents have been read into catalogs so far.
    pub fn loaded(&self) -> usize {
        self.entries
            .iter()
            .filter(|entry| matches!(entry.catalog.get(), Some(Ok(_))))
            .count()
    }

    fn entry(&self, prefix: &str) -> Option<&Entry> {
        self.entries
            .binary_search_by(|entry| crate::lookup::compare_ignore_case(&entry.prefix, prefix))
            .ok()
            .map(|index| &self.entries[index])
    }
}

/// Whether `text` can be a service prefix (and so a file name inside the directory).
fn is_prefix(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
}

fn load(prefix: &str, path: &Path) -> Result<ServiceCatalog, CatalogError> {
    let bytes = std::fs::read(path).map_err(|error| CatalogError::new(error.to_string()))?;
    let catalog = ServiceCatalog::from_service_reference(&bytes)?;
    if !catalog.prefix.eq_ignore_ascii_case(prefix) {
        return Err(CatalogError::new(format!(
            "the document is of service {:?}, not {prefix:?}",
            catalog.prefix
        )));
    }
    Ok(catalog.with_source(path.display().to_string()))
}
