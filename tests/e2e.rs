//! The real binary in a real terminal (tmux): open, pick a speaker, jump
//! with `n`, resize, quit, and the shell gets its terminal back; hostile
//! article text never reaches the terminal raw; a panic restores the
//! terminal and prints its message after it. Skipped, with a note, where
//! tmux is not installed.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "fixtures/hostile/article.rs"]
mod hostile;
#[path = "support/tmux.rs"]
mod tmux;

use tmux::{BIN, Tmux, launch, tmux_installed};

/// The people pane's rows (the right-hand pane's text), top to bottom.
fn people_rows(screen: &str) -> Vec<String> {
    screen
        .lines()
        .filter_map(|line| line.rsplit_once("│▸ ").or_else(|| line.rsplit_once("│▾ ")))
        .map(|(_, row)| row.to_owned())
        .collect()
}

#[test]
fn seed_pick_a_speaker_jump_resize_quit() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    if !tmux_installed() || !seeds.is_dir() {
        eprintln!("no tmux or no ../shared/seeds: skipping");
        return;
    }
    let tmux = Tmux::start("seed", 120, 40);
    launch(&tmux, &seeds);
    let screen = tmux.wait("the seed", |s| {
        s.contains("Obstacles Remain") && s.contains("│▸ ")
    });
    assert!(
        screen.contains("The United States and Russia are working"),
        "the lead:\n{screen}"
    );
    let rows = people_rows(&screen);
    // Barack Obama with his two quotes; should the parser not find them,
    // whoever is most quoted.
    let obama = rows
        .iter()
        .position(|r| r.contains("Barack Obama") && r.ends_with(" 2│"));
    if obama.is_none() {
        eprintln!("the parser does not give Barack Obama 2 quotes; using the first person");
    }
    let at = obama.unwrap_or(0);
    tmux.keys(&["p"]);
    for _ in 0..at {
        tmux.keys(&["j"]);
    }
    tmux.keys(&["Enter", "n"]);
    let marked = |s: &str| {
        let wanted = if obama.is_some() { "buy-in" } else { "" };
        s.lines().any(|l| l.contains("│▌ ") && l.contains(wanted)) && s.contains(" of ")
    };
    let screen = tmux.wait("the second quote, marked", marked);
    assert!(screen.contains("2 of "), "{screen}");

    tmux.keys(&["?"]);
    tmux.wait("help", |s| {
        s.contains("Keys") && s.contains("next quote of the person")
    });
    tmux.keys(&["Escape"]);
    tmux.resize(20, 5);
    tmux.wait("the too-small message", |s| {
        s.contains("Terminal too small")
    });
    tmux.resize(120, 40);
    tmux.wait("the panes again", |s| s.contains("People · this article"));
    tmux.quit_and_check_restored();
}

#[test]
fn narrow_overlays_briefing_mode_and_resize() {
    if !tmux_installed() {
        return;
    }
    let ferry: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ferry");
    let tmux = Tmux::start("narrow", 60, 20);
    launch(&tmux, &ferry);
    let screen = tmux.wait("the reader", |s| s.contains("Harbour council agrees"));
    assert!(
        !screen.contains("People ·"),
        "no side panes at 60 columns:\n{screen}"
    );
    tmux.keys(&["a"]);
    tmux.wait("everyone in the briefing", |s| {
        s.contains("People · briefing")
    });
    tmux.keys(&["Enter"]);
    // Ines Okafor is quoted in both articles: `n` goes from one to the other.
    for _ in 0..4 {
        tmux.keys(&["n"]);
    }
    tmux.wait("the fifth quote", |s| s.contains("5 of 6"));
    // The people overlay closed with the jump: the quote is in view.
    let screen = tmux.wait("the second article", |s| {
        s.contains("Ferry union welcomes") && s.lines().any(|l| l.starts_with("│▌ "))
    });
    assert!(!screen.contains("People ·"), "{screen}");
    tmux.resize(120, 40);
    let screen = tmux.wait("three panes", |s| {
        s.contains("Articles 3/3") && s.contains("People ·")
    });
    assert!(screen.contains("Ferry union welcomes"), "{screen}");
    tmux.quit_and_check_restored();
}

#[test]
fn the_sample_briefing_opens() {
    if !tmux_installed() {
        return;
    }
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let tmux = Tmux::start("articles", 120, 40);
    launch(&tmux, &articles);
    let screen = tmux.wait("all ten articles", |s| s.contains("Articles 10/10"));
    assert!(screen.contains("│▸ "), "people listed:\n{screen}");
    tmux.keys(&["o", "G", "Enter"]);
    tmux.wait("the last article", |s| s.lines().any(|l| l.contains("│▶ ")));
    tmux.quit_and_check_restored();
}

