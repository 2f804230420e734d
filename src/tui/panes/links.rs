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
use crate::tui::app::{App, keep_visible};
use crate::tui::view::{count, count_of, fit, pane_block};

use super::{Ctx, Go, Pane, PaneState};

#[derive(Clone, Debug, Default)]
pub struct Links {
    pub cursor: usize,
    pub top: usize,
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
        self.cursor = self.cursor.min(links(ctx).len().saturating_sub(1));
        self.top = keep_visible(self.top, self.cursor, (ctx.rows / 2).max(1));
    }

    fn step(&mut self, ctx: &Ctx, by: isize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(by)
            .min(links(ctx).len().saturating_sub(1));
    }

    /// Two lines per link.
    fn page(&self, rows: usize) -> usize {
        rows / 2
    }

    fn open(&mut self, ctx: &Ctx) -> Option<Go> {
        let (_, url) = links(ctx).into_iter().nth(self.cursor)?;
        Some(Go::CopyAddress(url))
    }

    fn click(&mut self, ctx: &Ctx, row: usize) -> Option<Go> {
        let at = self.top + row / 2;
        if at < links(ctx).len() {
            self.cursor = at;
        }
        None
    }

    fn position(&self, app: &App) -> String {
        match links(&app.ctx(Pane::Links)).len() {
            0 => "-".to_owned(),
            n => format!("{}/{}", self.cursor + 1, count(n)),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App) {
        let links = links(&app.ctx(Pane::Links));
        let title = format!(" Links of this article: {} ", count_of(links.len(), "link"));
        let block = pane_block(app, Pane::Links, title).title_bottom(Line::styled(
            " enter: copy the address · q or esc closes ",
            app.theme.dim,
        ));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let theme = &app.theme;
        let width = usize::from(inner.width);
        let mut lines = Vec::new();
        for (at, (text, url)) in links
            .iter()
            .enumerate()
            .skip(self.top)
            .take(usize::from(inner.height / 2))
        {
            let style = if at == self.cursor {
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
