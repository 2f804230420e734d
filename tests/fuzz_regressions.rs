//! Inputs the fuzz targets in `fuzz/` once crashed on or were slow on, kept
//! in `tests/fuzz_regressions/`: each is decoded and parsed as brief reads a
//! file, the article checked against the parser's invariants, and drawn by
//! the reader the way the `render` target does. Files named `render-*` hold
//! the `render` target's input (size and action bytes first), `reader-*`
//! files the `reader` target's (a session of terminal events); the others
//! are articles, drawn at a few sizes.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use brief::article::{decode, parse};

#[path = "support/invariants.rs"]
mod invariants;
#[path = "support/render.rs"]
mod render;
#[path = "support/screen.rs"]
mod screen;
#[path = "support/session.rs"]
mod session;

/// Generous for a debug build; the inputs are small, so anything slower is
/// the non-linear behaviour they were kept for.
const SLOW: Duration = Duration::from_secs(5);

/// The render script for plain articles: focus the people, pick one, make
/// the terminal smaller than the minimum, step to the next quote, copy,
/// search.
const PICK_SHRINK_STEP: [u8; 12] = [0, 4, 0, 13, 0x1f, 30, 0, 16, 0, 20, 0, 18];

fn inputs() -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz_regressions")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("a regression input"))
        })
        .collect()
}

#[test]
fn there_are_regression_inputs() {
    assert!(!inputs().is_empty());
}

#[test]
fn parse_keeps_the_invariants() {
    for (name, bytes) in inputs() {
        if name.starts_with("reader-") {
            continue;
        }
        let article_bytes = if name.starts_with("render-") {
            render::split(&bytes).3
        } else {
            &bytes[..]
        };
        let started = Instant::now();
        let article = parse(&decode(article_bytes));
        assert!(
            started.elapsed() < SLOW,
            "{name}: parse took {:?}",
            started.elapsed()
        );
        invariants::check(&article);
    }
}

#[test]
fn the_reader_draws_them() {
    for (name, bytes) in inputs() {
        let started = Instant::now();
        if name.starts_with("reader-") {
            session::run(&bytes);
        } else if name.starts_with("render-") {
            let (width, height, script, article) = render::split(&bytes);
            render::render(parse(&decode(article)), width, height, script);
        } else {
            let article = parse(&decode(&bytes));
            for (width, height) in [(120, 40), (60, 20), (1, 1)] {
                render::render(article.clone(), width, height, &PICK_SHRINK_STEP);
            }
        }
        assert!(
            started.elapsed() < SLOW,
            "{name}: drawing took {:?}",
            started.elapsed()
        );
    }
}

/// Sessions of pseudo-random events on both briefings, so that the
/// `reader` fuzz target's harness is exercised by `cargo test` too.
#[test]
fn random_sessions_on_both_briefings() {
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut byte = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state as u8
    };
    for briefing in 0..12u8 {
        let mut data = vec![briefing];
        data.extend((0..3 * 60).map(|_| byte()));
        session::run(&data);
    }
}
