//! What arrives from the other threads: the loader's articles and
//! failures, and layouts of long articles. Like the person's actions,
//! they change the app here and nowhere else.

use std::sync::Arc;

use crate::article::text::sanitize;
use crate::library::{Entry, Event};
use crate::tui::app::{App, Document};
use crate::tui::layout::Layout;
use crate::tui::panes::Pane;

use super::{settle, show};

/// Takes in what the loader has sent since the last frame.
pub fn receive(app: &mut App, events: impl IntoIterator<Item = Event>) {
    let mut arrived = Vec::new();
    for event in events {
        match event {
            Event::Found { total, errors } => {
                app.documents.resize_with(total, || None);
                app.articles.found(total);
                app.failed
                    .extend(errors.iter().map(|e| sanitize(&e.to_string())));
            }
            Event::Loaded { index, result } => match result {
                Ok(entry) => {
                    add(app, index, entry);
                    arrived.push(index);
                }
                Err(e) => app.failed.push(sanitize(&e.to_string())),
            },
            Event::Done => app.loading = false,
        }
    }
    app.articles.add_rows(arrived);
    let (ctx, _, _, people) = app.parts(Pane::People);
    people.briefing_changed(&ctx);
    settle(app);
}

fn add(app: &mut App, index: usize, entry: Entry) {
    if index >= app.documents.len() {
        app.documents.resize_with(index + 1, || None);
        app.articles.found(index + 1);
    }
    app.briefing.add(index, &entry.article);
    app.documents[index] = Some(Document {
        path: entry.path,
        article: Arc::new(entry.article),
    });
    // Until the person acts, the reader shows the first article of the
    // list, whichever order they arrive in.
    if !app.engaged && app.current.is_none_or(|c| index < c) {
        if let Some(read) = app.current.and_then(|c| app.articles.read.get_mut(c)) {
            *read = false;
        }
        show(app, index);
    }
}

/// Takes in a layout built off the key thread, if it is still the
/// current article's.
pub fn laid_out(app: &mut App, layout: Layout) {
    if Some(layout.article) == app.current {
        super::install(app, layout);
        settle(app);
    }
}
