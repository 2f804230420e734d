//! One article laid out for the reader at one width: its blocks (kicker,
//! title, byline, lead, subheads, paragraphs) as display text with the
//! quotes marked in it, wrapped into lines. Built once per (article, width)
//! and kept in the app, so drawing a frame only slices lines.
//!
//! Display text comes from [`text::display`], which folds whitespace and
//! makes unsafe characters visible; quote spans are byte ranges into the raw
//! text, so [`origins`] aligns the two to carry the marks across.

use std::ops::Range;

use textwrap::WordSeparator;
use textwrap::core::{Word, break_words};
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};

use crate::article::{Article, Span, text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Kicker,
    Title,
    Byline,
    Lead,
    Heading,
    Body,
}

/// Part of a block's text that is (part of) a quote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    pub range: Range<usize>,
    /// Index into [`Article::quotes`].
    pub quote: usize,
}

#[derive(Clone, Debug)]
pub struct Block {
    pub kind: Kind,
    pub text: String,
    pub marks: Vec<Mark>,
    /// Parts of the text set apart by the source, with
    /// [`Article::styles`]' index.
    pub styles: Vec<(Range<usize>, usize)>,
}

/// One screen line: a byte range of a block's text, or a blank line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub block: Option<usize>,
    pub range: Range<usize>,
}

#[derive(Clone, Debug)]
pub struct Layout {
    /// The article's index in the library.
    pub article: usize,
    pub width: u16,
    pub blocks: Vec<Block>,
    pub lines: Vec<Line>,
    /// The first line of each block.
    starts: Vec<usize>,
    /// The first line of each subhead, in order.
    pub headings: Vec<usize>,
    /// The first line of each quote, by quote index; `None` for a quote
    /// outside the body.
    pub quote_lines: Vec<Option<usize>>,
}

impl Block {
    fn new(kind: Kind) -> Block {
        Block {
            kind,
            text: String::new(),
            marks: Vec::new(),
            styles: Vec::new(),
        }
    }

    fn plain(kind: Kind, text: String) -> Block {
        Block {
            text,
            ..Block::new(kind)
        }
    }

    /// Appends a span's display text, marking the quotes and the styles
    /// that overlap it.
    fn push(&mut self, article: &Article, span: Span, sweeps: &mut Sweeps) {
        let raw = article.slice(span);
        let shown = text::display(raw);
        if shown.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        let base = self.text.len();
        let origins = origins(raw, &shown);
        // The display offset of the first character that came from at or
        // after `raw_offset`.
        let at = |raw_offset: usize| {
            let i = origins.partition_point(|&(_, r)| r < raw_offset);
            origins.get(i).map_or(shown.len(), |&(s, _)| s)
        };
        let range = |within: Span| {
            let start = at(within.start.saturating_sub(span.start));
            let end = at(within.end.min(span.end) - span.start);
            (start < end).then(|| base + start..base + end)
        };
        for (q, content) in sweeps.quotes.overlapping(span) {
            if let Some(range) = range(content) {
                self.marks.push(Mark { range, quote: q });
            }
        }
        for (s, styled) in sweeps.styles.overlapping(span) {
            if let Some(range) = range(styled) {
                self.styles.push((range, s));
            }
        }
        self.text.push_str(&shown);
    }
}

/// The quotes and the styles, swept along the spans of the text.
struct Sweeps {
    quotes: Sweep,
    styles: Sweep,
}

/// The spans (quotes, styles) overlapping each span of the text, for spans
/// taken in text order: one pass over them sorted by where they start,
/// holding only those that may still overlap the next span, so that
/// laying out an article is linear in its quotes and paragraphs.
struct Sweep {
    /// (span, index) sorted by start.
    sorted: Vec<(Span, usize)>,
    next: usize,
    open: Vec<(Span, usize)>,
}

impl Sweep {
    fn new(spans: impl Iterator<Item = Span>) -> Sweep {
        let mut sorted: Vec<(Span, usize)> = spans.enumerate().map(|(i, span)| (span, i)).collect();
        sorted.sort_by_key(|&(content, q)| (content.start, q));
        Sweep {
            sorted,
            next: 0,
            open: Vec::new(),
        }
    }

