//! The data file: one service's page of the Service Authorization Reference, as typed data.
//!
//! The field names are a public artifact (`data/<prefix>.json`); renaming one is a breaking
//! change for everyone who reads the file.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Everything one service page says: the service, its actions, resource types, condition keys and
/// (on pages that have them) the API operations table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    /// The service the page describes.
    pub service: Service,
    /// Where the data came from.
    pub source: Source,
    /// The actions table(s), in page order.
    pub actions: Vec<Action>,
    /// The resource types table, in page order.
    pub resource_types: Vec<ResourceType>,
    /// The condition keys table, in page order.
    pub condition_keys: Vec<ConditionKey>,
    /// The API operations table (August 2026 layout onwards); empty on older pages.
    pub operations: Vec<Operation>,
    /// Further sources merged into this catalog (a page's service reference JSON, a second page
    /// of the same prefix), in the order they were merged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_sources: Vec<Source>,
    /// Facts on which two merged sources disagree; both values are kept here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
}

/// The service's display name and IAM prefix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// For example "Amazon SageMaker".
    pub name: String,
    /// For example "sagemaker".
    pub prefix: String,
}

/// A document the data was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The page's canonical URL (`<link rel="canonical">`), or the URL it was fetched from.
    pub url: String,
    /// Lower-case hex SHA-256 of the input bytes.
    pub sha256: String,
    /// What kind of document it is; absent in data files written before other formats existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<SourceFormat>,
    /// The date the document carries (a service reference version's date, a snapshot's date) or
    /// the day it was fetched, `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The document's own version string (the service reference JSON's `Version`), when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// The forms in which AWS publishes a service's authorization catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceFormat {
    /// The Service Authorization Reference page, HTML.
    Html,
    /// A documentation page in its Markdown form: a service page's `list_<service>.md` (July 2026
    /// onwards), or the IAM User Guide's global condition keys page.
    Markdown,
    /// The programmatic service reference JSON (`servicereference.../v1/<service>/<service>.json`).
    ServiceReference,
}

impl SourceFormat {
    /// The name used on the command line and in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Html => "html",
            SourceFormat::Markdown => "markdown",
            SourceFormat::ServiceReference => "service-reference",
        }
    }
}

/// One fact that two sources state differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disagreement {
    /// What the fact is about, for example `action sagemaker:AddTags` or `resource type job`.
    pub subject: String,
    /// Which fact: `access levels`, `resource types`, `ARN formats`, `type`, `exists`, ...
    pub fact: String,
    /// Each source's value, keyed by the source's URL, in merge order.
    pub values: Vec<SourceValue>,
    /// The value the catalog keeps, and why.
    pub resolution: String,
}

/// What one source says about a fact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceValue {
    /// The source's URL (as in [`Source::url`]).
    pub source: String,
    /// Its value, as text.
    pub value: String,
}

/// One row group of the actions table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// The action name without the service prefix, for example "CreateTrainingJob".
    pub name: String,
    /// The description, whitespace collapsed.
    pub description: String,
    /// The link on the action name, when the page has one.
    pub documentation_url: Option<String>,
    /// Usually one level; the August 2026 layout may name two ("Tagging, Write").
    pub access_levels: Vec<AccessLevel>,
    /// Marked `[permission only]`, or listed in the permission-only actions table.
    pub permission_only: bool,
    /// The resource types, in page order.
    pub resource_types: Vec<ActionResourceType>,
    /// Condition keys on the row without a resource type: they apply to the action itself.
    pub condition_keys: Vec<String>,
    /// Other actions the caller also needs, sorted by name.
    pub dependent_actions: Vec<String>,
    /// EC2's RunInstances "SCENARIO:" rows: alternative sets of resource types for one launch.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
}

/// A resource type as one action row names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionResourceType {
    /// The resource type's name, for example "training-job".
    pub name: String,
    /// Marked with `*` on the page.
    pub required: bool,
    /// Condition keys on this resource type's row.
    pub condition_keys: Vec<String>,
}

