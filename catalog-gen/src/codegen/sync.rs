//! Reading the data files and making the generated directory match them: what
//! `cargo xtask codegen` and the freshness test both run.

use super::{generate, CodegenError, DATA_FILE, GLOBAL_KEYS_FILE, HISTORY_FILE, OUTPUT_DIR};
use crate::files::{ensure_file_contents, FileError, Mode, Outcome};
use crate::history::History;
use crate::model::{Catalog, GlobalConditionKeys};
use std::path::{Path, PathBuf};

/// What a sync did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncReport {
    /// Every generated file, relative to the workspace root.
    pub files: Vec<PathBuf>,
    /// Those whose bytes changed (always empty in [`Mode::Check`]).
    pub written: Vec<PathBuf>,
    /// Files of the output directory that codegen does not produce and that were removed.
    pub removed: Vec<PathBuf>,
}

/// Why a sync failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SyncError {
    /// A data file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A data file is not valid JSON of the expected shape.
    #[error("{} is not a valid data file: {source}", path.display())]
    Parse {
        /// The file.
        path: PathBuf,
        /// Where and what.
        source: serde_json::Error,
    },
    /// The data cannot become code.
    #[error("cannot generate code from {DATA_FILE}: {0}")]
    Codegen(#[from] CodegenError),
    /// A generated file is stale, or could not be written.
    #[error(transparent)]
    File(#[from] FileError),
    /// Check mode found files that codegen does not produce.
    #[error("{OUTPUT_DIR} holds files codegen does not produce: {}; run `cargo xtask codegen`", names.join(", "))]
    StrayFiles {
        /// Their names.
        names: Vec<String>,
    },
}

/// Generates from `root/data` into `root/sagemaker-actions/src/generated`, writing only files
/// whose bytes change ([`Mode::Write`]) or failing on the first stale one ([`Mode::Check`]).
pub fn sync(root: &Path, mode: Mode) -> Result<SyncReport, SyncError> {
    let catalog: Catalog = read_json(&root.join(DATA_FILE))?;
    let globals: GlobalConditionKeys = read_json(&root.join(GLOBAL_KEYS_FILE))?;
    let history_path = root.join(HISTORY_FILE);
    let history: Option<History> = if history_path.exists() {
        Some(read_json(&history_path)?)
    } else {
        None
    };
    let generated = generate(&catalog, &globals, history.as_ref())?;
    let output_dir = root.join(OUTPUT_DIR);
    let mut report = SyncReport {
        files: Vec::new(),
        written: Vec::new(),
        removed: Vec::new(),
    };
    for file in &generated {
        let relative = Path::new(OUTPUT_DIR).join(file.file_name);
        let outcome = ensure_file_contents(&root.join(&relative), file.contents.as_bytes(), mode)?;
        if outcome == Outcome::Written {
            report.written.push(relative.clone());
        }
        report.files.push(relative);
    }
    let strays = stray_files(&output_dir, &generated)?;
    if !strays.is_empty() {
        if mode == Mode::Check {
            return Err(SyncError::StrayFiles { names: strays });
        }
        for name in strays {
            let relative = Path::new(OUTPUT_DIR).join(&name);
            std::fs::remove_file(root.join(&relative)).map_err(|source| FileError::Io {
                path: relative.clone(),
                source,
            })?;
            report.removed.push(relative);
        }
    }
    Ok(report)
}

fn stray_files(dir: &Path, generated: &[super::GeneratedFile]) -> Result<Vec<String>, SyncError> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(SyncError::Read {
                path: dir.to_owned(),
                source,
            })
        }
    };
    let mut strays = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| SyncError::Read {
            path: dir.to_owned(),
            source,
        })?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !generated.iter().any(|file| file.file_name == name) {
            strays.push(name);
        }
    }
    strays.sort();
    Ok(strays)
}

fn read_json<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, SyncError> {
    let text = std::fs::read_to_string(path).map_err(|source| SyncError::Read {
        path: path.to_owned(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| SyncError::Parse {
        path: path.to_owned(),
        source,
    })
}
