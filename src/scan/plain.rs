//! The scans a byte at a time: the reference for the fast versions, and
//! what runs where there is none.

#[cfg(any(test, not(target_arch = "x86_64")))]
use super::ShapeCounts;

#[cfg(any(test, not(target_arch = "x86_64")))]
pub fn word_masks(block: &[u8; 64]) -> (u64, u64) {
    let (mut alphanumeric, mut space) = (0, 0);
    for (i, &b) in block.iter().enumerate() {
        alphanumeric |= u64::from(b.is_ascii_alphanumeric()) << i;
        space |= u64::from(is_space(b)) << i;
    }
    (alphanumeric, space)
}

/// ASCII whitespace as the scans take it: vertical tab included.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn is_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0b
}

pub fn ascii_prefix(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| b.is_ascii()).count()
}

#[cfg(any(test, not(target_arch = "x86_64")))]
pub fn shape_counts(bytes: &[u8], before: (bool, bool)) -> ShapeCounts {
    let (mut prev_space, mut prev_mark) = before;
    let mut counts = ShapeCounts::default();
    for &b in bytes {
        let space = is_space(b);
        let mark = matches!(b, b'.' | b'!' | b'?');
        if space {
            counts.sentences += usize::from(prev_mark);
        } else {
            counts.visible += 1;
            if prev_space {
                counts.starts += 1;
                counts.capitalized += usize::from(b.is_ascii_uppercase());
            }
        }
        (prev_space, prev_mark) = (space, mark);
    }
    counts.last = (prev_space, prev_mark);
    counts
}

/// The bytes that can start a quote mark: `"`, `'`, or the first byte of
/// `“ ” „`, `« »` or `「 」 『 』` in UTF-8.
static MAY_START_MARK: [bool; 256] = {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table
};

pub fn next_quote_mark(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| MAY_START_MARK[usize::from(b)])
}

/// The first of the candidates `found` (bytes from `n` on, `stride` bits
/// of the mask a byte) that may start a quote mark.
pub fn first_quote_mark(bytes: &[u8], n: usize, mut found: u64, stride: u32) -> Option<usize> {
    while found != 0 {
        let at = n + (found.trailing_zeros() / stride) as usize;
        if MAY_START_MARK[usize::from(bytes[at])] {
            return Some(at);
        }
        found &= found - 1;
    }
    None
}
