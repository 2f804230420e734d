//! The reader on one article, driven through a few actions (resizes and
//! the mouse among them) and drawn into a
//! ratatui `TestBackend`, the way `src/tui/fixture.rs` builds its apps but
//! through the public API only. Shared by `tests/fuzz_regressions.rs` and
//! the `render` fuzz target (which includes this file by path).

use std::sync::OnceLock;

use brief::article::Article;
use brief::library::{Document, Event};
use brief::tui::settings::Settings;
use brief::tui::{Action, App, receive, update};

use super::screen::{self, draw};

/// The action a script step (two bytes) picks: a new terminal size from
/// 1x1 to 300x100 (below the reader's minimum too), a click or a wheel turn
/// anywhere, or any bindable action but quitting, or typing into and
/// erasing from the search.
fn action(kind: u8, param: u8) -> Action {
    let (high, param) = (u16::from(kind >> 4), u16::from(param));
    match kind & 0x0f {
        15 => Action::Resize {
            width: 1 + param * 300 / 256,
            height: 1 + high * 100 / 16,
        },
        14 => Action::Click {
            column: param,
            row: high * 6,
        },
        13 => Action::Wheel {
            column: param,
            row: high * 6,
            down: param % 2 == 0,
        },
        _ => {
            let bindable = Action::BINDABLE
                .iter()
                .copied()
                .filter(|a| !matches!(a, Action::Quit | Action::QuitNow));
            let actions: Vec<Action> = bindable.chain([Action::Type('e'), Action::Erase]).collect();
            actions[(usize::from(kind) * 256 + usize::from(param)) % actions.len()]
        }
    }
}

/// How many script bytes follow the size bytes: six steps of two.
pub const SCRIPT: usize = 12;

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
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    let settings = SETTINGS.get_or_init(Settings::builtin);
    let mut app = App::new(settings, false);
    update(&mut app, Action::Resize { width, height });
    let file = |name: &str, article: Article| Event::one(Document::file(name, article));
    receive(
        &mut app,
        [
            file("1.txt", article.clone()),
            file("0.txt", article),
            Event::Walked {
                sources: 2,
                errors: Vec::new(),
            },
            Event::Done,
        ],
    );
    let mut terminal = screen::terminal(&app);
    draw(&mut terminal, &app);
    for (i, step) in script.chunks(2).enumerate() {
        let action = action(step[0], step.get(1).copied().unwrap_or(0));
        update(&mut app, action);
        if i % 2 == 1 || matches!(action, Action::Resize { .. }) {
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
    draw(&mut terminal, &app);
}
