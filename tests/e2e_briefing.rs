//! Reading a briefing in a real terminal (tmux): back one level with `q`,
//! the next article with `J`, the list filtered with `/`, the overview,
//! and what the reader remembers from one session to the next. Skipped,
//! with a note, where tmux is not installed.

use std::path::Path;

#[path = "support/tmux.rs"]
mod tmux;

use tmux::{Tmux, launch, tmux_installed};

fn ferry() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ferry")
}

#[test]
fn q_goes_back_j_reads_on_slash_filters_v_overviews() {
    if !tmux_installed() {
        return;
    }
    let tmux = Tmux::start("briefing", 120, 40);
    launch(&tmux, &ferry());
    tmux.wait("the reader", |s| s.contains("│▶ Harbour council"));
    tmux.keys(&["?"]);
    tmux.wait("help", |s| s.contains("┌ Keys"));
    tmux.keys(&["q"]);
    let screen = tmux.wait("help closed", |s| !s.contains("┌ Keys"));
    assert!(screen.contains("┌ Articles"), "brief still runs:\n{screen}");
    tmux.keys(&["J"]);
    tmux.wait("the next article", |s| s.contains("│▶ Ferry union"));
    tmux.keys(&["o", "/"]);
    for key in ["h", "o", "s", "t", "i", "l", "e"] {
        tmux.keys(&[key]);
    }
    // Fuzzy, best first: the article whose title has the word on top.
    let screen = tmux.wait("the list filtered", |s| s.contains("/hostile"));
    let first = screen.lines().nth(1).unwrap_or_default();
    assert!(first.contains("Hostile bytes"), "{screen}");
    assert!(!screen.contains("Articles 3/3"), "{screen}");
    tmux.keys(&["Enter", "Escape"]);
    tmux.wait("the filter cleared", |s| s.contains("Articles 3/3"));
    tmux.keys(&["v"]);
    tmux.wait("the overview", |s| {
        s.contains("Overview:") && s.contains("Most quoted")
    });
    tmux.keys(&["q"]);
    tmux.wait("the panes again", |s| s.contains("┌ Articles"));
    tmux.quit_and_check_restored();
}

#[test]
fn the_reading_state_survives_a_restart() {
    if !tmux_installed() {
        return;
    }
    let tmux = Tmux::start("state", 100, 16);
    launch(&tmux, &ferry());
    tmux.wait("the reader", |s| s.contains("│▶ Harbour council"));
    // Newest first, the article before this one in that list, a page down.
    tmux.keys(&["S", "K", "space"]);
    let screen = tmux.wait("the page", |s| s.contains("newest first"));
    let line = |s: &str| {
        s.lines()
            .find_map(|l| l.split("line ").nth(1))
            .and_then(|rest| rest.split('/').next())
            .map(str::to_owned)
    };
    let left_at = line(&screen).expect("the reader's line in the status");
    assert_ne!(left_at, "1", "{screen}");
    tmux.quit_and_check_restored();
    tmux.type_line("clear");
    launch(&tmux, &ferry());
    let screen = tmux.wait("the list, in the kept order", |s| {
        s.contains("newest first") && s.contains("│▶")
    });
    assert!(screen.contains("newest first"), "{screen}");
    tmux.keys(&["K"]);
    let screen = tmux.wait("the article where it was left", |s| {
        line(s).is_some_and(|l| l == left_at)
    });
    assert!(!screen.contains("line 1/"), "{screen}");
    tmux.quit_and_check_restored();
}

#[test]
fn e_exports_a_persons_quotes_and_e_opens_the_editor_and_comes_back() {
    if !tmux_installed() {
        return;
    }
    let tmux = Tmux::start("export", 120, 40);
    tmux.type_line(&format!(
        "EDITOR=cat {} '{}'; echo exit=$?",
        tmux::BIN,
        ferry().display()
    ));
    tmux.wait("the reader", |s| s.contains("│▶ Harbour council"));
    tmux.keys(&["p", "Enter", "E"]);
    tmux.wait("the export", |s| s.contains("exported to"));
    let file = tmux.home().join("data/brief/exports/ines-okafor.md");
    let text = std::fs::read_to_string(&file).expect("the exported file");
    assert!(text.starts_with("## Ines Okafor"), "{text}");
    assert!(text.contains("\n> "), "{text}");
    // The editor (here `cat`) has the terminal, then the reader is back.
    tmux.keys(&["e"]);
    tmux.wait("the reader again", |s| {
        s.contains("┌ Articles") && s.contains("│▶ Harbour council")
    });
    tmux.keys(&["J"]);
    tmux.wait("keys work", |s| s.contains("│▶ Ferry union"));
    tmux.quit_and_check_restored();
}
