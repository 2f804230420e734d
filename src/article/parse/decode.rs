//! Bytes to text: byte-order marks, UTF-16, UTF-32 and lossy UTF-8.
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
pub fn is_utf16_or_32(bytes: &[u8]) -> bool {
    [b"\xFF\xFE".as_slice(), b"\xFE\xFF", b"\0\0\xFE\xFF"]
        .iter()
        .any(|bom| bytes.starts_with(bom))
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
}
