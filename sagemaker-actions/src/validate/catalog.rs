//! Service catalogs the validator checks against: SageMaker's, built in, and any other service's
//! loaded at run time from a data file made by `cargo xtask scrape` (the same schema).

use crate::arn_match::{literal_starts_agree, parts_could_match, split_arn, ArnBounds, ArnParts};
use crate::lookup::TypoIndex;
use crate::wildcard::has_wildcard;
use crate::{Action, ConditionKey, ResourceType, ValueType};
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash's mixing, eight bytes at a time: action names are short and not chosen by an attacker
/// who could exploit it, so a simple hash beats SipHash's per-call cost.
#[derive(Default)]
struct NameHasher(u64);

impl NameHasher {
    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.mix(u64::from_le_bytes(
                chunk.try_into().expect("chunks of eight"),
            ));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        self.mix(u64::from_le_bytes(tail));
    }

    fn write_usize(&mut self, value: usize) {
        self.mix(value as u64);
    }
}

/// In [`ServiceCatalog`]'s `row_types`: a resource type an action lists that the catalog does
/// not define.
pub(crate) const UNDEFINED_TYPE: u32 = u32::MAX;

/// The ARN fields a service's formats may leave empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ArnField {
    /// The fourth field.
    Region,
    /// The fifth field.
    Account,
}

/// One service's actions, resource types and condition keys, as owned data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceCatalog {
    /// The service prefix: `sagemaker`, `s3`, ...
    pub prefix: String,
    /// The service's name: "Amazon SageMaker".
    pub name: String,
    /// Sorted by lower-cased name.
    actions: Vec<ActionFacts>,
    /// Lower-cased name to position in `actions`: one hash and one comparison per lookup.
    by_lower_name: HashMap<Box<[u8]>, usize, BuildHasherDefault<NameHasher>>,
    /// The actions' names prepared for typo suggestions, which would otherwise go through
    /// every name on every unknown action.
    action_typos: TypoIndex,
    /// The resource types, in the page's order.
    resource_types: Vec<ResourceTypeFacts>,
    /// Positions in `resource_types`, sorted by name, for lookup.
    by_name: Vec<usize>,
    /// For each resource type, each ARN format's fields, found once.
    format_bounds: Vec<Vec<Option<ArnBounds>>>,
    /// For each resource type, each ARN format's resource part up to its first placeholder:
    /// checking an ARN against a service compares these first, which rules out most types.
    format_literals: Vec<Vec<Box<[u8]>>>,
    /// The resource types whose format literals start with each byte (index 256: empty
    /// literals), so that an ARN is compared only with types it could share a start with.
    by_first_byte: Vec<Vec<usize>>,
    /// The condition keys the page defines.
    pub condition_keys: Vec<KeyFacts>,
    /// For each action, the position in `resource_types` of each type it lists
    /// ([`UNDEFINED_TYPE`] for one the catalog lacks): a pattern's many actions are compared
    /// with a statement's resources without looking their types up by name.
    row_types: Vec<Box<[u32]>>,
    /// The services other than `prefix` that ARN formats name, rarely any.
    foreign_services: Vec<Box<str>>,
    /// Where the catalog came from (a file name, or the service's name by default), one entry
    /// per catalog merged into this one, in the order they were loaded.
    sources: Vec<String>,
    /// Actions AWS removed, with the last date a catalog version listed them.
    removed_actions: Vec<(String, String)>,
    /// For each action, resource type and condition key, the position in `sources` of the
    /// catalog that first defined it: a conflict names both files.
    action_origins: Vec<usize>,
    resource_type_origins: Vec<usize>,
    key_origins: Vec<usize>,
}

/// What the catalog says about one action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionFacts {
    /// The name without prefix.
    pub name: String,
    /// "List", "Read", "Write", "Permissions management", "Tagging".
    pub access_levels: Vec<String>,
    /// Resource types with their required flags and row keys.
    pub resource_types: Vec<ResourceRow>,
    /// Action-level condition keys.
    pub condition_keys: Vec<String>,
    /// Dependent actions, `prefix:Name`.
    pub dependent_actions: Vec<String>,
}

/// A resource type as an action lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceRow {
    /// The resource type's name.
    pub resource_type: String,
    /// Marked required.
    pub required: bool,
    /// Condition keys on the row.
    pub condition_keys: Vec<String>,
}

