//! `sagemaker-actions`: checks IAM policy files against the SageMaker catalog (and any other
//! service's catalog loaded from a data file), and lists or explains SageMaker's actions.
//!
//! Exit codes: 0 when nothing at or above the threshold was found, 1 when something was, 2 for
//! usage errors and files that could not be read.

#![forbid(unsafe_code)]

#[path = "sagemaker_actions_cli/catalog_query.rs"]
mod catalog_query;
#[path = "sagemaker_actions_cli/check.rs"]
mod check;
#[path = "sagemaker_actions_cli/companions.rs"]
mod companions;
#[path = "sagemaker_actions_cli/locate.rs"]
mod locate;
#[path = "sagemaker_actions_cli/policy_for.rs"]
mod policy_for;
#[path = "sagemaker_actions_cli/report.rs"]
mod report;
#[path = "sagemaker_actions_cli/service_reference.rs"]
mod service_reference;
#[path = "sagemaker_actions_cli/suppress.rs"]
mod suppress;

use clap::{Args, Parser, Subcommand, ValueEnum};
use sagemaker_actions::validate::{PolicyType, Severity, SizeLimit};
use sagemaker_actions::AccessLevel;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Nothing at or above the threshold.
const EXIT_CLEAN: u8 = 0;
/// Findings at or above the threshold.
const EXIT_FINDINGS: u8 = 1;
/// A usage error, an unknown name, or a file that could not be read.
const EXIT_ERROR: u8 = 2;

