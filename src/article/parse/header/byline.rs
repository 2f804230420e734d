//! Bylines: the lines of a header that name the story's authors, and the
//! names in them.
//!
//! A byline opens with a word such as `By` (`By Ana Lima and Tom Berg`),
//! perhaps after the date (`March 3, 2025 | By Ana Lima`), or on its own
//! line above the names; or it is bare, a line that is only a person's name
//! and what sites put next to one: a date, a handle, an affiliation.

use super::super::date::find_date;
use super::super::lexicon::page::BYLINE_OPENERS;
use super::super::lexicon::{class, classes};
use super::super::shape::Shape;
use crate::article::Span;

/// The longest line, in bytes, read as a byline that does not start with
/// its opener.
const MAX_BYLINE: usize = 300;

/// If the text is a byline, the byte offset where the names start.
pub fn byline_names(text: &str) -> Option<usize> {
    let trimmed = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let skipped = text.len() - trimmed.len();
    opened_names(trimmed)
        .map(|at| skipped + at)
        .or_else(|| dated_names(text))
        .or_else(|| glued_names(text))
}

/// The opener `text` starts with, followed by any space, a no-break space
/// too.
fn opener_at(text: &str) -> Option<&'static str> {
    // The openers are ASCII: compared without a lowercase copy.
    BYLINE_OPENERS.iter().map(|o| o.trim_end()).find(|o| {
        text.get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o))
            && text[o.len()..].starts_with(char::is_whitespace)
    })
}

/// Where the names start after an opener at the start of `text`.
fn opened_names(text: &str) -> Option<usize> {
    let opener = opener_at(text)?;
    let names = text[opener.len()..].trim_start();
    names
        .starts_with(char::is_uppercase)
        .then(|| text.len() - names.len())
}

/// A byline glued to what stands before it on the page, such as the
/// caption of the author's photo: `Ana LimaBy Ana Lima`, an opener in
/// capitals right after a lowercase letter.
fn glued_names(text: &str) -> Option<usize> {
    if text.len() > MAX_BYLINE || text.split_whitespace().nth(16).is_some() {
        return None;
    }
    let at = text
        .char_indices()
        .filter(|&(i, c)| c.is_uppercase() && text[..i].ends_with(char::is_lowercase))
        .map(|(i, _)| i)
        .find(|&i| opener_at(&text[i..]).is_some())?;
    opened_names(&text[at..]).map(|names| at + names)
}

/// A byline after the date: `11/19/2019 by Tom Berg`, `March 3, 2025 |
/// By: Ana Lima`. Only the first opener of a short line is asked, after a
/// few words: a caption says `photo made available by` after a date too.
fn dated_names(text: &str) -> Option<usize> {
    if text.len() > MAX_BYLINE || text.split_whitespace().nth(16).is_some() {
        return None;
    }
    let (at, _) = words_with_offsets(text)
        .take(9)
        .find(|&(i, _)| opener_at(&text[i..]).is_some())?;
    if at == 0 || find_date(&text[..at]).is_none() {
        return None;
    }
    opened_names(&text[at..]).map(|names| at + names)
}

/// A line that is only an opener, with the names on the next line.
pub fn lone_opener(text: &str) -> bool {
    let text = text.trim();
    BYLINE_OPENERS
        .iter()
        .any(|o| text.eq_ignore_ascii_case(o.trim_end()))
}

/// A line that starts with a person's name and holds nothing else but what
/// sites set beside a name: a date, a separator, a handle or an
/// affiliation. `Dan Goodin - Apr 16, 2015`, `Mike Conley`, `Ann Lee@annlee`,
/// `Tom Berg, Staff Writer`.
pub fn bare_byline(text: &str, shape: &Shape) -> bool {
    if shape.words > 12 || shape.chars > 80 {
        return false;
    }
    // The name opens the line and starts with a given name, unless the
    // person's handle is glued to it: most lines are answered by their
    // first word, before the names are parsed.
    let opens_with_given_name = text
        .split_whitespace()
        .next()
        .is_some_and(|w| class(w).is_given());
    if !opens_with_given_name && !text.contains('@') {
        return false;
    }
    let names = authors(text, 0);
    let [name] = names.as_slice() else {
        return false;
    };
    let first = text[name.range()].split_whitespace().next().unwrap_or("");
    let words = text[name.range()].split_whitespace().count();
    let after = &text[name.end..];
    let rest = after.trim_start_matches([' ', '-', '—', '–', '|', '•', '·', ',', '/']);
    let handle = rest
        .strip_prefix('@')
        .is_some_and(|h| h.starts_with(char::is_alphanumeric));
    (2..=4).contains(&words)
        && (class(first).is_given() || handle)
        && name.start == 0
        && (rest.is_empty()
            || find_date(rest).is_some()
            || rest.ends_with(" ago")
            || handle
            || affiliation(after))
}

