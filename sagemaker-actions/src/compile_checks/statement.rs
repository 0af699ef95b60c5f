//! The checks the policy macro runs at compile time, one statement at a time. Each failure
//! stops constant evaluation with a message naming the offending item and what would be valid.

// These functions run during constant evaluation, where the message buffer must be returned by
// value (nothing can be boxed); its size costs nothing at run time.
#![allow(clippy::result_large_err)]

use super::arn_fields::{check_builder, check_literal_arn, check_sid, contains_variable};
use super::message::{str_eq, Message};
use super::refs::{
    classify_action_literal, ActionLiteral, ActionRef, BlockRef, ConditionRef, KeyRef,
    ResourceListRef, ResourceRef, StatementRefs, ValueRef,
};
use super::values::{expected_values, literal_fits, literal_kind};
use crate::arn_match::{
    arn_could_match_format, arn_service, is_arn_syntax, literal_start, literal_starts_agree,
};
use crate::policy::{Operator, OperatorFamily, SetQualifier};
use crate::wildcard::wildcard_match_ignore_case;
use crate::{Action, ConditionKey, ResourceType, ResourceTypeRef, ValueType, SERVICE_PREFIX};

/// A check's result: the message of the first failure. Returned rather than panicked here so
/// that the panic happens in the macro's own constant, and the compiler's report points at the
/// user's statement without frames of this crate.
pub type Outcome = Result<(), Message>;

/// `?` for `Outcome`, which `const fn`s cannot use.
macro_rules! propagate {
    ($check:expr) => {
        match $check {
            Ok(()) => {}
            Err(message) => return Err(message),
        }
    };
}

/// Runs every check on a statement; a message starts by naming the statement (its `Sid`, or
/// its first action when it has no literal `Sid`), since the compiler points at the whole
/// `policy!`.
pub const fn check_statement(statement: &StatementRefs) -> Outcome {
    match check_statement_items(statement) {
        Ok(()) => Ok(()),
        Err(message) => Err(named(statement, &message)),
    }
}

const fn named(statement: &StatementRefs, message: &Message) -> Message {
    let mut named = Message::new();
    match statement.sid {
        Some(sid) => {
            named.push("statement ").quoted(sid);
        }
        None => {
            named
                .push("statement without Sid (")
                .push(element(statement.not_action, "Action", "NotAction"))
                .push(" ");
            match statement.actions.first() {
                Some(first) => {
                    push_action(&mut named, *first);
                    if statement.actions.len() > 1 {
                        named.push(", ...");
                    }
                }
                None => {
                    named.push("[]");
                }
            }
            named.push(")");
        }
    }
    named.push(": ").push(message.as_str());
    named
}

/// An action entry as the statement wrote it.
const fn push_action(message: &mut Message, item: ActionRef) {
    match item {
        ActionRef::SageMaker(action) => {
            message.push(action.as_str());
        }
        ActionRef::Dependent(action) => {
            message.push(action.as_str());
        }
        ActionRef::Literal(text) => {
            message.quoted(text);
        }
        ActionRef::Unchecked(text) => {
            message.push("unchecked(").quoted(text).push(")");
        }
    }
}

const fn check_statement_items(statement: &StatementRefs) -> Outcome {
    if let Some(sid) = statement.sid {
        propagate!(check_sid(sid));
    }
    propagate!(check_action_syntax(statement));
    propagate!(check_resource_syntax(statement));
    if !statement.variables {
        propagate!(check_no_variables(statement));
    }
    let mut block = 0;
    while block < statement.conditions.len() {
        let entries = statement.conditions[block].entries;
        let mut index = 0;
        while index < entries.len() {
            propagate!(check_condition(&entries[index]));
            index += 1;
        }
        block += 1;
    }
    propagate!(check_condition_duplicates(statement.conditions));
    if !statement.not_action && has_sagemaker_action(statement) {
        propagate!(check_actions_against_resources(statement));
        propagate!(check_untyped_arns(statement));
        propagate!(check_service_keys(statement));
    }
    Ok(())
}

/// Checks the `Version` literal.
pub const fn check_version(version: &str) -> Outcome {
    if !(str_eq(version, "2012-10-17") || str_eq(version, "2008-10-17")) {
        return Err(*Message::new()
            .push("policy Version ")
            .quoted(version)
            .push(" is not a version of the IAM policy language; use \"2012-10-17\" (or the legacy \"2008-10-17\")"));
    }
    Ok(())
}

