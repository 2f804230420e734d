//! The reader on one article, driven through a few actions and drawn into a
//! ratatui `TestBackend`, the way `src/tui/fixture.rs` builds its apps but
//! through the public API only. Shared by `tests/fuzz_regressions.rs` and
//! the `render` fuzz target (which includes this file by path).

use std::path::PathBuf;
use std::sync::OnceLock;

use brief::article::Article;
use brief::config::Config;
use brief::library::{Entry, Event};
use brief::tui::{Action, App, update, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The action a script byte picks: any bindable action but quitting, or
/// typing into and erasing from the search.
fn action(byte: u8) -> Action {
    let bindable = Action::BINDABLE
        .iter()
        .copied()
        .filter(|a| *a != Action::Quit);
    let actions: Vec<Action> = bindable.chain([Action::Type('e'), Action::Erase]).collect();
    actions[usize::from(byte) % actions.len()]
}

/// How many action bytes follow the size bytes.
pub const SCRIPT: usize = 6;

/// Splits fuzz input into a terminal size (1x1 to 300x100), a few actions
/// and the article's bytes.
pub fn split(data: &[u8]) -> (u16, u16, &[u8], &[u8]) {
    let (head, rest) = data.split_at(data.len().min(3));
    let byte = |i: usize| u16::from(head.get(i).copied().unwrap_or(0));
    let width = 1 + (byte(0) | byte(1) << 8) % 300;
    let height = 1 + byte(2) % 100;
    let (script, article) = rest.split_at(rest.len().min(SCRIPT));
    (width, height, script, article)
}

/// The article (twice, so that briefing-wide people span two articles) in
/// an app of `width` x `height`, drawn before, during and after `script`.
/// Panics if drawing does, or if a control character reaches the screen.
pub fn render(article: Article, width: u16, height: u16, script: &[u8]) {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    let config =
        CONFIG.get_or_init(|| Config::from_sources(None).expect("the built-in config parses"));
    let mut app = App::new(config, false);
    update(&mut app, Action::Resize { width, height });
    let entry = |index: usize, article: Article| Event::Loaded {
        index,
        result: Ok(Entry {
            path: PathBuf::from(format!("{index}.txt")),
            article,
        }),
    };
    app.receive([
        Event::Found {
            total: 2,
            errors: Vec::new(),
        },
        entry(1, article.clone()),
        entry(0, article),
        Event::Done,
    ]);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    draw(&mut terminal, &app);
    for (i, &b) in script.iter().enumerate() {
        let action = action(b);
        update(&mut app, action);
        if i % 2 == 1 {
            draw(&mut terminal, &app);
        }
    }
    // The same state at another size: layouts are rebuilt for the width.
    update(
        &mut app,
        Action::Resize {
            width: height.saturating_mul(3).max(1),
            height: width.div_ceil(3).clamp(1, 100),
        },
    );
    let mut terminal =
        Terminal::new(TestBackend::new(app.area.width, app.area.height)).expect("test terminal");
    draw(&mut terminal, &app);
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| view::draw(frame, app))
        .expect("drawing into a test terminal");
    let buffer = terminal.backend().buffer();
    for cell in &buffer.content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character on screen: {:?}",
            cell.symbol()
        );
    }
}
