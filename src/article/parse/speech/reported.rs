//! Reported speech: a speech verb with a clause and no quote marks,
//! `X said (that) ...`, `..., X said.`, `according to X, ...`, `X is
//! quoted as saying ...`.

use super::clause::{QUOTE_MARKS, clause_end, clause_start, past_object};
use super::phrases::{
    caller, ends_in_noun, names_someone, opener, phrase_after, span, subject_before,
};
use super::{Place, Source, Speech, comma_before, is_punct};
use crate::article::parse::lexicon::lower;
use crate::article::parse::lexicon::report::{
    is_be, is_clause_subject, is_speech_participle, is_subordinator, joins_reports,
};
use crate::article::parse::lexicon::speech::{
    is_adverb, is_auxiliary, is_call_verb, is_have, is_speech_verb, may_report, opens_no_clause,
    reports_clause,
};
use crate::article::parse::tokens::Token;
use crate::article::{QuoteKind, Span};

/// Reported speech in one paragraph, outside its direct quotes and their
/// attributions (the verbs `cues` marks). A sentence may hold several
/// reports, each clause ending where the next report begins.
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
        // Where the sentence's last word is, so that "nothing follows the
        // verb" is a comparison, not a scan.
        let last_word = (sent.start..sent.end).rev().find(|&i| toks[i].word());
        let mut end = sent.end;
        while end > sent.start && !toks[end - 1].word() && !quoted(end - 1) {
            end -= 1;
        }
        // The sentence's words not yet reported, and the subject of the
        // last report, which a report joined to it shares ("and added").
        let mut from = sent.start;
        let mut last_np = None;
        let mut k = sent.start;
        let push = |clause: (usize, usize), np: (usize, usize), out: &mut Vec<Speech>| {
            push_reported(text, toks, places, clause, Some(np), paragraph, out);
            clause.1
        };
        while k < end {
            if !toks[k].word() || quoted(k) || !may_report(text.as_bytes(), toks[k].span()) {
                k += 1;
                continue;
            }
            // The verb of a direct quote's attribution: the quote is what
            // it reports, and a report joined to it shares its subject.
            if cues.get(k) == Some(&true) {
                last_np = subject_before(text, toks, from, k).or(last_np);
                k += 1;
                from = k;
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
                    } else if k > from + 3 {
                        Some((from, k - usize::from(is_punct(text, &toks[k - 1], ","))))
                    } else {
                        None
                    };
                    if let Some(c) = clause.filter(|c| c.1 > c.0 + 2) {
                        k = push(c, np, out).max(k + 1);
                        from = k;
                        continue;
                    }
                }
            }
            // `called the plan "bold"`, `described it as "a disgrace"`: from
            // the object to the quoted words and on to the clause's end, a
            // comma at most past them.
            if let Some(np) = caller(text, toks, from, k)
                && let Some(open) = (k + 1..end.min(k + 12))
                    .take_while(|&i| quoted(i) || toks[i].word() || is_punct(text, &toks[i], "'’-"))
                    .find(|&i| quoted(i))
            {
                let close = (open..end).find(|&j| !quoted(j)).unwrap_or(end);
                let limit = (close..end)
                    .find(|&j| is_punct(text, &toks[j], ",;"))
                    .unwrap_or(end);
                let stop = clause_end(text, toks, (places, cues), (k + 1, limit), false);
                k = push((k + 1, stop.max(close)), np, out);
                from = k;
                last_np = Some(np);
                continue;
            }
            // "is telling", "isn't saying": a verb of saying in progress.
            let progressive = w.ends_with("ing")
                && is_speech_verb(w)
                && k > from
                && is_be(word(k - 1).trim_end_matches("n't").trim_end_matches("n’t"));
            let participle = is_speech_participle(w) && !progressive;
            // "to say", "it is safe to say": no one reports; nor does the
            // subject of a passive ("was told", "have been denied").
            if (!reports_clause(w) && !is_call_verb(w) && !participle && !progressive)
                || (k > from && word(k - 1).eq_ignore_ascii_case("to"))
                || (!progressive && passive(text, toks, from, k))
            {
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
            } else if participle {
                // "..., saying the deal was dead": the one who reported
                // before said it, or the sentence's subject.
                let opener = opener(text, toks, sent.start, k);
                if k > sent.start + 2
                    && comma_before(text, toks, k)
                    && let Some(np) = last_np.or(opener)
                    && let Some(start) = clause_start(text, toks, k, end).filter(|&s| end > s + 2)
                {
                    let stop = clause_end(text, toks, (places, cues), (start, end), false);
                    k = push((start, stop), np, out);
                    from = k;
                    last_np = Some(np);
                    continue;
                }
                k += 1;
                continue;
            } else {
                k
            };
            let np = subject_before(text, toks, from, subject_end)
                .filter(|&np| {
                    // "The index added 0.2 per cent", "rejected calls for":
                    // these verbs report only when a person is named.
                    names_someone(text, toks, np)
                        || (!is_call_verb(w)
                            && !matches!(w, "added" | "adds")
                            && ends_in_noun(text, toks, np))
                })
                .or_else(|| {
                    // "X supported Y, and said ...": the one who spoke last,
                    // or the sentence's subject.
                    joined(text, toks, from, k)
                        .then(|| last_np.or_else(|| opener(text, toks, sent.start, k)))
                        .flatten()
                });
            // CLAUSE, X said.  /  CLAUSE, X said on Friday, CLAUSE.
            let after = past_object(text, toks, k, end);
            let tail = last_word.is_none_or(|l| l < after)
                || (after < end && is_punct(text, &toks[after], ","));
            if let Some(np) = np
                && tail
                && np.0 > from + 2
                && comma_before(text, toks, np.0)
            {
                push((from, before_comma(text, toks, np.0)), np, out);
                k += 1;
                from = k;
                last_np = Some(np);
                // The sentence goes on after the attribution: its rest is
                // reported too, unless a participle opens a report of its own.
                if k + 1 < end
                    && is_punct(text, &toks[k], ",")
                    && !is_speech_participle(word(k + 1))
                    && end > k + 3
                {
                    let stop = clause_end(text, toks, (places, cues), (k + 1, end), false);
                    k = push((k + 1, stop), np, out);
                    from = k;
                }
                continue;
            }
            // "..., said Ms Ruiz." names the speaker in a few words that end
            // the sentence; "..., said the change had altered ..." and
            // "..., said she understands ..." do not.
            if let Some(after) = phrase_after(text, toks, k + 1, end)
                && k > from + 3
                && comma_before(text, toks, k)
                && after.1 >= end.saturating_sub(1)
                && after.1 - after.0 <= 6
                && !(after.0..after.1).any(|i| is_auxiliary(word(i)) || is_have(word(i)))
                && (after.1 == after.0 + 1 || !is_clause_subject(word(after.0)))
                && !opens_no_clause(lower(word(after.0)).as_str())
                && names_someone(text, toks, after)
            {
                k = push((from, before_comma(text, toks, k)), after, out).max(after.1);
                from = k;
                continue;
            }
            // X said (that) CLAUSE.
            if let Some(np) = np {
                let start = clause_start(text, toks, k, end);
                // A stray mark opens no clause: it quotes nothing.
                let stray = |s: usize| is_punct(text, &toks[s], QUOTE_MARKS) && !quoted(s);
                if let Some(start) = start.filter(|&s| end > s + 2 && !stray(s)) {
                    let subordinate = np.0 > sent.start
                        && np.0 <= sent.start + 2
                        && is_subordinator(word(np.0 - 1));
                    let stop = clause_end(text, toks, (places, cues), (start, end), subordinate);
                    k = push((start, stop), np, out);
                    from = k;
                    last_np = Some(np);
                    continue;
                }
            }
            k += 1;
        }
    }
}

