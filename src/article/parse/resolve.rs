//! Whom a quote's source phrase names: the name at the phrase's head (not a
//! name it merely mentions: `X's spokeswoman, Y`, `Y of X`), a pronoun's
//! antecedent of the right gender and kind, a description's person (`the
//! mayor` for the mayor the story introduced), or nobody, with the kind of
//! source the phrase names.

use super::flat::Span32;
use super::kinds::{head, phrase_kind};
use super::lexicon::sources::{is_document_noun, is_organisation_noun};
use super::lexicon::{Class, class, lower, strip_possessive, title_class};
use super::people::{NameRun, name_runs};
use super::registry::Registry;
use super::tokens::Token;
use crate::article::{Gender, Person, PersonId, Quote, QuoteKind, Source, Span};

/// What a source phrase resolves to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Resolved {
    pub speaker: Option<PersonId>,
    pub mention: Option<Span>,
    pub source: Option<Source>,
}

/// What resolving a phrase looks at besides the phrase: the people, the
/// spans of speech (names inside them are not antecedents), and the
/// speakers resolved so far with where each was named.
pub struct Context<'a> {
    pub text: &'a str,
    /// The byline's names: the authors, not people of the story.
    pub authors: &'a [String],
    pub registry: &'a Registry,
    /// The quotes' contents, merged where they overlap, in order.
    pub quoted: &'a [Span32],
    /// The quotes resolved so far, in the order speech was found.
    pub said: &'a [Quote],
}

impl Context<'_> {
    /// True for a name no pronoun after it means: inside a quote or a
    /// report, or qualifying a noun (`the Ford government`, `Parker's
    /// plea`).
    pub(super) fn passed_over(&self, span: Span) -> bool {
        let i = self.quoted.partition_point(|q| q.get().end <= span.start);
        let before = &self.text[..span.start];
        let after = &self.text[span.end..];
        // Inside a report someone was found to make (not a misread one
        // nobody makes: `Given his previously stated views, Gokool ...`).
        let reported = self.said.iter().rev().take(16).any(|q| {
            q.kind == QuoteKind::Indirect && q.speaker.is_some() && q.content.contains(span)
        });
        self.quoted.get(i).is_some_and(|q| q.get().contains(span))
            || reported
            || before.ends_with("the ")
            || before.ends_with("The ")
            || after.starts_with("'s")
            || after.starts_with("’s")
            // A picture's credit: `(Lauren Pelley / CBC News)`.
            || after.trim_start().starts_with('/')
    }

    /// The latest person or speaker before `pos` that `fits` accepts:
    /// named outside speech, or resolved as a speaker.
    fn latest(&self, pos: usize, fits: impl Fn(&Person) -> bool) -> Option<PersonId> {
        self.latest_at(pos, fits).map(|(_, id)| id)
    }

    /// [`Context::latest`] with where they were named.
    pub(super) fn latest_at(
        &self,
        pos: usize,
        fits: impl Fn(&Person) -> bool,
    ) -> Option<(usize, PersonId)> {
        let fits = |p: &Person| fits(p) && !self.authors.contains(&p.name);
        // Of the sentence that names someone last, its first fitting name:
        // the subject rather than an object (`Myers cited an idea from
        // Frank Clayton. "...," he said.`).
        let named = self
            .registry
            .latest(pos, |s| self.passed_over(s), fits)
            .map(|(at, id)| {
                let from = sentence_start(self.text, at);
                self.registry
                    .first_between(from, at, |s| self.passed_over(s), fits)
                    .map_or((at, id), |(span, id)| (span.start, id))
            });
        // The last speakers found, among the last quotes only: quotes
        // nobody was found for would otherwise be passed over all the way
        // back, for every pronoun.
        let said = self
            .said
            .iter()
            .rev()
            .take(32)
            .filter_map(|q| Some((q.mention?.start, q.speaker?)))
            .take(8)
            .find(|&(at, id)| at < pos && fits(&self.registry.people[id]));
        match (named, said) {
            (Some(n), Some(s)) => Some(if s.0 > n.0 { s } else { n }),
            (n, s) => n.or(s),
        }
    }
}

