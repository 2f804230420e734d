//! The reader pane: the current article laid out for the pane's width
//! (built off the key thread when the article is long), scrolled; its
//! lines drawn centred at the reading width, with direct quotes coloured
//! by speaker, reported speech marked quietly, the current quote
//! underlined with a mark in the margin, search hits highlighted, and the
//! scroll position in the frame.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::article::text::sanitize;
use crate::article::{Article, Inline, QuoteKind};
use crate::tui::app::{App, Matches};
use crate::tui::layout::{Kind, Layout};
use crate::tui::screen::text_column;
use crate::tui::search::Hit;
use crate::tui::theme::Theme;
use crate::tui::view::{fit, pane_block};
use unicode_width::UnicodeWidthStr;

use super::{Ctx, Go, Pane, PaneState};

/// Articles with more text than this are laid out off the thread that
/// reads keys: laying out takes about 30 µs a kilobyte, so this is about
/// half a frame.
pub const INLINE_LAYOUT_BYTES: usize = 256 * 1024;

#[derive(Clone, Debug, Default)]
pub struct Reader {
    /// The current article laid out, never another's: actions index it by
    /// the current article's quotes.
    pub layout: Option<Layout>,
    /// The layout the reader waits for, when the current article is too
    /// long to lay out between two keys.
    pub wanted: Option<(usize, u16)>,
    /// A quote to bring into view once the layout it needs arrives.
    pending_quote: Option<usize>,
    /// Where the article was left last time, to go back to once it is
    /// laid out: (block, byte).
    pending_place: Option<(usize, usize)>,
    /// First line shown.
    pub scroll: usize,
}

impl Reader {
    /// A new article in the reader: at the top, or where it was left.
    pub fn opened(&mut self, left_at: Option<(usize, usize)>) {
        self.scroll = 0;
        self.pending_quote = None;
        self.pending_place = left_at;
    }

    /// Where the reader is in the article, as (block, byte): a place that
    /// holds whatever the width.
    pub fn place(&self) -> Option<(usize, usize)> {
        self.layout.as_ref()?.anchor(self.scroll)
    }

    /// Drops a layout that is not the current article's.
    pub fn keep_only(&mut self, current: Option<usize>) {
        if self.layout.as_ref().map(|l| l.article) != current {
            self.layout = None;
        }
    }

    /// True when the layout is missing or made for another width.
    pub fn needs_layout(&self, width: u16) -> bool {
        self.layout.as_ref().is_none_or(|l| l.width != width)
    }

    /// Puts the current article's new layout in place, keeping the same
    /// text at the top when only the width changed (or going back to where
    /// it was left), and brings a quote that waited for it into view.
    pub fn install(&mut self, layout: Layout, rows: usize) {
        let anchor = self
            .layout
            .as_ref()
            .filter(|l| l.article == layout.article)
            .and_then(|l| l.anchor(self.scroll));
        if let Some((block, offset)) = anchor.or(self.pending_place.take()) {
            self.scroll = layout.line_of(block, offset);
        }
        self.layout = Some(layout);
        if let Some(quote) = self.pending_quote.take() {
            self.reveal_quote(quote, rows);
        }
    }

    /// Brings a line into view, a third of the way down, unless it is in
    /// view already.
    pub fn reveal(&mut self, line: usize, rows: usize) {
        if line < self.scroll || line >= self.scroll + rows {
            self.scroll = line.saturating_sub(rows / 3);
        }
        self.clamp(rows);
    }

    /// Brings a quote into the upper third of the view, where there is
    /// room to read on, now or once its layout arrives.
    pub fn reveal_quote(&mut self, quote: usize, rows: usize) {
        match &self.layout {
            Some(layout) => {
                if let Some(line) = layout.quote_lines.get(quote).copied().flatten() {
                    if line < self.scroll || line >= self.scroll + rows / 3 {
                        self.scroll = line.saturating_sub(rows / 3);
                    }
                    self.clamp(rows);
                }
            }
            None => self.pending_quote = Some(quote),
        }
    }

    /// Keeps the scroll within the article.
    pub fn clamp(&mut self, rows: usize) {
        let lines = self.layout.as_ref().map_or(0, |l| l.lines.len());
        self.scroll = self.scroll.min(lines.saturating_sub(rows));
    }

