//! The checks, one pass over the policy, statement by statement.

use super::catalog::{ActionFacts, ArnField, ServiceCatalog, UNDEFINED_TYPE};
use super::{Finding, Fix, PolicyType, ReplacedPart, Replacement, Severity, Validator};
use crate::arn_match::{split_arn, ArnParts};
use crate::compile_checks::{is_base64, is_cidr, is_epoch, is_iso_date, is_number};
use crate::operation::Authorization;
use crate::policy::{
    is_action_syntax, ActionElement, BaseOperator, ConditionValue, OneOrMany, Operator,
    OperatorFamily, Policy, PrincipalElement, ResourceElement, SetQualifier, Statement,
};
use crate::wildcard::{has_wildcard, wildcard_match_ignore_case};
use crate::{ConditionKey, Operation, ValueType, SERVICE_PREFIX};
use std::collections::{BTreeSet, HashMap};

/// Keys a service sets in the requests its credentials make to any other service, so usable
/// with any action, with their types: the cross-service keys of AWS's global condition keys
/// page. Service pages do not all list them (EC2's page has no `ec2:SourceInstanceArn`).
const CROSS_SERVICE_KEYS: &[(&str, ValueType)] = &[
    ("ec2:RoleDelivery", ValueType::Numeric),
    ("ec2:SourceInstanceArn", ValueType::Arn),
    ("glue:RoleAssumedBy", ValueType::String),
    ("glue:CredentialIssuingService", ValueType::String),
    ("lambda:SourceFunctionArn", ValueType::Arn),
    ("ssm:SourceInstanceArn", ValueType::Arn),
    ("identitystore:UserId", ValueType::String),
];

use crate::arn_match::PARTITIONS;

/// An action item of a statement, resolved against a catalog.
struct Granted<'a> {
    catalog: &'a ServiceCatalog,
    /// The action named, or `None` for a pattern that matches some of the catalog's actions:
    /// the checks need only know that a pattern leaves the statement's actions of the service
    /// open, so its matches are never listed.
    facts: Option<&'a ActionFacts>,
    /// Where it was written.
    path: ItemPath,
}

impl<'a> Granted<'a> {
    /// The action, when named one by one.
    fn named(&self) -> Option<(&'a ServiceCatalog, &'a ActionFacts, &ItemPath)> {
        self.facts.map(|facts| (self.catalog, facts, &self.path))
    }
}

/// Where an item was written, spelled out only when a finding needs it: most items never do.
#[derive(Clone)]
struct ItemPath {
    base: StatementPath,
    element: &'static str,
    /// `None` for a lone value.
    position: Option<usize>,
}

impl std::fmt::Display for ItemPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.base, self.element)?;
        if let Some(position) = self.position {
            write!(f, "[{position}]")?;
        }
        Ok(())
    }
}

/// `Statement` or `Statement[3]`: the start of every path into a statement, spelled out only
/// for findings.
#[derive(Clone, Copy)]
struct StatementPath {
    /// `None` for a policy's lone statement object.
    index: Option<usize>,
}

impl std::fmt::Display for StatementPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.index {
            Some(index) => write!(f, "Statement[{index}]"),
            None => f.write_str("Statement"),
        }
    }
}

struct Context<'a> {
    validator: &'a Validator,
    /// Whether the policy's Version has policy variables (2012-10-17): under 2008-10-17 and
    /// without a Version, `${...}` is literal text.
    variables: bool,
    findings: Vec<Finding>,
    unchecked_services: BTreeSet<String>,
    /// The services the SageMaker actions the policy's Allow statements name pass roles to, per
    /// AWS's service reference (`sagemaker.amazonaws.com`), for the PassRole findings' advice.
    passed_to: BTreeSet<&'static str>,
}

impl Context<'_> {
    /// Remembers a service without a catalog, once, without allocating for repeats.
    fn note_unchecked(&mut self, prefix: &str) {
        if !self
            .unchecked_services
            .iter()
            .any(|known| known.eq_ignore_ascii_case(prefix))
        {
            self.unchecked_services.insert(prefix.to_ascii_lowercase());
        }
    }

    fn push(
        &mut self,
        code: &'static str,
        severity: Severity,
        at: Option<(usize, &Statement)>,
        path: String,
        message: String,
    ) {
        self.push_fix(code, severity, at, path, message, None);
    }

    /// Like [`Context::push`], with a certain fix.
    fn push_fix(
        &mut self,
        code: &'static str,
        severity: Severity,
        at: Option<(usize, &Statement)>,
        path: String,
        message: String,
        fix: Option<Fix>,
    ) {
        // Every code has an explanation for `check --explain`; a new one without is caught by
        // the first test that raises it.
        debug_assert!(
            super::explain(code).is_some_and(|explanation| severity <= explanation.severity),
            "{code} ({severity}) has no explanation at that severity in validate/explain.rs"
        );
        self.findings.push(Finding {
            code,
            severity,
            statement: at.map(|(index, _)| index),
            sid: at.and_then(|(_, statement)| statement.sid.clone()),
            path,
            message,
            fix,
        });
    }
}

pub(super) fn check_policy(validator: &Validator, policy: &Policy) -> Vec<Finding> {
    let mut context = Context {
        validator,
        variables: policy
            .version
            .as_ref()
            .is_some_and(|version| version.as_str() == crate::policy::Version::CURRENT.as_str()),
        findings: Vec::new(),
        unchecked_services: BTreeSet::new(),
        passed_to: passed_to_services(policy),
    };
    match &policy.version {
        None => context.push(
            "MISSING_VERSION",
            Severity::Warning,
            None,
            "Version".into(),
            "the policy has no Version: IAM then uses 2008-10-17, without policy variables; add \"Version\": \"2012-10-17\"".into(),
        ),
        Some(version) if !version.is_valid() => context.push(
            "INVALID_VERSION",
            Severity::Error,
            None,
            "Version".into(),
            format!("Version {:?} is not a version of the policy language; use \"2012-10-17\"", version.as_str()),
        ),
        Some(_) => {}
    }
    let statements = policy.statements();
    if statements.is_empty() {
        context.push(
            "MISSING_STATEMENT",
            Severity::Error,
            None,
            "Statement".into(),
            "the policy has no statement".into(),
        );
    }
    let resource_policy = match validator.options.policy_type {
        PolicyType::Auto => statements
            .iter()
            .any(|statement| statement.principal.is_some()),
        PolicyType::Identity => false,
        PolicyType::Resource | PolicyType::RoleTrust => true,
    };
    let mut sids: HashMap<&str, usize> = HashMap::new();
    let mut granted_everywhere: Vec<(usize, Vec<Granted<'_>>)> = Vec::new();
    for (index, statement) in statements.iter().enumerate() {
        let base = StatementPath {
            index: matches!(policy.statement, OneOrMany::Many(_)).then_some(index),
        };
        if let Some(sid) = &statement.sid {
            // Keep the first statement's index, so that every repeat points at the same one.
            let first = *sids.entry(sid).or_insert(index);
            if first != index {
                context.push(
                    "UNIQUE_SIDS_RECOMMENDED",
                    Severity::Warning,
                    Some((index, statement)),
                    format!("{base}.Sid"),
                    format!("Sid {sid:?} is also the Sid of statement {first}; give each statement its own"),
                );
            }
        }
        let granted = check_statement(&mut context, index, statement, base, resource_policy);
        granted_everywhere.push((index, granted));
    }
    check_dependent_actions(&mut context, statements, &granted_everywhere);
    for prefix in std::mem::take(&mut context.unchecked_services) {
        context.push(
            "UNCHECKED_SERVICE",
            Severity::Info,
            None,
            String::new(),
            format!("actions, resources and keys of service {prefix:?} were checked for syntax only: no catalog of it is loaded (load one: a data file with --catalog, or AWS's service reference documents with --service-reference DIR)"),
        );
    }
    context.findings
}

fn check_statement<'a>(
    context: &mut Context<'a>,
    index: usize,
    statement: &Statement,
    base: StatementPath,
    resource_policy: bool,
) -> Vec<Granted<'a>> {
    let at = Some((index, statement));
    if let Some(sid) = &statement.sid {
        if sid.is_empty() {
            context.push(
                "EMPTY_SID_VALUE",
                Severity::Suggestion,
                at,
                format!("{base}.Sid"),
                "the Sid is empty; remove it or name the statement".into(),
            );
        } else if !sid.chars().all(|c| c.is_ascii_alphanumeric()) {
            context.push(
                "UNSUPPORTED_SID",
                Severity::Error,
                at,
                format!("{base}.Sid"),
                format!("Sid {sid:?} may contain only letters A-Z, a-z and digits 0-9"),
            );
        }
    }
    let allow = statement.effect == crate::policy::Effect::Allow;
    match (&statement.principal, context.validator.options.policy_type) {
        (Some(element), PolicyType::Identity) => {
            let name = match element {
                PrincipalElement::Principal(_) => "Principal",
                PrincipalElement::NotPrincipal(_) => "NotPrincipal",
            };
            context.push("UNSUPPORTED_PRINCIPAL", Severity::Error, at, format!("{base}.{name}"), format!("identity policies cannot name a {name}; it belongs in resource-based and trust policies"));
        }
        (None, PolicyType::Resource | PolicyType::RoleTrust) => context.push(
            "MISSING_PRINCIPAL",
            Severity::Error,
            at,
            base.to_string(),
            "a resource-based policy statement needs a Principal".into(),
        ),
        _ => {}
    }
    // Identity policies get UNSUPPORTED_PRINCIPAL instead: the element does not belong at all.
    if allow
        && matches!(statement.principal, Some(PrincipalElement::NotPrincipal(_)))
        && context.validator.options.policy_type != PolicyType::Identity
    {
        context.push("ALLOW_WITH_NOT_PRINCIPAL", Severity::SecurityWarning, at, format!("{base}.NotPrincipal"), "Allow with NotPrincipal grants the actions to every principal not listed, anonymous ones included; name the principals that need access in Principal, or allow broadly and deny with NotPrincipal in a Deny statement".into());
    }
    let Some(action_element) = &statement.action else {
        context.push(
            "MISSING_ACTION",
            Severity::Error,
            at,
            base.to_string(),
            "the statement has neither Action nor NotAction".into(),
        );
        return Vec::new();
    };
    let (action_name, not_action) = match action_element {
        ActionElement::Action(_) => ("Action", false),
        ActionElement::NotAction(_) => ("NotAction", true),
    };
    let action_items = action_element.items();
    if action_items.is_empty() {
        context.push(
            "EMPTY_ARRAY_ACTION",
            Severity::Suggestion,
            at,
            format!("{base}.{action_name}"),
            format!("the {action_name} list is empty, so the statement has no effect"),
        );
    }
    if allow && not_action {
        context.push("ALLOW_WITH_NOT_ACTION", Severity::SecurityWarning, at, format!("{base}.NotAction"), "Allow with NotAction grants every action not listed, of every service, including ones added later; list the actions to allow instead".into());
    }
    let resource_items = match &statement.resource {
        None => {
            if context.validator.options.policy_type != PolicyType::RoleTrust
                && !(resource_policy
                    && statement.principal.is_some()
                    && is_trust_statement(statement))
            {
                context.push("MISSING_RESOURCE", Severity::Error, at, base.to_string(), "the statement has neither Resource nor NotResource; add \"Resource\": \"*\" or the ARNs it applies to".into());
            }
            None
        }
        Some(ResourceElement::Resource(items)) => Some((items, "Resource", false)),
        Some(ResourceElement::NotResource(items)) => Some((items, "NotResource", true)),
    };
    // Each resource split once, for its own checks and for the actions' and keys'.
    let arns: Vec<Option<ArnParts<'_>>> = resource_items
        .map(|(items, _, _)| items.iter().map(|item| split_arn(item.as_str())).collect())
        .unwrap_or_default();
    if let Some((items, name, not_resource)) = resource_items {
        if items.is_empty() {
            context.push(
                "EMPTY_ARRAY_RESOURCE",
                Severity::Suggestion,
                at,
                format!("{base}.{name}"),
                format!("the {name} list is empty, so the statement has no effect"),
            );
        }
        if allow && not_resource {
            context.push("ALLOW_WITH_NOT_RESOURCE", Severity::SecurityWarning, at, format!("{base}.NotResource"), "Allow with NotResource grants the actions on every resource not listed, including ones created later; list the resources instead".into());
        }
        for (position, item) in items.iter().enumerate() {
            check_empty_variable(
                context,
                at,
                &|| item_path(base, name, items, position),
                item.as_str(),
            );
            // The path is only written out for a finding.
            check_arn(
                context,
                at,
                &|| item_path(base, name, items, position),
                item.as_str(),
                arns[position],
            );
        }
    }
    let listed = listed_arns(statement, &arns);

    let granted = resolve_actions(context, at, base, action_name, action_element);
    if !not_action {
        check_redundant_actions(context, at, base, action_name, action_element.items());
        if let Some(arns) = &listed {
            check_action_resources(context, at, arns, &granted);
            check_pattern_resources(context, at, arns, &granted, action_element.items());
        }
    }
    check_pass_role(context, at, base, statement);
    let scope = KeyScope {
        statement,
        listed: listed.as_deref(),
        granted: if not_action { &[] } else { &granted },
    };
    check_conditions(context, at, base, &scope);
    if allow && !not_action {
        granted
    } else {
        Vec::new()
    }
}

