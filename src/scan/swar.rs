//! The scans eight bytes at a time: which bytes of a `u64` fall in a
//! class, as a mask with the high bit of each such byte set.

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `bytes`, the first in the lowest byte.
fn load(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes[..8].try_into().expect("eight bytes"))
}

/// Up to eight bytes as a little-endian number, zero above them, read with
/// at most two loads instead of a copy of unknown length.
#[inline]
fn load_short(b: &[u8]) -> u64 {
    let n = b.len();
    match n {
        0 => 0,
        1..=3 => {
            u64::from(b[0])
                | u64::from(b[n / 2]) << (8 * (n / 2))
                | u64::from(b[n - 1]) << (8 * (n - 1))
        }
        // Two four-byte loads that overlap in the middle.
        4..=7 => {
            let four = |at: usize| {
                u64::from(u32::from_le_bytes(
                    b[at..at + 4].try_into().expect("four bytes"),
                ))
            };
            four(0) | four(n - 4) << (8 * (n - 4))
        }
        _ => u64::from_le_bytes(b[..8].try_into().expect("eight bytes")),
    }
}

/// The high bit of each byte of `w` that is ASCII and from `lo` to `hi`.
/// The sums stay inside their bytes, so the eight are tested at once.
#[inline]
fn between(w: u64, lo: u8, hi: u8) -> u64 {
    debug_assert!(lo <= hi && hi < 0x80);
    let x = w & !HIGH;
    let at_least = |c: u8| x + u64::from_ne_bytes([0x80 - c; 8]);
    at_least(lo) & !at_least(hi + 1) & !w & HIGH
}

/// The high bit of each byte of `w` that is `b`, an ASCII byte.
#[inline]
fn equal(w: u64, b: u8) -> u64 {
    between(w, b, b)
}

/// The index of the byte of the lowest bit set in a mask.
#[inline]
fn first(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
}

/// See [`super::ascii_prefix`].
pub fn ascii_prefix(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let high = load(chunk) & HIGH;
        if high != 0 {
            return n + first(high);
        }
        n += 8;
    }
    n + super::plain::ascii_prefix(&bytes[n..])
}

/// The first eight bytes of `chunk` that may start a quote mark: straight
/// quotes and every byte from 0x80. The high bit of byte `i` for byte `i`.
pub fn quote_candidates(chunk: &[u8]) -> u64 {
    let w = load(chunk);
    equal(w, b'"') | equal(w, b'\'') | w & HIGH
}

/// See [`super::lowercase_short`].
#[inline]
pub fn lowercase_short(word: &[u8]) -> u128 {
    let (lo, hi) = word.split_at(word.len().min(8));
    u128::from(lower_ascii(load_short(lo))) | u128::from(lower_ascii(load_short(hi))) << 64
}

/// Eight bytes with `A`..`Z` lowercased; every other byte as it was.
#[inline]
fn lower_ascii(w: u64) -> u64 {
    // 0x80 shifted to 0x20: the case bit.
    w | between(w, b'A', b'Z') >> 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_agree_with_one_byte_at_a_time() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut bytes = [b'x'; 8];
                bytes[at] = b;
                let w = u64::from_le_bytes(bytes);
                let bit = 0x80u64 << (8 * at);
                for (lo, hi) in [(b'a', b'z'), (b'0', b'9'), (0x20, 0x7e), (b'"', b'"')] {
                    let inside = (lo..=hi).contains(&b);
                    assert_eq!(between(w, lo, hi) & bit != 0, inside, "{b:#x} {lo}..={hi}");
                }
                assert_eq!(equal(w, b' ') & bit != 0, b == b' ');
            }
        }
    }
}
