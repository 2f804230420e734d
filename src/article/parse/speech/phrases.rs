//! The phrases around a speech verb: the subject before it, the noun
//! phrase after it, and the source of a direct quote from the words on
//! either side of its marks.

use super::{comma_before, is_punct};
use crate::article::Span;
use crate::article::parse::flat::Span32;
use crate::article::parse::lexicon::report::{is_calling_verb, is_speech_participle};
use crate::article::parse::lexicon::speech::{
    is_adverb, is_auxiliary, is_clause_word, is_conjunction, is_determiner, is_question_word,
    is_speaker_noun, is_speech_verb, is_subject_pronoun, opens_no_clause,
};
use crate::article::parse::lexicon::{Class, common_class, lower, title_class};
use crate::article::parse::tokens::Token;

/// The subject noun phrase ending just before token `verb`, searched back
/// no further than `from`; leading clause words and trailing adverbs are
/// dropped, and a phrase cut by a comma keeps the part nearest its head.
/// None for a subject in an embedded question: "what Trump says his plan
/// would do" is not a report.
pub(super) fn subject_before(
    text: &str,
    toks: &[Token],
    from: usize,
    verb: usize,
) -> Option<(usize, usize)> {
    subject_phrase(text, toks, from, verb).and_then(|(np, embedded)| (!embedded).then_some(np))
}

/// [`subject_before`], and whether the phrase follows a question word
/// (`what he called "..."`).
fn subject_phrase(
    text: &str,
    toks: &[Token],
    from: usize,
    verb: usize,
) -> Option<((usize, usize), bool)> {
    let mut end = verb;
    while end > from && toks[end - 1].word() && {
        let w = &text[toks[end - 1].span().range()];
        is_adverb(w) || is_auxiliary(w)
    } {
        end -= 1;
    }
    // "Rep. Trey Gowdy (R-S.C.) said": the parenthesis is not the subject.
    if end > from && &text[toks[end - 1].span().range()] == ")" {
        let open = (end.saturating_sub(10).max(from)..end - 1)
            .rev()
            .find(|&k| &text[toks[k].span().range()] == "(");
        if let Some(open) = open {
            end = open;
        }
    }
    let mut start = end;
    let mut conjunction = None;
    while start > from {
        let t = &toks[start - 1];
        let w = &text[t.span().range()];
        if !t.word() && !matches!(w, "'" | "’" | "-" | "&") {
            break;
        }
        if t.word() && is_conjunction(w) {
            conjunction.get_or_insert(start - 1);
        } else if t.word() && is_clause_word(w) {
            break;
        }
        if t.word() && (is_speech_verb(w) || is_auxiliary(w)) && start < end {
            break;
        }
        start -= 1;
        if end - start > 12 {
            return None;
        }
    }
    // "The talks ended and Obama said": the speaker is after the "and";
    // "Experts on Korea and arms control said": the speakers are all of it.
    if let Some(c) = conjunction
        && c + 1 < end
        && (names_someone(text, toks, (c + 1, end)) || start >= c)
    {
        start = c + 1;
    }
    // "the lanky, bespectacled professor said": adjectives split by a comma.
    let word = |i: usize| lower(&text[toks[i].span().range()]);
    if start > from + 1
        && start < end
        && is_punct(text, &toks[start - 1], ",")
        && !is_determiner(word(start).as_str())
    {
        let mut s = start - 1;
        while s > from && toks[s - 1].word() && start - s < 4 {
            s -= 1;
        }
        if s < start - 1 && is_determiner(word(s).as_str()) && (s == from || !toks[s - 1].word()) {
            start = s;
        }
    }
    // "Jane Doe, the chief economist, said": a comma-closed appositive.
    if start == end && end > from && is_punct(text, &toks[end - 1], ",") {
        let close = end - 1;
        let mut open = close;
        while open > from && !is_punct(text, &toks[open - 1], ",.;:\"“”") {
            open -= 1;
        }
        if open > from && is_punct(text, &toks[open - 1], ",") {
            let mut s = open - 1;
            while s > from
                && toks[s - 1].word()
                && !is_clause_word(&text[toks[s - 1].span().range()])
            {
                s -= 1;
            }
            if s < open - 1 {
                return Some(((s, open - 1), false));
            }
        }
    }
    // A lone participle ("Having said that") is none; one that opens a
    // phrase is an adjective ("restructuring experts").
    let embedded = start > from
        && toks[start - 1].word()
        && is_question_word(lower(&text[toks[start - 1].span().range()]).as_str());
    let participle = start + 1 == end && {
        let w = &text[toks[start].span().range()];
        w.len() > 4 && w.ends_with("ing")
    };
    (start < end && !participle).then_some(((start, end), embedded))
}

