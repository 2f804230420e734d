//! Test articles (written for these tests) and an app loaded with them the
//! way the background loader reports them. (How arrivals out of the list's
//! order are placed is tested on its own.)

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::article::parse;
use crate::library::{Document, Event};
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

/// A source of one article as the loader reports it read: `text` under
/// the file name `name`.
pub fn read(name: &str, text: &str) -> Event {
    Event::one(Document::file(name, parse(text)))
}

/// The fixture file `FILES[index]`, read.
pub fn loaded(index: usize) -> Event {
    let (name, text) = FILES[index];
    read(name, text)
}

/// An app of `width` x `height` with the three articles, in the list's
/// order (its index is its row), the first open.
pub fn app(width: u16, height: u16) -> App {
    let settings = Settings::builtin();
    let mut app = App::new(&settings, false);
    update(&mut app, Action::Resize { width, height });
    let walked = Event::Walked {
        sources: FILES.len(),
        errors: Vec::new(),
    };
    receive(
        &mut app,
        (0..FILES.len()).map(loaded).chain([walked, Event::Done]),
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