    /// Moves to the next or previous subhead; false when there is none.
    pub fn section(&mut self, forward: bool) -> bool {
        let Some(layout) = &self.layout else {
            return true;
        };
        let target = if forward {
            layout.headings.iter().copied().find(|&l| l > self.scroll)
        } else {
            let before = layout.headings.iter().copied().rfind(|&l| l < self.scroll);
            Some(before.unwrap_or(0))
        };
        match target {
            Some(line) => {
                self.scroll = line;
                true
            }
            None => false,
        }
    }

    fn empty(&self, frame: &mut Frame, area: Rect, app: &App) {
        let block = pane_block(app, Pane::Reader, " Reader ");
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let text = if self.wanted.is_some() {
            "Laying out the article…".to_owned()
        } else if app.loading {
            "Loading articles…".to_owned()
        } else if app.articles.rows.is_empty() {
            format!(
                "No articles here. brief opens text, Markdown, web pages and feeds (.txt, .md, .html, .xml, ...) and web addresses.{}",
                if app.failed.is_empty() {
                    String::new()
                } else {
                    format!(" {} could not be read.", app.failed.len())
                }
            )
        } else {
            "Choose an article (o, enter).".to_owned()
        };
        let column = text_column(inner, app.reading_width);
        frame.render_widget(
            Paragraph::new(Line::styled(text, app.theme.dim))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            column,
        );
    }
}

impl PaneState for Reader {
    fn settle(&mut self, ctx: &Ctx) {
        self.clamp(ctx.rows);
    }
    fn step(&mut self, _: &Ctx, by: isize) {
        self.scroll = self.scroll.saturating_add_signed(by);
    }

    /// Keeps a line of context.
    fn page(&self, rows: usize) -> usize {
        rows.saturating_sub(1)
    }

    fn open(&mut self, _: &Ctx) -> Option<Go> {
        None
    }

    fn click(&mut self, _: &Ctx, _: usize) -> Option<Go> {
        None
    }

    fn position(&self, _: &App) -> String {
        match &self.layout {
            Some(layout) if !layout.lines.is_empty() => {
                format!("line {}/{}", self.scroll + 1, layout.lines.len())
            }
            _ => "-".to_owned(),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App) {
        let (article, layout) = match (app.current_article(), &self.layout) {
            (Some((index, article)), Some(layout)) if layout.article == index => (article, layout),
            _ => return self.empty(frame, area, app),
        };
        let inner_height = usize::from(area.height.saturating_sub(2));
        let position = match layout.lines.len() {
            n if n <= inner_height => "all".to_owned(),
            n => format!("{}%", (self.scroll + inner_height).min(n) * 100 / n),
        };
        let position = format!(" {position} ");
        // Where the article came from, in what room the frame has left.
        let room = usize::from(area.width).saturating_sub(position.width() + 6);
        let origin = app
            .current
            .and_then(|c| app.documents.get(c))
            .map(|d| sanitize(&d.origin.to_string()))
            .filter(|_| room > 8)
            .map(|o| format!(" {} ", fit(&o, room)));
        let mut block = pane_block(app, Pane::Reader, " Reader ")
            .title_bottom(Line::from(position).alignment(Alignment::Right));
        if let Some(origin) = origin {
            block =
                block.title_bottom(Line::styled(origin, app.theme.dim).alignment(Alignment::Left));
        }
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let column = text_column(inner, app.reading_width);
        let marked = app.marked_quote();
        let starred = app.starred_quotes();
        let (hits, current_hit): (&[Hit], _) = match &app.matches {
            Matches::Search { hits, current, .. } => (hits, hits.get(*current)),
            _ => (&[], None),
        };
        let paint = Paint {
            theme: &app.theme,
            article,
            layout,
            marked,
            hits,
            current_hit,
        };
        for (row, at) in (self.scroll..layout.lines.len())
            .take(inner.height.into())
            .enumerate()
        {
            let y = inner.y + row as u16;
            let line = Rect {
                y,
                height: 1,
                ..column
            };
            frame.render_widget(Paragraph::new(paint.line(at)), line);
            let is_marked =
                marked.is_some() && layout.quotes_on(at).any(|m| Some(m.quote) == marked);
            // A starred quote has a star beside its first line.
            let is_starred = layout.quotes_on(at).any(|m| {
                starred.contains(&m.quote) && layout.quote_lines.get(m.quote) == Some(&Some(at))
            });
            let mark = if is_marked {
                Some("▌")
            } else if is_starred {
                Some("★")
            } else {
                None
            };
            if let Some(mark) = mark
                && column.x >= inner.x + 2
            {
                let gutter = Rect::new(column.x - 2, y, 1, 1);
                frame.render_widget(Span::styled(mark, app.theme.gutter), gutter);
            }
        }
    }
}

/// What colours a line: the article's quotes, the current quote, search
/// hits.
struct Paint<'a> {
    theme: &'a Theme,
    article: &'a Article,
    layout: &'a Layout,
    marked: Option<usize>,
    hits: &'a [Hit],
    current_hit: Option<&'a Hit>,
}

