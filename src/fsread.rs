//! Reading a named file whole without hanging: the one way brief reads an
//! article or its config.
//!
//! Only regular files are read. A FIFO, socket or device would block or
//! never end, so it is refused by its type; the type is taken from the
//! opened handle, so a file swapped for a FIFO after the walk saw it is
//! refused too, and the open itself is non-blocking, which is what keeps
//! opening a FIFO with no writer from waiting for one. Reads stop one byte
//! past the caller's limit. A file on a local disk or in memory is read
//! where the caller is; elsewhere (a network or FUSE mount, `/proc`) a read
//! can stall for ever, so it runs on a helper thread and is given up when
//! nothing has been read for [`STALL`], the helper left behind.

use std::cell::RefCell;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// How long a read may go without a byte before the file is given up.
pub const STALL: Duration = Duration::from_secs(5);

/// Why a file was not read. The message leaves out the path, which the
/// caller's error puts in front.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read: {0}")]
    Io(io::Error),
    #[error("not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("too large ({size} bytes; the limit is {limit})")]
    TooLarge { size: u64, limit: u64 },
    #[error("timed out: nothing read for {} s", .0.as_secs())]
    Stalled(Duration),
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// What kind of file this is, for a message: `a FIFO`, `a folder`, ...
pub fn kind(file_type: fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_file() {
        "a regular file"
    } else {
        "neither a file nor a folder"
    }
}

/// The bytes of the regular file at `path`, at most `limit` of them.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use rustix::fs::OFlags;
        use std::os::unix::fs::OpenOptionsExt;
        // NOCTTY: a terminal device opened here must not become brief's.
        options.custom_flags((OFlags::NONBLOCK | OFlags::NOCTTY).bits() as i32);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind(meta.file_type())));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    if stalls_never(&file) {
        read_all(file, meta.len(), limit)
    } else {
        read_watched(file, meta.len(), limit, STALL)
    }
}

/// Up to `limit` bytes of `reader`; `expected` is the size to make room for.
fn read_all(reader: impl Read, expected: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(expected.min(limit) as usize);
    reader.take(limit + 1).read_to_end(&mut bytes)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    Ok(bytes)
}

/// True when the file lives on a local disk or in memory, where a read
/// finishes: one `fstatfs`, against threads and channels for every file.
#[cfg(target_os = "linux")]
fn stalls_never(file: &File) -> bool {
    // The kernel's magic numbers (linux/magic.h): ext2-4, XFS, Btrfs, tmpfs,
    // overlayfs, F2FS, ZFS, bcachefs, FAT, exFAT, NTFS, ramfs, SquashFS,
    // EROFS, ISO 9660, HFS+.
    const LOCAL: [u32; 16] = [
        0xEF53,
        0x5846_5342,
        0x9123_683E,
        0x0102_1994,
        0x794C_7630,
        0xF2F5_2010,
        0x2FC1_2FC1,
        0xCA45_1A4E,
        0x4D44,
        0x2011_BAB0,
        0x5346_544E,
        0x8584_58F6,
        0x7371_7368,
        0xE0F5_E1E2,
        0x9660,
        0x482B,
    ];
    // Magic numbers are 32 bits wherever the field is wider or signed.
    rustix::fs::fstatfs(file).is_ok_and(|fs| LOCAL.contains(&(fs.f_type as u32)))
}

/// Elsewhere the file system is not told apart: every read is watched.
#[cfg(not(target_os = "linux"))]
fn stalls_never(_: &File) -> bool {
    false
}

/// A reader that counts what it has read, for the thread watching it.
struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

type Job = Box<dyn FnOnce() + Send>;

thread_local! {
    /// This thread's helper for reads that may stall, kept for the next
    /// one: most such files come in numbers, from one mount.
    static HELPER: RefCell<Option<mpsc::Sender<Job>>> = const { RefCell::new(None) };
}

