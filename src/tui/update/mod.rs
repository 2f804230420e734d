//! `update`: the one place the app changes for what the person does, and
//! ([`arrive`]) for what the loader and the layout thread deliver. Moving,
//! `enter` and clicks go to the focused pane's own methods (or the pane
//! under the mouse); what a pane asks of the rest comes back as a [`Go`].
//! What cannot be done says so in the status line.

use std::path::Path;

use crate::library::Origin;

mod arrive;
mod matches;
mod prompt;
mod quotes;

pub use arrive::{laid_out, receive, searched};
pub use quotes::exported;

use matches::{jump, next_article, next_match, pick};
use quotes::{copy, export, star, toggle_read};

use super::action::Action;
use super::app::{App, Matches};
use super::layout::Layout;
use super::panes::articles::Order;
use super::panes::reader::INLINE_LAYOUT_BYTES;
use super::panes::{Go, Pane};
use super::screen::text_column;
use super::state::State;

/// Work for the terminal, which `update` does not touch itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Write these quotes (Markdown) to a new file named after `stem`.
    Export { stem: String, text: String },
    /// Open this file in the person's editor or pager.
    Edit(std::path::PathBuf),
    /// Open this web address with the system's opener (the browser).
    OpenAddress(String),
    /// Give the terminal back and stop until continued.
    Suspend,
}

/// Lines moved by one turn of the mouse wheel.
const WHEEL: isize = 3;

pub fn update(app: &mut App, action: Action) -> Option<Effect> {
    let effect = apply(app, action);
    settle(app);
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
        // all); any other key closes it, `q` and `esc` included.
        let page = usize::from(app.area.height / 2).max(1);
        let last = Action::BINDABLE.len();
        match action {
            Action::Down => *top = (*top + 1).min(last),
            Action::PageDown | Action::HalfPageDown | Action::Bottom => {
                *top = (*top + page).min(last);
            }
            Action::Up => *top = top.saturating_sub(1),
            Action::PageUp | Action::HalfPageUp | Action::Top => *top = top.saturating_sub(page),
            Action::Resize { .. } | Action::QuitNow | Action::Suspend => {}
            _ => app.help = None,
        }
        if !matches!(
            action,
            Action::Resize { .. } | Action::QuitNow | Action::Suspend
        ) {
            return None;
        }
    }
    if app.prompt.is_some() && prompt::handle(app, action) {
        return None;
    }
    match action {
        Action::Quit => {
            // A full-screen pane or a side pane over the reader closes
            // first.
            let overlay = app.screen().is_some_and(|s| s.overlay);
            if app.focus.full_screen() {
                app.focus = app.back_to;
            } else if overlay && app.focus != Pane::Reader {
                app.focus = Pane::Reader;
            } else {
                app.quit = true;
            }
        }
        Action::QuitNow => app.quit = true,
        Action::Suspend => return Some(Effect::Suspend),
        Action::Help => app.help = Some(0),
        Action::FocusNext | Action::FocusPrev if !app.focus.full_screen() => {
            let all = Pane::MAIN;
            let at = all.iter().position(|p| *p == app.focus).unwrap_or(1);
            let step = if action == Action::FocusNext { 1 } else { 2 };
            app.focus = all[(at + step) % all.len()];
        }
        Action::FocusNext | Action::FocusPrev => {}
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
            let focus = app.focus;
            app.with_pane(focus, |pane, ctx| {
                let page = pane.page(ctx.rows).max(1) as isize;
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
                pane.step(ctx, by);
            });
        }
        Action::Open => {
            let focus = app.focus;
            if let Some(go) = app.with_pane(focus, |pane, ctx| pane.open(ctx)) {
                return follow(app, go);
            }
        }
        Action::NextSection | Action::PrevSection => {
            if !app.reader.section(action == Action::NextSection) {
                app.message = Some("no more sections".to_owned());
            }
        }
        Action::NextArticle => next_article(app, 1),
        Action::PrevArticle => next_article(app, -1),
        Action::NextMatch => next_match(app, 1),
        Action::PrevMatch => next_match(app, -1),
        Action::Search => {
            let focus = app.focus;
            prompt::start(app, focus);
        }
        Action::SearchBriefing => prompt::start(app, Pane::Hits),
        Action::ToggleBriefing => {
            let (ctx, panes) = app.parts(Pane::People);
            panes.people.toggle_everyone(&ctx);
            app.focus = Pane::People;
            app.message = Some(
                if app.people.everyone {
                    "people: the whole briefing"
                } else {
                    "people: this article"
                }
                .to_owned(),
            );
        }
        Action::Copy => return copy(app),
        Action::Export => return export(app),
        Action::Edit => {
            let path = app
                .current
                .and_then(|c| app.documents.get(c))
                .and_then(|d| d.origin.path().map(Path::to_path_buf));
            if path.is_none() {
                app.message = Some("this article is no file: O opens its address".to_owned());
            }
            return path.map(Effect::Edit);
        }
        Action::OpenAddress => {
            let address = app
                .current
                .and_then(|c| app.documents.get(c))
                .and_then(|d| {
                    d.url.clone().or_else(|| match &d.origin {
                        Origin::Url(url) => Some(url.clone()),
                        Origin::File(_) => None,
                    })
                });
            if address.is_none() {
                app.message = Some("this article has no web address".to_owned());
            }
            return address.map(Effect::OpenAddress);
        }
        Action::Star => star(app),
        Action::ToggleRead => toggle_read(app),
        Action::ShowProblems => show_full(app, Pane::Problems),
        Action::ShowLinks => show_full(app, Pane::Links),
        Action::Sort => {
            let order = app.articles.order.next();
            app.articles.sort(order, &app.documents);
            app.message = Some(format!("articles {}", order.name()));
            app.state.order = Some(order.key().to_owned());
            app.state_changed = true;
        }
        Action::ShowOverview => {
            let (ctx, panes) = app.parts(Pane::Overview);
            panes.overview.count(&ctx);
            show_full(app, Pane::Overview);
        }
        Action::Back => back(app),
        Action::Resize { width, height } => {
            app.area = ratatui::layout::Rect::new(0, 0, width, height);
        }
        Action::Wheel { column, row, down } => {
            if let Some(pane) = app.screen().and_then(|s| s.pane_at(column, row)) {
                app.with_pane(pane, |pane, ctx| {
                    pane.step(ctx, if down { WHEEL } else { -WHEEL });
                });
            }
        }
        Action::Click { column, row } => return click(app, column, row),
        Action::Type(_) | Action::Erase => {}
    }
    None
}

