//! The header above the story: kicker, title, byline authors, publication
//! date.
//!
//! The header is searched upward from the first block of the story: a
//! byline (`By ...`) anchors it, the title is the nearest headline-shaped
//! block above the byline (or above the story), and the kicker is a short
//! label just above the title.

use super::blocks::{Block, BlockKind};
use super::chrome::{Layout, is_furniture};
use super::date::find_date;
use super::names;
use super::shape::Shape;
use crate::article::Span;

/// How far above the story the header is looked for, in blocks.
const REACH: usize = 16;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub kicker: Option<Span>,
    pub title: Option<Span>,
    pub authors: Vec<Span>,
    pub published: Option<String>,
}

const BYLINE_OPENERS: &[&str] = &[
    "by ",
    "written by ",
    "words by ",
    "text by ",
    "posted by ",
    "author: ",
    "authors: ",
    "reporter: ",
    "von ",
    "par ",
];

/// If the text is a byline, the byte offset where the names start.
fn byline_names(text: &str) -> Option<usize> {
    let trimmed = text.trim_start_matches(['*', '_', ' ']);
    let skipped = text.len() - trimmed.len();
    let lower = trimmed.get(..trimmed.len().min(12))?.to_lowercase();
    let opener = BYLINE_OPENERS.iter().find(|o| lower.starts_with(**o))?;
    let rest = &trimmed[opener.len()..];
    rest.trim_start()
        .starts_with(|c: char| c.is_uppercase())
        .then(|| skipped + opener.len() + (rest.len() - rest.trim_start().len()))
}

/// The author names of a byline, as spans of `text` offset by `base`.
fn authors(text: &str, base: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut name: Option<(usize, usize)> = None;
    let mut push = |name: &mut Option<(usize, usize)>| {
        if let Some((s, e)) = name.take() {
            out.push(Span::new(base + s, base + e));
        }
    };
    for (start, word) in words_with_offsets(text) {
        let clean = word.trim_end_matches([',', ';', '*', '_', '.']);
        let ends_clause = word.ends_with([',', ';']) || word.ends_with(['*', '_']);
        let lower = clean.to_lowercase();
        if matches!(lower.as_str(), "and" | "&") {
            push(&mut name);
            continue;
        }
        let is_name_word = clean.starts_with(|c: char| c.is_uppercase())
            && !clean.chars().any(|c| c.is_ascii_digit())
            && !names::is_month_or_day(clean)
            && !names::is_role_word(clean)
            || (name.is_some() && names::is_particle(clean));
        if !is_name_word || matches!(clean, "-" | "|" | "—" | "–" | "•") {
            break;
        }
        let end = start + clean.len();
        name = Some(name.map_or((start, end), |(s, _)| (s, end)));
        if ends_clause {
            push(&mut name);
            // A comma after a name may lead to a job title: "Jane Doe, staff writer".
            if word.ends_with(',') && !next_is_name(text, start + word.len()) {
                return out;
            }
        }
    }
    push(&mut name);
    out.retain(|s| s.len() >= 2);
    out
}

fn next_is_name(text: &str, from: usize) -> bool {
    text[from..]
        .split_whitespace()
        .next()
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && !names::is_role_word(w))
}

fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// A block that is only a date or a date stamp (`Updated: ...`).
fn is_date_line(text: &str, shape: &Shape) -> bool {
    shape.words <= 10 && find_date(text).is_some()
}

fn is_headline(block: &Block, text: &str, shape: &Shape, min_words: usize) -> bool {
    matches!(block.kind, BlockKind::Text | BlockKind::Heading)
        && (min_words..=30).contains(&shape.words)
        && shape.chars <= 250
        && !text.ends_with(':')
        && !(shape.ends_sentence && text.ends_with('.') && shape.words > 14)
        && !is_furniture(text, shape)
        && !is_date_line(text, shape)
        && byline_names(text).is_none()
}

fn is_kicker(block: &Block, text: &str, shape: &Shape) -> bool {
    block.kind == BlockKind::Text
        && (1..=6).contains(&shape.words)
        && shape.chars <= 60
        && !shape.ends_sentence
        && !is_furniture(text, shape)
        && !is_date_line(text, shape)
        && byline_names(text).is_none()
}

/// A headline with a section label glued on by a bar: `World|The headline`
/// or `The headline | Site name`: the longest part is the headline.
fn split_bar(text: &str, span: Span) -> (Option<Span>, Span) {
    let parts: Vec<(usize, &str)> = text
        .split('|')
        .scan(0, |at, part| {
            let start = *at;
            *at += part.len() + 1;
            Some((start, part))
        })
        .collect();
    if parts.len() < 2 {
        return (None, span);
    }
    let trimmed = |(off, part): (usize, &str)| {
        let lead = part.len() - part.trim_start().len();
        Span::new(
            span.start + off + lead,
            span.start + off + part.trim_end().len(),
        )
    };
    let (best, _) = parts
        .iter()
        .enumerate()
        .max_by_key(|(_, (_, p))| p.trim().chars().count())
        .expect("two parts or more");
    let kicker = (best > 0)
        .then(|| trimmed(parts[best - 1]))
        .filter(|k| !k.is_empty());
    (kicker, trimmed(parts[best]))
}