/// A resource type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceTypeFacts {
    /// The name.
    pub name: String,
    /// The ARN formats.
    pub arn_formats: Vec<String>,
    /// Its condition keys.
    pub condition_keys: Vec<String>,
}

/// A condition key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFacts {
    /// The name, with any `${Parameter}` placeholder.
    pub name: String,
    /// The type of its values.
    pub value_type: ValueType,
    /// Set when AWS has deprecated the key; holds the key that replaces it, when AWS names one.
    pub deprecated: Option<Deprecated>,
}

/// A key AWS deprecated: "This key has been deprecated. It has been replaced by ...".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deprecated {
    /// The key to use instead, when AWS names one: `sagemaker:VolumeKmsKeyArn`.
    pub replaced_by: Option<String>,
}

impl KeyFacts {
    /// For a parameterized key, the name before and after its parameter, for matching
    /// `prefix:Key/param`. The pages write the parameter as `${TagKey}`, as `<key>` (S3's
    /// `s3:ExistingObjectTag/<key>`), as nothing after a final `/` (SageMaker's
    /// `sagemaker:ResourceTag/`, "the preface string for a tag key"), and with text after it
    /// (CodeBuild's `codebuild:secondarySources/${sourceIdentifier}.location`).
    fn parameter_bounds(&self) -> Option<(&str, &str)> {
        let name = self.name.as_str();
        if let Some(open) = name.find("${") {
            let close = name[open..]
                .find('}')
                .map_or(name.len(), |at| open + at + 1);
            return Some((&name[..open], &name[close..]));
        }
        if let Some(open) = name.find('<') {
            let close = name[open..]
                .find('>')
                .map_or(name.len(), |at| open + at + 1);
            return Some((&name[..open], &name[close..]));
        }
        name.ends_with('/').then_some((name, ""))
    }
}

/// A data file that is not a catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogError {
    message: String,
}

impl fmt::Display for CatalogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CatalogError {}

impl CatalogError {
    #[cfg_attr(not(feature = "service-reference"), allow(dead_code))]
    pub(crate) fn new(message: impl Into<String>) -> Self {
        CatalogError {
            message: message.into(),
        }
    }
}

/// What kind of item two catalogs of one prefix define differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConflictKind {
    /// An action.
    Action,
    /// A resource type.
    ResourceType,
    /// A condition key.
    ConditionKey,
    /// The catalogs are of different prefixes, so they were not merged.
    Prefix,
}

impl ConflictKind {
    /// How the kind is named in messages.
    pub const fn as_str(self) -> &'static str {
        match self {
            ConflictKind::Action => "action",
            ConflictKind::ResourceType => "resource type",
            ConflictKind::ConditionKey => "condition key",
            ConflictKind::Prefix => "service prefix",
        }
    }
}

/// An item that two catalogs merged by [`ServiceCatalog::merge`] define differently. Not an
/// error: AWS's own pages do it (API Gateway's REST and HTTP API pages both define the action
/// `apigateway:GET` and the resource type `Authorizer`, for different resources), so the
/// catalogs still load; the caller decides whether to show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogConflict {
    /// The service prefix.
    pub prefix: String,
    /// What kind of item.
    pub kind: ConflictKind,
    /// The item's name, without prefix for actions and resource types.
    pub name: String,
    /// The source that defined it first (a file name, or the service's name).
    pub first: String,
    /// The source that defines it differently.
    pub second: String,
    /// What differs, and what the merged catalog keeps.
    pub difference: String,
}

impl fmt::Display for CatalogConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.kind {
            ConflictKind::Action => format!("{}:{}", self.prefix, self.name),
            _ => self.name.clone(),
        };
        write!(
            f,
            "{} {name} is defined differently by {} and {}: {}",
            self.kind.as_str(),
            self.first,
            self.second,
            self.difference
        )
    }
}

/// Adds to `into` the items of `from` it lacks.
fn unite(into: &mut Vec<String>, from: Vec<String>) {
    for item in from {
        if !into.contains(&item) {
            into.push(item);
        }
    }
}

/// Whether two lists hold the same items, in any order.
fn same_items(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().all(|item| b.contains(item))
}

