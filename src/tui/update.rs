//! `update`: the one function that changes the app for what the person
//! does. Each action is applied to the focused pane where it is about
//! moving; what cannot be done says so in the status line.

use crate::briefing::QuoteRef;

use super::action::Action;
use super::app::{App, Matches, Prompt};
use super::layout::quote_near;
use super::people::{self, Row};
use super::screen::Pane;

/// Work for the terminal, which `update` does not touch itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Give the terminal back and stop until continued.
    Suspend,
}

const PANES: [Pane; 3] = [Pane::Articles, Pane::Reader, Pane::People];

/// Lines moved by one turn of the mouse wheel.
const WHEEL: isize = 3;

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let effect = apply(app, action);
    app.settle();
    effect
}

fn apply(app: &mut App, action: Action) -> Option<Effect> {
    if !matches!(action, Action::Resize { .. }) {
        app.engaged = true;
    }
    if !matches!(
        action,
        Action::Resize { .. } | Action::Wheel { .. } | Action::Click { .. }
    ) {
        app.message = None;
    }
    if let Some(top) = app.help.as_mut() {
        // Moving keys scroll the help (a short terminal cannot show it
        // all); any other key closes it.
        let page = usize::from(app.area.height / 2).max(1);
        let last = Action::BINDABLE.len();
        match action {
            Action::Down => *top = (*top + 1).min(last),
            Action::PageDown | Action::HalfPageDown | Action::Bottom => {
                *top = (*top + page).min(last);
            }
            Action::Up => *top = top.saturating_sub(1),
            Action::PageUp | Action::HalfPageUp | Action::Top => *top = top.saturating_sub(page),
            Action::Resize { .. } | Action::Quit | Action::Suspend => {}
            _ => app.help = None,
        }
        if !matches!(
            action,
            Action::Resize { .. } | Action::Quit | Action::Suspend
        ) {
            return None;
        }
    }
    if app.prompt.is_some() && prompt(app, action) {
        return None;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Suspend => return Some(Effect::Suspend),
        Action::Help => app.help = Some(0),
        Action::FocusNext | Action::FocusPrev => {
            let at = PANES.iter().position(|p| *p == app.focus).unwrap_or(1);
            let step = if action == Action::FocusNext { 1 } else { 2 };
            app.focus = PANES[(at + step) % PANES.len()];
        }
        Action::FocusArticles => toggle_focus(app, Pane::Articles),
        Action::FocusPeople => toggle_focus(app, Pane::People),
        Action::Up
        | Action::Down
        | Action::Top
        | Action::Bottom
        | Action::PageDown
        | Action::PageUp
        | Action::HalfPageDown
        | Action::HalfPageUp => {
            let page = page(app, app.focus);
            let by = match action {
                Action::Up => -1,
                Action::Down => 1,
                Action::Top => isize::MIN / 2,
                Action::Bottom => isize::MAX / 2,
                Action::PageDown => page,
                Action::PageUp => -page,
                Action::HalfPageDown => (page / 2).max(1),
                _ => -(page / 2).max(1),
            };
            step(app, app.focus, by);
        }
        Action::Open => open(app),
        Action::NextSection | Action::PrevSection => section(app, action == Action::NextSection),
        Action::NextMatch => next_match(app, 1),
        Action::PrevMatch => next_match(app, -1),
        Action::Search => {
            if app.layout.is_some() {
                app.prompt = Some(Prompt {
                    query: String::new(),
                    from: app.scroll,
                });
                app.find("");
            }
        }
        Action::ToggleBriefing => {
            app.everyone = !app.everyone;
            app.person = 0;
            app.people_top = 0;
            app.expanded = None;
            app.rank();
            app.focus = Pane::People;
            app.message = Some(
                if app.everyone {
                    "people: the whole briefing"
                } else {
                    "people: this article"
                }
                .to_owned(),
            );
        }
        Action::Copy => return copy(app),
        Action::Back => back(app),
        Action::Resize { width, height } => {
            app.area = ratatui::layout::Rect::new(0, 0, width, height);
        }
        Action::Wheel { column, row, down } => {
            if let Some(pane) = app.screen().and_then(|s| s.pane_at(column, row)) {
                step(app, pane, if down { WHEEL } else { -WHEEL });
            }
        }
        Action::Click { column, row } => click(app, column, row),
        Action::Type(_) | Action::Erase => {}
    }
    None
}

