//! Property-based fuzzing of the JSON policy parser ([`Policy::from_json`]) and the validator
//! ([`Validator::validate_json`], [`Validator::validate`]) with proptest (cargo-fuzz needs a
//! nightly toolchain).
//!
//! Every input goes through the same checks: nothing panics; `validate_json` gives the same
//! findings twice; a rejected document gives exactly one finding, carrying the parser's code;
//! an accepted one prints (`to_json`, `to_json_pretty`) to text that re-parses to an equal
//! model and to the same JSON value as the input, and validating the model gives the findings
//! of validating the text (size findings aside: they measure different texts), twice alike.
//!
//! Three properties feed it, each run by [`fuzz`]:
//!
//! - `arbitrary_text`: random bytes (as lossy UTF-8), random characters, and soups of JSON and
//!   policy tokens.
//! - `structured_policies`: JSON policies assembled from catalog pieces (real and mangled
//!   SageMaker actions, patterns, other services' actions, ARNs filled in from the catalog's
//!   formats, condition operators, keys and values, principals) with deliberate structural
//!   errors, written compactly, pretty, or with random whitespace, `\u` escapes, key order and
//!   the odd duplicated key. The generator knows whether it made a well-formed document, so
//!   the parser must accept exactly those.
//! - `mutated_policies`: valid seed policies and generated ones after random byte edits,
//!   insertions, deletions, duplications and truncations.
//!
//! `deep_nesting_is_an_error` checks separately that deep nesting is an error, not a stack
//! overflow.
//!
//! `cargo test` runs each property for `PROPTEST_CASES` cases (default 256), about a second in
//! all. `PROPTEST_RNG_SEED=<u64>` fixes the seed (it is random otherwise; a failure prints
//! the seed that reproduces it).
//!
//! The long run keeps every property going for `FUZZ_SECONDS` seconds, in batches of 500 cases
//! with consecutive seeds, and prints how many cases each ran. Run the properties side by side
//! so that the wall time is `FUZZ_SECONDS`:
//!
//! ```text
//! FUZZ_SECONDS=600 cargo test --release -p sagemaker-actions --test fuzz_policies -- \
//!     --nocapture --test-threads=4
//! ```
#![cfg(feature = "serde")]

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestCaseResult, TestRunner};
use sagemaker_actions::policy::{BaseOperator, Policy};
use sagemaker_actions::validate::{Finding, Options, PolicyType, SizeLimit, Validator};
use sagemaker_actions::{Action, ConditionKey, ResourceType};
use serde_json::{json, Map, Number, Value};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

// ---------------------------------------------------------------------------------------------
// The driver

/// Cases per batch in the long run: small enough to check the deadline often.
const BATCH_CASES: u32 = 500;

fn fuzz_seconds() -> Option<u64> {
    let text = std::env::var("FUZZ_SECONDS").ok()?;
    Some(
        text.trim()
            .parse()
            .unwrap_or_else(|_| panic!("FUZZ_SECONDS must be a number of seconds, not {text:?}")),
    )
}

/// Runs `test` on values of `strategy`: `PROPTEST_CASES` cases, or batches until `FUZZ_SECONDS`
/// have passed. Panics with the shrunk input and the seed that reproduces it on a failure.
fn fuzz<S>(name: &str, strategy: S, test: impl Fn(S::Value) -> TestCaseResult)
where
    S: Strategy,
    S::Value: fmt::Debug,
{
    let base = Config {
        failure_persistence: None,
        ..Config::default()
    };
    let seed = match base.rng_seed {
        RngSeed::Fixed(seed) => seed,
        RngSeed::Random => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_nanos() as u64),
    };
    let deadline = fuzz_seconds().map(|seconds| Instant::now() + Duration::from_secs(seconds));
    let cases = AtomicU64::new(0);
    let slowest = Mutex::new((Duration::ZERO, String::new()));
    let counted = |value: S::Value| {
        cases.fetch_add(1, Ordering::Relaxed);
        let shown = format!("{value:?}");
        let started = Instant::now();
        let result = test(value);
        let took = started.elapsed();
        let mut slowest = slowest
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if took > slowest.0 {
            *slowest = (took, shown);
        }
        result
    };
    let started = Instant::now();
    let mut batches = 0u64;
    loop {
        let batch_seed = seed.wrapping_add(batches);
        let batch_cases = if deadline.is_some() {
            BATCH_CASES
        } else {
            base.cases
        };
        let mut runner = TestRunner::new(Config {
            cases: batch_cases,
            rng_seed: RngSeed::Fixed(batch_seed),
            failure_persistence: None,
            ..base.clone()
        });
        if let Err(error) = runner.run(&strategy, counted) {
            panic!(
                "{name} failed after {} cases: {error}\nreproduce with: PROPTEST_RNG_SEED={batch_seed} \
                 PROPTEST_CASES={batch_cases} cargo test -p sagemaker-actions --test fuzz_policies {name}",
                cases.load(Ordering::Relaxed)
            );
        }
        batches += 1;
        match deadline {
            Some(deadline) if Instant::now() < deadline => {}
            _ => break,
        }
    }
    let (took, input) = slowest
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut input: String = input.chars().take(160).collect();
    if input.len() >= 160 {
        input.push_str("...");
    }
    println!(
        "fuzz_policies {name}: {} cases ({} parsed as policies) in {:.1} s ({batches} batch(es), seed {seed}); slowest case {:.1} ms: {input}",
        cases.load(Ordering::Relaxed),
        ACCEPTED.with(Cell::get),
        started.elapsed().as_secs_f64(),
        took.as_secs_f64() * 1000.0,
    );
}

// ---------------------------------------------------------------------------------------------
// The checks

thread_local! {
    /// Documents `from_json` accepted on this thread (each property runs on its own).
    static ACCEPTED: Cell<u64> = const { Cell::new(0) };
}

