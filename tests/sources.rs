//! Pages and feeds read from files, as a user runs brief on them: every
//! feed item an article, a page's metadata from its markup, nothing of a
//! script, a style or a hidden element shown, identity and text in the
//! JSON, and pathological pages and feeds read in bounded time.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn brief() -> Command {
    Command::cargo_bin("brief").expect("binary")
}

fn fixture(name: &str) -> PathBuf {
    Path::new("tests/fixtures/sources").join(name)
}

/// `brief parse --json` on `paths`, which must all load.
fn parsed(paths: &[PathBuf]) -> Vec<Value> {
    let out = brief()
        .arg("parse")
        .arg("--json")
        .args(paths)
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).expect("UTF-8");
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .expect("an array")
        .iter()
        .map(|s| s.as_str().expect("a string"))
        .collect()
}

fn paragraphs(a: &Value) -> Vec<&str> {
    a["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| strings(&s["paragraphs"]))
        .collect()
}

/// Every quote's offsets point at its words in the article's `text`.
fn offsets_point_into_the_text(a: &Value) {
    let text = a["text"]
        .as_str()
        .expect("text, for an article brief wrote");
    for q in a["quotes"].as_array().expect("quotes") {
        let (start, end) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
        let words = &text[start as usize..end as usize];
        let folded: Vec<&str> = words.split_whitespace().collect();
        assert_eq!(folded.join(" "), q["text"].as_str().unwrap(), "{q}");
    }
}

#[test]
fn every_feed_item_is_an_article() {
    let cases = [
        ("harbour.rss", 3, "Harbour reopens a week after the storm"),
        (
            "wire.rdf.xml",
            2,
            "Drones cut waiting times for blood samples",
        ),
        (
            "council.atom",
            3,
            "Council votes to close the old bridge & build a new one",
        ),
        (
            "briefing.json",
            2,
            "Scientists map a cold-water reef off the north coast",
        ),
    ];
    for (name, items, first_title) in cases {
        let articles = parsed(&[fixture(name)]);
        assert_eq!(articles.len(), items, "{name}");
        assert_eq!(articles[0]["title"], first_title, "{name}");
        for a in &articles {
            assert!(a["path"].as_str().unwrap().ends_with(name));
            assert!(a["item"].is_string(), "{name}: {a}");
            assert!(!paragraphs(a).is_empty(), "{name}: {a}");
            offsets_point_into_the_text(a);
        }
    }
    let rss = parsed(&[fixture("harbour.rss")]);
    let first = &rss[0];
    assert_eq!(first["item"], "coast-1001");
    assert_eq!(first["url"], "https://coast.example/news/harbour-reopens");
    assert_eq!(strings(&first["authors"]), ["Priya Raman"]);
    assert_eq!(first["published"], "2025-03-11T18:47");
    assert_eq!(first["sections"][1]["heading"], "Two cranes lost");
    // content:encoded over the description; its list kept, its script,
    // style and hidden line not.
    let body = paragraphs(first);
    assert!(body[0].ends_with("to every ship & ferry."), "{body:?}");
    assert!(body.contains(&"North quay closed until May"));
    assert!(!first["text"].as_str().unwrap().contains("never shown"));
    assert!(!first["text"].as_str().unwrap().contains("hidden"));
    assert_eq!(first["quotes"][0]["speaker"], "Ana Ruiz");
    // `mail (Name)` is a name; a description of text keeps its paragraphs.
    assert_eq!(strings(&rss[1]["authors"]), ["Jonas Feldberg"]);
    assert_eq!(paragraphs(&rss[1]).len(), 2);
    // Escaped markup in a description is markup.
    assert_eq!(
        paragraphs(&rss[2])[1],
        "\"I will miss the storms,\" he said."
    );

    let atom = parsed(&[fixture("council.atom")]);
    assert_eq!(strings(&atom[0]["authors"]), ["Tom Lee", "Sofia Marchetti"]);
    assert_eq!(atom[0]["published"], "2025-04-01T07:30");
    assert_eq!(atom[0]["url"], "https://council.example/notes/bridge");
    assert_eq!(atom[0]["quotes"][0]["speaker"], "Tom Berg");
    assert!(paragraphs(&atom[1])[0].starts_with("The central library will open"));
    assert!(atom[2]["url"].is_null());

    let json = parsed(&[fixture("briefing.json")]);
    assert_eq!(json[1]["item"], "sci-43");
    assert_eq!(strings(&json[1]["authors"]), ["Aaron Feld"]);
    assert_eq!(
        paragraphs(&json[1]),
        [
            "A sea chart drawn in the fourteenth century sold at auction on Tuesday for twice its estimate.",
            "The buyer was not named."
        ]
    );
}

#[test]
fn a_page_is_read_by_its_markup() {
    let [jsonld, opengraph, plain] = ["jsonld.html", "opengraph.html", "plain.html"]
        .map(|name| parsed(&[fixture(name)]).remove(0));
    // JSON-LD first: its headline, its people (not the publisher, not the
    // meta tag's author), its date.
    assert_eq!(jsonld["title"], "Geneva climate talks stall over who pays");
    assert_eq!(
        strings(&jsonld["authors"]),
        ["Priya Raman", "Jonas Feldberg"]
    );
    assert_eq!(jsonld["published"], "2025-03-11T18:47");
    assert_eq!(jsonld["url"], "https://ledger.example/world/geneva-talks");
    assert!(jsonld["item"].is_null());
    assert_eq!(jsonld["sections"][1]["heading"], "A fund without a floor");
    let body = paragraphs(&jsonld);
    assert!(body[0].starts_with("Negotiators from more than 140 countries"));
    assert!(body.contains(&"Pledges so far: $780 million"));
    assert_eq!(body.len(), 7, "{body:?}");
    offsets_point_into_the_text(&jsonld);
    let speakers: Vec<&Value> = jsonld["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| &q["speaker"])
        .collect();
    assert!(speakers.contains(&&Value::from("Mahina Tevaite")));
    // Only OpenGraph and meta tags.
    assert_eq!(
        opengraph["title"],
        "Estrava's central bank holds rates as inflation cools"
    );
    assert_eq!(strings(&opengraph["authors"]), ["Daniel Okonkwo-Hale"]);
    assert_eq!(opengraph["published"], "2025-04-09T07:30");
    assert_eq!(
        opengraph["url"],
        "https://business.example/banks/estrava-rates"
    );
    assert_eq!(paragraphs(&opengraph).len(), 4);
    // Neither: the title without the site's name, the byline from the text.
    assert_eq!(
        plain["title"],
        "Medieval sea chart found in a monastery library"
    );
    assert_eq!(strings(&plain["authors"]), ["Helen Achterberg"]);
    assert!(plain["published"].is_null() && plain["url"].is_null());
    assert!(paragraphs(&plain)[0].starts_with("A sea chart drawn in the fourteenth century"));
}

#[test]
fn nothing_hidden_or_around_the_story_is_shown() {
    let page = parsed(&[fixture("jsonld.html")]).remove(0);
    let everything = page.to_string();
    for never in [
        "never shown",
        "Hidden text",
        "hidden from everyone",
        "Share on social",
        "Other story",
        "Copyright",
        "Delegates in the main hall",
        "font-family",
        "Somebody Else",
    ] {
        assert!(!everything.contains(never), "{never}");
    }
    // The outline says where the page lives.
    brief()
        .arg("parse")
        .arg(fixture("jsonld.html"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "  url:       https://ledger.example/world/geneva-talks\n",
        ));
}

#[test]
fn a_folder_holds_text_pages_and_feeds() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["harbour.rss", "opengraph.html", "briefing.json"] {
        fs::copy(fixture(name), dir.path().join(name)).unwrap();
    }
    fs::write(
        dir.path().join("a.txt"),
        "Title\n\nA body paragraph that is long enough to count as prose here.\n",
    )
    .unwrap();
    // A text file that starts like HTML is a page.
    fs::copy(fixture("plain.html"), dir.path().join("saved.txt")).unwrap();
    let articles = parsed(&[dir.path().to_path_buf()]);
    let place: Vec<(String, Value)> = articles
        .iter()
        .map(|a| {
            let path = a["path"].as_str().unwrap();
            let name = Path::new(path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, a["item"].clone())
        })
        .collect();
    let items = |name: &str, ids: &[&str]| -> Vec<(String, Value)> {
        ids.iter()
            .map(|id| (name.to_owned(), Value::from(*id)))
            .collect()
    };
    let mut want = vec![("a.txt".to_owned(), Value::Null)];
    want.extend(items(
        "harbour.rss",
        &[
            "coast-1001",
            "https://coast.example/news/ferry-fares",
            "coast-1003",
        ],
    ));
    want.extend([
        ("opengraph.html".to_owned(), Value::Null),
        ("saved.txt".to_owned(), Value::Null),
    ]);
    // briefing.json is left out of a folder: most .json files are not feeds.
    assert_eq!(place, want);
    // A plain text file's JSON has no "text": its offsets are into the file.
    assert!(articles[0].get("text").is_none());
    assert_eq!(
        articles.last().unwrap()["title"],
        "Medieval sea chart found in a monastery library"
    );
    // `brief quotes --json` names the item and its link too.
    let out = brief()
        .args(["quotes", "--json"])
        .arg(dir.path())
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let ruiz = stdout
        .lines()
        .find(|l| l.contains("\"Ana Ruiz\""))
        .expect("Ana Ruiz quoted");
    let ruiz: Value = serde_json::from_str(ruiz).unwrap();
    assert_eq!(ruiz["quotes"][0]["item"], "coast-1001");
    assert_eq!(
        ruiz["quotes"][0]["url"],
        "https://coast.example/news/harbour-reopens"
    );
}

#[test]
fn feeds_expand_no_entities_and_read_no_files() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    fs::write(&secret, "TOP-SECRET-CONTENT").unwrap();
    let laughs: String = (1..10)
        .map(|i| format!("<!ENTITY lol{i} \"&lol{0};&lol{0};&lol{0};&lol{0};&lol{0};&lol{0};&lol{0};&lol{0};&lol{0};&lol{0};\">", i - 1))
        .collect();
    let feed = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY lol0 \"lol\">{laughs}\
         <!ENTITY xxe SYSTEM \"file://{}\">]>\n\
         <rss version=\"2.0\"><channel><title>T</title>\
         <item><title>Bomb &lol9;</title><guid>1</guid><description>A story about a storm that closed the harbour for a week. &xxe;</description></item>\
         </channel></rss>",
        secret.display()
    );
    let path = dir.path().join("evil.rss");
    fs::write(&path, feed).unwrap();
    let start = Instant::now();
    let article = parsed(&[path]).remove(0);
    assert!(start.elapsed() < Duration::from_secs(5));
    let everything = article.to_string();
    assert!(!everything.contains("TOP-SECRET"), "{everything}");
    assert!(!everything.contains("lollol"), "{everything}");
}

