//! How fast the reader draws: one frame of a 10,000-word article at
//! 200x60 (budget 2 ms), and a keypress to the next frame with 44,500
//! articles loaded (budget 16 ms); long layouts, searches, filters and the
//! reading state. Run with `cargo bench --bench reader`.

use brief::article::parse;
use brief::library::{Document, Event};
use brief::tui::layout::Layout;
use brief::tui::settings::Settings;
use brief::tui::{Action, App, receive, update, view};
use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

// The allocator the binary runs with, so that the figures are the
// reader's own.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const WORDS: [&str; 16] = [
    "the",
    "council",
    "said",
    "harbour",
    "ferry",
    "timetable",
    "would",
    "review",
    "costs",
    "commuters",
    "winter",
    "crew",
    "minister",
    "agreed",
    "on",
    "Monday",
];

const SPEAKERS: [&str; 4] = ["Ana Ruiz", "Tom Reyes", "Ines Okafor", "Dev Patel"];

/// An article of about `words` words: a title, subheads every ten
/// paragraphs, and a quote with a named speaker every third paragraph.
fn article_text(words: usize, seed: usize) -> String {
    let mut text = format!("Synthetic briefing number {seed} on ferries\n\nBy Mara Quinn\n\n");
    let mut n = 0;
    let mut paragraph = 0;
    while n < words {
        if paragraph % 10 == 9 {
            text.push_str(&format!("Part {}\n\n", paragraph / 10 + 1));
        }
        let body: Vec<&str> = (0..60)
            .map(|i| WORDS[(n + i * 7 + seed) % WORDS.len()])
            .collect();
        n += body.len();
        let body = body.join(" ");
        if paragraph % 3 == 0 {
            let who = SPEAKERS[(paragraph / 3 + seed) % SPEAKERS.len()];
            text.push_str(&format!("\"{body},\" said Minister {who}.\n\n"));
        } else {
            text.push_str(&format!("{body}.\n\n"));
        }
        paragraph += 1;
    }
    text
}

fn app(width: u16, height: u16, documents: impl IntoIterator<Item = Document>) -> App {
    let settings = Settings::builtin();
    let mut app = App::new(&settings, false);
    update(&mut app, Action::Resize { width, height });
    let mut events: Vec<Event> = documents.into_iter().map(Event::one).collect();
    events.push(Event::Walked {
        sources: events.len(),
        errors: Vec::new(),
    });
    events.push(Event::Done);
    receive(&mut app, events);
    app
}

fn entry(text: &str, name: String) -> Document {
    Document::file(name, parse(text))
}

/// Drawing one frame of a long article, scrolled to a new place each time.
#[divan::bench]
fn frame_of_a_10000_word_article(bencher: Bencher) {
    let mut app = app(
        200,
        60,
        [entry(&article_text(10_000, 0), "long.txt".into())],
    );
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let lines = app.reader.layout.as_ref().map_or(1, |l| l.lines.len());
    let mut at = 0;
    bencher.bench_local(|| {
        at = (at + 37) % lines;
        app.reader.scroll = at;
        terminal.draw(|frame| view::draw(frame, &app)).unwrap();
    });
}

/// Laying a 10,000-word article out afresh (opening it, or a resize).
#[divan::bench]
fn layout_of_a_10000_word_article(bencher: Bencher) {
    let article = parse(&article_text(10_000, 0));
    bencher.bench(|| Layout::new(0, &article, 78));
}

/// An article of `bytes` made only of short quoted paragraphs, each
/// attributed: the most marks a layout can have to place.
fn quoted_paragraphs(bytes: usize) -> String {
    let mut text = String::from("Quotes\n\n");
    let mut n = 0;
    while text.len() < bytes {
        let who = SPEAKERS[n % SPEAKERS.len()];
        text.push_str(&format!("\"The ferry runs at {n},\" {who} said.\n\n"));
        n += 1;
    }
    text
}