const SIZE_FINDING: &str = "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA";

const LIMITS: [SizeLimit; 5] = [
    SizeLimit::ManagedPolicy,
    SizeLimit::InlineUser,
    SizeLimit::InlineRole,
    SizeLimit::InlineGroup,
    SizeLimit::Unlimited,
];

const TYPES: [PolicyType; 4] = [
    PolicyType::Auto,
    PolicyType::Identity,
    PolicyType::Resource,
    PolicyType::RoleTrust,
];

/// One validator per combination of options, built once (each holds the SageMaker catalog).
fn validators() -> &'static [Validator] {
    static VALIDATORS: OnceLock<Vec<Validator>> = OnceLock::new();
    VALIDATORS.get_or_init(|| {
        LIMITS
            .iter()
            .flat_map(|&size_limit| {
                TYPES.iter().map(move |&policy_type| {
                    Validator::new().with_options(Options {
                        size_limit,
                        policy_type,
                    })
                })
            })
            .collect()
    })
}

fn without_size(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|finding| finding.code != SIZE_FINDING)
        .collect()
}

/// Parses and validates `text`, checking everything that holds for any input. Returns the
/// parser's error code, if it rejected the text.
fn check_document(text: &str, validator: usize) -> Result<Result<(), &'static str>, TestCaseError> {
    let (validator, limit) = (&validators()[validator], size_limit(validator));
    let parsed = Policy::from_json(text);
    let findings = validator.validate_json(text);
    prop_assert_eq!(
        &findings,
        &validator.validate_json(text),
        "validate_json is not deterministic"
    );
    for finding in &findings {
        let _ = finding.to_string();
    }
    let policy = match parsed {
        Err(error) => {
            let _ = error.to_string();
            prop_assert_eq!(findings.len(), 1, "a rejected document gives one finding");
            prop_assert_eq!(findings[0].code, error.code());
            return Ok(Err(error.code()));
        }
        Ok(policy) => policy,
    };

    // The model preserves the written form: printing gives back the same JSON value, and the
    // printed text parses to the same model.
    let compact = policy.to_json();
    let reparsed = Policy::from_json(&compact);
    prop_assert_eq!(
        reparsed.as_ref(),
        Ok(&policy),
        "to_json does not re-parse to the policy: {}",
        compact
    );
    let pretty = policy.to_json_pretty();
    let reparsed = Policy::from_json(&pretty);
    prop_assert_eq!(
        reparsed.as_ref(),
        Ok(&policy),
        "to_json_pretty does not re-parse to the policy: {}",
        pretty
    );
    let written: Value = serde_json::from_str(text).map_err(|error| {
        TestCaseError::fail(format!(
            "from_json accepted what serde_json rejects: {error}"
        ))
    })?;
    let printed: Value = serde_json::from_str(&compact).map_err(|error| {
        TestCaseError::fail(format!("to_json printed invalid JSON: {error}: {compact}"))
    })?;
    // Exact for floats too: the crate enables serde_json's `float_roundtrip`.
    prop_assert_eq!(&written, &printed, "to_json changed the document");

    // Validating the model finds what validating the text found, but for the size, measured on
    // the compact print rather than the text.
    let model_findings = validator.validate(&policy);
    prop_assert_eq!(
        &model_findings,
        &validator.validate(&policy),
        "validate is not deterministic"
    );
    prop_assert_eq!(without_size(&model_findings), without_size(&findings));
    if let Some(limit) = limit {
        let size = compact.chars().filter(|c| !c.is_whitespace()).count();
        prop_assert_eq!(
            model_findings
                .iter()
                .any(|finding| finding.code == SIZE_FINDING),
            size > limit
        );
    }

    exercise_model(&policy);
    ACCEPTED.with(|accepted| accepted.set(accepted.get() + 1));
    Ok(Ok(()))
}

/// The size quota of `validators()[index]`.
fn size_limit(index: usize) -> Option<usize> {
    LIMITS[index / TYPES.len()].characters()
}

/// The model's own lookups on whatever was parsed: none may panic.
fn exercise_model(policy: &Policy) {
    for statement in policy.statements() {
        if let Some(action) = &statement.action {
            for item in action.items() {
                let _ = item.kind();
                let _ = item.sagemaker_actions();
            }
        }
        if let Some(resource) = &statement.resource {
            for item in resource.items() {
                let _ = item.kind();
                let _ = item.matching_types();
            }
        }
        if let Some(condition) = &statement.condition {
            for block in &condition.blocks {
                if let Some(operator) = block.operator() {
                    let _ = operator.to_string();
                }
                for entry in &block.entries {
                    let _ = entry.key.resolve();
                    let _ = entry.key.as_str().parse::<ConditionKey>();
                }
            }
        }
    }
}

fn validator_index() -> impl Strategy<Value = usize> {
    0..validators().len()
}

// ---------------------------------------------------------------------------------------------
// Strings

/// Text that trips up parsers and case-insensitive comparisons: wildcards, policy variables,
/// separators, escapes, characters whose case mapping changes their UTF-8 length.
const SPECIALS: &[&str] = &[
    "*",
    "?",
    "**",
    "*?*",
    "${aws:username}",
    "${aws:PrincipalTag/team}",
    "${*}",
    "${",
    "}",
    "$",
    ":",
    "::",
    "/",
    "\\",
    "\"",
    " ",
    "\n",
    "\t",
    "",
    "-",
    "_",
    ".",
    "%",
    "[[region]]",
    "sagemaker",
    "aws",
    "arn",
    "é",
    "日本語",
    "🦀",
    "\u{0}",
    "\u{7f}",
    "\u{feff}",
    "\u{200b}",
    "\u{fffd}",
    "İ",
    "ẞ",
    "Ⱥ",
    "\u{212a}",
    "ß",
];

