//! Finding a publication date in a line of text and writing it as ISO 8601.
//!
//! Covers the spellings that bylines and date lines use: `September 04,
//! 2016 9:01 AM`, `4 Sept. 2016 14:05`, `2019-11-19T12:48:14Z`,
//! `2016/09/04`, and the numeric ones `11/19/2019`, `19.11.2019`,
//! `11/19/19`. A time is kept only when it follows the date.

use super::lexicon::classes::MONTHS;
use super::lexicon::lower;

/// A word of the line.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    text: &'a str,
}

fn words(line: &str) -> Vec<Word<'_>> {
    line.split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .map(|text| Word { text })
        .collect()
}

fn month(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.');
    // A month's name is nine letters at most: the whole word, or the end of
    // one where the text rendering glued it to what stood beside it, a short
    // name (`Nov.November`) or the words before the date (`PressDecember`).
    // Only the word's end is read, so a long word costs no more than a short.
    let mut from = word.len().saturating_sub(10);
    while !word.is_char_boundary(from) {
        from += 1;
    }
    let glued = word[from..]
        .char_indices()
        .rev()
        .find(|&(i, c)| {
            let before = &word[..from + i];
            before.ends_with('.')
                || (c.is_uppercase() && before.ends_with(|p: char| p.is_lowercase()))
        })
        .map(|(i, _)| &word[from + i..]);
    let word = match glued {
        Some(tail) => tail,
        None if from == 0 => word,
        None => return None,
    };
    // Lowercased on the stack: asked of every word of a line. A word too
    // long for a month becomes empty.
    let lower = lower(word);
    let w = lower.as_str();
    if w.len() < 3 || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let i = MONTHS.iter().position(|m| w.starts_with(&m[..3]))?;
    // "March" or "Mar" or "Sept", but not "mayor" or "marching".
    (MONTHS[i].starts_with(w) || w == "sept").then_some(i as u32 + 1)
}

