//! Validating policies written as JSON (or built at run time) against the catalogs: the checks
//! the [`policy!`](crate::policy!) macro runs at compile time, and those IAM Access Analyzer and
//! parliament users know, reported as [`Finding`]s with Access Analyzer's issue codes where it
//! has one.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use sagemaker_actions::validate::{validate_json, Severity};
//! let findings = validate_json(r#"{
//!     "Version": "2012-10-17",
//!     "Statement": [{
//!         "Effect": "Allow",
//!         "Action": "sagemaker:CreateTrainingJbo",
//!         "Resource": "*"
//!     }]
//! }"#);
//! assert_eq!(findings[0].code, "INVALID_ACTION");
//! assert_eq!(findings[0].severity, Severity::Error);
//! assert!(findings[0].message.contains("did you mean sagemaker:CreateTrainingJob"));
//! # }
//! ```

mod catalog;
mod checks;
mod explain;
mod finding;
#[cfg(feature = "service-reference")]
mod service_reference;

pub use catalog::{
    ActionFacts, CatalogConflict, CatalogError, ConflictKind, Deprecated, KeyFacts, ResourceRow,
    ResourceTypeFacts, ServiceCatalog,
};
pub use explain::{explain, explanations, Explanation};
pub use finding::{Finding, Fix, ReplacedPart, Replacement, Severity};
#[cfg(feature = "service-reference")]
pub use service_reference::{DocumentError, ServiceReferenceDir, SERVICE_LIST_FILE};

use crate::policy::Policy;

/// The size quota a policy is measured against (characters, whitespace not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SizeLimit {
    /// A customer managed policy: 6,144 characters.
    ManagedPolicy,
    /// An inline policy of a user: 2,048 characters.
    InlineUser,
    /// An inline policy of a role: 10,240 characters.
    InlineRole,
    /// An inline policy of a group: 5,120 characters.
    InlineGroup,
    /// No size check.
    Unlimited,
}

impl SizeLimit {
    /// How the quota is described in messages.
    pub const fn description(self) -> &'static str {
        match self {
            SizeLimit::ManagedPolicy => "a customer managed policy",
            SizeLimit::InlineUser => "a user's inline policies",
            SizeLimit::InlineRole => "a role's inline policies",
            SizeLimit::InlineGroup => "a group's inline policies",
            SizeLimit::Unlimited => "no quota",
        }
    }

    /// The quota in characters, whitespace not counted.
    pub const fn characters(self) -> Option<usize> {
        match self {
            SizeLimit::ManagedPolicy => Some(6_144),
            SizeLimit::InlineUser => Some(2_048),
            SizeLimit::InlineRole => Some(10_240),
            SizeLimit::InlineGroup => Some(5_120),
            SizeLimit::Unlimited => None,
        }
    }
}

/// What kind of policy is checked; decides whether `Principal` and `Resource` belong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyType {
    /// Identity-based unless a statement names a principal.
    Auto,
    /// Attached to a user, group or role: no `Principal`.
    Identity,
    /// Attached to a resource: `Principal` required.
    Resource,
    /// A role's trust policy: `Principal`, no `Resource`.
    RoleTrust,
}

/// Validation settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The size quota.
    pub size_limit: SizeLimit,
    /// The kind of policy.
    pub policy_type: PolicyType,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            size_limit: SizeLimit::ManagedPolicy,
            policy_type: PolicyType::Auto,
        }
    }
}

/// Checks policies against SageMaker's catalog and any others loaded.
#[derive(Debug, Clone)]
pub struct Validator {
    catalogs: Vec<ServiceCatalog>,
    options: Options,
    /// What merging catalogs of one prefix found, in loading order.
    conflicts: Vec<CatalogConflict>,
    /// Service reference documents for the services no catalog above covers, read on first
    /// use; shared by clones, so that each document is read once.
    #[cfg(feature = "service-reference")]
    service_reference: Option<std::sync::Arc<ServiceReferenceDir>>,
}

impl Default for Validator {
    fn default() -> Self {
        Validator::new()
    }
}

impl Validator {
    /// A validator with the built-in SageMaker catalog and default options.
    pub fn new() -> Self {
        Validator {
            catalogs: vec![ServiceCatalog::sagemaker()],
            options: Options::default(),
            conflicts: Vec::new(),
            #[cfg(feature = "service-reference")]
            service_reference: None,
        }
    }

    /// Covers every service of `documents` that no other catalog of the validator covers (those
    /// added with [`Validator::with_catalog`], before or after, and the built-in SageMaker
    /// catalog win: a page's data file marks required resource types and dependent actions,
    /// which the service reference JSON lacks). A document is read the first time a policy
    /// names its service.
    #[cfg(feature = "service-reference")]
    pub fn with_service_reference(mut self, documents: ServiceReferenceDir) -> Self {
        self.service_reference = Some(std::sync::Arc::new(documents));
        self
    }

    /// The service reference documents given to [`Validator::with_service_reference`]: which
    /// were read, and which could not be.
    #[cfg(feature = "service-reference")]
    pub fn service_reference(&self) -> Option<&ServiceReferenceDir> {
        self.service_reference.as_deref()
    }

