//! `check`: reads policy files, validates them and hands the findings to a report.

use crate::locate::{Locator, Part, Span};
use crate::report;
use crate::suppress::{self, Suppressions};
use crate::{CheckArgs, CheckFormat, Outcome, EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use sagemaker_actions::policy::Policy;
use sagemaker_actions::validate::{
    explain, explanations, Finding, Options, ReplacedPart, ServiceCatalog, Severity, Validator,
};
use std::io::Read;
use std::path::Path;

/// The name standard input goes by in reports.
pub const STDIN_NAME: &str = "<stdin>";

/// A finding with where it is in its file.
#[derive(Debug)]
pub struct Record {
    /// The finding.
    pub finding: Finding,
    /// The 1-based line, when the finding names an element the text spells out.
    pub line: Option<usize>,
    /// The 1-based column, counted in characters, with the line.
    pub column: Option<usize>,
    /// The text the finding's fix replaces, when it has a replacement the text spells out.
    pub fix_span: Option<Span>,
    /// For a suppressed finding: the rule's reason and where the rule was written.
    pub suppressed: Option<(String, String)>,
}

/// The findings of one file that was read.
#[derive(Debug)]
pub struct FileReport {
    /// The file as named on the command line (`<stdin>` for `-`).
    pub name: String,
    /// The findings at or above the threshold, in document order.
    pub records: Vec<Record>,
    /// How many findings were below the threshold.
    pub hidden: usize,
    /// The findings at or above the threshold that a suppression matched.
    pub suppressed: Vec<Record>,
}

/// Everything one `check` run found.
#[derive(Debug)]
pub struct Run {
    /// The files that were read, in command-line order.
    pub files: Vec<FileReport>,
    /// Files that could not be read, with why.
    pub unreadable: Vec<(String, String)>,
    /// The threshold.
    pub min_severity: Severity,
    /// Whether suppressed findings are printed.
    pub show_suppressed: bool,
}

impl Run {
    /// Whether anything at or above the threshold was found.
    pub fn has_findings(&self) -> bool {
        self.files.iter().any(|file| !file.records.is_empty())
    }
}

/// Runs `check`.
pub fn run(args: &CheckArgs) -> Outcome {
    if let Some(code) = &args.explain {
        return explain_code(code, args.format);
    }
    let mut validator = Validator::new().with_options(Options {
        size_limit: args.size_limit.into(),
        policy_type: args.policy_type.into(),
    });
    for path in &args.catalog {
        match load_catalog(path) {
            Ok(catalog) => {
                // A second file of one prefix is merged into the first; what they define
                // differently does not stop the check (the merged catalog accepts either
                // definition), but is said on stderr so that it is not silent.
                let catalog = catalog.with_source(path.display().to_string());
                for conflict in validator.add_catalog(catalog) {
                    eprintln!(
                        "sagemaker-actions: warning: catalog {}: {conflict}",
                        path.display()
                    );
                }
            }
            Err(message) => {
                // Checking without a catalog that was asked for would report that service's
                // actions as unchecked and could pass a policy that should fail.
                eprintln!("sagemaker-actions: catalog {}: {message}", path.display());
                return Outcome {
                    stdout: String::new(),
                    exit: EXIT_ERROR,
                };
            }
        }
    }
    if !args.no_companions {
        validator = crate::companions::add_companions(validator);
    }
    let mut suppressions = match load_suppressions(args) {
        Ok(suppressions) => suppressions,
        Err(message) => {
            // Checking without the suppressions asked for would fail a build for findings
            // that were accepted, or pass one on a misread file.
            eprintln!("sagemaker-actions: {message}");
            return Outcome {
                stdout: String::new(),
                exit: EXIT_ERROR,
            };
        }
    };
    if let Some(dir) = &args.service_reference {
        match crate::service_reference::open(dir) {
            Ok(documents) => validator = validator.with_service_reference(documents),
            Err(message) => {
                eprintln!("sagemaker-actions: {message}");
                return Outcome {
                    stdout: String::new(),
                    exit: EXIT_ERROR,
                };
            }
        }
    }
    let min_severity: Severity = args.min_severity.into();
    let mut run = Run {
        files: Vec::new(),
        unreadable: Vec::new(),
        min_severity,
        show_suppressed: args.show_suppressed,
    };
    let mut checked = Vec::new();
    let mut stdin: Option<Vec<u8>> = None;
    for path in &args.files {
        let is_stdin = path.as_os_str() == "-";
        let name = if is_stdin {
            STDIN_NAME.to_owned()
        } else {
            path.display().to_string()
        };
        let bytes = if is_stdin {
            read_stdin(&mut stdin)
        } else {
            std::fs::read(path)
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(error) => {
                eprintln!("sagemaker-actions: cannot read {name}: {error}");
                run.unreadable.push((name, error.to_string()));
                continue;
            }
        };
        let file = (!is_stdin).then(|| suppress::comparable(path));
        checked.extend(file.clone());
        let mut report = FileReport {
            name,
            records: Vec::new(),
            hidden: 0,
            suppressed: Vec::new(),
        };
        for mut record in check_bytes(&validator, &bytes) {
            let shown = record.finding.severity >= min_severity;
            let rule = suppressions.suppress(file.as_deref(), &record.finding);
            match (shown, rule) {
                (false, _) => report.hidden += 1,
                (true, Some(rule)) => {
                    record.suppressed = Some((rule.reason.clone(), rule.origin.clone()));
                    report.suppressed.push(record);
                }
                (true, None) => report.records.push(record),
            }
        }
        run.files.push(report);
    }
    for rule in suppressions.stale(&checked) {
        eprintln!(
            "sagemaker-actions: warning: {}: the suppression of {} matched no finding; remove it if the finding is gone",
            rule.origin,
            rule.describe()
        );
    }
    let stdout = match args.format {
        CheckFormat::Text => report::text(&run),
        CheckFormat::Json => report::json(&run),
        CheckFormat::Sarif => report::sarif(&run),
    };
    // A document asked for that does not read leaves its service unchecked: not a clean run.
    let unread_documents = crate::service_reference::report_errors(&validator);
    let exit = if !run.unreadable.is_empty() || unread_documents {
        EXIT_ERROR
    } else if run.has_findings() {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    };
    Outcome { stdout, exit }
}

/// `check --explain CODE`: the library's explanation of a finding code, in any case, with `-`
/// or `_`.
fn explain_code(code: &str, format: CheckFormat) -> Outcome {
    let normalized = code.trim().to_ascii_uppercase().replace('-', "_");
    let Some(explanation) = explain(&normalized) else {
        let known: Vec<&str> = explanations().iter().map(|entry| entry.code).collect();
        eprintln!(
            "sagemaker-actions: unknown finding code {code:?}; the codes are: {}",
            known.join(", ")
        );
        return Outcome {
            stdout: String::new(),
            exit: EXIT_ERROR,
        };
    };
    let stdout = match format {
        CheckFormat::Json | CheckFormat::Sarif => report::explanation_json(explanation),
        CheckFormat::Text => report::explanation_text(explanation),
    };
    Outcome {
        stdout,
        exit: EXIT_CLEAN,
    }
}

/// The config file's suppressions (`--config`, or the nearest `sagemaker-actions.toml`), then
/// those of `--ignore`.
fn load_suppressions(args: &CheckArgs) -> Result<Suppressions, String> {
    let config = match &args.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| suppress::find_config(&dir)),
    };
    let mut rules = match &config {
        Some(path) => suppress::load_config(path)?,
        None => Vec::new(),
    };
    for argument in &args.ignore {
        rules.push(suppress::from_argument(argument)?);
    }
    Ok(Suppressions { rules })
}

