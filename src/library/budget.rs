//! How many bytes of files are parsed at once: a file costs its parser many
//! times its size, and big files parsed on every core together would cost
//! that many times over.

use std::sync::{Condvar, Mutex, PoisonError};

/// How many bytes of files are parsed at once, at most. Parsing a file takes
/// up to about thirteen times its size for the costliest kinds (short
/// lines, quote marks; `tests/memory.rs`): this keeps it near 200 MB however
/// many big files there are and however many cores. A file bigger than this
/// is parsed alone, but for files of [`SMALL`] or less, which never wait.
const IN_FLIGHT: u64 = 16 << 20;

/// A file that costs too little to wait for a big one to finish: a core
/// stays busy with them beside a big file.
const SMALL: u64 = 1 << 20;

/// The bytes of the files being parsed, waited on when a file would take
/// them past [`IN_FLIGHT`].
#[derive(Default)]
pub struct Budget {
    in_flight: Mutex<u64>,
    freed: Condvar,
}

/// A file's share of the [`Budget`], given back when dropped.
pub struct Share<'b> {
    budget: &'b Budget,
    bytes: u64,
}

impl Budget {
    /// Waits until a file of `bytes` fits beside the files in flight, or
    /// nothing else is in flight, or it is small, and takes its size.
    pub fn take(&self, bytes: u64) -> Share<'_> {
        let lock = self
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let mut in_flight = self
            .freed
            .wait_while(lock, |n| bytes > SMALL && *n > 0 && *n + bytes > IN_FLIGHT)
            .unwrap_or_else(PoisonError::into_inner);
        *in_flight += bytes;
        Share {
            budget: self,
            bytes,
        }
    }
}

impl Drop for Share<'_> {
    fn drop(&mut self) {
        let budget = self.budget;
        *budget
            .in_flight
            .lock()
            .unwrap_or_else(PoisonError::into_inner) -= self.bytes;
        budget.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::super::{DEFAULT_MAX_BYTES, Options, Source, load_all};
    use super::*;

    #[test]
    fn big_files_are_parsed_one_at_a_time() {
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
        let dir = tempfile::tempdir().unwrap();
        // Four files each over half the budget: no two fit in it together.
        let big = "x".repeat(IN_FLIGHT as usize / 2 + 1);
        for i in 0..4 {
            fs::write(dir.path().join(format!("{i}.txt")), &big).unwrap();
        }
        let (running, most) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let paths = [Source::Path(dir.path().to_path_buf())];
        let loaded = load_all(&paths, &Options::new(DEFAULT_MAX_BYTES), |_| {
            most.fetch_max(running.fetch_add(1, SeqCst) + 1, SeqCst);
            // Long enough for a second file to start, were it let.
            std::thread::sleep(std::time::Duration::from_millis(50));
            running.fetch_sub(1, SeqCst);
        });
        assert_eq!((loaded.documents.len(), loaded.errors.len()), (4, 0));
        assert_eq!(most.load(SeqCst), 1);
    }
}
