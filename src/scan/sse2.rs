//! The scans sixteen bytes at a time, with the SSE2 instructions every
//! x86-64 processor has: the tokenizer's masks, the shape counts and the
//! quote-mark search, one bit for each byte. The only `unsafe` of the
//! crate lives here, and only because Rust asks it of any call into a
//! function compiled for an instruction set, baseline or not.

use std::arch::x86_64::{
    __m128i, _mm_and_si128, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8,
    _mm_cvtsi128_si64, _mm_movemask_epi8, _mm_or_si128, _mm_sad_epu8, _mm_set_epi64x,
    _mm_set1_epi8, _mm_setzero_si128, _mm_slli_si128, _mm_srli_si128, _mm_sub_epi8,
};

use super::ShapeCounts;

/// See [`super::shape_counts`].
pub fn shape_counts(bytes: &[u8], before: (bool, bool)) -> ShapeCounts {
    // SAFETY: SSE2 is part of the x86-64 baseline, so every processor this
    // code is compiled for runs these instructions.
    unsafe { shape_counts_sse2(bytes, before) }
}

/// Bytes that may start a quotation mark among the first sixteen of
/// `chunk`: straight quotes and every byte from 0x80 (curly quotes and
/// guillemets are multibyte). Bit `i` for byte `i`.
pub fn quote_candidates(chunk: &[u8]) -> u32 {
    // SAFETY: as for `shape_counts`.
    unsafe { quote_candidates_sse2(chunk) }
}

/// See [`super::word_masks`].
pub fn word_masks(block: &[u8; 64]) -> (u64, u64) {
    // SAFETY: as for `shape_counts`.
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
fn shape_counts_sse2(bytes: &[u8], before: (bool, bool)) -> ShapeCounts {
    let all = |on: bool| _mm_set1_epi8(-i8::from(on));
    // Only their last byte is read, as the byte before the first chunk.
    let (mut prev_space, mut prev_mark) = (all(before.0), all(before.1));
    let mut counts = ShapeCounts::default();
    // Each chunk adds at most one to each byte of a counter.
    for group in bytes.chunks(16 * 255) {
        let zero = _mm_setzero_si128();
        let (mut spaces, mut starts, mut capitals, mut ends) = (zero, zero, zero, zero);
        for chunk in group.chunks_exact(16) {
            let v = load(chunk);
            let space = whitespace(v);
            let mark = _mm_or_si128(_mm_or_si128(equal(v, b'.'), equal(v, b'!')), equal(v, b'?'));
            let space_before =
                _mm_or_si128(_mm_slli_si128::<1>(space), _mm_srli_si128::<15>(prev_space));
            let mark_before =
                _mm_or_si128(_mm_slli_si128::<1>(mark), _mm_srli_si128::<15>(prev_mark));
            let start = _mm_andnot_si128(space, space_before);
            // A true byte is -1: subtracting it counts one.
            spaces = _mm_sub_epi8(spaces, space);
            starts = _mm_sub_epi8(starts, start);
            capitals = _mm_sub_epi8(capitals, _mm_and_si128(start, within(v, b'A', b'Z')));
            ends = _mm_sub_epi8(ends, _mm_and_si128(space, mark_before));
            (prev_space, prev_mark) = (space, mark);
        }
        counts.visible += group.len() - sum(spaces);
        counts.starts += sum(starts);
        counts.capitalized += sum(capitals);
        counts.sentences += sum(ends);
    }
    counts.last = (bits(prev_space) >> 15 == 1, bits(prev_mark) >> 15 == 1);
    counts
}

/// The sum of the sixteen bytes of `v`.
#[target_feature(enable = "sse2")]
fn sum(v: __m128i) -> usize {
    let halves = _mm_sad_epu8(v, _mm_setzero_si128());
    (_mm_cvtsi128_si64(halves) + _mm_cvtsi128_si64(_mm_srli_si128::<8>(halves))) as usize
}

#[target_feature(enable = "sse2")]
fn quote_candidates_sse2(chunk: &[u8]) -> u32 {
    let v = load(chunk);
    // The high bit of every byte is its own mask bit.
    bits(_mm_or_si128(
        _mm_or_si128(equal(v, b'"'), equal(v, b'\'')),
        v,
    ))
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
