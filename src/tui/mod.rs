//! The terminal reader: three panes (articles, reader, people) over the
//! article model, filled in by the background loader while the person
//! reads. The loop is draw, wait for a key or the loader, update.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod panes;
pub mod screen;
pub mod search;
pub mod settings;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod robustness;
#[cfg(test)]
mod tests;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event as Input, KeyCode, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::DefaultTerminal;

use crate::config::Config;
use crate::library::{self, Event, Options, Source};
use settings::Settings;

pub use action::Action;
pub use app::App;
pub use update::{Effect, laid_out, receive, update};

/// How long one frame may spend taking in loaded articles, so that keys
/// stay answered while tens of thousands arrive.
const LOAD_BUDGET: Duration = Duration::from_millis(8);

/// Opens the reader on `sources` and runs it until the person quits.
pub fn run(config: &Config, settings: &Settings, sources: Vec<Source>) -> anyhow::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::new(settings, no_color);
    let loader = library::spawn(sources, Options::new(config.max_file_bytes()));
    let (mut terminal, redraw) = terminal::init()?;
    let result = event_loop(&mut terminal, &mut app, &loader, &redraw);
    terminal::restore();
    Ok(result?)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    loader: &Receiver<Event>,
    redraw: &AtomicBool,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    update(
        app,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let mut dirty = true;
    #[cfg(debug_assertions)]
    let mut fault = fault::Fault::from_env();
    // Long articles are laid out on a thread of their own, one at a time,
    // so that keys (`q` above all) are answered meanwhile.
    let (laid_tx, laid) = mpsc::channel();
    let mut laying = false;
    while !app.quit {
        if !laying && let Some(job) = app.layout_job() {
            let tx = laid_tx.clone();
            std::thread::spawn(move || {
                let _ = tx.send(layout::Layout::new(
                    job.index,
                    &job.document.article,
                    job.width,
                ));
            });
            laying = true;
        }
        if let Ok(layout) = laid.try_recv() {
            laying = false;
            laid_out(app, layout);
            dirty = true;
        }
        let deadline = Instant::now() + LOAD_BUDGET;
        let mut batch = Vec::new();
        while Instant::now() < deadline {
            match loader.try_recv() {
                Ok(event) => batch.push(event),
                Err(_) => break,
            }
        }
        if !batch.is_empty() {
            receive(app, batch);
            dirty = true;
        }
        if redraw.swap(false, Ordering::SeqCst) {
            terminal.clear()?;
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| view::draw(frame, app))?;
            dirty = false;
            #[cfg(debug_assertions)]
            fault.after_frame(app);
        }
        let wait = if app.loading || laying {
            Duration::from_millis(30)
        } else {
            Duration::from_secs(1)
        };
        if !event::poll(wait)? {
            continue;
        }
        // Take every pending input before drawing again.
        loop {
            if let Some(action) = translate(app, &event::read()?) {
                match update(app, action) {
                    Some(Effect::Copy(text)) => terminal::copy(&text)?,
                    Some(Effect::Suspend) => terminal::suspend(),
                    None => {}
                }
                dirty = true;
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}

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