fn number(word: &str, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    let w = w
        .strip_suffix("st")
        .or_else(|| w.strip_suffix("nd"))
        .or_else(|| w.strip_suffix("rd"))
        .or_else(|| w.strip_suffix("th"))
        .unwrap_or(w);
    (digits.contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

fn day(word: &str) -> Option<u32> {
    number(word, 1..=2).filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<u32> {
    number(word, 4..=4).filter(|y| (1800..=2200).contains(y))
}

/// A year with the time glued to it, as a page's separate date and time
/// come out in text: `20194:29` (2019, 4:29).
/// The year, and the clock glued to it if any.
fn year_and_time(word: &str) -> Option<(u32, Option<Word<'_>>)> {
    if let Some(y) = year(word) {
        return Some((y, None));
    }
    if word.len() > 16 {
        return None;
    }
    let (y, clock) = (word.get(..4)?, word.get(4..)?);
    time(&[Word { text: clock }])?;
    (clock.contains(':') && clock.starts_with(|c: char| c.is_ascii_digit()))
        .then_some((year(y)?, Some(Word { text: clock })))
}

/// A date in digits with the year last: `11/19/2019`, `19.11.2019`,
/// `11/19/19`. The month comes first unless it cannot (`27/09/2018`), or
/// the parts are split by dots, as in Europe, where the day leads.
fn numeric(word: &str) -> Option<(u32, u32, u32)> {
    let word = word.trim_end_matches([',', ';', ':', '.']);
    if word.len() > 10 {
        return None;
    }
    let sep = word.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let mut parts = word.split(sep);
    let (a, b, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || a.len() > 2 || b.len() > 2 {
        return None;
    }
    // A version number (`3.6.13`) is no date: with a two-digit year, dotted
    // parts are written with two digits each.
    let padded = a.len() == 2 && b.len() == 2;
    let (a, b) = (number(a, 1..=2)?, number(b, 1..=2)?);
    let y = match y.len() {
        4 => year(y)?,
        // Two-digit years are of this century up to 69.
        2 if sep == '/' || padded => {
            number(y, 2..=2).map(|y| if y < 70 { 2000 + y } else { 1900 + y })?
        }
        _ => return None,
    };
    let (m, d) = if a > 12 || (sep == '.' && b <= 12) {
        (b, a)
    } else {
        (a, b)
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// `9:01`, `9:01am`, `21.30` followed by an optional AM/PM word.
fn time(words: &[Word<'_>]) -> Option<(u32, u32)> {
    let first = words.first()?.text;
    let lower = first.to_ascii_lowercase();
    let (clock, mut suffix) = match lower.find(|c: char| c.is_ascii_alphabetic()) {
        Some(i) => (&lower[..i], lower[i..].to_string()),
        None => (lower.as_str(), String::new()),
    };
    let (h, m) = clock.split_once([':', '.'])?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    if suffix.is_empty()
        && let Some(next) = words.get(1)
    {
        suffix = next.text.to_ascii_lowercase();
    }
    let suffix = suffix.replace('.', "");
    let h = match suffix.as_str() {
        "am" if h == 12 => 0,
        "pm" if h < 12 => h + 12,
        _ => h,
    };
    (h < 24 && m < 60).then_some((h, m))
}

/// `2016-09-04`, `2016/09/04` or `2016.09.04`, with an optional `T09:01`.
fn iso(word: &str) -> Option<String> {
    let b = word.as_bytes();
    // Only ASCII can be a date: slicing by byte below is then on char
    // boundaries.
    if b.len() < 10
        || !b[..10].is_ascii()
        || !b[..4].iter().all(u8::is_ascii_digit)
        || !matches!(b[4], b'-' | b'/' | b'.')
    {
        return None;
    }
    let y = year(&word[..4])?;
    let m = number(&word[5..7], 2..=2).filter(|m| (1..=12).contains(m))?;
    let d = day(&word[8..10])?;
    if b[7] != b[4] || b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut out = format!("{y:04}-{m:02}-{d:02}");
    if b.get(10) == Some(&b'T')
        && let Some((h, min)) = word.get(11..16).and_then(|t| time(&[Word { text: t }]))
    {
        out.push_str(&format!("T{h:02}:{min:02}"));
    }
    Some(out)
}

/// The first date in a line, as ISO 8601.
pub fn find_date(line: &str) -> Option<String> {
    let words = words(line);
    for (i, w) in words.iter().enumerate() {
        if let Some(found) = iso(w.text) {
            return Some(found);
        }
        let next = |k: usize| words.get(i + k).map(|t| t.text);
        let (y, m, d, glued, after) = if let Some((y, m, d)) = numeric(w.text) {
            (y, m, d, None, i + 1)
        } else if let Some(m) = month(w.text) {
            if let (Some(d), Some((y, glued))) =
                (next(1).and_then(day), next(2).and_then(year_and_time))
            {
                (y, m, d, glued, i + 3)
            } else if let (Some(d), Some((y, glued))) = (
                i.checked_sub(1).and_then(|j| day(words[j].text)),
                next(1).and_then(year_and_time),
            ) {
                (y, m, d, glued, i + 2)
            } else {
                continue;
            }
        } else {
            continue;
        };
        let mut out = format!("{y:04}-{m:02}-{d:02}");
        let rest = &words[after.min(words.len())..];
        let skip = rest
            .first()
            .is_some_and(|t| t.text.eq_ignore_ascii_case("at")) as usize;
        // A glued clock is read with the word after it, `AM` or `PM`.
        let clock = match glued {
            Some(clock) => match rest.first() {
                Some(&next) => time(&[clock, next]),
                None => time(&[clock]),
            },
            None => time(&rest[skip.min(rest.len())..]),
        };
        if let Some((h, min)) = clock {
            out.push_str(&format!("T{h:02}:{min:02}"));
        }
        return Some(out);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::find_date;

    #[test]
    fn byline_dates() {
        assert_eq!(
            find_date("By William Ide September 04, 2016 9:01 AM").as_deref(),
            Some("2016-09-04T09:01")
        );
        assert_eq!(
            find_date("By A and B  March 3, 2025 4:12 PM").as_deref(),
            Some("2025-03-03T16:12")
        );
        assert_eq!(
            find_date("Updated: 14 May 2025").as_deref(),
            Some("2025-05-14")
        );
        assert_eq!(
            find_date("Sept. 4, 2016 at 12:30 a.m.").as_deref(),
            Some("2016-09-04T00:30")
        );
        assert_eq!(
            find_date("Posted 2019-11-19T12:48:14Z Space").as_deref(),
            Some("2019-11-19T12:48")
        );
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(
            find_date("By Ann Lee - 03/04/25 09:15 AM EST").as_deref(),
            Some("2025-03-04T09:15")
        );
        assert_eq!(find_date("Posted 3/7/2021").as_deref(), Some("2021-03-07"));
        assert_eq!(
            find_date("28/02/2024 Comments").as_deref(),
            Some("2024-02-28")
        );
        assert_eq!(
            find_date("• 14.03.2025, 21:05").as_deref(),
            Some("2025-03-14T21:05")
        );
        assert_eq!(find_date("12.24.15").as_deref(), Some("2015-12-24"));
        assert_eq!(find_date("2021.06.30").as_deref(), Some("2021-06-30"));
    }

    #[test]
    fn glued_names_and_times() {
        assert_eq!(
            find_date("Published Mon, Mar 3 20254:12 PM EST").as_deref(),
            Some("2025-03-03T16:12")
        );
        assert_eq!(
            find_date("Mar.March 3, 2025 4:12 PM").as_deref(),
            Some("2025-03-03T16:12")
        );
        assert_eq!(
            find_date("The Daily PlanetMarch 9, 2021").as_deref(),
            Some("2021-03-09")
        );
    }

    #[test]
    fn non_ascii_in_a_date_shape() {
        assert_eq!(find_date("Spot 2024-\u{fffd}\u{fffd}"), None);
        assert_eq!(find_date("2024-10-\u{fffd}5 and more"), None);
        assert_eq!(find_date("2024-1é-05"), None);
    }

    #[test]
    fn no_date() {
        assert_eq!(
            find_date("The mayor said in March that 2016 was hard"),
            None
        );
        assert_eq!(find_date("Maybe 12 may 99"), None);
        assert_eq!(find_date("Version 1.2.3 and 10/20"), None);
        assert_eq!(find_date("Firefox 3.6.13 is out"), None);
        assert_eq!(find_date("Scores 3-1-2024x"), None);
        assert_eq!(find_date("Call 555-1234-2019"), None);
    }
}