const MAIN_EXAMPLES: &str = "\
Examples:
  sagemaker-actions check policy.json
  sagemaker-actions check --format sarif policies/*.json > results.sarif
  sagemaker-actions actions --access-level list
  sagemaker-actions actions --resource-type training-job 'Create*'
  sagemaker-actions explain CreateTrainingJob

Exit codes: 0 nothing found, 1 findings at or above --min-severity, 2 usage or I/O error.";

const CHECK_EXAMPLES: &str = "\
Examples:
  sagemaker-actions check policy.json other-policy.json
  cat policy.json | sagemaker-actions check -
  sagemaker-actions check --min-severity error --format json policy.json
  sagemaker-actions check --catalog data/s3.json --catalog data/iam.json policy.json
  sagemaker-actions check --service-reference service-reference/ policy.json
  sagemaker-actions check --policy-type trust --size-limit inline-role trust.json
  sagemaker-actions check --format sarif policies/*.json > results.sarif
  sagemaker-actions check --explain MISSING_QUALIFIER
  sagemaker-actions check --ignore MISSING_DEPENDENT_ACTION:Statement[3] policy.json
  sagemaker-actions check --config ci/sagemaker-actions.toml --show-suppressed policies/*.json

Text output has one line per finding, `FILE[:LINE[:COLUMN]]: SEVERITY CODE PATH: MESSAGE`,
grouped by file, then a summary line. Findings below --min-severity are neither shown nor
counted for the exit code. A finding with a certain fix is followed by an indented `fix:` line.

Suppressions come from --ignore and from the [[ignore]] entries of a sagemaker-actions.toml
in the current directory or the nearest ancestor that has one (or --config FILE):

  [[ignore]]
  code = \"RESOURCE_MISMATCH\"
  path = \"Statement[2].Action[0]\"        # optional: this element or anything under it
  file = \"policies/legacy.json\"          # optional: relative to the config file
  reason = \"legacy role, replaced in Q3\"  # required

Suppressed findings are not shown (--show-suppressed shows them with the reason) and do not
affect the exit code; an entry that suppressed nothing is reported on stderr.

Exit codes: 0 nothing at or above --min-severity, 1 findings at or above it, 2 a usage error
or a file that could not be read (the other files are still checked).";

const ACTIONS_EXAMPLES: &str = "\
Examples:
  sagemaker-actions actions
  sagemaker-actions actions --access-level list
  sagemaker-actions actions --resource-type training-job --access-level write
  sagemaker-actions actions --condition-key sagemaker:InstanceTypes
  sagemaker-actions actions 'sagemaker:Describe*'
  sagemaker-actions actions training --format json

PATTERN is an IAM action pattern (`*` any run of characters, `?` one character, with or
without the `sagemaker:` prefix); a pattern without wildcards matches names containing it.
Filters combine: an action is listed when it passes all of them. In the RESOURCE TYPES column
`*` marks a required resource type, and `-` an action that supports only \"Resource\": \"*\".";

const SYNC_EXAMPLES: &str = "\
Examples:
  sagemaker-actions sync-service-reference service-reference/
  sagemaker-actions check --service-reference service-reference/ policy.json

Writes DIR/service-list.json and DIR/<prefix>.json for every service the list names; each file
is written whole or not at all (temporary file, then rename), so a failed download or a
document that does not read keeps the previous copy.

Exit codes: 0 every document saved, 2 the list could not be fetched or a document could not
be fetched or read (the others are still saved).";

const EXPLAIN_EXAMPLES: &str = "\
Examples:
  sagemaker-actions explain CreateTrainingJob
  sagemaker-actions explain sagemaker:createtrainingjob
  sagemaker-actions explain --format json DescribeModel";

/// Checks IAM policies for Amazon SageMaker and explains its actions, resource types and
/// condition keys.
#[derive(Debug, Parser)]
#[command(name = "sagemaker-actions", version, after_help = MAIN_EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate JSON policy files: action, resource and condition key names, ARNs, operators
    /// and values, element combinations, dependent actions and size quotas.
    #[command(after_help = CHECK_EXAMPLES)]
    Check(CheckArgs),
    /// List SageMaker's actions with access levels, resource types and condition keys.
    #[command(after_help = ACTIONS_EXAMPLES)]
    Actions(ActionsArgs),
    /// Show everything the catalog knows about one SageMaker action.
    #[command(after_help = EXPLAIN_EXAMPLES)]
    Explain(ExplainArgs),
    /// Download AWS's service reference JSON, every service's document, into a directory for
    /// `check --service-reference`.
    #[command(after_help = SYNC_EXAMPLES)]
    SyncServiceReference(SyncArgs),
    /// Print the least-privilege policy for SageMaker API operations, or for the calls a Rust
    /// program makes through the AWS SDK for Rust (`--rust DIR`).
    #[command(after_help = policy_for::EXAMPLES)]
    PolicyFor(policy_for::PolicyForArgs),
}

/// Options of `sync-service-reference`.
#[derive(Debug, Args)]
struct SyncArgs {
    /// The directory to write into; created if missing.
    #[arg(value_name = "DIR")]
    dir: PathBuf,
    /// Where the service list is served; a document's URL in the list is fetched from this
    /// host too (for a mirror).
    #[arg(long, value_name = "URL", default_value = service_reference::AWS_BASE)]
    base: String,
}

/// Options of `check`.
#[derive(Debug, Args)]
struct CheckArgs {
    /// Policy files to check; `-` reads standard input.
    #[arg(value_name = "FILE", required_unless_present = "explain")]
    files: Vec<PathBuf>,
    /// Print what a finding code means, why it matters and a policy before and after the fix,
    /// instead of checking files (`--format json` for an object).
    #[arg(long, value_name = "CODE", conflicts_with = "files")]
    explain: Option<String>,
    /// Suppress findings of CODE; with `:PATH`, only at that element or under it
    /// (`MISSING_DEPENDENT_ACTION:Statement[3]`). Repeatable.
    #[arg(long, value_name = "CODE[:PATH]")]
    ignore: Vec<String>,
    /// Read suppressions from FILE instead of the sagemaker-actions.toml of the current
    /// directory or its nearest ancestor that has one.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Also print suppressed findings, marked as such with the reason (they still do not
    /// affect the exit code).
    #[arg(long)]
    show_suppressed: bool,
    /// Also check actions, resources and condition keys of another service, from a data file
    /// made by `cargo xtask scrape` (`data/<prefix>.json`); it wins over a built-in catalog of
    /// its prefix. Repeatable.
    #[arg(long, value_name = "FILE")]
    catalog: Vec<PathBuf>,
    /// Check only SageMaker (and the `--catalog` files), without the built-in catalogs of the
    /// 21 services SageMaker policies use (s3, iam, ec2, ...).
    #[arg(long)]
    no_companions: bool,
    /// Also check every service that neither the built-in catalog nor a --catalog file covers,
    /// from AWS's service reference JSON documents in DIR (`<prefix>.json`, listed by
    /// DIR/service-list.json when present), as `sync-service-reference` writes them. Only the
    /// documents of services the policies name are read.
    #[arg(long, value_name = "DIR")]
    service_reference: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    format: CheckFormat,
    /// Hide findings below this severity; they do not affect the exit code either.
    #[arg(long, value_enum, value_name = "LEVEL", default_value_t = MinSeverity::Warning)]
    min_severity: MinSeverity,
    /// The size quota to measure each policy against.
    #[arg(long, value_enum, value_name = "KIND", default_value_t = SizeLimitArg::Managed)]
    size_limit: SizeLimitArg,
    /// The kind of policy, which decides whether Principal and Resource belong; `auto` treats
    /// a policy as resource-based when a statement names a principal.
    #[arg(long, value_enum, value_name = "KIND", default_value_t = PolicyTypeArg::Auto)]
    policy_type: PolicyTypeArg,
}

/// Options of `actions`.
#[derive(Debug, Args)]
struct ActionsArgs {
    /// Only actions of this access level. Repeatable: any of them.
    #[arg(long, value_enum, value_name = "LEVEL", ignore_case = true)]
    access_level: Vec<AccessLevelArg>,
    /// Only actions that can be scoped to this resource type (`training-job`).
    #[arg(long, value_name = "NAME")]
    resource_type: Option<String>,
    /// Only actions that support this condition key (`sagemaker:InstanceTypes`,
    /// `aws:RequestTag/Project`), on the action or on one of its resource types.
    #[arg(long, value_name = "KEY")]
    condition_key: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
    /// Only actions whose name matches this pattern.
    #[arg(value_name = "PATTERN")]
    pattern: Option<String>,
}

/// Options of `explain`.
#[derive(Debug, Args)]
struct ExplainArgs {
    /// The action, with or without the `sagemaker:` prefix, in any case.
    #[arg(value_name = "ACTION")]
    action: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

/// How `check` prints findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CheckFormat {
    /// One line per finding, for people.
    Text,
    /// An array of finding objects.
    Json,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
}

/// How `actions` and `explain` print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    /// A table, for people.
    Text,
    /// JSON.
    Json,
}

/// `--min-severity`; a separate enum so that clap lists the levels in `--help`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MinSeverity {
    /// Everything, notes included.
    Info,
    /// Suggestions and above.
    Suggestion,
    /// Warnings and above.
    Warning,
    /// Security warnings and errors.
    #[value(alias = "security_warning")]
    SecurityWarning,
    /// Errors only.
    Error,
}

impl From<MinSeverity> for Severity {
    fn from(level: MinSeverity) -> Self {
        match level {
            MinSeverity::Info => Severity::Info,
            MinSeverity::Suggestion => Severity::Suggestion,
            MinSeverity::Warning => Severity::Warning,
            MinSeverity::SecurityWarning => Severity::SecurityWarning,
            MinSeverity::Error => Severity::Error,
        }
    }
}

/// `--size-limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum SizeLimitArg {
    /// A customer managed policy: 6,144 characters.
    Managed,
    /// An inline policy of a user: 2,048 characters.
    InlineUser,
    /// An inline policy of a role: 10,240 characters.
    InlineRole,
    /// An inline policy of a group: 5,120 characters.
    InlineGroup,
    /// No size check.
    None,
}

impl From<SizeLimitArg> for SizeLimit {
    fn from(limit: SizeLimitArg) -> Self {
        match limit {
            SizeLimitArg::Managed => SizeLimit::ManagedPolicy,
            SizeLimitArg::InlineUser => SizeLimit::InlineUser,
            SizeLimitArg::InlineRole => SizeLimit::InlineRole,
            SizeLimitArg::InlineGroup => SizeLimit::InlineGroup,
            SizeLimitArg::None => SizeLimit::Unlimited,
        }
    }
}

/// `--policy-type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PolicyTypeArg {
    /// Identity-based unless a statement names a principal.
    Auto,
    /// Attached to a user, group or role: no Principal.
    Identity,
    /// Attached to a resource: Principal required.
    Resource,
    /// A role's trust policy: Principal required, no Resource.
    Trust,
}

impl From<PolicyTypeArg> for PolicyType {
    fn from(kind: PolicyTypeArg) -> Self {
        match kind {
            PolicyTypeArg::Auto => PolicyType::Auto,
            PolicyTypeArg::Identity => PolicyType::Identity,
            PolicyTypeArg::Resource => PolicyType::Resource,
            PolicyTypeArg::Trust => PolicyType::RoleTrust,
        }
    }
}

/// `--access-level`, with the reference's spellings accepted as aliases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum AccessLevelArg {
    /// List.
    List,
    /// Read.
    Read,
    /// Write.
    Write,
    /// Permissions management.
    #[value(
        alias = "permissions management",
        alias = "permissionsmanagement",
        alias = "permissions_management"
    )]
    PermissionsManagement,
    /// Tagging.
    Tagging,
}

impl From<AccessLevelArg> for AccessLevel {
    fn from(level: AccessLevelArg) -> Self {
        match level {
            AccessLevelArg::List => AccessLevel::List,
            AccessLevelArg::Read => AccessLevel::Read,
            AccessLevelArg::Write => AccessLevel::Write,
            AccessLevelArg::PermissionsManagement => AccessLevel::PermissionsManagement,
            AccessLevelArg::Tagging => AccessLevel::Tagging,
        }
    }
}

/// What a command produced: text for stdout, and the exit code. Diagnostics go to stderr as
/// they happen, so that they are not lost when stdout is redirected.
struct Outcome {
    stdout: String,
    exit: u8,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Actions(args) => catalog_query::actions(&args),
        Command::Explain(args) => catalog_query::explain(&args),
        Command::SyncServiceReference(args) => service_reference::sync(&args),
        Command::PolicyFor(args) => policy_for::run(&args),
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is the reader's choice, not a failure of the check; anything
    // else means the results were not delivered, which a caller must not read as "clean".
    match stdout
        .write_all(outcome.stdout.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::from(outcome.exit),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::from(outcome.exit)
        }
        Err(error) => {
            eprintln!("sagemaker-actions: cannot write the output: {error}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
