//! The catalogs of the services SageMaker policies use (`cargo xtask companions` writes them
//! to `data/`), built into the command so that `check` validates a mixed policy with no
//! `--catalog`.

use sagemaker_actions::validate::{ServiceCatalog, Validator};

/// Each companion service's prefix and data file.
const CATALOGS: &[(&str, &str)] = &[
    (
        "apigateway",
        include_str!("../../../../data/apigateway.json"),
    ),
    (
        "cloudformation",
        include_str!("../../../../data/cloudformation.json"),
    ),
    ("codebuild", include_str!("../../../../data/codebuild.json")),
    (
        "codecommit",
        include_str!("../../../../data/codecommit.json"),
    ),
    (
        "codepipeline",
        include_str!("../../../../data/codepipeline.json"),
    ),
    (
        "codestar-connections",
        include_str!("../../../../data/codestar-connections.json"),
    ),
    (
        "cognito-idp",
        include_str!("../../../../data/cognito-idp.json"),
    ),
    ("ec2", include_str!("../../../../data/ec2.json")),
    ("ecr", include_str!("../../../../data/ecr.json")),
    ("eks", include_str!("../../../../data/eks.json")),
    (
        "elasticmapreduce",
        include_str!("../../../../data/elasticmapreduce.json"),
    ),
    ("events", include_str!("../../../../data/events.json")),
    (
        "execute-api",
        include_str!("../../../../data/execute-api.json"),
    ),
    ("firehose", include_str!("../../../../data/firehose.json")),
    ("glue", include_str!("../../../../data/glue.json")),
    ("iam", include_str!("../../../../data/iam.json")),
    ("lambda", include_str!("../../../../data/lambda.json")),
    ("logs", include_str!("../../../../data/logs.json")),
    ("s3", include_str!("../../../../data/s3.json")),
    ("sqs", include_str!("../../../../data/sqs.json")),
    ("states", include_str!("../../../../data/states.json")),
];

/// Adds every built-in companion catalog whose prefix no catalog of `validator` covers yet (a
/// `--catalog` file given for a prefix wins over the built-in one).
pub fn add_companions(mut validator: Validator) -> Validator {
    for (prefix, text) in CATALOGS {
        if validator.catalog(prefix).is_some() {
            continue;
        }
        let catalog = ServiceCatalog::from_json(text)
            .unwrap_or_else(|error| panic!("the built-in data/{prefix}.json is invalid: {error}"))
            .with_source(format!("the built-in {prefix} catalog"));
        // No other catalog covers this prefix (checked above), so nothing is merged and
        // nothing can conflict.
        let conflicts = validator.add_catalog(catalog);
        debug_assert!(conflicts.is_empty(), "{prefix}: {conflicts:?}");
    }
    validator
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_catalog_loads_under_its_prefix() {
        let validator = add_companions(Validator::new());
        for (prefix, _) in CATALOGS {
            let catalog = validator
                .catalog(prefix)
                .unwrap_or_else(|| panic!("{prefix} is not loaded"));
            assert_eq!(&catalog.prefix, prefix);
            assert!(!catalog.actions().is_empty(), "{prefix}");
        }
    }
}
