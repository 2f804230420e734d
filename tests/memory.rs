//! Memory per byte of input: the most heap that parsing an article and
//! writing its JSON line (`brief parse --json`), or keeping its quotes
//! (`brief quotes --json`), takes for the inputs that cost most for their
//! size is a bounded multiple of the text. Counted by a global allocator
//! of this test's own, so the checks are exact and all run in one test:
//! another test running beside it would count too.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use brief::article::Article;
use brief::article::parse_owned;
use brief::library::Document;
use brief::output::{ArticleQuotes, article_json};

/// The system allocator, counting the bytes in use and the most in use.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static MOST: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call goes to the system allocator as it came; only the
// counts are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        MOST.fetch_max(now, Ordering::Relaxed);
        // SAFETY: as the caller promised.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as the caller promised.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static COUNTING: Counting = Counting;

/// The most heap in use while `text` is parsed and `keep` makes what is
/// kept of it, beyond what was in use before (the text itself among it).
fn peak<T>(text: String, keep: impl Fn(Article) -> T) -> usize {
    let before = IN_USE.load(Ordering::Relaxed);
    MOST.store(before, Ordering::Relaxed);
    drop(keep(parse_owned(text)));
    MOST.load(Ordering::Relaxed) - before
}

/// `pieces` over and over, in turn, up to `size` bytes.
fn repeat(pieces: &[&str], size: usize) -> String {
    let mut text = String::with_capacity(size + 64);
    for piece in pieces.iter().cycle() {
        if text.len() >= size {
            break;
        }
        text.push_str(piece);
    }
    text
}

#[test]
fn parsing_takes_a_bounded_multiple_of_the_text() {
    const SIZE: usize = 1 << 18;
    let inputs = [
        // One paragraph a line, each of a few bytes.
        (
            "short lines",
            repeat(&["Yes.\n", "a\n", "\"Hi,\" he said.\n", "Mr Lima:\n"], SIZE),
            14,
        ),
        ("one letter a line", repeat(&["a\n"], SIZE), 30),
        ("quote marks", repeat(&["\"\"\"\"\"\"\"“", "”"], SIZE), 10),
        (
            "quotes a few bytes apart",
            repeat(&["\"a\" ", "\"Yes,\" he said. "], SIZE),
            12,
        ),
        (
            "one long paragraph",
            repeat(
                &[
                    "\"We will not sign this,\" said Ana Lima. ",
                    "President Tom Berg told reporters that the talks had stalled. ",
                    "“It gives away too much,” Maria Lopez said. ",
                ],
                SIZE,
            ),
            // A quote every 50 bytes, each with about 180 bytes of JSON
            // fields around its words.
            11,
        ),
    ];
    let mut failed = Vec::new();
    let path = Path::new("a.txt");
    for (name, text, most) in inputs {
        let len = text.len() as f64;
        let parse = peak(text.clone(), |a| article_json(&Document::file(path, a))) as f64 / len;
        let quotes = peak(text, |a| ArticleQuotes::new(Document::file(path, a), true)) as f64 / len;
        for (command, ratio) in [("parse", parse), ("quotes", quotes)] {
            if ratio > f64::from(most) {
                failed.push(format!(
                    "{name}, {command}: {ratio:.1} bytes a byte, {most} allowed"
                ));
            }
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}
