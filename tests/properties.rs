//! Properties of `parse` on arbitrary input: it never panics, every span
//! lies inside the text on a character boundary, and nothing shown holds a
//! control character.

use brief::article::{Article, Span, parse};
use proptest::prelude::*;

fn check_span(a: &Article, s: Span) {
    assert!(
        s.start <= s.end && s.end <= a.text.len(),
        "{s:?} outside {}",
        a.text.len()
    );
    assert!(
        a.text.is_char_boundary(s.start) && a.text.is_char_boundary(s.end),
        "{s:?}"
    );
}

fn no_controls(shown: &str) {
    assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
}

fn check(text: &str) {
    let a = parse(text);
    for s in a
        .kicker
        .iter()
        .chain(&a.title)
        .chain(&a.dateline)
        .chain(&a.authors)
    {
        check_span(&a, *s);
        no_controls(&a.show(*s));
    }
    for p in a.paragraphs() {
        check_span(&a, p);
        no_controls(&a.show(p));
    }
    for q in &a.quotes {
        check_span(&a, q.content);
        q.mention.iter().for_each(|m| check_span(&a, *m));
        assert!(q.speaker.is_none_or(|id| id < a.people.len()));
        assert!(q.paragraph < a.paragraphs().count().max(1));
    }
    for p in &a.people {
        no_controls(&p.name);
        p.mentions.iter().for_each(|m| check_span(&a, *m));
    }
}

/// Text made of the pieces articles are made of, so that the parser's
/// branches are reached, not only its fast paths.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("''".to_string()),
        Just(" said ".to_string()),
        Just(" told reporters that ".to_string()),
        Just("according to ".to_string()),
        Just("By Ana Lima and Tom Berg March 3, 2025 4:12 PM".to_string()),
        Just("President Ana Ruiz".to_string()),
        Just("Ms Ruiz".to_string()),
        Just(" he ".to_string()),
        Just("GENEVA (Reuters) - ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r".to_string()),
        Just("# ".to_string()),
        Just("> ".to_string()),
        Just("- ".to_string()),
        Just(". ".to_string()),
        Just(", ".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{202e}".to_string()),
        Just("東京。".to_string()),
        "[a-zA-Z ]{0,12}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_text(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn article_shaped_text(text in article_like()) {
        check(&text);
    }

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check(&brief::article::decode(&bytes));
    }
}