/// The statement's `Resource` ARNs, split once for every check that compares actions and keys
/// with them; `None` when the statement may apply to any resource (`"*"` listed, `NotResource`,
/// or no resource element).
fn listed_arns<'s>(
    statement: &Statement,
    arns: &[Option<ArnParts<'s>>],
) -> Option<Vec<ArnParts<'s>>> {
    match &statement.resource {
        Some(ResourceElement::Resource(items))
            if !items.iter().any(|item| item.as_str() == "*") =>
        {
            Some(arns.iter().flatten().copied().collect())
        }
        _ => None,
    }
}

fn is_trust_statement(statement: &Statement) -> bool {
    statement.action.as_ref().is_some_and(|action| {
        action
            .items()
            .iter()
            .any(|item| item.as_str().to_ascii_lowercase().starts_with("sts:"))
    })
}

fn item_path<T>(
    base: StatementPath,
    element: &str,
    items: &OneOrMany<T>,
    position: usize,
) -> String {
    match items {
        OneOrMany::One(_) => format!("{base}.{element}"),
        OneOrMany::Many(_) => format!("{base}.{element}[{position}]"),
    }
}

fn resolve_actions<'a>(
    context: &mut Context<'a>,
    at: Option<(usize, &Statement)>,
    base: StatementPath,
    element: &'static str,
    action_element: &ActionElement,
) -> Vec<Granted<'a>> {
    let items = match action_element {
        ActionElement::Action(items) | ActionElement::NotAction(items) => items,
    };
    let validator = context.validator;
    let mut granted = Vec::new();
    let lone = matches!(items, OneOrMany::One(_));
    for (position, item) in items.iter().enumerate() {
        let path = ItemPath {
            base,
            element,
            position: (!lone).then_some(position),
        };
        let text = item.as_str();
        if text == "*" {
            continue;
        }
        if !is_action_syntax(text) {
            context.push("INVALID_ACTION", Severity::Error, at, path.to_string(), format!("{text:?} is not an action: expected \"*\" or service:Action, e.g. \"sagemaker:CreateTrainingJob\""));
            continue;
        }
        let (prefix, name) = text.split_once(':').expect("checked syntax");
        let Some(catalog) = validator.catalog(prefix) else {
            context.note_unchecked(prefix);
            continue;
        };
        if has_wildcard(name) {
            if catalog.matching(name).next().is_some() {
                granted.push(Granted {
                    catalog,
                    facts: None,
                    path,
                });
            } else {
                context.push(
                    "INVALID_ACTION",
                    Severity::Error,
                    at,
                    path.to_string(),
                    format!(
                        "{text:?} matches no action of {} ({})",
                        catalog.name, catalog.prefix
                    ),
                );
            }
        } else if let Some(facts) = catalog.action(name) {
            granted.push(Granted {
                catalog,
                facts: Some(facts),
                path,
            });
        } else {
            let nearest = catalog
                .nearest_action(name)
                .map(|nearest| format!("{}:{nearest}", catalog.prefix));
            let suggestion = nearest
                .as_ref()
                .map(|nearest| format!("; did you mean {nearest}?"))
                .unwrap_or_default();
            let fix = nearest
                .map(|nearest| replace_fix(text, nearest, path.to_string(), ReplacedPart::Value));
            let message = match catalog.removed_after(name) {
                Some(date) => format!(
                    "{text:?} is no longer an action of {}: AWS removed it from its catalog after {date}{suggestion}",
                    catalog.name
                ),
                None => format!("{text:?} is not an action of {}{suggestion}", catalog.name),
            };
            context.push_fix(
                "INVALID_ACTION",
                Severity::Error,
                at,
                path.to_string(),
                message,
                fix,
            );
        }
    }
    granted
}

/// A fix that puts `new` in place of `old`, the text of the element at `path`.
fn replace_fix(old: &str, new: String, path: String, part: ReplacedPart) -> Fix {
    Fix {
        description: format!("replace {old:?} with {new:?}"),
        replacement: Some(Replacement {
            path,
            part,
            text: new,
        }),
    }
}

fn check_redundant_actions(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    base: StatementPath,
    element: &str,
    items: &[crate::policy::ActionItem],
) {
    // Every item is compared with every other: whether each is a pattern is decided once.
    let patterns: Vec<bool> = items
        .iter()
        .map(|item| has_wildcard(item.as_str()))
        .collect();
    for (position, item) in items.iter().enumerate() {
        let text = item.as_str();
        // Of two items that cover each other (duplicates, `a*` and `a**`) only the later one is
        // redundant: removing both would drop the actions. Only a pattern with wildcards can
        // cover another text; without, covering is equality, which is cheap to test first.
        let covered_by = items.iter().enumerate().find(|(other, pattern)| {
            let pattern = pattern.as_str();
            *other != position
                && if patterns[*other] {
                    pattern_covers(pattern, text)
                        && (*other < position || !pattern_covers(text, pattern))
                } else {
                    *other < position && pattern.eq_ignore_ascii_case(text)
                }
        });
        if let Some((other, pattern)) = covered_by {
            let path = if items.len() == 1 {
                format!("{base}.{element}")
            } else {
                format!("{base}.{element}[{position}]")
            };
            let message = if pattern.as_str().eq_ignore_ascii_case(text) {
                format!("{text:?} is listed twice in {element} (also at [{other}]); remove it")
            } else {
                format!(
                    "{text:?} is already granted by {:?} ({element}[{other}]) in the same statement; remove it",
                    pattern.as_str()
                )
            };
            context.push("REDUNDANT_ACTION", Severity::Suggestion, at, path, message);
        }
    }
}

