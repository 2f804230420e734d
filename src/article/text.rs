//! Turning article text into text that is safe and pleasant to show.
//!
//! Article text is untrusted: it may hold escape sequences, C0/C1 controls,
//! bidi overrides and invisible characters. Everything a person sees, in the
//! reader, the outline or JSON, goes through [`visible`]: [`display`] folds
//! whitespace and replaces those characters with visible, harmless ones,
//! [`sanitize`] replaces them in other text, and JSON escapes them.

use std::borrow::Cow;

use icu_properties::props::{DefaultIgnorableCodePoint, GeneralCategory, VariationSelector};
use icu_properties::{CodePointMapData, CodePointSetData, CodePointSetDataBorrowed};

const REPLACEMENT: char = '\u{fffd}';

const DEFAULT_IGNORABLE: CodePointSetDataBorrowed<'static> =
    CodePointSetData::new::<DefaultIgnorableCodePoint>();

/// A visible stand-in for a character that must not reach a terminal raw,
/// or `None` when the character is fine as it is.
///
/// The set is decided by Unicode property (the data of `icu_properties`
/// 2.1, Unicode 17): controls (Cc), format characters (Cf, which hold
/// every bidi control), default-ignorable code points (zero-width and
/// filler characters, variation selectors, tag characters), line and
/// paragraph separators (Zl, Zp), and noncharacters. [`display`] and
/// [`sanitize`] keep the joiners and variation selectors that do their job
/// between two characters (see `keeps`); JSON escapes the whole set.
pub fn visible(c: char) -> Option<char> {
    let u = u32::from(c);
    if u < 0x7f {
        // C0 controls become their Unicode "control pictures": ESC is ␛.
        return if u < 0x20 {
            char::from_u32(0x2400 + u)
        } else {
            None
        };
    }
    // Where most text is written the set has few members or none, told
    // apart without a look-up: Latin, Greek, Cyrillic and Hebrew below
    // U+0600; dashes, quotation marks and the like around the bidi
    // controls; symbols, CJK, kana and Hangul from U+2070 to U+FDCF; emoji
    // from U+1D17B to U+1FFFD. The test over every code point holds these
    // to the Unicode data.
    match u {
        ..0x600 => {
            return match c {
                '\u{7f}' => Some('\u{2421}'),
                // The soft hyphen shows only where a line breaks at it; the
                // reader wraps lines itself, so it is shown as that hyphen.
                '\u{ad}' => Some('-'),
                // C1 controls (CSI is U+009B), the combining grapheme joiner.
                '\u{80}'..='\u{9f}' | '\u{34f}' => Some(REPLACEMENT),
                _ => None,
            };
        }
        0x2010..0x2028 | 0x202f..0x2060 | 0x1d17b..0x1fffe => return None,
        // The Hangul filler.
        0x2070..0xfdd0 => return (u == 0x3164).then_some(REPLACEMENT),
        _ => {}
    }
    let unseen = DEFAULT_IGNORABLE.contains(c)
        || matches!(
            CodePointMapData::<GeneralCategory>::new().get(c),
            GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
        )
        || is_noncharacter(u);
    unseen.then_some(REPLACEMENT)
}

/// The 66 noncharacters, fixed for good by Unicode's stability policy:
/// U+FDD0..U+FDEF and the last two code points of every plane.
fn is_noncharacter(u: u32) -> bool {
    (0xfdd0..=0xfdef).contains(&u) || u & 0xfffe == 0xfffe
}

/// True when `c`, a zero-width joiner or non-joiner or a variation
/// selector, does its job between the raw characters `prev` and `next`, and
/// is shown as it is.
///
/// A variation selector picks the form of the character before it: the
/// emoji or text form (U+FE0F in `❤️`), a standardized or ideographic
/// variant (U+FE00.., U+E0100.. in CJK names). Replacing it would litter
/// emoji and names with stand-ins, so it is kept after a character shown
/// as itself. A second one in a row, or one after a space, selects nothing
/// and can only carry hidden data; one after an ASCII letter, which has no
/// variants, could only make two names that look alike differ: those are
/// replaced.
///
/// The joiners decide how two characters are drawn together: U+200D joins
/// emoji into one (`👩‍💻`, also after a variation selector, `❤️‍🔥`) and
/// Indic conjuncts, U+200C keeps Persian and Indic letters apart. Both
/// are kept between two non-ASCII characters shown as themselves; a lone
/// joiner, at a word's edge, in a run, or between ASCII letters (where it
/// changes nothing and could only make two names that look alike differ),
/// is replaced.
fn keeps(prev: Option<char>, c: char, next: Option<char>) -> bool {
    let shown_raw = |x: Option<char>| x.filter(|&x| visible(x).is_none() && !is_space(x));
    let selector = |x: char| CodePointSetData::new::<VariationSelector>().contains(x);
    match c {
        '\u{200c}' | '\u{200d}' => {
            let wide = |x: Option<char>| shown_raw(x).is_some_and(|x| !x.is_ascii());
            (wide(prev) || prev.is_some_and(selector)) && wide(next)
        }
        _ => selector(c) && shown_raw(prev).is_some_and(|x| !x.is_ascii_alphabetic()),
    }
}