const fn check_action_syntax(statement: &StatementRefs) -> Outcome {
    if statement.actions.is_empty() {
        return Err(*Message::new()
            .push(element(statement.not_action, "Action", "NotAction"))
            .push(" list is empty: the statement would match no action; list at least one"));
    }
    let mut index = 0;
    while index < statement.actions.len() {
        match statement.actions[index] {
            ActionRef::Literal(text) => match classify_action_literal(text) {
                ActionLiteral::All | ActionLiteral::SageMaker(_) => {}
                ActionLiteral::SageMakerPattern(pattern) => {
                    if !pattern_matches_any(pattern) {
                        return Err(*Message::new()
                            .push("action pattern ")
                            .quoted(text)
                            .push(" matches no SageMaker action; IAM wildcards are * (any run of characters) and ? (one character)"));
                    }
                }
                ActionLiteral::UnknownSageMaker => {
                    return Err(*Message::new()
                        .push("unknown SageMaker action ")
                        .quoted(text)
                        .push("; write actions as identifiers (Action: [CreateTrainingJob]) so that the compiler suggests the nearest name"));
                }
                ActionLiteral::OtherService => {
                    return Err(*Message::new()
                        .quoted(text)
                        .push(" is not a SageMaker action: write unchecked(")
                        .quoted(text)
                        .push(") for actions of other services, or a typed dependent action such as iam::PassRole"));
                }
                ActionLiteral::Malformed => {
                    return Err(*Message::new()
                        .quoted(text)
                        .push(" is not an IAM action: expected \"*\" or prefix:Name, e.g. \"sagemaker:Describe*\""));
                }
            },
            ActionRef::Unchecked(text) => match classify_action_literal(text) {
                ActionLiteral::OtherService | ActionLiteral::All => {}
                ActionLiteral::Malformed => {
                    return Err(*Message::new()
                        .push("unchecked(")
                        .quoted(text)
                        .push(") is not an IAM action: expected prefix:Name with optional * and ? wildcards, e.g. \"events:PutRule\""));
                }
                _ => {
                    return Err(*Message::new()
                        .push("unchecked(")
                        .quoted(text)
                        .push(") names a SageMaker action, which the catalog checks: write it as an identifier (CreateTrainingJob) or a pattern literal (\"sagemaker:Describe*\")"));
                }
            },
            ActionRef::SageMaker(_) | ActionRef::Dependent(_) => {}
        }
        index += 1;
    }
    Ok(())
}

const fn check_resource_syntax(statement: &StatementRefs) -> Outcome {
    let (items, name) = match statement.resources {
        ResourceListRef::Absent => return Ok(()),
        ResourceListRef::Resource(items) => (items, "Resource"),
        ResourceListRef::NotResource(items) => (items, "NotResource"),
    };
    if items.is_empty() {
        return Err(*Message::new()
            .push(name)
            .push(" list is empty: the statement would match no resource; list ARNs or \"*\""));
    }
    let mut index = 0;
    while index < items.len() {
        match items[index] {
            ResourceRef::Literal(text) => {
                if !str_eq(text, "*") && !is_arn_syntax(text) {
                    return Err(*Message::new()
                        .quoted(text)
                        .push(" is not an ARN (arn:partition:service:region:account:resource) or \"*\"; write unchecked(...) for values known only at run time"));
                }
                if !str_eq(text, "*") {
                    propagate!(check_literal_arn(text));
                }
            }
            ResourceRef::TypedLiteral(resource_type, text) => {
                if is_arn_syntax(text) {
                    propagate!(check_literal_arn(text));
                }
                if !fits_format(text, resource_type) {
                    let mut message = Message::new();
                    message
                        .push("ARN ")
                        .quoted(text)
                        .push(" cannot name a ")
                        .push(resource_type.name())
                        .push(": its ARN format is ");
                    push_formats(&mut message, resource_type);
                    return Err(message);
                }
            }
            ResourceRef::Built(_, args) => propagate!(check_builder(args)),
            ResourceRef::Star | ResourceRef::Typed(_) | ResourceRef::Unchecked => {}
        }
        index += 1;
    }
    Ok(())
}

/// Under Version 2008-10-17, `${...}` is literal text: a policy variable in a literal resource
/// or condition value would be compared as written, never substituted.
const fn check_no_variables(statement: &StatementRefs) -> Outcome {
    let items = match statement.resources {
        ResourceListRef::Absent => &[],
        ResourceListRef::Resource(items) | ResourceListRef::NotResource(items) => items,
    };
    let mut index = 0;
    while index < items.len() {
        if let ResourceRef::Literal(text) | ResourceRef::TypedLiteral(_, text) = items[index] {
            if contains_variable(text) {
                return Err(*Message::new()
                    .push("resource ")
                    .quoted(text)
                    .push(NO_VARIABLES));
            }
        }
        index += 1;
    }
    let mut block = 0;
    while block < statement.conditions.len() {
        let entries = statement.conditions[block].entries;
        let mut entry = 0;
        while entry < entries.len() {
            let values = entries[entry].values;
            let mut value = 0;
            while value < values.len() {
                if let ValueRef::Literal(text) = values[value] {
                    if contains_variable(text) {
                        let mut message = Message::new();
                        message.push("condition value ").push(text).push(" of ");
                        push_key(&mut message, &entries[entry].key);
                        message.push(NO_VARIABLES);
                        return Err(message);
                    }
                }
                value += 1;
            }
            entry += 1;
        }
        block += 1;
    }
    Ok(())
}

