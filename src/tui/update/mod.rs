//! `update`: the one place the app changes for what the person does, and
//! ([`arrive`]) for what the loader and the layout thread deliver. Moving,
//! `enter` and clicks go to the focused pane's own methods (or the pane
//! under the mouse); what a pane asks of the rest comes back as a [`Go`].
//! What cannot be done says so in the status line.

mod arrive;
mod prompt;

pub use arrive::{laid_out, receive, searched};

use crate::briefing::QuoteRef;

use super::action::Action;
use super::app::{App, Matches};
use super::layout::Layout;
use super::panes::articles::Order;
use super::panes::reader::INLINE_LAYOUT_BYTES;
use super::panes::{Go, Pane};
use super::screen::text_column;
use super::state::State;
use crate::article::QuoteKind;
use crate::cite;

/// Work for the terminal, which `update` does not touch itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Write these quotes (Markdown) to a new file named after `stem`.
    Export { stem: String, text: String },
    /// Open this file in the person's editor or pager.
    Edit(std::path::PathBuf),
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
                follow(app, go);
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
                .map(|d| d.origin.path().to_path_buf());
            return path.map(Effect::Edit);
        }
        Action::Star => star(app),
        Action::ToggleRead => toggle_read(app),
        Action::ShowProblems => show_full(app, Pane::Problems),
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
        Action::Click { column, row } => click(app, column, row),
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
fn follow(app: &mut App, go: Go) {
    match go {
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

/// Makes a person's quotes the matches and jumps to `at` (else the first).
fn pick(app: &mut App, who: usize, at: Option<QuoteRef>) {
    let ctx = app.ctx(Pane::People);
    let refs = app.people.quotes_of(&ctx, who);
    let name = app.people.name(&ctx, who);
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
    // Over a narrow reader the people pane would hide the quote.
    if app.screen().is_some_and(|s| s.overlay) {
        app.focus = Pane::Reader;
    }
}

/// Shows the current match.
fn jump(app: &mut App) {
    let rows = app.rows(Pane::Reader);
    match &app.matches {
        Matches::Quotes { refs, current, .. } => {
            let Some(r) = refs.get(*current).copied() else {
                return;
            };
            show(app, r.article());
            settle(app);
            app.reader.reveal_quote(r.quote(), rows);
        }
        Matches::Search { hits, current, .. } => {
            let line = app
                .reader
                .layout
                .as_ref()
                .zip(hits.get(*current))
                .map(|(l, h)| l.line_of(h.block, h.range.start));
            if let Some(line) = line {
                app.reader.reveal(line, rows);
            }
        }
        Matches::None => {}
    }
}

/// Opens the article `by` rows from the current one in the list, from
/// any pane.
fn next_article(app: &mut App, by: isize) {
    let rows = &app.articles.rows;
    let Some(row) = app.current.and_then(|c| rows.iter().position(|&r| r == c)) else {
        if let Some(&first) = rows.first() {
            follow_read(app, first);
        }
        return;
    };
    match row
        .checked_add_signed(by)
        .and_then(|r| rows.get(r))
        .copied()
    {
        Some(index) => follow_read(app, index),
        None => {
            app.message = Some(
                if by > 0 {
                    "the last article"
                } else {
                    "the first article"
                }
                .to_owned(),
            );
        }
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

/// The quote `y` and `s` act on: the current match's (a person's quote
/// jumped to), never one guessed from the screen.
fn current_quote(app: &mut App, doing: &str) -> Option<(usize, usize)> {
    let found = app.current.zip(app.marked_quote());
    if found.is_none() {
        app.message = Some(format!(
            "no current quote to {doing}: pick a person (p, enter), then a quote (n)"
        ));
    }
    found
}

/// The quote as it is cited: a direct quote in quotation marks, reported
/// speech as a paraphrase without them.
fn copy(app: &mut App) -> Option<Effect> {
    let (index, q) = current_quote(app, "copy")?;
    let article = app.article(index)?;
    let quote = article.quotes.get(q)?;
    let speaker = crate::article::text::sanitize(
        &article
            .speaker_name(quote)
            .unwrap_or_else(|| "unattributed".to_owned()),
    );
    let title = app.title(index);
    let words = article.show(quote.content);
    let text = match quote.kind {
        QuoteKind::Direct => format!("“{words}” — {speaker}, {title}"),
        QuoteKind::Indirect => format!("{speaker} said that {words} (paraphrase) — {title}"),
    };
    app.message = Some(match quote.kind {
        QuoteKind::Direct => format!("copied a quote by {speaker}"),
        QuoteKind::Indirect => format!("copied a paraphrase of {speaker}"),
    });
    Some(Effect::Copy(text))
}

/// The current person's quotes, else the starred ones, as Markdown for a
/// file.
fn export(app: &mut App) -> Option<Effect> {
    let cited = |index: usize, q: usize| {
        let document = app.documents.get(index)?;
        Some(cite::Cited {
            article: &document.article,
            quote: document.article.quotes.get(q)?,
            origin: document.origin.to_string(),
        })
    };
    let (stem, speakers) = match &app.matches {
        Matches::Quotes { who, refs, .. } => {
            let quotes: Vec<cite::Cited> = refs
                .iter()
                .filter_map(|r| cited(r.article(), r.quote()))
                .collect();
            let role = quotes.first().and_then(|c| {
                let person = c.article.people.get(c.quote.speaker?)?;
                person.role.clone()
            });
            let speaker = cite::Speaker {
                name: Some(who.clone()),
                role,
                quotes,
            };
            (who.clone(), vec![speaker])
        }
        _ => ("starred".to_owned(), starred(app, cited)),
    };
    if speakers.iter().all(|s| s.quotes.is_empty()) {
        app.message =
            Some("nothing to export: pick a person (p, enter) or star quotes (s)".to_owned());
        return None;
    }
    let text = cite::markdown(&speakers);
    Some(Effect::Export { stem, text })
}

/// Every starred quote of the briefing, by speaker in the order first met.
fn starred<'a>(
    app: &'a App,
    cited: impl Fn(usize, usize) -> Option<cite::Cited<'a>>,
) -> Vec<cite::Speaker<'a>> {
    let mut speakers: Vec<cite::Speaker> = Vec::new();
    for &index in &app.articles.all {
        let (Some(document), Some(&key)) = (app.documents.get(index), app.keys.get(index)) else {
            continue;
        };
        let stars = app.state.of(key).starred;
        for (q, quote) in document.article.quotes.iter().enumerate() {
            if !stars.contains(&quote.content.start) {
                continue;
            }
            let Some(cited) = cited(index, q) else {
                continue;
            };
            let name = document.article.speaker_name(quote);
            match speakers.iter_mut().find(|s| s.name == name) {
                Some(speaker) => speaker.quotes.push(cited),
                None => speakers.push(cite::Speaker {
                    role: quote
                        .speaker
                        .and_then(|p| document.article.people.get(p))
                        .and_then(|p| p.role.clone()),
                    name,
                    quotes: vec![cited],
                }),
            }
        }
    }
    speakers
}

/// Says where an export went, or why it could not be written.
pub fn exported(app: &mut App, result: std::io::Result<std::path::PathBuf>) {
    app.message = Some(match result {
        Ok(path) => format!(
            "exported to {}",
            crate::article::text::sanitize(&path.display().to_string())
        ),
        Err(e) => format!("the export could not be written: {e}"),
    });
}

/// Stars the current quote, or unstars it.
fn star(app: &mut App) {
    let Some((index, q)) = current_quote(app, "star") else {
        return;
    };
    let (Some(&key), Some(quote)) = (
        app.keys.get(index),
        app.article(index).and_then(|a| a.quotes.get(q)),
    ) else {
        return;
    };
    let at = quote.content.start;
    let mut starred = false;
    app.state.change(key, |saved| {
        match saved.starred.iter().position(|&s| s == at) {
            Some(i) => {
                saved.starred.remove(i);
            }
            None => {
                saved.starred.push(at);
                saved.starred.sort_unstable();
                starred = true;
            }
        }
    });
    app.state_changed = true;
    app.message = Some(if starred { "starred" } else { "unstarred" }.to_owned());
}

/// Marks the article under the articles cursor (else the one in the
/// reader) read or unread.
fn toggle_read(app: &mut App) {
    let Some(index) = app.articles.cursor.or(app.current) else {
        return;
    };
    let read = !app.articles.read.get(index).copied().unwrap_or(false);
    app.articles.mark_read(index, read);
    if let Some(&key) = app.keys.get(index) {
        app.state.change(key, |saved| saved.read = read);
        app.state_changed = true;
    }
    app.message = Some(if read { "marked read" } else { "marked unread" }.to_owned());
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
    if let Some(go) = app.with_pane(pane, |pane, ctx| pane.click(ctx, offset)) {
        follow(app, go);
    }
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
