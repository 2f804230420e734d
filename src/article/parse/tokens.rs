//! Words and punctuation of a paragraph, as spans, and the sentence
//! boundaries between them.
//!
//! A word keeps its inner apostrophes, hyphens and dots (`Russia's`,
//! `al-Assad`, `U.S`), and the closing dot of an abbreviation (`U.S.`,
//! `Mr.`, `Sen.`), so that a dot token is a real sentence mark.

use super::names::{Class, class};
use crate::article::Span;
use crate::swar;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    /// A word (letters or digits); otherwise one punctuation character.
    pub word: bool,
    /// A word capitalized the way a name is: an uppercase first letter,
    /// not all capitals (acronyms, shouting) unless short or dotted
    /// (`U.S.`, an initial), no digits. Measured once here because the
    /// name steps ask it of every word several times.
    pub capitalized: bool,
    /// The lexicon's classes of a capitalized word, looked up here once:
    /// the name steps go over the same words again for each source phrase.
    /// Empty for any other token.
    pub class: Class,
    /// A word that keeps a closing dot (`U.S.`), or a mark or closer: only
    /// these may end a sentence, and the tokenizer knows them for free.
    pub may_end: bool,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        // General punctuation (curly quotes, dashes) is common in articles
        // and slow to look up in the Unicode tables.
        !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphanumeric()
    }
}

fn is_inner(c: char) -> bool {
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

fn keeps_dot(word: &str) -> bool {
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

/// See [`Token::capitalized`].
#[inline]
fn is_capitalized(w: &str) -> bool {
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

/// The character at byte `i` of `s`, which must be a char boundary.
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(b as char),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// ASCII letters and digits, by byte.
static ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The high bit of each byte of `w` that is not an ASCII letter or digit.
fn not_alphanumeric(w: u64) -> u64 {
    let letter = swar::between(w | 0x2020_2020_2020_2020, b'a', b'z');
    !(swar::between(w, b'0', b'9') | letter) & swar::HIGH
}

/// Where the run of ASCII letters and digits from byte `from` ends, eight
/// bytes at a time: a word's end costs one unpredictable branch, not one
/// per letter.
fn alphanumeric_end(bytes: &[u8], from: usize) -> usize {
    let mut n = from;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let stop = not_alphanumeric(swar::load(chunk));
        if stop != 0 {
            return n + swar::first(stop);
        }
        n += 8;
    }
    n + bytes[n..]
        .iter()
        .take_while(|&&b| ALPHANUMERIC[usize::from(b)])
        .count()
}

/// The end of the word that starts at byte `start` of `s`, given where its
/// first run of ASCII letters and digits ends (`start` itself when the word
/// starts with another letter).
#[inline]
fn word_end(s: &str, start: usize, run_end: usize) -> usize {
    let bytes = s.as_bytes();
    let mut end = run_end;
    loop {
        if bytes.get(end).is_none_or(|&b| b == b' ') {
            return end;
        }
        let Some(d) = char_at(s, end) else {
            return end;
        };
        if !d.is_ascii() && is_word_char(d) {
            end += d.len_utf8();
        } else {
            let after = end + d.len_utf8();
            // "3,000" and "4.75" are one word.
            let in_number = matches!(d, ',' | '.')
                && end > start
                && bytes[end - 1].is_ascii_digit()
                && bytes.get(after).is_some_and(u8::is_ascii_digit);
            if end > start
                && (in_number || (is_inner(d) && char_at(s, after).is_some_and(is_word_char)))
            {
                end = after;
            } else {
                return end;
            }
        }
        end = alphanumeric_end(bytes, end);
    }
}

/// ASCII letters and digits, and ASCII whitespace, among the 64 bytes of
/// `block`: bit `i` for byte `i`.
fn word_masks(block: &[u8; 64]) -> (u64, u64) {
    #[cfg(target_arch = "x86_64")]
    return crate::simd::word_masks(block);
    #[cfg(not(target_arch = "x86_64"))]
    return word_masks_by_byte(block);
}

/// [`word_masks`] a byte at a time.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn word_masks_by_byte(block: &[u8; 64]) -> (u64, u64) {
    let (mut alphanumeric, mut space) = (0, 0);
    for (i, &b) in block.iter().enumerate() {
        alphanumeric |= u64::from(ALPHANUMERIC[usize::from(b)]) << i;
        space |= u64::from(b.is_ascii_whitespace() || b == 0x0b) << i;
    }
    (alphanumeric, space)
}

/// The tokens of `text[span]`.
///
/// The text is scanned 64 bytes at a time for where tokens may start: runs
/// of ASCII letters and digits, and every byte that is neither one nor
/// ASCII whitespace. Each start not already inside a token makes one, so a
/// token costs a few instructions more than the bytes it spans.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let s = &text[span.range()];
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 5);
    // The first byte not yet in a token or skipped.
    let mut next = 0;
    for (k, chunk) in bytes.chunks(64).enumerate() {
        let base = 64 * k;
        let block: [u8; 64] = chunk.try_into().unwrap_or_else(|_| {
            // The last few bytes, padded with spaces, which start nothing.
            let mut padded = [b' '; 64];
            padded[..chunk.len()].copy_from_slice(chunk);
            padded
        });
        let (alphanumeric, space) = word_masks(&block);
        // A run that goes on from the block before starts at bit 0 here,
        // inside the word already made of it, and is passed over.
        let runs = alphanumeric & !(alphanumeric << 1);
        let mut starts = runs | !(alphanumeric | space);
        while starts != 0 {
            let bit = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let at = base + bit;
            if at < next {
                continue;
            }
            next = if alphanumeric >> bit & 1 == 1 {
                let run = (!(alphanumeric >> bit)).trailing_zeros() as usize;
                let run_end = if bit + run < 64 {
                    at + run
                } else {
                    alphanumeric_end(bytes, base + 64)
                };
                push_word(s, span.start, at, run_end, &mut out)
            } else {
                push_other(s, span.start, at, &mut out)
            };
        }
    }
    out
}