/// A line that is only a person's name, two to four words, none of them a
/// title, a place or a function word: `ZORBEK LAHIFFE`.
pub fn name_line(text: &str, shape: &Shape) -> bool {
    if !(2..=4).contains(&shape.words) || text.contains(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let text = text.trim();
    let names = authors(text, 0);
    matches!(names.as_slice(), [name] if name.start == 0 && name.end == text.len())
        && text.split_whitespace().all(|w| !class(w).is_not_name())
}

/// `, Staff Writer`, `, The Daily Planet`: a comma and a few capitalized
/// words or job words, no sentence.
fn affiliation(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(',') else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..=5).contains(&words.len())
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            w.starts_with(|c: char| c.is_uppercase()) || classes::is_role_word(w)
        })
        && !rest.trim_end().ends_with(['.', '!', '?'])
}

/// A word glued to the next one by the page's rendering, where a name ends
/// and a job title starts: `HiltzikBusiness`. Only a job or organisation
/// word is cut off, so that `McDonald` and `DeVries` stay whole.
fn glued_title(word: &str) -> Option<usize> {
    let mut prev_lower = false;
    for (i, c) in word.char_indices() {
        if c.is_uppercase() && prev_lower && i >= 4 && class(&word[i..]).is_not_byline_name() {
            return Some(i);
        }
        prev_lower = c.is_lowercase();
    }
    None
}

fn all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && !word.chars().any(char::is_lowercase)
}

/// The author names of a byline, as spans of `text` offset by `base`.
pub fn authors(text: &str, base: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut name: Option<(usize, usize)> = None;
    // Whether the name being read has a word in mixed case: a word in
    // capitals after it is a place or an agency (`Ana Lima JAKARTA`).
    let mut mixed_case = false;
    let mut push = |name: &mut Option<(usize, usize)>| {
        if let Some((s, e)) = name.take() {
            out.push(Span::new(base + s, base + e));
        }
    };
    for (start, word) in words_with_offsets(text) {
        // "Nolan22" and "Wilkinson@handle": a name glued to what follows.
        let (word, glued) = match word.find(|c: char| c.is_ascii_digit() || c == '@') {
            Some(0) => break,
            Some(i) => (&word[..i], true),
            None => match glued_title(word) {
                Some(i) => (&word[..i], true),
                None => (word, false),
            },
        };
        let clean = word.trim_end_matches([',', ';', '*', '_', '.']);
        let ends_clause = word.ends_with([',', ';']) || word.ends_with(['*', '_']);
        if clean.eq_ignore_ascii_case("and") || clean == "&" {
            push(&mut name);
            mixed_case = false;
            continue;
        }
        let place_or_agency = mixed_case && all_caps(clean);
        let is_name_word = clean.starts_with(|c: char| c.is_uppercase())
            && !clean.chars().any(|c| c.is_ascii_digit())
            && !class(clean).is_not_byline_name()
            && !place_or_agency
            || (name.is_some() && classes::is_particle(clean));
        if !is_name_word || matches!(clean, "-" | "|" | "—" | "–" | "•") {
            break;
        }
        let end = start + clean.len();
        name = Some(name.map_or((start, end), |(s, _)| (s, end)));
        mixed_case |= clean.chars().any(char::is_lowercase);
        if glued {
            break;
        }
        if ends_clause {
            push(&mut name);
            mixed_case = false;
            // A comma after a name may lead to a job title or an
            // affiliation: "Jane Doe, staff writer", "Ann Lee, The Planet".
            if word.ends_with(',') && !next_is_name(&text[start + word.len()..]) {
                return out;
            }
        }
    }
    push(&mut name);
    out.retain(|s| s.len() >= 2);
    out
}