/// Laying out articles of quoted paragraphs of growing size: the time
/// grows with the size, not its square.
#[divan::bench(args = [250_000, 1_000_000, 4_000_000], sample_count = 5)]
fn layout_of_quoted_paragraphs(bencher: Bencher, bytes: usize) {
    let article = parse(&quoted_paragraphs(bytes));
    bencher.bench(|| Layout::new(0, &article, 78));
}

/// Searching a 4 MB article as a query is typed: each key runs it anew.
#[divan::bench(sample_count = 10)]
fn search_in_a_4mb_article(bencher: Bencher) {
    let article = parse(&quoted_paragraphs(4_000_000));
    let layout = Layout::new(0, &article, 78);
    bencher.bench(|| brief::tui::search::find(&layout, "ferry runs"));
}

fn big_library() -> App {
    // A few distinct articles, cloned: parsing 44,500 would only slow the
    // setup; the reader's work depends on how many there are.
    let kinds: Vec<Document> = (0..8)
        .map(|seed| entry(&article_text(400, seed), String::new()))
        .collect();
    app(
        200,
        60,
        (0..44_500).map(|i| {
            Document::file(
                format!("{i:05}.txt"),
                kinds[i % kinds.len()].article.clone(),
            )
        }),
    )
}

/// A key in the articles pane, then the frame, with 44,500 articles.
#[divan::bench(sample_count = 200)]
fn keypress_to_frame_with_44500_articles(bencher: Bencher) {
    let mut app = big_library();
    update(&mut app, Action::FocusArticles);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        update(&mut app, Action::Down);
        terminal.draw(|frame| view::draw(frame, &app)).unwrap();
    });
}

/// Typing into the articles pane's filter with 44,500 articles: each key
/// filters and draws the list. A letter narrows the last matches; erasing
/// it looks at every article again.
#[divan::bench(sample_count = 100)]
fn filter_keypress_with_44500_articles(bencher: Bencher) {
    let mut app = big_library();
    update(&mut app, Action::FocusArticles);
    update(&mut app, Action::Search);
    update(&mut app, Action::Type('f'));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut typed = false;
    bencher.bench_local(|| {
        update(
            &mut app,
            if typed {
                Action::Erase
            } else {
                Action::Type('e')
            },
        );
        typed = !typed;
        terminal.draw(|frame| view::draw(frame, &app)).unwrap();
    });
}

/// The same in the people pane listing everyone in the briefing.
#[divan::bench(sample_count = 200)]
fn keypress_to_frame_in_briefing_people(bencher: Bencher) {
    let mut app = big_library();
    update(&mut app, Action::ToggleBriefing);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| {
        update(&mut app, Action::Down);
        terminal.draw(|frame| view::draw(frame, &app)).unwrap();
    });
}

/// The reading state of 100,000 articles, each read, left somewhere, some
/// with a starred quote.
fn big_state() -> brief::tui::state::State {
    let mut state = brief::tui::state::State::default();
    for i in 0..100_000u64 {
        state.change(i.wrapping_mul(0x9e37_79b9_7f4a_7c15), |saved| {
            saved.read = true;
            saved.at = Some((i as usize % 40, i as usize % 900));
            if i % 7 == 0 {
                saved.starred = vec![i as usize % 5000];
            }
        });
    }
    state
}

/// Saving the state of 100,000 articles: written to a temporary file and
/// renamed over the old one.
#[divan::bench(sample_count = 10)]
fn state_save_100000_entries(bencher: Bencher) {
    let state = big_state();
    let dir = tempfile::tempdir().unwrap();
    let store = brief::tui::state::Store::at(dir.path().join("state.json"));
    bencher.bench_local(|| store.save(&state).unwrap());
}

/// Loading it again, as the reader does when it starts.
#[divan::bench(sample_count = 10)]
fn state_load_100000_entries(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let store = brief::tui::state::Store::at(dir.path().join("state.json"));
    store.save(&big_state()).unwrap();
    bencher.bench_local(|| store.load());
}
