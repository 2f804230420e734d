//! Setting the terminal up for the reader and putting it back: raw mode,
//! the alternate screen, mouse capture and a visible cursor, restored on
//! quit, on error, on panic and on the signals that end or stop a program
//! alike. After a panic the message is printed on the restored terminal,
//! its control characters made visible, and brief exits with status 101;
//! after SIGTERM, SIGHUP, SIGINT or SIGQUIT it exits with 128 + the
//! signal. SIGTSTP (`kill -TSTP`, or ctrl-z, which raw mode delivers as a
//! key) puts the terminal back and stops; SIGCONT takes it again and has
//! the screen drawn anew.

use std::io::{self, Write, stdout};
use std::panic::{self, PanicHookInfo};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use base64::Engine;
use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType, EnterAlternateScreen, enable_raw_mode};
use ratatui::backend::CrosstermBackend;
use ratatui::{DefaultTerminal, Terminal};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;
use signal_hook::low_level;

use crate::article::text::sanitize;

/// Enters the reader's terminal mode, sets the panic hook and starts
/// watching for signals. The flag it returns is raised when the screen
/// must be drawn anew (after the reader was stopped and continued).
pub fn init(mouse: bool) -> io::Result<(DefaultTerminal, Arc<AtomicBool>)> {
    MOUSE.store(mouse, Ordering::SeqCst);
    let terminal = ratatui::try_init()?;
    // ratatui's hook (restore, then the standard message) is replaced by
    // ours, which also releases the mouse and shows the cursor, and makes
    // the message harmless: a panic message can quote article text (a bad
    // string slice quotes the string).
    drop(panic::take_hook());
    panic::set_hook(Box::new(on_panic));
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    let redraw = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&redraw))?;
    Ok((terminal, redraw))
}

/// Whether the reader takes the mouse (`mouse` in the config).
static MOUSE: AtomicBool = AtomicBool::new(true);

/// Takes the terminal again after it was given back for a stop.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, Hide)?;
    if MOUSE.load(Ordering::SeqCst) {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Handles the signals on a thread of their own. Each is handled with
/// stdout locked, so that no frame is drawn over the shell's screen while
/// the terminal is given back.
fn watch_signals(redraw: Arc<AtomicBool>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                let out = stdout().lock();
                match signal {
                    SIGTSTP => {
                        restore();
                        // Stops here until continued (unless the shell
                        // has no job control: then it goes straight on).
                        let _ = low_level::emulate_default_handler(SIGTSTP);
                    }
                    SIGCONT => {}
                    _ => {
                        restore();
                        std::process::exit(128 + signal);
                    }
                }
                // Continued, or stopped and continued by SIGSTOP, which
                // cannot be caught: the shell may have changed the
                // terminal meanwhile.
                let _ = enter();
                redraw.store(true, Ordering::SeqCst);
                drop(out);
                // The event loop waits for input; a resize event wakes it.
                let _ = low_level::raise(SIGWINCH);
            }
        })?;
    Ok(())
}

/// Gives the terminal back while `f` runs (an editor, a pager), then takes
/// it again; the screen must be drawn anew after.
pub fn outside<R>(f: impl FnOnce() -> R) -> io::Result<R> {
    restore();
    let result = f();
    enter()?;
    Ok(result)
}

/// Clears the screen and makes the next frame draw every cell. Not
/// ratatui's `Terminal::clear`, which asks the terminal where the cursor
/// is and fails when the answer is late (a busy terminal after `fg`).
pub fn redraw_whole(terminal: &mut DefaultTerminal) -> io::Result<()> {
    execute!(stdout(), Clear(ClearType::All))?;
    *terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    Ok(())
}

/// Stops the reader as ctrl-z does in a shell, giving the terminal back
/// until the person continues it (`fg`).
pub fn suspend() {
    let _ = low_level::raise(SIGTSTP);
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
