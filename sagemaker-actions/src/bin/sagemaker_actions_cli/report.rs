//! The three forms of `check`'s output: text for people, JSON for scripts, SARIF for
//! code-scanning tools.

use crate::check::{FileReport, Record, Run};
use sagemaker_actions::validate::{Explanation, ReplacedPart, Severity};
use serde_json::{json, Map, Value};
use std::fmt::Write;

/// `check --explain CODE` for people: what, why, before and after.
pub fn explanation_text(explanation: &Explanation) -> String {
    format!(
        "{code} ({severity})\n\n{summary}\n\nWhy it matters: {why}\n\nBefore:\n  {before}\n\nAfter:\n  {after}\n",
        code = explanation.code,
        severity = explanation.severity,
        summary = explanation.summary,
        why = explanation.why,
        before = explanation.before,
        after = explanation.after,
    )
}

/// `check --explain CODE --format json`: the explanation as one object.
pub fn explanation_json(explanation: &Explanation) -> String {
    pretty(&json!({
        "code": explanation.code,
        "severity": explanation.severity.as_str(),
        "summary": explanation.summary,
        "why": explanation.why,
        "before": explanation.before,
        "after": explanation.after,
    }))
}

/// One line per finding, grouped by file, then a summary line.
/// The records a report prints for one file: those shown, then with `--show-suppressed` the
/// suppressed ones.
fn printed<'r>(run: &Run, file: &'r FileReport) -> impl Iterator<Item = &'r Record> {
    let suppressed: &[Record] = if run.show_suppressed {
        &file.suppressed
    } else {
        &[]
    };
    file.records.iter().chain(suppressed)
}

