//! Everything a person can do in the reader, named. Keys and the mouse are
//! turned into an [`Action`]; `config.toml` binds key strings to the
//! bindable ones by their snake_case names; [`super::update`] applies them.

use serde::Deserialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    FocusArticles,
    FocusPeople,
    Up,
    Down,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Open,
    NextSection,
    PrevSection,
    NextMatch,
    PrevMatch,
    Search,
    ToggleBriefing,
    Copy,
    Back,
    /// The terminal's new size.
    #[serde(skip)]
    Resize {
        width: u16,
        height: u16,
    },
    /// A mouse wheel turn over a cell.
    #[serde(skip)]
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    #[serde(skip)]
    Click {
        column: u16,
        row: u16,
    },
    /// A character typed into the search prompt.
    #[serde(skip)]
    Type(char),
    /// Backspace in the search prompt.
    #[serde(skip)]
    Erase,
}

impl Action {
    /// The actions a key can be bound to, in the order help lists them.
    pub const BINDABLE: [Action; 23] = [
        Action::Help,
        Action::Quit,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusArticles,
        Action::FocusPeople,
        Action::Down,
        Action::Up,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::Open,
        Action::NextSection,
        Action::PrevSection,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Search,
        Action::ToggleBriefing,
        Action::Copy,
        Action::Back,
    ];

    /// What the action does, for the help overlay.
    pub const fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "show or hide this help",
            Action::FocusNext => "focus the next pane",
            Action::FocusPrev => "focus the previous pane",
            Action::FocusArticles => "show / focus the articles",
            Action::FocusPeople => "show / focus the people",
            Action::Up => "move up / scroll up",
            Action::Down => "move down / scroll down",
            Action::Top => "go to the top",
            Action::Bottom => "go to the bottom",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::HalfPageDown => "half a page down",
            Action::HalfPageUp => "half a page up",
            Action::Open => "open article / jump to a person's quotes",
            Action::NextSection => "next section",
            Action::PrevSection => "previous section",
            Action::NextMatch => "next quote of the person, or search hit",
            Action::PrevMatch => "previous quote of the person, or hit",
            Action::Search => "search the article",
            Action::ToggleBriefing => "people of this article / whole briefing",
            Action::Copy => "copy the current quote (OSC 52)",
            Action::Back => "close, cancel, clear the matches",
            Action::Resize { .. }
            | Action::Wheel { .. }
            | Action::Click { .. }
            | Action::Type(_)
            | Action::Erase => "",
        }
    }
}