const NO_VARIABLES: &str = " has a policy variable, but Version \"2008-10-17\" does not substitute policy variables: ${...} would be compared as literal text; use Version: \"2012-10-17\"";

const fn fits_format(text: &str, resource_type: ResourceType) -> bool {
    str_eq(text, "*") || fits_format_from(text, literal_start(text), resource_type)
}

/// [`fits_format`] for an ARN whose literal start (see [`literal_start`]) the caller found once
/// for many resource types.
const fn fits_format_from(text: &str, literal: &[u8], resource_type: ResourceType) -> bool {
    let formats = resource_type.arn_formats();
    let heads = resource_type.arn_resource_heads();
    let mut index = 0;
    while index < formats.len() {
        // Constant evaluation interprets every step, so the full comparison costs milliseconds;
        // the literal starts rule out almost every other type in a few.
        if literal_starts_agree(literal, heads[index].as_bytes())
            && arn_could_match_format(text, formats[index])
        {
            return true;
        }
        index += 1;
    }
    false
}

const fn push_formats(message: &mut Message, resource_type: ResourceType) {
    let formats = resource_type.arn_formats();
    let mut index = 0;
    while index < formats.len() {
        if index > 0 {
            message.push(" or ");
        }
        message.push(formats[index]);
        index += 1;
    }
}

const fn pattern_matches_any(pattern: &str) -> bool {
    let candidates = candidates(pattern);
    let mut index = 0;
    while index < candidates.len() {
        if wildcard_match_ignore_case(pattern, candidates[index].0) {
            return true;
        }
        index += 1;
    }
    false
}

/// The actions an action-name pattern (without prefix) could match, with their lower-cased
/// names: those starting with its literal head. Constant evaluation would take milliseconds
/// to try the pattern on every action.
const fn candidates(pattern: &str) -> &'static [(&'static str, Action)] {
    let bytes = pattern.as_bytes();
    let mut head = 0;
    while head < bytes.len() && !matches!(bytes[head], b'*' | b'?') {
        head += 1;
    }
    Action::starting_with(bytes.split_at(head).0)
}

/// Whether an entry names SageMaker actions (one, a pattern, or `*`): only then do the
/// catalog's checks apply.
const fn has_sagemaker_action(statement: &StatementRefs) -> bool {
    let mut index = 0;
    while index < statement.actions.len() {
        match statement.actions[index] {
            ActionRef::SageMaker(_) => return true,
            ActionRef::Literal(text) => match classify_action_literal(text) {
                ActionLiteral::All
                | ActionLiteral::SageMaker(_)
                | ActionLiteral::SageMakerPattern(_) => return true,
                _ => {}
            },
            _ => {}
        }
        index += 1;
    }
    false
}

