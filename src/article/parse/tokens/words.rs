//! What a word is: the characters that make one, whether it keeps its
//! closing dot, the capitals of a name.

use crate::article::parse::lexicon::lower;
use crate::article::parse::lexicon::marks::is_abbreviation;

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
    let single_letter = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
    single_letter
        || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
        || (word.len() <= 5 && is_abbreviation(lower(word).as_str()))
}

/// See [`super::Token::capitalized`].
pub(super) fn is_capitalized(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && (chars.clone().any(char::is_lowercase) || w.len() <= 2 || w.contains('.'))
        && !w.bytes().any(|b| b.is_ascii_digit())
}
