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
use crate::scan;

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
    while let Some(skip) = scan::next_quote_mark(&bytes[i..]) {
        i += skip;
        let c = s[i..].chars().next().unwrap_or(' ');
        // Two apostrophes stand for a straight double quote in some wire
        // copy, two curly single marks for a curly double one.
        let doubled = matches!(c, '\'' | '‘' | '’') && s[i + c.len_utf8()..].starts_with(c);
        let straight = c == '"' || (doubled && c == '\'');
        let (opens, closes) = (
            opens_quote(c) || (doubled && c == '‘'),
            closes_quote(c) || (doubled && c == '’'),
        );
        let after = i + c.len_utf8() * if doubled { 2 } else { 1 };
        if !straight && !opens && !closes {
            i = after;
            continue;
        }
        let prev = s[..i].chars().next_back();
        let next = s[after..].chars().next();
        let before_space = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:/".contains(p));
        let after_space = next.is_none_or(char::is_whitespace);
        if opens || (straight && open.is_none() && before_space && !after_space) {
            // A second opener before any closer means the first was stray.
            open = Some((i, after));
        } else if (closes || (straight && !before_space)) && open.is_some() {
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
        assert_eq!(
            inner("“We print only local work,’’ says the founder.", false),
            vec!["We print only local work"]
        );
        assert_eq!(
            inner("‘‘It is over,’’ he said. Don’t stop.", false),
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
