//! The problems pane (`!`, full screen): every file, folder or source that
//! could not be read, with the reason, where the status line only counts
//! them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::App;
use crate::tui::view::count;

use super::list::{self, Cursor};
use super::{Ctx, Go, Pane, PaneState};

#[derive(Clone, Debug, Default)]
pub struct Problems {
    pub cursor: Cursor,
}

impl PaneState for Problems {
    fn settle(&mut self, ctx: &Ctx) {
        self.cursor.settle(ctx.failed.len(), ctx.rows, 1);
    }

    fn step(&mut self, ctx: &Ctx, by: isize) {
        self.cursor.step(by, ctx.failed.len());
    }

    fn open(&mut self, _: &Ctx) -> Option<Go> {
        None
    }

    fn click(&mut self, ctx: &Ctx, row: usize) -> Option<Go> {
        self.cursor.click(row, ctx.failed.len(), 1);
        None
    }

    fn position(&self, app: &App) -> String {
        self.cursor.position(app.failed.len())
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App) {
        let title = format!(" Problems: {} could not be read ", count(app.failed.len()));
        let inner = list::frame(frame, area, app, Pane::Problems, title, "");
        let theme = &app.theme;
        let lines: Vec<Line> = if app.failed.is_empty() {
            vec![Line::styled(" Everything could be read.", theme.dim)]
        } else {
            self.cursor
                .shown(&app.failed, inner.height.into(), 1)
                .map(|(at, problem)| {
                    // Already made safe to show when it arrived.
                    let line = Line::from(format!(" {problem}"));
                    if at == self.cursor.at {
                        line.style(theme.selected)
                    } else {
                        line
                    }
                })
                .collect()
        };
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
    }
}