pub fn text(run: &Run) -> String {
    let mut out = String::new();
    for file in &run.files {
        let mut any = false;
        for record in printed(run, file) {
            any = true;
            let finding = &record.finding;
            let mut location = file.name.clone();
            if let Some(line) = record.line {
                let _ = write!(location, ":{line}");
                if let Some(column) = record.column {
                    let _ = write!(location, ":{column}");
                }
            }
            let path = if finding.path.is_empty() {
                "policy"
            } else {
                &finding.path
            };
            let marker = if record.suppressed.is_some() {
                "suppressed "
            } else {
                ""
            };
            let _ = write!(
                out,
                "{location}: {marker}{} {} {path}",
                finding.severity, finding.code
            );
            if let Some(sid) = &finding.sid {
                let _ = write!(out, " (Sid {sid:?})");
            }
            let _ = writeln!(out, ": {}", single_line(&finding.message));
            if let Some(fix) = &finding.fix {
                let _ = writeln!(out, "    fix: {}", single_line(&fix.description));
            }
            if let Some((reason, origin)) = &record.suppressed {
                let _ = writeln!(out, "    reason: {} ({origin})", single_line(reason));
            }
        }
        if any {
            out.push('\n');
        }
    }
    let checked = run.files.len();
    let _ = write!(
        out,
        "{checked} {} checked",
        plural(checked, "file", "files")
    );
    if !run.unreadable.is_empty() {
        let count = run.unreadable.len();
        let _ = write!(
            out,
            ", {count} could not be read ({})",
            run.unreadable
                .iter()
                .map(|(name, _)| name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let counts = severity_counts(run);
    if counts.is_empty() {
        let _ = write!(
            out,
            ": no findings at or above {}",
            run.min_severity.as_str()
        );
    } else {
        let _ = write!(out, ": {}", counts.join(", "));
    }
    let suppressed: usize = run.files.iter().map(|file| file.suppressed.len()).sum();
    if suppressed > 0 {
        let _ = write!(out, "; {suppressed} suppressed");
        if !run.show_suppressed {
            let _ = write!(out, " (--show-suppressed lists them)");
        }
    }
    let hidden: usize = run.files.iter().map(|file| file.hidden).sum();
    if hidden > 0 {
        let _ = write!(
            out,
            " ({hidden} below {} not shown; --min-severity info shows everything)",
            run.min_severity.as_str()
        );
    }
    out.push('\n');
    out
}

/// A message on one line, so that every finding stays one line for grep and editors.
fn single_line(message: &str) -> String {
    message.replace(['\r', '\n'], " ")
}

fn plural<'a>(count: usize, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 {
        one
    } else {
        many
    }
}

/// "2 errors, 1 warning", most severe first, only severities present.
fn severity_counts(run: &Run) -> Vec<String> {
    Severity::ALL
        .iter()
        .rev()
        .filter_map(|severity| {
            let count = run
                .files
                .iter()
                .flat_map(|file| &file.records)
                .filter(|record| record.finding.severity == *severity)
                .count();
            let (one, many) = match severity {
                Severity::Error => ("error", "errors"),
                Severity::SecurityWarning => ("security warning", "security warnings"),
                Severity::Warning => ("warning", "warnings"),
                Severity::Suggestion => ("suggestion", "suggestions"),
                Severity::Info => ("note", "notes"),
            };
            (count > 0).then(|| format!("{count} {}", plural(count, one, many)))
        })
        .collect()
}

fn finding_object(file: &str, record: &Record) -> Value {
    let finding = &record.finding;
    json!({
        "file": file,
        "code": finding.code,
        "severity": finding.severity.as_str(),
        "statement": finding.statement,
        "sid": finding.sid,
        "path": finding.path,
        "message": finding.message,
        "line": record.line,
        "column": record.column,
        "fix": fix_object(record),
        "suppressed": record.suppressed.as_ref().map(|(reason, origin)| {
            json!({ "reason": reason, "by": origin })
        }),
    })
}

/// The finding's fix for JSON output: its description and, when it has one, the replacement
/// with the span of the text it replaces (columns count characters; the end is exclusive).
fn fix_object(record: &Record) -> Value {
    let Some(fix) = &record.finding.fix else {
        return Value::Null;
    };
    let replacement = fix.replacement.as_ref().map(|replacement| {
        let mut object = Map::new();
        object.insert("path".into(), json!(replacement.path));
        let part = match replacement.part {
            ReplacedPart::Name => "name",
            ReplacedPart::Value => "value",
        };
        object.insert("part".into(), json!(part));
        object.insert("text".into(), json!(replacement.text));
        if let Some(span) = record.fix_span {
            object.insert(
                "start".into(),
                json!({ "line": span.start.line, "column": span.start.column }),
            );
            object.insert(
                "end".into(),
                json!({ "line": span.end.line, "column": span.end.column }),
            );
        }
        Value::Object(object)
    });
    json!({ "description": fix.description, "replacement": replacement })
}

/// The finding's fix as SARIF 2.1.0 `fixes` (§3.55): a fix must hold at least one artifact
/// change, so only a replacement located in the file makes one; the text of the replaced
/// string (between its quotes) is the deleted region, and the new text, escaped as JSON string
/// content, the inserted content.
fn sarif_fixes(uri_text: &str, record: &Record) -> Option<Value> {
    let fix = record.finding.fix.as_ref()?;
    let replacement = fix.replacement.as_ref()?;
    let span = record.fix_span?;
    let quoted = serde_json::to_string(&replacement.text).ok()?;
    let escaped = &quoted[1..quoted.len() - 1];
    Some(json!([{
        "description": { "text": fix.description },
        "artifactChanges": [{
            "artifactLocation": { "uri": uri_text },
            "replacements": [{
                "deletedRegion": {
                    "startLine": span.start.line,
                    "startColumn": span.start.column,
                    "endLine": span.end.line,
                    "endColumn": span.end.column,
                },
                "insertedContent": { "text": escaped },
            }],
        }],
    }]))
}

/// An array of finding objects, every file's in turn.
pub fn json(run: &Run) -> String {
    let findings: Vec<Value> = run
        .files
        .iter()
        .flat_map(|file| printed(run, file).map(|record| finding_object(&file.name, record)))
        .collect();
    pretty(&Value::Array(findings))
}

fn pretty(value: &Value) -> String {
    // Serializing a Value built here cannot fail; an empty document is still better than a
    // panic if it ever did.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}

/// SARIF's three levels. Security warnings count as errors, as in AWS's own policy
/// validators, which block on them by default; the exact severity stays in `properties`.
fn sarif_level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error | Severity::SecurityWarning => "error",
        Severity::Warning => "warning",
        Severity::Suggestion | Severity::Info => "note",
    }
}

