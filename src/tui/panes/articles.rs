//! The articles pane: each loaded article in two lines, its title, then
//! author, date and number of quotes, dimmed. The article in the reader is
//! marked, the cursor highlighted, and articles already read are dimmed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use std::cmp::Ordering;
use std::sync::Arc;

use crate::article::text::sanitize;
use crate::library::Document;
use crate::tui::app::{App, keep_visible};
use crate::tui::filter::{FIELD, Filters};
use crate::tui::view::{count, count_of, fit, pane_block};

use super::{Ctx, Go, Pane, PaneState};

/// The order of the list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// By source folder or feed, then in each source's own order.
    #[default]
    Source,
    /// Newest first; undated articles last.
    Date,
    /// Most quoted first.
    Quotes,
}

impl Order {
    pub const ALL: [Order; 3] = [Order::Source, Order::Date, Order::Quotes];

    /// What the pane's frame says.
    pub const fn name(self) -> &'static str {
        match self {
            Order::Source => "by source",
            Order::Date => "newest first",
            Order::Quotes => "most quoted first",
        }
    }

    /// Its name in the saved state.
    pub const fn key(self) -> &'static str {
        match self {
            Order::Source => "source",
            Order::Date => "date",
            Order::Quotes => "quotes",
        }
    }

    /// The order saved under `key`.
    pub fn from_key(key: &str) -> Option<Order> {
        Order::ALL.into_iter().find(|o| o.key() == key)
    }

    pub fn next(self) -> Order {
        let at = Order::ALL.iter().position(|o| *o == self).unwrap_or(0);
        Order::ALL[(at + 1) % Order::ALL.len()]
    }

    fn cmp(self, a: &Document, b: &Document) -> Ordering {
        let by_source = || a.key().cmp(&b.key());
        match self {
            Order::Source => by_source(),
            // `None` sorts before any date, so the undated come last.
            Order::Date => b
                .article
                .published
                .cmp(&a.article.published)
                .then_with(by_source),
            Order::Quotes => b
                .article
                .quotes
                .len()
                .cmp(&a.article.quotes.len())
                .then_with(by_source),
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct Articles {
    /// Every loaded article (by index) in the list's order.
    pub all: Vec<usize>,
    /// The rows shown: every article, or those the filter keeps.
    pub rows: Vec<usize>,
    /// Each article's row, by index.
    row_of: Vec<Option<usize>>,
    pub order: Order,
    /// The query typed with `/` and the articles it keeps.
    pub filter: Filters,
    /// The text each article is found by, by index: title, kicker,
    /// byline, people, file.
    found_by: Vec<String>,
    /// The article under the cursor.
    pub cursor: Option<usize>,
    /// First row shown.
    pub top: usize,
    /// Which articles have been in the reader, by index.
    pub read: Vec<bool>,
}

/// The text an article is found by: its fields apart by [`FIELD`].
fn found_by(document: &Document) -> String {
    let a = &document.article;
    let mut text = String::new();
    for span in a.title.iter().chain(&a.kicker).chain(&a.authors) {
        text.push_str(a.slice(*span));
        text.push(FIELD);
    }
    for person in &a.people {
        text.push_str(&person.name);
        text.push(FIELD);
    }
    text.push_str(&document.origin.to_string());
    text
}

impl Articles {
    /// The cursor's row.
    pub fn cursor_row(&self) -> Option<usize> {
        self.row_of.get(self.cursor?).copied().flatten()
    }

    /// Gives the articles that arrived their places, in one merge: two
    /// loaders finish the two halves of the list at once, and inserting
    /// each arrival would move every row after it.
    pub fn add_rows(&mut self, mut arrived: Vec<usize>, documents: &[Arc<Document>]) {
        arrived
            .retain(|&i| i < documents.len() && self.found_by.get(i).is_none_or(String::is_empty));
        arrived.dedup();
        if arrived.is_empty() {
            return;
        }
        self.found_by.resize(documents.len(), String::new());
        for &i in &arrived {
            self.found_by[i] = found_by(&documents[i]);
        }
        let order = |a: &usize, b: &usize| self.order.cmp(&documents[*a], &documents[*b]);
        arrived.sort_unstable_by(order);
        // Rows above the view grew: keep the same articles in view.
        if !self.filter.is_active()
            && let Some(top) = self.rows.get(self.top)
        {
            self.top += arrived.partition_point(|i| order(i, top).is_lt());
        }
        self.all = merged(&self.all, arrived, order);
        match self.filter.current().map(|f| f.query.clone()) {
            // A filtered list is in the order of the matches: the new
            // articles are matched with the rest.
            Some(query) => {
                self.filter.clear();
                self.set_filter(&query);
            }
            None => {
                self.rows.clone_from(&self.all);
                self.index_rows();
            }
        }
    }

    /// Lists the articles in another order (a filtered list stays in the
    /// order of its matches).
    pub fn sort(&mut self, order: Order, documents: &[Arc<Document>]) {
        self.order = order;
        let cmp = |a: &usize, b: &usize| order.cmp(&documents[*a], &documents[*b]);
        self.all.sort_by(cmp);
        if !self.filter.is_active() {
            self.rows.clone_from(&self.all);
        }
        self.index_rows();
    }

    /// Shows only the articles that `query` finds (all of them for an
    /// empty query).
    pub fn set_filter(&mut self, query: &str) {
        let found_by = &self.found_by;
        self.filter.set(query, &self.all, |i| found_by[i].as_str());
        match self.filter.current() {
            Some(filter) => self.rows.clone_from(&filter.kept),
            None => self.rows.clone_from(&self.all),
        }
        self.top = 0;
        self.index_rows();
    }

    fn index_rows(&mut self) {
        self.row_of.clear();
        self.row_of.resize(self.found_by.len(), None);
        for (row, &index) in self.rows.iter().enumerate() {
            self.row_of[index] = Some(row);
        }
    }

    /// Marks an article read and puts the cursor on it.
    pub fn reading(&mut self, index: usize) {
        self.mark_read(index, true);
        self.cursor = Some(index);
    }

    pub fn mark_read(&mut self, index: usize, read: bool) {
        if self.read.len() <= index {
            self.read.resize(index + 1, false);
        }
        self.read[index] = read;
    }
}

/// `old` and `new` (each in `order`) merged in `order`.
fn merged(
    old: &[usize],
    new: Vec<usize>,
    order: impl Fn(&usize, &usize) -> Ordering,
) -> Vec<usize> {
    if new.is_empty() {
        return old.to_vec();
    }
    let mut rows = Vec::with_capacity(old.len() + new.len());
    let mut new = new.into_iter().peekable();
    for row in old {
        while let Some(index) = new.next_if(|index| order(index, row).is_lt()) {
            rows.push(index);
        }
        rows.push(*row);
    }
    rows.extend(new);
    rows
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
        let mut title = format!(
            " Articles {}/{} ",
            count(self.rows.len()),
            count(app.expected())
        );
        if let Some(filter) = self.filter.current() {
            title.push_str(&format!("/{} ", sanitize(&filter.query)));
        }
        if self.order != Order::Source {
            title.push_str(&format!("· {} ", self.order.name()));
        }
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
