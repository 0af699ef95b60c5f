//! `policy-for`: the least-privilege policy for SageMaker API operations given by name, or for
//! the calls a Rust program makes through the AWS SDK for Rust (`--rust DIR`).
//!
//! Resources: `--resource TYPE=ARN` is an ARN of a SageMaker resource type, checked against
//! that type's ARN formats, and given to every operation that acts on that type: one of its
//! actions that requires a resource type lists that type (so `sagemaker:AddTags`, which takes
//! every type, does not make every `Create*` operation take every resource). `--region`, `--account` and `--partition` scope every resource type an action
//! *requires* (and that has no `--resource`) to the catalog's ARN formats of that type with the
//! region, account and partition filled in and every other variable `*`
//! (`arn:aws:sagemaker:us-east-1:123456789012:training-job/*`); a missing region or account is
//! `*`, a missing partition `aws`. Without either, actions are allowed on `"*"`.

#[path = "rust_scan.rs"]
mod rust_scan;

use crate::{ListFormat, Outcome, EXIT_CLEAN, EXIT_ERROR};
use rust_scan::Location;
use sagemaker_actions::arn;
use sagemaker_actions::least_privilege::LeastPrivilege;
use sagemaker_actions::policy::ResourceItem;
use sagemaker_actions::{Operation, ResourceType};
use serde_json::{json, Value};
use std::fmt::Write;
use std::path::PathBuf;

/// `policy-for --help` examples.
pub const EXAMPLES: &str = "\
Examples:
  sagemaker-actions policy-for CreateTrainingJob describe_training_job
  sagemaker-actions policy-for CreateTrainingJob --region us-east-1 --account 123456789012 \\
      --role-arn arn:aws:iam::123456789012:role/SageMakerExecution
  sagemaker-actions policy-for InvokeEndpoint \\
      --resource endpoint=arn:aws:sagemaker:us-east-1:123456789012:endpoint/churn
  sagemaker-actions policy-for --rust src/ --format json

