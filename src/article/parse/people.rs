//! Finding the people of an article: names, roles, the short forms that
//! refer back to them, and every mention.
//!
//! A capitalized run of words (`U.S. President Barack Obama`) splits into a
//! role (`U.S. President`) and a name (`Barack Obama`). A name is a person
//! when a role or honorific introduces it, when it starts with a known given
//! name, or when it is the subject of a speech verb. Later short forms
//! (`Obama`, `Mr Obama`) are matched to the person by last name, and the
//! fullest form becomes the canonical name.

use foldhash::HashMap;

use super::flat::narrow;
use super::lexicon::classes::NAME_PREFIXES;
use super::lexicon::{Class, Folded, class, fold, strip_possessive, title_class};
use super::tokens::Token;
use crate::article::{Person, PersonId, Span};

/// A capitalized run split into its parts, as token index ranges. The
/// indexes take 32 bits, as the tokens' offsets do: a run is kept for every
/// name of the story at once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameRun {
    role: Option<(u32, u32)>,
    honorific: Option<u32>,
    name: (u32, u32),
    /// The lexicon's classes of the name's first word, looked up already.
    pub first: Class,
}

impl NameRun {
    /// Role words before the name (`U.S. President`), honorifics left out.
    pub fn role(&self) -> Option<(usize, usize)> {
        self.role.map(|(a, b)| (a as usize, b as usize))
    }

    /// An honorific directly before the name (`Mr`).
    pub fn honorific(&self) -> Option<usize> {
        self.honorific.map(|h| h as usize)
    }

    pub fn name(&self) -> (usize, usize) {
        (self.name.0 as usize, self.name.1 as usize)
    }
}

fn word<'t>(text: &'t str, t: &Token) -> &'t str {
    &text[t.span().range()]
}

/// The lexicon's classes of a word, which the tokenizer knows for a
/// capitalized one.
fn class_of(text: &str, t: &Token) -> Class {
    if t.capitalized() {
        t.class
    } else {
        class(word(text, t))
    }
}

/// A name word that may start in lowercase: `al-Assad`, `de`, `van`.
fn is_name_particle(w: &str, class: Class) -> bool {
    class.has(Class::PARTICLE)
        || NAME_PREFIXES
            .iter()
            .any(|p| w.starts_with(p) && w.len() > p.len() + 1)
}

/// Appends the capitalized runs of a paragraph's tokens, split into role
/// and name, to `out`.
pub fn name_runs(text: &str, tokens: &[Token], out: &mut Vec<NameRun>) {
    // The classes of the current run's words, looked up once each.
    let mut classes: Vec<Class> = Vec::new();
    // The next capitalized token and the next token that is not a word,
    // from where they were last asked: each moves only forward.
    let (mut next_capitalized, mut next_gap) = (0, 0);
    let mut i = 0;
    let next = |at: &mut usize, from: usize, is: fn(&Token) -> bool| {
        *at = (*at).max(from);
        while *at < tokens.len() && !is(&tokens[*at]) {
            *at += 1;
        }
        *at
    };
    while i < tokens.len() {
        let t = &tokens[i];
        // A lowercase role word opens a run only shortly before a capitalized
        // word ("chief executive Dana Okereke"), with only words between:
        // the words further from one are passed over unasked.
        let opens = if t.capitalized() {
            t.word()
        } else {
            let capitalized = next(&mut next_capitalized, i + 1, |n| n.capitalized());
            if capitalized == tokens.len() {
                break;
            }
            if capitalized >= i + 4 {
                i = capitalized - 3;
                continue;
            }
            t.word()
                && capitalized < next(&mut next_gap, i + 1, |n| !n.word())
                && title_class(word(text, t)).has(Class::ROLE)
        };
        if !opens {
            i += 1;
            continue;
        }
        classes.clear();
        // Room for most runs at once, allocated with the first run.
        classes.reserve(16);
        classes.push(class_of(text, t));
        let start = i;
        let mut end = i + 1;
        while end < tokens.len() && tokens[end].word() {
            let n = &tokens[end];
            let w = word(text, n);
            let prev = classes[end - 1 - start];
            // A lowercase word joins as a title or particle, which the small
            // table tells; only a word that joins needs the whole lexicon.
            let joins = n.capitalized() || {
                let c = title_class(w);
                c.has(Class::ROLE)
                    || (is_name_particle(w, c)
                        && (w.contains('-')
                            || tokens.get(end + 1).is_some_and(|x| x.capitalized())))
                    || (w == "of" && prev.has(Class::ROLE))
            };
            if !joins {
                break;
            }
            // A possessive ends the run: "Russia's Vladimir Putin".
            let prev_word = word(text, &tokens[end - 1]);
            let possessive = strip_possessive(prev_word) != prev_word;
            if possessive
                && !prev.has(Class::ROLE)
                && (!prev.is_not_name() || prev.has(Class::STOP))
            {
                break;
            }
            classes.push(class_of(text, n));
            end += 1;
        }
        if let Some(run) = split_run(tokens, start, &classes) {
            out.push(run);
        }
        i = end;
    }
}

