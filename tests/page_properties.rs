//! Properties of pages and feeds on arbitrary markup: reading never
//! panics, and every article brief writes from a page or a feed item is
//! as well formed as a parsed text (spans inside its text on character
//! boundaries, valid indexes, nothing shown holding a control character).

use brief::library::{self, Options, Origin};
use proptest::prelude::*;

#[path = "support/invariants.rs"]
mod invariants;

/// Markup made of the pieces pages are made of: tags that open blocks,
/// lists, headings and hidden parts, left open or closed, entities, quotes
/// and names, and hostile characters.
fn markup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>"),
        Just("</p>"),
        Just("<div class=\"story\">"),
        Just("<div class=\"share\">"),
        Just("</div>"),
        Just("<h2>"),
        Just("</h2>"),
        Just("<h1>"),
        Just("<ul><li>"),
        Just("</li><li>"),
        Just("</ul>"),
        Just("<br>"),
        Just("<pre>  a\n b</pre>"),
        Just("<table><tr><td>"),
        Just("<b>"),
        Just("<span hidden>"),
        Just("<script>x = '<p>'</script>"),
        Just("<!-- c -->"),
        Just("&amp;"),
        Just("&#x1b;"),
        Just("&nbsp;"),
        Just("\""),
        Just("“"),
        Just("By Ana Lima"),
        Just(" said Mayor Tom Berg. "),
        Just("# "),
        Just("- "),
        Just("```"),
        Just("\u{202e}"),
        Just("\u{1b}]0;x\u{7}"),
        Just("\n\n"),
        Just("The council voted on Tuesday to close the old bridge for repairs. "),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

fn check(name: &str, body: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, body).unwrap();
    let options = Options {
        cache: None,
        ..Options::new(library::DEFAULT_MAX_BYTES)
    };
    if let Ok(read) = library::read(&Origin::File(path), &options) {
        for document in &read.documents {
            invariants::check(&document.article);
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_page_reads_into_a_well_formed_article(title in markup(), body in markup()) {
        let page = format!(
            "<html><head><title>{}</title><meta name=\"author\" content=\"{}\"></head><body>{body}</body></html>",
            escape(&title),
            escape(&title).replace('"', "&quot;")
        );
        check("page.html", &page);
    }

    #[test]
    fn any_feed_item_reads_into_a_well_formed_article(title in markup(), body in markup()) {
        let feed = format!(
            "<rss version=\"2.0\"><channel><title>T</title><item><title>{}</title><guid>1</guid>\
             <description>{}</description></item></channel></rss>",
            escape(&title),
            escape(&body)
        );
        check("feed.rss", &feed);
    }
}
