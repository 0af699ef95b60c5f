//! Reads AWS's programmatic service reference: one JSON document per service
//! (`https://servicereference.us-east-1.amazonaws.com/v1/<prefix>/<prefix>.json`) and the index
//! of those documents.
//!
//! The JSON says less than the page: it has no descriptions, no documentation links, no
//! "required" marker on an action's resource types, no dependent actions and no display name.
//! Those fields are left empty (`""`, `None`, `false`, `[]`) and the display name is the prefix;
//! merging with the page supplies them. Fields this reader does not know (AWS adds some, such as
//! `SupportedBy`) are ignored; a missing `Name` or `Actions`, or a field of the wrong type, is an
//! error that names the place.

mod error;
mod json;

pub use error::ServiceReferenceError;

use crate::check;
use crate::model::{
    AccessLevel, Action, ActionResourceType, AuthorizedAction, Catalog, ConditionKey, Operation,
    ResourceType, SdkMethod, Service, Source, SourceFormat,
};
use json::{each_object, kind, Obj, Place};
use serde_json::Value;

/// The index's host; a service's document is at `<BASE>v1/<prefix>/<prefix>.json`.
pub const SERVICE_REFERENCE_BASE: &str = "https://servicereference.us-east-1.amazonaws.com/";

/// The canonical URL of a service's document, for example
/// `https://servicereference.us-east-1.amazonaws.com/v1/sagemaker/sagemaker.json`.
pub fn service_reference_url(prefix: &str) -> String {
    format!("{SERVICE_REFERENCE_BASE}v1/{prefix}/{prefix}.json")
}

/// One entry of the index AWS serves at [`SERVICE_REFERENCE_BASE`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceListEntry {
    /// The service prefix, for example "sagemaker".
    pub service: String,
    /// Where its document is.
    pub url: String,
}

/// Reads one service's document into a [`Catalog`] and checks [`check::invariants`] on it.
///
/// How the JSON maps to the catalog:
/// - `Name` is the prefix; the JSON (and the index) carry no display name, so
///   [`Service::name`] is the prefix too.
/// - An action's access levels come from `Annotations.Properties`: `IsList` is List,
///   `IsPermissionManagement` Permissions management, `IsTaggingOnly` Tagging, `IsWrite` Write,
///   none of them Read. The JSON marks Tagging and Permissions management actions as `IsWrite`
///   too; both levels are kept, as the page's "Tagging, Write" keeps them, in the order List,
///   Permissions management, Tagging, Write (the page's order for the two combinations that
///   occur). An action without `Annotations` (deeplens, sagemaker-groundtruth-synthetic, and
///   SageMaker's documents before 2025-06) gets no access level at all: the JSON does not say, and
///   all-false would wrongly read as Read.
/// - An action's `Resources` become its resource types with `required: false`: the JSON has no
///   counterpart of the page's `*` marker, so nothing can be said to be required.
/// - `ActionConditionKeys` are the action's own condition keys; dependent actions and
///   `permission_only` are not in the JSON (empty, `false`).
/// - A condition key's `Types` is a list; a single entry is the page's type name verbatim (the
///   names are the same ones the page uses). Where one prefix covers two pages that type a key
///   differently, the list has both (`elasticloadbalancing:ListenerProtocol` is `ArrayOfString`
///   on the classic ELB page and `String` on the ELB v2 page); a type together with its `ArrayOf`
///   form reads as the `ArrayOf` form, since a policy must be written for the multivalued case.
///   Any other combination is an error.
/// - An authorized action's `Context` (`{"iam:PassedToService": ["sagemaker.amazonaws.com"]}`)
///   gives its condition key and values; a context with several keys yields one
///   [`AuthorizedAction`] per key, in key order.
/// - `SDK` entries' `Name` is the SDK client ([`SdkMethod::client`]).
///
/// `fetched_from` becomes [`Source::url`]; without it the canonical URL built from the prefix is
/// used. [`Source::date`] is left for the caller.
pub fn read_service_reference(
    bytes: &[u8],
    fetched_from: Option<&str>,
) -> Result<Catalog, ServiceReferenceError> {
    let value = parse(bytes)?;
    let Some(map) = value.as_object() else {
        return Err(shape(&value, SERVICE_EXPECTED));
    };
    if !map.contains_key("Name") && !map.contains_key("Actions") {
        return Err(shape(&value, SERVICE_EXPECTED));
    }
    let document = Obj {
        map,
        place: &Place::DOCUMENT,
    };
    let prefix = document.required_str("Name")?;
    if !prefix
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return Err(document.error(format!(
            "field \"Name\" must be a service prefix such as \"sagemaker\", found {prefix:?}"
        )));
    }
    let actions = each_object(&document, "Actions", true, read_action)?;
    let resource_types = each_object(&document, "Resources", false, read_resource_type)?;
    let condition_keys = each_object(&document, "ConditionKeys", false, read_condition_key)?;
    let operations = each_object(&document, "Operations", false, read_operation)?;
    let version = document.optional_str("Version")?.map(str::to_owned);

    let catalog = Catalog {
        service: Service {
            name: prefix.to_owned(),
            prefix: prefix.to_owned(),
        },
        source: Source {
            url: fetched_from.map_or_else(|| service_reference_url(prefix), str::to_owned),
            sha256: crate::sha256_hex(bytes),
            format: Some(SourceFormat::ServiceReference),
            date: None,
            version,
        },
        actions,
        resource_types,
        condition_keys,
        operations,
        other_sources: Vec::new(),
        disagreements: Vec::new(),
    };
    check::invariants(&catalog)?;
    Ok(catalog)
}

