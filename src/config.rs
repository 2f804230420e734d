//! Configuration: finding the user's `config.toml`, reading it safely, and
//! the built-in default it is merged over; the places of mistakes (path,
//! line, column, what is allowed); and the core settings every command
//! uses (the articles folder, the size limit). The reader's own settings
//! (reading width, panes, theme, keys) are read from the same files by
//! `tui::settings`, which builds on [`ConfigFiles::parse`] and
//! [`Source::error`].
//!
//! `brief parse` and `brief quotes` read only the core settings: a mistake
//! in the reader's settings stops the reader alone.

use std::env;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, DeserializeOwned, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::article::text::sanitize;
use crate::fsread::{self, ReadError};
use crate::library::{self, DEFAULT_MAX_BYTES, is_url};

/// The commented default, also the documentation of the format.
pub const DEFAULT: &str = include_str!("../config.toml");

/// The settings every command uses.
#[derive(Clone, Debug)]
pub struct Config {
    /// The folder opened when no source is given and `sources` is not
    /// set.
    pub articles: PathBuf,
    /// What is opened when no source is given: files, folders and web
    /// addresses. When set, it wins over `articles`.
    pub sources: Vec<library::Source>,
    /// The largest article file read, in megabytes.
    pub max_file_mb: u64,
}

/// A megabyte as `max_file_mb` counts it (a mebibyte).
pub const MB: u64 = 1024 * 1024;

/// The largest `max_file_mb` accepted: 4 GB.
const MAX_FILE_MB: u64 = 4096;

/// The largest config file read: a real one is a few kilobytes.
const MAX_CONFIG_BYTES: u64 = MB;

impl Config {
    /// The top-level settings of this part of the file.
    pub const KEYS: [&str; 3] = ["articles", "sources", "max_file_mb"];

    /// The largest article file read, in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_mb * MB
    }

    /// The core settings of `files`, the user's over the default's.
    pub fn read(files: &ConfigFiles) -> Result<Config, ConfigError> {
        let (base, user) = files.parse::<CoreFile>()?;
        let file = match user {
            Some(mine) => CoreFile {
                articles: mine.articles.or(base.articles),
                sources: mine.sources.or(base.sources),
                max_file_mb: mine.max_file_mb.or(base.max_file_mb),
            },
            None => base,
        };
        Ok(Config {
            articles: file
                .articles
                .map_or_else(|| PathBuf::from("articles"), |p| p.0),
            sources: file
                .sources
                .unwrap_or_default()
                .into_iter()
                .map(|s| s.0)
                .collect(),
            max_file_mb: file.max_file_mb.map_or(DEFAULT_MAX_BYTES / MB, |m| m.0),
        })
    }

    /// What plain `brief` opens: `sources` when it names any, else the
    /// `articles` folder.
    pub fn default_sources(&self) -> Vec<library::Source> {
        if self.sources.is_empty() {
            vec![library::Source::Path(self.articles.clone())]
        } else {
            self.sources.clone()
        }
    }

    /// The core settings of the user's file over the default.
    pub fn load() -> Result<Config, ConfigError> {
        Config::read(&ConfigFiles::load()?)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {error}")]
    Read { path: String, error: ReadError },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// The core settings as written: everything optional, so that a user's
/// file holds only what it changes. The reader's settings in the same file
/// are left to it.
#[derive(Debug, Default, Deserialize)]
struct CoreFile {
    articles: Option<ConfigPath>,
    sources: Option<Vec<SourceEntry>>,
    max_file_mb: Option<Megabytes>,
}

/// A path as written in the config: `~` at its start is the home folder,
/// `$NAME` and `${NAME}` are environment variables.
#[derive(Clone, Debug)]
struct ConfigPath(PathBuf);

impl<'de> Deserialize<'de> for ConfigPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        expand(&raw, |name| env::var(name).ok())
            .map(|p| ConfigPath(PathBuf::from(p)))
            .map_err(de::Error::custom)
    }
}

