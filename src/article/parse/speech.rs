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

use super::marks::{self, Marked};
use super::names::{Class, class};
use super::shape::Shape;
use super::tokens::{Token, sentences, tokenize};
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

/// Verbs of saying, in the forms that attribute speech.
fn is_speech_verb(w: &str) -> bool {
    // A capitalized "States" or "Says" is a name, not a verb.
    w.starts_with(|c: char| c.is_lowercase())
        && matches!(
            w,
            "said"
                | "says"
                | "say"
                | "told"
                | "tells"
                | "added"
                | "adds"
                | "asked"
                | "asks"
                | "explained"
                | "explains"
                | "stated"
                | "states"
                | "noted"
                | "notes"
                | "wrote"
                | "writes"
                | "declared"
                | "declares"
                | "insisted"
                | "insists"
                | "warned"
                | "warns"
                | "argued"
                | "argues"
                | "claimed"
                | "claims"
                | "continued"
                | "recalled"
                | "recalls"
                | "replied"
                | "replies"
                | "responded"
                | "responds"
                | "remarked"
                | "acknowledged"
                | "acknowledges"
                | "announced"
                | "announces"
                | "commented"
                | "conceded"
                | "concedes"
                | "suggested"
                | "suggests"
                | "urged"
                | "urges"
                | "observed"
                | "joked"
                | "quipped"
                | "shouted"
                | "tweeted"
                | "admitted"
                | "admits"
                | "complained"
                | "complains"
                | "confirmed"
                | "confirms"
                | "denied"
                | "denies"
                | "predicted"
                | "predicts"
                | "promised"
                | "promises"
                | "revealed"
                | "reveals"
                | "stressed"
                | "stresses"
                | "emphasised"
                | "emphasized"
                | "maintained"
                | "maintains"
                | "testified"
                | "vowed"
                | "vows"
                | "cautioned"
                | "countered"
                | "reiterated"
                | "pledged"
                | "pointed"
                | "reported"
                | "reports"
                | "announcing"
                | "adding"
                | "saying"
                | "telling"
                | "estimated"
                | "agreed"
                | "agrees"
                | "assured"
                | "boasted"
                | "charged"
                | "contended"
                | "told reporters"
                | "wondered"
                | "yelled"
                | "whispered"
                | "proclaimed"
                | "disclosed"
                | "alleged"
                | "alleges"
                | "objected"
                | "protested"
                | "demanded"
                | "demands"
        )
}

/// `called for a vote`, `calls on the minister to resign`: a demand,
/// reported. Other senses of "call" rarely are speech.
fn is_call_verb(w: &str) -> bool {
    matches!(w, "called" | "calls")
}

/// Verbs that report a clause without quote marks (a subset: "asked",
/// "continued" and the like rarely do).
fn reports_clause(w: &str) -> bool {
    // Forms that are as often plural nouns ("member states", "the claims")
    // or that rarely take a clause are left to direct quotes.
    is_speech_verb(w)
        && !matches!(
            w,
            "asked"
                | "asks"
                | "continued"
                | "quipped"
                | "joked"
                | "shouted"
                | "adding"
                | "telling"
                | "yelled"
                | "whispered"
                | "replied"
                | "responded"
                | "remarked"
                | "commented"
                | "pointed"
                | "recalled"
                | "recalls"
                | "agreed"
                | "agrees"
                | "states"
                | "notes"
                | "claims"
                | "reports"
                | "demands"
                | "promises"
                | "alleges"
                | "charged"
                | "urged"
                | "urges"
                | "vowed"
                | "vows"
                | "pledged"
                | "demanded"
        )
}

fn is_punct(text: &str, t: &Token, set: &str) -> bool {
    !t.word && set.contains(&text[t.span.range()])
}

/// Words that sit between a speaker and a speech verb: `he later said`.
fn is_adverb(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    matches!(
        l.as_str(),
        "not" | "never" | "already" | "still" | "just" | "often" | "now" | "since"
    ) || matches!(
        l.as_str(),
        "also"
            | "later"
            | "then"
            | "again"
            | "previously"
            | "once"
            | "has"
            | "had"
            | "have"
            | "would"
            | "will"
            | "was"
            | "is"
            | "recently"
            | "earlier"
            | "further"
            | "simply"
    ) || (l.len() > 4 && l.ends_with("ly"))
}