    /// The spans overlapping `span` (in the order they start), when each
    /// span starts at or after the one before it.
    fn overlapping(&mut self, span: Span) -> Vec<(usize, Span)> {
        while let Some(&(content, q)) = self.sorted.get(self.next)
            && content.start < span.end
        {
            self.open.push((content, q));
            self.next += 1;
        }
        self.open.retain(|(content, _)| content.end > span.start);
        self.open
            .iter()
            .filter(|(content, _)| content.overlaps(span))
            .map(|&(content, q)| (q, content))
            .collect()
    }
}

/// For each character of `shown` (which is `text::display(raw)`), its byte
/// offset in `shown` and the byte offset in `raw` it came from. Display only
/// drops whitespace and line-start `>` markers, folds whitespace runs into a
/// space and swaps unsafe characters one for one (keeping some joiners as
/// they are), so a greedy walk aligns them; characters it cannot place are
/// put at the end.
fn origins(raw: &str, shown: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(shown.len());
    let mut rest = raw.char_indices();
    for (s, c) in shown.char_indices() {
        let found = if c == ' ' {
            rest.find(|&(_, r)| text::is_space(r))
        } else {
            rest.find(|&(_, r)| r == c || text::visible(r) == Some(c))
        };
        out.push((s, found.map_or(raw.len(), |(r, _)| r)));
    }
    out
}

/// The article's blocks in reading order, as the reader shows them.
pub fn blocks(article: &Article) -> Vec<Block> {
    let mut out = Vec::new();
    let mut plain = |kind, span: Option<Span>| {
        if let Some(span) = span {
            out.push(Block::plain(kind, article.show(span)));
        }
    };
    plain(Kind::Kicker, article.kicker);
    plain(Kind::Title, article.title);
    let mut byline: Vec<String> = Vec::new();
    if !article.authors.is_empty() {
        let names: Vec<String> = article.authors.iter().map(|a| article.show(*a)).collect();
        byline.push(format!("By {}", names.join(", ")));
    }
    if let Some(date) = &article.published {
        byline.push(text::sanitize(&date.replacen('T', " ", 1)));
    }
    if !byline.is_empty() {
        out.push(Block::plain(Kind::Byline, byline.join(" · ")));
    }
    let mut sweeps = Sweeps {
        quotes: Sweep::new(article.quotes.iter().map(|q| q.content)),
        styles: Sweep::new(article.styles.iter().map(|s| s.span)),
    };
    let mut first = true;
    for section in &article.sections {
        if let Some(heading) = section.heading {
            out.push(Block::plain(Kind::Heading, article.show(heading)));
        }
        for &paragraph in &section.paragraphs {
            let mut block = Block::new(if first { Kind::Lead } else { Kind::Body });
            if first && let Some(dateline) = article.dateline {
                block.push(article, dateline, &mut sweeps);
            }
            block.push(article, paragraph, &mut sweeps);
            first = false;
            if !block.text.is_empty() {
                out.push(block);
            }
        }
    }
    out.retain(|b| !b.text.is_empty());
    out
}

/// Byte ranges of `text` wrapped to `width` columns: optimal fit (even
/// right edges read better), words longer than a line broken, CJK broken
/// between characters.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let words = break_words(
        WordSeparator::UnicodeBreakProperties.find_words(text),
        width,
    );
    let widths = [width as f64];
    let lines = wrap_optimal_fit(&words, &widths, &Penalties::new())
        .unwrap_or_else(|_| wrap_first_fit(&words, &widths));
    let offset = |w: &Word| w.word.as_ptr() as usize - text.as_ptr() as usize;
    lines
        .iter()
        .filter_map(|line| {
            let (first, last) = (line.first()?, line.last()?);
            Some(offset(first)..offset(last) + last.word.len())
        })
        .collect()
}

