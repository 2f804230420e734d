//! Scans over every byte of an article, each a byte class found many bytes
//! at a time: where tokens may start (the tokenizer's 64-byte masks), how
//! long a text's run of ASCII is, the counts of a block's shape, the next
//! byte that may start a quote mark.
//!
//! Each scan has a plain version in [`plain`], a byte at a time: the
//! reference, and what runs where a fast version does not. Beside it, the
//! fast versions, eight bytes at a time in a `u64` ([`swar`]) or sixteen
//! with SSE2 ([`sse2`], x86-64 only), are kept only where they make
//! `scripts/bench.sh` or `cargo bench --bench parse` 3% faster or more;
//! each is property-tested against its plain twin below.

mod plain;
#[cfg(target_arch = "x86_64")]
mod sse2;
mod swar;

/// What the shape of a text counts over its ASCII bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ShapeCounts {
    /// Bytes that are not whitespace.
    pub visible: usize,
    /// Bytes that are not whitespace after whitespace.
    pub starts: usize,
    /// Capitals among `starts`.
    pub capitalized: usize,
    /// Whitespace after a sentence mark (`.`, `!`, `?`).
    pub sentences: usize,
    /// Whether the last byte is whitespace, and whether it is a mark.
    pub last: (bool, bool),
}

/// ASCII letters and digits, and ASCII whitespace (vertical tab included),
/// among the 64 bytes of `block`: bit `i` for byte `i`. Bytes from 0x80 are
/// in neither.
#[inline]
pub fn word_masks(block: &[u8; 64]) -> (u64, u64) {
    #[cfg(target_arch = "x86_64")]
    return sse2::word_masks(block);
    #[cfg(not(target_arch = "x86_64"))]
    return plain::word_masks(block);
}

/// How many ASCII bytes `bytes` starts with.
#[inline]
pub fn ascii_prefix(bytes: &[u8]) -> usize {
    swar::ascii_prefix(bytes)
}

/// [`ShapeCounts`] of `bytes`, ASCII and a multiple of sixteen long;
/// `before` says whether whitespace and a sentence mark come just before.
pub fn shape_counts(bytes: &[u8], before: (bool, bool)) -> ShapeCounts {
    #[cfg(target_arch = "x86_64")]
    return sse2::shape_counts(bytes, before);
    #[cfg(not(target_arch = "x86_64"))]
    return plain::shape_counts(bytes, before);
}

/// Where the first byte that may start a quote mark is: `"`, `'`, or the
/// first byte of `“ ” „`, `« »` or `「 」 『 』` in UTF-8. Most text is
/// ASCII and holds few marks: sixteen bytes at a time (eight without SSE2)
/// are searched for a straight mark or a byte beyond ASCII, which a table
/// then tells.
pub fn next_quote_mark(bytes: &[u8]) -> Option<usize> {
    let mut n = 0;
    #[cfg(target_arch = "x86_64")]
    while let Some(chunk) = bytes.get(n..n + 16) {
        let found = u64::from(sse2::quote_candidates(chunk));
        if let Some(at) = plain::first_quote_mark(bytes, n, found, 1) {
            return Some(at);
        }
        n += 16;
    }
    while let Some(chunk) = bytes.get(n..n + 8) {
        if let Some(at) = plain::first_quote_mark(bytes, n, swar::quote_candidates(chunk), 8) {
            return Some(at);
        }
        n += 8;
    }
    plain::next_quote_mark(&bytes[n..]).map(|k| n + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn word_masks_are_the_bytes(block in proptest::array::uniform32(proptest::num::u8::ANY), more in proptest::array::uniform32(proptest::num::u8::ANY)) {
            let mut all = [0u8; 64];
            all[..32].copy_from_slice(&block);
            all[32..].copy_from_slice(&more);
            proptest::prop_assert_eq!(word_masks(&all), plain::word_masks(&all));
        }

        #[test]
        fn ascii_prefixes_are_the_bytes(bytes in proptest::collection::vec(proptest::sample::select(b"ab \x7f\x80\xc3\xff".to_vec()), 0..40)) {
            proptest::prop_assert_eq!(ascii_prefix(&bytes), plain::ascii_prefix(&bytes));
        }

        #[test]
        fn shape_counts_are_the_bytes(
            text in "[a-zA-Z0-9 .!?,\n\t\r\x0b\x0c\x08\x0e\x1f@\\[]{0,400}",
            before in proptest::arbitrary::any::<(bool, bool)>(),
        ) {
            let whole = &text.as_bytes()[..text.len() / 16 * 16];
            proptest::prop_assert_eq!(shape_counts(whole, before), plain::shape_counts(whole, before));
        }

        #[test]
        fn finds_the_first_byte_that_may_start_a_mark(
            bytes in proptest::collection::vec(proptest::sample::select(b"ab\"'#&\xc2\xc3\xe2\xe3\x80 ".to_vec()), 0..40)
        ) {
            proptest::prop_assert_eq!(next_quote_mark(&bytes), plain::next_quote_mark(&bytes));
        }
    }
}
