//! An HTML page read as an article: its story found by dom_smoothie (a
//! port of Firefox's Readability; README, "Sources", says why this one),
//! then split into blocks (`blocks`); its metadata read from its markup
//! (`meta`); a pathological page read as plain text instead (`guard`).
//! Text comes out with entities decoded; scripts, styles and hidden
//! elements give none.

mod blocks;
mod guard;
mod meta;

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

pub use blocks::{Block, Kind};
pub use meta::{Meta, split_names};

/// What is read of a page.
#[derive(Debug, Default)]
pub struct Page {
    pub meta: Meta,
    /// A line naming the authors that the extractor found on the page,
    /// where the markup names none.
    pub byline: Option<String>,
    pub blocks: Vec<Block>,
    /// The blocks are the whole page: no story was found in it, or it is
    /// too deep or too large to look for one.
    pub whole_page: bool,
}

/// A page's story and metadata.
pub fn page(html: &str) -> Page {
    if guard::nesting(html, guard::MAX_DEPTH) > guard::MAX_DEPTH {
        return Page {
            blocks: guard::flat_blocks(html),
            whole_page: true,
            ..Page::default()
        };
    }
    let doc = Document::from(html);
    let meta = meta::meta(&doc);
    if !guard::tame(doc.root()) {
        return Page {
            meta,
            byline: None,
            blocks: blocks::blocks(doc.root()),
            whole_page: true,
        };
    }
    let config = Config {
        // The metadata is read above, by brief's own rules.
        disable_json_ld: true,
        // Classes name captions, share bars and the like, left out below.
        keep_classes: true,
        max_elements_to_parse: guard::MAX_ELEMENTS,
        text_mode: TextMode::Raw,
        ..Config::default()
    };
    let story = Readability::with_document(doc, None, Some(config)).and_then(|mut r| r.parse());
    match story {
        Ok(story) => Page {
            meta,
            byline: story.byline.filter(|b| !b.trim().is_empty()),
            blocks: fragment(&story.content),
            whole_page: false,
        },
        // No story found: the whole page, for the parser to find one in.
        Err(_) => Page {
            meta,
            byline: None,
            blocks: blocks::blocks(Document::from(html).root()),
            whole_page: true,
        },
    }
}

/// The blocks of a piece of HTML that is all story, as a feed item's
/// content is.
pub fn fragment(html: &str) -> Vec<Block> {
    if guard::nesting(html, guard::MAX_DEPTH) > guard::MAX_DEPTH {
        return guard::flat_blocks(html);
    }
    blocks::blocks(Document::fragment(html).root())
}

/// The text of a piece of HTML on one line: a feed's title that is
/// markup.
pub fn inline_text(html: &str) -> String {
    let blocks = fragment(html);
    let words = blocks.iter().flat_map(|b| b.text.split_whitespace());
    words.collect::<Vec<_>>().join(" ")
}

/// The character set a page declares in its first kilobyte
/// (`<meta charset=...>`, or `charset=` in an `http-equiv` tag), or
/// that a `Content-Type` header gives.
pub fn declared_charset(text: &[u8]) -> Option<&str> {
    let head = &text[..text.len().min(1024)];
    let at = head
        .windows(8)
        .position(|w| w.eq_ignore_ascii_case(b"charset="))?;
    let value = &head[at + 8..];
    let value = value
        .strip_prefix(b"\"")
        .or_else(|| value.strip_prefix(b"'"))
        .unwrap_or(value);
    let end = value
        .iter()
        .position(|c| {
            matches!(
                c,
                b'"' | b'\'' | b';' | b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n'
            )
        })
        .unwrap_or(value.len());
    std::str::from_utf8(&value[..end])
        .ok()
        .filter(|v| !v.is_empty())
}

/// A page's bytes as text: in the character set the server or the page
/// declares, else as brief reads any file (UTF-8, or UTF-16 or UTF-32
/// by their byte-order mark). A declared UTF-16 without a byte-order mark
/// is a mistake browsers read as UTF-8, and so does brief.
pub fn decode(bytes: Vec<u8>, content_type: Option<&str>) -> String {
    let has_bom = bytes.starts_with(b"\xef\xbb\xbf")
        || bytes.starts_with(b"\xff\xfe")
        || bytes.starts_with(b"\xfe\xff");
    let label = content_type
        .and_then(|c| declared_charset(c.as_bytes()))
        .or_else(|| declared_charset(&bytes));
    let encoding = label
        .and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes()))
        .filter(|e| !has_bom && e.is_ascii_compatible() && *e != encoding_rs::UTF_8);
    match encoding {
        Some(encoding) => encoding.decode_without_bom_handling(&bytes).0.into_owned(),
        None => crate::article::decode_owned(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declared_character_set_decodes_the_page() {
        let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><p>caf\xe9</p>".to_vec();
        assert!(decode(page.clone(), None).contains("café"));
        assert!(decode(b"<p>caf\xc3\xa9</p>".to_vec(), None).contains("café"));
        let header = Some("text/html; charset=windows-1252");
        assert!(decode(b"<p>\x93quoted\x94</p>".to_vec(), header).contains("“quoted”"));
        // A page that says UTF-16 but is not.
        assert!(decode(b"<meta charset=utf-16><p>plain</p>".to_vec(), None).contains("plain"));
    }

    #[test]
    fn a_page_too_deep_to_extract_is_read_as_text() {
        let html = format!(
            "<html><head><title>Deep</title></head><body>{}<p>Still read.</p></body></html>",
            "<div>".repeat(100_000)
        );
        let start = std::time::Instant::now();
        let page = page(&html);
        assert!(
            start.elapsed() < std::time::Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
        assert_eq!(
            page.blocks.last().map(|b| b.text.as_str()),
            Some("Still read.")
        );
    }

    #[test]
    fn the_tree_is_measured_before_the_extractor_runs() {
        let deep = format!("{}x{}", "<div>".repeat(300), "</div>".repeat(300));
        assert!(!guard::tame(Document::from(deep.as_str()).root()));
        let wide = "<p>x</p>".repeat(guard::MAX_ELEMENTS + 1);
        assert!(!guard::tame(Document::from(wide.as_str()).root()));
        assert!(guard::tame(Document::from("<p>a</p>").root()));
    }
}