/// What one `Action` entry grants of SageMaker's actions.
#[derive(Clone, Copy)]
enum Grant {
    /// One action.
    One(Action),
    /// The actions an action-name pattern (without prefix) matches; `*` for all of them.
    Matching(&'static str),
    /// No SageMaker action (another service's, or a literal already reported).
    Nothing,
}

const fn grant_of(item: ActionRef) -> Grant {
    match item {
        ActionRef::SageMaker(action) => Grant::One(action),
        ActionRef::Literal(text) => match classify_action_literal(text) {
            ActionLiteral::All => Grant::Matching("*"),
            ActionLiteral::SageMaker(action) => Grant::One(action),
            ActionLiteral::SageMakerPattern(pattern) => Grant::Matching(pattern),
            _ => Grant::Nothing,
        },
        _ => Grant::Nothing,
    }
}

/// Whether a resource of the statement could be of one of the `references`' types (with no
/// resource element, or with `NotResource`, any type could be). Resources are the outer loop,
/// so that a literal ARN's literal start is found once for all the types.
const fn some_type_present(statement: &StatementRefs, references: &[ResourceTypeRef]) -> bool {
    let items = match statement.resources {
        ResourceListRef::Resource(items) => items,
        ResourceListRef::Absent | ResourceListRef::NotResource(_) => return true,
    };
    let mut index = 0;
    while index < items.len() {
        let present = match items[index] {
            ResourceRef::Star => true,
            ResourceRef::Typed(declared)
            | ResourceRef::Built(declared, _)
            | ResourceRef::TypedLiteral(declared, _) => lists_type(references, declared),
            ResourceRef::Literal(text) => {
                str_eq(text, "*") || fits_some_reference(text, literal_start(text), references)
            }
            ResourceRef::Unchecked => false,
        };
        if present {
            return true;
        }
        index += 1;
    }
    false
}

/// Whether an ARN (with its literal start) can name a resource of one of the `references`'
/// types.
const fn fits_some_reference(text: &str, literal: &[u8], references: &[ResourceTypeRef]) -> bool {
    let mut index = 0;
    while index < references.len() {
        if fits_format_from(text, literal, references[index].resource_type()) {
            return true;
        }
        index += 1;
    }
    false
}

const fn has_unchecked(statement: &StatementRefs) -> bool {
    let items = match statement.resources {
        ResourceListRef::Resource(items) => items,
        ResourceListRef::Absent | ResourceListRef::NotResource(_) => return false,
    };
    let mut index = 0;
    while index < items.len() {
        if matches!(items[index], ResourceRef::Unchecked) {
            return true;
        }
        index += 1;
    }
    false
}

const fn has_star(statement: &StatementRefs) -> bool {
    let items = match statement.resources {
        ResourceListRef::Resource(items) => items,
        ResourceListRef::Absent | ResourceListRef::NotResource(_) => return true,
    };
    let mut index = 0;
    while index < items.len() {
        match items[index] {
            ResourceRef::Star => return true,
            ResourceRef::Literal(text) if str_eq(text, "*") => return true,
            _ => {}
        }
        index += 1;
    }
    false
}

/// Checks 2 and 3 for the actions named one by one (patterns are left out, as IAM Access
/// Analyzer leaves them out: a pattern is meant to cover actions of many resource types).
const fn check_actions_against_resources(statement: &StatementRefs) -> Outcome {
    if !matches!(statement.resources, ResourceListRef::Resource(_)) || has_star(statement) {
        return Ok(());
    }
    let mut index = 0;
    while index < statement.actions.len() {
        let action = match statement.actions[index] {
            ActionRef::SageMaker(action) => Some(action),
            ActionRef::Literal(text) => match classify_action_literal(text) {
                ActionLiteral::SageMaker(action) => Some(action),
                _ => None,
            },
            _ => None,
        };
        if let Some(action) = action {
            propagate!(check_action_resources(statement, action));
        }
        index += 1;
    }
    Ok(())
}

const fn check_action_resources(statement: &StatementRefs, action: Action) -> Outcome {
    let references = action.resource_types();
    if references.is_empty() {
        return Err(*Message::new()
            .push(action.as_str())
            .push(" has no resource types: only \"Resource\": \"*\" grants it (add \"*\" to this statement's Resource, or move the action to a statement of its own)"));
    }
    if some_type_present(statement, references) {
        return Ok(());
    }
    let mut message = Message::new();
    message
        .push(action.as_str())
        .push(" applies to no resource of this statement; it accepts ");
    let mut index = 0;
    while index < references.len() {
        if index > 0 {
            message.push(", ");
        }
        let reference = references[index];
        message.push(reference.resource_type().name());
        if reference.is_required() {
            message.push(" (required)");
        }
        index += 1;
    }
    message.push(", or \"*\"; e.g. ");
    push_formats(&mut message, references[0].resource_type());
    if has_unchecked(statement) {
        message.push("; unchecked(..) resources count as no resource type, since they could be any text: for a SageMaker ARN known only at run time, write `value as Type` with `let value = arn::Type::parse(&text)?`");
    }
    Err(message)
}

/// Check 4 for untyped SageMaker ARN literals: each must be able to name a resource type that
/// some SageMaker action of the statement accepts.
const fn check_untyped_arns(statement: &StatementRefs) -> Outcome {
    let items = match statement.resources {
        ResourceListRef::Resource(items) => items,
        _ => return Ok(()),
    };
    let mut index = 0;
    while index < items.len() {
        if let ResourceRef::Literal(text) = items[index] {
            if !str_eq(text, "*")
                && str_eq(arn_service(text), SERVICE_PREFIX)
                && !fits_some_granted_type(statement, text)
            {
                let mut message = Message::new();
                message.push("ARN ").quoted(text).push(
                    " matches no resource type of this statement's SageMaker actions; they accept ",
                );
                push_granted_types(&mut message, statement);
                return Err(message);
            }
        }
        index += 1;
    }
    Ok(())
}

const fn fits_some_granted_type(statement: &StatementRefs, text: &'static str) -> bool {
    some_granted_action(
        statement,
        Question::Fits {
            arn: text,
            literal: literal_start(text),
        },
    )
}

const fn some_granted_action_accepts(
    statement: &StatementRefs,
    resource_type: ResourceType,
) -> bool {
    some_granted_action(statement, Question::Accepts(resource_type))
}

/// What the checks ask of the SageMaker actions a statement grants.
#[derive(Clone, Copy)]
enum Question {
    /// Whether the action accepts resources of the type.
    Accepts(ResourceType),
    /// Whether the action supports the key, given the statement's resources.
    Supports(ConditionKey),
    /// Whether the ARN (with its literal start, found once) can name a resource of a type the
    /// action accepts.
    Fits {
        arn: &'static str,
        literal: &'static [u8],
    },
}

/// Whether some SageMaker action the statement grants answers `question` yes. The entries are
/// read one by one, each classified once, and a pattern is tried only on its candidates:
/// constant evaluation goes through the whole catalog slowly.
const fn some_granted_action(statement: &StatementRefs, question: Question) -> bool {
    let mut item = 0;
    while item < statement.actions.len() {
        let yes = match grant_of(statement.actions[item]) {
            Grant::One(action) => answers(statement, action, question),
            Grant::Matching(pattern) => {
                let candidates = candidates(pattern);
                let mut index = 0;
                let mut found = false;
                while !found && index < candidates.len() {
                    let (name, action) = candidates[index];
                    found = wildcard_match_ignore_case(pattern, name)
                        && answers(statement, action, question);
                    index += 1;
                }
                found
            }
            Grant::Nothing => false,
        };
        if yes {
            return true;
        }
        item += 1;
    }
    false
}

const fn answers(statement: &StatementRefs, action: Action, question: Question) -> bool {
    match question {
        Question::Accepts(resource_type) => lists_type(action.resource_types(), resource_type),
        Question::Supports(key) => action_supports(statement, action, key),
        Question::Fits { arn, literal } => {
            fits_some_reference(arn, literal, action.resource_types())
        }
    }
}

const fn lists_type(references: &[ResourceTypeRef], resource_type: ResourceType) -> bool {
    let mut index = 0;
    while index < references.len() {
        if references[index].resource_type() as usize == resource_type as usize {
            return true;
        }
        index += 1;
    }
    false
}

const fn push_granted_types(message: &mut Message, statement: &StatementRefs) {
    let mut listed = 0;
    let mut index = 0;
    while index < ResourceType::ALL.len() {
        let resource_type = ResourceType::ALL[index];
        if some_granted_action_accepts(statement, resource_type) {
            if listed > 0 {
                message.push(", ");
            }
            message.push(resource_type.name()).push(" (");
            push_formats(message, resource_type);
            message.push(")");
            listed += 1;
        }
        index += 1;
    }
    if listed == 0 {
        message.push("no resource type (only \"*\")");
    }
}

/// Check 5: a SageMaker condition key must be supported by a granted action, through its own
/// keys, the keys on the rows of resource types present, or those types' keys.
const fn check_service_keys(statement: &StatementRefs) -> Outcome {
    let mut block = 0;
    while block < statement.conditions.len() {
        propagate!(check_block_keys(
            statement,
            statement.conditions[block].entries
        ));
        block += 1;
    }
    Ok(())
}

const fn check_block_keys(statement: &StatementRefs, entries: &[ConditionRef]) -> Outcome {
    let mut index = 0;
    while index < entries.len() {
        let condition = entries[index];
        if let Some(key) = condition.key.key {
            if !key.is_global() && !key_supported(statement, key) {
                let mut message = Message::new();
                message
                    .push("condition key ")
                    .push(key.name())
                    .push(" is not supported by any action of this statement (");
                push_named_actions(&mut message, statement);
                message.push("); keys they support here: ");
                push_supported_keys(&mut message, statement);
                return Err(message);
            }
        }
        index += 1;
    }
    Ok(())
}

const fn key_supported(statement: &StatementRefs, key: ConditionKey) -> bool {
    some_granted_action(statement, Question::Supports(key))
}

const fn action_supports(statement: &StatementRefs, action: Action, key: ConditionKey) -> bool {
    if contains_key(action.condition_keys(), key) {
        return true;
    }
    let references = action.resource_types();
    let mut index = 0;
    while index < references.len() {
        let reference = &references[index];
        // The keys first: comparing the statement's ARNs with the type is the costly part.
        if (contains_key(reference.condition_keys(), key)
            || contains_key(reference.resource_type().condition_keys(), key))
            && some_type_present(statement, core::slice::from_ref(reference))
        {
            return true;
        }
        index += 1;
    }
    false
}

const fn contains_key(keys: &[ConditionKey], key: ConditionKey) -> bool {
    let mut index = 0;
    while index < keys.len() {
        if keys[index] as usize == key as usize {
            return true;
        }
        index += 1;
    }
    false
}

const fn push_named_actions(message: &mut Message, statement: &StatementRefs) {
    let mut index = 0;
    let mut listed = 0;
    while index < statement.actions.len() {
        let text = match statement.actions[index] {
            ActionRef::SageMaker(action) => action.as_str(),
            ActionRef::Literal(text) => text,
            _ => "",
        };
        if !str_eq(text, "") {
            if listed > 0 {
                message.push(", ");
            }
            message.push(text);
            listed += 1;
        }
        index += 1;
    }
}

const fn push_supported_keys(message: &mut Message, statement: &StatementRefs) {
    let mut listed = 0;
    let mut index = 0;
    while index < ConditionKey::ALL.len() {
        let key = ConditionKey::ALL[index];
        if !key.is_global() && key_supported(statement, key) {
            if listed > 0 {
                message.push(", ");
            }
            message.push(key.name());
            listed += 1;
        }
        index += 1;
    }
    if listed == 0 {
        message.push("none besides the global aws: keys");
    }
}

/// Check 10: JSON keeps one value per object key, so a reader of a `Condition` with two blocks
/// of one operator, or a block with one key twice, keeps the last and drops a condition. Both
/// are refused rather than merged: the policy's JSON stays the statement as written.
const fn check_condition_duplicates(blocks: &[BlockRef]) -> Outcome {
    let mut block = 0;
    while block < blocks.len() {
        let operator = blocks[block].operator;
        let mut earlier = 0;
        while earlier < block {
            if same_operator(blocks[earlier].operator, operator) {
                let mut message = Message::new();
                message.push("Condition has two ");
                push_operator(&mut message, operator);
                message.push(" blocks; JSON keeps one value per key, so a reader would drop one of them: write their keys in one block, ");
                push_operator(&mut message, operator);
                message.push(": { ");
                push_keys(&mut message, blocks[earlier].entries);
                message.push(", ");
                push_keys(&mut message, blocks[block].entries);
                message.push(" } (keys of one block must all match)");
                return Err(message);
            }
            earlier += 1;
        }
        let entries = blocks[block].entries;
        let mut index = 0;
        while index < entries.len() {
            let mut previous = 0;
            while previous < index {
                if entries[previous].key.same_key(&entries[index].key) {
                    let mut message = Message::new();
                    message.push("condition key ");
                    push_key(&mut message, &entries[index].key);
                    message.push(" appears twice under ");
                    push_operator(&mut message, operator);
                    message.push("; JSON keeps one value per key, so a reader would drop one: list its values in one array (");
                    push_key(&mut message, &entries[index].key);
                    message.push(": [value1, value2], which matches when any value matches), or test the second value under another operator");
                    return Err(message);
                }
                previous += 1;
            }
            index += 1;
        }
        block += 1;
    }
    Ok(())
}

const fn same_operator(a: Operator, b: Operator) -> bool {
    let same_qualifier = match (a.qualifier, b.qualifier) {
        (None, None) => true,
        (Some(x), Some(y)) => x as usize == y as usize,
        _ => false,
    };
    same_qualifier && a.base as usize == b.base as usize && a.if_exists == b.if_exists
}

const fn push_operator(message: &mut Message, operator: Operator) {
    if let Some(qualifier) = operator.qualifier {
        message.push(qualifier.as_str()).push(":");
    }
    message.push(operator.base.as_str());
    if operator.if_exists {
        message.push("IfExists");
    }
}

const fn push_key(message: &mut Message, key: &KeyRef) {
    if !key.has_parameter {
        message.push(key.text);
        return;
    }
    // The catalog name ends in its placeholder (aws:ResourceTag/${TagKey}), which the
    // parameter replaces.
    let text = key.text.as_bytes();
    let mut end = 0;
    while end + 1 < text.len() && !(text[end] == b'$' && text[end + 1] == b'{') {
        end += 1;
    }
    if end + 1 >= text.len() {
        message.push(key.text).push("/");
    } else {
        let (head, _) = text.split_at(end);
        match core::str::from_utf8(head) {
            Ok(head) => message.push(head),
            Err(_) => message.push(key.text),
        };
    }
    // A literal parameter's source text is quoted ("team"); a run-time one is an expression.
    let parameter = key.parameter.as_bytes();
    if parameter.len() >= 2 && parameter[0] == b'"' && parameter[parameter.len() - 1] == b'"' {
        let (inner, _) = parameter.split_at(parameter.len() - 1);
        let (_, inner) = inner.split_at(1);
        match core::str::from_utf8(inner) {
            Ok(inner) => message.push(inner),
            Err(_) => message.push(key.parameter),
        };
    } else {
        message.push("{").push(key.parameter).push("}");
    }
}

const fn push_keys(message: &mut Message, entries: &[ConditionRef]) {
    let mut index = 0;
    while index < entries.len() {
        if index > 0 {
            message.push(", ");
        }
        push_key(message, &entries[index].key);
        message.push(": ...");
        index += 1;
    }
}

/// Checks 6, 7 and 8 for one key of one operator block, and the key's parameter.
const fn check_condition(condition: &ConditionRef) -> Outcome {
    let operator = condition.operator;
    let base = operator.base;
    let family = base.family();
    if matches!(family, OperatorFamily::Null) && operator.if_exists {
        return Err(*Message::new()
            .push("NullIfExists is not an operator: Null already tests whether ")
            .push(condition.key.text)
            .push(" exists; write Null without IfExists"));
    }
    if let Some(key) = condition.key.key {
        if key.is_parameterized() && !condition.key.has_parameter {
            return Err(*Message::new()
                .push("condition key ")
                .push(key.name())
                .push(" needs its parameter: write it with one, e.g. ")
                .push(parameter_example(key)));
        }
        if !key.is_parameterized() && condition.key.has_parameter {
            return Err(*Message::new()
                .push("condition key ")
                .push(key.name())
                .push(" takes no parameter"));
        }
        let value_type = key.value_type();
        if !base.fits(value_type) {
            return Err(*Message::new()
                .push("operator ")
                .push(base.as_str())
                .push(" does not fit condition key ")
                .push(key.name())
                .push(" of type ")
                .push(value_type.as_str())
                .push("; use ")
                .push(operators_for(value_type)));
        }
        if !matches!(family, OperatorFamily::Null) {
            match (operator.qualifier, value_type.is_multivalued()) {
                (None, true) => {
                    return Err(*Message::new()
                        .push("condition key ")
                        .push(key.name())
                        .push(" is multivalued (")
                        .push(value_type.as_str())
                        .push("): write ForAnyValue:")
                        .push(base.as_str())
                        .push(" (some value matches) or ForAllValues:")
                        .push(base.as_str())
                        .push(" (every value matches)"));
                }
                (Some(qualifier), false) => {
                    return Err(*Message::new()
                        .push(match qualifier {
                            SetQualifier::ForAllValues => "ForAllValues:",
                            SetQualifier::ForAnyValue => "ForAnyValue:",
                        })
                        .push(" applies to multivalued keys, but ")
                        .push(key.name())
                        .push(" is single-valued (")
                        .push(value_type.as_str())
                        .push("): write ")
                        .push(base.as_str())
                        .push(" without the qualifier"));
                }
                _ => {}
            }
        }
    }
    let mut index = 0;
    while index < condition.values.len() {
        if let ValueRef::Literal(text) = condition.values[index] {
            if !literal_fits(family, literal_kind(text)) {
                return Err(*Message::new()
                    .push("value ")
                    .push(text)
                    .push(" of ")
                    .push(condition.key.text)
                    .push(" under ")
                    .push(base.as_str())
                    .push(" is not valid: expected ")
                    .push(expected_values(family)));
            }
        }
        index += 1;
    }
    Ok(())
}

const fn parameter_example(key: ConditionKey) -> &'static str {
    if key.is_global() {
        "aws::ResourceTag(\"team\") for aws:ResourceTag/team"
    } else {
        "ResourceTag(\"team\") for sagemaker:ResourceTag/team"
    }
}

