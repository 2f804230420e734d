//! The overview (`v`, full screen): the briefing at a glance. The most
//! quoted people as a bar chart (the cursor on one, `enter` walks their
//! quotes across the briefing), articles and quotes per day as sparklines,
//! and articles per source. Counted when opened and as articles arrive,
//! not at every frame.

use std::collections::BTreeMap;

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, Paragraph, Sparkline};
use unicode_width::UnicodeWidthStr;

use crate::article::text::sanitize;
use crate::tui::app::App;
use crate::tui::view::{count, count_of, fit, people};

use super::list::{self, Cursor};
use super::people;
use super::{Ctx, Go, Pane, PaneState};

/// The widest a name is drawn beside its bar.
const NAME: usize = 24;

#[derive(Clone, Debug, Default)]
pub struct Overview {
    /// Briefing speakers with quotes, most quoted first.
    pub people: Vec<usize>,
    pub cursor: Cursor,
    /// Articles and quotes on each day articles are dated (days since
    /// 1970-01-01).
    days: BTreeMap<i64, (u64, u64)>,
    /// Articles per source folder, most first.
    sources: Vec<(String, usize)>,
    quotes: usize,
}

impl Overview {
    /// Counts the briefing afresh.
    pub fn count(&mut self, ctx: &Ctx) {
        self.people = ctx.briefing.ranked_ids();
        self.days.clear();
        self.quotes = 0;
        let mut sources: BTreeMap<String, usize> = BTreeMap::new();
        for document in ctx.documents {
            let quotes = document.article.quotes.len();
            self.quotes += quotes;
            if let Some(day) = document.article.published.as_deref().and_then(day_number) {
                let (articles, said) = self.days.entry(day).or_default();
                *articles += 1;
                *said += quotes as u64;
            }
            *sources.entry(document.origin.group()).or_default() += 1;
        }
        self.sources = sources.into_iter().collect();
        self.sources
            .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }

    /// Articles and quotes per bucket of days, for `width` columns: each
    /// column a day, or several when the briefing spans more days than
    /// there are columns. Also the first day and the bucket's size.
    fn per_day(&self, width: usize) -> Option<(Vec<u64>, Vec<u64>, i64, i64)> {
        let (&first, _) = self.days.first_key_value()?;
        let (&last, _) = self.days.last_key_value()?;
        let span = last - first + 1;
        let bucket = (span + width.max(1) as i64 - 1) / width.max(1) as i64;
        let columns = ((span + bucket - 1) / bucket) as usize;
        let (mut articles, mut quotes) = (vec![0; columns], vec![0; columns]);
        for (day, (a, q)) in &self.days {
            let at = ((day - first) / bucket) as usize;
            articles[at] += a;
            quotes[at] += q;
        }
        Some((articles, quotes, first, bucket))
    }
}

impl PaneState for Overview {
    fn settle(&mut self, ctx: &Ctx) {
        // The chart has the upper half.
        self.cursor.settle(self.people.len(), ctx.rows / 2, 1);
    }

    fn step(&mut self, _: &Ctx, by: isize) {
        self.cursor.step(by, self.people.len());
    }

    fn open(&mut self, _: &Ctx) -> Option<Go> {
        let who = *self.people.get(self.cursor.at)?;
        Some(Go::PickInBriefing(who))
    }

    fn click(&mut self, _: &Ctx, row: usize) -> Option<Go> {
        // The rows under the chart's heading are its bars.
        self.cursor.click(row.checked_sub(1)?, self.people.len(), 1);
        None
    }

    fn position(&self, _: &App) -> String {
        self.cursor.position(self.people.len())
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App) {
        let title = format!(
            " Overview: {}, {}, {} quoted ",
            count_of(app.documents.len(), "article"),
            count_of(self.quotes, "quote"),
            people(self.people.len()),
        );
        let inner = list::frame(
            frame,
            area,
            app,
            Pane::Overview,
            title,
            "enter: their quotes",
        );
        let [top, bottom] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(inner);
        let [people, sources] =
            Layout::horizontal([Constraint::Percentage(65), Constraint::Fill(1)]).areas(top);
        self.render_people(frame, people, app);
        self.render_sources(frame, sources, app);
        self.render_days(frame, bottom, app);
    }
}