/// Where the words before the comma that [`comma_before`] token `i` end:
/// at the comma, or past the quote mark it closes.
fn before_comma(text: &str, toks: &[Token], i: usize) -> usize {
    if is_punct(text, &toks[i - 1], ",") {
        i - 1
    } else {
        i
    }
}

/// The verb at `verb` is a passive: a form of "be" before it, adverbs
/// between.
fn passive(text: &str, toks: &[Token], from: usize, verb: usize) -> bool {
    let mut i = verb;
    let word = |i: usize| &text[toks[i].span().range()];
    while i > from && toks[i - 1].word() && is_adverb(word(i - 1)) && !is_be(word(i - 1)) {
        i -= 1;
    }
    i > from && toks[i - 1].word() && is_be(word(i - 1))
}

/// The verb at `verb` is joined to a report before it: only `and` or
/// `but` and adverbs stand between (`said A and added B`).
fn joined(text: &str, toks: &[Token], from: usize, verb: usize) -> bool {
    let mut i = verb;
    while i > from && toks[i - 1].word() && is_adverb(&text[toks[i - 1].span().range()]) {
        i -= 1;
    }
    i > from && toks[i - 1].word() && joins_reports(&text[toks[i - 1].span().range()])
}

/// Pushes the report of tokens `clause`: indirect, or mixed when it holds
/// quoted words, or direct when it is nearly all quoted words: then it is
/// the direct quote the first pass found (or left out as a title), and
/// only says who spoke it.
pub(super) fn push_reported(
    text: &str,
    toks: &[Token],
    places: &[Place],
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
    let kind = match quoted_share(toks, places, (a, b)) {
        (0, _) => QuoteKind::Indirect,
        (quoted, all) if quoted * 10 >= all * 9 => QuoteKind::Direct,
        _ => QuoteKind::Mixed,
    };
    let content = Span::new(toks[a].span().start, toks[b - 1].span().end);
    let source = np.map_or(Source::Unknown, |np| Source::Phrase(span(toks, np)));
    out.push(Speech::new(content, kind, paragraph, source));
}

/// The bytes of words inside quote marks among tokens `a..b`, and of all
/// their words.
fn quoted_share(toks: &[Token], places: &[Place], (a, b): (usize, usize)) -> (usize, usize) {
    let (mut quoted, mut all) = (0, 0);
    for (i, t) in toks.iter().enumerate().take(b).skip(a) {
        if t.word() {
            all += t.span().len();
            if places.get(i) == Some(&Place::Within) {
                quoted += t.span().len();
            }
        }
    }
    (quoted, all)
}
