//! The people pane: the current article's people (most quoted first) or
//! every speaker of the briefing, with their number of quotes, people
//! before organisations, groups and unnamed sources, which are marked; an
//! expanded person lists their quotes by their first words, and `enter`
//! on a person or a quote makes their quotes the matches.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use crate::article::text::sanitize;
use crate::article::{Article, QuoteKind, Source};
use crate::briefing::QuoteRef;
use crate::tui::app::{App, Matches, keep_visible};
use crate::tui::filter::{FIELD, Filters};
use crate::tui::view::{count, fit, pane_block};

use super::{Ctx, Go, Pane, PaneState};

/// A person (by [`crate::article::PersonId`] in article mode, by briefing
/// speaker index in briefing mode), or one of their quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Person(usize),
    Quote(usize, QuoteRef),
}

#[derive(Clone, Debug, Default)]
pub struct People {
    /// The pane shows the whole briefing.
    pub everyone: bool,
    /// The cursor's row.
    pub cursor: usize,
    /// First row shown.
    pub top: usize,
    /// The person whose quotes are listed under them.
    pub expanded: Option<usize>,
    /// Briefing speakers with quotes, most quoted first (kept current only
    /// while briefing mode shows them: ranking is not free).
    pub ranked: Vec<usize>,
    ranked_stale: bool,
    /// The query typed with `/` and the people it keeps.
    pub filter: Filters,
    /// The names each person of the list is found by, for the filter:
    /// made when filtering begins.
    names: Vec<(usize, String)>,
}

/// The article's people, then its organisations and groups, each most
/// quoted first, then in order of first mention.
pub fn ranked_people(article: &Article) -> Vec<usize> {
    let counts = article.quote_counts();
    let mut ids: Vec<usize> = (0..article.people.len()).collect();
    ids.sort_by_key(|&id| (article.people[id].source, std::cmp::Reverse(counts[id])));
    ids
}

