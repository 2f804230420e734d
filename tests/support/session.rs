//! A reading session made from bytes: terminal events (keys with any
//! modifiers, the mouse anywhere, resizes from 1x1 to 300x100) fed to the
//! reader the way its event loop feeds them (`translate`, then `update`),
//! long articles' layouts arriving between events as the background thread
//! would deliver them, and the screen drawn as it goes. The briefing is the
//! sample articles or 2,000 generated ones. Shared by the `reader` fuzz
//! target and `tests/fuzz_regressions.rs`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use brief::article::parse;
use brief::library::{Document, Event};
use brief::tui::layout::Layout;
use brief::tui::settings::Settings;
use brief::tui::{App, laid_out, receive, translate, update};
use crossterm::event::{
    Event as Input, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton,
    MouseEvent, MouseEventKind,
};

use super::screen::{self, draw};

/// How many articles the big briefing has.
pub const BIG: usize = 2_000;

const NAMES: [&str; 12] = [
    "Ana Ruiz",
    "Tom Reyes",
    "Ines Okafor",
    "Dev Patel",
    "Mara Quell",
    "Lena Voss",
    "Jonas Berg",
    "Priya Raman",
    "Sofia Lind",
    "Omar Haddad",
    "Kenji Mori",
    "Eva Novak",
];

/// A short generated article: a title, a byline, quotes by two people
/// (one of them quoted across articles), reported speech, a subhead.
fn generated(n: usize) -> String {
    let (a, b) = (NAMES[n % NAMES.len()], NAMES[(n / 7 + 3) % NAMES.len()]);
    format!(
        "Harbour report number {n}\n\nBy Mara Quinn\n\n\
         The council met on Monday to discuss ferry number {n} and its timetable.\n\n\
         \"We will run it every hour,\" said Minister {a}. \"Nobody waits in the rain.\"\n\n\
         Costs\n\n\
         {b} said the older boats would need new engines before the summer.\n\n\
         \"It is money well spent,\" {b} told reporters. She said more was coming.\n"
    )
}

fn app_with(documents: Vec<Document>) -> App {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    let settings = SETTINGS.get_or_init(Settings::builtin);
    let mut app = App::new(settings, false);
    update(
        &mut app,
        brief::tui::Action::Resize {
            width: 120,
            height: 40,
        },
    );
    let walked = Event::Walked {
        sources: documents.len(),
        errors: Vec::new(),
    };
    let mut events: Vec<Event> = documents.into_iter().map(Event::one).collect();
    events.extend([walked, Event::Done]);
    receive(&mut app, events);
    app
}

/// The sample briefing, `articles/` beside the project.
fn sample() -> &'static App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../articles");
        let dir = if dir.is_dir() {
            dir
        } else {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("articles")
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("the sample articles")
            .map(|e| e.expect("an entry").path())
            .collect();
        files.sort();
        let entries = files
            .into_iter()
            .map(|path| {
                let text = std::fs::read_to_string(&path).expect("a sample article");
                Document::file(path, parse(&text))
            })
            .collect();
        app_with(entries)
    })
}

/// The briefing of [`BIG`] generated articles.
fn big() -> &'static App {
    static APP: OnceLock<App> = OnceLock::new();
    APP.get_or_init(|| {
        app_with(
            (0..BIG)
                .map(|n| Document::file(format!("{n:04}.txt"), parse(&generated(n))))
                .collect(),
        )
    })
}

const SPECIAL: [KeyCode; 21] = [
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Insert,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::F(1),
    KeyCode::F(12),
    KeyCode::Char('é'),
    KeyCode::Char('東'),
    KeyCode::Char('\u{301}'),
    KeyCode::Char('\u{1b}'),
];

/// What three bytes stand for: a terminal event, or (`None`) the moment
/// the background layout arrives.
fn event(a: u8, b: u8, c: u8) -> Option<Input> {
    let high = u16::from(a >> 3);
    Some(match a % 8 {
        0..=4 => {
            let code = match b {
                0..96 => KeyCode::Char(char::from(b + 32)),
                _ => SPECIAL[usize::from(b) % SPECIAL.len()],
            };
            let kind = match a >> 6 {
                0 | 1 => KeyEventKind::Press,
                2 => KeyEventKind::Repeat,
                _ => KeyEventKind::Release,
            };
            Input::Key(KeyEvent {
                code,
                modifiers: KeyModifiers::from_bits_truncate(c),
                kind,
                state: KeyEventState::NONE,
            })
        }
        5 => Input::Resize(1 + (u16::from(b) | high << 8) % 300, 1 + u16::from(c) % 100),
        6 => {
            let kind = match c % 7 {
                0 => MouseEventKind::Down(MouseButton::Left),
                1 => MouseEventKind::Down(MouseButton::Right),
                2 => MouseEventKind::Up(MouseButton::Left),
                3 => MouseEventKind::Drag(MouseButton::Left),
                4 => MouseEventKind::ScrollUp,
                5 => MouseEventKind::ScrollDown,
                _ => MouseEventKind::Moved,
            };
            Input::Mouse(MouseEvent {
                kind,
                column: u16::from(b) + high * 8,
                row: u16::from(c) % 110,
                modifiers: KeyModifiers::NONE,
            })
        }
        _ => return None,
    })
}

/// Plays the session `data` stands for: its first byte picks the briefing,
/// then every three bytes an event. Panics if the reader does, or if a
/// control character reaches the screen.
pub fn run(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let mut app = if first % 2 == 0 { sample() } else { big() }.clone();
    let mut terminal = screen::terminal(&app);
    for (i, bytes) in rest.chunks_exact(3).enumerate() {
        match event(bytes[0], bytes[1], bytes[2]) {
            Some(input) => {
                if let Some(action) = translate(&app, &input) {
                    update(&mut app, action);
                }
            }
            None => {
                if let Some(job) = app.layout_job() {
                    laid_out(
                        &mut app,
                        Layout::new(job.index, &job.document.article, job.width),
                    );
                }
            }
        }
        if i % 2 == 1 {
            draw(&mut terminal, &app);
        }
    }
    draw(&mut terminal, &app);
}
