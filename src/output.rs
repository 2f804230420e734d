//! What `brief parse` and `brief quotes` print: a readable outline, or JSON
//! Lines in the documented schema. Text from articles goes through
//! [`Article::show`], so no control character reaches the output raw.

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::article::text::{sanitize, visible};
use crate::article::{Article, Person, QuoteKind, Span};
use crate::briefing::{Briefing, Speaker};

#[derive(Serialize)]
struct ArticleJson<'a> {
    path: String,
    kicker: Option<String>,
    title: Option<String>,
    authors: Vec<String>,
    published: Option<&'a str>,
    sections: Vec<SectionJson>,
    people: Vec<PersonJson<'a>>,
    quotes: Vec<QuoteJson>,
}

#[derive(Serialize)]
struct SectionJson {
    heading: Option<String>,
    paragraphs: Vec<String>,
}

#[derive(Serialize)]
struct PersonJson<'a> {
    name: &'a str,
    role: Option<&'a str>,
    aliases: &'a [String],
    mentions: usize,
    quotes: usize,
}

#[derive(Serialize)]
struct QuoteJson {
    text: String,
    kind: &'static str,
    start: usize,
    end: usize,
    speaker: Option<String>,
    mention: Option<String>,
    mention_start: Option<usize>,
    mention_end: Option<usize>,
    paragraph: usize,
}

/// JSON in which nothing can act on a terminal: serde escapes C0 controls,
/// and this also escapes C1 controls, bidi overrides and invisible
/// characters as `\uXXXX`, so strings keep their exact value (a file name
/// stays openable) while the bytes written are harmless.
fn to_json(value: &impl Serialize) -> String {
    struct Safe;
    impl serde_json::ser::Formatter for Safe {
        fn write_string_fragment<W: ?Sized + std::io::Write>(
            &mut self,
            out: &mut W,
            fragment: &str,
        ) -> std::io::Result<()> {
            // serde_json escapes C0 controls itself, so a fragment of ASCII
            // without DEL is safe as it is; both are checked many bytes at a
            // time.
            if fragment.is_ascii() && memchr::memchr(0x7f, fragment.as_bytes()).is_none() {
                return out.write_all(fragment.as_bytes());
            }
            let mut rest = fragment;
            while let Some((i, c)) = rest.char_indices().find(|&(_, c)| visible(c).is_some()) {
                out.write_all(&rest.as_bytes()[..i])?;
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(out, "\\u{unit:04x}")?;
                }
                rest = &rest[i + c.len_utf8()..];
            }
            out.write_all(rest.as_bytes())
        }
    }
    // Most values are a quote or a speaker of a few hundred bytes: room for
    // them at once spares the doubling reallocations.
    let mut out = Vec::with_capacity(512);
    value
        .serialize(&mut serde_json::Serializer::with_formatter(&mut out, Safe))
        .expect("plain data serializes");
    String::from_utf8(out).expect("JSON is UTF-8")
}

fn shown(a: &Article, s: Option<Span>) -> Option<String> {
    s.map(|s| a.show(s))
}

fn quote_json(a: &Article, q: &crate::article::Quote) -> QuoteJson {
    QuoteJson {
        text: a.show(q.content),
        kind: q.kind.as_str(),
        start: q.content.start,
        end: q.content.end,
        speaker: a.speaker_name(q),
        mention: shown(a, q.mention),
        mention_start: q.mention.map(|m| m.start),
        mention_end: q.mention.map(|m| m.end),
        paragraph: q.paragraph,
    }
}

