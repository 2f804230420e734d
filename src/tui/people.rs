//! The rows of the people pane, derived from the app: the current
//! article's people (most quoted first) or every speaker of the briefing,
//! each followed by their quotes when expanded.

use crate::article::Article;
use crate::briefing::QuoteRef;

use super::app::App;

/// A person (by [`crate::article::PersonId`] in article mode, by briefing
/// speaker index in briefing mode), or one of their quotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Person(usize),
    Quote(usize, QuoteRef),
}

impl Row {
    pub const fn who(self) -> usize {
        match self {
            Row::Person(who) | Row::Quote(who, _) => who,
        }
    }
}

/// The current article's people, most quoted first, then in order of
/// first mention.
pub fn ranked_people(article: &Article) -> Vec<usize> {
    let counts = article.quote_counts();
    let mut ids: Vec<usize> = (0..article.people.len()).collect();
    ids.sort_by_key(|&id| std::cmp::Reverse(counts[id]));
    ids
}

/// A person's quotes in reading order: in the current article, or across
/// the briefing.
pub fn quotes_of(app: &App, who: usize) -> Vec<QuoteRef> {
    if app.everyone {
        let mut refs = app
            .briefing
            .speakers
            .get(who)
            .map_or_else(Vec::new, |s| s.quotes.clone());
        refs.sort_unstable();
        refs
    } else {
        let Some((index, article)) = app.current_article() else {
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

/// Every row of the pane, top to bottom.
pub fn rows(app: &App) -> Vec<Row> {
    let article_people;
    let people: &[usize] = if app.everyone {
        &app.ranked
    } else {
        article_people = app
            .current_article()
            .map_or_else(Vec::new, |(_, a)| ranked_people(a));
        &article_people
    };
    let mut rows = Vec::with_capacity(people.len());
    for &who in people {
        rows.push(Row::Person(who));
        if app.expanded == Some(who) {
            rows.extend(quotes_of(app, who).into_iter().map(|r| Row::Quote(who, r)));
        }
    }
    rows
}

/// A person's name as shown.
pub fn name(app: &App, who: usize) -> String {
    let name = if app.everyone {
        app.briefing.speakers.get(who).map(|s| {
            s.name
                .clone()
                .unwrap_or_else(|| "(unattributed)".to_owned())
        })
    } else {
        app.current_article()
            .and_then(|(_, a)| a.people.get(who))
            .map(|p| p.name.clone())
    };
    crate::article::text::sanitize(&name.unwrap_or_default())
}
