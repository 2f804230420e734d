//! Quotes written out for citation, as Markdown: each speaker with their
//! role, then each direct quote as a `> ` block and each reported one as a
//! paraphrase in plain words, never in quotation marks (a mixed one keeps
//! the quotation marks of its quoted words only), each followed by
//! where it was said (the article's title, byline, date, and file or URL).
//! The reader's `E` and `brief quotes --format markdown` write the same.

use std::fmt::Write;

use crate::article::text::sanitize;
use crate::article::{Article, Quote, QuoteKind};
use crate::briefing;
use crate::library::Document;

/// One quote to cite, with the article it is from.
pub struct Cited<'a> {
    pub article: &'a Article,
    pub quote: &'a Quote,
    /// Where the article came from: its own web address, else its file or
    /// the address it was fetched from.
    pub origin: String,
}

impl<'a> Cited<'a> {
    /// The quote `q` of a document, where it has one.
    pub fn of(document: &'a Document, q: usize) -> Option<Self> {
        Some(Cited {
            article: &document.article,
            quote: document.article.quotes.get(q)?,
            origin: document
                .url
                .clone()
                .unwrap_or_else(|| document.origin.to_string()),
        })
    }
}

/// The briefing's speakers' quotes to cite, in the order given.
pub fn speakers<'a>(
    speakers: &[&briefing::Speaker],
    documents: &'a [Document],
) -> Vec<Speaker<'a>> {
    speakers
        .iter()
        .map(|s| Speaker {
            name: s.name.clone(),
            role: s.role.clone(),
            quotes: s
                .quotes
                .iter()
                .filter_map(|r| Cited::of(documents.get(r.article())?, r.quote()))
                .collect(),
        })
        .collect()
}

/// A speaker's quotes to cite.
pub struct Speaker<'a> {
    /// The name, or `None` for quotes nobody is named for.
    pub name: Option<String>,
    pub role: Option<String>,
    pub quotes: Vec<Cited<'a>>,
}

/// The speakers' quotes as Markdown.
pub fn markdown(speakers: &[Speaker]) -> String {
    let mut out = String::new();
    for (i, speaker) in speakers.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let name = speaker
            .name
            .as_deref()
            .map_or_else(|| "Unattributed".to_owned(), sanitize);
        let _ = write!(out, "## {}", escape(&name));
        if let Some(role) = &speaker.role {
            let _ = write!(out, ", {}", escape(&sanitize(role)));
        }
        out.push_str("\n\n");
        for cited in &speaker.quotes {
            out.push_str(&quote(cited, speaker.name.as_deref()));
            out.push('\n');
        }
    }
    out
}

/// One quote and where it is from.
fn quote(cited: &Cited, speaker: Option<&str>) -> String {
    let a = cited.article;
    let words = escape(&a.show(cited.quote.content));
    let who = || speaker.map_or_else(|| "Someone".to_owned(), |s| escape(&sanitize(s)));
    let mut out = match cited.quote.kind {
        QuoteKind::Direct => format!("> {words}\n\n"),
        QuoteKind::Indirect => format!("Paraphrase: {} said that {words}\n\n", who()),
        QuoteKind::Mixed => format!("Partly quoted: {}: {words}\n\n", who()),
    };
    let mut source = Vec::new();
    if let Some(title) = a.title {
        source.push(format!("*{}*", escape(&a.show(title))));
    }
    let authors: Vec<String> = a.authors.iter().map(|s| escape(&a.show(*s))).collect();
    if !authors.is_empty() {
        source.push(authors.join(", "));
    }
    if let Some(date) = &a.published {
        source.push(escape(&sanitize(&date.replacen('T', " ", 1))));
    }
    source.push(format!("<{}>", sanitize(&cited.origin).replace('>', "%3E")));
    let _ = writeln!(out, "— {}", source.join(", "));
    out
}

/// Text that Markdown shows as written: its markup characters escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse;

    #[test]
    fn direct_quotes_are_blocks_and_reported_speech_a_paraphrase_keeping_quoted_words() {
        let article = parse(
            "Talks stall\n\nBy Mara Quinn\n\n\"We are *not* there yet,\" Foreign Minister Ana Ruiz \
             said on Monday.\n\nRuiz said the talks would resume in spring after the elections.\n\n\
             Ruiz said the offer was \"a fair start\" for both sides.\n",
        );
        let quotes: Vec<Cited> = article
            .quotes
            .iter()
            .map(|quote| Cited {
                article: &article,
                quote,
                origin: "news/talks.txt".into(),
            })
            .collect();
        assert_eq!(quotes.len(), 3, "{:?}", article.quotes);
        let text = markdown(&[Speaker {
            name: Some("Ana Ruiz".into()),
            role: Some("Foreign Minister".into()),
            quotes,
        }]);
        assert!(
            text.starts_with("## Ana Ruiz, Foreign Minister\n\n"),
            "{text}"
        );
        assert!(text.contains("> We are \\*not\\* there yet\n"), "{text}");
        assert!(
            text.contains("Paraphrase: Ana Ruiz said that the talks would resume"),
            "{text}"
        );
        assert!(
            !text.contains("“the talks"),
            "no quotation marks on a paraphrase"
        );
        assert!(
            text.contains("Partly quoted: Ana Ruiz: the offer was \"a fair start\" for both sides"),
            "a mixed quote keeps the marks of its quoted words: {text}"
        );
        assert!(
            text.contains("— *Talks stall*, Mara Quinn, <news/talks.txt>"),
            "{text}"
        );
    }
}