/// `raw` with a leading `~` and every `$NAME` or `${NAME}` replaced from
/// `var`; what is not set is an error that names it.
fn expand(raw: &str, var: impl Fn(&str) -> Option<String>) -> Result<String, String> {
    let unset = |name: &str| format!("`{raw}`: ${name} is not set");
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    if rest == "~" || rest.starts_with("~/") {
        out.push_str(&var("HOME").ok_or_else(|| unset("HOME"))?);
        rest = &rest[1..];
    }
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let (name, len) = match after.strip_prefix('{') {
            Some(braced) => match braced.find('}') {
                Some(end) => (&braced[..end], end + 2),
                None => return Err(format!("`{raw}`: a `${{` without its `}}`")),
            },
            None => {
                let end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                (&after[..end], end)
            }
        };
        if name.is_empty() {
            out.push('$');
        } else {
            out.push_str(&var(name).ok_or_else(|| unset(name))?);
        }
        rest = &after[len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// One of `sources`: a web address (`http://`, `https://`), or a path with
/// `~` and `$NAME` expanded as in [`ConfigPath`].
#[derive(Clone, Debug)]
struct SourceEntry(library::Source);

impl<'de> Deserialize<'de> for SourceEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = SourceEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a file, a folder or an http:// or https:// address")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<SourceEntry, E> {
                if v.trim().is_empty() {
                    return Err(E::invalid_value(Unexpected::Str(v), &self));
                }
                if v.contains("://") && !is_url(v) {
                    return Err(E::custom(format!(
                        "`{v}`: only http:// and https:// addresses are fetched"
                    )));
                }
                if is_url(v) {
                    return Ok(SourceEntry(library::Source::Url(v.to_owned())));
                }
                let path = expand(v, |name| env::var(name).ok()).map_err(E::custom)?;
                Ok(SourceEntry(library::Source::Path(PathBuf::from(path))))
            }
        }
        d.deserialize_str(V)
    }
}

/// A file size in megabytes: 1 to [`MAX_FILE_MB`].
#[derive(Clone, Copy, Debug)]
struct Megabytes(u64);

impl<'de> Deserialize<'de> for Megabytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Megabytes;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a whole number of megabytes, 1-{MAX_FILE_MB}")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Megabytes, E> {
                match u64::try_from(v) {
                    Ok(v) => self.visit_u64(v),
                    Err(_) => Err(E::invalid_value(Unexpected::Signed(v), &self)),
                }
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Megabytes, E> {
                if (1..=MAX_FILE_MB).contains(&v) {
                    Ok(Megabytes(v))
                } else {
                    Err(E::invalid_value(Unexpected::Unsigned(v), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A file's text with its name, to point at a place in it.
pub struct Source<'a> {
    pub path: &'a str,
    pub text: &'a str,
}

impl Source<'_> {
    /// The line and column (both from 1, the column in characters) of
    /// byte `at`.
    pub fn place(&self, at: usize) -> (usize, usize) {
        let before = self.text.get(..at).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    }

    /// The error at byte `at`. The file's own text quoted in the message
    /// has its control characters made visible, like article text.
    pub fn error(&self, at: usize, message: impl fmt::Display) -> ConfigError {
        let (line, column) = self.place(at);
        ConfigError::Invalid {
            path: sanitize(self.path),
            line,
            column,
            message: sanitize(&message.to_string()),
        }
    }

    /// The file read as `T`, a mistake placed in it.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, ConfigError> {
        toml::from_str(self.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let mut message = e.message().trim_end().to_owned();
            if message == "duplicate key" {
                let key = self.text.get(span.clone()).unwrap_or_default();
                message = format!("duplicate key `{key}`: a key is set once in a table");
            }
            self.error(span.start, message)
        })
    }
}

/// The built-in default and the user's file, if there is one: what every
/// part of the configuration is read from.
#[derive(Clone, Debug, Default)]
pub struct ConfigFiles {
    /// The user's file: its path as shown, and its text.
    user: Option<(String, String)>,
}

impl ConfigFiles {
    /// The built-in default alone.
    pub fn builtin() -> ConfigFiles {
        ConfigFiles::default()
    }

    /// The default with a user's file of this path and text.
    pub fn with_user(path: &Path, text: &str) -> ConfigFiles {
        ConfigFiles {
            user: Some((path.display().to_string(), text.to_owned())),
        }
    }

