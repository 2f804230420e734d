//! What a word is: the characters that make one, the abbreviations that
//! keep their closing dot, the capitals of a name; and a word lowercased
//! without an allocation, for the word lists.

use crate::swar;

pub(super) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // General punctuation (curly quotes, dashes) is common in articles
        // and slow to look up in the Unicode tables.
        !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphanumeric()
    }
}

pub(super) fn is_inner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '‑' | '&')
}

/// Abbreviations whose dot belongs to the word, in lowercase.
fn is_abbreviation(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mrs"
            | "ms"
            | "dr"
            | "st"
            | "sen"
            | "rep"
            | "gov"
            | "gen"
            | "lt"
            | "col"
            | "capt"
            | "sgt"
            | "jr"
            | "sr"
            | "prof"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
            | "no"
            | "vs"
            | "inc"
            | "corp"
            | "co"
            | "ltd"
            | "mt"
            | "ft"
            | "rev"
            | "adm"
            | "cmdr"
            | "supt"
            | "det"
            | "insp"
    )
}

pub(super) fn keeps_dot(word: &str) -> bool {
    let b = word.as_bytes();
    if b.is_ascii() {
        // The same test on bytes, without decoding.
        return (b.len() == 1 && b[0].is_ascii_uppercase())
            || (b.contains(&b'.') && b.iter().all(|&c| c.is_ascii_alphabetic() || c == b'.'))
            || (b.len() <= 5 && is_abbreviation(Lower::new(word).as_str()));
    }
    keeps_dot_by_char(word)
}

/// [`keeps_dot`] a character at a time, for any word.
fn keeps_dot_by_char(word: &str) -> bool {
    let single_letter = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    single_letter
        || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
        || (word.len() <= 5 && is_abbreviation(Lower::new(word).as_str()))
}

/// See [`super::Token::capitalized`].
#[inline]
pub(super) fn is_capitalized(w: &str) -> bool {
    let b = w.as_bytes();
    if b.len() <= 16 {
        let (lo, hi) = b.split_at(b.len().min(8));
        let (lo, hi) = (swar::load_short(lo), swar::load_short(hi));
        if (lo | hi) & swar::HIGH == 0 {
            // An ASCII word of up to sixteen bytes, eight tested at once.
            let any = |lo_byte: u8, hi_byte: u8| {
                swar::between(lo, lo_byte, hi_byte) | swar::between(hi, lo_byte, hi_byte) != 0
            };
            return b.first().is_some_and(u8::is_ascii_uppercase)
                && (any(b'a', b'z') || b.len() <= 2 || any(b'.', b'.'))
                && !any(b'0', b'9');
        }
    }
    is_capitalized_by_char(w)
}

/// [`is_capitalized`] a character at a time, for any word.
fn is_capitalized_by_char(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && (chars.clone().any(char::is_lowercase) || w.len() <= 2 || w.contains('.'))
        && !w.bytes().any(|b| b.is_ascii_digit())
}

/// A short word in ASCII lowercase, so that the word lists are compared
/// without an allocation for every word asked: the word itself when it has
/// no capital (most words), else a lowercase copy on the stack. A word
/// longer than any in the lists becomes empty.
pub struct Lower<'w> {
    word: &'w str,
    /// The copy, when the word has capitals; `None` when `word` serves.
    copy: Option<([u8; 24], usize)>,
}

impl<'w> Lower<'w> {
    pub fn new(word: &'w str) -> Lower<'w> {
        if word.len() > 24 {
            return Lower {
                word: "",
                copy: None,
            };
        }
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower { word, copy: None };
        }
        let mut bytes = [0u8; 24];
        bytes[..word.len()].copy_from_slice(word.as_bytes());
        bytes.make_ascii_lowercase();
        Lower {
            word,
            copy: Some((bytes, word.len())),
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.copy {
            None => self.word,
            // ASCII lowercasing keeps UTF-8 valid.
            Some((bytes, len)) => std::str::from_utf8(&bytes[..*len]).unwrap_or(""),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_words_for_the_lists() {
        assert_eq!(Lower::new("Said").as_str(), "said");
        assert_eq!(Lower::new("said").as_str(), "said");
        assert_eq!(Lower::new("ÉTÉ Mr").as_str(), "ÉtÉ mr");
        assert_eq!(Lower::new(&"x".repeat(25)).as_str(), "");
    }

    proptest::proptest! {
        #[test]
        fn word_tests_on_bytes_are_the_tests_by_char(w in "[a-zA-Z0-9.'\\-&é]{0,20}") {
            proptest::prop_assert_eq!(is_capitalized(&w), is_capitalized_by_char(&w));
            proptest::prop_assert_eq!(keeps_dot(&w), keeps_dot_by_char(&w));
        }
    }
}
