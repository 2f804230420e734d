//! The reader's settings: the reading width, the side panes, the theme's
//! colours and the key bindings, read from the same files as the core
//! settings (`crate::config`): the user's file merged over the built-in
//! default, each mistake placed by path, line and column with what is
//! allowed. The reader checks the whole file, so it also names a setting
//! no part of brief reads.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use ratatui::style::Color;
use serde::de::{self, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};
use toml::Spanned;

use crate::config::{Config, ConfigError, ConfigFiles, Source};

use super::action::Action;
use super::keymap::{KEY_SYNTAX, Key};

#[derive(Clone, Debug)]
pub struct Settings {
    pub reading_width: u16,
    /// The reader takes the mouse (scrolling, clicks); without it the
    /// terminal's own selection works.
    pub mouse: bool,
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

/// The reader's settings as written: everything optional, so that a
/// user's file holds only what it changes.
#[derive(Debug, Default, Deserialize)]
struct File {
    reading_width: Option<Columns>,
    mouse: Option<bool>,
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

/// One file's reader settings, with its key bindings checked: each key
/// a key, no key bound to two actions.
fn parse(source: &Source) -> Result<(File, HashMap<Key, Action>), ConfigError> {
    let file: File = source.parse()?;
    let mut keys: HashMap<Key, (Action, &Spanned<String>)> = HashMap::new();
    // In the order written, so that a clash is reported at the second.
    let mut bindings: Vec<_> = file.keys.0.iter().collect();
    bindings.sort_by_key(|(name, _)| name.span().start);
    for (name, bound) in bindings {
        let key: Key = name
            .get_ref()
            .parse()
            .map_err(|e| source.error(name.span().start, format!("{e}: {KEY_SYNTAX}")))?;
        let action = bound.get_ref().0;
        match keys.insert(key, (action, name)) {
            Some((other, first)) if other != action => {
                return Err(source.error(
                    name.span().start,
                    format!(
                        "`{}` is the same key as `{}` on line {}, bound to two actions \
                             (`{}` and `{}`); a key can do one thing",
                        name.get_ref(),
                        first.get_ref(),
                        source.place(first.span().start).0,
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

impl Settings {
    /// The top-level settings of this part of the file.
    pub const KEYS: [&str; 5] = ["reading_width", "mouse", "panes", "theme", "keys"];

    /// The reader's settings of `files`, the user's over the default's,
    /// after checking that every top-level setting is known.
    pub fn read(files: &ConfigFiles) -> Result<Settings, ConfigError> {
        let known: Vec<&str> = Config::KEYS
            .iter()
            .chain(&Settings::KEYS)
            .copied()
            .collect();
        files.check_known(&known)?;
        let mut sources = files.sources();
        let default = sources.next().expect("the default is a source");
        let (mut file, mut keys) = parse(&default)?;
        for source in sources {
            let (mine, my_keys) = parse(&source)?;
            file = mine.over(file);
            keys.extend(my_keys);
        }
        // The built-in file sets every field, which a test checks; the
        // fallbacks only keep this total.
        let theme = file.theme;
        let colour = |c: Option<Colour>| c.map_or(Color::Reset, |c| c.0);
        let columns = |c: Option<Columns>, or| c.map_or(or, |c| c.0);
        Ok(Settings {
            reading_width: columns(file.reading_width, u16::MAX),
            mouse: file.mouse.unwrap_or(true),
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

    /// The built-in default's reader settings.
    pub fn builtin() -> Settings {
        Settings::read(&ConfigFiles::builtin()).expect("the built-in config parses")
    }
}

impl File {
    /// This file's settings where it has them, `base`'s elsewhere.
    fn over(self, base: File) -> File {
        File {
            reading_width: self.reading_width.or(base.reading_width),
            mouse: self.mouse.or(base.mouse),
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn with(text: &str) -> Result<Settings, ConfigError> {
        Settings::read(&ConfigFiles::with_user(Path::new("my.toml"), text))
    }

    fn error(text: &str) -> String {
        with(text).unwrap_err().to_string()
    }

    #[test]
    fn the_default_parses_and_sets_everything() {
        let (file, keys) = parse(&ConfigFiles::builtin().sources().next().unwrap()).unwrap();
        assert!(file.reading_width.is_some() && file.mouse.is_some());
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
        assert!(c.mouse);
        assert!(!with("mouse = false\n").unwrap().mouse);
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
        let top = error("reading_width = 60\nwidht = 3\n");
        assert!(
            top.starts_with("my.toml:2:1: unknown field `widht`, expected one of `articles`"),
            "{top}"
        );
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
    fn colours_may_be_bare_palette_numbers() {
        let c = with("[theme]\naccent = 208\nspeakers = [1, \"red\"]\n").unwrap();
        assert_eq!(c.theme.accent, Color::Indexed(208));
        assert_eq!(c.theme.speakers, [Color::Indexed(1), Color::Red]);
    }
}