/// Whether every action `item` names is also named by `pattern`, ignoring case. Both may hold
/// IAM wildcards; a `*` of the item is covered only by a `*` of the pattern, and a `?` by `?` or
/// `*`, since a pattern's `?` stands for exactly one character.
fn pattern_covers(pattern: &str, item: &str) -> bool {
    // The usual pattern, `Describe*`, covers exactly the items that start with `Describe`.
    if let Some(head) = pattern.strip_suffix('*') {
        if !has_wildcard(head) {
            return item
                .as_bytes()
                .get(..head.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(head.as_bytes()));
        }
    }
    let pattern = pattern.as_bytes();
    let item = item.as_bytes();
    // covers[j]: the pattern read so far covers the first j bytes of the item.
    let mut covers = vec![false; item.len() + 1];
    let mut next = vec![false; item.len() + 1];
    covers[0] = true;
    for &p in pattern {
        next[0] = p == b'*' && covers[0];
        for j in 1..=item.len() {
            let t = item[j - 1];
            next[j] = match p {
                b'*' => covers[j] || next[j - 1],
                b'?' => t != b'*' && covers[j - 1],
                _ => p.eq_ignore_ascii_case(&t) && covers[j - 1],
            };
        }
        std::mem::swap(&mut covers, &mut next);
    }
    covers[item.len()]
}

fn check_arn(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    path: &dyn Fn() -> String,
    text: &str,
    // `text` as split by the caller, which shares the split with the action and key checks.
    split: Option<ArnParts<'_>>,
) {
    if text == "*" {
        return;
    }
    if !text.starts_with("arn:") {
        if !text.starts_with("${") {
            context.push(
                "INVALID_ARN_PREFIX",
                Severity::Error,
                at,
                path(),
                format!("{text:?} is not an ARN: a resource is \"*\" or starts with \"arn:\""),
            );
        }
        return;
    }
    let Some(parts) = split else {
        context.push("MISSING_ARN_FIELD", Severity::Error, at, path(), format!("ARN {text:?} has fewer than six fields: arn:partition:service:region:account:resource"));
        return;
    };
    let open = |field: &str| has_wildcard(field) || field.contains("${");
    if !open(parts.partition) && parts.partition != "aws" && !PARTITIONS.contains(&parts.partition)
    {
        context.push(
            "INVALID_PARTITION",
            Severity::Error,
            at,
            path(),
            format!(
                "partition {:?} of {text:?} is not an AWS partition ({})",
                parts.partition,
                PARTITIONS.join(", ")
            ),
        );
    }
    let service_lower_case = !parts.service.chars().any(|c| c.is_ascii_uppercase());
    if !service_lower_case {
        context.push(
            "INVALID_ARN_SERVICE_CASE",
            Severity::Error,
            at,
            path(),
            format!(
                "the service {:?} of {text:?} must be lower case",
                parts.service
            ),
        );
    }
    let account_ok = open(parts.account)
        || parts.account.is_empty()
        || parts.account == "aws"
        || (parts.account.len() == 12 && parts.account.bytes().all(|b| b.is_ascii_digit()));
    if !account_ok {
        context.push(
            "INVALID_ARN_ACCOUNT",
            Severity::Error,
            at,
            path(),
            format!(
                "account {:?} of {text:?} is not a 12-digit account ID",
                parts.account
            ),
        );
    }
    let validator = context.validator;
    match validator.catalog(parts.service) {
        // No format can match a wrongly cased service; the case finding already says why.
        Some(_) if !service_lower_case => {}
        Some(catalog) if !catalog.resource_types().is_empty() && !catalog.parts_fit_any(&parts) => {
            if report_field_not_allowed(context, at, path, text, catalog, parts) {
                return;
            }
            let hint = match nearest_format(catalog, parts.resource) {
                Some((name, format)) => format!("did you mean {name} ({format})?"),
                None => format!("its ARN formats start {}", formats_summary(catalog)),
            };
            context.push(
                "INVALID_ARN_RESOURCE",
                Severity::Error,
                at,
                path(),
                format!(
                    "{text:?} matches no resource type of {}; {hint}",
                    catalog.name
                ),
            );
        }
        Some(catalog) => report_missing_fields(context, at, path, text, catalog, &parts),
        None if !open(parts.service) => {
            context.note_unchecked(parts.service);
        }
        None => {}
    }
}

/// MISSING_ARN_REGION and MISSING_ARN_ACCOUNT: an empty Region or account field in the ARN of a
/// service every one of whose ARN formats names one (SageMaker's all do; IAM's and S3's have
/// empty fields, so those services are never reported). Such an ARN names no resource.
fn report_missing_fields(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    path: &dyn Fn() -> String,
    text: &str,
    catalog: &ServiceCatalog,
    parts: &ArnParts<'_>,
) {
    if parts.region.is_empty() && catalog.every_format_names(ArnField::Region) {
        context.push("MISSING_ARN_REGION", Severity::Error, at, path(), format!("{text:?} has an empty Region field, but every ARN of {} names a Region: write the Region, or * for any", catalog.name));
    }
    if parts.account.is_empty() && catalog.every_format_names(ArnField::Account) {
        context.push("MISSING_ARN_ACCOUNT", Severity::Error, at, path(), format!("{text:?} has an empty account field, but every ARN of {} names an account: write the 12-digit account ID, or * for any", catalog.name));
    }
}

/// ARN_ACCOUNT_NOT_ALLOWED and ARN_REGION_NOT_ALLOWED, in place of INVALID_ARN_RESOURCE, for an
/// ARN that fits none of the service's formats as written but does once its account (or
/// Region, or both) is left empty, as the formats it then fits have it. Returns whether it
/// reported. An ARN that fits with either field emptied is left to INVALID_ARN_RESOURCE: which
/// field is wrong is not certain.
fn report_field_not_allowed(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    path: &dyn Fn() -> String,
    text: &str,
    catalog: &ServiceCatalog,
    parts: ArnParts<'_>,
) -> bool {
    use crate::arn_match::FieldKind;
    // Only a literal value can be told to be present: a wildcard may stand for nothing.
    let written = |field: &str, kind: FieldKind| !field.is_empty() && kind == FieldKind::Literal;
    let account = written(parts.account, parts.kinds[3]);
    let region = written(parts.region, parts.kinds[2]);
    if !account && !region {
        return false;
    }
    let without_account = ArnParts {
        account: "",
        ..parts
    };
    let without_region = ArnParts {
        region: "",
        ..parts
    };
    let without_both = ArnParts {
        region: "",
        ..without_account
    };
    let fits_without_account = account && catalog.parts_fit_any(&without_account);
    let fits_without_region = region && catalog.parts_fit_any(&without_region);
    let (account_wrong, region_wrong) = match (fits_without_account, fits_without_region) {
        (true, true) => return false,
        (true, false) => (true, false),
        (false, true) => (false, true),
        (false, false) if account && region && catalog.parts_fit_any(&without_both) => (true, true),
        (false, false) => return false,
    };
    let fixed = format!(
        "arn:{}:{}:{}:{}:{}",
        parts.partition,
        parts.service,
        if region_wrong { "" } else { parts.region },
        if account_wrong { "" } else { parts.account },
        parts.resource
    );
    // One fix for both findings: it empties both fields.
    let mut fix = Some(replace_fix(
        text,
        fixed.clone(),
        path(),
        ReplacedPart::Value,
    ));
    if account_wrong {
        context.push_fix("ARN_ACCOUNT_NOT_ALLOWED", Severity::Error, at, path(), format!("{text:?} has account {:?}, but the ARNs of {} that it otherwise fits have an empty account field: write {fixed:?}", parts.account, catalog.name), fix.take());
    }
    if region_wrong {
        context.push_fix("ARN_REGION_NOT_ALLOWED", Severity::Error, at, path(), format!("{text:?} has Region {:?}, but the ARNs of {} that it otherwise fits have an empty Region field: write {fixed:?}", parts.region, catalog.name), fix.take());
    }
    true
}

/// The leading word of an ARN's resource part: `training-job` of `training-job/${Name}`.
fn resource_head(resource: &str) -> &str {
    resource.split(['/', ':']).next().unwrap_or_default()
}

/// The resource type whose ARN format starts with the word closest to the one written, for a
/// "did you mean" hint.
fn nearest_format<'c>(catalog: &'c ServiceCatalog, resource: &str) -> Option<(&'c str, &'c str)> {
    let written = resource_head(resource);
    if written.is_empty() || written.contains(['*', '?', '$']) {
        return None;
    }
    let formats = || {
        catalog.resource_types().iter().flat_map(|rt| {
            rt.arn_formats.iter().filter_map(move |format| {
                let head = resource_head(split_arn(format)?.resource);
                Some((rt.name.as_str(), format.as_str(), head))
            })
        })
    };
    let nearest = crate::lookup::closest(formats().map(|(_, _, head)| head), written)?;
    formats()
        .find(|(_, _, head)| *head == nearest)
        .map(|(name, format, _)| (name, format))
}

fn formats_summary(catalog: &ServiceCatalog) -> String {
    let mut formats: Vec<&str> = catalog
        .resource_types()
        .iter()
        .flat_map(|rt| rt.arn_formats.iter().map(String::as_str))
        .take(4)
        .collect();
    if catalog.resource_types().len() > 4 {
        formats.push("...");
    }
    formats.join(", ")
}

