//! The reader's configuration: the default `config.toml` built into the
//! binary, with the user's file merged over it. Every mistake in a file is
//! reported with its path, line and column and what would have been allowed,
//! before the terminal is touched.

use std::collections::HashMap;
use std::env;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::Color;
use serde::de::{self, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::article::text::sanitize;
use crate::fsread::{self, ReadError};
use crate::library::DEFAULT_MAX_BYTES;
use crate::tui::action::Action;
use crate::tui::keymap::{KEY_SYNTAX, Key};

/// The commented default, also the documentation of the format.
pub const DEFAULT: &str = include_str!("../config.toml");

#[derive(Clone, Debug)]
pub struct Config {
    /// The folder opened when no path is given.
    pub articles: PathBuf,
    pub reading_width: u16,
    pub panes: Panes,
    pub theme: Colors,
    pub keys: Vec<(Key, Action)>,
    /// The largest article file the reader reads, in megabytes.
    pub max_file_mb: u64,
}

/// A megabyte as `max_file_mb` counts it (a mebibyte).
pub const MB: u64 = 1024 * 1024;

/// The largest `max_file_mb` accepted: 4 GB.
const MAX_FILE_MB: u64 = 4096;

/// The largest config file read: a real one is a few kilobytes.
const MAX_CONFIG_BYTES: u64 = MB;

impl Config {
    /// The largest article file the reader reads, in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_mb * MB
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panes {
    pub articles: u16,
    pub people: u16,
    /// Below this many columns the side panes become overlays.
    pub overlay_below: u16,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Colors {
    pub accent: Color,
    pub dim: Color,
    pub heading: Color,
    pub indirect: Color,
    pub search: Color,
    pub speakers: Vec<Color>,
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

/// One file as written: everything optional, so that a user's file holds
/// only what it changes. Each value type says what it expects, so that a
/// wrong value is reported with what is allowed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    articles: Option<PathBuf>,
    reading_width: Option<Columns>,
    max_file_mb: Option<Megabytes>,
    #[serde(default)]
    panes: PanesFile,
    #[serde(default)]
    theme: ThemeFile,
    #[serde(default)]
    keys: Keys,
}

#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a [panes] table of articles, people and overlay_below"
)]
struct PanesFile {
    articles: Option<Columns>,
    people: Option<Columns>,
    overlay_below: Option<Columns>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a [theme] table of accent, dim, heading, indirect, search and speakers"
)]
struct ThemeFile {
    accent: Option<Colour>,
    dim: Option<Colour>,
    heading: Option<Colour>,
    indirect: Option<Colour>,
    search: Option<Colour>,
    speakers: Option<Speakers>,
}

/// A width in columns.
#[derive(Clone, Copy, Debug)]
struct Columns(u16);

impl<'de> Deserialize<'de> for Columns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Columns;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a whole number of columns, 0-{}", u16::MAX)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Columns, E> {
                u16::try_from(v)
                    .map(Columns)
                    .map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Columns, E> {
                u16::try_from(v)
                    .map(Columns)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
            }
        }
        d.deserialize_any(V)
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

/// What a colour may be, for messages.
const COLOUR_SYNTAX: &str = "a colour name (black, red, green, yellow, blue, magenta, cyan, \
     gray, dark-gray, light-red, ..., white, reset), a number 0-255 or \"#rrggbb\"";

/// A colour as written: a name, a palette number (a string or a bare
/// number) or `#rrggbb`.
#[derive(Clone, Copy, Debug)]
struct Colour(Color);

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Colour;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(COLOUR_SYNTAX)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Colour, E> {
                Color::from_str(s)
                    .map(Colour)
                    .map_err(|_| E::custom(format!("bad colour `{s}`: use {COLOUR_SYNTAX}")))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Colour, E> {
                u8::try_from(v)
                    .map(|n| Colour(Color::Indexed(n)))
                    .map_err(|_| E::invalid_value(Unexpected::Signed(v), &self))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Colour, E> {
                u8::try_from(v)
                    .map(|n| Colour(Color::Indexed(n)))
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
            }
        }
        d.deserialize_any(V)
    }
}

/// The colours quotes go round, a list.
#[derive(Clone, Debug)]
struct Speakers(Vec<Colour>);

impl<'de> Deserialize<'de> for Speakers {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Speakers;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a list of colours, each {COLOUR_SYNTAX}")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Speakers, A::Error> {
                let mut colours = Vec::new();
                while let Some(c) = seq.next_element()? {
                    colours.push(c);
                }
                Ok(Speakers(colours))
            }
        }
        d.deserialize_seq(V)
    }
}

/// An action a key is bound to, by its name.
#[derive(Clone, Copy, Debug)]
struct Bound(Action);

/// The bindable actions' names, for messages: `quit`, `help`, ...
fn action_names() -> String {
    Action::BINDABLE
        .iter()
        .map(|a| format!("`{}`", a.name()))
        .collect::<Vec<_>>()
        .join(", ")
}

