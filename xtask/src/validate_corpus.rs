//! `cargo xtask validate-corpus DIR`: the validator against real policies. Scrapes every page
//! under DIR/aws-pages/services into a catalog (in memory; pages of one service prefix merged,
//! what they define differently printed as warnings), extracts every policy embedded in
//! the prose of DIR/seeds/*.txt, and validates each twice: with SageMaker's built-in catalog
//! only, and with every catalog loaded. Prints a summary and the findings of each policy.
//!
//! The Step Functions seed documents templates: `[[region]]`, `[[accountId]]`, `[[roleArn]]`
//! and resource names stand for the values Step Functions fills in. Such a policy is validated
//! as instantiated with example values (see [`PLACEHOLDERS`]); what the validator says about
//! the text as written is shown in one line beside it.
//!
//! Then every document of DIR/service-reference (AWS's service reference JSON, as
//! `sagemaker-actions sync-service-reference` saves it) is read, and the policies are validated
//! once more with those documents covering the services no page covers; per-code counts.
//!
//! Fails when DIR is missing, a page does not scrape or load as a catalog, fewer than
//! [`MIN_POLICIES`] policies are found, or a policy of the Step Functions or the Pipelines seed
//! has an `ERROR` finding with the SageMaker catalog only (those are AWS's own, working
//! policies: an error there is a false positive of the validator).

use anyhow::{anyhow, bail, Context, Result};
use catalog_gen::scrape::scrape;
use sagemaker_actions::validate::{
    Finding, ServiceCatalog, ServiceReferenceDir, Severity, Validator,
};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The directory with the pages and the seeds.
#[derive(clap::Args, Debug)]
pub(crate) struct ValidateCorpusArgs {
    /// The shared directory, holding aws-pages/services/*.html and seeds/*.txt, e.g. ../shared.
    pub dir: PathBuf,
}

/// Fewer policies than this in the seeds means the extraction broke.
const MIN_POLICIES: usize = 10;

/// Seeds whose policies must validate without errors against the SageMaker catalog: a
/// phrase of the seed's title, and how many policies it holds at least.
const MUST_PASS: &[(&str, usize)] = &[("Step Functions", 8), ("Pipelines", 1)];

/// Values for the placeholders of the Step Functions templates; any other `[[name]]` becomes
/// `name`.
pub(crate) const PLACEHOLDERS: &[(&str, &str)] = &[
    ("region", "us-east-1"),
    ("accountId", "123456789012"),
    (
        "roleArn",
        "arn:aws:iam::123456789012:role/StepFunctionsSageMakerRole",
    ),
];

/// A policy found in a seed.
pub(crate) struct SeedPolicy {
    /// The seed's file name.
    pub file: String,
    /// The seed's first line.
    pub title: String,
    /// 1-based position in the seed.
    pub number: usize,
    /// The nearest line of prose above the policy.
    pub caption: String,
    /// The JSON text, with any `[[placeholder]]` filled in.
    pub text: String,
    /// The text as written, when it had placeholders.
    pub template: Option<String>,
}

impl SeedPolicy {
    /// `000_a6f0fe0973e8e292.txt#1`.
    pub fn name(&self) -> String {
        format!("{}#{}", self.file, self.number)
    }
}

/// A catalog scraped from one page.
pub(crate) struct LoadedCatalog {
    /// The page's file name.
    pub page: String,
    /// The catalog, read back from the data-file text the scraper writes.
    pub catalog: ServiceCatalog,
}

