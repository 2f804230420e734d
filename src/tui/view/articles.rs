//! The articles pane: each article in two lines, its title, then author,
//! date and number of quotes, dimmed. The article in the reader is marked,
//! the cursor highlighted, and articles already read are dimmed.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::tui::app::App;
use crate::tui::screen::Pane;

use super::{count, fit, pane_block};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let total = app.entries.len();
    let title = format!(" Articles {}/{} ", count(app.loaded.len()), count(total));
    let block = pane_block(app, Pane::Articles, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let theme = &app.theme;
    let mut lines = Vec::new();
    let shown = usize::from(inner.height / 2);
    for &index in app.loaded.iter().skip(app.list_top).take(shown) {
        let Some(article) = app.article(index) else {
            continue;
        };
        let current = app.current == Some(index);
        let mark = if current { "▶ " } else { "  " };
        let mut title_style = if current {
            theme.title
        } else if app.read.get(index).copied().unwrap_or(false) {
            theme.dim
        } else {
            Style::new()
        };
        let mut meta_style = theme.dim;
        if app.cursor == Some(index) {
            let cursor = if app.focus == Pane::Articles {
                theme.selected
            } else {
                theme.title
            };
            title_style = title_style.patch(cursor);
            meta_style = meta_style.patch(cursor);
        }
        let mut meta: Vec<String> = article
            .authors
            .first()
            .map(|a| article.show(*a))
            .into_iter()
            .collect();
        if let Some(date) = &article.published {
            meta.push(crate::article::text::sanitize(
                date.split('T').next().unwrap_or(date),
            ));
        }
        let quotes = article.quotes.len();
        meta.push(format!(
            "{quotes} quote{}",
            if quotes == 1 { "" } else { "s" }
        ));
        let pad = |s: String| format!("{s:<w$}", w = width.saturating_sub(2));
        lines.push(Line::from(vec![
            Span::styled(mark, theme.gutter),
            Span::styled(
                pad(fit(&app.title(index), width.saturating_sub(2))),
                title_style,
            ),
        ]));
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(
                pad(fit(&meta.join(" · "), width.saturating_sub(2))),
                meta_style,
            ),
        ]));
    }
    if lines.is_empty() {
        let text = if app.loading {
            "loading…"
        } else {
            "no articles"
        };
        lines.push(Line::styled(format!("  {text}"), theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
