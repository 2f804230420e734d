//! Everything a person can do in the reader, named. Keys and the mouse are
//! turned into an [`Action`]; `config.toml` binds key strings to the
//! bindable ones by their snake_case names ([`Action::name`]);
//! [`super::update`] applies them.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// Back one level (help, an overlay, a prompt), or quit from the main
    /// view.
    Quit,
    /// Quit from anywhere.
    QuitNow,
    Suspend,
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
    NextArticle,
    PrevArticle,
    Open,
    NextSection,
    PrevSection,
    NextMatch,
    PrevMatch,
    Search,
    SearchBriefing,
    ToggleBriefing,
    Copy,
    Export,
    Edit,
    OpenAddress,
    Star,
    ToggleRead,
    Back,
    ShowProblems,
    ShowOverview,
    ShowLinks,
    Sort,
    /// The terminal's new size.
    Resize {
        width: u16,
        height: u16,
    },
    /// A mouse wheel turn over a cell.
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    Click {
        column: u16,
        row: u16,
    },
    /// A character typed into the search prompt.
    Type(char),
    /// Backspace in the search prompt.
    Erase,
}

impl Action {
    /// The actions a key can be bound to, in the order help lists them.
    pub const BINDABLE: [Action; 37] = [
        Action::Help,
        Action::Quit,
        Action::QuitNow,
        Action::Suspend,
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
        Action::NextArticle,
        Action::PrevArticle,
        Action::Open,
        Action::NextSection,
        Action::PrevSection,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Search,
        Action::SearchBriefing,
        Action::ToggleBriefing,
        Action::Copy,
        Action::Export,
        Action::Edit,
        Action::OpenAddress,
        Action::Star,
        Action::ToggleRead,
        Action::Back,
        Action::ShowProblems,
        Action::ShowOverview,
        Action::ShowLinks,
        Action::Sort,
    ];

    /// The action's name in `config.toml` (`page_down`).
    pub const fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::QuitNow => "quit_now",
            Action::Suspend => "suspend",
            Action::Help => "help",
            Action::FocusNext => "focus_next",
            Action::FocusPrev => "focus_prev",
            Action::FocusArticles => "focus_articles",
            Action::FocusPeople => "focus_people",
            Action::Up => "up",
            Action::Down => "down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::NextArticle => "next_article",
            Action::PrevArticle => "prev_article",
            Action::Open => "open",
            Action::NextSection => "next_section",
            Action::PrevSection => "prev_section",
            Action::NextMatch => "next_match",
            Action::PrevMatch => "prev_match",
            Action::Search => "search",
            Action::SearchBriefing => "search_briefing",
            Action::ToggleBriefing => "toggle_briefing",
            Action::Copy => "copy",
            Action::Export => "export",
            Action::Edit => "edit",
            Action::OpenAddress => "open_address",
            Action::Star => "star",
            Action::ToggleRead => "toggle_read",
            Action::Back => "back",
            Action::ShowProblems => "show_problems",
            Action::ShowOverview => "show_overview",
            Action::ShowLinks => "show_links",
            Action::Sort => "sort",
            Action::Resize { .. } => "resize",
            Action::Wheel { .. } => "wheel",
            Action::Click { .. } => "click",
            Action::Type(_) => "type",
            Action::Erase => "erase",
        }
    }

    /// What the action does, for the help overlay.
    pub const fn describe(self) -> &'static str {
        match self {
            Action::Quit => "back (help, overlay, prompt), or quit",
            Action::QuitNow => "quit from anywhere",
            Action::Suspend => "suspend (fg in the shell comes back)",
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
            Action::NextArticle => "open the next article",
            Action::PrevArticle => "open the previous article",
            Action::Open => "open article / jump to a person's quotes",
            Action::NextSection => "next section",
            Action::PrevSection => "previous section",
            Action::NextMatch => "next quote of the person, or search hit",
            Action::PrevMatch => "previous quote of the person, or hit",
            Action::Search => "search the article, filter the list or the people",
            Action::SearchBriefing => "search every article of the briefing",
            Action::ToggleBriefing => "people of this article / whole briefing",
            Action::Copy => "copy the current quote (OSC 52)",
            Action::Export => "export the person's quotes, or the starred ones, as Markdown",
            Action::Edit => "open the article's file in $VISUAL, $EDITOR or $PAGER",
            Action::OpenAddress => "open the article's web address in the browser",
            Action::Star => "star the current quote, or unstar it",
            Action::ToggleRead => "mark the article under the cursor read or unread",
            Action::Back => "close, cancel, clear the matches",
            Action::ShowProblems => "list what could not be read, and why",
            Action::ShowOverview => "the briefing at a glance",
            Action::ShowLinks => "the article's links and where they go",
            Action::Sort => "sort the articles: by source, newest, most quoted",
            Action::Resize { .. }
            | Action::Wheel { .. }
            | Action::Click { .. }
            | Action::Type(_)
            | Action::Erase => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Action;

    #[test]
    fn bindable_actions_have_distinct_snake_case_names() {
        let mut names: Vec<&str> = Action::BINDABLE.iter().map(|a| a.name()).collect();
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
        );
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::BINDABLE.len());
    }
}
