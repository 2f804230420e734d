//! What kind of source a name or a phrase is: a person, an organisation, a
//! group, or a person the text leaves unnamed. Told from the words
//! themselves: honorifics and given names make a person; organisation
//! words, places, acronyms and inner capitals (`TransLink`) an
//! organisation; plurals (`analysts`, `Democrats`) a group.

use super::lexicon::sources::{
    ends_noun_head, is_document_noun, is_group_noun, is_organisation_noun, is_plural,
    is_plural_pronoun,
};
use foldhash::HashSet;

use super::flat::Flat;
use super::lexicon::{Class, Folded, class, fold, lower, strip_possessive, title_class};
use super::people::{NameRun, surname_key};
use super::tokens::Token;
use crate::article::Source;

/// Name particles that may stand before an inner capital of a surname:
/// `McCallum`, `MacDonald`, `DeSantis`, `LeBlanc`, `O'Brien`.
const SURNAME_HEADS: [&str; 10] = [
    "Mc", "Mac", "De", "Le", "La", "Di", "Du", "Van", "Von", "Fitz",
];

/// True for a word written as a brand is: all capitals (`RCMP`, `GM`), or
/// a capital inside it other than a surname's (`TransLink`, `SkyTrain`).
fn brand_shape(word: &str) -> bool {
    let letters = word.trim_end_matches(['.', '\'', '’']);
    if letters.len() >= 2 && letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return true;
    }
    let inner = letters
        .char_indices()
        .skip(1)
        .find(|&(_, c)| c.is_uppercase())
        .map(|(i, _)| i);
    inner.is_some_and(|i| {
        let before = &letters[..i];
        !SURNAME_HEADS.contains(&before)
            && !before.ends_with(['\'', '’', '-'])
            && letters[..i].chars().all(char::is_alphabetic)
    })
}

/// The kind of a capitalized name that nothing marks as a person's (no
/// honorific, given name or role): a person unless its words say else.
pub fn name_kind<'a>(words: impl DoubleEndedIterator<Item = &'a str> + Clone) -> Source {
    let Some(last) = words.clone().next_back() else {
        return Source::Person;
    };
    let last = strip_possessive(last);
    // A plural whose singular is a known word (`Democrats`, `MPs`), not a
    // surname that ends in s (`Williams`).
    if is_plural(last) {
        let singular = &last[..last.len() - 1];
        let c = class(singular);
        if c.has(Class::ROLE)
            || c.has(Class::DEMONYM)
            || c.has(Class::ORG)
            || (singular.len() >= 2 && singular.bytes().all(|b| b.is_ascii_uppercase()))
        {
            return Source::Group;
        }
    }
    let organisation = words.clone().any(|w| {
        let c = class(w);
        c.has(Class::ORG) || c.has(Class::PLACE) || brand_shape(w)
    });
    if organisation {
        Source::Organisation
    } else {
        Source::Person
    }
}

/// The surname keys of the names the text shows to be organisations': a
/// name that starts a person's role (`Gartner analyst Ana Lima`), follows
/// a title and a preposition (`an analyst at Gartner`, `a spokesman for
/// Microsoft`), or a noun of organisations or a plural (`research firm
/// Gartner`, `analysts Gartner`); and the whole names of the places where
/// someone works (`a researcher at Dixon Hall`).
pub fn organisation_names(
    text: &str,
    tokens: &Flat<Token>,
    runs: &Flat<NameRun>,
) -> HashSet<Folded> {
    let mut out = HashSet::default();
    for (toks, runs) in tokens.iter().zip(runs.iter()) {
        for r in runs {
            let (a, b) = r.name();
            if let Some((start, _)) = r.role()
                && toks[start].capitalized()
                && !toks[start].class.is_not_name()
            {
                out.insert(surname_key(word(text, &toks[start])));
            }
            let start = r.role().map_or(r.honorific().unwrap_or(a), |(s, _)| s);
            let after_title = start >= 2
                && matches!(word(text, &toks[start - 1]), "at" | "for" | "of" | "from")
                && title_class(word(text, &toks[start - 2])).has(Class::ROLE);
            // `research firm Gartner`, `analysts Gartner`: a noun of
            // organisations or a plural in apposition.
            let after_noun = start >= 1 && toks[start - 1].word() && {
                let w = word(text, &toks[start - 1]);
                is_organisation_noun(w) || (is_plural(w) && !toks[start - 1].capitalized())
            };
            let untitled = r.role().is_none() && r.honorific().is_none();
            if (after_title || after_noun) && b - a == 1 && untitled {
                out.insert(surname_key(word(text, &toks[a])));
            }
            // `a researcher at Dixon Hall`: where someone works, by its
            // whole name.
            let at_work = start >= 2
                && word(text, &toks[start - 1]) == "at"
                && is_agent_noun(word(text, &toks[start - 2]));
            if at_work && untitled {
                let name = &text[toks[a].span().start..toks[b - 1].span().end];
                out.insert(fold(strip_possessive(name)));
            }
        }
    }
    out
}

