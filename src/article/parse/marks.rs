//! Quote marks: pairing opening and closing marks within a paragraph, and
//! carrying a quote that a paragraph leaves open into the next one.
//!
//! A straight `"` opens or closes by what stands beside it. An unbalanced
//! mark never spreads further than its own paragraph, unless the next
//! paragraph opens with a quote mark too: the newspaper convention for a
//! quote that runs over several paragraphs.

use super::flat::Span32;
use super::lexicon::marks::{closes_quote, opens_quote};
use crate::article::Span;
use crate::swar;

/// One quoted stretch of a paragraph, in 32-bit offsets: a paragraph of
/// quote marks has one for every few bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marked {
    outer: Span32,
    inner: Span32,
}

impl Marked {
    /// From the opening mark to past the closing mark (or the paragraph end).
    pub fn outer(&self) -> Span {
        self.outer.get()
    }

    /// The words inside the marks, trimmed.
    pub fn inner(&self) -> Span {
        self.inner.get()
    }
}

/// True when the paragraph starts with an opening quote mark.
pub fn opens_with_quote(text: &str) -> bool {
    text.trim_start()
        .starts_with(|c: char| opens_quote(c) || c == '"')
}

fn trimmed(text: &str, from: usize, to: usize) -> Span {
    let s = &text[from..to];
    let inner = s.trim_start();
    let start = from + (s.len() - inner.len());
    let inner = inner.trim_end().trim_end_matches([',', ' ', '\u{a0}']);
    Span::new(start, start + inner.len())
}

/// The bytes that can start a quote mark: `"`, `'`, or the first byte of
/// `“ ” „`, `« »` or `「 」 『 』` in UTF-8. A table, since it is asked of
/// every byte of the story.
static MAY_START_MARK: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table
};

/// Where the first byte of [`MAY_START_MARK`] is. Sixteen bytes at a time
/// (eight without SSE2) are searched for a straight mark or a byte beyond
/// ASCII, which the table then tells: most text is ASCII, and most of it is
/// not marks.
fn next_mark(bytes: &[u8]) -> Option<usize> {
    // The first candidate that is a mark's first byte; `stride` bits of
    // the mask to a byte.
    let first_mark = |n: usize, mut found: u64, stride: u32| {
        while found != 0 {
            let at = n + (found.trailing_zeros() / stride) as usize;
            if MAY_START_MARK[usize::from(bytes[at])] {
                return Some(at);
            }
            found &= found - 1;
        }
        None
    };
    let mut n = 0;
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = bytes.get(n..n + 16) {
        let found = crate::simd::quote_candidates(chunk);
        if let Some(at) = first_mark(n, u64::from(found), 1) {
            return Some(at);
        }
        n += 16;
    }
    while let Some(chunk) = bytes.get(n..n + 8) {
        let w = swar::load(chunk);
        let found = swar::equal(w, b'"') | swar::equal(w, b'\'') | w & swar::HIGH;
        if let Some(at) = first_mark(n, found, 8) {
            return Some(at);
        }
        n += 8;
    }
    bytes[n..]
        .iter()
        .position(|&b| MAY_START_MARK[usize::from(b)])
        .map(|k| n + k)
}

/// The quoted stretches of `text[para]`, and whether the last of them goes
/// on in the next paragraph (the paragraph ended before the quote closed).
/// `next_opens` says whether the next paragraph opens with a quote mark.
pub fn quoted(text: &str, para: Span, next_opens: bool) -> (Vec<Marked>, bool) {
    let s = &text[para.range()];
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None; // (mark start, content start)
    let mut i = 0;
    // Only marks matter, and the bytes that may start one are lead bytes,
    // so `i` is on a char boundary whenever it stops.
    while let Some(skip) = next_mark(&bytes[i..]) {
        i += skip;
        let c = s[i..].chars().next().unwrap_or(' ');
        // Two apostrophes stand for a straight double quote in some wire copy.
        let doubled = c == '\'' && bytes.get(i + 1) == Some(&b'\'');
        let straight = c == '"' || doubled;
        let after = i + if doubled { 2 } else { c.len_utf8() };
        if !straight && !opens_quote(c) && !closes_quote(c) {
            i = after;
            continue;
        }
        let prev = s[..i].chars().next_back();
        let next = s[after..].chars().next();
        let before_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/".contains(p));
        let after_space = next.is_none_or(char::is_whitespace);
        if opens_quote(c) || (straight && open.is_none() && before_space && !after_space) {
            // A second opener before any closer means the first was stray.
            open = Some((i, after));
        } else if (closes_quote(c) || (straight && !before_space)) && open.is_some() {
            let (o, content) = open.take().expect("checked above");
            let inner = trimmed(s, content, i);
            if !inner.is_empty() {
                out.push(Marked {
                    outer: Span32::new(Span::new(para.start + o, para.start + after)),
                    inner: Span32::new(Span::new(para.start + inner.start, para.start + inner.end)),
                });
            }
        } else if straight && open.is_some() {
            open = Some((i, after));
        }
        i = after;
    }
    let mut open_end = false;
    if let Some((o, content)) = open
        && next_opens
    {
        let inner = trimmed(s, content, s.len());
        if !inner.is_empty() {
            out.push(Marked {
                outer: Span32::new(Span::new(para.start + o, para.end)),
                inner: Span32::new(Span::new(para.start + inner.start, para.start + inner.end)),
            });
            open_end = true;
        }
    }
    (out, open_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn finds_the_first_byte_that_may_start_a_mark(
            bytes in proptest::collection::vec(proptest::sample::select(b"ab\"'#&\xc2\xc3\xe2\xe3\x80 ".to_vec()), 0..40)
        ) {
            let naive = bytes.iter().position(|&b| MAY_START_MARK[usize::from(b)]);
            proptest::prop_assert_eq!(next_mark(&bytes), naive);
        }
    }

    fn inner(text: &str, next_opens: bool) -> Vec<&str> {
        quoted(text, Span::new(0, text.len()), next_opens)
            .0
            .iter()
            .map(|m| &text[m.inner().range()])
            .collect()
    }

    #[test]
    fn straight_and_curly() {
        assert_eq!(
            inner(r#""We agree," he said. "Fully.""#, false),
            vec!["We agree", "Fully."]
        );
        assert_eq!(inner("“We agree,” she said.", false), vec!["We agree"]);
    }

    #[test]
    fn doubled_apostrophes() {
        assert_eq!(
            inner("''It is over,'' he said. Don't stop.", false),
            vec!["It is over"]
        );
    }

    #[test]
    fn stray_mark_stays_in_its_paragraph() {
        assert_eq!(
            inner(
                r#"He measured 6" of rain and "then more," she said."#,
                false
            ),
            vec!["then more"]
        );
        assert!(inner(r#"An opening " with nothing after it"#, false).is_empty());
    }

    #[test]
    fn open_quote_runs_on_when_the_next_paragraph_opens_one() {
        let text = "“We will not stop here. We will go on";
        assert_eq!(
            inner(text, true),
            vec!["We will not stop here. We will go on"]
        );
        assert!(inner(text, false).is_empty());
    }
}
