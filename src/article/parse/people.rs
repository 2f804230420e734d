//! Finding the people of an article: names, roles, the short forms that
//! refer back to them, and every mention.
//!
//! A capitalized run of words (`U.S. President Barack Obama`) splits into a
//! role (`U.S. President`) and a name (`Barack Obama`). A name is a person
//! when a role or honorific introduces it, when it starts with a known given
//! name, or when it is the subject of a speech verb. Later short forms
//! (`Obama`, `Mr Obama`) are matched to the person by last name, and the
//! fullest form becomes the canonical name.

use super::flat::narrow;
use super::lexicon::classes::NAME_PREFIXES;
use super::lexicon::speech::is_speech_verb;
use super::lexicon::{Class, Folded, class, common_class, fold, strip_possessive, title_class};
use super::tokens::Token;
use crate::article::Span;

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
    // A name after `of` names a place or body: `Minister of Innovation`.
    if name_start > a
        && !tokens[name_start - 1].capitalized()
        && cls(name_start - 1).has(Class::STOP)
    {
        return None;
    }
    // A place right after a given name is a surname: `Jim Jordan`.
    let surname_place = |k: usize| {
        let c = cls(k);
        k > name_start
            && cls(k - 1).is_given()
            && c.has(Class::PLACE)
            && !c.has(Class::ROLE)
            && !c.has(Class::ORG)
            && !c.has(Class::STOP)
            && !c.has(Class::TIME)
    };
    let mut name_end = name_start;
    while name_end < end && (name_word(name_end) || surname_place(name_end)) {
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
    // A word glued before a given name and a surname is no part of the
    // name: `Exchequer Gordon Brown`, `Rival Hillary Clinton`.
    if name_end - name_start >= 3
        && !cls(name_start).is_given()
        && !cls(name_start).has(Class::PARTICLE)
        && cls(name_start + 1).is_given()
    {
        name_start += 1;
    }
    let honorific = last_title.filter(|&k| cls(k).has(Class::HONORIFIC));
    let role_end = honorific.or(last_title.map(|k| k + 1)).unwrap_or(a);
    // A role needs a title: `former` or `Liberal` alone is none.
    let title = |k: usize| cls(k).has(Class::ROLE) && !cls(k).has(Class::MODIFIER);
    let role = (a < role_end && (a..role_end).any(title)).then_some((a, role_end));
    Some(NameRun {
        role: role.map(|(a, b)| (narrow(a), narrow(b))),
        honorific: honorific.map(narrow),
        name: (narrow(name_start), narrow(name_end)),
        first: cls(name_start),
    })
}

/// The role an appositive after the run gives its person: `Dana Okereke,
/// president of the union,` or `Ana Lima, a spokeswoman for the ministry`:
/// the words after the comma, up to the next mark, when a title is among
/// their first few.
pub fn appositive_role(text: &str, tokens: &[Token], run: &NameRun) -> Option<Span> {
    let (_, b) = run.name();
    if tokens.get(b).is_none_or(|t| word(text, t) != ",") {
        return None;
    }
    let mut from = b + 1;
    if tokens
        .get(from)
        .is_some_and(|t| matches!(word(text, t), "a" | "an" | "the"))
    {
        from += 1;
    }
    // The role ends at a mark, a clause (`Marat Safin, the player he
    // beat`) or the verb of an appositive left open (`Matt Williams, a
    // fund manager at Perpetual said ...`); cut short, it does not end in
    // a function word (`at Ask Jeeves in the`).
    let mut end = (from..tokens.len().min(from + 10))
        .find(|&k| {
            !tokens[k].word()
                || is_speech_verb(word(text, &tokens[k]))
                || matches!(
                    word(text, &tokens[k]),
                    "he" | "she" | "who" | "which" | "that" | "whose" | "whom"
                )
        })
        .unwrap_or(tokens.len().min(from + 10));
    while end > from + 1 && common_class(word(text, &tokens[end - 1])).has(Class::STOP) {
        end -= 1;
    }
    // A title among the first words, none of them a verb's form
    // (`Connors, speaking at Queen's Club`).
    let first = end.min(from + 4);
    let verb = |k: usize| {
        let w = word(text, &tokens[k]);
        w.ends_with("ing") || w.ends_with("ed")
    };
    let titled = !(from..first).any(verb)
        && (from..first).any(|k| {
            let w = word(text, &tokens[k]);
            let c = title_class(w);
            c.has(Class::ROLE) && !c.has(Class::MODIFIER) && strip_possessive(w) == w
        });
    (titled && end > from).then(|| Span::new(tokens[from].span().start, tokens[end - 1].span().end))
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

#[cfg(test)]
mod tests {
    use super::super::flat::Span32;
    use super::super::registry::Registry;
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
