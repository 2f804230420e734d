//! The help overlay: every bindable action with its keys, straight from
//! the keymap, so it lists exactly what the keys do. It scrolls when the
//! terminal is too short to show it all.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use crate::tui::action::Action;
use crate::tui::app::App;

use super::fit;

pub fn render(frame: &mut Frame, area: Rect, app: &App, top: usize) {
    let theme = &app.theme;
    let keys: Vec<(String, &str)> = Action::BINDABLE
        .iter()
        .map(|a| {
            let keys = app
                .keymap
                .describe(*a)
                .unwrap_or_else(|| "(unbound)".to_owned());
            (keys, a.describe())
        })
        .collect();
    let key_width = keys
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let width = (key_width + 50).min(usize::from(area.width.saturating_sub(2))) as u16;
    let height = (keys.len() as u16 + 4).min(area.height.saturating_sub(2));
    let rect = Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    };
    let inner_width = usize::from(width.saturating_sub(4));
    let mut lines = vec![Line::default()];
    for (key, what) in keys {
        let key = fit(&key, key_width);
        lines.push(Line::from(vec![
            Span::styled(format!(" {key:<key_width$}  "), theme.key),
            Span::raw(fit(what, inner_width.saturating_sub(key_width + 2))),
        ]));
    }
    // Scrolled no further than the last line.
    let shown = usize::from(height.saturating_sub(2));
    let top = top.min(lines.len().saturating_sub(shown));
    let footer = if lines.len() > shown {
        " j/k scroll · any other key closes "
    } else {
        " any key closes "
    };
    let block = Block::bordered()
        .border_style(theme.border_focused)
        .title(Line::styled(" Keys ", theme.pane_title))
        .title_bottom(Line::styled(footer, theme.dim));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines).scroll((top as u16, 0)).block(block),
        rect,
    );
}