impl<'de> Deserialize<'de> for Bound {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Bound;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "an action, one of {}", action_names())
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Bound, E> {
                Action::BINDABLE
                    .into_iter()
                    .find(|a| a.name() == s)
                    .map(Bound)
                    .ok_or_else(|| {
                        E::custom(format!(
                            "unknown action `{s}`, expected one of {}",
                            action_names()
                        ))
                    })
            }
        }
        d.deserialize_any(V)
    }
}

/// The `[keys]` table, in the order written.
#[derive(Debug, Default)]
struct Keys(Vec<(Spanned<String>, Spanned<Bound>)>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Keys;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a [keys] table of key = \"action\"")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    keys.push(entry);
                }
                Ok(Keys(keys))
            }
        }
        d.deserialize_map(V)
    }
}

/// A file's text with its name, to point at a place in it.
struct Source<'a> {
    path: &'a str,
    text: &'a str,
}

impl Source<'_> {
    /// The line and column (both from 1, the column in characters) of
    /// byte `at`.
    fn place(&self, at: usize) -> (usize, usize) {
        let before = self.text.get(..at).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    }

    /// The error at byte `at`. The file's own text quoted in the message
    /// has its control characters made visible, like article text.
    fn error(&self, at: usize, message: impl fmt::Display) -> ConfigError {
        let (line, column) = self.place(at);
        ConfigError::Invalid {
            path: sanitize(self.path),
            line,
            column,
            message: sanitize(&message.to_string()),
        }
    }

    fn parse(&self) -> Result<(File, HashMap<Key, Action>), ConfigError> {
        let file: File = toml::from_str(self.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            let mut message = e.message().trim_end().to_owned();
            if message == "duplicate key" {
                let key = self.text.get(span.clone()).unwrap_or_default();
                message = format!("duplicate key `{key}`: a key is set once in a table");
            }
            self.error(span.start, message)
        })?;
        let mut keys: HashMap<Key, (Action, &Spanned<String>)> = HashMap::new();
        // In the order written, so that a clash is reported at the second.
        let mut bindings: Vec<_> = file.keys.0.iter().collect();
        bindings.sort_by_key(|(name, _)| name.span().start);
        for (name, bound) in bindings {
            let key: Key = name
                .get_ref()
                .parse()
                .map_err(|e| self.error(name.span().start, format!("{e}: {KEY_SYNTAX}")))?;
            let action = bound.get_ref().0;
            match keys.insert(key, (action, name)) {
                Some((other, first)) if other != action => {
                    return Err(self.error(
                        name.span().start,
                        format!(
                            "`{}` is the same key as `{}` on line {}, bound to two actions \
                             (`{}` and `{}`); a key can do one thing",
                            name.get_ref(),
                            first.get_ref(),
                            self.place(first.span().start).0,
                            action.name(),
                            other.name(),
                        ),
                    ));
                }
                _ => {}
            }
        }
        let keys = keys.into_iter().map(|(k, (a, _))| (k, a)).collect();
        Ok((file, keys))
    }
}

impl Config {
    /// The configuration from the user's file, if there is one, over the
    /// built-in default.
    pub fn load() -> Result<Config, ConfigError> {
        match user_path() {
            Some(path) => {
                let shown = path.display().to_string();
                let bytes =
                    fsread::read(&path, MAX_CONFIG_BYTES).map_err(|error| ConfigError::Read {
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
                Config::from_sources(Some((&path, &text)))
            }
            None => Config::from_sources(None),
        }
    }

    /// The default with `user` (its path and text) merged over it.
    pub fn from_sources(user: Option<(&Path, &str)>) -> Result<Config, ConfigError> {
        let (base, mut keys) = Source {
            path: "<built-in config.toml>",
            text: DEFAULT,
        }
        .parse()?;
        let mut file = base;
        if let Some((path, text)) = user {
            let path = path.display().to_string();
            let (mine, my_keys) = Source { path: &path, text }.parse()?;
            file = mine.over(file);
            keys.extend(my_keys);
        }
        // The built-in file sets every field, which a test checks; the
        // fallbacks only keep this total.
        let theme = file.theme;
        let colour = |c: Option<Colour>| c.map_or(Color::Reset, |c| c.0);
        let columns = |c: Option<Columns>, or| c.map_or(or, |c| c.0);
        Ok(Config {
            articles: file.articles.unwrap_or_else(|| PathBuf::from("articles")),
            reading_width: columns(file.reading_width, u16::MAX),
            max_file_mb: file.max_file_mb.map_or(DEFAULT_MAX_BYTES / MB, |m| m.0),
            panes: Panes {
                articles: columns(file.panes.articles, 0),
                people: columns(file.panes.people, 0),
                overlay_below: columns(file.panes.overlay_below, 0),
            },
            theme: Colors {
                accent: colour(theme.accent),
                dim: colour(theme.dim),
                heading: colour(theme.heading),
                indirect: colour(theme.indirect),
                search: colour(theme.search),
                speakers: theme
                    .speakers
                    .map(|s| s.0)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| c.0)
                    .collect(),
            },
            keys: keys.into_iter().collect(),
        })
    }
}

impl File {
    /// This file's settings where it has them, `base`'s elsewhere.
    fn over(self, base: File) -> File {
        File {
            articles: self.articles.or(base.articles),
            reading_width: self.reading_width.or(base.reading_width),
            max_file_mb: self.max_file_mb.or(base.max_file_mb),
            panes: PanesFile {
                articles: self.panes.articles.or(base.panes.articles),
                people: self.panes.people.or(base.panes.people),
                overlay_below: self.panes.overlay_below.or(base.panes.overlay_below),
            },
            theme: ThemeFile {
                accent: self.theme.accent.or(base.theme.accent),
                dim: self.theme.dim.or(base.theme.dim),
                heading: self.theme.heading.or(base.theme.heading),
                indirect: self.theme.indirect.or(base.theme.indirect),
                search: self.theme.search.or(base.theme.search),
                speakers: self.theme.speakers.or(base.theme.speakers),
            },
            keys: Keys::default(),
        }
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
        Config::from_sources(Some((Path::new("my.toml"), text)))
    }