/// What in a recording of everything written to the pane could change the
/// terminal beyond brief's screen, or is a raw control or invisible
/// character: anything but CSI sequences, the OSC 52 of a copy (base64),
/// CR and LF.
fn raw_escapes(stream: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(stream);
    let mut found = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                // CSI: parameters and intermediates, then a final byte.
                Some('[') => {
                    for c in chars.by_ref() {
                        if ('\u{40}'..='\u{7e}').contains(&c) {
                            break;
                        }
                        if !(' '..='?').contains(&c) {
                            found.push(format!("a bad CSI byte {c:?}"));
                            break;
                        }
                    }
                }
                Some(']') => {
                    let osc: String = chars.by_ref().take_while(|&c| c != '\u{7}').collect();
                    let copy = osc.strip_prefix("52;c;").is_some_and(|b| {
                        b.chars()
                            .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
                    });
                    if !copy {
                        found.push(format!("OSC {osc:?}"));
                    }
                }
                other => found.push(format!("ESC {other:?}")),
            },
            '\r' | '\n' => {}
            c if hostile::is_unsafe(c) => found.push(format!("{c:?}")),
            _ => {}
        }
    }
    found
}

#[test]
fn the_recording_check_finds_what_would_leak() {
    let fine = "\u{1b}[?1049h\u{1b}[1;1H\u{1b}[38;5;6m␛]0;x␇\u{1b}]52;c;cHduZWQ=\u{7}\r\n";
    assert_eq!(raw_escapes(fine.as_bytes()), Vec::<String>::new());
    for bad in [
        "\u{1b}]0;pwned\u{7}",
        "\u{1b}]2;pwned\u{1b}\\",
        "\u{1b}]52;c;not base64!\u{7}",
        "\u{1b}P1$r\u{1b}\\",
        "a\u{9b}31m",
        "a\u{7}",
        "\u{202e}txt",
        "zero\u{200b}width",
    ] {
        assert!(!raw_escapes(bad.as_bytes()).is_empty(), "{bad:?}");
    }
}

/// The hostile article's folder.
fn hostile_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    hostile::write(dir.path());
    dir
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    if !tmux_installed() {
        return;
    }
    let dir = hostile_folder();
    let log = dir.path().join("pane.log");
    let tmux = Tmux::start("hostile", 120, 40);
    // An OSC 52 reaching tmux would make a paste buffer, an OSC 0 or 2
    // would retitle the pane.
    tmux.run(&["set-option", "-g", "set-clipboard", "on"]);
    tmux.run(&["select-pane", "-t", "0", "-T", "keep-me"]);
    tmux.type_line("echo marker-before-brief");
    let before = tmux.wait("the marker", |s| s.contains("\nmarker-before-brief"));
    // The shell's lines up to the marker's output.
    let marker = before.find("\nmarker-before-brief").expect("the marker");
    let before: Vec<&str> = before[..marker]
        .lines()
        .chain(["marker-before-brief"])
        .collect();
    let record = format!("cat > '{}'", log.display());
    tmux.run(&["pipe-pane", "-o", "-t", "0", &record]);
    launch(&tmux, dir.path());

    let screen = tmux.wait("the article, its person", |s| {
        s.contains("Articles 1/1") && s.contains(&format!("│▸ {}", hostile::SPEAKER))
    });
    for shown in hostile::SHOWN {
        assert!(screen.contains(shown), "{shown:?} shown:\n{screen}");
    }
    assert!(
        screen.contains("│▶ Tide tables ␛]0;pwned␇"),
        "listed:\n{screen}"
    );
    assert!(screen.contains("By Ana� Lima�␛["), "the byline:\n{screen}");
    // Pick the person: her first quote, escapes and all, marked.
    tmux.keys(&["p", "Enter"]);
    let screen = tmux.wait("her first quote", |s| {
        s.contains("Mara Quell: quote 1 of 2") && s.contains("│▌")
    });
    assert!(screen.contains("“Nobody was hurt ␛[31m"), "{screen}");
    assert!(
        screen.contains("Nobody was hurt ␛[31m and nothing� sank�"),
        "{screen}"
    );
    assert_eq!(tmux.flag("pane_title"), "keep-me");
    assert_eq!(tmux.buffers(), "", "nothing reached the clipboard");

    // Copying is the one OSC 52 brief writes, with the text as shown.
    tmux.keys(&["y"]);
    tmux.wait("the copy message", |s| {
        s.contains("copied a quote by Mara Quell")
    });
    let copied = tmux.wait_for_buffer();
    assert!(
        copied.contains("Nobody was hurt ␛[31m") && !copied.chars().any(hostile::is_unsafe),
        "copied {copied:?}"
    );

    tmux.quit_and_check_restored();
    tmux.run(&["pipe-pane", "-t", "0"]);
    assert_eq!(tmux.flag("pane_title"), "keep-me", "the title is unchanged");
    let after = tmux.screen();
    assert_eq!(
        after.lines().take(before.len()).collect::<Vec<_>>(),
        before,
        "the shell's screen is as it was:\n{after}"
    );
    let stream = std::fs::read(&log).expect("the recording");
    assert!(stream.len() > 1000, "brief's output was recorded");
    let bad = raw_escapes(&stream);
    assert!(bad.is_empty(), "written raw to the terminal: {bad:?}");
}

