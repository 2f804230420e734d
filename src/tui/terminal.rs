//! Setting the terminal up for the reader and putting it back: raw mode,
//! the alternate screen, mouse capture and a visible cursor, restored on
//! quit, on error and on panic alike. After a panic the message is printed
//! on the restored terminal, its control characters made visible, and
//! brief exits with status 101.

use std::io::{self, Write, stdout};
use std::panic::{self, PanicHookInfo};

use base64::Engine;
use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::article::text::sanitize;

/// Enters the reader's terminal mode and sets the panic hook.
pub fn init() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    // ratatui's hook (restore, then the standard message) is replaced by
    // ours, which also releases the mouse and shows the cursor, and makes
    // the message harmless: a panic message can quote article text (a bad
    // string slice quotes the string).
    drop(panic::take_hook());
    panic::set_hook(Box::new(on_panic));
    execute!(stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

/// A panic anywhere (the event loop or the loader): put the terminal back,
/// print the message after it, and exit, since the reader cannot go on
/// drawing on a restored terminal.
fn on_panic(info: &PanicHookInfo) {
    // Held until exit, so that no other thread draws a frame over the
    // shell's screen once it is back. The lock is reentrant: restoring
    // takes it again on this thread.
    let _out = stdout().lock();
    restore();
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("Box<dyn Any>");
    let message: Vec<String> = message.split('\n').map(sanitize).collect();
    let thread = std::thread::current();
    let location = info
        .location()
        .map(|l| format!(" at {l}"))
        .unwrap_or_default();
    let mut err = io::stderr().lock();
    let _ = writeln!(
        err,
        "brief: thread '{}' panicked{location}:\n{}",
        sanitize(thread.name().unwrap_or("<unnamed>")),
        message.join("\n")
    );
    let backtrace = std::backtrace::Backtrace::capture();
    if backtrace.status() == std::backtrace::BacktraceStatus::Captured {
        let _ = writeln!(err, "{backtrace}");
    } else {
        let _ = writeln!(
            err,
            "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"
        );
    }
    let _ = err.flush();
    std::process::exit(101);
}

fn release() {
    let _ = execute!(stdout(), DisableMouseCapture, Show);
}

/// Puts the terminal back as it was.
pub fn restore() {
    release();
    ratatui::restore();
}

/// Asks the terminal to put `text` on the clipboard (OSC 52), its unsafe
/// characters made visible: what is pasted later, into a shell say, is as
/// harmless as what was shown. Terminals that do not support it ignore the
/// sequence.
pub fn copy(text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(sanitize(text));
    let mut out = stdout().lock();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
