//! [`WordFilter`]: a word list's first bytes, last bytes and lengths as
//! bits, which clear most words asked about a list before it is compared.

/// Words known by their first byte, last byte and length (ASCII letters
/// in either case), as 4,096 bits, one for each such triple a listed word
/// has. Most words asked about a list are not in it, and a clear bit says
/// so before the list is compared.
pub struct WordFilter([u64; 64]);

impl WordFilter {
    const fn bit(first: u8, last: u8, len: usize) -> usize {
        // The case bit set on every byte: a capital falls on its small
        // letter, and a byte that is no letter may share a bit with another,
        // which only lets a word more through.
        let first = (first | 0x20) as u32;
        let last = (last | 0x20) as u32;
        let len = (len & 0xff) as u32;
        // The top twelve bits of a multiplicative hash: one of 4,096.
        ((first << 16 | last << 8 | len).wrapping_mul(0x9e37_79b1) >> 20) as usize
    }

    const fn with(mut self, first: u8, last: u8, len: usize) -> WordFilter {
        let bit = WordFilter::bit(first, last, len);
        self.0[bit / 64] |= 1 << (bit % 64);
        self
    }

    /// This filter with `word` in it too.
    pub const fn with_word(self, word: &str) -> WordFilter {
        match word.as_bytes() {
            [] => self,
            w => self.with(w[0], w[w.len() - 1], w.len()),
        }
    }

    /// The filter of `words`.
    pub const fn of(words: &[&str]) -> WordFilter {
        WordFilter([0; 64]).with_words(words)
    }

    /// This filter with `words` in it too.
    pub const fn with_words(mut self, words: &[&str]) -> WordFilter {
        let mut i = 0;
        while i < words.len() {
            self = self.with_word(words[i]);
            i += 1;
        }
        self
    }

    /// The filter of the words of `lists`, each a string of words
    /// separated by whitespace.
    pub const fn of_lists(lists: &[&str]) -> WordFilter {
        let mut filter = WordFilter([0; 64]);
        let mut l = 0;
        while l < lists.len() {
            let list = lists[l].as_bytes();
            let mut i = 0;
            while i < list.len() {
                while i < list.len() && list[i].is_ascii_whitespace() {
                    i += 1;
                }
                let start = i;
                while i < list.len() && !list[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i > start {
                    filter = filter.with(list[start], list[i - 1], i - start);
                }
            }
            l += 1;
        }
        filter
    }

    /// False for a word (first byte, last byte, length) surely not listed.
    pub fn may_hold(&self, first: u8, last: u8, len: usize) -> bool {
        let bit = WordFilter::bit(first, last, len);
        self.0[bit / 64] >> (bit % 64) & 1 == 1
    }

    /// [`WordFilter::may_hold`] of a word's bytes; false for no bytes.
    pub fn may_hold_word(&self, w: &[u8]) -> bool {
        match w {
            [] => false,
            [first, .., last] => self.may_hold(*first, *last, w.len()),
            [only] => self.may_hold(*only, *only, 1),
        }
    }
}