fn check_action_resources(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    arns: &[ArnParts<'_>],
    granted: &[Granted<'_>],
) {
    for (catalog, facts, path) in granted.iter().filter_map(Granted::named) {
        let rows = &facts.resource_types;
        // An action may list resource types of another service (EC2's RunInstances a License
        // Manager license-configuration): `serves` compares an ARN with the formats whatever
        // its service.
        if serves(catalog, facts, arns) {
            continue;
        }
        let full_name = format!("{}:{}", catalog.prefix, facts.name);
        let verb = match at.map(|(_, statement)| statement.effect) {
            Some(crate::policy::Effect::Deny) => "denies",
            _ => "grants",
        };
        let message = if rows.is_empty() {
            format!("{full_name} supports no resource types: only \"Resource\": \"*\" covers it, so this statement {verb} it nothing")
        } else {
            let accepted: Vec<String> = rows
                .iter()
                .map(|row| {
                    let format = catalog
                        .resource_type(&row.resource_type)
                        .and_then(|rt| rt.arn_formats.first())
                        .map(String::as_str)
                        .unwrap_or("?");
                    format!(
                        "{}{} ({format})",
                        row.resource_type,
                        if row.required { "*" } else { "" }
                    )
                })
                .collect();
            format!("{full_name} applies to none of this statement's resources, so this statement {verb} it nothing; it accepts {} or \"*\"", accepted.join(", "))
        };
        context.push(
            "RESOURCE_MISMATCH",
            Severity::Error,
            at,
            path.to_string(),
            message,
        );
    }
}

/// Whether one of `arns` is of a resource type the action lists. An action that lists a type
/// the catalog does not define is taken as served: there is no format to compare with.
fn serves(catalog: &ServiceCatalog, facts: &ActionFacts, arns: &[ArnParts<'_>]) -> bool {
    let rows = &facts.resource_types;
    let fits = arns
        .iter()
        .filter(|arn| catalog.may_name_service(arn.service))
        .any(|arn| {
            // Found once for all the types the action lists.
            let literal = arn.literal_start();
            rows.iter().any(|row| {
                catalog
                    .type_index(&row.resource_type)
                    .is_some_and(|index| catalog.parts_fit_at(index, arn, literal))
            })
        });
    // Unknown types are rare: looked for only when nothing fits.
    fits || rows
        .iter()
        .any(|row| catalog.type_index(&row.resource_type).is_none())
}

/// Which of a catalog's resource types the statement's ARNs are of, found for each type the
/// first time an action asks: a pattern's actions share a few types.
struct TypeFits<'c, 'a, 's> {
    catalog: &'c ServiceCatalog,
    arns: &'a [ArnParts<'s>],
    /// Per resource type: not asked yet, or whether an ARN is of it.
    known: Vec<Option<bool>>,
}

impl TypeFits<'_, '_, '_> {
    /// Whether one of the ARNs is of a type the action at `position` lists (or of one the
    /// catalog lacks).
    fn serves(&mut self, position: usize) -> bool {
        let (catalog, arns) = (self.catalog, self.arns);
        catalog.row_types(position).iter().any(|&index| {
            if index == UNDEFINED_TYPE {
                return true;
            }
            let index = index as usize;
            *self.known[index].get_or_insert_with(|| {
                arns.iter()
                    .filter(|arn| catalog.may_name_service(arn.service))
                    .any(|arn| catalog.parts_fit_at(index, arn, arn.literal_start()))
            })
        })
    }
}

/// How many of the actions a finding names in full.
const NAMED_ACTIONS: usize = 12;

/// RESOURCE_MISMATCH for an action pattern (`s3:*Bucket*`): the actions it matches that no
/// resource of the statement serves, in one finding per pattern. A pattern none of whose
/// actions is served grants nothing, an ERROR like a named action's; one that still grants
/// some of them is a SUGGESTION, since a pattern naturally reaches further than the
/// resources it is written for, yet the statement grants fewer actions than it reads.
fn check_pattern_resources(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    arns: &[ArnParts<'_>],
    granted: &[Granted<'_>],
    items: &[crate::policy::ActionItem],
) {
    for pattern in granted.iter().filter(|action| action.facts.is_none()) {
        let catalog = pattern.catalog;
        let text = items[pattern.path.position.unwrap_or(0)].as_str();
        let name = text.split_once(':').map_or(text, |(_, name)| name);
        let mut fits = TypeFits {
            catalog,
            arns,
            known: vec![None; catalog.resource_types().len()],
        };
        let mut matched = 0usize;
        let mut unserved: Vec<&str> = Vec::new();
        for (position, facts) in catalog.matching_indexed(name) {
            matched += 1;
            if !fits.serves(position) {
                unserved.push(&facts.name);
            }
        }
        if unserved.is_empty() {
            continue;
        }
        let verb = match at.map(|(_, statement)| statement.effect) {
            Some(crate::policy::Effect::Deny) => "denies",
            _ => "grants",
        };
        let mut names: Vec<String> = unserved
            .iter()
            .take(NAMED_ACTIONS)
            .map(|action| format!("{}:{action}", catalog.prefix))
            .collect();
        if unserved.len() > NAMED_ACTIONS {
            names.push(format!("and {} more", unserved.len() - NAMED_ACTIONS));
        }
        let (severity, message) = if unserved.len() == matched {
            (
                Severity::Error,
                format!("{text:?} matches {matched} action(s), none of which applies to this statement's resources, so this statement {verb} none of them: {}", names.join(", ")),
            )
        } else {
            (
                Severity::Suggestion,
                format!("{} of the {matched} actions {text:?} matches apply to none of this statement's resources, so this statement {verb} them nothing: {}; narrow the pattern or add their resources", unserved.len(), names.join(", ")),
            )
        };
        context.push(
            "RESOURCE_MISMATCH",
            severity,
            at,
            pattern.path.to_string(),
            message,
        );
    }
}

fn check_pass_role(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    base: StatementPath,
    statement: &Statement,
) {
    if statement.effect != crate::policy::Effect::Allow {
        return;
    }
    let (Some(action), Some(resource)) = (&statement.action, &statement.resource) else {
        return;
    };
    let covers = |item: &crate::policy::ActionItem| {
        wildcard_match_ignore_case(item.as_str(), "iam:PassRole")
    };
    enum Grant {
        /// `iam:PassRole` named, at this path.
        Named(String),
        /// A wildcard action covering it.
        Star(String, String),
        /// A NotAction that does not exclude it.
        NotAction,
    }
    let grant = match action {
        ActionElement::Action(items) => {
            let named = items
                .iter()
                .position(|item| item.as_str().eq_ignore_ascii_case("iam:PassRole"));
            match named {
                Some(position) => Grant::Named(item_path(base, "Action", items, position)),
                None => match items.iter().position(covers) {
                    Some(position) => Grant::Star(
                        item_path(base, "Action", items, position),
                        items.as_slice()[position].as_str().to_owned(),
                    ),
                    None => return,
                },
            }
        }
        ActionElement::NotAction(items) => {
            if items.iter().any(covers) {
                return;
            }
            Grant::NotAction
        }
    };
    let not_resource = match resource {
        ResourceElement::Resource(items) => {
            if !items.iter().any(|item| item.as_str() == "*") {
                return;
            }
            false
        }
        ResourceElement::NotResource(_) => true,
    };
    let (resources, scope) = if not_resource {
        ("NotResource", "every role not listed in NotResource")
    } else {
        ("\"Resource\": \"*\"", "any role")
    };
    let (code, path, how) = match (&grant, not_resource) {
        (Grant::Named(path), false) => (
            "PASS_ROLE_WITH_STAR_IN_RESOURCE",
            path.clone(),
            "iam:PassRole".to_owned(),
        ),
        (Grant::Named(path), true) => (
            "PASS_ROLE_WITH_NOT_RESOURCE",
            path.clone(),
            "iam:PassRole".to_owned(),
        ),
        (Grant::Star(path, text), false) => (
            "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE",
            path.clone(),
            format!("{text:?}, which covers iam:PassRole,"),
        ),
        (Grant::Star(path, text), true) => (
            "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE",
            path.clone(),
            format!("{text:?}, which covers iam:PassRole,"),
        ),
        (Grant::NotAction, false) => (
            "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION",
            format!("{base}.NotAction"),
            "NotAction, which does not exclude iam:PassRole,".to_owned(),
        ),
        (Grant::NotAction, true) => (
            "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE",
            format!("{base}.NotAction"),
            "NotAction, which does not exclude iam:PassRole,".to_owned(),
        ),
    };
    let services = if context.passed_to.is_empty() {
        String::new()
    } else {
        let services: Vec<&str> = context.passed_to.iter().copied().collect();
        format!(
            " (to {}: the API calls of this policy's SageMaker actions pass roles there, per AWS's service reference)",
            services.join(", ")
        )
    };
    context.push(code, Severity::SecurityWarning, at, path, format!("{how} with {resources} lets the caller pass {scope} to a service; name the roles in Resource and restrict iam:PassedToService{services}"));
}

/// The `iam:PassedToService` values of the `iam:PassRole` authorizations of the SageMaker API
/// operations named like the actions the policy's Allow statements name one by one.
fn passed_to_services(policy: &Policy) -> BTreeSet<&'static str> {
    policy
        .statements()
        .iter()
        .filter(|statement| statement.effect == crate::policy::Effect::Allow)
        .filter_map(|statement| match &statement.action {
            Some(ActionElement::Action(items)) => Some(items),
            _ => None,
        })
        .flat_map(|items| items.iter())
        .filter_map(|item| {
            let (prefix, name) = item.as_str().split_once(':')?;
            prefix
                .eq_ignore_ascii_case(SERVICE_PREFIX)
                .then(|| Operation::from_name(name))
                .flatten()
        })
        .flat_map(|operation| operation.authorized_actions())
        .filter(|authorization| {
            authorization.action_name() == "iam:PassRole"
                && authorization
                    .condition_key()
                    .is_some_and(|key| key.eq_ignore_ascii_case(PASSED_TO_SERVICE))
        })
        .flat_map(|authorization| authorization.values().iter().copied())
        .collect()
}

struct KeyInfo<'k> {
    name: &'k str,
    value_type: Option<ValueType>,
    global: bool,
    catalog_prefix: Option<&'k str>,
}

/// What a statement's condition keys are checked against: the actions it grants and the
/// resources it lists.
struct KeyScope<'s, 'a> {
    statement: &'s Statement,
    /// See [`listed_arns`].
    listed: Option<&'s [ArnParts<'s>]>,
    granted: &'s [Granted<'a>],
}

