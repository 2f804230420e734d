//! The problems pane (`!`, full screen): every file, folder or source that
//! could not be read, with the reason, where the status line only counts
//! them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};

use crate::tui::app::{App, keep_visible};
use crate::tui::view::{count, pane_block};

use super::{Ctx, Go, Pane, PaneState};

#[derive(Clone, Debug, Default)]
pub struct Problems {
    pub cursor: usize,
    pub top: usize,
}

impl PaneState for Problems {
    /// Keeps the cursor on a problem and in view.
    fn settle(&mut self, ctx: &Ctx) {
        self.cursor = self.cursor.min(ctx.failed.len().saturating_sub(1));
        self.top = keep_visible(self.top, self.cursor, ctx.rows);
    }

    fn step(&mut self, ctx: &Ctx, by: isize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(by)
            .min(ctx.failed.len().saturating_sub(1));
    }

    fn open(&mut self, _: &Ctx) -> Option<Go> {
        None
    }

    fn click(&mut self, ctx: &Ctx, row: usize) -> Option<Go> {
        let at = self.top + row;
        if at < ctx.failed.len() {
            self.cursor = at;
        }
        None
    }

    fn position(&self, app: &App) -> String {
        match app.failed.len() {
            0 => "-".to_owned(),
            n => format!("{}/{}", self.cursor + 1, count(n)),
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App) {
        let title = format!(" Problems: {} could not be read ", count(app.failed.len()));
        let block = pane_block(app, Pane::Problems, title)
            .title_bottom(Line::styled(" q or esc closes ", app.theme.dim));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let theme = &app.theme;
        let lines: Vec<Line> = if app.failed.is_empty() {
            vec![Line::styled(" Everything could be read.", theme.dim)]
        } else {
            app.failed
                .iter()
                .enumerate()
                .skip(self.top)
                .take(inner.height.into())
                .map(|(at, problem)| {
                    // Already made safe to show when it arrived.
                    let line = Line::from(format!(" {problem}"));
                    if at == self.cursor {
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
