//! Bytes to text: byte-order marks, UTF-16, UTF-32 and lossy UTF-8, and
//! telling binary data from text.
//!
//! Line endings are left as they are so that byte offsets stay those of the
//! decoded file; the later steps treat LF, CRLF and a lone CR alike.

use std::borrow::Cow;

/// Decodes a file's bytes. UTF-16 and UTF-32 are recognised by their BOM;
/// everything else is read as UTF-8. What does not decode (invalid bytes,
/// unpaired surrogates, values past U+10FFFF, a cut code unit at the end)
/// becomes U+FFFD.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
    }
    // Before UTF-16 LE, whose BOM the UTF-32 LE one starts with: UTF-16
    // text cannot go on with U+0000.
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\0\0") {
        return Cow::Owned(utf32(rest, u32::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\0\0\xFE\xFF") {
        return Cow::Owned(utf32(rest, u32::from_be_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Cow::Owned(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Cow::Owned(utf16(rest, u16::from_be_bytes));
    }
    utf8(bytes)
}

fn utf8(bytes: &[u8]) -> Cow<'_, str> {
    // Checking valid UTF-8 (nearly every file) is several times faster than
    // the lossy decoder's chunking.
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// [`decode`] for bytes the caller owns: valid UTF-8 without a BOM, nearly
/// every file, becomes the text without a copy.
pub fn decode_owned(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) if !text.starts_with('\u{feff}') => text,
        Ok(text) => decode(text.as_bytes()).into_owned(),
        Err(e) => decode(e.as_bytes()).into_owned(),
    }
}

/// True when the bytes start with a UTF-16 or UTF-32 BOM: text whose code
/// units hold zero bytes, so that binary data is told by what they decode
/// to rather than by a zero byte.
fn is_utf16_or_32(bytes: &[u8]) -> bool {
    [b"\xFF\xFE".as_slice(), b"\xFE\xFF", b"\0\0\xFE\xFF"]
        .iter()
        .any(|bom| bytes.starts_with(bom))
}

/// True when the bytes are binary data rather than text, judged by their
/// start: a NUL byte, in anything but UTF-16 and UTF-32. Their text is full
/// of zero bytes, so it is judged decoded: by a NUL character, or by many
/// code units that decode to nothing (unpaired surrogates, values past
/// U+10FFFF): random bytes after a UTF-16 byte-order mark make about one
/// unit in 32 an unpaired surrogate, after a UTF-32 one nearly every unit
/// too large, and text has next to none.
pub fn is_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if !is_utf16_or_32(head) {
        return memchr::memchr(0, head).is_some();
    }
    let text = decode(head);
    if text.contains('\0') {
        return true;
    }
    // The sample may end inside a character.
    let text = text
        .strip_suffix(char::REPLACEMENT_CHARACTER)
        .unwrap_or(&text);
    text.matches(char::REPLACEMENT_CHARACTER).count() * 64 > text.chars().count()
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let mut text: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    if bytes.len() % 2 == 1 {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

fn utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32) -> String {
    let units = bytes.chunks_exact(4);
    let cut = !units.remainder().is_empty();
    let mut text: String = units
        .map(|c| {
            char::from_u32(unit([c[0], c[1], c[2], c[3]])).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect();
    if cut {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_utf8_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFTitle"), "Title");
    }

    #[test]
    fn invalid_utf8_is_replaced() {
        assert_eq!(decode(b"caf\xE9 au lait"), "caf\u{fffd} au lait");
    }

    #[test]
    fn utf16_both_orders() {
        assert_eq!(decode(b"\xFF\xFEh\0i\0"), "hi");
        assert_eq!(decode(b"\xFE\xFF\0h\0i"), "hi");
        assert_eq!(decode(b"\xFF\xFEh\0i"), "h\u{fffd}");
    }

    #[test]
    fn utf32_both_orders() {
        let le: Vec<u8> = "\u{feff}hé😀"
            .chars()
            .flat_map(|c| u32::from(c).to_le_bytes())
            .collect();
        let be: Vec<u8> = "\u{feff}hé😀"
            .chars()
            .flat_map(|c| u32::from(c).to_be_bytes())
            .collect();
        assert_eq!(decode(&le), "hé😀");
        assert_eq!(decode(&be), "hé😀");
        assert_eq!(decode_owned(le), "hé😀");
        assert_eq!(decode_owned(be), "hé😀");
        // A surrogate, a value past U+10FFFF, a cut unit.
        assert_eq!(
            decode(b"\xFF\xFE\0\0h\0\0\0\0\xD8\0\0\0\0\x11\0i\0"),
            "h\u{fffd}\u{fffd}\u{fffd}"
        );
    }

    #[test]
    fn wide_boms_are_told_apart() {
        // UTF-32 LE starts like UTF-16 LE followed by U+0000.
        assert_eq!(decode(b"\xFF\xFE\0\0h\0\0\0"), "h");
        assert_eq!(decode(b"\xFF\xFEh\0\0\0"), "h\0");
        for bom in [
            &b"\xFF\xFE"[..],
            b"\xFE\xFF",
            b"\xFF\xFE\0\0",
            b"\0\0\xFE\xFF",
        ] {
            assert!(is_utf16_or_32(bom), "{bom:?}");
        }
        assert!(!is_utf16_or_32(b"\xEF\xBB\xBFtext"));
        assert!(!is_utf16_or_32(b"\0\0text"));
    }

    #[test]
    fn binary_and_text() {
        assert!(is_binary(b"PK\x03\x04\0\0"));
        assert!(!is_binary("plain text".as_bytes()));
        assert!(!is_binary(b"\xFF\xFEh\0i\0"));
    }

    /// `text` after a byte-order mark, in UTF-16 LE.
    fn utf16(text: &str) -> Vec<u8> {
        "\u{feff}"
            .chars()
            .chain(text.chars())
            .collect::<String>()
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect()
    }

    #[test]
    fn binary_data_after_a_wide_byte_order_mark_is_binary() {
        let text = "A bridge closes 😀, “said” the council. ".repeat(300);
        assert!(!is_binary(&utf16(&text)));
        let mut be: Vec<u8> = b"\xFE\xFF".to_vec();
        be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        assert!(!is_binary(&be));
        for order in [u32::to_le_bytes, u32::to_be_bytes] {
            let utf32: Vec<u8> = "\u{feff}"
                .chars()
                .chain(text.chars())
                .flat_map(|c| order(u32::from(c)))
                .collect();
            assert!(!is_binary(&utf32));
        }
        // A NUL code unit, as most binary formats have.
        assert!(is_binary(&utf16("PK\u{3}\u{4}\0\0 data")));
        assert!(is_binary(b"\xFF\xFE\0\0\x01\0\0\0\0\0\0\0"));
        // No NUL, but many units that are no character: bytes as random as
        // a compressed file's, from a small generator, none of them zero.
        let mut state = 0x2545_f491_u32;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                (state >> 8) as u8 | 1
            })
            .collect();
        for bom in [
            &b"\xFF\xFE"[..],
            b"\xFE\xFF",
            b"\xFF\xFE\0\0",
            b"\0\0\xFE\xFF",
        ] {
            assert!(is_binary(&[bom, &noise].concat()), "{bom:?}");
        }
        // One broken surrogate in text, or a sample cut inside a pair, is
        // still text.
        let mut one = utf16(&text);
        one[100..102].copy_from_slice(&0xdc00_u16.to_le_bytes());
        assert!(!is_binary(&one));
        assert!(!is_binary(&utf16(&"😀".repeat(3000))));
    }
}
