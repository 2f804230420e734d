//! The one loader of the commands and the reader: it walks the folders
//! and reads and parses each source on all cores as the walk finds it (so
//! the cores need not wait for the walk), fetches web addresses on
//! threads of their own (so that no core waits on the network), and hands
//! each result over as soon as it is ready. The commands gather the
//! results in order ([`load_all`]); the reader takes them as events on a
//! channel ([`spawn`]).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, mpsc};

use rayon::prelude::*;

use super::budget::Budget;
use super::walk::find;
use super::{Document, LoadError, Options, Origin, Read, Source, read_within};

/// How many addresses are fetched at once.
const FETCHERS: usize = 4;

/// What the loader reports, as it happens.
#[derive(Debug)]
pub enum Event<T = Document> {
    /// One source read: its articles (as the caller keeps them) in the
    /// source's order, or why it could not be read.
    Read {
        origin: Origin,
        result: Result<Vec<T>, LoadError>,
    },
    /// A web address is being fetched; its `Read` follows.
    Fetching { origin: Origin },
    /// Something to tell about a source that was read all the same: a
    /// download opened from the cache because fetching failed.
    Note { origin: Origin, note: String },
    /// The walk is done: it found this many sources (addresses included),
    /// and could not walk these paths. Sources may still be reading.
    Walked {
        sources: usize,
        errors: Vec<LoadError>,
    },
    /// Every source is read (the reader's channel only).
    Done,
}

impl Event {
    /// A source of one article, read.
    pub fn one(document: Document) -> Event {
        Event::Read {
            origin: document.origin.clone(),
            result: Ok(vec![document]),
        }
    }
}

/// Reads one source and reports it: its note, then its articles. Big
/// sources wait their turn to be parsed (`budget.rs`).
fn report<T>(
    origin: Origin,
    options: &Options,
    budget: &Budget,
    keep: &(impl Fn(Document) -> T + Sync),
    sink: &(impl Fn(Event<T>) -> bool + Sync),
) -> bool {
    let result = read_within(&origin, options, budget).map(|Read { documents, note }| {
        if let Some(note) = note {
            sink(Event::Note {
                origin: origin.clone(),
                note,
            });
        }
        documents.into_iter().map(keep).collect()
    });
    sink(Event::Read { origin, result })
}

/// Reads every source under `sources`, each once: files on all cores as
/// the walk finds them, addresses a few at a time on threads of their
/// own. `keep` turns each document into what the caller keeps, on the
/// thread that parsed it, so that no more than that stays in memory;
/// `sink` gets each [`Event`] as it happens (from any thread) and says
/// whether to go on. Returns when everything is read, or soon after
/// `sink` says stop.
pub fn load<T: Send>(
    sources: &[Source],
    options: &Options,
    keep: impl Fn(Document) -> T + Sync,
    sink: impl Fn(Event<T>) -> bool + Sync,
) {
    const BATCH: usize = 256;
    let stop = AtomicBool::new(false);
    let budget = Budget::default();
    let mut paths = Vec::new();
    let mut urls = Vec::new();
    for source in sources {
        match source {
            Source::Path(path) => paths.push(path.clone()),
            Source::Url(url) if !urls.contains(url) => urls.push(url.clone()),
            Source::Url(_) => {}
        }
    }
    let (keep, sink, stop, budget) = (&keep, &sink, &stop, &budget);
    let next_url = AtomicUsize::new(0);
    std::thread::scope(|threads| {
        for _ in 0..FETCHERS.min(urls.len()) {
            threads.spawn(|| {
                while let Some(url) = urls.get(next_url.fetch_add(1, Ordering::Relaxed)) {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let origin = Origin::Url(url.clone());
                    let go_on = sink(Event::Fetching {
                        origin: origin.clone(),
                    }) && report(origin, options, budget, keep, sink);
                    if !go_on {
                        stop.store(true, Ordering::Relaxed);
                    }
                }
            });
        }
        rayon::scope(|scope| {
            let load_batch = |batch: Vec<PathBuf>| {
                scope.spawn(move |_| {
                    batch.into_par_iter().for_each(|path| {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let go_on = report(Origin::File(path), options, budget, keep, sink);
                        if !go_on {
                            stop.store(true, Ordering::Relaxed);
                        }
                    });
                });
            };
            // A file given twice, or inside a folder also given, is read
            // once. One path never yields a file twice (the walk enters
            // each folder once), so the paths seen are kept only when there
            // are several.
            let mut seen = HashSet::new();
            let mut found = 0;
            let mut errors = Vec::new();
            let mut batch = Vec::with_capacity(BATCH);
            find(
                &paths,
                &mut |path| {
                    if paths.len() > 1 && !seen.insert(path.clone()) {
                        return;
                    }
                    found += 1;
                    batch.push(path);
                    if batch.len() == BATCH {
                        load_batch(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                    }
                },
                &mut errors,
            );
            load_batch(batch);
            let sources = found + urls.len();
            if !sink(Event::Walked { sources, errors }) {
                stop.store(true, Ordering::Relaxed);
            }
        });
    });
}

/// Everything [`load_all`] read.
#[derive(Debug)]
pub struct Loaded<T> {
    /// Every document, as the caller keeps it, in order: by source, then
    /// within it.
    pub documents: Vec<T>,
    /// What could not be read: the walk's failures, then the sources' in
    /// the same order.
    pub errors: Vec<LoadError>,
    /// What to tell about sources read all the same, in the same order.
    pub notes: Vec<(Origin, String)>,
}

/// Every document under `sources`, kept as `keep` makes it.
pub fn load_all<T: Send>(
    sources: &[Source],
    options: &Options,
    keep: impl Fn(Document) -> T + Sync,
) -> Loaded<T> {
    let read = Mutex::new(Vec::new());
    let walked = Mutex::new(Vec::new());
    let notes = Mutex::new(Vec::new());
    // Each document (or failure) with its place: its source and its part.
    load(sources, options, keep, |event| {
        match event {
            Event::Read {
                origin,
                result: Ok(documents),
            } => {
                let mut read = locked(&read);
                for (part, document) in documents.into_iter().enumerate() {
                    read.push((origin.clone(), part, Ok(document)));
                }
            }
            Event::Read {
                origin,
                result: Err(e),
            } => locked(&read).push((origin, 0, Err(e))),
            Event::Walked { errors, .. } => *locked(&walked) = errors,
            Event::Note { origin, note } => locked(&notes).push((origin, note)),
            Event::Fetching { .. } | Event::Done => {}
        }
        true
    });
    let mut errors = walked.into_inner().unwrap_or_else(PoisonError::into_inner);
    let mut read = read.into_inner().unwrap_or_else(PoisonError::into_inner);
    // Sources come back in runs of the walk's order: sorting mostly checks.
    read.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut documents = Vec::with_capacity(read.len());
    for (_, _, result) in read {
        match result {
            Ok(document) => documents.push(document),
            Err(e) => errors.push(e),
        }
    }
    let mut notes = notes.into_inner().unwrap_or_else(PoisonError::into_inner);
    notes.sort();
    Loaded {
        documents,
        errors,
        notes,
    }
}

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Loads in the background for the reader: the events on a channel, then
/// [`Event::Done`]. Dropping the receiver stops the work early.
pub fn spawn(sources: Vec<Source>, options: Options) -> mpsc::Receiver<Event> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let keep = |mut document: Document| {
            // The reader shows no mention lists.
            document.article.forget_mentions();
            document.article.compact();
            document
        };
        load(&sources, &options, keep, |event| tx.send(event).is_ok());
        let _ = tx.send(Event::Done);
    });
    rx
}
