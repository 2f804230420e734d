//! The briefing's documents: finding the sources under the paths given
//! (`walk`), reading each (`fsread`), turning its bytes into articles by
//! its format (`formats`) and parsing them, on all cores, as the walk
//! finds them (`loader`, the one loader of both the commands and the
//! reader).
//!
//! A source is a file today; it yields one or more [`Document`]s, each an
//! article with a stable identity: its source and its place in it (and a
//! feed item's id). Folders are walked recursively for `*.txt` and `*.md`;
//! files named on the command line are taken whatever their extension. A
//! file or folder that cannot be read, is not a regular file, is too large,
//! or is not text becomes a [`LoadError`] naming it, and the rest load.
//! Files are only ever opened for reading, through [`fsread`], so that none
//! can hang the load.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::fsread::{self, ReadError};

mod budget;
mod formats;
mod loader;
mod markdown;
mod walk;

pub use loader::{Event, load, load_all, spawn};

/// Files larger than this are skipped unless the caller says otherwise.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {error}")]
    Read { path: PathBuf, error: ReadError },
    #[error("{path}: not a text file (binary data)")]
    Binary { path: PathBuf },
    #[error("{path}: no such file or folder")]
    Missing { path: PathBuf },
    #[error("{path}: nothing to read ({why})")]
    NoText { path: PathBuf, why: &'static str },
}

impl LoadError {
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Read { path, .. }
            | LoadError::Binary { path }
            | LoadError::Missing { path }
            | LoadError::NoText { path, .. } => path,
        }
    }

    fn read(path: &Path, error: impl Into<ReadError>) -> Self {
        LoadError::Read {
            path: path.to_path_buf(),
            error: error.into(),
        }
    }
}

/// Where a document came from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    File(PathBuf),
}

impl Origin {
    /// The file.
    pub fn path(&self) -> &Path {
        match self {
            Origin::File(path) => path,
        }
    }

    /// The group it is counted and sorted under: a file's folder.
    pub fn group(&self) -> String {
        match self {
            Origin::File(path) => match path.parent() {
                Some(folder) if !folder.as_os_str().is_empty() => folder.display().to_string(),
                _ => ".".to_owned(),
            },
        }
    }

    /// What to call it where it has no title: the file's name.
    pub fn name(&self) -> String {
        match self {
            Origin::File(path) => path
                .file_name()
                .unwrap_or(path.as_os_str())
                .to_string_lossy()
                .into_owned(),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Origin::File(path) => write!(f, "{}", path.display()),
        }
    }
}

/// One article of a source, parsed, with its identity: the source, its
/// place among the source's articles, and a feed item's id where it has
/// one.
#[derive(Clone, Debug)]
pub struct Document {
    pub origin: Origin,
    /// 0 for a source of one article.
    pub part: usize,
    pub item: Option<String>,
    pub article: Article,
}

impl Document {
    /// The one article of a file.
    pub fn file(path: impl Into<PathBuf>, article: Article) -> Document {
        Document {
            origin: Origin::File(path.into()),
            part: 0,
            item: None,
            article,
        }
    }

    /// The order documents are listed in: by source, then in the source's
    /// own order.
    pub fn key(&self) -> (&Origin, usize) {
        (&self.origin, self.part)
    }
}

/// Reads one source and parses its articles.
pub fn read(origin: &Origin, max_bytes: u64) -> Result<Vec<Document>, LoadError> {
    formats::read(origin, bytes(origin, max_bytes)?)
}

/// A source's bytes, at most `max_bytes` of them.
fn bytes(origin: &Origin, max_bytes: u64) -> Result<Vec<u8>, LoadError> {
    let path = origin.path();
    fsread::read(path, max_bytes).map_err(|e| LoadError::read(path, e))
}

#[cfg(test)]
mod tests {
    use std::{fs, io};

    use super::*;

    const STORY: &str = "Title\n\nA body paragraph that is long enough to count as prose here.";

    #[test]
    fn loads_a_folder_and_reports_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("a.txt"), STORY).unwrap();
        fs::write(dir.path().join("b.md"), "# T\n\nText.").unwrap();
        fs::write(dir.path().join("c.txt"), b"\0\x01\x02binary").unwrap();
        fs::write(dir.path().join("skip.json"), "{}").unwrap();
        let paths = [dir.path().to_path_buf(), dir.path().join("nope")];
        let (kept, errors) = load_all(&paths, DEFAULT_MAX_BYTES, |d| d.origin);
        let names: Vec<String> = kept.iter().map(Origin::name).collect();
        assert_eq!(names, ["a.txt", "b.md"]);
        assert!(matches!(
            errors.as_slice(),
            [LoadError::Missing { .. }, LoadError::Binary { .. }]
        ));
        assert!(matches!(
            read(&kept[0], 5),
            Err(LoadError::Read {
                error: ReadError::TooLarge { .. },
                ..
            })
        ));
    }

    #[test]
    fn a_file_deleted_after_the_walk_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let gone = Origin::File(dir.path().join("a.txt"));
        let result = read(&gone, DEFAULT_MAX_BYTES);
        assert!(
            matches!(&result, Err(LoadError::Read { error: ReadError::Io(e), .. }) if e.kind() == io::ErrorKind::NotFound)
        );
    }

    #[test]
    fn loading_while_walking_keeps_the_sorted_order() {
        let dir = tempfile::tempdir().unwrap();
        // Batches of files across two folders, some files unreadable.
        let mut files = Vec::new();
        for folder in ["b", "a"] {
            fs::create_dir(dir.path().join(folder)).unwrap();
            for i in 0..300 {
                let text = if i % 97 == 0 {
                    "   ".to_string()
                } else {
                    format!("Story {i}\n\nA story with enough words in it to be read as one.")
                };
                let path = dir.path().join(folder).join(format!("{i:03}.txt"));
                fs::write(&path, text).unwrap();
                files.push(path);
            }
        }
        files.sort();
        // A folder given twice and a file inside it: each file once.
        let paths = [
            dir.path().join("b"),
            dir.path().to_path_buf(),
            dir.path().join("a/005.txt"),
        ];
        let (kept, errors) = load_all(&paths, DEFAULT_MAX_BYTES, |d| d.origin.path().to_path_buf());
        let failed: Vec<_> = errors.iter().map(|e| e.path().to_path_buf()).collect();
        let mut expected = files.clone();
        expected.retain(|f| !failed.contains(f));
        assert_eq!(failed.len(), 8);
        assert_eq!(kept, expected);
        assert!(failed.is_sorted());
    }

    #[test]
    fn background_loader_reports_everything() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..5 {
            fs::write(dir.path().join(format!("{i}.txt")), "Some text.").unwrap();
        }
        let events: Vec<Event> = spawn(vec![dir.path().to_path_buf()], DEFAULT_MAX_BYTES)
            .iter()
            .collect();
        let read = |e: &&Event| matches!(e, Event::Read { result: Ok(d), .. } if d.len() == 1);
        assert_eq!(events.iter().filter(read).count(), 5);
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::Walked { sources: 5, .. }))
        );
        assert!(matches!(events.last(), Some(Event::Done)));
    }
}