/// Handles an action while a search is being typed; false when the search
/// is accepted and the action should apply as usual.
fn prompt(app: &mut App, action: Action) -> bool {
    let Some(p) = app.prompt.as_mut() else {
        return false;
    };
    match action {
        Action::Type(c) => p.query.push(c),
        Action::Erase => {
            p.query.pop();
        }
        Action::Back => {
            app.scroll = p.from;
            app.prompt = None;
            app.matches = Matches::None;
            return true;
        }
        Action::Resize { .. } | Action::Quit | Action::Suspend => return false,
        Action::Open => {
            app.prompt = None;
            if let Matches::Search { hits, .. } = &app.matches {
                app.message = Some(format!("{} hits", hits.len()));
            }
            return true;
        }
        _ => {
            app.prompt = None;
            return false;
        }
    }
    let (query, from) = (p.query.clone(), p.from);
    app.find(&query);
    // Incremental: show the first hit at or after where the search began.
    if let (Matches::Search { hits, current, .. }, Some(layout)) = (&mut app.matches, &app.layout) {
        let lines: Vec<usize> = hits
            .iter()
            .map(|h| layout.line_of(h.block, h.range.start))
            .collect();
        *current = lines.iter().position(|&l| l >= from).unwrap_or(0);
        let line = lines.get(*current).copied();
        app.scroll = from;
        if let Some(line) = line {
            app.reveal(line);
        }
    }
    true
}

fn toggle_focus(app: &mut App, pane: Pane) {
    app.focus = if app.focus == pane {
        Pane::Reader
    } else {
        pane
    };
}

/// How far a page moves in a pane, in its own rows.
fn page(app: &App, pane: Pane) -> isize {
    let rows = app.rows(pane);
    let rows = match pane {
        // Two lines per article.
        Pane::Articles => rows / 2,
        // Keep a line of context.
        Pane::Reader => rows.saturating_sub(1),
        Pane::People => rows,
    };
    rows.max(1) as isize
}

fn moved(at: usize, by: isize, len: usize) -> usize {
    at.saturating_add_signed(by).min(len.saturating_sub(1))
}

/// Moves a pane's cursor, or scrolls the reader.
fn step(app: &mut App, pane: Pane, by: isize) {
    match pane {
        Pane::Articles => {
            if let Some(row) = app.cursor_row().or((!app.loaded.is_empty()).then_some(0)) {
                app.cursor = Some(app.loaded[moved(row, by, app.loaded.len())]);
            }
        }
        Pane::Reader => app.scroll = app.scroll.saturating_add_signed(by),
        Pane::People => app.person = moved(app.person, by, people::rows(app).len()),
    }
}

fn open(app: &mut App) {
    match app.focus {
        Pane::Articles => {
            if let Some(index) = app.cursor {
                if app.current != Some(index) && !app.everyone {
                    app.matches = Matches::None;
                }
                app.show(index);
                app.focus = Pane::Reader;
            }
        }
        Pane::Reader => {}
        Pane::People => match people::rows(app).get(app.person).copied() {
            Some(Row::Person(who)) => {
                if app.expanded == Some(who) {
                    app.expanded = None;
                } else {
                    app.expanded = Some(who);
                    pick(app, who, None);
                }
            }
            Some(Row::Quote(who, r)) => pick(app, who, Some(r)),
            None => {}
        },
    }
}

/// Makes a person's quotes the matches and jumps to `at` (else the first).
fn pick(app: &mut App, who: usize, at: Option<QuoteRef>) {
    let refs = people::quotes_of(app, who);
    let name = people::name(app, who);
    if refs.is_empty() {
        app.message = Some(format!("{name} is not quoted"));
        return;
    }
    let current = at
        .and_then(|r| refs.iter().position(|x| *x == r))
        .unwrap_or(0);
    app.message = Some(format!("{name}: quote {} of {}", current + 1, refs.len()));
    app.matches = Matches::Quotes {
        who: name,
        refs,
        current,
    };
    jump(app);
}

