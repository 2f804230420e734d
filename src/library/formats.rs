//! Per-format readers: a source's bytes to its articles, each parsed. A
//! reader decides what text the parser takes; plain text is one article,
//! the whole file, and so is Markdown, written out plain by
//! `markdown.rs` with its inline styles kept. A new format is a reader
//! here and a line in [`read`].

use std::path::Path;

use crate::article::{Article, decode_owned, is_binary, parse_owned, parse_whole};

use super::{Document, LoadError, Origin};

/// The articles of one source, from its bytes.
pub fn read(origin: &Origin, bytes: Vec<u8>) -> Result<Vec<Document>, LoadError> {
    let article = text(origin.path(), bytes)?;
    Ok(vec![Document {
        origin: origin.clone(),
        part: 0,
        item: None,
        article,
    }])
}

/// True for a Markdown file, by its name.
fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Plain text or Markdown: decoded (lossily where it is not UTF-8) and
/// parsed; refused when it is binary data or holds no story. Markdown has
/// no site chrome: all of it from the story's start is story.
fn text(path: &Path, bytes: Vec<u8>) -> Result<Article, LoadError> {
    if is_binary(&bytes) {
        return Err(LoadError::Binary {
            path: path.to_path_buf(),
        });
    }
    let text = decode_owned(bytes);
    let no_text = |why| {
        Err(LoadError::NoText {
            path: path.to_path_buf(),
            why,
        })
    };
    if text.is_empty() {
        return no_text("the file is empty");
    }
    if text.trim().is_empty() {
        return no_text("only whitespace");
    }
    let article = if is_markdown(path) {
        let (text, styles) = super::markdown::to_text(&text);
        let mut article = parse_whole(text);
        article.styles = styles;
        article
    } else {
        parse_owned(text)
    };
    if article.title.is_none() && article.sections.is_empty() {
        return no_text("only site chrome, no story");
    }
    Ok(article)
}
