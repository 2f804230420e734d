//! What arrives from the other threads: the loader's articles and
//! failures, and layouts of long articles. Like the person's actions,
//! they change the app here and nowhere else.

use std::sync::Arc;

use crate::article::text::sanitize;
use crate::library::Event;
use crate::tui::app::App;
use crate::tui::layout::Layout;
use crate::tui::panes::Pane;
use crate::tui::search::BriefingHit;
use crate::tui::state;

use super::{settle, show};

/// Takes in what the loader has sent since the last frame.
pub fn receive(app: &mut App, events: impl IntoIterator<Item = Event>) {
    let mut arrived = Vec::new();
    for event in events {
        match event {
            Event::Read { origin, result } => {
                app.fetching.retain(|o| *o != origin);
                app.sources_read += 1;
                match result {
                    Ok(documents) => {
                        for document in documents {
                            let index = app.documents.len();
                            app.briefing.add(index, &document.article);
                            let key = state::key(&document.article.text);
                            app.keys.push(key);
                            if app.state.of(key).read {
                                app.articles.mark_read(index, true);
                            }
                            app.documents.push(Arc::new(document));
                            arrived.push(index);
                        }
                    }
                    Err(e) => {
                        app.sources_failed += 1;
                        app.failed.push(sanitize(&e.to_string()));
                    }
                }
            }
            Event::Walked { sources, errors } => {
                app.walked = Some(sources);
                app.failed
                    .extend(errors.iter().map(|e| sanitize(&e.to_string())));
            }
            Event::Fetching { origin } => app.fetching.push(origin),
            Event::Note { origin, note } => {
                app.message = Some(sanitize(&format!("{origin}: {note}")));
            }
            Event::Done => app.loading = false,
        }
    }
    app.briefing.settle();
    app.articles.add_rows(arrived, &app.documents);
    // Until the person acts, the reader shows the first article of the
    // list, whichever order they arrive in.
    if !app.engaged
        && let Some(&first) = app.articles.rows.first()
        && app.current != Some(first)
    {
        if let Some(read) = app.current.and_then(|c| app.articles.read.get_mut(c)) {
            *read = false;
        }
        show(app, first);
    }
    let focus = app.focus;
    let (ctx, panes) = app.parts(Pane::People);
    panes.people.briefing_changed(&ctx);
    if focus == Pane::Overview {
        panes.overview.count(&ctx);
    }
    settle(app);
}

/// Takes in the hits of a briefing search run off the key thread.
pub fn searched(app: &mut App, query: &str, hits: Vec<BriefingHit>) {
    app.hits.found(query, hits);
    settle(app);
}

/// Takes in a layout built off the key thread, if it is still the
/// current article's.
pub fn laid_out(app: &mut App, layout: Layout) {
    if Some(layout.article) == app.current {
        super::install(app, layout);
        settle(app);
    }
}
