//! Web addresses, fetched from a server the tests run on 127.0.0.1: pages
//! and feeds read as from files, each failure (404, a timeout, a redirect
//! loop, an oversized or endless response, a gzip bomb, a malformed feed)
//! named with its address while the rest load, the cache revalidated and
//! opened offline with a note, `sources` in the config, and the reader
//! saying what it fetches.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use brief::library::{self, Options, Source};
use predicates::prelude::*;
use serde_json::Value;

#[path = "support/http.rs"]
mod http;
#[path = "support/screen.rs"]
mod screen;
#[path = "support/tmux.rs"]
mod tmux;

use http::{Reply, Request, Server};

fn fixture(name: &str) -> Vec<u8> {
    fs::read(Path::new("tests/fixtures/sources").join(name)).expect("fixture")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    out.write_all(bytes).unwrap();
    out.finish().unwrap()
}

/// The server every test starts: pages, feeds and failures by path.
fn server() -> Server {
    let bomb = gzip(&vec![0u8; 4 << 20]);
    let big = vec![b'x'; 2 << 20];
    Server::start(move |r: &Request| {
        let html = "text/html; charset=utf-8";
        match r.path.as_str() {
            "/page" => {
                if r.header("if-none-match") == Some("\"v1\"") {
                    return Reply::new(304, html, "");
                }
                Reply::new(200, html, fixture("jsonld.html")).header("ETag", "\"v1\"")
            }
            "/og" => Reply::new(200, html, fixture("opengraph.html")),
            "/plain" => Reply::new(200, html, fixture("plain.html")),
            "/feed" => Reply::new(200, "application/rss+xml", fixture("harbour.rss")),
            "/atom" => Reply::new(200, "application/atom+xml", fixture("council.atom")),
            "/json" => Reply::new(200, "application/feed+json", fixture("briefing.json")),
            "/gzipped" => Reply::new(200, html, gzip(&fixture("opengraph.html")))
                .header("Content-Encoding", "gzip"),
            "/moved" => Reply::new(301, html, "").header("Location", "/og"),
            "/loop" => Reply::new(302, html, "").header("Location", "/loop"),
            "/big" => Reply::new(200, html, big.clone()),
            "/endless" => Reply {
                length: false,
                ..Reply::new(200, html, big.clone())
            },
            "/bomb" => Reply::new(200, html, bomb.clone()).header("Content-Encoding", "gzip"),
            "/bad" => Reply::new(
                200,
                "application/rss+xml",
                "<rss version=\"2.0\"><channel><item></chanel>",
            ),
            "/slow" => Reply {
                delay: Duration::from_secs(5),
                ..Reply::new(200, html, fixture("plain.html"))
            },
            _ => Reply::new(404, "text/plain", "not here"),
        }
    })
}

/// brief with its own config and cache.
fn brief(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("brief").expect("binary");
    let config = home.join("config.toml");
    if !config.exists() {
        fs::write(&config, "").unwrap();
    }
    cmd.env("BRIEF_CONFIG", config)
        .env("XDG_CACHE_HOME", home.join("cache"));
    cmd
}

fn json_lines(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn pages_and_feeds_are_read_from_their_addresses() {
    let server = server();
    let home = tempfile::tempdir().unwrap();
    let paths = [
        "/page", "/og", "/plain", "/feed", "/atom", "/json", "/gzipped", "/moved",
    ];
    let urls: Vec<String> = paths.iter().map(|p| server.url(p)).collect();
    let out = brief(home.path())
        .args(["parse", "--json"])
        .args(&urls)
        .assert()
        .success();
    let articles = json_lines(&out.get_output().stdout);
    let count = |url: &str| articles.iter().filter(|a| a["path"] == url).count();
    let counts: Vec<usize> = urls.iter().map(|u| count(u)).collect();
    assert_eq!(counts, [1, 1, 1, 3, 3, 2, 1, 1]);
    let first = |url: &str| articles.iter().find(|a| a["path"] == url).unwrap();
    let page = first(&urls[0]);
    assert_eq!(page["title"], "Geneva climate talks stall over who pays");
    assert_eq!(page["url"], "https://ledger.example/world/geneva-talks");
    assert_eq!(page["authors"][1], "Jonas Feldberg");
    // A page that names no address of its own is where it was fetched.
    assert_eq!(first(&urls[2])["url"], urls[2]);
    assert_eq!(first(&urls[3])["item"], "coast-1001");
    assert_eq!(first(&urls[5])["url"], "https://science.example/reef");
    // Unpacked, and redirected.
    for url in [&urls[6], &urls[7]] {
        assert_eq!(
            first(url)["title"],
            "Estrava's central bank holds rates as inflation cools"
        );
    }
    // Only the addresses named were fetched: not the page's script, image
    // or frame. Each request named brief and asked for gzip.
    let mut fetched: Vec<String> = server.requests().iter().map(|r| r.path.clone()).collect();
    fetched.sort();
    let mut named: Vec<String> = paths
        .iter()
        .map(|p| p.to_string())
        .chain(["/og".into()])
        .collect();
    named.sort();
    assert_eq!(fetched, named);
    for r in server.requests() {
        assert!(
            r.header("user-agent")
                .is_some_and(|a| a.starts_with("brief/")),
            "{r:?}"
        );
        assert!(
            r.header("accept-encoding")
                .is_some_and(|a| a.contains("gzip")),
            "{r:?}"
        );
    }
}

#[test]
fn each_failure_names_its_address_and_the_rest_load() {
    let server = server();
    let home = tempfile::tempdir().unwrap();
    fs::write(home.path().join("config.toml"), "max_file_mb = 1\n").unwrap();
    let failing = ["/missing", "/loop", "/big", "/endless", "/bomb", "/bad"];
    let urls: Vec<String> = failing.iter().map(|p| server.url(p)).collect();
    let out = brief(home.path())
        .args(["parse", "--json", &server.url("/og")])
        .args(&urls)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let too_large = "too large: over 1048576 bytes (max_file_mb)";
    let messages = [
        "the server answered 404 Not Found",
        "more than 5 redirects",
        too_large,
        too_large,
        too_large,
        "not a feed brief can read (",
    ];
    for (url, message) in urls.iter().zip(messages) {
        let line = format!("brief: {url}: {message}");
        assert!(stderr.contains(&line), "{line}\nnot in\n{stderr}");
    }
    let articles = json_lines(&out.get_output().stdout);
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["path"], server.url("/og"));
}

