//! The command line, run as a user runs it: exit codes, messages, output.

use std::fs;

use assert_cmd::Command;
use brief::article::text::visible;
use predicates::prelude::*;

#[path = "fixtures/hostile/article.rs"]
mod hostile;

fn brief() -> Command {
    Command::cargo_bin("brief").expect("binary")
}

const STORY: &str = "World\n\nCity shuts its oldest bridge\n\nBy Ana Lima  March 3, 2025\n\n\
    The council voted on Tuesday to close the old bridge for repairs that will take two years.\n\n\
    \"We had no choice, the bridge is not safe any more,\" Mayor Tom Berg told reporters.\n";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("b.txt"), STORY).unwrap();
    fs::write(
        dir.path().join("a.md"),
        "# Short\n\nA one-line story that is long enough to be a paragraph here.\n",
    )
    .unwrap();
    dir
}

/// Runs brief with `args` on `path`, expecting success, and reads its JSON Lines.
fn json_lines(args: &[&str], path: &std::path::Path) -> Vec<serde_json::Value> {
    let out = brief()
        .args(args)
        .arg(path)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect()
}

#[test]
fn parse_json_is_one_sorted_object_per_article() {
    let dir = folder();
    let lines = json_lines(&["parse", "--json"], dir.path());
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["path"].as_str().unwrap().ends_with("a.md"));
    let story = &lines[1];
    assert_eq!(story["title"], "City shuts its oldest bridge");
    assert_eq!(story["kicker"], "World");
    assert_eq!(story["authors"], serde_json::json!(["Ana Lima"]));
    assert_eq!(story["published"], "2025-03-03");
    let quote = &story["quotes"][0];
    assert_eq!(quote["kind"], "direct");
    assert_eq!(quote["speaker"], "Tom Berg");
    assert_eq!(quote["mention"], "Tom Berg");
    let (start, end) = (
        quote["start"].as_u64().unwrap() as usize,
        quote["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &STORY[start..end],
        "We had no choice, the bridge is not safe any more"
    );
    assert_eq!(story["people"][0]["name"], "Tom Berg");
    assert_eq!(story["people"][0]["role"], "Mayor");
    assert_eq!(story["people"][0]["quotes"], 1);
}

#[test]
fn parse_outline() {
    let dir = folder();
    brief()
        .arg("parse")
        .arg(dir.path().join("b.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "title:     City shuts its oldest bridge",
        ))
        .stdout(predicate::str::contains("— Tom Berg"));
}

#[test]
fn quotes_by_speaker() {
    let dir = folder();
    brief()
        .args(["quotes", "--speaker", "berg"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Tom Berg (Mayor): 1 quotes"));
    brief()
        .args(["quotes", "--speaker", "nobody"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout("");
    let first = &json_lines(&["quotes", "--json"], dir.path())[0];
    assert_eq!(first["speaker"], "Tom Berg");
    assert_eq!(first["quotes"][0]["title"], "City shuts its oldest bridge");
}

#[test]
fn quotes_as_markdown_for_citation() {
    let dir = folder();
    fs::write(
        dir.path().join("c.txt"),
        "Traffic\n\nDrivers queued for an hour at the ferry on Wednesday morning.\n\n\
         Tom Berg said the bridge would reopen in the spring of next year.\n",
    )
    .unwrap();
    let out = brief()
        .args(["quotes", "--format", "markdown", "--speaker", "berg"])
        .arg(dir.path())
        .output()
        .expect("brief runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let b = dir.path().join("b.txt").display().to_string();
    assert!(text.starts_with("## Tom Berg, Mayor\n\n"), "{text}");
    assert!(
        text.contains(&format!(
            "> We had no choice, the bridge is not safe any more\n\n— *City shuts its oldest \
             bridge*, Ana Lima, 2025-03-03, <{b}>\n"
        )),
        "{text}"
    );
    assert!(
        text.contains("Paraphrase: Tom Berg said that the bridge would reopen in the spring"),
        "{text}"
    );
    assert_eq!(text.matches("> ").count(), 1, "one block per direct quote");
    brief()
        .args(["quotes", "--json", "--format", "markdown"])
        .arg(dir.path())
        .assert()
        .code(2);
}

#[test]
fn bad_files_are_named_and_the_rest_still_parse() {
    let dir = folder();
    fs::write(dir.path().join("c.txt"), b"\x00\x01binary\x00").unwrap();
    fs::write(
        dir.path().join("d.txt"),
        b"Caf\xe9 \xff\xfe story with bad bytes in it, read all the same.",
    )
    .unwrap();
    let out = brief()
        .args(["parse", "--json"])
        .arg(dir.path())
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("c.txt: not a text file"))
        .stderr(predicate::str::contains("missing.txt: no such file"))
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 3);
}

/// Every string in a JSON value, keys included.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                out.push(k.clone());
                strings(v, out);
            }
        }
        _ => {}
    }
}

