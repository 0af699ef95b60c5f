//! Suppressions: `check --ignore CODE[:PATH]` and the `[[ignore]]` entries of a
//! `sagemaker-actions.toml` found by walking up from the current directory (or `--config FILE`).
//!
//! A suppressed finding is neither printed (unless `--show-suppressed`) nor counted for the exit
//! code; an entry that matched nothing is reported on stderr, as it hides nothing any more.

use sagemaker_actions::validate::{explain, Finding};
use std::path::{Path, PathBuf};

/// The file name looked for in the current directory and its ancestors.
pub const CONFIG_NAME: &str = "sagemaker-actions.toml";

/// One rule: findings of `code`, optionally at or under `path`, optionally in `file`.
#[derive(Debug)]
pub struct Suppression {
    /// The finding code, as `check --explain` knows it.
    pub code: String,
    /// A finding path or a prefix of one ending before `.` or `[` (`Statement[3]`).
    pub path: Option<String>,
    /// The policy file the rule is for: resolved against the config file's directory, and
    /// made canonical when it exists.
    pub file: Option<PathBuf>,
    /// Why the finding is accepted.
    pub reason: String,
    /// Where the rule was written, for messages: `sagemaker-actions.toml, [[ignore]] entry 2`.
    pub origin: String,
    /// How many findings it suppressed in this run.
    pub hits: usize,
}

impl Suppression {
    fn matches(&self, file: Option<&Path>, finding: &Finding) -> bool {
        finding.code == self.code
            && self
                .path
                .as_deref()
                .is_none_or(|path| path_covers(path, &finding.path))
            && self
                .file
                .as_deref()
                .is_none_or(|wanted| file.is_some_and(|file| file == wanted))
    }

    /// `CODE at PATH in FILE`, for messages.
    pub fn describe(&self) -> String {
        let mut text = self.code.clone();
        if let Some(path) = &self.path {
            text.push_str(&format!(" at {path}"));
        }
        if let Some(file) = &self.file {
            text.push_str(&format!(" in {}", file.display()));
        }
        text
    }
}

/// Whether a suppression's `path` covers a finding's: equal, or a prefix ending where an
/// element of the finding's path begins (`Statement[3]` covers `Statement[3].Action[0]`, not
/// `Statement[30]`).
pub fn path_covers(path: &str, finding: &str) -> bool {
    match finding.strip_prefix(path) {
        Some("") => true,
        Some(rest) => !path.is_empty() && rest.starts_with(['.', '[']),
        None => false,
    }
}

/// Every suppression of one run.
#[derive(Debug, Default)]
pub struct Suppressions {
    /// In the order given: the config file's entries, then `--ignore`'s.
    pub rules: Vec<Suppression>,
}

impl Suppressions {
    /// The first rule matching a finding of `file` (`None` for standard input), counted as
    /// used.
    pub fn suppress(&mut self, file: Option<&Path>, finding: &Finding) -> Option<&Suppression> {
        let rule = self
            .rules
            .iter_mut()
            .find(|rule| rule.matches(file, finding))?;
        rule.hits += 1;
        Some(rule)
    }

    /// Rules that hid nothing though they could have: their file (if they name one) was
    /// checked.
    pub fn stale<'s>(&'s self, checked: &'s [PathBuf]) -> impl Iterator<Item = &'s Suppression> {
        self.rules.iter().filter(move |rule| {
            rule.hits == 0
                && rule
                    .file
                    .as_ref()
                    .is_none_or(|file| checked.iter().any(|path| path == file))
        })
    }
}

/// A file's path as rules compare it: canonical when it exists.
pub fn comparable(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Checks that `code` is one the validator reports, so that a typo does not silently
/// suppress nothing.
fn known_code(code: &str, origin: &str) -> Result<(), String> {
    if explain(code).is_some() {
        Ok(())
    } else {
        Err(format!(
            "{origin}: unknown finding code {code:?}; `sagemaker-actions check --explain CODE` knows the codes"
        ))
    }
}

/// `--ignore CODE[:PATH]`: the code ends at the first colon (codes have none; paths may, as
/// condition keys do).
pub fn from_argument(argument: &str) -> Result<Suppression, String> {
    let origin = format!("--ignore {argument}");
    let (code, path) = match argument.split_once(':') {
        Some((code, path)) => (code, Some(path)),
        None => (argument, None),
    };
    known_code(code, &origin)?;
    if path.is_some_and(str::is_empty) {
        return Err(format!("{origin}: the PATH after the colon is empty"));
    }
    Ok(Suppression {
        code: code.to_owned(),
        path: path.map(str::to_owned),
        file: None,
        reason: "--ignore on the command line".to_owned(),
        origin,
        hits: 0,
    })
}

/// The nearest `sagemaker-actions.toml` in `start` or one of its ancestors.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_NAME))
        .find(|candidate| candidate.is_file())
}