impl People {
    /// A person's quotes in reading order: in the current article, or
    /// across the briefing.
    pub fn quotes_of(&self, ctx: &Ctx, who: usize) -> Vec<QuoteRef> {
        if self.everyone {
            let mut refs = ctx
                .briefing
                .speakers
                .get(who)
                .map_or_else(Vec::new, |s| s.quotes.clone());
            // In the list's order, whatever order the articles arrived in.
            let key = |r: &QuoteRef| (ctx.documents.get(r.article()).map(|d| d.key()), r.quote());
            refs.sort_unstable_by(|a, b| key(a).cmp(&key(b)));
            refs
        } else {
            let Some((index, article)) = ctx.current.and_then(|i| Some((i, ctx.article(i)?)))
            else {
                return Vec::new();
            };
            article
                .quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| q.speaker == Some(who))
                .map(|(quote, _)| QuoteRef::new(index, quote))
                .collect()
        }
    }

    /// The people listed: the article's or the briefing's, most quoted
    /// first, or those the filter keeps.
    pub fn listed(&self, ctx: &Ctx) -> Vec<usize> {
        if let Some(filter) = self.filter.current() {
            return filter.kept.iter().map(|&at| self.names[at].0).collect();
        }
        self.everyone_or_article(ctx)
    }

    fn everyone_or_article(&self, ctx: &Ctx) -> Vec<usize> {
        if self.everyone {
            self.ranked.clone()
        } else {
            ctx.current
                .and_then(|i| ctx.article(i))
                .map_or_else(Vec::new, ranked_people)
        }
    }

    /// Every row of the pane, top to bottom.
    pub fn rows(&self, ctx: &Ctx) -> Vec<Row> {
        let people = self.listed(ctx);
        let mut rows = Vec::with_capacity(people.len());
        for who in people {
            rows.push(Row::Person(who));
            if self.expanded == Some(who) {
                rows.extend(
                    self.quotes_of(ctx, who)
                        .into_iter()
                        .map(|r| Row::Quote(who, r)),
                );
            }
        }
        rows
    }

    /// Lists only the people `query` finds by name or another form of it
    /// (everyone for an empty query).
    pub fn set_filter(&mut self, query: &str, ctx: &Ctx) {
        self.cursor = 0;
        self.top = 0;
        if !self.filter.is_active() {
            // The filter keeps places in this list of names.
            self.names = self
                .everyone_or_article(ctx)
                .into_iter()
                .map(|who| (who, self.found_by(ctx, who)))
                .collect();
        }
        let at: Vec<usize> = (0..self.names.len()).collect();
        let names = &self.names;
        self.filter.set(query, &at, |i| names[i].1.as_str());
        if !self.filter.is_active() {
            self.names = Vec::new();
        }
    }

    /// The names a person is found by.
    fn found_by(&self, ctx: &Ctx, who: usize) -> String {
        let (name, aliases) = if self.everyone {
            let speaker = ctx.briefing.speakers.get(who);
            (
                speaker.and_then(|s| s.name.clone()),
                speaker.map(|s| s.aliases.clone()),
            )
        } else {
            let person = ctx
                .current
                .and_then(|i| ctx.article(i))
                .and_then(|a| a.people.get(who));
            (
                person.map(|p| p.name.clone()),
                person.map(|p| p.aliases.clone()),
            )
        };
        let mut text = name.unwrap_or_default();
        for alias in aliases.unwrap_or_default() {
            text.push(FIELD);
            text.push_str(&alias);
        }
        text
    }

    /// A person's name as shown.
    pub fn name(&self, ctx: &Ctx, who: usize) -> String {
        let name = if self.everyone {
            ctx.briefing.speakers.get(who).map(|s| {
                s.name
                    .clone()
                    .unwrap_or_else(|| "(unattributed)".to_owned())
            })
        } else {
            ctx.current
                .and_then(|i| ctx.article(i))
                .and_then(|a| a.people.get(who))
                .map(|p| p.name.clone())
        };
        sanitize(&name.unwrap_or_default())
    }

    /// Between this article's people and the whole briefing's.
    pub fn toggle_everyone(&mut self, ctx: &Ctx) {
        self.everyone = !self.everyone;
        self.cursor = 0;
        self.top = 0;
        self.expanded = None;
        self.filter.clear();
        self.rank(ctx);
    }

    /// Another article in the reader: its people, from the top, unless
    /// the pane shows the whole briefing.
    pub fn article_changed(&mut self) {
        if !self.everyone {
            self.cursor = 0;
            self.top = 0;
            self.expanded = None;
            self.filter.clear();
        }
    }

    /// The briefing's people changed: ranked again when next shown.
    pub fn briefing_changed(&mut self, ctx: &Ctx) {
        self.ranked_stale = true;
        if self.everyone {
            self.rank(ctx);
        }
    }

    fn rank(&mut self, ctx: &Ctx) {
        if self.ranked_stale {
            self.ranked = ctx.briefing.ranked_people_first();
            self.ranked_stale = false;
            // The filter looks again at the people ranked afresh.
            if let Some(query) = self.filter.current().map(|f| f.query.clone()) {
                self.filter.clear();
                self.set_filter(&query, ctx);
            }
        }
    }
}

impl PaneState for People {
    /// Keeps the cursor on a row and in view.
    fn settle(&mut self, ctx: &Ctx) {
        let rows = self.rows(ctx).len();
        self.cursor = self.cursor.min(rows.saturating_sub(1));
        self.top = keep_visible(self.top, self.cursor, ctx.rows);
    }

    fn step(&mut self, ctx: &Ctx, by: isize) {
        let rows = self.rows(ctx).len();
        self.cursor = self
            .cursor
            .saturating_add_signed(by)
            .min(rows.saturating_sub(1));
    }

    fn open(&mut self, ctx: &Ctx) -> Option<Go> {
        match self.rows(ctx).get(self.cursor).copied()? {
            Row::Person(who) if self.expanded == Some(who) => {
                self.expanded = None;
                None
            }
            Row::Person(who) => {
                self.expanded = Some(who);
                Some(Go::Pick { who, at: None })
            }
            Row::Quote(who, r) => Some(Go::Pick { who, at: Some(r) }),
        }
    }

    fn click(&mut self, ctx: &Ctx, row: usize) -> Option<Go> {
        let at = self.top + row;
        if at < self.rows(ctx).len() {
            self.cursor = at;
        }
        None
    }

