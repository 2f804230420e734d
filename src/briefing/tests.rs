//! The briefing on short articles written for these tests.

use super::*;
use crate::article::parse;

#[test]
fn merges_a_speaker_across_articles() {
    let one = parse(
        "Talks\n\nForeign Minister Ana Ruiz spoke to the press on Monday about the treaty.\n\n\"We will sign the treaty this week,\" Ruiz said.",
    );
    let two = parse("\"The deal is done and we are glad,\" said Foreign Minister Ana Ruiz.");
    let mut b = Briefing::default();
    b.add(0, &one);
    b.add(1, &two);
    let ranked = b.ranked();
    assert_eq!(ranked[0].name.as_deref(), Some("Ana Ruiz"));
    assert_eq!(ranked[0].quotes.len(), 2);
    assert!(Briefing::matches(ranked[0], "ruiz"));
}

#[test]
fn built_in_parts_is_built_at_once() {
    let articles = [
        parse("\"We will wait,\" said Deputy Minister Ana Ruiz. \"Not long,\" an aide said."),
        parse("Talks\n\nMinister Ana Ruiz met Tom Berg.\n\n\"It went well,\" Berg said."),
        parse("\"No comment,\" said Ana Ruiz, speaking as Foreign Minister Ana Ruiz."),
        parse("\"Later,\" an aide said. \"Soon,\" said Tom Berg, a spokesman."),
    ];
    let mut whole = Briefing::default();
    for (i, a) in articles.iter().enumerate() {
        whole.add(i, a);
    }
    for split in 0..=articles.len() {
        let mut first = Briefing::default();
        let mut second = Briefing::default();
        for (i, a) in articles.iter().enumerate() {
            if i < split { &mut first } else { &mut second }.add(i, a);
        }
        first.append(second);
        assert_eq!(first.speakers, whole.speakers, "split at {split}");
    }
}

fn briefing(texts: &[&str]) -> Briefing {
    let mut b = Briefing::default();
    for (i, t) in texts.iter().enumerate() {
        b.add(i, &parse(&format!("Talks\n\n{t}\n")));
    }
    b.settle();
    b
}

fn names(b: &Briefing) -> Vec<(Option<&str>, usize)> {
    b.ranked()
        .iter()
        .map(|s| (s.name.as_deref(), s.quotes.len()))
        .collect()
}

#[test]
fn forms_of_one_name_are_one_entry() {
    let b = briefing(&[
        "\"We will stay the course,\" said George W. Bush.",
        "\"The course is right,\" said George Bush.",
        "\"Taxes must fall,\" said Vince Cable.",
        "\"Taxes must fall soon,\" said Vincent Cable.",
    ]);
    assert_eq!(
        names(&b),
        [(Some("George W. Bush"), 2), (Some("Vince Cable"), 2)]
    );
}

#[test]
fn a_surname_alone_joins_the_one_person_of_that_name() {
    let b = briefing(&[
        "\"We will stay the course,\" said President George Bush.",
        "\"The course is right for us,\" said Mr Bush.",
        "\"We will win the seat,\" said Michael Howard.",
        "\"We will win it too,\" said Mrs Howard.",
    ]);
    let ranked = b.ranked();
    let bush = ranked
        .iter()
        .find(|s| s.name.as_deref() == Some("George Bush"));
    assert_eq!(bush.map(|s| s.quotes.len()), Some(2));
    assert!(bush.is_some_and(|s| s.aliases.contains(&"Mr Bush".to_string())));
    let howards: Vec<_> = ranked
        .iter()
        .filter(|s| s.name.as_deref().is_some_and(|n| n.ends_with("Howard")))
        .collect();
    assert_eq!(howards.len(), 2, "{howards:?}");
}

#[test]
fn unnamed_sources_stay_in_their_article() {
    let b = briefing(&[
        "\"The talks are over for now,\" a spokesman said.",
        "\"The fund is empty for now,\" a spokesman said.",
        "\"Yes, we will do it,\" he said.",
    ]);
    assert_eq!(
        names(&b),
        [
            (Some("a spokesman"), 1),
            (Some("a spokesman"), 1),
            (None, 1)
        ]
    );
    assert_eq!(b.ranked()[0].source, Some(Source::Unnamed));
}

#[test]
fn a_bare_name_that_is_an_organisation_elsewhere_joins_it() {
    let b = briefing(&[
        "\"Sales will slow next year,\" Acmeware said in a statement.",
        "\"Prices will rise,\" said Ben Wood, an analyst at Acmeware. \"Sales are up by a \
         third this year,\" Acmeware said.",
    ]);
    let ranked = b.ranked();
    let acme: Vec<_> = ranked
        .iter()
        .filter(|s| s.name.as_deref() == Some("Acmeware"))
        .collect();
    assert_eq!(acme.len(), 1, "{ranked:?}");
    assert_eq!(acme[0].source, Some(Source::Organisation));
    assert_eq!(acme[0].quotes.len(), 2);
}

#[test]
fn a_surname_alone_joins_the_far_most_quoted_of_that_name() {
    let b = briefing(&[
        "\"We will win this race in the end,\" said Hillary Clinton.\n\n\"We must win it for \
         the country,\" said Hillary Clinton.\n\n\"Yes, we are ready for it,\" said Hillary \
         Clinton.",
        "\"It was a good day for us,\" said Bill Clinton.",
        "\"We are ready for the debate,\" Clinton said on Monday.",
    ]);
    let hillary = b
        .ranked()
        .into_iter()
        .find(|s| s.name.as_deref() == Some("Hillary Clinton"))
        .map(|s| s.quotes.len());
    assert_eq!(hillary, Some(4));
}

#[test]
fn an_unnamed_source_is_one_entry_in_its_article() {
    let b = briefing(&[
        "\"The file is closed for now,\" a justice official said.\n\n\"We will not reopen it \
         this year,\" the official said.",
    ]);
    assert_eq!(names(&b), [(Some("a justice official"), 2)]);
}
