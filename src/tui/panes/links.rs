//! The links of the article being read (`L`, full screen): a Markdown
//! article shows a link as its text only; here each is listed with where it
//! goes, and `enter` copies that address (OSC 52).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::article::Inline;
use crate::article::text::sanitize;
use crate::tui::app::App;
use crate::tui::view::{count_of, fit};

use super::list::{self, Cursor};
use super::{Ctx, Go, Pane, PaneState};

#[derive(Clone, Debug, Default)]
pub struct Links {
    pub cursor: Cursor,
}

/// The current article's links: their text as shown, and where they go.
pub fn links(ctx: &Ctx) -> Vec<(String, String)> {
    let Some(article) = ctx.current.and_then(|c| ctx.article(c)) else {
        return Vec::new();
    };
    article
        .styles
        .iter()
        .filter_map(|s| match &s.style {
            Inline::Link(url) => Some((article.show(s.span), url.clone())),
            _ => None,
        })
        .collect()
}

impl PaneState for Links {
    fn settle(&mut self, ctx: &Ctx) {
        self.cursor.settle(links(ctx).len(), ctx.rows, 2);
    }

    fn step(&mut self, ctx: &Ctx, by: isize) {
        self.cursor.step(by, links(ctx).len());
    }

    /// Two lines per link.
    fn page(&self, rows: usize) -> usize {
        rows / 2
    }

    fn open(&mut self, ctx: &Ctx) -> Option<Go> {
        let (_, url) = links(ctx).into_iter().nth(self.cursor.at)?;
        Some(Go::CopyAddress(url))
    }

    fn click(&mut self, ctx: &Ctx, row: usize) -> Option<Go> {
        self.cursor.click(row, links(ctx).len(), 2);
        None
    }

    fn position(&self, app: &App) -> String {
        self.cursor.position(links(&app.ctx(Pane::Links)).len())
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App) {
        let links = links(&app.ctx(Pane::Links));
        let title = format!(" Links of this article: {} ", count_of(links.len(), "link"));
        let inner = list::frame(
            frame,
            area,
            app,
            Pane::Links,
            title,
            "enter: copy the address",
        );
        let theme = &app.theme;
        let width = usize::from(inner.width);
        let mut lines = Vec::new();
        for (at, (text, url)) in self.cursor.shown(&links, inner.height.into(), 2) {
            let style = if at == self.cursor.at {
                theme.selected
            } else {
                theme.title
            };
            let text = fit(text, width.saturating_sub(1));
            let pad = width.saturating_sub(text.width() + 1);
            lines.push(Line::from(vec![
                Span::styled(format!(" {text}"), style),
                Span::styled(" ".repeat(pad), style),
            ]));
            lines.push(Line::styled(
                format!("   {}", fit(&sanitize(url), width.saturating_sub(3))),
                theme.link,
            ));
        }
        if lines.is_empty() {
            lines.push(Line::styled(" This article has no links.", theme.dim));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
