//! Reported speech: a speech verb with a clause and no quote marks,
//! `X said (that) ...`, `..., X said.`, `according to X, ...`, `X is
//! quoted as saying ...`.

use super::phrases::{names_someone, phrase_after, span, subject_before};
use super::{Place, Source, Speech, is_punct};
use crate::article::parse::lexicon::speech::{
    is_audience, is_auxiliary, is_call_verb, is_clause_word, is_demand_preposition,
    is_determiner_of_audience, is_have, is_tell_verb, is_when_of_report, may_report,
    opens_no_clause, reports_clause,
};
use crate::article::parse::lexicon::{Class, common_class, lower};
use crate::article::parse::tokens::Token;
use crate::article::{QuoteKind, Span};

/// Reported speech in one paragraph, outside its direct quotes.
pub(super) fn reported(
    text: &str,
    toks: &[Token],
    sents: &[std::ops::Range<usize>],
    places: &[Place],
    cues: &[bool],
    paragraph: usize,
    out: &mut Vec<Speech>,
) {
    // Both empty for a paragraph without quote marks.
    let quoted = |i: usize| places.get(i).is_some_and(|&p| p != Place::Outside);
    let word = |i: usize| &text[toks[i].span().range()];
    for sent in sents {
        // A sentence that is mostly a direct quote reports nothing more.
        if cues.get(sent.clone()).is_some_and(|c| c.contains(&true)) {
            continue;
        }
        // Where the sentence's last word is, so that "nothing follows the
        // verb" is a comparison, not a scan.
        let last_word = (sent.start..sent.end).rev().find(|&i| toks[i].word());
        let mut end = sent.end;
        while end > sent.start && !toks[end - 1].word() && !quoted(end - 1) {
            end -= 1;
        }
        let mut k = sent.start;
        while k < end {
            if !toks[k].word() || quoted(k) || !may_report(text.as_bytes(), toks[k].span()) {
                k += 1;
                continue;
            }
            let w = word(k);
            // according to X, CLAUSE  /  CLAUSE, according to X.
            if w.eq_ignore_ascii_case("according")
                && k + 1 < end
                && word(k + 1).eq_ignore_ascii_case("to")
            {
                let np_end = (k + 2..end.min(k + 10))
                    .find(|&i| !toks[i].word())
                    .unwrap_or(end.min(k + 10));
                if np_end > k + 2 {
                    let np = (k + 2, np_end);
                    let clause = if np_end + 1 < end && is_punct(text, &toks[np_end], ",") {
                        Some((np_end + 1, end))
                    } else if k > sent.start + 3 {
                        Some((
                            sent.start,
                            k - usize::from(is_punct(text, &toks[k - 1], ",")),
                        ))
                    } else {
                        None
                    };
                    if let Some(c) = clause.filter(|c| c.1 > c.0 + 2) {
                        push_reported(text, toks, c, Some(np), paragraph, out);
                        break;
                    }
                }
            }
            if !reports_clause(w) && !is_call_verb(w) {
                k += 1;
                continue;
            }
            // "is quoted as saying": the subject stands before "is quoted".
            let subject_end = if w.eq_ignore_ascii_case("saying")
                && k >= 3
                && word(k - 1).eq_ignore_ascii_case("as")
                && word(k - 2).eq_ignore_ascii_case("quoted")
            {
                k - 3
            } else if w.eq_ignore_ascii_case("saying") {
                // "..., saying the deal was dead": the sentence's subject said it.
                let opener = (sent.start..k)
                    .take_while(|&i| toks[i].word() && word(i).starts_with(char::is_uppercase))
                    .last();
                if k > sent.start + 2
                    && is_punct(text, &toks[k - 1], ",")
                    && let Some(last) = opener
                    && let Some(start) = clause_start(text, toks, k, end).filter(|&s| end > s + 2)
                {
                    push_reported(
                        text,
                        toks,
                        (start, end),
                        Some((sent.start, last + 1)),
                        paragraph,
                        out,
                    );
                    break;
                }
                k += 1;
                continue;
            } else {
                k
            };
            let np = subject_before(text, toks, sent.start, subject_end)
                .filter(|&np| names_someone(text, toks, np));
            // CLAUSE, X said.  /  CLAUSE, said X.
            let tail = last_word.is_none_or(|l| l <= k)
                || (k + 1 < end && is_punct(text, &toks[k + 1], ","));
            if let Some(np) = np
                && tail
                && np.0 > sent.start + 3
                && is_punct(text, &toks[np.0 - 1], ",")
            {
                push_reported(text, toks, (sent.start, np.0 - 1), Some(np), paragraph, out);
                break;
            }
            // "..., said Ms Ruiz." names the speaker in a few words that end
            // the sentence; "..., said the change had altered ..." does not.
            if let Some(after) = phrase_after(text, toks, k + 1, end)
                && k > sent.start + 3
                && is_punct(text, &toks[k - 1], ",")
                && after.1 >= end.saturating_sub(1)
                && after.1 - after.0 <= 6
                && !(after.0..after.1).any(|i| is_auxiliary(word(i)) || is_have(word(i)))
                && names_someone(text, toks, after)
            {
                push_reported(text, toks, (sent.start, k - 1), Some(after), paragraph, out);
                break;
            }
            // X said (that) CLAUSE.
            if let Some(np) = np {
                let start = clause_start(text, toks, k, end);
                if let Some(start) =
                    start.filter(|&s| end > s + 2 && !is_punct(text, &toks[s], "\"“:"))
                {
                    push_reported(text, toks, (start, end), Some(np), paragraph, out);
                    break;
                }
            }
            k += 1;
        }
    }
}

