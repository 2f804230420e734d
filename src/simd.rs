//! Byte classes sixteen bytes at a time, with the SSE2 instructions every
//! x86-64 processor has: the masks that the shape counts and the tokenizer
//! scan, one bit for each byte. The only `unsafe` of the crate lives here,
//! and only because Rust asks it of any call into a function compiled for
//! an instruction set, baseline or not.

use std::arch::x86_64::{
    __m128i, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_movemask_epi8,
    _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8,
};

/// Whitespace, sentence marks (`.`, `!`, `?`) and capitals among the first
/// sixteen bytes of `chunk`, which are ASCII: bit `i` for byte `i`.
pub fn shape_masks(chunk: &[u8]) -> (u32, u32, u32) {
    // SAFETY: SSE2 is part of the x86-64 baseline, so every processor this
    // code is compiled for runs these instructions.
    unsafe { shape_masks_sse2(chunk) }
}

/// ASCII letters and digits, and ASCII whitespace (vertical tab included),
/// among the 64 bytes of `block`: bit `i` for byte `i`. Bytes from 0x80 are
/// in neither.
pub fn word_masks(block: &[u8; 64]) -> (u64, u64) {
    // SAFETY: as for `shape_masks`.
    unsafe { word_masks_sse2(block) }
}

#[target_feature(enable = "sse2")]
fn load(chunk: &[u8]) -> __m128i {
    let half = |at: usize| i64::from_le_bytes(chunk[at..at + 8].try_into().expect("eight bytes"));
    _mm_set_epi64x(half(8), half(0))
}

/// Bytes from `lo` to `hi`, both ASCII. Compared as signed bytes, which
/// order ASCII as unsigned ones do and put every byte from 0x80 below it.
#[target_feature(enable = "sse2")]
fn within(v: __m128i, lo: u8, hi: u8) -> __m128i {
    _mm_and_si128(
        _mm_cmpgt_epi8(v, _mm_set1_epi8(lo as i8 - 1)),
        _mm_cmplt_epi8(v, _mm_set1_epi8(hi as i8 + 1)),
    )
}

#[target_feature(enable = "sse2")]
fn equal(v: __m128i, b: u8) -> __m128i {
    _mm_cmpeq_epi8(v, _mm_set1_epi8(b as i8))
}

#[target_feature(enable = "sse2")]
fn bits(m: __m128i) -> u32 {
    _mm_movemask_epi8(m) as u32
}

/// Tab, line feed, vertical tab, form feed, carriage return, space.
#[target_feature(enable = "sse2")]
fn whitespace(v: __m128i) -> __m128i {
    _mm_or_si128(within(v, 0x09, 0x0d), equal(v, b' '))
}

#[target_feature(enable = "sse2")]
fn shape_masks_sse2(chunk: &[u8]) -> (u32, u32, u32) {
    let v = load(chunk);
    let mark = _mm_or_si128(_mm_or_si128(equal(v, b'.'), equal(v, b'!')), equal(v, b'?'));
    (bits(whitespace(v)), bits(mark), bits(within(v, b'A', b'Z')))
}

#[target_feature(enable = "sse2")]
fn word_masks_sse2(block: &[u8; 64]) -> (u64, u64) {
    let (mut alphanumeric, mut space) = (0, 0);
    for k in 0..4 {
        let v = load(&block[16 * k..]);
        // The case bit set: capitals fall on small letters, and no byte
        // from 0x80 falls below it.
        let letter = within(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a', b'z');
        let word = _mm_or_si128(letter, within(v, b'0', b'9'));
        alphanumeric |= u64::from(bits(word)) << (16 * k);
        space |= u64::from(bits(whitespace(v))) << (16 * k);
    }
    (alphanumeric, space)
}
