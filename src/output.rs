//! What `brief parse` and `brief quotes` print: a readable outline, or JSON
//! Lines in the documented schema. Text from articles goes through
//! [`Article::show`], so no control character reaches the output raw.

use std::io::{self, Write};

use serde::Serialize;

use crate::article::text::{displayed, sanitize};
use crate::article::{Article, Person, Quote, QuoteKind, Source, Span};
use crate::briefing::{Briefing, QuoteSource, Speaker};
use crate::json::{self, open_object};
use crate::library::{Document, Origin};

fn shown(a: &Article, s: Option<Span>) -> Option<String> {
    s.map(|s| a.show(s))
}

/// What a quote's JSON object holds besides its words, its speaker and
/// the words that name them: numbers and kinds, which `brief quotes` keeps
/// as they are until it writes the object.
#[derive(Clone, Copy)]
struct QuoteFields {
    kind: QuoteKind,
    source: Option<Source>,
    start: u32,
    end: u32,
    mention: Option<(u32, u32)>,
    paragraph: u32,
}

impl QuoteFields {
    fn of(q: &Quote) -> Self {
        let narrow = |n: usize| u32::try_from(n).expect("an article under 4 GB");
        QuoteFields {
            kind: q.kind,
            source: q.source,
            start: narrow(q.content.start),
            end: narrow(q.content.end),
            mention: q.mention.map(|m| (narrow(m.start), narrow(m.end))),
            paragraph: narrow(q.paragraph),
        }
    }
}

/// A quote as a JSON object, written field by field: `brief quotes`
/// writes one for every quote of a briefing. `words` and `mention` write
/// the JSON strings of the quote's words and of the words naming its
/// speaker (or `null`); `speaker` is [`Article::speaker_name`].
fn quote_json(
    out: &mut String,
    f: QuoteFields,
    speaker: Option<&str>,
    words: impl FnOnce(&mut String),
    mention: impl FnOnce(&mut String),
) {
    out.push_str("{\"text\":");
    words(out);
    out.push_str(",\"kind\":\"");
    out.push_str(f.kind.as_str());
    out.push_str("\",\"start\":");
    json::number(out, f.start as usize);
    out.push_str(",\"end\":");
    json::number(out, f.end as usize);
    out.push_str(",\"speaker\":");
    json::option_string(out, speaker);
    out.push_str(",\"mention\":");
    mention(out);
    out.push_str(",\"mention_start\":");
    json::option_number(out, f.mention.map(|m| m.0 as usize));
    out.push_str(",\"mention_end\":");
    json::option_number(out, f.mention.map(|m| m.1 as usize));
    out.push_str(",\"paragraph\":");
    json::number(out, f.paragraph as usize);
    out.push_str(",\"source\":");
    json::option_string(out, f.source.map(Source::as_str));
    out.push('}');
}

/// [`quote_json`] of a quote of `a`.
fn article_quote_json(out: &mut String, a: &Article, q: &Quote, speaker: Option<&str>) {
    quote_json(
        out,
        QuoteFields::of(q),
        speaker,
        |out| json::string(out, &displayed(a.slice(q.content))),
        |out| json::option_string(out, q.mention.map(|m| displayed(a.slice(m))).as_deref()),
    );
}

/// The source as JSON's `"path"` names it: the file, or the address.
fn source_name(origin: &Origin) -> String {
    match origin {
        Origin::File(path) => path.to_string_lossy().into_owned(),
        Origin::Url(url) => url.clone(),
    }
}

/// Opens an object with `"path"`, `"url"` and `"item"`: where the article
/// came from.
fn identity_json(out: &mut String, doc: &Document) {
    out.push_str("{\"path\":");
    json::string(out, &source_name(&doc.origin));
    out.push_str(",\"url\":");
    json::option_string(out, doc.url.as_deref());
    out.push_str(",\"item\":");
    json::option_string(out, doc.item.as_deref());
}

