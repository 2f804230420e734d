//! Measures of a block's text that the layout steps share: how long it is,
//! whether it reads as prose, whether it looks like a heading.
//!
//! Lengths count characters, and CJK text counts one word a character, so
//! that pages in Chinese or Japanese are measured like any other.

/// What a piece of text looks like, measured once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// Characters that are not whitespace.
    pub chars: usize,
    /// Space-separated words, plus one per CJK character.
    pub words: usize,
    /// Sentence marks followed by a space or the end: `. ! ? 。 ！ ？`.
    pub sentences: usize,
    /// The text ends like a sentence (closing quotes and brackets allowed).
    pub ends_sentence: bool,
    /// Letters that are lowercase, and all letters.
    pub lower: usize,
    pub letters: usize,
    /// Words that start with an uppercase letter.
    pub capitalized: usize,
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

fn is_sentence_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '。' | '！' | '？')
}

fn is_cjk_mark(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '»' | '」' | '』' | '*' | '_'
    )
}

/// Classes of ASCII bytes, looked up so that the counting loop has no
/// branches for them.
const SPACE: u8 = 1;
const LETTER: u8 = 2;
const LOWER: u8 = 4;
const UPPER: u8 = 8;
const MARK: u8 = 16;

static ASCII_CLASSES: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_whitespace() || c == 0x0b {
            SPACE
        } else if c.is_ascii_lowercase() {
            LETTER | LOWER
        } else if c.is_ascii_uppercase() {
            LETTER | UPPER
        } else if matches!(c, b'.' | b'!' | b'?') {
            MARK
        } else {
            0
        };
        b += 1;
    }
    table
};

/// What came just before, as far as counting sentences goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Before {
    Other,
    Mark,
    CjkMark,
}

impl Shape {
    pub fn of(text: &str) -> Shape {
        let (mut chars, mut words, mut sentences) = (0usize, 0usize, 0usize);
        let (mut lower, mut letters, mut capitalized) = (0usize, 0usize, 0usize);
        let mut in_word = false;
        let mut before = Before::Other;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            // Most text is ASCII: counted by table, without decoding, the
            // Unicode tables or branches.
            if let Some(&class) = ASCII_CLASSES.get(usize::from(b)) {
                i += 1;
                let space = class & SPACE != 0;
                let starts_word = !in_word & !space;
                chars += usize::from(!space);
                letters += usize::from(class & LETTER != 0);
                lower += usize::from(class & LOWER != 0);
                words += usize::from(starts_word);
                capitalized += usize::from(starts_word & (class & UPPER != 0));
                sentences += usize::from(space & (before != Before::Other));
                in_word = !space;
                before = if class & MARK != 0 {
                    Before::Mark
                } else {
                    Before::Other
                };
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                sentences += usize::from(before != Before::Other);
                in_word = false;
                before = Before::Other;
                continue;
            }
            chars += 1;
            if is_cjk_mark(c) {
                sentences += 1;
                in_word = false;
            } else if is_cjk(c) {
                words += 1;
                in_word = false;
            } else if !in_word {
                words += 1;
                in_word = true;
                capitalized += usize::from(c.is_uppercase());
            }
            // General punctuation (curly quotes, dashes) is not a letter and
            // slow to look up.
            if !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphabetic() {
                letters += 1;
                lower += usize::from(c.is_lowercase());
            }
            before = if is_cjk_mark(c) {
                Before::CjkMark
            } else if is_sentence_mark(c) {
                Before::Mark
            } else {
                Before::Other
            };
        }
        let mut s = Shape {
            chars,
            words,
            sentences,
            ends_sentence: false,
            lower,
            letters,
            capitalized,
        };
        let last = text
            .trim_end()
            .trim_end_matches(is_closer)
            .chars()
            .next_back();
        s.ends_sentence = last.is_some_and(is_sentence_mark);
        if before == Before::Mark {
            s.sentences += 1;
        }
        s.sentences = s.sentences.max(usize::from(s.ends_sentence));
        s
    }

    /// Reads as running text: a sentence of some length, or a long run of words.
    pub fn is_prose(&self) -> bool {
        (self.words >= 8 && self.sentences >= 1 && self.ends_sentence)
            || (self.words >= 14 && self.sentences >= 1)
            || self.words >= 30
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_and_not() {
        assert!(
            Shape::of("The two sides met on Sunday and agreed to meet again on Monday.").is_prose()
        );
        assert!(!Shape::of("Kerry-Lavrov meeting").is_prose());
        assert!(!Shape::of("Share this article").is_prose());
    }

    #[test]
    fn cjk_counts_characters() {
        let s = Shape::of("東京都は月曜日、新しい交通計画を発表した。計画は来年から始まる。");
        assert!(s.words > 20);
        assert_eq!(s.sentences, 2);
        assert!(s.is_prose());
    }

    #[test]
    fn sentence_end_through_quotes() {
        assert!(Shape::of("He said \"no.\"").ends_sentence);
        assert!(!Shape::of("Top stories").ends_sentence);
    }
}
