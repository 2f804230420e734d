//! brief: a terminal reader for news briefings.
//!
//! [`article`] parses one article's text into its parts; [`library`] finds,
//! reads and parses the files of a briefing; [`briefing`] gathers people
//! and their quotes across articles; [`output`] writes the outline and
//! JSON; [`cli`] is the command line.

pub mod article;
pub mod briefing;
pub mod cli;
pub mod config;
pub mod library;
pub mod output;
pub mod tui;
