//! The command line: `brief [SOURCE...]` opens the reader; `brief parse`
//! and `brief quotes` print. A source is a file, a folder or a web address
//! (`http://`, `https://`).
//!
//! Every path is read, never written. A source that cannot be read is
//! named on stderr with the reason; the others are still processed, and
//! the exit status is 1. A download opened from the cache because the
//! network failed is named with a note, and does not change the status.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use rayon::prelude::*;

use crate::article::text::sanitize;
use crate::briefing::Briefing;
use crate::cite;
use crate::config::{Config, ConfigFiles};
use crate::library::{self, Loaded, Options, Source};
use crate::output::{self, ArticleQuotes};
use crate::tui;
use crate::tui::settings::Settings;

#[derive(Debug, Parser)]
#[command(
    name = "brief",
    version,
    about = "A terminal reader for news briefings"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files, folders or web addresses to open (default: `sources`, else
    /// the `articles` folder, named in config.toml; ./articles).
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print each article's structure: title, byline, sections, quotes, people.
    Parse {
        /// JSON Lines, one object per article, sorted by path.
        #[arg(long)]
        json: bool,
        /// Files, folders or web addresses.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print every quote across the articles, grouped by speaker, most quoted first.
    Quotes {
        /// Only the speaker with this name or alias (case-insensitive).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// JSON Lines, one object per speaker (the same as --format json).
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// text, json (JSON Lines, one object per speaker) or markdown
        /// (for citation: a `> ` block per direct quote, paraphrases in
        /// plain words, each with its article).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Files, folders or web addresses.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// How `brief quotes` writes the quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage(e),
    };
    match run(cli) {
        Ok(code) => code,
        // `brief quotes | head` closes the pipe early: that is not an error.
        Err(e)
            if e.downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("brief: {}", sanitize(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

/// Prints the help or version asked for, or clap's message on a mistake
/// in the arguments, with clap's exit code. The message quotes arguments
/// as given, and a file name given by `brief parse *` may hold escape
/// sequences: it is made safe line by line, as all brief prints.
fn usage(e: clap::Error) -> ExitCode {
    let code = ExitCode::from(e.exit_code() as u8);
    if !e.use_stderr() {
        let _ = e.print();
        return code;
    }
    // clap styles parts of the message as it makes it; the same arguments
    // parsed by an unstyled command give the same message plain, so that
    // only the arguments' own escapes are left to make visible.
    let plain = Cli::command()
        .styles(clap::builder::Styles::plain())
        .try_get_matches()
        .err()
        .unwrap_or(e);
    let text = plain.render().ansi().to_string();
    let mut stderr = io::stderr().lock();
    for line in text.lines() {
        let _ = writeln!(stderr, "{}", sanitize(line));
    }
    code
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    // Every command reads the core settings: the size limit holds for all
    // of them. Only the reader's command reads (and checks) the reader's.
    let files = ConfigFiles::load()?;
    let config = Config::read(&files)?;
    let options = Options::new(config.max_file_bytes());
    let sources =
        |paths: Vec<PathBuf>| -> Vec<Source> { paths.into_iter().map(Source::from).collect() };
    match cli.command {
        Some(Command::Parse { json, paths }) => parse(&sources(paths), json, &options),
        Some(Command::Quotes {
            speaker,
            json,
            format,
            paths,
        }) => {
            let sources = sources(paths);
            match (json, format) {
                (false, Format::Markdown) => markdown(&sources, speaker.as_deref(), &options),
                (json, format) => quotes(
                    &sources,
                    speaker.as_deref(),
                    json || format == Format::Json,
                    &options,
                ),
            }
        }
        None => {
            // Checked piped or not, so that a mistake in the file is the
            // same mistake wherever brief runs.
            let settings = Settings::read(&files)?;
            let sources = if cli.paths.is_empty() {
                config.default_sources()
            } else {
                sources(cli.paths)
            };
            // Piped, brief prints the outline as before; on a terminal it
            // opens the reader.
            if !io::stdout().is_terminal() {
                return parse(&sources, false, &options);
            }
            tui::run(&config, &settings, sources)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Names on stderr what could not be read, then what was read with a
/// note; true when something could not be read.
fn report<T>(loaded: &Loaded<T>) -> bool {
    let mut stderr = io::stderr().lock();
    for e in &loaded.errors {
        let _ = writeln!(stderr, "brief: {}", sanitize(&e.to_string()));
    }
    for (origin, note) in &loaded.notes {
        let _ = writeln!(
            stderr,
            "brief: {}: {}",
            sanitize(&origin.to_string()),
            sanitize(note)
        );
    }
    !loaded.errors.is_empty()
}

fn status(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn parse(sources: &[Source], json: bool, options: &Options) -> anyhow::Result<ExitCode> {
    // Parse and render on all cores; only the writing is in order.
    let loaded = library::load_all(sources, options, |doc| {
        if json {
            output::article_json(&doc)
        } else {
            output::article_outline(&doc)
        }
    });
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (i, text) in loaded.documents.iter().enumerate() {
        if json {
            writeln!(out, "{text}")?;
        } else {
            if i > 0 {
                writeln!(out)?;
            }
            write!(out, "{text}")?;
        }
    }
    out.flush()?;
    Ok(status(report(&loaded)))
}

fn quotes(
    sources: &[Source],
    speaker: Option<&str>,
    json: bool,
    options: &Options,
) -> anyhow::Result<ExitCode> {
    // Each article is parsed and its quotes rendered on all cores; only
    // what is printed is kept.
    let mut loaded = library::load_all(sources, options, |doc| ArticleQuotes::new(doc, json));
    let failed = report(&loaded);
    let articles = std::mem::take(&mut loaded.documents);
    // The briefing is put together on all cores, a part for each run of
    // articles, and the parts joined in order.
    let mut briefing = articles
        .par_iter()
        .enumerate()
        // Few parts: joining two costs a lookup for each speaker.
        .with_min_len(8192)
        .fold(Briefing::default, |mut part, (i, a)| {
            part.add_people(i, &a.people, &a.sources);
            part
        })
        .reduce(Briefing::default, |mut earlier, later| {
            earlier.append(later);
            earlier
        });
    briefing.settle();
    // Output runs to tens of megabytes: written a megabyte at a time, not
    // in thousands of small writes.
    let mut out = io::BufWriter::with_capacity(1 << 20, io::stdout().lock());
    for s in output::speakers(&briefing, speaker) {
        output::write_speaker(&mut out, &articles, s, json)?;
    }
    out.flush()?;
    // The process ends here: the system takes the memory back at once,
    // freeing a big briefing's allocations one by one takes a while.
    std::mem::forget((articles, briefing));
    Ok(status(failed))
}

/// `brief quotes --format markdown`: the speakers' quotes for citation.
/// Each article is kept whole (its title, byline and date go with every
/// quote), so this takes more memory than the other formats.
fn markdown(
    sources: &[Source],
    speaker: Option<&str>,
    options: &Options,
) -> anyhow::Result<ExitCode> {
    let loaded = library::load_all(sources, options, |doc| doc);
    let failed = report(&loaded);
    let mut briefing = Briefing::default();
    for (i, doc) in loaded.documents.iter().enumerate() {
        briefing.add(i, &doc.article);
    }
    briefing.settle();
    let speakers = cite::speakers(&output::speakers(&briefing, speaker), &loaded.documents);
    let mut out = io::stdout().lock();
    out.write_all(cite::markdown(&speakers).as_bytes())?;
    out.flush()?;
    Ok(status(failed))
}