fn is_auxiliary(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "is" | "was"
            | "were"
            | "are"
            | "been"
            | "be"
            | "being"
            | "do"
            | "does"
            | "did"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
    )
}

/// Words that open a clause rather than end a subject noun phrase.
fn is_clause_word(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "and"
            | "but"
            | "or"
            | "that"
            | "because"
            | "while"
            | "as"
            | "when"
            | "if"
            | "although"
            | "though"
            | "so"
            | "since"
            | "after"
            | "before"
            | "where"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "whether"
            | "than"
            | "until"
            | "unless"
            | "yet"
    )
}

/// The subject noun phrase ending just before token `verb`, searched back
/// no further than `from`; leading clause words and trailing adverbs are
/// dropped, and a phrase cut by a comma keeps the part nearest its head.
fn subject_before(text: &str, toks: &[Token], from: usize, verb: usize) -> Option<(usize, usize)> {
    let mut end = verb;
    while end > from && toks[end - 1].word && is_adverb(&text[toks[end - 1].span.range()]) {
        end -= 1;
    }
    // "Rep. Trey Gowdy (R-S.C.) said": the parenthesis is not the subject.
    if end > from && &text[toks[end - 1].span.range()] == ")" {
        let open = (end.saturating_sub(10).max(from)..end - 1)
            .rev()
            .find(|&k| &text[toks[k].span.range()] == "(");
        if let Some(open) = open {
            end = open;
        }
    }
    let mut start = end;
    let mut conjunction = None;
    while start > from {
        let t = &toks[start - 1];
        let w = &text[t.span.range()];
        if !t.word && !matches!(w, "'" | "’" | "-" | "&") {
            break;
        }
        if t.word && matches!(w, "and" | "or") {
            conjunction.get_or_insert(start - 1);
        } else if t.word && is_clause_word(w) {
            break;
        }
        if t.word && (is_speech_verb(w) || is_auxiliary(w)) && start < end {
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
        && (names_someone(text, toks, (c + 1, end)) || start > c)
    {
        start = c + 1;
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
            while s > from && toks[s - 1].word && !is_clause_word(&text[toks[s - 1].span.range()]) {
                s -= 1;
            }
            if s < open - 1 {
                return Some((s, open - 1));
            }
        }
    }
    // "what Trump says his plan would do" is not a report; nor is a
    // phrase that opens with a participle ("Having said that").
    let embedded = start > from
        && toks[start - 1].word
        && matches!(
            text[toks[start - 1].span.range()]
                .to_ascii_lowercase()
                .as_str(),
            "what" | "how" | "why"
        );
    let participle = start < end && {
        let w = &text[toks[start].span.range()];
        w.len() > 4 && w.ends_with("ing")
    };
    (start < end && !embedded && !participle).then_some((start, end))
}

/// The noun phrase right after token `at` (`said Obama`, `said the official`).
fn phrase_after(text: &str, toks: &[Token], at: usize, to: usize) -> Option<(usize, usize)> {
    let mut end = at;
    while end < to
        && toks[end].word
        && !is_clause_word(&text[toks[end].span.range()])
        && end - at < 8
    {
        let w = &text[toks[end].span.range()];
        if end > at && is_speech_verb(w) {
            break;
        }
        end += 1;
    }
    (end > at).then_some((at, end))
}

fn span(toks: &[Token], (a, b): (usize, usize)) -> Span {
    Span::new(toks[a].span.start, toks[b - 1].span.end)
}

/// A phrase can name a speaker: it has a capitalized word, a pronoun, or a
/// noun for a person or a body of people.
fn names_someone(text: &str, toks: &[Token], (a, b): (usize, usize)) -> bool {
    toks[a..b].iter().any(|t| {
        let w = &text[t.span.range()];
        (w.starts_with(char::is_uppercase) && !class(w).has(Class::STOP))
            || matches!(
                w.to_ascii_lowercase().as_str(),
                "he" | "she" | "they" | "we" | "i"
            )
            || is_speaker_noun(w)
    })
}

fn is_speaker_noun(w: &str) -> bool {
    let l = w.to_ascii_lowercase();
    let l = l.trim_end_matches('s');
    matches!(
        l,
        "official"
            | "spokesman"
            | "spokesmen"
            | "spokeswoman"
            | "spokeswomen"
            | "spokesperson"
            | "source"
            | "aide"
            | "adviser"
            | "advisor"
            | "diplomat"
            | "analyst"
            | "expert"
            | "minister"
            | "president"
            | "leader"
            | "lawyer"
            | "attorney"
            | "police"
            | "officer"
            | "resident"
            | "witness"
            | "economist"
            | "executive"
            | "director"
            | "secretary"
            | "ministry"
            | "department"
            | "government"
            | "company"
            | "statement"
            | "report"
            | "campaign"
            | "spokespeople"
            | "researcher"
            | "scientist"
            | "doctor"
            | "chairman"
            | "chairwoman"
            | "manager"
            | "coach"
            | "member"
            | "critic"
            | "supporter"
            | "voter"
            | "people"
            | "authoritie"
            | "prosecutor"
            | "judge"
            | "agency"
            | "group"
            | "union"
            | "party"
            | "senator"
            | "governor"
            | "mayor"
            | "candidate"
            | "nominee"
            | "organizer"
            | "organiser"
            | "founder"
            | "owner"
            | "ceo"
            | "activist"
            | "negotiator"
            | "envoy"
            | "ambassador"
            | "commander"
            | "general"
            | "worker"
            | "employee"
            | "study"
    )
}

/// The source of a direct quote from the words after it: `," Obama said`,
/// `," said Obama`, `," he told reporters`.
fn source_after(
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
    if i >= end || !toks[i].word {
        return None;
    }
    if is_speech_verb(&text[toks[i].span.range()]) {
        let np = phrase_after(text, toks, i + 1, end)?;
        return Some((np, i));
    }
    let capitalized =
        |k: usize| toks[k].word && text[toks[k].span.range()].starts_with(char::is_uppercase);
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
        let w = &text[toks[k].span.range()];
        match w {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ if toks[k].word && depth == 0 && is_speech_verb(w) => {
                verb = Some(k);
                break;
            }
            _ if toks[k].word => {}
            "," | "'" | "’" | "-" | "." => {}
            _ if depth == 0 => break,
            _ => {}
        }
    }
    if let Some(verb) = verb {
        let name_then_paren = (i..verb).find(|&k| text[toks[k].span.range()] == *"(");
        let np = match name_then_paren {
            Some(p) if p > i => Some((i, p)),
            _ => subject_before(text, toks, i, verb),
        };
        if let Some(np) = np.filter(|&np| names_someone(text, toks, np)) {
            return Some((np, verb));
        }
    }
    // `," Scott Pruitt, the attorney general of Oklahoma, said`: a name, an
    // appositive, then the verb further on in the sentence.
    if capitalized(i) {
        let mut e = i;
        while e < end
            && (capitalized(e)
                || (toks[e].word && class(&text[toks[e].span.range()]).has(Class::PARTICLE)))
        {
            e += 1;
        }
        if e < end && is_punct(text, &toks[e], ",") {
            let verb = (e..end.min(e + 30))
                .find(|&k| toks[k].word && is_speech_verb(&text[toks[k].span.range()]))?;
            let before = &text[toks[verb - 1].span.range()];
            return (before == "," || is_adverb(before)).then_some(((i, e), verb));
        }
    }
    None
}

