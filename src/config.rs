//! The reader's configuration: the default `config.toml` built into the
//! binary, with the user's file merged over it. Every mistake in a file is
//! reported with its path, line and column and what would have been allowed,
//! before the terminal is touched.

use std::collections::{BTreeMap, HashMap};
use std::env;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ratatui::style::Color;
use serde::{Deserialize, Deserializer};
use toml::Spanned;

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
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// One file as written: everything optional, so that a user's file holds
/// only what it changes.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    articles: Option<PathBuf>,
    reading_width: Option<u16>,
    #[serde(default)]
    panes: PanesFile,
    #[serde(default)]
    theme: ThemeFile,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Spanned<Action>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct PanesFile {
    articles: Option<u16>,
    people: Option<u16>,
    overlay_below: Option<u16>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    accent: Option<Colour>,
    dim: Option<Colour>,
    heading: Option<Colour>,
    indirect: Option<Colour>,
    search: Option<Colour>,
    speakers: Option<Vec<Colour>>,
}

/// A colour as written: a name, a palette number or `#rrggbb`.
#[derive(Clone, Copy, Debug)]
struct Colour(Color);

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Color::from_str(&s).map(Colour).map_err(|_| {
            serde::de::Error::custom(format!(
                "bad colour `{s}`: use a name (black, red, green, yellow, blue, magenta, cyan, \
                 gray, dark-gray, light-red, ..., white, reset), a number 0-255 or #rrggbb"
            ))
        })
    }
}

/// A file's text with its name, to point at a place in it.
struct Source<'a> {
    path: &'a str,
    text: &'a str,
}

impl Source<'_> {
    fn error(&self, at: usize, message: impl fmt::Display) -> ConfigError {
        let before = self.text.get(..at).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        ConfigError::Invalid {
            path: self.path.to_owned(),
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
            message: message.to_string(),
        }
    }

    fn parse(&self) -> Result<(File, HashMap<Key, Action>), ConfigError> {
        let file: File = toml::from_str(self.text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            // The one enum in the file is the action a key is bound to.
            let message = e
                .message()
                .trim_end()
                .replace("unknown variant", "unknown action");
            self.error(at, message)
        })?;
        let mut keys: HashMap<Key, (Action, &str)> = HashMap::new();
        for (name, action) in &file.keys {
            let key: Key = name.get_ref().parse().map_err(|_| {
                self.error(
                    name.span().start,
                    format!("unknown key `{}`: {KEY_SYNTAX}", name.get_ref()),
                )
            })?;
            let action = *action.get_ref();
            match keys.insert(key, (action, name.get_ref())) {
                Some((other, other_name)) if other != action => {
                    return Err(self.error(
                        name.span().start,
                        format!(
                            "`{}` and `{other_name}` are the same key, bound to two actions \
                             ({action:?} and {other:?}); a key can do one thing",
                            name.get_ref()
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
                let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::Read {
                    path: path.display().to_string(),
                    source,
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
        Ok(Config {
            articles: file.articles.unwrap_or_else(|| PathBuf::from("articles")),
            reading_width: file.reading_width.unwrap_or(u16::MAX),
            panes: Panes {
                articles: file.panes.articles.unwrap_or(0),
                people: file.panes.people.unwrap_or(0),
                overlay_below: file.panes.overlay_below.unwrap_or(0),
            },
            theme: Colors {
                accent: colour(theme.accent),
                dim: colour(theme.dim),
                heading: colour(theme.heading),
                indirect: colour(theme.indirect),
                search: colour(theme.search),
                speakers: theme
                    .speakers
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
            keys: BTreeMap::new(),
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
        let p = &file.panes;
        assert!(p.articles.is_some() && p.people.is_some() && p.overlay_below.is_some());
        let t = &file.theme;
        assert!(t.accent.is_some() && t.dim.is_some() && t.heading.is_some());
        assert!(t.indirect.is_some() && t.search.is_some());
        assert!(t.speakers.as_ref().is_some_and(|s| !s.is_empty()));
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
            colour.starts_with("my.toml:2:10: bad colour `mauve`: use a name"),
            "{colour}"
        );
        let twice = error("[keys]\npgdn = \"quit\"\nPageDown = \"help\"\n");
        assert!(
            twice.contains("are the same key, bound to two actions"),
            "{twice}"
        );
        assert!(twice.starts_with("my.toml:"), "{twice}");
    }
}
