//! `cargo xtask scrape-global-keys`: AWS's global condition keys page (Markdown) in,
//! `data/global-condition-keys.json` out, with what changed against the file it replaces.

use anyhow::{bail, Context, Result};
use catalog_gen::codegen::GLOBAL_KEYS_FILE;
use catalog_gen::files::write_atomically;
use catalog_gen::global_keys::{
    compare, read_global_keys_page, sort_keys, KeyDifference, PAGE_URL,
};
use catalog_gen::model::{GlobalConditionKeys, KeptKey};
use std::path::{Path, PathBuf};

/// Where the page comes from and what to do with the result.
#[derive(clap::Args, Debug, Clone)]
pub(crate) struct ScrapeGlobalKeysArgs {
    /// The global condition keys page in Markdown (reference_policies_condition-keys.md).
    #[arg(long, value_name = "FILE")]
    pub md: PathBuf,
    /// The URL recorded as the source.
    #[arg(long, value_name = "URL", default_value = PAGE_URL)]
    pub source_url: String,
    /// Output file. Default: data/global-condition-keys.json in the workspace.
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Compare with the existing output file instead of writing it; exit non-zero if they differ.
    #[arg(long)]
    pub check: bool,
    /// Accept that the page no longer documents this key the existing file has (repeatable).
    #[arg(long, value_name = "KEY")]
    pub drop: Vec<String>,
}

/// Keys the page does not document that the data file keeps, with the evidence. Their type and
/// description are carried over from the existing data file.
///
/// aws:SignInSessionArn: the archived copy of the page (crowecawcaw/aws-docs-history, the newest
/// stored) predates it, while the project's IAM facts sheet (section 1.2) read it, ARN and
/// single-valued, from a newer copy of the same AWS page.
const KEPT: &[(&str, &str)] = &[(
    "aws:SignInSessionArn",
    "Documented (ARN, single-valued, under Properties of a role session) by a newer copy of the \
     same AWS page than the one read; see the IAM facts sheet, section 1.2",
)];

pub(crate) fn run(args: &ScrapeGlobalKeysArgs) -> Result<()> {
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| crate::project_root().join(GLOBAL_KEYS_FILE));
    let bytes = crate::read_file(&args.md)?;
    let read = read_global_keys_page(&bytes, &args.source_url)
        .with_context(|| format!("cannot read {}", args.md.display()))?;
    let existing = read_existing(&out)?;
    let keys = with_kept_keys(read.clone(), existing.as_ref(), KEPT)?;

    let (page_keys, cross, deprecated) = (
        read.condition_keys.len(),
        read.cross_service_keys.len(),
        read.condition_keys
            .iter()
            .chain(&read.cross_service_keys)
            .filter(|key| key.deprecated.is_some())
            .count(),
    );
    eprintln!(
        "{}: {page_keys} aws: keys, {cross} cross-service keys, {deprecated} deprecated; {} kept from {}",
        args.md.display(),
        keys.not_on_page.len(),
        out.display(),
    );
    if let Some(old) = &existing {
        let differences = compare(old, &keys);
        let missing: Vec<&str> = differences
            .iter()
            .filter_map(|difference| match difference {
                KeyDifference::Missing { name, .. } if !args.drop.contains(name) => {
                    Some(name.as_str())
                }
                _ => None,
            })
            .collect();
        for difference in &differences {
            eprintln!("  {difference}");
        }
        if !missing.is_empty() {
            bail!(
                "{} has keys the page does not document: {}; keep them (KEPT in xtask/src/global_keys.rs, with the evidence) or drop them with --drop KEY",
                out.display(),
                missing.join(", ")
            );
        }
    }

    let json = keys.to_json();
    if args.check {
        let current = std::fs::read_to_string(&out)
            .with_context(|| format!("cannot read {}", out.display()))?;
        if current != json {
            bail!(
                "{} differs from what the page gives; run without --check to update it",
                out.display()
            );
        }
        eprintln!("{} is up to date", out.display());
        return Ok(());
    }
    write_atomically(&out, json.as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("wrote {}", out.display());
    Ok(())
}

/// The existing data file, `None` when there is none yet.
fn read_existing(path: &Path) -> Result<Option<GlobalConditionKeys>> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str(&text)
            .map(Some)
            .or_else(|_| read_hand_made(&text).map(Some))
            .with_context(|| format!("{} is not a global condition keys file", path.display())),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(error).with_context(|| format!("cannot read {}", path.display())),
    }
}

