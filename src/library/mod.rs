//! The briefing's documents: finding the sources named (files, folders
//! walked by `walk`, web addresses fetched by `fetch` and kept in `cache`),
//! reading each, turning its bytes into articles by its format (`formats`:
//! plain text, HTML pages through `html` and `compose`, feeds through
//! `feed`) and parsing them, on all cores, as the walk finds them
//! (`loader`, the one loader of both the commands and the reader).
//!
//! A source yields one or more [`Document`]s, each an article with a
//! stable identity: its source and its place in it (and a feed item's id).
//! Folders are walked recursively for articles, pages and feeds; files
//! named on the command line are taken whatever their extension. A source
//! that cannot be read, fetched or made sense of becomes a [`LoadError`]
//! naming it, and the rest load. Files are only ever opened for reading,
//! through [`fsread`], so that none can hang the load; only the addresses
//! named are fetched, never what a page links to.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::article::Article;
use crate::fsread::{self, ReadError};

mod budget;
mod cache;
mod compose;
mod feed;
mod fetch;
mod formats;
mod html;
mod loader;
mod markdown;
mod walk;

use budget::Budget;

pub use fetch::FetchError;
pub use loader::{Event, Loaded, load, load_all, spawn};

/// Files larger than this are skipped unless the caller says otherwise.
pub const DEFAULT_MAX_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {error}")]
    Read { path: PathBuf, error: ReadError },
    #[error("{origin}: not a text file (binary data)")]
    Binary { origin: Origin },
    #[error("{path}: no such file or folder")]
    Missing { path: PathBuf },
    #[error("{origin}: nothing to read ({why})")]
    NoText { origin: Origin, why: &'static str },
    #[error("{url}: {error}")]
    Fetch { url: String, error: FetchError },
    #[error("{origin}: not a feed brief can read ({why})")]
    Feed { origin: Origin, why: String },
}

impl LoadError {
    /// The source the error is about, as named.
    pub fn source(&self) -> String {
        match self {
            LoadError::Read { path, .. } | LoadError::Missing { path } => {
                path.display().to_string()
            }
            LoadError::Binary { origin }
            | LoadError::NoText { origin, .. }
            | LoadError::Feed { origin, .. } => origin.to_string(),
            LoadError::Fetch { url, .. } => url.clone(),
        }
    }

    fn read(path: &Path, error: impl Into<ReadError>) -> Self {
        LoadError::Read {
            path: path.to_path_buf(),
            error: error.into(),
        }
    }
}

/// True for an address brief fetches: `http://` or `https://`.
pub fn is_url(s: &str) -> bool {
    ["http://", "https://"].iter().any(|scheme| {
        s.get(..scheme.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(scheme))
            && s.len() > scheme.len()
    })
}

/// A source as named on the command line or in the config's `sources`: a
/// web address, or a file or folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Path(PathBuf),
    Url(String),
}

impl From<PathBuf> for Source {
    fn from(path: PathBuf) -> Source {
        match path.to_str() {
            Some(s) if is_url(s) => Source::Url(s.to_owned()),
            _ => Source::Path(path),
        }
    }
}

impl From<&str> for Source {
    fn from(s: &str) -> Source {
        Source::from(PathBuf::from(s))
    }
}

/// Where a document came from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    File(PathBuf),
    /// A web address, as named.
    Url(String),
}

impl Origin {
    /// What to call it where it has no title: the file's name, or the
    /// address from its host on.
    pub fn name(&self) -> String {
        match self {
            Origin::File(path) => path
                .file_name()
                .unwrap_or(path.as_os_str())
                .to_string_lossy()
                .into_owned(),
            Origin::Url(url) => url[host_range(url).start..].to_owned(),
        }
    }

    /// The file, for a document read from one.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Origin::File(path) => Some(path),
            Origin::Url(_) => None,
        }
    }

    /// The group it is counted and sorted under: a file's folder, an
    /// address's host.
    pub fn group(&self) -> String {
        match self {
            Origin::File(path) => match path.parent() {
                Some(folder) if !folder.as_os_str().is_empty() => folder.display().to_string(),
                _ => ".".to_owned(),
            },
            Origin::Url(_) => self.host().unwrap_or_default().to_owned(),
        }
    }

    /// The host of a web address (`example.com`), without a user name or
    /// password.
    pub fn host(&self) -> Option<&str> {
        match self {
            Origin::File(_) => None,
            Origin::Url(url) => Some(&url[host_range(url)]),
        }
    }
}

/// Where the host is in a web address: after the scheme and any user name
/// and password, before the path.
fn host_range(url: &str) -> std::ops::Range<usize> {
    let start = url.find("://").map_or(0, |i| i + 3);
    let end = url[start..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| start + i);
    let start = url[start..end].rfind('@').map_or(start, |i| start + i + 1);
    start..end
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Origin::File(path) => write!(f, "{}", path.display()),
            Origin::Url(url) => f.write_str(url),
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
    /// The page's or feed item's own address, where it gives one.
    pub url: Option<String>,
    /// The article's text is what brief made of the source (a page's
    /// story, a feed item, a download), not a file's own text.
    pub composed: bool,
    pub article: Article,
}