#[test]
fn escape_sequences_never_reach_the_output_raw() {
    let dir = tempfile::tempdir().unwrap();
    hostile::write(dir.path());
    for args in [&["parse"][..], &["quotes"]] {
        let out = brief().args(args).arg(dir.path()).assert().success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let raw: Vec<char> = text
            .chars()
            .filter(|&c| c != '\n' && hostile::is_unsafe(c))
            .collect();
        assert!(raw.is_empty(), "{args:?}: {raw:?} in\n{text}");
        assert!(text.contains("Mara Quell"), "{args:?}:\n{text}");
    }
    let article = &json_lines(&["parse", "--json"], dir.path())[0];
    assert_eq!(
        article["title"],
        "Tide tables \u{241b}]0;pwned\u{2407}rewritten \u{241b}]2;pwned\u{241b}\\ overnight \u{fffd}in Port Vell"
    );
    let speakers = json_lines(&["quotes", "--json"], dir.path());
    assert_eq!(speakers[0]["speaker"], hostile::SPEAKER);
    let mut paragraphs = Vec::new();
    strings(&article["sections"], &mut paragraphs);
    for shown in &hostile::SHOWN[1..] {
        assert!(paragraphs.iter().any(|p| p.contains(shown)), "{shown:?}");
    }
    assert!(
        speakers[0]["quotes"][0]["text"]
            .as_str()
            .is_some_and(|q| q.contains("Nobody was hurt \u{241b}[31m"))
    );
    for value in [article].into_iter().chain(&speakers) {
        let mut all = Vec::new();
        strings(value, &mut all);
        let joined = all.join("\n");
        let raw: Vec<char> = joined
            .chars()
            .filter(|&c| c != '\n' && hostile::is_unsafe(c))
            .collect();
        assert!(raw.is_empty(), "{raw:?} in {value}");
    }
}

#[test]
fn names_holding_invisible_letters_are_shown_harmlessly() {
    // Hangul fillers are letters to the tokenizer, so they stay inside a
    // name's words, and names are printed apart from the article's text.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Talks end\n\n\"We came to sign,\" said Ana Ru\u{115f}iz, the minister.\n\n\
         \"We will be back,\" Ru\u{115f}iz said.\n",
    )
    .unwrap();
    for args in [&["parse"][..], &["quotes"]] {
        let out = brief().args(args).arg(dir.path()).assert().success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let raw: Vec<char> = text
            .chars()
            .filter(|&c| c != '\n' && visible(c).is_some())
            .collect();
        assert!(raw.is_empty(), "{args:?}: {raw:?} in\n{text}");
        assert!(text.contains("Ana Ru\u{fffd}iz"), "{args:?}:\n{text}");
    }
}

#[test]
fn articles_are_never_written() {
    let dir = folder();
    let path = dir.path().join("b.txt");
    let before = fs::metadata(&path).unwrap().modified().unwrap();
    brief()
        .args(["parse", "--json"])
        .arg(dir.path())
        .assert()
        .success();
    assert_eq!(fs::read_to_string(&path).unwrap(), STORY);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), before);
}

#[test]
fn usage_errors() {
    brief()
        .arg("parse")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("PATHS"));
}

/// `brief parse *` may hand clap a file name that it takes for an option:
/// clap's message quotes it, made safe like all brief prints, also where
/// clap would pass it raw to a terminal (`CLICOLOR_FORCE`).
#[test]
fn usage_errors_show_arguments_safely() {
    let name = "--\u{1b}]0;TITLE\u{7}\u{9b}31m.txt";
    for force in ["0", "1"] {
        let out = brief()
            .args(["parse", name])
            .env("CLICOLOR_FORCE", force)
            .assert()
            .code(2);
        let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
        let raw: Vec<char> = stderr
            .chars()
            .filter(|&c| c != '\n' && hostile::is_unsafe(c))
            .collect();
        assert!(raw.is_empty(), "{raw:?} in\n{stderr}");
        assert!(
            stderr.starts_with("error: unexpected argument '--␛]0;TITLE␇\u{fffd}31m.txt'"),
            "{stderr}"
        );
    }
    brief()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: brief"));
    brief()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("brief "));
}