    /// Adds a service catalog; one of a prefix already loaded is merged into that one (see
    /// [`ServiceCatalog::merge`]), and what the two define differently is kept for
    /// [`Validator::catalog_conflicts`].
    pub fn with_catalog(mut self, catalog: ServiceCatalog) -> Self {
        self.add_catalog(catalog);
        self
    }

    /// Adds a service catalog like [`Validator::with_catalog`], returning the items it defines
    /// differently from an already loaded catalog of its prefix (empty for a new prefix).
    /// They are warnings, not errors: the merged catalog accepts either definition.
    pub fn add_catalog(&mut self, catalog: ServiceCatalog) -> Vec<CatalogConflict> {
        let conflicts = match self
            .catalogs
            .iter_mut()
            .find(|known| known.prefix.eq_ignore_ascii_case(&catalog.prefix))
        {
            Some(known) => known.merge(catalog),
            None => {
                self.catalogs.push(catalog);
                Vec::new()
            }
        };
        self.conflicts.extend(conflicts.iter().cloned());
        conflicts
    }

    /// Every conflict found while merging catalogs of one prefix, in loading order.
    pub fn catalog_conflicts(&self) -> &[CatalogConflict] {
        &self.conflicts
    }

    /// Sets the options.
    pub fn with_options(mut self, options: Options) -> Self {
        self.options = options;
        self
    }

    /// The catalogs added (the built-in one first), without those read from service reference
    /// documents.
    pub fn catalogs(&self) -> &[ServiceCatalog] {
        &self.catalogs
    }

    /// The catalog for a service prefix, ignoring case: an added one, else one read from the
    /// service reference documents.
    pub fn catalog(&self, prefix: &str) -> Option<&ServiceCatalog> {
        let added = self
            .catalogs
            .iter()
            .find(|catalog| catalog.prefix.eq_ignore_ascii_case(prefix));
        #[cfg(feature = "service-reference")]
        let added = added.or_else(|| self.service_reference.as_ref()?.catalog(prefix));
        added
    }

    /// Every finding for `policy`, in the order of the document.
    pub fn validate(&self, policy: &Policy) -> Vec<Finding> {
        let findings = checks::check_policy(self, policy);
        // The quota counts the JSON text, which only the serde feature can produce.
        #[cfg(feature = "serde")]
        let findings = {
            let mut findings = findings;
            findings.extend(self.size_findings(&policy.to_json()));
            findings
        };
        findings
    }

    /// Parses and validates a JSON document. A document that does not parse gives one finding
    /// with the parser's code, line and column.
    #[cfg(feature = "serde")]
    pub fn validate_json(&self, text: &str) -> Vec<Finding> {
        match Policy::from_json(text) {
            Ok(policy) => {
                let mut findings = checks::check_policy(self, &policy);
                findings.extend(self.size_findings(text));
                findings
            }
            Err(error) => vec![Finding {
                code: error.code(),
                severity: Severity::Error,
                statement: None,
                sid: None,
                path: format!("line {}, column {}", error.line(), error.column()),
                message: error.message().to_owned(),
                fix: None,
            }],
        }
    }

    #[cfg(feature = "serde")]
    fn size_findings(&self, text: &str) -> Option<Finding> {
        let limit = self.options.size_limit.characters()?;
        // Characters never outnumber bytes: a short text cannot be over the quota.
        if text.len() <= limit {
            return None;
        }
        let size = characters_besides_whitespace(text);
        (size > limit).then(|| Finding {
            code: "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA",
            severity: Severity::Warning,
            statement: None,
            sid: None,
            path: String::new(),
            message: format!(
                "the policy has {size} characters (whitespace not counted), over the {limit}-character quota of {}; split it or shorten ARNs with wildcards",
                self.options.size_limit.description()
            ),
            fix: None,
        })
    }
}

/// The characters of `text` that count against a size quota: all but whitespace. Counted over
/// bytes (characters are the bytes that start one, and the whitespace JSON writes is ASCII),
/// with a byte-wide tally per block of 255, so that the loop vectorizes.
#[cfg(feature = "serde")]
fn characters_besides_whitespace(text: &str) -> usize {
    text.as_bytes()
        .chunks(255)
        .map(|block| {
            let counted = block.iter().fold(0u8, |tally, &byte| {
                tally + u8::from((byte & 0xC0) != 0x80 && !byte.is_ascii_whitespace())
            });
            usize::from(counted)
        })
        .sum()
}

/// Validates a policy against the SageMaker catalog with default options.
pub fn validate(policy: &Policy) -> Vec<Finding> {
    Validator::new().validate(policy)
}

/// Parses and validates a JSON policy against the SageMaker catalog with default options.
#[cfg(feature = "serde")]
pub fn validate_json(text: &str) -> Vec<Finding> {
    Validator::new().validate_json(text)
}

#[cfg(all(test, feature = "serde"))]
mod tests {
    use super::characters_besides_whitespace;

    #[test]
    fn counts_characters_but_not_whitespace() {
        assert_eq!(characters_besides_whitespace(""), 0);
        assert_eq!(characters_besides_whitespace("{ \"a\":\t\"é\"\r\n}"), 9);
        // Blocks of 255 bytes are tallied apart; a long text crosses many of them.
        let long = "ab \u{1F600}\n".repeat(1000);
        assert_eq!(characters_besides_whitespace(&long), 3000);
    }
}
