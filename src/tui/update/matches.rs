//! The matches `n` and `N` step through: a person's quotes (picked in the
//! people pane or the overview) across the articles they are in, or the
//! search hits in the article; and the next or previous article (`J`,
//! `K`).

use crate::briefing::QuoteRef;
use crate::tui::app::{App, Matches};
use crate::tui::panes::Pane;

use super::{follow_read, settle, show};

/// Makes a person's quotes the matches and jumps to `at` (else the first).
pub(super) fn pick(app: &mut App, who: usize, at: Option<QuoteRef>) {
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
pub(super) fn jump(app: &mut App) {
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
pub(super) fn next_article(app: &mut App, by: isize) {
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

pub(super) fn next_match(app: &mut App, by: isize) {
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