/// Where the reported clause after the verb at `verb` begins: after `that`
/// if it comes within a few words, else after the verb and any object
/// (`told reporters`) or time words (`on Sunday`).
pub(super) fn clause_start(text: &str, toks: &[Token], verb: usize, end: usize) -> Option<usize> {
    let word = |i: usize| &text[toks[i].span().range()];
    // "that" opens the clause when only an object or time words stand
    // before it; a finite verb or a conjunction means the clause began
    // earlier ("said the sides are close and that ...").
    let window = (verb + 1..end.min(verb + 13)).take_while(|&i| {
        let w = word(i);
        (toks[i].word() || is_punct(text, &toks[i], ",'’"))
            && (w.eq_ignore_ascii_case("that")
                || (!is_auxiliary(w)
                    && !is_clause_word(w)
                    && !matches!(
                        w,
                        "he" | "she" | "they" | "it" | "we" | "has" | "have" | "had"
                    )))
    });
    if let Some(that) = window
        .clone()
        .find(|&i| word(i).eq_ignore_ascii_case("that"))
    {
        return Some(that + 1);
    }
    let mut s = verb + 1;
    if is_call_verb(word(verb)) {
        let demand = s + 1 < end && is_demand_preposition(word(s));
        return (demand && toks[s + 1].word()).then_some(s + 1);
    }
    let told = is_tell_verb(lower(word(verb)).as_str());
    if told {
        // The person told: "reporters", "the BBC", "GMTV's Sunday programme".
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
    while s < end && is_punct(text, &toks[s], ",") {
        s += 1;
    }
    // "said in his interview", "vowed to fight", "complained about": no
    // reported clause follows.
    let opens_clause = s < end && toks[s].word() && !opens_no_clause(lower(word(s)).as_str());
    opens_clause.then_some(s)
}

pub(super) fn push_reported(
    text: &str,
    toks: &[Token],
    clause: (usize, usize),
    np: Option<(usize, usize)>,
    paragraph: usize,
    out: &mut Vec<Speech>,
) {
    let (a, mut b) = clause;
    while b > a && !toks[b - 1].word() && !is_punct(text, &toks[b - 1], "\"”’)") {
        b -= 1;
    }
    if b <= a {
        return;
    }
    let content = Span::new(toks[a].span().start, toks[b - 1].span().end);
    let source = np.map_or(Source::Unknown, |np| Source::Phrase(span(toks, np)));
    out.push(Speech::new(content, QuoteKind::Indirect, paragraph, source));
}