impl Document {
    /// The one article of a plain text file.
    pub fn file(path: impl Into<PathBuf>, article: Article) -> Document {
        Document {
            origin: Origin::File(path.into()),
            part: 0,
            item: None,
            url: None,
            composed: false,
            article,
        }
    }

    /// The order documents are listed in: by source, then in the source's
    /// own order.
    pub fn key(&self) -> (&Origin, usize) {
        (&self.origin, self.part)
    }
}

/// How sources are read: the size limit for every file and download, and
/// where and how long the network is waited on.
#[derive(Clone, Debug)]
pub struct Options {
    pub max_bytes: u64,
    /// Where downloads are kept to open offline; none, no cache.
    pub cache: Option<PathBuf>,
    /// How long a connection, or the wait for a response, may take; a
    /// whole download may take four times as long.
    pub timeout: Duration,
}

impl Options {
    /// The size limit given, the user's cache folder, the usual timeout.
    pub fn new(max_bytes: u64) -> Options {
        Options {
            max_bytes,
            cache: cache::default_folder(),
            timeout: fetch::TIMEOUT,
        }
    }
}

/// A source read: its articles, and a note to pass on (a download opened
/// from the cache because the network failed).
#[derive(Debug)]
pub struct Read {
    pub documents: Vec<Document>,
    pub note: Option<String>,
}

/// Reads one source and parses its articles.
pub fn read(origin: &Origin, options: &Options) -> Result<Read, LoadError> {
    read_within(origin, options, &Budget::default())
}

/// [`read`], the parse waiting for its turn in `budget` (by the bytes read,
/// so that no file is looked at twice).
fn read_within(origin: &Origin, options: &Options, budget: &Budget) -> Result<Read, LoadError> {
    match origin {
        Origin::File(path) => {
            let bytes =
                fsread::read(path, options.max_bytes).map_err(|e| LoadError::read(path, e))?;
            let _share = budget.take(bytes.len() as u64);
            let documents = formats::read(origin, bytes, None)?;
            Ok(Read {
                documents,
                note: None,
            })
        }
        Origin::Url(url) => {
            let fetched = fetch::get(url, options).map_err(|error| LoadError::Fetch {
                url: url.clone(),
                error,
            })?;
            let _share = budget.take(fetched.bytes.len() as u64);
            let documents = formats::read(origin, fetched.bytes, Some(&fetched.download))?;
            Ok(Read {
                documents,
                note: fetched.note,
            })
        }
    }
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
        let paths = [dir.path().to_path_buf(), dir.path().join("nope")].map(Source::from);
        let options = Options::new(DEFAULT_MAX_BYTES);
        let loaded = load_all(&paths, &options, |d| d.origin);
        let names: Vec<String> = loaded.documents.iter().map(Origin::name).collect();
        assert_eq!(names, ["a.txt", "b.md"]);
        assert!(matches!(
            loaded.errors.as_slice(),
            [LoadError::Missing { .. }, LoadError::Binary { .. }]
        ));
        assert!(matches!(
            read(&loaded.documents[0], &Options::new(5)),
            Err(LoadError::Read {
                error: ReadError::TooLarge { .. },
                ..
            })
        ));
    }

    #[test]
    fn web_addresses_are_told_from_paths() {
        assert_eq!(
            Source::from("HTTPS://example.com/feed"),
            Source::Url("HTTPS://example.com/feed".into())
        );
        for path in ["https://", "ftp://example.com/x", "news/http://x", "~/news"] {
            assert_eq!(Source::from(path), Source::Path(path.into()), "{path}");
        }
        let origin = Origin::Url("https://me:pw@example.com:8080/a/b?q#f".into());
        assert_eq!(origin.host(), Some("example.com:8080"));
        assert_eq!(origin.name(), "example.com:8080/a/b?q#f");
        assert_eq!(Origin::File("a/b.txt".into()).host(), None);
    }

    #[test]
    fn a_file_deleted_after_the_walk_is_reported_not_fatal() {
        let dir = tempfile::tempdir().unwrap();
        let gone = Origin::File(dir.path().join("a.txt"));
        let result = read(&gone, &Options::new(DEFAULT_MAX_BYTES));
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
        ]
        .map(Source::from);
        let loaded = load_all(&paths, &Options::new(DEFAULT_MAX_BYTES), |d| d.origin);
        let failed: Vec<_> = loaded
            .errors
            .iter()
            .map(|e| PathBuf::from(e.source()))
            .collect();
        let mut expected = files.clone();
        expected.retain(|f| !failed.contains(f));
        assert_eq!(failed.len(), 8);
        let kept: Vec<Origin> = expected.into_iter().map(Origin::File).collect();
        assert_eq!(loaded.documents, kept);
        assert!(failed.is_sorted());
    }

    #[test]
    fn background_loader_reports_everything() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..5 {
            fs::write(dir.path().join(format!("{i}.txt")), "Some text.").unwrap();
        }
        let sources = vec![Source::Path(dir.path().to_path_buf())];
        let events: Vec<Event> = spawn(sources, Options::new(DEFAULT_MAX_BYTES))
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