/// The source of a direct quote from the words before it in its sentence:
/// `Mr Blair said: "`, `According to the police, "`, `said Obama: "`.
fn source_before(
    text: &str,
    toks: &[Token],
    from: usize,
    at: usize,
) -> Option<((usize, usize), usize)> {
    // The cue must stand close to the quote: `said in a statement: "`.
    let near = at.saturating_sub(10).max(from);
    for k in (near..at).rev() {
        let w = &text[toks[k].span.range()];
        if !toks[k].word {
            if is_punct(text, &toks[k], ".!?\"“”") {
                return None;
            }
            continue;
        }
        if w.eq_ignore_ascii_case("according")
            && toks
                .get(k + 1)
                .is_some_and(|t| text[t.span.range()].eq_ignore_ascii_case("to"))
        {
            let np = phrase_after(text, toks, k + 2, at)?;
            return Some((np, k));
        }
        if is_speech_verb(w) {
            let np =
                subject_before(text, toks, from, k).filter(|&np| names_someone(text, toks, np));
            let np = np.or_else(|| {
                phrase_after(text, toks, k + 1, at).filter(|&np| names_someone(text, toks, np))
            })?;
            return Some((np, k));
        }
    }
    None
}

/// Finds every direct and reported quotation in the body paragraphs.
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Speech> {
    let mut out = Vec::new();
    let mut carried = false; // the previous paragraph left a quote open
    for (p, &para) in paragraphs.iter().enumerate() {
        let next_opens = paragraphs
            .get(p + 1)
            .is_some_and(|n| marks::opens_with_quote(&text[n.range()]));
        let toks = tokenize(text, para);
        let marked = marks::quoted(text, para, next_opens);
        let places = places(&toks, &marked);
        let sents = sentences_outside(text, &toks, &places);
        let mut sent_of = vec![0; toks.len() + 1];
        for (n, s) in sents.iter().enumerate() {
            sent_of[s.clone()].fill(n);
        }
        sent_of[toks.len()] = sents.len().saturating_sub(1);
        let para_text = &text[para.range()];
        let only_quote = marked.len() == 1 && {
            let m = marked[0];
            m.outer.start - para.start <= para_text.len() - para_text.trim_start().len()
                && m.outer.end >= para.end.saturating_sub(1)
        };
        let mut cues = vec![false; toks.len()];
        // For each quote, the index of its first token and of the first
        // token after it, found in one sweep: quotes and tokens are in order.
        let mut cursor = 0;
        let bounds: Vec<(usize, usize)> = marked
            .iter()
            .map(|m| {
                let mut at = |pos: usize| {
                    while cursor < toks.len() && toks[cursor].span.start < pos {
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
            let found = source_after(text, &toks, after, after_end)
                .or_else(|| source_before(text, &toks, sent.start.max(prev_quote), first));
            let words = Shape::of(&text[m.inner.range()]).words;
            let source = match found {
                Some((np, verb)) => {
                    // `says he is making "a demand"`: the quote is part of a
                    // reported clause, which the reported-speech pass finds.
                    let mixed =
                        verb < first && first > 0 && toks[first - 1].word && first - 1 != verb;
                    if !mixed {
                        cues[verb] = true;
                    }
                    Source::Phrase(span(&toks, np))
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
                let w = &text[toks[first - 1].span.range()];
                toks[first - 1].word && (w.ends_with("'s") || w.ends_with("’s"))
            };
            let aside =
                inner_text.starts_with('(') && inner_text.trim_end_matches('.').ends_with(')');
            let title = words <= 6 && is_title_case(text, m.inner);
            let is_speech = !after_possessive
                && !aside
                && (!title || found.is_some_and(|_| words > 4))
                && match source {
                    Source::Phrase(_) | Source::Previous => words >= 2 || found.is_some(),
                    Source::Unknown => words >= 8 && !is_title_case(text, m.inner),
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
        reported(text, &toks, &sents, &places, &cues, p, &mut out);
    }
    out
}

fn is_title_case(text: &str, s: Span) -> bool {
    let shape = Shape::of(&text[s.range()]);
    shape.words <= 10 && shape.capitalized * 2 > shape.words && !shape.ends_sentence
}

/// Sentences of a paragraph, with the sentence marks inside quotes ignored.
fn sentences_outside(text: &str, toks: &[Token], places: &[Place]) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for s in sentences(text, toks) {
        match out.last_mut() {
            Some(last) if s.start > 0 && places[s.start - 1] == Place::Within => last.end = s.end,
            _ => out.push(s),
        }
    }
    out
}

/// Where each token stands against the quoted stretches, found in one
/// sweep (the stretches are in order and do not overlap).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Outside,
    /// One of the quote marks.
    Mark,
    Within,
}

fn places(toks: &[Token], marked: &[Marked]) -> Vec<Place> {
    let mut m = marked.iter().peekable();
    toks.iter()
        .map(|t| {
            while m.peek().is_some_and(|q| q.outer.end < t.span.end) {
                m.next();
            }
            match m.peek() {
                Some(q) if q.outer.start < t.span.start && t.span.end < q.outer.end => {
                    Place::Within
                }
                Some(q) if q.outer.start <= t.span.start && t.span.end <= q.outer.end => {
                    Place::Mark
                }
                _ => Place::Outside,
            }
        })
        .collect()
}

/// Reported speech in one paragraph, outside its direct quotes.
fn reported(
    text: &str,
    toks: &[Token],
    sents: &[std::ops::Range<usize>],
    places: &[Place],
    cues: &[bool],
    paragraph: usize,
    out: &mut Vec<Speech>,
) {
    let quoted = |i: usize| places[i] != Place::Outside;
    let word = |i: usize| &text[toks[i].span.range()];
    for sent in sents {
        // A sentence that is mostly a direct quote reports nothing more.
        if cues[sent.clone()].iter().any(|&c| c) {
            continue;
        }
        // Where the sentence's last word is, so that "nothing follows the
        // verb" is a comparison, not a scan.
        let last_word = (sent.start..sent.end).rev().find(|&i| toks[i].word);
        let mut end = sent.end;
        while end > sent.start && !toks[end - 1].word && !quoted(end - 1) {
            end -= 1;
        }
        let mut k = sent.start;
        while k < end {
            if !toks[k].word || quoted(k) {
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
                    .find(|&i| !toks[i].word)
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
                    .take_while(|&i| toks[i].word && word(i).starts_with(char::is_uppercase))
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
                && !(after.0..after.1)
                    .any(|i| is_auxiliary(word(i)) || matches!(word(i), "had" | "has" | "have"))
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
fn clause_start(text: &str, toks: &[Token], verb: usize, end: usize) -> Option<usize> {
    let word = |i: usize| &text[toks[i].span.range()];
    // "that" opens the clause when only an object or time words stand
    // before it; a finite verb or a conjunction means the clause began
    // earlier ("said the sides are close and that ...").
    let window = (verb + 1..end.min(verb + 13)).take_while(|&i| {
        let w = word(i);
        (toks[i].word || is_punct(text, &toks[i], ",'’"))
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
        let demand = s + 1 < end && matches!(word(s), "for" | "on" | "upon");
        return (demand && toks[s + 1].word).then_some(s + 1);
    }
    let told = matches!(word(verb).to_ascii_lowercase().as_str(), "told" | "tells");
    if told {
        // The person told: "reporters", "the BBC", "GMTV's Sunday programme".
        while s < end
            && toks[s].word
            && matches!(
                word(s).to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "his" | "her" | "their"
            )
        {
            s += 1;
        }
        while s < end
            && toks[s].word
            && (word(s).starts_with(char::is_uppercase)
                || matches!(
                    word(s).to_ascii_lowercase().as_str(),
                    "reporters"
                        | "journalists"
                        | "parliament"
                        | "lawmakers"
                        | "supporters"
                        | "colleagues"
                        | "investors"
                        | "analysts"
                        | "congress"
                        | "me"
                        | "us"
                        | "him"
                        | "her"
                        | "them"
                ))
        {
            s += 1;
        }
    }
    while s < end
        && toks[s].word
        && (class(word(s)).has(Class::TIME)
            || matches!(
                word(s).to_ascii_lowercase().as_str(),
                "on" | "last"
                    | "this"
                    | "earlier"
                    | "late"
                    | "week"
                    | "month"
                    | "year"
                    | "night"
                    | "morning"
                    | "afternoon"
                    | "evening"
            ))
    {
        s += 1;
    }
    while s < end && is_punct(text, &toks[s], ",") {
        s += 1;
    }
    // "said in his interview", "vowed to fight", "complained about": no
    // reported clause follows.
    let opens_clause = s < end
        && toks[s].word
        && !matches!(
            word(s).to_ascii_lowercase().as_str(),
            "to" | "about"
                | "with"
                | "of"
                | "for"
                | "in"
                | "as"
                | "from"
                | "during"
                | "at"
                | "on"
                | "into"
                | "by"
                | "after"
                | "before"
                | "while"
                | "when"
                | "because"
                | "if"
                | "since"
                | "until"
                | "over"
                | "under"
                | "through"
                | "goodbye"
                | "hello"
                | "so"
                | "yes"
                | "no"
        );
    opens_clause.then_some(s)
}

fn push_reported(
    text: &str,
    toks: &[Token],
    clause: (usize, usize),
    np: Option<(usize, usize)>,
    paragraph: usize,
    out: &mut Vec<Speech>,
) {
    let (a, mut b) = clause;
    while b > a && !toks[b - 1].word && !is_punct(text, &toks[b - 1], "\"”’)") {
        b -= 1;
    }
    if b <= a {
        return;
    }
    let content = Span::new(toks[a].span.start, toks[b - 1].span.end);
    let source = np.map_or(Source::Unknown, |np| Source::Phrase(span(toks, np)));
    out.push(Speech {
        content,
        kind: QuoteKind::Indirect,
        paragraph,
        source,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
        let paras: Vec<Span> = {
            let mut at = 0;
            text.split("\n\n")
                .map(|p| {
                    let s = Span::new(at, at + p.len());
                    at += p.len() + 2;
                    s
                })
                .collect()
        };
        find(text, &paras)
            .into_iter()
            .map(|s| {
                let who = match s.source {
                    Source::Phrase(sp) => Some(text[sp.range()].to_string()),
                    Source::Previous => Some("<previous>".into()),
                    Source::Unknown => None,
                };
                (s.kind, text[s.content.range()].to_string(), who)
            })
            .collect()
    }

    use QuoteKind::{Direct, Indirect};

    #[test]
    fn quote_then_attribution() {
        let got = run(r#""We have grave differences with them," Obama told reporters Sunday."#);
        assert_eq!(
            got,
            vec![(
                Direct,
                "We have grave differences with them".into(),
                Some("Obama".into())
            )]
        );
        let got = run(r#""It is difficult to see a way forward," said Obama."#);
        assert_eq!(got[0].2.as_deref(), Some("Obama"));
    }

    #[test]
    fn split_quote_keeps_its_speaker() {
        let got = run(r#""The work goes on," Ryabkov said. "We cannot say more.""#);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].2.as_deref(), Some("Ryabkov"));
        assert_eq!(got[1].2.as_deref(), Some("<previous>"));
    }

    #[test]
    fn attribution_before_the_quote() {
        let got = run("Mr Blair said: “We will not back down on this.”");
        assert_eq!(
            got,
            vec![(
                Direct,
                "We will not back down on this.".into(),
                Some("Mr Blair".into())
            )]
        );
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        assert!(
            run(r#"The plan was called "desperate" by some and the "Big Deal" by others."#)
                .is_empty()
        );
    }

    #[test]
    fn reported_speech() {
        let got = run("A State Department official said Russia walked back on some of the areas.");
        assert_eq!(
            got,
            vec![(
                Indirect,
                "Russia walked back on some of the areas".into(),
                Some("A State Department official".into())
            )]
        );
        let got = run(
            "Russian President Putin is quoted as saying the conflict can only be resolved politically.",
        );
        assert_eq!(got[0].2.as_deref(), Some("Russian President Putin"));
        let got = run("The talks had stalled, the minister said.");
        assert_eq!(
            got,
            vec![(
                Indirect,
                "The talks had stalled".into(),
                Some("the minister".into())
            )]
        );
        let got = run("According to the police, the crowd was peaceful all day.");
        assert_eq!(got[0].1, "the crowd was peaceful all day");
        let got = run("Kerry told reporters on Monday that the gap could be bridged.");
        assert_eq!(got[0].1, "the gap could be bridged");
    }

    #[test]
    fn multi_paragraph_quote() {
        let got = run(
            "“We will go on and on until the job is done,” she said. “And then more.\n\n“It will not be easy for anyone.”",
        );
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].2.as_deref(), Some("<previous>"));
    }
}
