//! The most quoted entries of `brief quotes` over the BBC set in
//! `../shared/corpus/bbc`, checked as a journalist would: no pronoun or
//! unresolved description among them, organisations and groups typed as
//! such, no person twice, no man and woman merged. Skips when the corpus is
//! not beside the project.

use std::path::Path;

use serde_json::Value;

const CORPUS: &str = "../shared/corpus/bbc";

/// Names the BBC set's stories quote that are no people.
const NOT_PEOPLE: &[&str] = &[
    "analysts",
    "the company",
    "the report",
    "the government",
    "the tories",
    "tories",
    "mps",
    "microsoft",
    "gartner",
    "yukos",
    "labour",
    "critics",
    "the financial times",
    "financial times",
    "conservatives",
    "lib dems",
    "liberal democrats",
];

fn str_of<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

#[test]
fn the_most_quoted_are_people_once_each_or_typed() {
    if !Path::new(CORPUS).is_dir() {
        eprintln!("skipped: no corpus at {CORPUS}");
        return;
    }
    let out = assert_cmd::Command::cargo_bin("brief")
        .expect("binary")
        .args(["quotes", "--json", CORPUS])
        .output()
        .expect("brief runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let top: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
        .filter(|s| !s["speaker"].is_null())
        .take(100)
        .collect();
    assert_eq!(top.len(), 100);
    let mut problems = Vec::new();
    for s in &top {
        let name = str_of(s, "speaker").unwrap_or_default();
        let lower = name.to_lowercase();
        let source = str_of(s, "source").unwrap_or_default();
        if ["he", "she", "they", "it", "i", "we", "you"].contains(&lower.as_str()) {
            problems.push(format!("a pronoun: {name}"));
        }
        let description = ["the ", "a ", "an "]
            .iter()
            .any(|d| name.starts_with(d) && name[d.len()..].starts_with(char::is_lowercase));
        if source == "unnamed" || description {
            problems.push(format!("a description: {name} ({source})"));
        }
        if NOT_PEOPLE.contains(&lower.as_str()) && !["organisation", "group"].contains(&source) {
            problems.push(format!("not typed: {name} ({source})"));
        }
        let aliases: Vec<&str> = s["aliases"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let man = aliases
            .iter()
            .any(|a| a.starts_with("Mr ") || a.starts_with("Mr. "));
        let woman = aliases.iter().any(|a| {
            ["Mrs ", "Mrs. ", "Ms ", "Ms. ", "Miss "]
                .iter()
                .any(|h| a.starts_with(h))
        });
        if man && woman {
            problems.push(format!("a man and a woman merged: {name} {aliases:?}"));
        }
    }
    // No person twice: no name the last words of another (`Cook`, `Robin
    // Cook`).
    let people: Vec<Vec<&str>> = top
        .iter()
        .filter(|s| str_of(s, "source") == Some("person"))
        .filter_map(|s| str_of(s, "speaker"))
        .map(|n| n.split(' ').collect())
        .collect();
    for a in &people {
        for b in &people {
            if a.len() < b.len() && b.ends_with(a) {
                problems.push(format!("twice: {} and {}", a.join(" "), b.join(" ")));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}
