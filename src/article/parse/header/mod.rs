//! The header above the story: kicker, title, byline authors, publication
//! date.
//!
//! The header is searched in the blocks above the story. The title is the
//! block that reads most like the story's headline ([`title`]): shaped like
//! one, in the words of the story's opening, with a byline or a date below
//! it, near the story, and no caption or label. The byline is the one
//! nearest the story, else a bare name below the title ([`byline`]); the
//! kicker is a short label just above the title, and the date the first
//! one below the title.

mod byline;
mod title;

use std::cell::OnceCell;

use super::blocks::{Block, BlockKind};
use super::chrome::StoryPlan;
use super::date::find_date;
use super::shape::Shape;
use crate::article::Span;
use byline::{authors, bare_byline, byline_names, lone_opener, name_line};
use title::{
    Setting, StoryWords, headline_score, is_credit_line, is_headline, is_kicker, split_bar,
    without_site_name,
};

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

/// A block that is only a date or a date stamp (`Updated: ...`).
fn is_date_line(text: &str, shape: &Shape) -> bool {
    shape.words <= 16 && find_date(text).is_some()
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
    let text_of = |i: usize| &text[blocks[i].span().range()];
    // Where a block's names start if it is a byline: after an opener in
    // it, or at its start below a line that is only the opener.
    let names_at = |i: usize| {
        byline_names(text_of(i)).or_else(|| {
            (i > 0
                && lone_opener(text_of(i - 1))
                && text_of(i).starts_with(|c: char| c.is_uppercase()))
            .then_some(0)
        })
    };
    let above = zone.start..end;
    // A byline may also sit just inside what looked like the story, below a
    // photo caption.
    let below = end..(end + 4).min(blocks.len());

    let byline_below = below.clone().find(|&i| names_at(i).is_some());
    let byline = above.clone().rev().find(|&i| names_at(i).is_some());
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
    // The story's words are gathered only for a choice between blocks.
    let story = OnceCell::new();
    let best = |min_words: u32| {
        let candidates: Vec<usize> = zone
            .clone()
            .filter(|&i| {
                let (b, t, s) = at(i);
                !plan.furniture[i]
                    && is_headline(b, t, s, min_words)
                    && !bare_byline(t, s)
                    && (i < end || (zone.start == end && !s.is_prose()))
            })
            .collect();
        if candidates.len() < 2 {
            return candidates.first().copied();
        }
        let story = story.get_or_init(|| StoryWords::of(text, blocks, &plan.body));
        candidates.into_iter().max_by_key(|&i| {
            let (b, t, s) = at(i);
            let setting = Setting {
                distance: content_between(i),
                copies: plan.copies[i] as usize,
                anchored: anchored(i),
                below_byline: byline_at.is_some_and(|k| i > k),
                credit_follows: (i + 1 < blocks.len())
                    && is_credit_line(text_of(i + 1), &blocks[i + 1].shape),
                longer_follows: (i + 1..end)
                    .find(|&j| is_content(j))
                    .is_some_and(|j| blocks[j].shape.words > s.words),
            };
            (headline_score(b, t, s, &setting, story), i)
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
    // below the title is the byline; so is a name of words the lexicon
    // does not know, when a date line follows it.
    let dated_name = |i: usize| {
        name_line(text_of(i), &blocks[i].shape)
            && (i + 1..(i + 3).min(zone.end))
                .find(|&j| is_content(j))
                .is_some_and(|j| is_date_line(at(j).1, at(j).2))
    };
    let byline_at = byline_at.or_else(|| {
        let t = title.filter(|i| zone.contains(i))?;
        (t + 1..(t + 5).min(zone.end)).find(|&i| bare_byline(at(i).1, at(i).2) || dated_name(i))
    });
    // Failing that, a name standing alone on a line near the top of the
    // page (blogs put the author above everything else).
    let byline_at =
        byline_at.or_else(|| (0..end.min(8)).find(|&i| bare_byline(text_of(i), &blocks[i].shape)));
    if let Some(i) = byline_at {
        let from = names_at(i).unwrap_or(0);
        header.authors = authors(&text_of(i)[from..], blocks[i].span().start + from);
    }

    // The date nearest below the title, else anywhere in the header.
    let from = title.filter(|i| zone.contains(i)).unwrap_or(zone.start);
    header.published = byline_below
        .and_then(|i| find_date(text_of(i)))
        .or_else(|| {
            (from..end)
                .chain(zone.start..from)
                .filter(|&i| at(i).2.words <= 25)
                .find_map(|i| find_date(at(i).1))
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

    fn title_of(text: &str) -> String {
        let (h, _) = run(text);
        h.title
            .map(|t| text[t.range()].to_string())
            .unwrap_or_default()
    }

    #[test]
    fn the_title_is_in_the_story_words_not_a_teaser_nearer_the_story() {
        let text = format!(
            "Home\n\nCity shuts its oldest bridge\n\nSinger plans a farewell tour in autumn\n\n{LEAD}\n"
        );
        assert_eq!(title_of(&text), "City shuts its oldest bridge");
    }

    #[test]
    fn names_below_a_lone_opener() {
        let text =
            format!("City shuts its oldest bridge\n\nBy\n\nAna Lima and Maria Okafor\n\n{LEAD}\n");
        assert_eq!(run(&text).1, ["Ana Lima", "Maria Okafor"]);
    }

    #[test]
    fn bare_byline_with_an_affiliation_or_a_handle() {
        for (line, name) in [
            ("Ana Lima, Staff Writer", "Ana Lima"),
            ("• Maria Okafor, The Daily Planet", "Maria Okafor"),
            ("Ana Lima@analima", "Ana Lima"),
        ] {
            let text = format!("City shuts its oldest bridge\n\n{line}\n\n{LEAD}\n");
            assert_eq!(run(&text).1, [name], "{line}");
        }
    }

    #[test]
    fn a_title_below_the_byline() {
        let text =
            format!("Von Ana Lima, 3. März 2025\n\nCity shuts its oldest bridge\n\n{LEAD}\n");
        assert_eq!(title_of(&text), "City shuts its oldest bridge");
    }

    #[test]
    fn long_date_stamps_are_date_lines() {
        let stamp = "Published Mon, Mar 3 2025 4:12 PM EST, updated Tue, Mar 4 2025 9:30 AM EST";
        assert!(is_date_line(stamp, &Shape::of(stamp)));
        let sentence = "The council met on March 3, 2025 and voted to close the old bridge for repairs \
            that will take two years, with the ring road taking the traffic.";
        assert!(!is_date_line(sentence, &Shape::of(sentence)));
    }

    #[test]
    fn byline_openers_glued_or_with_a_no_break_space() {
        for line in ["By\u{a0}Ana Lima", "Ana LimaBy Ana Lima, Staff"] {
            let text = format!("City shuts its oldest bridge\n\n{line}\n\n{LEAD}\n");
            assert_eq!(run(&text).1, ["Ana Lima"], "{line}");
        }
    }

    #[test]
    fn a_caption_is_no_title() {
        for caption in [
            "Crowds at the old bridge on its last day\n\n(Ana Lima / Reuters)",
            "Crowds at the old bridge on its last day [File photo]",
        ] {
            let text = format!("City shuts its oldest bridge\n\n{caption}\n\n{LEAD}\n");
            assert_eq!(title_of(&text), "City shuts its oldest bridge", "{caption}");
        }
    }

    #[test]
    fn the_title_above_a_longer_standfirst() {
        let text = format!(
            "City shuts its oldest bridge\n\nDrivers face long detours while the bridge is shut for good\n\n{LEAD}\n"
        );
        assert_eq!(title_of(&text), "City shuts its oldest bridge");
    }

    #[test]
    fn a_name_above_a_date_line() {
        let text =
            format!("City shuts its oldest bridge\n\nZORBEK LAHIFFE\n\nMarch 3, 2025\n\n{LEAD}\n");
        assert_eq!(run(&text).1, ["ZORBEK LAHIFFE"]);
        let text =
            format!("City shuts its oldest bridge\n\nSouth Africa\n\nMarch 3, 2025\n\n{LEAD}\n");
        assert!(run(&text).1.is_empty());
    }

    #[test]
    fn a_line_of_tags_in_capitals_is_no_title() {
        let text =
            format!("City shuts its oldest bridge\n\nTRANSPORT CITY NEWS BRIDGE\n\n{LEAD}\n");
        assert_eq!(title_of(&text), "City shuts its oldest bridge");
        let text = format!("CITY SHUTS ITS OLDEST BRIDGE\n\n{LEAD}\n");
        assert_eq!(title_of(&text), "CITY SHUTS ITS OLDEST BRIDGE");
    }
}
