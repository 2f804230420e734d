//! An article from what brief extracted of a page or a feed item: the
//! text the parser takes is written from it (the title as a `#` heading,
//! a byline, then the blocks apart, subheads as `##` headings and list
//! items as `-` items) and parsed like any article; then what the source
//! states is set over what the parser found in that text: the title,
//! authors and date, and the story itself when the blocks are one. The
//! parser's own choice of the story is made for whole pages, site chrome
//! and all, and on a story already extracted it drops tables, lists and
//! repeated lines that are part of it: so every block of an extracted
//! story is a paragraph (or a subhead) of the article, and the parser's
//! quotes and people, found in the paragraphs it chose, are kept. The
//! blocks of a whole page (no story found in it) are left to the parser,
//! as a page rendered to text is. The article's spans and offsets are into
//! the text written here.

use crate::article::{Article, Section, Span, parse, parse_owned};

use super::html::{Block, Kind};

/// What is known of an article before its text is parsed.
#[derive(Debug, Default)]
pub struct Parts<'a> {
    pub title: Option<&'a str>,
    /// The authors' names, as the source gives them.
    pub authors: &'a [String],
    /// A line naming the authors, for the parser to find them in, where
    /// the source gives no names.
    pub byline: Option<&'a str>,
    /// ISO 8601.
    pub published: Option<&'a str>,
    pub blocks: &'a [Block],
    /// The blocks are the whole page, not a story found in it.
    pub whole_page: bool,
}

/// Appends `s` on one line, its whitespace folded, and gives its span.
fn line(text: &mut String, s: &str) -> Span {
    let start = text.len();
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(word);
    }
    Span::new(start, text.len())
}

/// The article the parts make.
pub fn article(parts: &Parts) -> Article {
    let mut text = String::new();
    let title = parts.title.filter(|t| !t.trim().is_empty()).map(|t| {
        text.push_str("# ");
        let span = line(&mut text, t);
        text.push_str("\n\n");
        span
    });
    let mut authors = Vec::new();
    let mut byline_line = None;
    if !parts.authors.is_empty() {
        text.push_str("By ");
        for (i, name) in parts.authors.iter().enumerate() {
            match i {
                0 => {}
                _ if i + 1 == parts.authors.len() => text.push_str(" and "),
                _ => text.push_str(", "),
            }
            authors.push(line(&mut text, name));
        }
        text.push_str("\n\n");
    } else if let Some(byline) = parts.byline {
        let start = text.len();
        // `Written by ...`, `By ...` as they are; a bare name gets a `By`.
        let lower = byline.to_lowercase();
        if !lower.split_whitespace().take(3).any(|w| w == "by") {
            text.push_str("By ");
        }
        let names = line(&mut text, byline);
        byline_line = Some(Span::new(start, names.end));
        text.push_str("\n\n");
    }
    let shown_title = title.map(|s| text[s.range()].to_owned());
    let mut written: Vec<(Kind, Span)> = Vec::with_capacity(parts.blocks.len());
    for block in parts.blocks {
        // The page's own headline over its story is the title already.
        if matches!(block.kind, Kind::Heading(_))
            && shown_title.as_deref() == Some(block.text.as_str())
        {
            continue;
        }
        text.push_str(match block.kind {
            Kind::Heading(1 | 2) => "## ",
            Kind::Heading(_) => "### ",
            Kind::Item => "- ",
            Kind::Paragraph => "",
        });
        let span = match block.kind {
            Kind::Paragraph => {
                let start = text.len();
                text.push_str(&block.text);
                Span::new(start, text.len())
            }
            _ => line(&mut text, &block.text),
        };
        written.push((block.kind, span));
        text.push_str("\n\n");
    }
    text.truncate(text.trim_end().len());
    let mut article = parse_owned(text);
    if let Some(published) = parts.published {
        article.published = Some(published.to_owned());
    }
    if parts.whole_page {
        if title.is_some() {
            article.kicker = None;
            article.title = title;
        }
        if !authors.is_empty() {
            article.authors = authors;
        }
        return article;
    }
    if authors.is_empty() {
        let (names, byline_block) = byline(&article.text, byline_line, &written);
        authors = names;
        if let Some(i) = byline_block {
            written.remove(i);
        }
    }
    // Nothing stands above the title: a kicker found is a misreading, and
    // a title or byline found below the header is a paragraph's words.
    article.kicker = None;
    article.title = title;
    article.authors = authors;
    set_story(&mut article, &written);
    article
}

/// How many of the story's first blocks may be its byline.
const OPENING: usize = 3;