/// What `c` is shown as, between the raw characters `prev` and `next`
/// (looked at only for the few characters whose showing depends on them).
fn shown(prev: Option<char>, c: char, next: impl FnOnce() -> Option<char>) -> char {
    match visible(c) {
        Some(stand_in) if !keeps(prev, c, next()) => stand_in,
        _ => c,
    }
}

/// True for characters that separate words: ASCII whitespace, no-break and
/// other Unicode spaces, and line/paragraph separators.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Text of a span as shown to a person: runs of whitespace become one space,
/// leading Markdown block-quote markers (`> `) on each line are dropped, and
/// unsafe characters are replaced by [`visible`] ones.
pub fn display(raw: &str) -> String {
    displayed(raw).into_owned()
}

/// [`display`], borrowing the text when it is shown as it is: most spans (a
/// quote, a name, a title) are one line of plain ASCII words with single
/// spaces.
pub fn displayed(raw: &str) -> Cow<'_, str> {
    let bytes = raw.as_bytes();
    let plain = !matches!(bytes.first(), None | Some(b' ' | b'>'))
        && bytes.last() != Some(&b' ')
        && is_one_spaced_ascii(bytes);
    if plain {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for line in raw.split(['\n', '\r']) {
        let line = line.trim_start().trim_start_matches(['>', ' ', '\t']);
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            // Most words are plain ASCII and copied whole.
            if word.bytes().all(|b| b.is_ascii_graphic()) {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
                pending_space = true;
                continue;
            }
            let mut prev = None;
            let mut chars = word.chars();
            while let Some(c) = chars.next() {
                let before = prev.replace(c);
                if is_space(c) {
                    pending_space = true;
                    continue;
                }
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(shown(before, c, || chars.clone().next()));
            }
            pending_space = true;
        }
        pending_space = true;
    }
    Cow::Owned(out)
}

/// True for printable ASCII with no two spaces in a row.
fn is_one_spaced_ascii(bytes: &[u8]) -> bool {
    let mut after_space = false;
    bytes.iter().all(|&b| {
        let ok = (0x20..=0x7e).contains(&b) && !(after_space && b == b' ');
        after_space = b == b' ';
        ok
    })
}

