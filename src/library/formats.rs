//! Per-format readers: a source's bytes to its articles, each parsed. The
//! format is told by the bytes first (a page starts like HTML, a feed
//! like RSS, Atom or JSON Feed), then by what a server said it sent, then
//! by the file's extension; anything else is plain text, one article, the
//! whole file. Markdown is written out plain by `markdown.rs`, its inline
//! styles kept. A new format is a reader here and a line in [`read`].

use crate::article::{Article, decode_owned, is_binary, parse_owned, parse_whole};

use super::compose::{self, Parts};
use super::fetch::Download;
use super::html;
use super::{Document, LoadError, Origin, feed};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Html,
    Feed,
}

/// The lowercased extension of a file's name or an address's path.
fn extension(origin: &Origin) -> Option<String> {
    let name = match origin {
        Origin::File(path) => path.file_name()?.to_str()?.to_owned(),
        Origin::Url(url) => {
            let path = url.split(['?', '#']).next()?;
            path.rsplit('/').next()?.to_owned()
        }
    };
    let (_, ext) = name.rsplit_once('.')?;
    Some(ext.to_ascii_lowercase())
}

/// The format the bytes show at their start: the first element, past a
/// byte-order mark, whitespace, XML declarations, comments and a
/// document type; or a JSON Feed's version.
fn by_content(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(4096)];
    let mut head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    loop {
        let start = head.iter().position(|c| !c.is_ascii_whitespace())?;
        head = &head[start..];
        let lower = head[..head.len().min(16)].to_ascii_lowercase();
        let end = if head.first() == Some(&b'{') {
            let version = memchr::memmem::find(head, b"jsonfeed.org/version");
            return version.map(|_| Format::Feed);
        } else if lower.starts_with(b"<!doctype html") {
            return Some(Format::Html);
        } else if lower.starts_with(b"<!--") {
            memchr::memmem::find(head, b"-->")? + 3
        } else if lower.starts_with(b"<?") || lower.starts_with(b"<!") {
            memchr::memchr(b'>', head)? + 1
        } else {
            let name: Vec<u8> = lower
                .iter()
                .skip(1)
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b':')
                .copied()
                .collect();
            return match name.as_slice() {
                b"html" | b"head" | b"body" => Some(Format::Html),
                b"rss" | b"feed" | b"rdf:rdf" => Some(Format::Feed),
                _ => None,
            };
        };
        head = &head[end..];
    }
}

/// The format a `Content-Type` names.
fn by_media_type(content_type: &str) -> Option<Format> {
    let essence = content_type.split(';').next()?.trim().to_ascii_lowercase();
    match essence.as_str() {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "application/rss+xml"
        | "application/atom+xml"
        | "application/rdf+xml"
        | "application/feed+json"
        | "application/xml"
        | "text/xml" => Some(Format::Feed),
        "text/plain" => Some(Format::Text),
        "text/markdown" => Some(Format::Markdown),
        _ => None,
    }
}

fn by_extension(ext: &str) -> Option<Format> {
    match ext {
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "rss" | "atom" | "xml" | "json" => Some(Format::Feed),
        "md" | "markdown" => Some(Format::Markdown),
        _ => None,
    }
}

/// The format of a source's bytes.
fn format(origin: &Origin, bytes: &[u8], download: Option<&Download>) -> Format {
    by_content(bytes)
        .or_else(|| download?.content_type.as_deref().and_then(by_media_type))
        .or_else(|| extension(origin).as_deref().and_then(by_extension))
        .unwrap_or(Format::Text)
}

/// The articles of one source, from its bytes; `download` says where
/// they were fetched from.
pub fn read(
    origin: &Origin,
    bytes: Vec<u8>,
    download: Option<&Download>,
) -> Result<Vec<Document>, LoadError> {
    if is_binary(&bytes) {
        return Err(LoadError::Binary {
            origin: origin.clone(),
        });
    }
    let content_type = download.and_then(|d| d.content_type.as_deref());
    let format = format(origin, &bytes, download);
    let (article, url, composed) = match format {
        Format::Feed => return feed::read(origin, &bytes),
        Format::Html => {
            let page = html::page(&html::decode(bytes, content_type));
            let article = compose::article(&Parts {
                title: page.meta.title.as_deref(),
                authors: &page.meta.authors,
                byline: page.byline.as_deref(),
                published: page.meta.published.as_deref(),
                blocks: &page.blocks,
                whole_page: page.whole_page,
            });
            let url = page.meta.link.or_else(|| download.map(|d| d.url.clone()));
            (story(origin, article)?, url, true)
        }
        Format::Text | Format::Markdown => {
            let text = match download {
                Some(_) => html::decode(bytes, content_type),
                None => decode_owned(bytes),
            };
            let url = download.map(|d| d.url.clone());
            let markdown = format == Format::Markdown;
            // Markdown's text is written anew: its offsets are brief's.
            let composed = download.is_some() || markdown;
            (text_article(origin, text, markdown)?, url, composed)
        }
    };
    Ok(vec![Document {
        origin: origin.clone(),
        part: 0,
        item: None,
        url,
        composed,
        article,
    }])
}

/// An article refused when the parser found no story in it.
fn story(origin: &Origin, article: Article) -> Result<Article, LoadError> {
    if article.title.is_none() && article.sections.is_empty() {
        return Err(LoadError::NoText {
            origin: origin.clone(),
            why: "only site chrome, no story",
        });
    }
    Ok(article)
}

/// Plain text or Markdown, parsed whole; refused when it holds no story.
/// Markdown has no site chrome: all of it from the story's start is story.
fn text_article(origin: &Origin, text: String, markdown: bool) -> Result<Article, LoadError> {
    let no_text = |why| {
        Err(LoadError::NoText {
            origin: origin.clone(),
            why,
        })
    };
    if text.is_empty() {
        return no_text("the file is empty");
    }
    if text.trim().is_empty() {
        return no_text("only whitespace");
    }
    if markdown {
        let (text, styles) = super::markdown::to_text(&text);
        let mut article = parse_whole(text);
        article.styles = styles;
        return story(origin, article);
    }
    story(origin, parse_owned(text))
}