/// Reads the `[[ignore]]` entries of a config file. Every entry needs `code` and `reason`;
/// `path` and `file` (relative to the config file's directory) are optional; any other key is
/// an error, as a misspelt key would otherwise widen the suppression.
pub fn load_config(config: &Path) -> Result<Vec<Suppression>, String> {
    let name = config.display().to_string();
    let text = std::fs::read_to_string(config).map_err(|error| format!("{name}: {error}"))?;
    let table: toml::Table = text
        .parse()
        .map_err(|error: toml::de::Error| format!("{name}: {}", error.to_string().trim_end()))?;
    let base = config.parent().unwrap_or(Path::new("."));
    let mut rules = Vec::new();
    for (key, value) in &table {
        if key != "ignore" {
            return Err(format!(
                "{name}: unknown key {key:?}; the file holds [[ignore]] entries"
            ));
        }
        let entries = value
            .as_array()
            .ok_or_else(|| format!("{name}: `ignore` must be an array of tables: [[ignore]]"))?;
        for (index, entry) in entries.iter().enumerate() {
            let origin = format!("{name}, [[ignore]] entry {}", index + 1);
            let entry = entry
                .as_table()
                .ok_or_else(|| format!("{origin}: not a table"))?;
            let text_of = |key: &str| -> Result<Option<String>, String> {
                match entry.get(key) {
                    None => Ok(None),
                    Some(value) => value
                        .as_str()
                        .map(|text| Some(text.to_owned()))
                        .ok_or_else(|| format!("{origin}: `{key}` must be a string")),
                }
            };
            if let Some(unknown) = entry
                .keys()
                .find(|key| !["code", "path", "file", "reason"].contains(&key.as_str()))
            {
                return Err(format!(
                    "{origin}: unknown key {unknown:?}; an entry has code, path, file and reason"
                ));
            }
            let code = text_of("code")?.ok_or_else(|| format!("{origin}: no `code`"))?;
            known_code(&code, &origin)?;
            let reason = text_of("reason")?
                .filter(|reason| !reason.trim().is_empty())
                .ok_or_else(|| {
                    format!(
                        "{origin} (code {code:?}): no reason; every suppression needs reason = \"why the finding is accepted\""
                    )
                })?;
            let path = text_of("path")?;
            if path.as_deref().is_some_and(str::is_empty) {
                return Err(format!(
                    "{origin}: `path` is empty; leave it out to match any path"
                ));
            }
            let file = text_of("file")?.map(|file| comparable(&base.join(file)));
            rules.push(Suppression {
                code,
                path,
                file,
                reason,
                origin,
                hits: 0,
            });
        }
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cover_themselves_and_what_they_contain() {
        assert!(path_covers("Statement[3]", "Statement[3]"));
        assert!(path_covers("Statement[3]", "Statement[3].Action[0]"));
        assert!(path_covers("Statement[3].Action", "Statement[3].Action[1]"));
        assert!(!path_covers("Statement[3]", "Statement[30]"));
        assert!(!path_covers("Statement[3].Act", "Statement[3].Action"));
        assert!(!path_covers("", "Statement[3]"));
        assert!(path_covers("", ""));
    }

    #[test]
    fn arguments_split_at_the_first_colon() {
        let rule = from_argument(
            "MISSING_QUALIFIER:Statement[0].Condition.StringEquals.sagemaker:InstanceTypes",
        )
        .expect("valid");
        assert_eq!(rule.code, "MISSING_QUALIFIER");
        assert_eq!(
            rule.path.as_deref(),
            Some("Statement[0].Condition.StringEquals.sagemaker:InstanceTypes")
        );
        assert!(from_argument("MISSING_QUALIFER").is_err());
        assert!(from_argument("MISSING_QUALIFIER:").is_err());
    }
}
