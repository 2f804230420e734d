//! The body's structure: the dateline at the head of the lead, and the
//! subheads that split the body into sections.

use super::blocks::{Block, BlockKind};
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

/// Splits the body blocks into sections, taking the dateline off the lead.
pub fn sections(text: &str, blocks: &[Block], body: &[usize]) -> (Vec<Section>, Option<Span>) {
    let mut out: Vec<Section> = Vec::new();
    let mut dateline_span = None;
    for (n, &i) in body.iter().enumerate() {
        let block = &blocks[i];
        let t = &text[block.span.range()];
        let next_is_text = body
            .get(n + 1)
            .is_some_and(|&j| !is_subhead(&blocks[j], &text[blocks[j].span.range()]));
        let first_paragraph = out.iter().all(|s| s.paragraphs.is_empty());
        if is_subhead(block, t)
            && next_is_text
            && (block.kind == BlockKind::Heading || !first_paragraph)
        {
            out.push(Section {
                heading: Some(block.span),
                paragraphs: Vec::new(),
            });
            continue;
        }
        let mut span = block.span;
        if first_paragraph && let Some(d) = dateline(text, span) {
            dateline_span = Some(Span::new(
                d.start,
                text[d.range()].trim_end().len() + d.start,
            ));
            span.start = d.end;
        }
        if out.is_empty() {
            out.push(Section::default());
        }
        if !span.is_empty() {
            out.last_mut().expect("pushed above").paragraphs.push(span);
        }
    }
    out.retain(|s| !s.paragraphs.is_empty() || s.heading.is_some());
    (out, dateline_span)
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
