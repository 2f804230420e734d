//! The article model: the decoded text and everything found in it, as byte
//! ranges into that text. Spans make highlighting and jumping exact and give
//! JSON offsets for free; [`Article::show`] is the one way to turn a span into
//! text fit for a person to read.

use std::ops::Range;

use super::text;

/// A byte range into [`Article::text`], end exclusive, always on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Index into [`Article::people`].
pub type PersonId = usize;

/// One parsed article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// The decoded text (BOM dropped, line endings as in the file).
    pub text: String,
    /// The section label above the title.
    pub kicker: Option<Span>,
    pub title: Option<Span>,
    /// Byline authors, names only.
    pub authors: Vec<Span>,
    /// Publication time, ISO 8601 (`2016-09-04T09:01` or `2016-09-04`).
    pub published: Option<String>,
    /// `GENEVA (Reuters) -`: kept out of the lead paragraph's span.
    pub dateline: Option<Span>,
    /// The body in reading order; the lead is the first paragraph.
    pub sections: Vec<Section>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// People named in the story, in order of first mention.
    pub people: Vec<Person>,
    /// Inline styles, where the source marks them (a Markdown file):
    /// emphasis, strong, code, links; in text order.
    pub styles: Vec<Styled>,
}

/// A stretch of text its source set apart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Styled {
    pub span: Span,
    pub style: Inline,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Emphasis,
    Strong,
    Code,
    /// A link's text, with where it goes.
    Link(String),
}

/// A run of paragraphs under one subhead (none for the opening section).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Section {
    pub heading: Option<Span>,
    pub paragraphs: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// Words inside quote marks.
    Direct,
    /// Reported speech: `said the talks had stalled`.
    Indirect,
    /// Reported speech with quoted words inside, counted once: `said the
    /// plan was "dead on arrival"`, `called the plan "bold"`.
    Mixed,
}

impl QuoteKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Mixed => "mixed",
        }
    }
}

/// What kind of source a person entry or a quote's speaker is: a person
/// is named; an organisation (a company, party, place speaking as its
/// government, publication or report) and a group (`analysts`, `MPs`) are
/// never people; an unnamed source is a person the text does not name
/// (`a spokesman`, a pronoun nobody is found for).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    #[default]
    Person,
    Organisation,
    Group,
    Unnamed,
}

impl Source {
    pub const fn as_str(self) -> &'static str {
        match self {
            Source::Person => "person",
            Source::Organisation => "organisation",
            Source::Group => "group",
            Source::Unnamed => "unnamed",
        }
    }
}

/// A person's gender as the text tells it (an honorific, a given name, a
/// pronoun that refers to them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Gender {
    #[default]
    Unknown,
    Male,
    Female,
}

impl Gender {
    /// True when the two cannot be the same person.
    pub fn clashes(self, other: Gender) -> bool {
        self != Gender::Unknown && other != Gender::Unknown && self != other
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words, without the quote marks.
    pub content: Span,
    pub kind: QuoteKind,
    /// The person who said it, when it is a named person.
    pub speaker: Option<PersonId>,
    /// The words naming the speaker at the attribution: `Obama`, `he`,
    /// `A State Department official`.
    pub mention: Option<Span>,
    /// The kind of source: the speaker's, else what the mention names;
    /// `None` when nothing says who spoke.
    pub source: Option<Source>,
    /// Index of the paragraph holding the quote, counted across sections.
    pub paragraph: usize,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name in the article: `Barack Obama`.
    pub name: String,
    /// `U.S. President`, where the text gives one.
    pub role: Option<String>,
    /// Other forms seen: `Obama`, `Mr Obama`.
    pub aliases: Vec<String>,
    /// Every place the person is named.
    pub mentions: Vec<Span>,
    /// A person, or an organisation or group that speaks.
    pub source: Source,
    pub gender: Gender,
}

impl Person {
    /// True for a person known by one word only, with no role or gender:
    /// nothing but speaking makes them a person.
    pub fn is_bare(&self) -> bool {
        self.source == Source::Person
            && self.role.is_none()
            && self.gender == Gender::Unknown
            && !self.name.contains(' ')
    }
}

impl Article {
    /// Moves the text and every list into an allocation of its exact size,
    /// for an article that is kept: a reader holds tens of thousands of
    /// them. Moves rather than shrinks, since a shrinking reallocation may
    /// keep the block it had.
    pub(crate) fn compact(&mut self) {
        fn exact<T>(v: &mut Vec<T>) {
            if v.capacity() > v.len() {
                let mut moved = Vec::with_capacity(v.len());
                moved.append(v);
                *v = moved;
            }
        }
        if self.text.capacity() > self.text.len() {
            self.text = self.text.as_str().into();
        }
        exact(&mut self.authors);
        exact(&mut self.sections);
        for s in &mut self.sections {
            exact(&mut s.paragraphs);
        }
        exact(&mut self.quotes);
        exact(&mut self.people);
        for p in &mut self.people {
            exact(&mut p.aliases);
            exact(&mut p.mentions);
        }
    }

    /// Drops each person's list of mentions, which only the outline and the
    /// JSON count: a reader or a quotes listing that holds tens of
    /// thousands of articles keeps everything else.
    pub(crate) fn forget_mentions(&mut self) {
        for p in &mut self.people {
            p.mentions = Vec::new();
        }
    }

    /// The raw text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }

    /// A span's text as shown to a person: whitespace folded, Markdown line
    /// markers dropped, control and invisible characters made visible.
    pub fn show(&self, span: Span) -> String {
        text::display(self.slice(span))
    }

    /// All body paragraphs in reading order, the index being
    /// [`Quote::paragraph`].
    pub fn paragraphs(&self) -> impl Iterator<Item = Span> + '_ {
        self.sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().copied())
    }

    /// The name a quote is attributed to: the person's canonical name, else
    /// the unnamed source's phrase as written; none for a pronoun that
    /// nobody was found for.
    pub fn speaker_name(&self, quote: &Quote) -> Option<String> {
        match quote.speaker {
            Some(id) => self.people.get(id).map(|p| p.name.clone()),
            None => quote
                .mention
                .map(|m| self.show(m))
                .filter(|m| !super::parse::is_pronoun(m)),
        }
    }

    /// How many quotes each person has, by [`PersonId`].
    pub fn quote_counts(&self) -> Vec<usize> {
        let mut counts = vec![0; self.people.len()];
        for id in self.quotes.iter().filter_map(|q| q.speaker) {
            if let Some(c) = counts.get_mut(id) {
                *c += 1;
            }
        }
        counts
    }
}
