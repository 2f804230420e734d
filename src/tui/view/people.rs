//! The people pane: the current article's people, or everyone in the
//! briefing, with their number of quotes; an expanded person lists their
//! quotes by their first words.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::article::QuoteKind;
use crate::tui::app::{App, Matches};
use crate::tui::people::{self, Row};
use crate::tui::screen::Pane;

use super::{count, fit, pane_block};

pub fn render(frame: &mut Frame, area: Rect, app: &App) {
    let rows = people::rows(app);
    let title = if app.everyone {
        format!(" People · briefing ({}) ", count(app.ranked.len()))
    } else {
        " People · this article ".to_owned()
    };
    let block = pane_block(app, Pane::People, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let theme = &app.theme;
    let current = match &app.matches {
        Matches::Quotes { refs, current, .. } => refs.get(*current).copied(),
        _ => None,
    };
    let mut lines: Vec<Line> = Vec::new();
    for (at, row) in rows
        .iter()
        .enumerate()
        .skip(app.people_top)
        .take(inner.height.into())
    {
        let mut line = match *row {
            Row::Person(who) => person(app, who, width),
            Row::Quote(_, r) => {
                let quote = app
                    .article(r.article())
                    .and_then(|a| Some((a, a.quotes.get(r.quote())?)));
                let (text, style) = match quote {
                    Some((a, q)) if q.kind == QuoteKind::Direct => {
                        (format!("“{}", a.show(q.content)), theme.quote)
                    }
                    Some((a, q)) => (a.show(q.content), theme.indirect),
                    None => (String::new(), theme.dim),
                };
                let style = if Some(r.article()) == app.current {
                    style
                } else {
                    theme.dim
                };
                let mark = if Some(r) == current { "  ▌" } else { "   " };
                Line::from(vec![
                    Span::styled(mark, theme.gutter),
                    Span::styled(fit(&text, width.saturating_sub(3)), style),
                ])
            }
        };
        if at == app.person {
            let cursor = if app.focus == Pane::People {
                theme.selected
            } else {
                theme.title
            };
            let used = line.width();
            line.spans
                .push(Span::raw(" ".repeat(width.saturating_sub(used))));
            line = line.patch_style(cursor);
        }
        lines.push(line);
    }
    if lines.is_empty() {
        let text = if app.everyone {
            "nobody quoted yet"
        } else {
            "no people named"
        };
        lines.push(Line::styled(format!(" {text}"), theme.dim));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// `▸ Name · role      3`: the count of quotes right-aligned.
fn person(app: &App, who: usize, width: usize) -> Line<'static> {
    let theme = &app.theme;
    let (role, quotes) = if app.everyone {
        let s = app.briefing.speakers.get(who);
        (
            s.and_then(|s| s.role.clone()),
            s.map_or(0, |s| s.quotes.len()),
        )
    } else {
        let article = app.current_article().map(|(_, a)| a);
        (
            article
                .and_then(|a| a.people.get(who))
                .and_then(|p| p.role.clone()),
            article.map_or(0, |a| a.quote_counts().get(who).copied().unwrap_or(0)),
        )
    };
    let mark = if app.expanded == Some(who) {
        "▾ "
    } else {
        "▸ "
    };
    let number = format!(" {quotes}");
    let room = width.saturating_sub(mark.width() + number.width());
    let name = fit(&people::name(app, who), room);
    let name_style = if app.everyone {
        theme.title
    } else {
        theme.speaker(who).patch(theme.title)
    };
    let mut spans = vec![
        Span::styled(mark, theme.gutter),
        Span::styled(name.clone(), name_style),
    ];
    let left = room.saturating_sub(name.width());
    if let Some(role) = role.filter(|_| left > 4) {
        let role = fit(
            &format!(" · {}", crate::article::text::sanitize(&role)),
            left,
        );
        spans.push(Span::styled(role, theme.dim));
    }
    let used: usize = spans.iter().map(|s| s.width()).sum();
    spans.push(Span::raw(
        " ".repeat(width.saturating_sub(used + number.width())),
    ));
    spans.push(Span::styled(
        number,
        if quotes > 0 { theme.key } else { theme.dim },
    ));
    Line::from(spans)
}