fn piece() -> BoxedStrategy<String> {
    prop_oneof![
        4 => "[A-Za-z0-9_.-]{0,10}",
        3 => select(SPECIALS).prop_map(str::to_owned),
        1 => vec(any::<char>(), 0..6).prop_map(|chars| chars.into_iter().collect()),
    ]
    .boxed()
}

fn fuzzy() -> BoxedStrategy<String> {
    vec(piece(), 0..4)
        .prop_map(|pieces| pieces.concat())
        .boxed()
}

fn recase(text: &str, mode: u8) -> String {
    match mode % 3 {
        0 => text.to_lowercase(),
        1 => text.to_uppercase(),
        _ => text
            .chars()
            .enumerate()
            .map(|(at, c)| {
                if at % 2 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect(),
    }
}

fn cut_at(text: &str, index: Index) -> &str {
    let mut at = index.index(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    &text[..at]
}

// ---------------------------------------------------------------------------------------------
// Policy pieces

/// A piece of a generated document, and whether the parser must accept it.
type Part = (Value, bool);

fn action_text() -> BoxedStrategy<String> {
    let named = select(Action::ALL);
    prop_oneof![
        6 => named.clone().prop_map(|action| action.as_str().to_owned()),
        2 => (named.clone(), any::<u8>()).prop_map(|(action, mode)| recase(action.as_str(), mode)),
        3 => (named, any::<Index>(), any::<Index>(), select(&["*", "?", "**", "*?", "?*?", ""][..]))
            .prop_map(|(action, from, to, wildcard)| {
                let name = action.name();
                let from = from.index(name.len() + 1);
                let to = from + to.index(name.len() - from + 1);
                format!("sagemaker:{}{wildcard}{}", &name[..from], &name[to..])
            }),
        2 => select(&[
            "*", "sagemaker:*", "sagemaker:Create*", "sagemaker:*TrainingJob", "sagemaker:Describe*",
            "sagemaker:List*", "sagemaker:?", "sagemaker:*?", "*:*", "SageMaker:*", "sagemaker:Get*",
            "sagemaker:*Tags", "sagemaker:Put*", "sagemaker:*Job*",
        ][..])
        .prop_map(str::to_owned),
        2 => select(&[
            "s3:GetObject", "iam:PassRole", "iam:*", "iam:Pass*", "ec2:Describe*", "s3:*",
            "logs:CreateLogGroup", "kms:Decrypt", "ecr:GetAuthorizationToken", "sts:AssumeRole",
            "IAM:passrole", "codecommit:GitPull", "elasticfilesystem:DescribeMountTargets",
        ][..])
        .prop_map(str::to_owned),
        2 => select(&[
            "sagemaker", "sagemaker:", ":CreateTrainingJob", "sagemaker:CreateTrainingJbo",
            "sage maker:X", "sagemaker::CreateTrainingJob", "sagemaker:Create TrainingJob", "",
            "*sagemaker", "sagemaker:CreateTrainingJob ", "arn:aws:sagemaker", "sagemaker:Create/Job",
            "sagemaker:${aws:username}", "sagemaker*:Create",
        ][..])
        .prop_map(str::to_owned),
        1 => (select(&["sagemaker:", "s3:", "", "iam:", "SAGEMAKER:"][..]), fuzzy())
            .prop_map(|(prefix, rest)| format!("{prefix}{rest}")),
        1 => fuzzy(),
    ]
    .boxed()
}

/// A placeholder's value, or `None` to leave `${Placeholder}` as written.
fn arn_fill() -> BoxedStrategy<Option<String>> {
    prop_oneof![
        4 => select(&[
            "aws", "aws-cn", "aws-us-gov", "us-east-1", "eu-west-1", "123456789012", "my-job", "*", "?",
            "", "job*", "${aws:username}", "a:b", "a/b", "日本", "İ", "*:*", "**",
        ][..])
        .prop_map(|fill| Some(fill.to_owned())),
        2 => fuzzy().prop_map(Some),
        1 => Just(None),
    ]
    .boxed()
}

fn fill_format(format: &str, fills: &[Option<String>]) -> String {
    let mut out = String::new();
    let mut rest = format;
    let mut placeholder = 0;
    while let Some(start) = rest.find("${") {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail.find('}').map_or(tail.len(), |end| end + 1);
        match fills.get(placeholder) {
            Some(Some(fill)) => out.push_str(fill),
            _ => out.push_str(&tail[..end]),
        }
        placeholder += 1;
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

fn arn() -> BoxedStrategy<String> {
    let formats: Vec<&'static str> = ResourceType::ALL
        .iter()
        .flat_map(|resource_type| resource_type.arn_formats().iter().copied())
        .collect();
    let filled = (select(formats), vec(arn_fill(), 8))
        .prop_map(|(format, fills)| fill_format(format, &fills))
        .boxed();
    prop_oneof![
        6 => filled.clone(),
        2 => (filled, any::<Index>()).prop_map(|(arn, at)| cut_at(&arn, at).to_owned()),
        2 => select(&[
            "arn:aws:s3:::bucket/*", "arn:aws:iam::123456789012:role/SageMakerRole", "arn:aws:iam::*:role/*",
            "arn:aws:sagemaker:*:*:*", "arn:aws:sagemaker:::", "arn:*:*:*:*:*", "arn:aws:sagemaker:us-east-1:123456789012:training-job",
            "ARN:AWS:SAGEMAKER:us-east-1:123456789012:training-job/x", "arn:aws", "arn:", "arn",
            "arn:aws:sagemaker:us-east-1:123456789012:", "arn:aws:sagemaker:us-east-1:123456789012:/",
            "arn:aws:sagemaker:us-east-1:123456789012:unknown-type/x", "arn:aws:sagemaker:*:*:training-job/*",
            "arn:aws:SageMaker:*:*:Training-Job/*", "arn:aws:sagemaker:us-east-1:123456789012:training-job/a/b:c",
            "arn:aws:sagemaker:${aws:username}:*:*", "arn:aws:sagemaker:*:*:endpoint/*?",
        ][..])
        .prop_map(str::to_owned),
        1 => vec(piece(), 0..8).prop_map(|parts| parts.join(":")),
        1 => fuzzy(),
    ]
    .boxed()
}

fn resource_text() -> BoxedStrategy<String> {
    prop_oneof![3 => Just("*".to_owned()), 8 => arn(), 1 => fuzzy()].boxed()
}

fn array_part(parts: Vec<Part>) -> Part {
    let ok = parts.iter().all(|(_, ok)| *ok);
    (
        Value::Array(parts.into_iter().map(|(value, _)| value).collect()),
        ok,
    )
}

/// An object of `entries` (a repeated key keeps the last value, as in JSON objects).
fn object_part(entries: Vec<(String, Part)>) -> Part {
    let mut map = Map::new();
    let mut oks = BTreeMap::new();
    for (key, (value, ok)) in entries {
        map.insert(key.clone(), value);
        oks.insert(key, ok);
    }
    (Value::Object(map), oks.values().all(|ok| *ok))
}

/// JSON values that are never a string nor an array of strings.
fn not_text() -> BoxedStrategy<Part> {
    select(vec![
        Value::Null,
        json!(true),
        json!(0),
        json!(-1.5),
        json!({}),
        json!({"a": "b"}),
        json!([1]),
        json!([null]),
        json!([["*"]]),
    ])
    .prop_map(|value| (value, false))
    .boxed()
}

/// `Action`, `Resource`, principal values: a lone string or an array of strings, or not.
fn text_list(item: BoxedStrategy<String>) -> BoxedStrategy<Part> {
    let lone = item.clone().prop_map(|text| (Value::String(text), true));
    prop_oneof![
        20 => lone.clone(),
        20 => vec(lone.clone(), 0..6).prop_map(array_part),
        1 => vec(prop_oneof![4 => lone, 1 => not_text()], 1..4).prop_map(array_part),
        1 => not_text(),
    ]
    .boxed()
}

fn operator_text() -> BoxedStrategy<String> {
    let base = select(BaseOperator::ALL.to_vec()).prop_map(BaseOperator::as_str);
    prop_oneof![
        6 => (
            select(&["", "", "", "ForAllValues:", "ForAnyValue:"][..]),
            base.clone(),
            select(&["", "", "IfExists"][..]),
        )
            .prop_map(|(qualifier, base, if_exists)| format!("{qualifier}{base}{if_exists}")),
        1 => (
            select(&["forallvalues:", "ForSomeValues:", "ForAllValues:ForAnyValue:", ":", "ForAnyValue", "ForAnyValue: "][..]),
            base.clone(),
            select(&["", "IfExists", "ifexists", "IfExistsIfExists", " "][..]),
        )
            .prop_map(|(qualifier, base, if_exists)| format!("{qualifier}{base}{if_exists}")),
        1 => (base, any::<u8>()).prop_map(|(base, mode)| recase(base, mode)),
        1 => select(&[
            "", "StringEqual", "Stringequals", "IfExists", "ForAnyValue:", "ForAllValues:IfExists",
            "Null IfExists", "StringEqualsIgnorecase", "NullIfExists", "ForAllValues:Null",
        ][..])
        .prop_map(str::to_owned),
        1 => fuzzy(),
    ]
    .boxed()
}

fn key_text() -> BoxedStrategy<String> {
    let parameterized: Vec<ConditionKey> = ConditionKey::ALL
        .iter()
        .copied()
        .filter(|key| key.is_parameterized())
        .collect();
    let parameter = prop_oneof![
        3 => select(&["Project", "team", "", "*", "${aws:username}", "a/b", ":", "sagemaker:launch-source", "İ"][..])
            .prop_map(str::to_owned),
        1 => fuzzy(),
    ];
    prop_oneof![
        5 => select(ConditionKey::ALL).prop_map(|key| key.name().to_owned()),
        4 => (select(parameterized), parameter).prop_map(|(key, parameter)| format!("{}{parameter}", key.stem())),
        1 => (select(ConditionKey::ALL), any::<u8>()).prop_map(|(key, mode)| recase(key.name(), mode)),
        2 => select(&[
            "iam:PassedToService", "s3:prefix", "ec2:InstanceType", "sagemaker:Nope", "aws:Nope",
            "aws:ResourceTag", "aws:ResourceTag/", "aws:RequestTag", "aws:PrincipalTag/", "aws:", "sagemaker:",
            ":", "", "noprefix", "AWS:SourceIp", "aws:sourceip", "sagemaker:ResourceTag/", "aws:TagKeys",
        ][..])
        .prop_map(str::to_owned),
        1 => fuzzy(),
    ]
    .boxed()
}

fn condition_string() -> BoxedStrategy<String> {
    prop_oneof![
        4 => select(&[
            "true", "false", "True", "TRUE", "yes", "0", "1", "3600", "-1", "1.5", "1e3", "0x10", "abc", "",
            "2024-01-31T12:00:00Z", "2024-01-31", "2024-13-45T99:99:99Z", "2024-01-31T12:00:00.123+05:30",
            "1706702400", "10.0.0.0/8", "192.168.1.1", "10.0.0.0/33", "::1", "2001:db8::/32", "::/129",
            "300.1.1.1", "1.2.3", "ml.m5.large", "ml.*", "sagemaker.amazonaws.com", "QUJD", "QUJD=", "!!!",
            "${aws:username}", "*", "?", "arn:aws:iam::123456789012:role/x", "NaN", "-0", "+1", " 1",
            "99999999999999999999999", "٣", "١٢٣",
        ][..])
        .prop_map(str::to_owned),
        2 => fuzzy(),
        1 => arn(),
        1 => action_text(),
    ]
    .boxed()
}

fn number() -> BoxedStrategy<Value> {
    prop_oneof![
        2 => any::<i64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(|x| Number::from_f64(x).map_or(json!(0.5), Value::Number)),
        1 => select(vec![0.0, -0.0, 1.5, 1e-7, 1e21, 3600.0, -1.0, 0.1, 1e300, 5e-324])
            .prop_map(|x| Number::from_f64(x).map_or(json!(0.5), Value::Number)),
    ]
    .boxed()
}

fn condition_scalar() -> BoxedStrategy<Part> {
    prop_oneof![
        5 => condition_string().prop_map(Value::String),
        1 => any::<bool>().prop_map(Value::Bool),
        2 => number(),
    ]
    .prop_map(|value| (value, true))
    .boxed()
}

fn condition_values() -> BoxedStrategy<Part> {
    let entry = prop_oneof![
        30 => condition_scalar(),
        1 => select(vec![Value::Null, json!({}), json!({"a": 1}), json!([]), json!(["a"])]).prop_map(|value| (value, false)),
    ];
    prop_oneof![
        10 => condition_scalar(),
        10 => vec(entry, 0..5).prop_map(array_part),
        1 => select(vec![Value::Null, json!({}), json!({"StringEquals": "x"})]).prop_map(|value| (value, false)),
    ]
    .boxed()
}

fn condition() -> BoxedStrategy<Part> {
    let block = prop_oneof![
        20 => vec((key_text(), condition_values()), 0..4).prop_map(object_part),
        1 => select(vec![Value::Null, json!("x"), json!(1), json!([]), json!([{"aws:SourceIp": "10.0.0.0/8"}])])
            .prop_map(|value| (value, false)),
    ];
    prop_oneof![
        20 => vec((operator_text(), block), 0..4).prop_map(object_part),
        1 => select(vec![Value::Null, json!("StringEquals"), json!([]), json!(true)]).prop_map(|value| (value, false)),
    ]
    .boxed()
}

fn principal() -> BoxedStrategy<Part> {
    let key = prop_oneof![
        8 => select(&["AWS", "Service", "Federated", "CanonicalUser"][..]).prop_map(|key| (key, true)),
        1 => select(&["aws", "Services", "", "Aws", "*", "AWS "][..]).prop_map(|key| (key, false)),
    ];
    let value = prop_oneof![
        3 => select(&[
            "*", "arn:aws:iam::123456789012:root", "123456789012", "sagemaker.amazonaws.com",
            "cognito-identity.amazonaws.com", "arn:aws:iam::123456789012:role/x", "",
        ][..])
        .prop_map(str::to_owned),
        1 => fuzzy(),
    ]
    .boxed();
    let entry = (key, text_list(value)).prop_map(|((key, key_ok), (value, value_ok))| {
        (key.to_owned(), (value, key_ok && value_ok))
    });
    prop_oneof![
        3 => Just((json!("*"), true)),
        1 => select(&["", "AWS", "arn:aws:iam::123456789012:root", "**", " *"][..]).prop_map(|text| (json!(text), false)),
        5 => vec(entry, 0..4).prop_map(object_part),
        1 => select(vec![Value::Null, json!(1), json!(["*"]), json!([{"AWS": "*"}])]).prop_map(|value| (value, false)),
    ]
    .boxed()
}

/// Any small JSON value, for elements that must not be there at all.
fn any_json() -> BoxedStrategy<Value> {
    select(vec![
        Value::Null,
        json!("*"),
        json!(1),
        json!([]),
        json!({}),
        json!(["sagemaker:*"]),
    ])
    .boxed()
}

fn text_or_not() -> BoxedStrategy<Part> {
    prop_oneof![
        10 => "[A-Za-z0-9]{1,12}".prop_map(|text| (Value::String(text), true)),
        4 => fuzzy().prop_map(|text| (Value::String(text), true)),
        1 => select(vec![Value::Null, json!(1), json!(["a"]), json!({})]).prop_map(|value| (value, false)),
    ]
    .boxed()
}

fn effect() -> BoxedStrategy<Option<Part>> {
    prop_oneof![
        80 => select(&["Allow", "Deny"][..]).prop_map(|effect| Some((json!(effect), true))),
        1 => Just(None),
        1 => select(&["allow", "DENY", "Permit", "", " Allow", "Allow "][..]).prop_map(|effect| Some((json!(effect), false))),
        1 => select(vec![Value::Null, json!(true), json!(["Allow"])]).prop_map(|value| Some((value, false))),
    ]
    .boxed()
}

/// `Principal`/`NotPrincipal`-like pairs: the first element, perhaps negated, and rarely the
/// other one as well, which the parser rejects.
fn push_pair(
    entries: &mut Vec<(String, Part)>,
    ok: &mut bool,
    first: Option<(bool, Part)>,
    second: Option<Part>,
    (positive, negative): (&str, &str),
) {
    if let Some((negated, part)) = first {
        let (key, other) = if negated {
            (negative, positive)
        } else {
            (positive, negative)
        };
        entries.push((key.to_owned(), part));
        if let Some(part) = second {
            entries.push((other.to_owned(), part));
            *ok = false;
        }
    }
}

fn statement() -> BoxedStrategy<Part> {
    (
        option::weighted(0.5, text_or_not()),
        effect(),
        option::weighted(0.25, (any::<bool>(), principal())),
        option::weighted(0.015, principal()),
        option::weighted(0.9, (any::<bool>(), text_list(action_text()))),
        option::weighted(0.015, text_list(action_text())),
        option::weighted(0.8, (any::<bool>(), text_list(resource_text()))),
        option::weighted(0.015, text_list(resource_text())),
        option::weighted(0.35, condition()),
        option::weighted(
            0.015,
            (
                select(
                    &[
                        "Actions",
                        "effect",
                        "resource",
                        "Principals",
                        "Conditions",
                        "Id",
                        "Version",
                        "Statement",
                        "sid",
                        "",
                    ][..],
                ),
                any_json(),
            ),
        ),
    )
        .prop_map(
            |(
                sid,
                effect,
                principal,
                principal2,
                action,
                action2,
                resource,
                resource2,
                condition,
                unknown,
            )| {
                let mut entries = Vec::new();
                let mut ok = true;
                if let Some(sid) = sid {
                    entries.push(("Sid".to_owned(), sid));
                }
                match effect {
                    Some(effect) => entries.push(("Effect".to_owned(), effect)),
                    None => ok = false,
                }
                push_pair(
                    &mut entries,
                    &mut ok,
                    principal,
                    principal2,
                    ("Principal", "NotPrincipal"),
                );
                push_pair(
                    &mut entries,
                    &mut ok,
                    action,
                    action2,
                    ("Action", "NotAction"),
                );
                push_pair(
                    &mut entries,
                    &mut ok,
                    resource,
                    resource2,
                    ("Resource", "NotResource"),
                );
                if let Some(condition) = condition {
                    entries.push(("Condition".to_owned(), condition));
                }
                if let Some((key, value)) = unknown {
                    entries.push((key.to_owned(), (value, false)));
                }
                let (value, entries_ok) = object_part(entries);
                (value, ok && entries_ok)
            },
        )
        .boxed()
}

fn statements() -> BoxedStrategy<Part> {
    prop_oneof![
        3 => statement(),
        12 => vec(statement(), 0..5).prop_map(array_part),
        1 => vec(prop_oneof![6 => statement(), 1 => any_json().prop_map(|value| (value, false))], 1..3).prop_map(array_part),
        1 => select(vec![Value::Null, json!("*"), json!(1)]).prop_map(|value| (value, false)),
    ]
    .boxed()
}

fn version() -> BoxedStrategy<Part> {
    prop_oneof![
        6 => Just((json!("2012-10-17"), true)),
        2 => Just((json!("2008-10-17"), true)),
        1 => select(&["2012-10-18", "", "2012-10-17 ", "latest"][..]).prop_map(|text| (json!(text), true)),
        1 => fuzzy().prop_map(|text| (json!(text), true)),
        1 => select(vec![Value::Null, json!(2012), json!(["2012-10-17"])]).prop_map(|value| (value, false)),
    ]
    .boxed()
}

/// A whole document and whether it is well-formed.
fn policy() -> BoxedStrategy<Part> {
    let object = (
        option::weighted(0.85, version()),
        option::weighted(0.15, text_or_not()),
        option::weighted(0.97, statements()),
        option::weighted(
            0.03,
            (
                select(
                    &[
                        "statement",
                        "version",
                        "Statements",
                        "Sid",
                        "Effect",
                        "",
                        "Id ",
                    ][..],
                ),
                any_json(),
            ),
        ),
    )
        .prop_map(|(version, id, statement, unknown)| {
            let mut entries = Vec::new();
            let mut ok = statement.is_some();
            if let Some(version) = version {
                entries.push(("Version".to_owned(), version));
            }
            if let Some(id) = id {
                entries.push(("Id".to_owned(), id));
            }
            if let Some(statement) = statement {
                entries.push(("Statement".to_owned(), statement));
            }
            if let Some((key, value)) = unknown {
                entries.push((key.to_owned(), (value, false)));
                ok = false;
            }
            let (value, entries_ok) = object_part(entries);
            (value, ok && entries_ok)
        });
    prop_oneof![
        30 => object,
        1 => select(vec![Value::Null, json!([]), json!("policy"), json!(1), json!([{"Statement": []}])])
            .prop_map(|value| (value, false)),
    ]
    .boxed()
}

// ---------------------------------------------------------------------------------------------
// Writing documents

#[derive(Debug, Clone)]
enum Layout {
    Compact,
    Pretty,
    /// Random whitespace, escapes and key order, driven by the bytes of the tape.
    Random(Vec<u8>),
}

fn layout() -> impl Strategy<Value = Layout> {
    prop_oneof![
        1 => Just(Layout::Compact),
        1 => Just(Layout::Pretty),
        3 => vec(any::<u8>(), 1..256).prop_map(Layout::Random),
    ]
}

/// Writes JSON by hand, so that the text varies beyond what serde_json prints.
struct Writer<'a> {
    tape: &'a [u8],
    at: usize,
    out: String,
    /// Whether some object got a key twice.
    duplicated: bool,
}

impl Writer<'_> {
    fn roll(&mut self) -> u8 {
        let byte = self.tape[self.at % self.tape.len()];
        self.at += 1;
        byte
    }

    fn space(&mut self) {
        let space = match self.roll() % 12 {
            0 => " ",
            1 => "\n",
            2 => "\t",
            3 => "\r\n    ",
            4 => "  ",
            _ => "",
        };
        self.out.push_str(space);
    }

    fn string(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            let roll = self.roll();
            if roll < 12 {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    if roll % 2 == 0 {
                        self.out.push_str(&format!("\\u{unit:04x}"));
                    } else {
                        self.out.push_str(&format!("\\u{unit:04X}"));
                    }
                }
                continue;
            }
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '/' if roll < 100 => self.out.push_str("\\/"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                '\u{8}' => self.out.push_str("\\b"),
                '\u{c}' => self.out.push_str("\\f"),
                c if (c as u32) < 0x20 => self.out.push_str(&format!("\\u{:04x}", c as u32)),
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::Null | Value::Bool(_) | Value::Number(_) => {
                self.out.push_str(&value.to_string());
            }
            Value::String(text) => self.string(text),
            Value::Array(items) => {
                self.out.push('[');
                for (at, item) in items.iter().enumerate() {
                    self.space();
                    if at > 0 {
                        self.out.push(',');
                        self.space();
                    }
                    self.value(item);
                }
                self.space();
                self.out.push(']');
            }
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                if !entries.is_empty() {
                    let turn = usize::from(self.roll()) % entries.len();
                    entries.rotate_left(turn);
                    if self.roll() % 2 == 0 {
                        entries.reverse();
                    }
                    if self.roll() == 0 {
                        entries.push(entries[0]);
                        self.duplicated = true;
                    }
                }
                self.out.push('{');
                for (at, (key, item)) in entries.into_iter().enumerate() {
                    self.space();
                    if at > 0 {
                        self.out.push(',');
                        self.space();
                    }
                    self.string(key);
                    self.space();
                    self.out.push(':');
                    self.space();
                    self.value(item);
                }
                self.space();
                self.out.push('}');
            }
        }
    }
}

/// The document's text, and whether a key was written twice.
fn write(value: &Value, layout: &Layout) -> (String, bool) {
    match layout {
        Layout::Compact => (value.to_string(), false),
        Layout::Pretty => (
            serde_json::to_string_pretty(value).expect("a Value prints"),
            false,
        ),
        Layout::Random(tape) => {
            let mut writer = Writer {
                tape,
                at: 0,
                out: String::new(),
                duplicated: false,
            };
            writer.space();
            writer.value(value);
            writer.space();
            (writer.out, writer.duplicated)
        }
    }
}

/// A generated document as text.
#[derive(Clone)]
struct Document {
    value: Value,
    well_formed: bool,
    duplicated: bool,
    text: String,
}

impl fmt::Debug for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Document {{ well_formed: {}, duplicated: {}, text: {:?} }}",
            self.well_formed, self.duplicated, self.text
        )
    }
}