fn toggle_focus(app: &mut App, pane: Pane) {
    app.focus = if app.focus == pane {
        Pane::Reader
    } else {
        pane
    };
}

/// Does what a pane asked.
fn follow(app: &mut App, go: Go) -> Option<Effect> {
    match go {
        Go::CopyAddress(url) => {
            app.message = Some(format!("copied {}", crate::article::text::sanitize(&url)));
            return Some(Effect::Copy(url));
        }
        Go::Read(index) => {
            follow_read(app, index);
            app.focus = Pane::Reader;
        }
        Go::Pick { who, at } => pick(app, who, at),
        Go::ReadHit { article, nth } => {
            let query = app.hits.query.clone();
            app.focus = Pane::Reader;
            follow_read(app, article);
            settle(app);
            find(app, &query);
            if let Matches::Search { current, hits, .. } = &mut app.matches {
                *current = nth.min(hits.len().saturating_sub(1));
            }
            app.message = Some(format!(
                "\"{}\": hit {} in this article",
                crate::article::text::sanitize(&query),
                nth + 1
            ));
            jump(app);
        }
        Go::PickInBriefing(who) => {
            if !app.people.everyone {
                let (ctx, panes) = app.parts(Pane::People);
                panes.people.toggle_everyone(&ctx);
            }
            app.focus = Pane::Reader;
            pick(app, who, None);
        }
    }
    None
}

/// Opens an article for reading: a person's quotes in this article are
/// matches no more, those across the briefing still are.
fn follow_read(app: &mut App, index: usize) {
    if app.current != Some(index) && !app.people.everyone {
        app.matches = Matches::None;
    }
    show(app, index);
}

/// Puts an article in the reader, where it was left last time (else at
/// the top), and remembers it read and where the last one was left.
fn show(app: &mut App, index: usize) {
    if app.current != Some(index) {
        remember_place(app);
        app.current = Some(index);
        let key = app.keys.get(index).copied();
        app.reader.opened(key.and_then(|key| app.state.of(key).at));
        if matches!(app.matches, Matches::Search { .. }) {
            app.matches = Matches::None;
        }
        app.people.article_changed();
        if let Some(key) = key {
            app.state.change(key, |saved| saved.read = true);
            app.state_changed = true;
        }
    }
    app.articles.reading(index);
}

