//! The walk: the article files under the paths given (text, Markdown,
//! pages and feeds, by their extension), in sorted order, and every path
//! or folder on the way that cannot be read, each named with the reason.
//! `.json` files are left out: most are not feeds, and a JSON Feed named
//! on its own is read.

use std::collections::HashSet;
use std::fs;
use std::io;
#[cfg(unix)]
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use super::LoadError;
use crate::fsread::{self, ReadError};

fn is_article_file(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        [
            "txt", "md", "markdown", "html", "htm", "xhtml", "rss", "atom", "xml",
        ]
        .iter()
        .any(|known| e.eq_ignore_ascii_case(known))
    })
}

/// Hands each article file under `paths` to `found` as the walk meets it:
/// in sorted order within each of `paths`.
pub(super) fn find(paths: &[PathBuf], found: &mut dyn FnMut(PathBuf), errors: &mut Vec<LoadError>) {
    let mut seen = HashSet::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk(path, &meta, found, errors, &mut seen),
            Ok(meta) if meta.is_file() => found(path.clone()),
            Ok(meta) => errors.push(LoadError::read(path, not_regular(&meta))),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                errors.push(LoadError::Missing { path: path.clone() })
            }
            Err(e) => errors.push(LoadError::read(path, e)),
        }
    }
}

fn not_regular(meta: &fs::Metadata) -> ReadError {
    ReadError::NotRegular(fsread::kind(meta.file_type()))
}

/// What tells two folders apart however they are reached: the device and
/// inode, from a `stat` brief makes anyway. Resolving each folder's path
/// instead costs its depth in every folder, the cube of the depth in all.
#[cfg(unix)]
type FolderId = (u64, u64);

