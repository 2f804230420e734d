//! What the reader remembers between sessions: which articles were read,
//! where each was left, the starred quotes, and the list's order. Articles
//! are known by a hash of their text, so a renamed or moved file keeps its
//! state.
//!
//! It lives in `$XDG_STATE_HOME/brief/state.json` (else
//! `~/.local/state/brief/state.json`), never beside the articles. It is
//! written whole to a temporary file that is then renamed over the old
//! one, so a crash mid-write leaves the old state. A file that cannot be
//! read as state, or was written by a newer brief, is set aside (renamed
//! with `.bad` added) with a message, and the reader starts afresh.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::article::text::sanitize;

/// The format written; a file of a later version is set aside.
const VERSION: u32 = 1;

/// The largest state file read: a hundred thousand articles take a few
/// megabytes.
const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// An article's identity across sessions: a hash of its text.
pub fn key(text: &str) -> u64 {
    twox_hash::XxHash3_64::oneshot(text.as_bytes())
}

/// What is remembered of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    #[serde(default, skip_serializing_if = "is_false")]
    pub read: bool,
    /// Where it was left: a place in the laid-out text (block, byte),
    /// whatever the width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<(usize, usize)>,
    /// Starred quotes, by where their words start in the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub starred: Vec<usize>,
}

fn is_false(b: &bool) -> bool {
    !b
}

impl Saved {
    fn is_empty(&self) -> bool {
        self == &Saved::default()
    }
}

/// The whole remembered state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct State {
    /// The list's order, by [`crate::tui::panes::articles::Order::key`].
    pub order: Option<String>,
    pub articles: HashMap<u64, Saved>,
}

/// The file as written: keys in hexadecimal, in order, so that the file
/// is the same for the same state.
#[derive(Serialize, Deserialize)]
struct File {
    version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    order: Option<String>,
    #[serde(default)]
    articles: BTreeMap<String, Saved>,
}

impl State {
    /// The state of an article (empty if nothing is remembered).
    pub fn of(&self, key: u64) -> Saved {
        self.articles.get(&key).cloned().unwrap_or_default()
    }

    /// Changes what is remembered of an article.
    pub fn change(&mut self, key: u64, f: impl FnOnce(&mut Saved)) {
        let saved = self.articles.entry(key).or_default();
        f(saved);
        if saved.is_empty() {
            self.articles.remove(&key);
        }
    }

    pub fn to_json(&self) -> String {
        let file = File {
            version: VERSION,
            order: self.order.clone(),
            articles: self
                .articles
                .iter()
                .map(|(k, v)| (format!("{k:016x}"), v.clone()))
                .collect(),
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// The state in `json`, or why it is not state this brief can read.
    pub fn from_json(json: &str) -> Result<State, String> {
        let file: File = serde_json::from_str(json).map_err(|e| e.to_string())?;
        if file.version > VERSION {
            return Err(format!(
                "written by a newer brief (format {}, this one reads {VERSION})",
                file.version
            ));
        }
        let mut articles = HashMap::with_capacity(file.articles.len());
        for (key, saved) in file.articles {
            let key = u64::from_str_radix(&key, 16).map_err(|_| format!("bad key `{key}`"))?;
            articles.insert(key, saved);
        }
        Ok(State {
            order: file.order,
            articles,
        })
    }
}

/// Where the state is kept.
#[derive(Clone, Debug)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// The state file under `$XDG_STATE_HOME` or `~/.local/state`, if
    /// either is known.
    pub fn locate() -> Option<Store> {
        let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
        let dir = var("XDG_STATE_HOME")
            .map(PathBuf::from)
            .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".local/state")))?;
        Some(Store::at(dir.join("brief/state.json")))
    }

    pub fn at(path: PathBuf) -> Store {
        Store { path }
    }

    /// The remembered state, and a message when there was a file that
    /// could not be used (set aside, if it was there but not state).
    pub fn load(&self) -> (State, Option<String>) {
        let shown = sanitize(&self.path.display().to_string());
        let bytes = match crate::fsread::read(&self.path, MAX_BYTES) {
            Ok(bytes) => bytes,
            Err(crate::fsread::ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => {
                return (State::default(), None);
            }
            Err(e) => return (State::default(), Some(format!("{shown}: {e}"))),
        };
        let parsed = std::str::from_utf8(&bytes)
            .map_err(|_| "not UTF-8".to_owned())
            .and_then(State::from_json);
        match parsed {
            Ok(state) => (state, None),
            Err(why) => {
                let aside = set_aside(&self.path);
                let note = match aside {
                    Ok(to) => format!("set aside as {}", sanitize(&to.display().to_string())),
                    Err(e) => format!("could not be set aside: {e}"),
                };
                (
                    State::default(),
                    Some(format!(
                        "{shown}: {}; {note}; starting afresh",
                        sanitize(&why)
                    )),
                )
            }
        }
    }

    /// Writes the state: to a temporary file beside it, then renamed over
    /// it.
    pub fn save(&self, state: &State) -> io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        fs::create_dir_all(dir)?;
        let mut temp = tempfile_in(dir)?;
        temp.1.write_all(state.to_json().as_bytes())?;
        temp.1.sync_all()?;
        fs::rename(&temp.0, &self.path).inspect_err(|_| {
            let _ = fs::remove_file(&temp.0);
        })
    }
}

