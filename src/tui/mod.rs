//! The terminal reader: three panes (articles, reader, people) over the
//! article model, filled in by the background loader while the person
//! reads, and full-screen panes (overview, problems, search hits) in front
//! of them. The loop (`run.rs`) is draw, wait for a key or the loader,
//! update; `translate` turns terminal events into actions.

pub mod action;
pub mod app;
pub mod filter;
pub mod keymap;
pub mod layout;
pub mod panes;
mod run;
pub mod screen;
pub mod search;
pub mod settings;
pub mod state;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod briefing_tests;
#[cfg(test)]
mod fixture;
#[cfg(test)]
mod robustness;
#[cfg(test)]
mod tests;

use crossterm::event::{Event as Input, KeyCode, KeyEventKind, MouseButton, MouseEventKind};

pub use action::Action;
pub use app::App;
pub use run::run;
pub use update::{Effect, laid_out, receive, searched, update};

/// A fault the end-to-end tests inject, to see a panic in the reader in a
/// real terminal: the terminal restored, the message printed after it
/// (tests/e2e.rs). Compiled into debug builds only, which is what
/// `cargo test` runs; a release build has no such check and no such
/// variable. It is not an option for people.
#[cfg(debug_assertions)]
mod fault {
    use super::App;

    /// `BRIEF_TEST_PANIC_AFTER_FRAMES=N`: panic once N frames are drawn.
    pub struct Fault {
        after: Option<usize>,
        frames: usize,
    }

    impl Fault {
        pub fn from_env() -> Fault {
            let after = std::env::var("BRIEF_TEST_PANIC_AFTER_FRAMES")
                .ok()
                .and_then(|n| n.parse().ok());
            Fault { after, frames: 0 }
        }

        /// Panics when the frame just drawn is the Nth. The message quotes
        /// the open article's title raw, as a real panic on a string slice
        /// would quote the string, to check the hook shows it harmlessly.
        pub fn after_frame(&mut self, app: &App) {
            self.frames += 1;
            if self.after.is_some_and(|n| self.frames >= n) {
                let title = app
                    .current_article()
                    .and_then(|(_, a)| Some(a.slice(a.title?)))
                    .unwrap_or("");
                panic!(
                    "injected fault after {} frames (BRIEF_TEST_PANIC_AFTER_FRAMES), \
                     reading `{title}`",
                    self.frames
                );
            }
        }
    }
}

/// The action for a terminal event: typed text while searching, else the
/// keymap's; the wheel and left clicks; resizes.
pub fn translate(app: &App, input: &Input) -> Option<Action> {
    match input {
        Input::Key(key) if key.kind != KeyEventKind::Release => {
            let k = keymap::Key::from_event(key);
            if app.prompt.is_some() {
                if let Some(c) = k.typed() {
                    return Some(Action::Type(c));
                }
                if key.code == KeyCode::Backspace {
                    return Some(Action::Erase);
                }
            }
            app.keymap.action(k)
        }
        Input::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                    column,
                    row,
                    down: mouse.kind == MouseEventKind::ScrollDown,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                _ => None,
            }
        }
        Input::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}
