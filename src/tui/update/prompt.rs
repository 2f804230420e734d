//! The query typed after `/`, applied as it is typed to the pane that had
//! the focus: the reader finds it in the article and shows the first hit
//! from where the search began; the articles and the people are filtered
//! by it. After `F`, the query searches the whole briefing once given. `enter` keeps the result, `esc` (or `q` where it is bound to a
//! key that types nothing) cancels it.

use crate::tui::action::Action;
use crate::tui::app::{App, Matches, Prompt};
use crate::tui::panes::Pane;
use crate::tui::view::{count_of, people};

use super::find;

/// Opens the prompt for `target` (the focused pane for `/`, the briefing's
/// hits for `F`), where there is something to search or filter.
pub fn start(app: &mut App, target: Pane) {
    let ready = match target {
        Pane::Reader => app.reader.layout.is_some(),
        Pane::Articles | Pane::People | Pane::Hits => true,
        _ => false,
    };
    if !ready {
        return;
    }
    app.prompt = Some(Prompt {
        query: String::new(),
        target,
        from: app.reader.scroll,
    });
    apply(app, "", target);
}

/// Handles an action while a query is being typed; false when the query
/// is done and the action should apply as usual.
pub fn handle(app: &mut App, action: Action) -> bool {
    let Some(p) = app.prompt.as_mut() else {
        return false;
    };
    let target = p.target;
    match action {
        Action::Type(c) => p.query.push(c),
        Action::Erase => {
            p.query.pop();
        }
        Action::Back | Action::Quit => {
            let from = p.from;
            app.prompt = None;
            match target {
                Pane::Reader => {
                    app.reader.scroll = from;
                    app.matches = Matches::None;
                }
                _ => apply(app, "", target),
            }
            return true;
        }
        Action::Resize { .. } | Action::QuitNow | Action::Suspend => return false,
        Action::Open if target == Pane::Hits => {
            let query = p.query.clone();
            app.prompt = None;
            if !query.is_empty() {
                app.hits.searching(&query);
                super::show_full(app, Pane::Hits);
            }
            return true;
        }
        Action::Open => {
            app.prompt = None;
            app.message = Some(match target {
                Pane::Reader => match &app.matches {
                    Matches::Search { hits, .. } => count_of(hits.len(), "hit"),
                    _ => String::new(),
                },
                Pane::Articles => format!(
                    "{} of {}",
                    count_of(app.articles.rows.len(), "article"),
                    app.articles.all.len()
                ),
                _ => people(app.people.listed(&app.ctx(Pane::People)).len()),
            });
            return true;
        }
        _ => {
            app.prompt = None;
            return false;
        }
    }
    let (query, from) = (p.query.clone(), p.from);
    apply(app, &query, target);
    if target == Pane::Reader {
        show_first_hit(app, from);
    }
    true
}

/// What the query does to its pane.
fn apply(app: &mut App, query: &str, target: Pane) {
    match target {
        Pane::Reader => find(app, query),
        Pane::Articles => app.articles.set_filter(query),
        // The briefing is searched once the query is given (`enter`).
        Pane::Hits => {}
        _ => {
            let (ctx, panes) = app.parts(Pane::People);
            panes.people.set_filter(query, &ctx);
        }
    }
}

/// Incremental search: shows the first hit at or after where the search
/// began.
fn show_first_hit(app: &mut App, from: usize) {
    let rows = app.rows(Pane::Reader);
    if let (Matches::Search { hits, current, .. }, Some(layout)) =
        (&mut app.matches, &app.reader.layout)
    {
        let lines: Vec<usize> = hits
            .iter()
            .map(|h| layout.line_of(h.block, h.range.start))
            .collect();
        *current = lines.iter().position(|&l| l >= from).unwrap_or(0);
        let line = lines.get(*current).copied();
        app.reader.scroll = from;
        if let Some(line) = line {
            app.reader.reveal(line, rows);
        }
    }
}