#[test]
fn a_panic_restores_the_terminal_and_prints_its_message_after_it() {
    if !tmux_installed() {
        return;
    }
    let dir = hostile_folder();
    let tmux = Tmux::start("panic", 200, 30);
    tmux.run(&["select-pane", "-t", "0", "-T", "keep-me"]);
    // The debug binary panics after this many frames (a fault compiled into
    // debug builds only, see src/tui/mod.rs); keys draw frames. No
    // backtrace, so that the message stays on the screen.
    tmux.type_line(&format!(
        "RUST_BACKTRACE=0 BRIEF_TEST_PANIC_AFTER_FRAMES=8 {BIN} '{}'; echo exit=$?",
        dir.path().display()
    ));
    tmux.wait("the reader", |s| {
        s.contains("Articles 1/1") && s.contains("Mara Quell")
    });
    let start = Instant::now();
    let screen = loop {
        let screen = tmux.screen();
        if screen.lines().any(|l| l.starts_with("exit=")) {
            break screen;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no panic:\n{screen}"
        );
        tmux.keys(&["j"]);
    };
    // The message is on the shell's screen, after the command, before the
    // exit status: printed once the terminal was restored, harmlessly
    // (it quotes the article's title, escapes and all).
    let lines: Vec<&str> = screen.lines().collect();
    let at = |needle: &str| lines.iter().position(|l| l.contains(needle));
    let (command, panicked, status) = (
        at("BRIEF_TEST_PANIC_AFTER_FRAMES=8"),
        at("panicked at src/tui/mod.rs"),
        at("exit=101"),
    );
    assert!(
        command < panicked && panicked < status && command.is_some(),
        "command, message, exit status in order:\n{screen}"
    );
    assert!(
        screen.contains("injected fault after 8 frames"),
        "the message:\n{screen}"
    );
    assert!(
        screen.contains("reading `Tide tables ␛]0;pwned␇rewritten ␛]2;pwned␛"),
        "the title in the message, made harmless:\n{screen}"
    );
    assert!(!screen.contains('┌'), "the reader is gone:\n{screen}");
    tmux.check_restored();
    assert_eq!(tmux.flag("pane_title"), "keep-me");
    // The shell reads lines again (no raw mode): a `j` sent as brief
    // exited is cleared first.
    tmux.keys(&["C-u"]);
    tmux.type_line("echo prompt-works-$((40 + 2))");
    tmux.wait("the shell to answer", |s| s.contains("\nprompt-works-42"));
}

#[test]
fn the_reader_skips_files_over_max_file_mb() {
    if !tmux_installed() {
        return;
    }
    let dir = tempfile::tempdir().expect("a temporary folder");
    let ferry = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ferry");
    let small = std::fs::read(ferry.join("1-harbour-timetable.txt")).expect("a fixture");
    std::fs::write(dir.path().join("small.txt"), &small).expect("writing");
    // Just over a megabyte of prose.
    let big = "The tide came in and the tide went out again. ".repeat(24_000);
    assert!(big.len() > 1024 * 1024);
    std::fs::write(dir.path().join("big.txt"), big).expect("writing");
    let tmux = Tmux::start_with("max-file", 120, 40, "max_file_mb = 1\n");
    launch(&tmux, dir.path());
    let screen = tmux.wait("one article of two, one skipped", |s| {
        s.contains("Articles 1/2") && s.contains("1 file could not be read")
    });
    assert!(screen.contains("Harbour council agrees"), "{screen}");
    tmux.quit_and_check_restored();
}
