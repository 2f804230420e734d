//! The reader's loop: draw, wait for a key or for what the other threads
//! deliver, update. Around it, what reaches outside the app: the terminal,
//! the loader's channel, the threads that lay out long articles and search
//! the briefing (one of each at a time, so that keys are answered while
//! they work), and the saved state (loaded first, saved when it changed,
//! at most every few seconds, and on the way out).

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use crossterm::event;
use ratatui::DefaultTerminal;

use crate::config::Config;
use crate::library::{self, Event, Options, Source};

use super::layout::Layout;
use super::search::{self, BriefingHit};
use super::settings::Settings;
use super::state::Store;
use super::{Action, App, Effect, laid_out, receive, searched, terminal, translate, update, view};

/// How long one frame may spend taking in loaded articles, so that keys
/// stay answered while tens of thousands arrive.
const LOAD_BUDGET: Duration = Duration::from_millis(8);

/// How often changed state is saved while the reader runs.
const SAVE_EVERY: Duration = Duration::from_secs(5);

/// Opens the reader on `sources` and runs it until the person quits.
pub fn run(config: &Config, settings: &Settings, sources: Vec<Source>) -> anyhow::Result<()> {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let mut app = App::new(settings, no_color);
    let store = Store::locate();
    if let Some(store) = &store {
        let (state, message) = store.load();
        update::restore(&mut app, state);
        app.message = message;
    }
    let loader = library::spawn(sources, Options::new(config.max_file_bytes()));
    let (mut terminal, redraw) = terminal::init(settings.mouse)?;
    let mut saver = Saver::new(store);
    let result = event_loop(&mut terminal, &mut app, &loader, &redraw, &mut saver);
    terminal::restore();
    update::remember_place(&mut app);
    saver.save(&mut app);
    Ok(result?)
}

/// Writes the state when it changed: on a thread of its own while the
/// reader runs (a big state takes tens of milliseconds to write), on the
/// way out while the reader waits.
struct Saver {
    store: Option<Store>,
    last: Instant,
    writing: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl Saver {
    fn new(store: Option<Store>) -> Saver {
        Saver {
            store,
            last: Instant::now(),
            writing: None,
        }
    }

    /// Saves now, if the state changed, and waits until it is written.
    fn save(&mut self, app: &mut App) {
        self.finish(app);
        self.start(app);
        self.finish(app);
    }

    /// Starts writing the state, if it changed.
    fn start(&mut self, app: &mut App) {
        self.last = Instant::now();
        let Some(store) = self.store.clone() else {
            return;
        };
        if !app.state_changed {
            return;
        }
        app.state_changed = false;
        let state = app.state.clone();
        self.writing = Some(std::thread::spawn(move || store.save(&state)));
    }

    /// Waits for a write under way, and says if it failed.
    fn finish(&mut self, app: &mut App) {
        if let Some(writing) = self.writing.take() {
            match writing.join() {
                Ok(Ok(())) => {}
                Ok(Err(e)) => {
                    app.message = Some(format!("the reading state could not be saved: {e}"));
                }
                Err(_) => app.message = Some("the reading state could not be saved".to_owned()),
            }
        }
    }

    /// Saves if the state changed and the last save is a while ago.
    fn tick(&mut self, app: &mut App) {
        if self.writing.as_ref().is_some_and(|w| w.is_finished()) {
            self.finish(app);
        }
        if app.state_changed && self.writing.is_none() && self.last.elapsed() >= SAVE_EVERY {
            self.start(app);
        }
    }
}

/// The hits of a briefing search, with the query they are for.
type Found = (String, Vec<BriefingHit>);

/// The threads that work for the reader, one job of each kind at a time.
struct Workers {
    laid: (Sender<Layout>, Receiver<Layout>),
    laying: bool,
    found: (Sender<Found>, Receiver<Found>),
    searching: Option<String>,
}

impl Workers {
    fn new() -> Workers {
        Workers {
            laid: mpsc::channel(),
            laying: false,
            found: mpsc::channel(),
            searching: None,
        }
    }

    fn busy(&self) -> bool {
        self.laying || self.searching.is_some()
    }

