//! Feeds (RSS 2.0, RSS 1.0, Atom, JSON Feed), read with feed-rs: every
//! item is an article with its title, authors (`author`, `dc:creator`),
//! date, link and id; its content (`content:encoded`, Atom `content`,
//! `content_html`, else the summary or description) is read as HTML when
//! it is HTML and as text when it is text. The XML reader resolves only
//! XML's own entities and character references: no document type is
//! read, so no external entity is fetched and no entity expands.

use feed_rs::model::{Entry, Text};
use feed_rs::parser;

use super::compose::{self, Parts};
use super::html::{self, Block, Kind};
use super::{Document, LoadError, Origin};

/// True when a media type is HTML, whatever its parameters.
fn is_html(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or("").trim();
    ["text/html", "application/xhtml+xml", "html", "xhtml"]
        .iter()
        .any(|t| essence.eq_ignore_ascii_case(t))
}

fn text_of(text: &Text) -> String {
    if is_html(text.content_type.as_ref()) {
        html::inline_text(&text.content)
    } else {
        text.content
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A person's name as a feed gives it: RSS writes `mail@host (Name)`,
/// which feed-rs splits, leaving the brackets.
fn name(given: &str) -> &str {
    let given = given.trim();
    match given.split_once('(') {
        Some((mail, inner)) if mail.trim().is_empty() || mail.contains('@') => {
            inner.trim_end().trim_end_matches(')').trim()
        }
        _ => given,
    }
}

/// Plain text as blocks: paragraphs apart at blank lines, their lines kept.
fn text_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph = String::new();
    for line in text.lines().map(str::trim).chain([""]) {
        if line.is_empty() {
            if !paragraph.is_empty() {
                blocks.push(Block {
                    kind: Kind::Paragraph,
                    text: std::mem::take(&mut paragraph),
                });
            }
            continue;
        }
        if !paragraph.is_empty() {
            paragraph.push('\n');
        }
        paragraph.push_str(line);
    }
    blocks
}

/// The item's content, else its summary, as blocks.
fn body(entry: &Entry) -> Vec<Block> {
    let content = entry
        .content
        .as_ref()
        .and_then(|c| Some((c.body.as_deref()?, c.content_type.as_ref())));
    let summary = entry
        .summary
        .as_ref()
        .map(|s| (s.content.as_str(), s.content_type.as_ref()));
    let Some((body, media_type)) = content.filter(|(b, _)| !b.trim().is_empty()).or(summary) else {
        return Vec::new();
    };
    // Fields said to be text often hold markup all the same, and fields
    // said to be HTML plain text, its paragraphs apart at blank lines.
    let markup = body.contains(['<', '&']);
    if markup && (is_html(media_type) || body.trim_start().starts_with('<')) {
        html::fragment(body)
    } else {
        text_blocks(body)
    }
}

/// The link to the item's page: its `alternate` link, else its first.
fn link(entry: &Entry) -> Option<String> {
    let alternate = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"));
    alternate
        .or(entry.links.first())
        .map(|l| l.href.trim().to_owned())
        .filter(|href| super::is_url(href))
}

/// The articles of a feed, one per item, in the feed's order.
pub fn read(origin: &Origin, bytes: &[u8]) -> Result<Vec<Document>, LoadError> {
    let feed = parser::parse(bytes).map_err(|e| LoadError::Feed {
        origin: origin.clone(),
        why: e.to_string(),
    })?;
    if feed.entries.is_empty() {
        return Err(LoadError::NoText {
            origin: origin.clone(),
            why: "a feed without items",
        });
    }
    let documents = feed
        .entries
        .iter()
        .enumerate()
        .map(|(part, entry)| {
            let title = entry.title.as_ref().map(text_of);
            let authors: Vec<String> = entry
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref())
                .flat_map(|n| html::split_names(name(n)))
                .collect();
            let published = entry
                .published
                .or(entry.updated)
                .map(|d| d.format("%Y-%m-%dT%H:%M").to_string());
            let blocks = body(entry);
            let article = compose::article(&Parts {
                title: title.as_deref(),
                authors: &authors,
                byline: None,
                published: published.as_deref(),
                blocks: &blocks,
                whole_page: false,
            });
            Document {
                origin: origin.clone(),
                part,
                item: Some(entry.id.clone()),
                url: link(entry),
                composed: true,
                article,
            }
        })
        .collect();
    Ok(documents)
}