#[test]
fn a_server_that_does_not_answer_times_out() {
    let server = server();
    let options = Options {
        cache: None,
        timeout: Duration::from_millis(300),
        ..Options::new(library::DEFAULT_MAX_BYTES)
    };
    let sources = [
        Source::Url(server.url("/slow")),
        Source::Url(server.url("/og")),
    ];
    let start = Instant::now();
    let loaded = library::load_all(&sources, &options, |d| d.origin);
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(loaded.documents, [library::Origin::Url(server.url("/og"))]);
    let errors: Vec<String> = loaded.errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        errors,
        [format!(
            "{}: timed out (no answer in 0.3 s)",
            server.url("/slow")
        )]
    );
}

#[test]
fn downloads_are_revalidated_and_opened_offline() {
    let server = server();
    let home = tempfile::tempdir().unwrap();
    let url = server.url("/page");
    let run = || {
        brief(home.path())
            .args(["parse", "--json", &url])
            .assert()
            .success()
    };
    let fresh = json_lines(&run().get_output().stdout);
    assert_eq!(fresh.len(), 1);
    // The next open asks whether the page changed, and reads the kept copy
    // when it has not.
    let again = run();
    assert_eq!(json_lines(&again.get_output().stdout), fresh);
    let asked = server.requests();
    assert_eq!(asked.len(), 2);
    assert_eq!(asked[0].header("if-none-match"), None);
    assert_eq!(asked[1].header("if-none-match"), Some("\"v1\""));
    // Offline, the kept copy opens with a note.
    server.stop();
    let offline = run();
    assert_eq!(json_lines(&offline.get_output().stdout), fresh);
    let stderr = String::from_utf8_lossy(&offline.get_output().stderr).into_owned();
    assert!(
        stderr.starts_with(&format!("brief: {url}: cannot fetch: ")),
        "{stderr}"
    );
    assert!(stderr.contains("; showing the copy saved 20"), "{stderr}");
    // Without a kept copy, offline is a failure naming the address.
    brief(home.path())
        .args(["parse", &server.url("/og")])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(format!(
            "brief: {}: cannot fetch: ",
            server.url("/og")
        )));
}

#[test]
fn sources_in_the_config_are_what_brief_opens() {
    let server = server();
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("saved");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join("plain.html"), fixture("plain.html")).unwrap();
    fs::write(
        home.path().join("config.toml"),
        format!(
            "articles = \"nowhere\"\nsources = [\"{}\", \"{}\"]\n",
            folder.display(),
            server.url("/feed")
        ),
    )
    .unwrap();
    // Piped, plain brief prints the outline of its sources.
    brief(home.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Medieval sea chart found in a monastery library",
        ))
        .stdout(predicate::str::contains(
            "Lighthouse keeper retires after forty years",
        ));
}

#[test]
fn the_reader_opens_at_once_and_says_what_it_fetches() {
    if !tmux::tmux_installed() {
        return;
    }
    let server = server();
    let cache = tempfile::tempdir().unwrap();
    let tmux = tmux::Tmux::start("fetch", 120, 40);
    let url = server.url("/slow");
    let start = Instant::now();
    tmux.type_line(&format!(
        "XDG_CACHE_HOME='{}' {} '{url}'; echo exit=$?",
        cache.path().display(),
        tmux::BIN
    ));
    let fetching = format!("fetching {}…", server.addr);
    tmux.wait("the status line", |s| s.contains(&fetching));
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "{:?}",
        start.elapsed()
    );
    tmux.wait("the page", |s| {
        s.contains("Medieval sea chart found") && !s.contains(&fetching)
    });
    tmux.quit_and_check_restored();
}

#[test]
fn the_host_being_fetched_is_shown_safely() {
    use brief::library::{Event, Origin};
    use brief::tui::settings::Settings;
    use brief::tui::{Action, App, receive, update};
    let mut app = App::new(&Settings::builtin(), false);
    update(
        &mut app,
        Action::Resize {
            width: 120,
            height: 10,
        },
    );
    let origin = Origin::Url("https://user@ex\u{1b}]0;owned\u{7}ample.com:8080/feed".into());
    receive(
        &mut app,
        [Event::Fetching {
            origin: origin.clone(),
        }],
    );
    let mut terminal = screen::terminal(&app);
    screen::draw(&mut terminal, &app);
    let status: String = (0..120)
        .map(|x| terminal.backend().buffer()[(x, 9)].symbol().to_owned())
        .collect();
    assert!(
        status.contains("fetching ex␛]0;owned␇ample.com:8080…"),
        "{status}"
    );
    receive(
        &mut app,
        [Event::Read {
            origin,
            result: Ok(Vec::new()),
        }],
    );
    screen::draw(&mut terminal, &app);
    let status: String = (0..120)
        .map(|x| terminal.backend().buffer()[(x, 9)].symbol().to_owned())
        .collect();
    assert!(!status.contains("fetching"), "{status}");
}