/// `INVALID_ACTION` as "Invalid action", for rule descriptions.
fn humanize(code: &str) -> String {
    let lower = code.to_ascii_lowercase().replace('_', " ");
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// A file name as a URI reference: SARIF consumers resolve it against the checkout, so
/// relative paths stay relative and only what a URI cannot hold is percent-encoded.
fn uri(name: &str) -> String {
    let name = if std::path::MAIN_SEPARATOR == '\\' {
        name.replace('\\', "/")
    } else {
        name.to_owned()
    };
    let mut out = String::new();
    for byte in name.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// A SARIF 2.1.0 log with one run.
pub fn sarif(run: &Run) -> String {
    let mut rules: Vec<(&'static str, Severity)> = Vec::new();
    for record in run.files.iter().flat_map(|file| printed(run, file)) {
        let finding = &record.finding;
        if !rules.iter().any(|(code, _)| *code == finding.code) {
            rules.push((finding.code, finding.severity));
        }
    }
    let rule_objects: Vec<Value> = rules
        .iter()
        .map(|(code, severity)| {
            json!({
                "id": code,
                "name": code,
                "shortDescription": { "text": humanize(code) },
                "defaultConfiguration": { "level": sarif_level(*severity) },
                "properties": { "severity": severity.as_str() },
            })
        })
        .collect();
    let mut results = Vec::new();
    for file in &run.files {
        for record in printed(run, file) {
            let finding = &record.finding;
            let mut physical = Map::new();
            physical.insert("artifactLocation".into(), json!({ "uri": uri(&file.name) }));
            if let Some(line) = record.line {
                let mut region = Map::new();
                region.insert("startLine".into(), json!(line));
                if let Some(column) = record.column {
                    region.insert("startColumn".into(), json!(column));
                }
                physical.insert("region".into(), Value::Object(region));
            }
            let mut location = Map::new();
            location.insert("physicalLocation".into(), Value::Object(physical));
            if !finding.path.is_empty() {
                location.insert(
                    "logicalLocations".into(),
                    json!([{ "fullyQualifiedName": finding.path, "kind": "member" }]),
                );
            }
            let mut properties = Map::new();
            properties.insert("severity".into(), json!(finding.severity.as_str()));
            if let Some(statement) = finding.statement {
                properties.insert("statement".into(), json!(statement));
            }
            if let Some(sid) = &finding.sid {
                properties.insert("sid".into(), json!(sid));
            }
            let fixes = sarif_fixes(&uri(&file.name), record);
            if let (None, Some(fix)) = (&fixes, &finding.fix) {
                // A fix SARIF cannot express as an edit is still worth reading.
                properties.insert("fix".into(), json!(fix.description));
            }
            let mut result = json!({
                "ruleId": finding.code,
                "ruleIndex": rules.iter().position(|(code, _)| *code == finding.code),
                "level": sarif_level(finding.severity),
                "message": { "text": finding.message },
                "locations": [Value::Object(location)],
                "properties": Value::Object(properties),
            });
            if let Some(object) = result.as_object_mut() {
                if let Some(fixes) = fixes {
                    object.insert("fixes".into(), fixes);
                }
                // Suppressed by configuration, not by the file itself: "external" (§3.35.2).
                if let Some((reason, origin)) = &record.suppressed {
                    object.insert(
                        "suppressions".into(),
                        json!([{
                            "kind": "external",
                            "justification": reason,
                            "properties": { "by": origin },
                        }]),
                    );
                }
            }
            results.push(result);
        }
    }
    let notifications: Vec<Value> = run
        .unreadable
        .iter()
        .map(|(name, error)| {
            json!({
                "level": "error",
                "message": { "text": format!("cannot read {name}: {error}") },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": uri(name) } } }],
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "sagemaker-actions",
                    "version": env!("CARGO_PKG_VERSION"),
                    "informationUri": env!("CARGO_PKG_REPOSITORY"),
                    "rules": rule_objects,
                }
            },
            "invocations": [{
                "executionSuccessful": run.unreadable.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            // Columns count characters, not SARIF's default UTF-16 code units.
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    pretty(&log)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_uris() {
        assert_eq!(humanize("INVALID_ACTION"), "Invalid action");
        assert_eq!(humanize(""), "");
        assert_eq!(uri("dir/my policy.json"), "dir/my%20policy.json");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
    }
}
