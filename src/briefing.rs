//! The people of a whole briefing: each person (or unnamed source) once,
//! with their quotes from every article, merged as articles arrive.

use foldhash::HashMap;

use crate::article::{Article, Person, PersonId, Quote};

/// A quote in the briefing: which article, which of its quotes. A briefing
/// keeps one for every quote it holds, so each number takes 32 bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuoteRef {
    article: u32,
    quote: u32,
}

impl QuoteRef {
    pub fn new(article: usize, quote: usize) -> QuoteRef {
        let narrow = |n: usize| u32::try_from(n).expect("fewer than 2^32 articles and quotes");
        QuoteRef {
            article: narrow(article),
            quote: narrow(quote),
        }
    }

    pub fn article(self) -> usize {
        self.article as usize
    }

    pub fn quote(self) -> usize {
        self.quote as usize
    }
}

/// A speaker across articles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name, or an unnamed source's phrase; `None` groups the
    /// quotes nobody is named for.
    pub name: Option<String>,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub quotes: Vec<QuoteRef>,
}

#[derive(Clone, Debug, Default)]
pub struct Briefing {
    pub speakers: Vec<Speaker>,
    // Names come from untrusted text: a seeded hash (foldhash) keeps
    // crafted collisions from making the index quadratic.
    by_name: HashMap<Box<str>, usize>,
    unnamed: Option<usize>,
    // The lowercase name being looked up, kept to spare an allocation per
    // lookup.
    key: String,
    // The speaker of each person of the article being added.
    filed: Vec<usize>,
}

/// Who a quote is filed under in a briefing: one of its article's people,
/// or an unnamed source by the phrase that names it (none when nothing
/// says who spoke).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteSource {
    Person(PersonId),
    Unnamed(Option<String>),
}

impl QuoteSource {
    pub fn of(article: &Article, quote: &Quote) -> QuoteSource {
        match quote.speaker {
            Some(id) => QuoteSource::Person(id),
            None => QuoteSource::Unnamed(quote.mention.map(|m| article.show(m))),
        }
    }

    /// The name, [`Article::speaker_name`], `people` being the article's.
    pub fn name<'a>(&'a self, people: &'a [Person]) -> Option<&'a str> {
        match self {
            QuoteSource::Person(id) => people.get(*id).map(|p| p.name.as_str()),
            QuoteSource::Unnamed(phrase) => phrase.as_deref(),
        }
    }
}

impl Briefing {
    /// The index of the speaker filed under `name`, added if new.
    fn entry(&mut self, name: Option<&str>) -> usize {
        let next = self.speakers.len();
        let i = match name {
            None => *self.unnamed.get_or_insert(next),
            Some(name) => {
                lowercase_into(name, &mut self.key);
                match self.by_name.get(self.key.as_str()) {
                    Some(&i) => i,
                    None => {
                        self.by_name.insert(self.key.as_str().into(), next);
                        next
                    }
                }
            }
        };
        if i == next {
            self.speakers.push(Speaker {
                name: name.map(str::to_string),
                ..Speaker::default()
            });
        }
        i
    }

    /// Adds an article's people and quotes, `index` being its place in the
    /// caller's list of articles.
    pub fn add(&mut self, index: usize, article: &Article) {
        let sources: Vec<QuoteSource> = article
            .quotes
            .iter()
            .map(|q| QuoteSource::of(article, q))
            .collect();
        self.add_people(index, &article.people, &sources);
    }

    /// [`Briefing::add`] for a caller that keeps only an article's people
    /// and the source of each of its quotes, in order.
    pub fn add_people(&mut self, index: usize, people: &[Person], sources: &[QuoteSource]) {
        // Each person's speaker, so that their quotes are filed without
        // looking the name up again.
        let mut filed = std::mem::take(&mut self.filed);
        filed.clear();
        for person in people {
            let i = self.entry(Some(&person.name));
            filed.push(i);
            let s = &mut self.speakers[i];
            if s.role.is_none() {
                s.role.clone_from(&person.role);
            }
            for alias in &person.aliases {
                if !s.aliases.contains(alias) {
                    s.aliases.push(alias.clone());
                }
            }
        }
        for (q, source) in sources.iter().enumerate() {
            let i = match source {
                QuoteSource::Person(id) if *id < filed.len() => filed[*id],
                _ => self.entry(source.name(people)),
            };
            self.speakers[i].quotes.push(QuoteRef::new(index, q));
        }
        self.filed = filed;
    }

