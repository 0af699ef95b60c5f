//! The fields of literal ARNs that the validator checks whatever the service: the partition
//! (one of AWS's, lower case), the service (lower case) and the account (12 digits), plus the
//! Region and account that every SageMaker ARN format names. Builders' literal arguments are
//! checked as the fields they fill. Also the `Sid` and policy variables under `2008-10-17`.

// These functions run during constant evaluation, where the message buffer must be returned by
// value (nothing can be boxed); its size costs nothing at run time.
#![allow(clippy::result_large_err)]

use super::message::{str_eq, Message};
use super::refs::BuilderArgs;
use super::statement::Outcome;
use crate::SERVICE_PREFIX;

use crate::arn_match::PARTITIONS;

const PARTITION_LIST: &str =
    "aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc";

/// Whether a policy of this Version substitutes policy variables: only 2012-10-17 does.
pub const fn has_variables(version: &str) -> bool {
    !str_eq(version, "2008-10-17")
}

/// Whether `text` has a `${`.
pub const fn contains_variable(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at + 1 < bytes.len() {
        if bytes[at] == b'$' && bytes[at + 1] == b'{' {
            return true;
        }
        at += 1;
    }
    false
}

/// A field that a wildcard or policy variable leaves open: it is not checked.
const fn is_open(field: &str) -> bool {
    let bytes = field.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'*' || bytes[at] == b'?' {
            return true;
        }
        if bytes[at] == b'$' && at + 1 < bytes.len() && bytes[at + 1] == b'{' {
            return true;
        }
        at += 1;
    }
    false
}

const fn is_account_id(field: &str) -> bool {
    let bytes = field.as_bytes();
    if bytes.len() != 12 {
        return false;
    }
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            return false;
        }
        at += 1;
    }
    true
}

const fn has_upper_case(field: &str) -> bool {
    let bytes = field.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_uppercase() {
            return true;
        }
        at += 1;
    }
    false
}

const fn is_partition(field: &str) -> bool {
    let mut index = 0;
    while index < PARTITIONS.len() {
        if str_eq(field, PARTITIONS[index]) {
            return true;
        }
        index += 1;
    }
    false
}

/// Field `index` (0: `arn`, 1: partition, ..., 4: account) of an ARN, `""` when absent. Colons
/// inside `${...}` do not separate fields.
const fn field(text: &str, index: usize) -> &str {
    let bytes = text.as_bytes();
    let mut seen = 0;
    let mut start = 0;
    let mut at = 0;
    let mut in_variable = false;
    while at < bytes.len() {
        match bytes[at] {
            b'$' if at + 1 < bytes.len() && bytes[at + 1] == b'{' => in_variable = true,
            b'}' => in_variable = false,
            b':' if !in_variable => {
                if seen == index {
                    return sub(text, start, at);
                }
                seen += 1;
                start = at + 1;
            }
            _ => {}
        }
        at += 1;
    }
    ""
}

const fn sub(text: &str, start: usize, end: usize) -> &str {
    let (head, _) = text.as_bytes().split_at(end);
    let (_, part) = head.split_at(start);
    match core::str::from_utf8(part) {
        Ok(part) => part,
        Err(_) => "",
    }
}

/// The partition, service, Region and account fields of a literal ARN (the caller has checked
/// that it is one).
pub const fn check_literal_arn(text: &str) -> Outcome {
    let partition = field(text, 1);
    let service = field(text, 2);
    let region = field(text, 3);
    let account = field(text, 4);
    if !is_open(partition) && !is_partition(partition) {
        let mut message = Message::new();
        message
            .push("partition ")
            .quoted(partition)
            .push(" of ARN ")
            .quoted(text)
            .push(" is not an AWS partition: partitions are lower case, one of ")
            .push(PARTITION_LIST);
        return Err(message);
    }
    if has_upper_case(service) {
        let mut message = Message::new();
        message
            .push("service ")
            .quoted(service)
            .push(" of ARN ")
            .quoted(text)
            .push(" must be lower case, as in ");
        push_lower_case(&mut message, service);
        return Err(message);
    }
    let sagemaker = str_eq(service, SERVICE_PREFIX);
    check_region_and_account(
        region,
        account,
        sagemaker,
        *Message::new().push("ARN ").quoted(text),
    )
}

/// `service` in lower case, quoted.
const fn push_lower_case(message: &mut Message, service: &str) {
    message.push("\"");
    let bytes = service.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let byte = [bytes[at].to_ascii_lowercase()];
        if let Ok(text) = core::str::from_utf8(&byte) {
            message.push(text);
        }
        at += 1;
    }
    message.push("\"");
}