/// Splits the run of `classes.len()` tokens from `start`.
fn split_run(tokens: &[Token], start: usize, classes: &[Class]) -> Option<NameRun> {
    let end = start + classes.len();
    let cls = |k: usize| classes[k - start];
    let mut a = start;
    while a < end
        && cls(a).has(Class::STOP)
        && !cls(a).has(Class::HONORIFIC)
        && !cls(a).has(Class::ROLE)
    {
        a += 1;
    }
    // The name starts after the last role word or honorific.
    let last_title = (a..end)
        .rev()
        .find(|&k| cls(k).has(Class::ROLE) || cls(k).has(Class::HONORIFIC));
    let mut name_start = last_title.map_or(a, |k| k + 1);
    // Leading places and the like are not the name ("Russia's Vladimir
    // Putin"), unless the word is also a given name before a surname
    // ("Milan Oresko").
    let name_word = |k: usize| {
        !cls(k).is_not_name() || (cls(k).is_given() && k + 1 < end && !cls(k + 1).is_not_name())
    };
    while name_start < end && !name_word(name_start) {
        name_start += 1;
    }
    let mut name_end = name_start;
    while name_end < end && name_word(name_end) {
        name_end += 1;
    }
    if name_end == name_start {
        return None;
    }
    while name_end > name_start && cls(name_end - 1).has(Class::PARTICLE) {
        name_end -= 1;
    }
    if name_end == name_start || !tokens[name_start].capitalized() {
        return None;
    }
    let honorific = last_title.filter(|&k| cls(k).has(Class::HONORIFIC));
    let role_end = honorific.or(last_title.map(|k| k + 1)).unwrap_or(a);
    let role =
        (a < role_end && (a..role_end).any(|k| cls(k).has(Class::ROLE))).then_some((a, role_end));
    Some(NameRun {
        role: role.map(|(a, b)| (narrow(a), narrow(b))),
        honorific: honorific.map(narrow),
        name: (narrow(name_start), narrow(name_end)),
        first: cls(name_start),
    })
}

/// The key a name is matched by: its last word folded to lowercase,
/// without a possessive or an `al-` prefix.
pub fn surname_key(last: &str) -> Folded {
    let word = strip_possessive(last);
    // Every prefix ends in a hyphen at its third or fourth byte.
    let hyphenated = matches!(word.as_bytes(), [_, _, b'-', ..] | [_, _, _, b'-', ..]);
    let word = NAME_PREFIXES
        .iter()
        .find(|p| {
            hyphenated
                && word
                    .get(..p.len())
                    .is_some_and(|h| h.eq_ignore_ascii_case(p))
        })
        .map_or(word, |p| &word[p.len()..]);
    fold(word)
}

/// The people found so far and how to recognise them.
#[derive(Debug, Default)]
pub struct Registry {
    pub people: Vec<Person>,
    genders: Vec<Class>,
    /// Surname key to the people with that surname.
    surnames: HashMap<Folded, Vec<PersonId>>,
    pub mentions: Vec<(Span, PersonId)>,
}