impl Layout {
    pub fn new(index: usize, article: &Article, width: u16) -> Layout {
        let blocks = blocks(article);
        let mut lines = Vec::new();
        let mut starts = Vec::with_capacity(blocks.len());
        let mut headings = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            if b > 0 {
                lines.push(Line {
                    block: None,
                    range: 0..0,
                });
                // The lead is set apart from the body by more space.
                if blocks[b - 1].kind == Kind::Lead {
                    lines.push(Line {
                        block: None,
                        range: 0..0,
                    });
                }
            }
            starts.push(lines.len());
            if block.kind == Kind::Heading {
                headings.push(lines.len());
            }
            lines.extend(
                wrap(&block.text, width.into())
                    .into_iter()
                    .map(|range| Line {
                        block: Some(b),
                        range,
                    }),
            );
        }
        let mut layout = Layout {
            article: index,
            width,
            blocks,
            lines,
            starts,
            headings,
            quote_lines: vec![None; article.quotes.len()],
        };
        for b in 0..layout.blocks.len() {
            for m in 0..layout.blocks[b].marks.len() {
                let Mark { ref range, quote } = layout.blocks[b].marks[m];
                let line = layout.line_of(b, range.start);
                let first = &mut layout.quote_lines[quote];
                *first = Some(first.map_or(line, |l: usize| l.min(line)));
            }
        }
        layout
    }

    /// The line showing byte `offset` of block `block`.
    pub fn line_of(&self, block: usize, offset: usize) -> usize {
        let start = self.starts.get(block).copied().unwrap_or(0);
        let end = self
            .starts
            .get(block + 1)
            .copied()
            .unwrap_or(self.lines.len());
        // A block's lines come first from its start, then the blank lines
        // before the next block.
        let before = self.lines.get(start + 1..end).unwrap_or_default();
        start
            + before.partition_point(|line| line.block == Some(block) && line.range.start <= offset)
    }

    /// Where a line is, as (block, offset): to find it again after the
    /// width changes.
    pub fn anchor(&self, line: usize) -> Option<(usize, usize)> {
        let mut at = line.min(self.lines.len().checked_sub(1)?);
        loop {
            if let Some(b) = self.lines[at].block {
                return Some((b, self.lines[at].range.start));
            }
            at = at.checked_sub(1)?;
        }
    }

    /// The quotes a line shows part of.
    pub fn quotes_on(&self, line: usize) -> impl Iterator<Item = &Mark> {
        let line = self.lines.get(line);
        line.and_then(|l| Some((self.blocks.get(l.block?)?, l.range.clone())))
            .into_iter()
            .flat_map(|(block, range)| {
                block
                    .marks
                    .iter()
                    .filter(move |m| m.range.start < range.end && range.start < m.range.end)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse;

    #[test]
    fn wraps_on_words_and_keeps_offsets() {
        let text = "one two three four five six";
        let lines: Vec<&str> = wrap(text, 9).into_iter().map(|r| &text[r]).collect();
        assert!(lines.iter().all(|l| l.len() <= 9), "{lines:?}");
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn wraps_wide_characters_by_columns() {
        let text = "東京都の天気は晴れです";
        for range in wrap(text, 6) {
            assert!(unicode_width::UnicodeWidthStr::width(&text[range]) <= 6);
        }
        assert_eq!(wrap("", 10), Vec::<Range<usize>>::new());
        assert!(!wrap("abcdefghij", 1).is_empty());
    }

    #[test]
    fn aligns_display_text_with_raw_text() {
        let raw = "> a\n>  \u{1b}b  c";
        let shown = text::display(raw);
        assert_eq!(shown, "a \u{241b}b c");
        let o = origins(raw, &shown);
        assert_eq!(
            o.iter().map(|p| p.1).collect::<Vec<_>>(),
            [2, 3, 7, 8, 9, 11]
        );
        // A joiner that joins is shown as it is, a lone one replaced.
        let raw = "é\u{200d}é \u{200d}x";
        let shown = text::display(raw);
        assert_eq!(shown, "é\u{200d}é \u{fffd}x");
        let o = origins(raw, &shown);
        assert_eq!(
            o.iter().map(|p| p.1).collect::<Vec<_>>(),
            [0, 2, 5, 7, 8, 11]
        );
    }

    #[test]
    fn quotes_are_marked_in_the_display_text() {
        let article = parse(
            "Talks stall\n\nThe minister spoke at length today about the plan for the region.\n\n\
             \"We will not   sign this text,\" said Minister Ana Ruiz on Monday evening.",
        );
        let layout = Layout::new(0, &article, 30);
        let (b, mark) = layout
            .blocks
            .iter()
            .enumerate()
            .find_map(|(b, block)| block.marks.first().map(|m| (b, m.clone())))
            .expect("a quote is marked");
        let quote = &article.quotes[mark.quote];
        assert_eq!(
            &layout.blocks[b].text[mark.range.clone()],
            article.show(quote.content)
        );
        assert!(
            article
                .show(quote.content)
                .starts_with("We will not sign this text")
        );
        assert_eq!(
            layout.quote_lines[mark.quote],
            Some(layout.line_of(b, mark.range.start))
        );
    }
}
