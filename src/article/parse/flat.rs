//! What the parser holds many of at once, kept small: lists of the same
//! kind for every paragraph (tokens, name runs) one after another in one
//! vector, and offsets in 32 bits.
//!
//! A vector for each paragraph costs its header and an allocation rounded
//! up, which for a text of short lines is many times the text itself; one
//! vector costs neither.

use crate::article::Span;

/// A text big enough that the lists made of it are sized by counting what
/// can go in them first, so that they are not copied to grow, which would
/// take as much memory again; below it (a few times the longest articles)
/// the count is not worth its time, and they grow as they fill.
pub const BIG: usize = 1 << 16;

/// An offset into the text in 32 bits: the parser reads no more than 4 GiB
/// of a text ([`super::parse`]).
pub fn narrow(offset: usize) -> u32 {
    u32::try_from(offset).expect("offsets within 4 GiB")
}

/// A [`Span`] in 32-bit offsets, half its size, for what the parser keeps
/// one of for every token, block, quote mark or quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    pub fn new(span: Span) -> Span32 {
        Span32 {
            start: narrow(span.start),
            end: narrow(span.end),
        }
    }

    pub fn get(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// The same start, ending at `end`.
    pub fn with_end(self, end: usize) -> Span32 {
        Span32 {
            end: narrow(end),
            ..self
        }
    }
}

/// Each paragraph's items, in paragraph order.
#[derive(Debug)]
pub struct Flat<T> {
    items: Vec<T>,
    /// Where each paragraph's items end in `items`: there are no more items
    /// than bytes of text, so an offset's 32 bits hold it.
    ends: Vec<u32>,
}

impl<T> Flat<T> {
    /// Room for `items` items and `lists` paragraphs.
    pub fn with_capacity(items: usize, lists: usize) -> Self {
        Flat {
            items: Vec::with_capacity(items),
            ends: Vec::with_capacity(lists),
        }
    }

    /// Adds the next paragraph's items, which `fill` appends to the vector
    /// it is given.
    pub fn push_with(&mut self, fill: impl FnOnce(&mut Vec<T>)) {
        fill(&mut self.items);
        self.ends.push(narrow(self.items.len()));
    }

    /// Paragraph `p`'s items.
    pub fn get(&self, p: usize) -> &[T] {
        let start = p.checked_sub(1).map_or(0, |k| self.ends[k] as usize);
        &self.items[start..self.ends[p] as usize]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Each paragraph's items, in order.
    pub fn iter(&self) -> impl Iterator<Item = &[T]> + '_ {
        (0..self.len()).map(|p| self.get(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_come_back_as_pushed() {
        let mut flat = Flat::with_capacity(0, 0);
        flat.push_with(|v| v.extend([1, 2]));
        flat.push_with(|_| {});
        flat.push_with(|v| v.push(3));
        assert_eq!(flat.len(), 3);
        assert_eq!(flat.iter().collect::<Vec<_>>(), [&[1, 2][..], &[], &[3]]);
    }
}
