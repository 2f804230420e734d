//! Telling the story from the site around it.
//!
//! A page rendered to text keeps its menus, share buttons, captions and
//! footers. The story is the densest run of prose on the page: each block
//! scores for or against being part of it, and the best-scoring contiguous
//! run of blocks (a maximum-sum subarray, found in one pass) is the body.
//! Blocks inside that run that are plainly furniture (share buttons, ads,
//! copyright lines) or credits are still left out.

use std::hash::BuildHasher;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use hashbrown::HashTable;

use super::blocks::{Block, BlockKind};
use super::flat::narrow;
use super::lexicon::page::{CREDITS, FURNITURE, LABELS, MEDIA_OPENERS, NOTICES};
use super::shape::Shape;

/// Where the story sits among the blocks. Indexes and counts take 32 bits,
/// as the blocks' offsets do: there are no more blocks than bytes of text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StoryPlan {
    /// Index of the first block of the story; the header is searched above it.
    pub body_start: usize,
    /// Blocks of the story, in order.
    pub body: Vec<u32>,
    /// For each block, how many blocks of the page have the same text.
    pub copies: Vec<u32>,
    /// For each block, whether it is site furniture ([`is_furniture`]).
    pub furniture: Vec<bool>,
}

/// One case-insensitive pass over a block finds any of the phrases.
fn matcher<'m>(cell: &'m OnceLock<AhoCorasick>, phrases: &[&str]) -> &'m AhoCorasick {
    cell.get_or_init(|| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(phrases)
            .expect("fixed phrases build")
    })
}

static FURNITURE_MATCHER: OnceLock<AhoCorasick> = OnceLock::new();
static CREDITS_MATCHER: OnceLock<AhoCorasick> = OnceLock::new();

