//! Bytes to text: byte-order marks, UTF-16, and lossy UTF-8.
//!
//! Line endings are left as they are so that byte offsets stay those of the
//! decoded file; the later steps treat LF, CRLF and a lone CR alike.

use std::borrow::Cow;

/// Decodes a file's bytes. UTF-16 is recognised by its BOM; everything else
/// is read as UTF-8 with invalid bytes replaced by U+FFFD.
pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest);
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

/// True when the bytes look like UTF-16 text (they start with its BOM).
pub fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF")
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
}