    /// The user's file, found and read (regular files only, at most 1 MB,
    /// UTF-8), over the default.
    pub fn load() -> Result<ConfigFiles, ConfigError> {
        let Some(path) = user_path() else {
            return Ok(ConfigFiles::builtin());
        };
        let shown = path.display().to_string();
        let bytes = fsread::read(&path, MAX_CONFIG_BYTES).map_err(|error| ConfigError::Read {
            path: sanitize(&shown),
            error,
        })?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let good = e.utf8_error().valid_up_to();
            let bytes = e.as_bytes();
            // The text before the bad byte is UTF-8: it places it.
            let before = std::str::from_utf8(&bytes[..good]).unwrap_or_default();
            Source {
                path: &shown,
                text: before,
            }
            .error(
                good,
                format!(
                    "not UTF-8 text (byte 0x{:02x}): a config file is UTF-8",
                    bytes[good]
                ),
            )
        })?;
        Ok(ConfigFiles {
            user: Some((shown, text)),
        })
    }

    /// The default, then the user's file.
    pub fn sources(&self) -> impl Iterator<Item = Source<'_>> {
        let default = Source {
            path: "<built-in config.toml>",
            text: DEFAULT,
        };
        let user = self.user.as_ref().map(|(path, text)| Source { path, text });
        std::iter::once(default).chain(user)
    }

    /// One part of the configuration as each file writes it: the
    /// default's, and the user's where there is a user's file.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<(T, Option<T>), ConfigError> {
        let mut parsed = self.sources().map(|s| s.parse::<T>());
        let default = parsed.next().expect("the default is a source")?;
        let user = parsed.next().transpose()?;
        Ok((default, user))
    }

    /// An error for each top-level setting no part of the configuration
    /// reads (`known`), at the first such setting.
    pub fn check_known(&self, known: &[&str]) -> Result<(), ConfigError> {
        // Named in the order the built-in file documents them.
        let TopLevel(documented) = self.sources().next().expect("the default").parse()?;
        let mut expected: Vec<&str> = known.to_vec();
        expected.sort_by_key(|k| documented.iter().position(|(d, _)| d.get_ref() == k));
        for source in self.sources() {
            let TopLevel(settings) = source.parse()?;
            let unknown = settings
                .iter()
                .find(|(name, _)| !known.contains(&name.get_ref().as_str()));
            if let Some((name, _)) = unknown {
                let expected: Vec<String> = expected.iter().map(|k| format!("`{k}`")).collect();
                return Err(source.error(
                    name.span().start,
                    format!(
                        "unknown field `{}`, expected one of {}",
                        name.get_ref(),
                        expected.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// A file's top-level settings, in the order written, with their places.
struct TopLevel(Vec<(Spanned<String>, de::IgnoredAny)>);

impl<'de> Deserialize<'de> for TopLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TopLevel;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a table of settings")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
                let mut settings = Vec::new();
                while let Some(entry) = map.next_entry::<Spanned<String>, _>()? {
                    settings.push(entry);
                }
                // In the order written, whatever order the map gives.
                settings.sort_by_key(|(name, _)| name.span().start);
                Ok(TopLevel(settings))
            }
        }
        d.deserialize_map(V)
    }
}

/// Where the user's file is: `$BRIEF_CONFIG` (which must exist), else the
/// first that exists of the XDG, home and current-folder places.
fn user_path() -> Option<PathBuf> {
    if let Some(path) = env::var_os("BRIEF_CONFIG").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let xdg = env::var_os("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(|d| PathBuf::from(d).join("brief/config.toml"));
    let home = env::var_os("HOME")
        .filter(|p| !p.is_empty())
        .map(|d| PathBuf::from(d).join(".config/brief/config.toml"));
    [xdg, home, Some(PathBuf::from("config.toml"))]
        .into_iter()
        .flatten()
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(text: &str) -> Result<Config, ConfigError> {
        Config::read(&ConfigFiles::with_user(Path::new("my.toml"), text))
    }

    fn error(text: &str) -> String {
        with(text).unwrap_err().to_string()
    }

    #[test]
    fn the_default_sets_every_core_setting() {
        let (file, user) = ConfigFiles::builtin().parse::<CoreFile>().unwrap();
        assert!(file.articles.is_some() && file.max_file_mb.is_some() && user.is_none());
        // `sources` is empty: `articles` is what opens.
        assert!(file.sources.is_some_and(|s| s.is_empty()));
        assert_eq!(
            Config::read(&ConfigFiles::builtin())
                .unwrap()
                .default_sources(),
            [library::Source::Path("articles".into())]
        );
    }

    #[test]
    fn sources_win_over_the_articles_folder() {
        let c = with("articles = \"news\"\nsources = [\"/home/me/saved\", \"https://example.com/feed.xml\"]\n")
            .unwrap();
        assert_eq!(
            c.default_sources(),
            [
                library::Source::Path("/home/me/saved".into()),
                library::Source::Url("https://example.com/feed.xml".into())
            ]
        );
        assert_eq!(
            with("sources = []\n").unwrap().default_sources(),
            [library::Source::Path("articles".into())]
        );
        for (bad, why) in [
            (
                "sources = [\"$BRIEF_TEST_SURELY_UNSET/news\"]",
                "my.toml:1:12: `$BRIEF_TEST_SURELY_UNSET/news`: $BRIEF_TEST_SURELY_UNSET is not set",
            ),
            (
                "sources = [\"ftp://x/y\"]",
                "my.toml:1:12: `ftp://x/y`: only http:// and https:// addresses are fetched",
            ),
            (
                "sources = \"news\"",
                "my.toml:1:11: invalid type: string \"news\", expected a sequence",
            ),
        ] {
            assert_eq!(error(bad), why);
        }
    }

    #[test]
    fn the_largest_file_read_is_configurable() {
        let default = Config::read(&ConfigFiles::builtin()).unwrap();
        assert_eq!(default.max_file_bytes(), DEFAULT_MAX_BYTES);
        let mine = with("max_file_mb = 3\n").unwrap();
        assert_eq!(mine.max_file_bytes(), 3 * 1024 * 1024);
        assert_eq!(with("max_file_mb = 4096\n").unwrap().max_file_mb, 4096);
        for bad in ["0", "-1", "4097", "1.5", "\"20\""] {
            let message = error(&format!("max_file_mb = {bad}\n"));
            assert!(
                message.starts_with("my.toml:1:15: ")
                    && message.ends_with("expected a whole number of megabytes, 1-4096"),
                "{message}"
            );
        }
    }

    #[test]
    fn the_reader_settings_are_not_the_core_ones_business() {
        let c = with("articles = \"news\"\nreading_width = \"wide\"\n[keys]\nx = \"explode\"\n")
            .unwrap();
        assert_eq!(c.articles, PathBuf::from("news"));
        assert!(error("articles = \n").starts_with("my.toml:1:12: "));
    }

    #[test]
    fn home_and_variables_are_expanded_in_paths() {
        let var = |name: &str| match name {
            "HOME" => Some("/home/me".to_owned()),
            "NEWS" => Some("/srv/news".to_owned()),
            _ => None,
        };
        assert_eq!(expand("~/briefing", var).unwrap(), "/home/me/briefing");
        assert_eq!(expand("$NEWS/today", var).unwrap(), "/srv/news/today");
        assert_eq!(
            expand("${NEWS}x/$HOME", var).unwrap(),
            "/srv/newsx//home/me"
        );
        assert_eq!(expand("a~b/$", var).unwrap(), "a~b/$");
        assert_eq!(
            expand("$NOPE/x", var).unwrap_err(),
            "`$NOPE/x`: $NOPE is not set"
        );
        assert!(expand("${NEWS", var).is_err());
    }

    #[test]
    fn unknown_settings_are_placed() {
        let files = ConfigFiles::with_user(Path::new("my.toml"), "articles = \"a\"\n\nwidth = 3\n");
        // What the default file sets, as the reader knows them.
        let mut known = vec!["reading_width", "mouse", "panes", "theme", "keys"];
        known.extend(Config::KEYS);
        let e = files.check_known(&known).unwrap_err().to_string();
        assert!(
            e.starts_with(
                "my.toml:3:1: unknown field `width`, expected one of `articles`, `sources`, `reading_width`"
            ),
            "{e}"
        );
        known.push("width");
        assert!(files.check_known(&known).is_ok());
    }
}
