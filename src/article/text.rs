//! Turning article text into text that is safe and pleasant to show.
//!
//! Article text is untrusted: it may hold escape sequences, C0/C1 controls,
//! bidi overrides and zero-width characters. Everything a person sees, in the
//! reader, the outline or JSON, goes through [`display`], which folds
//! whitespace and replaces those characters with visible, harmless ones.

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
    // Most spans (a quote, a name, a title) are one line of plain ASCII
    // words with single spaces, shown as they are.
    let bytes = raw.as_bytes();
    let plain = !matches!(bytes.first(), None | Some(b' ' | b'>'))
        && bytes.last() != Some(&b' ')
        && bytes.iter().all(|&b| b.is_ascii_graphic() || b == b' ')
        && !raw.contains("  ");
    if plain {
        return raw.to_string();
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
    out
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
            ("", ""),
        ] {
            assert_eq!(display(raw), shown, "{raw:?}");
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