pub(crate) fn run(args: &ValidateCorpusArgs) -> Result<()> {
    let (services, seeds) = shared_dirs(&args.dir)?;
    let catalogs = load_catalogs(&services)?;
    for loaded in &catalogs {
        println!(
            "catalog {:<28} {:<22} actions={:<4} resource_types={:<3} condition_keys={}",
            loaded.page,
            loaded.catalog.prefix,
            loaded.catalog.actions().len(),
            loaded.catalog.resource_types().len(),
            loaded.catalog.condition_keys.len()
        );
    }
    let everything = with_all(&catalogs);
    for catalog in everything.catalogs() {
        if catalog.sources().len() > 1 {
            println!(
                "prefix {:?}: {} merged ({} actions, {} resource types, {} condition keys)",
                catalog.prefix,
                catalog.sources().join(" + "),
                catalog.actions().len(),
                catalog.resource_types().len(),
                catalog.condition_keys.len()
            );
        }
    }
    for conflict in everything.catalog_conflicts() {
        println!("  warning: {conflict}");
    }
    let policies = seed_policies(&seeds)?;
    println!(
        "{} pages loaded into {} catalogs, {} policies found in {}",
        catalogs.len(),
        everything.catalogs().len(),
        policies.len(),
        seeds.display()
    );
    if policies.len() < MIN_POLICIES {
        bail!(
            "only {} policies found in {}; expected at least {MIN_POLICIES} (is the extraction broken?)",
            policies.len(),
            seeds.display()
        );
    }

    let sagemaker_only = Validator::new();
    let mut failures = Vec::new();
    let mut totals: [BTreeMap<Severity, usize>; 2] = Default::default();
    let mut codes: BTreeMap<(Severity, &'static str), usize> = BTreeMap::new();
    for policy in &policies {
        let statements = serde_json::from_str::<serde_json::Value>(&policy.text)
            .ok()
            .and_then(|value| match &value["Statement"] {
                serde_json::Value::Array(items) => Some(items.len()),
                serde_json::Value::Object(_) => Some(1),
                _ => None,
            })
            .map_or_else(|| "?".to_owned(), |count| count.to_string());
        println!(
            "\n== {} {:?} ({}; {statements} statements, {} characters)",
            policy.name(),
            policy.caption,
            policy.title,
            policy.text.len()
        );
        if let Some(template) = &policy.template {
            let findings = sagemaker_only.validate_json(template);
            let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
            for finding in findings
                .iter()
                .filter(|finding| finding.severity >= Severity::Warning)
            {
                *codes.entry(finding.code).or_default() += 1;
            }
            let codes: Vec<String> = codes
                .iter()
                .map(|(code, count)| format!("{code} x{count}"))
                .collect();
            println!(
                "  as written, with [[placeholders]] (SageMaker catalog only): {} ({}); validated below with them filled in",
                summary(&findings),
                codes.join(", ")
            );
        }
        let must_pass = MUST_PASS
            .iter()
            .any(|(phrase, _)| policy.title.contains(phrase));
        for (index, (label, validator)) in [
            ("sagemaker catalog only", &sagemaker_only),
            ("all catalogs", &everything),
        ]
        .into_iter()
        .enumerate()
        {
            let findings = validator.validate_json(&policy.text);
            println!("  {label}: {}", summary(&findings));
            for finding in &findings {
                println!("    {finding}");
                *totals[index].entry(finding.severity).or_default() += 1;
                if index == 1 {
                    *codes.entry((finding.severity, finding.code)).or_default() += 1;
                }
            }
            if index == 0 && must_pass {
                let errors = findings
                    .iter()
                    .filter(|finding| finding.severity == Severity::Error)
                    .count();
                if errors > 0 {
                    failures.push(format!(
                        "{} ({}): {errors} ERROR finding(s) with the SageMaker catalog only",
                        policy.name(),
                        policy.caption
                    ));
                }
            }
        }
    }

    println!("\n== totals over {} policies", policies.len());
    for (index, label) in ["sagemaker catalog only", "all catalogs"]
        .iter()
        .enumerate()
    {
        println!("  {label}: {}", counts_line(&totals[index]));
    }
    println!("  finding codes with all catalogs:");
    for ((severity, code), count) in codes.iter().rev() {
        println!("    {count:>4} {severity} {code}");
    }
    println!(
        "  ERROR findings on the seed policies: {} with the SageMaker catalog only, {} with all catalogs",
        totals[0].get(&Severity::Error).copied().unwrap_or(0),
        totals[1].get(&Severity::Error).copied().unwrap_or(0)
    );

    service_reference_reach(&args.dir, &everything, &policies)?;

    for (phrase, expected) in MUST_PASS {
        let found = policies
            .iter()
            .filter(|policy| policy.title.contains(phrase))
            .count();
        if found < *expected {
            failures.push(format!(
                "expected at least {expected} policies in the {phrase} seed, found {found}"
            ));
        }
    }
    if !failures.is_empty() {
        bail!(
            "{} check(s) failed:\n  {}",
            failures.len(),
            failures.join("\n  ")
        );
    }
    println!(
        "ok: the Step Functions and Pipelines policies have no ERROR with the SageMaker catalog"
    );
    Ok(())
}

/// DIR/aws-pages/services and DIR/seeds, failing loudly when either is missing.
/// Validates the policies with every catalog and, for the services no page covers, the service
/// reference documents of DIR/service-reference (all read up front, to time it); prints the
/// per-code counts. A document that does not read is a warning, not a failure.
fn service_reference_reach(
    dir: &Path,
    everything: &Validator,
    policies: &[SeedPolicy],
) -> Result<()> {
    let documents_dir = dir.join("service-reference");
    if !documents_dir.is_dir() {
        println!(
            "\n== service reference: {} is missing; skipped",
            documents_dir.display()
        );
        return Ok(());
    }
    let started = std::time::Instant::now();
    let documents = ServiceReferenceDir::open(&documents_dir)
        .map_err(|error| anyhow!("service reference {}: {error}", documents_dir.display()))?;
    documents.load_all();
    let elapsed = started.elapsed();
    let listed = documents.prefixes().count();
    let by_pages = documents
        .prefixes()
        .filter(|prefix| {
            everything
                .catalogs()
                .iter()
                .any(|catalog| catalog.prefix.eq_ignore_ascii_case(prefix))
        })
        .count();
    let errors = documents.errors();
    println!(
        "\n== with the service reference too: {listed} documents in {}, {} read in {} ms ({} unreadable), {} used ({by_pages} services have a page catalog, which wins)",
        documents_dir.display(),
        documents.loaded(),
        elapsed.as_millis(),
        errors.len(),
        listed - by_pages - errors.len(),
    );
    for error in &errors {
        println!("  warning: {error}");
    }
    let reach = everything.clone().with_service_reference(documents);
    let mut totals: BTreeMap<Severity, usize> = BTreeMap::new();
    let mut codes: BTreeMap<(Severity, &'static str), usize> = BTreeMap::new();
    for policy in policies {
        for finding in reach.validate_json(&policy.text) {
            *totals.entry(finding.severity).or_default() += 1;
            *codes.entry((finding.severity, finding.code)).or_default() += 1;
        }
    }
    println!(
        "  all catalogs and the service reference: {}",
        counts_line(&totals)
    );
    println!("  finding codes with all catalogs and the service reference:");
    for ((severity, code), count) in codes.iter().rev() {
        println!("    {count:>4} {severity} {code}");
    }
    Ok(())
}

pub(crate) fn shared_dirs(dir: &Path) -> Result<(PathBuf, PathBuf)> {
    if !dir.is_dir() {
        bail!(
            "{} is not a directory: the shared corpus (aws-pages/services/*.html, seeds/*.txt) is missing; CI expects ../shared beside the checkout",
            dir.display()
        );
    }
    let services = dir.join("aws-pages/services");
    let seeds = dir.join("seeds");
    for needed in [&services, &seeds] {
        if !needed.is_dir() {
            bail!(
                "{} is missing: {} does not look like the shared corpus",
                needed.display(),
                dir.display()
            );
        }
    }
    Ok((services, seeds))
}

/// Scrapes every page of `dir` and loads the data-file text as a catalog; any failure is an
/// error naming the page.
pub(crate) fn load_catalogs(dir: &Path) -> Result<Vec<LoadedCatalog>> {
    let pages = files_with_extension(dir, "html")?;
    if pages.is_empty() {
        bail!("{} holds no .html pages", dir.display());
    }
    let mut loaded: Vec<LoadedCatalog> = Vec::new();
    let mut failures = Vec::new();
    for path in &pages {
        let page = file_name(path);
        let result = crate::read_file(path).and_then(|bytes| {
            let scraped = scrape(&bytes, None).context("cannot scrape it")?;
            ServiceCatalog::from_json(&scraped.catalog.to_json())
                .context("its data file does not load as a catalog")
        });
        match result {
            // Pages of one prefix (apigateway.html and apigateway-v2.html) are merged by
            // `with_all`, not rejected.
            Ok(catalog) => loaded.push(LoadedCatalog {
                catalog: catalog.with_source(page.clone()),
                page,
            }),
            Err(error) => failures.push(format!("{page}: {error:#}")),
        }
    }
    if !failures.is_empty() {
        bail!(
            "{} of {} pages failed:\n  {}",
            failures.len(),
            pages.len(),
            failures.join("\n  ")
        );
    }
    Ok(loaded)
}

/// A validator with SageMaker's catalog and every loaded one, those of one prefix merged; what
/// they define differently is in its `catalog_conflicts`.
pub(crate) fn with_all(catalogs: &[LoadedCatalog]) -> Validator {
    catalogs.iter().fold(Validator::new(), |validator, loaded| {
        validator.with_catalog(loaded.catalog.clone())
    })
}

/// Every policy embedded in the seeds of `dir`, in file order.
pub(crate) fn seed_policies(dir: &Path) -> Result<Vec<SeedPolicy>> {
    let mut policies = Vec::new();
    for path in files_with_extension(dir, "txt")? {
        let text = String::from_utf8(crate::read_file(&path)?)
            .with_context(|| format!("{} is not UTF-8", path.display()))?;
        let file = file_name(&path);
        let title = text
            .lines()
            .map(str::trim)
            .find(|line| !line.is_empty())
            .unwrap_or_default()
            .to_owned();
        for (number, (start, end)) in embedded_policies(&text).into_iter().enumerate() {
            let caption = text[..start]
                .lines()
                .rev()
                .map(str::trim)
                .find(|line| !line.is_empty())
                .unwrap_or_default();
            let written = &text[start..end];
            let filled = fill_placeholders(written);
            policies.push(SeedPolicy {
                file: file.clone(),
                title: title.clone(),
                number: number + 1,
                caption: shorten(caption, 60),
                template: (filled != written).then(|| written.to_owned()),
                text: filled,
            });
        }
    }
    Ok(policies)
}

/// `text` with every `[[name]]` replaced by its value in [`PLACEHOLDERS`], or by `name`.
pub(crate) fn fill_placeholders(text: &str) -> String {
    let mut filled = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(at) = rest.find("[[") {
        let Some(length) = rest[at + 2..].find("]]") else {
            break;
        };
        let name = &rest[at + 2..at + 2 + length];
        filled.push_str(&rest[..at]);
        let value = PLACEHOLDERS
            .iter()
            .find(|(placeholder, _)| *placeholder == name)
            .map_or(name, |(_, value)| value);
        filled.push_str(value);
        rest = &rest[at + 2 + length + 2..];
    }
    filled.push_str(rest);
    filled
}

/// Byte ranges of every balanced `{ "Version": ... }` object in `text`.
pub(crate) fn embedded_policies(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = text[at..].find('{') {
        let start = at + offset;
        let opens_policy = text[start + 1..].trim_start().starts_with("\"Version\"");
        match opens_policy.then(|| balanced_end(bytes, start)).flatten() {
            Some(end) => {
                found.push((start, end));
                at = end;
            }
            None => at = start + 1,
        }
    }
    found
}

/// The end (exclusive) of the JSON object opening at `start`, skipping braces inside strings.
fn balanced_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (offset, &byte) in bytes[start..].iter().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(start + offset + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// "1 ERROR, 2 WARNING, ..." or "no findings".
pub(crate) fn summary(findings: &[Finding]) -> String {
    let mut counts = BTreeMap::new();
    for finding in findings {
        *counts.entry(finding.severity).or_default() += 1;
    }
    counts_line(&counts)
}

fn counts_line(counts: &BTreeMap<Severity, usize>) -> String {
    if counts.is_empty() {
        return "no findings".to_owned();
    }
    counts
        .iter()
        .rev()
        .map(|(severity, count)| format!("{count} {severity}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_owned();
    }
    let mut short: String = text.chars().take(limit).collect();
    short.push('…');
    short
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The files of `dir` (not recursive) ending in `.extension`, sorted.
fn files_with_extension(dir: &Path, extension: &str) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("cannot list {}", dir.display()))? {
        let path = entry
            .with_context(|| format!("cannot list {}", dir.display()))?
            .path();
        if path.is_file() && path.extension().is_some_and(|found| found == extension) {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_template_placeholders() {
        assert_eq!(
            fill_placeholders(
                r#"["arn:aws:sagemaker:[[region]]:[[accountId]]:training-job/[[trainingJobName]]*", "[[roleArn]]", "[[open"]"#
            ),
            r#"["arn:aws:sagemaker:us-east-1:123456789012:training-job/trainingJobName*", "arn:aws:iam::123456789012:role/StepFunctionsSageMakerRole", "[[open"]"#
        );
    }

    #[test]
    fn finds_balanced_policies_in_prose() {
        let text = r#"Intro { not a policy }
Run a Job
{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Resource": "}{" } ] }
between
{"Version":"2012-10-17","Statement":{"Effect":"Deny"}} and { "Version": "unbalanced"
"#;
        let found: Vec<&str> = embedded_policies(text)
            .into_iter()
            .map(|(start, end)| &text[start..end])
            .collect();
        assert_eq!(
            found,
            [
                r#"{ "Version": "2012-10-17", "Statement": [ { "Effect": "Allow", "Resource": "}{" } ] }"#,
                r#"{"Version":"2012-10-17","Statement":{"Effect":"Deny"}}"#,
            ]
        );
    }
}
