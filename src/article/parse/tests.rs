//! The whole pipeline on short articles written for these tests.

use super::parse;
use crate::article::{Article, QuoteKind};

const STORY: &str = "Donate now to keep us independent!

World News

Leaders fail to agree on river treaty

By Maria Okafor and Tom Lindqvist  March 3, 2025 4:12 PM

GENEVA (Reuters) - Talks on a treaty to share the Lorne river ended without a deal on Monday, as delegates from both banks left the table early.

Foreign Minister Ana Ruiz said the two sides were still far apart on how much water each could take.

\"We came here to sign, not to talk about talking,\" Ruiz told reporters. \"We will come back when they are ready.\"

What comes next

A senior diplomat said another round was planned for April.

\"It is a setback, not the end,\" said Ms Ruiz.

Reporting by Jo Park; Editing by Lee Cho

Share this article
";

fn shown(a: &Article, span: Option<crate::article::Span>) -> String {
    span.map(|s| a.show(s)).unwrap_or_default()
}

#[test]
fn header_and_body() {
    let a = parse(STORY);
    assert_eq!(shown(&a, a.kicker), "World News");
    assert_eq!(shown(&a, a.title), "Leaders fail to agree on river treaty");
    let authors: Vec<String> = a.authors.iter().map(|s| a.show(*s)).collect();
    assert_eq!(authors, ["Maria Okafor", "Tom Lindqvist"]);
    assert_eq!(a.published.as_deref(), Some("2025-03-03T16:12"));
    assert_eq!(shown(&a, a.dateline), "GENEVA (Reuters) -");
    let lead = a.paragraphs().next().map(|p| a.show(p)).unwrap_or_default();
    assert!(lead.starts_with("Talks on a treaty"), "{lead}");
    assert_eq!(a.sections.len(), 2);
    assert_eq!(shown(&a, a.sections[1].heading), "What comes next");
    let body: String = a.paragraphs().map(|p| a.show(p)).collect();
    assert!(
        !body.contains("Share this") && !body.contains("Reporting by") && !body.contains("Donate")
    );
}

#[test]
fn quotes_and_people() {
    let a = parse(STORY);
    let names: Vec<&str> = a.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Ana Ruiz"]);
    assert_eq!(a.people[0].role.as_deref(), Some("Foreign Minister"));
    let quotes: Vec<(QuoteKind, String, Option<String>)> = a
        .quotes
        .iter()
        .map(|q| (q.kind, a.show(q.content), a.speaker_name(q)))
        .collect();
    let ruiz = Some("Ana Ruiz".to_string());
    assert_eq!(
        quotes,
        vec![
            (
                QuoteKind::Indirect,
                "the two sides were still far apart on how much water each could take".into(),
                ruiz.clone()
            ),
            (
                QuoteKind::Direct,
                "We came here to sign, not to talk about talking".into(),
                ruiz.clone()
            ),
            (
                QuoteKind::Direct,
                "We will come back when they are ready.".into(),
                ruiz.clone()
            ),
            (
                QuoteKind::Indirect,
                "another round was planned for April".into(),
                Some("A senior diplomat".into())
            ),
            (
                QuoteKind::Direct,
                "It is a setback, not the end".into(),
                ruiz
            ),
        ]
    );
}

#[test]
fn spans_are_on_char_boundaries() {
    let a = parse("“Ça va très bien,” dit-il. 東京。\n\n\u{1b}[2J \"x");
    for q in &a.quotes {
        assert!(a.text.is_char_boundary(q.content.start) && a.text.is_char_boundary(q.content.end));
    }
}

#[test]
fn empty_and_odd_input() {
    for text in ["", "   \n\n  ", "\"", "“", "By", "# ", "\r\r\r", "a\u{0}b"] {
        let _ = parse(text);
    }
}
