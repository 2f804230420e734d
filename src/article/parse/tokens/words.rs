//! What a word is: the characters that make one, whether it keeps its
//! closing dot, the capitals of a name.

use crate::article::parse::lexicon::lower;
use crate::article::parse::lexicon::marks::is_abbreviation;
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

pub(super) fn keeps_dot(word: &str) -> bool {
    let b = word.as_bytes();
    if b.is_ascii() {
        // The same test on bytes, without decoding.
        return (b.len() == 1 && b[0].is_ascii_uppercase())
            || (b.contains(&b'.') && b.iter().all(|&c| c.is_ascii_alphabetic() || c == b'.'))
            || (b.len() <= 5 && is_abbreviation(lower(word).as_str()));
    }
    keeps_dot_by_char(word)
}

/// [`keeps_dot`] a character at a time, for any word.
fn keeps_dot_by_char(word: &str) -> bool {
    let single_letter = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    single_letter
        || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
        || (word.len() <= 5 && is_abbreviation(lower(word).as_str()))
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn word_tests_on_bytes_are_the_tests_by_char(w in "[a-zA-Z0-9.'\\-&é]{0,20}") {
            proptest::prop_assert_eq!(is_capitalized(&w), is_capitalized_by_char(&w));
            proptest::prop_assert_eq!(keeps_dot(&w), keeps_dot_by_char(&w));
        }
    }
}
