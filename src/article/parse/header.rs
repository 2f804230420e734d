//! The header above the story: kicker, title, byline authors, publication
//! date.
//!
//! The header is searched upward from the first block of the story: a
//! byline (`By ...`) anchors it, the title is the nearest headline-shaped
//! block above the byline (or above the story), and the kicker is a short
//! label just above the title.

use super::blocks::{Block, BlockKind};
use super::chrome::StoryPlan;
use super::date::find_date;
use super::lexicon::page::{BYLINE_OPENERS, NOT_HEADLINE};
use super::lexicon::{class, classes};
use super::shape::Shape;
use crate::article::Span;

/// How far above the story the header is looked for, in blocks.
const REACH: usize = 40;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    pub kicker: Option<Span>,
    pub title: Option<Span>,
    pub authors: Vec<Span>,
    pub published: Option<String>,
    /// The last block the header used; the story starts after it.
    pub last_block: Option<usize>,
}

/// If the text is a byline, the byte offset where the names start.
fn byline_names(text: &str) -> Option<usize> {
    let trimmed = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let skipped = text.len() - trimmed.len();
    // The openers are ASCII: compared without a lowercase copy.
    let opener = BYLINE_OPENERS.iter().find(|o| {
        trimmed
            .get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o))
    })?;
    let rest = &trimmed[opener.len()..];
    rest.trim_start()
        .starts_with(|c: char| c.is_uppercase())
        .then(|| skipped + opener.len() + (rest.len() - rest.trim_start().len()))
}

/// A line that starts with a person's name and holds nothing else but a
/// date or a separator: `Dan Goodin - Apr 16, 2015`, `Mike Conley`.
fn bare_byline(text: &str, shape: &Shape) -> bool {
    if shape.words > 12 || shape.chars > 80 {
        return false;
    }
    // The name opens the line and starts with a given name: most lines are
    // answered by their first word, before the names are parsed.
    let opens_with_given_name = text
        .split_whitespace()
        .next()
        .is_some_and(|w| class(w).is_given());
    if !opens_with_given_name {
        return false;
    }
    let names = authors(text, 0);
    let [name] = names.as_slice() else {
        return false;
    };
    let first = text[name.range()].split_whitespace().next().unwrap_or("");
    let words = text[name.range()].split_whitespace().count();
    let rest = text[name.end..].trim_start_matches([' ', '-', '—', '–', '|', '•', '·', ',']);
    (2..=4).contains(&words)
        && class(first).is_given()
        && name.start == 0
        && (rest.is_empty() || find_date(rest).is_some() || rest.ends_with(" ago"))
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
        // "Nolan22" and "Wilkinson@handle": a name glued to what follows.
        let (word, glued) = match word.find(|c: char| c.is_ascii_digit() || c == '@') {
            Some(0) => break,
            Some(i) => (&word[..i], true),
            None => (word, false),
        };
        let clean = word.trim_end_matches([',', ';', '*', '_', '.']);
        let ends_clause = word.ends_with([',', ';']) || word.ends_with(['*', '_']);
        if clean.eq_ignore_ascii_case("and") || clean == "&" {
            push(&mut name);
            continue;
        }
        let is_name_word = clean.starts_with(|c: char| c.is_uppercase())
            && !clean.chars().any(|c| c.is_ascii_digit())
            && !class(clean).is_not_byline_name()
            || (name.is_some() && classes::is_particle(clean));
        if !is_name_word || matches!(clean, "-" | "|" | "—" | "–" | "•") {
            break;
        }
        let end = start + clean.len();
        name = Some(name.map_or((start, end), |(s, _)| (s, end)));
        if glued {
            break;
        }
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
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()) && !classes::is_role_word(w))
}

fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

/// A block that is only a date or a date stamp (`Updated: ...`).
fn is_date_line(text: &str, shape: &Shape) -> bool {
    shape.words <= 10 && find_date(text).is_some()
}