/// One article as a line of JSON, written field by field into one string:
/// a shown copy of every paragraph at once would cost, for a story of short
/// lines, many times the story. An article whose text brief made (from a
/// page, a feed or a download) ends with `"text"`, which its offsets
/// point into; a file's own text is the file.
pub fn article_json(doc: &Document) -> String {
    let a = &doc.article;
    // Room for the body and the quotes as they mostly come out; more is
    // found as needed.
    let body: usize = a.paragraphs().map(Span::len).sum();
    let text = if doc.composed { a.text.len() } else { 0 };
    let mut out =
        String::with_capacity(body + text + 212 * a.quotes.len() + 150 * a.people.len() + 512);
    let shown = |s: Span| displayed(a.slice(s));
    identity_json(&mut out, doc);
    out.push_str(",\"kicker\":");
    json::option_string(&mut out, a.kicker.map(shown).as_deref());
    out.push_str(",\"title\":");
    json::option_string(&mut out, a.title.map(shown).as_deref());
    out.push_str(",\"authors\":");
    json::strings(&mut out, a.authors.iter().map(|&s| shown(s)));
    out.push_str(",\"published\":");
    json::option_string(&mut out, a.published.as_deref());
    out.push_str(",\"sections\":[");
    for (i, s) in a.sections.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"heading\":");
        json::option_string(&mut out, s.heading.map(shown).as_deref());
        out.push_str(",\"paragraphs\":");
        json::strings(&mut out, s.paragraphs.iter().map(|&p| shown(p)));
        out.push('}');
    }
    out.push_str("],\"people\":[");
    for (i, (p, quotes)) in a.people.iter().zip(a.quote_counts()).enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"name\":");
        json::string(&mut out, &p.name);
        out.push_str(",\"role\":");
        json::option_string(&mut out, p.role.as_deref());
        out.push_str(",\"aliases\":");
        json::strings(&mut out, &p.aliases);
        out.push_str(",\"mentions\":");
        json::number(&mut out, p.mentions.len());
        out.push_str(",\"quotes\":");
        json::number(&mut out, quotes);
        out.push_str(",\"source\":\"");
        out.push_str(p.source.as_str());
        out.push_str("\"}");
    }
    out.push_str("],\"quotes\":[");
    for (i, q) in a.quotes.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        article_quote_json(&mut out, a, q, a.speaker_name(q).as_deref());
    }
    out.push(']');
    if doc.composed {
        out.push_str(",\"text\":");
        json::string(&mut out, &a.text);
    }
    out.push('}');
    out
}

fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// One article as a readable outline.
pub fn article_outline(doc: &Document) -> String {
    use std::fmt::Write;
    let a = &doc.article;
    let mut o = String::new();
    let _ = writeln!(o, "{}", sanitize(&doc.origin.to_string()));
    if let Some(item) = &doc.item {
        let _ = writeln!(o, "  item:      {}", sanitize(item));
    }
    if let Some(url) = &doc.url {
        let _ = writeln!(o, "  url:       {}", sanitize(url));
    }
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
            let who = a
                .speaker_name(q)
                .map_or_else(|| "(unattributed)".into(), |n| sanitize(&n));
            let mark = match q.kind {
                crate::article::QuoteKind::Direct => "“”",
                crate::article::QuoteKind::Indirect | crate::article::QuoteKind::Mixed => "~ ",
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
                format!("; also {}", sanitize(&p.aliases.join(", ")))
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
    source: Option<&'a str>,
}

/// What `brief quotes` keeps of an article once it is parsed: its people
/// and each quote's speaker for the briefing, and each quote ready for the
/// output format. The article's text is not kept, so a briefing of any
/// size fits in memory, and the output is only put together at the end.
pub struct ArticleQuotes {
    pub people: Vec<Person>,
    /// Who each quote is filed under, in order.
    pub sources: Vec<QuoteSource>,
    /// What each quote shares: in JSON the opening of its object (path,
    /// url, item and title), in text the line naming the article.
    source: Box<str>,
    /// Every quote's words, one after another: in JSON as a JSON string
    /// followed by the JSON of the words naming its speaker (a string or
    /// `null`), in text as its line. One allocation for the article, not
    /// one for each quote.
    quotes: Box<str>,
    /// Where each piece of `quotes` ends: in JSON two for each quote.
    ends: Box<[u32]>,
    /// In JSON, each quote's other fields: kept as numbers rather than
    /// written out, which would take several times the room (a briefing
    /// of a million quotes holds them all until the end).
    fields: Box<[QuoteFields]>,
}

impl ArticleQuotes {
    pub fn new(mut doc: Document, json: bool) -> Self {
        let mut a = std::mem::take(&mut doc.article);
        let title = shown(&a, a.title);
        let sources: Vec<QuoteSource> = a.quotes.iter().map(|q| QuoteSource::of(&a, q)).collect();
        // Room for every quote's words and what goes around them, so that
        // the string is not copied to grow; it is copied once to its size
        // below.
        let around = if json { 32 } else { 16 };
        let room = a.quotes.iter().map(|q| q.content.len() + around).sum();
        let mut quotes = String::with_capacity(room);
        let mut ends = Vec::with_capacity(a.quotes.len() * if json { 2 } else { 1 });
        let mut fields = Vec::new();
        let source = if json {
            for q in &a.quotes {
                json::string(&mut quotes, &displayed(a.slice(q.content)));
                ends.push(quotes.len());
                json::option_string(
                    &mut quotes,
                    q.mention.map(|m| displayed(a.slice(m))).as_deref(),
                );
                ends.push(quotes.len());
            }
            fields = a.quotes.iter().map(QuoteFields::of).collect();
            // The fields every quote of the article shares, its object
            // left open.
            let mut source = String::new();
            identity_json(&mut source, &doc);
            source.push_str(",\"title\":");
            json::option_string(&mut source, title.as_deref());
            source
        } else {
            for q in &a.quotes {
                let text = a.show(q.content);
                match q.kind {
                    QuoteKind::Direct => quotes.extend(["  “", &text, "”"]),
                    QuoteKind::Indirect | QuoteKind::Mixed => {
                        quotes.extend(["  (reported) ", &text]);
                    }
                }
                ends.push(quotes.len());
            }
            title.unwrap_or_else(|| sanitize(&source_name(&doc.origin)))
        };
        a.forget_mentions();
        let people = std::mem::take(&mut a.people);
        // Kept to the end, so copied into allocations of their exact size: a
        // shrinking reallocation may keep the spare capacity.
        let narrow = |end: usize| u32::try_from(end).expect("an article's quotes fit in 4 GB");
        ArticleQuotes {
            people,
            sources,
            source: Box::from(source.as_str()),
            quotes: Box::from(quotes.as_str()),
            ends: ends.into_iter().map(narrow).collect(),
            fields: fields.into_boxed_slice(),
        }
    }

    /// Piece `i` of `quotes`.
    fn piece(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |k| self.ends[k] as usize);
        &self.quotes[start..self.ends[i] as usize]
    }

    /// Writes quote `i`; in JSON `buf` is where its object is put together.
    fn write_quote(
        &self,
        out: &mut impl Write,
        i: usize,
        buf: Option<&mut String>,
    ) -> io::Result<()> {
        let Some(buf) = buf else {
            return writeln!(out, "{}\n      — {}", self.piece(i), self.source);
        };
        buf.clear();
        // The source's object goes on with the quote's own fields.
        buf.push_str(&self.source);
        buf.push(',');
        let at = buf.len();
        quote_json(
            buf,
            self.fields[i],
            self.sources[i].name(&self.people),
            |out| out.push_str(self.piece(2 * i)),
            |out| out.push_str(self.piece(2 * i + 1)),
        );
        // `{"text":...}` continues the source's object as `,"text":...}`.
        buf.remove(at);
        out.write_all(buf.as_bytes())
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
    let mut quotes = s.quotes.iter().map(|r| (&articles[r.article()], r.quote()));
    if json {
        let mut buf = String::with_capacity(1024);
        let head = open_object(&SpeakerJson {
            speaker: s.name.as_deref(),
            role: s.role.as_deref(),
            aliases: &s.aliases,
            source: s.source.map(Source::as_str),
        });
        write!(out, "{head},\"quotes\":[")?;
        if let Some((a, i)) = quotes.next() {
            a.write_quote(out, i, Some(&mut buf))?;
        }
        for (a, i) in quotes {
            out.write_all(b",")?;
            a.write_quote(out, i, Some(&mut buf))?;
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
        quotes.try_for_each(|(a, i)| a.write_quote(out, i, None))
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
