//! The reader's state: what the panes share (the articles as they arrive,
//! the briefing's people, the article being read, focus, the prompt and
//! the current matches) and the three panes, each owning its own state
//! (`panes/`). It changes in [`super::update`] only, directly or through
//! the panes' own methods; views read it.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::settings::{Panes, Settings};
use super::state::State;
use crate::article::Article;
use crate::article::text::sanitize;
use crate::briefing::{Briefing, QuoteRef};
use crate::library::{Document, Origin};

use super::keymap::Keymap;
use super::panes::{
    Articles, Ctx, Hits, Links, Overview, Pane, PaneState, People, Problems, Reader,
};
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

/// The query being typed after `/`: what it is for (the pane that had the
/// focus: the reader searches its article, the lists filter their rows),
/// and where the reader was when it began (`esc` goes back there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub query: String,
    pub target: Pane,
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
    /// Where the focus goes back to when a full-screen pane closes.
    pub back_to: Pane,
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
    /// What is remembered between sessions, and whether it changed since
    /// it was last saved.
    pub state: State,
    pub state_changed: bool,
    /// Each article's identity across sessions ([`super::state::key`]), by
    /// index.
    pub keys: Vec<u64>,

    pub articles: Articles,
    pub reader: Reader,
    pub people: People,
    pub problems: Problems,
    pub overview: Overview,
    pub hits: Hits,
    pub links: Links,
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
            back_to: Pane::Reader,
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
            state: State::default(),
            state_changed: false,
            keys: Vec::new(),
            articles: Articles::default(),
            reader: Reader::default(),
            people: People::default(),
            problems: Problems::default(),
            overview: Overview::default(),
            hits: Hits::default(),
            links: Links::default(),
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
            failed: &self.failed,
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
            Pane::Problems => &self.problems,
            Pane::Overview => &self.overview,
            Pane::Hits => &self.hits,
            Pane::Links => &self.links,
        }
    }

    /// The panes, to change, with what they read of the rest (`rows`
    /// being `pane`'s).
    pub fn parts(&mut self, pane: Pane) -> (Ctx<'_>, PanesMut<'_>) {
        let rows = self.rows(pane);
        let ctx = Ctx {
            documents: &self.documents,
            briefing: &self.briefing,
            failed: &self.failed,
            current: self.current,
            rows,
        };
        let panes = PanesMut {
            articles: &mut self.articles,
            reader: &mut self.reader,
            people: &mut self.people,
            problems: &mut self.problems,
            overview: &mut self.overview,
            hits: &mut self.hits,
            links: &mut self.links,
        };
        (ctx, panes)
    }

    /// Runs `f` on a pane, to change it, with what it reads of the rest.
    pub fn with_pane<R>(&mut self, pane: Pane, f: impl FnOnce(&mut dyn PaneState, &Ctx) -> R) -> R {
        let (ctx, panes) = self.parts(pane);
        match pane {
            Pane::Articles => f(panes.articles, &ctx),
            Pane::Reader => f(panes.reader, &ctx),
            Pane::People => f(panes.people, &ctx),
            Pane::Problems => f(panes.problems, &ctx),
            Pane::Overview => f(panes.overview, &ctx),
            Pane::Hits => f(panes.hits, &ctx),
            Pane::Links => f(panes.links, &ctx),
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

    /// The current article's starred quotes, by index.
    pub fn starred_quotes(&self) -> Vec<usize> {
        let Some((index, article)) = self.current_article() else {
            return Vec::new();
        };
        let Some(&key) = self.keys.get(index) else {
            return Vec::new();
        };
        let starred = self.state.of(key).starred;
        article
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| starred.contains(&q.content.start))
            .map(|(i, _)| i)
            .collect()
    }

    /// The briefing search to run, if one is waited for.
    pub fn search_job(&self) -> Option<SearchJob> {
        self.hits.searching.then(|| SearchJob {
            query: self.hits.query.clone(),
            documents: self.documents.clone(),
            rows: self.articles.all.clone(),
        })
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

/// A search of the whole briefing to run off the key thread.
#[derive(Clone, Debug)]
pub struct SearchJob {
    pub query: String,
    pub documents: Vec<Arc<Document>>,
    /// The articles in the list's order.
    pub rows: Vec<usize>,
}

/// Every pane, to change.
pub struct PanesMut<'a> {
    pub articles: &'a mut Articles,
    pub reader: &'a mut Reader,
    pub people: &'a mut People,
    pub problems: &'a mut Problems,
    pub overview: &'a mut Overview,
    pub hits: &'a mut Hits,
    pub links: &'a mut Links,
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