/// Unites `other` into `known`; what differed, if anything.
fn merge_action(known: &mut ActionFacts, other: ActionFacts) -> Option<String> {
    let mut differences = Vec::new();
    if !same_items(&known.access_levels, &other.access_levels) {
        differences.push("access levels");
    }
    let rows_alike = known.resource_types.len() == other.resource_types.len()
        && other.resource_types.iter().all(|row| {
            known.resource_types.iter().any(|mine| {
                mine.resource_type == row.resource_type
                    && mine.required == row.required
                    && same_items(&mine.condition_keys, &row.condition_keys)
            })
        });
    if !rows_alike {
        differences.push("resource types");
    }
    if !same_items(&known.condition_keys, &other.condition_keys) {
        differences.push("condition keys");
    }
    if !same_items(&known.dependent_actions, &other.dependent_actions) {
        differences.push("dependent actions");
    }
    unite(&mut known.access_levels, other.access_levels);
    for row in other.resource_types {
        match known
            .resource_types
            .iter_mut()
            .find(|mine| mine.resource_type == row.resource_type)
        {
            // Required only when both say so: a resource type one page calls optional may be
            // left out.
            Some(mine) => {
                mine.required &= row.required;
                unite(&mut mine.condition_keys, row.condition_keys);
            }
            None => known.resource_types.push(row),
        }
    }
    unite(&mut known.condition_keys, other.condition_keys);
    unite(&mut known.dependent_actions, other.dependent_actions);
    (!differences.is_empty()).then(|| {
        format!(
            "its {} differ; the union of both is used",
            differences.join(", ")
        )
    })
}

/// Unites `other` into `known`; what differed, if anything.
fn merge_resource_type(known: &mut ResourceTypeFacts, other: ResourceTypeFacts) -> Option<String> {
    let mut differences = Vec::new();
    if !same_items(&known.arn_formats, &other.arn_formats) {
        differences.push("ARN formats");
    }
    if !same_items(&known.condition_keys, &other.condition_keys) {
        differences.push("condition keys");
    }
    unite(&mut known.arn_formats, other.arn_formats);
    unite(&mut known.condition_keys, other.condition_keys);
    (!differences.is_empty()).then(|| {
        format!(
            "its {} differ; the union of both is used",
            differences.join(", ")
        )
    })
}

impl ServiceCatalog {
    /// The built-in SageMaker catalog.
    pub fn sagemaker() -> Self {
        let actions = Action::ALL
            .iter()
            .map(|action| ActionFacts {
                name: action.name().to_owned(),
                access_levels: action
                    .access_levels()
                    .iter()
                    .map(|level| level.as_str().to_owned())
                    .collect(),
                resource_types: action
                    .resource_types()
                    .iter()
                    .map(|row| ResourceRow {
                        resource_type: row.resource_type().name().to_owned(),
                        required: row.is_required(),
                        condition_keys: names(row.condition_keys()),
                    })
                    .collect(),
                condition_keys: names(action.condition_keys()),
                dependent_actions: action
                    .dependent_actions()
                    .iter()
                    .map(|dependent| dependent.as_str().to_owned())
                    .collect(),
            })
            .collect();
        let resource_types = ResourceType::ALL
            .iter()
            .map(|resource_type| ResourceTypeFacts {
                name: resource_type.name().to_owned(),
                arn_formats: resource_type
                    .arn_formats()
                    .iter()
                    .map(|format| (*format).to_owned())
                    .collect(),
                condition_keys: names(resource_type.condition_keys()),
            })
            .collect();
        let condition_keys = ConditionKey::ALL
            .iter()
            .filter(|key| !key.is_global())
            .map(|key| KeyFacts {
                name: key.name().to_owned(),
                value_type: key.value_type(),
                deprecated: key.is_deprecated().then(|| Deprecated {
                    replaced_by: key.replaced_by().map(str::to_owned),
                }),
            })
            .collect();
        ServiceCatalog::new(
            crate::SERVICE_PREFIX.to_owned(),
            crate::SERVICE_NAME.to_owned(),
            actions,
            resource_types,
            condition_keys,
        )
        .with_source("the built-in SageMaker catalog")
        .with_removed_actions(
            #[allow(deprecated)]
            Action::REMOVED
                .iter()
                .filter_map(|action| {
                    Some((action.name().to_owned(), action.removed_after()?.to_owned()))
                })
                .collect(),
        )
    }

    /// Names actions AWS removed from the catalog, with the date of the last version that
    /// listed them, so that a policy naming one is told when it went.
    pub fn with_removed_actions(mut self, removed: Vec<(String, String)>) -> Self {
        self.removed_actions = removed;
        self
    }

