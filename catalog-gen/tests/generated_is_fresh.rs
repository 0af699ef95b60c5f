//! `cargo test` fails when `sagemaker-actions/src/generated/` is stale: when someone edited
//! `data/sagemaker.json` (or the generator) without running `cargo xtask codegen`.

use catalog_gen::codegen::{sync, SyncError};
use catalog_gen::files::{FileError, Mode};
use std::path::Path;

#[test]
fn generated_code_matches_the_data() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("catalog-gen sits in the workspace root");
    match sync(root, Mode::Check) {
        Ok(report) => assert_eq!(report.files.len(), 8, "{report:?}"),
        Err(error @ (SyncError::File(FileError::Stale { .. }) | SyncError::StrayFiles { .. })) => {
            panic!("{error}")
        }
        Err(error) => panic!("codegen failed: {error}"),
    }
}

#[test]
fn a_hand_edited_data_file_is_reported_stale_by_name() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let scratch = tempfile::tempdir().unwrap();
    for relative in [
        "data/sagemaker.json",
        "data/global-condition-keys.json",
        "data/sagemaker-history.json",
    ] {
        let target = scratch.path().join(relative);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(root.join(relative), &target).unwrap();
    }
    let generated = scratch.path().join("sagemaker-actions/src/generated");
    std::fs::create_dir_all(&generated).unwrap();
    for entry in std::fs::read_dir(root.join("sagemaker-actions/src/generated")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), generated.join(entry.file_name())).unwrap();
    }
    assert!(sync(scratch.path(), Mode::Check).is_ok());

    let data = scratch.path().join("data/sagemaker.json");
    let edited = std::fs::read_to_string(&data).unwrap().replacen(
        "Grants permission to start a model training job",
        "Grants permission to begin a model training job",
        1,
    );
    std::fs::write(&data, edited).unwrap();
    let error = sync(scratch.path(), Mode::Check).unwrap_err().to_string();
    assert!(
        error.contains("sagemaker-actions/src/generated/actions.rs is stale"),
        "{error}"
    );
    let untouched = std::fs::read(generated.join("actions.rs")).unwrap();
    assert_eq!(
        untouched,
        std::fs::read(root.join("sagemaker-actions/src/generated/actions.rs")).unwrap(),
        "check mode must not write"
    );

    let report = sync(scratch.path(), Mode::Write).unwrap();
    assert_eq!(
        report.written,
        [Path::new("sagemaker-actions/src/generated/actions.rs")]
    );
    assert!(sync(scratch.path(), Mode::Check).is_ok());
}
