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

#[test]
fn q_goes_back_one_level_and_quits_from_the_main_view() {
    let mut app = app(60, 20);
    press(&mut app, &[Help, Quit]);
    assert!(app.help.is_none() && !app.quit, "q closes the help");
    press(&mut app, &[FocusPeople, Quit]);
    assert!(
        app.focus == Pane::Reader && !app.quit,
        "q closes a side pane over the reader"
    );
    press(&mut app, &[Search, Type('f'), Back]);
    assert!(app.prompt.is_none() && !app.quit, "esc closes the prompt");
    press(&mut app, &[Help, QuitNow]);
    assert!(app.quit, "ctrl-c quits from anywhere");
    let mut app = self::app(120, 40);
    press(&mut app, &[FocusPeople, Quit]);
    assert!(app.quit, "q on the main view quits");
}

#[test]
fn next_and_previous_article_from_anywhere() {
    let mut app = app(120, 40);
    press(&mut app, &[FocusPeople, NextArticle]);
    assert_eq!((app.current, app.focus), (Some(1), Pane::People));
    press(&mut app, &[NextArticle, NextArticle]);
    assert_eq!(app.current, Some(2));
    assert_eq!(app.message.as_deref(), Some("the last article"));
    press(&mut app, &[PrevArticle]);
    assert_eq!(app.current, Some(1));
    assert!(app.articles.read[1] && app.articles.read[2]);
}

#[test]
fn slash_filters_the_focused_list_and_s_sorts_it() {
    let mut app = app(120, 40);
    press(&mut app, &[FocusArticles]);
    search(&mut app, "union");
    assert_eq!(
        app.articles.rows[0], 1,
        "filtered as it is typed, best first"
    );
    press(&mut app, &[Open]);
    assert!(app.prompt.is_none() && app.articles.filter.is_active());
    assert!(app.message.as_deref().is_some_and(|m| m.ends_with(" of 3")));
    press(&mut app, &[Back]);
    assert_eq!(app.articles.rows, [0, 1, 2], "esc clears the filter");
    // Newest first: the fixtures are dated 2025-03-03, -04 and -05.
    press(&mut app, &[Sort]);
    assert_eq!(app.articles.order, super::panes::articles::Order::Date);
    let dates: Vec<_> = app
        .articles
        .rows
        .iter()
        .map(|&i| app.documents[i].article.published.clone())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    press(&mut app, &[Sort, Sort]);
    assert_eq!(app.articles.rows, [0, 1, 2], "back to by source");

    press(&mut app, &[FocusPeople]);
    search(&mut app, "okafr");
    let people = app.people.listed(&app.ctx(Pane::People));
    assert_eq!(people.len(), 1);
    assert_eq!(
        app.people.name(&app.ctx(Pane::People), people[0]),
        "Ines Okafor"
    );
    press(&mut app, &[Back]);
    assert!(!app.people.filter.is_active(), "esc cancels");
}

#[test]
fn the_whole_briefing_is_searched_and_a_hit_read_where_it_is() {
    let mut app = app(120, 40);
    press(&mut app, &[SearchBriefing]);
    for c in "timetable".chars() {
        update(&mut app, Type(c));
    }
    press(&mut app, &[Open]);
    assert_eq!(app.focus, Pane::Hits);
    let job = app.search_job().expect("a search to run");
    let hits = super::search::briefing(&job.documents, &job.rows, &job.query);
    assert!(hits.iter().any(|h| h.article == 0) && hits.iter().any(|h| h.article == 1));
    super::searched(&mut app, &job.query, hits.clone());
    assert!(app.search_job().is_none());
    // The second hit in the second article.
    let at = hits
        .iter()
        .position(|h| h.article == 1 && h.nth == 1)
        .expect("two hits in the second article");
    press(&mut app, &[Top]);
    for _ in 0..at {
        press(&mut app, &[Down]);
    }
    press(&mut app, &[Open]);
    assert_eq!((app.current, app.focus), (Some(1), Pane::Reader));
    assert!(matches!(app.matches, Matches::Search { current: 1, .. }));
}

