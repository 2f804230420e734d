//! Speech found in short paragraphs written for these tests.

use super::*;

fn run(text: &str) -> Vec<(QuoteKind, String, Option<String>)> {
    let paras: Vec<Span32> = {
        let mut at = 0;
        text.split("\n\n")
            .map(|p| {
                let s = Span::new(at, at + p.len());
                at += p.len() + 2;
                Span32::new(s)
            })
            .collect()
    };
    let tokens = crate::article::parse::tokens::tokenize_all(text, &paras);
    find(text, &paras, &tokens)
        .into_iter()
        .map(|s| {
            let who = match s.source {
                Source::Phrase(sp) => Some(text[sp.get().range()].to_string()),
                Source::Previous => Some("<previous>".into()),
                Source::Unknown => None,
            };
            (s.kind, text[s.content().range()].to_string(), who)
        })
        .collect()
}

use QuoteKind::{Direct, Indirect};

#[test]
fn quote_then_attribution() {
    let got = run(r#""We have grave differences with them," Obama told reporters Sunday."#);
    assert_eq!(
        got,
        vec![(
            Direct,
            "We have grave differences with them".into(),
            Some("Obama".into())
        )]
    );
    let got = run(r#""It is difficult to see a way forward," said Obama."#);
    assert_eq!(got[0].2.as_deref(), Some("Obama"));
}

#[test]
fn split_quote_keeps_its_speaker() {
    let got = run(r#""The work goes on," Ryabkov said. "We cannot say more.""#);
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].2.as_deref(), Some("Ryabkov"));
    assert_eq!(got[1].2.as_deref(), Some("<previous>"));
}

#[test]
fn attribution_before_the_quote() {
    let got = run("Mr Blair said: “We will not back down on this.”");
    assert_eq!(
        got,
        vec![(
            Direct,
            "We will not back down on this.".into(),
            Some("Mr Blair".into())
        )]
    );
}

#[test]
fn scare_quotes_are_not_quotes() {
    assert!(
        run(r#"The plan was called "desperate" by some and the "Big Deal" by others."#).is_empty()
    );
}

#[test]
fn reported_speech() {
    let got = run("A State Department official said Russia walked back on some of the areas.");
    assert_eq!(
        got,
        vec![(
            Indirect,
            "Russia walked back on some of the areas".into(),
            Some("A State Department official".into())
        )]
    );
    let got = run(
        "Russian President Putin is quoted as saying the conflict can only be resolved politically.",
    );
    assert_eq!(got[0].2.as_deref(), Some("Russian President Putin"));
    let got = run("The talks had stalled, the minister said.");
    assert_eq!(
        got,
        vec![(
            Indirect,
            "The talks had stalled".into(),
            Some("the minister".into())
        )]
    );
    let got = run("According to the police, the crowd was peaceful all day.");
    assert_eq!(got[0].1, "the crowd was peaceful all day");
    let got = run("Kerry told reporters on Monday that the gap could be bridged.");
    assert_eq!(got[0].1, "the gap could be bridged");
}

#[test]
fn multi_paragraph_quote() {
    let got = run(
        "“We will go on and on until the job is done,” she said. “And then more.\n\n“It will not be easy for anyone.”",
    );
    assert_eq!(got.len(), 3);
    assert_eq!(got[2].2.as_deref(), Some("<previous>"));
}
