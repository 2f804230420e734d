//! Where a reported clause begins and ends: after its verb and any object
//! or time words, and before whatever is no longer the report (a second
//! report, a participle of saying, the end of a subordinate clause).

use super::phrases::{may_speak, subject_before};
use super::{Place, is_punct};
use crate::article::parse::lexicon::report::{
    is_answer, is_clause_subject, is_modal, is_speech_participle, joins_reports, opens_setting,
    takes_object,
};
use crate::article::parse::lexicon::speech::{
    is_adverb, is_audience, is_auxiliary, is_call_verb, is_clause_word, is_demand_preposition,
    is_determiner_of_audience, is_have, is_speech_verb, is_tell_verb, is_when_of_report,
    opens_no_clause,
};
use crate::article::parse::lexicon::{Class, common_class, lower};
use crate::article::parse::tokens::Token;

/// Where the reported clause after the verb at `verb` begins: after `that`
/// if it comes within a few words, else after the verb and any object
/// (`told reporters`) or time words (`on Sunday`). A verb that as often
/// takes a noun (`denied the claim`) reports only a clause that reads as
/// one.
pub(super) fn clause_start(text: &str, toks: &[Token], verb: usize, end: usize) -> Option<usize> {
    let word = |i: usize| &text[toks[i].span().range()];
    let mut s = verb + 1;
    if is_call_verb(word(verb)) {
        let demand = s + 1 < end && is_demand_preposition(word(s));
        return (demand && toks[s + 1].word()).then_some(s + 1);
    }
    // "that" opens the clause when only an object or time words stand
    // before it; a finite verb or a conjunction means the clause began
    // earlier ("said the sides are close and that ...").
    let window = (verb + 1..end.min(verb + 13)).take_while(|&i| {
        let w = word(i);
        (toks[i].word() || is_punct(text, &toks[i], ",'’"))
            && (w.eq_ignore_ascii_case("that")
                || (!is_auxiliary(w) && !is_clause_word(w) && !is_have(w) && !is_clause_subject(w)))
    });
    if let Some(that) = window
        .clone()
        .find(|&i| word(i).eq_ignore_ascii_case("that"))
    {
        return Some(that + 1);
    }
    s = past_object(text, toks, verb, end);
    while s < end && is_punct(text, &toks[s], ",") {
        s += 1;
    }
    // "said in his speech he was ready": a short phrase of where or how,
    // then the clause's own subject.
    if s < end && toks[s].word() && opens_setting(word(s)) {
        return (s + 1..end.min(s + 9))
            .take_while(|&i| toks[i].word() && !is_clause_word(word(i)))
            .find(|&i| {
                i > s + 1 && is_clause_subject(word(i)) && !word(i).eq_ignore_ascii_case("it")
            });
    }
    // "vowed to fight", "complained about": no reported clause follows.
    // "told reporters, adding that ...": the participle reports on its own;
    // "said no to ..." reports nothing, "said no decision was made" does.
    let answer = s < end && is_answer(word(s));
    let opens_clause = s < end
        && (toks[s].word() || is_punct(text, &toks[s], QUOTE_MARKS))
        && (!opens_no_clause(lower(word(s)).as_str()) || answer)
        && !is_speech_participle(word(s));
    let object_first = takes_object(word(verb)) || answer;
    (opens_clause && (!object_first || reads_as_clause(text, toks, s, end))).then_some(s)
}

/// The marks that may open or close quoted words, as single tokens.
pub(super) const QUOTE_MARKS: &str = "\"“”‘’'";

/// Where the words after the verb at `verb` that are not its report end:
/// the person told (`told reporters`, `told the BBC`) and when
/// (`on Sunday`, `last week`).
pub(super) fn past_object(text: &str, toks: &[Token], verb: usize, end: usize) -> usize {
    let word = |i: usize| &text[toks[i].span().range()];
    let mut s = verb + 1;
    if is_tell_verb(lower(word(verb)).as_str()) {
        while s < end && toks[s].word() && is_determiner_of_audience(lower(word(s)).as_str()) {
            s += 1;
        }
        while s < end
            && toks[s].word()
            && (word(s).starts_with(char::is_uppercase) || is_audience(lower(word(s)).as_str()))
        {
            s += 1;
        }
    }
    while s < end
        && toks[s].word()
        && (common_class(word(s)).has(Class::TIME) || is_when_of_report(lower(word(s)).as_str()))
    {
        s += 1;
    }
    s
}

