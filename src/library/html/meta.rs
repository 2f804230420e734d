//! What a page says about itself: its title, authors, publication date and
//! link, from its markup rather than its text. In order of trust: JSON-LD
//! (`NewsArticle`, `Article` and their kin: `headline`, `author`,
//! `datePublished`), OpenGraph and `article:*` meta tags, `<meta
//! name=author>` and its kin, and `<title>` with the site's name cut off.

use dom_query::{Document, NodeRef};
use serde_json::Value;

/// The page's own metadata; `None` or empty where it says nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601: `2015-07-24T10:00` or `2015-07-24`.
    pub published: Option<String>,
    /// The page's canonical address.
    pub link: Option<String>,
}

/// Schema.org types whose `headline`, `author` and `datePublished` are the
/// article's; a `WebPage` is taken last.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "ScholarlyArticle",
    "TechArticle",
    "Report",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "WebPage",
];

/// Meta tags naming authors, in order of trust.
const AUTHOR_KEYS: &[&str] = &[
    "article:author",
    "author",
    "byl",
    "dc.creator",
    "sailthru.author",
    "parsely-author",
    "citation_author",
];

/// Meta tags holding the publication date, in order of trust.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
];

/// What one pass over the page gathers for the rules below.
#[derive(Default)]
struct Gathered {
    /// `(name, content)` of each meta tag, the name lowercased.
    tags: Vec<(String, String)>,
    json_ld: Vec<String>,
    title: Option<String>,
    canonical: Option<String>,
    time: Option<String>,
}

impl Gathered {
    fn tag(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| {
            self.tags
                .iter()
                .find(|(name, content)| name == k && !content.is_empty())
                .map(|(_, content)| content.as_str())
        })
    }
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn gather(doc: &Document) -> Gathered {
    let mut g = Gathered::default();
    for node in doc.root().descendants_it() {
        let Some(name) = node.node_name() else {
            continue;
        };
        let attr = |key: &str| node.attr(key).map(|v| v.to_string());
        match &*name {
            "meta" => {
                if let Some(key) = ["property", "name", "itemprop"]
                    .iter()
                    .find_map(|k| attr(k))
                {
                    g.tags.push((
                        key.to_lowercase(),
                        fold(&attr("content").unwrap_or_default()),
                    ));
                }
            }
            "script"
                if attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) =>
            {
                g.json_ld.push(node.text().to_string());
            }
            "link"
                if g.canonical.is_none()
                    && attr("rel").is_some_and(|r| {
                        r.split_whitespace()
                            .any(|r| r.eq_ignore_ascii_case("canonical"))
                    }) =>
            {
                g.canonical = attr("href");
            }
            "time" if g.time.is_none() => g.time = attr("datetime"),
            "title" if g.title.is_none() && !in_svg(&node) => g.title = Some(fold(&node.text())),
            _ => {}
        }
    }
    g
}

/// An SVG's `<title>` is a tooltip, not the page's.
fn in_svg(node: &NodeRef) -> bool {
    node.ancestors_it(None)
        .any(|a| a.node_name().is_some_and(|n| &*n == "svg"))
}

/// The page's metadata.
pub fn meta(doc: &Document) -> Meta {
    let g = gather(doc);
    let mut meta = Meta::default();
    let site = g
        .tag(&["og:site_name", "application-name"])
        .map(str::to_owned);
    for raw in &g.json_ld {
        json_ld(raw, &mut meta);
    }
    let page_title = g.title.clone().unwrap_or_default();
    let og_title = g.tag(&["og:title", "twitter:title"]).unwrap_or_default();
    // A JSON-LD headline that shares few words with the page's titles is a
    // summary or a series' name, not the headline.
    if let Some(t) = &meta.title
        && overlap(t, &format!("{page_title} {og_title}")) < 0.5
    {
        meta.title = None;
    }
    let title = meta
        .title
        .take()
        .or_else(|| {
            g.tag(&["og:title", "twitter:title", "dc.title"])
                .map(str::to_owned)
        })
        .or_else(|| g.title.clone().filter(|t| !t.is_empty()));
    meta.title = title.map(|t| cut_site(&t, site.as_deref()));
    if meta.authors.is_empty()
        && let Some(names) = g.tag(AUTHOR_KEYS)
    {
        meta.authors = split_names(names);
    }
    if meta.published.is_none() {
        meta.published = g
            .tag(DATE_KEYS)
            .and_then(iso_date)
            .or_else(|| g.time.as_deref().and_then(iso_date));
    }
    meta.link = [g.canonical.as_deref(), g.tag(&["og:url"])]
        .into_iter()
        .flatten()
        .map(str::trim)
        .find(|l| super::super::is_url(l))
        .map(str::to_owned);
    meta
}

