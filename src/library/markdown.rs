//! Markdown files read with `pulldown-cmark`: the document written out
//! again as the plain text the parser takes (headings as `#` lines, each
//! list item a paragraph of its own that keeps its mark, `– ` or `(1) `,
//! block quotes as `> ` lines, code indented, table rows with their cells
//! apart), without its inline markup, and the emphasis, strong text, code
//! and links kept as styles over that text.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::article::{Inline, Span, Styled};

/// The text of a Markdown document and its inline styles.
pub fn to_text(markdown: &str) -> (String, Vec<Styled>) {
    let mut w = Writer::default();
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for event in Parser::new_ext(markdown, options) {
        w.event(event);
    }
    w.styles.sort_by_key(|s| (s.span.start, s.span.end));
    (w.out, w.styles)
}

#[derive(Default)]
struct Writer {
    out: String,
    styles: Vec<Styled>,
    /// Styles begun and not yet ended: where, and what.
    open: Vec<(usize, Inline)>,
    /// How deep in block quotes.
    quotes: usize,
    /// The open lists: the next item's number, for a numbered one.
    lists: Vec<Option<u64>>,
    /// A line of text has begun (its prefix is written).
    in_line: bool,
    /// What goes at the start of the next line of the current block after
    /// the quote markers: a heading's or an item's marker, once.
    marker: Option<String>,
    code_block: bool,
    /// Inside an image: its text is not shown.
    image: usize,
}

impl Writer {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(text) if self.image == 0 => self.text(&text),
            Event::Code(code) => {
                let start = self.begin_line();
                self.out.push_str(&flatten(&code));
                self.style(start, Inline::Code);
            }
            Event::SoftBreak => self.out.push(' '),
            Event::HardBreak => self.new_line(),
            Event::Rule => {
                self.close_block();
                self.out.push_str("---\n\n");
            }
            Event::TaskListMarker(done) => {
                self.begin_line();
                self.out.push_str(if done { "[x] " } else { "[ ] " });
            }
            // Raw HTML and the rest carry no text to read.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                self.close_block();
                let marker = if level == HeadingLevel::H1 {
                    "# "
                } else {
                    "## "
                };
                self.marker = Some(marker.to_owned());
            }
            // A paragraph right after a heading's or an item's mark is
            // that block's text.
            Tag::Paragraph | Tag::TableRow | Tag::TableHead if self.marker.is_none() => {
                self.close_block();
            }
            Tag::BlockQuote(_) => {
                self.close_block();
                self.quotes += 1;
            }
            Tag::CodeBlock(_) => {
                self.close_block();
                self.code_block = true;
            }
            Tag::List(first) => {
                self.close_block();
                self.lists.push(first);
            }
            Tag::Item => {
                self.close_block();
                // Marks the parser takes for text, not for its own list
                // syntax, so that the reader shows them.
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("({}) ", *n - 1)
                    }
                    _ => "– ".to_owned(),
                };
                self.marker = Some(marker);
            }
            Tag::Emphasis => self.open(Inline::Emphasis),
            Tag::Strong => self.open(Inline::Strong),
            Tag::Link { dest_url, .. } => self.open(Inline::Link(dest_url.to_string())),
            Tag::Image { .. } => self.image += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item => self.close_block(),
            TagEnd::CodeBlock => {
                self.code_block = false;
                self.close_block();
                // The block's last line ended with its own newline.
                if !self.out.is_empty() && !self.out.ends_with("\n\n") {
                    self.out.push('\n');
                }
            }
            TagEnd::BlockQuote(_) => {
                self.close_block();
                self.quotes = self.quotes.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.close_block();
                self.lists.pop();
            }
            TagEnd::TableCell => self.out.push_str(" | "),
            TagEnd::TableRow | TagEnd::TableHead => {
                let trimmed = self.out.trim_end_matches(" | ").len();
                self.out.truncate(trimmed);
                self.close_block();
            }
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link => self.close_style(),
            TagEnd::Image => self.image = self.image.saturating_sub(1),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.code_block {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.new_line();
                }
                if !line.is_empty() {
                    self.begin_line();
                    self.out.push_str(line);
                }
            }
        } else {
            self.begin_line();
            self.out.push_str(&flatten(text));
        }
    }

    /// Writes the line's prefix if the line has not begun; where the text
    /// goes.
    fn begin_line(&mut self) -> usize {
        if !self.in_line {
            for _ in 0..self.quotes {
                self.out.push_str("> ");
            }
            if self.code_block {
                self.out.push_str("    ");
            }
            if let Some(marker) = self.marker.take() {
                self.out.push_str(&marker);
            }
            self.in_line = true;
        }
        self.out.len()
    }

    fn new_line(&mut self) {
        self.out.push('\n');
        self.in_line = false;
    }

    /// Ends the block being written with a blank line.
    fn close_block(&mut self) {
        if self.in_line {
            self.out.push_str("\n\n");
            self.in_line = false;
        }
    }

    fn open(&mut self, style: Inline) {
        let at = self.begin_line();
        self.open.push((at, style));
    }

    fn close_style(&mut self) {
        if let Some((start, style)) = self.open.pop() {
            self.style(start, style);
        }
    }

    fn style(&mut self, start: usize, style: Inline) {
        let end = self.out.len();
        if start < end {
            self.styles.push(Styled {
                span: Span::new(start, end),
                style,
            });
        }
    }
}

/// Inline text on one line: a newline inside it would start a block.
fn flatten(text: &str) -> String {
    text.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, styles: &[Styled]) -> Vec<(String, Inline)> {
        styles
            .iter()
            .map(|s| (text[s.span.range()].to_owned(), s.style.clone()))
            .collect()
    }

    #[test]
    fn blocks_are_written_plainly_and_inline_markup_becomes_styles() {
        let (text, styles) = to_text(
            "# Ferry plan\n\nThe council *agreed* the **new** plan, see [the map](https://example.org/map).\n\n\
             - more boats\n- longer `hours`\n\n> \"It works,\" said Ana Ruiz.\n\n\
             1. first\n2. second\n\n```\nlet x = 1;\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nThe end.\n",
        );
        assert_eq!(
            text,
            "# Ferry plan\n\nThe council agreed the new plan, see the map.\n\n\
             – more boats\n\n– longer hours\n\n> \"It works,\" said Ana Ruiz.\n\n\
             (1) first\n\n(2) second\n\n    let x = 1;\n\na | b\n\n1 | 2\n\nThe end.\n\n"
        );
        assert_eq!(
            shown(&text, &styles),
            [
                ("agreed".to_owned(), Inline::Emphasis),
                ("new".to_owned(), Inline::Strong),
                (
                    "the map".to_owned(),
                    Inline::Link("https://example.org/map".to_owned())
                ),
                ("hours".to_owned(), Inline::Code),
            ]
        );
    }

    #[test]
    fn images_and_html_show_no_markup() {
        let (text, _) = to_text("Before ![a ship](ship.png) after <b>bold</b>.\n");
        assert_eq!(text, "Before  after bold.\n\n");
    }
}
