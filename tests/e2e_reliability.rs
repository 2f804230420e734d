//! The reader in a real terminal (tmux) under what a person or the system
//! may do to it: the signals that end a program, stopping and continuing
//! it, terminals smaller than it can draw in, articles too long to lay out
//! between two keys. Each time the terminal comes back as it was.
//! Skipped, with a note, where tmux is not installed.

use std::path::Path;
use std::time::{Duration, Instant};

#[path = "support/tmux.rs"]
mod tmux;

use tmux::{Tmux, launch, tmux_installed};

fn ferry() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ferry")
}

#[test]
fn ending_signals_restore_the_terminal_and_exit_with_128_and_the_signal() {
    if !tmux_installed() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let saved = dir.path().join("tty");
    let tmux = Tmux::start("signals", 100, 30);
    tmux.save_tty(&saved);
    for (signal, status) in [("TERM", 143), ("HUP", 129), ("INT", 130), ("QUIT", 131)] {
        tmux.keys(&["C-u"]);
        tmux.type_line("clear");
        launch(&tmux, &ferry());
        tmux.wait("the reader", |s| s.contains("Harbour council agrees"));
        tmux.signal(tmux.child_pid(), signal);
        let exit = format!("exit={status}");
        // The status line, maybe after a prompt; not the command line.
        let screen = tmux.wait(&exit, |s| {
            s.lines()
                .any(|l| l.trim_start_matches(['#', '$', ' ']).starts_with("exit="))
        });
        assert!(screen.contains(&exit), "after SIG{signal}:\n{screen}");
        assert!(!screen.contains('┌'), "the reader is gone:\n{screen}");
        tmux.check_restored();
        tmux.check_tty_as_saved(&saved);
    }
}

#[test]
fn ctrl_z_and_sigtstp_give_the_terminal_back_and_fg_draws_again() {
    if !tmux_installed() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let saved = dir.path().join("tty");
    let tmux = Tmux::start("suspend", 100, 30);
    tmux.save_tty(&saved);
    // No `; echo` after it: the shell would run that once brief stops.
    tmux.type_line(&format!("{} '{}'", tmux::BIN, ferry().display()));
    tmux.wait("the reader", |s| s.contains("Harbour council agrees"));
    let pid = tmux.child_pid();
    for stop in ["ctrl-z", "SIGTSTP"] {
        tmux.keys(&["C-u"]);
        if stop == "ctrl-z" {
            tmux.keys(&["C-z"]);
        } else {
            tmux.signal(pid, "TSTP");
        }
        let screen = tmux.wait("the shell", |s| s.contains("Stopped"));
        assert!(!screen.contains('┌'), "after {stop}:\n{screen}");
        tmux.check_restored();
        tmux.check_tty_as_saved(&saved);
        tmux.type_line("clear; fg");
        let screen = tmux.wait("the reader again", |s| {
            s.contains("Harbour council agrees") && s.contains("┌ Articles")
        });
        assert!(screen.contains("People ·"), "drawn whole:\n{screen}");
        assert_eq!(tmux.flag("alternate_on"), "1");
        assert_eq!(tmux.flag("mouse_any_flag"), "1");
        // Keys work again.
        tmux.keys(&["o", "j", "Enter"]);
        tmux.wait("the second article", |s| s.contains("│▶ Ferry union"));
        tmux.keys(&["o", "k", "Enter"]);
        tmux.wait("the first article", |s| s.contains("│▶ Harbour council"));
    }
    tmux.keys(&["q"]);
    tmux.type_line("echo exit=$?");
    tmux.wait("the exit status", |s| s.contains("exit=0"));
    tmux.check_restored();
    tmux.check_tty_as_saved(&saved);
}

#[test]
fn keys_below_the_minimum_size_and_back() {
    if !tmux_installed() {
        return;
    }
    let tmux = Tmux::start("tiny", 120, 40);
    launch(&tmux, &ferry());
    tmux.wait("the reader", |s| s.contains("Harbour council agrees"));
    // The second article open, everyone's quotes picked, then keys in a
    // terminal too small to lay anything out.
    tmux.keys(&["o", "j", "Enter", "a", "Enter"]);
    tmux.wait("a person's quotes", |s| s.contains(" of "));
    for (width, height) in [(30, 6), (1, 1), (39, 7)] {
        tmux.resize(width, height);
        tmux.keys(&["n", "n", "y", "/", "a", "Enter", "N", "j", "G"]);
    }
    tmux.resize(120, 40);
    tmux.wait("the panes again", |s| s.contains("People · briefing"));
    tmux.quit_and_check_restored();
}

#[test]
fn q_is_answered_while_a_long_article_is_laid_out() {
    if !tmux_installed() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut text = String::from("Quotes all the way down\n\n");
    let mut n = 0;
    while text.len() < 3_000_000 {
        text.push_str(&format!(
            "\"The ferry leaves at {n},\" Ana Ruiz said on Monday.\n\n"
        ));
        n += 1;
    }
    std::fs::write(dir.path().join("long.txt"), text).expect("writing");
    let tmux = Tmux::start("long", 120, 40);
    launch(&tmux, dir.path());
    tmux.wait("the article listed", |s| s.contains("Articles 1/1"));
    // Widths change and keys come while the layout is being made.
    tmux.resize(100, 30);
    tmux.resize(120, 40);
    tmux.keys(&["j"]);
    let pressed = Instant::now();
    tmux.keys(&["q"]);
    tmux.wait("the shell", |s| s.contains("exit=0"));
    assert!(
        pressed.elapsed() < Duration::from_secs(3),
        "q took {:?}",
        pressed.elapsed()
    );
    tmux.check_restored();
}