fn types(v: &Value) -> Vec<&str> {
    match v.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// Every object of a JSON-LD value: the value itself, arrays and `@graph`.
fn objects<'v>(v: &'v Value, out: &mut Vec<&'v Value>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| objects(i, out)),
        Value::Object(map) => {
            out.push(v);
            if let Some(graph) = map.get("@graph") {
                objects(graph, out);
            }
        }
        _ => {}
    }
}

/// A JSON-LD string as text: pages escape entities in it, which the HTML
/// parser leaves alone inside a script.
fn ld_text(s: &str) -> String {
    fold(&html_escape::decode_html_entities(s))
}

/// The names of people in a JSON-LD `author`: organisations are not
/// authors.
fn ld_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.extend(split_names(&ld_text(s))),
        Value::Array(items) => items.iter().for_each(|i| ld_names(i, out)),
        Value::Object(map) => {
            let organisation = types(v).iter().any(|t| t.ends_with("Organization"));
            if let Some(name) = map.get("name").filter(|_| !organisation) {
                ld_names(name, out);
            }
        }
        _ => {}
    }
}

/// Fills what `meta` lacks from one JSON-LD script.
fn json_ld(raw: &str, meta: &mut Meta) {
    let raw = raw.trim();
    let raw = raw.strip_prefix("<![CDATA[").unwrap_or(raw);
    let raw = raw.strip_suffix("]]>").unwrap_or(raw);
    let Ok(value) = serde_json::from_str::<Value>(raw) else {
        return;
    };
    let mut all = Vec::new();
    objects(&value, &mut all);
    all.sort_by_key(|o| types(o).contains(&"WebPage"));
    for o in all {
        if !types(o).iter().any(|t| ARTICLE_TYPES.contains(t)) {
            continue;
        }
        if meta.title.is_none() {
            meta.title = o
                .get("headline")
                .or_else(|| o.get("name"))
                .and_then(Value::as_str)
                .map(ld_text)
                .filter(|t| !t.is_empty());
        }
        if meta.authors.is_empty()
            && let Some(author) = o.get("author").or_else(|| o.get("creator"))
        {
            ld_names(author, &mut meta.authors);
        }
        if meta.published.is_none() {
            meta.published = o
                .get("datePublished")
                .or_else(|| o.get("dateCreated"))
                .and_then(Value::as_str)
                .and_then(iso_date);
        }
    }
}

/// `By Jane Doe and John Roe` as `["Jane Doe", "John Roe"]`; links and
/// handles are not names.
pub fn split_names(s: &str) -> Vec<String> {
    let s = fold(s);
    let s = ["By ", "by ", "BY "]
        .iter()
        .find_map(|by| s.strip_prefix(by))
        .unwrap_or(&s);
    s.split([',', ';', '|', '&'])
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|p| !p.is_empty() && !p.contains(['/', '@']) && p.chars().any(char::is_alphabetic))
        .map(str::to_owned)
        .collect()
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date as the model writes it: `2015-07-24T10:00` when the time is
/// given as ISO 8601 does, else the day alone (`2015/07/24`, `20150724`,
/// `July 24, 2015`, `24 July 2015`).
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if digits(0..4)
        && matches!(b.get(4), Some(b'-' | b'/'))
        && digits(5..7)
        && b.get(7) == b.get(4)
        && digits(8..10)
    {
        let day = format!("{}-{}-{}", &s[0..4], &s[5..7], &s[8..10]);
        let time = matches!(b.get(10), Some(b'T' | b' '))
            && digits(11..13)
            && b.get(13) == Some(&b':')
            && digits(14..16);
        return Some(if time {
            format!("{day}T{}", &s[11..16])
        } else {
            day
        });
    }
    if b.len() >= 8 && digits(0..8) {
        return Some(format!("{}-{}-{}", &s[0..4], &s[4..6], &s[6..8]));
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let lower = word.to_lowercase();
        if let Some(m) = MONTHS.iter().position(|m| lower.starts_with(m)) {
            month.get_or_insert(m + 1);
        } else if let Ok(n) = word.parse::<u32>() {
            if (1000..=2999).contains(&n) {
                year.get_or_insert(n);
            } else if (1..=31).contains(&n) {
                day.get_or_insert(n);
            }
        }
    }
    Some(format!("{:04}-{:02}-{:02}", year?, month?, day?))
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of `a`'s words that are in `b`.
fn overlap(a: &str, b: &str) -> f64 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() {
        return 0.0;
    }
    a.iter().filter(|w| b.contains(w)).count() as f64 / a.len() as f64
}

