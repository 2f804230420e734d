//! The reader's state: what the panes share (the articles as they arrive,
//! the briefing's people, the article being read, focus, the prompt and
//! the current matches) and the three panes, each owning its own state
//! (`panes/`). It changes in [`super::update`] only, directly or through
//! the panes' own methods; views read it.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::settings::{Panes, Settings};
use crate::article::Article;
use crate::article::text::sanitize;
use crate::briefing::{Briefing, QuoteRef};
use crate::library::{Document, Origin};

use super::keymap::Keymap;
use super::panes::{Articles, Ctx, Pane, PaneState, People, Reader};
use super::screen::Screen;
use super::search::Hit;
use super::theme::Theme;

/// A layout the reader waits for: the article (by index) at a width.
#[derive(Clone, Debug)]
pub struct LayoutJob {
    pub index: usize,
    pub width: u16,
    pub document: Arc<Document>,
}

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

    /// The articles, in the order they arrived: an article's index here is
    /// its identity in the reader (shared with the thread that lays out
    /// long articles).
    pub documents: Vec<Arc<Document>>,
    /// What could not be read, each with the reason.
    pub failed: Vec<String>,
    pub loading: bool,
    /// How many sources the walk found, once it is done.
    pub walked: Option<usize>,
    /// Sources read so far, and how many of them could not be.
    pub sources_read: usize,
    pub sources_failed: usize,
    /// The web addresses being fetched.
    pub fetching: Vec<Origin>,
    pub briefing: Briefing,
    /// The article in the reader.
    pub current: Option<usize>,
    /// The person has done something: the reader no longer moves to an
    /// earlier article as one arrives.
    pub engaged: bool,
    pub matches: Matches,
    pub prompt: Option<Prompt>,

    pub articles: Articles,
    pub reader: Reader,
    pub people: People,
}

impl App {
    pub fn new(settings: &Settings, no_color: bool) -> App {
        App {
            keymap: Keymap::new(settings.keys.iter().copied()),
            theme: Theme::new(&settings.theme, no_color),
            panes: settings.panes,
            reading_width: settings.reading_width,
            area: Rect::default(),
            focus: Pane::Reader,
            help: None,
            quit: false,
            message: None,
            documents: Vec::new(),
            failed: Vec::new(),
            loading: true,
            walked: None,
            sources_read: 0,
            sources_failed: 0,
            fetching: Vec::new(),
            briefing: Briefing::default(),
            current: None,
            engaged: false,
            matches: Matches::None,
            prompt: None,
            articles: Articles::default(),
            reader: Reader::default(),
            people: People::default(),
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

    /// What a pane reads of the rest, for a pane that only reads.
    pub fn ctx(&self, pane: Pane) -> Ctx<'_> {
        Ctx {
            documents: &self.documents,
            briefing: &self.briefing,
            current: self.current,
            rows: self.rows(pane),
        }
    }

    /// A pane, to read.
    pub fn pane(&self, pane: Pane) -> &dyn PaneState {
        match pane {
            Pane::Articles => &self.articles,
            Pane::Reader => &self.reader,
            Pane::People => &self.people,
        }
    }

    /// The panes, to change, with what they read of the rest (`rows`
    /// being `pane`'s).
    pub fn parts(&mut self, pane: Pane) -> (Ctx<'_>, &mut Articles, &mut Reader, &mut People) {
        let rows = self.rows(pane);
        let ctx = Ctx {
            documents: &self.documents,
            briefing: &self.briefing,
            current: self.current,
            rows,
        };
        (ctx, &mut self.articles, &mut self.reader, &mut self.people)
    }

    /// Runs `f` on a pane, to change it, with what it reads of the rest.
    pub fn with_pane<R>(&mut self, pane: Pane, f: impl FnOnce(&mut dyn PaneState, &Ctx) -> R) -> R {
        let (ctx, articles, reader, people) = self.parts(pane);
        match pane {
            Pane::Articles => f(articles, &ctx),
            Pane::Reader => f(reader, &ctx),
            Pane::People => f(people, &ctx),
        }
    }

    pub fn article(&self, index: usize) -> Option<&Article> {
        Some(&self.documents.get(index)?.article)
    }

    /// The articles there will be when loading is done, as far as is
    /// known: those here, a place for each source not read yet, and one
    /// for each that could not be.
    pub fn expected(&self) -> usize {
        let pending = self
            .walked
            .map_or(0, |found| found.saturating_sub(self.sources_read));
        self.documents.len() + self.sources_failed + pending
    }

    pub fn current_article(&self) -> Option<(usize, &Article)> {
        let index = self.current?;
        Some((index, self.article(index)?))
    }

    /// An article's title as shown, else its file name.
    pub fn title(&self, index: usize) -> String {
        let Some(document) = self.documents.get(index) else {
            return String::new();
        };
        match document.article.title {
            Some(title) => document.article.show(title),
            None => sanitize(&document.origin.name()),
        }
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

    /// The layout to build off the key thread, if the reader waits for one.
    pub fn layout_job(&self) -> Option<LayoutJob> {
        let (index, width) = self.reader.wanted?;
        Some(LayoutJob {
            index,
            width,
            document: Arc::clone(self.documents.get(index)?),
        })
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
