//! The speaker of a quote no cue attributes: the subject of the sentence
//! that introduces it with a colon, the person named beside it in its
//! sentence, or the person its paragraph, or the one before, is about.

use super::resolve::{Context, Resolved, sentence_start};
use crate::article::{Gender, Person, Source, Span};

/// The speaker of a quote nothing attributes that a sentence introduces
/// with a colon: its subject (`Martell, the town's doctor, is more blunt:
/// "..."`).
pub fn introduced(ctx: &Context, content: Span) -> Resolved {
    let before = ctx.text[..content.start].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’')
    });
    if !before.ends_with(':') {
        return Resolved::default();
    }
    let colon = before.len() - 1;
    let from = sentence_start(ctx.text, colon);
    match ctx.registry.first_between(
        from,
        colon,
        |s| ctx.passed_over(s),
        |p| p.source == Source::Person && !ctx.authors.contains(&p.name),
    ) {
        Some((span, id)) => Resolved {
            speaker: Some(id),
            mention: Some(span),
            source: Some(Source::Person),
        },
        None => Resolved::default(),
    }
}

/// The speaker of a quote nothing attributes, in `paragraph` after the
/// paragraph `previous`: the person named right after it in its sentence
/// (`"...," Senate leader Mitch McConnell, R-Ky., said`); else, within the
/// paragraph, the person it names last before the quote; else, for a quote
/// that opens its paragraph, the person the previous paragraph names last,
/// of its opening pronoun's gender if it opens with one (`Her message is
/// simple.` then `"Don't share them."`).
pub fn floating(ctx: &Context, content: Span, paragraph: Span, previous: Option<Span>) -> Resolved {
    let person = |p: &Person| p.source == Source::Person && !ctx.authors.contains(&p.name);
    let found = |id| Resolved {
        speaker: Some(id),
        mention: None,
        source: Some(Source::Person),
    };
    let rest = ctx.text.get(content.end..paragraph.end).unwrap_or_default();
    let to = content.end + rest.find(". ").map_or(rest.len(), |i| i + 1);
    if let Some((span, id)) =
        ctx.registry
            .first_between(content.end, to, |s| ctx.passed_over(s), person)
    {
        return Resolved {
            mention: Some(span),
            ..found(id)
        };
    }
    let opening = &ctx.text[paragraph.start..content.start];
    let opens = opening
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '\'' | '‘' | '’'));
    if !opens {
        return match ctx.latest_at(content.start, person) {
            Some((at, id)) if at >= paragraph.start => found(id),
            _ => Resolved::default(),
        };
    }
    let Some(previous) = previous else {
        return Resolved::default();
    };
    let first = ctx.text[previous.range()]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    let gender = match first {
        "He" | "His" => Gender::Male,
        "She" | "Her" => Gender::Female,
        _ => Gender::Unknown,
    };
    match ctx.latest_at(paragraph.start, |p| person(p) && !p.gender.clashes(gender)) {
        // A paragraph that opens with a pronoun goes on about someone named
        // before it.
        Some((at, id)) if at >= previous.start || gender != Gender::Unknown => found(id),
        _ => Resolved::default(),
    }
}