/// Like [`display`] for text that is not from an article span (file names,
/// messages): only the unsafe characters are replaced, line and paragraph
/// separators among them.
pub fn sanitize(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut prev = None;
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        out.push(shown(prev.replace(c), c, || chars.clone().next()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_folded_spans_agree() {
        for (raw, shown) in [
            ("Talks end in Geneva.", "Talks end in Geneva."),
            (" Talks end", "Talks end"),
            ("Talks end ", "Talks end"),
            ("Talks  end", "Talks end"),
            ("Talks\tend", "Talks end"),
            ("> Talks end", "Talks end"),
            ("a>b c", "a>b c"),
            ("Talks e  nd", "Talks e nd"),
            ("The talks  ended", "The talks ended"),
            ("", ""),
        ] {
            assert_eq!(display(raw), shown, "{raw:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn one_spaced_ascii_is_told_as_byte_by_byte(s in "[a b\t~\u{7f}\u{1b}é]{0,40}") {
            let naive = s.bytes().all(|b| b.is_ascii_graphic() || b == b' ') && !s.contains("  ");
            proptest::prop_assert_eq!(is_one_spaced_ascii(s.as_bytes()), naive);
        }
    }

    #[test]
    fn folds_whitespace_and_lines() {
        assert_eq!(display("  one\r\n two\t three  "), "one two three");
    }

    #[test]
    fn drops_block_quote_markers() {
        assert_eq!(display("> We will\n> meet again."), "We will meet again.");
    }

    #[test]
    fn escape_sequences_become_visible() {
        let shown = display("a\u{1b}[2Jb\u{9b}31mc\u{202e}d\u{7}");
        assert_eq!(shown, "a\u{241b}[2Jb\u{fffd}31mc\u{fffd}d\u{2407}");
        assert!(!shown.chars().any(|c| c.is_control()));
    }

    #[test]
    fn the_set_is_that_of_the_unicode_properties() {
        use icu_properties::props::{BidiControl, BinaryProperty, NoncharacterCodePoint};
        let listed = |c: char| {
            DefaultIgnorableCodePoint::for_char(c)
                || BidiControl::for_char(c)
                || NoncharacterCodePoint::for_char(c)
                || matches!(
                    CodePointMapData::<GeneralCategory>::new().get(c),
                    GeneralCategory::Control
                        | GeneralCategory::Format
                        | GeneralCategory::LineSeparator
                        | GeneralCategory::ParagraphSeparator
                )
        };
        let wrong: Vec<String> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|&c| visible(c).is_some() != listed(c))
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn invisible_characters_of_every_kind_are_replaced() {
        for c in [
            '\u{61c}',   // Arabic letter mark (bidi control)
            '\u{200f}',  // right-to-left mark
            '\u{2066}',  // left-to-right isolate
            '\u{e0001}', // language tag
            '\u{e0041}', // tag letter A
            '\u{e007f}', // cancel tag
            '\u{2028}',  // line separator
            '\u{2029}',  // paragraph separator
            '\u{85}',    // next line (C1)
            '\u{180e}',  // Mongolian vowel separator
            '\u{115f}',  // Hangul choseong filler
            '\u{3164}',  // Hangul filler
            '\u{ffa0}',  // halfwidth Hangul filler
            '\u{1d173}', // musical symbol begin beam
            '\u{34f}',   // combining grapheme joiner
            '\u{fe00}',  // variation selector 1
            '\u{e0100}', // variation selector 17
            '\u{200b}',  // zero width space
            '\u{200d}',  // zero width joiner
            '\u{fdd0}',  // noncharacter
            '\u{1fffe}', // noncharacter
            '\u{10ffff}',
        ] {
            assert_eq!(visible(c), Some(REPLACEMENT), "U+{:04X}", u32::from(c));
            // After a space, where no joiner joins and no selector selects.
            let shown = sanitize(&format!("a {c}b"));
            assert_eq!(shown, "a \u{fffd}b", "U+{:04X}", u32::from(c));
        }
        assert_eq!(display("co\u{ad}operation"), "co-operation");
        for c in [
            'é', 'ß', 'Ω', 'Я', 'א', '\u{301}', '東', '😀', '\u{f8ff}', '\u{fffd}',
        ] {
            assert_eq!(visible(c), None, "{c}");
        }
    }

    proptest::proptest! {
        #[test]
        fn shown_text_has_nothing_left_to_replace(s in "[aé😀 >\n\u{200c}\u{200d}\u{fe0f}\u{e0100}\u{ad}\u{1b}\u{2028}]{0,30}") {
            let shown = display(&s);
            proptest::prop_assert_eq!(sanitize(&shown), shown);
            let sanitized = sanitize(&s);
            proptest::prop_assert_eq!(sanitize(&sanitized), sanitized);
        }
    }

    #[test]
    fn line_and_paragraph_separators_are_whitespace_where_text_is_folded() {
        assert_eq!(
            display("one\u{2028}two\u{2029} three\u{85}four"),
            "one two three four"
        );
        assert_eq!(sanitize("one\u{2028}two"), "one\u{fffd}two");
    }

    #[test]
    fn joiners_and_selectors_that_do_their_job_are_kept() {
        for kept in [
            "👩\u{200d}💻",
            "❤\u{fe0f}\u{200d}🔥",
            "👍\u{1f3fd}",
            "1\u{fe0f}\u{20e3}",
            "می\u{200c}خواهم",
            "क्\u{200d}ष",
            "葛\u{e0100}城",
        ] {
            assert_eq!(display(kept), kept, "{kept:?}");
            assert_eq!(sanitize(kept), kept, "{kept:?}");
        }
        for (raw, shown) in [
            ("\u{200d}😀", "\u{fffd}😀"),
            ("😀\u{200d}", "😀\u{fffd}"),
            ("😀 \u{200d}😀", "😀 \u{fffd}😀"),
            ("😀\u{200d}\u{200d}😀", "😀\u{fffd}\u{fffd}😀"),
            ("Ru\u{200c}iz", "Ru\u{fffd}iz"),
            ("\u{fe0f}a", "\u{fffd}a"),
            ("😀\u{fe0f}\u{fe0f}\u{e0101}", "😀\u{fe0f}\u{fffd}\u{fffd}"),
            ("a \u{fe0f}", "a \u{fffd}"),
            ("Ru\u{fe0f}iz", "Ru\u{fffd}iz"),
            ("🏴\u{e0067}\u{e007f}", "🏴\u{fffd}\u{fffd}"),
        ] {
            assert_eq!(display(raw), shown, "{raw:?}");
        }
    }

    #[test]
    fn keeps_ordinary_unicode() {
        assert_eq!(display("Zürich “quoted” 東京。"), "Zürich “quoted” 東京。");
    }
}