const fn operators_for(value_type: ValueType) -> &'static str {
    match value_type.element_type() {
        ValueType::String => "a String operator (StringEquals, StringLike, ...)",
        ValueType::Arn => "an ARN operator (ArnEquals, ArnLike, ...) or a String operator",
        ValueType::Bool => "Bool",
        ValueType::Numeric => "a Numeric operator (NumericEquals, NumericLessThan, ...)",
        ValueType::Date => "a Date operator (DateGreaterThan, DateLessThan, ...)",
        ValueType::DateOrNumeric => "a Date or Numeric operator",
        ValueType::IpAddress => "IpAddress or NotIpAddress",
        ValueType::Binary => "BinaryEquals",
        _ => "Null",
    }
}

const fn element(negated: bool, plain: &'static str, not: &'static str) -> &'static str {
    if negated {
        not
    } else {
        plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ARNs to try against every type: each format filled in, and written with wildcards and
    /// policy variables.
    fn sample_arns() -> Vec<String> {
        let mut arns = vec![
            "arn:aws:sagemaker:*:*:*".to_owned(),
            "arn:aws:sagemaker:us-east-1:123456789012:${aws:username}".to_owned(),
            "arn:aws:sagemaker:us-east-1:123456789012:t*".to_owned(),
            "arn:aws:sagemaker:us-east-1:123456789012:?raining-job/x".to_owned(),
            "arn:aws:sagemaker:us-east-1:123456789012:no-such-type/x".to_owned(),
        ];
        for resource_type in ResourceType::ALL {
            for format in resource_type.arn_formats() {
                let concrete = crate::arn_match::filled_format(format, "x");
                arns.push(concrete.clone());
                arns.push(format!("{}*", &concrete[..concrete.len() - 1]));
            }
        }
        arns
    }

    #[test]
    fn generated_resource_heads_are_the_formats_literal_starts() {
        for resource_type in ResourceType::ALL {
            let heads: Vec<&[u8]> = resource_type
                .arn_resource_heads()
                .iter()
                .map(|head| head.as_bytes())
                .collect();
            let starts: Vec<&[u8]> = resource_type
                .arn_formats()
                .iter()
                .map(|format| literal_start(format))
                .collect();
            assert_eq!(heads, starts, "{}", resource_type.name());
        }
    }

    #[test]
    fn the_literal_start_shortcut_rejects_only_what_the_full_comparison_rejects() {
        for arn in sample_arns() {
            for resource_type in ResourceType::ALL {
                let full = resource_type
                    .arn_formats()
                    .iter()
                    .any(|format| arn_could_match_format(&arn, format));
                assert_eq!(
                    fits_format(&arn, *resource_type),
                    full,
                    "{arn} ~ {}",
                    resource_type.name()
                );
            }
        }
    }

    #[test]
    fn every_filled_in_format_fits_its_own_type() {
        for resource_type in ResourceType::ALL {
            for format in resource_type.arn_formats() {
                let arn = format.replace("${Partition}", "aws");
                assert!(fits_format(&arn, *resource_type), "{arn}");
            }
        }
    }

    #[test]
    fn candidates_are_the_actions_a_pattern_can_match() {
        for pattern in [
            "Describe*",
            "describe*",
            "*",
            "Create?rainingJob",
            "X*",
            "ListT*s",
            "",
        ] {
            let matching: Vec<Action> = Action::ALL
                .iter()
                .copied()
                .filter(|action| wildcard_match_ignore_case(pattern, action.name()))
                .collect();
            let mut found: Vec<Action> = candidates(pattern)
                .iter()
                .filter(|(name, _)| wildcard_match_ignore_case(pattern, name))
                .map(|&(_, action)| action)
                .collect();
            found.sort();
            assert_eq!(found, matching, "{pattern:?}");
            assert_eq!(
                pattern_matches_any(pattern),
                !matching.is_empty(),
                "{pattern:?}"
            );
        }
    }
}

