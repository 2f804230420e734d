//! What keeps a pathological page from costing more than its size. Two
//! costs grow faster than a page: building its tree takes time in
//! proportion to the nesting depth for every tag (a megabyte of unclosed
//! `<div>` takes minutes), and the extractor walks up and down the tree
//! (thousands deep, it overflows a thread's stack or takes seconds). So
//! the depth is estimated from the tags before the tree is built, and
//! measured in the tree before the extractor runs; a page past either
//! limit is read as plain text instead, tag by tag, in linear time.

use dom_query::NodeRef;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use super::blocks::{Block, Gather, Role, role};
use std::cell::RefCell;

/// The deepest nesting extracted as a page: news pages nest 20 to 50
/// deep, and at 256 the extractor takes milliseconds whatever the shape.
pub const MAX_DEPTH: usize = 256;

/// The most elements extracted as a page: ten times a long encyclopedia
/// article, about a second of extraction.
pub const MAX_ELEMENTS: usize = 100_000;

/// Elements that never hold others.
const VOID: &[&[u8]] = &[
    b"area",
    b"base",
    b"basefont",
    b"bgsound",
    b"br",
    b"col",
    b"command",
    b"embed",
    b"frame",
    b"hr",
    b"image",
    b"img",
    b"input",
    b"keygen",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
];

/// Elements that a sibling of their kind closes, so that they do not nest
/// however many are left open.
const SELF_CLOSING: &[&[u8]] = &[
    b"p",
    b"li",
    b"dt",
    b"dd",
    b"option",
    b"optgroup",
    b"tr",
    b"td",
    b"th",
    b"thead",
    b"tbody",
    b"tfoot",
    b"colgroup",
    b"caption",
    b"rb",
    b"rt",
    b"rtc",
    b"rp",
    b"html",
    b"head",
    b"body",
];

/// Elements whose content is text, not tags.
const RAW: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

fn is(list: &[&[u8]], name: &[u8]) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Where `</name` next starts at or after `from`, ignoring case.
fn end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut at = from;
    while let Some(i) = memchr::memchr(b'<', &b[at..]) {
        let i = at + i;
        let rest = &b[i + 1..];
        if rest.first() == Some(&b'/')
            && rest
                .get(1..=name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

/// The deepest the page's tags nest, as its start and end tags say, or
/// any number past `limit` once it is passed. Left open, an element
/// counts as open to the end, which is what the tree builder makes of it.
pub fn nesting(html: &str, limit: usize) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(i) = memchr::memchr(b'<', &b[at..]) {
        let i = at + i;
        at = i + 1;
        let rest = &b[i + 1..];
        let (closing, rest) = match rest.strip_prefix(b"/") {
            Some(rest) => (true, rest),
            None => (false, rest),
        };
        if rest.starts_with(b"!--") {
            at = memchr::memmem::find(&b[i..], b"-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let name_len = rest
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 || !rest[0].is_ascii_alphabetic() {
            continue;
        }
        let name = &rest[..name_len];
        if is(VOID, name) || is(SELF_CLOSING, name) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        let tag_end = memchr::memchr(b'>', rest).unwrap_or(rest.len());
        if rest[..tag_end].ends_with(b"/") {
            continue;
        }
        if is(RAW, name) {
            at = end_tag(b, at, name).unwrap_or(b.len());
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
        if deepest > limit {
            break;
        }
    }
    deepest
}

/// True when the tree under `root` is within [`MAX_DEPTH`] and
/// [`MAX_ELEMENTS`]; walked without recursion, and no further than the
/// limits.
pub fn tame(root: NodeRef) -> bool {
    let (mut depth, mut elements) = (0usize, 0usize);
    let mut next = root.first_child();
    while let Some(node) = next {
        elements += usize::from(node.is_element());
        if depth > MAX_DEPTH || elements > MAX_ELEMENTS {
            return false;
        }
        if let Some(child) = node.first_child() {
            depth += 1;
            next = Some(child);
            continue;
        }
        let mut up = node;
        next = loop {
            if let Some(sibling) = up.next_sibling() {
                break Some(sibling);
            }
            match up.parent() {
                Some(parent) if parent.id != root.id => {
                    depth -= 1;
                    up = parent;
                }
                _ => break None,
            }
        };
    }
    true
}

/// Gathers blocks from the tokens of a page as they come: no tree, so no
/// depth.
struct Flat {
    gather: RefCell<Gather>,
    /// Inside a script, style or the like: its text is not read.
    raw: RefCell<Option<html5ever::LocalName>>,
}

impl TokenSink for Flat {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut g = self.gather.borrow_mut();
        let mut raw = self.raw.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                if raw.as_ref().is_some_and(|r| *r == tag.name) {
                    *raw = None;
                    return TokenSinkResult::Continue;
                }
                let kind = match &*tag.name {
                    "script" => Some(RawKind::ScriptData),
                    "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
                    "title" | "textarea" => Some(RawKind::Rcdata),
                    _ => None,
                };
                if let Some(kind) = kind.filter(|_| tag.kind == TagKind::StartTag) {
                    *raw = Some(tag.name);
                    return TokenSinkResult::RawData(kind);
                }
                match role(&tag.name) {
                    Role::Break => g.line_break(),
                    Role::Inline | Role::Skip => {}
                    role if tag.kind == TagKind::StartTag => g.open(role),
                    role => g.close(role),
                }
            }
            Token::CharacterTokens(text) if raw.is_none() => g.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// A page's blocks read tag by tag: block elements end blocks, headings
/// and list items keep their kind, scripts and styles give nothing.
pub fn flat_blocks(html: &str) -> Vec<Block> {
    let sink = Flat {
        gather: RefCell::default(),
        raw: RefCell::default(),
    };
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.gather.take().finish()
}

#[cfg(test)]
mod tests {
    use super::super::blocks::Kind;
    use super::*;

    #[test]
    fn nesting_counts_what_the_tags_leave_open() {
        assert_eq!(
            nesting("<html><body><div><p>a<p>b</div><br><img/></body>", 100),
            1
        );
        assert_eq!(nesting("<div><div><div>", 100), 3);
        assert_eq!(
            nesting("<div><script>if (a<b) '<div><div>'</script></div>", 100),
            1
        );
        assert_eq!(nesting("<!-- <div><div> --><span/>", 100), 0);
        assert_eq!(nesting(&"<b>".repeat(1000), 10), 11);
    }

    #[test]
    fn flat_blocks_read_text_without_a_tree() {
        let blocks = flat_blocks(
            "<title>T</title><script>var x = '<p>no</p>';</script><div><div><h2>Head</h2>\
             <p>One &amp; two<p>Three<br>four<ul><li>item",
        );
        let got: Vec<(Kind, &str)> = blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (Kind::Heading(2), "Head"),
                (Kind::Paragraph, "One & two"),
                (Kind::Paragraph, "Three\nfour"),
                (Kind::Item, "item")
            ]
        );
    }
}
