//! Measures of a block's text that the layout steps share: how long it is,
//! whether it reads as prose, whether it looks like a heading.
//!
//! Lengths count characters, and CJK text counts one word a character, so
//! that pages in Chinese or Japanese are measured like any other.

use super::lexicon::marks::trails_sentence;
use crate::scan;

/// What a piece of text looks like, measured once. Counts take 32 bits: a
/// shape is kept for every block, and the parser reads no more than 4 GiB
/// of a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Shape {
    /// Characters that are not whitespace.
    pub chars: u32,
    /// Space-separated words, plus one per CJK character.
    pub words: u32,
    /// Sentence marks followed by a space or the end: `. ! ? 。 ！ ？`.
    pub sentences: u32,
    /// The text ends like a sentence (closing quotes and brackets allowed).
    pub ends_sentence: bool,
    /// Words that start with an uppercase letter.
    pub capitalized: u32,
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

/// Where counting stands after a character: inside a word or not, and
/// whether the character was a sentence mark.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    Space,
    Mark,
    Word,
    CjkMark,
}

/// Four counts packed in a `u64`, sixteen bits each, so that an ASCII byte
/// adds to all of them at once: `chars`, `words`, `capitalized`,
/// `sentences`.
const LANE_BITS: u32 = 16;
const LANE_MAX: usize = (1 << LANE_BITS) - 1;
const fn lane(k: u32) -> u64 {
    1 << (k * LANE_BITS)
}

/// What each ASCII byte adds to the packed counts, by the state before it.
static ADDS: [[u64; 128]; 4] = {
    let mut table = [[0u64; 128]; 4];
    let mut state = 0;
    while state < 4 {
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            let after_mark = state == After::Mark as usize || state == After::CjkMark as usize;
            let outside_word = state == After::Space as usize || state == After::CjkMark as usize;
            table[state][b] = if c.is_ascii_whitespace() || c == 0x0b {
                if after_mark { lane(3) } else { 0 }
            } else {
                let mut add = lane(0);
                if outside_word {
                    add += lane(1);
                    if c.is_ascii_uppercase() {
                        add += lane(2);
                    }
                }
                add
            };
            b += 1;
        }
        state += 1;
    }
    table
};

/// The state after each ASCII byte.
static NEXT: [After; 128] = {
    let mut table = [After::Word; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_whitespace() || c == 0x0b {
            table[b] = After::Space;
        } else if c == b'.' || c == b'!' || c == b'?' {
            table[b] = After::Mark;
        }
        b += 1;
    }
    table
};

impl Shape {
    /// Counts a run of ASCII bytes: its whole sixteen-byte chunks by
    /// [`scan::shape_counts`], the rest by table, without decoding, Unicode
    /// tables or branches.
    fn count_ascii(&mut self, run: &[u8], at: After) -> After {
        let (run, at) = {
            let (whole, rest) = run.split_at(run.len() / 16 * 16);
            if whole.is_empty() {
                (rest, at)
            } else {
                let c = scan::shape_counts(
                    whole,
                    (
                        matches!(at, After::Space | After::CjkMark),
                        matches!(at, After::Mark | After::CjkMark),
                    ),
                );
                self.chars += c.visible as u32;
                self.words += c.starts as u32;
                self.capitalized += c.capitalized as u32;
                self.sentences += c.sentences as u32;
                let at = match c.last {
                    (true, _) => After::Space,
                    (_, true) => After::Mark,
                    _ => After::Word,
                };
                (rest, at)
            }
        };
        self.count_by_table(run, at)
    }

    /// Adds the four counts packed in `packed`.
    fn add_lanes(&mut self, packed: u64) {
        let count = |k: u32| (packed >> (k * LANE_BITS)) as u32 & LANE_MAX as u32;
        self.chars += count(0);
        self.words += count(1);
        self.capitalized += count(2);
        self.sentences += count(3);
    }

    /// Counts ASCII bytes by table, one at a time.
    fn count_by_table(&mut self, run: &[u8], mut at: After) -> After {
        for chunk in run.chunks(LANE_MAX) {
            let mut packed = 0u64;
            for &b in chunk {
                let b = usize::from(b & 0x7f);
                packed += ADDS[at as usize][b];
                at = NEXT[b];
            }
            self.add_lanes(packed);
        }
        at
    }

    pub fn of(text: &str) -> Shape {
        let mut s = Shape::default();
        let mut at = After::Space;
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Most text is ASCII, counted a run at a time.
            let run = scan::ascii_prefix(&bytes[i..]);
            if run > 0 {
                at = s.count_ascii(&bytes[i..i + run], at);
                i += run;
                continue;
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                s.sentences += u32::from(matches!(at, After::Mark | After::CjkMark));
                at = After::Space;
                continue;
            }
            s.chars += 1;
            let in_word = matches!(at, After::Mark | After::Word);
            if is_cjk_mark(c) {
                s.sentences += 1;
            } else if is_cjk(c) {
                s.words += 1;
            } else if !in_word {
                s.words += 1;
                s.capitalized += u32::from(c.is_uppercase());
            }
            // The only sentence marks beyond ASCII are CJK ones.
            at = if is_cjk_mark(c) {
                After::CjkMark
            } else if is_cjk(c) {
                After::Space
            } else {
                After::Word
            };
        }
        s.finish(text, at == After::Mark)
    }

    /// Counts the sentence a text ends in (`mark_at_end`: its last character
    /// is a sentence mark, not a CJK one) and whether it ends like one.
    fn finish(mut self, text: &str, mark_at_end: bool) -> Shape {
        let last = text
            .trim_end()
            .trim_end_matches(trails_sentence)
            .chars()
            .next_back();
        self.ends_sentence = last.is_some_and(is_sentence_mark);
        self.sentences += u32::from(mark_at_end);
        self.sentences = self.sentences.max(u32::from(self.ends_sentence));
        self
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

    /// The counts one character at a time, as the packed counting must
    /// give them.
    fn one_by_one(text: &str) -> Shape {
        let mut s = Shape::default();
        let mut in_word = false;
        let mut prev = ' ';
        for c in text.chars() {
            if c.is_whitespace() {
                s.sentences += u32::from(is_sentence_mark(prev));
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
                s.capitalized += u32::from(c.is_uppercase());
            }
            prev = c;
        }
        let mark_at_end = is_sentence_mark(prev) && !is_cjk_mark(prev);
        s.finish(text, mark_at_end)
    }

    proptest::proptest! {
        #[test]
        fn packed_counts_are_the_counts(text in "[a-zA-Z0-9 .!?,\n\t\u{a0}\u{3000}東京。！é”\u{2014}]{0,3000}") {
            proptest::prop_assert_eq!(Shape::of(&text), one_by_one(&text));
        }

        #[test]
        fn sixteen_at_a_time_are_the_counts(text in "[a-zA-Z0-9 .!?,\n\t\r\x0b\x0c\x08\x0e\x1f@\\[]{0,400}") {
            proptest::prop_assert_eq!(Shape::of(&text), one_by_one(&text));
        }
    }

    #[test]
    fn long_blocks_count_past_a_lane() {
        // 72,000 bytes: past the 65,535 a lane holds.
        let text = "Word. ".repeat(12_000);
        let s = Shape::of(&text);
        assert_eq!(
            (s.words, s.sentences, s.capitalized),
            (12_000, 12_000, 12_000)
        );
        assert_eq!(s, one_by_one(&text));
    }

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
