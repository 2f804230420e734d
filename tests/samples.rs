//! The sample briefing in `articles/`: each article's outline, held as an
//! insta snapshot, and the shapes the samples were written to cover.

use std::path::Path;

use brief::article::{Article, QuoteKind, parse};
use brief::library::Document;
use brief::output::article_outline;

fn sample(name: &str) -> Article {
    let path = Path::new("articles").join(name);
    let bytes = std::fs::read(&path).expect("sample article");
    parse(&brief::article::decode(&bytes))
}

#[test]
fn outlines() {
    let mut names: Vec<_> = std::fs::read_dir("articles")
        .expect("articles folder")
        .map(|e| {
            e.expect("entry")
                .file_name()
                .into_string()
                .expect("utf-8 name")
        })
        .collect();
    names.sort();
    assert!(names.len() >= 8);
    for name in names {
        let document = Document::file(Path::new("articles").join(&name), sample(&name));
        let outline = article_outline(&document);
        insta::assert_snapshot!(name, outline);
    }
}

#[test]
fn split_quote_and_pronoun_speaker() {
    let a = sample("01-geneva-climate-talks.txt");
    let tevaite: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| {
            q.kind == QuoteKind::Direct && a.speaker_name(q).as_deref() == Some("Mahina Tevaite")
        })
        .collect();
    assert!(
        tevaite.len() >= 3,
        "the split quote and the pronoun's quote"
    );
    assert_eq!(a.show(a.dateline.expect("dateline")), "GENEVA (Reuters) -");
}

#[test]
fn title_role_and_short_names() {
    let a = sample("05-washington-trade-summit.txt");
    let ruiz = a
        .people
        .iter()
        .find(|p| p.name == "Lucía Ferreyra")
        .expect("the minister");
    assert_eq!(ruiz.role.as_deref(), Some("Foreign Minister"));
    assert!(ruiz.aliases.iter().any(|a| a == "Ms Ferreyra"));
    assert!(ruiz.aliases.iter().any(|a| a == "Ferreyra"));
}

#[test]
fn markdown_article() {
    let a = sample("02-estrava-central-bank-holds-rates.md");
    assert_eq!(a.show(a.kicker.expect("kicker")), "Markets");
    assert!(a.sections.iter().filter(|s| s.heading.is_some()).count() >= 3);
    assert!(
        a.quotes
            .iter()
            .any(|q| a.speaker_name(q).as_deref() == Some("a ministry spokesperson"))
    );
}

#[test]
fn wire_copy_is_joined_into_paragraphs() {
    let a = sample("04-oslo-coral-reef-discovery.txt");
    assert_eq!(a.show(a.dateline.expect("dateline")), "OSLO, March 4 -");
    let paragraphs: Vec<String> = a.paragraphs().map(|p| a.show(p)).collect();
    assert!(paragraphs.len() >= 8);
    assert!(paragraphs.iter().all(|p| !p.contains("    ")));
}

/// `brief quotes` over the sample briefing, as text and as JSON Lines: the
/// people of all ten articles, most quoted first, each quote with its
/// article.
#[test]
fn quotes_of_the_briefing() {
    for (name, args) in [
        ("quotes", &["quotes", "articles"][..]),
        ("quotes-json", &["quotes", "--json", "articles"]),
    ] {
        let out = assert_cmd::Command::cargo_bin("brief")
            .expect("binary")
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).expect("utf-8");
        if name == "quotes-json" {
            for line in out.lines() {
                let speaker: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                let keys: Vec<_> = speaker.as_object().expect("object").keys().collect();
                assert_eq!(keys, ["aliases", "quotes", "role", "source", "speaker"]);
                for q in speaker["quotes"].as_array().expect("quotes") {
                    assert!(q["path"].is_string() && q["text"].is_string(), "{q}");
                }
            }
        }
        insta::assert_snapshot!(name, out);
    }
}
