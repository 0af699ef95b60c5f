//! The API operations list: one item per operation, one `IAM action` field per IAM action it
//! authorizes, each followed by its `Condition key`, `Possible value(s)` and `Access level`.
//!
//! SDK methods are not recorded. Some pages give an `SDK client` line (SageMaker's:
//! `sagemaker`, `sagemaker-runtime`, ...), but a [`SdkMethod`](crate::model::SdkMethod) is a
//! package, a client and a method, and the page names neither the package nor the method:
//! filling them in (with "Boto3" and a snake-case method, as the service reference JSON has
//! them) would put guesses into the data file as if the page had said them, and a merge with
//! that JSON would then compare the guesses with the real values. The client line is still
//! checked to be one word, so a changed format does not go unnoticed. The access level of
//! each authorization is checked but not kept: the model keeps access levels on actions.

use super::actions::access_levels;
use super::blocks::{Blocks, Field, Item};
use super::document::SectionKind;
use super::inline::{entries, names, plain};
use crate::model::{AuthorizedAction, Operation};
use crate::scrape::error::ScrapeError;
use crate::scrape::operations::is_prefixed_action;

const SECTION: SectionKind = SectionKind::Operations;
const SDK_CLIENT: &str = "SDK client";
const IAM_ACTION: &str = "IAM action";
const CONDITION_KEY: &str = "Condition key";
const VALUES: &str = "Possible value(s)";
const ACCESS_LEVEL: &str = "Access level";

/// Every operation of the section.
pub(super) fn parse(blocks: &Blocks<'_>) -> Result<Vec<Operation>, ScrapeError> {
    if let Some(table) = blocks.tables.first() {
        let message = "the section lists operations as bullet items; it has no tables";
        return Err(table.error(SECTION, message.into()));
    }
    blocks.items.iter().map(operation).collect()
}

/// One authorization while its fields are read.
struct Pending {
    action: String,
    condition_key: Option<Option<String>>,
    values: Option<Vec<String>>,
    access_level: bool,
}

fn operation(item: &Item<'_>) -> Result<Operation, ScrapeError> {
    let name = plain(item.title);
    if name.is_empty() || name.contains(char::is_whitespace) {
        let message = format!("{name:?} is not an API operation name");
        return Err(item.error(SECTION, None, message));
    }
    let fail = |message: String| item.error(SECTION, Some(format!("operation {name}")), message);

    let mut sdk_client = None;
    let mut pending: Vec<Pending> = Vec::new();
    for field in &item.fields {
        let label = field.label.as_str();
        if label.eq_ignore_ascii_case(SDK_CLIENT) {
            read_sdk_client(field, &mut sdk_client, !pending.is_empty()).map_err(fail)?;
        } else if label.eq_ignore_ascii_case(IAM_ACTION) {
            let action = names(field.value).join(" ");
            if !is_prefixed_action(&action) {
                return Err(fail(format!(
                    "{action:?} is not an IAM action of the form prefix:Name"
                )));
            }
            pending.push(Pending {
                action,
                condition_key: None,
                values: None,
                access_level: false,
            });
        } else {
            let Some(current) = pending.last_mut() else {
                return Err(fail(format!(
                    "field {label:?} comes before the first {IAM_ACTION:?}"
                )));
            };
            read_detail(current, label, field.value).map_err(fail)?;
        }
    }
    if pending.is_empty() {
        return Err(fail(format!("the item has no {IAM_ACTION:?} field")));
    }
    let authorized_actions = pending
        .into_iter()
        .map(finish)
        .collect::<Result<Vec<_>, _>>()
        .map_err(fail)?;
    Ok(Operation {
        name,
        authorized_actions,
        sdk_methods: Vec::new(),
    })
}

fn read_sdk_client(
    field: &Field<'_>,
    seen: &mut Option<String>,
    after_actions: bool,
) -> Result<(), String> {
    let client = plain(field.value);
    if client.is_empty() || client.contains(char::is_whitespace) {
        return Err(format!("{client:?} is not an SDK client name"));
    }
    if after_actions || seen.replace(client).is_some() {
        return Err(format!(
            "{SDK_CLIENT:?} must come once, before the first {IAM_ACTION:?}"
        ));
    }
    Ok(())
}

fn read_detail(current: &mut Pending, label: &str, value: &str) -> Result<(), String> {
    let repeated = || {
        format!(
            "the authorization of {} has a second {label:?} field",
            current.action
        )
    };
    if label.eq_ignore_ascii_case(CONDITION_KEY) {
        let mut keys = names(value);
        if keys.len() > 1 {
            return Err(format!(
                "one authorization names several condition keys {keys:?}; expected at most one"
            ));
        }
        if current.condition_key.replace(keys.pop()).is_some() {
            return Err(repeated());
        }
    } else if label.eq_ignore_ascii_case(VALUES) {
        // Several values are written "a, b" (or, defensively, one per `<br />`); no value a
        // page has contains a comma.
        let values = entries(value)
            .iter()
            .flat_map(|entry| entry.split(','))
            .map(str::trim)
            .filter(|value| !value.is_empty())
            .map(str::to_owned)
            .collect();
        if current.values.replace(values).is_some() {
            return Err(repeated());
        }
    } else if label.eq_ignore_ascii_case(ACCESS_LEVEL) {
        access_levels(value)?;
        if std::mem::replace(&mut current.access_level, true) {
            return Err(repeated());
        }
    } else {
        return Err(format!(
            "unknown field {label:?}; an operation has {SDK_CLIENT:?}, {IAM_ACTION:?}, \
             {CONDITION_KEY:?}, {VALUES:?} and {ACCESS_LEVEL:?}"
        ));
    }
    Ok(())
}

fn finish(pending: Pending) -> Result<AuthorizedAction, String> {
    let missing = |label: &str| {
        format!(
            "the authorization of {} has no {label:?} field",
            pending.action
        )
    };
    let condition_key = pending
        .condition_key
        .clone()
        .ok_or_else(|| missing(CONDITION_KEY))?;
    let values = pending.values.clone().ok_or_else(|| missing(VALUES))?;
    if !pending.access_level {
        return Err(missing(ACCESS_LEVEL));
    }
    if condition_key.is_none() && !values.is_empty() {
        return Err(format!(
            "condition values {values:?} are given without a condition key"
        ));
    }
    Ok(AuthorizedAction {
        action: pending.action,
        condition_key,
        values,
    })
}
