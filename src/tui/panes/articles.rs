//! The articles pane: each loaded article in two lines, its title, then
//! author, date and number of quotes, dimmed. The article in the reader is
//! marked, the cursor highlighted, and articles already read are dimmed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use std::sync::Arc;

use crate::article::text::sanitize;
use crate::library::Document;
use crate::tui::app::{App, keep_visible};
use crate::tui::view::{count, count_of, fit, pane_block};

use super::{Ctx, Go, Pane, PaneState};

#[derive(Clone, Debug, Default)]
pub struct Articles {
    /// Indices of the loaded articles in the list's order (by source, then
    /// in the source's own order): the pane's rows.
    pub rows: Vec<usize>,
    /// Each article's row, by index.
    row_of: Vec<Option<usize>>,
    /// The article under the cursor.
    pub cursor: Option<usize>,
    /// First row shown.
    pub top: usize,
    /// Which articles have been in the reader, by index.
    pub read: Vec<bool>,
}

impl Articles {
    /// The cursor's row.
    pub fn cursor_row(&self) -> Option<usize> {
        self.row_of.get(self.cursor?).copied().flatten()
    }

    /// Gives the articles that arrived their rows, in one merge: two loaders
    /// finish the two halves of the list at once, and inserting each arrival
    /// would move every row after it.
    pub fn add_rows(&mut self, mut arrived: Vec<usize>, documents: &[Arc<Document>]) {
        let key = |i: &usize| documents[*i].key();
        arrived.retain(|&i| i < documents.len() && self.row_of.get(i).is_none_or(Option::is_none));
        arrived.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
        arrived.dedup();
        if arrived.is_empty() {
            return;
        }
        // Rows above the view grew: keep the same articles in view.
        if let Some(top) = self.rows.get(self.top) {
            self.top += arrived.partition_point(|i| key(i) < key(top));
        }
        let mut rows = Vec::with_capacity(self.rows.len() + arrived.len());
        let mut new = arrived.into_iter().peekable();
        for &row in &self.rows {
            while let Some(index) = new.next_if(|index| key(index) < key(&row)) {
                rows.push(index);
            }
            rows.push(row);
        }
        rows.extend(new);
        self.rows = rows;
        self.row_of = vec![None; documents.len()];
        for (row, &index) in self.rows.iter().enumerate() {
            self.row_of[index] = Some(row);
        }
    }

    /// Marks an article read and puts the cursor on it.
    pub fn reading(&mut self, index: usize) {
        if self.read.len() <= index {
            self.read.resize(index + 1, false);
        }
        self.read[index] = true;
        self.cursor = Some(index);
    }
}

impl PaneState for Articles {
    /// Keeps the cursor in view.
    fn settle(&mut self, ctx: &Ctx) {
        if let Some(row) = self.cursor_row() {
            self.top = keep_visible(self.top, row, (ctx.rows / 2).max(1));
        }
    }

    fn step(&mut self, _: &Ctx, by: isize) {
        if let Some(row) = self.cursor_row().or((!self.rows.is_empty()).then_some(0)) {
            let row = row.saturating_add_signed(by).min(self.rows.len() - 1);
            self.cursor = Some(self.rows[row]);
        }
    }

    /// Two lines per article.
    fn page(&self, rows: usize) -> usize {
        rows / 2
    }

    fn open(&mut self, _: &Ctx) -> Option<Go> {
        self.cursor.map(Go::Read)
    }

    fn click(&mut self, _: &Ctx, row: usize) -> Option<Go> {
        let index = *self.rows.get(self.top + row / 2)?;
        self.cursor = Some(index);
        Some(Go::Read(index))
    }

    fn position(&self, _: &App) -> String {
        match self.cursor_row() {
            Some(row) => format!("{}/{}", count(row + 1), count(self.rows.len())),
            None => "-".to_owned(),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App) {
        let title = format!(
            " Articles {}/{} ",
            count(self.rows.len()),
            count(app.expected())
        );
        let block = pane_block(app, Pane::Articles, title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = usize::from(inner.width);
        let theme = &app.theme;
        let mut lines = Vec::new();
        let shown = usize::from(inner.height / 2);
        for &index in self.rows.iter().skip(self.top).take(shown) {
            let Some(article) = app.article(index) else {
                continue;
            };
            let current = app.current == Some(index);
            let mark = if current { "▶ " } else { "  " };
            let mut title_style = if current {
                theme.title
            } else if self.read.get(index).copied().unwrap_or(false) {
                theme.dim
            } else {
                Style::new()
            };
            let mut meta_style = theme.dim;
            if self.cursor == Some(index) {
                let cursor = if app.focus == Pane::Articles {
                    theme.selected
                } else {
                    theme.title
                };
                title_style = title_style.patch(cursor);
                meta_style = meta_style.patch(cursor);
            }
            let mut meta: Vec<String> = article
                .authors
                .first()
                .map(|a| article.show(*a))
                .into_iter()
                .collect();
            if let Some(date) = &article.published {
                meta.push(sanitize(date.split('T').next().unwrap_or(date)));
            }
            meta.push(count_of(article.quotes.len(), "quote"));
            let pad = |s: String| format!("{s:<w$}", w = width.saturating_sub(2));
            lines.push(Line::from(vec![
                Span::styled(mark, theme.gutter),
                Span::styled(
                    pad(fit(&app.title(index), width.saturating_sub(2))),
                    title_style,
                ),
            ]));
            lines.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(
                    pad(fit(&meta.join(" · "), width.saturating_sub(2))),
                    meta_style,
                ),
            ]));
        }
        if lines.is_empty() {
            let text = if app.loading {
                "loading…"
            } else {
                "no articles"
            };
            lines.push(Line::styled(format!("  {text}"), theme.dim));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}