/// The hand-made file this command replaced, whose `source` was free text.
fn read_hand_made(text: &str) -> Result<GlobalConditionKeys> {
    let mut value: serde_json::Value = serde_json::from_str(text)?;
    let Some(source) = value.get_mut("source").filter(|source| source.is_string()) else {
        bail!("no free-text source: not the hand-made file");
    };
    *source = serde_json::json!({ "url": "", "sha256": "" });
    Ok(serde_json::from_value(value)?)
}

/// Adds the `kept` keys the page lacks, taking their entries from `existing`.
fn with_kept_keys(
    mut keys: GlobalConditionKeys,
    existing: Option<&GlobalConditionKeys>,
    kept: &[(&str, &str)],
) -> Result<GlobalConditionKeys> {
    for &(name, reason) in kept {
        let on_page = keys
            .condition_keys
            .iter()
            .chain(&keys.cross_service_keys)
            .any(|key| key.name.eq_ignore_ascii_case(name));
        if on_page {
            bail!("the page now documents {name}: remove it from KEPT in xtask/src/global_keys.rs");
        }
        let Some(entry) = existing.and_then(|existing| {
            existing
                .condition_keys
                .iter()
                .chain(&existing.cross_service_keys)
                .find(|key| key.name == name)
        }) else {
            bail!("{name} is to be kept but the existing data file does not define it");
        };
        if name.starts_with("aws:") {
            keys.condition_keys.push(entry.clone());
        } else {
            keys.cross_service_keys.push(entry.clone());
        }
        keys.not_on_page.push(KeptKey {
            name: name.to_owned(),
            reason: reason.to_owned(),
        });
    }
    sort_keys(&mut keys.condition_keys);
    sort_keys(&mut keys.cross_service_keys);
    Ok(keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalog_gen::model::{ConditionKey, Source};

    fn key(name: &str, value_type: &str) -> ConditionKey {
        ConditionKey {
            name: name.into(),
            description: format!("{name} text"),
            value_type: value_type.into(),
            deprecated: None,
        }
    }

    fn keys(condition_keys: Vec<ConditionKey>) -> GlobalConditionKeys {
        GlobalConditionKeys {
            source: Source {
                url: "u".into(),
                sha256: "00".into(),
                format: None,
                date: None,
                version: None,
            },
            condition_keys,
            cross_service_keys: Vec::new(),
            not_on_page: Vec::new(),
        }
    }

    #[test]
    fn a_kept_key_is_carried_over_sorted_and_recorded() {
        let page = keys(vec![key("aws:B", "String"), key("aws:d", "Bool")]);
        let old = keys(vec![key("aws:C", "ARN")]);
        let merged = with_kept_keys(page, Some(&old), &[("aws:C", "why")]).unwrap();
        let names: Vec<&str> = merged
            .condition_keys
            .iter()
            .map(|key| key.name.as_str())
            .collect();
        assert_eq!(names, ["aws:B", "aws:C", "aws:d"]);
        assert_eq!(merged.condition_keys[1], key("aws:C", "ARN"));
        assert_eq!(
            merged.not_on_page,
            [KeptKey {
                name: "aws:C".into(),
                reason: "why".into()
            }]
        );
    }

    #[test]
    fn a_kept_key_the_page_documents_or_the_old_file_lacks_is_an_error() {
        let page = keys(vec![key("aws:B", "String")]);
        let error = with_kept_keys(page.clone(), None, &[("aws:b", "why")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the page now documents aws:b: remove it from KEPT in xtask/src/global_keys.rs"
        );
        let error = with_kept_keys(page, Some(&keys(vec![])), &[("aws:C", "why")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "aws:C is to be kept but the existing data file does not define it"
        );
    }

    #[test]
    fn the_hand_made_file_still_reads() {
        let old = read_hand_made(
            r#"{"source": "transcribed", "condition_keys": [{"name": "aws:A", "type": "Bool", "description": "d"}]}"#,
        )
        .unwrap();
        assert_eq!(old.condition_keys.len(), 1);
        assert_eq!(old.condition_keys[0].value_type, "Bool");
        assert!(read_hand_made(
            r#"{"source": {"url": "u", "sha256": "00"}, "condition_keys": []}"#
        )
        .is_err());
    }
}
