//! Test articles (written for these tests) and an app loaded with them the
//! way the background loader would: announced, then out of order.

use std::iter::once;
use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::article::parse;
use crate::library::{Entry, Event};
use crate::tui::settings::Settings;

use super::{Action, App, receive, update, view};

/// The hostile article of the end-to-end tests (built from `\u{..}`
/// escapes).
#[path = "../../tests/fixtures/hostile/article.rs"]
pub mod hostile;

pub const FILES: [(&str, &str); 3] = [
    (
        "1-harbour-timetable.txt",
        include_str!("../../tests/fixtures/ferry/1-harbour-timetable.txt"),
    ),
    (
        "2-union-staffing.txt",
        include_str!("../../tests/fixtures/ferry/2-union-staffing.txt"),
    ),
    (
        "3-hostile-bytes.txt",
        include_str!("../../tests/fixtures/ferry/3-hostile-bytes.txt"),
    ),
];

pub fn loaded(index: usize) -> Event {
    let (name, text) = FILES[index];
    Event::Loaded {
        index,
        result: Ok(Entry {
            path: PathBuf::from(name),
            article: parse(text),
        }),
    }
}

/// An app of `width` x `height` with the three articles, the first open.
pub fn app(width: u16, height: u16) -> App {
    let settings = Settings::builtin();
    let mut app = App::new(&settings, false);
    update(&mut app, Action::Resize { width, height });
    let found = Event::Found {
        total: FILES.len(),
        errors: Vec::new(),
    };
    receive(
        &mut app,
        once(found)
            .chain([0, 2, 1].map(loaded))
            .chain(once(Event::Done)),
    );
    app
}

pub fn press(app: &mut App, actions: &[Action]) {
    for action in actions {
        update(app, *action);
    }
}

/// Starts a search and types `query`.
pub fn search(app: &mut App, query: &str) {
    update(app, Action::Search);
    for c in query.chars() {
        update(app, Action::Type(c));
    }
}

/// The app drawn into a test terminal of its size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("test terminal");
    terminal
        .draw(|frame| view::draw(frame, app))
        .expect("drawing into a test terminal");
    terminal
}