/// Who a verb of calling at `verb` gives the words of (`Trump called the
/// plan`, `what he called`): a subject that names someone, the verb not
/// passive (`was described as`) nor a noun's modifier (`a plan called`).
pub(super) fn caller(
    text: &str,
    toks: &[Token],
    from: usize,
    verb: usize,
) -> Option<(usize, usize)> {
    if !is_calling_verb(&text[toks[verb].span().range()]) {
        return None;
    }
    let mut i = verb;
    while i > from && toks[i - 1].word() && is_adverb(&text[toks[i - 1].span().range()]) {
        i -= 1;
    }
    let passive = i > from && is_auxiliary(&text[toks[i - 1].span().range()]);
    let (np, _) = subject_phrase(text, toks, from, verb)?;
    (!passive && names_someone(text, toks, np)).then_some(np)
}

/// The capitalized words that open a sentence at `from`, before `to`, when
/// they name someone: the subject a participle's report belongs to
/// (`Gibson noted the slope, adding that ...`).
pub(super) fn opener(text: &str, toks: &[Token], from: usize, to: usize) -> Option<(usize, usize)> {
    let last = (from..to)
        .take_while(|&i| {
            toks[i].word() && text[toks[i].span().range()].starts_with(char::is_uppercase)
        })
        .last()?;
    Some((from, last + 1)).filter(|&np| names_someone(text, toks, np))
}

/// The noun phrase right after token `at` (`said Obama`, `said the official`).
pub(super) fn phrase_after(
    text: &str,
    toks: &[Token],
    at: usize,
    to: usize,
) -> Option<(usize, usize)> {
    let mut end = at;
    while end < to
        && toks[end].word()
        && !is_clause_word(&text[toks[end].span().range()])
        && end - at < 8
    {
        let w = &text[toks[end].span().range()];
        if end > at && is_speech_verb(w) {
            break;
        }
        end += 1;
    }
    (end > at).then_some((at, end))
}

/// Token `k` is a speech verb, not the noun of the same form (`the states`).
pub(super) fn speech_verb_at(text: &str, toks: &[Token], k: usize) -> bool {
    toks[k].word()
        && is_speech_verb(&text[toks[k].span().range()])
        && !(k > 0 && is_determiner(lower(&text[toks[k - 1].span().range()]).as_str()))
}

/// The span of tokens `a..b`, as a source phrase keeps it.
pub(super) fn span(toks: &[Token], (a, b): (usize, usize)) -> Span32 {
    Span32::new(Span::new(toks[a].span().start, toks[b - 1].span().end))
}

/// A phrase can name a speaker: it has a capitalized word, a pronoun, or a
/// noun for a person or a body of people.
pub(super) fn names_someone(text: &str, toks: &[Token], (a, b): (usize, usize)) -> bool {
    toks[a..b].iter().any(|t| {
        let w = &text[t.span().range()];
        (w.starts_with(char::is_uppercase) && !common_class(w).has(Class::STOP))
            || is_subject_pronoun(lower(w).as_str())
            || is_speaker_noun(w)
    })
}

/// A subject before a speech verb can be its speaker: it names someone,
/// or it ends in a noun (`the bank`, `his father`, `it`), not in a
/// function word, an adverb, a number or a verb's `-ed` or `-ing` form.
pub(super) fn may_speak(text: &str, toks: &[Token], np: (usize, usize)) -> bool {
    names_someone(text, toks, np) || ends_in_noun(text, toks, np)
}

/// The relaxed half of [`may_speak`]: a phrase whose head, its last word
/// or the word before its first preposition (`mother of three`), is a noun.
pub(super) fn ends_in_noun(text: &str, toks: &[Token], (a, b): (usize, usize)) -> bool {
    let head = (a + 1..b)
        .find(|&i| toks[i].word() && opens_no_clause(lower(&text[toks[i].span().range()]).as_str()))
        .map_or(b - 1, |i| i - 1);
    let last = &text[toks[head].span().range()];
    last.eq_ignore_ascii_case("it")
        || (toks[head].word()
            && last.chars().all(char::is_alphabetic)
            && !last.ends_with("ed")
            && !last.ends_with("ing")
            && !common_class(last).has(Class::STOP)
            && !is_adverb(last)
            && !is_auxiliary(last))
}