/// True for a source phrase that is the words of a clause rather than a
/// noun phrase: one that starts with a preposition, an adverb or a verb's
/// past, or ends with a conjunction or `by`.
fn is_clause(text: &str, words: &[&Token]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let first = word(text, first);
    let starts = matches!(
        first,
        "at" | "on"
            | "to"
            | "in"
            | "for"
            | "by"
            | "with"
            | "from"
            | "after"
            | "before"
            | "during"
            | "then"
            | "also"
            | "later"
            | "again"
            | "since"
    ) || (words.len() >= 3
        && first.ends_with("ed")
        && first.starts_with(|c: char| c.is_lowercase()));
    starts || matches!(word(text, last), "and" | "by" | "but" | "or")
}

/// Where the sentence holding byte `at` starts, as far as the text tells
/// without its tokens: after the last stop and space, or line break. A
/// sentence is taken to be at most [`LONGEST_SENTENCE`] bytes long, so that
/// asking costs the same in a text without stops (asked for every pronoun,
/// a search to the text's start made a long paragraph quadratic).
pub(super) fn sentence_start(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut limit = at.saturating_sub(LONGEST_SENTENCE);
    while !text.is_char_boundary(limit) {
        limit += 1;
    }
    (limit + 1..=at)
        .rev()
        .find(|&i| {
            bytes[i - 1] == b'\n'
                || (bytes[i - 1] == b' ' && i >= 2 && matches!(bytes[i - 2], b'.' | b'?' | b'!'))
        })
        .unwrap_or(limit)
}

/// Far longer than any sentence written to be read.
const LONGEST_SENTENCE: usize = 2000;

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    &text[t.span().range()]
}

/// The tokens inside `span`, found by binary search: tokens are in order.
pub fn within(toks: &[Token], span: Span) -> &[Token] {
    let a = toks.partition_point(|t| t.span().start < span.start);
    let b = toks.partition_point(|t| t.span().end <= span.end);
    &toks[a..b.max(a)]
}

/// True when the run only qualifies another name of the phrase: a
/// possessive (`Campbell's partner, Jason Louth`), the object of a
/// preposition (`Jingyi Pan of IG`), or a name standing before a titled
/// one (`Trump campaign spokesman Jason Miller`).
fn qualifies(text: &str, inner: &[Token], run: &NameRun, later: &[NameRun]) -> bool {
    let (a, b) = run.name();
    let last = word(text, &inner[b - 1]);
    let possessive = strip_possessive(last) != last;
    let after_preposition = a > 0
        && inner[a - 1].word()
        && matches!(
            lower(word(text, &inner[a - 1])).as_str(),
            "of" | "for" | "at" | "from" | "with" | "by" | "to" | "in" | "on"
        );
    let titled_later = run.role().is_none()
        && run.honorific().is_none()
        && later
            .iter()
            .any(|r| r.role().is_some() || r.honorific().is_some());
    possessive || after_preposition || titled_later
}

/// The person an appositive right after the phrase names: `said the
/// company's chief executive, Dana Okereke,` is Dana Okereke.
fn appositive(
    text: &str,
    toks: &[Token],
    phrase: Span,
    ctx: &Context,
    runs: &mut Vec<NameRun>,
) -> Option<(PersonId, Span)> {
    let after = toks.partition_point(|t| t.span().start < phrase.end);
    if toks.get(after).is_none_or(|t| word(text, t) != ",") {
        return None;
    }
    let from = after + 1;
    let end = (from..toks.len().min(from + 6))
        .find(|&k| !toks[k].word())
        .unwrap_or(toks.len().min(from + 6));
    runs.clear();
    name_runs(text, &toks[from..end], runs);
    person_named(toks, from, runs.first()?, ctx)
}

/// The person named right before the phrase and a comma, when the phrase
/// is no name itself: `Mitch McConnell, R-Ky., said`, `Ana Lima, a
/// spokeswoman for the ministry, said`.
fn named_before(
    text: &str,
    toks: &[Token],
    phrase: Span,
    ctx: &Context,
    runs: &mut Vec<NameRun>,
) -> Option<(PersonId, Span)> {
    let at = toks.partition_point(|t| t.span().start < phrase.start);
    // `Obama, the White House said`: an organisation is no appositive.
    if at == 0
        || word(text, &toks[at - 1]) != ","
        || phrase_kind(text, within(toks, phrase)) != Source::Unnamed
    {
        return None;
    }
    let end = at - 1;
    let from = (end.saturating_sub(6)..end)
        .rev()
        .find(|&k| !toks[k].word())
        .map_or(end.saturating_sub(6), |k| k + 1);
    runs.clear();
    name_runs(text, &toks[from..end], runs);
    let run = runs.last().filter(|r| from + r.name().1 == end)?;
    person_named(toks, from, run, ctx)
}