#[test]
fn a_malformed_feed_is_named_and_the_rest_load() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bad.rss"),
        "<rss version=\"2.0\"><channel><item><title>x</chanel></rss>",
    )
    .unwrap();
    fs::write(dir.path().join("empty.xml"), "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title></feed>").unwrap();
    fs::copy(fixture("council.atom"), dir.path().join("good.atom")).unwrap();
    let bad = dir.path().join("bad.rss").display().to_string();
    let empty = dir.path().join("empty.xml").display().to_string();
    let out = brief()
        .args(["parse", "--json"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "brief: {bad}: not a feed brief can read ("
        )))
        .stderr(predicate::str::contains(format!(
            "brief: {empty}: nothing to read (a feed without items)"
        )));
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .count(),
        3
    );
}

#[test]
fn pathological_pages_are_read_in_bounded_time() {
    let dir = tempfile::tempdir().unwrap();
    let story = "<p>The story is still read, however deep the page around it goes.</p>";
    // Unclosed blocks: building a tree of them takes time in the square of
    // their depth. Reopened formatting: a tree thousands deep. Unclosed
    // tables: deep and wide at once.
    let pages = [
        format!("<html><body>{}{story}", "<div>".repeat(200_000)),
        format!("<html><body>{}{story}", "<b>".repeat(200_000)),
        format!("<html><body>{}{story}", "<table><tr><td>".repeat(20_000)),
        format!(
            "<html><body>{}{story}{}",
            "<div>".repeat(250),
            "</div>".repeat(250)
        ),
    ];
    let mut paths = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let path = dir.path().join(format!("{i}.html"));
        fs::write(&path, page).unwrap();
        paths.push(path);
    }
    let start = Instant::now();
    let articles = parsed(&paths);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(articles.len(), pages.len());
    for a in &articles {
        assert_eq!(
            paragraphs(a).last().copied(),
            Some("The story is still read, however deep the page around it goes."),
            "{a}"
        );
    }
}

#[test]
fn a_page_too_large_to_extract_is_left_to_the_parser() {
    // A menu of more elements than the extractor is given: the page's
    // blocks go to the parser, which finds the story among them, as in a
    // page rendered to text.
    let menu: String = (0..50_001)
        .map(|i| format!("<li><a href=\"/{i}\">Section {i}</a></li>"))
        .collect();
    let story = [
        "The council voted on Tuesday to close the old bridge for repairs that will take two years, officials said.",
        "\"We had no choice, the bridge is not safe any more,\" Mayor Tom Berg told reporters after the vote.",
        "Traffic will be sent over the new bridge to the north, which opened last spring after four years of work.",
    ];
    let html = format!(
        "<html><head><title>Old bridge to close | City News</title></head><body><ul>{menu}</ul>{}</body></html>",
        story.map(|p| format!("<p>{p}</p>")).concat()
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("menu.html");
    fs::write(&path, html).unwrap();
    let page = parsed(&[path]).remove(0);
    assert_eq!(page["title"], "Old bridge to close");
    let body = paragraphs(&page);
    assert_eq!(body.len(), story.len(), "the menu is not the story");
    assert_eq!(body, story);
}
