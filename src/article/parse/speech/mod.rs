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

mod phrases;
mod reported;
mod words;

use phrases::{source_after, source_before, span};
use reported::reported;

use super::flat::Flat;
use super::marks::{self, Marked};
use super::shape::Shape;
use super::tokens::{Token, sentences};
use crate::article::{QuoteKind, Span};

/// Who a quote's words belong to, as far as the text around it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// The phrase naming the speaker: `Obama`, `he`, `a State Department official`.
    Phrase(Span),
    /// The same speaker as the quote before it (a split or continued quote).
    Previous,
    /// Nothing says.
    Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speech {
    pub content: Span,
    pub kind: QuoteKind,
    pub paragraph: usize,
    pub source: Source,
}

/// Finds every direct and reported quotation in the body paragraphs.
/// `tokens` holds each paragraph's tokens.
pub fn find(text: &str, paragraphs: &[Span], tokens: &Flat<Token>) -> Vec<Speech> {
    let mut out = Vec::new();
    let mut carried = false; // the previous paragraph left a quote open
    for (p, &para) in paragraphs.iter().enumerate() {
        let next_opens = paragraphs
            .get(p + 1)
            .is_some_and(|n| marks::opens_with_quote(&text[n.range()]));
        let toks = tokens.get(p);
        let marked = marks::quoted(text, para, next_opens);
        let places = places(toks, &marked);
        let sents = sentences_outside(text, toks, &places);
        // The sentence of each token, asked only about quotes' ends.
        let mut sent_of = Vec::new();
        if !marked.is_empty() {
            sent_of.resize(toks.len() + 1, 0);
            for (n, s) in sents.iter().enumerate() {
                sent_of[s.clone()].fill(n);
            }
            sent_of[toks.len()] = sents.len().saturating_sub(1);
        }
        let para_text = &text[para.range()];
        let only_quote = marked.len() == 1 && {
            let m = marked[0];
            m.outer.start - para.start <= para_text.len() - para_text.trim_start().len()
                && m.outer.end >= para.end.saturating_sub(1)
        };
        // The speech verbs that cue a direct quote; none without quotes.
        let mut cues = if marked.is_empty() {
            Vec::new()
        } else {
            vec![false; toks.len()]
        };
        // For each quote, the index of its first token and of the first
        // token after it, found in one sweep: quotes and tokens are in order.
        let mut cursor = 0;
        let bounds: Vec<(usize, usize)> = marked
            .iter()
            .map(|m| {
                let mut at = |pos: usize| {
                    while cursor < toks.len() && toks[cursor].span().start < pos {
                        cursor += 1;
                    }
                    cursor
                };
                (at(m.outer.start), at(m.outer.end))
            })
            .collect();
        let mut prev_in_para: Option<usize> = None;
        for (qi, m) in marked.iter().enumerate() {
            let (first, after) = bounds[qi];
            let sent = sents.get(sent_of[first]).cloned().unwrap_or(0..toks.len());
            let next_quote = bounds.get(qi + 1).map_or(toks.len(), |b| b.0);
            let prev_quote = qi.checked_sub(1).map_or(0, |k| bounds[k].1);
            let after_end = sents
                .get(sent_of[after])
                .filter(|s| s.contains(&after))
                .map_or(next_quote, |s| s.end.min(next_quote));
            let found = source_after(text, toks, after, after_end)
                .or_else(|| source_before(text, toks, sent.start.max(prev_quote), first));
            let shape = Shape::of(&text[m.inner.range()]);
            let words = shape.words;
            let source = match found {
                Some((np, verb)) => {
                    // `says he is making "a demand"`: the quote is part of a
                    // reported clause, which the reported-speech pass finds.
                    let mixed =
                        verb < first && first > 0 && toks[first - 1].word() && first - 1 != verb;
                    if !mixed {
                        cues[verb] = true;
                    }
                    Source::Phrase(span(toks, np))
                }
                None if prev_in_para.is_some() || (qi == 0 && carried) => Source::Previous,
                None if only_quote
                    && p > 0
                    && out.last().is_some_and(|s: &Speech| s.paragraph + 1 == p) =>
                {
                    Source::Previous
                }
                None => Source::Unknown,
            };
            let inner_text = &text[m.inner.range()];
            let after_possessive = first > 0 && {
                let w = &text[toks[first - 1].span().range()];
                toks[first - 1].word() && (w.ends_with("'s") || w.ends_with("’s"))
            };
            let aside =
                inner_text.starts_with('(') && inner_text.trim_end_matches('.').ends_with(')');
            let title = words <= 6 && is_title_case(&shape);
            let is_speech = !after_possessive
                && !aside
                && (!title || found.is_some_and(|_| words > 4))
                && match source {
                    Source::Phrase(_) | Source::Previous => words >= 2 || found.is_some(),
                    Source::Unknown => words >= 8 && !is_title_case(&shape),
                };
            if is_speech || m.open_end || (qi == 0 && carried) {
                out.push(Speech {
                    content: m.inner,
                    kind: QuoteKind::Direct,
                    paragraph: p,
                    source,
                });
                prev_in_para = Some(out.len() - 1);
            }
        }
        carried = marked.last().is_some_and(|m| m.open_end);
        reported(text, toks, &sents, &places, &cues, p, &mut out);
    }
    out
}

fn is_title_case(shape: &Shape) -> bool {
    shape.words <= 10 && shape.capitalized * 2 > shape.words && !shape.ends_sentence
}

/// Sentences of a paragraph, with the sentence marks inside quotes ignored.
fn sentences_outside(text: &str, toks: &[Token], places: &[Place]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for s in sentences(text, toks) {
        match out.last_mut() {
            Some(last) if s.start > 0 && places.get(s.start - 1) == Some(&Place::Within) => {
                last.end = s.end
            }
            _ => out.push(s),
        }
    }
    out
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
        while marked.get(m).is_some_and(|q| q.outer.end < t.span().end) {
            m += 1;
        }
        if let Some(q) = marked.get(m) {
            if q.outer.start < t.span().start && t.span().end < q.outer.end {
                *place = Place::Within;
            } else if q.outer.start <= t.span().start && t.span().end <= q.outer.end {
                *place = Place::Mark;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
