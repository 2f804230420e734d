//! The reader's state: the articles as they arrive, the briefing's people,
//! focus, selections, scroll, search and the current matches. It changes in
//! two places only: [`super::update`] for what the person does and
//! [`App::receive`] for what the background loader delivers. Views read it.

use std::path::PathBuf;
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::article::Article;
use crate::article::text::sanitize;
use crate::briefing::{Briefing, QuoteRef};
use crate::config::{Config, Panes};
use crate::library::{Entry, Event};

/// Articles with more text than this are laid out off the thread that
/// reads keys: laying out takes about 30 µs a kilobyte, so this is about
/// half a frame.
pub const INLINE_LAYOUT_BYTES: usize = 256 * 1024;

/// A loaded article, shared with the thread that lays it out when it is
/// long.
#[derive(Clone, Debug)]
pub struct Document {
    pub path: PathBuf,
    pub article: Arc<Article>,
}

/// A layout the reader waits for: the article (by index) at a width.
#[derive(Clone, Debug)]
pub struct LayoutJob {
    pub index: usize,
    pub width: u16,
    pub article: Arc<Article>,
}

use super::keymap::Keymap;
use super::layout::Layout;
use super::screen::{Pane, Screen, text_column};
use super::search::Hit;
use super::theme::Theme;

/// What `n` and `N` step through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Matches {
    #[default]
    None,
    /// A person's quotes (across articles in briefing mode).
    Quotes {
        who: String,
        refs: Vec<QuoteRef>,
        current: usize,
    },
    /// Search hits in the current article.
    Search {
        query: String,
        hits: Vec<Hit>,
        current: usize,
    },
}

/// The search being typed, and where the reader was when it began (Esc
/// goes back there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub query: String,
    pub from: usize,
}

#[derive(Clone)]
pub struct App {
    pub keymap: Keymap,
    pub theme: Theme,
    pub panes: Panes,
    pub reading_width: u16,
    pub area: Rect,
    pub focus: Pane,
    /// The help overlay is open, scrolled down this many lines.
    pub help: Option<usize>,
    pub quit: bool,
    pub message: Option<String>,

    /// Every file found, by index in the sorted list; `None` until loaded.
    pub entries: Vec<Option<Document>>,
    /// Indices of the loaded articles, sorted: the articles pane's rows.
    pub loaded: Vec<usize>,
    pub failed: Vec<String>,
    pub loading: bool,
    pub read: Vec<bool>,
    pub briefing: Briefing,
    /// Briefing speakers with quotes, most quoted first (kept current only
    /// while briefing mode shows them: ranking is not free).
    pub ranked: Vec<usize>,
    ranked_stale: bool,

    /// The article in the reader, and the one under the articles cursor.
    pub current: Option<usize>,
    /// The person has done something: the reader no longer moves to an
    /// earlier article as one arrives.
    pub engaged: bool,
    pub cursor: Option<usize>,
    /// First article row shown.
    pub list_top: usize,
    /// The current article laid out, never another's: actions index it by
    /// the current article's quotes.
    pub layout: Option<Layout>,
    /// The layout the reader waits for, when the current article is too
    /// long to lay out between two keys.
    pub wanted: Option<(usize, u16)>,
    /// A quote to bring into view once the layout it needs arrives.
    pending_quote: Option<usize>,
    /// First reader line shown.
    pub scroll: usize,

    /// The people pane shows the whole briefing.
    pub everyone: bool,
    pub person: usize,
    pub people_top: usize,
    pub expanded: Option<usize>,

    pub matches: Matches,
    pub prompt: Option<Prompt>,
}

impl App {
    pub fn new(config: &Config, no_color: bool) -> App {
        App {
            keymap: Keymap::new(config.keys.iter().copied()),
            theme: Theme::new(&config.theme, no_color),
            panes: config.panes,
            reading_width: config.reading_width,
            area: Rect::default(),
            focus: Pane::Reader,
            help: None,
            quit: false,
            message: None,
            entries: Vec::new(),
            loaded: Vec::new(),
            failed: Vec::new(),
            loading: true,
            read: Vec::new(),
            briefing: Briefing::default(),
            ranked: Vec::new(),
            ranked_stale: false,
            current: None,
            engaged: false,
            cursor: None,
            list_top: 0,
            layout: None,
            wanted: None,
            pending_quote: None,
            scroll: 0,
            everyone: false,
            person: 0,
            people_top: 0,
            expanded: None,
            matches: Matches::None,
            prompt: None,
        }
    }