/// Reads the index of service documents: a JSON array of `{"service": ..., "url": ...}`, in the
/// index's order. Other fields of an entry are ignored.
pub fn read_service_list(bytes: &[u8]) -> Result<Vec<ServiceListEntry>, ServiceReferenceError> {
    let value = parse(bytes)?;
    let Some(elements) = value.as_array() else {
        return Err(shape(&value, LIST_EXPECTED));
    };
    elements
        .iter()
        .enumerate()
        .map(|(index, element)| {
            let name = element.get("service").and_then(Value::as_str);
            let place = Place::element(&Place::DOCUMENT, "service list", index, name);
            let Some(map) = element.as_object() else {
                return Err(ServiceReferenceError::Field {
                    at: place.to_string(),
                    message: format!("must be an object, found {}", kind(element)),
                });
            };
            let entry = Obj { map, place: &place };
            Ok(ServiceListEntry {
                service: entry.required_str("service")?.to_owned(),
                url: entry.required_str("url")?.to_owned(),
            })
        })
        .collect()
}

const SERVICE_EXPECTED: &str = "a service reference document is an object with the fields \"Name\" and \"Actions\" (an array of {\"service\", \"url\"} objects is the service list)";
const LIST_EXPECTED: &str = "the service list is an array of {\"service\", \"url\"} objects (an object with \"Name\" and \"Actions\" is one service's document)";

/// Parses the bytes as JSON, telling an empty file, an HTML page and a cut download apart from
/// other syntax errors.
fn parse(bytes: &[u8]) -> Result<Value, ServiceReferenceError> {
    // A byte-order mark is not JSON but editors write it; it says nothing about the content.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Some(start) = bytes.iter().position(|b| !b.is_ascii_whitespace()) else {
        return Err(ServiceReferenceError::Empty);
    };
    let opening = &bytes[start..];
    let snippet = || {
        let end = opening.len().min(40);
        String::from_utf8_lossy(&opening[..end]).into_owned()
    };
    if opening[0] == b'<' {
        return Err(ServiceReferenceError::NotJson {
            reason: format!(
                "it starts with {:?}, which looks like an HTML or XML page",
                snippet()
            ),
        });
    }
    serde_json::from_slice(bytes).map_err(|error| {
        use serde_json::error::Category;
        let (line, column) = (error.line(), error.column());
        match error.classify() {
            Category::Eof => ServiceReferenceError::Truncated { line, column },
            // Nothing JSON-like at the start: plain text, a binary file.
            _ if !matches!(opening[0], b'{' | b'[') => ServiceReferenceError::NotJson {
                reason: format!("it starts with {:?}", snippet()),
            },
            _ => {
                // The position is in the error's own fields; serde_json repeats it in the text.
                let text = error.to_string();
                let suffix = format!(" at line {line} column {column}");
                ServiceReferenceError::Syntax {
                    line,
                    column,
                    message: text.strip_suffix(&suffix).unwrap_or(&text).to_owned(),
                }
            }
        }
    })
}

fn shape(value: &Value, expected: &'static str) -> ServiceReferenceError {
    let found = match value {
        Value::Array(items) => format!("an array of {} elements", items.len()),
        Value::Object(map) => {
            let keys: Vec<&str> = map.keys().map(String::as_str).take(8).collect();
            format!("an object with the fields {keys:?}")
        }
        other => kind(other).to_owned(),
    };
    ServiceReferenceError::Shape { found, expected }
}

fn read_action(action: Obj<'_>) -> Result<Action, ServiceReferenceError> {
    Ok(Action {
        name: action.required_str("Name")?.to_owned(),
        description: String::new(),
        documentation_url: None,
        access_levels: access_levels(&action)?,
        permission_only: false,
        resource_types: each_object(&action, "Resources", false, |resource| {
            Ok(ActionResourceType {
                name: resource.required_str("Name")?.to_owned(),
                required: false,
                condition_keys: resource.strings("ConditionKeys", false)?,
            })
        })?,
        condition_keys: action.strings("ActionConditionKeys", false)?,
        dependent_actions: Vec::new(),
        scenarios: Vec::new(),
    })
}