fn check_conditions(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    base: StatementPath,
    scope: &KeyScope<'_, '_>,
) {
    let Some(condition) = &scope.statement.condition else {
        return;
    };
    for block in &condition.blocks {
        let operator_text = block.operator_text.as_ref();
        // Paths are spelled out only for findings.
        let block_path = || format!("{base}.Condition.{operator_text}");
        let Some(operator) = block.operator() else {
            context.push("INVALID_CONDITION_OPERATOR", Severity::Error, at, block_path(), format!("{operator_text:?} is not a condition operator; e.g. StringEquals, ForAnyValue:StringLike, NumericLessThanIfExists, Null"));
            continue;
        };
        if operator.base == BaseOperator::Null && operator.if_exists {
            let fix = replace_fix(
                operator_text,
                Operator {
                    if_exists: false,
                    ..operator
                }
                .to_string(),
                block_path(),
                ReplacedPart::Name,
            );
            context.push_fix("NULL_WITH_IF_EXISTS", Severity::Error, at, block_path(), "NullIfExists is not an operator: Null already tests whether the key exists; write Null".into(), Some(fix));
        }
        let fixes = Block {
            path: &block_path,
            text: operator_text,
            lone: block.entries.len() == 1,
        };
        for (position, entry) in block.entries.iter().enumerate() {
            let key_text = entry.key.as_str();
            let path = &|| format!("{}.{key_text}", block_path());
            check_key_case(context, at, path, key_text, &block.entries[..position]);
            let Some(info) = resolve_key(context, at, path, key_text) else {
                continue;
            };
            check_operator_fit(
                context,
                at,
                path,
                &fixes,
                operator,
                &info,
                entry.values.as_slice(),
            );
            check_values(context, at, path, operator, &info, entry.values.as_slice());
            // A service key no action supports is reported once, as
            // UNSUPPORTED_ACTION_FOR_CONDITION_KEY; the tag codes name the rest.
            let reported =
                !info.global && check_key_support(context, at, path, operator, &info, scope);
            if !reported && is_tag_key(&info) {
                check_tag_key_support(context, at, path, operator, &info, key_text, scope);
            }
        }
    }
}

fn resolve_key<'c: 'k, 'k>(
    context: &mut Context<'c>,
    at: Option<(usize, &Statement)>,
    path: &dyn Fn() -> String,
    text: &'k str,
) -> Option<KeyInfo<'k>> {
    let Some((prefix, rest)) = text.split_once(':') else {
        context.push(
            "INVALID_CONDITION_KEY_FORMAT",
            Severity::Error,
            at,
            path(),
            format!("condition key {text:?} is not of the form service:key"),
        );
        return None;
    };
    if prefix.eq_ignore_ascii_case("aws") {
        for tag_key in ["ResourceTag", "RequestTag", "PrincipalTag"] {
            if rest.eq_ignore_ascii_case(tag_key)
                || rest.eq_ignore_ascii_case(&format!("{tag_key}/"))
            {
                context.push(
                    "MISSING_TAG_KEY_IN_CONDITION",
                    Severity::Error,
                    at,
                    path(),
                    format!("aws:{tag_key} needs a tag key: write aws:{tag_key}/<tag-key>"),
                );
                return None;
            }
        }
        return match ConditionKey::resolve(text) {
            Some(name) if name.key().is_global() => Some(KeyInfo {
                name: name.key().name(),
                value_type: Some(name.key().value_type()),
                global: true,
                catalog_prefix: None,
            }),
            _ => {
                // AWS's own policies use `aws:` keys the global keys page does not list
                // (aws:PrincipalOrgMasterAccountId): the page is not the whole truth, so an
                // unknown key is a warning, and its values are checked by the operator only.
                let nearest = crate::lookup::closest(
                    ConditionKey::ALL
                        .iter()
                        .filter(|key| key.is_global())
                        .map(|key| key.name()),
                    text,
                )
                .map(|nearest| format!(" (did you mean {nearest}?)"))
                .unwrap_or_default();
                context.push("INVALID_GLOBAL_CONDITION_KEY", Severity::Warning, at, path(), format!("{text:?} is not on AWS's page of global condition keys{nearest}; unless AWS documents it elsewhere, no request carries it"));
                Some(KeyInfo {
                    name: text,
                    value_type: None,
                    global: true,
                    catalog_prefix: None,
                })
            }
        };
    }
    if let Some(&(name, value_type)) = CROSS_SERVICE_KEYS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(text))
    {
        return Some(KeyInfo {
            name,
            value_type: Some(value_type),
            global: true,
            catalog_prefix: None,
        });
    }
    let validator = context.validator;
    match validator.catalog(prefix) {
        Some(catalog) => match catalog.key(text) {
            Some(facts) => {
                if let Some(deprecation) = &facts.deprecated {
                    let instead = deprecation
                        .replaced_by
                        .as_ref()
                        .map(|replacement| format!("; it has been replaced by {replacement}"))
                        .unwrap_or_default();
                    // Only a replacement the catalog knows as a live key is certain.
                    let fix = deprecation
                        .replaced_by
                        .as_deref()
                        .and_then(|replacement| catalog.key(replacement))
                        .filter(|replacement| replacement.deprecated.is_none())
                        .map(|replacement| {
                            replace_fix(text, replacement.name.clone(), path(), ReplacedPart::Name)
                        });
                    context.push_fix(
                        "DEPRECATED_CONDITION_KEY",
                        Severity::Warning,
                        at,
                        path(),
                        format!("AWS has deprecated {}{instead}", facts.name),
                        fix,
                    );
                }
                Some(KeyInfo {
                    name: &facts.name,
                    value_type: Some(facts.value_type),
                    global: false,
                    catalog_prefix: Some(&catalog.prefix),
                })
            }
            None => {
                let live = nearest_live_key(catalog, text);
                let nearest = live
                    .map(|nearest| format!("; did you mean {nearest}?"))
                    .unwrap_or_default();
                let fix =
                    live.map(|live| replace_fix(text, live.to_owned(), path(), ReplacedPart::Name));
                context.push_fix(
                    "INVALID_SERVICE_CONDITION_KEY",
                    Severity::Error,
                    at,
                    path(),
                    format!(
                        "{text:?} is not a condition key of {}{nearest}",
                        catalog.name
                    ),
                    fix,
                );
                None
            }
        },
        None => {
            context.note_unchecked(prefix);
            Some(KeyInfo {
                name: text,
                value_type: None,
                global: false,
                catalog_prefix: None,
            })
        }
    }
}

/// The key a typo most likely meant, never a deprecated one: when the nearest name is a key AWS
/// replaced, its replacement is offered instead.
fn nearest_live_key<'c>(catalog: &'c ServiceCatalog, text: &str) -> Option<&'c str> {
    let nearest = crate::lookup::closest(
        catalog.condition_keys.iter().map(|key| key.name.as_str()),
        text,
    )?;
    let facts = catalog.key(nearest)?;
    match &facts.deprecated {
        None => Some(nearest),
        Some(deprecation) => deprecation
            .replaced_by
            .as_deref()
            .and_then(|replacement| catalog.key(replacement))
            .map(|replacement| replacement.name.as_str())
            .or_else(|| {
                crate::lookup::closest(
                    catalog
                        .condition_keys
                        .iter()
                        .filter(|key| key.deprecated.is_none())
                        .map(|key| key.name.as_str()),
                    text,
                )
            }),
    }
}

/// The condition block a key is in, for fixes that change its operator.
struct Block<'b> {
    /// `Statement[0].Condition.StringEquals`, spelled out only for a fix.
    path: &'b dyn Fn() -> String,
    /// The operator as written.
    text: &'b str,
    /// Whether the key is the block's only one: an operator fix is certain only then, as it
    /// changes the operator of every key of the block.
    lone: bool,
}

impl Block<'_> {
    /// A fix that writes `operator` in place of the block's operator; replacing the text only
    /// when the key is alone in its block, else moving the key to a block of its own.
    fn fix(&self, key: &str, operator: Operator) -> Fix {
        if self.lone {
            replace_fix(
                self.text,
                operator.to_string(),
                (self.path)(),
                ReplacedPart::Name,
            )
        } else {
            Fix {
                description: format!(
                    "move {key} out of {:?} into a block of its own: {operator:?}",
                    self.text,
                    operator = operator.to_string()
                ),
                replacement: None,
            }
        }
    }
}

/// The operator of `family` that tests what `base` tests (`NumericLessThan` for
/// `DateLessThan`, `Bool` for `StringEquals`), when there is one.
fn same_test_in(base: BaseOperator, family: OperatorFamily) -> Option<BaseOperator> {
    let name = base.as_str();
    let test = match base {
        BaseOperator::Bool | BaseOperator::IpAddress => "Equals",
        BaseOperator::NotIpAddress => "NotEquals",
        _ => ["String", "Numeric", "Date", "Arn", "Binary"]
            .iter()
            .find_map(|prefix| name.strip_prefix(prefix))?,
    };
    BaseOperator::ALL.into_iter().find(|candidate| {
        candidate.family() == family
            && match candidate {
                BaseOperator::Bool | BaseOperator::IpAddress => test == "Equals",
                BaseOperator::NotIpAddress => test == "NotEquals",
                BaseOperator::Null => false,
                _ => {
                    candidate.as_str().ends_with(test)
                        && candidate.as_str().len() - test.len()
                            == family_prefix_len(candidate.as_str())
                }
            }
    })
}

/// The length of an operator name's family word: 6 for `String...`.
fn family_prefix_len(name: &str) -> usize {
    ["String", "Numeric", "Date", "Arn", "Binary"]
        .iter()
        .find(|prefix| name.starts_with(*prefix))
        .map_or(0, |prefix| prefix.len())
}

/// The one operator that fits a key of `value_type` and tests what `operator` tests, keeping
/// its qualifier and `IfExists`; `None` when several families fit (an ARN key takes String or
/// ARN operators) or none tests the same thing.
fn fitting_operator(operator: Operator, value_type: ValueType) -> Option<Operator> {
    let mut families: Vec<OperatorFamily> = Vec::new();
    for base in BaseOperator::ALL {
        if base != BaseOperator::Null && base.fits(value_type) && !families.contains(&base.family())
        {
            families.push(base.family());
        }
    }
    match families.as_slice() {
        [family] => same_test_in(operator.base, *family).map(|base| Operator { base, ..operator }),
        _ => None,
    }
}

