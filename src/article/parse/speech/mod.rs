//! Finding speech: direct quotations and reported speech, each with the
//! words that say who spoke (the "source" phrase), before any person is
//! resolved.
//!
//! A direct quote is a quoted stretch that is speech: it has a speech verb
//! beside it (`"...," Obama said`, `Mr Blair said: "..."`), or it reads as a
//! sentence, or it continues a quote (a split quote, a quote-only paragraph,
//! a quote running over paragraphs). A short quoted phrase with no speech
//! verb near it is a scare quote or a title and is left alone. Reported
//! speech is a speech verb with a clause: `X said (that) ...`, `..., X
//! said.`, `according to X, ...`, `X is quoted as saying ...`.

mod clause;
mod phrases;
mod reported;

use phrases::{source_after, source_before, span};
use reported::reported;

use super::flat::{Flat, Span32};
use super::marks::{self, Marked};
use super::shape::Shape;
use super::tokens::{Token, sentences};
use crate::article::{QuoteKind, Span};
use std::ops::Range;

/// Who a quote's words belong to, as far as the text around it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The phrase naming the speaker: `Obama`, `he`, `a State Department official`.
    Phrase(Span32),
    /// The same speaker as the quote before it (a split or continued quote).
    Previous,
    /// Nothing says.
    Unknown,
}

/// A quote found, in 32-bit offsets and index: a story of quotes has one
/// for every few bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speech {
    content: Span32,
    paragraph: u32,
    pub kind: QuoteKind,
    pub source: Source,
}

impl Speech {
    fn new(content: Span, kind: QuoteKind, paragraph: usize, source: Source) -> Speech {
        Speech {
            content: Span32::new(content),
            paragraph: super::flat::narrow(paragraph),
            kind,
            source,
        }
    }

    pub fn content(&self) -> Span {
        self.content.get()
    }

    /// The index of the paragraph the quote is in.
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }
}

