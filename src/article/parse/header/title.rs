//! The title and the kicker of a page: which block reads most like the
//! story's headline, and what label stands above it.

use foldhash::HashSet;

use super::super::blocks::{Block, BlockKind};
use super::super::lexicon::page::{CREDIT_LABELS, NOT_HEADLINE, PHOTO_AGENCIES};
use super::super::lexicon::{Folded, fold};
use super::super::shape::Shape;
use super::byline::byline_names;
use super::is_date_line;
use crate::article::Span;

/// Shaped like a headline. Furniture is the caller's to rule out: the
/// chrome step has told it for every block.
pub fn is_headline(block: &Block, text: &str, shape: &Shape, min_words: u32) -> bool {
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
pub fn is_kicker(block: &Block, text: &str, shape: &Shape) -> bool {
    block.kind == BlockKind::Text
        && (1..=6).contains(&shape.words)
        && shape.chars <= 60
        && !shape.ends_sentence
        && !is_date_line(text, shape)
        && byline_names(text).is_none()
}

/// A headline with a section label glued on by a bar: `World|The headline`
/// or `The headline | Site name`: the longest part is the headline.
pub fn split_bar(text: &str, span: Span) -> (Option<Span>, Span) {
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

/// What the header step knows of a block besides its text.
pub struct Setting {
    /// Blocks of content (not furniture) between the block and the story.
    pub distance: usize,
    /// How many blocks of the page have the same text.
    pub copies: usize,
    /// A byline or a date follows within a few blocks of content.
    pub anchored: bool,
    /// The block stands below the byline.
    pub below_byline: bool,
    /// A photo credit follows the block: it is a caption.
    pub credit_follows: bool,
    /// The next block of content, above the story, runs longer: the
    /// standfirst below a headline.
    pub longer_follows: bool,
}

/// How strongly a block reads as the page's headline.
pub fn headline_score(
    block: &Block,
    text: &str,
    shape: &Shape,
    setting: &Setting,
    story: &StoryWords,
) -> i32 {
    let lower = text.to_lowercase();
    let mut score = 0;
    if block.kind == BlockKind::Heading {
        score += 3;
    }
    // Pages repeat their headline (share texts, breadcrumbs), and their
    // section labels too: only a headline-length line counts.
    if setting.copies >= 2 && shape.words >= 4 {
        score += 4;
    }
    if setting.anchored {
        score += 3;
    }
    // Below the byline stand captions and the story's first lines; a
    // headline is there only on pages that put the byline first.
    if setting.below_byline {
        score -= 3;
    }
    score += match setting.distance {
        0..=3 => 2,
        4..=8 => 1,
        _ => 0,
    };
    if (4..=20).contains(&shape.words) {
        score += 1;
    }
    if shape.words >= 4 && shape.capitalized * 2 >= shape.words {
        score += 1;
    }
    if text.ends_with('.') {
        score -= 2;
    }
    // A caption: credited below, or ending in a note in brackets,
    // `(File photo)`, `[Reuters]`.
    if setting.credit_follows || (shape.words > 4 && ends_in_note(text)) {
        score -= 3;
    }
    if setting.longer_follows && shape.words >= 4 {
        score += 1;
    }
    // Words in capitals are a list of tags or a label; a page sets its
    // headline in capitals by its style sheet, which the text loses.
    if shape.words >= 2 && in_capitals(text) {
        score -= 4;
    }
    // A headline names what the story is about, in the story's words;
    // menus, teasers for other stories and notices do not.
    let (shared, words) = story.shared(text);
    score += 3 * shared.min(2) as i32;
    if shared * 2 >= words && words > 0 {
        score += 2;
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

/// A line that credits a photo: `(Jane Doe / Reuters)`, `Credit: Jane
/// Doe`, `Photo by Jane Doe`, `Jane Doe | Getty Images`.
pub fn is_credit_line(text: &str, shape: &Shape) -> bool {
    let text = text.trim();
    if shape.words > 10 || shape.chars > 200 || text.is_empty() {
        return false;
    }
    let lower = text.to_lowercase();
    let labelled = CREDIT_LABELS.iter().any(|l| {
        lower.strip_prefix(l).is_some_and(|rest| {
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            rest.starts_with(':') || rest.starts_with(" by ")
        })
    });
    (text.starts_with('(') && text.ends_with(')'))
        || labelled
        || (shape.words <= 8 && PHOTO_AGENCIES.iter().any(|a| lower.contains(a)))
}

/// Two letters in capitals or more, and none in lowercase.
fn in_capitals(text: &str) -> bool {
    text.chars().filter(|c| c.is_uppercase()).nth(1).is_some()
        && !text.chars().any(char::is_lowercase)
}

/// Ends with a short note in brackets.
fn ends_in_note(text: &str) -> bool {
    let text = text.trim_end();
    let Some(close) = text.chars().last().filter(|c| matches!(c, ')' | ']')) else {
        return false;
    };
    let open = if close == ')' { '(' } else { '[' };
    let body = &text[..text.len() - 1];
    body.rfind(open).is_some_and(|at| {
        let note = &body[at + 1..];
        (2..=60).contains(&note.len()) && !note.contains(['(', ')', '[', ']'])
    })
}

/// The distinct words of the story's opening, in lowercase: those a
/// headline shares with it.
pub struct StoryWords(HashSet<Folded>);

/// How much of the story's opening is read, in words.
const OPENING: usize = 300;

impl StoryWords {
    pub fn of(text: &str, blocks: &[Block], body: &[u32]) -> Self {
        let words = body
            .iter()
            .flat_map(|&i| content_words(&text[blocks[i as usize].span().range()]))
            .take(OPENING)
            .map(fold)
            .collect();
        StoryWords(words)
    }

    /// How many distinct content words `text` has, and how many of them
    /// the story's opening uses.
    fn shared(&self, text: &str) -> (usize, usize) {
        let mut seen: Vec<Folded> = Vec::new();
        for w in content_words(text).map(fold) {
            if !seen.contains(&w) {
                seen.push(w);
            }
        }
        let shared = seen.iter().filter(|w| self.0.contains(*w)).count();
        (shared, seen.len())
    }
}

/// Words of four letters or more, which leaves out most function words
/// without a list for each language; no longer than a word runs.
fn content_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() <= MAX_WORD && w.chars().nth(3).is_some())
}

/// The longest content word, in bytes.
const MAX_WORD: usize = 64;

/// A headline with the site's address glued on: `The Update Minecraft.net`.
pub fn without_site_name(text: &str, span: Span) -> Span {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn credit(line: &str) -> bool {
        is_credit_line(line, &Shape::of(line))
    }

    #[test]
    fn credit_lines() {
        assert!(credit("(Ana Lima / The Daily Planet)"));
        assert!(credit("Credit: Ana Lima"));
        assert!(credit("Photos: Ana Lima"));
        assert!(credit("Photo by Ana Lima"));
        assert!(credit("Ana Lima | Getty Images"));
        assert!(!credit("Sources say the deal is close"));
        assert!(!credit("Photographers gather in the square"));
        assert!(ends_in_note("Crowds on the bridge (Ana Lima)"));
        assert!(!ends_in_note("Crowds on the bridge"));
    }
}
