//! Finding a query in an article's shown text: in the laid-out article, or
//! in every article of the briefing. Case is ignored unless the query has
//! a capital letter (smart case); hits are byte ranges of block display
//! text, so the reader can paint them and jump to them.

use std::ops::Range;
use std::sync::Arc;

use aho_corasick::AhoCorasick;
use unicode_width::UnicodeWidthChar;

use crate::library::Document;

use super::layout::{self, Block, Layout};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub block: usize,
    pub range: Range<usize>,
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Every place `query` occurs in the laid-out article, in reading order.
pub fn find(layout: &Layout, query: &str) -> Vec<Hit> {
    find_in(&layout.blocks, query)
}

/// Every place `query` occurs in `blocks`, in reading order.
fn find_in(blocks: &[Block], query: &str) -> Vec<Hit> {
    if query.is_empty() {
        return Vec::new();
    }
    let exact = query.chars().any(char::is_uppercase);
    // Most queries are ASCII: one automaton searches each block's bytes,
    // fast enough to run again at every key on an article of megabytes.
    if exact || query.is_ascii() {
        let Ok(searcher) = AhoCorasick::builder()
            .ascii_case_insensitive(!exact)
            .build([query])
        else {
            return Vec::new();
        };
        return blocks
            .iter()
            .enumerate()
            .flat_map(|(b, block)| {
                searcher.find_iter(&block.text).map(move |m| Hit {
                    block: b,
                    range: m.range(),
                })
            })
            .collect();
    }
    // Other queries compare a character at a time, case folded.
    let needle: Vec<char> = query.chars().map(fold).collect();
    let mut hits = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let text = &block.text;
        let mut at = 0;
        while let Some(c) = text[at..].chars().next() {
            let mut hay = text[at..].char_indices();
            let matched = needle
                .iter()
                .all(|&n| hay.next().is_some_and(|(_, h)| fold(h) == n));
            if matched {
                let end = hay.next().map_or(text.len(), |(i, _)| at + i);
                hits.push(Hit {
                    block: b,
                    range: at..end,
                });
                at = end;
            } else {
                at += c.len_utf8();
            }
        }
    }
    hits
}

/// A hit in the briefing: which article, which of its hits in reading
/// order (what `n` counts in the reader), and the text around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BriefingHit {
    pub article: usize,
    pub nth: usize,
    /// About a line of the article's shown text around the hit, and where
    /// the hit is in it.
    pub context: String,
    pub range: Range<usize>,
}

/// The most hits a briefing search lists.
pub const MOST_HITS: usize = 5_000;

/// Every place `query` occurs in the briefing's articles (`documents` by
/// index, in the order given by `rows`), up to [`MOST_HITS`]. Laying every
/// article's text out takes a while on a big briefing: the reader runs this
/// off the key thread.
pub fn briefing(documents: &[Arc<Document>], rows: &[usize], query: &str) -> Vec<BriefingHit> {
    let mut out = Vec::new();
    for &article in rows {
        let Some(document) = documents.get(article) else {
            continue;
        };
        let blocks = layout::blocks(&document.article);
        for (nth, hit) in find_in(&blocks, query).into_iter().enumerate() {
            if out.len() == MOST_HITS {
                return out;
            }
            let (context, range) = around(&blocks[hit.block].text, hit.range, 80);
            out.push(BriefingHit {
                article,
                nth,
                context,
                range,
            });
        }
    }
    out
}

/// About `width` columns of `text` around `range`, an ellipsis where it is
/// cut, and where `range` is in them.
fn around(text: &str, range: Range<usize>, width: usize) -> (String, Range<usize>) {
    let mut start = range.start;
    let mut used = 0;
    for (i, c) in text[..range.start].char_indices().rev() {
        used += c.width().unwrap_or(0);
        if used > width / 3 {
            break;
        }
        start = i;
    }
    let mut end = range.end;
    for (i, c) in text[range.end..].char_indices() {
        used += c.width().unwrap_or(0);
        if used > width {
            break;
        }
        end = range.end + i + c.len_utf8();
    }
    let before = if start > 0 { "…" } else { "" };
    let after = if end < text.len() { "…" } else { "" };
    let at = range.start - start + before.len();
    (
        format!("{before}{}{after}", &text[start..end]),
        at..at + range.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse;

    #[test]
    fn smart_case() {
        let article = parse("Title here\n\nThe Cat sat with the cat and the CAT today in the sun.");
        let layout = Layout::new(0, &article, 40);
        assert_eq!(find(&layout, "cat").len(), 3);
        assert_eq!(find(&layout, "Cat").len(), 1);
        assert!(find(&layout, "").is_empty());
        let article = parse("Título aquí\n\nÉl dijo que él y ÉL llegan tarde, y Él también hoy.");
        let accented = Layout::new(0, &article, 40);
        assert_eq!(find(&accented, "él").len(), 4, "case folded beyond ASCII");
        assert_eq!(find(&accented, "Él").len(), 2);
        let hit = &find(&layout, "sun")[0];
        let (context, range) = around("one two three four five six seven", 14..18, 12);
        assert_eq!(&context[range], "four");
        assert_eq!(
            context, "…ree four five s…",
            "a third of the room before the hit"
        );
        assert_eq!(around("just four", 5..9, 40).0, "just four");
        assert_eq!(&layout.blocks[hit.block].text[hit.range.clone()], "sun");
    }
}
