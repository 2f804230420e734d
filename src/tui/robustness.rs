//! Any sequence of actions, at any terminal size, leaves the reader
//! drawable: no panic in `update` or in drawing, whatever the layout,
//! the focus or the matches were when the size changed.

use proptest::prelude::*;

use super::fixture::{app, draw};
use super::{Action, laid_out, receive, update};

/// One step of a session: a bindable action (quitting aside), typing into
/// the search, the mouse anywhere, or a new terminal size from 1x1 to
/// 300x100, below the reader's minimum included.
fn step() -> impl Strategy<Value = Action> {
    let bindable: Vec<Action> = Action::BINDABLE
        .iter()
        .copied()
        .filter(|a| !matches!(a, Action::Quit | Action::QuitNow))
        .chain([Action::Type('e'), Action::Type('a'), Action::Erase])
        .collect();
    prop_oneof![
        6 => proptest::sample::select(bindable),
        1 => (1u16..=300, 1u16..=100).prop_map(|(width, height)| Action::Resize { width, height }),
        1 => (0u16..300, 0u16..100, any::<bool>())
            .prop_map(|(column, row, down)| Action::Wheel { column, row, down }),
        1 => (0u16..300, 0u16..100).prop_map(|(column, row)| Action::Click { column, row }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_actions_at_any_size_never_panic(
        (width, height) in (1u16..=300, 1u16..=100),
        steps in proptest::collection::vec(step(), 1..40),
    ) {
        let mut app = app(width, height);
        for (i, action) in steps.into_iter().enumerate() {
            update(&mut app, action);
            if i % 3 == 0 {
                draw(&app);
            }
        }
        draw(&app);
    }
}

#[test]
fn actions_below_the_minimum_size_use_no_other_articles_layout() {
    use Action::*;
    // The second article (fewer quotes) laid out, then the terminal made
    // too small to lay anything out, then a walk through a person's quotes
    // in the first article (more quotes).
    let mut app = app(120, 40);
    for action in [FocusArticles, Down, Open, ToggleBriefing] {
        update(&mut app, action);
    }
    update(
        &mut app,
        Resize {
            width: 30,
            height: 6,
        },
    );
    for action in [
        Open,
        NextMatch,
        NextMatch,
        NextMatch,
        Copy,
        Search,
        Type('a'),
        NextMatch,
        Copy,
    ] {
        update(&mut app, action);
        draw(&app);
    }
}

/// An article longer than the reader lays out between two keys: quoted
/// paragraphs, each attributed.
fn long_article() -> crate::library::Event {
    let mut text = String::from("Ferry quotes\n\n");
    let mut n = 0;
    while text.len() <= super::panes::reader::INLINE_LAYOUT_BYTES + 1000 {
        text.push_str(&format!(
            "\"The ferry leaves at {n},\" Ana Ruiz said on Monday.\n\n"
        ));
        n += 1;
    }
    super::fixture::read("long.txt", &text)
}

#[test]
fn a_long_article_is_laid_out_off_the_key_thread_and_its_quote_shown_after() {
    use Action::*;
    let mut app = app(120, 40);
    receive(&mut app, [long_article()]);
    for action in [FocusArticles, Bottom, Open] {
        update(&mut app, action);
    }
    assert_eq!(app.current, Some(3));
    assert!(
        app.reader.layout.is_none(),
        "not laid out on the key thread"
    );
    draw(&app);
    // A person's last quote, asked for before the layout exists.
    for action in [FocusPeople, Open, PrevMatch] {
        update(&mut app, action);
    }
    assert!(app.reader.layout.is_none());
    let job = app.layout_job().expect("a layout is wanted");
    assert_eq!(job.index, 3);
    laid_out(
        &mut app,
        super::layout::Layout::new(job.index, &job.document.article, job.width),
    );
    let layout = app.reader.layout.as_ref().expect("installed");
    let quote = app.marked_quote().expect("a quote is current");
    let line = layout.quote_lines[quote].expect("the quote is laid out");
    assert!(
        line > 1000
            && (app.reader.scroll..app.reader.scroll + app.rows(super::panes::Pane::Reader))
                .contains(&line)
    );
    assert!(app.layout_job().is_none());
    // A layout for a width no longer wanted is still taken for the same
    // article, and the right one asked for again.
    update(
        &mut app,
        Resize {
            width: 100,
            height: 40,
        },
    );
    let stale = super::layout::Layout::new(3, &job.document.article, 10);
    laid_out(&mut app, stale);
    assert!(app.layout_job().is_some_and(|j| j.width != 10));
    // Another article's layout is never taken.
    update(&mut app, FocusArticles);
    update(&mut app, Top);
    update(&mut app, Open);
    laid_out(
        &mut app,
        super::layout::Layout::new(3, &job.document.article, 60),
    );
    assert_eq!(app.reader.layout.as_ref().map(|l| l.article), Some(0));
}