    fn position(&self, app: &App) -> String {
        let rows = self.rows(&app.ctx(Pane::People)).len();
        if rows == 0 {
            "-".to_owned()
        } else {
            format!("{}/{}", self.cursor + 1, rows)
        }
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App) {
        let ctx = app.ctx(Pane::People);
        let rows = self.rows(&ctx);
        let mut title = if self.everyone {
            format!(" People · briefing ({}) ", count(self.ranked.len()))
        } else {
            " People · this article ".to_owned()
        };
        if let Some(filter) = self.filter.current() {
            title.push_str(&format!("/{} ", sanitize(&filter.query)));
        }
        let block = pane_block(app, Pane::People, title);
        let inner = block.inner(area);
        frame.render_widget(block, area);
        let width = usize::from(inner.width);
        let theme = &app.theme;
        let current = match &app.matches {
            Matches::Quotes { refs, current, .. } => refs.get(*current).copied(),
            _ => None,
        };
        let mut lines: Vec<Line> = Vec::new();
        for (at, row) in rows
            .iter()
            .enumerate()
            .skip(self.top)
            .take(inner.height.into())
        {
            let mut line = match *row {
                Row::Person(who) => self.person(app, &ctx, who, width),
                Row::Quote(_, r) => {
                    let quote = app
                        .article(r.article())
                        .and_then(|a| Some((a, a.quotes.get(r.quote())?)));
                    let (text, style) = match quote {
                        Some((a, q)) if q.kind == QuoteKind::Direct => {
                            (format!("“{}", a.show(q.content)), theme.quote)
                        }
                        Some((a, q)) => (a.show(q.content), theme.indirect),
                        None => (String::new(), theme.dim),
                    };
                    let style = if Some(r.article()) == app.current {
                        style
                    } else {
                        theme.dim
                    };
                    let mark = if Some(r) == current { "  ▌" } else { "   " };
                    Line::from(vec![
                        Span::styled(mark, theme.gutter),
                        Span::styled(fit(&text, width.saturating_sub(3)), style),
                    ])
                }
            };
            if at == self.cursor {
                let cursor = if app.focus == Pane::People {
                    theme.selected
                } else {
                    theme.title
                };
                let used = line.width();
                line.spans
                    .push(Span::raw(" ".repeat(width.saturating_sub(used))));
                line = line.patch_style(cursor);
            }
            lines.push(line);
        }
        if lines.is_empty() {
            let text = if self.everyone {
                "nobody quoted yet"
            } else {
                "no people named"
            };
            lines.push(Line::styled(format!(" {text}"), theme.dim));
        }
        frame.render_widget(Paragraph::new(lines), inner);
    }
}

impl People {
    /// `▸ Name · role      3`: the count of quotes right-aligned.
    fn person(&self, app: &App, ctx: &Ctx, who: usize, width: usize) -> Line<'static> {
        let theme = &app.theme;
        let (role, quotes, source) = if self.everyone {
            let s = app.briefing.speakers.get(who);
            (
                s.and_then(|s| s.role.clone()),
                s.map_or(0, |s| s.quotes.len()),
                s.and_then(|s| s.source),
            )
        } else {
            let article = ctx.current.and_then(|i| ctx.article(i));
            let person = article.and_then(|a| a.people.get(who));
            (
                person.and_then(|p| p.role.clone()),
                article.map_or(0, |a| a.quote_counts().get(who).copied().unwrap_or(0)),
                person.map(|p| p.source),
            )
        };
        let kind = kind_mark(source);
        let mark = if self.expanded == Some(who) {
            "▾ "
        } else {
            "▸ "
        };
        let number = format!(" {quotes}");
        let room = width.saturating_sub(mark.width() + number.width());
        let name = fit(&self.name(ctx, who), room);
        let name_style = if self.everyone {
            theme.title
        } else {
            theme.speaker(who).patch(theme.title)
        };
        let mut spans = vec![
            Span::styled(mark, theme.gutter),
            Span::styled(name.clone(), name_style),
        ];
        let mut left = room.saturating_sub(name.width());
        if let Some(kind) = kind.filter(|_| left > 4) {
            let kind = fit(&kind, left);
            left = left.saturating_sub(kind.width());
            spans.push(Span::styled(kind, theme.dim));
        }
        if let Some(role) = role.filter(|_| left > 4) {
            let role = fit(&format!(" · {}", sanitize(&role)), left);
            spans.push(Span::styled(role, theme.dim));
        }
        let used: usize = spans.iter().map(|s| s.width()).sum();
        spans.push(Span::raw(
            " ".repeat(width.saturating_sub(used + number.width())),
        ));
        spans.push(Span::styled(
            number,
            if quotes > 0 { theme.key } else { theme.dim },
        ));
        Line::from(spans)
    }
}

/// What an organisation, a group or an unnamed source is marked with after
/// its name, wherever the reader lists speakers: ` (organisation)`.
pub(super) fn kind_mark(source: Option<Source>) -> Option<String> {
    source
        .filter(|&s| s != Source::Person)
        .map(|s| format!(" ({})", s.as_str()))
}
