//! Words and punctuation of a paragraph, as spans, and the sentence
//! boundaries between them.
//!
//! A word keeps its inner apostrophes, hyphens and dots (`Russia's`,
//! `al-Assad`, `U.S`), and the closing dot of an abbreviation (`U.S.`,
//! `Mr.`, `Sen.`), so that a dot token is a real sentence mark.

mod sentences;
mod words;

pub use sentences::{ends_sentence, sentences};

use super::flat::{BIG, Flat, Span32, narrow};
use super::lexicon::{Class, class};
use crate::article::Span;
use crate::scan;
use words::{is_capitalized, is_inner, is_word_char, keeps_dot};

/// A word or a punctuation mark. Twelve bytes, offsets in 32 bits: the
/// parser holds one for every word and mark of the story at once, and a
/// story of only marks has one for each byte.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    /// The lexicon's classes of a capitalized word, looked up here once:
    /// the name steps go over the same words again for each source phrase.
    /// Empty for any other token.
    pub class: Class,
    flags: u8,
}

/// A word (letters or digits); otherwise one punctuation character.
const WORD: u8 = 1;
/// A word capitalized the way a name is: an uppercase first letter, not
/// all capitals (acronyms, shouting) unless short or dotted (`U.S.`, an
/// initial), no digits. Measured once here because the name steps ask it
/// of every word several times.
const CAPITALIZED: u8 = 1 << 1;
/// A word that keeps a closing dot (`U.S.`), or a mark or closer: only
/// these may end a sentence, and the tokenizer knows them for free.
const MAY_END: u8 = 1 << 2;

impl Token {
    /// The token from byte `start` to `end` of a paragraph that starts at
    /// `offset`, whose end [`tokenize`] checked to fit in 32 bits.
    fn new(offset: u32, start: usize, end: usize, class: Class, flags: u8) -> Token {
        Token {
            start: offset + start as u32,
            end: offset + end as u32,
            class,
            flags,
        }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    pub fn word(&self) -> bool {
        self.flags & WORD != 0
    }

    pub fn capitalized(&self) -> bool {
        self.flags & CAPITALIZED != 0
    }

    fn may_end(&self) -> bool {
        self.flags & MAY_END != 0
    }
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

/// Where the run of ASCII letters and digits from byte `from` ends.
fn alphanumeric_end(bytes: &[u8], from: usize) -> usize {
    from + bytes[from..]
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

/// The ASCII letters and digits of a chunk of up to 64 bytes, and where
/// tokens may start in it: runs of them, and every byte that is neither
/// one nor ASCII whitespace.
#[inline]
fn chunk_starts(chunk: &[u8]) -> (u64, u64) {
    let block: [u8; 64] = chunk.try_into().unwrap_or_else(|_| {
        // The last few bytes, padded with spaces, which start nothing.
        let mut padded = [b' '; 64];
        padded[..chunk.len()].copy_from_slice(chunk);
        padded
    });
    let (alphanumeric, space) = scan::word_masks(&block);
    // A run that goes on from the chunk before starts at bit 0 here, inside
    // the word already made of it, and is passed over.
    let runs = alphanumeric & !(alphanumeric << 1);
    (alphanumeric, runs | !(alphanumeric | space))
}

/// The most tokens `bytes` can make: the places a token may start, less
/// the bytes inside a character, where none starts. About as many as they
/// make, unless their words hold letters beyond ASCII.
fn most_tokens(bytes: &[u8]) -> usize {
    bytes
        .chunks(64)
        .map(|chunk| {
            let starts = chunk_starts(chunk).1.count_ones() as usize;
            // Most chunks are ASCII, without a byte inside a character.
            let inside = if chunk.is_ascii() {
                0
            } else {
                chunk.iter().filter(|&&b| b & 0xc0 == 0x80).count()
            };
            starts - inside
        })
        .sum()
}

/// The tokens of each paragraph of `text`.
pub fn tokenize_all(text: &str, paragraphs: &[Span32]) -> Flat<Token> {
    let bytes: usize = paragraphs.iter().map(|p| p.get().len()).sum();
    // Room for all the tokens a big text can make, counted first: its list
    // is never copied to grow, which would take as much memory again. A
    // small text is not worth the count; a token in five bytes is about
    // what prose needs.
    let room = if bytes >= BIG {
        let text = text.as_bytes();
        paragraphs
            .iter()
            .map(|p| most_tokens(&text[p.get().range()]))
            .sum()
    } else {
        bytes / 5
    };
    let mut flat = Flat::with_capacity(room, paragraphs.len());
    for p in paragraphs {
        flat.push_with(|out| tokenize(text, p.get(), out));
    }
    flat
}

/// Appends the tokens of `text[span]` to `out`.
///
/// The text is scanned 64 bytes at a time for where tokens may start: runs
/// of ASCII letters and digits, and every byte that is neither one nor
/// ASCII whitespace. Each start not already inside a token makes one, so a
/// token costs a few instructions more than the bytes it spans.
fn tokenize(text: &str, span: Span, out: &mut Vec<Token>) {
    let s = &text[span.range()];
    let bytes = s.as_bytes();
    // Checked here once for every token of the paragraph.
    let offset = narrow(span.start);
    narrow(span.end);
    // The first byte not yet in a token or skipped.
    let mut next = 0;
    for (k, chunk) in bytes.chunks(64).enumerate() {
        let base = 64 * k;
        let (alphanumeric, starts) = chunk_starts(chunk);
        let mut starts = starts;
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
                push_word(s, offset, at, run_end, out)
            } else {
                push_other(s, offset, at, out)
            };
        }
    }
}

/// Pushes the word that starts at byte `start` of `s` (`offset` into the
/// text); returns where it ends. Inlined into the scan, whose every word
/// comes here.
#[inline(always)]
fn push_word(s: &str, offset: u32, start: usize, run_end: usize, out: &mut Vec<Token>) -> usize {
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
    let class = if capitalized {
        class(&s[start..end])
    } else {
        Class::default()
    };
    let flags = WORD
        | if capitalized { CAPITALIZED } else { 0 }
        | if dotted && end - start > 2 {
            MAY_END
        } else {
            0
        };
    out.push(Token::new(offset, start, end, class, flags));
    end
}

/// Pushes the token, if any, of the character at byte `at` of `s`, which
/// is no ASCII letter, digit or whitespace; returns where it ends.
fn push_other(s: &str, offset: u32, at: usize, out: &mut Vec<Token>) -> usize {
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
    // Commas, dashes and the like are told by their first byte.
    let may_end = matches!(
        b,
        b'.' | b'!' | b'?' | b')' | b'"' | b'\'' | 0xc2 | 0xe2 | 0xe3 | 0xef
    );
    out.push(Token::new(
        offset,
        at,
        at + len,
        Class::default(),
        if may_end { MAY_END } else { 0 },
    ));
    at + len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str, span: Span) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize(text, span, &mut out);
        out
    }

    fn words(text: &str) -> Vec<&str> {
        tokens(text, Span::new(0, text.len()))
            .iter()
            .map(|t| &text[t.span().range()])
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
                push_word(
                    s,
                    narrow(span.start),
                    i,
                    alphanumeric_end(bytes, i),
                    &mut out,
                )
            } else {
                push_other(s, narrow(span.start), i, &mut out)
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
            let made = tokens(&text, span);
            proptest::prop_assert!(made.len() <= most_tokens(&text.as_bytes()[span.range()]));
            proptest::prop_assert_eq!(made, tokenize_by_char(&text, span));
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
}