/// Pushes the word that starts at byte `start` of `s` (`offset` into the
/// text); returns where it ends. Inlined into the scan, whose every word
/// comes here.
#[inline(always)]
fn push_word(s: &str, offset: usize, start: usize, run_end: usize, out: &mut Vec<Token>) -> usize {
    let bytes = s.as_bytes();
    // A space, the usual end, needs no more checks.
    let (end, dotted) = match bytes.get(run_end) {
        None | Some(b' ') => (run_end, false),
        _ => {
            let end = word_end(s, start, run_end);
            let dotted = bytes.get(end) == Some(&b'.') && keeps_dot(&s[start..end]);
            (end + usize::from(dotted), dotted)
        }
    };
    // Most words start with a lowercase letter or a digit: not
    // capitalized, which one byte tells.
    let b = bytes[start];
    let capitalized = (b.is_ascii_uppercase() || !b.is_ascii()) && is_capitalized(&s[start..end]);
    out.push(Token {
        span: Span::new(offset + start, offset + end),
        word: true,
        capitalized,
        class: if capitalized {
            class(&s[start..end])
        } else {
            Class::default()
        },
        may_end: dotted && end - start > 2,
    });
    end
}

/// Pushes the token, if any, of the character at byte `at` of `s`, which
/// is no ASCII letter, digit or whitespace; returns where it ends.
fn push_other(s: &str, offset: usize, at: usize, out: &mut Vec<Token>) -> usize {
    let b = s.as_bytes()[at];
    let len = if b.is_ascii() {
        1
    } else {
        let c = s[at..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            return at + c.len_utf8();
        }
        if is_word_char(c) {
            return push_word(s, offset, at, at, out);
        }
        c.len_utf8()
    };
    out.push(Token {
        span: Span::new(offset + at, offset + at + len),
        word: false,
        capitalized: false,
        class: Class::default(),
        // Commas, dashes and the like are told by their first byte.
        may_end: matches!(
            b,
            b'.' | b'!' | b'?' | b')' | b'"' | b'\'' | 0xc2 | 0xe2 | 0xe3 | 0xef
        ),
    });
    at + len
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

/// True when a sentence ends after token `i`.
/// Inlined: asked of every token, and most are answered by their flag.
#[inline]
pub fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    if !t.may_end {
        return false;
    }
    if t.word {
        // "U.S." ends a sentence only when the next word starts one.
        let w = &text[t.span.range()];
        return w[..w.len() - 1].contains('.')
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.word && starts_sentence(text, n));
    }
    let next_starts = || match tokens.get(i + 1) {
        None => true,
        Some(n) => starts_sentence(text, n),
    };
    if matches!(punct(text, &tokens[i]), "。" | "！" | "？") {
        return true;
    }
    if is_mark(text, &tokens[i]) {
        let continues = tokens
            .get(i + 1)
            .is_some_and(|n| is_mark(text, n) || is_closer(text, n));
        return !continues && next_starts();
    }
    is_closer(text, &tokens[i]) && i > 0 && is_mark(text, &tokens[i - 1]) && next_starts()
}

