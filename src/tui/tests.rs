//! `update` driven with actions, checked on the state it leaves.

use std::iter::once;

use crossterm::event::{Event as Input, KeyCode, KeyEvent, KeyModifiers};

use crate::library::Event;

use super::app::App;
use super::app::Matches;
use super::fixture::{app, loaded, press, read, search};
use super::panes::Pane;
use super::panes::people::Row;
use super::{Action, Effect, receive, translate, update};

use Action::*;

/// The file names of the articles pane's rows, top to bottom.
fn listed(app: &App) -> Vec<String> {
    app.articles
        .rows
        .iter()
        .map(|&i| app.documents[i].origin.name())
        .collect()
}

#[test]
fn arrivals_above_the_view_keep_the_same_rows_in_view() {
    let text = super::fixture::FILES[0].1;
    let arrive = |name: &str| read(&format!("{name}.txt"), text);
    let mut app = super::fixture::app(120, 40);
    app.documents.clear();
    app.articles = Default::default();
    receive(&mut app, ["05", "09", "07"].map(arrive));
    assert_eq!(listed(&app), ["05.txt", "07.txt", "09.txt"]);
    app.engaged = true;
    app.articles.cursor = Some(1);
    app.articles.top = 1;
    receive(&mut app, ["08", "00", "03"].map(arrive));
    assert_eq!(
        listed(&app),
        ["00.txt", "03.txt", "05.txt", "07.txt", "08.txt", "09.txt"]
    );
    let top = app.articles.rows[app.articles.top];
    assert_eq!(
        app.documents[top].origin.name(),
        "07.txt",
        "the top row is the same article"
    );
    assert_eq!(app.articles.cursor_row(), Some(5), "the cursor stays on 09");
}

#[test]
fn the_list_is_sorted_and_the_selection_stays_while_it_grows() {
    let mut app = app(120, 40);
    assert_eq!(app.articles.rows, [0, 1, 2]);
    assert_eq!((app.current, app.articles.cursor), (Some(0), Some(0)));

    let mut fresh = super::fixture::app(120, 40);
    fresh.documents.clear();
    fresh.articles = Default::default();
    fresh.current = None;
    fresh.engaged = false;
    receive(&mut fresh, [2, 1].map(loaded));
    let names = |app: &App| {
        listed(app)
            .iter()
            .map(|n| n[..1].to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&fresh), ["2", "3"]);
    let second = fresh.articles.rows[0];
    assert_eq!(
        fresh.current,
        Some(second),
        "the first of the list is opened"
    );
    press(&mut fresh, &[FocusArticles, Down]);
    let cursor = fresh.articles.cursor;
    receive(&mut fresh, once(loaded(0)));
    assert_eq!(names(&fresh), ["1", "2", "3"]);
    assert_eq!(
        fresh.current,
        Some(second),
        "once the person acts, the reader stays"
    );
    assert_eq!(fresh.articles.cursor, cursor, "and so does the cursor");
    assert_eq!(fresh.articles.cursor_row(), Some(2));
    press(&mut app, &[FocusArticles, Down, Open]);
    assert_eq!((app.current, app.focus), (Some(1), Pane::Reader));
    assert!(
        app.articles.read[0] && app.articles.read[1] && app.articles.read.get(2) != Some(&true)
    );
}

#[test]
fn picking_a_person_marks_their_quotes_in_turn() {
    let mut app = app(120, 40);
    press(&mut app, &[FocusPeople]);
    assert_eq!(app.focus, Pane::People);
    let Some(Row::Person(who)) = app.people.rows(&app.ctx(Pane::People)).first().copied() else {
        panic!("a person first");
    };
    let quotes = app.people.quotes_of(&app.ctx(Pane::People), who);
    assert!(
        quotes.len() >= 2,
        "the most quoted person has several quotes"
    );
    press(&mut app, &[Open]);
    assert_eq!(app.people.expanded, Some(who));
    assert_eq!(app.marked_quote(), Some(quotes[0].quote()));
    press(&mut app, &[NextMatch]);
    assert_eq!(app.marked_quote(), Some(quotes[1].quote()));
    press(&mut app, &[PrevMatch, PrevMatch]);
    assert_eq!(
        app.marked_quote(),
        quotes.last().map(|r| r.quote()),
        "wraps round"
    );
    // The expanded person's quotes are rows; enter on one jumps to it.
    press(&mut app, &[Top, Down, Down, Open]);
    assert_eq!(app.marked_quote(), Some(quotes[1].quote()));
    press(&mut app, &[Back]);
    assert_eq!(app.people.expanded, None);
    press(&mut app, &[Back]);
    assert_eq!(app.matches, Matches::None);
}

#[test]
fn the_current_quote_is_brought_into_view() {
    let mut app = app(60, 12);
    press(
        &mut app,
        &[FocusPeople, Open, NextMatch, NextMatch, NextMatch],
    );
    let layout = app.reader.layout.as_ref().unwrap();
    let line = layout.quote_lines[app.marked_quote().unwrap()].unwrap();
    assert!(line >= app.reader.scroll && line < app.reader.scroll + app.rows(Pane::Reader));
}

