//! The command line: `brief [PATH...]` opens the reader; `brief parse`
//! and `brief quotes` print.
//!
//! Every path is read, never written. A file that cannot be read is named
//! on stderr with the reason; the others are still processed, and the exit
//! status is 1.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};
use rayon::prelude::*;

use crate::article::text::sanitize;
use crate::briefing::Briefing;
use crate::config::{Config, ConfigFiles};
use crate::library::{self, LoadError};
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
    /// Article files or folders to open (default: the `articles` folder
    /// named in config.toml, ./articles).
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print each article's structure: title, byline, sections, quotes, people.
    Parse {
        /// JSON Lines, one object per article, sorted by path.
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Print every quote across the articles, grouped by speaker, most quoted first.
    Quotes {
        /// Only the speaker with this name or alias (case-insensitive).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// JSON Lines, one object per speaker.
        #[arg(long)]
        json: bool,
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
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
    let max_bytes = config.max_file_bytes();
    match cli.command {
        Some(Command::Parse { json, paths }) => parse(&paths, json, max_bytes),
        Some(Command::Quotes {
            speaker,
            json,
            paths,
        }) => quotes(&paths, speaker.as_deref(), json, max_bytes),
        None => {
            // Checked piped or not, so that a mistake in the file is the
            // same mistake wherever brief runs.
            let settings = Settings::read(&files)?;
            let paths = if cli.paths.is_empty() {
                vec![config.articles.clone()]
            } else {
                cli.paths
            };
            // Piped, brief prints the outline as before; on a terminal it
            // opens the reader.
            if !io::stdout().is_terminal() {
                return parse(&paths, false, max_bytes);
            }
            tui::run(&config, &settings, paths)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn report(errors: &[LoadError]) {
    let mut stderr = io::stderr().lock();
    for e in errors {
        let _ = writeln!(stderr, "brief: {}", sanitize(&e.to_string()));
    }
}

fn status(failed: bool) -> ExitCode {
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn parse(paths: &[PathBuf], json: bool, max_bytes: u64) -> anyhow::Result<ExitCode> {
    // Parse and render on all cores; only the writing is in order.
    let (rendered, errors) = library::load_all(paths, max_bytes, |doc| {
        let path = doc.origin.path();
        if json {
            output::article_json(path, &doc.article)
        } else {
            output::article_outline(path, &doc.article)
        }
    });
    let mut out = io::BufWriter::new(io::stdout().lock());
    for (i, text) in rendered.iter().enumerate() {
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
    report(&errors);
    Ok(status(!errors.is_empty()))
}

fn quotes(
    paths: &[PathBuf],
    speaker: Option<&str>,
    json: bool,
    max_bytes: u64,
) -> anyhow::Result<ExitCode> {
    // Each article is parsed and its quotes rendered on all cores; only
    // what is printed is kept.
    let (articles, errors) = library::load_all(paths, max_bytes, |doc| {
        ArticleQuotes::new(doc.origin.path(), doc.article, json)
    });
    report(&errors);
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
    Ok(status(!errors.is_empty()))
}