    fn error(text: &str) -> String {
        with(text).unwrap_err().to_string()
    }

    #[test]
    fn the_default_parses_and_sets_everything() {
        let (file, keys) = Source {
            path: "default",
            text: DEFAULT,
        }
        .parse()
        .unwrap();
        assert!(file.articles.is_some() && file.reading_width.is_some());
        assert!(file.max_file_mb.is_some());
        let p = &file.panes;
        assert!(p.articles.is_some() && p.people.is_some() && p.overlay_below.is_some());
        let t = &file.theme;
        assert!(t.accent.is_some() && t.dim.is_some() && t.heading.is_some());
        assert!(t.indirect.is_some() && t.search.is_some());
        assert!(t.speakers.as_ref().is_some_and(|s| !s.0.is_empty()));
        for action in Action::BINDABLE {
            assert!(keys.values().any(|a| *a == action), "{action:?} has no key");
        }
    }

    #[test]
    fn a_user_file_merges_over_the_default() {
        let c = with(
            "reading_width = 60\n[theme]\naccent = \"#ff8800\"\n[keys]\nx = \"quit\"\nj = \"up\"\n",
        )
        .unwrap();
        assert_eq!(c.reading_width, 60);
        assert_eq!(c.panes.articles, 30);
        assert_eq!(c.theme.accent, Color::Rgb(0xff, 0x88, 0x00));
        assert_eq!(c.theme.dim, Color::DarkGray);
        let action = |k: &str| {
            c.keys
                .iter()
                .find(|(key, _)| *key == k.parse().unwrap())
                .map(|b| b.1)
        };
        assert_eq!(action("x"), Some(Action::Quit));
        assert_eq!(action("q"), Some(Action::Quit));
        assert_eq!(action("j"), Some(Action::Up));
    }

    #[test]
    fn errors_name_the_place_and_what_is_allowed() {
        assert!(error("reading_width = \n").starts_with("my.toml:1:17: "));
        let unknown = error("\n[panes]\nleft = 3\n");
        assert!(
            unknown.starts_with("my.toml:3:1: unknown field `left`"),
            "{unknown}"
        );
        assert!(unknown.contains("overlay_below"), "{unknown}");
        let action = error("[keys]\nx = \"explode\"\n");
        assert!(
            action.starts_with("my.toml:2:5: unknown action `explode`"),
            "{action}"
        );
        assert!(action.contains("next_match"), "{action}");
        let key = error("[keys]\n\"hyper-x\" = \"quit\"\n");
        assert!(
            key.starts_with("my.toml:2:1: unknown key `hyper-x`: a key is"),
            "{key}"
        );
        let colour = error("[theme]\naccent = \"mauve\"\n");
        assert!(
            colour.starts_with("my.toml:2:10: bad colour `mauve`: use a colour name"),
            "{colour}"
        );
        let twice = error("[keys]\npgdn = \"quit\"\nPageDown = \"help\"\n");
        assert!(
            twice.starts_with(
                "my.toml:3:1: `PageDown` is the same key as `pgdn` on line 2, bound to two \
                 actions (`help` and `quit`)"
            ),
            "{twice}"
        );
    }

    #[test]
    fn the_largest_file_read_is_configurable() {
        let default = Config::from_sources(None).unwrap();
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
    fn colours_may_be_bare_palette_numbers() {
        let c = with("[theme]\naccent = 208\nspeakers = [1, \"red\"]\n").unwrap();
        assert_eq!(c.theme.accent, Color::Indexed(208));
        assert_eq!(c.theme.speakers, [Color::Indexed(1), Color::Red]);
    }
}