fn check_operator_fit(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    path: &dyn Fn() -> String,
    block: &Block<'_>,
    operator: Operator,
    info: &KeyInfo,
    values: &[ConditionValue],
) {
    let Some(value_type) = info.value_type else {
        return;
    };
    let base = operator.base;
    if base == BaseOperator::Null {
        if operator.qualifier.is_some() {
            let fix = block.fix(
                info.name,
                Operator {
                    qualifier: None,
                    ..operator
                },
            );
            context.push_fix("NULL_WITH_QUALIFIER", Severity::Suggestion, at, path(), "Null with ForAllValues is always true and with ForAnyValue always false; write Null without a qualifier".into(), Some(fix));
        }
        return;
    }
    // Comparing a key with another key's value (`"StringNotEquals":
    // {"aws:Ec2InstanceSourcePrivateIPv4": "${aws:VpcSourceIp}"}`, as AWS's own examples do)
    // is done with a String operator whatever the keys' type: policy variables are
    // substituted as text.
    let compares_with_variables = || {
        base.family() == OperatorFamily::String
            && !values.is_empty()
            && values
                .iter()
                .all(|value| is_lone_variable(value.as_text().as_ref()))
    };
    if !base.fits(value_type) && !compares_with_variables() {
        let fix =
            fitting_operator(operator, value_type).map(|fitting| block.fix(info.name, fitting));
        context.push_fix(
            "TYPE_MISMATCH",
            Severity::Warning,
            at,
            path(),
            format!(
                "use an operator of type {} instead of {} for key {} ({})",
                family_for(value_type),
                base.as_str(),
                info.name,
                value_type
            ),
            fix,
        );
    } else if matches!(base, BaseOperator::StringLike | BaseOperator::StringNotLike)
        && value_type.element_type() == ValueType::Arn
    {
        let arn_base = if base == BaseOperator::StringLike {
            BaseOperator::ArnLike
        } else {
            BaseOperator::ArnNotLike
        };
        let fix = block.fix(
            info.name,
            Operator {
                base: arn_base,
                ..operator
            },
        );
        context.push_fix("STRING_LIKE_OPERATOR_WITH_ARN_CONDITION_KEYS", Severity::SecurityWarning, at, path(), format!("{} is an ARN key: use ArnLike/ArnNotLike, which compare each ARN field separately, instead of {}", info.name, base.as_str()), Some(fix));
    }
    match (operator.qualifier, value_type.is_multivalued()) {
        (None, true) => {
            // Which qualifier is right depends on what the statement means: the fix names
            // both and replaces nothing.
            let fix = Fix {
                description: format!("write ForAllValues:{operator} (every value of the request must match) or ForAnyValue:{operator} (at least one must)"),
                replacement: None,
            };
            context.push_fix(
                "MISSING_QUALIFIER",
                Severity::Error,
                at,
                path(),
                format!(
                    "{} is multivalued ({value_type}): write ForAnyValue:{} or ForAllValues:{}",
                    info.name,
                    base.as_str(),
                    base.as_str()
                ),
                Some(fix),
            );
        }
        (Some(SetQualifier::ForAllValues), false) => {
            let fix = block.fix(
                info.name,
                Operator {
                    qualifier: None,
                    ..operator
                },
            );
            context.push_fix("FORALLVALUES_WITH_SINGLE_VALUED_KEY", Severity::SecurityWarning, at, path(), format!("ForAllValues on single-valued key {} also matches requests without the key; write {} without the qualifier", info.name, base.as_str()), Some(fix));
        }
        _ => {}
    }
}

fn family_for(value_type: ValueType) -> &'static str {
    match value_type.element_type() {
        ValueType::String => "String",
        ValueType::Arn => "ARN",
        ValueType::Bool => "Bool",
        ValueType::Numeric => "Numeric",
        ValueType::Date => "Date",
        ValueType::DateOrNumeric => "Date or Numeric",
        ValueType::IpAddress => "IpAddress",
        ValueType::Binary => "Binary",
        _ => "Null",
    }
}

fn check_values(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    path: &dyn Fn() -> String,
    operator: Operator,
    info: &KeyInfo,
    values: &[ConditionValue],
) {
    let family = operator.base.family();
    if values.is_empty() {
        context.push(
            "EMPTY_ARRAY_CONDITION",
            Severity::Suggestion,
            at,
            path(),
            format!("{} has no values, so the condition cannot match", info.name),
        );
    }
    if family == OperatorFamily::Bool && values.len() > 1 {
        context.push(
            "INVALID_CONDITION_MULTIPLE_BOOLEAN",
            Severity::Error,
            at,
            path(),
            format!(
                "{} takes one Boolean value, not {}",
                info.name,
                values.len()
            ),
        );
    }
    for value in values {
        let text = value.as_text();
        let text = text.as_ref();
        check_empty_variable(context, at, path, text);
        let (valid, code, severity, expected) = match family {
            OperatorFamily::Bool | OperatorFamily::Null => (
                text.eq_ignore_ascii_case("true") || text.eq_ignore_ascii_case("false"),
                "TYPE_MISMATCH_BOOLEAN",
                Severity::Warning,
                "true or false",
            ),
            OperatorFamily::Numeric => (
                is_number(text),
                "TYPE_MISMATCH_NUMBER",
                Severity::Warning,
                "a number",
            ),
            OperatorFamily::Date => (
                is_iso_date(text) || is_epoch(text),
                "TYPE_MISMATCH_DATE",
                Severity::Warning,
                "an ISO 8601 date such as 2024-01-31T12:00:00Z, or epoch seconds",
            ),
            OperatorFamily::Ip => (
                is_cidr(text),
                "TYPE_MISMATCH_IP_RANGE",
                Severity::Error,
                "an IPv4 or IPv6 address or CIDR block",
            ),
            OperatorFamily::Binary => (
                is_base64(text),
                "TYPE_MISMATCH_STRING",
                Severity::Warning,
                "a base64 string",
            ),
            OperatorFamily::String | OperatorFamily::Arn => (true, "", Severity::Info, ""),
        };
        if !valid {
            context.push(
                code,
                severity,
                at,
                path(),
                format!(
                    "value {text:?} of {} is not valid for {}: expected {expected}",
                    info.name,
                    operator.base.as_str()
                ),
            );
        }
        if family == OperatorFamily::String && !operator.base.is_like() && has_bare_wildcard(text) {
            context.push("WILDCARD_WITHOUT_LIKE_OPERATOR", Severity::Warning, at, path(), format!("value {text:?} contains * or ?, which {} compares literally; use StringLike to match a pattern", operator.base.as_str()));
        }
    }
}

/// EMPTY_VARIABLE: a `${}` in a Resource or condition value of a policy with variables.
fn check_empty_variable(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    path: &dyn Fn() -> String,
    text: &str,
) {
    if context.variables && text.contains("${}") {
        context.push("EMPTY_VARIABLE", Severity::Error, at, path(), format!("{text:?} has an empty policy variable ${{}}: name a request value inside it, such as ${{aws:username}}, or remove it"));
    }
}

/// DUPLICATE_KEYS_WITH_DIFFERENT_CASE: a key written earlier in the same operator block with
/// other capitalization. Key names are not case-sensitive, so both are the same key; only a
/// difference before the tag key (`aws:resourcetag/team`, `aws:ResourceTag/team`) counts, since
/// the tag key after `/` is left to the services.
fn check_key_case(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    path: &dyn Fn() -> String,
    key: &str,
    earlier: &[crate::policy::ConditionEntry],
) {
    let same_key = |other: &str| {
        other != key
            && other.eq_ignore_ascii_case(key)
            && other.split_once('/').map(|(_, tail)| tail)
                == key.split_once('/').map(|(_, tail)| tail)
    };
    if let Some(other) = earlier.iter().find(|other| same_key(other.key.as_str())) {
        context.push("DUPLICATE_KEYS_WITH_DIFFERENT_CASE", Severity::Error, at, path(), format!("condition key {key:?} is also in this block as {:?}: key names are not case-sensitive, so this is the same key twice; keep one of them", other.key.as_str()));
    }
}

/// Whether `text` is one policy variable and nothing else: `${aws:SourceIp}`.
fn is_lone_variable(text: &str) -> bool {
    text.strip_prefix("${")
        .and_then(|rest| rest.strip_suffix('}'))
        .is_some_and(|inner| !inner.is_empty() && !inner.contains(['{', '}', '$']))
}

/// `*` or `?` outside `${...}` policy variables.
fn has_bare_wildcard(text: &str) -> bool {
    let mut depth = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'$' if bytes.get(at + 1) == Some(&b'{') => {
                depth += 1;
                at += 1;
            }
            b'}' if depth > 0 => depth -= 1,
            b'*' | b'?' if depth == 0 => return true,
            _ => {}
        }
        at += 1;
    }
    false
}

