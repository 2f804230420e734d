//! Keys as people write them (`ctrl-d`, `shift-tab`, `pgdn`, `G`) and the
//! keymap from keys to actions. The help overlay and the status hints are
//! drawn from the same keymap, so they always tell the truth.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use icu_properties::CodePointMapData;
use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};

use crate::article::text;

use super::action::Action;

/// A key with its modifiers, normalized so that a key string and the event
/// the terminal sends for it compare equal: a character carries its own
/// case, so Shift is dropped from characters, and Shift-Tab is `BackTab`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

/// Named keys, as written in the config and shown in help.
const NAMES: [(&str, KeyCode); 17] = [
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pgup", KeyCode::PageUp),
    ("pgdn", KeyCode::PageDown),
    ("minus", KeyCode::Char('-')),
];

/// Other spellings accepted for named keys.
const ALIASES: [(&str, &str); 6] = [
    ("return", "enter"),
    ("escape", "esc"),
    ("pageup", "pgup"),
    ("pagedown", "pgdn"),
    ("del", "delete"),
    ("ins", "insert"),
];

/// Says what a key string may be, for config errors.
pub const KEY_SYNTAX: &str = "a key is a visible character (`q`, `G`, `?`) or one of enter, esc, tab, \
     space, backspace, delete, insert, up, down, left, right, home, end, pgup, pgdn, f1-f12, \
     optionally after ctrl-, alt- or shift-";

impl Key {
    pub fn new(code: KeyCode, mods: KeyModifiers) -> Key {
        let mut mods = mods & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
                KeyCode::Char(c.to_uppercase().next().unwrap_or(c))
            }
            code => code,
        };
        if matches!(code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code, mods }
    }

    pub fn from_event(event: &KeyEvent) -> Key {
        Key::new(event.code, event.modifiers)
    }

    pub fn char(c: char) -> Key {
        Key::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    /// The character typed, when the key types one (for the search prompt).
    pub fn typed(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c) if (self.mods - KeyModifiers::SHIFT).is_empty() => Some(c),
            _ => None,
        }
    }
}

/// Why a key string is no key; shown as the start of a config error.
#[derive(Debug, PartialEq, Eq)]
pub enum BadKey {
    /// Not a character, key name or modifier that brief knows.
    Unknown(String),
    /// One character that no key types on its own, or that help could not
    /// show: the string, the character and what it is.
    Unkeyable(String, char, &'static str),
}

impl fmt::Display for BadKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BadKey::Unknown(key) => write!(f, "unknown key `{key}`"),
            BadKey::Unkeyable(key, c, what) => {
                write!(f, "unknown key `{key}` (U+{:04X}, {what})", u32::from(*c))
            }
        }
    }
}

/// What `c` is, when no key types it on its own (a combining mark, a space
/// other than the space bar's, a separator) or help could not show it (a
/// control or invisible character).
fn unkeyable(c: char) -> Option<&'static str> {
    let category = CodePointMapData::<GeneralCategory>::new().get(c);
    if c == ' ' {
        None
    } else if category == GeneralCategory::Control {
        Some("a control character")
    } else if GeneralCategoryGroup::Mark.contains(category) {
        Some("a combining mark")
    } else if c.is_whitespace() || GeneralCategoryGroup::Separator.contains(category) {
        Some("a space or separator")
    } else if text::visible(c).is_some() {
        Some("an invisible character")
    } else {
        None
    }
}

impl FromStr for Key {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<Key, BadKey> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        // A lone `-` or a trailing one (`ctrl--`) is the minus key itself.
        while let Some((prefix, tail)) = rest.split_once('-').filter(|(_, t)| !t.is_empty()) {
            mods |= match prefix.to_ascii_lowercase().as_str() {
                "ctrl" | "c" => KeyModifiers::CONTROL,
                "alt" | "a" | "meta" | "m" => KeyModifiers::ALT,
                "shift" | "s" => KeyModifiers::SHIFT,
                _ => return Err(BadKey::Unknown(s.to_owned())),
            };
            rest = tail;
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => match unkeyable(c) {
                Some(what) => return Err(BadKey::Unkeyable(s.to_owned(), c, what)),
                None => KeyCode::Char(c),
            },
            _ => {
                let lower = rest.to_ascii_lowercase();
                let name = ALIASES
                    .iter()
                    .find(|(alias, _)| *alias == lower)
                    .map_or(lower.as_str(), |(_, name)| name);
                match NAMES.iter().find(|(n, _)| *n == name) {
                    Some((_, code)) => *code,
                    None => name
                        .strip_prefix('f')
                        .and_then(|n| n.parse::<u8>().ok())
                        .filter(|n| (1..=12).contains(n))
                        .map(KeyCode::F)
                        .ok_or_else(|| BadKey::Unknown(s.to_owned()))?,
                }
            }
        };
        Ok(Key::new(code, mods))
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{}", text::visible(c).unwrap_or(c)),
            KeyCode::F(n) => write!(f, "f{n}"),
            code => match NAMES.iter().find(|(_, c)| *c == code) {
                Some((name, _)) => f.write_str(name),
                None => write!(f, "{code:?}"),
            },
        }
    }
}

