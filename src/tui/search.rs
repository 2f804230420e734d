//! Finding a query in the laid-out article. Case is ignored unless the
//! query has a capital letter (smart case); hits are byte ranges of block
//! display text, so the reader can paint them and jump to them.

use std::ops::Range;

use super::layout::Layout;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub block: usize,
    pub range: Range<usize>,
}

fn fold(c: char, exact: bool) -> char {
    if exact {
        c
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Every place `query` occurs, in reading order.
pub fn find(layout: &Layout, query: &str) -> Vec<Hit> {
    let exact = query.chars().any(char::is_uppercase);
    let needle: Vec<char> = query.chars().map(|c| fold(c, exact)).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (b, block) in layout.blocks.iter().enumerate() {
        let hay: Vec<(usize, char)> = block
            .text
            .char_indices()
            .map(|(i, c)| (i, fold(c, exact)))
            .collect();
        let mut i = 0;
        while i + needle.len() <= hay.len() {
            if hay[i..i + needle.len()]
                .iter()
                .zip(&needle)
                .all(|((_, h), n)| h == n)
            {
                let end = hay.get(i + needle.len()).map_or(block.text.len(), |h| h.0);
                hits.push(Hit {
                    block: b,
                    range: hay[i].0..end,
                });
                i += needle.len();
            } else {
                i += 1;
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
        let hit = &find(&layout, "sun")[0];
        assert_eq!(&layout.blocks[hit.block].text[hit.range.clone()], "sun");
    }
}
