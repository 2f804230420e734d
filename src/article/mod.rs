//! The article: its model and the parser that builds it from text. Pure
//! functions of text: no terminal, no I/O.

mod model;
pub mod parse;
pub mod text;

pub use model::{
    Article, Gender, Inline, Person, PersonId, Quote, QuoteKind, Section, Source, Span, Styled,
};
pub use parse::{
    decode, decode_owned, ends_noun_head, formal_name, is_binary, parse, parse_owned, parse_whole,
};