#[cfg(test)]
mod duplicate_tests {
    use super::*;
    use crate::compile_checks::refs::KeyRef;
    use crate::policy::BaseOperator;

    const fn entry(operator: Operator, key: KeyRef) -> ConditionRef {
        ConditionRef {
            operator,
            key,
            values: &[ValueRef::Literal("\"x\"")],
        }
    }

    fn statement(sid: Option<&'static str>, blocks: &'static [BlockRef]) -> StatementRefs {
        StatementRefs {
            sid,
            variables: true,
            not_action: false,
            actions: &[ActionRef::SageMaker(Action::ListModels)],
            resources: ResourceListRef::Resource(&[ResourceRef::Star]),
            conditions: blocks,
        }
    }

    const NOT_EQUALS: Operator = Operator::new(BaseOperator::StringNotEquals);
    const REGION: KeyRef = KeyRef::catalog(ConditionKey::AwsRequestedRegion);
    const ACCOUNT: KeyRef = KeyRef::catalog(ConditionKey::AwsPrincipalAccount);

    fn error(statement: &StatementRefs) -> String {
        match check_statement(statement) {
            Ok(()) => panic!("the statement passed"),
            Err(message) => message.as_str().to_owned(),
        }
    }

    #[test]
    fn two_blocks_of_one_operator_are_refused() {
        const BLOCKS: &[BlockRef] = &[
            BlockRef {
                operator: NOT_EQUALS,
                entries: &[entry(NOT_EQUALS, REGION)],
            },
            BlockRef {
                operator: NOT_EQUALS,
                entries: &[entry(NOT_EQUALS, ACCOUNT)],
            },
        ];
        assert_eq!(
            error(&statement(Some("Fence"), BLOCKS)),
            "statement \"Fence\": Condition has two StringNotEquals blocks; JSON keeps one value per key, so a reader would drop one of them: write their keys in one block, StringNotEquals: { aws:RequestedRegion: ..., aws:PrincipalAccount: ... } (keys of one block must all match)"
        );
    }

