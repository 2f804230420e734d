//! The one loader of the commands and the reader: it walks the paths,
//! reads and parses each source on all cores as the walk finds it (so the
//! cores need not wait for the walk), and hands each result over as soon
//! as it is ready. The commands gather the results in order
//! ([`load_all`]); the reader takes them as events on a channel
//! ([`spawn`]).

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, mpsc};

use rayon::prelude::*;

use super::budget::Budget;
use super::walk::find;
use super::{Document, LoadError, Origin, bytes, formats};

/// What the loader reports, as it happens.
#[derive(Debug)]
pub enum Event<T = Document> {
    /// One source read: its articles (as the caller keeps them) in the
    /// source's order, or why it could not be read.
    Read {
        origin: Origin,
        result: Result<Vec<T>, LoadError>,
    },
    /// The walk is done: it found this many sources, and could not walk
    /// these paths. Sources may still be reading.
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

/// Walks `paths` and reads every source found, each once, on all cores;
/// `keep` turns each document into what the caller keeps, on the core
/// that parsed it, so that no more than that stays in memory; `sink` gets
/// each [`Event`] as it happens (from any thread) and says whether to go
/// on. Returns when everything is read, or soon after `sink` says stop.
pub fn load<T: Send>(
    paths: &[PathBuf],
    max_bytes: u64,
    keep: impl Fn(Document) -> T + Sync,
    sink: impl Fn(Event<T>) -> bool + Sync,
) {
    const BATCH: usize = 256;
    let stop = AtomicBool::new(false);
    let budget = Budget::default();
    rayon::scope(|scope| {
        let (keep, sink, stop, budget) = (&keep, &sink, &stop, &budget);
        let load_batch = |batch: Vec<PathBuf>| {
            scope.spawn(move |_| {
                batch.into_par_iter().for_each(|path| {
                    if stop.load(Ordering::Relaxed) {
                        return;
                    }
                    let origin = Origin::File(path);
                    let result = bytes(&origin, max_bytes).and_then(|bytes| {
                        // Big files wait their turn to be parsed (`budget.rs`).
                        let _share = budget.take(bytes.len() as u64);
                        let documents = formats::read(&origin, bytes)?;
                        Ok(documents.into_iter().map(keep).collect())
                    });
                    if !sink(Event::Read { origin, result }) {
                        stop.store(true, Ordering::Relaxed);
                    }
                });
            });
        };
        // A file given twice, or inside a folder also given, is read once.
        // One path never yields a file twice (the walk enters each folder
        // once), so the paths seen are kept only when there are several.
        let mut seen = HashSet::new();
        let mut sources = 0;
        let mut errors = Vec::new();
        let mut batch = Vec::with_capacity(BATCH);
        find(
            paths,
            &mut |path| {
                if paths.len() > 1 && !seen.insert(path.clone()) {
                    return;
                }
                sources += 1;
                batch.push(path);
                if batch.len() == BATCH {
                    load_batch(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                }
            },
            &mut errors,
        );
        load_batch(batch);
        if !sink(Event::Walked { sources, errors }) {
            stop.store(true, Ordering::Relaxed);
        }
    });
}

/// Every document under `paths`, kept as `keep` makes it, in order (by
/// source, then within it), and what could not be read: the walk's
/// failures, then the sources' in the same order.
pub fn load_all<T: Send>(
    paths: &[PathBuf],
    max_bytes: u64,
    keep: impl Fn(Document) -> T + Sync,
) -> (Vec<T>, Vec<LoadError>) {
    let read = Mutex::new(Vec::new());
    let walked = Mutex::new(Vec::new());
    // Each document (or failure) with its place: its source and its part.
    load(paths, max_bytes, keep, |event| {
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
            Event::Done => {}
        }
        true
    });
    let mut errors = walked.into_inner().unwrap_or_else(PoisonError::into_inner);
    let mut read = read.into_inner().unwrap_or_else(PoisonError::into_inner);
    // Sources come back in runs of the walk's order: sorting mostly checks.
    read.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let mut kept = Vec::with_capacity(read.len());
    for (_, _, result) in read {
        match result {
            Ok(document) => kept.push(document),
            Err(e) => errors.push(e),
        }
    }
    (kept, errors)
}

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Loads in the background for the reader: the events on a channel, then
/// [`Event::Done`]. Dropping the receiver stops the work early.
pub fn spawn(paths: Vec<PathBuf>, max_bytes: u64) -> mpsc::Receiver<Event> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let keep = |mut document: Document| {
            // The reader shows no mention lists.
            document.article.forget_mentions();
            document.article.compact();
            document
        };
        load(&paths, max_bytes, keep, |event| tx.send(event).is_ok());
        let _ = tx.send(Event::Done);
    });
    rx
}