/// Shaped like a headline. Furniture is the caller's to rule out: the
/// chrome step has told it for every block.
fn is_headline(block: &Block, text: &str, shape: &Shape, min_words: u32) -> bool {
    matches!(block.kind, BlockKind::Text | BlockKind::Heading)
        && (min_words..=30).contains(&shape.words)
        && shape.chars <= 250
        && !text.ends_with([':', '—', '–', '-'])
        && text.matches('|').count() < 2
        && text.chars().filter(|c| c.is_alphabetic()).nth(3).is_some()
        && !(shape.ends_sentence && text.ends_with('.') && shape.words > 14)
        && !is_date_line(text, shape)
        && byline_names(text).is_none()
}

/// Shaped like a section label above a headline; furniture is ruled out
/// by the caller, as for [`is_headline`].
fn is_kicker(block: &Block, text: &str, shape: &Shape) -> bool {
    block.kind == BlockKind::Text
        && (1..=6).contains(&shape.words)
        && shape.chars <= 60
        && !shape.ends_sentence
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

/// How strongly a block reads as the page's headline.
/// `distance` counts the blocks between the candidate and the story that
/// are not site furniture.
fn headline_score(
    distance: usize,
    block: &Block,
    text: &str,
    shape: &Shape,
    repeats: usize,
    anchored: bool,
) -> i32 {
    let lower = text.to_lowercase();
    let mut score = 0;
    if block.kind == BlockKind::Heading {
        score += 3;
    }
    // Pages repeat their headline (share texts, breadcrumbs), and their
    // section labels too: only a headline-length line counts.
    if repeats >= 2 && shape.words >= 4 {
        score += 4;
    }
    if anchored {
        score += 3;
    }
    score += match distance {
        0..=3 => 2,
        4..=8 => 1,
        _ => 0,
    };
    score += match shape.words {
        0..=3 => -2,
        4..=20 => 1,
        _ => 0,
    };
    if shape.words >= 4 && shape.capitalized * 2 >= shape.words {
        score += 1;
    }
    if text.ends_with('.') {
        score -= 2;
    }
    // A logo's name written twice: "Tech Insider Tech Insider".
    let words: Vec<&str> = text.split_whitespace().collect();
    let doubled =
        words.len().is_multiple_of(2) && words[..words.len() / 2] == words[words.len() / 2..];
    if doubled || NOT_HEADLINE.iter().any(|w| lower.contains(w)) {
        score -= 4;
    }
    score
}

/// A headline with the site's address glued on: `The Update Minecraft.net`.
fn without_site_name(text: &str, span: Span) -> Span {
    let title = &text[span.range()];
    let Some((head, last)) = title.rsplit_once(' ') else {
        return span;
    };
    let domain = last.contains('.')
        && !last.ends_with('.')
        && last.rsplit('.').next().is_some_and(|tld| {
            (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
        });
    if domain && head.split_whitespace().count() >= 2 {
        Span::new(span.start, span.start + head.trim_end().len())
    } else {
        span
    }
}

pub fn header(text: &str, blocks: &[Block], plan: &StoryPlan) -> Header {
    let end = plan.body_start.min(blocks.len());
    let zone = end.saturating_sub(REACH)..(end + 1).min(blocks.len());
    let texts: Vec<&str> = blocks[zone.clone()]
        .iter()
        .map(|b| &text[b.span().range()])
        .collect();
    let shapes: Vec<Shape> = blocks[zone.clone()].iter().map(|b| b.shape).collect();
    let at = |i: usize| (&blocks[i], texts[i - zone.start], &shapes[i - zone.start]);
    let above = zone.start..end;
    // A byline may also sit just inside what looked like the story, below a
    // photo caption.
    let below = end..(end + 4).min(blocks.len());
    let texts_below: Vec<&str> = blocks[below.clone()]
        .iter()
        .map(|b| &text[b.span().range()])
        .collect();

    let byline_below = below
        .clone()
        .find(|&i| byline_names(texts_below[i - end]).is_some());
    let byline = above
        .clone()
        .rev()
        .find(|&i| byline_names(at(i).1).is_some());
    let mut header = Header::default();
    let byline_at = byline.or(byline_below);

    // A Markdown title wins; otherwise the block that reads most like the
    // page's headline: repeated on the page, just above a byline or date,
    // close to the story, shaped like a title.
    let heading = (0..end).find(|&i| blocks[i].kind == BlockKind::Heading);
    // Blocks of content, not furniture (which the chrome step found once
    // for every block): the scores below ask about every pair in the zone.
    let is_content = |j: usize| !plan.furniture[j] && blocks[j].shape.words > 1;
    // Anchored: a byline or a date follows within two blocks of content.
    let anchored = |i: usize| {
        (i + 1..(end + 1).min(zone.end))
            .filter(|&j| is_content(j))
            .take(3)
            .any(|j| {
                let (_, t, s) = at(j);
                Some(j) == byline_at || is_date_line(t, s) || bare_byline(t, s)
            })
    };
    let content_between = |i: usize| (i + 1..end).filter(|&j| is_content(j)).count();
    let best = |min_words: u32| {
        zone.clone()
            .filter(|&i| {
                let (b, t, s) = at(i);
                !plan.furniture[i]
                    && is_headline(b, t, s, min_words)
                    && !bare_byline(t, s)
                    && byline_at.is_none_or(|k| i < k)
                    && (i < end || (zone.start == end && !s.is_prose()))
            })
            .max_by_key(|&i| {
                let (b, t, s) = at(i);
                (
                    headline_score(
                        content_between(i),
                        b,
                        t,
                        s,
                        plan.copies[i] as usize,
                        anchored(i),
                    ),
                    i,
                )
            })
    };
    let title = heading.or_else(|| best(2)).or_else(|| best(1));
    if let Some(i) = title {
        let (kicker, span) = split_bar(&text[blocks[i].span().range()], blocks[i].span());
        header.title = Some(without_site_name(text, span));
        header.kicker = kicker.or_else(|| {
            let k = i.checked_sub(1).filter(|k| zone.contains(k))?;
            let (b, t, s) = at(k);
            (!plan.furniture[k] && is_kicker(b, t, s)).then(|| {
                let label = t.trim_end_matches(['—', '–', '-', ' ', '|', ':']);
                Span::new(b.span().start, b.span().start + label.len())
            })
        });
    }

    // Without a "By" line, a line that is only a name (and a date) just
    // below the title is the byline.
    let byline_at = byline_at.or_else(|| {
        let t = title.filter(|i| zone.contains(i))?;
        (t + 1..(t + 5).min(zone.end)).find(|&i| bare_byline(at(i).1, at(i).2))
    });
    // Failing that, a name standing alone on a line near the top of the
    // page (blogs put the author above everything else).
    let byline_at = byline_at.or_else(|| {
        (0..end.min(8)).find(|&i| bare_byline(&text[blocks[i].span().range()], &blocks[i].shape))
    });
    if let Some(i) = byline_at {
        let (block, t) = (&blocks[i], &text[blocks[i].span().range()]);
        let from = byline_names(t).unwrap_or(0);
        header.authors = authors(&t[from..], block.span().start + from);
    }

    // The date nearest below the title, else anywhere in the header.
    let from = title.filter(|i| zone.contains(i)).unwrap_or(zone.start);
    header.published = byline_below
        .and_then(|i| find_date(texts_below[i - end]))
        .or_else(|| {
            (from..end)
                .chain(zone.start..from)
                .find_map(|i| find_date(at(i).1).filter(|_| at(i).2.words <= 25))
        });
    header.last_block = [title, byline_at].into_iter().flatten().max();
    header
}

#[cfg(test)]
mod tests {
    use super::super::{blocks::blocks, chrome::story_plan};
    use super::*;

    fn run(text: &str) -> (Header, Vec<String>) {
        let b = blocks(text);
        let h = header(text, &b, &story_plan(text, &b));
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
