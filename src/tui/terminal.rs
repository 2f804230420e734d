//! Setting the terminal up for the reader and putting it back: raw mode,
//! the alternate screen, mouse capture and a visible cursor, restored on
//! quit, on error and on panic alike.

use std::io::{self, Write, stdout};
use std::panic;

use base64::Engine;
use crossterm::cursor::Show;
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;
use ratatui::DefaultTerminal;

/// Enters the reader's terminal mode. ratatui's own panic hook leaves raw
/// mode and the alternate screen; ours, run first, also releases the mouse
/// and shows the cursor, so a panic message lands on a usable terminal.
pub fn init() -> io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        release();
        hook(info);
    }));
    execute!(stdout(), EnableMouseCapture)?;
    Ok(terminal)
}

fn release() {
    let _ = execute!(stdout(), DisableMouseCapture, Show);
}

/// Puts the terminal back as it was.
pub fn restore() {
    release();
    ratatui::restore();
}

/// Asks the terminal to put `text` on the clipboard (OSC 52). Terminals
/// that do not support it ignore the sequence.
pub fn copy(text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let mut out = stdout().lock();
    write!(out, "\x1b]52;c;{encoded}\x07")?;
    out.flush()
}