/// Finds every direct and reported quotation in the body paragraphs.
/// `tokens` holds each paragraph's tokens.
pub fn find(text: &str, paragraphs: &[Span32], tokens: &Flat<Token>) -> Vec<Speech> {
    let mut out = Vec::new();
    // A paragraph's reports, before they join its direct quotes.
    let mut reports = Vec::new();
    let mut carried = false; // the previous paragraph left a quote open
    for (p, para) in paragraphs.iter().enumerate() {
        let para = para.get();
        let from = out.len();
        let next_opens = paragraphs
            .get(p + 1)
            .is_some_and(|n| marks::opens_with_quote(&text[n.get().range()]));
        let toks = tokens.get(p);
        let (marked, open_end) = marks::quoted(text, para, next_opens);
        let places = places(toks, &marked);
        let sents = sentences_outside(text, toks, &places);
        let para_text = &text[para.range()];
        let only_quote = marked.len() == 1 && {
            let m = marked[0].outer();
            m.start - para.start <= para_text.len() - para_text.trim_start().len()
                && m.end >= para.end.saturating_sub(1)
        };
        // The speech verbs that cue a direct quote; none without quotes.
        let mut cues = if marked.is_empty() {
            Vec::new()
        } else {
            vec![false; toks.len()]
        };
        // The index of the first token at or after `pos`, found in one
        // sweep over the quotes' starts and ends: they and the tokens are
        // in order.
        let mut cursor = 0;
        let mut token_at = |pos: usize| {
            while cursor < toks.len() && toks[cursor].span().start < pos {
                cursor += 1;
            }
            cursor
        };
        // The first token of the quote, and the first after the one before.
        let mut first = marked.first().map_or(0, |m| token_at(m.outer().start));
        let mut prev_quote = 0;
        let mut prev_in_para: Option<usize> = None;
        for (qi, m) in marked.iter().enumerate() {
            let after = token_at(m.outer().end);
            let next_quote = marked
                .get(qi + 1)
                .map_or(toks.len(), |n| token_at(n.outer().start));
            let sent = sents
                .get(sentence_of(&sents, first))
                .cloned()
                .unwrap_or(0..toks.len());
            let after_end = sents
                .get(sentence_of(&sents, after))
                .filter(|s| s.contains(&after))
                .map_or(next_quote, |s| s.end.min(next_quote));
            let found = source_after(text, toks, after, after_end)
                .or_else(|| source_before(text, toks, sent.start.max(prev_quote), first));
            let shape = Shape::of(&text[m.inner().range()]);
            let words = shape.words;
            // `says he is making "a demand"`, `"a demand" is made, he says`:
            // words of the sentence stand against the quote, which is part
            // of a reported clause that the reported-speech pass finds.
            // A word with its dot (`in the U.S. "...`) may end a sentence.
            let word_before = first > 0
                && toks[first - 1].word()
                && !text[toks[first - 1].span().range()].ends_with('.');
            let closed = text[m.inner().range()].ends_with(['.', '!', '?', '…'])
                || text[m.inner().end..m.outer().end].starts_with([',', ';', ':']);
            let word_after = after < after_end && toks[after].word() && !closed;
            let embedded = match found {
                Some((_, verb)) if verb < first => (word_before && first - 1 != verb) || word_after,
                // `"...," said X` or `"...," X said`: the attribution starts at
                // whichever comes first.
                Some((np, verb)) => {
                    word_before || np.0.min(verb) > attribution_start(text, toks, after)
                }
                None => word_before || word_after,
            };
            let source = match found {
                Some((np, verb)) => {
                    if !embedded {
                        cues[verb] = true;
                    }
                    Source::Phrase(span(toks, np))
                }
                None if prev_in_para.is_some() || (qi == 0 && carried) => Source::Previous,
                None if only_quote
                    && p > 0
                    && out.last().is_some_and(|s: &Speech| s.paragraph() + 1 == p) =>
                {
                    Source::Previous
                }
                None => Source::Unknown,
            };
            let inner_text = &text[m.inner().range()];
            // `Musk's "production hell"`, `on CBS' "Face the Nation"`.
            let after_possessive = first > 0 && {
                let w = &text[toks[first - 1].span().range()];
                (toks[first - 1].word() && (w.ends_with("'s") || w.ends_with("’s")))
                    || (matches!(w, "'" | "’")
                        && first > 1
                        && text[toks[first - 2].span().range()].ends_with(['s', 'S']))
            };
            let aside =
                inner_text.starts_with('(') && inner_text.trim_end_matches('.').ends_with(')');
            let title = words <= 6 && is_title_case(&shape);
            // A short quoted phrase inside a sentence is a scare quote or a
            // title: a quote only as part of a report around it.
            let phrase =
                embedded && words <= 3 && !text[m.inner().range()].ends_with(['.', '!', '?']);
            let is_speech = !after_possessive
                && !aside
                && !phrase
                && (!title || found.is_some_and(|_| words > 4))
                && match source {
                    Source::Phrase(_) | Source::Previous => words >= 2 || found.is_some(),
                    Source::Unknown => words >= 8 && !is_title_case(&shape),
                };
            let runs_on = open_end && qi + 1 == marked.len();
            if is_speech || runs_on || (qi == 0 && carried) {
                out.push(Speech::new(m.inner(), QuoteKind::Direct, p, source));
                prev_in_para = Some(out.len() - 1);
            }
            prev_quote = after;
            first = next_quote;
        }
        carried = open_end;
        reports.clear();
        reported(text, toks, &sents, &places, &cues, p, &mut reports);
        merge(&mut out, from, &mut reports);
    }
    out
}

/// Where the words after a quote's closing mark begin: past the commas and
/// dashes that join an attribution to it.
fn attribution_start(text: &str, toks: &[Token], after: usize) -> usize {
    let mut i = after;
    while i < toks.len() && is_punct(text, &toks[i], ",—–―-") {
        i += 1;
    }
    i
}

