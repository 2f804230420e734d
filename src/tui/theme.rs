//! Every style the reader draws with, in one place, built from the
//! configured colours. With `NO_COLOR` the colours go and the modifiers
//! (bold, italic, underline, reverse) stay, so every mark is still visible.

use ratatui::style::{Color, Modifier, Style};

use super::settings::Colors;

#[derive(Clone, Debug)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub pane_title: Style,
    pub dim: Style,
    pub selected: Style,
    pub kicker: Style,
    pub title: Style,
    pub byline: Style,
    pub lead: Style,
    pub heading: Style,
    /// Reported speech: marked more quietly than direct quotes.
    pub indirect: Style,
    /// A direct quote nobody is named for.
    pub quote: Style,
    pub current_quote: Style,
    pub gutter: Style,
    pub hit: Style,
    pub current_hit: Style,
    pub status: Style,
    pub status_tag: Style,
    pub key: Style,
    pub message: Style,
    /// Code and links in a Markdown article.
    pub code: Style,
    pub link: Style,
    speakers: Vec<Style>,
}

impl Theme {
    pub fn new(colors: &Colors, no_color: bool) -> Theme {
        let fg = |c: Color| {
            if no_color {
                Style::new()
            } else {
                Style::new().fg(c)
            }
        };
        let bold = Modifier::BOLD;
        let search = if no_color {
            Style::new().add_modifier(Modifier::UNDERLINED)
        } else {
            Style::new().fg(Color::Black).bg(colors.search)
        };
        let speakers = colors.speakers.iter().map(|c| fg(*c)).collect();
        Theme {
            border: fg(colors.dim),
            border_focused: fg(colors.accent),
            pane_title: fg(colors.accent).add_modifier(bold),
            dim: fg(colors.dim).add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            kicker: fg(colors.accent).add_modifier(bold),
            title: Style::new().add_modifier(bold),
            byline: fg(colors.dim).add_modifier(Modifier::ITALIC),
            lead: Style::new().add_modifier(bold),
            heading: fg(colors.heading).add_modifier(bold | Modifier::UNDERLINED),
            indirect: fg(colors.indirect).add_modifier(Modifier::ITALIC),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            current_quote: Style::new().add_modifier(Modifier::UNDERLINED | bold),
            gutter: fg(colors.accent).add_modifier(bold),
            hit: search,
            current_hit: search.add_modifier(Modifier::REVERSED | bold),
            status: Style::new().add_modifier(Modifier::REVERSED),
            status_tag: fg(colors.accent).add_modifier(bold | Modifier::REVERSED),
            key: fg(colors.accent).add_modifier(bold),
            message: Style::new().add_modifier(bold),
            code: fg(colors.heading),
            link: fg(colors.accent).add_modifier(Modifier::UNDERLINED),
            speakers,
        }
    }

    /// The colour of a speaker's direct quotes, by person (or briefing
    /// speaker) number.
    pub fn speaker(&self, id: usize) -> Style {
        match self.speakers.len() {
            0 => self.quote,
            n => self.speakers[id % n],
        }
    }
}