OPERATION is an API operation (CreateTrainingJob) or its SDK method (create_training_job).
--resource TYPE=ARN gives an ARN of a SageMaker resource type (training-job, endpoint, ...) to
every operation that acts on that type (an action of it that requires a resource lists it); --region/--account/--partition scope
the resource types the actions require to `arn:PARTITION:sagemaker:REGION:ACCOUNT:TYPE/*`
(the catalog's ARN formats, other variables `*`). An action given a resource of one of its
types must have a resource for each type it requires.

--rust DIR reads every .rs file under DIR (not target/ or hidden directories) and finds method
calls on clients of aws_sdk_sagemaker and the other SageMaker SDK crates. Calls whose receiver
is resolved to a client are in the policy; calls named like SDK methods whose receiver is not
(generic parameters, unknown values, calls inside macros) are listed as unresolved and are not
in the policy. Files that cannot be parsed are listed and skipped.

Exit codes: 0 the policy was printed, 2 a usage error, an unknown name, a bad ARN or a
directory that cannot be read.";

/// Options of `policy-for`.
#[derive(Debug, clap::Args)]
pub struct PolicyForArgs {
    /// API operations (`CreateTrainingJob`) or SDK methods (`create_training_job`).
    #[arg(value_name = "OPERATION", required_unless_present = "rust")]
    operations: Vec<String>,
    /// Also the operations the Rust sources under this directory call through SageMaker's SDK
    /// clients.
    #[arg(long, value_name = "DIR")]
    rust: Option<PathBuf>,
    /// Scope required resource types to this region.
    #[arg(long, value_name = "REGION")]
    region: Option<String>,
    /// Scope required resource types to this account.
    #[arg(long, value_name = "ACCOUNT")]
    account: Option<String>,
    /// The partition of scoped ARNs (default `aws` when --region or --account is given).
    #[arg(long, value_name = "PARTITION")]
    partition: Option<String>,
    /// The execution role the operations pass to SageMaker: iam:PassRole is allowed on it
    /// alone. Repeatable.
    #[arg(long, value_name = "ARN")]
    role_arn: Vec<String>,
    /// An ARN of a SageMaker resource type (`training-job=arn:aws:sagemaker:...`), for every
    /// operation that acts on that type. Repeatable.
    #[arg(long = "resource", value_name = "TYPE=ARN")]
    resources: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    format: ListFormat,
}

fn usage_error(message: impl std::fmt::Display) -> Outcome {
    eprintln!("sagemaker-actions policy-for: {message}");
    Outcome {
        stdout: String::new(),
        exit: EXIT_ERROR,
    }
}

/// One operation of the policy: where it comes from and the resources it is given.
struct Planned {
    operation: Operation,
    /// The calls found in the sources (none for operations named on the command line).
    calls: Vec<Location>,
    resources: Vec<ResourceItem>,
}

/// Region, account and partition for scoped ARNs.
struct Scope {
    partition: String,
    region: String,
    account: String,
}

impl Scope {
    /// The catalog's ARN formats of `resource_type`, filled in, each checked by the typed
    /// parser.
    fn arns(&self, resource_type: ResourceType) -> Result<Vec<ResourceItem>, String> {
        resource_type
            .arn_formats()
            .iter()
            .map(|format| {
                let text = self.fill(format);
                arn::parse_as(resource_type, &text)
                    .map_err(|error| format!("the scoped ARN of {resource_type}: {error}"))
            })
            .collect()
    }

    fn fill(&self, format: &str) -> String {
        let mut text = String::new();
        let mut rest = format;
        while let Some(start) = rest.find("${") {
            text.push_str(&rest[..start]);
            let Some(end) = rest[start..].find('}') else {
                break;
            };
            let value = match &rest[start + 2..start + end] {
                "Partition" => self.partition.as_str(),
                "Region" => self.region.as_str(),
                "Account" => self.account.as_str(),
                _ => "*",
            };
            text.push_str(value);
            rest = &rest[start + end + 1..];
        }
        text.push_str(rest);
        text
    }
}

/// `TYPE=ARN`, checked.
fn parse_resource(text: &str) -> Result<(ResourceType, ResourceItem), String> {
    let Some((name, arn_text)) = text.split_once('=') else {
        return Err(format!(
            "--resource {text:?}: expected TYPE=ARN, such as training-job=arn:aws:sagemaker:us-east-1:123456789012:training-job/nightly-*"
        ));
    };
    let resource_type: ResourceType = name
        .trim()
        .parse()
        .map_err(|error| format!("--resource {text:?}: {error}"))?;
    let item = arn::parse_as(resource_type, arn_text.trim())
        .map_err(|error| format!("--resource {text:?}: {error}"))?;
    Ok((resource_type, item))
}

/// `arn:PARTITION:iam::ACCOUNT:role/NAME`.
fn check_role(text: &str) -> Result<(), String> {
    let parts: Vec<&str> = text.splitn(6, ':').collect();
    match parts.as_slice() {
        ["arn", partition, "iam", "", account, resource]
            if !partition.is_empty() && !account.is_empty() && resource.starts_with("role/") =>
        {
            Ok(())
        }
        _ => Err(format!(
            "--role-arn {text:?} is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)"
        )),
    }
}

/// Runs `policy-for`.
pub fn run(args: &PolicyForArgs) -> Outcome {
    let mut planned: Vec<Planned> = Vec::new();
    for name in &args.operations {
        match name.parse::<Operation>() {
            Ok(operation) => {
                if !planned.iter().any(|plan| plan.operation == operation) {
                    planned.push(Planned {
                        operation,
                        calls: Vec::new(),
                        resources: Vec::new(),
                    });
                }
            }
            Err(error) => return usage_error(error),
        }
    }
    let scan = match &args.rust {
        Some(dir) => match rust_scan::scan_dir(dir) {
            Ok(scan) => Some(scan),
            Err(error) => {
                return usage_error(format!("cannot read {}: {error}", dir.display()));
            }
        },
        None => None,
    };
    if let Some(scan) = &scan {
        for (operation, calls) in rust_scan::calls_by_operation(&scan.calls) {
            match planned.iter_mut().find(|plan| plan.operation == operation) {
                Some(plan) => plan.calls.extend(calls),
                None => planned.push(Planned {
                    operation,
                    calls,
                    resources: Vec::new(),
                }),
            }
        }
    }
    for role in &args.role_arn {
        if let Err(message) = check_role(role) {
            return usage_error(message);
        }
    }
    let mut explicit: Vec<(ResourceType, ResourceItem)> = Vec::new();
    for text in &args.resources {
        match parse_resource(text) {
            Ok(resource) => explicit.push(resource),
            Err(message) => return usage_error(message),
        }
    }
    let scope =
        (args.region.is_some() || args.account.is_some() || args.partition.is_some()).then(|| {
            Scope {
                partition: args.partition.clone().unwrap_or_else(|| "aws".to_owned()),
                region: args.region.clone().unwrap_or_else(|| "*".to_owned()),
                account: args.account.clone().unwrap_or_else(|| "*".to_owned()),
            }
        });
    if let Err(message) = assign_resources(&mut planned, &explicit, scope.as_ref()) {
        return usage_error(message);
    }

    let build = |plans: &[&Planned]| {
        let mut builder = LeastPrivilege::new();
        for plan in plans {
            builder = builder.call_on(plan.operation, plan.resources.iter().cloned());
        }
        for role in &args.role_arn {
            builder = builder.pass_role(role.clone());
        }
        builder.policy()
    };
    let policy = build(&planned.iter().collect::<Vec<_>>());
    let policy_json: Value = match serde_json::from_str(&policy.to_json()) {
        Ok(value) => value,
        Err(error) => return usage_error(format!("internal error: the policy's JSON: {error}")),
    };
    let statements = statements_of(&policy_json);
    // Which operations need which statement: an operation needs a statement when its own
    // policy has a statement on the same resources sharing actions with it.
    let mut needed_by: Vec<Vec<(usize, Vec<String>)>> = vec![Vec::new(); statements.len()];
    for (index, plan) in planned.iter().enumerate() {
        let own = build(&[plan]);
        let own: Value = serde_json::from_str(&own.to_json()).unwrap_or(Value::Null);
        for own_statement in statements_of(&own) {
            for (at, statement) in statements.iter().enumerate() {
                if statement.get("Resource") != own_statement.get("Resource") {
                    continue;
                }
                let shared: Vec<String> = actions_of(own_statement)
                    .into_iter()
                    .filter(|action| actions_of(statement).contains(action))
                    .collect();
                if shared.is_empty() {
                    continue;
                }
                match needed_by[at].iter_mut().find(|(plan, _)| *plan == index) {
                    Some((_, actions)) => {
                        for action in shared {
                            if !actions.contains(&action) {
                                actions.push(action);
                            }
                        }
                    }
                    None => needed_by[at].push((index, shared)),
                }
            }
        }
    }
    if planned.is_empty() {
        eprintln!(
            "sagemaker-actions policy-for: no SageMaker call was found; the policy grants nothing"
        );
    }
    if let Some(scan) = &scan {
        if !scan.unresolved.is_empty() {
            eprintln!(
                "sagemaker-actions policy-for: {} unresolved call(s) are not in the policy (listed in the output)",
                scan.unresolved.len()
            );
        }
        for error in &scan.file_errors {
            eprintln!(
                "sagemaker-actions policy-for: {}: not scanned: {}",
                error.location, error.message
            );
        }
    }
    let stdout = match args.format {
        ListFormat::Json => json_report(&policy_json, &planned, &needed_by, scan.as_ref()),
        ListFormat::Text => text_report(&policy.to_json_pretty(), &planned, scan.as_ref()),
    };
    Outcome {
        stdout,
        exit: EXIT_CLEAN,
    }
}

/// Gives each operation its resources: the `--resource` ARNs of every type its actions that
/// require a resource type can be scoped to (not of every type `sagemaker:AddTags` takes, which
/// tags the operation's own resources), and the scoped ARNs of the types its actions require
/// that have none. An
/// action given a resource of one of its types must have one of each type it requires (IAM
/// authorizes it against all of them), and every `--resource` must serve some operation.
fn assign_resources(
    planned: &mut [Planned],
    explicit: &[(ResourceType, ResourceItem)],
    scope: Option<&Scope>,
) -> Result<(), String> {
    let mut scoped: Vec<(ResourceType, Vec<ResourceItem>)> = Vec::new();
    let mut used: Vec<ResourceType> = Vec::new();
    for plan in planned.iter_mut() {
        let mut resources: Vec<ResourceItem> = Vec::new();
        let push = |item: &ResourceItem, resources: &mut Vec<ResourceItem>| {
            if !resources.contains(item) {
                resources.push(item.clone());
            }
        };
        let actions: Vec<_> = plan
            .operation
            .authorized_actions()
            .iter()
            .filter_map(|authorization| authorization.action())
            .collect();
        // The types the operation is about: those of its actions that require a type
        // (`sagemaker:AddTags` takes every type and requires none; it acts on those).
        let own_types: Vec<ResourceType> = actions
            .iter()
            .filter(|action| action.resource_types().iter().any(|row| row.is_required()))
            .flat_map(|action| {
                action
                    .resource_types()
                    .iter()
                    .map(|row| row.resource_type())
            })
            .collect();
        for action in &actions {
            for row in action.resource_types() {
                let resource_type = row.resource_type();
                let given: Vec<&ResourceItem> = explicit
                    .iter()
                    .filter(|(declared, _)| *declared == resource_type)
                    .map(|(_, item)| item)
                    .collect();
                if !given.is_empty() && own_types.contains(&resource_type) {
                    if !used.contains(&resource_type) {
                        used.push(resource_type);
                    }
                    for item in given {
                        push(item, &mut resources);
                    }
                } else if let (Some(scope), true) = (scope, row.is_required()) {
                    if !scoped
                        .iter()
                        .any(|(declared, _)| *declared == resource_type)
                    {
                        scoped.push((resource_type, scope.arns(resource_type)?));
                    }
                    let (_, items) = scoped
                        .iter()
                        .find(|(declared, _)| *declared == resource_type)
                        .expect("just added");
                    for item in items {
                        push(item, &mut resources);
                    }
                }
            }
        }
        for authorization in plan.operation.authorized_actions() {
            let Some(action) = authorization.action() else {
                continue;
            };
            let has = |resource_type: ResourceType| {
                resources
                    .iter()
                    .any(|item| item.declared_type() == Some(resource_type))
            };
            let fits_some = action
                .resource_types()
                .iter()
                .any(|row| has(row.resource_type()));
            let missing: Vec<&str> = action
                .resource_types()
                .iter()
                .filter(|row| row.is_required() && !has(row.resource_type()))
                .map(|row| row.resource_type().name())
                .collect();
            if fits_some && !missing.is_empty() {
                return Err(format!(
                    "{} calls {}, which requires a resource of each of its types: give --resource {}=ARN too, or --region/--account to scope it",
                    plan.operation,
                    authorization.action_name(),
                    missing.join("=ARN and --resource ")
                ));
            }
        }
        plan.resources = resources;
    }
    for (resource_type, item) in explicit {
        if !used.contains(resource_type) {
            return Err(format!(
                "--resource {resource_type}={}: none of the operations acts on a resource of type {resource_type}",
                item.as_str()
            ));
        }
    }
    Ok(())
}

fn statements_of(policy: &Value) -> &[Value] {
    policy
        .get("Statement")
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn actions_of(statement: &Value) -> Vec<String> {
    match statement.get("Action") {
        Some(Value::String(action)) => vec![action.clone()],
        Some(Value::Array(actions)) => actions
            .iter()
            .filter_map(|action| action.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn location_json(location: &Location) -> Value {
    json!({"file": location.file, "line": location.line, "column": location.column})
}

fn json_report(
    policy: &Value,
    planned: &[Planned],
    needed_by: &[Vec<(usize, Vec<String>)>],
    scan: Option<&rust_scan::Scan>,
) -> String {
    let statements: Vec<Value> = needed_by
        .iter()
        .enumerate()
        .map(|(index, operations)| {
            let operations: Vec<Value> = operations
                .iter()
                .map(|(plan, actions)| {
                    let plan = &planned[*plan];
                    json!({
                        "operation": plan.operation.name(),
                        "actions": actions,
                        "calls": plan.calls.iter().map(location_json).collect::<Vec<_>>(),
                    })
                })
                .collect();
            json!({"index": index, "operations": operations})
        })
        .collect();
    let unresolved: Vec<Value> = scan
        .map(|scan| {
            scan.unresolved
                .iter()
                .map(|call| {
                    json!({
                        "file": call.location.file,
                        "line": call.location.line,
                        "column": call.location.column,
                        "method": call.method,
                        "operation": call.operation.name(),
                        "reason": call.reason,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let file_errors: Vec<Value> = scan
        .map(|scan| {
            scan.file_errors
                .iter()
                .map(|error| {
                    json!({
                        "file": error.location.file,
                        "line": error.location.line,
                        "column": error.location.column,
                        "message": error.message,
                    })
                })
                .collect()
        })
        .unwrap_or_default();
    let report = json!({
        "policy": policy,
        "statements": statements,
        "unresolved": unresolved,
        "file_errors": file_errors,
    });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

fn text_report(policy: &str, planned: &[Planned], scan: Option<&rust_scan::Scan>) -> String {
    let mut out = String::new();
    out.push_str(policy);
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("\nOperations and the actions they are authorized against:\n");
    for plan in planned {
        let actions: Vec<&str> = plan
            .operation
            .authorized_actions()
            .iter()
            .map(|authorization| authorization.action_name())
            .collect();
        let actions = if actions.is_empty() {
            "(no IAM action)".to_owned()
        } else {
            actions.join(", ")
        };
        let _ = writeln!(out, "  {}: {actions}", plan.operation);
        for call in &plan.calls {
            let _ = writeln!(out, "    called at {call}");
        }
    }
    if let Some(scan) = scan {
        if !scan.unresolved.is_empty() {
            let _ = writeln!(
                out,
                "\nUnresolved calls, not in the policy ({}); name their operations if the program makes them:",
                scan.unresolved.len()
            );
            for call in &scan.unresolved {
                let _ = writeln!(
                    out,
                    "  {}: {} ({}): {}",
                    call.location, call.method, call.operation, call.reason
                );
            }
        }
        if !scan.file_errors.is_empty() {
            let _ = writeln!(out, "\nFiles not scanned ({}):", scan.file_errors.len());
            for error in &scan.file_errors {
                let _ = writeln!(out, "  {}: {}", error.location, error.message);
            }
        }
    }
    out
}
