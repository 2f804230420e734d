//! The reader pane: the current article's lines, centred at the reading
//! width, with direct quotes coloured by speaker, reported speech marked
//! quietly, the current quote underlined with a mark in the margin, search
//! hits highlighted, and the scroll position in the frame.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::article::{Article, QuoteKind};
use crate::tui::app::{App, Matches};
use crate::tui::layout::{Kind, Layout};
use crate::tui::screen::{Pane, text_column};
use crate::tui::search::Hit;
use crate::tui::theme::Theme;

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let (article, layout) = match (app.current_article(), &app.layout) {
        (Some((index, article)), Some(layout)) if layout.article == index => (article, layout),
        _ => return empty(frame, area, app),
    };
    let inner_height = usize::from(area.height.saturating_sub(2));
    let position = match layout.lines.len() {
        n if n <= inner_height => "all".to_owned(),
        n => format!("{}%", (app.scroll + inner_height).min(n) * 100 / n),
    };
    let block = super::pane_block(app, Pane::Reader, " Reader ")
        .title_bottom(Line::from(format!(" {position} ")).alignment(Alignment::Right));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let column = text_column(inner, app.reading_width);
    let marked = app.marked_quote();
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
    for (row, at) in (app.scroll..layout.lines.len())
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
        let is_marked = marked.is_some() && layout.quotes_on(at).any(|m| Some(m.quote) == marked);
        if is_marked && column.x >= inner.x + 2 {
            let gutter = Rect::new(column.x - 2, y, 1, 1);
            frame.render_widget(Span::styled("▌", app.theme.gutter), gutter);
        }
    }
}

fn empty(frame: &mut Frame, area: Rect, app: &App) {
    let block = super::pane_block(app, Pane::Reader, " Reader ");
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let text = if app.wanted.is_some() {
        "Laying out the article…".to_owned()
    } else if app.loading {
        "Loading articles…".to_owned()
    } else if app.loaded.is_empty() {
        format!(
            "No articles here. brief opens .txt and .md files.{}",
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
        let mut cuts = vec![range.start, range.end];
        for r in marks
            .iter()
            .map(|m| &m.range)
            .chain(hits.iter().map(|h| &h.range))
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
                for kind in [QuoteKind::Indirect, QuoteKind::Direct] {
                    for m in marks.iter().filter(|m| inside(&m.range)) {
                        let Some(quote) = self.article.quotes.get(m.quote) else {
                            continue;
                        };
                        if quote.kind != kind {
                            continue;
                        }
                        style = style.patch(match (kind, quote.speaker) {
                            (QuoteKind::Indirect, _) => self.theme.indirect,
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
