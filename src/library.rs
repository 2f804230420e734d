//! Finding, reading and parsing the article files of a briefing.
//!
//! Folders are walked recursively for `*.txt` and `*.md`; files named on
//! the command line are taken whatever their extension. A file that cannot
//! be read, is too large, or is not text becomes a [`LoadError`] naming it,
//! and the rest load. Files are only ever opened for reading.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError, mpsc};

use rayon::prelude::*;

use crate::article::{Article, decode_owned, is_utf16, parse_owned};
use budget::Budget;

mod budget;

/// Files larger than this are skipped unless the caller says otherwise.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a text file (binary data)")]
    Binary { path: PathBuf },
    #[error("{path}: too large ({size} bytes; the limit is {limit})")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: no such file or folder")]
    Missing { path: PathBuf },
    #[error("{path}: nothing to read ({why})")]
    NoText { path: PathBuf, why: &'static str },
}

impl LoadError {
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Binary { path }
            | LoadError::TooLarge { path, .. }
            | LoadError::Missing { path }
            | LoadError::NoText { path, .. } => path,
        }
    }
}

/// One article file, parsed.
#[derive(Debug, Clone)]
pub struct Entry {
    pub path: PathBuf,
    pub article: Article,
}

fn is_article_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["txt", "md", "markdown"]
            .iter()
            .any(|known| e.eq_ignore_ascii_case(known))
    })
}

/// The article files under `paths`, sorted, and the paths that could not be
/// walked. Symlinked folders are followed once: a loop is not walked twice.
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    find(paths, &mut |path| files.push(path), &mut errors);
    files.sort();
    files.dedup();
    (files, errors)
}

/// Hands each article file under `paths` to `found` as the walk meets it:
/// in sorted order within each of `paths`.
fn find(paths: &[PathBuf], found: &mut dyn FnMut(PathBuf), errors: &mut Vec<LoadError>) {
    let mut seen = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, found, errors, &mut seen),
            Ok(_) => found(path.clone()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                errors.push(LoadError::Missing { path: path.clone() })
            }
            Err(source) => errors.push(LoadError::Io {
                path: path.clone(),
                source,
            }),
        }
    }
}

fn walk(
    dir: &Path,
    found: &mut dyn FnMut(PathBuf),
    errors: &mut Vec<LoadError>,
    seen: &mut HashSet<PathBuf>,
) {
    let Ok(real) = fs::canonicalize(dir) else {
        return;
    };
    if !seen.insert(real) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(LoadError::Io {
                path: dir.to_path_buf(),
                source,
            });
            return;
        }
    };
    // Children in name order make the walk's output sorted already (a
    // path sorts by its components), so the final sort only checks it.
    let mut entries: Vec<fs::DirEntry> = entries.flatten().collect();
    entries.sort_by_cached_key(fs::DirEntry::file_name);
    for entry in entries {
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        // The entry's own type needs no system call; only a symlink is
        // followed to what it points at.
        let kind = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => Ok(kind),
            _ => fs::metadata(&path).map(|meta| meta.file_type()),
        };
        match kind {
            Ok(kind) if kind.is_dir() => walk(&path, found, errors, seen),
            Ok(kind) if kind.is_file() && is_article_file(&path) => found(path),
            Ok(_) => {}
            Err(source) if is_article_file(&path) => errors.push(LoadError::Io { path, source }),
            Err(_) => {}
        }
    }
}

/// True when the bytes are binary data rather than text: a NUL byte near
/// the start of anything that is not UTF-16.
fn is_binary(bytes: &[u8]) -> bool {
    !is_utf16(bytes) && memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some()
}

/// Reads and parses one file.
pub fn load(path: &Path, max_bytes: u64) -> Result<Article, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if size > max_bytes {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    if is_binary(&bytes) {
        return Err(LoadError::Binary {
            path: path.to_path_buf(),
        });
    }
    let text = decode_owned(bytes);
    let no_text = |why| {
        Err(LoadError::NoText {
            path: path.to_path_buf(),
            why,
        })
    };
    if text.is_empty() {
        return no_text("the file is empty");
    }
    if text.trim().is_empty() {
        return no_text("only whitespace");
    }
    let article = parse_owned(text);
    if article.title.is_none() && article.sections.is_empty() {
        return no_text("only site chrome, no story");
    }
    Ok(article)
}

/// The article files under `paths` ([`discover`]), each loaded on all cores
/// and turned into what the caller keeps as soon as it is parsed, so that
/// no more than that stays in memory. Files are loaded as the walk finds
/// them, a batch at a time, so the cores need not wait for the walk. Kept
/// values in the order of the sorted files; the walk's failures, then the
/// files' in the same order. Big files wait their turn (`budget.rs`).
pub fn load_all<T: Send>(
    paths: &[PathBuf],
    max_bytes: u64,
    keep: impl Fn(&Path, Article) -> T + Sync,
) -> (Vec<T>, Vec<LoadError>) {
    const BATCH: usize = 256;
    let loaded = Mutex::new(Vec::new());
    let budget = Budget::default();
    let mut errors = Vec::new();
    rayon::scope(|scope| {
        let (keep, loaded, budget) = (&keep, &loaded, &budget);
        let load_batch = |batch: Vec<PathBuf>| {
            scope.spawn(move |_| {
                let results: Vec<_> = batch
                    .into_par_iter()
                    .map(|path| {
                        let share = budget.take(&path, max_bytes);
                        let result = load(&path, max_bytes).map(|article| keep(&path, article));
                        drop(share);
                        (path, result)
                    })
                    .collect();
                loaded
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .extend(results);
            });
        };
        let mut batch = Vec::with_capacity(BATCH);
        find(
            paths,
            &mut |path| {
                batch.push(path);
                if batch.len() == BATCH {
                    load_batch(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                }
            },
            &mut errors,
        );
        load_batch(batch);
    });
    // As `discover`: sorted (batches come back in runs of the walk's order)
    // and each file once.
    let mut results = loaded.into_inner().unwrap_or_else(PoisonError::into_inner);
    results.sort_by(|a, b| a.0.cmp(&b.0));
    results.dedup_by(|later, earlier| later.0 == earlier.0);
    let mut kept = Vec::with_capacity(results.len());
    for (_, result) in results {
        match result {
            Ok(value) => kept.push(value),
            Err(e) => errors.push(e),
        }
    }
    (kept, errors)
}

/// What the background loader reports, in this order: `Found` once, then a
/// `Loaded` per file (in completion order), then `Done`.
#[derive(Debug)]
#[expect(
    clippy::large_enum_variant,
    reason = "one event per file crosses the channel; boxing would only add an allocation"
)]
pub enum Event {
    /// The walk is done: this many files will load; these paths failed.
    Found {
        total: usize,
        errors: Vec<LoadError>,
    },
    /// One file, with its index in the sorted list of files.
    Loaded {
        index: usize,
        result: Result<Entry, LoadError>,
    },
    Done,
}

