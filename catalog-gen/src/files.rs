//! Writing generated and scraped files: atomically, and only when the bytes change.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Whether [`ensure_file_contents`] may write, or only compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Write the file when its bytes differ.
    Write,
    /// Never write; a difference is an error.
    Check,
}

/// What [`ensure_file_contents`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The file already had these bytes.
    Unchanged,
    /// The file was created or replaced.
    Written,
}

/// A file that could not be read or written, or is stale in [`Mode::Check`].
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FileError {
    /// Check mode found different (or no) contents.
    #[error("{} is stale: its contents differ from what the data produces; run `cargo xtask regen` (or `cargo xtask codegen`) and commit the result", path.display())]
    Stale {
        /// The stale file.
        path: PathBuf,
    },
    /// An I/O error, with the file it concerns.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

/// Makes `path` hold exactly `contents`. Writes nothing when it already does, and in
/// [`Mode::Check`] reports a difference instead of writing.
pub fn ensure_file_contents(
    path: &Path,
    contents: &[u8],
    mode: Mode,
) -> Result<Outcome, FileError> {
    match fs::read(path) {
        Ok(existing) if existing == contents => return Ok(Outcome::Unchanged),
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(source) => {
            return Err(FileError::Io {
                path: path.to_owned(),
                source,
            })
        }
    }
    if mode == Mode::Check {
        return Err(FileError::Stale {
            path: path.to_owned(),
        });
    }
    write_atomically(path, contents).map_err(|source| FileError::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok(Outcome::Written)
}

/// Writes `contents` to a temporary file beside `path`, then renames it over `path`, so that a
/// reader (or a crash) sees either the old file or the new one, never a partial write.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(directory)?;
    let file_name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"))?;
    let temporary = directory.join(format!(
        ".{}.{}.{}.tmp",
        file_name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&temporary, path)
    })();
    if result.is_err() {
        // The rename did not happen: the temporary file is ours alone to remove.
        let _ = fs::remove_file(&temporary);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_only_when_bytes_change() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("nested/out.txt");
        assert_eq!(
            ensure_file_contents(&path, b"one", Mode::Write).unwrap(),
            Outcome::Written
        );
        assert_eq!(
            ensure_file_contents(&path, b"one", Mode::Write).unwrap(),
            Outcome::Unchanged
        );
        assert_eq!(
            ensure_file_contents(&path, b"one", Mode::Check).unwrap(),
            Outcome::Unchanged
        );
        let stale = ensure_file_contents(&path, b"two", Mode::Check).unwrap_err();
        assert!(stale.to_string().contains("out.txt is stale"), "{stale}");
        assert_eq!(fs::read(&path).unwrap(), b"one");
        ensure_file_contents(&path, b"two", Mode::Write).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(leftovers, ["out.txt"]);
    }

    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let directory = tempfile::tempdir().unwrap();
        let path = directory.path().join("data.json");
        fs::write(&path, b"old").unwrap();
        // A directory in the way makes the rename fail after the temporary file was written.
        let blocked = directory.path().join("blocked");
        fs::create_dir(&blocked).unwrap();
        fs::write(blocked.join("inside"), b"x").unwrap();
        assert!(write_atomically(&blocked, b"new").is_err());
        assert_eq!(fs::read(&path).unwrap(), b"old");
        let names: Vec<_> = fs::read_dir(directory.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(names.is_empty(), "temporary files left: {names:?}");
    }
}