impl Overview {
    fn render_people(&self, frame: &mut Frame, area: Rect, app: &App) {
        let theme = &app.theme;
        let [heading, chart] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        frame.render_widget(Line::styled(" Most quoted", theme.heading), heading);
        let bars: Vec<Bar> = self
            .people
            .iter()
            .enumerate()
            .skip(self.cursor.top)
            .take(chart.height.into())
            .filter_map(|(at, &who)| {
                let speaker = app.briefing.speakers.get(who)?;
                let mut name = sanitize(speaker.name.as_deref().unwrap_or("(unattributed)"));
                name.extend(people::kind_mark(speaker.source));
                let quotes = speaker.quotes.len() as u64;
                let mark = if at == self.cursor.at { "▶ " } else { "  " };
                let label = format!("{mark}{}", fit(&name, NAME));
                let bar = Bar::with_label(label, quotes).text_value(quotes.to_string());
                Some(if at == self.cursor.at {
                    bar.style(theme.key)
                } else {
                    bar.style(theme.dim)
                })
            })
            .collect();
        if bars.is_empty() {
            frame.render_widget(Line::styled("  nobody quoted yet", theme.dim), chart);
            return;
        }
        let chart_widget = BarChart::horizontal(bars)
            .bar_width(1)
            .bar_gap(0)
            .max(
                self.people
                    .first()
                    .and_then(|&w| app.briefing.speakers.get(w))
                    .map_or(1, |s| s.quotes.len() as u64),
            )
            .value_style(theme.selected);
        frame.render_widget(chart_widget, chart);
    }

    fn render_sources(&self, frame: &mut Frame, area: Rect, app: &App) {
        let theme = &app.theme;
        let width = usize::from(area.width);
        let mut lines = vec![Line::styled(" Articles per source", theme.heading)];
        for (source, n) in self
            .sources
            .iter()
            .take(area.height.saturating_sub(1).into())
        {
            let n = count(*n);
            let room = width.saturating_sub(n.width() + 3);
            let name = fit(&sanitize(source), room);
            let pad = room.saturating_sub(name.width());
            lines.push(Line::from(format!(" {name}{} {n}", " ".repeat(pad))));
        }
        frame.render_widget(Paragraph::new(lines), area);
    }

    fn render_days(&self, frame: &mut Frame, area: Rect, app: &App) {
        let theme = &app.theme;
        let width = usize::from(area.width.saturating_sub(2));
        let Some((articles, quotes, first, bucket)) = self.per_day(width) else {
            frame.render_widget(
                Line::styled(" No article is dated: nothing to show by day.", theme.dim),
                area,
            );
            return;
        };
        let last = first + bucket * articles.len() as i64 - 1;
        let per = if bucket == 1 {
            "day".to_owned()
        } else {
            format!("{bucket} days")
        };
        let [a_label, a_line, q_label, q_line, _] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(0),
        ])
        .areas(area);
        let range = format!("{} to {}", date(first), date(last));
        frame.render_widget(
            Line::styled(format!(" Articles per {per}, {range}"), theme.heading),
            a_label,
        );
        let inset = |r: Rect| Rect {
            x: r.x + 1,
            width: r.width.saturating_sub(2),
            ..r
        };
        frame.render_widget(
            Sparkline::default().data(&articles).style(theme.key),
            inset(a_line),
        );
        frame.render_widget(
            Line::styled(format!(" Quotes per {per}"), theme.heading),
            q_label,
        );
        frame.render_widget(
            Sparkline::default().data(&quotes).style(theme.indirect),
            inset(q_line),
        );
    }
}

/// Days since 1970-01-01 of an ISO 8601 date (`2025-03-11`, a time after
/// it allowed), if it is one.
fn day_number(iso: &str) -> Option<i64> {
    let date = iso.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let (y, m, d): (i64, i64, i64) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO 8601 date of a day number, the inverse of [`day_number`].
fn date(days: i64) -> String {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_dates_round_trip() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2025-03-11T18:47"), Some(20_158));
        assert_eq!(date(20_158), "2025-03-11");
        for days in [0, 59, 60, 11_016, 20_000, 2_000_000] {
            assert_eq!(day_number(&date(days)), Some(days), "{days}");
        }
        assert_eq!(day_number("2025-13-01"), None);
        assert_eq!(day_number("March 3"), None);
    }
}