/// A name's words as written, possessives dropped.
fn name_words<'t>(
    text: &'t str,
    tokens: &'t [Token],
) -> impl DoubleEndedIterator<Item = &'t str> + 't {
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
        let strong = run.role().is_some()
            || run.honorific().is_some()
            || (b - a >= 2 && first.is_given())
            || speaker;
        if !strong || b - a > 4 {
            return None;
        }
        let key = surname_key(word(text, &tokens[b - 1]));
        let gender = match run
            .honorific()
            .map(|h| word(text, &tokens[h]).to_lowercase())
        {
            Some(h) if h.starts_with("mr") && !h.starts_with("mrs") => Class::MALE,
            Some(h) if h.starts_with("m") || h == "dame" || h == "lady" => Class::FEMALE,
            _ if b - a >= 2 => first,
            _ => Class::default(),
        };
        let role = run
            .role()
            .map(|r| crate::article::text::display(&text[span_of(tokens, r).range()]));
        let id = match self.find(&key, text, &tokens[a..b]) {
            Some(id) => {
                let p = &mut self.people[id];
                if b - a > p.name.split(' ').count() {
                    let old = std::mem::replace(&mut p.name, name_text(text, tokens, run.name()));
                    p.aliases.push(old);
                }
                if p.role.is_none() {
                    p.role = role;
                }
                if self.genders[id] == Class::default() {
                    self.genders[id] = gender;
                }
                id
            }
            None => {
                self.people.push(Person {
                    name: name_text(text, tokens, run.name()),
                    role,
                    ..Person::default()
                });
                self.genders.push(gender);
                let id = self.people.len() - 1;
                self.surnames.entry(key).or_default().push(id);
                id
            }
        };
        Some(id)
    }

    /// The person the name in `tokens` refers to, its surname key being
    /// `key`: the same full name, or a person whose name ends or starts
    /// with it.
    fn find(&self, key: &Folded, text: &str, tokens: &[Token]) -> Option<PersonId> {
        let ids = self.surnames.get(key)?;
        let words = || name_words(text, tokens);
        // The latest few people of a surname are enough to tell apart; a
        // page of a thousand Smiths must not make every lookup slower.
        ids.iter().rev().take(16).copied().find(|&id| {
            let theirs = &self.people[id].name;
            // One name ends with the other when they agree as far as the
            // shorter goes, from the end.
            let same_ending = theirs
                .split(' ')
                .rev()
                .zip(words().rev())
                .all(|(x, y)| x == y);
            tokens.len() == 1
                || !theirs.contains(' ')
                || same_ending
                || theirs.split(' ').next() == words().next()
        })
    }

    /// Records every run that names a known person.
    pub fn record_mentions(&mut self, text: &str, tokens: &[Token], runs: &[NameRun]) {
        for run in runs {
            let (a, b) = run.name();
            let key = surname_key(word(text, &tokens[b - 1]));
            if let Some(id) = self.find(&key, text, &tokens[a..b]) {
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

    /// The person a pronoun of `gender` at `pos` most likely refers to: the
    /// latest person mentioned before it whose gender does not contradict it.
    pub fn antecedent(&self, pos: usize, gender: Class) -> Option<PersonId> {
        let i = self.mentions.partition_point(|(s, _)| s.end <= pos);
        // A pronoun refers back a few names at most; looking no further keeps
        // an article full of pronouns linear.
        self.mentions[..i]
            .iter()
            .rev()
            .take(32)
            .map(|&(_, id)| id)
            .find(|&id| {
                let g = self.genders[id];
                g == Class::default() || g.has(gender)
            })
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

#[cfg(test)]
mod tests {
    use super::super::flat::Span32;
    use super::super::tokens::tokenize_all;
    use super::*;

    #[test]
    fn surname_keys() {
        assert_eq!(surname_key("al-Assad's"), surname_key("ASSAD"));
        assert_eq!(
            surname_key("Smith’s"),
            Folded::Short(crate::article::parse::lexicon::lower("smith"))
        );
        assert_eq!(surname_key("Müller"), Folded::Long("müller".into()));
        assert_eq!(
            surname_key("Featherstonehaughs"),
            Folded::Long("featherstonehaughs".into())
        );
        assert_ne!(surname_key("bin-Laden"), surname_key("Bin"));
    }

    fn people(text: &str) -> Registry {
        let flat = tokenize_all(text, &[Span32::new(Span::new(0, text.len()))]);
        let tokens = flat.get(0);
        let mut runs = Vec::new();
        name_runs(text, tokens, &mut runs);
        let mut reg = Registry::default();
        for run in &runs {
            reg.learn(text, tokens, run, false);
        }
        reg.record_mentions(text, tokens, &runs);
        reg.finish();
        reg
    }

    #[test]
    fn roles_and_names() {
        let r = people(
            "U.S. President Barack Obama and Russia's Deputy Foreign Minister Sergei Ryabkov met \
             Syrian President Bashar al-Assad in Hangzhou, China. Obama and Mr Assad spoke.",
        );
        let names: Vec<_> = r
            .people
            .iter()
            .map(|p| (p.name.as_str(), p.role.as_deref()))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Barack Obama", Some("U.S. President")),
                ("Sergei Ryabkov", Some("Russia's Deputy Foreign Minister")),
                ("Bashar al-Assad", Some("Syrian President")),
            ]
        );
        assert_eq!(r.people[0].mentions.len(), 2);
        assert!(r.people[2].aliases.contains(&"Mr Assad".to_string()));
    }

    #[test]
    fn places_and_organisations_are_not_people() {
        let r = people(
            "The State Department and the Kremlin said Moscow and New York agreed in September.",
        );
        assert!(r.people.is_empty(), "{:?}", r.people);
    }

    #[test]
    fn secretary_of_state() {
        let r = people("U.S. Secretary of State John Kerry met his counterpart Sergei Lavrov.");
        assert_eq!(r.people[0].name, "John Kerry");
        assert_eq!(r.people[0].role.as_deref(), Some("U.S. Secretary of State"));
        assert_eq!(r.people[1].name, "Sergei Lavrov");
    }
}
