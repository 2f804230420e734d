//! The people of a story as they are found: each one's names, gender and
//! kind of source, every place they are named, and whom a later form of a
//! name (`Obama`, `Mr Obama`) or a pronoun refers to.
//!
//! Two forms are one person only when nothing tells them apart: `Mr Blair`
//! is not `Cherie Blair`, `Mrs Howard` not `Michael Howard`.

use foldhash::HashMap;

use super::kinds::name_kind;
use super::lexicon::sources::is_document_noun;
use super::lexicon::{Class, Folded, class, honorific_gender, lower, strip_possessive};
use super::people::{NameRun, surname_key};
use super::tokens::Token;
use crate::article::{Gender, Person, PersonId, Source, Span};

/// The people found so far and how to recognise them.
#[derive(Debug, Default)]
pub struct Registry {
    pub people: Vec<Person>,
    /// Surname key to the people with that surname.
    surnames: HashMap<Folded, Vec<PersonId>>,
    /// The first word's key of names that start with no given name, to the
    /// people with that name.
    firsts: HashMap<Folded, Vec<PersonId>>,
    pub mentions: Vec<(Span, PersonId)>,
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    &text[t.span().range()]
}

/// A name's words as written, possessives dropped.
fn name_words<'t>(
    text: &'t str,
    tokens: &'t [Token],
) -> impl DoubleEndedIterator<Item = &'t str> + Clone + 't {
    tokens.iter().map(move |t| strip_possessive(word(text, t)))
}

fn name_text(text: &str, tokens: &[Token], (a, b): (usize, usize)) -> String {
    name_words(text, &tokens[a..b])
        .collect::<Vec<_>>()
        .join(" ")
}

/// True when `name` (words joined by spaces) is the words of `tokens`.
fn is_written(name: &str, text: &str, tokens: &[Token]) -> bool {
    name.split(' ').eq(name_words(text, tokens))
}

fn span_of(tokens: &[Token], (a, b): (usize, usize)) -> Span {
    Span::new(tokens[a].span().start, tokens[b - 1].span().end)
}

