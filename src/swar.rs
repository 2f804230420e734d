//! Eight bytes at a time: which bytes of a `u64` fall in a class, as a mask
//! with the high bit of each such byte set, for scans over text that would
//! otherwise branch on every byte.

/// The high bit of every byte.
pub const HIGH: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `bytes`, the first in the lowest byte.
pub fn load(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes[..8].try_into().expect("eight bytes"))
}

/// Up to eight bytes as a little-endian number, zero above them, read with
/// at most two loads instead of a copy of unknown length.
#[inline]
pub fn load_short(b: &[u8]) -> u64 {
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
pub fn between(w: u64, lo: u8, hi: u8) -> u64 {
    debug_assert!(lo <= hi && hi < 0x80);
    let x = w & !HIGH;
    let at_least = |c: u8| x + u64::from_ne_bytes([0x80 - c; 8]);
    at_least(lo) & !at_least(hi + 1) & !w & HIGH
}

/// The high bit of each byte of `w` that is `b`, an ASCII byte.
#[inline]
pub fn equal(w: u64, b: u8) -> u64 {
    between(w, b, b)
}

/// The index of the byte of the lowest bit set in a mask.
#[inline]
pub fn first(mask: u64) -> usize {
    (mask.trailing_zeros() / 8) as usize
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