    #[test]
    fn one_key_twice_in_a_block_is_refused_and_two_keys_pass() {
        const TWICE: &[BlockRef] = &[BlockRef {
            operator: NOT_EQUALS,
            entries: &[entry(NOT_EQUALS, REGION), entry(NOT_EQUALS, REGION)],
        }];
        let message = error(&statement(None, TWICE));
        assert!(
            message.starts_with("statement without Sid (Action sagemaker:ListModels): condition key aws:RequestedRegion appears twice under StringNotEquals"),
            "{message}"
        );
        const TWO_KEYS: &[BlockRef] = &[BlockRef {
            operator: NOT_EQUALS,
            entries: &[entry(NOT_EQUALS, REGION), entry(NOT_EQUALS, ACCOUNT)],
        }];
        assert!(check_statement(&statement(None, TWO_KEYS)).is_ok());
    }

    #[test]
    fn parameters_decide_whether_keys_are_the_same() {
        let tag = |parameter| KeyRef::parameterized(ConditionKey::AwsRequestTag, parameter);
        assert!(tag("\"team\"").same_key(&tag("\"team\"")));
        assert!(tag("name").same_key(&tag("name")));
        assert!(!tag("\"team\"").same_key(&tag("\"Team\"")));
        assert!(!tag("first").same_key(&tag("second")));
        assert!(!REGION.same_key(&ACCOUNT));
        assert!(KeyRef::unchecked("iam:PassedToService")
            .same_key(&KeyRef::unchecked("iam:PassedToService")));
        let with_qualifier = NOT_EQUALS.with_qualifier(SetQualifier::ForAnyValue);
        assert!(!same_operator(NOT_EQUALS, with_qualifier));
        assert!(!same_operator(NOT_EQUALS, NOT_EQUALS.if_exists()));
        assert!(same_operator(with_qualifier, with_qualifier));
    }

    #[test]
    fn keys_are_named_with_their_parameter() {
        let named = |key: KeyRef| {
            let mut message = Message::new();
            push_key(&mut message, &key);
            message.as_str().to_owned()
        };
        let tag = |parameter| KeyRef::parameterized(ConditionKey::AwsResourceTag, parameter);
        assert_eq!(named(tag("\"team\"")), "aws:ResourceTag/team");
        assert_eq!(named(tag("team_tag")), "aws:ResourceTag/{team_tag}");
        assert_eq!(named(REGION), "aws:RequestedRegion");
    }
}
