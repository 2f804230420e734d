//! Where each pane goes for a terminal size: three columns when there is
//! room, the reader alone with the side panes as overlays when there is
//! not, a full-screen pane (the overview, the problems, the briefing's
//! search hits) over all of them while it has the focus, nothing but a
//! message when the terminal is too small. Both the
//! views and `update` (for paging and the mouse) ask here, so they agree.

use ratatui::layout::{Margin, Position, Rect};

use super::settings::Panes;

use super::panes::Pane;

/// The smallest terminal the reader is drawn in.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Screen {
    pub articles: Option<Rect>,
    pub reader: Rect,
    pub people: Option<Rect>,
    pub status: Rect,
    /// The side panes float over the reader.
    pub overlay: bool,
    /// A full-screen pane in front of the others.
    pub full: Option<(Pane, Rect)>,
}

impl Screen {
    /// The panes for `area`, or `None` when it is too small to read in.
    pub fn new(area: Rect, panes: &Panes, focus: Pane) -> Option<Screen> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let body = Rect {
            height: area.height - 1,
            ..area
        };
        let status = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        let full = focus.full_screen().then_some((focus, body));
        if area.width >= panes.overlay_below {
            // Side panes never take more than a third each.
            let side = |w: u16| w.clamp(12, body.width / 3);
            let (left, right) = (side(panes.articles), side(panes.people));
            let column = |x: u16, width: u16| Rect { x, width, ..body };
            return Some(Screen {
                articles: Some(column(body.x, left)),
                reader: column(body.x + left, body.width - left - right),
                people: Some(column(body.right() - right, right)),
                status,
                overlay: false,
                full,
            });
        }
        let width = |w: u16| (w + 8).min(body.width - 4);
        let articles = (focus == Pane::Articles).then(|| Rect {
            width: width(panes.articles),
            ..body
        });
        let people = (focus == Pane::People).then(|| {
            let w = width(panes.people);
            Rect {
                x: body.right() - w,
                width: w,
                ..body
            }
        });
        Some(Screen {
            articles,
            reader: body,
            people,
            status,
            overlay: true,
            full,
        })
    }

    /// The pane drawn at a cell (a full-screen pane, then overlays, first).
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        let at = Position::new(column, row);
        let hit = |r: Option<Rect>| r.is_some_and(|r| r.contains(at));
        if let Some((pane, rect)) = self.full {
            rect.contains(at).then_some(pane)
        } else if hit(self.articles) {
            Some(Pane::Articles)
        } else if hit(self.people) {
            Some(Pane::People)
        } else {
            self.reader.contains(at).then_some(Pane::Reader)
        }
    }

    /// The inside of a pane, within its border.
    pub fn inner(&self, pane: Pane) -> Rect {
        let rect = match pane {
            Pane::Articles => self.articles,
            Pane::Reader => Some(self.reader),
            Pane::People => self.people,
            _ => self.full.filter(|(p, _)| *p == pane).map(|(_, r)| r),
        };
        rect.unwrap_or_default().inner(Margin::new(1, 1))
    }
}

/// The reader's text column inside the reader pane: at most the reading
/// width, centred, with room on the left for the current-quote mark.
pub fn text_column(inner: Rect, reading_width: u16) -> Rect {
    let width = inner
        .width
        .saturating_sub(4)
        .clamp(1, reading_width.max(20));
    Rect {
        x: inner.x + inner.width.saturating_sub(width).div_ceil(2),
        width: width.min(inner.width),
        ..inner
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PANES: Panes = Panes {
        articles: 34,
        people: 34,
        overlay_below: 100,
    };

    #[test]
    fn three_columns_when_wide_overlays_when_narrow() {
        let wide = Screen::new(Rect::new(0, 0, 120, 40), &PANES, Pane::Reader).unwrap();
        assert!(!wide.overlay);
        assert_eq!(
            wide.articles.unwrap().width + wide.reader.width + wide.people.unwrap().width,
            120
        );
        let narrow = Screen::new(Rect::new(0, 0, 60, 20), &PANES, Pane::People).unwrap();
        assert!(narrow.overlay && narrow.articles.is_none());
        assert_eq!(narrow.pane_at(59, 3), Some(Pane::People));
        assert_eq!(narrow.pane_at(2, 3), Some(Pane::Reader));
        assert_eq!(
            Screen::new(Rect::new(0, 0, 20, 5), &PANES, Pane::Reader),
            None
        );
    }

    #[test]
    fn the_text_column_is_centred_and_bounded() {
        let column = text_column(Rect::new(10, 1, 100, 30), 60);
        assert_eq!((column.x, column.width), (30, 60));
        let small = text_column(Rect::new(0, 0, 3, 3), 60);
        assert!(small.right() <= 3);
    }
}
