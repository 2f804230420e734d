//! How fast web pages are read, on one core: the extractor alone
//! (dom_smoothie on each page, as its own benchmarks run it) and brief's
//! whole reading of a page file (metadata, the story, its blocks, the
//! parser) on the same pages, so that the two figures side by side show
//! what brief adds. The pages are `../shared/corpus/html`; without it
//! nothing is measured. Run with `cargo bench --bench pages`.

use std::path::{Path, PathBuf};

use brief::library::{self, Options, Origin};
use divan::counter::{BytesCount, ItemsCount};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The corpus's saved pages, with their text.
fn pages() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/html");
    let mut pages = Vec::new();
    for set in std::fs::read_dir(&root).into_iter().flatten().flatten() {
        for page in std::fs::read_dir(set.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = page.path();
            if let Ok(bytes) = std::fs::read(&path) {
                pages.push((path, String::from_utf8_lossy(&bytes).into_owned()));
            }
        }
    }
    pages.sort();
    if pages.is_empty() {
        eprintln!("no pages at ../shared/corpus/html: nothing to measure");
    }
    pages
}

fn counters<'a, 'b>(bencher: Bencher<'a, 'b>, pages: &[(PathBuf, String)]) -> Bencher<'a, 'b> {
    let bytes: usize = pages.iter().map(|(_, html)| html.len()).sum();
    bencher
        .counter(ItemsCount::new(pages.len()))
        .counter(BytesCount::new(bytes))
}

#[divan::bench(sample_count = 5)]
fn extractor(bencher: Bencher) {
    let pages = pages();
    counters(bencher, &pages).bench(|| {
        for (_, html) in &pages {
            let story = dom_smoothie::Readability::new(html.as_str(), None, None)
                .and_then(|mut r| r.parse());
            black_box(story.ok());
        }
    });
}

#[divan::bench(sample_count = 5)]
fn brief_page(bencher: Bencher) {
    let pages = pages();
    let options = Options {
        cache: None,
        ..Options::new(library::DEFAULT_MAX_BYTES)
    };
    counters(bencher, &pages).bench(|| {
        for (path, _) in &pages {
            black_box(library::read(&Origin::File(path.clone()), &options).ok());
        }
    });
}