/// Adds a paragraph's reports to its direct quotes, which start at `from`
/// in `out`. A direct quote inside a mixed report is dropped: it is counted
/// once, as part of it. A report of nearly nothing but quoted words is the
/// direct quote inside it, and gives it its speaker when it has none
/// (`he had "dreamed of this night"`). Both lists are in text order, and
/// the reports do not overlap.
fn merge(out: &mut Vec<Speech>, from: usize, reports: &mut Vec<Speech>) {
    if reports.iter().any(|r| r.kind != QuoteKind::Indirect) {
        let mut r = 0;
        let mut kept = from;
        // The source of a quote dropped, for a split quote continuing it.
        let mut dropped_source = None;
        for d in from..out.len() {
            let c = out[d].content();
            while r < reports.len() && reports[r].content().end < c.end {
                r += 1;
            }
            match reports.get(r).filter(|x| x.content().contains(c)) {
                Some(x) if x.kind == QuoteKind::Mixed => {
                    if out[d].source != Source::Previous {
                        dropped_source = Some(out[d].source);
                    }
                    continue;
                }
                Some(x) if x.kind == QuoteKind::Direct && out[d].source == Source::Unknown => {
                    out[d].source = x.source;
                }
                _ => {}
            }
            if out[d].source == Source::Previous
                && let Some(source) = dropped_source
            {
                out[d].source = source;
            }
            dropped_source = None;
            out.swap(kept, d);
            kept += 1;
        }
        out.truncate(kept);
    }
    out.extend(reports.drain(..).filter(|r| r.kind != QuoteKind::Direct));
}

fn is_title_case(shape: &Shape) -> bool {
    shape.words <= 10 && shape.capitalized * 2 > shape.words && !shape.ends_sentence
}

/// Sentences of a paragraph, with the sentence marks inside quotes ignored.
fn sentences_outside(text: &str, toks: &[Token], places: &[Place]) -> Vec<Range<usize>> {
    let mut out = sentences(text, toks);
    // A sentence that starts inside a quote goes on the one before, in
    // place: a paragraph of many sentences needs no second list.
    out.dedup_by(|s, last| {
        let within = s.start > 0 && places.get(s.start - 1) == Some(&Place::Within);
        if within {
            last.end = s.end;
        }
        within
    });
    out
}

/// The sentence holding token `i`: the last one for the paragraph's end.
/// The sentences cover the tokens in order.
fn sentence_of(sents: &[Range<usize>], i: usize) -> usize {
    sents
        .partition_point(|s| s.end <= i)
        .min(sents.len().saturating_sub(1))
}

/// Where each token stands against the quoted stretches, found in one
/// sweep (the stretches are in order and do not overlap).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    Outside,
    /// One of the quote marks.
    Mark,
    Within,
}

/// Empty when the paragraph quotes nobody, as most do: every token is
/// outside, and nothing need be allocated to say so.
fn places(toks: &[Token], marked: &[Marked]) -> Vec<Place> {
    if marked.is_empty() {
        return Vec::new();
    }
    let mut out = vec![Place::Outside; toks.len()];
    let mut m = 0;
    for (t, place) in toks.iter().zip(&mut out) {
        while marked.get(m).is_some_and(|q| q.outer().end < t.span().end) {
            m += 1;
        }
        if let Some(q) = marked.get(m).map(Marked::outer) {
            if q.start < t.span().start && t.span().end < q.end {
                *place = Place::Within;
            } else if q.start <= t.span().start && t.span().end <= q.end {
                *place = Place::Mark;
            }
        }
    }
    out
}

/// A comma ends the words before token `i`, or closes the quoted words
/// that end them (`"...," she said`).
fn comma_before(text: &str, toks: &[Token], i: usize) -> bool {
    i > 0
        && (is_punct(text, &toks[i - 1], ",")
            || (i > 1
                && is_punct(text, &toks[i - 1], "\"”’'")
                && is_punct(text, &toks[i - 2], ",")))
}

/// True for a punctuation token that is one of the marks of `set`.
fn is_punct(text: &str, t: &Token, set: &str) -> bool {
    !t.word() && set.contains(&text[t.span().range()])
}

#[cfg(test)]
mod tests;
