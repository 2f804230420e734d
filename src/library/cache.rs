//! Downloads kept on disk, to revalidate on the next open (by their
//! `ETag` and `Last-Modified`) and to open when the network fails. Each
//! address has one file under `$XDG_CACHE_HOME/brief/` (else
//! `~/.cache/brief/`): a line of JSON saying what was fetched and when,
//! then the bytes as they came. Files are named by a hash of the address
//! and say which address they hold, so that a collision is a miss. The
//! cache is a convenience: a file that cannot be written or read is as if
//! there were none.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::fsread;

/// What was fetched from an address, and how to ask whether it changed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The address as named.
    pub url: String,
    /// Where the last redirect led.
    pub final_url: String,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// When it was fetched, in seconds since 1970.
    pub saved: u64,
    #[serde(skip)]
    pub body: Vec<u8>,
}

impl Entry {
    /// When it was fetched, for a person: `2025-06-01 12:00 UTC`.
    pub fn saved_at(&self) -> String {
        let when = i64::try_from(self.saved).ok();
        when.and_then(|s| chrono::DateTime::from_timestamp(s, 0))
            .map_or_else(
                || "at an unknown time".to_owned(),
                |d| d.format("%Y-%m-%d %H:%M UTC").to_string(),
            )
    }
}

/// Seconds since 1970, now.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `$XDG_CACHE_HOME/brief`, else `~/.cache/brief`; none without either.
pub fn default_folder() -> Option<PathBuf> {
    let absolute = |name| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    absolute("XDG_CACHE_HOME")
        .map(|d| d.join("brief"))
        .or_else(|| absolute("HOME").map(|d| d.join(".cache/brief")))
}

/// FNV-1a, 64 bits: stable across builds, unlike the standard hasher.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn file(folder: &Path, url: &str) -> PathBuf {
    folder.join(format!("{:016x}.page", fnv1a(url)))
}

/// The largest head line read: a few addresses and headers.
const MAX_HEAD: u64 = 64 * 1024;

/// The entry for `url`, if one is kept and its body is no larger than
/// `max_bytes`.
pub fn load(folder: &Path, url: &str, max_bytes: u64) -> Option<Entry> {
    let bytes = fsread::read(&file(folder, url), max_bytes.saturating_add(MAX_HEAD)).ok()?;
    let end = memchr::memchr(b'\n', &bytes)?;
    let mut entry: Entry = serde_json::from_slice(&bytes[..end]).ok()?;
    let body = &bytes[end + 1..];
    if entry.url != url || body.len() as u64 > max_bytes {
        return None;
    }
    entry.body = body.to_vec();
    Some(entry)
}

/// Keeps `entry`, replacing what was kept for its address. Written to a
/// file of its own first and renamed over the old one, so that a reader
/// sees the old entry or the new, never half of one.
pub fn store(folder: &Path, entry: &Entry) -> io::Result<()> {
    fs::create_dir_all(folder)?;
    let path = file(folder, &entry.url);
    let partial = path.with_extension(format!("{}.partial", std::process::id()));
    let write = || -> io::Result<()> {
        let mut out = io::BufWriter::new(fs::File::create(&partial)?);
        serde_json::to_writer(&mut out, entry)?;
        out.write_all(b"\n")?;
        out.write_all(&entry.body)?;
        out.into_inner()
            .map_err(io::IntoInnerError::into_error)?
            .sync_all()?;
        fs::rename(&partial, &path)
    };
    write().inspect_err(|_| {
        let _ = fs::remove_file(&partial);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_comes_back_as_it_was_kept() {
        let dir = tempfile::tempdir().unwrap();
        let entry = Entry {
            url: "https://example.com/feed".into(),
            final_url: "https://example.com/feed.xml".into(),
            content_type: Some("application/rss+xml".into()),
            etag: Some("\"abc\"".into()),
            last_modified: None,
            saved: 1_748_779_200,
            body: b"<rss>\n\0bytes</rss>".to_vec(),
        };
        store(dir.path(), &entry).unwrap();
        assert_eq!(load(dir.path(), &entry.url, 1 << 20), Some(entry.clone()));
        assert_eq!(entry.saved_at(), "2025-06-01 12:00 UTC");
        // Too large for the limit now, or another address: a miss.
        assert_eq!(load(dir.path(), &entry.url, 4), None);
        assert_eq!(load(dir.path(), "https://example.com/other", 1 << 20), None);
        // A newer entry replaces it.
        let newer = Entry {
            saved: entry.saved + 60,
            ..entry.clone()
        };
        store(dir.path(), &newer).unwrap();
        assert_eq!(load(dir.path(), &entry.url, 1 << 20), Some(newer));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_damaged_file_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let url = "https://example.com/";
        fs::write(file(dir.path(), url), b"not json\nbody").unwrap();
        assert_eq!(load(dir.path(), url, 1 << 20), None);
    }
}