/// Takes in what was remembered from the last session.
pub fn restore(app: &mut App, state: State) {
    if let Some(order) = state.order.as_deref().and_then(Order::from_key) {
        app.articles.sort(order, &app.documents);
    }
    app.state = state;
}

/// Remembers where the current article was left.
pub fn remember_place(app: &mut App) {
    let (Some(current), Some(place)) = (app.current, app.reader.place()) else {
        return;
    };
    if let Some(&key) = app.keys.get(current) {
        // The top of an article is where it opens anyway.
        let at = Some(place).filter(|&p| p != (0, 0));
        if app.state.of(key).at != at {
            app.state.change(key, |saved| saved.at = at);
            app.state_changed = true;
        }
    }
}

/// Puts a full-screen pane in front, or closes it when it is there.
pub(super) fn show_full(app: &mut App, pane: Pane) {
    if app.focus == pane {
        app.focus = app.back_to;
    } else {
        if !app.focus.full_screen() {
            app.back_to = app.focus;
        }
        app.focus = pane;
    }
}

fn back(app: &mut App) {
    let overlay = app.screen().is_some_and(|s| s.overlay);
    if app.focus.full_screen() {
        app.focus = app.back_to;
    } else if overlay && app.focus != Pane::Reader {
        app.focus = Pane::Reader;
    } else if app.focus == Pane::Articles && app.articles.filter.is_active() {
        app.articles.set_filter("");
    } else if app.focus == Pane::People && app.people.filter.is_active() {
        let (ctx, panes) = app.parts(Pane::People);
        panes.people.set_filter("", &ctx);
    } else if app.focus == Pane::People && app.people.expanded.is_some() {
        app.people.expanded = None;
    } else if app.matches != Matches::None {
        app.matches = Matches::None;
        app.message = Some("matches cleared".to_owned());
    } else {
        app.focus = Pane::Reader;
    }
}

fn click(app: &mut App, column: u16, row: u16) -> Option<Effect> {
    let screen = app.screen()?;
    let pane = screen.pane_at(column, row)?;
    app.focus = pane;
    let inner = screen.inner(pane);
    if row < inner.y || row >= inner.bottom() {
        return None;
    }
    let offset = usize::from(row - inner.y);
    let go = app.with_pane(pane, |pane, ctx| pane.click(ctx, offset))?;
    follow(app, go)
}

/// Sets the search hits for `query` in the current article.
pub(super) fn find(app: &mut App, query: &str) {
    let hits = app
        .reader
        .layout
        .as_ref()
        .map_or_else(Vec::new, |l| super::search::find(l, query));
    app.matches = Matches::Search {
        query: query.to_owned(),
        hits,
        current: 0,
    };
}

/// Puts the current article's new layout in place, and runs the search
/// again on it.
fn install(app: &mut App, layout: Layout) {
    let rows = app.rows(Pane::Reader);
    app.reader.install(layout, rows);
    if let Matches::Search { query, .. } = &app.matches {
        let query = query.clone();
        find(app, &query);
    }
}

/// Makes derived state agree with the rest after any change: the layout
/// for the current article and width (or the wish for it, when the
/// article is long), scroll and list offsets within bounds.
fn settle(app: &mut App) {
    app.reader.keep_only(app.current);
    let width = app
        .screen()
        .map(|s| text_column(s.inner(Pane::Reader), app.reading_width).width);
    app.reader.wanted = None;
    let stale = match (app.current_article(), width) {
        (Some((index, article)), Some(width)) if app.reader.needs_layout(width) => {
            if article.text.len() <= INLINE_LAYOUT_BYTES {
                Some(Ok(Layout::new(index, article, width)))
            } else {
                Some(Err((index, width)))
            }
        }
        _ => None,
    };
    match stale {
        Some(Ok(layout)) => install(app, layout),
        Some(Err(wanted)) => app.reader.wanted = Some(wanted),
        None => {}
    }
    for pane in Pane::ALL {
        app.with_pane(pane, |pane, ctx| pane.settle(ctx));
    }
}
