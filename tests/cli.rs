//! The command line, run as a user runs it: exit codes, messages, output.

use std::fs;

use assert_cmd::Command;
use predicates::prelude::*;

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

#[test]
fn escape_sequences_never_reach_the_output_raw() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("evil.txt"),
        "Title \u{1b}]0;pwned\u{7}\n\nA paragraph with \u{1b}[2J a clear-screen and \u{9b}31m a C1 CSI, long enough.\n",
    )
    .unwrap();
    for args in [vec!["parse"], vec!["parse", "--json"]] {
        let out = brief()
            .args(&args)
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert!(!out.contains(&0x1b) && !String::from_utf8(out).unwrap().contains('\u{9b}'));
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