    /// Adds `later`, a briefing of articles that all come after this one's:
    /// the result is the briefing of both runs of articles, as if built
    /// one article at a time. Lets a big briefing be built in parts.
    pub fn append(&mut self, later: Briefing) {
        for theirs in later.speakers {
            let i = self.entry(theirs.name.as_deref());
            let s = &mut self.speakers[i];
            if s.role.is_none() {
                s.role = theirs.role;
            }
            for alias in theirs.aliases {
                if !s.aliases.contains(&alias) {
                    s.aliases.push(alias);
                }
            }
            s.quotes.extend(theirs.quotes);
        }
    }

    /// Speakers with at least one quote, most quoted first, then by name.
    pub fn ranked(&self) -> Vec<&Speaker> {
        self.ranked_ids()
            .into_iter()
            .map(|i| &self.speakers[i])
            .collect()
    }

    /// [`Briefing::ranked`] as indices into [`Briefing::speakers`], for
    /// callers that keep a ranking while the briefing grows.
    pub fn ranked_ids(&self) -> Vec<usize> {
        let mut out: Vec<usize> = (0..self.speakers.len())
            .filter(|&i| !self.speakers[i].quotes.is_empty())
            .collect();
        out.sort_by(|&a, &b| {
            let (a, b) = (&self.speakers[a], &self.speakers[b]);
            b.quotes
                .len()
                .cmp(&a.quotes.len())
                .then_with(|| a.name.is_none().cmp(&b.name.is_none()))
                .then_with(|| a.name.cmp(&b.name))
        });
        out
    }

    /// True when `query` names the speaker: the canonical name, an alias,
    /// or the last words of either ("berg" for "Tom Berg"), ignoring case.
    pub fn matches(speaker: &Speaker, query: &str) -> bool {
        let q = query.trim().to_lowercase();
        !q.is_empty()
            && speaker.name.iter().chain(&speaker.aliases).any(|n| {
                let n = n.to_lowercase();
                n == q || n.ends_with(&format!(" {q}"))
            })
    }
}

/// `s` in lowercase, written into `out` in place of what it held: a caller
/// lowercasing many words reuses one buffer, and ASCII words, nearly all,
/// need no other allocation.
pub fn lowercase_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&s.to_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse;

    #[test]
    fn merges_a_speaker_across_articles() {
        let one = parse(
            "Talks\n\nForeign Minister Ana Ruiz spoke to the press on Monday about the treaty.\n\n\"We will sign the treaty this week,\" Ruiz said.",
        );
        let two = parse("\"The deal is done and we are glad,\" said Foreign Minister Ana Ruiz.");
        let mut b = Briefing::default();
        b.add(0, &one);
        b.add(1, &two);
        let ranked = b.ranked();
        assert_eq!(ranked[0].name.as_deref(), Some("Ana Ruiz"));
        assert_eq!(ranked[0].quotes.len(), 2);
        assert!(Briefing::matches(ranked[0], "ruiz"));
    }

    #[test]
    fn built_in_parts_is_built_at_once() {
        let articles = [
            parse("\"We will wait,\" said Deputy Minister Ana Ruiz. \"Not long,\" an aide said."),
            parse("Talks\n\nMinister Ana Ruiz met Tom Berg.\n\n\"It went well,\" Berg said."),
            parse("\"No comment,\" said Ana Ruiz, speaking as Foreign Minister Ana Ruiz."),
            parse("\"Later,\" an aide said. \"Soon,\" said Tom Berg, a spokesman."),
        ];
        let mut whole = Briefing::default();
        for (i, a) in articles.iter().enumerate() {
            whole.add(i, a);
        }
        for split in 0..=articles.len() {
            let mut first = Briefing::default();
            let mut second = Briefing::default();
            for (i, a) in articles.iter().enumerate() {
                if i < split { &mut first } else { &mut second }.add(i, a);
            }
            first.append(second);
            assert_eq!(first.speakers, whole.speakers, "split at {split}");
        }
    }
}
