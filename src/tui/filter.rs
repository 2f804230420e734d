//! Fuzzy filtering of a pane's rows as a query is typed, with helix's
//! matcher (`nucleo-matcher`): each word of the query must be found, its
//! letters in order, in a row's text; case is ignored unless the query has
//! a capital; accents are ignored. The rows kept come best match first
//! (the letters together, at the start of words), in the list's order
//! among equals. A query that extends the last one is looked for among the
//! last one's matches only, so typing stays fast on a briefing of tens of
//! thousands of articles.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// A query and the rows it keeps.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: String,
    /// The rows that match, best first.
    pub kept: Vec<usize>,
}

impl Filter {
    /// The rows among `rows` whose text (`text(row)`) matches `query`. When
    /// `query` extends this filter's query, only this filter's rows are
    /// looked at again.
    pub fn narrowed<'a>(
        &self,
        query: &str,
        rows: &[usize],
        text: impl Fn(usize) -> &'a str,
    ) -> Filter {
        let from = if !self.query.is_empty() && query.starts_with(&self.query) {
            &self.kept
        } else {
            rows
        };
        Filter {
            query: query.to_owned(),
            kept: keep(query, from.iter().copied(), text),
        }
    }
}

/// The rows whose text matches `query`, best first, in the order given
/// among equals.
pub fn keep<'a>(
    query: &str,
    rows: impl IntoIterator<Item = usize>,
    text: impl Fn(usize) -> &'a str,
) -> Vec<usize> {
    let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buf = Vec::new();
    let mut scored: Vec<(u32, usize)> = rows
        .into_iter()
        .filter_map(|row| {
            let score = pattern.score(Utf32Str::new(text(row), &mut buf), &mut matcher)?;
            Some((score, row))
        })
        .collect();
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
    fn fuzzy_smart_case_accents_and_narrowing() {
        let text = |i: usize| TEXTS[i];
        let all: Vec<usize> = (0..TEXTS.len()).collect();
        let mut ferry = keep("ferry", all.iter().copied(), text);
        ferry.sort_unstable();
        assert_eq!(ferry, [0, 1]);
        // The letters together before the letters apart.
        assert_eq!(keep("timetable", all.iter().copied(), text)[..2], [0, 1]);
        assert_eq!(keep("tmtbl", all.iter().copied(), text).len(), 2);
        assert_eq!(keep("hrbr tmtbl", all.iter().copied(), text), [0]);
        assert_eq!(keep("zurich", all.iter().copied(), text), [2]);
        assert_eq!(keep("Ferry", all.iter().copied(), text), [1]);
        let f = Filter::default().narrowed("fe", &all, text);
        assert_eq!(f.kept.len(), 2);
        let narrower = f.narrowed("ferry union", &all, text);
        assert_eq!(narrower.kept, [1]);
        // Erasing looks at every row again.
        assert_eq!(narrower.narrowed("t", &all, text).kept.len(), 5);
    }
}
