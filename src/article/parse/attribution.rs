//! Attribution, the last step of the pipeline: the people of the story
//! found in its tokens, and each quote's source phrase resolved to one of
//! them (a name, a pronoun's antecedent, or the phrase itself for an
//! unnamed source).

use foldhash::HashSet;

use super::flat::{self, Flat};
use super::lexicon::pronoun;
use super::people::{self, NameRun, Registry, name_runs};
use super::speech::{Source, Speech};
use super::tokens::{self, Token};
use crate::article::{Person, PersonId, Quote, QuoteKind, Span};

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
            registry.learn(text, toks, run, false);
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
        if let Source::Phrase(phrase) = s.source {
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
                if (bare || full_name) && starts <= 1 && run.name().1 == inner.len() && known {
                    registry.learn(text, inner, run, true);
                }
            }
        }
    }
    let author_names: Vec<String> = authors
        .iter()
        .map(|a| text[a.range()].to_string())
        .collect();
    for (toks, runs) in tokens.iter().zip(runs.iter()) {
        registry.record_mentions(text, toks, runs);
    }
    registry.finish();

    let mut quotes: Vec<Quote> = Vec::with_capacity(speech.len());
    let mut last: Option<(Option<PersonId>, Option<Span>)> = None;
    for s in speech {
        let (speaker, mention) = match s.source {
            Source::Phrase(phrase) => resolve(
                text,
                tokens.get(s.paragraph()),
                phrase.get(),
                &registry,
                &mut phrase_runs,
            ),
            Source::Previous => last.unwrap_or((None, None)),
            Source::Unknown => (None, None),
        };
        last = Some((speaker, mention));
        quotes.push(Quote {
            content: s.content(),
            kind: s.kind,
            speaker,
            mention,
            paragraph: s.paragraph(),
        });
    }
    quotes.sort_by_key(|q| (q.content.start, q.content.end));
    // A quoted phrase inside reported speech is the reporter's speaker's:
    // `Adjei-Brenner said he had "dreamed of this night"`.
    // Quotes are sorted by start, so the enclosing report is the latest
    // reported quote seen.
    let mut outer: Option<(Span, Option<PersonId>, Option<Span>)> = None;
    for q in &mut quotes {
        if q.kind == QuoteKind::Indirect {
            outer = Some((q.content, q.speaker, q.mention));
        } else if q.mention.is_none()
            && let Some((_, speaker, mention)) = outer.filter(|o| o.0.contains(q.content))
        {
            q.speaker = speaker;
            q.mention = mention;
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

/// The tokens inside `span`, found by binary search: tokens are in order.
fn within(toks: &[Token], span: Span) -> &[Token] {
    let a = toks.partition_point(|t| t.span().start < span.start);
    let b = toks.partition_point(|t| t.span().end <= span.end);
    &toks[a..b.max(a)]
}

/// The person a source phrase names, and the words that name them: a name
/// in the phrase, a pronoun's antecedent, or (for an unnamed source) the
/// phrase itself. `runs` is room for the phrase's name runs, reused from
/// one phrase to the next.
fn resolve(
    text: &str,
    toks: &[Token],
    phrase: Span,
    registry: &Registry,
    runs: &mut Vec<NameRun>,
) -> (Option<PersonId>, Option<Span>) {
    let inner = within(toks, phrase);
    runs.clear();
    name_runs(text, inner, runs);
    for run in runs.iter() {
        let name = Span::new(
            inner[run.name().0].span().start,
            inner[run.name().1 - 1].span().end,
        );
        if let Some(id) = registry.at(name) {
            return (Some(id), Some(name));
        }
    }
    if inner.len() <= 2
        && let Some(t) = inner.iter().find(|t| t.word())
        && let Some(gender) = pronoun(&text[t.span().range()])
    {
        let who = registry.antecedent(t.span().start, gender);
        return (who, Some(t.span()));
    }
    (None, Some(phrase))
}