/// Standard input can be read once; naming it twice checks the same text twice.
fn read_stdin(cache: &mut Option<Vec<u8>>) -> std::io::Result<Vec<u8>> {
    if let Some(bytes) = cache {
        return Ok(bytes.clone());
    }
    let mut bytes = Vec::new();
    std::io::stdin().lock().read_to_end(&mut bytes)?;
    *cache = Some(bytes.clone());
    Ok(bytes)
}

fn load_catalog(path: &Path) -> Result<ServiceCatalog, String> {
    let text = std::fs::read_to_string(path).map_err(|error| error.to_string())?;
    ServiceCatalog::from_json(&text).map_err(|error| error.to_string())
}

/// Every finding for one file's contents, located.
pub fn check_bytes(validator: &Validator, bytes: &[u8]) -> Vec<Record> {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            // JSON is UTF-8 (RFC 8259), and IAM reads policies as such; point at the first
            // byte that is not, as a parser would.
            let valid = &bytes[..error.valid_up_to()];
            let valid = String::from_utf8_lossy(valid);
            let line = valid.matches('\n').count() + 1;
            let column = valid
                .rsplit('\n')
                .next()
                .map_or(0, |last| last.chars().count())
                + 1;
            return vec![Record {
                finding: Finding {
                    code: "JSON_SYNTAX_ERROR",
                    severity: Severity::Error,
                    statement: None,
                    sid: None,
                    path: String::new(),
                    message: "the file is not UTF-8 text, which JSON must be".to_owned(),
                    fix: None,
                },
                line: Some(line),
                column: Some(column),
                fix_span: None,
                suppressed: None,
            }];
        }
    };
    match Policy::from_json(text) {
        Err(error) => vec![Record {
            finding: Finding {
                code: error.code(),
                severity: Severity::Error,
                statement: None,
                sid: None,
                path: String::new(),
                message: error.message().to_owned(),
                fix: None,
            },
            line: Some(error.line()).filter(|line| *line > 0),
            // serde_json reports column 0 for an error at a line break: no column to point at.
            column: Some(error.column()).filter(|column| *column > 0),
            fix_span: None,
            suppressed: None,
        }],
        Ok(_) => {
            let locator = Locator::new(text);
            validator
                .validate_json(text)
                .into_iter()
                .map(|finding| {
                    let place = locator.place(&finding.path);
                    let fix_span = finding
                        .fix
                        .as_ref()
                        .and_then(|fix| fix.replacement.as_ref())
                        .and_then(|replacement| {
                            let part = match replacement.part {
                                ReplacedPart::Name => Part::Name,
                                ReplacedPart::Value => Part::Value,
                            };
                            locator.span(&replacement.path, part)
                        });
                    Record {
                        line: place.map(|place| place.line),
                        column: place.map(|place| place.column),
                        fix_span,
                        suppressed: None,
                        finding,
                    }
                })
                .collect()
        }
    }
}