pub fn header(text: &str, blocks: &[Block], layout: &Layout) -> Header {
    let end = layout.body_start.min(blocks.len());
    let zone = end.saturating_sub(REACH)..end;
    let texts: Vec<&str> = blocks[zone.clone()]
        .iter()
        .map(|b| &text[b.span.range()])
        .collect();
    let shapes: Vec<Shape> = texts.iter().map(|t| Shape::of(t)).collect();
    let at = |i: usize| (&blocks[i], texts[i - zone.start], &shapes[i - zone.start]);

    let byline = zone
        .clone()
        .rev()
        .find(|&i| byline_names(at(i).1).is_some());
    let mut header = Header::default();
    if let Some(i) = byline {
        let (block, t, _) = at(i);
        let from = byline_names(t).unwrap_or(0);
        header.authors = authors(&t[from..], block.span.start + from);
    }

    // A Markdown title wins; otherwise the nearest headline above the byline
    // (or above the story), preferring one of three words or more.
    let heading = (0..end).find(|&i| blocks[i].kind == BlockKind::Heading);
    let above = byline.unwrap_or(end);
    let title = heading.or_else(|| {
        let near = |min| {
            zone.clone().filter(|&i| i < above).rev().find(|&i| {
                let (b, t, s) = at(i);
                is_headline(b, t, s, min)
            })
        };
        near(3).or_else(|| near(1))
    });
    if let Some(i) = title {
        let (kicker, span) = split_bar(&text[blocks[i].span.range()], blocks[i].span);
        header.title = Some(span);
        header.kicker = kicker.or_else(|| {
            let k = i.checked_sub(1).filter(|k| zone.contains(k))?;
            let (b, t, s) = at(k);
            is_kicker(b, t, s).then_some(b.span)
        });
    }

    // The date nearest below the title, else anywhere in the header.
    let from = title.filter(|i| zone.contains(i)).unwrap_or(zone.start);
    header.published = (from..end)
        .chain(zone.start..from)
        .find_map(|i| find_date(at(i).1).filter(|_| at(i).2.words <= 25));
    header
}

#[cfg(test)]
mod tests {
    use super::super::{blocks::blocks, chrome::layout};
    use super::*;

    fn run(text: &str) -> (Header, Vec<String>) {
        let b = blocks(text);
        let h = header(text, &b, &layout(text, &b));
        let authors = h
            .authors
            .iter()
            .map(|s| text[s.range()].to_string())
            .collect();
        (h, authors)
    }

    const LEAD: &str = "The council voted on Tuesday to close the old bridge for repairs that will take two years.";

    #[test]
    fn kicker_title_byline_date() {
        let text = format!(
            "Donate today!\n\nTransport\n\nCity shuts its oldest bridge\n\nBy Ana Lima and Tom Berg  March 3, 2025 4:12 PM\n\n{LEAD}\n"
        );
        let (h, authors) = run(&text);
        assert_eq!(&text[h.kicker.unwrap().range()], "Transport");
        assert_eq!(
            &text[h.title.unwrap().range()],
            "City shuts its oldest bridge"
        );
        assert_eq!(authors, vec!["Ana Lima", "Tom Berg"]);
        assert_eq!(h.published.as_deref(), Some("2025-03-03T16:12"));
    }

    #[test]
    fn byline_with_job_title_and_separate_date() {
        let text = format!(
            "City shuts its oldest bridge\n\nBy Jane Doe, staff writer\n\nUpdated: April 12, 2025 08:30 GMT\n\n{LEAD}\n"
        );
        let (h, authors) = run(&text);
        assert_eq!(authors, vec!["Jane Doe"]);
        assert_eq!(h.published.as_deref(), Some("2025-04-12T08:30"));
    }

    #[test]
    fn markdown_title_and_bar_split() {
        let text = format!("# City shuts its oldest bridge\n\n*By Jane Doe*\n\n{LEAD}\n");
        let (h, authors) = run(&text);
        assert_eq!(
            &text[h.title.unwrap().range()],
            "City shuts its oldest bridge"
        );
        assert_eq!(authors, vec!["Jane Doe"]);
        let text = format!("Africa|City shuts its oldest bridge\n\n{LEAD}\n");
        let (h, _) = run(&text);
        assert_eq!(
            &text[h.title.unwrap().range()],
            "City shuts its oldest bridge"
        );
        assert_eq!(&text[h.kicker.unwrap().range()], "Africa");
    }
}