/// See [`read_service_reference`] for the mapping.
fn access_levels(action: &Obj<'_>) -> Result<Vec<AccessLevel>, ServiceReferenceError> {
    let Some(annotations) = action.optional_object("Annotations")? else {
        return Ok(Vec::new());
    };
    let properties = match annotations.get("Properties") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Object(properties)) => properties,
        Some(other) => {
            return Err(action.error(format!(
                "field \"Annotations\".\"Properties\" must be an object, found {}",
                kind(other)
            )))
        }
    };
    let flag = |name: &str| match properties.get(name) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(set)) => Ok(*set),
        Some(other) => Err(action.error(format!(
            "field \"Annotations\".\"Properties\".{name:?} must be a boolean, found {}",
            kind(other)
        ))),
    };
    let mut levels = Vec::with_capacity(2);
    for (name, level) in [
        ("IsList", AccessLevel::List),
        ("IsPermissionManagement", AccessLevel::PermissionsManagement),
        ("IsTaggingOnly", AccessLevel::Tagging),
        ("IsWrite", AccessLevel::Write),
    ] {
        if flag(name)? {
            levels.push(level);
        }
    }
    if levels.is_empty() {
        levels.push(AccessLevel::Read);
    }
    Ok(levels)
}

fn read_resource_type(resource: Obj<'_>) -> Result<ResourceType, ServiceReferenceError> {
    let arn_formats = resource.strings("ARNFormats", true)?;
    if arn_formats.is_empty() {
        return Err(resource.error("field \"ARNFormats\" is an empty array".to_owned()));
    }
    Ok(ResourceType {
        name: resource.required_str("Name")?.to_owned(),
        documentation_url: None,
        arn_formats,
        condition_keys: resource.strings("ConditionKeys", false)?,
    })
}

fn read_condition_key(key: Obj<'_>) -> Result<ConditionKey, ServiceReferenceError> {
    let name = key.required_str("Name")?.to_owned();
    let types = key.strings("Types", true)?;
    let value_type = page_type(&types).ok_or_else(|| {
        key.error(format!(
            "field \"Types\" is {types:?}, which names no single type (understood: one type, or a type together with its ArrayOf form)"
        ))
    })?;
    Ok(ConditionKey {
        name,
        description: String::new(),
        value_type: value_type.to_owned(),
        deprecated: None,
    })
}

/// The page's type name for a key's `Types`; see [`read_service_reference`].
fn page_type(types: &[String]) -> Option<&str> {
    match types {
        [single] => Some(single),
        [first, second] => {
            let array_of =
                |array: &str, element: &str| array.strip_prefix("ArrayOf") == Some(element);
            if array_of(first, second) {
                Some(first)
            } else if array_of(second, first) {
                Some(second)
            } else {
                None
            }
        }
        _ => None,
    }
}

fn read_operation(operation: Obj<'_>) -> Result<Operation, ServiceReferenceError> {
    let name = operation.required_str("Name")?.to_owned();
    let authorized_actions = each_object(&operation, "AuthorizedActions", false, read_authorized)?
        .into_iter()
        .flatten()
        .collect();
    let sdk_methods = each_object(&operation, "SDK", false, |sdk| {
        Ok(SdkMethod {
            package: sdk.required_str("Package")?.to_owned(),
            client: sdk.required_str("Name")?.to_owned(),
            method: sdk.required_str("Method")?.to_owned(),
        })
    })?;
    Ok(Operation {
        name,
        authorized_actions,
        sdk_methods,
    })
}

fn read_authorized(authorized: Obj<'_>) -> Result<Vec<AuthorizedAction>, ServiceReferenceError> {
    let action = format!(
        "{}:{}",
        authorized.required_str("Service")?,
        authorized.required_str("Name")?
    );
    let context = authorized.optional_object("Context")?;
    let Some(context) = context.filter(|context| !context.is_empty()) else {
        return Ok(vec![AuthorizedAction {
            action,
            condition_key: None,
            values: Vec::new(),
        }]);
    };
    let mut keys: Vec<&String> = context.keys().collect();
    keys.sort();
    keys.into_iter()
        .map(|key| {
            let values = context[key.as_str()]
                .as_array()
                .filter(|values| values.iter().all(Value::is_string))
                .ok_or_else(|| {
                    authorized.error(format!(
                        "field \"Context\".{key:?} must be an array of strings, found {}",
                        kind(&context[key.as_str()])
                    ))
                })?;
            Ok(AuthorizedAction {
                action: action.clone(),
                condition_key: Some(key.clone()),
                values: values
                    .iter()
                    .filter_map(|value| value.as_str().map(str::to_owned))
                    .collect(),
            })
        })
        .collect()
}