/// True for a short block that is site furniture.
fn is_furniture(text: &str, shape: &Shape) -> bool {
    if shape.chars > 220 {
        return false;
    }
    let starts = |p: &str| {
        text.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    let bracketed =
        (text.starts_with('[') && text.ends_with(']')) || MEDIA_OPENERS.iter().any(|p| starts(p));
    let label = shape.words <= 5 && LABELS.iter().any(|l| starts(l));
    bracketed || label || matcher(&FURNITURE_MATCHER, FURNITURE).is_match(text)
}

/// Cookie and consent notices run long, so they are known by their words.
fn is_notice(text: &str) -> bool {
    static NOTICES_MATCHER: OnceLock<AhoCorasick> = OnceLock::new();
    let mut end = text.len().min(300);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    // Every notice says "cookie", and a `k` is rare in prose: most blocks
    // are cleared by looking at their few `k`s.
    let head = &text.as_bytes()[..end];
    let says_cookie = memchr::memchr2_iter(b'k', b'K', head).any(|i| {
        i >= 3 && head[i - 3..].len() >= 6 && head[i - 3..i + 3].eq_ignore_ascii_case(b"cookie")
    });
    says_cookie && matcher(&NOTICES_MATCHER, NOTICES).is_match(&text[..end])
}

/// True for a contributor or credit line.
fn is_credit(text: &str, shape: &Shape) -> bool {
    if shape.chars > 200 {
        return false;
    }
    matcher(&CREDITS_MATCHER, CREDITS).is_match(text)
}

/// How much a block argues for being part of the story. `chrome`: it is
/// furniture or a consent notice. `repeated`: the same text stands
/// elsewhere on the page, as captions, teasers and menus do and story
/// paragraphs do not.
fn score(block: &Block, chrome: bool, repeated: bool) -> i64 {
    let shape = &block.shape;
    if block.kind == BlockKind::Rule {
        return -20;
    }
    if chrome {
        return -150;
    }
    if repeated {
        return -(25 + (shape.chars as i64) / 4);
    }
    if block.kind == BlockKind::Heading {
        return -10;
    }
    if shape.is_prose() {
        return shape.chars as i64;
    }
    -(25 + (shape.chars as i64) / 2)
}

/// Finds the story among the blocks.
pub fn story_plan(text: &str, blocks: &[Block]) -> StoryPlan {
    let text_of = |b: &Block| &text[b.span().range()];
    let copies = copies(text, blocks);
    let repeated: Vec<bool> = blocks
        .iter()
        .zip(&copies)
        .map(|(b, &n)| b.shape.words >= 4 && n > 1)
        .collect();
    // Each block's text is matched against the phrase lists once.
    let furniture: Vec<bool> = blocks
        .iter()
        .map(|b| is_furniture(text_of(b), &b.shape))
        .collect();
    let chrome: Vec<bool> = furniture
        .iter()
        .zip(blocks)
        .map(|(&f, b)| f || is_notice(text_of(b)))
        .collect();
    let mut body = best_run(text, blocks, &chrome, &repeated);
    // A page whose only prose is repeated (a test page, a story printed
    // twice) still has that prose as its story.
    if body.1.is_empty() && repeated.contains(&true) {
        body = best_run(text, blocks, &chrome, &vec![false; blocks.len()]);
    }
    StoryPlan {
        body_start: body.0,
        body: body.1,
        copies,
        furniture,
    }
}

impl StoryPlan {
    /// The story from where it begins to the end of the text, rules aside.
    pub fn extend_to_the_end(&mut self, blocks: &[Block]) {
        self.body = (self.body_start..blocks.len())
            .filter(|&i| blocks[i].kind != BlockKind::Rule)
            .map(|i| i as u32)
            .collect();
    }
}

/// For each block, how many blocks of the page have the same text, trimmed.
fn copies(text: &str, blocks: &[Block]) -> Vec<u32> {
    let text_of = |i: u32| text[blocks[i as usize].span().range()].trim();
    // Each text is hashed once into a table of the first block with that
    // text, whose count the block adds to: a table entry and two numbers a
    // block, not a copy of each text's reference. Seeded, so that a crafted
    // page cannot make the table slow.
    let hasher = foldhash::fast::RandomState::default();
    let hash = |t: &str| hasher.hash_one(t);
    // Room for the blocks of any article, so that the table is not rebuilt
    // as it fills; past that (a file of short lines) it grows only as far
    // as there are different texts.
    let mut table: HashTable<u32> = HashTable::with_capacity(blocks.len().min(4096));
    let mut counts = vec![0u32; blocks.len()];
    let mut first: Vec<u32> = (0..narrow(blocks.len()))
        .map(|i| {
            let t = text_of(i);
            let same = |&j: &u32| text_of(j) == t;
            let f = *table
                .entry(hash(t), same, |&j| hash(text_of(j)))
                .or_insert(i)
                .get();
            counts[f as usize] += 1;
            f
        })
        .collect();
    for f in &mut first {
        *f = counts[*f as usize];
    }
    first
}

/// The best-scoring run of blocks: where it starts, and its blocks without
/// the furniture inside it.
fn best_run(text: &str, blocks: &[Block], chrome: &[bool], repeated: &[bool]) -> (usize, Vec<u32>) {
    // Kadane's maximum-sum subarray over the block scores.
    let (mut best, mut best_range) = (0i64, None);
    let (mut run, mut run_start) = (0i64, 0usize);
    for (i, block) in blocks.iter().enumerate() {
        let s = score(block, chrome[i], repeated[i]);
        if run <= 0 {
            run = 0;
            run_start = i;
        }
        run += s;
        if run > best {
            best = run;
            best_range = Some((run_start, i + 1));
        }
    }

    let (start, end) = match best_range {
        Some(range) => range,
        // No prose anywhere (a table, a terse list): everything after the
        // headline is the story.
        None => (usize::from(blocks.len() > 1), blocks.len()),
    };
    let body = (start..end)
        .filter(|&i| {
            let b = &blocks[i];
            b.kind != BlockKind::Rule
                && !chrome[i]
                && !is_credit(&text[b.span().range()], &b.shape)
                && !repeated[i]
        })
        .map(narrow)
        .collect();
    (start, body)
}

#[cfg(test)]
mod tests {
    use super::super::blocks::blocks;
    use super::*;

    #[test]
    fn consent_notices_in_any_case() {
        assert!(is_notice("This site USES COOKIES to improve your visit."));
        assert!(is_notice("Cookie settings: choose what we may store."));
        assert!(is_notice("We use cookies."));
        assert!(!is_notice(
            "The bakery sold cookies and cakes all week long."
        ));
        assert!(!is_notice("Kiosk workers knocked off work early."));
    }

    fn body_texts(text: &str) -> Vec<String> {
        let b = blocks(text);
        story_plan(text, &b)
            .body
            .iter()
            .map(|&i| text[b[i as usize].span().range()].to_string())
            .collect()
    }

    #[test]
    fn strips_menus_and_footers() {
        let text = "Home\n\nWorld\n\nSport\n\nShare this article\n\nA headline here\n\n\
            The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n\
            Drivers will use the ring road instead, officials said in a statement on Tuesday evening.\n\n\
            Follow us on social media\n\n© 2025 The Paper. All rights reserved.\n";
        let body = body_texts(text);
        assert_eq!(body.len(), 2);
        assert!(body[0].starts_with("The council"));
    }

    #[test]
    fn keeps_a_subhead_between_paragraphs() {
        let text = "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n\
            What comes next\n\n\
            Drivers will use the ring road instead, officials said in a statement on Tuesday evening.\n";
        assert_eq!(body_texts(text).len(), 3);
    }

    #[test]
    fn drops_credit_lines() {
        let text = "The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n\
            Jane Roe contributed to this report.\n";
        assert_eq!(body_texts(text).len(), 1);
    }

    #[test]
    fn repeated_teasers_are_not_the_story_unless_nothing_else_is() {
        let teaser = "Another story you might like, about a different bridge in another town.";
        let lead = "The council voted on Tuesday to close the old bridge for repairs that will take two years.";
        let text = format!("{teaser}\n\n{lead}\n\n{teaser}\n");
        assert_eq!(body_texts(&text), vec![lead]);
        let text = format!("{lead}\n\n{lead}\n");
        assert_eq!(body_texts(&text).len(), 2);
    }

    #[test]
    fn a_list_without_prose_is_still_the_article() {
        let text = "Results\n\nNorth 3 South 1\n\nEast 0 West 0\n";
        assert_eq!(body_texts(text), vec!["North 3 South 1", "East 0 West 0"]);
    }
}
