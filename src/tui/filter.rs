//! Fuzzy filtering of a pane's rows as a query is typed, with helix's
//! matcher (`nucleo-matcher`): each word of the query must be found, its
//! letters in order, within one of a row's fields (a title, a name, a
//! path: letters picked from here and there across them would match
//! nearly anything); case is ignored unless the query has a capital;
//! accents are ignored. The rows kept come best match first
//! (the letters together, at the start of words), in the list's order
//! among equals.
//!
//! Typing stays fast on a briefing of tens of thousands of articles: a
//! query that extends the last one is looked for among the last one's
//! matches only, erasing goes back to a result already known, and a long
//! list is matched on every core.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use rayon::prelude::*;

/// A query and the rows it keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: String,
    /// The rows that match, best first.
    pub kept: Vec<usize>,
}

/// The filter of a pane: the query typed, with the results of the
/// queries it extends, so that erasing costs nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Each query extends the one before it; the last is in force.
    typed: Vec<Filter>,
}

impl Filters {
    /// The filter in force, if any.
    pub fn current(&self) -> Option<&Filter> {
        self.typed.last()
    }

    pub fn is_active(&self) -> bool {
        !self.typed.is_empty()
    }

    pub fn clear(&mut self) {
        self.typed.clear();
    }

    /// Filters `rows` by `query` (nothing for an empty query), each row's
    /// text being `text(row)`.
    pub fn set<'a>(&mut self, query: &str, rows: &[usize], text: impl Fn(usize) -> &'a str + Sync) {
        while self
            .typed
            .last()
            .is_some_and(|last| !query.starts_with(&last.query))
        {
            self.typed.pop();
        }
        if query.is_empty() || self.current().is_some_and(|last| last.query == query) {
            return;
        }
        let from = self.current().map_or(rows, |last| &last.kept);
        let kept = keep(query, from, text);
        self.typed.push(Filter {
            query: query.to_owned(),
            kept,
        });
    }
}

/// Between the fields of a row's text.
pub const FIELD: char = '\u{1f}';

/// Lists longer than this are matched on every core.
const PARALLEL: usize = 4096;

/// The rows whose text (fields apart by [`FIELD`]) matches `query`, best
/// first, in the order given among equals.
pub fn keep<'a>(query: &str, rows: &[usize], text: impl Fn(usize) -> &'a str + Sync) -> Vec<usize> {
    let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    let score = |matcher: &mut (Matcher, Vec<char>), row: usize| {
        let (matcher, buf) = matcher;
        let mut total = 0;
        for atom in &pattern.atoms {
            let best = text(row)
                .split(FIELD)
                .filter_map(|field| atom.score(Utf32Str::new(field, buf), matcher))
                .max()?;
            total += u32::from(best);
        }
        Some((total, row))
    };
    let new = || (Matcher::new(Config::DEFAULT), Vec::new());
    let mut scored: Vec<(u32, usize)> = if rows.len() > PARALLEL {
        rows.par_iter()
            .map_init(new, |m, &row| score(m, row))
            .flatten()
            .collect()
    } else {
        let mut m = new();
        rows.iter().filter_map(|&row| score(&mut m, row)).collect()
    };
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    scored.into_iter().map(|(_, row)| row).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 5] = [
        "Harbour council agrees new ferry timetable",
        "Ferry union welcomes timetable",
        "Zürich bank holds rates",
        "Medieval sea chart found",
        "Drones cut waiting times",
    ];

    #[test]
    fn fuzzy_smart_case_accents_best_first() {
        let text = |i: usize| TEXTS[i];
        let all: Vec<usize> = (0..TEXTS.len()).collect();
        let mut ferry = keep("ferry", &all, text);
        ferry.sort_unstable();
        assert_eq!(ferry, [0, 1]);
        assert_eq!(keep("hrbr tmtbl", &all, text), [0]);
        let fields = [
            "Harbour news\u{1f}Ines Okafor",
            "Hostile bytes\u{1f}Lena Voss",
        ];
        let field = |i: usize| fields[i];
        assert_eq!(keep("hostile", &[0, 1], field), [1], "within a field");
        assert_eq!(
            keep("harbour okafor", &[0, 1], field),
            [0],
            "words in any field"
        );
        assert_eq!(keep("zurich", &all, text), [2]);
        assert_eq!(keep("Ferry", &all, text), [1]);
        // The letters together before the letters apart.
        assert_eq!(keep("timetable", &all, text)[..2], [0, 1]);
        assert_eq!(keep("tmtbl", &all, text).len(), 2);
    }

    #[test]
    fn typing_narrows_and_erasing_goes_back() {
        let text = |i: usize| TEXTS[i];
        let all: Vec<usize> = (0..TEXTS.len()).collect();
        let mut filters = Filters::default();
        filters.set("fe", &all, text);
        assert_eq!(filters.current().unwrap().kept.len(), 2);
        filters.set("ferry union", &all, text);
        assert_eq!(filters.current().unwrap().kept, [1]);
        assert_eq!(filters.typed.len(), 2);
        filters.set("fe", &all, text);
        assert_eq!(filters.typed.len(), 1, "the earlier result, kept");
        filters.set("t", &all, text);
        assert_eq!(filters.current().unwrap().kept.len(), 5);
        filters.set("", &all, text);
        assert!(!filters.is_active());
    }

    #[test]
    fn long_lists_match_the_same_on_every_core() {
        let texts: Vec<String> = (0..PARALLEL * 2)
            .map(|i| format!("{} number {i}", TEXTS[i % TEXTS.len()]))
            .collect();
        let all: Vec<usize> = (0..texts.len()).collect();
        let text = |i: usize| texts[i].as_str();
        let parallel = keep("ferry 12", &all, text);
        let mut one_by_one = Vec::new();
        for chunk in all.chunks(PARALLEL) {
            one_by_one.extend(keep("ferry 12", chunk, text));
        }
        let (mut a, mut b) = (parallel.clone(), one_by_one);
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
        assert!(!parallel.is_empty());
    }
}