/// The gender of a given name's classes: known only when the name files
/// give it to one sex.
pub fn given_gender(class: Class) -> Gender {
    match (class.has(Class::MALE), class.has(Class::FEMALE)) {
        (true, false) => Gender::Male,
        (false, true) => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// The gender a form of a name gives its person: its honorific's (`Mrs`),
/// else its given name's (`Michael Howard`); a surname alone gives none.
fn form_gender(text: &str, tokens: &[Token], run: &NameRun) -> Gender {
    let (a, b) = run.name();
    match run
        .honorific()
        .map(|h| honorific_gender(word(text, &tokens[h])))
    {
        Some(g) if g != Gender::Unknown => g,
        _ if b - a >= 2 => given_gender(run.first),
        _ => Gender::Unknown,
    }
}

impl Registry {
    /// Registers the person a run names, when the run is evidence enough
    /// (`strong`: a role, honorific or given name) or the caller knows it is
    /// a speaker. Returns the person.
    pub fn learn(
        &mut self,
        text: &str,
        tokens: &[Token],
        run: &NameRun,
        speaker: bool,
    ) -> Option<PersonId> {
        let (a, b) = run.name();
        let first = run.first;
        let personal =
            run.role().is_some() || run.honorific().is_some() || (b - a >= 2 && first.is_given());
        if !(personal || speaker) || b - a > 4 {
            return None;
        }
        let source = if personal {
            Source::Person
        } else {
            name_kind(name_words(text, &tokens[a..b]))
        };
        let key = surname_key(word(text, &tokens[b - 1]));
        let gender = form_gender(text, tokens, run);
        let role = run
            .role()
            .map(|r| crate::article::text::display(&text[span_of(tokens, r).range()]));
        let id = match self.find(&key, text, &tokens[a..b], gender) {
            Some(id) => {
                let p = &mut self.people[id];
                if b - a > p.name.split(' ').count() {
                    let old = std::mem::replace(&mut p.name, name_text(text, tokens, run.name()));
                    p.aliases.push(old);
                }
                if p.role.is_none() {
                    p.role = role;
                }
                if p.gender == Gender::Unknown {
                    p.gender = gender;
                }
                if personal {
                    p.source = Source::Person;
                }
                id
            }
            None => {
                self.people.push(Person {
                    name: name_text(text, tokens, run.name()),
                    role,
                    source,
                    gender,
                    ..Person::default()
                });
                let id = self.people.len() - 1;
                self.surnames.entry(key).or_default().push(id);
                if b - a >= 2 && !first.is_given() && source == Source::Person {
                    let first = surname_key(word(text, &tokens[a]));
                    self.firsts.entry(first).or_default().push(id);
                }
                id
            }
        };
        Some(id)
    }

    /// Registers the person a run names that an appositive after it gives
    /// a role (`Ana Lima, a spokeswoman for the ministry`).
    pub fn learn_appositive(&mut self, text: &str, tokens: &[Token], run: &NameRun, role: Span) {
        if let Some(id) = self.learn(text, tokens, run, true) {
            let p = &mut self.people[id];
            p.source = Source::Person;
            if p.role.is_none() {
                p.role = Some(crate::article::text::display(&text[role.range()]));
            }
        }
    }

    /// The person the name in `tokens` refers to, its surname key being
    /// `key` and the form's gender `gender`: the same full name, or a
    /// person whose name ends or starts with it, of no other gender.
    fn find(&self, key: &Folded, text: &str, tokens: &[Token], gender: Gender) -> Option<PersonId> {
        let Some(ids) = self.surnames.get(key) else {
            // `Mahathir`, `Wang`: a family name written first, or a name
            // used alone, is the first word of a name that starts with no
            // given name.
            return self
                .firsts
                .get(key)
                .filter(|_| tokens.len() == 1)
                .and_then(|ids| ids.first().copied())
                .filter(|&id| !self.people[id].gender.clashes(gender));
        };
        let words = || name_words(text, tokens);
        let fits = |&id: &PersonId| {
            let p = &self.people[id];
            let theirs = &p.name;
            // One name ends with the other when they agree as far as the
            // shorter goes, from the end.
            let same_ending = theirs
                .split(' ')
                .rev()
                .zip(words().rev())
                .all(|(x, y)| x == y);
            !p.gender.clashes(gender)
                && (tokens.len() == 1
                    || !theirs.contains(' ')
                    || same_ending
                    || theirs.split(' ').next() == words().next())
        };
        // The latest few people of a surname are enough to tell apart; a
        // page of a thousand Smiths must not make every lookup slower.
        let mut latest = ids.iter().rev().take(16).copied();
        if tokens.len() == 1 {
            // A surname alone means the first of its bearers the story
            // introduced, whom it is mostly about (`Vickers`, not his son).
            latest.rfind(fits)
        } else {
            latest.clone().find(fits)
        }
    }

    /// Records every run that names a known person.
    pub fn record_mentions(&mut self, text: &str, tokens: &[Token], runs: &[NameRun]) {
        for run in runs {
            let (a, b) = run.name();
            let key = surname_key(word(text, &tokens[b - 1]));
            let gender = form_gender(text, tokens, run);
            if let Some(id) = self.find(&key, text, &tokens[a..b], gender) {
                let span = span_of(tokens, run.name());
                self.mentions.push((span, id));
                let from = run.honorific().unwrap_or(a);
                let p = &mut self.people[id];
                // A fuller form of the name than the one first learned
                // ("Amara Whitfield" for "Whitfield") becomes the name.
                if b - a > p.name.split(' ').count() {
                    let name = name_text(text, tokens, run.name());
                    if name.ends_with(&p.name) {
                        let short = std::mem::replace(&mut p.name, name);
                        p.aliases.push(short);
                    }
                }
                if p.gender == Gender::Unknown {
                    p.gender = gender;
                }
                let form = &tokens[from..b];
                if !is_written(&p.name, text, form)
                    && !p.aliases.iter().any(|alias| is_written(alias, text, form))
                {
                    p.aliases.push(name_text(text, tokens, (from, b)));
                }
            }
        }
    }

    /// The person mentioned at `span`, if any.
    pub fn at(&self, span: Span) -> Option<PersonId> {
        let i = self.mentions.partition_point(|(s, _)| s.end <= span.start);
        self.mentions[i..]
            .iter()
            .take_while(|(s, _)| s.start < span.end)
            .map(|&(_, id)| id)
            .next()
    }

    /// The latest mention before `pos` of someone `fits` accepts, outside
    /// the spans `quoted` tells (a name inside a quote is seldom whom a
    /// pronoun after it means): where, and who.
    pub fn latest(
        &self,
        pos: usize,
        quoted: impl Fn(Span) -> bool,
        fits: impl Fn(&Person) -> bool,
    ) -> Option<(usize, PersonId)> {
        let i = self.mentions.partition_point(|(s, _)| s.end <= pos);
        // A pronoun refers back a few names at most; looking no further keeps
        // an article full of pronouns linear.
        self.mentions[..i]
            .iter()
            .rev()
            .take(32)
            .find(|&&(span, id)| !quoted(span) && fits(&self.people[id]))
            .map(|&(span, id)| (span.start, id))
    }

    /// Registers the organisation or group a source phrase names as a whole
    /// (`Labour`, `the Tories`, `MPs`, `the RCMP statement`): capitalized
    /// words, a leading `the` and a trailing document noun aside. A phrase's first word at a sentence's start is capitalized
    /// anyway, so alone it counts only when the lexicon knows it or
    /// `elsewhere` says it is capitalized in mid-sentence too.
    pub fn learn_entity(
        &mut self,
        text: &str,
        tokens: &[Token],
        opens_sentence: bool,
        elsewhere: impl Fn(&Folded) -> bool,
    ) {
        let mut from = 0;
        while from < tokens.len() && !tokens[from].word() {
            from += 1;
        }
        let the = tokens
            .get(from)
            .is_some_and(|t| word(text, t).eq_ignore_ascii_case("the"));
        let mut name = &tokens[from + usize::from(the)..];
        // `The RCMP statement`: what an organisation published is its word.
        if let [rest @ .., last] = name
            && is_document_noun(lower(word(text, last)).as_str())
        {
            name = rest;
        }
        let capital = |t: &Token| word(text, t).starts_with(|c: char| c.is_uppercase());
        let joins = |t: &Token| {
            t.word() && (capital(t) || matches!(word(text, t), "of" | "and" | "for" | "&"))
        };
        if name.is_empty()
            || name.len() > 5
            || !name.iter().all(joins)
            || !capital(&name[0])
            || !capital(&name[name.len() - 1])
        {
            return;
        }
        let words = || name_words(text, name);
        let source = name_kind(words());
        let key = surname_key(word(text, &name[name.len() - 1]));
        let known = words().any(|w| {
            let c = class(w);
            c.has(Class::ORG) || c.has(Class::PLACE) || c.has(Class::DEMONYM)
        });
        if source == Source::Person || !(the || !opens_sentence || known || elsewhere(&key)) {
            return;
        }
        let full = words().collect::<Vec<_>>().join(" ");
        let found = self
            .surnames
            .get(&key)
            .and_then(|ids| ids.iter().copied().find(|&id| self.people[id].name == full));
        let id = found.unwrap_or_else(|| {
            self.people.push(Person {
                name: full,
                source,
                ..Person::default()
            });
            let id = self.people.len() - 1;
            self.surnames.entry(key).or_default().push(id);
            id
        });
        self.mentions.push((span_of(name, (0, name.len())), id));
    }

    /// Makes an organisation of each person that `is_organisation` accepts.
    pub fn mark_organisations(&mut self, is_organisation: impl Fn(&Person) -> bool) {
        for p in &mut self.people {
            if p.source == Source::Person && is_organisation(p) {
                p.source = Source::Organisation;
                p.gender = Gender::Unknown;
            }
        }
    }

    /// Learns from the pronoun that named a speaker at `mention`: a person
    /// of no known gender takes the pronoun's, so that later pronouns agree
    /// with it.
    pub fn learn_from_pronoun(&mut self, id: PersonId, text: &str, mention: Span) {
        let Some(p) = self.people.get_mut(id) else {
            return;
        };
        match lower(&text[mention.range()]).as_str() {
            "he" if p.gender == Gender::Unknown => p.gender = Gender::Male,
            "she" if p.gender == Gender::Unknown => p.gender = Gender::Female,
            _ => {}
        }
    }

    /// The first mention from byte `from` up to `at` of someone `fits`
    /// accepts, outside the spans `skipped` tells: where, and who.
    pub fn first_between(
        &self,
        from: usize,
        at: usize,
        skipped: impl Fn(Span) -> bool,
        fits: impl Fn(&Person) -> bool,
    ) -> Option<(Span, PersonId)> {
        let i = self.mentions.partition_point(|(s, _)| s.start < from);
        self.mentions[i..]
            .iter()
            .take_while(|(s, _)| s.start <= at)
            .take(32)
            .find(|&&(span, id)| !skipped(span) && fits(&self.people[id]))
            .copied()
    }

    /// Sorts mentions by position and fills each person's mention list.
    pub fn finish(&mut self) {
        self.mentions.sort_by_key(|(s, _)| (s.start, s.end));
        self.mentions.dedup();
        for (span, id) in &self.mentions {
            self.people[*id].mentions.push(*span);
        }
        for p in &mut self.people {
            let name = p.name.clone();
            p.aliases.retain(|a| *a != name);
        }
    }
}