/// A named launch scenario: the resource types one variant of the call touches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The scenario's name, for example "EC2-Classic-EBS".
    pub name: String,
    /// The scenario's resource types, in page order.
    pub resource_types: Vec<ActionResourceType>,
}

/// One row of the resource types table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResourceType {
    /// For example "training-job"; may contain spaces (lambda's "code signing config").
    pub name: String,
    /// The link on the name, when the page has one (2019 pages have none).
    pub documentation_url: Option<String>,
    /// ARN templates such as `arn:${Partition}:sagemaker:${Region}:${Account}:training-job/${TrainingJobName}`.
    pub arn_formats: Vec<String>,
    /// Condition keys that apply to resources of this type.
    pub condition_keys: Vec<String>,
}

/// One row of the condition keys table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionKey {
    /// For example "sagemaker:InstanceTypes" or "aws:ResourceTag/${TagKey}".
    pub name: String,
    /// The description, whitespace collapsed.
    pub description: String,
    /// The page's type name: String, ARN, Bool, Numeric, Date, IPAddress, ArrayOfString, ...
    #[serde(rename = "type")]
    pub value_type: String,
    /// Set when the page says the key has been deprecated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<Deprecation>,
}

/// A deprecated key and what replaces it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deprecation {
    /// The key to use instead (for example `sagemaker:VolumeKmsKeyArn`), when the page names one.
    pub replaced_by: Option<String>,
}

/// One row group of the API operations table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Operation {
    /// The API operation, for example "CreateChannel".
    pub name: String,
    /// The IAM actions the operation needs, in page order.
    pub authorized_actions: Vec<AuthorizedAction>,
    /// The SDK methods that call the operation (from the service reference JSON's `SDK`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdk_methods: Vec<SdkMethod>,
}

/// One SDK's name for an API operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SdkMethod {
    /// The SDK package, for example "Boto3".
    pub package: String,
    /// The SDK client, for example "sagemaker".
    pub client: String,
    /// The method, for example "create_training_job".
    pub method: String,
}

/// An IAM action an API operation needs, optionally under a condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuthorizedAction {
    /// A prefixed action, for example "iam:PassRole".
    pub action: String,
    /// The condition key the authorization is evaluated with, if any.
    pub condition_key: Option<String>,
    /// The values that key takes for this operation.
    pub values: Vec<String>,
}

impl Deprecation {
    /// Reads the sentence the reference appends to a deprecated key's description: "This key has
    /// been deprecated. It has been replaced by sagemaker:VolumeKmsKeyArn".
    pub fn from_description(description: &str) -> Option<Deprecation> {
        const DEPRECATED: &str = "this key has been deprecated";
        const REPLACED_BY: &str = "it has been replaced by ";
        let lower = description.to_ascii_lowercase();
        let at = lower.find(DEPRECATED)?;
        let rest = &lower[at + DEPRECATED.len()..];
        let replaced_by = rest.find(REPLACED_BY).map(|offset| {
            let start = at + DEPRECATED.len() + offset + REPLACED_BY.len();
            description[start..]
                .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
                .next()
                .unwrap_or_default()
                .trim_end_matches('.')
                .to_owned()
        });
        Some(Deprecation {
            replaced_by: replaced_by.filter(|name| !name.is_empty()),
        })
    }
}

/// The access levels the Service Authorization Reference uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum AccessLevel {
    /// "List".
    List,
    /// "Read".
    Read,
    /// "Write".
    Write,
    /// "Permissions management".
    #[serde(rename = "Permissions management")]
    PermissionsManagement,
    /// "Tagging".
    Tagging,
}

impl AccessLevel {
    /// Every level, in the order the reference documents them.
    pub const ALL: [AccessLevel; 5] = [
        AccessLevel::List,
        AccessLevel::Read,
        AccessLevel::Write,
        AccessLevel::PermissionsManagement,
        AccessLevel::Tagging,
    ];

