//! Drawing the reader into a `TestBackend` of the app's size and checking
//! that no control character reached the screen: the one check the
//! `render` and `reader` fuzz harnesses share.

use brief::tui::{App, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// A test terminal of the app's size (at least 1x1).
pub fn terminal(app: &App) -> Terminal<TestBackend> {
    let (width, height) = (app.area.width.max(1), app.area.height.max(1));
    Terminal::new(TestBackend::new(width, height)).expect("test terminal")
}

/// Draws the app into `terminal`, resized to the app's size first.
/// Panics if drawing does, or if a control character is on screen.
pub fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    let (width, height) = (app.area.width.max(1), app.area.height.max(1));
    if terminal.backend().buffer().area.as_size() != (width, height).into() {
        terminal.backend_mut().resize(width, height);
        terminal
            .resize(Rect::new(0, 0, width, height))
            .expect("resizing the test terminal");
    }
    terminal
        .draw(|frame| view::draw(frame, app))
        .expect("drawing into a test terminal");
    for cell in &terminal.backend().buffer().content {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "control character on screen: {:?}",
            cell.symbol()
        );
    }
}