/// Whether the words up to the next comma or `and` are a person's name:
/// two to four capitalized words, none a job, an organisation or a
/// function word.
fn next_is_name(text: &str) -> bool {
    let words: Vec<&str> = text
        .split_whitespace()
        .skip_while(|w| w.eq_ignore_ascii_case("and") || *w == "&")
        .take_while(|w| !w.eq_ignore_ascii_case("and") && *w != "&")
        .scan(false, |ended, w| {
            (!*ended).then(|| {
                *ended = w.ends_with([',', ';']);
                w.trim_end_matches([',', ';'])
            })
        })
        .collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase())
                && !classes::is_role_word(w)
                && !class(w).is_not_byline_name()
        })
}

fn words_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

#[cfg(test)]
mod tests {
    use super::super::super::shape::Shape;
    use super::*;

    fn names(line: &str) -> Vec<&str> {
        let from = byline_names(line).unwrap_or(0);
        authors(&line[from..], from)
            .iter()
            .map(|s| &line[s.range()])
            .collect()
    }

    fn bare(line: &str) -> bool {
        bare_byline(line, &Shape::of(line))
    }

    #[test]
    fn openers_after_a_date_or_with_a_colon() {
        assert_eq!(names("By: Ana Lima"), ["Ana Lima"]);
        assert_eq!(names("March 3, 2025 | BY: Ana Lima, MS, RDN"), ["Ana Lima"]);
        assert_eq!(names("8:10 AM PST 03/04/2025 by Tom Berg"), ["Tom Berg"]);
        assert_eq!(
            names("Le Journal | 04.05.2015 à 13h36 | Par Ana Lima"),
            ["Ana Lima"]
        );
        assert_eq!(names("By\u{a0}Tom Berg"), ["Tom Berg"]);
        assert_eq!(names("Tom BergBy Tom Berg, Staff"), ["Tom Berg"]);
        assert_eq!(byline_names("Stand by Me, the film"), None);
        assert_eq!(
            byline_names(
                "Taken on May 2, 2006 for the city archive and made available by Ana Lima."
            ),
            None
        );
        assert!(lone_opener(" By "));
        assert!(!lone_opener("Bystanders"));
    }

    #[test]
    fn names_end_where_an_affiliation_starts() {
        assert_eq!(names("By Tom Berg, Business Reporter"), ["Tom Berg"]);
        assert_eq!(names("By Ana Lima, The Daily Planet"), ["Ana Lima"]);
        assert_eq!(
            names("By Ana Lima, Tom Berg and Joe Ruiz"),
            ["Ana Lima", "Tom Berg", "Joe Ruiz"]
        );
        assert_eq!(
            names("By Ana Lima, Tom Berg, and Joe Ruiz"),
            ["Ana Lima", "Tom Berg", "Joe Ruiz"]
        );
        assert_eq!(names("By Ana Lima LISBON"), ["Ana Lima"]);
        assert_eq!(names("By ANA LIMA"), ["ANA LIMA"]);
        assert_eq!(names("By Ana LimaBusiness Columnist"), ["Ana Lima"]);
        assert_eq!(names("By Ana McDonald"), ["Ana McDonald"]);
    }

    #[test]
    fn bare_bylines_with_what_sites_put_beside_a_name() {
        assert!(bare("Ana Lima"));
        assert!(bare("Ana Lima - Apr 16, 2015"));
        assert!(bare("Ana Lima@analima"));
        assert!(bare("Ana Lima @analima / 2 days"));
        assert!(bare("Zorbek Lahiffe@zorbek"));
        assert!(!bare("Zorbek Lahiffe"));
        assert!(bare("Ana Lima, Staff Writer"));
        assert!(bare("Ana Lima, The Daily Planet"));
        assert!(!bare("Ana Lima, who runs the bakery, said no."));
        assert!(!bare("Ana went home"));
    }
}