/// One article as a line of JSON.
pub fn article_json(path: &Path, a: &Article) -> String {
    let counts = a.quote_counts();
    let json = ArticleJson {
        path: path.to_string_lossy().into_owned(),
        kicker: shown(a, a.kicker),
        title: shown(a, a.title),
        authors: a.authors.iter().map(|s| a.show(*s)).collect(),
        published: a.published.as_deref(),
        sections: a
            .sections
            .iter()
            .map(|s| SectionJson {
                heading: shown(a, s.heading),
                paragraphs: s.paragraphs.iter().map(|p| a.show(*p)).collect(),
            })
            .collect(),
        people: a
            .people
            .iter()
            .zip(&counts)
            .map(|(p, &quotes)| PersonJson {
                name: &p.name,
                role: p.role.as_deref(),
                aliases: &p.aliases,
                mentions: p.mentions.len(),
                quotes,
            })
            .collect(),
        quotes: a.quotes.iter().map(|q| quote_json(a, q)).collect(),
    };
    to_json(&json)
}

fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// One article as a readable outline.
pub fn article_outline(path: &Path, a: &Article) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let _ = writeln!(o, "{}", sanitize(&path.display().to_string()));
    if let Some(k) = shown(a, a.kicker) {
        let _ = writeln!(o, "  kicker:    {k}");
    }
    let _ = writeln!(
        o,
        "  title:     {}",
        shown(a, a.title).unwrap_or_else(|| "(none)".into())
    );
    if !a.authors.is_empty() {
        let names: Vec<String> = a.authors.iter().map(|s| a.show(*s)).collect();
        let _ = writeln!(o, "  by:        {}", names.join(", "));
    }
    if let Some(p) = &a.published {
        let _ = writeln!(o, "  published: {p}");
    }
    if let Some(d) = shown(a, a.dateline) {
        let _ = writeln!(o, "  dateline:  {d}");
    }
    let mut n = 0;
    for section in &a.sections {
        if let Some(h) = shown(a, section.heading) {
            let _ = writeln!(o, "  ## {h}");
        }
        for p in &section.paragraphs {
            let label = if n == 0 {
                "lead".to_string()
            } else {
                format!("{n:>4}")
            };
            let _ = writeln!(o, "  {label:>4}  {}", clip(&a.show(*p), 90));
            n += 1;
        }
    }
    if !a.quotes.is_empty() {
        let _ = writeln!(o, "  quotes:");
        for q in &a.quotes {
            let who = a.speaker_name(q).unwrap_or_else(|| "(unattributed)".into());
            let mark = match q.kind {
                crate::article::QuoteKind::Direct => "“”",
                crate::article::QuoteKind::Indirect => "~ ",
            };
            let _ = writeln!(o, "    {mark} {} — {who}", clip(&a.show(q.content), 80));
        }
    }
    if !a.people.is_empty() {
        let _ = writeln!(o, "  people:");
        for (p, quotes) in a.people.iter().zip(a.quote_counts()) {
            let role = p
                .role
                .as_ref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            let aka = if p.aliases.is_empty() {
                String::new()
            } else {
                format!("; also {}", p.aliases.join(", "))
            };
            let _ = writeln!(
                o,
                "    {}{role}: {} mentions, {quotes} quotes{aka}",
                sanitize(&p.name),
                p.mentions.len()
            );
        }
    }
    o
}

#[derive(Serialize)]
struct SpeakerJson<'a> {
    speaker: Option<&'a str>,
    role: Option<&'a str>,
    aliases: &'a [String],
}

#[derive(Serialize)]
struct QuoteSourceJson<'a> {
    path: &'a str,
    title: Option<&'a str>,
}

/// What `brief quotes` keeps of an article once it is parsed: its people
/// and each quote's speaker for the briefing, and each quote rendered in
/// the output format. The article's text is not kept, so a briefing of any
/// size fits in memory, and the output is only put together at the end.
pub struct ArticleQuotes {
    pub people: Vec<Person>,
    /// The speaker's name of each quote, in order ([`Article::speaker_name`]).
    pub speakers: Vec<Option<String>>,
    /// What each quote shares: in JSON the opening of its object (path and
    /// title), in text the line naming the article.
    source: Box<str>,
    /// Each quote: in JSON its own fields as an object, in text its line.
    /// These and `source` are copied into boxes of their exact size: they
    /// are kept to the end, and a shrinking reallocation may keep the spare
    /// capacity.
    quotes: Vec<Box<str>>,
}