    pub fn screen(&self) -> Option<Screen> {
        Screen::new(self.area, &self.panes, self.focus)
    }

    /// Rows of a pane's inside (at least one, so paging always moves).
    pub fn rows(&self, pane: Pane) -> usize {
        self.screen()
            .map_or(1, |s| usize::from(s.inner(pane).height).max(1))
    }

    pub fn article(&self, index: usize) -> Option<&Article> {
        Some(&self.entries.get(index)?.as_ref()?.article)
    }

    pub fn current_article(&self) -> Option<(usize, &Article)> {
        let index = self.current?;
        Some((index, self.article(index)?))
    }

    /// An article's title as shown, else its file name.
    pub fn title(&self, index: usize) -> String {
        let Some(entry) = self.entries.get(index).and_then(Option::as_ref) else {
            return String::new();
        };
        match entry.article.title {
            Some(title) => entry.article.show(title),
            None => sanitize(&entry.path.file_name().unwrap_or_default().to_string_lossy()),
        }
    }

    /// The article cursor's row in the articles pane.
    pub fn cursor_row(&self) -> Option<usize> {
        self.loaded.binary_search(&self.cursor?).ok()
    }

    /// The quote to mark in the reader: the current match's, when it is
    /// in this article.
    pub fn marked_quote(&self) -> Option<usize> {
        match &self.matches {
            Matches::Quotes { refs, current, .. } => refs
                .get(*current)
                .filter(|r| Some(r.article()) == self.current)
                .map(|r| r.quote()),
            _ => None,
        }
    }

    /// Takes in what the loader has sent since the last frame.
    pub fn receive(&mut self, events: impl IntoIterator<Item = Event>) {
        let mut arrived = Vec::new();
        for event in events {
            match event {
                Event::Found { total, errors } => {
                    self.entries.resize_with(total, || None);
                    self.read.resize(total, false);
                    self.failed
                        .extend(errors.iter().map(|e| sanitize(&e.to_string())));
                }
                Event::Loaded { index, result } => match result {
                    Ok(entry) => {
                        self.add(index, entry);
                        arrived.push(index);
                    }
                    Err(e) => self.failed.push(sanitize(&e.to_string())),
                },
                Event::Done => self.loading = false,
            }
        }
        self.add_rows(arrived);
        if self.everyone {
            self.rank();
        }
        self.settle();
    }

    fn add(&mut self, index: usize, entry: Entry) {
        if index >= self.entries.len() {
            self.entries.resize_with(index + 1, || None);
            self.read.resize(index + 1, false);
        }
        self.briefing.add(index, &entry.article);
        self.ranked_stale = true;
        self.entries[index] = Some(Document {
            path: entry.path,
            article: Arc::new(entry.article),
        });
        // Until the person acts, the reader shows the first article of the
        // list, whichever order they arrive in.
        if !self.engaged && self.current.is_none_or(|c| index < c) {
            if let Some(read) = self.current.and_then(|c| self.read.get_mut(c)) {
                *read = false;
            }
            self.show(index);
        }
    }

    /// Gives the articles that arrived their rows, in one merge: two loaders
    /// finish the two halves of the list at once, and inserting each arrival
    /// would move every row after it.
    fn add_rows(&mut self, mut arrived: Vec<usize>) {
        arrived.sort_unstable();
        arrived.dedup();
        arrived.retain(|i| self.loaded.binary_search(i).is_err());
        if arrived.is_empty() {
            return;
        }
        // Rows above the view grew: keep the same articles in view.
        if let Some(&top) = self.loaded.get(self.list_top) {
            self.list_top += arrived.partition_point(|&i| i < top);
        }
        let mut rows = Vec::with_capacity(self.loaded.len() + arrived.len());
        let mut new = arrived.into_iter().peekable();
        for &row in &self.loaded {
            while let Some(index) = new.next_if(|&index| index < row) {
                rows.push(index);
            }
            rows.push(row);
        }
        rows.extend(new);
        self.loaded = rows;
    }

    /// Brings the briefing ranking up to date.
    pub fn rank(&mut self) {
        if self.ranked_stale {
            self.ranked = self.briefing.ranked_ids();
            self.ranked_stale = false;
        }
    }

    /// Puts an article in the reader, at the top.
    pub fn show(&mut self, index: usize) {
        if self.current != Some(index) {
            self.current = Some(index);
            self.scroll = 0;
            self.pending_quote = None;
            if let Some(read) = self.read.get_mut(index) {
                *read = true;
            }
            if matches!(self.matches, Matches::Search { .. }) {
                self.matches = Matches::None;
            }
            if !self.everyone {
                self.person = 0;
                self.people_top = 0;
                self.expanded = None;
            }
        }
        self.cursor = Some(index);
    }