    /// The date after which AWS no longer lists `name`, for an action it removed.
    pub fn removed_after(&self, name: &str) -> Option<&str> {
        self.removed_actions
            .iter()
            .find(|(removed, _)| removed.eq_ignore_ascii_case(name))
            .map(|(_, date)| date.as_str())
    }

    /// A catalog from its parts; actions are sorted for lookup. Its source is its name until
    /// [`ServiceCatalog::with_source`] says otherwise.
    pub fn new(
        prefix: String,
        name: String,
        actions: Vec<ActionFacts>,
        resource_types: Vec<ResourceTypeFacts>,
        condition_keys: Vec<KeyFacts>,
    ) -> Self {
        let sources = vec![name.clone()];
        ServiceCatalog::assemble(
            prefix,
            name,
            actions.into_iter().map(|action| (action, 0)).collect(),
            resource_types.into_iter().map(|rt| (rt, 0)).collect(),
            condition_keys.into_iter().map(|key| (key, 0)).collect(),
            sources,
        )
    }

    /// Builds the lookup tables over parts that each carry the position of their source.
    fn assemble(
        prefix: String,
        name: String,
        mut actions: Vec<(ActionFacts, usize)>,
        resource_types: Vec<(ResourceTypeFacts, usize)>,
        condition_keys: Vec<(KeyFacts, usize)>,
        sources: Vec<String>,
    ) -> Self {
        actions.sort_by(|(a, _), (b, _)| crate::lookup::compare_ignore_case(&a.name, &b.name));
        let (actions, action_origins): (Vec<ActionFacts>, Vec<usize>) = actions.into_iter().unzip();
        let (resource_types, resource_type_origins): (Vec<ResourceTypeFacts>, Vec<usize>) =
            resource_types.into_iter().unzip();
        let (condition_keys, key_origins): (Vec<KeyFacts>, Vec<usize>) =
            condition_keys.into_iter().unzip();
        let by_lower_name = actions
            .iter()
            .enumerate()
            .map(|(index, action)| {
                let lower = action.name.to_ascii_lowercase().into_bytes();
                (lower.into_boxed_slice(), index)
            })
            .collect();
        let action_typos = TypoIndex::new(actions.iter().map(|action| action.name.as_str()));
        let mut by_name: Vec<usize> = (0..resource_types.len()).collect();
        by_name.sort_by(|&a, &b| resource_types[a].name.cmp(&resource_types[b].name));
        let row_types = actions
            .iter()
            .map(|action| {
                action
                    .resource_types
                    .iter()
                    .map(|row| {
                        by_name
                            .binary_search_by(|&index| {
                                resource_types[index].name.as_str().cmp(&row.resource_type)
                            })
                            .map_or(UNDEFINED_TYPE, |found| by_name[found] as u32)
                    })
                    .collect()
            })
            .collect();
        let format_bounds: Vec<Vec<Option<ArnBounds>>> = resource_types
            .iter()
            .map(|rt| {
                rt.arn_formats
                    .iter()
                    .map(|format| ArnBounds::of(format))
                    .collect()
            })
            .collect();
        let format_literals: Vec<Vec<Box<[u8]>>> = resource_types
            .iter()
            .map(|rt| {
                rt.arn_formats
                    .iter()
                    .map(|format| Box::from(crate::arn_match::literal_start(format)))
                    .collect()
            })
            .collect();
        let mut by_first_byte: Vec<Vec<usize>> = vec![Vec::new(); 257];
        for (index, literals) in format_literals.iter().enumerate() {
            for literal in literals {
                let bucket = literal.first().map_or(256, |&byte| usize::from(byte));
                if by_first_byte[bucket].last() != Some(&index) {
                    by_first_byte[bucket].push(index);
                }
            }
        }
        let mut foreign_services: Vec<Box<str>> = Vec::new();
        for format in resource_types.iter().flat_map(|rt| &rt.arn_formats) {
            if let Some(parts) = split_arn(format) {
                if !parts.service.eq_ignore_ascii_case(&prefix)
                    && !foreign_services
                        .iter()
                        .any(|known| **known == *parts.service)
                {
                    foreign_services.push(parts.service.into());
                }
            }
        }
        ServiceCatalog {
            row_types,
            foreign_services,
            prefix,
            name,
            actions,
            by_lower_name,
            action_typos,
            resource_types,
            by_name,
            format_bounds,
            format_literals,
            by_first_byte,
            condition_keys,
            sources,
            removed_actions: Vec::new(),
            action_origins,
            resource_type_origins,
            key_origins,
        }
    }