/// The words from `s` read as a clause (quoted or not): a subject pronoun
/// first, or an auxiliary, a modal or a form of "have" among the first
/// few words.
fn reads_as_clause(text: &str, toks: &[Token], s: usize, end: usize) -> bool {
    let word = |i: usize| &text[toks[i].span().range()];
    let s = s + usize::from(is_punct(text, &toks[s], QUOTE_MARKS));
    // "deny them the permits until ...": an object first.
    if s < end && is_audience(lower(word(s)).as_str()) {
        return false;
    }
    s < end && is_clause_subject(word(s))
        || (s..end.min(s + 10))
            .take_while(|&i| toks[i].word() || is_punct(text, &toks[i], QUOTE_MARKS))
            .any(|i| {
                let w = word(i);
                is_auxiliary(w)
                    || is_have(lower(w).as_str())
                    || is_modal(w)
                    || w.ends_with("n't")
                    || w.ends_with("n’t")
            })
}

/// Where a reported clause from `start`, running at most to `end`, stops:
/// before a participle of saying after a comma (`, adding that ...`) or
/// any participle after quoted words closed by a comma,
/// before a second report joined to it (`and added ...`, `, but the mayor
/// said ...`), and, when the report sits in a subordinate clause at the
/// head of its sentence (`Though the judge said A, he believed B`), at
/// that clause's comma. It ends too before the attribution of a direct
/// quote (a verb `cues` marks) and at a colon that opens one. Quoted words
/// never end it.
pub(super) fn clause_end(
    text: &str,
    toks: &[Token],
    (places, cues): (&[Place], &[bool]),
    (start, end): (usize, usize),
    subordinate: bool,
) -> usize {
    let word = |i: usize| &text[toks[i].span().range()];
    let quoted = |i: usize| places.get(i).is_some_and(|&p| p != Place::Outside);
    for i in start + 1..end {
        if quoted(i) {
            continue;
        }
        if cues.get(i) == Some(&true) {
            // Back to the comma and conjunction that join the new report
            // (`, and when pressed, the mother replied`), if any.
            let subject = subject_before(text, toks, start, i).map_or(i, |np| np.0);
            let joint = (start + 1..subject)
                .rev()
                .find(|&j| is_punct(text, &toks[j - 1], ",") && joins_reports(word(j)));
            return joint.map_or(subject, |j| j - 1);
        }
        if is_punct(text, &toks[i], ":") && quoted(i + 1) {
            return i;
        }
        let comma = is_punct(text, &toks[i - 1], ",;—–");
        if !toks[i].word() {
            if subordinate && is_punct(text, &toks[i], ",") {
                return i;
            }
            continue;
        }
        let w = word(i);
        if comma && is_speech_participle(w) {
            return i - 1;
        }
        // `said that "...," alluding to ...`: quoted words closed by a
        // comma, then a participle.
        if i >= 2 && quoted(i - 1) && is_punct(text, &toks[i - 2], ",") && w.ends_with("ing") {
            return i;
        }
        if joins_reports(w) && second_report(text, toks, i + 1, end) {
            return if comma { i - 1 } else { i };
        }
    }
    end
}

/// A report begins at `from`: a speech verb (`added that`), or a subject
/// and then one (`the mayor said`), within a few words.
fn second_report(text: &str, toks: &[Token], from: usize, end: usize) -> bool {
    let word = |i: usize| &text[toks[i].span().range()];
    let mut i = from;
    while i < end && toks[i].word() && is_adverb(word(i)) {
        i += 1;
    }
    if i < end && toks[i].word() && is_speech_verb(word(i)) {
        return true;
    }
    let verb = (i..end.min(i + 8))
        .take_while(|&k| toks[k].word() || is_punct(text, &toks[k], "'’"))
        .find(|&k| is_speech_verb(word(k)));
    verb.is_some_and(|v| {
        v > i
            && subject_before(text, toks, i, v)
                .is_some_and(|np| np.0 == i && may_speak(text, toks, np))
    })
}