/// A JSON object without its closing brace, so that more fields can follow.
fn open_object(value: &impl Serialize) -> String {
    let mut json = to_json(value);
    json.pop();
    json
}

impl ArticleQuotes {
    pub fn new(path: &Path, mut a: Article, json: bool) -> Self {
        let title = shown(&a, a.title);
        let path = path.to_string_lossy();
        let (source, quotes) = if json {
            let source = open_object(&QuoteSourceJson {
                path: &path,
                title: title.as_deref(),
            });
            let quotes = a
                .quotes
                .iter()
                .map(|q| Box::from(to_json(&quote_json(&a, q)).as_str()))
                .collect();
            (source, quotes)
        } else {
            let source = title.unwrap_or_else(|| sanitize(&path));
            let quotes = a
                .quotes
                .iter()
                .map(|q| {
                    let line = match q.kind {
                        QuoteKind::Direct => format!("  “{}”", a.show(q.content)),
                        QuoteKind::Indirect => format!("  (reported) {}", a.show(q.content)),
                    };
                    Box::from(line.as_str())
                })
                .collect();
            (source, quotes)
        };
        let speakers = a.quotes.iter().map(|q| a.speaker_name(q)).collect();
        let mut people = std::mem::take(&mut a.people);
        for p in &mut people {
            p.mentions = Vec::new();
        }
        ArticleQuotes {
            people,
            speakers,
            source: Box::from(source.as_str()),
            quotes,
        }
    }

    fn write_quote(&self, out: &mut impl Write, i: usize, json: bool) -> io::Result<()> {
        let quote = &self.quotes[i];
        if json {
            // `{"text":...}` continues the source's object as `,"text":...}`.
            out.write_all(self.source.as_bytes())?;
            out.write_all(b",")?;
            out.write_all(&quote.as_bytes()[1..])
        } else {
            writeln!(out, "{quote}\n      — {}", self.source)
        }
    }
}

/// One speaker's quotes across the briefing: a line of JSON, or a name line
/// and the quotes below it. `json` must be what the articles were made with.
pub fn write_speaker(
    out: &mut impl Write,
    articles: &[ArticleQuotes],
    s: &Speaker,
    json: bool,
) -> io::Result<()> {
    let mut quotes = s.quotes.iter().map(|r| (&articles[r.article], r.quote));
    if json {
        let head = open_object(&SpeakerJson {
            speaker: s.name.as_deref(),
            role: s.role.as_deref(),
            aliases: &s.aliases,
        });
        write!(out, "{head},\"quotes\":[")?;
        if let Some((a, i)) = quotes.next() {
            a.write_quote(out, i, json)?;
        }
        for (a, i) in quotes {
            out.write_all(b",")?;
            a.write_quote(out, i, json)?;
        }
        out.write_all(b"]}\n")
    } else {
        let name = s
            .name
            .as_deref()
            .map(sanitize)
            .unwrap_or_else(|| "(unattributed)".into());
        let role = s
            .role
            .as_deref()
            .map(|r| format!(" ({})", sanitize(r)))
            .unwrap_or_default();
        writeln!(out, "{name}{role}: {} quotes", s.quotes.len())?;
        quotes.try_for_each(|(a, i)| a.write_quote(out, i, json))
    }
}

/// Speakers matching `query` (all when `None`), most quoted first.
pub fn speakers<'b>(briefing: &'b Briefing, query: Option<&str>) -> Vec<&'b Speaker> {
    briefing
        .ranked()
        .into_iter()
        .filter(|s| query.is_none_or(|q| Briefing::matches(s, q)))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn json_escapes_what_a_terminal_would_act_on() {
        let json = super::to_json(&"a\u{9b}31m b\u{202e}c\u{1b}");
        assert_eq!(json, r#""a\u009b31m b\u202ec\u001b""#);
        assert_eq!(
            serde_json::from_str::<String>(&json).unwrap(),
            "a\u{9b}31m b\u{202e}c\u{1b}"
        );
    }
}
