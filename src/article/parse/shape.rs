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

impl Shape {
    pub fn of(text: &str) -> Shape {
        let mut s = Shape::default();
        let mut in_word = false;
        // The character before, a space at the start: only whether it is a
        // sentence mark matters.
        let mut prev = ' ';
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Most text is ASCII: counted byte by byte, without decoding or
            // the Unicode tables.
            let b = bytes[i];
            if b.is_ascii() {
                i += 1;
                if b.is_ascii_alphabetic() {
                    s.chars += 1;
                    s.letters += 1;
                    s.lower += usize::from(b.is_ascii_lowercase());
                    if !in_word {
                        s.words += 1;
                        in_word = true;
                        s.capitalized += usize::from(b.is_ascii_uppercase());
                    }
                } else if b.is_ascii_whitespace() || b == 0x0b {
                    if is_sentence_mark(prev) {
                        s.sentences += 1;
                    }
                    in_word = false;
                } else {
                    s.chars += 1;
                    if !in_word {
                        s.words += 1;
                        in_word = true;
                    }
                }
                prev = b as char;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                if is_sentence_mark(prev) {
                    s.sentences += 1;
                }
                in_word = false;
                prev = c;
                continue;
            }
            s.chars += 1;
            if is_cjk_mark(c) {
                s.sentences += 1;
                in_word = false;
            } else if is_cjk(c) {
                s.words += 1;
                in_word = false;
            } else if !in_word {
                s.words += 1;
                in_word = true;
                if c.is_uppercase() {
                    s.capitalized += 1;
                }
            }
            // General punctuation (curly quotes, dashes) is not a letter and
            // slow to look up.
            if !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphabetic() {
                s.letters += 1;
                if c.is_lowercase() {
                    s.lower += 1;
                }
            }
            prev = c;
        }
        let last = text
            .trim_end()
            .trim_end_matches(is_closer)
            .chars()
            .next_back();
        s.ends_sentence = last.is_some_and(is_sentence_mark);
        if is_sentence_mark(prev) && !is_cjk_mark(prev) {
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
