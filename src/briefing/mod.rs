//! The people of a whole briefing: each person, organisation or group
//! once, with their quotes from every article, merged as articles arrive;
//! an unnamed source (`a spokesman`) is someone of its own article only.
//!
//! Forms of one name are one entry: `George W. Bush` and `George Bush`
//! (middle initials aside), `Vince Cable` and `Vincent Cable` (a given
//! name's short form), and, once [`Briefing::settle`] has run, `Mr Bush`
//! from an article that names him no other way, when the briefing names
//! one person in full with that surname and no other gender or role.

use foldhash::HashMap;

use crate::article::{Article, Gender, Person, PersonId, Quote, Source};

mod keys;

pub use keys::lowercase_into;
use keys::{head_noun, lowercase_onto, person_key, roles_clash};

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
    /// What kind of source: none for the quotes nobody is named for.
    pub source: Option<Source>,
    pub gender: Gender,
    /// What the entry is filed under.
    key: Box<str>,
    /// The entry this one was found to be the same person as, which holds
    /// its quotes now.
    merged_into: Option<usize>,
}

#[derive(Clone, Debug, Default)]
pub struct Briefing {
    pub speakers: Vec<Speaker>,
    // Names come from untrusted text: a seeded hash (foldhash) keeps
    // crafted collisions from making the index quadratic.
    by_name: HashMap<Box<str>, usize>,
    /// The people named in full, by surname: whom a surname alone may be.
    surnames: HashMap<Box<str>, Vec<usize>>,
    /// The people named by a surname alone, not yet merged.
    short: Vec<usize>,
    unnamed: Option<usize>,
    // The key being looked up, kept to spare an allocation per lookup.
    key: String,
    // The speaker of each person of the article being added.
    filed: Vec<usize>,
}

/// Who a quote is filed under in a briefing: one of its article's people,
/// an unnamed source by the phrase that names it and its kind, or nobody
/// (nothing says who spoke, or a pronoun nobody was found for).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuoteSource {
    Person(PersonId),
    Unnamed(String, Source),
    Nobody,
}

impl QuoteSource {
    pub fn of(article: &Article, quote: &Quote) -> QuoteSource {
        match quote.speaker {
            Some(id) => QuoteSource::Person(id),
            None => match article.speaker_name(quote) {
                Some(phrase) => {
                    QuoteSource::Unnamed(phrase, quote.source.unwrap_or(Source::Unnamed))
                }
                None => QuoteSource::Nobody,
            },
        }
    }

    /// The name, [`Article::speaker_name`], `people` being the article's.
    pub fn name<'a>(&'a self, people: &'a [Person]) -> Option<&'a str> {
        match self {
            QuoteSource::Person(id) => people.get(*id).map(|p| p.name.as_str()),
            QuoteSource::Unnamed(phrase, _) => Some(phrase),
            QuoteSource::Nobody => None,
        }
    }
}