fn check_key_support(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    path: &dyn Fn() -> String,
    operator: Operator,
    info: &KeyInfo,
    scope: &KeyScope<'_, '_>,
) -> bool {
    let KeyScope {
        statement,
        listed: arns,
        granted,
    } = *scope;
    // Only keys of a loaded catalog say which actions support them.
    let Some(prefix) = info.catalog_prefix else {
        return false;
    };
    // A bare "*" grants every action, some of which may support the key, yet resolves to no
    // catalog entry; like any wildcard it leaves the key's support open.
    let grants_all = statement
        .action
        .as_ref()
        .is_some_and(|action| action.items().iter().any(|item| item.as_str() == "*"));
    let mut named = Vec::new();
    let same_service = granted
        .iter()
        .filter(|action| action.catalog.prefix.eq_ignore_ascii_case(prefix));
    for action in same_service {
        match action.facts {
            Some(facts) => named.push((action.catalog, facts)),
            // So does a pattern of the service.
            None => return false,
        }
    }
    if grants_all || named.is_empty() {
        return false;
    }
    let supported = named.iter().any(|&(catalog, facts)| {
        facts
            .condition_keys
            .iter()
            .any(|key| key.eq_ignore_ascii_case(info.name))
            || facts.resource_types.iter().any(|row| {
                // With no list, every resource type may be present.
                let present = arns.is_none_or(|arns| {
                    arns.iter()
                        .any(|arn| catalog.parts_fit(&row.resource_type, arn))
                });
                present
                    && (row
                        .condition_keys
                        .iter()
                        .any(|key| key.eq_ignore_ascii_case(info.name))
                        || catalog.resource_type(&row.resource_type).is_some_and(|rt| {
                            rt.condition_keys
                                .iter()
                                .any(|key| key.eq_ignore_ascii_case(info.name))
                        }))
            })
    });
    if !supported {
        let names: Vec<String> = named
            .iter()
            .map(|(_, facts)| format!("{prefix}:{}", facts.name))
            .collect();
        let outcome = absent_key_outcome(operator, statement.effect);
        context.push("UNSUPPORTED_ACTION_FOR_CONDITION_KEY", Severity::Error, at, path(), format!("no action of this statement supports {} ({}), so the key is never in their requests: {outcome}", info.name, names.join(", ")));
    }
    !supported
}

/// The part of a catalog key's name before its parameter: `aws:ResourceTag/` of
/// `aws:ResourceTag/${TagKey}`; the whole name of a key without one.
fn key_stem(name: &str) -> &str {
    name.find("${").map_or(name, |at| &name[..at])
}

/// Whether a resolved key is a resource or request tag key: `aws:ResourceTag/...`,
/// `aws:RequestTag/...`, `aws:TagKeys`, or a loaded service's own (`sagemaker:ResourceTag/...`).
/// `aws:PrincipalTag` is about the caller, not the resource, and every request carries it.
fn is_tag_key(info: &KeyInfo) -> bool {
    let Some((prefix, rest)) = info.name.split_once(':') else {
        return false;
    };
    let service_key = info.catalog_prefix.is_some();
    let global_key = info.global && prefix.eq_ignore_ascii_case("aws") && info.value_type.is_some();
    (service_key || global_key)
        && (starts_with_ignore_case(rest, "ResourceTag/")
            || starts_with_ignore_case(rest, "RequestTag/")
            || rest.eq_ignore_ascii_case("TagKeys"))
}

fn starts_with_ignore_case(text: &str, head: &str) -> bool {
    text.as_bytes()
        .get(..head.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(head.as_bytes()))
}

/// Whether the catalog lists the tag key `stem` (see [`key_stem`]) for the action: among its
/// own keys, on a resource type row, or among the keys of a resource type it lists. An action
/// that lists a resource type the catalog lacks is taken to support it: there is nothing to
/// compare with.
fn action_lists_key(catalog: &ServiceCatalog, facts: &ActionFacts, stem: &str) -> bool {
    let listed = |keys: &[String]| {
        keys.iter()
            .any(|key| key_stem(key).eq_ignore_ascii_case(stem))
    };
    listed(&facts.condition_keys)
        || facts.resource_types.iter().any(|row| {
            listed(&row.condition_keys)
                || catalog
                    .resource_type(&row.resource_type)
                    .is_none_or(|rt| listed(&rt.condition_keys))
        })
}

/// ALLOW_/DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE: the actions of a statement
/// (named, or patterns none of whose actions support the key) whose catalog does not list a
/// tag key the condition uses; their requests never carry it. With NotAction,
/// ALLOW_/DENY_NOTACTION_...: one action of a loaded catalog that the statement covers and
/// that does not support the key shows that the condition cannot apply to all it covers.
/// Actions of services without a loaded catalog, and `"*"`, are never reported.
fn check_tag_key_support(
    context: &mut Context<'_>,
    at: Option<(usize, &Statement)>,
    path: &dyn Fn() -> String,
    operator: Operator,
    info: &KeyInfo,
    written: &str,
    scope: &KeyScope<'_, '_>,
) {
    let statement = scope.statement;
    let Some(action_element) = &statement.action else {
        return;
    };
    let stem = key_stem(info.name);
    // A service's own key is only ever in its own actions' requests: the key of another
    // service's action is another check's business (UNSUPPORTED_ACTION_FOR_CONDITION_KEY).
    let of_key_service = |catalog: &ServiceCatalog| {
        info.catalog_prefix
            .is_none_or(|prefix| catalog.prefix.eq_ignore_ascii_case(prefix))
    };
    let deny = statement.effect == crate::policy::Effect::Deny;
    let outcome = absent_key_outcome(operator, statement.effect);
    match action_element {
        ActionElement::Action(items) => {
            let mut unsupported: Vec<String> = Vec::new();
            for action in scope
                .granted
                .iter()
                .filter(|action| of_key_service(action.catalog))
            {
                let catalog = action.catalog;
                match action.facts {
                    Some(facts) => {
                        if !action_lists_key(catalog, facts, stem) {
                            unsupported.push(format!("{}:{}", catalog.prefix, facts.name));
                        }
                    }
                    None => {
                        let text = items.as_slice()[action.path.position.unwrap_or(0)].as_str();
                        let name = text.split_once(':').map_or(text, |(_, name)| name);
                        if !catalog
                            .matching(name)
                            .any(|facts| action_lists_key(catalog, facts, stem))
                        {
                            unsupported.push(format!("{text} (none of the actions it matches)"));
                        }
                    }
                }
            }
            if unsupported.is_empty() {
                return;
            }
            let (code, severity) = if deny {
                (
                    "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
                    Severity::SecurityWarning,
                )
            } else {
                (
                    "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
                    Severity::Suggestion,
                )
            };
            context.push(code, severity, at, path(), format!("{written} is not supported by {}: the catalog lists it neither for the action nor for its resource types, so their requests never carry it and, for them, {outcome}; move them to a statement without this key", unsupported.join(", ")));
        }
        ActionElement::NotAction(items) => {
            let excluded = |catalog: &ServiceCatalog, facts: &ActionFacts| {
                items.iter().any(|item| {
                    let text = item.as_str();
                    text == "*"
                        || text.split_once(':').is_some_and(|(prefix, name)| {
                            wildcard_match_ignore_case(prefix, &catalog.prefix)
                                && wildcard_match_ignore_case(name, &facts.name)
                        })
                })
            };
            let validator = context.validator;
            let example = validator
                .catalogs()
                .iter()
                .filter(|catalog| of_key_service(catalog))
                .find_map(|catalog| {
                    catalog
                        .actions()
                        .iter()
                        .find(|facts| {
                            !excluded(catalog, facts) && !action_lists_key(catalog, facts, stem)
                        })
                        .map(|facts| format!("{}:{}", catalog.prefix, facts.name))
                });
            let Some(example) = example else {
                return;
            };
            let (code, severity, effect) = if deny {
                (
                    "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
                    Severity::SecurityWarning,
                    "Deny",
                )
            } else {
                (
                    "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE",
                    Severity::Suggestion,
                    "Allow",
                )
            };
            context.push(code, severity, at, path(), format!("{effect} with NotAction covers actions that do not support {written}, such as {example}, whose requests never carry it: for them, {outcome}; list the actions in Action instead"));
        }
    }
}

/// What a condition on a key the request never carries does: IAM evaluates a missing key as
/// true for `...IfExists`, negated operators and `ForAllValues`, as false otherwise.
fn absent_key_outcome(operator: Operator, effect: crate::policy::Effect) -> String {
    use BaseOperator::*;
    let negated = matches!(
        operator.base,
        StringNotEquals
            | StringNotEqualsIgnoreCase
            | StringNotLike
            | NumericNotEquals
            | DateNotEquals
            | NotIpAddress
            | ArnNotEquals
            | ArnNotLike
    );
    if operator.base == Null {
        return "Null on it always gives the same answer, so the condition restricts nothing"
            .to_owned();
    }
    let matches_absent = match operator.qualifier {
        Some(SetQualifier::ForAllValues) => true,
        Some(SetQualifier::ForAnyValue) => operator.if_exists,
        None => operator.if_exists || negated,
    };
    if matches_absent {
        format!("{operator} always matches a missing key, so the condition restricts nothing")
    } else {
        let verb = match effect {
            crate::policy::Effect::Allow => "grants",
            crate::policy::Effect::Deny => "denies",
        };
        format!("{operator} never matches a missing key, so the statement {verb} nothing")
    }
}

