//! The briefing's search hits (`F`, full screen): every place the query
//! occurs across the articles, each with its article's title and a line
//! of context; `enter` opens the article at that hit, and `n`/`N` then
//! step through the article's hits.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::app::{App, keep_visible};
use crate::tui::search::{BriefingHit, MOST_HITS};
use crate::tui::view::{count, count_of, fit, pane_block};

use super::{Ctx, Go, Pane, PaneState};

#[derive(Clone, Debug, Default)]
pub struct Hits {
    pub query: String,
    pub hits: Vec<BriefingHit>,
    /// The search is running.
    pub searching: bool,
    pub cursor: usize,
    pub top: usize,
}

impl Hits {
    /// A search for `query` has begun.
    pub fn searching(&mut self, query: &str) {
        *self = Hits {
            query: query.to_owned(),
            searching: true,
            ..Hits::default()
        };
    }

    /// The hits of a search, if it is still the one shown.
    pub fn found(&mut self, query: &str, hits: Vec<BriefingHit>) {
        if self.query == query {
            self.hits = hits;
            self.searching = false;
        }
    }
}

impl PaneState for Hits {
    fn settle(&mut self, ctx: &Ctx) {
        self.cursor = self.cursor.min(self.hits.len().saturating_sub(1));
        self.top = keep_visible(self.top, self.cursor, (ctx.rows / 2).max(1));
    }

    fn step(&mut self, _: &Ctx, by: isize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(by)
            .min(self.hits.len().saturating_sub(1));
    }

    /// Two lines per hit.
    fn page(&self, rows: usize) -> usize {
        rows / 2
    }

    fn open(&mut self, _: &Ctx) -> Option<Go> {
        let hit = self.hits.get(self.cursor)?;
        Some(Go::ReadHit {
            article: hit.article,
            nth: hit.nth,
        })
    }

    fn click(&mut self, _: &Ctx, row: usize) -> Option<Go> {
        let at = self.top + row / 2;
        if at < self.hits.len() {
            self.cursor = at;
        }
        None
    }

    fn position(&self, _: &App) -> String {
        match self.hits.len() {
            0 => "-".to_owned(),
            n => format!("{}/{}", self.cursor + 1, count(n)),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App) {
        let query = crate::article::text::sanitize(&self.query);
        let found = if self.searching {
            "searching…".to_owned()
        } else if self.hits.len() == MOST_HITS {
            format!("the first {}", count_of(MOST_HITS, "hit"))
        } else {
            count_of(self.hits.len(), "hit")
        };
        let title = format!(" Search the briefing: \"{query}\", {found} ");
        let block = pane_block(app, Pane::Hits, title).title_bottom(Line::styled(
            " enter: read it there · q or esc closes ",
            app.theme.dim,
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let theme = &app.theme;
        let width = usize::from(inner.width);
        let mut lines = Vec::new();
        for (at, hit) in self
            .hits
            .iter()
            .enumerate()
            .skip(self.top)
            .take(usize::from(inner.height / 2))
        {
            let selected = at == self.cursor;
            let title_style = if selected {
                theme.selected
            } else {
                theme.title
            };
            let title = fit(&app.title(hit.article), width.saturating_sub(1));
            let pad = width.saturating_sub(title.width() + 1);
            lines.push(Line::from(vec![
                Span::styled(format!(" {title}"), title_style),
                Span::styled(" ".repeat(pad), title_style),
            ]));
            // The context is shown text already: folded, made safe.
            let (before, rest) = hit.context.split_at(hit.range.start);
            let (word, after) = rest.split_at(hit.range.len());
            lines.push(Line::from(vec![
                Span::raw("   "),
                Span::raw(before.to_owned()),
                Span::styled(word.to_owned(), theme.hit),
                Span::raw(after.to_owned()),
            ]));
        }
        if lines.is_empty() && !self.searching {
            lines.push(Line::styled(" Nothing found.", theme.dim));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