/// The person a name run found in `toks[from..]` names, and the name's span.
fn person_named(
    toks: &[Token],
    from: usize,
    run: &NameRun,
    ctx: &Context,
) -> Option<(PersonId, Span)> {
    let (a, b) = run.name();
    let span = Span::new(toks[from + a].span().start, toks[from + b - 1].span().end);
    ctx.registry.at(span).map(|id| (id, span))
}

/// The person a pronoun or possessive of `gender` most likely means.
fn person_for(ctx: &Context, pos: usize, gender: Gender) -> Option<PersonId> {
    ctx.latest(pos, |p| {
        p.source == Source::Person && !p.gender.clashes(gender)
    })
}

/// Resolves the source phrase at `phrase` among the paragraph's tokens.
/// `runs` is room for the phrase's name runs, reused from one phrase to
/// the next.
pub fn resolve(
    text: &str,
    toks: &[Token],
    phrase: Span,
    ctx: &Context,
    runs: &mut Vec<NameRun>,
) -> Resolved {
    let inner = within(toks, phrase);
    runs.clear();
    name_runs(text, inner, runs);
    let name_span = |run: &NameRun| {
        Span::new(
            inner[run.name().0].span().start,
            inner[run.name().1 - 1].span().end,
        )
    };
    let known: Vec<(usize, PersonId)> = runs
        .iter()
        .enumerate()
        .filter_map(|(i, r)| ctx.registry.at(name_span(r)).map(|id| (i, id)))
        .collect();
    let chosen = known
        .iter()
        .find(|&&(i, _)| !qualifies(text, inner, &runs[i], &runs[i + 1..]));
    if let Some(&(i, id)) = chosen {
        return Resolved {
            speaker: Some(id),
            mention: Some(name_span(&runs[i])),
            source: Some(ctx.registry.people[id].source),
        };
    }
    if let Some((id, span)) = appositive(text, toks, phrase, ctx, runs)
        .or_else(|| named_before(text, toks, phrase, ctx, runs))
    {
        return Resolved {
            speaker: Some(id),
            mention: Some(span),
            source: Some(ctx.registry.people[id].source),
        };
    }
    // An organisation or group named as a whole (`Labour`, `the Tories`).
    if let Some(id) = ctx
        .registry
        .at(phrase)
        .filter(|&id| ctx.registry.people[id].source != Source::Person)
    {
        return Resolved {
            speaker: Some(id),
            mention: Some(phrase),
            source: Some(ctx.registry.people[id].source),
        };
    }
    let words: Vec<&Token> = inner.iter().filter(|t| t.word()).collect();
    let Some(first) = words.first() else {
        return Resolved::default();
    };
    // Words of a clause, not a noun phrase (`Donald Trump, her opponent,
    // bemoaned the unrest and said`): the sentence's subject spoke.
    // Or the first words of a subject cut short (`Democratic` of
    // `Democratic nominee Hillary Clinton chimed in, saying`): the name
    // that follows them.
    let qualifiers = words.iter().all(|t| {
        let c = class(word(text, t));
        c.has(Class::MODIFIER) || c.has(Class::DEMONYM)
    });
    if is_clause(text, &words) || qualifiers {
        let (from, to) = if qualifiers {
            let rest = &text[phrase.start..];
            (
                phrase.start,
                phrase.start + rest.find(". ").unwrap_or(rest.len()),
            )
        } else {
            (sentence_start(text, phrase.start), phrase.start)
        };
        return match ctx.registry.first_between(
            from,
            to,
            |s| ctx.passed_over(s),
            |p| p.source == Source::Person,
        ) {
            Some((span, id)) => Resolved {
                speaker: Some(id),
                mention: Some(span),
                source: Some(Source::Person),
            },
            None => Resolved::default(),
        };
    }
    let first_word = word(text, first);
    let pos = phrase.start;
    let unresolved = |mention: Span| Resolved {
        speaker: None,
        mention: Some(mention),
        source: Some(phrase_kind(text, inner)),
    };
    let determiner = lower(first_word);
    let determiner = determiner.as_str();
    if words.len() <= 2 {
        // `he`, `she`: the person; `they`, `we`: an organisation or group.
        let found = match determiner {
            "he" => Some(person_for(ctx, pos, Gender::Male)),
            "she" => Some(person_for(ctx, pos, Gender::Female)),
            "they" | "we" => Some(ctx.latest(pos, |p| p.source != Source::Person)),
            _ => None,
        };
        if let Some(found) = found {
            return match found {
                Some(id) => Resolved {
                    speaker: Some(id),
                    mention: Some(first.span()),
                    source: Some(ctx.registry.people[id].source),
                },
                None => unresolved(first.span()),
            };
        }
    }
    let Some(h) = head(text, inner) else {
        return Resolved::default();
    };
    let head_word = lower(strip_possessive(word(text, &inner[h])));
    let head_word = head_word.as_str();
    // `her statement`, `his office`: the person the possessive means.
    if words.len() == 2 && (is_document_noun(head_word) || head_word == "office") {
        let found = match determiner {
            "his" => Some(person_for(ctx, pos, Gender::Male)),
            "her" => Some(person_for(ctx, pos, Gender::Female)),
            "its" => Some(ctx.latest(pos, |p| p.source == Source::Organisation)),
            _ => None,
        };
        if let Some(found) = found {
            return match found {
                Some(id) => Resolved {
                    speaker: Some(id),
                    mention: Some(phrase),
                    source: Some(ctx.registry.people[id].source),
                },
                None => unresolved(phrase),
            };
        }
    }
    if determiner == "the"
        && words.len() <= 5
        && let Some(id) = described(text, inner, h, head_word, pos, ctx)
    {
        return Resolved {
            speaker: Some(id),
            mention: Some(phrase),
            source: Some(ctx.registry.people[id].source),
        };
    }
    unresolved(phrase)
}