    /// Starts what the app waits for; true when something arrived.
    fn work(&mut self, app: &mut App) -> bool {
        if !self.laying
            && let Some(job) = app.layout_job()
        {
            let tx = self.laid.0.clone();
            std::thread::spawn(move || {
                let _ = tx.send(Layout::new(job.index, &job.document.article, job.width));
            });
            self.laying = true;
        }
        if app.hits.searching
            && self.searching.as_deref() != Some(app.hits.query.as_str())
            && let Some(job) = app.search_job()
        {
            let tx = self.found.0.clone();
            self.searching = Some(job.query.clone());
            std::thread::spawn(move || {
                let hits = search::briefing(&job.documents, &job.rows, &job.query);
                let _ = tx.send((job.query, hits));
            });
        }
        let mut arrived = false;
        if let Ok(layout) = self.laid.1.try_recv() {
            self.laying = false;
            laid_out(app, layout);
            arrived = true;
        }
        if let Ok((query, hits)) = self.found.1.try_recv() {
            self.searching = None;
            searched(app, &query, hits);
            arrived = true;
        }
        arrived
    }
}

/// Where exports go: `$XDG_DATA_HOME/brief/exports`, else
/// `~/.local/share/brief/exports` (never beside the articles).
fn export_folder() -> Option<PathBuf> {
    let var = |name| std::env::var_os(name).filter(|v| !v.is_empty());
    let data = var("XDG_DATA_HOME")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|home| PathBuf::from(home).join(".local/share")))?;
    Some(data.join("brief/exports"))
}

/// Writes an export to a new file named after `stem` (a number added when
/// the name is taken), and says where.
fn write_export(stem: &str, text: &str) -> std::io::Result<PathBuf> {
    let folder = export_folder().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::NotFound, "no HOME or XDG_DATA_HOME")
    })?;
    std::fs::create_dir_all(&folder)?;
    let slug: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let slug: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    let slug = match slug.join("-") {
        s if s.is_empty() => "quotes".to_owned(),
        s => s.chars().take(48).collect(),
    };
    for n in 1..1000 {
        let name = match n {
            1 => format!("{slug}.md"),
            n => format!("{slug}-{n}.md"),
        };
        let path = folder.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut file) => {
                std::io::Write::write_all(&mut file, text.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        "every name for the export is taken",
    ))
}

/// Opens a web address with the system's opener (`open` on macOS,
/// `xdg-open` elsewhere), without waiting for it; what happened, to say.
fn open_address(url: &str) -> String {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let shown = crate::article::text::sanitize(url);
    let started = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match started {
        Ok(mut child) => {
            // Waited for on the side, so that it leaves nothing behind.
            std::thread::spawn(move || child.wait());
            format!("opening {shown}")
        }
        Err(e) => format!("{opener} could not open {shown}: {e}"),
    }
}

/// Opens a file in `$VISUAL`, else `$EDITOR`, else `$PAGER` (else
/// `less`), and waits for it; what went wrong, if anything.
fn edit(path: &std::path::Path) -> Result<(), String> {
    let command = ["VISUAL", "EDITOR", "PAGER"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "less".to_owned());
    let mut words = command.split_whitespace();
    let program = words.next().unwrap_or("less");
    let shown = crate::article::text::sanitize(program);
    match std::process::Command::new(program)
        .args(words)
        .arg(path)
        .status()
    {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("{shown} ended with {status}")),
        Err(e) => Err(format!("{shown} could not be run: {e}")),
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    loader: &Receiver<Event>,
    redraw: &AtomicBool,
    saver: &mut Saver,
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
    let mut fault = super::fault::Fault::from_env();
    let mut workers = Workers::new();
    while !app.quit {
        dirty |= workers.work(app);
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
        saver.tick(app);
        if redraw.swap(false, Ordering::SeqCst) {
            terminal::redraw_whole(terminal)?;
            dirty = true;
        }
        if dirty {
            terminal.draw(|frame| view::draw(frame, app))?;
            dirty = false;
            #[cfg(debug_assertions)]
            fault.after_frame(app);
        }
        let wait = if app.loading || workers.busy() {
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
                    Some(Effect::Export { stem, text }) => {
                        update::exported(app, write_export(&stem, &text));
                    }
                    Some(Effect::OpenAddress(url)) => {
                        app.message = Some(open_address(&url));
                    }
                    Some(Effect::Edit(path)) => {
                        let outcome = terminal::outside(|| edit(&path))?;
                        terminal::redraw_whole(terminal)?;
                        if let Err(why) = outcome {
                            app.message = Some(why);
                        }
                    }
                    Some(Effect::Suspend) => {
                        update::remember_place(app);
                        saver.save(app);
                        terminal::suspend();
                    }
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