/// The source of a direct quote from the words after it: `," Obama said`,
/// `," said Obama`, `," he told reporters`.
pub(super) fn source_after(
    text: &str,
    toks: &[Token],
    at: usize,
    end: usize,
) -> Option<((usize, usize), usize)> {
    let mut i = at;
    let dashed = i < end && is_punct(text, &toks[i], "—–―-");
    while i < end && is_punct(text, &toks[i], ",—–―-") {
        i += 1;
    }
    if i >= end || !toks[i].word() {
        return None;
    }
    if is_speech_verb(&text[toks[i].span().range()]) {
        let np = phrase_after(text, toks, i + 1, end)?;
        return Some((np, i));
    }
    let capitalized =
        |k: usize| toks[k].word() && text[toks[k].span().range()].starts_with(char::is_uppercase);
    // `" ― Pamela Padilla`: a dash and a name sign the quote.
    if dashed && capitalized(i) {
        let mut e = i;
        while e < end && capitalized(e) {
            e += 1;
        }
        return Some(((i, e), i));
    }
    // Subject then verb, within a few words; a parenthesis (`Rep. Gwen Moore
    // (D-Wis.) said`) is passed over.
    let mut depth = 0usize;
    let mut verb = None;
    for k in i..(i + 14).min(end) {
        let w = &text[toks[k].span().range()];
        match w {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ if depth == 0 && speech_verb_at(text, toks, k) => {
                verb = Some(k);
                break;
            }
            _ if toks[k].word() => {}
            "," | "'" | "’" | "-" | "." => {}
            _ if depth == 0 => break,
            _ => {}
        }
    }
    if let Some(verb) = verb {
        let name_then_paren = (i..verb).find(|&k| text[toks[k].span().range()] == *"(");
        let np = match name_then_paren {
            Some(p) if p > i => Some((i, p)),
            _ => subject_before(text, toks, i, verb),
        };
        if let Some(np) = np.filter(|&np| may_speak(text, toks, np)) {
            return Some((np, verb));
        }
    }
    // `," Scott Pruitt, the attorney general of Oklahoma, said`: a name, an
    // appositive, then the verb further on in the sentence.
    if capitalized(i) {
        let mut e = i;
        while e < end
            && (capitalized(e)
                || (toks[e].word()
                    && title_class(&text[toks[e].span().range()]).has(Class::PARTICLE)))
        {
            e += 1;
        }
        if e < end && is_punct(text, &toks[e], ",") {
            let verb = (e..end.min(e + 30)).find(|&k| speech_verb_at(text, toks, k))?;
            let before = &text[toks[verb - 1].span().range()];
            return (before == "," || is_adverb(before)).then_some(((i, e), verb));
        }
    }
    None
}

/// The source of a direct quote from the words before it in its sentence:
/// `Mr Blair said: "`, `According to the police, "`, `said Obama: "`.
pub(super) fn source_before(
    text: &str,
    toks: &[Token],
    from: usize,
    at: usize,
) -> Option<((usize, usize), usize)> {
    // The cue must stand close to the quote: `said in a statement: "`.
    let near = at.saturating_sub(10).max(from);
    for k in (near..at).rev() {
        let w = &text[toks[k].span().range()];
        if !toks[k].word() {
            if is_punct(text, &toks[k], ".!?\"“”") {
                return None;
            }
            continue;
        }
        if w.eq_ignore_ascii_case("according")
            && toks
                .get(k + 1)
                .is_some_and(|t| text[t.span().range()].eq_ignore_ascii_case("to"))
        {
            let np = phrase_after(text, toks, k + 2, at)?;
            return Some((np, k));
        }
        if let Some(np) = caller(text, toks, from, k) {
            return Some((np, k));
        }
        // `..., testifying "..."`: the sentence's subject spoke.
        if is_speech_participle(w) && k > from && comma_before(text, toks, k) {
            return opener(text, toks, from, k).map(|np| (np, k));
        }
        if is_speech_verb(w) {
            // A subject that names someone, else a name after the verb
            // (`asks editor Jane Doe, "..."`), else any subject.
            let subject = subject_before(text, toks, from, k);
            let np = subject
                .filter(|&np| names_someone(text, toks, np))
                .or_else(|| {
                    phrase_after(text, toks, k + 1, at).filter(|&np| names_someone(text, toks, np))
                })
                .or_else(|| subject.filter(|&np| ends_in_noun(text, toks, np)))?;
            return Some((np, k));
        }
    }
    None
}