fn document() -> BoxedStrategy<Document> {
    (policy(), layout())
        .prop_map(|((value, well_formed), layout)| {
            let (text, duplicated) = write(&value, &layout);
            Document {
                value,
                well_formed,
                duplicated,
                text,
            }
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// Unstructured and mutated text

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    " ",
    "\n",
    "\"Version\"",
    "\"2012-10-17\"",
    "\"Id\"",
    "\"Statement\"",
    "\"Sid\"",
    "\"Effect\"",
    "\"Allow\"",
    "\"Deny\"",
    "\"Action\"",
    "\"NotAction\"",
    "\"Resource\"",
    "\"NotResource\"",
    "\"Condition\"",
    "\"Principal\"",
    "\"NotPrincipal\"",
    "\"AWS\"",
    "\"Service\"",
    "\"*\"",
    "\"sagemaker:CreateTrainingJob\"",
    "\"sagemaker:*\"",
    "\"iam:PassRole\"",
    "\"StringEquals\"",
    "\"ForAnyValue:StringLike\"",
    "\"NumericLessThanIfExists\"",
    "\"aws:ResourceTag/x\"",
    "\"aws:SourceIp\"",
    "\"sagemaker:InstanceTypes\"",
    "\"arn:aws:sagemaker:*:*:training-job/*\"",
    "\"10.0.0.0/8\"",
    "true",
    "false",
    "null",
    "0",
    "-1.5e3",
    "1e999",
    "18446744073709551616",
    "-9223372036854775809",
    "\"\\u0000\"",
    "\"\\ud800\"",
    "\"\\ud83e\\udd80\"",
    "\"",
    "\\",
    "\"\\\"",
    "\u{feff}",
    "é",
    "/*",
    "//",
];

fn arbitrary_text() -> BoxedStrategy<String> {
    prop_oneof![
        2 => vec(any::<u8>(), 0..512).prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        2 => any::<String>(),
        1 => "[\\[\\]{}\":,0-9a-zA-Z *?$\\\\.-]{0,200}",
        5 => vec(select(TOKENS), 0..80).prop_map(|tokens| tokens.concat()),
    ]
    .boxed()
}

const SEEDS: &[&str] = &[
    r#"{"Version":"2012-10-17","Statement":[{"Sid":"Train","Effect":"Allow","Action":["sagemaker:CreateTrainingJob","sagemaker:DescribeTrainingJob"],"Resource":"arn:aws:sagemaker:us-east-1:123456789012:training-job/*","Condition":{"ForAllValues:StringEquals":{"sagemaker:InstanceTypes":["ml.m5.large"]},"StringEquals":{"aws:ResourceTag/team":"ml"}}},{"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::123456789012:role/SageMaker","Condition":{"StringEquals":{"iam:PassedToService":"sagemaker.amazonaws.com"}}}]}"#,
    r#"{
  "Version": "2012-10-17",
  "Id": "endpoint-policy",
  "Statement": {
    "Effect": "Deny",
    "NotAction": "sagemaker:Describe*",
    "NotResource": ["arn:aws:sagemaker:*:*:endpoint/prod-*", "*"],
    "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": false}, "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}, "IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "2001:db8::/32"]}, "DateGreaterThan": {"aws:CurrentTime": "2024-01-31T12:00:00Z"}}
  }
}"#,
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:root","123456789012"],"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Deny","NotPrincipal":"*","Action":"*","Resource":"*","Condition":{"Null":{"aws:RequestTag/Project":"true"},"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/${aws:username}"}}}]}"#,
    r#"{"Statement":[{"Effect":"Allow","Action":[],"Resource":[]},{"Effect":"Allow","Action":"sagemaker:List*","Resource":"*","Condition":{}}]}"#,
    r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["sagemaker:CreateEndpoint","sagemaker:CreateEndpointConfig","sagemaker:CreateModel"],"Resource":["arn:aws:sagemaker:us-east-1:123456789012:endpoint/e","arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/c","arn:aws:sagemaker:us-east-1:123456789012:model/m"],"Condition":{"StringLike":{"sagemaker:VpcSubnets":"subnet-*"},"ForAnyValue:StringEquals":{"aws:TagKeys":["team","project"]},"NumericEquals":{"sagemaker:VolumeKmsKey":1.5e3}}}]}"#,
];