/// Runs `job` on this thread's helper, starting one if there is none.
fn on_helper(job: Job) {
    HELPER.with_borrow_mut(|helper| {
        let tx = helper.get_or_insert_with(|| {
            let (tx, rx) = mpsc::channel::<Job>();
            std::thread::spawn(move || rx.into_iter().for_each(|job| job()));
            tx
        });
        // Were the helper gone, the job would be dropped with its sender,
        // which its reader sees as the helper stopping.
        let _ = tx.send(job);
    });
}

/// [`read_all`] on a helper thread, given up when `stall` passes with
/// nothing read. A helper stuck in a read is left to it, and the next
/// read gets a new one.
fn read_watched<R: Read + Send + 'static>(
    reader: R,
    expected: u64,
    limit: u64,
    stall: Duration,
) -> Result<Vec<u8>, ReadError> {
    let progress = Arc::new(AtomicU64::new(0));
    let reader = Counted {
        inner: reader,
        read: Arc::clone(&progress),
    };
    let (tx, rx) = mpsc::sync_channel(1);
    on_helper(Box::new(move || {
        let _ = tx.send(read_all(reader, expected, limit));
    }));
    let mut seen = 0;
    loop {
        match rx.recv_timeout(stall) {
            Ok(result) => return result,
            Err(RecvTimeoutError::Timeout) => {
                let now = progress.load(Ordering::Relaxed);
                if now == seen {
                    HELPER.set(None);
                    return Err(ReadError::Stalled(stall));
                }
                seen = now;
            }
            Err(RecvTimeoutError::Disconnected) => {
                HELPER.set(None);
                return Err(io::Error::other("the reading thread stopped").into());
            }
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::net::UnixStream;
    use std::time::Instant;

    #[test]
    fn reads_a_file_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "twelve bytes").unwrap();
        assert_eq!(read(&path, 12).unwrap(), b"twelve bytes");
        assert!(matches!(
            read(&path, 11),
            Err(ReadError::TooLarge {
                size: 12,
                limit: 11
            })
        ));
        assert!(matches!(
            read(&dir.path().join("none"), 12),
            Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound
        ));
    }

    /// As the walk would meet it when a file is swapped for a FIFO after
    /// it was seen: opened by name, with no writer, it must not block.
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fifo.txt");
        rustix::fs::mkfifoat(rustix::fs::CWD, &path, rustix::fs::Mode::RUSR).unwrap();
        let error = read(&path, 100).unwrap_err();
        assert_eq!(error.to_string(), "not a regular file (a FIFO)");
        let folder = read(dir.path(), 100).unwrap_err();
        assert_eq!(folder.to_string(), "not a regular file (a folder)");
    }

    #[test]
    fn devices_are_refused() {
        let error = read(Path::new("/dev/zero"), 100).unwrap_err();
        assert_eq!(error.to_string(), "not a regular file (a character device)");
    }

    #[test]
    fn a_stalled_read_is_given_up_and_the_next_read_goes_on() {
        let stall = Duration::from_millis(200);
        // A socket whose other end never writes: reading it blocks.
        let (quiet, _open) = UnixStream::pair().unwrap();
        let start = Instant::now();
        let error = read_watched(quiet, 0, 100, stall).unwrap_err();
        assert!(matches!(error, ReadError::Stalled(_)), "{error}");
        assert!(start.elapsed() < stall * 3);
        // A read that goes on, a byte at a time, slower than one stall in
        // all, is not given up.
        let (slow, mut writer) = UnixStream::pair().unwrap();
        std::thread::spawn(move || {
            for _ in 0..6 {
                std::thread::sleep(stall / 2);
                writer.write_all(b"x").unwrap();
            }
        });
        assert_eq!(read_watched(slow, 0, 100, stall).unwrap(), b"xxxxxx");
    }

    #[test]
    fn a_watched_read_keeps_the_limit() {
        let stall = Duration::from_secs(5);
        let (reader, mut writer) = UnixStream::pair().unwrap();
        writer.write_all(&[b'y'; 20]).unwrap();
        drop(writer);
        assert!(matches!(
            read_watched(reader, 0, 10, stall),
            Err(ReadError::TooLarge { size: 11, .. })
        ));
    }
}
