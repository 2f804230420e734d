//! Turning article text into text that is safe and pleasant to show.
//!
//! Article text is untrusted: it may hold escape sequences, C0/C1 controls,
//! bidi overrides and zero-width characters. Everything a person sees, in the
//! reader, the outline or JSON, goes through [`display`], which folds
//! whitespace and replaces those characters with visible, harmless ones.

use std::borrow::Cow;

use crate::swar;

/// A visible stand-in for a character that must not reach a terminal raw,
/// or `None` when the character is fine as it is.
pub fn visible(c: char) -> Option<char> {
    match c {
        // C0 controls become their Unicode "control pictures": ESC is ␛.
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        // C1 controls (CSI is U+009B), bidi embeddings, overrides and
        // isolates, zero-width and other invisible format characters.
        '\u{80}'..='\u{9f}'
        | '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}'
        | '\u{feff}'
        | '\u{fff9}'..='\u{fffb}' => Some('\u{fffd}'),
        _ => None,
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
            for c in word.chars() {
                if is_space(c) {
                    pending_space = true;
                    continue;
                }
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(visible(c).unwrap_or(c));
            }
            pending_space = true;
        }
        pending_space = true;
    }
    Cow::Owned(out)
}

/// True for printable ASCII with no two spaces in a row, checked eight
/// bytes at a time.
fn is_one_spaced_ascii(bytes: &[u8]) -> bool {
    // The high bit of the last byte of the chunk before, if a space.
    let mut space_before = 0;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in chunks.by_ref() {
        let w = swar::load(chunk);
        let spaces = swar::equal(w, b' ');
        if swar::between(w, 0x20, 0x7e) != swar::HIGH || spaces & (spaces << 8 | space_before) != 0
        {
            return false;
        }
        space_before = spaces >> 56;
    }
    let mut after_space = space_before != 0;
    chunks.remainder().iter().all(|&b| {
        let ok = (0x20..=0x7e).contains(&b) && !(after_space && b == b' ');
        after_space = b == b' ';
        ok
    })
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

/// Like [`display`] for text that is not from an article span (file names,
/// messages): only the unsafe characters are replaced.
pub fn sanitize(raw: &str) -> String {
    raw.chars().map(|c| visible(c).unwrap_or(c)).collect()
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
    fn keeps_ordinary_unicode() {
        assert_eq!(display("Zürich “quoted” 東京。"), "Zürich “quoted” 東京。");
    }
}