impl Paint<'_> {
    fn base(&self, kind: Kind) -> Style {
        let t = self.theme;
        match kind {
            Kind::Kicker => t.kicker,
            Kind::Title => t.title,
            Kind::Byline => t.byline,
            Kind::Lead => t.lead,
            Kind::Heading => t.heading,
            Kind::Body => Style::new(),
        }
    }

    /// One screen line as styled spans: the line is cut wherever a quote
    /// or a hit starts or ends, and each piece is painted in layers,
    /// reported speech under direct quotes under the current quote under
    /// search hits.
    fn line(&self, at: usize) -> Line<'static> {
        let line = &self.layout.lines[at];
        let Some(b) = line.block else {
            return Line::default();
        };
        let block = &self.layout.blocks[b];
        let range = line.range.clone();
        let marks: Vec<_> = self.layout.quotes_on(at).collect();
        let hits: Vec<&Hit> = self
            .hits
            .iter()
            .filter(|h| h.block == b && h.range.start < range.end && range.start < h.range.end)
            .collect();
        let styles: Vec<&(std::ops::Range<usize>, usize)> = block
            .styles
            .iter()
            .filter(|(r, _)| r.start < range.end && range.start < r.end)
            .collect();
        let mut cuts = vec![range.start, range.end];
        for r in marks
            .iter()
            .map(|m| &m.range)
            .chain(hits.iter().map(|h| &h.range))
            .chain(styles.iter().map(|(r, _)| r))
        {
            cuts.extend([r.start, r.end].into_iter().filter(|c| range.contains(c)));
        }
        cuts.sort_unstable();
        cuts.dedup();
        let base = self.base(block.kind);
        let spans = cuts
            .windows(2)
            .map(|w| {
                let (start, end) = (w[0], w[1]);
                let inside = |r: &std::ops::Range<usize>| r.start <= start && end <= r.end;
                let mut style = base;
                for (_, s) in styles.iter().filter(|(r, _)| inside(r)) {
                    let Some(styled) = self.article.styles.get(*s) else {
                        continue;
                    };
                    style = style.patch(match styled.style {
                        Inline::Emphasis => Style::new().add_modifier(Modifier::ITALIC),
                        Inline::Strong => Style::new().add_modifier(Modifier::BOLD),
                        Inline::Code => self.theme.code,
                        Inline::Link(_) => self.theme.link,
                    });
                }
                for kind in [QuoteKind::Indirect, QuoteKind::Mixed, QuoteKind::Direct] {
                    for m in marks.iter().filter(|m| inside(&m.range)) {
                        let Some(quote) = self.article.quotes.get(m.quote) else {
                            continue;
                        };
                        if quote.kind != kind {
                            continue;
                        }
                        style = style.patch(match (kind, quote.speaker) {
                            (QuoteKind::Indirect | QuoteKind::Mixed, _) => self.theme.indirect,
                            (QuoteKind::Direct, Some(who)) => self.theme.speaker(who),
                            (QuoteKind::Direct, None) => self.theme.quote,
                        });
                    }
                }
                if marks
                    .iter()
                    .any(|m| Some(m.quote) == self.marked && inside(&m.range))
                {
                    style = style.patch(self.theme.current_quote);
                }
                for hit in hits.iter().filter(|h| inside(&h.range)) {
                    let current = self.current_hit == Some(*hit);
                    style = style.patch(if current {
                        self.theme.current_hit
                    } else {
                        self.theme.hit
                    });
                }
                Span::styled(block.text.get(start..end).unwrap_or("").to_owned(), style)
            })
            .collect::<Vec<_>>();
        Line::from(spans)
    }
}