#[cfg(unix)]
fn folder_id(_: &Path, meta: &fs::Metadata) -> io::Result<FolderId> {
    Ok((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
type FolderId = PathBuf;

#[cfg(not(unix))]
fn folder_id(path: &Path, _: &fs::Metadata) -> io::Result<FolderId> {
    fs::canonicalize(path)
}

/// What the walk keeps of a folder's child, taken while the folder's
/// listing is open: a tree thousands deep keeps every level's children
/// waiting, and an open listing each would run out of file handles.
enum Child {
    /// A regular file with an article's name.
    Article(PathBuf),
    /// A folder and its identity, from a `stat` relative to its parent,
    /// whatever its depth.
    Folder(PathBuf, io::Result<FolderId>),
    /// A symlink, or anything else, to be looked at through its path.
    Other(PathBuf),
}

/// Walks the folder `root`, depth first and each folder's children in name
/// order, which makes the walk's output sorted already (a path sorts by its
/// components). The folders being read are a stack, not a recursion: a
/// tree may be thousands of folders deep. A folder reached again, through
/// a symlink loop or twice over, is walked once.
fn walk(
    root: &Path,
    meta: &fs::Metadata,
    found: &mut dyn FnMut(PathBuf),
    errors: &mut Vec<LoadError>,
    seen: &mut HashSet<FolderId>,
) {
    let mut stack = Vec::new();
    enter(root, folder_id(root, meta), &mut stack, errors, seen);
    while let Some(children) = stack.last_mut() {
        let Some(child) = children.next() else {
            stack.pop();
            continue;
        };
        match child {
            Child::Article(path) => found(path),
            Child::Folder(path, id) => enter(&path, id, &mut stack, errors, seen),
            // A symlink is followed to what it points at.
            Child::Other(path) => match fs::metadata(&path) {
                Ok(meta) if meta.is_dir() => {
                    let id = folder_id(&path, &meta);
                    enter(&path, id, &mut stack, errors, seen);
                }
                _ if !is_article_file(&path) => {}
                Ok(meta) if meta.is_file() => found(path),
                Ok(meta) => errors.push(LoadError::read(&path, not_regular(&meta))),
                Err(e) => errors.push(LoadError::read(&path, e)),
            },
        }
    }
}

/// Puts the children of the folder at `path`, in name order and hidden
/// ones left out, on the walk's stack, unless the folder was walked
/// already. A folder that cannot be read, or read to its end, is named
/// with the reason.
fn enter(
    path: &Path,
    id: io::Result<FolderId>,
    stack: &mut Vec<std::vec::IntoIter<Child>>,
    errors: &mut Vec<LoadError>,
    seen: &mut HashSet<FolderId>,
) {
    match id {
        Ok(id) if !seen.insert(id) => return,
        Ok(_) => {}
        Err(e) => return errors.push(LoadError::read(path, e)),
    }
    let listing = match fs::read_dir(path) {
        Ok(listing) => listing,
        Err(e) => return errors.push(LoadError::read(path, e)),
    };
    let mut entries = Vec::new();
    for entry in listing {
        match entry {
            Ok(entry) => entries.push(entry),
            Err(e) => {
                errors.push(LoadError::read(path, e));
                break;
            }
        }
    }
    entries.sort_by_cached_key(fs::DirEntry::file_name);
    let mut children = Vec::with_capacity(entries.len());
    for entry in entries {
        let path = entry.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        // A file's type comes with the listing, no system call.
        children.push(match entry.file_type() {
            _ if hidden => continue,
            Ok(kind) if kind.is_file() && is_article_file(&path) => Child::Article(path),
            Ok(kind) if kind.is_file() => continue,
            Ok(kind) if kind.is_dir() => {
                let id = entry.metadata().and_then(|meta| folder_id(&path, &meta));
                Child::Folder(path, id)
            }
            _ => Child::Other(path),
        });
    }
    stack.push(children.into_iter());
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::symlink;
    use std::time::{Duration, Instant};

    use super::*;

    fn walked(root: &Path) -> (Vec<PathBuf>, Vec<LoadError>) {
        let (mut files, mut errors) = (Vec::new(), Vec::new());
        find(
            &[root.to_path_buf()],
            &mut |path| files.push(path),
            &mut errors,
        );
        (files, errors)
    }

    /// A chain of `depth` folders named `d` under `root`, and its bottom.
    fn chain(root: &Path, depth: usize) -> PathBuf {
        let mut path = root.to_path_buf();
        for _ in 0..depth {
            path.push("d");
            fs::create_dir(&path).unwrap();
        }
        path
    }

    #[test]
    fn a_deep_tree_is_walked_at_once_and_a_loop_once() {
        let dir = tempfile::tempdir().unwrap();
        let bottom = chain(dir.path(), 2000);
        fs::write(bottom.join("deep.txt"), "x").unwrap();
        symlink(dir.path(), bottom.join("loop")).unwrap();
        symlink(dir.path().join("d"), dir.path().join("e")).unwrap();
        // About 0.2 s, nearly all the kernel resolving each folder's path
        // to list it; resolving every folder's path in full as well took a
        // minute. The margin is for a busy machine.
        let start = Instant::now();
        let (files, errors) = walked(dir.path());
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
        assert_eq!(files, [bottom.join("deep.txt")]);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn a_folder_too_deep_to_name_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        // Each chain is short enough to make by name; moved to the bottom of
        // the other it is not, its paths past PATH_MAX.
        let (top, other) = (dir.path().join("top"), dir.path().join("other"));
        fs::create_dir(&top).unwrap();
        fs::create_dir(&other).unwrap();
        let bottom = chain(&top, 1500);
        fs::write(chain(&other, 1500).join("lost.txt"), "x").unwrap();
        fs::rename(&other, bottom.join("more")).unwrap();
        let (files, errors) = walked(&top);
        assert!(files.is_empty(), "{files:?}");
        let too_long = |e: &io::Error| {
            rustix::io::Errno::from_io_error(e) == Some(rustix::io::Errno::NAMETOOLONG)
        };
        assert!(
            matches!(errors.as_slice(), [LoadError::Read { error: ReadError::Io(e), path }]
                if too_long(e) && path.starts_with(bottom.join("more"))),
            "{errors:?}"
        );
    }

    #[test]
    fn a_folder_that_cannot_be_read_is_named() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (locked, shut) = (dir.path().join("locked"), dir.path().join("shut"));
        for folder in [&locked, &shut] {
            fs::create_dir(folder).unwrap();
            fs::create_dir(folder.join("inside")).unwrap();
        }
        // No reading the one; listing but no entering the other.
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        fs::set_permissions(&shut, fs::Permissions::from_mode(0o600)).unwrap();
        let privileged = fs::read_dir(&locked).is_ok();
        let (_, errors) = walked(dir.path());
        for folder in [&locked, &shut] {
            fs::set_permissions(folder, fs::Permissions::from_mode(0o700)).unwrap();
        }
        if privileged {
            return;
        }
        let named: Vec<PathBuf> = errors.iter().map(|e| PathBuf::from(e.source())).collect();
        assert_eq!(named, [locked.clone(), shut.join("inside")], "{errors:?}");
    }
}
