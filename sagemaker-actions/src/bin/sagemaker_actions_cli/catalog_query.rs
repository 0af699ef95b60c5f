//! `actions` and `explain`: questions about the built-in SageMaker catalog.

use crate::{ActionsArgs, ExplainArgs, ListFormat, Outcome, EXIT_CLEAN, EXIT_ERROR};
use sagemaker_actions::{
    wildcard_match_ignore_case, AccessLevel, Action, ConditionKey, ResourceType, SERVICE_PREFIX,
};
use serde_json::{json, Value};
use std::fmt::Write;
use std::str::FromStr;

fn usage_error(message: impl std::fmt::Display) -> Outcome {
    eprintln!("sagemaker-actions: {message}");
    Outcome {
        stdout: String::new(),
        exit: EXIT_ERROR,
    }
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// Whether `action` matches the command line's pattern: an IAM pattern when it has wildcards,
/// otherwise a case-insensitive substring, which is what people type to find "the training
/// ones".
fn matches_pattern(action: Action, pattern: &str) -> bool {
    let name_pattern = match pattern.split_once(':') {
        Some((prefix, rest)) if prefix.eq_ignore_ascii_case(SERVICE_PREFIX) => rest,
        Some(_) => return false,
        None => pattern,
    };
    if name_pattern.contains(['*', '?']) {
        wildcard_match_ignore_case(name_pattern, action.name())
    } else {
        action
            .name()
            .to_ascii_lowercase()
            .contains(&name_pattern.to_ascii_lowercase())
    }
}

/// The condition keys an action supports: its own, then those of its resource rows, each once.
fn supported_keys(action: Action) -> Vec<ConditionKey> {
    let mut keys: Vec<ConditionKey> = Vec::new();
    let rows = action.resource_types().iter();
    for key in rows
        .flat_map(|row| row.condition_keys())
        .chain(action.condition_keys())
    {
        if !keys.contains(key) {
            keys.push(*key);
        }
    }
    keys.sort_by_key(|key| key.name());
    keys
}

fn access_levels_text(action: Action) -> String {
    action
        .access_levels()
        .iter()
        .map(|level| level.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Runs `actions`.
pub fn actions(args: &ActionsArgs) -> Outcome {
    let levels: Vec<AccessLevel> = args
        .access_level
        .iter()
        .map(|&level| level.into())
        .collect();
    let resource_type = match args.resource_type.as_deref().map(ResourceType::from_str) {
        Some(Err(error)) => return usage_error(error),
        Some(Ok(resource_type)) => Some(resource_type),
        None => None,
    };
    let key = match args.condition_key.as_deref().map(ConditionKey::from_str) {
        Some(Err(error)) => return usage_error(error),
        Some(Ok(key)) => Some(key),
        None => None,
    };
    if let Some((prefix, _)) = args.pattern.as_deref().and_then(|p| p.split_once(':')) {
        if !prefix.eq_ignore_ascii_case(SERVICE_PREFIX) {
            return usage_error(format_args!(
                "pattern {:?} names service {prefix:?}; this catalog lists {SERVICE_PREFIX}'s actions only",
                args.pattern.as_deref().unwrap_or_default()
            ));
        }
    }
    let selected: Vec<Action> = Action::ALL
        .iter()
        .copied()
        .filter(|action| {
            levels.is_empty()
                || action
                    .access_levels()
                    .iter()
                    .any(|level| levels.contains(level))
        })
        .filter(|action| {
            resource_type.is_none_or(|wanted| {
                action
                    .resource_types()
                    .iter()
                    .any(|row| row.resource_type() == wanted)
            })
        })
        .filter(|action| key.is_none_or(|wanted| supported_keys(*action).contains(&wanted)))
        .filter(|action| {
            args.pattern
                .as_deref()
                .is_none_or(|pattern| matches_pattern(*action, pattern))
        })
        .collect();
    let stdout = match args.format {
        ListFormat::Text => actions_table(&selected),
        ListFormat::Json => pretty(&Value::Array(
            selected
                .iter()
                .map(|action| action_summary(*action))
                .collect(),
        )),
    };
    Outcome {
        stdout,
        exit: EXIT_CLEAN,
    }
}

fn action_summary(action: Action) -> Value {
    json!({
        "action": action.as_str(),
        "access_levels": action.access_levels().iter().map(|level| level.as_str()).collect::<Vec<_>>(),
        "permission_only": action.is_permission_only(),
        "resource_types": action.resource_types().iter().map(|row| json!({
            "name": row.resource_type().name(),
            "required": row.is_required(),
        })).collect::<Vec<_>>(),
        "condition_keys": supported_keys(action).iter().map(|key| key.name()).collect::<Vec<_>>(),
        "dependent_actions": action.dependent_actions().iter().map(|dependent| dependent.as_str()).collect::<Vec<_>>(),
    })
}

/// policy_sentry's layout: one block per action, its resource types and condition keys one
/// per line in their columns, so that long lists stay readable.
fn actions_table(selected: &[Action]) -> String {
    struct Row {
        action: &'static str,
        access: String,
        resource_types: Vec<String>,
        keys: Vec<&'static str>,
    }
    let rows: Vec<Row> = selected
        .iter()
        .map(|action| {
            let resource_types: Vec<String> = action
                .resource_types()
                .iter()
                .map(|row| {
                    let marker = if row.is_required() { "*" } else { "" };
                    format!("{}{marker}", row.resource_type().name())
                })
                .collect();
            Row {
                action: action.as_str(),
                access: access_levels_text(*action),
                resource_types: if resource_types.is_empty() {
                    vec!["-".to_owned()]
                } else {
                    resource_types
                },
                keys: supported_keys(*action)
                    .iter()
                    .map(|key| key.name())
                    .collect(),
            }
        })
        .collect();
    let headers = ["ACTION", "ACCESS LEVEL", "RESOURCE TYPES", "CONDITION KEYS"];
    let action_width = rows
        .iter()
        .map(|row| row.action.len())
        .chain([headers[0].len()])
        .max()
        .unwrap_or_default();
    let access_width = rows
        .iter()
        .map(|row| row.access.len())
        .chain([headers[1].len()])
        .max()
        .unwrap_or_default();
    let resource_width = rows
        .iter()
        .flat_map(|row| row.resource_types.iter().map(String::len))
        .chain([headers[2].len()])
        .max()
        .unwrap_or_default();
    let mut out = String::new();
    let mut line = |cells: [&str; 4]| {
        let text = format!(
            "{:action_width$}  {:access_width$}  {:resource_width$}  {}",
            cells[0], cells[1], cells[2], cells[3]
        );
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(headers);
    for row in &rows {
        let height = row.resource_types.len().max(row.keys.len()).max(1);
        for index in 0..height {
            let first = index == 0;
            line([
                if first { row.action } else { "" },
                if first { &row.access } else { "" },
                row.resource_types.get(index).map_or("", String::as_str),
                row.keys.get(index).copied().unwrap_or(""),
            ]);
        }
    }
    let count = rows.len();
    let _ = writeln!(
        out,
        "\n{count} {}",
        if count == 1 { "action" } else { "actions" }
    );
    out
}

fn key_object(key: ConditionKey) -> Value {
    json!({
        "name": key.name(),
        "type": key.value_type().as_str(),
        "description": key.description(),
    })
}

/// Runs `explain`.
pub fn explain(args: &ExplainArgs) -> Outcome {
    let action = match Action::from_str(&args.action) {
        Ok(action) => action,
        Err(error) => {
            let hint = if args.action.contains(['*', '?']) {
                "; explain takes one action: list a pattern's actions with `sagemaker-actions actions PATTERN`"
            } else if args
                .action
                .split_once(':')
                .is_some_and(|(prefix, _)| !prefix.eq_ignore_ascii_case(SERVICE_PREFIX))
            {
                "; only SageMaker's actions are in this catalog"
            } else if error.suggestion().is_none() {
                "; list the actions with `sagemaker-actions actions`"
            } else {
                ""
            };
            return usage_error(format_args!("{error}{hint}"));
        }
    };
    let stdout = match args.format {
        ListFormat::Text => explain_text(action),
        ListFormat::Json => pretty(&explain_json(action)),
    };
    Outcome {
        stdout,
        exit: EXIT_CLEAN,
    }
}

fn explain_json(action: Action) -> Value {
    json!({
        "action": action.as_str(),
        "name": action.name(),
        "description": action.description(),
        "documentation_url": action.documentation_url(),
        "access_levels": action.access_levels().iter().map(|level| level.as_str()).collect::<Vec<_>>(),
        "permission_only": action.is_permission_only(),
        "resource_types": action.resource_types().iter().map(|row| json!({
            "name": row.resource_type().name(),
            "required": row.is_required(),
            "arn_formats": row.resource_type().arn_formats(),
            "condition_keys": row.condition_keys().iter().map(|key| key_object(*key)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "condition_keys": action.condition_keys().iter().map(|key| key_object(*key)).collect::<Vec<_>>(),
        "dependent_actions": action.dependent_actions().iter().map(|dependent| dependent.as_str()).collect::<Vec<_>>(),
    })
}

/// Condition keys as aligned `name  type` lines, with the description after.
fn key_lines(out: &mut String, indent: &str, keys: &[ConditionKey]) {
    let width = keys
        .iter()
        .map(|key| key.name().len())
        .max()
        .unwrap_or_default();
    let type_width = keys
        .iter()
        .map(|key| key.value_type().as_str().len())
        .max()
        .unwrap_or_default();
    for key in keys {
        let text = format!(
            "{indent}{:width$}  {:type_width$}  {}",
            key.name(),
            key.value_type().as_str(),
            key.description()
        );
        let _ = writeln!(out, "{}", text.trim_end());
    }
}

fn explain_text(action: Action) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", action.as_str());
    let _ = writeln!(out, "  {}", action.description());
    let _ = writeln!(out);
    let _ = writeln!(out, "Access level:     {}", access_levels_text(action));
    let _ = writeln!(
        out,
        "Permission only:  {}",
        if action.is_permission_only() {
            "yes (no API operation of this name)"
        } else {
            "no"
        }
    );
    if let Some(url) = action.documentation_url() {
        let _ = writeln!(out, "Documentation:    {url}");
    }
    let _ = writeln!(out);
    if action.resource_types().is_empty() {
        let _ = writeln!(
            out,
            "Resource types: none; the action supports only \"Resource\": \"*\""
        );
    } else {
        let _ = writeln!(out, "Resource types (* = required):");
        for row in action.resource_types() {
            let marker = if row.is_required() { "*" } else { "" };
            let _ = writeln!(out, "  {}{marker}", row.resource_type().name());
            for format in row.resource_type().arn_formats() {
                let _ = writeln!(out, "    ARN: {format}");
            }
            if !row.condition_keys().is_empty() {
                let _ = writeln!(out, "    Condition keys:");
                key_lines(&mut out, "      ", row.condition_keys());
            }
        }
    }
    let _ = writeln!(out);
    if action.condition_keys().is_empty() {
        let _ = writeln!(out, "Condition keys of the action: none");
    } else {
        let _ = writeln!(out, "Condition keys of the action:");
        key_lines(&mut out, "  ", action.condition_keys());
    }
    let _ = writeln!(out);
    if action.dependent_actions().is_empty() {
        let _ = writeln!(out, "Dependent actions: none");
    } else {
        let _ = writeln!(out, "Dependent actions (the caller also needs these):");
        for dependent in action.dependent_actions() {
            let _ = writeln!(out, "  {dependent}");
        }
    }
    out
}