/// Shows the current match.
fn jump(app: &mut App) {
    match &app.matches {
        Matches::Quotes { refs, current, .. } => {
            let Some(r) = refs.get(*current).copied() else {
                return;
            };
            app.show(r.article());
            app.settle();
            app.reveal_quote(r.quote());
        }
        Matches::Search { hits, current, .. } => {
            let line = app
                .layout
                .as_ref()
                .zip(hits.get(*current))
                .map(|(l, h)| l.line_of(h.block, h.range.start));
            if let Some(line) = line {
                app.reveal(line);
            }
        }
        Matches::None => {}
    }
}

fn next_match(app: &mut App, by: isize) {
    let (len, current) = match &mut app.matches {
        Matches::Quotes { refs, current, .. } => (refs.len(), current),
        Matches::Search { hits, current, .. } => (hits.len(), current),
        Matches::None => {
            app.message = Some("no matches: pick a person (p, enter) or search (/)".to_owned());
            return;
        }
    };
    if len == 0 {
        app.message = Some("no matches".to_owned());
        return;
    }
    *current = (*current as isize + by).rem_euclid(len as isize) as usize;
    let at = *current + 1;
    let label = match &app.matches {
        Matches::Quotes { who, .. } => who.clone(),
        _ => "match".to_owned(),
    };
    app.message = Some(format!("{label}: {at} of {len}"));
    jump(app);
}

fn section(app: &mut App, forward: bool) {
    let Some(layout) = &app.layout else { return };
    let target = if forward {
        layout.headings.iter().copied().find(|&l| l > app.scroll)
    } else {
        let before = layout.headings.iter().copied().rfind(|&l| l < app.scroll);
        Some(before.unwrap_or(0))
    };
    match target {
        Some(line) => app.scroll = line,
        None => app.message = Some("no more sections".to_owned()),
    }
}

fn copy(app: &mut App) -> Option<Effect> {
    let (index, article) = app.current_article()?;
    let layout = app.layout.as_ref()?;
    let q = app
        .marked_quote()
        .or_else(|| quote_near(layout, &article.quotes, app.scroll))?;
    let quote = article.quotes.get(q)?;
    let speaker = crate::article::text::sanitize(
        &article
            .speaker_name(quote)
            .unwrap_or_else(|| "unattributed".to_owned()),
    );
    let text = format!(
        "“{}” — {speaker}, {}",
        article.show(quote.content),
        app.title(index)
    );
    app.message = Some(format!("copied a quote by {speaker}"));
    Some(Effect::Copy(text))
}

fn back(app: &mut App) {
    let overlay = app.screen().is_some_and(|s| s.overlay);
    if overlay && app.focus != Pane::Reader {
        app.focus = Pane::Reader;
    } else if app.expanded.is_some() && app.focus == Pane::People {
        app.expanded = None;
    } else if app.matches != Matches::None {
        app.matches = Matches::None;
        app.message = Some("matches cleared".to_owned());
    } else {
        app.focus = Pane::Reader;
    }
}

fn click(app: &mut App, column: u16, row: u16) {
    let Some(screen) = app.screen() else { return };
    let Some(pane) = screen.pane_at(column, row) else {
        return;
    };
    app.focus = pane;
    let inner = screen.inner(pane);
    if row < inner.y || row >= inner.bottom() {
        return;
    }
    let offset = usize::from(row - inner.y);
    match pane {
        Pane::Articles => {
            if let Some(&index) = app.loaded.get(app.list_top + offset / 2) {
                app.cursor = Some(index);
                open(app);
            }
        }
        Pane::People => {
            let at = app.people_top + offset;
            if at < people::rows(app).len() {
                app.person = at;
            }
        }
        Pane::Reader => {}
    }
}