    /// Names where this catalog came from (its data file, say), for [`CatalogConflict`]
    /// messages; on a merged catalog, renames the source loaded last.
    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        if let Some(last) = self.sources.last_mut() {
            *last = source.into();
        }
        self
    }

    /// Where the catalog came from: one entry per catalog merged into it, in loading order.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Adds `other`, a catalog of the same prefix, to this one: AWS documents some prefixes on
    /// more than one page (`apigateway` for REST and for HTTP APIs, `cloudformation` for
    /// CloudFormation and Cloud Control API). Items only one catalog has are added; an item
    /// both define alike is kept once. One they define differently is reported, once, as a
    /// [`CatalogConflict`], and the union of the two definitions is kept (the action applies
    /// to the resource types and supports the keys either lists; the resource type has the ARN
    /// formats of both), since both pages describe the real service and a policy written from
    /// either must not be rejected. A condition key's value type cannot be united: the first
    /// catalog's is kept.
    ///
    /// A catalog of another prefix is not merged: the one conflict returned says so.
    pub fn merge(&mut self, other: ServiceCatalog) -> Vec<CatalogConflict> {
        if !other.prefix.eq_ignore_ascii_case(&self.prefix) {
            return vec![CatalogConflict {
                prefix: self.prefix.clone(),
                kind: ConflictKind::Prefix,
                name: other.prefix.clone(),
                first: self.sources.join(", "),
                second: other.sources.join(", "),
                difference: format!(
                    "its service prefix is {:?}, not {:?}, so it was not merged",
                    other.prefix, self.prefix
                ),
            }];
        }
        let empty = ServiceCatalog::assemble(
            String::new(),
            String::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        let this = std::mem::replace(self, empty);
        let offset = this.sources.len();
        let mut sources = this.sources;
        sources.extend(other.sources);
        let mut conflicts = Vec::new();
        let mut conflict = |kind, name: &str, first: usize, second: usize, difference| {
            conflicts.push(CatalogConflict {
                prefix: this.prefix.clone(),
                kind,
                name: name.to_owned(),
                first: sources[first].clone(),
                second: sources[second].clone(),
                difference,
            });
        };
        let mut actions: Vec<(ActionFacts, usize)> =
            this.actions.into_iter().zip(this.action_origins).collect();
        for (action, origin) in other.actions.into_iter().zip(other.action_origins) {
            let origin = origin + offset;
            match actions
                .iter_mut()
                .find(|(known, _)| known.name.eq_ignore_ascii_case(&action.name))
            {
                Some((known, first)) => {
                    if let Some(difference) = merge_action(known, action) {
                        conflict(
                            ConflictKind::Action,
                            &known.name,
                            *first,
                            origin,
                            difference,
                        );
                    }
                }
                None => actions.push((action, origin)),
            }
        }
        let mut resource_types: Vec<(ResourceTypeFacts, usize)> = this
            .resource_types
            .into_iter()
            .zip(this.resource_type_origins)
            .collect();
        for (rt, origin) in other
            .resource_types
            .into_iter()
            .zip(other.resource_type_origins)
        {
            let origin = origin + offset;
            match resource_types
                .iter_mut()
                .find(|(known, _)| known.name == rt.name)
            {
                Some((known, first)) => {
                    if let Some(difference) = merge_resource_type(known, rt) {
                        conflict(
                            ConflictKind::ResourceType,
                            &known.name,
                            *first,
                            origin,
                            difference,
                        );
                    }
                }
                None => resource_types.push((rt, origin)),
            }
        }
        let mut condition_keys: Vec<(KeyFacts, usize)> = this
            .condition_keys
            .into_iter()
            .zip(this.key_origins)
            .collect();
        for (key, origin) in other.condition_keys.into_iter().zip(other.key_origins) {
            let origin = origin + offset;
            match condition_keys
                .iter()
                .find(|(known, _)| known.name.eq_ignore_ascii_case(&key.name))
            {
                Some((known, first)) => {
                    if known.value_type != key.value_type {
                        let difference = format!(
                            "its type is {} in the first and {} in the second; {} is used",
                            known.value_type, key.value_type, known.value_type
                        );
                        conflict(
                            ConflictKind::ConditionKey,
                            &known.name,
                            *first,
                            origin,
                            difference,
                        );
                    }
                }
                None => condition_keys.push((key, origin)),
            }
        }
        let name = if this.name == other.name {
            this.name
        } else {
            format!("{} / {}", this.name, other.name)
        };
        let mut removed_actions = this.removed_actions;
        for (action, date) in other.removed_actions {
            if !removed_actions.iter().any(|(known, _)| *known == action) {
                removed_actions.push((action, date));
            }
        }
        *self = ServiceCatalog::assemble(
            this.prefix,
            name,
            actions,
            resource_types,
            condition_keys,
            sources,
        )
        .with_removed_actions(removed_actions);
        conflicts
    }

    /// Whether every ARN format of the service names `field` with a placeholder (`${Region}`),
    /// so that an ARN leaving it empty names no resource. False for a service without formats.
    pub(crate) fn every_format_names(&self, field: ArnField) -> bool {
        let mut formats = self
            .resource_types
            .iter()
            .flat_map(|resource_type| &resource_type.arn_formats)
            .peekable();
        formats.peek().is_some()
            && formats.all(|format| {
                split_arn(format).is_some_and(|parts| {
                    let value = match field {
                        ArnField::Region => parts.region,
                        ArnField::Account => parts.account,
                    };
                    value.starts_with("${")
                })
            })
    }

    /// The resource types, in the page's order.
    pub fn resource_types(&self) -> &[ResourceTypeFacts] {
        &self.resource_types
    }

    /// Whether `arn` (with IAM wildcards) could name a resource of the named type.
    pub fn arn_fits(&self, resource_type: &str, arn: &str) -> bool {
        split_arn(arn).is_some_and(|parts| self.parts_fit(resource_type, &parts))
    }

    /// [`ServiceCatalog::arn_fits`] for an ARN already split, as when one resource is compared
    /// with many actions' resource types.
    pub(crate) fn parts_fit(&self, resource_type: &str, arn: &ArnParts<'_>) -> bool {
        self.position(resource_type)
            .is_some_and(|index| self.fits_at(index, arn, arn.literal_start()))
    }

    /// Whether `arn` (with IAM wildcards) could name a resource of any of the service's types.
    pub fn arn_fits_any(&self, arn: &str) -> bool {
        split_arn(arn).is_some_and(|parts| self.parts_fit_any(&parts))
    }

    /// [`ServiceCatalog::arn_fits_any`] for an ARN already split.
    pub(crate) fn parts_fit_any(&self, arn: &ArnParts<'_>) -> bool {
        let literal = arn.literal_start();
        match literal.first() {
            // A literal start can only agree with formats starting with the same byte or with
            // none.
            Some(&byte) => self.by_first_byte[usize::from(byte)]
                .iter()
                .chain(&self.by_first_byte[256])
                .any(|&index| self.fits_at(index, arn, literal)),
            None => (0..self.resource_types.len()).any(|index| self.fits_at(index, arn, literal)),
        }
    }

    /// The position of a resource type, for [`ServiceCatalog::parts_fit_at`]: a caller that
    /// compares many ARNs with one type looks it up once.
    pub(crate) fn type_index(&self, name: &str) -> Option<usize> {
        self.position(name)
    }

    /// [`ServiceCatalog::parts_fit`] for the type at `index`, with the ARN's literal start
    /// found once by the caller.
    pub(crate) fn parts_fit_at(&self, index: usize, arn: &ArnParts<'_>, literal: &[u8]) -> bool {
        self.fits_at(index, arn, literal)
    }

    fn fits_at(&self, index: usize, arn: &ArnParts<'_>, literal: &[u8]) -> bool {
        let formats = &self.resource_types[index].arn_formats;
        formats
            .iter()
            .zip(&self.format_bounds[index])
            .zip(&self.format_literals[index])
            .any(|((format, bounds), format_literal)| {
                literal_starts_agree(literal, format_literal)
                    && bounds.is_some_and(|bounds| parts_could_match(arn, &bounds.parts(format)))
            })
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.by_name
            .binary_search_by(|&index| self.resource_types[index].name.as_str().cmp(name))
            .ok()
            .map(|found| self.by_name[found])
    }

    /// Reads a data file written by `cargo xtask scrape` (`data/<prefix>.json`).
    #[cfg(feature = "serde")]
    pub fn from_json(text: &str) -> Result<Self, CatalogError> {
        data_file::parse(text)
    }

    /// Every action, sorted by lower-cased name.
    pub fn actions(&self) -> &[ActionFacts] {
        &self.actions
    }

    /// The action with this name, ignoring case.
    pub fn action(&self, name: &str) -> Option<&ActionFacts> {
        let mut buffer = [0u8; 128];
        let wanted = match buffer.get_mut(..name.len()) {
            Some(wanted) => {
                wanted.copy_from_slice(name.as_bytes());
                wanted.make_ascii_lowercase();
                wanted
            }
            // No action name is that long.
            None => return None,
        };
        let wanted: &[u8] = wanted;
        self.by_lower_name
            .get(wanted)
            .map(|&index| &self.actions[index])
    }

    /// The actions an IAM wildcard pattern (without prefix) matches.
    pub fn matching<'a, 'p>(
        &'a self,
        pattern: &'p str,
    ) -> impl Iterator<Item = &'a ActionFacts> + use<'a, 'p> {
        self.matching_indexed(pattern).map(|(_, action)| action)
    }

    /// [`ServiceCatalog::matching`] with each action's position, for
    /// [`ServiceCatalog::row_types`].
    pub(crate) fn matching_indexed<'a, 'p>(
        &'a self,
        pattern: &'p str,
    ) -> impl Iterator<Item = (usize, &'a ActionFacts)> + use<'a, 'p> {
        // Actions are sorted ignoring case, so those starting with the pattern's literal head
        // form one run; only it needs the wildcard comparison.
        let head = &pattern[..pattern.find(['*', '?']).unwrap_or(pattern.len())];
        let starts_with_head = move |action: &ActionFacts| {
            action
                .name
                .as_bytes()
                .get(..head.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(head.as_bytes()))
        };
        let first = self.actions.partition_point(|action| {
            !starts_with_head(action)
                && crate::lookup::compare_ignore_case(&action.name, head).is_lt()
        });
        // `Describe*`, the usual pattern, matches its whole run.
        let whole_run = pattern.len() == head.len() + 1 && pattern.ends_with('*');
        self.actions[first..]
            .iter()
            .enumerate()
            .map(move |(offset, action)| (first + offset, action))
            .take_while(move |(_, action)| starts_with_head(action))
            .filter(move |(_, action)| {
                whole_run || crate::wildcard_match_ignore_case(pattern, &action.name)
            })
    }

    /// The positions of the resource types the action at `position` (in
    /// [`ServiceCatalog::actions`]) lists, [`UNDEFINED_TYPE`] for types the catalog lacks.
    pub(crate) fn row_types(&self, position: usize) -> &[u32] {
        &self.row_types[position]
    }

    /// The resource type with this name.
    pub fn resource_type(&self, name: &str) -> Option<&ResourceTypeFacts> {
        self.position(name).map(|index| &self.resource_types[index])
    }

    /// The catalog key a policy's key names (case-insensitively; `prefix:Key/param` for
    /// parameterized keys, the one whose fixed text around the parameter is longest when
    /// several fit).
    pub fn key(&self, text: &str) -> Option<&KeyFacts> {
        self.condition_keys
            .iter()
            .find(|key| key.name.eq_ignore_ascii_case(text))
            .or_else(|| {
                self.condition_keys
                    .iter()
                    .filter_map(|key| {
                        let (stem, suffix) = key.parameter_bounds()?;
                        let fixed = stem.len() + suffix.len();
                        let fits = text.len() > fixed
                            && text.is_char_boundary(stem.len())
                            && text.is_char_boundary(text.len() - suffix.len())
                            && text[..stem.len()].eq_ignore_ascii_case(stem)
                            && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix);
                        fits.then_some((fixed, key))
                    })
                    .max_by_key(|(fixed, _)| *fixed)
                    .map(|(_, key)| key)
            })
    }

    /// Whether an ARN of `service` could be of one of the catalog's resource types: the
    /// catalog's own service, a wildcard, or another service one of its ARN formats names
    /// (EC2's page lists License Manager's `license-configuration`).
    pub(crate) fn may_name_service(&self, service: &str) -> bool {
        service.eq_ignore_ascii_case(&self.prefix)
            || has_wildcard(service)
            || self
                .foreign_services
                .iter()
                .any(|known| known.eq_ignore_ascii_case(service))
    }

    /// The name closest to `name` among the actions, if close enough to be a typo.
    pub fn nearest_action(&self, name: &str) -> Option<&str> {
        self.action_typos
            .closest(|position| self.actions[position].name.as_str(), name)
    }
}