/// Which action each key does.
#[derive(Clone, Debug, Default)]
pub struct Keymap {
    bindings: HashMap<Key, Action>,
}

impl Keymap {
    pub fn new(bindings: impl IntoIterator<Item = (Key, Action)>) -> Keymap {
        Keymap {
            bindings: bindings.into_iter().collect(),
        }
    }

    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings.get(&key).copied()
    }

    /// The keys bound to an action, shortest first so the first is the one
    /// to show when there is room for only one.
    pub fn keys(&self, action: Action) -> Vec<Key> {
        let mut keys: Vec<Key> = self
            .bindings
            .iter()
            .filter(|(_, a)| **a == action)
            .map(|(k, _)| *k)
            .collect();
        keys.sort_by_cached_key(|k| {
            let s = k.to_string();
            (s.chars().count(), s)
        });
        keys
    }

    /// The keys of an action joined for display (`j, down`), or `None`
    /// when nothing is bound to it.
    pub fn describe(&self, action: Action) -> Option<String> {
        let keys = self.keys(action);
        (!keys.is_empty()).then(|| {
            keys.iter()
                .map(Key::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> Key {
        s.parse().unwrap()
    }

    #[test]
    fn strings_and_events_agree() {
        let ev = |code, mods| Key::from_event(&KeyEvent::new(code, mods));
        assert_eq!(key("ctrl-d"), ev(KeyCode::Char('d'), KeyModifiers::CONTROL));
        assert_eq!(key("shift-tab"), ev(KeyCode::BackTab, KeyModifiers::SHIFT));
        assert_eq!(key("G"), ev(KeyCode::Char('G'), KeyModifiers::SHIFT));
        assert_eq!(key("shift-g"), key("G"));
        assert_eq!(key("?"), ev(KeyCode::Char('?'), KeyModifiers::SHIFT));
        assert_eq!(key("PageDown"), key("pgdn"));
        assert_eq!(key("space"), key(" "));
        assert_eq!(key("-"), Key::char('-'));
        assert_eq!(
            key("ctrl--"),
            Key::new(KeyCode::Char('-'), KeyModifiers::CONTROL)
        );
        assert_eq!(key("f5"), ev(KeyCode::F(5), KeyModifiers::NONE));
    }

    #[test]
    fn bad_keys_are_refused() {
        for bad in ["", "ctrl-", "hyper-x", "pgdown2", "f13", "enterr"] {
            assert_eq!(bad.parse::<Key>(), Err(BadKey::Unknown(bad.into())));
        }
    }

    #[test]
    fn characters_no_key_types_alone_are_refused_saying_what_they_are() {
        for (bad, c, what) in [
            ("\u{1b}", '\u{1b}', "a control character"),
            ("ctrl-\u{7}", '\u{7}', "a control character"),
            ("\u{9b}", '\u{9b}', "a control character"),
            ("\t", '\t', "a control character"),
            ("\u{301}", '\u{301}', "a combining mark"),
            ("alt-\u{94d}", '\u{94d}', "a combining mark"),
            ("\u{fe0f}", '\u{fe0f}', "a combining mark"),
            ("\u{a0}", '\u{a0}', "a space or separator"),
            ("\u{3000}", '\u{3000}', "a space or separator"),
            ("\u{2028}", '\u{2028}', "a space or separator"),
            ("\u{2029}", '\u{2029}', "a space or separator"),
            ("\u{200b}", '\u{200b}', "an invisible character"),
            ("\u{202e}", '\u{202e}', "an invisible character"),
            ("\u{61c}", '\u{61c}', "an invisible character"),
            ("\u{3164}", '\u{3164}', "an invisible character"),
            ("\u{e0041}", '\u{e0041}', "an invisible character"),
        ] {
            let refused = BadKey::Unkeyable(bad.into(), c, what);
            assert_eq!(bad.parse::<Key>(), Err(refused), "{bad:?}");
        }
        for good in ["é", "ß", "Я", "東", "€", "😀"] {
            assert_eq!(key(good), Key::char(good.chars().next().unwrap()));
        }
    }

    #[test]
    fn keys_print_as_written() {
        for s in [
            "ctrl-d",
            "shift-tab",
            "pgdn",
            "G",
            "space",
            "alt-enter",
            "f1",
            "?",
        ] {
            assert_eq!(key(s).to_string(), s);
        }
    }

    #[test]
    fn describes_bindings_shortest_first() {
        let map = Keymap::new([(key("down"), Action::Down), (key("j"), Action::Down)]);
        assert_eq!(map.describe(Action::Down).as_deref(), Some("j, down"));
        assert_eq!(map.describe(Action::Up), None);
        assert_eq!(map.action(key("j")), Some(Action::Down));
    }
}
