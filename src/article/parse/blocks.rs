//! Splitting text into blocks: paragraphs, headings, list items and block
//! quotes, each a span of the text.
//!
//! Three layouts are common and all are handled without knowing which one a
//! file uses: one paragraph per line (scraped pages), paragraphs hard-wrapped
//! at a fixed width and separated by blank lines (Markdown, mail), and
//! hard-wrapped paragraphs whose first line is indented (wire copy).

use super::flat::Span32;
use super::shape::Shape;
use crate::article::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Ordinary text: a paragraph or a short line.
    Text,
    /// A Markdown `#` heading; the span excludes the `#` marks.
    Heading,
    /// A Markdown `>` block quote; the span starts after the first `>`.
    BlockQuote,
    /// A list item (`-`, `*`, `•`, `1.`); the span excludes the marker.
    ListItem,
    /// A horizontal rule or a line of punctuation only.
    Rule,
}

/// One block. Offsets and counts take 32 bits: the parser keeps a block
/// for every paragraph and short line at once, and reads no more than
/// 4 GiB of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    span: Span32,
    pub kind: BlockKind,
    /// How many lines of the text the block covers.
    pub lines: u32,
    /// What the block's text looks like, measured once for every step.
    pub shape: Shape,
}

impl Block {
    pub fn span(&self) -> Span {
        self.span.get()
    }
}

/// One line of the text: its span without the line ending.
#[derive(Clone, Copy, Debug)]
struct Line {
    span: Span,
    /// Leading whitespace, in bytes.
    indent: usize,
    /// How the line's content after the indent measures against the
    /// width of hard-wrapped text.
    width: Width,
}

/// A line's length in chars against the width text is wrapped at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Width {
    /// Under 40 chars.
    Short,
    /// From 40 to 100 chars: a line of hard-wrapped text.
    Full,
    /// Over 100 chars.
    Long,
}

impl Width {
    fn of(line: &str) -> Width {
        // A char is one to four bytes: most lines are told by their bytes,
        // only the others counted.
        let chars = match line.len() {
            n @ (..40 | 401..) => n,
            _ => line.chars().count(),
        };
        match chars {
            ..40 => Width::Short,
            40..=100 => Width::Full,
            _ => Width::Long,
        }
    }
}

impl Line {
    /// The line from byte `start` to `end` of `text`, the line ending left out.
    fn of(text: &str, start: usize, end: usize) -> Line {
        let line = &text[start..end];
        let content = line.trim_start();
        let indent = line.len() - content.len();
        let trimmed = content.trim_end();
        Line {
            span: Span::new(start + indent, start + indent + trimmed.len()),
            indent,
            width: Width::of(trimmed),
        }
    }
}

/// Lines of the text; LF, CRLF and a lone CR all end a line. Made as they
/// are asked for, not kept: a text of short lines would need many times
/// its size to hold them.
fn lines(text: &str) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut ends = memchr::memchr2_iter(b'\n', b'\r', bytes);
    // Where the next line starts; `None` once the last line is made.
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let mut from = start?;
        for i in ends.by_ref() {
            // The `\n` of a `\r\n` ends no second line.
            if i > 0 && i == from && bytes[i] == b'\n' && bytes[i - 1] == b'\r' {
                from = i + 1;
                continue;
            }
            start = Some(i + 1);
            return Some(Line::of(text, from, i));
        }
        start = None;
        Some(Line::of(text, from, bytes.len()))
    })
}

