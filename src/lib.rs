//! brief: a terminal reader for news briefings.
//!
//! [`article`] parses one article's text into its parts; [`library`] finds,
//! reads and parses the files of a briefing, each read by [`fsread`];
//! [`briefing`] gathers people and their quotes across articles; [`output`]
//! writes the outline and JSON; [`cli`] is the command line; [`tui`] is the
//! reader.
//!
//! ```
//! let article = brief::article::parse(
//!     "Talks stall\n\n\"We are not there yet,\" Foreign Minister Ana Ruiz said on Monday.\n",
//! );
//! assert_eq!(article.show(article.title.unwrap()), "Talks stall");
//! let quote = &article.quotes[0];
//! assert_eq!(article.show(quote.content), "We are not there yet");
//! assert_eq!(article.speaker_name(quote).as_deref(), Some("Ana Ruiz"));
//! ```

pub mod article;
pub mod briefing;
pub mod cite;
pub mod cli;
pub mod config;
pub mod fsread;
pub mod json;
pub mod library;
pub mod output;
mod scan;
pub mod tui;
