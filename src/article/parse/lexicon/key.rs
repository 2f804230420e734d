//! How a word is looked up in the word lists: [`Key`], the word with its
//! ASCII capitals lowered, packed with its length in one number; [`lower`]
//! for comparing it with a list as a string; [`fold`] for grouping words of
//! any length and script that differ only in case.

use std::hash::{Hash, Hasher};

/// The longest word the lists hold, in bytes.
pub const MAX_WORD: usize = 14;

/// A word of up to [`MAX_WORD`] bytes, lowercased on the way (ASCII letters
/// only: other words come lowercased, see [`fold`]), and its length, in
/// sixteen bytes: a table lookup hashes and compares a register rather than
/// a string elsewhere in memory, and a list compares it as a string without
/// an allocation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Key([u8; 16]);

impl Key {
    /// The key of `word`; `None` for a word longer than any listed one.
    #[inline]
    pub fn new(word: &[u8]) -> Option<Key> {
        let len = word.len();
        if len > MAX_WORD {
            return None;
        }
        let mut bytes = [0; 16];
        bytes[..len].copy_from_slice(word);
        bytes.make_ascii_lowercase();
        // The length keeps a word holding NUL apart from a shorter word.
        bytes[MAX_WORD] = len as u8;
        Some(Key(bytes))
    }

    /// The key as one number: the word's bytes from the lowest, its length
    /// in the byte above them.
    #[inline]
    pub fn bits(self) -> u128 {
        u128::from_le_bytes(self.0)
    }

    /// The lowercased word.
    #[inline]
    pub fn as_str(&self) -> &str {
        let len = usize::from(self.0[MAX_WORD]);
        // Lowering ASCII capitals keeps UTF-8 valid; only a key made of
        // bytes that were not text has none.
        std::str::from_utf8(&self.0[..len]).unwrap_or("")
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u128(self.bits());
    }
}

/// `word` lowercased on the stack, to be compared with a word list; a word
/// longer than any listed one becomes empty.
#[inline]
pub fn lower(word: &str) -> Key {
    Key::new(word.as_bytes()).unwrap_or_default()
}

/// A word of any length and script in lowercase, for grouping words that
/// differ only in case: its [`Key`] when it is short ASCII, as most are,
/// else its lowercase text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Folded {
    Short(Key),
    Long(Box<str>),
}

pub fn fold(word: &str) -> Folded {
    match word.is_ascii().then(|| Key::new(word.as_bytes())).flatten() {
        Some(short) => Folded::Short(short),
        None => Folded::Long(word.to_lowercase().into()),
    }
}

/// `word` without a possessive `'s` or a trailing apostrophe: the lists
/// hold `Russia`, not `Russia's`.
#[inline]
pub fn strip_possessive(word: &str) -> &str {
    // Most words end in neither `s` nor an apostrophe (`’` ends in 0x99).
    if !matches!(word.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        return word;
    }
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .or_else(|| word.strip_suffix('\''))
        .or_else(|| word.strip_suffix('’'))
        .unwrap_or(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_nul_from_the_end() {
        assert_ne!(Key::new(b"ab\0"), Key::new(b"ab"));
        assert_eq!(Key::new(b"MiXeD-Case"), Key::new(b"mixed-case"));
        assert_eq!(Key::new(&[b'a'; 15]), None);
    }

    #[test]
    fn lowercase_words_for_the_lists() {
        assert_eq!(lower("Said").as_str(), "said");
        assert_eq!(lower("said").as_str(), "said");
        assert_eq!(lower("ÉTÉ Mr").as_str(), "ÉtÉ mr");
        assert_eq!(lower(&"x".repeat(15)).as_str(), "");
    }

    #[test]
    fn folds_short_and_long_words() {
        assert_eq!(fold("Smith"), Folded::Short(lower("smith")));
        assert_eq!(fold("Müller"), Folded::Long("müller".into()));
        assert_eq!(
            fold("Featherstonehaughs"),
            Folded::Long("featherstonehaughs".into())
        );
    }
}