#[test]
fn read_marks_places_stars_and_the_order_are_remembered() {
    use super::state::State;
    let mut app = app(120, 20);
    // A quote of the first article starred, a place in it, another order,
    // then the second article (by the new order).
    press(
        &mut app,
        &[FocusPeople, Open, Star, Back, Back, FocusPeople],
    );
    press(
        &mut app,
        &[PageDown, PageDown, Sort, FocusArticles, Down, Open],
    );
    assert_eq!(
        app.message.as_deref(),
        None,
        "the open replaced the message"
    );
    assert_eq!(
        app.starred_quotes(),
        Vec::<usize>::new(),
        "another article now"
    );
    super::update::remember_place(&mut app);
    assert!(app.state_changed);
    let json = app.state.to_json();

    // A new session, the same articles arriving in another order.
    let mut again = super::fixture::app(120, 20);
    again.documents.clear();
    again.keys.clear();
    again.articles = Default::default();
    again.current = None;
    again.engaged = false;
    super::update::restore(&mut again, State::from_json(&json).unwrap());
    receive(&mut again, [2, 0, 1].map(loaded));
    assert_eq!(again.articles.order, super::panes::articles::Order::Date);
    let read = |app: &super::App| {
        let mut read: Vec<String> = (0..3)
            .filter(|&i| app.articles.read.get(i) == Some(&true))
            .map(|i| app.documents[i].origin.name())
            .collect();
        read.sort();
        read
    };
    let (before, after) = (read(&app), read(&again));
    assert!(
        before.iter().all(|r| after.contains(r)),
        "read marks, by content: {before:?} {after:?}"
    );
    let first = again
        .documents
        .iter()
        .position(|d| d.origin.name().starts_with('1'))
        .unwrap();
    press(&mut again, &[FocusArticles]);
    again.articles.cursor = Some(first);
    press(&mut again, &[Open]);
    assert!(again.reader.scroll > 0, "back where it was left");
    assert_eq!(again.starred_quotes().len(), 1, "the star");
    press(&mut again, &[FocusPeople, Open, Star]);
    assert!(again.starred_quotes().is_empty(), "unstarred");
}

#[test]
fn y_copies_only_a_current_quote_and_reported_speech_as_a_paraphrase() {
    use crate::article::QuoteKind;
    let mut app = app(120, 40);
    assert_eq!(
        update(&mut app, Copy),
        None,
        "nothing current: nothing copied"
    );
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("no current quote"))
    );
    press(&mut app, &[FocusPeople, Open]);
    // Ines Okafor's quotes, to her reported one.
    for _ in 0..4 {
        let (index, q) = (app.current.unwrap(), app.marked_quote().unwrap());
        let kind = app.article(index).unwrap().quotes[q].kind;
        let Some(Effect::Copy(text)) = update(&mut app, Copy) else {
            panic!("copies");
        };
        match kind {
            QuoteKind::Direct => assert!(text.starts_with('“'), "{text}"),
            QuoteKind::Indirect => {
                assert!(text.starts_with("Ines Okafor said that "), "{text}");
                assert!(
                    text.contains("(paraphrase)") && !text.contains('“'),
                    "{text}"
                );
            }
        }
        press(&mut app, &[NextMatch]);
    }
}

#[test]
fn e_exports_the_person_or_the_starred_quotes_as_markdown() {
    let mut app = app(120, 40);
    assert_eq!(update(&mut app, Export), None, "nothing to export yet");
    press(&mut app, &[FocusPeople, Open]);
    let Some(Effect::Export { stem, text }) = update(&mut app, Export) else {
        panic!("exports");
    };
    assert_eq!(stem, "Ines Okafor");
    assert!(text.starts_with("## Ines Okafor, leader\n"), "{text}");
    assert!(text.contains("\n> ") && text.contains("Paraphrase: Ines Okafor said that"));
    assert!(text.contains("<1-harbour-timetable.txt>"), "{text}");
    press(&mut app, &[Star, Back, Back]);
    let Some(Effect::Export { stem, text }) = update(&mut app, Export) else {
        panic!("exports the starred");
    };
    assert_eq!(stem, "starred");
    assert_eq!(
        text.matches("\n> ").count() + text.matches("Paraphrase").count(),
        1
    );
}