/// The text of a punctuation token; empty for a word.
#[inline]
fn punct<'t>(text: &'t str, t: &Token) -> &'t str {
    if t.word { "" } else { &text[t.span.range()] }
}

#[inline]
fn is_mark(text: &str, t: &Token) -> bool {
    matches!(punct(text, t), "." | "!" | "?" | "…")
}

#[inline]
fn is_closer(text: &str, t: &Token) -> bool {
    match punct(text, t) {
        "”" | "’" | ")" | "»" | "」" => true,
        "\"" | "'" => text[t.span.end..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace),
        _ => false,
    }
}

fn starts_sentence(text: &str, t: &Token) -> bool {
    text[t.span.range()]
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric())
}

/// Token index ranges of the sentences.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<std::ops::Range<usize>> {
    // Room for sentences of sixteen tokens, shorter than most.
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut start = 0;
    for i in 0..tokens.len() {
        if ends_sentence(text, tokens, i) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, Span::new(0, text.len()))
            .iter()
            .map(|t| &text[t.span.range()])
            .collect()
    }

    #[test]
    fn keeps_inner_marks_and_abbreviations() {
        assert_eq!(
            words("U.S. Sen. Bashar al-Assad's plan, Mr. Obama said."),
            vec![
                "U.S.",
                "Sen.",
                "Bashar",
                "al-Assad's",
                "plan",
                ",",
                "Mr.",
                "Obama",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn lowercase_words_for_the_lists() {
        assert_eq!(Lower::new("Said").as_str(), "said");
        assert_eq!(Lower::new("said").as_str(), "said");
        assert_eq!(Lower::new("ÉTÉ Mr").as_str(), "ÉtÉ mr");
        assert_eq!(Lower::new(&"x".repeat(25)).as_str(), "");
    }

    /// The tokenizer's scan done a character at a time: where the masks
    /// must find the same tokens. Words and other tokens are made as the
    /// tokenizer makes them.
    fn tokenize_by_char(text: &str, span: Span) -> Vec<Token> {
        let s = &text[span.range()];
        let bytes = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while let Some(c) = s[i..].chars().next() {
            i = if c.is_whitespace() {
                i + c.len_utf8()
            } else if c.is_ascii_alphanumeric() {
                push_word(s, span.start, i, alphanumeric_end(bytes, i), &mut out)
            } else {
                push_other(s, span.start, i, &mut out)
            };
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn masks_find_the_tokens_chars_do(
            text in "[a-zA-Z0-9 .,'’\\-&:;!?\"“”()\n\t\x0b\x0c\r\x01\x7féÉ東\u{a0}\u{2014}\u{2011}]{0,300}",
            from in 0usize..8,
        ) {
            let from = (0..=from.min(text.len())).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let span = Span::new(from, text.len());
            proptest::prop_assert_eq!(tokenize(&text, span), tokenize_by_char(&text, span));
        }

        #[test]
        fn word_tests_on_bytes_are_the_tests_by_char(w in "[a-zA-Z0-9.'\\-&é]{0,20}") {
            proptest::prop_assert_eq!(is_capitalized(&w), is_capitalized_by_char(&w));
            proptest::prop_assert_eq!(keeps_dot(&w), keeps_dot_by_char(&w));
        }

        #[test]
        fn word_masks_are_the_bytes(block in proptest::array::uniform32(proptest::num::u8::ANY), more in proptest::array::uniform32(proptest::num::u8::ANY)) {
            let mut all = [0u8; 64];
            all[..32].copy_from_slice(&block);
            all[32..].copy_from_slice(&more);
            proptest::prop_assert_eq!(word_masks(&all), word_masks_by_byte(&all));
        }
    }

    #[test]
    fn alphanumeric_runs_of_every_byte() {
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = vec![b'a'; 12];
                bytes[at] = b;
                let want = if b.is_ascii_alphanumeric() { 12 } else { at };
                assert_eq!(alphanumeric_end(&bytes, 0), want, "byte {b:#x} at {at}");
            }
        }
    }

    #[test]
    fn splits_sentences() {
        let text = "He met Mr. Li in the U.S. on Monday. \"We agree,\" he said. Talks go on";
        let toks = tokenize(text, Span::new(0, text.len()));
        let s = sentences(text, &toks);
        assert_eq!(s.len(), 3);
    }
}