/// The Region and account fields, of an ARN or of a builder's arguments (`what` names them).
const fn check_region_and_account(
    region: &str,
    account: &str,
    sagemaker: bool,
    what: Message,
) -> Outcome {
    let account_ok = is_open(account)
        || is_account_id(account)
        || (!sagemaker && (account.is_empty() || str_eq(account, "aws")));
    if !account_ok {
        let mut message = what;
        if account.is_empty() {
            message.push(" has an empty account field, but every SageMaker ARN format names an account (arn:${Partition}:sagemaker:${Region}:${Account}:...): write a 12-digit account ID, or * for any");
        } else if is_account_id(region) {
            message
                .push(" has Region ")
                .quoted(region)
                .push(" and account ")
                .quoted(account)
                .push(": they are swapped; an ARN is arn:partition:service:region:account:resource, as in arn:aws:sagemaker:")
                .push(account)
                .push(":")
                .push(region)
                .push(":...");
        } else {
            message
                .push(" has account ")
                .quoted(account)
                .push(", which is not a 12-digit account ID (or * for any)");
        }
        return Err(message);
    }
    if sagemaker && !is_open(region) {
        if region.is_empty() {
            let mut message = what;
            message.push(" has an empty Region field, but every SageMaker ARN format names a Region (arn:${Partition}:sagemaker:${Region}:${Account}:...): write a Region such as us-east-1, or * for any");
            return Err(message);
        }
        if is_account_id(region) {
            let mut message = what;
            message
                .push(" has Region ")
                .quoted(region)
                .push(", which is an account ID: an ARN is arn:partition:service:region:account:resource; write a Region such as us-east-1, or * for any");
            return Err(message);
        }
    }
    Ok(())
}

/// The literal text of a builder argument's source (`"us-east-1"` quoted, or a number);
/// `None` for other literals (raw strings, strings with escapes), which are not checked.
const fn argument_text(source: &'static str) -> Option<&'static str> {
    let bytes = source.as_bytes();
    if bytes.len() >= 2 && bytes[0] == b'"' && bytes[bytes.len() - 1] == b'"' {
        let inner = sub(source, 1, bytes.len() - 1);
        let mut at = 0;
        while at < inner.len() {
            if inner.as_bytes()[at] == b'\\' {
                return None;
            }
            at += 1;
        }
        return Some(inner);
    }
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            return None;
        }
        at += 1;
    }
    Some(source)
}

/// The literal arguments of a typed builder.
pub const fn check_builder(args: BuilderArgs) -> Outcome {
    let type_name = args.name;
    if let Some(source) = args.partition {
        if let Some(partition) = argument_text(source) {
            if !is_open(partition) && !is_partition(partition) {
                let mut message = Message::new();
                message
                    .push(type_name)
                    .push("::in_partition(")
                    .push(source)
                    .push(", ..): ")
                    .quoted(partition)
                    .push(" is not an AWS partition: partitions are lower case, one of ")
                    .push(PARTITION_LIST);
                return Err(message);
            }
        }
    }
    // A run-time argument could be anything: stand in a wildcard for it.
    let region = match args.region {
        Some(source) => match argument_text(source) {
            Some(text) => text,
            None => "*",
        },
        None => "*",
    };
    let account = match args.account {
        Some(source) => match argument_text(source) {
            Some(text) => text,
            None => "*",
        },
        None => "*",
    };
    let mut what = Message::new();
    what.push(type_name)
        .push("(region, account, ..) with region ")
        .push(match args.region {
            Some(source) => source,
            None => "(run-time)",
        })
        .push(" and account ")
        .push(match args.account {
            Some(source) => source,
            None => "(run-time)",
        })
        .push(": the ARN");
    check_region_and_account(region, account, true, what)
}

/// A Sid IAM accepts: ASCII letters and digits only (an empty Sid is allowed).
pub const fn check_sid(sid: &str) -> Outcome {
    let bytes = sid.as_bytes();
    let mut at = 0;
    let mut valid = true;
    while at < bytes.len() {
        if !bytes[at].is_ascii_alphanumeric() {
            valid = false;
        }
        at += 1;
    }
    if valid {
        return Ok(());
    }
    let mut message = Message::new();
    message
        .push("Sid ")
        .quoted(sid)
        .push(" may contain only ASCII letters and digits (A-Z, a-z, 0-9), e.g. \"");
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_alphanumeric() {
            let byte = [bytes[at]];
            if let Ok(text) = core::str::from_utf8(&byte) {
                message.push(text);
            }
        }
        at += 1;
    }
    message.push("\"");
    Err(message)
}