#[test]
fn in_briefing_mode_next_crosses_articles() {
    let mut app = app(120, 40);
    press(&mut app, &[ToggleBriefing]);
    assert!(app.people.everyone && app.focus == Pane::People);
    let Some(Row::Person(who)) = app.people.rows(&app.ctx(Pane::People)).first().copied() else {
        panic!("a speaker first");
    };
    let refs = app.people.quotes_of(&app.ctx(Pane::People), who);
    let articles: std::collections::BTreeSet<usize> = refs.iter().map(|r| r.article()).collect();
    assert!(articles.len() >= 2, "quoted in two articles: {refs:?}");
    press(&mut app, &[Open]);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..refs.len() {
        seen.insert(app.current.unwrap());
        press(&mut app, &[NextMatch]);
    }
    assert_eq!(seen, articles);
}

#[test]
fn search_finds_highlights_and_cancels() {
    let mut app = app(120, 40);
    search(&mut app, "timetable");
    let Matches::Search { hits, .. } = &app.matches else {
        panic!("searching");
    };
    assert!(hits.len() >= 2);
    press(&mut app, &[Open, NextMatch]);
    assert!(app.prompt.is_none());
    assert!(matches!(app.matches, Matches::Search { current: 1, .. }));
    press(&mut app, &[Search, Type('x'), Erase, Back]);
    assert_eq!(app.matches, Matches::None);
}

#[test]
fn keys_become_actions() {
    let mut app = app(120, 40);
    let key = |code, mods| Input::Key(KeyEvent::new(code, mods));
    assert_eq!(
        translate(&app, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
        Some(Quit)
    );
    assert_eq!(
        translate(&app, &key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
        Some(QuitNow)
    );
    assert_eq!(
        translate(&app, &key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(FocusPrev)
    );
    update(&mut app, Search);
    assert_eq!(
        translate(&app, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
        Some(Type('q'))
    );
    assert_eq!(
        translate(&app, &key(KeyCode::Esc, KeyModifiers::NONE)),
        Some(Back)
    );
    assert_eq!(
        translate(&app, &Input::Resize(80, 24)),
        Some(Resize {
            width: 80,
            height: 24
        })
    );
}

#[test]
fn paging_sections_help_and_quit() {
    let mut app = app(60, 14);
    press(&mut app, &[HalfPageDown]);
    assert!(app.reader.scroll > 0);
    press(&mut app, &[Top, NextSection]);
    let heading = app.reader.layout.as_ref().unwrap().headings[0];
    assert_eq!(app.reader.scroll, heading.min(app.reader.scroll));
    press(&mut app, &[PrevSection]);
    assert_eq!(app.reader.scroll, 0);
    press(&mut app, &[Bottom]);
    let lines = app.reader.layout.as_ref().unwrap().lines.len();
    assert_eq!(app.reader.scroll + app.rows(Pane::Reader), lines);
    press(&mut app, &[Help, Down, Down, Up]);
    assert_eq!(app.help, Some(1), "moving keys scroll the help");
    press(&mut app, &[NextMatch]);
    assert_eq!(app.help, None, "other keys close it");
    assert_eq!(
        app.reader.scroll + app.rows(Pane::Reader),
        lines,
        "the key only closed help"
    );
    press(&mut app, &[Quit]);
    assert!(app.quit);
}

#[test]
fn copy_gives_the_quote_its_speaker_and_title() {
    let mut app = app(120, 40);
    press(&mut app, &[FocusPeople, Open]);
    let Some(Effect::Copy(text)) = update(&mut app, Copy) else {
        panic!("copies");
    };
    assert!(text.starts_with('“') && text.contains(" — "));
    assert!(text.ends_with(&app.title(0)), "{text}");
}

#[test]
fn the_mouse_scrolls_and_selects_what_is_under_it() {
    let mut app = app(120, 16);
    let screen = app.screen().unwrap();
    let reader = screen.inner(Pane::Reader);
    update(
        &mut app,
        Wheel {
            column: reader.x + 3,
            row: reader.y + 3,
            down: true,
        },
    );
    assert_eq!(app.reader.scroll, 3);
    let list = screen.inner(Pane::Articles);
    update(
        &mut app,
        Click {
            column: list.x + 2,
            row: list.y + 2,
        },
    );
    assert_eq!((app.current, app.focus), (Some(1), Pane::Reader));
}

#[test]
fn resizing_keeps_the_place_and_survives_tiny_sizes() {
    let mut app = app(120, 40);
    press(&mut app, &[PageDown]);
    let anchor = app
        .reader
        .layout
        .as_ref()
        .unwrap()
        .anchor(app.reader.scroll);
    press(
        &mut app,
        &[Resize {
            width: 70,
            height: 30,
        }],
    );
    let layout = app.reader.layout.as_ref().unwrap();
    assert_eq!(
        layout.anchor(app.reader.scroll).map(|a| a.0),
        anchor.map(|a| a.0)
    );
    for (width, height) in [(1, 1), (20, 5), (0, 0), (40, 8)] {
        press(
            &mut app,
            &[
                Resize { width, height },
                Down,
                PageDown,
                FocusNext,
                Open,
                NextMatch,
            ],
        );
    }
}

#[test]
fn failures_are_kept_and_loading_ends() {
    let mut app = app(120, 40);
    receive(
        &mut app,
        [Event::Read {
            origin: crate::library::Origin::File("gone\u{1b}.txt".into()),
            result: Err(crate::library::LoadError::Missing {
                path: "gone\u{1b}.txt".into(),
            }),
        }],
    );
    assert!(!app.loading);
    assert_eq!(app.failed.len(), 1);
    assert!(
        !app.failed[0].contains('\u{1b}'),
        "file names are sanitized"
    );
}
