//! A bad `config.toml` stops brief before the terminal is touched, with a
//! message naming the file, line and column and what is allowed.

use assert_cmd::Command;
use predicates::str::contains;

fn brief_with(config: &str) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config).unwrap();
    Command::cargo_bin("brief")
        .unwrap()
        .env("BRIEF_CONFIG", &path)
        .arg(dir.path())
        .assert()
}

#[test]
fn a_bad_colour_is_named_with_its_place() {
    brief_with("[theme]\nheading = \"mauve\"\n")
        .failure()
        .stderr(contains("config.toml:2:11: bad colour `mauve`: use a name"));
}

#[test]
fn two_actions_on_one_key_are_refused() {
    brief_with("[keys]\npgdn = \"quit\"\nPageDown = \"help\"\n")
        .failure()
        .stderr(contains("are the same key, bound to two actions"));
}

#[test]
fn a_missing_config_file_is_named() {
    Command::cargo_bin("brief")
        .unwrap()
        .env("BRIEF_CONFIG", "/nonexistent/brief.toml")
        .assert()
        .failure()
        .stderr(contains("/nonexistent/brief.toml: cannot read"));
}
