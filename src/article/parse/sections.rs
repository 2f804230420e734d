//! The body's structure: the dateline at the head of the lead, and the
//! subheads that split the body into sections.

use super::blocks::{Block, BlockKind};
use super::flat::Span32;
use crate::article::{Section, Span};

/// A short, heading-shaped line: few words, no closing punctuation, not a
/// quote.
fn is_subhead(block: &Block, text: &str) -> bool {
    if block.kind == BlockKind::Heading {
        return true;
    }
    let shape = block.shape;
    block.kind == BlockKind::Text
        && block.lines == 1
        && (1..=12).contains(&shape.words)
        && shape.chars <= 90
        && !text.ends_with(['.', ',', ';', ':', '"', '”', '’', '\'', ')', '!'])
        && !text.starts_with(['"', '“', '‘', '\'', '(', '['])
        && text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphabetic())
}

/// `GENEVA (Reuters) -`, `WASHINGTON —`, `SALVADOR, Feb 26 -` at the head of
/// the lead: the span of the dateline with its dash.
pub fn dateline(text: &str, lead: Span) -> Option<Span> {
    let s = &text[lead.range()];
    let head = s.get(..s.len().min(80)).or_else(|| {
        let mut end = 80.min(s.len());
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.get(..end)
    })?;
    let (dash_at, dash) = ["—", "–", " - ", " -- "]
        .iter()
        .filter_map(|d| head.find(d).map(|i| (i, *d)))
        .min_by_key(|&(i, _)| i)?;
    let place = head[..dash_at].trim_end();
    let first = place.split([' ', ',', '(']).next()?;
    let upper = first.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && first
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    let plain = !place.contains(['.', '!', '?', '"', '“']) || place.contains('(');
    if !upper || !plain || place.split_whitespace().count() > 8 {
        return None;
    }
    let end = dash_at + dash.len();
    let rest = &s[end..];
    let skip = rest.len() - rest.trim_start().len();
    Some(Span::new(lead.start, lead.start + end + skip))
}

/// The body as the steps after this one read it: every paragraph in one
/// list, and where each section starts in it.
#[derive(Debug)]
pub struct Body {
    /// In 32-bit offsets: a story of short lines has one for every few
    /// bytes.
    pub paragraphs: Vec<Span32>,
    /// Each section's heading, and the index of its first paragraph.
    heads: Vec<(Option<Span>, usize)>,
    pub dateline: Option<Span>,
}

impl Body {
    /// The sections, each holding its paragraphs. Made once the parser is
    /// done with the one list, so that a paragraph is not held twice while
    /// the tokens are.
    pub fn into_sections(self) -> Vec<Section> {
        let ends = self.heads.iter().skip(1).map(|h| h.1);
        let ends = ends.chain([self.paragraphs.len()]);
        self.heads
            .iter()
            .zip(ends)
            .filter(|&(&(heading, start), end)| heading.is_some() || end > start)
            .map(|(&(heading, start), end)| Section {
                heading,
                paragraphs: self.paragraphs[start..end]
                    .iter()
                    .map(|p| p.get())
                    .collect(),
            })
            .collect()
    }
}

/// Splits the body blocks into sections, taking the dateline off the lead.
pub fn sections(text: &str, blocks: &[Block], body: &[u32]) -> Body {
    // A block makes one paragraph at most.
    let mut paragraphs = Vec::with_capacity(body.len());
    let mut heads = Vec::new();
    let mut dateline_span = None;
    for (n, &i) in body.iter().enumerate() {
        let block = &blocks[i as usize];
        let t = &text[block.span().range()];
        let next_is_text = body.get(n + 1).is_some_and(|&j| {
            let b = &blocks[j as usize];
            !is_subhead(b, &text[b.span().range()])
        });
        let first_paragraph = paragraphs.is_empty();
        if is_subhead(block, t)
            && next_is_text
            && (block.kind == BlockKind::Heading || !first_paragraph)
        {
            heads.push((Some(block.span()), paragraphs.len()));
            continue;
        }
        let mut span = block.span();
        if first_paragraph && let Some(d) = dateline(text, span) {
            dateline_span = Some(Span::new(
                d.start,
                text[d.range()].trim_end().len() + d.start,
            ));
            span.start = d.end;
        }
        if heads.is_empty() {
            heads.push((None, 0));
        }
        if !span.is_empty() {
            paragraphs.push(Span32::new(span));
        }
    }
    Body {
        paragraphs,
        heads,
        dateline: dateline_span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(s: &str) -> Option<&str> {
        dateline(s, Span::new(0, s.len())).map(|d| s[d.range()].trim_end())
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dl("GENEVA (Reuters) - Talks resumed on Monday."),
            Some("GENEVA (Reuters) -")
        );
        assert_eq!(dl("WASHINGTON — The Senate voted."), Some("WASHINGTON —"));
        assert_eq!(
            dl("SALVADOR, Feb 26 - Showers continued."),
            Some("SALVADOR, Feb 26 -")
        );
        assert_eq!(dl("The Senate voted - narrowly."), None);
        assert_eq!(dl("U.S. officials - and others - met."), None);
    }
}
