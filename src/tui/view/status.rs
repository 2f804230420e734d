//! The status line: the focused pane, the position in it, loading
//! progress, the search prompt or the last message, and the main keys as
//! the keymap has them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::tui::action::Action;
use crate::tui::app::{App, Matches};

use super::{count, count_of, fit};

/// The keys worth a reminder, with the word shown for each.
const HINTS: [(Action, &str); 6] = [
    (Action::Help, "help"),
    (Action::FocusNext, "pane"),
    (Action::FocusPeople, "people"),
    (Action::NextMatch, "next"),
    (Action::Search, "search"),
    (Action::Quit, "quit"),
];

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let width = usize::from(area.width);
    let mut left = vec![
        Span::styled(format!(" {} ", app.focus.name()), theme.status_tag),
        Span::styled(format!(" {} ", position(app)), theme.status),
    ];
    if app.loading {
        // Until the walk has found the files, there is nothing to count.
        let text = match app.walked {
            None => " finding files… ".to_string(),
            Some(sources) => format!(
                " indexing {} / {} ",
                count(app.sources_read),
                count(sources)
            ),
        };
        left.push(Span::styled(text, theme.status));
    }
    if let Some(first) = app.fetching.first() {
        let more = match app.fetching.len() {
            1 => String::new(),
            n => format!(" (+{})", n - 1),
        };
        let host = crate::article::text::sanitize(first.host().unwrap_or_default());
        left.push(Span::styled(
            format!(" fetching {host}…{more} "),
            theme.status,
        ));
    }
    let note = if let Some(prompt) = &app.prompt {
        let hits = match &app.matches {
            Matches::Search { hits, .. } if !prompt.query.is_empty() => {
                format!("  ({})", count_of(hits.len(), "hit"))
            }
            _ => String::new(),
        };
        Some(format!(
            "/{}{hits}",
            crate::article::text::sanitize(&prompt.query)
        ))
    } else if let Some(message) = &app.message {
        Some(message.clone())
    } else if !app.failed.is_empty() {
        Some(format!(
            "{} could not be read (! lists them)",
            count_of(app.failed.len(), "file")
        ))
    } else {
        None
    };
    let note = note.map(|n| format!(" {n} ")).unwrap_or_default();
    // As many hints as fit beside the note.
    let mut used: usize = left.iter().map(Span::width).sum::<usize>() + note.width().max(12);
    let mut hints: Vec<Span> = Vec::new();
    for (action, word) in HINTS {
        let Some(key) = app.keymap.keys(action).into_iter().next() else {
            continue;
        };
        let (key, word) = (format!(" {key}"), format!(" {word} "));
        used += key.width() + word.width();
        if used > width {
            break;
        }
        hints.push(Span::styled(key, theme.key.patch(theme.status)));
        hints.push(Span::styled(word, theme.status));
    }
    let taken: usize = left.iter().chain(&hints).map(Span::width).sum();
    let room = width.saturating_sub(taken);
    let note = fit(&note, room);
    let pad = room.saturating_sub(note.width());
    left.push(Span::styled(note, theme.message.patch(theme.status)));
    left.push(Span::styled(" ".repeat(pad), theme.status));
    left.extend(hints);
    frame.render_widget(Paragraph::new(Line::from(left)), area);
}

/// Where the focused pane is: `3/10`.
fn position(app: &App) -> String {
    app.pane(app.focus).position(app)
}
