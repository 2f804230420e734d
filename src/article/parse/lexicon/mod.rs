//! The lexicon: every word list of the parser and the one way a word is
//! keyed for them.
//!
//! - [`key`]: [`Key`](key::Key), a word lowercased and packed for lookups, and the
//!   lowering and folding built on it.
//! - [`classes`]: what a word can be for name finding (given name, title,
//!   place, ...), one table of classes asked by key.
//! - [`speech`]: the words that signal speech and those around them.
//! - [`report`]: the words that bound a reported clause and frame a quoted
//!   phrase.
//! - [`marks`]: abbreviations that keep their dot, and the marks that close
//!   quotes and sentences.
//! - [`names`]: the short forms of given names (`data/nicknames.txt`) and
//!   the pronouns.
//! - [`sources`]: the words that tell a source's kind: honorifics by
//!   gender, nouns of organisations, documents and groups.
//! - [`page`]: the phrases of a page around a story (buttons, credits,
//!   notices) and of its header (byline openers).
//! - [`filter`]: [`WordFilter`](filter::WordFilter), which clears most words before a list is
//!   compared.
//!
//! A new word list goes in the file of its kind here, in one of the shapes
//! the others have: a word string for a class of [`classes`], a
//! `word_list!` for words compared as written or by [`lower`], a `&[&str]`
//! of phrases for a matcher. The steps ask the lexicon; they hold no words
//! of their own.

/// A list of words as a function that tells whether a word is in it, by a
/// `matches!`, which compares by length first and beats a search; and, for
/// the lists that a [`WordFilter`](filter::WordFilter) or a test reads, as a constant too.
macro_rules! word_list {
    ($(#[$doc:meta])* $is_listed:ident, [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        pub fn $is_listed(w: &str) -> bool {
            matches!(w, $($word)|*)
        }
    };
    ($(#[$doc:meta])* $list:ident, $is_listed:ident, [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        pub const $list: &[&str] = &[$($word),*];
        word_list!($is_listed, [$($word),*]);
    };
}

pub mod classes;
pub mod filter;
pub mod key;
pub mod marks;
pub mod names;
pub mod page;
pub mod report;
pub mod sources;
pub mod speech;

pub use classes::{Class, class, common_class, title_class};
pub use key::{Folded, fold, lower, strip_possessive};
pub use sources::honorific_gender;