fn check_dependent_actions(
    context: &mut Context<'_>,
    statements: &[Statement],
    granted: &[(usize, Vec<Granted<'_>>)],
) {
    // Each Allow's items, split once into plain names (compared for equality) and patterns.
    let allows: Vec<(bool, Vec<&str>, Vec<&str>)> = statements
        .iter()
        .filter(|statement| statement.effect == crate::policy::Effect::Allow)
        .filter_map(|statement| statement.action.as_ref())
        .map(|element| {
            let (patterns, plain): (Vec<&str>, Vec<&str>) = element
                .items()
                .iter()
                .map(|item| item.as_str())
                .partition(|text| has_wildcard(text));
            (
                matches!(element, ActionElement::NotAction(_)),
                plain,
                patterns,
            )
        })
        .collect();
    let is_allowed = |dependent: &str| {
        allows.iter().any(|(not_action, plain, patterns)| {
            let named = plain
                .iter()
                .any(|text| text.eq_ignore_ascii_case(dependent))
                || patterns
                    .iter()
                    .any(|pattern| wildcard_match_ignore_case(pattern, dependent));
            // An Allow with NotAction grants every action it does not list.
            named != *not_action
        })
    };
    // Many actions share a dependent action (iam:PassRole); answer each once.
    let mut answers: HashMap<&str, bool> = HashMap::new();
    // And many pass roles to the same services.
    let mut passes: HashMap<&[&str], Option<Vec<Excluding>>> = HashMap::new();
    for (index, actions) in granted {
        let statement = &statements[*index];
        for (catalog, facts, path) in actions.iter().filter_map(Granted::named) {
            let (operation, needs) = needed_actions(catalog, facts);
            for need in needs {
                let covered = *answers
                    .entry(need.name)
                    .or_insert_with(|| is_allowed(need.name));
                let at = Some((*index, statement));
                if !covered {
                    let mut reasons = Vec::new();
                    if need.page {
                        reasons.push("the page lists it as a dependent action".to_owned());
                    }
                    if let (Some(operation), Some(authorization)) = (operation, need.reference) {
                        reasons.push(format!(
                            "the {operation} API call is also authorized against {}{}, per AWS's service reference",
                            need.name,
                            authorization_context(authorization)
                        ));
                    }
                    let why = if need.reference.is_some() {
                        // The reference lists every action a call may be authorized
                        // against, without saying which requests need which (AddTags only
                        // when tags are given), so this stays a suggestion.
                        "; it is needed only when the request uses the feature it serves (the reference lists every action a call may be authorized against, not which requests need which)"
                    } else {
                        ", needed only when the request uses the feature it serves"
                    };
                    context.push("MISSING_DEPENDENT_ACTION", Severity::Suggestion, at, path.to_string(), format!("{}:{} may also need {}, which no Allow statement of the policy grants: {}{why}", catalog.prefix, facts.name, need.name, reasons.join(", and ")));
                    continue;
                }
                // Granted, but maybe only to other services.
                let (Some(operation), Some(authorization)) = (operation, need.reference) else {
                    continue;
                };
                if !(need.name.eq_ignore_ascii_case("iam:PassRole")
                    && authorization
                        .condition_key()
                        .is_some_and(|key| key.eq_ignore_ascii_case(PASSED_TO_SERVICE))
                    && !authorization.values().is_empty())
                {
                    continue;
                }
                let services = authorization.values();
                let excluded = passes
                    .entry(services)
                    .or_insert_with(|| pass_role_excludes(statements, services));
                if let Some(excluding) = excluded {
                    let wanted = services.join(" or ");
                    let allowed = excluding
                        .iter()
                        .map(|(statement, values)| {
                            format!("{} in statement {statement}", values.join(", "))
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    context.push("PASS_ROLE_SERVICE_MISMATCH", Severity::Suggestion, at, path.to_string(), format!("{}:{} passes its role to {wanted} when the request names one (the {operation} API call is authorized against iam:PassRole{}, per AWS's service reference), but this policy lets roles be passed only with iam:PassedToService {allowed}; add {wanted} to that condition, or allow iam:PassRole on the execution role for {wanted} in a statement of its own", catalog.prefix, facts.name, authorization_context(authorization)));
                }
            }
        }
    }
}

/// An Allow statement's index, and the `iam:PassedToService` values it lets roles be passed to.
type Excluding = (usize, Vec<String>);

/// `iam:PassedToService`, the key AWS's service reference gives `iam:PassRole` authorizations.
const PASSED_TO_SERVICE: &str = "iam:PassedToService";

/// An action a granted action may also need, from the page's dependent actions, the service
/// reference's operation of the same name, or both.
struct Needed<'a> {
    /// `iam:PassRole`.
    name: &'a str,
    /// The page lists it as a dependent action.
    page: bool,
    /// The operation of the same name is authorized against it, with this condition context.
    reference: Option<&'static Authorization>,
}

/// What an action of `catalog` may also need: its page's dependent actions, then the other
/// actions the SageMaker API operation of the same name is authorized against (SageMaker's
/// catalog only), each once; with the operation.
fn needed_actions<'a>(
    catalog: &ServiceCatalog,
    facts: &'a ActionFacts,
) -> (Option<Operation>, Vec<Needed<'a>>) {
    let mut needs: Vec<Needed<'a>> = facts
        .dependent_actions
        .iter()
        .map(|name| Needed {
            name,
            page: true,
            reference: None,
        })
        .collect();
    let operation = catalog
        .prefix
        .eq_ignore_ascii_case(SERVICE_PREFIX)
        .then(|| Operation::from_name(&facts.name))
        .flatten();
    for authorization in operation.map_or(&[][..], Operation::authorized_actions) {
        let name = authorization.action_name();
        let own = name.split_once(':').is_some_and(|(prefix, action)| {
            prefix.eq_ignore_ascii_case(&catalog.prefix) && action.eq_ignore_ascii_case(&facts.name)
        });
        if own {
            continue;
        }
        match needs
            .iter_mut()
            .find(|need| need.name.eq_ignore_ascii_case(name))
        {
            Some(need) => need.reference = Some(authorization),
            None => needs.push(Needed {
                name,
                page: false,
                reference: Some(authorization),
            }),
        }
    }
    (operation, needs)
}

/// ` (iam:PassedToService = sagemaker.amazonaws.com)`, or nothing for an authorization without
/// a condition context.
fn authorization_context(authorization: &Authorization) -> String {
    match authorization.condition_key() {
        Some(key) if !authorization.values().is_empty() => {
            format!(" ({key} = {})", authorization.values().join(" or "))
        }
        _ => String::new(),
    }
}

/// The Allow statements that grant `iam:PassRole` on resources that could be a role but only
/// with an `iam:PassedToService` none of whose values can be any of `services`, with the
/// values they allow; `None` when some Allow statement could let a role be passed to one of
/// `services` (or none restricts the key that way).
///
/// Conservative: a statement counts as excluding the services only under a plain
/// `StringEquals`, `StringEqualsIgnoreCase` or `StringLike` (no set qualifier, no `IfExists`)
/// on the key, all of whose values are strings without policy variables, none matching any of
/// the services ignoring case, as a wildcard pattern under any of the three operators. Every
/// other Allow statement granting `iam:PassRole` on resources that could be a role (any other
/// operator on the key, `NotAction` that does not exclude it, `NotResource`) is taken to
/// allow passing roles to the services, and no finding is made.
fn pass_role_excludes(statements: &[Statement], services: &[&str]) -> Option<Vec<Excluding>> {
    let mut excluding = Vec::new();
    for (index, statement) in statements.iter().enumerate() {
        if statement.effect != crate::policy::Effect::Allow {
            continue;
        }
        let covers = |item: &crate::policy::ActionItem| {
            wildcard_match_ignore_case(item.as_str(), "iam:PassRole")
        };
        let grants = match &statement.action {
            Some(ActionElement::Action(items)) => items.iter().any(covers),
            Some(ActionElement::NotAction(items)) => !items.iter().any(covers),
            None => false,
        };
        let could_be_role = match &statement.resource {
            Some(ResourceElement::Resource(items)) => {
                items.iter().any(|item| could_be_role(item.as_str()))
            }
            Some(ResourceElement::NotResource(_)) => true,
            None => false,
        };
        if !grants || !could_be_role {
            continue;
        }
        let restriction = statement
            .condition
            .iter()
            .flat_map(|condition| &condition.blocks)
            .find_map(|block| {
                let operator = block.operator()?;
                let plain = operator.qualifier.is_none()
                    && !operator.if_exists
                    && matches!(
                        operator.base,
                        BaseOperator::StringEquals
                            | BaseOperator::StringEqualsIgnoreCase
                            | BaseOperator::StringLike
                    );
                if !plain {
                    return None;
                }
                let entry = block
                    .entries
                    .iter()
                    .find(|entry| entry.key.as_str().eq_ignore_ascii_case(PASSED_TO_SERVICE))?;
                let values: Vec<String> = entry
                    .values
                    .iter()
                    .map(|value| match value {
                        ConditionValue::String(text) if !text.contains("${") => {
                            Some(text.to_string())
                        }
                        _ => None,
                    })
                    .collect::<Option<_>>()?;
                let excludes = values.iter().all(|value| {
                    services
                        .iter()
                        .all(|service| !wildcard_match_ignore_case(value, service))
                });
                excludes.then_some(values)
            });
        match restriction {
            Some(values) => excluding.push((index, values)),
            // This statement could let a role be passed to the services.
            None => return None,
        }
    }
    (!excluding.is_empty()).then_some(excluding)
}

/// Whether a `Resource` item could match an IAM role's ARN
/// (`arn:PARTITION:iam::ACCOUNT:role/NAME`): `"*"`, a pattern that could, or a role ARN. An item
/// with a policy variable could be anything.
fn could_be_role(item: &str) -> bool {
    if item.contains("${") {
        return true;
    }
    let parts: Vec<&str> = item.splitn(6, ':').collect();
    let [arn, _partition, service, _region, _account, resource] = parts[..] else {
        // Too few fields for an ARN: only a pattern could still match one.
        return has_wildcard(item);
    };
    could_start(arn, "arn", true)
        && could_start(service, "iam", true)
        && could_start(resource, "role/", false)
}

/// Whether some text matched by `pattern` (ignoring case) is `literal` (`whole`) or starts with
/// it: judged from the pattern's text before its first wildcard.
fn could_start(pattern: &str, literal: &str, whole: bool) -> bool {
    let fixed_len = pattern.find(['*', '?']).unwrap_or(pattern.len());
    let fixed = pattern[..fixed_len].to_ascii_lowercase();
    let literal = literal.to_ascii_lowercase();
    if fixed_len == pattern.len() {
        // No wildcard: the text is the pattern.
        return if whole {
            fixed == literal
        } else {
            fixed.starts_with(&literal)
        };
    }
    fixed.starts_with(&literal) || literal.starts_with(&fixed)
}
