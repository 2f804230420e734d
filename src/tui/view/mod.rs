//! Drawing the app: each pane where the screen puts it (its own `render`,
//! reading `&App` only), the status line and the help over them, and the
//! pieces the panes draw with. Every piece of article text drawn has been
//! through `Article::show` or `text::sanitize` first.

mod help;
mod status;
#[cfg(test)]
mod tests;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::app::App;
use super::panes::Pane;
use super::screen::{MIN_HEIGHT, MIN_WIDTH, Screen};

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(screen) = Screen::new(area, &app.panes, app.focus) else {
        too_small(frame, area);
        return;
    };
    if let Some((pane, rect)) = screen.full {
        app.pane(pane).render(frame, rect, app);
        status::render(frame, screen.status, app);
        return;
    }
    app.pane(Pane::Reader).render(frame, screen.reader, app);
    for (rect, pane) in [
        (screen.articles, Pane::Articles),
        (screen.people, Pane::People),
    ] {
        if let Some(rect) = rect {
            if screen.overlay {
                frame.render_widget(Clear, rect);
            }
            app.pane(pane).render(frame, rect, app);
        }
    }
    status::render(frame, screen.status, app);
    if let Some(top) = app.help {
        help::render(frame, area, app, top);
    }
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from("Terminal too small"),
        Line::from(format!("(brief needs {MIN_WIDTH}×{MIN_HEIGHT})")),
    ];
    let top = area.height.saturating_sub(2) / 2;
    let rect = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// A pane's frame: its title, and the accent colour when focused.
pub fn pane_block<'a>(app: &App, pane: Pane, title: impl Into<Line<'a>>) -> Block<'a> {
    let focused = app.focus == pane;
    Block::bordered()
        .border_style(if focused {
            app.theme.border_focused
        } else {
            app.theme.border
        })
        .title(title.into().style(if focused {
            app.theme.pane_title
        } else {
            app.theme.dim
        }))
}

/// `text` cut to `width` columns, with an ellipsis when cut.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `n` things, in words: "1 hit", "3 hits", "44,500 quotes".
pub fn count_of(n: usize, thing: &str) -> String {
    if n == 1 {
        format!("1 {thing}")
    } else {
        format!("{} {thing}s", count(n))
    }
}

/// `n` people, in words: "1 person", "3 people".
pub fn people(n: usize) -> String {
    match n {
        1 => "1 person".to_owned(),
        n => format!("{} people", count(n)),
    }
}

/// A count with thousands separators: 44,500.
pub fn count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
