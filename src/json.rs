//! JSON that nothing in a terminal acts on: serde escapes C0 controls, and
//! this also escapes as `\uXXXX` every other character that
//! [`visible`] would replace (DEL, C1 controls, format characters such as
//! bidi controls, default-ignorable ones such as zero-width characters and
//! tags, line and paragraph separators, noncharacters), joiners and
//! variation selectors included, so strings keep their exact value (a file
//! name stays openable) while the bytes written are harmless.
//!
//! Values go through serde; the many quotes of `brief quotes` are written
//! field by field with [`string`], which gives serde's bytes at a fraction
//! of the cost.

use std::io::Write;

use serde::Serialize;

use crate::article::text::visible;

/// serde's formatter with the extra escapes.
struct Safe;

impl serde_json::ser::Formatter for Safe {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        out: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        // serde_json escapes C0 controls itself, so a fragment of ASCII
        // without DEL is safe as it is; both are checked many bytes at a
        // time.
        if fragment.is_ascii() && memchr::memchr(0x7f, fragment.as_bytes()).is_none() {
            return out.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| visible(c).is_some()) {
            out.write_all(&rest.as_bytes()[..i])?;
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                write!(out, "\\u{unit:04x}")?;
            }
            rest = &rest[i + c.len_utf8()..];
        }
        out.write_all(rest.as_bytes())
    }
}

/// A value as one line of JSON.
pub fn to_json(value: &impl Serialize) -> String {
    // Most values are a speaker or an article's head of a few hundred
    // bytes: room for them at once spares the doubling reallocations.
    let mut out = Vec::with_capacity(512);
    value
        .serialize(&mut serde_json::Serializer::with_formatter(&mut out, Safe))
        .expect("plain data serializes");
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// A JSON object without its closing brace, so that more fields can follow.
pub fn open_object(value: &impl Serialize) -> String {
    let mut json = to_json(value);
    json.pop();
    json
}

/// ASCII bytes written as they are inside a JSON string.
static PLAIN: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0x20;
    while b < 0x7f {
        table[b] = b != b'"' as usize && b != b'\\' as usize;
        b += 1;
    }
    table
};

/// Appends `s` as a JSON string, byte for byte what [`to_json`] makes of it.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    // `start..i` is plain text not yet written.
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            if PLAIN[usize::from(b)] {
                i += 1;
                continue;
            }
            out.push_str(&s[start..i]);
            match b {
                b'"' => out.push_str("\\\""),
                b'\\' => out.push_str("\\\\"),
                0x08 => out.push_str("\\b"),
                b'\t' => out.push_str("\\t"),
                b'\n' => out.push_str("\\n"),
                0x0c => out.push_str("\\f"),
                b'\r' => out.push_str("\\r"),
                _ => unicode_escape(out, u16::from(b)),
            }
            i += 1;
            start = i;
            continue;
        }
        let c = s[i..].chars().next().expect("a char starts here");
        if visible(c).is_some() {
            out.push_str(&s[start..i]);
            let mut units = [0u16; 2];
            for &mut unit in c.encode_utf16(&mut units) {
                unicode_escape(out, unit);
            }
            start = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.push_str(&s[start..]);
    out.push('"');
}

fn unicode_escape(out: &mut String, unit: u16) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("\\u");
    for shift in [12, 8, 4, 0] {
        out.push(char::from(HEX[usize::from(unit >> shift & 0xf)]));
    }
}

/// Appends a string or `null`.
pub fn option_string(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.push_str("null"),
    }
}

/// Appends an array of strings.
pub fn strings<S: AsRef<str>>(out: &mut String, items: impl IntoIterator<Item = S>) {
    out.push('[');
    for (i, s) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(out, s.as_ref());
    }
    out.push(']');
}

/// Appends a number.
pub fn number(out: &mut String, n: usize) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// Appends a number or `null`.
pub fn option_number(out: &mut String, n: Option<usize>) {
    match n {
        Some(n) => number(out, n),
        None => out.push_str("null"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_invisible_characters_of_every_kind() {
        let raw = "a\u{61c}b\u{e0001}\u{e007f}c\u{2028}d\u{2029}e\u{ad}f\u{200d}😀\u{fe0f}\u{fdd0}";
        let json = to_json(&raw);
        assert_eq!(
            json,
            r#""a\u061cb\udb40\udc01\udb40\udc7fc\u2028d\u2029e\u00adf\u200d😀\ufe0f\ufdd0""#
        );
        assert_eq!(serde_json::from_str::<String>(&json).unwrap(), raw);
        assert_eq!(written(raw), json);
    }

    #[test]
    fn escapes_what_a_terminal_would_act_on() {
        let json = to_json(&"a\u{9b}31m b\u{202e}c\u{1b}");
        assert_eq!(json, r#""a\u009b31m b\u202ec\u001b""#);
        assert_eq!(
            serde_json::from_str::<String>(&json).unwrap(),
            "a\u{9b}31m b\u{202e}c\u{1b}"
        );
    }

    fn written(s: &str) -> String {
        let mut out = String::new();
        string(&mut out, s);
        out
    }

    #[test]
    fn strings_are_written_as_serde_writes_them() {
        for s in [
            "",
            "plain",
            "\"q\" \\ /",
            "\u{0}\u{8}\t\n\u{b}\u{c}\r\u{1f}\u{7f}",
            "é “x” \u{feff}\u{1f600}\u{200e}",
        ] {
            assert_eq!(written(s), to_json(&s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_written_as_serde_writes_it(s in "\\PC*|[\\x00-\\x7f\u{80}-\u{ad}\u{600}-\u{61c}\u{2000}-\u{2070}\u{fe00}-\u{fe0f}\u{feff}\u{fff9}-\u{ffff}\u{e0000}-\u{e0080}é😀]{0,60}") {
            proptest::prop_assert_eq!(written(&s), to_json(&s));
        }
    }
}
