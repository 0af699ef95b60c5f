//! What codegen emits for a small catalog, pinned file by file. After an intended change to an
//! emitter, refresh with `UPDATE_EXPECT=1 cargo test -p catalog-gen --test codegen_snapshots`
//! and review the diff of `tests/snapshots/`.

use catalog_gen::codegen::{generate, CodegenError};
use catalog_gen::model::{Catalog, GlobalConditionKeys};
use expect_test::expect_file;

fn fixture() -> (Catalog, GlobalConditionKeys) {
    let catalog = serde_json::from_str(include_str!("fixtures/mini-catalog.json")).unwrap();
    let globals = serde_json::from_str(include_str!("fixtures/mini-globals.json")).unwrap();
    (catalog, globals)
}

#[test]
fn generated_files_match_the_snapshots() {
    let (catalog, globals) = fixture();
    let files = generate(&catalog, &globals, None).unwrap();
    let names: Vec<&str> = files.iter().map(|file| file.file_name).collect();
    assert_eq!(
        names,
        [
            "actions.rs",
            "arns.rs",
            "condition_keys.rs",
            "dependent_actions.rs",
            "operations.rs",
            "resource_types.rs",
            "service.rs",
            "services.rs"
        ]
    );
    for file in &files {
        let snapshot = format!("snapshots/{}", file.file_name);
        expect_file![snapshot].assert_eq(&file.contents);
    }
}

#[test]
fn generation_is_deterministic() {
    let (catalog, globals) = fixture();
    let first = generate(&catalog, &globals, None).unwrap();
    let mut shuffled = catalog.clone();
    shuffled.actions.reverse();
    shuffled.condition_keys.reverse();
    let second = generate(&shuffled, &globals, None).unwrap();
    assert_eq!(first, second, "input order must not change the output");
}

#[test]
fn colliding_identifiers_name_both_sources() {
    let (mut catalog, globals) = fixture();
    let mut twin = catalog.resource_types[0].clone();
    twin.name = "training_plan".into();
    catalog.resource_types.push(twin);
    let error = generate(&catalog, &globals, None).unwrap_err();
    assert!(
        matches!(error, CodegenError::IdentifierCollision { .. }),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "resource type \"training-plan\" and \"training_plan\" both become the Rust identifier `TrainingPlan`"
    );
}

#[test]
fn undefined_condition_keys_are_errors_naming_the_action() {
    let (mut catalog, globals) = fixture();
    catalog.actions[2]
        .condition_keys
        .push("sagemaker:NoSuchKey".into());
    let error = generate(&catalog, &globals, None).unwrap_err().to_string();
    assert_eq!(
        error,
        "action ListTrainingJobs uses condition key \"sagemaker:NoSuchKey\", which neither data/sagemaker.json nor data/global-condition-keys.json defines"
    );
}

#[test]
fn unresolved_resource_types_are_errors_naming_the_action() {
    let (mut catalog, globals) = fixture();
    catalog.actions[2]
        .resource_types
        .push(catalog_gen::model::ActionResourceType {
            name: "endpoint".into(),
            required: true,
            condition_keys: Vec::new(),
        });
    let error = generate(&catalog, &globals, None).unwrap_err().to_string();
    assert_eq!(
        error,
        "action ListTrainingJobs: resource type \"endpoint\" is not in the resource types table"
    );
}

#[test]
fn unknown_value_types_are_errors() {
    let (mut catalog, globals) = fixture();
    catalog.condition_keys[3].value_type = "Long".into();
    let error = generate(&catalog, &globals, None).unwrap_err().to_string();
    assert!(
        error.starts_with("condition key \"sagemaker:InstanceTypes\" has type \"Long\", which is not a known condition key type"),
        "{error}"
    );
}

/// A history in which `OldAction` was listed until 2023-09-02 and `CreateTrainingJob` since
/// 2019-10-10; `AddTags` is newer than every dated version.
fn history(catalog: &Catalog) -> catalog_gen::history::History {
    use catalog_gen::history::{history, Version};
    let mut old = catalog.clone();
    old.actions
        .retain(|action| action.name == "CreateTrainingJob");
    let mut removed = old.actions[0].clone();
    removed.name = "OldAction".into();
    removed.resource_types[0].name = "gone-type".into();
    old.actions.push(removed);
    old.resource_types.push(catalog_gen::model::ResourceType {
        name: "gone-type".into(),
        documentation_url: None,
        arn_formats: vec!["arn:${Partition}:sagemaker:${Region}:${Account}:gone/${Name}".into()],
        condition_keys: Vec::new(),
    });
    let mut newer = old.clone();
    newer.actions.retain(|action| action.name != "OldAction");
    let version = |date: &str, catalog: Catalog| Version {
        date: date.into(),
        location: format!("{date}.html"),
        catalog,
    };
    history(vec![
        version("2019-10-10", old.clone()),
        version("2023-09-02", old),
        version("2023-09-24", newer),
    ])
}

#[test]
fn history_keeps_removed_actions_as_deprecated_variants_and_dates_every_item() {
    let (catalog, globals) = fixture();
    let history = history(&catalog);
    let files = generate(&catalog, &globals, Some(&history)).unwrap();
    let actions = &files[0].contents;
    assert!(actions.contains(
        "note = \"AWS removed sagemaker:OldAction from its catalog after 2023-09-02: IAM no longer knows the action\""
    ));
    // Live actions first (ALL, COUNT, the parse index), the removed one after them.
    assert!(actions.contains("pub const COUNT: usize = 3;"));
    assert!(actions.contains("pub const REMOVED: &'static [Action] = &[Action::OldAction];"));
    assert!(!actions.contains("(\"oldaction\", Action::OldAction)"));
    assert!(actions.contains(
        "const REMOVED_AFTER: &[Option<&str>] = &[None, None, None, Some(\"2023-09-02\")];"
    ));
    // The removed action's rows keep only what the catalog still defines.
    assert!(!actions.contains("gone-type") && !actions.contains("GoneType"));
    assert!(actions.contains("Listed by AWS since 2019-10-10 (the oldest of the 3 dated versions"));
    assert!(actions.contains("Listed by AWS after 2023-09-24: newer than every dated version"));
}