/// Walks and parses in the background, on all cores, sending events as
/// they happen; big files wait their turn (`budget.rs`). Dropping the
/// receiver stops the work early.
pub fn spawn(paths: Vec<PathBuf>, max_bytes: u64) -> mpsc::Receiver<Event> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let budget = Budget::default();
        let (files, errors) = discover(&paths);
        if tx
            .send(Event::Found {
                total: files.len(),
                errors,
            })
            .is_err()
        {
            return;
        }
        let _ = files
            .par_iter()
            .enumerate()
            .try_for_each_with(tx.clone(), |tx, (index, path)| {
                let share = budget.take(path, max_bytes);
                let result = load(path, max_bytes).map(|mut article| {
                    // The reader shows no mention lists.
                    article.forget_mentions();
                    article.compact();
                    Entry {
                        path: path.clone(),
                        article,
                    }
                });
                drop(share);
                tx.send(Event::Loaded { index, result }).map_err(|_| ())
            });
        let _ = tx.send(Event::Done);
    });
    rx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_and_text() {
        assert!(is_binary(b"PK\x03\x04\0\0"));
        assert!(!is_binary("plain text".as_bytes()));
        assert!(!is_binary(b"\xFF\xFEh\0i\0"));
    }

    #[test]
    fn loads_a_folder_and_reports_bad_files() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("a.txt"),
            "Title\n\nA body paragraph that is long enough to count as prose here.",
        )
        .unwrap();
        fs::write(dir.path().join("b.md"), "# T\n\nText.").unwrap();
        fs::write(dir.path().join("c.txt"), b"\0\x01\x02binary").unwrap();
        fs::write(dir.path().join("skip.json"), "{}").unwrap();
        let (files, errors) = discover(&[dir.path().to_path_buf(), dir.path().join("nope")]);
        assert_eq!(files.len(), 3);
        assert!(matches!(errors.as_slice(), [LoadError::Missing { .. }]));
        let results: Vec<_> = files.iter().map(|f| load(f, DEFAULT_MAX_BYTES)).collect();
        assert!(results[0].is_ok() && results[1].is_ok());
        assert!(matches!(results[2], Err(LoadError::Binary { .. })));
        assert!(matches!(
            load(&files[0], 5),
            Err(LoadError::TooLarge { .. })
        ));
    }

    #[test]
    fn a_file_deleted_after_the_walk_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a.txt", "b.txt"] {
            fs::write(
                dir.path().join(name),
                "A story with enough words in it to be read as one.",
            )
            .unwrap();
        }
        let (files, _) = discover(&[dir.path().to_path_buf()]);
        fs::remove_file(&files[0]).unwrap();
        let results: Vec<_> = files.iter().map(|f| load(f, DEFAULT_MAX_BYTES)).collect();
        assert!(
            matches!(&results[0], Err(LoadError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound)
        );
        assert!(results[1].is_ok());
    }

    #[test]
    fn loading_while_walking_keeps_the_sorted_order() {
        let dir = tempfile::tempdir().unwrap();
        // Batches of files across two folders, some files unreadable.
        for folder in ["b", "a"] {
            fs::create_dir(dir.path().join(folder)).unwrap();
            for i in 0..300 {
                let text = if i % 97 == 0 {
                    "   ".to_string()
                } else {
                    format!("Story {i}\n\nA story with enough words in it to be read as one.")
                };
                fs::write(dir.path().join(folder).join(format!("{i:03}.txt")), text).unwrap();
            }
        }
        // A folder given twice and a file inside it: each file once.
        let paths = [
            dir.path().join("b"),
            dir.path().to_path_buf(),
            dir.path().join("a/005.txt"),
        ];
        let (files, _) = discover(&paths);
        let (kept, errors) = load_all(&paths, DEFAULT_MAX_BYTES, |path, _| path.to_path_buf());
        let failed: Vec<_> = errors.iter().map(|e| e.path().to_path_buf()).collect();
        let mut expected = files.clone();
        expected.retain(|f| !failed.contains(f));
        assert_eq!(files.len(), 600);
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
        assert!(matches!(
            events.first(),
            Some(Event::Found { total: 5, .. })
        ));
        assert_eq!(
            events
                .iter()
                .filter(|e| matches!(e, Event::Loaded { .. }))
                .count(),
            5
        );
        assert!(matches!(events.last(), Some(Event::Done)));
    }
}