/// The one a definite description (`the mayor`, `the company`, `the
/// affable proprietor`) refers to: the person the story gave that role, the
/// organisation it named last, or for an epithet the person it named last.
fn described(
    text: &str,
    inner: &[Token],
    h: usize,
    head_word: &str,
    pos: usize,
    ctx: &Context,
) -> Option<PersonId> {
    let has_role = |p: &Person| {
        p.role.as_deref().is_some_and(|r| {
            r.split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w.eq_ignore_ascii_case(head_word))
        })
    };
    if is_organisation_noun(head_word) || is_document_noun(head_word) {
        return ctx.latest(pos, |p| p.source == Source::Organisation);
    }
    if title_class(head_word).has(Class::ROLE) {
        // The one introduced with the role, named lately or else anywhere.
        let introduced = ctx
            .latest(pos, |p| p.source == Source::Person && has_role(p))
            .or_else(|| {
                let mut with_role =
                    (0..ctx.registry.people.len()).filter(|&id| has_role(&ctx.registry.people[id]));
                with_role.next().filter(|_| with_role.next().is_none())
            });
        if introduced.is_some() {
            return introduced;
        }
    }
    let c = class(word(text, &inner[h]));
    // `A senior diplomat said ... the diplomat said`: a noun introduced
    // shortly before by an indefinite article refers back to that unnamed
    // source.
    let mut from = pos.saturating_sub(1500);
    while !ctx.text.is_char_boundary(from) {
        from -= 1;
    }
    let window = ctx.text[from..pos].to_lowercase();
    let met = window.match_indices(head_word).any(|(i, _)| {
        window[..i]
            .split_whitespace()
            .rev()
            .take(3)
            .any(|w| matches!(w, "a" | "an" | "another" | "one"))
    });
    let plain_noun = !inner[h].capitalized()
        && (!c.is_not_name() || c.has(Class::ROLE))
        && !met
        && phrase_kind(text, inner) == Source::Unnamed;
    plain_noun
        .then(|| ctx.latest(pos, |p| p.source == Source::Person))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::{LONGEST_SENTENCE, sentence_start};

    #[test]
    fn a_sentence_starts_after_a_stop_or_a_line_break() {
        let text = "One. Two? Three! Four\nfive six";
        assert_eq!(sentence_start(text, text.len()), text.find("five").unwrap());
        assert_eq!(sentence_start(text, 20), text.find("Four").unwrap());
        assert_eq!(sentence_start(text, 12), text.find("Three").unwrap());
        assert_eq!(sentence_start(text, 3), 0);
    }

    #[test]
    fn a_text_without_stops_is_not_searched_to_its_start() {
        let text = "é and he said ".repeat(100_000);
        let at = text.len() - 1;
        let start = sentence_start(&text, at);
        assert!(at - start <= LONGEST_SENTENCE, "{start}");
        assert!(text.is_char_boundary(start));
    }
}
