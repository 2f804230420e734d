//! How fast the parser is: throughput on article-shaped text on one core,
//! and pathological 5 MB inputs, each of which must parse in under a second
//! (parsing is linear in the input). Run with `cargo bench --bench parse`.

use brief::article::parse;
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const SIZE: usize = 5 * 1024 * 1024;

/// Repeats `unit` up to about `SIZE` bytes.
fn fill(unit: &str) -> String {
    unit.repeat(SIZE / unit.len().max(1) + 1)
}

/// A news article written for this benchmark, as many times as fit.
fn articles() -> String {
    let story = "World\n\nTalks on river treaty end without a deal\n\nBy Ana Lima and Tom Berg  March 3, 2025 4:12 PM\n\n\
        GENEVA (Reuters) - Talks on a treaty to share the Lorne river ended without a deal on Monday, as delegates \
        from both banks left the table early.\n\n\
        Foreign Minister Ana Ruiz said the two sides were still far apart on how much water each could take.\n\n\
        \"We came here to sign, not to talk about talking,\" Ruiz told reporters. \"We will come back when they are ready.\"\n\n\
        What comes next\n\n\
        A senior diplomat, who asked not to be named, said another round was planned for April in Vienna.\n\n\
        \"It is a setback, not the end,\" said Ms Ruiz, according to a transcript released by her office.\n\n";
    fill(story)
}

#[divan::bench]
fn throughput(bencher: Bencher) {
    let text = articles();
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| parse(black_box(&text)));
}

/// The BBC corpus beside the project (`../shared/corpus/bbc`), when it is
/// there: real articles of a few kilobytes each, so per-article costs count.
fn corpus() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bbc");
    // Their decoded text, as brief reads them.
    let max_bytes = brief::library::DEFAULT_MAX_BYTES;
    let options = brief::library::Options::new(max_bytes);
    brief::library::load_all(&[dir.into()], &options, |doc| doc.article.text).documents
}

#[divan::bench(sample_count = 20)]
fn real_articles(bencher: Bencher) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    if bytes == 0 {
        eprintln!("no corpus at ../shared/corpus/bbc: nothing to measure");
        return;
    }
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for t in &texts {
            black_box(parse(black_box(t)));
        }
    });
}

#[divan::bench(args = ["all quotes", "curly quotes", "no spaces", "one paragraph", "no stops", "many speakers", "headings", "short lines"], sample_count = 3)]
fn pathological(bencher: Bencher, kind: &str) {
    let words = [
        "the",
        "said",
        "Obama",
        "\"We",
        "will",
        ",\"",
        "he",
        "told",
        "reporters",
        "that",
        "Mr",
        "Smith",
        ".",
    ];
    let text = match kind {
        "all quotes" => fill("\"a\" "),
        "curly quotes" => fill("“"),
        "no spaces" => "x".repeat(SIZE),
        "one paragraph" => (0..SIZE / 5)
            .map(|i| words[i * 7 % words.len()])
            .collect::<Vec<_>>()
            .join(" "),
        // Names and pronouns in one sentence that never ends.
        "no stops" => {
            fill("Tom Berg met Ana Lima, and he said \"we go\" while she said it was fine, ")
        }
        // Thousands of people quoted in one file, each with a colon, a
        // pronoun and a quote nobody is found for.
        "many speakers" => (0..SIZE / 110)
            .map(|i| format!("Tom Berg{i} said: \"We go.\" She told them: \"No.\" They called it \"bold\".\n\n"))
            .collect(),
        "headings" => (0..100_000).map(|i| format!("# Heading {i}\n")).collect(),
        _ => (0..400_000).map(|i| format!("line {i}\n")).collect(),
    };
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| parse(black_box(&text)));
}
