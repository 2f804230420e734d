//! Per-format readers: a source's bytes to its articles, each parsed. A
//! reader decides what text the parser takes; plain text and Markdown are
//! one article, the whole file. A new format is a reader here and a line
//! in [`read`].

use std::path::Path;

use crate::article::{Article, decode_owned, is_binary, parse_owned};

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

/// Plain text or Markdown: decoded (lossily where it is not UTF-8) and
/// parsed whole; refused when it is binary data or holds no story.
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
    let article = parse_owned(text);
    if article.title.is_none() && article.sections.is_empty() {
        return no_text("only site chrome, no story");
    }
    Ok(article)
}