/// The authors' names where the source gives none but a byline: the line
/// written from the page's byline, or a short line among the story's
/// first blocks (`By Helen Achterberg`), which is then the byline and not
/// a paragraph: its index in `written`. The parser looks for a byline
/// above the story it chose, which in an extracted story may be far
/// below; so the header is parsed on its own, with the story's first
/// blocks below it.
fn byline(text: &str, line: Option<Span>, written: &[(Kind, Span)]) -> (Vec<Span>, Option<usize>) {
    let opening = &written[..written.len().min(OPENING)];
    let head_end = opening.last().map_or(text.len(), |(_, s)| s.end);
    let authors = parse(&text[..head_end]).authors;
    let Some(first) = authors.first() else {
        return (Vec::new(), None);
    };
    let within = |span: Span| authors.iter().all(|a| span.contains(*a));
    if line.is_some_and(within) {
        return (authors, None);
    }
    let short = |span: Span| text[span.range()].split_whitespace().count() <= 12;
    let block = opening.iter().position(|&(kind, span)| {
        kind == Kind::Paragraph && span.contains(*first) && short(span) && within(span)
    });
    match block {
        Some(i) => (authors, Some(i)),
        None => (Vec::new(), None),
    }
}

/// Makes the blocks written the article's sections: a subhead opens one,
/// every other block is a paragraph. The parser's dateline stays where it
/// opens the lead; its quotes are renumbered by the paragraph that holds
/// them.
fn set_story(article: &mut Article, written: &[(Kind, Span)]) {
    let mut sections = vec![Section::default()];
    for &(kind, span) in written {
        match kind {
            Kind::Heading(_) => sections.push(Section {
                heading: Some(span),
                paragraphs: Vec::new(),
            }),
            _ => sections
                .last_mut()
                .expect("one at least")
                .paragraphs
                .push(span),
        }
    }
    sections.retain(|s| s.heading.is_some() || !s.paragraphs.is_empty());
    let lead = sections.iter_mut().find_map(|s| s.paragraphs.first_mut());
    article.dateline = match (article.dateline, lead) {
        (Some(dateline), Some(lead)) if dateline.start == lead.start => {
            let after = &article.text[dateline.end..lead.end];
            lead.start = lead.end - after.trim_start().len();
            Some(dateline)
        }
        _ => None,
    };
    article.sections = sections;
    let starts: Vec<Span> = article.paragraphs().collect();
    article.quotes.retain_mut(|q| {
        let i = starts.partition_point(|p| p.end < q.content.end);
        match starts.get(i) {
            Some(p) if p.contains(q.content) => {
                q.paragraph = i;
                true
            }
            _ => false,
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(kind: Kind, text: &str) -> Block {
        Block {
            kind,
            text: text.to_owned(),
        }
    }

    #[test]
    fn the_sources_metadata_is_set_over_the_parsers() {
        let blocks = [
            block(Kind::Heading(1), "Harbour reopens after the storm"),
            block(
                Kind::Paragraph,
                "The harbour at Estrava reopened on Monday, a week after the storm closed it to every ship.",
            ),
            block(Kind::Heading(2), "Damage"),
            block(
                Kind::Paragraph,
                "\"We lost two cranes,\" said Ana Ruiz, the harbour master. Repairs will take months.",
            ),
            block(Kind::Item, "Two cranes lost"),
        ];
        let authors = ["Priya Raman".to_owned(), "Jonas Feldberg".to_owned()];
        let a = article(&Parts {
            title: Some("Harbour reopens after the storm"),
            authors: &authors,
            byline: None,
            published: Some("2025-03-11T18:47"),
            blocks: &blocks,
            whole_page: false,
        });
        assert_eq!(a.show(a.title.unwrap()), "Harbour reopens after the storm");
        let names: Vec<String> = a.authors.iter().map(|&s| a.show(s)).collect();
        assert_eq!(names, ["Priya Raman", "Jonas Feldberg"]);
        assert_eq!(a.published.as_deref(), Some("2025-03-11T18:47"));
        assert_eq!(a.sections.len(), 2);
        assert_eq!(a.show(a.sections[1].heading.unwrap()), "Damage");
        assert!(
            a.show(a.sections[0].paragraphs[0])
                .starts_with("The harbour at Estrava")
        );
        assert_eq!(a.speaker_name(&a.quotes[0]).as_deref(), Some("Ana Ruiz"));
        // The headline is not repeated in the text.
        assert_eq!(a.text.matches("Harbour reopens").count(), 1);
    }

    #[test]
    fn a_byline_line_is_left_to_the_parser() {
        let blocks = [block(
            Kind::Paragraph,
            "Negotiators failed on Tuesday to agree on how a fund should be financed, delegates said.",
        )];
        let a = article(&Parts {
            title: Some("Talks stall"),
            byline: Some("Mike Conley"),
            blocks: &blocks,
            ..Parts::default()
        });
        let names: Vec<String> = a.authors.iter().map(|&s| a.show(s)).collect();
        assert_eq!(names, ["Mike Conley"]);
    }
}
