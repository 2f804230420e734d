//! The briefing's search hits (`F`, full screen): every place the query
//! occurs across the articles, each with its article's title and a line
//! of context; `enter` opens the article at that hit, and `n`/`N` then
//! step through the article's hits.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::app::App;
use crate::tui::search::{BriefingHit, MOST_HITS};
use crate::tui::view::{count_of, fit};

use super::list::{self, Cursor};
use super::{Ctx, Go, Pane, PaneState};

#[derive(Clone, Debug, Default)]
pub struct Hits {
    pub query: String,
    pub hits: Vec<BriefingHit>,
    /// The search is running.
    pub searching: bool,
    pub cursor: Cursor,
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
        self.cursor.settle(self.hits.len(), ctx.rows, 2);
    }

    fn step(&mut self, _: &Ctx, by: isize) {
        self.cursor.step(by, self.hits.len());
    }

    /// Two lines per hit.
    fn page(&self, rows: usize) -> usize {
        rows / 2
    }

    fn open(&mut self, _: &Ctx) -> Option<Go> {
        let hit = self.hits.get(self.cursor.at)?;
        Some(Go::ReadHit {
            article: hit.article,
            nth: hit.nth,
        })
    }

    fn click(&mut self, _: &Ctx, row: usize) -> Option<Go> {
        self.cursor.click(row, self.hits.len(), 2);
        None
    }

    fn position(&self, _: &App) -> String {
        self.cursor.position(self.hits.len())
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
        let inner = list::frame(frame, area, app, Pane::Hits, title, "enter: read it there");
        let theme = &app.theme;
        let width = usize::from(inner.width);
        let mut lines = Vec::new();
        for (at, hit) in self.cursor.shown(&self.hits, inner.height.into(), 2) {
            let selected = at == self.cursor.at;
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
