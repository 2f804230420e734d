//! Attribution, the last step of the pipeline: the people of the story
//! found in its tokens (and the organisations and groups that speak), and
//! each quote's source phrase resolved to one of them ([`resolve`]) or
//! kept as the phrase of an unnamed source.

use foldhash::HashSet;

use super::flat::{self, Flat, Span32};
use super::kinds::organisation_names;
use super::lexicon::fold;
use super::people::{self, name_runs};
use super::registry::Registry;
use super::resolve::{Context, Resolved, resolve, within};
use super::speech::{Source as Said, Speech};
use super::tokens::{self, Token};
use super::unattributed::{floating, introduced};
use crate::article::{Person, Quote, QuoteKind, Span};

/// Finds the people and resolves each quote's source to one of them.
pub fn attribute(
    text: &str,
    tokens: &Flat<Token>,
    speech: &[Speech],
    authors: &[Span],
) -> (Vec<Person>, Vec<Quote>) {
    // No more runs than capitalized words: every run's name starts with one.
    let most = if text.len() >= flat::BIG {
        tokens.iter().flatten().filter(|t| t.capitalized()).count()
    } else {
        0
    };
    let mut runs = Flat::with_capacity(most, tokens.len());
    for toks in tokens.iter() {
        runs.push_with(|out| name_runs(text, toks, out));
    }
    let mut registry = Registry::default();
    for (toks, runs) in tokens.iter().zip(runs.iter()) {
        for run in runs {
            let learned = registry.learn(text, toks, run, false);
            if learned.is_none_or(|id| registry.people[id].role.is_none())
                && let Some(role) = people::appositive_role(text, toks, run)
            {
                registry.learn_appositive(text, toks, run, role);
            }
        }
    }
    // A bare name that speaks is a person: `"...," Ryabkov said.` Only a
    // phrase that is the name (after a title) counts, and a capitalized
    // first word of a sentence only when it is also capitalized elsewhere
    // ("Delegates said ..." is not a person, "Delorenzi said ..." may be).
    let mut mid_sentence = HashSet::default();
    for (toks, runs) in tokens.iter().zip(runs.iter()) {
        for r in runs {
            if r.name().0 > 0 && !tokens::ends_sentence(text, toks, r.name().0 - 1) {
                mid_sentence.insert(people::surname_key(
                    &text[toks[r.name().1 - 1].span().range()],
                ));
            }
        }
    }
    let mut phrase_runs = Vec::new();
    for s in speech {
        if let Said::Phrase(phrase) = s.source {
            let phrase = phrase.get();
            let toks = tokens.get(s.paragraph());
            let first = toks.partition_point(|t| t.span().start < phrase.start);
            let inner = within(toks, phrase);
            let opens_sentence = first == 0 || tokens::ends_sentence(text, toks, first - 1);
            phrase_runs.clear();
            name_runs(text, inner, &mut phrase_runs);
            if let Some(run) = phrase_runs.first() {
                let starts = run
                    .role()
                    .map_or(run.honorific().unwrap_or(run.name().0), |r| r.0);
                let bare = run.name().1 - run.name().0 == 1 || run.role().is_some();
                let titled = run.role().is_some() || run.honorific().is_some();
                let words = run.name().1 - run.name().0;
                let full_name = (2..=3).contains(&words);
                let key = people::surname_key(&text[inner[run.name().1 - 1].span().range()]);
                let known = titled || full_name || !opens_sentence || mid_sentence.contains(&key);
                // The name ends the phrase, or an appositive or a
                // preposition follows it: `Jingyi Pan of IG`.
                let ends = inner.get(run.name().1).is_none_or(|t| {
                    let w = &text[t.span().range()];
                    w == "," || matches!(w, "of" | "at" | "from" | "for" | "with")
                });
                if (bare || full_name) && starts <= 1 && ends && known {
                    registry.learn(text, inner, run, true);
                }
            } else {
                registry.learn_entity(text, inner, opens_sentence, |key| {
                    mid_sentence.contains(key)
                });
            }
        }
    }
    let organisations = organisation_names(text, tokens, &runs);
    registry.mark_organisations(|p| {
        p.role.is_none()
            && ((p.is_bare() && organisations.contains(&people::surname_key(&p.name)))
                || organisations.contains(&fold(&p.name)))
    });
    let author_names: Vec<String> = authors
        .iter()
        .map(|a| text[a.range()].to_string())
        .collect();
    for (toks, runs) in tokens.iter().zip(runs.iter()) {
        registry.record_mentions(text, toks, runs);
    }
    registry.finish();

    let quoted = quoted_spans(speech);
    let mut quotes: Vec<Quote> = Vec::with_capacity(speech.len());
    let mut last = Resolved::default();
    for s in speech {
        let resolved = match s.source {
            Said::Phrase(phrase) => {
                let ctx = Context {
                    text,
                    authors: &author_names,
                    registry: &registry,
                    quoted: &quoted,
                    said: &quotes,
                };
                let r = resolve(
                    text,
                    tokens.get(s.paragraph()),
                    phrase.get(),
                    &ctx,
                    &mut phrase_runs,
                );
                if let (Some(id), Some(m)) = (r.speaker, r.mention) {
                    registry.learn_from_pronoun(id, text, m);
                }
                r
            }
            Said::Previous => last,
            Said::Unknown => {
                let ctx = Context {
                    text,
                    authors: &author_names,
                    registry: &registry,
                    quoted: &quoted,
                    said: &quotes,
                };
                let p = s.paragraph();
                let span = |p: usize| {
                    let toks = tokens.get(p);
                    toks.first()
                        .zip(toks.last())
                        .map(|(a, b)| Span::new(a.span().start, b.span().end))
                };
                let found = introduced(&ctx, s.content());
                match (found.speaker, span(p)) {
                    (None, Some(paragraph)) => floating(
                        &ctx,
                        s.content(),
                        paragraph,
                        p.checked_sub(1).and_then(span),
                    ),
                    _ => found,
                }
            }
        };
        last = resolved;
        quotes.push(Quote {
            content: s.content(),
            kind: s.kind,
            speaker: resolved.speaker,
            mention: resolved.mention,
            source: resolved.source,
            paragraph: s.paragraph(),
        });
    }
    quotes.sort_by_key(|q| (q.content.start, q.content.end));
    // A quoted phrase inside reported speech is the reporter's speaker's:
    // `Adjei-Brenner said he had "dreamed of this night"`.
    // Quotes are sorted by start, so the enclosing report is the latest
    // reported quote seen.
    let mut outer: Option<(Span, Resolved)> = None;
    for q in &mut quotes {
        if q.kind == QuoteKind::Indirect {
            outer = Some((
                q.content,
                Resolved {
                    speaker: q.speaker,
                    mention: q.mention,
                    source: q.source,
                },
            ));
        } else if q.mention.is_none()
            && let Some((_, r)) = outer.filter(|o| o.0.contains(q.content))
        {
            q.speaker = r.speaker;
            q.mention = r.mention;
            q.source = r.source;
        }
    }

    // Byline authors are authors, not people in the story, unless quoted.
    let mut people = registry.people;
    let mut quoted = vec![false; people.len()];
    for id in quotes.iter().filter_map(|q| q.speaker) {
        quoted[id] = true;
    }
    let keep: Vec<bool> = people
        .iter()
        .zip(&quoted)
        .map(|(p, &q)| q || (!p.mentions.is_empty() && !author_names.contains(&p.name)))
        .collect();
    let mut new_id = vec![None; people.len()];
    let mut next = 0;
    for (id, k) in keep.iter().enumerate() {
        if *k {
            new_id[id] = Some(next);
            next += 1;
        }
    }
    let mut id = 0;
    people.retain(|_| {
        id += 1;
        keep[id - 1]
    });
    for q in &mut quotes {
        q.speaker = q.speaker.and_then(|s| new_id[s]);
    }
    (people, quotes)
}

/// The contents of the quotes, merged where they overlap, in order: the
/// names inside them are not what a pronoun after them refers to.
fn quoted_spans(speech: &[Speech]) -> Vec<Span32> {
    let mut spans: Vec<Span32> = speech
        .iter()
        .filter(|s| s.kind == QuoteKind::Direct)
        .map(|s| Span32::new(s.content()))
        .collect();
    spans.sort_unstable_by_key(|s| s.get().start);
    // Merged in place: a story of quotes has one every few bytes.
    spans.dedup_by(|next, last| {
        let overlaps = next.get().start <= last.get().end;
        if overlaps {
            *last = last.with_end(last.get().end.max(next.get().end));
        }
        overlaps
    });
    spans
}
