//! The scans eight bytes at a time: which bytes of a `u64` fall in a
//! class, as a mask with the high bit of each such byte set.

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `bytes`, the first in the lowest byte.
fn load(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes[..8].try_into().expect("eight bytes"))
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