#[derive(Debug, Clone)]
enum Edit {
    Flip(Index, u8),
    Insert(Index, u8),
    InsertToken(Index, &'static str),
    Delete(Index, usize),
    Truncate(Index),
    Duplicate(Index, usize, Index),
    Swap(Index, Index),
}

const INTERESTING_BYTES: &[u8] = b"{}[]\":,\\*? 0-e.ntf\n\x00\x7f\xc3\xa9\xff";

const INSERTS: &[&str] = &[
    "\"Effect\":\"Allow\",",
    "null",
    "[]",
    "{}",
    "\"\\u00e9\"",
    ",",
    "\"Action\":\"*\",",
    "\"NotAction\":\"*\",",
    "\"Principal\":\"*\",",
    "\"Condition\":{\"StringEquals\":{\"aws:SourceIp\":1}},",
    "1e999",
    "\"\\ud800\"",
    "ForAnyValue:",
    "IfExists",
    "${aws:username}",
];

fn edit() -> BoxedStrategy<Edit> {
    prop_oneof![
        (any::<Index>(), 1..=255u8).prop_map(|(at, mask)| Edit::Flip(at, mask)),
        (
            any::<Index>(),
            prop_oneof![select(INTERESTING_BYTES), any::<u8>()]
        )
            .prop_map(|(at, byte)| Edit::Insert(at, byte)),
        (any::<Index>(), select(INSERTS)).prop_map(|(at, token)| Edit::InsertToken(at, token)),
        (any::<Index>(), 1..32usize).prop_map(|(at, len)| Edit::Delete(at, len)),
        any::<Index>().prop_map(Edit::Truncate),
        (any::<Index>(), 1..64usize, any::<Index>())
            .prop_map(|(from, len, to)| Edit::Duplicate(from, len, to)),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::Swap(a, b)),
    ]
    .boxed()
}