    /// Brings a line of the reader into view, a third of the way down,
    /// unless it is already in view.
    pub fn reveal(&mut self, line: usize) {
        let rows = self.rows(Pane::Reader);
        if line < self.scroll || line >= self.scroll + rows {
            self.scroll = line.saturating_sub(rows / 3);
        }
        self.clamp_scroll();
    }

    fn clamp_scroll(&mut self) {
        let lines = self.layout.as_ref().map_or(0, |l| l.lines.len());
        self.scroll = self
            .scroll
            .min(lines.saturating_sub(self.rows(Pane::Reader)));
    }

    /// Makes derived state agree with the rest after any change: the
    /// layout for the current article and width (or the wish for it, when
    /// the article is long), scroll and list offsets within bounds.
    pub fn settle(&mut self) {
        if self.layout.as_ref().map(|l| l.article) != self.current {
            self.layout = None;
        }
        let width = self
            .screen()
            .map(|s| text_column(s.inner(Pane::Reader), self.reading_width).width);
        self.wanted = None;
        let stale = match (self.current_article(), width) {
            (Some((index, article)), Some(width))
                if self.layout.as_ref().is_none_or(|l| l.width != width) =>
            {
                if article.text.len() <= INLINE_LAYOUT_BYTES {
                    Some(Ok(Layout::new(index, article, width)))
                } else {
                    Some(Err((index, width)))
                }
            }
            _ => None,
        };
        match stale {
            Some(Ok(layout)) => self.install(layout),
            Some(Err(wanted)) => self.wanted = Some(wanted),
            None => {}
        }
        self.clamp_scroll();
        if let Some(row) = self.cursor_row() {
            let rows = self.rows(Pane::Articles) / 2;
            self.list_top = keep_visible(self.list_top, row, rows.max(1));
        }
        let people = super::people::rows(self).len();
        self.person = self.person.min(people.saturating_sub(1));
        let rows = self.rows(Pane::People);
        self.people_top = keep_visible(self.people_top, self.person, rows);
    }

    /// The layout to build off the key thread, if the reader waits for one.
    pub fn layout_job(&self) -> Option<LayoutJob> {
        let (index, width) = self.wanted?;
        let document = self.entries.get(index)?.as_ref()?;
        Some(LayoutJob {
            index,
            width,
            article: Arc::clone(&document.article),
        })
    }

    /// Takes in a layout built off the key thread, if it is still the
    /// current article's.
    pub fn laid_out(&mut self, layout: Layout) {
        if Some(layout.article) == self.current {
            self.install(layout);
            self.settle();
        }
    }

    /// Puts the current article's new layout in place: the same text at
    /// the top when only the width changed, the search run again, a quote
    /// waiting for it brought into view.
    fn install(&mut self, layout: Layout) {
        let anchor = self
            .layout
            .as_ref()
            .filter(|l| l.article == layout.article)
            .and_then(|l| l.anchor(self.scroll));
        if let Some((block, offset)) = anchor {
            self.scroll = layout.line_of(block, offset);
        }
        self.layout = Some(layout);
        if let Matches::Search { query, .. } = &self.matches {
            let query = query.clone();
            self.find(&query);
        }
        if let Some(quote) = self.pending_quote.take() {
            self.reveal_quote(quote);
        }
    }

    /// Brings a quote of the current article into view, now or once its
    /// layout arrives.
    pub fn reveal_quote(&mut self, quote: usize) {
        match &self.layout {
            Some(layout) => {
                if let Some(line) = layout.quote_lines.get(quote).copied().flatten() {
                    self.reveal(line);
                }
            }
            None => self.pending_quote = Some(quote),
        }
    }

    /// Sets the search hits for `query` in the current article.
    pub fn find(&mut self, query: &str) {
        let hits = self
            .layout
            .as_ref()
            .map_or_else(Vec::new, |l| super::search::find(l, query));
        self.matches = Matches::Search {
            query: query.to_owned(),
            hits,
            current: 0,
        };
    }
}

/// The first row to show so that `row` is within `rows` rows of it.
pub fn keep_visible(top: usize, row: usize, rows: usize) -> usize {
    if row < top {
        row
    } else if row >= top + rows {
        row + 1 - rows
    } else {
        top
    }
}