fn names(keys: &[ConditionKey]) -> Vec<String> {
    keys.iter().map(|key| key.name().to_owned()).collect()
}

#[cfg(feature = "serde")]
mod data_file {
    use super::*;
    use serde_json::Value;

    fn error(message: impl Into<String>) -> CatalogError {
        CatalogError {
            message: message.into(),
        }
    }

    fn field<'a>(value: &'a Value, name: &str, context: &str) -> Result<&'a Value, CatalogError> {
        value
            .get(name)
            .ok_or_else(|| error(format!("{context}: missing field {name:?}")))
    }

    fn text(value: &Value, name: &str, context: &str) -> Result<String, CatalogError> {
        field(value, name, context)?
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| error(format!("{context}: field {name:?} is not a string")))
    }

    fn list<'a>(
        value: &'a Value,
        name: &str,
        context: &str,
    ) -> Result<&'a Vec<Value>, CatalogError> {
        field(value, name, context)?
            .as_array()
            .ok_or_else(|| error(format!("{context}: field {name:?} is not an array")))
    }

    fn strings(value: &Value, name: &str, context: &str) -> Result<Vec<String>, CatalogError> {
        list(value, name, context)?
            .iter()
            .map(|item| {
                item.as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| error(format!("{context}: {name:?} holds a non-string")))
            })
            .collect()
    }

    pub(super) fn parse(text_in: &str) -> Result<ServiceCatalog, CatalogError> {
        let root: Value =
            serde_json::from_str(text_in).map_err(|e| error(format!("not JSON: {e}")))?;
        let service = field(&root, "service", "data file")?;
        let prefix = text(service, "prefix", "service")?;
        let name = text(service, "name", "service")?;
        let mut actions = Vec::new();
        for action in list(&root, "actions", "data file")? {
            let action_name = text(action, "name", "action")?;
            let context = format!("action {action_name}");
            let mut rows = Vec::new();
            for row in list(action, "resource_types", &context)? {
                rows.push(ResourceRow {
                    resource_type: text(row, "name", &context)?,
                    required: field(row, "required", &context)?.as_bool().ok_or_else(|| {
                        error(format!("{context}: \"required\" is not a boolean"))
                    })?,
                    condition_keys: strings(row, "condition_keys", &context)?,
                });
            }
            actions.push(ActionFacts {
                access_levels: strings(action, "access_levels", &context)?,
                resource_types: rows,
                condition_keys: strings(action, "condition_keys", &context)?,
                dependent_actions: strings(action, "dependent_actions", &context)?,
                name: action_name,
            });
        }
        let mut resource_types = Vec::new();
        for resource_type in list(&root, "resource_types", "data file")? {
            let rt_name = text(resource_type, "name", "resource type")?;
            let context = format!("resource type {rt_name}");
            resource_types.push(ResourceTypeFacts {
                arn_formats: strings(resource_type, "arn_formats", &context)?,
                condition_keys: strings(resource_type, "condition_keys", &context)?,
                name: rt_name,
            });
        }
        let mut condition_keys = Vec::new();
        for key in list(&root, "condition_keys", "data file")? {
            let key_name = text(key, "name", "condition key")?;
            let type_name = text(key, "type", &format!("condition key {key_name}"))?;
            let value_type = ValueType::from_reference_name(&type_name).ok_or_else(|| {
                error(format!(
                    "condition key {key_name}: unknown type {type_name:?}"
                ))
            })?;
            let deprecated = match key.get("deprecated") {
                None | Some(Value::Null) => None,
                Some(deprecation) => Some(Deprecated {
                    replaced_by: deprecation
                        .get("replaced_by")
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                }),
            };
            condition_keys.push(KeyFacts {
                name: key_name,
                value_type,
                deprecated,
            });
        }
        Ok(ServiceCatalog::new(
            prefix,
            name,
            actions,
            resource_types,
            condition_keys,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matching_agrees_with_comparing_every_action() {
        let catalog = ServiceCatalog::sagemaker();
        for pattern in [
            "*",
            "Describe*",
            "describe*job",
            "?reate*",
            "List",
            "Zzz*",
            "CreateTrainingJob",
            "cReAtE*",
            "",
        ] {
            let fast: Vec<&str> = catalog.matching(pattern).map(|a| a.name.as_str()).collect();
            let slow: Vec<&str> = catalog
                .actions()
                .iter()
                .filter(|a| crate::wildcard_match_ignore_case(pattern, &a.name))
                .map(|a| a.name.as_str())
                .collect();
            assert_eq!(fast, slow, "{pattern}");
        }
        assert!(catalog.matching("Describe*").count() > 50);
    }
}