/// A new file in `dir` for writing, and its path.
fn tempfile_in(dir: &Path) -> io::Result<(PathBuf, fs::File)> {
    for n in 0..100 {
        let path = dir.join(format!(".state.json.{}.{n}", std::process::id()));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "no free name for a temporary file",
    ))
}

/// Renames a bad state file out of the way (`state.json.bad`, or with a
/// number when that is taken).
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    for n in 0..1000 {
        let to = path.with_file_name(match n {
            0 => format!("{name}.bad"),
            n => format!("{name}.bad.{n}"),
        });
        if !to.exists() {
            fs::rename(path, &to)?;
            return Ok(to);
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many set aside",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> State {
        let mut state = State {
            order: Some("date".into()),
            ..State::default()
        };
        state.change(key("an article"), |s| {
            s.read = true;
            s.at = Some((3, 120));
            s.starred = vec![40, 400];
        });
        state.change(key("another"), |s| s.read = true);
        state
    }

    #[test]
    fn round_trips_and_forgets_empty_entries() {
        let state = sample();
        assert_eq!(State::from_json(&state.to_json()), Ok(state.clone()));
        let mut state = state;
        state.change(key("another"), |s| s.read = false);
        assert_eq!(state.articles.len(), 1);
        assert_eq!(state.of(key("another")), Saved::default());
    }

    #[test]
    fn saved_atomically_and_loaded_again() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("brief/state.json"));
        assert_eq!(store.load(), (State::default(), None), "no file yet");
        store.save(&sample()).unwrap();
        assert_eq!(store.load(), (sample(), None));
        let names: Vec<_> = fs::read_dir(dir.path().join("brief"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["state.json"], "no temporary file left");
    }

    #[test]
    fn a_corrupt_or_newer_file_is_set_aside_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        let store = Store::at(path.clone());
        for bad in [
            "{\"version\": 1, \"articles\": {\"zz\"".to_owned(),
            "{\"version\": 99}".to_owned(),
            "\u{1b}]0;x\u{7}".to_owned(),
        ] {
            fs::write(&path, &bad).unwrap();
            let (state, message) = store.load();
            assert_eq!(state, State::default());
            let message = message.expect("a message");
            assert!(message.contains("set aside"), "{message}");
            assert!(!message.contains('\u{1b}'), "{message}");
            assert!(!path.exists(), "moved out of the way");
        }
        assert!(dir.path().join("state.json.bad.2").exists());
        store.save(&sample()).unwrap();
        assert_eq!(store.load().0, sample());
    }
}
