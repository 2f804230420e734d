//! The README's picture of the reader is drawn by the reader itself, so
//! that it cannot go stale: `brief articles/` at 120x40 with the most
//! quoted person picked (`p`, `enter`) and `n` pressed, compared with the
//! block after the `<!-- drawn by tests/readme.rs -->` line. After a
//! deliberate change to the screen, `BRIEF_UPDATE_README=1 cargo test
//! --test readme` writes the new picture into README.md.

use std::path::Path;

use brief::library::{DEFAULT_MAX_BYTES, Event, Options, Source, load_all};
use brief::tui::settings::Settings;
use brief::tui::{Action, App, receive, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const MARKER: &str = "<!-- drawn by tests/readme.rs -->";

/// The screen, a line per row.
fn drawn() -> String {
    // As `brief articles/` run in the project's folder (where cargo runs
    // the tests), so the path in the frame is the same on every machine.
    let articles = Source::Path(Path::new("articles").to_path_buf());
    let loaded = load_all(&[articles], &Options::new(DEFAULT_MAX_BYTES), |d| d);
    assert!(loaded.errors.is_empty(), "{:?}", loaded.errors);
    let documents = loaded.documents;
    let mut app = App::new(&Settings::builtin(), false);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let sources = documents.len();
    let mut events: Vec<Event> = documents.into_iter().map(Event::one).collect();
    events.extend([
        Event::Walked {
            sources,
            errors: Vec::new(),
        },
        Event::Done,
    ]);
    receive(&mut app, events);
    for action in [Action::FocusPeople, Action::Open, Action::NextMatch] {
        update(&mut app, action);
    }
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    terminal
        .draw(|frame| view::draw(frame, &app))
        .expect("drawing");
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| {
            let row: String = (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect();
            row + "\n"
        })
        .collect()
}

#[test]
fn the_readme_shows_the_reader_as_it_is() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let at = readme.find(MARKER).expect("the marker in README.md");
    let start = at + readme[at..].find("```\n").expect("the block") + 4;
    let end = start + readme[start..].find("```\n").expect("the block's end");
    let screen = drawn();
    if std::env::var_os("BRIEF_UPDATE_README").is_some() {
        let updated = format!("{}{screen}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("writing README.md");
        return;
    }
    assert_eq!(
        readme[start..end],
        screen,
        "README.md's picture of the reader is stale: run \
         BRIEF_UPDATE_README=1 cargo test --test readme and check the diff"
    );
}