/// A title without the site's name after it: `Headline | Site`,
/// `Headline - Site`. The tail goes when it is the site's name, or when it
/// reads like a name (a few capitalised words) after a headline of some
/// length.
fn cut_site(title: &str, site: Option<&str>) -> String {
    let mut title = fold(title);
    'cut: loop {
        for sep in [" | ", " – ", " — ", " - ", " :: ", " » ", " · "] {
            let Some(i) = title.rfind(sep) else {
                continue;
            };
            let (head, tail) = (title[..i].trim(), title[i + sep.len()..].trim());
            let head_words = head.split_whitespace().count();
            let tail_words = tail.split_whitespace().count();
            let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail));
            let name_like = tail_words <= 3
                && tail.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && (head_words >= 3 || (tail_words == 1 && head_words >= 2));
            if head_words >= 1 && (is_site || name_like) {
                title = head.to_owned();
                continue 'cut;
            }
        }
        return title;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(html: &str) -> Meta {
        meta(&Document::from(html))
    }

    #[test]
    fn json_ld_comes_first() {
        let m = of(
            r#"<html><head><title>Talks stall in Geneva | The Daily</title>
            <meta property="og:title" content="Talks stall in Geneva, again">
            <meta name="author" content="Someone Else">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","name":"Home"},
              {"@type":"NewsArticle","headline":"Talks stall in Geneva &amp; Bern",
               "author":[{"@type":"Person","name":"Priya Raman"},{"@type":"Organization","name":"The Daily"},"Jonas Feldberg"],
               "datePublished":"2025-03-11T18:47:00+01:00"}]}</script>
            <link rel="canonical" href="https://example.com/talks"></head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Talks stall in Geneva & Bern"));
        assert_eq!(m.authors, ["Priya Raman", "Jonas Feldberg"]);
        assert_eq!(m.published.as_deref(), Some("2025-03-11T18:47"));
        assert_eq!(m.link.as_deref(), Some("https://example.com/talks"));
    }

    #[test]
    fn opengraph_then_meta_tags() {
        let m = of(r#"<head><title>Ignored - Site</title>
            <meta property="og:title" content="Harbour opens after storm">
            <meta property="og:url" content="https://example.org/harbour">
            <meta name="author" content="By Ana Ruiz and Tom Lee">
            <meta property="article:published_time" content="2024-06-25"></head>"#);
        assert_eq!(m.title.as_deref(), Some("Harbour opens after storm"));
        assert_eq!(m.authors, ["Ana Ruiz", "Tom Lee"]);
        assert_eq!(m.published.as_deref(), Some("2024-06-25"));
        assert_eq!(m.link.as_deref(), Some("https://example.org/harbour"));
    }

    #[test]
    fn the_title_loses_the_sites_name() {
        let m = of("<head><title>How the harbour was saved | Coast News</title></head>");
        assert_eq!(m.title.as_deref(), Some("How the harbour was saved"));
        assert_eq!(cut_site("New Zealand - Wikipedia", None), "New Zealand");
        assert_eq!(
            cut_site("Minecraft 1.8 - The Bountiful Update", None),
            "Minecraft 1.8 - The Bountiful Update"
        );
        assert_eq!(
            cut_site("Short - Tail words here", Some("Tail words here")),
            "Short"
        );
        assert_eq!(of("<p>No head</p>"), Meta::default());
    }

    #[test]
    fn dates_in_common_shapes() {
        for (s, want) in [
            ("2015-07-24T10:00:00+01:00", "2015-07-24T10:00"),
            ("2015/07/24", "2015-07-24"),
            ("20150724", "2015-07-24"),
            ("July 24, 2015", "2015-07-24"),
            ("24 Jul 2015 08:00", "2015-07-24"),
        ] {
            assert_eq!(iso_date(s).as_deref(), Some(want), "{s}");
        }
        assert_eq!(iso_date("yesterday"), None);
    }

    #[test]
    fn broken_json_ld_is_passed_over() {
        let m = of(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
            <title>Plain title</title>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Plain title"));
    }
}
