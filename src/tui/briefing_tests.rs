//! A briefing read as a person would, checked on the state it leaves:
//! going back a level with `q`, the next article from anywhere, filters
//! and orders, the whole briefing searched, what is remembered between
//! sessions, quotes copied, starred and exported.

use super::app::Matches;
use super::fixture::{app, loaded, press, search};
use super::panes::Pane;
use super::{Action, Effect, receive, update};

use Action::*;

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
            QuoteKind::Mixed => assert!(text.starts_with("Ines Okafor, partly quoted: "), "{text}"),
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

#[test]
fn o_opens_the_articles_web_address_and_e_its_file() {
    use crate::library::{Document, Event};
    let mut app = app(120, 40);
    assert!(matches!(update(&mut app, Edit), Some(Effect::Edit(_))));
    assert_eq!(update(&mut app, OpenAddress), None, "a file has no address");
    assert_eq!(
        app.message.as_deref(),
        Some("this article has no web address")
    );
    let mut page = Document::file(
        "page.html",
        crate::article::parse("A page\n\nIts one paragraph of prose, long enough to be a story."),
    );
    page.url = Some("https://example.org/page".to_owned());
    receive(&mut app, [Event::one(page)]);
    press(&mut app, &[NextArticle, NextArticle, NextArticle]);
    assert_eq!(
        update(&mut app, OpenAddress),
        Some(Effect::OpenAddress("https://example.org/page".to_owned()))
    );
}

#[test]
fn people_come_before_organisations() {
    let article = crate::article::parse(
        "Rail\n\n\"We did a study of the line,\" TransLink said on Monday.\n\n\"The study \
         found no problem with the line,\" TransLink said.\n\n\"Nobody asked us about it,\" \
         said Dana Okereke, who runs the depot.\n",
    );
    let names: Vec<&str> = super::panes::people::ranked_people(&article)
        .into_iter()
        .map(|id| article.people[id].name.as_str())
        .collect();
    assert_eq!(names, ["Dana Okereke", "TransLink"]);
    let mut briefing = crate::briefing::Briefing::default();
    briefing.add(0, &article);
    let first = briefing.ranked_people_first()[0];
    assert_eq!(
        briefing.speakers[first].name.as_deref(),
        Some("Dana Okereke")
    );
}
