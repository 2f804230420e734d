//! The reader's panes, each a type of its own in its own file: its state,
//! its rows, what moving, `enter` and a click do in it, and how it is
//! drawn. [`super::update`] calls these methods for the focused pane (or
//! the one under the mouse) through [`super::App::with_pane`], the one
//! place that names every pane; what a pane asks of the rest of the
//! reader comes back as a [`Go`].
//!
//! A new pane is a file here, a variant of [`Pane`] and an arm in
//! `with_pane` and `pane`, and a place on the screen (`screen.rs`; a
//! full-screen pane needs none).

pub mod articles;
pub mod hits;
pub mod links;
pub mod list;
pub mod overview;
pub mod people;
pub mod problems;
pub mod reader;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::briefing::{Briefing, QuoteRef};

use std::sync::Arc;

use crate::library::Document;

use super::app::App;

pub use articles::Articles;
pub use hits::Hits;
pub use links::Links;
pub use overview::Overview;
pub use people::People;
pub use problems::Problems;
pub use reader::Reader;

/// Which pane: what has the focus, what is under the mouse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Pane {
    Articles,
    #[default]
    Reader,
    People,
    /// What could not be read, with the reasons (full screen).
    Problems,
    /// The briefing at a glance (full screen).
    Overview,
    /// Search hits across the briefing (full screen).
    Hits,
    /// The article's links and where they go (full screen).
    Links,
}

impl Pane {
    /// The three panes of the main view, in tab's order.
    pub const MAIN: [Pane; 3] = [Pane::Articles, Pane::Reader, Pane::People];

    pub const fn name(self) -> &'static str {
        match self {
            Pane::Articles => "ARTICLES",
            Pane::Reader => "READER",
            Pane::People => "PEOPLE",
            Pane::Problems => "PROBLEMS",
            Pane::Overview => "OVERVIEW",
            Pane::Hits => "HITS",
            Pane::Links => "LINKS",
        }
    }

    /// Shown over the whole screen, in front of the main view, while it
    /// has the focus.
    pub const fn full_screen(self) -> bool {
        matches!(
            self,
            Pane::Problems | Pane::Overview | Pane::Hits | Pane::Links
        )
    }

    /// Every pane.
    pub const ALL: [Pane; 7] = [
        Pane::Articles,
        Pane::Reader,
        Pane::People,
        Pane::Problems,
        Pane::Overview,
        Pane::Hits,
        Pane::Links,
    ];
}

/// What a pane reads of the rest of the reader while it changes.
pub struct Ctx<'a> {
    pub documents: &'a [Arc<Document>],
    pub briefing: &'a Briefing,
    /// What could not be read, each with the reason.
    pub failed: &'a [String],
    /// The article in the reader.
    pub current: Option<usize>,
    /// Rows of the pane's inside (at least one).
    pub rows: usize,
}

impl Ctx<'_> {
    pub fn article(&self, index: usize) -> Option<&crate::article::Article> {
        Some(&self.documents.get(index)?.article)
    }
}

/// What a pane asks of the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Go {
    /// Put this article in the reader and read it.
    Read(usize),
    /// Make a person's quotes the matches and jump to one (else the
    /// first).
    Pick { who: usize, at: Option<QuoteRef> },
    /// The same across the whole briefing: `who` a briefing speaker.
    PickInBriefing(usize),
    /// Read an article at the `nth` hit of the search in it.
    ReadHit { article: usize, nth: usize },
    /// Put a web address on the clipboard.
    CopyAddress(String),
}

/// What every pane does.
pub trait PaneState {
    /// Moves the cursor, or scrolls, by `by` rows (clamped).
    fn step(&mut self, ctx: &Ctx, by: isize);

    /// How many rows a page moves, for a pane `rows` rows high.
    fn page(&self, rows: usize) -> usize {
        rows
    }

    /// Makes the pane's own state agree with the rest after a change:
    /// cursor on a row, scroll within bounds, the cursor in view.
    fn settle(&mut self, ctx: &Ctx);

    /// `enter`.
    fn open(&mut self, ctx: &Ctx) -> Option<Go>;

    /// A left click on row `row` of the pane's inside.
    fn click(&mut self, ctx: &Ctx, row: usize) -> Option<Go>;

    /// Where the pane is, for the status line: `3/10`.
    fn position(&self, app: &App) -> String;

    fn render(&self, frame: &mut Frame, area: Rect, app: &App);
}
