//! What a briefing files a person under: a key the forms of one name share
//! (`George W. Bush` and `George Bush`, `Vince Cable` and `Vincent Cable`),
//! and when two roles cannot be one person's.

use crate::article::{Gender, Person, Source, ends_noun_head, formal_name};

/// The key a named person, organisation or group is filed under, written
/// into `out`: the name in lowercase with middle initials left out and a
/// given name's short form made formal (`George W. Bush`, `george bush`;
/// `Vince Cable`, `vincent cable`); a surname alone keeps its gender apart
/// (`Mr Howard` is not `Mrs Howard`); an organisation drops a leading
/// `the`. Returns the surname of a person named in full.
pub fn person_key<'n>(person: &'n Person, out: &mut String) -> Option<&'n str> {
    out.clear();
    let name = person.name.as_str();
    if person.source != Source::Person {
        out.push_str("o:");
        let name = name
            .strip_prefix("the ")
            .or_else(|| name.strip_prefix("The "))
            .unwrap_or(name);
        lowercase_onto(name, out);
        return None;
    }
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() < 2 {
        out.push_str("s:");
        lowercase_onto(name, out);
        out.push_str(match person.gender {
            Gender::Male => ":m",
            Gender::Female => ":f",
            Gender::Unknown => ":",
        });
        return None;
    }
    out.push_str("p:");
    let mut given = String::new();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_end_matches('.');
        let initial = w.chars().count() == 1;
        if initial && i > 0 && i + 1 < words.len() {
            continue;
        }
        if !out.ends_with(':') {
            out.push(' ');
        }
        if i == 0 {
            lowercase_into(w, &mut given);
            out.push_str(formal_name(&given));
        } else {
            lowercase_onto(w, out);
        }
    }
    words.last().copied()
}

/// The head noun of an unnamed source's phrase: its last word before a
/// preposition, a relative word or a comma (`a spokeswoman for the
/// ministry`: `spokeswoman`).
pub fn head_noun(phrase: &str) -> &str {
    let mut head = phrase;
    for w in phrase.split_whitespace() {
        // Here also the words that open what follows an unnamed source's
        // noun: `officials familiar with`, `a source close to`.
        let ends = ends_noun_head(w) || matches!(w, "familiar" | "close" | "obtained" | "speaking");
        if ends && head != phrase {
            break;
        }
        head = w.trim_end_matches(',');
        if w.ends_with(',') {
            break;
        }
    }
    head
}

/// True when two roles cannot be one person's: both given, and no word of
/// one in the other (`coach` and `Prime Minister`; not `Home Secretary`
/// and `Secretary`).
pub fn roles_clash(a: Option<&str>, b: Option<&str>) -> bool {
    let (Some(a), Some(b)) = (a, b) else {
        return false;
    };
    let words = |r: &str| r.to_lowercase();
    let (a, b) = (words(a), words(b));
    !a.split_whitespace()
        .any(|w| w.len() > 2 && b.split_whitespace().any(|x| x == w))
}

/// `s` in lowercase, written into `out` in place of what it held: a caller
/// lowercasing many words reuses one buffer, and ASCII words, nearly all,
/// need no other allocation.
pub fn lowercase_into(s: &str, out: &mut String) {
    out.clear();
    lowercase_onto(s, out);
}

/// `s` in lowercase, added to the end of `out`.
pub fn lowercase_onto(s: &str, out: &mut String) {
    if s.is_ascii() {
        let from = out.len();
        out.push_str(s);
        out[from..].make_ascii_lowercase();
    } else {
        out.push_str(&s.to_lowercase());
    }
}
