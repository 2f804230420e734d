//! Finding a query in the laid-out article. Case is ignored unless the
//! query has a capital letter (smart case); hits are byte ranges of block
//! display text, so the reader can paint them and jump to them.

use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::layout::Layout;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub block: usize,
    pub range: Range<usize>,
}

fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Every place `query` occurs, in reading order.
pub fn find(layout: &Layout, query: &str) -> Vec<Hit> {
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
        return layout
            .blocks
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
    for (b, block) in layout.blocks.iter().enumerate() {
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
        assert_eq!(&layout.blocks[hit.block].text[hit.range.clone()], "sun");
    }
}
