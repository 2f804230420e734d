//! What the full-screen list panes share: a cursor over a list of items,
//! each drawn in one or more rows, kept on an item and in view; and their
//! frame, with what the keys do in it along its bottom.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;

use crate::tui::app::{App, keep_visible};
use crate::tui::view::{count, pane_block};

use super::Pane;

/// A cursor over `len` items drawn `per` rows each.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cursor {
    /// The item under the cursor.
    pub at: usize,
    /// The first item shown.
    pub top: usize,
}

impl Cursor {
    /// Keeps the cursor on an item, and in view in `rows` rows.
    pub fn settle(&mut self, len: usize, rows: usize, per: usize) {
        self.at = self.at.min(len.saturating_sub(1));
        self.top = keep_visible(self.top, self.at, (rows / per).max(1));
    }

    pub fn step(&mut self, by: isize, len: usize) {
        self.at = self.at.saturating_add_signed(by).min(len.saturating_sub(1));
    }

    /// Puts the cursor on the item drawn at `row`.
    pub fn click(&mut self, row: usize, len: usize, per: usize) {
        let at = self.top + row / per;
        if at < len {
            self.at = at;
        }
    }

    /// `3/10`, or `-` for an empty list.
    pub fn position(&self, len: usize) -> String {
        match len {
            0 => "-".to_owned(),
            n => format!("{}/{}", self.at + 1, count(n)),
        }
    }

    /// The items in view in `rows` rows, with their places in the list.
    pub fn shown<'a, T>(
        &self,
        items: &'a [T],
        rows: usize,
        per: usize,
    ) -> impl Iterator<Item = (usize, &'a T)> {
        items.iter().enumerate().skip(self.top).take(rows / per)
    }
}

/// Draws a full-screen pane's frame, `keys` (if any) saying along its
/// bottom what the keys do, and gives the room inside.
pub fn frame(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    pane: Pane,
    title: String,
    keys: &str,
) -> Rect {
    let keys = if keys.is_empty() {
        " q or esc closes ".to_owned()
    } else {
        format!(" {keys} · q or esc closes ")
    };
    let block = pane_block(app, pane, title).title_bottom(Line::styled(keys, app.theme.dim));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    inner
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cursor_stays_on_an_item_and_in_view() {
        let mut c = Cursor::default();
        c.step(5, 3);
        assert_eq!(c.at, 2);
        c.step(-9, 3);
        assert_eq!(c.at, 0);
        c.at = 9;
        c.settle(10, 6, 2);
        assert_eq!((c.at, c.top), (9, 7));
        c.click(3, 10, 2);
        assert_eq!(c.at, 8);
        c.settle(0, 6, 2);
        assert_eq!((c.at, c.position(0).as_str()), (0, "-"));
    }
}