/// A lowercase noun of someone's work: a title (`analyst`) or an agent
/// noun (`researcher`, `economist`, `historian`).
fn is_agent_noun(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase())
        && (title_class(w).has(Class::ROLE)
            || (w.len() > 5 && ["er", "or", "ist", "ian"].iter().any(|s| w.ends_with(s))))
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    &text[t.span().range()]
}

/// The head noun of a phrase: the last word before a preposition, a mark
/// or a relative word (`a spokeswoman for the ministry`: `spokeswoman`).
pub fn head(text: &str, toks: &[Token]) -> Option<usize> {
    let mut head = None;
    for (i, t) in toks.iter().enumerate() {
        if !t.word() {
            // A comma between adjectives goes on: `the lanky, bespectacled
            // professor`.
            let between_words = word(text, t) == ","
                && toks.get(i + 1).is_some_and(|n| {
                    n.word() && word(text, n).starts_with(|c: char| c.is_lowercase())
                });
            // A plural's possessive goes on: `the Rail Workers' Union`.
            let possessive = matches!(word(text, t), "'" | "’")
                && i > 0
                && toks[i - 1].word()
                && word(text, &toks[i - 1]).ends_with(['s', 'S'])
                && toks.get(i + 1).is_some_and(Token::word);
            if head.is_some() && !between_words && !possessive {
                break;
            }
            continue;
        }
        let w = lower(word(text, t));
        // Here also a conjunction or the verb after a subject: `the
        // minister and her deputy`, `officials said`.
        if head.is_some()
            && (ends_noun_head(w.as_str()) || matches!(w.as_str(), "and" | "said" | "says"))
        {
            break;
        }
        head = Some(i);
    }
    head
}

/// The kind of source an unresolved phrase names: `the company` and `the
/// report` an organisation, `analysts` and `they` a group, `a spokesman`
/// and `he` a person left unnamed.
pub fn phrase_kind(text: &str, toks: &[Token]) -> Source {
    let Some(h) = head(text, toks) else {
        return Source::Unnamed;
    };
    let w = word(text, &toks[h]);
    let lw = lower(strip_possessive(w));
    let l = lw.as_str();
    if l == "it" {
        return Source::Organisation;
    }
    if is_plural_pronoun(l) || is_group_noun(l) {
        return Source::Group;
    }
    let c = class(w);
    if is_organisation_noun(l)
        || is_document_noun(l)
        || c.has(Class::ORG)
        || c.has(Class::PLACE)
        || brand_shape(w)
    {
        return Source::Organisation;
    }
    if is_plural(l) {
        return Source::Group;
    }
    Source::Unnamed
}

#[cfg(test)]
mod tests {
    use super::super::flat::Span32;
    use super::super::tokens::tokenize_all;
    use super::*;
    use crate::article::Span;

    #[test]
    fn names_marked_as_organisations_or_groups() {
        let kind = |name: &str| name_kind(name.split(' '));
        assert_eq!(kind("TransLink"), Source::Organisation);
        assert_eq!(kind("RCMP"), Source::Organisation);
        assert_eq!(kind("Democrats"), Source::Group);
        assert_eq!(kind("MPs"), Source::Group);
        assert_eq!(kind("McCallum"), Source::Person);
        assert_eq!(kind("O'Brien"), Source::Person);
        assert_eq!(kind("Williams"), Source::Person);
        assert_eq!(kind("Delorenzi"), Source::Person);
    }

    #[test]
    fn phrases_by_their_head() {
        let kind = |phrase: &str| {
            let flat = tokenize_all(phrase, &[Span32::new(Span::new(0, phrase.len()))]);
            phrase_kind(phrase, flat.get(0))
        };
        assert_eq!(kind("the company"), Source::Organisation);
        assert_eq!(kind("the report"), Source::Organisation);
        assert_eq!(kind("Analysts"), Source::Group);
        assert_eq!(kind("senior officials"), Source::Group);
        assert_eq!(kind("they"), Source::Group);
        assert_eq!(kind("it"), Source::Organisation);
        assert_eq!(kind("the Dock Workers’ Union"), Source::Organisation);
        assert_eq!(kind("the dockers' union"), Source::Organisation);
        assert_eq!(kind("a spokeswoman for the ministry"), Source::Unnamed);
        assert_eq!(kind("he"), Source::Unnamed);
        assert_eq!(kind("the bow-tied maverick"), Source::Unnamed);
        assert_eq!(kind("the data provider PitchTrack"), Source::Organisation);
    }
}