impl Briefing {
    /// The index of the speaker filed under `key` (the unattributed quotes'
    /// for `None`), added by `make` if new; an entry merged into another
    /// gives that one.
    fn entry(&mut self, key: Option<&str>, make: impl FnOnce() -> Speaker) -> usize {
        let next = self.speakers.len();
        let i = match key {
            None => *self.unnamed.get_or_insert(next),
            Some(key) => match self.by_name.get(key) {
                Some(&i) => i,
                None => {
                    self.by_name.insert(key.into(), next);
                    next
                }
            },
        };
        if i == next {
            let mut speaker = make();
            speaker.key = key.unwrap_or_default().into();
            self.speakers.push(speaker);
        }
        let mut i = i;
        while let Some(into) = self.speakers[i].merged_into {
            i = into;
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

    /// Files a named person, organisation or group, returning their entry.
    fn file_person(&mut self, person: &Person) -> usize {
        let mut key = std::mem::take(&mut self.key);
        let surname = person_key(person, &mut key);
        let before = self.speakers.len();
        let i = self.entry(Some(&key), || Speaker {
            name: Some(person.name.clone()),
            source: Some(person.source),
            gender: person.gender,
            ..Speaker::default()
        });
        if self.speakers.len() > before {
            if let Some(surname) = surname {
                let mut s = String::new();
                lowercase_into(surname, &mut s);
                self.surnames.entry(s.into()).or_default().push(i);
            } else if key.starts_with("s:") {
                self.short.push(i);
            }
        }
        self.key = key;
        i
    }

    /// [`Briefing::add`] for a caller that keeps only an article's people
    /// and the source of each of its quotes, in order.
    pub fn add_people(&mut self, index: usize, people: &[Person], sources: &[QuoteSource]) {
        // Each person's speaker, so that their quotes are filed without
        // looking the name up again.
        let mut filed = std::mem::take(&mut self.filed);
        filed.clear();
        for person in people {
            let i = self.file_person(person);
            filed.push(i);
            let s = &mut self.speakers[i];
            if s.role.is_none() {
                s.role.clone_from(&person.role);
            }
            if s.gender == Gender::Unknown {
                s.gender = person.gender;
            }
            for alias in std::iter::once(&person.name).chain(&person.aliases) {
                if s.name.as_ref() != Some(alias) && !s.aliases.contains(alias) {
                    s.aliases.push(alias.clone());
                }
            }
        }
        for (q, source) in sources.iter().enumerate() {
            let i = match source {
                QuoteSource::Person(id) if *id < filed.len() => filed[*id],
                QuoteSource::Unnamed(phrase, kind) => {
                    // An unnamed source is someone of its own article only:
                    // `a spokesman` here is not `a spokesman` there; in one
                    // article, `a justice official` and `the official` are
                    // one, known by the phrase's head noun.
                    let mut key = std::mem::take(&mut self.key);
                    key.clear();
                    key.push_str("u:");
                    key.push_str(itoa::Buffer::new().format(index));
                    key.push(':');
                    lowercase_onto(head_noun(phrase), &mut key);
                    let i = self.entry(Some(&key), || Speaker {
                        name: Some(phrase.clone()),
                        source: Some(*kind),
                        ..Speaker::default()
                    });
                    self.key = key;
                    let s = &mut self.speakers[i];
                    if s.name.as_ref() != Some(phrase) && !s.aliases.contains(phrase) {
                        s.aliases.push(phrase.clone());
                    }
                    i
                }
                _ => self.entry(None, Speaker::default),
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
            let key = (!theirs.key.is_empty() || theirs.name.is_some()).then_some(&*theirs.key);
            let surname = theirs
                .name
                .as_deref()
                .filter(|_| theirs.key.starts_with("p:"))
                .and_then(|n| n.rsplit(' ').next())
                .map(str::to_lowercase);
            let before = self.speakers.len();
            let i = self.entry(key, || Speaker {
                name: theirs.name.clone(),
                source: theirs.source,
                gender: theirs.gender,
                ..Speaker::default()
            });
            if self.speakers.len() > before {
                if let Some(surname) = surname {
                    self.surnames.entry(surname.into()).or_default().push(i);
                } else if theirs.key.starts_with("s:") {
                    self.short.push(i);
                }
            }
            let s = &mut self.speakers[i];
            if s.role.is_none() {
                s.role = theirs.role;
            }
            if s.gender == Gender::Unknown {
                s.gender = theirs.gender;
            }
            for alias in theirs.aliases {
                if !s.aliases.contains(&alias) {
                    s.aliases.push(alias);
                }
            }
            s.quotes.extend(theirs.quotes);
        }
    }

    /// Files the quotes of each person named by a surname alone (`Mr
    /// Bush`) with the one person of the briefing named in full with that
    /// surname, of no other gender or role: with the one whose role shares
    /// a word when there are several, or else the one quoted three times as
    /// often as any other; and those of a bare word that is an
    /// organisation's name elsewhere (`Microsoft`) with the organisation.
    /// Once merged, an entry stays merged: its later quotes go where its
    /// first went.
    pub fn settle(&mut self) {
        let mut short = std::mem::take(&mut self.short);
        let mut key = std::mem::take(&mut self.key);
        short.retain(|&s| {
            let me = &self.speakers[s];
            let Some(name) = me.name.as_deref() else {
                return false;
            };
            // A word that another article shows to be an organisation's
            // name is that organisation, when nothing makes it a person.
            key.clear();
            key.push_str("o:");
            lowercase_onto(name, &mut key);
            if me.gender == Gender::Unknown
                && me.role.is_none()
                && let Some(&org) = self.by_name.get(key.as_str())
            {
                self.merge(s, org);
                return false;
            }
            let Some(full) = self.surnames.get(name.to_lowercase().as_str()) else {
                return true;
            };
            let fits: Vec<usize> = full
                .iter()
                .copied()
                .filter(|&f| {
                    let them = &self.speakers[f];
                    !them.gender.clashes(me.gender)
                        && !roles_clash(me.role.as_deref(), them.role.as_deref())
                })
                .collect();
            let target = match fits.as_slice() {
                [one] => Some(*one),
                _ if me.role.is_some() => {
                    let shared: Vec<usize> = fits
                        .iter()
                        .copied()
                        .filter(|&f| self.speakers[f].role.is_some())
                        .collect();
                    (shared.len() == 1).then(|| shared[0])
                }
                // One far more quoted than the others is the one a
                // surname alone means (`Clinton`, in a briefing on her).
                _ => {
                    let quoted = |f: usize| self.speakers[f].quotes.len();
                    let mut by_quotes = fits.clone();
                    by_quotes.sort_by_key(|&f| std::cmp::Reverse(quoted(f)));
                    match by_quotes.as_slice() {
                        [top, next, ..] if quoted(*top) >= 3 * quoted(*next).max(1) => Some(*top),
                        _ => None,
                    }
                }
            };
            let Some(target) = target else {
                return true;
            };
            self.merge(s, target);
            false
        });
        self.short = short;
        self.key = key;
    }

    /// Moves the entry `from` into `into`: its quotes, names and role.
    fn merge(&mut self, from: usize, into: usize) {
        let gone = std::mem::take(&mut self.speakers[from].quotes);
        let names: Vec<String> = self.speakers[from]
            .name
            .iter()
            .chain(&self.speakers[from].aliases)
            .cloned()
            .collect();
        let role = self.speakers[from].role.clone();
        self.speakers[from].merged_into = Some(into);
        let s = &mut self.speakers[into];
        s.quotes.extend(gone);
        s.quotes.sort_unstable();
        for n in names {
            if s.name.as_ref() != Some(&n) && !s.aliases.contains(&n) {
                s.aliases.push(n);
            }
        }
        if s.role.is_none() {
            s.role = role;
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

    /// [`Briefing::ranked_ids`] with the people first, then organisations
    /// and groups, then unnamed sources, then the unattributed quotes.
    pub fn ranked_people_first(&self) -> Vec<usize> {
        let mut out = self.ranked_ids();
        out.sort_by_key(|&i| self.speakers[i].source.map_or(4, |s| s as u8));
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

#[cfg(test)]
mod tests;