fn marker(line: &str) -> Option<(BlockKind, usize)> {
    let b = line.as_bytes();
    let hashes = b.iter().take_while(|&&c| c == b'#').count();
    if (1..=6).contains(&hashes) && b.get(hashes).is_none_or(|c| *c == b' ') {
        return Some((BlockKind::Heading, hashes));
    }
    if b.first() == Some(&b'>') {
        return Some((BlockKind::BlockQuote, 1));
    }
    if is_rule(line) {
        return Some((BlockKind::Rule, 0));
    }
    for bullet in ["- ", "* ", "+ ", "• ", "· ", "◦ ", "▪ ", "□ ", "■ "] {
        if line.starts_with(bullet) {
            return Some((BlockKind::ListItem, bullet.len()));
        }
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if (1..=3).contains(&digits)
        && matches!(b.get(digits), Some(b'.') | Some(b')'))
        && b.get(digits + 1) == Some(&b' ')
    {
        return Some((BlockKind::ListItem, digits + 2));
    }
    None
}

fn is_rule(line: &str) -> bool {
    line.chars().count() >= 3
        && line.chars().all(|c| {
            matches!(
                c,
                '-' | '*' | '_' | '=' | '~' | '#' | ' ' | '—' | '–' | '•' | '·'
            )
        })
}

/// What the blocks need to know of all the lines first, in one pass over
/// them: whether the text is hard-wrapped (long lines are rare, and lines
/// of full width mostly stop mid-sentence; a page rendered one paragraph
/// per line is not, even when its paragraphs are short), and how many
/// lines have text, the most blocks there can be.
fn survey(text: &str) -> (bool, usize) {
    let (mut full, mut long, mut mid_sentence, mut with_text) = (0, 0, 0, 0);
    for l in lines(text) {
        with_text += usize::from(!l.span.is_empty());
        match l.width {
            Width::Full => {
                full += 1;
                let ends = text[l.span.range()].ends_with(['.', '!', '?', '"', '”', ':']);
                mid_sentence += usize::from(!ends);
            }
            Width::Long => long += 1,
            Width::Short => {}
        }
    }
    let wrapped = full >= 3 && long * 10 <= full && mid_sentence * 2 >= full;
    (wrapped, with_text)
}

/// True when `next` continues the paragraph that `prev` is in: the text is
/// hard-wrapped, `prev` is a full-width line and `next` does not start a
/// new block.
fn continues(
    wrapped: bool,
    prev: &Line,
    next: &Line,
    prev_kind: BlockKind,
    next_marker: Option<BlockKind>,
) -> bool {
    if next.span.is_empty() {
        return false;
    }
    match (prev_kind, next_marker) {
        // Consecutive `>` lines are one quote however long they are.
        (BlockKind::BlockQuote, Some(BlockKind::BlockQuote)) => return true,
        (_, Some(_)) => return false,
        (BlockKind::Heading | BlockKind::Rule, _) => return false,
        _ => {}
    }
    // An indented line after an unindented one opens a new paragraph (wire
    // copy); a list item's continuation lines are indented, so they join.
    if next.indent >= 2 && prev.indent < 2 && prev_kind != BlockKind::ListItem {
        return false;
    }
    wrapped && prev.width == Width::Full
}

/// The blocks of a text, in order.
pub fn blocks(text: &str) -> Vec<Block> {
    let (wrapped, with_text) = survey(text);
    // Room for every block there can be, so that the list is never copied
    // to grow.
    let mut out: Vec<Block> = Vec::with_capacity(with_text);
    let mut prev: Option<(Line, BlockKind)> = None;
    let mut in_fence = false;
    for line in lines(text) {
        let content = &text[line.span.range()];
        if content.starts_with("```") {
            in_fence = !in_fence;
            prev = None;
            continue;
        }
        if line.span.is_empty() {
            prev = None;
            continue;
        }
        let found = if in_fence { None } else { marker(content) };
        let joins =
            prev.is_some_and(|(p, kind)| continues(wrapped, &p, &line, kind, found.map(|m| m.0)));
        if joins && let Some(last) = out.last_mut() {
            last.span = last.span.with_end(line.span.end);
            last.lines += 1;
            prev = Some((line, last.kind));
            continue;
        }
        let (kind, skip) = found.unwrap_or((BlockKind::Text, 0));
        let body = &content[skip..];
        let lead = body.len() - body.trim_start().len();
        let start = line.span.start + skip + lead;
        let span = Span::new(start.min(line.span.end), line.span.end);
        // A heading drops its closing hashes: `## Title ##`.
        let span = match kind {
            BlockKind::Heading => {
                let inner = text[span.range()].trim_end_matches('#').trim_end();
                Span::new(span.start, span.start + inner.len())
            }
            _ => span,
        };
        out.push(Block {
            span: Span32::new(span),
            kind,
            lines: 1,
            shape: Shape::default(),
        });
        prev = Some((line, kind));
    }
    out.retain(|b| !b.span().is_empty() || b.kind == BlockKind::Rule);
    for b in &mut out {
        b.shape = Shape::of(&text[b.span().range()]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_chars_not_bytes() {
        for (line, width) in [
            ("a".repeat(39), Width::Short),
            ("a".repeat(40), Width::Full),
            ("a".repeat(100), Width::Full),
            ("a".repeat(101), Width::Long),
            ("é".repeat(30), Width::Short),
            ("é".repeat(100), Width::Full),
            ("é".repeat(150), Width::Long),
            ("𝄞".repeat(100), Width::Full),
            ("𝄞".repeat(101), Width::Long),
        ] {
            assert_eq!(Width::of(&line), width, "{} chars", line.chars().count());
        }
    }

    fn texts(text: &str) -> Vec<(BlockKind, &str)> {
        blocks(text)
            .into_iter()
            .map(|b| (b.kind, &text[b.span().range()]))
            .collect()
    }

    #[test]
    fn one_paragraph_per_line() {
        let text = "Title\n\nFirst paragraph is long enough to look like a wrapped line of prose.\nSecond one.\n";
        assert_eq!(
            texts(text),
            vec![
                (BlockKind::Text, "Title"),
                (
                    BlockKind::Text,
                    "First paragraph is long enough to look like a wrapped line of prose."
                ),
                (BlockKind::Text, "Second one."),
            ]
        );
    }

    #[test]
    fn hard_wrapped_lines_join() {
        let text = "Paragraph one is hard-wrapped at a fixed width like mail,\nand it goes on over four lines of text that are\nall about as long as each other, the way a mail\nclient or a wire service leaves them.\n\nParagraph two is short.\n";
        assert_eq!(blocks(text).len(), 2);
    }

    #[test]
    fn long_lines_stay_apart() {
        let long = "x ".repeat(80);
        let text = format!("{long}\n{long}\n");
        assert_eq!(blocks(&text).len(), 2);
    }

    #[test]
    fn indented_lines_open_wire_paragraphs() {
        let text = "    GENEVA, March 3 - The talks went on through the night and into\nthe morning, when the delegates finally went back to their\nhotels to sleep.\n    A second paragraph starts here with its own indent and\ngoes on for another line of text before it stops.";
        let got = texts(text);
        assert_eq!(got.len(), 2);
        assert!(got[0].1.starts_with("GENEVA"));
        assert!(got[1].1.starts_with("A second"));
    }

    #[test]
    fn markdown_shapes() {
        let text = "# The title\n\n## A subhead ##\n\n> A quote that goes on\n> over two lines.\n\n- one\n- two\n\n---\r\nText\r";
        assert_eq!(
            texts(text),
            vec![
                (BlockKind::Heading, "The title"),
                (BlockKind::Heading, "A subhead"),
                (
                    BlockKind::BlockQuote,
                    "A quote that goes on\n> over two lines."
                ),
                (BlockKind::ListItem, "one"),
                (BlockKind::ListItem, "two"),
                (BlockKind::Rule, "---"),
                (BlockKind::Text, "Text"),
            ]
        );
    }

    #[test]
    fn lone_cr_ends_lines() {
        assert_eq!(texts("a\rb\r\rc").len(), 3);
    }
}
