use super::OneOrMany;
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// The `Principal` or `NotPrincipal` element of a resource-based policy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Principal {
    /// `"*"`: everyone.
    All,
    /// `{"AWS": ..., "Service": ...}`, entries in the order written.
    Map(Vec<(PrincipalKind, OneOrMany<Cow<'static, str>>)>),
}

/// The keys of a principal map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrincipalKind {
    /// `"AWS"`: accounts, users, roles.
    Aws,
    /// `"Service"`: service principals such as `sagemaker.amazonaws.com`.
    Service,
    /// `"Federated"`: identity providers.
    Federated,
    /// `"CanonicalUser"`.
    CanonicalUser,
}

impl PrincipalKind {
    /// The JSON key.
    pub const fn as_str(self) -> &'static str {
        match self {
            PrincipalKind::Aws => "AWS",
            PrincipalKind::Service => "Service",
            PrincipalKind::Federated => "Federated",
            PrincipalKind::CanonicalUser => "CanonicalUser",
        }
    }
}

impl fmt::Display for PrincipalKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PrincipalKind {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        [
            PrincipalKind::Aws,
            PrincipalKind::Service,
            PrincipalKind::Federated,
            PrincipalKind::CanonicalUser,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == text)
        .ok_or_else(|| {
            format!("unknown principal type {text:?}; expected AWS, Service, Federated or CanonicalUser")
        })
    }
}