fn apply(bytes: &mut Vec<u8>, edit: &Edit) {
    let len = bytes.len();
    match edit {
        Edit::Flip(at, mask) if len > 0 => bytes[at.index(len)] ^= mask,
        Edit::Insert(at, byte) => bytes.insert(at.index(len + 1), *byte),
        Edit::InsertToken(at, token) => {
            let at = at.index(len + 1);
            bytes.splice(at..at, token.bytes());
        }
        Edit::Delete(at, count) if len > 0 => {
            let at = at.index(len);
            bytes.drain(at..(at + count).min(len));
        }
        Edit::Truncate(at) => bytes.truncate(at.index(len + 1)),
        Edit::Duplicate(from, count, to) if len > 0 => {
            let from = from.index(len);
            let slice = bytes[from..(from + count).min(len)].to_vec();
            let to = to.index(len + 1);
            bytes.splice(to..to, slice);
        }
        Edit::Swap(a, b) if len > 0 => bytes.swap(a.index(len), b.index(len)),
        _ => {}
    }
}

fn mutated() -> BoxedStrategy<String> {
    let seed = prop_oneof![
        1 => select(SEEDS).prop_map(str::to_owned),
        1 => document().prop_map(|document| document.text),
    ];
    (seed, vec(edit(), 1..8))
        .prop_map(|(seed, edits)| {
            let mut bytes = seed.into_bytes();
            for edit in &edits {
                apply(&mut bytes, edit);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .boxed()
}

// ---------------------------------------------------------------------------------------------
// The properties

#[test]
fn arbitrary_text_never_panics() {
    fuzz(
        "arbitrary_text",
        (arbitrary_text(), validator_index()),
        |(text, validator)| {
            let _rejected = check_document(&text, validator)?;
            Ok(())
        },
    );
}

#[test]
fn structured_policies_round_trip_and_validate_consistently() {
    fuzz(
        "structured_policies",
        (document(), validator_index()),
        |(document, validator)| {
            let outcome = check_document(&document.text, validator)?;
            match outcome {
                Ok(()) => {
                    prop_assert!(
                        document.well_formed && !document.duplicated,
                        "from_json accepted a malformed document"
                    );
                    // The text is the generated value: the writer is sound.
                    let written: Value = serde_json::from_str(&document.text)
                        .map_err(|error| TestCaseError::fail(error.to_string()))?;
                    prop_assert_eq!(written, document.value);
                }
                Err(code) => {
                    prop_assert!(
                        !document.well_formed || document.duplicated,
                        "from_json rejected a well-formed document: {}",
                        code
                    );
                    if document.well_formed {
                        prop_assert_eq!(code, "DUPLICATE_ELEMENT");
                    }
                }
            }
            Ok(())
        },
    );
}

#[test]
fn mutated_policies_never_panic() {
    fuzz(
        "mutated_policies",
        (mutated(), validator_index()),
        |(text, validator)| {
            let _rejected = check_document(&text, validator)?;
            Ok(())
        },
    );
}

#[test]
fn seeds_are_valid_policies() {
    for seed in SEEDS {
        assert!(Policy::from_json(seed).is_ok(), "{seed}");
    }
}

#[test]
fn deep_nesting_is_an_error() {
    let depth = 100_000;
    let documents = [
        "[".repeat(depth),
        "{\"Statement\":".repeat(depth),
        format!(
            "{{\"Statement\":{{\"Effect\":\"Allow\",\"Action\":{}",
            "[".repeat(depth)
        ),
        format!(
            "{{\"Statement\":{{\"Effect\":\"Allow\",\"Action\":{}",
            "{\"a\":".repeat(depth)
        ),
        format!(
            "{{\"Statement\":{{\"Effect\":\"Allow\",\"Condition\":{{\"StringEquals\":{{\"k\":{}",
            "[".repeat(depth)
        ),
        format!("{}{}", "[".repeat(depth), "]".repeat(depth)),
    ];
    for text in &documents {
        assert!(Policy::from_json(text).is_err());
        let findings = sagemaker_actions::validate::validate_json(text);
        assert_eq!(findings.len(), 1);
    }
}