    /// The text the page uses.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessLevel::List => "List",
            AccessLevel::Read => "Read",
            AccessLevel::Write => "Write",
            AccessLevel::PermissionsManagement => "Permissions management",
            AccessLevel::Tagging => "Tagging",
        }
    }

    /// Parses the page's text, ignoring case ("Permissions Management" on 2019 pages).
    pub fn from_page_text(text: &str) -> Option<AccessLevel> {
        AccessLevel::ALL
            .into_iter()
            .find(|level| level.as_str().eq_ignore_ascii_case(text))
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Action {
    /// Every condition key the action's rows name: its own, then each resource row's, in page
    /// order (a key on several rows comes several times).
    pub fn row_condition_keys(&self) -> impl Iterator<Item = &String> {
        self.condition_keys.iter().chain(
            self.resource_types
                .iter()
                .flat_map(|row| &row.condition_keys),
        )
    }
}

impl Catalog {
    /// The canonical serialization: pretty JSON with two-space indents and a trailing newline.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("catalog serializes to JSON");
        text.push('\n');
        text
    }

    /// Parses a data file.
    pub fn from_json(text: &str) -> Result<Catalog, serde_json::Error> {
        serde_json::from_str(text)
    }

    /// The action with this exact name.
    pub fn action(&self, name: &str) -> Option<&Action> {
        self.actions.iter().find(|action| action.name == name)
    }

    /// Every source, the primary one first.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        std::iter::once(&self.source).chain(&self.other_sources)
    }

    /// The resource type with this exact name.
    pub fn resource_type(&self, name: &str) -> Option<&ResourceType> {
        self.resource_types.iter().find(|rt| rt.name == name)
    }
}

/// The global condition keys every service accepts, from `data/global-condition-keys.json`, read
/// from AWS's global condition context keys page by `catalog_gen::global_keys`. The service pages
/// list only the global keys their actions name; IAM accepts all of these everywhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlobalConditionKeys {
    /// The page the keys were read from (its URL and the SHA-256 of the bytes read).
    pub source: Source,
    /// The `aws:` keys, sorted by name ignoring case, with their types (`ArrayOfString` for
    /// multivalued keys). Code generation adds these to every service's condition keys.
    pub condition_keys: Vec<ConditionKey>,
    /// Keys with another service's prefix that the page documents as available in requests to
    /// every service (`ec2:SourceInstanceArn`, `lambda:SourceFunctionArn`), sorted like
    /// `condition_keys`. Data only: code generation does not read them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cross_service_keys: Vec<ConditionKey>,
    /// Keys in `condition_keys` or `cross_service_keys` that the source page does not document,
    /// kept on other evidence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_on_page: Vec<KeptKey>,
}

/// A key the data file keeps although its source page does not document it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptKey {
    /// The key, as in `condition_keys`.
    pub name: String,
    /// The evidence that the key exists.
    pub reason: String,
}

impl GlobalConditionKeys {
    /// The canonical serialization: pretty JSON with two-space indents and a trailing newline.
    pub fn to_json(&self) -> String {
        let mut text =
            serde_json::to_string_pretty(self).expect("global condition keys serialize to JSON");
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests {
    use super::Deprecation;

    #[test]
    fn deprecation_sentence_names_the_replacement() {
        let text = "Filters access by the volume kms key. This key has been deprecated. It has been replaced by sagemaker:VolumeKmsKeyArn";
        assert_eq!(
            Deprecation::from_description(text),
            Some(Deprecation {
                replaced_by: Some("sagemaker:VolumeKmsKeyArn".into())
            })
        );
        assert_eq!(
            Deprecation::from_description("This key has been deprecated."),
            Some(Deprecation { replaced_by: None })
        );
        assert_eq!(
            Deprecation::from_description("Filters access by the deprecated flag"),
            None
        );
    }
}
