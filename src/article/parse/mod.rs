//! `parse(text) -> Article`: a pipeline of small pure steps.
//!
//! `blocks` (paragraph spans and line shapes) → `chrome` (which blocks are
//! the story) → `header` (kicker, title, byline, date) → `sections`
//! (subheads, dateline) → `speech` (direct and reported quotes with their
//! source phrases) → `people` (names, roles, aliases, mentions) →
//! `attribution` (each quote's source resolved to a person). Each step is
//! linear in its input and never panics on odd text.

mod attribution;
mod blocks;
mod chrome;
mod date;
mod decode;
mod flat;
mod header;
mod kinds;
mod lexicon;
mod marks;
mod people;
mod registry;
mod resolve;
mod sections;
mod shape;
mod speech;
mod tokens;
mod unattributed;

pub use decode::{decode, decode_owned, is_binary};
pub use lexicon::names::{formal_name, is_pronoun};
pub use lexicon::sources::ends_noun_head;

use crate::article::Article;
use attribution::attribute;
use tokens::tokenize_all;

/// Parses one article. Never fails: odd input gives a sparse article.
pub fn parse(text: &str) -> Article {
    parse_owned(text.to_string())
}

/// [`parse`] for a caller that owns the text: the article keeps it without
/// a copy.
pub fn parse_owned(text: String) -> Article {
    let mut article = parse_parts(&text, Story::Densest);
    article.text = text;
    article
}

/// [`parse_owned`] for text that is all story from its first paragraph on
/// (a Markdown file, the content a web page's reader extracted): the story
/// begins where the densest run of prose begins, as for any text, but
/// nothing after that is taken for site chrome (short list items, a table,
/// a one-line paragraph all stay).
pub fn parse_whole(text: String) -> Article {
    let mut article = parse_parts(&text, Story::Whole);
    article.text = text;
    article
}

/// Where the story ends.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Story {
    /// With the densest run of prose: what follows is the page's chrome.
    Densest,
    /// With the text.
    Whole,
}

/// Everything but the text.
fn parse_parts(text: &str, story: Story) -> Article {
    // Offsets inside the parser take 32 bits, for the memory of the many
    // tokens it holds: a text longer than 4 GiB is parsed that far.
    let mut end = text.len().min(u32::MAX as usize);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let text = &text[..end];
    // The blocks and the plan are dropped once the sections are found,
    // before the tokens, the biggest part, are made.
    let (header, body) = {
        let blocks = blocks::blocks(text);
        let mut plan = chrome::story_plan(text, &blocks);
        if story == Story::Whole {
            plan.extend_to_the_end(&blocks);
        }
        let header = header::header(text, &blocks, &plan);
        if let Some(last) = header.last_block {
            plan.body.retain(|&i| i as usize > last);
        }
        (header, sections::sections(text, &blocks, &plan.body))
    };
    // The tokens go in turn, before the sections get their paragraphs.
    let (people, quotes) = {
        let tokens = tokenize_all(text, &body.paragraphs);
        let speech = speech::find(text, &body.paragraphs, &tokens);
        attribute(text, &tokens, &speech, &header.authors)
    };
    Article {
        text: String::new(),
        kicker: header.kicker,
        title: header.title,
        authors: header.authors,
        published: header.published,
        dateline: body.dateline,
        sections: body.into_sections(),
        quotes,
        people,
        styles: Vec::new(),
    }
}

#[cfg(test)]
mod attribution_tests;
#[cfg(test)]
mod tests;
