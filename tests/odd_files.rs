//! Odd and broken files in a briefing: each is named on stderr with a clear
//! reason, or parsed as well as it can be, and the rest of the briefing
//! still loads.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

const STORY: &str = "A bridge closes\n\nThe council voted on Tuesday to close the old bridge for repairs that will take two years.\n";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    fs::write(dir.join(name), bytes).expect("write fixture");
}

/// Runs `brief parse --json` on the folder: (articles by file name, stderr lines, exit code).
fn parse_folder(dir: &Path) -> (Vec<(String, serde_json::Value)>, Vec<String>, i32) {
    let out = Command::cargo_bin("brief")
        .unwrap()
        .args(["parse", "--json"])
        .arg(dir)
        .output()
        .unwrap();
    let articles = String::from_utf8(out.stdout)
        .expect("utf-8 output")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("valid json");
            let name = Path::new(v["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, v)
        })
        .collect();
    let errors = String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(str::to_string)
        .collect();
    (articles, errors, out.status.code().unwrap_or(-1))
}

#[test]
fn every_odd_file_is_reported_or_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "00-good.txt", STORY);
    write(d, "empty.txt", "");
    write(d, "blank.txt", " \n\t\r\n \n");
    write(
        d,
        "chrome.txt",
        "Share this article\n\nSubscribe now\n\n© 2025 The Paper. All rights reserved.\n",
    );
    write(d, "binary.txt", b"PK\x03\x04\x00\x00\x08\x00binary");
    write(
        d,
        "invalid-utf8.txt",
        [
            STORY.as_bytes(),
            b"Caf\xe9 \xff end of the story, said nobody.",
        ]
        .concat(),
    );
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(STORY.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    write(d, "utf16.txt", utf16);
    write(
        d,
        "utf8-bom.txt",
        [b"\xEF\xBB\xBF".as_slice(), STORY.as_bytes()].concat(),
    );
    write(d, "crlf.txt", STORY.replace('\n', "\r\n"));
    write(d, "cr.txt", STORY.replace('\n', "\r"));
    write(
        d,
        "unbalanced.txt",
        format!(
            "{STORY}\nHe said \"this never closes.\n\nThe next paragraph is plain prose that goes on for a while, as prose does.\n"
        ),
    );
    let many: String = (0..10_000)
        .map(|i| format!("\"Quote number {i} is here,\" she said. "))
        .collect();
    write(d, "many-quotes.txt", format!("{STORY}\n{many}\n"));
    let lines: String = (0..100_000).map(|i| format!("line {i}\n")).collect();
    write(d, "many-lines.txt", lines);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d, d.join("loop")).unwrap();
        std::os::unix::fs::symlink(d.join("gone.txt"), d.join("dangling.txt")).unwrap();
    }

    let (articles, errors, code) = parse_folder(d);
    assert_eq!(code, 1, "some files failed");
    let reason = |name: &str| {
        errors
            .iter()
            .find(|e| e.contains(name))
            .cloned()
            .unwrap_or_default()
    };
    assert!(
        reason("empty.txt").contains("the file is empty"),
        "{errors:?}"
    );
    assert!(reason("blank.txt").contains("only whitespace"));
    assert!(reason("chrome.txt").contains("only site chrome"));
    assert!(reason("binary.txt").contains("not a text file"));
    #[cfg(unix)]
    assert!(reason("dangling.txt").contains("cannot read"));
    assert!(
        errors.iter().all(|e| e.starts_with("brief: ")),
        "one line each: {errors:?}"
    );

    let names: Vec<&str> = articles.iter().map(|(n, _)| n.as_str()).collect();
    for name in [
        "00-good.txt",
        "invalid-utf8.txt",
        "utf16.txt",
        "utf8-bom.txt",
        "crlf.txt",
        "cr.txt",
        "unbalanced.txt",
        "many-quotes.txt",
        "many-lines.txt",
    ] {
        assert_eq!(
            names.iter().filter(|n| **n == name).count(),
            1,
            "{name} parsed once: {names:?}"
        );
    }
    let get = |name: &str| &articles.iter().find(|(n, _)| n == name).unwrap().1;
    for name in ["utf16.txt", "utf8-bom.txt", "crlf.txt", "cr.txt"] {
        assert_eq!(get(name)["title"], "A bridge closes", "{name}");
        assert!(
            get(name)["sections"][0]["paragraphs"][0]
                .as_str()
                .unwrap()
                .starts_with("The council"),
            "{name}"
        );
    }
    assert!(
        get("invalid-utf8.txt")["sections"]
            .to_string()
            .contains('\u{fffd}')
    );
    // One stray mark must not make the rest of the article a quote.
    assert_eq!(get("unbalanced.txt")["quotes"].as_array().unwrap().len(), 0);
    assert_eq!(
        get("many-quotes.txt")["quotes"].as_array().unwrap().len(),
        10_000
    );
}

#[test]
fn files_over_the_size_limit_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", STORY);
    let big = fs::File::create(dir.path().join("big.txt")).unwrap();
    big.set_len(21 * 1024 * 1024).unwrap();
    let (articles, errors, code) = parse_folder(dir.path());
    assert_eq!((articles.len(), code), (1, 1));
    assert!(errors[0].contains("big.txt: too large"), "{errors:?}");
}

#[test]
fn utf32_is_decoded_and_binary_after_a_byte_order_mark_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let utf32 = |order: fn(u32) -> [u8; 4]| -> Vec<u8> {
        "\u{feff}"
            .chars()
            .chain(STORY.chars())
            .flat_map(|c| order(u32::from(c)))
            .collect()
    };
    write(d, "utf32le.txt", utf32(u32::to_le_bytes));
    write(d, "utf32be.txt", utf32(u32::to_be_bytes));
    write(
        d,
        "utf16-zip.txt",
        b"\xFF\xFEPK\x03\x04\x14\0\0\0\x08\0binary",
    );
    let (articles, errors, code) = parse_folder(d);
    assert_eq!(code, 1);
    let names: Vec<&str> = articles.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["utf32be.txt", "utf32le.txt"]);
    for (name, a) in &articles {
        assert_eq!(a["title"], "A bridge closes", "{name}");
    }
    assert!(
        errors
            .iter()
            .any(|e| e.contains("utf16-zip.txt") && e.contains("not a text file")),
        "{errors:?}"
    );
}

/// FIFOs, sockets and devices would block a read or never end: each is
/// named with its kind, given on the command line or met in a folder, and
/// the rest load.
#[cfg(unix)]
#[test]
fn files_that_are_not_regular_are_named_not_read() {
    use rustix::fs::{CWD, Mode, mkfifoat};
    let dir = tempfile::tempdir().unwrap();
    let (folder, alone) = (dir.path().join("folder"), dir.path().join("alone.txt"));
    fs::create_dir(&folder).unwrap();
    write(&folder, "ok.txt", STORY);
    for fifo in [&alone, &folder.join("fifo.txt"), &folder.join("pipe")] {
        mkfifoat(CWD, fifo, Mode::RUSR | Mode::WUSR).unwrap();
    }
    let _socket = std::os::unix::net::UnixListener::bind(folder.join("socket.md")).unwrap();
    let out = Command::cargo_bin("brief")
        .unwrap()
        .args(["parse", "--json"])
        .arg(&alone)
        .arg("/dev/zero")
        .arg(&folder)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("ok.txt"), "{stdout}");
    let mut errors: Vec<&str> = stderr.lines().collect();
    errors.sort();
    let named =
        |path: &Path, kind: &str| format!("brief: {}: not a regular file ({kind})", path.display());
    assert_eq!(
        errors,
        [
            "brief: /dev/zero: not a regular file (a character device)".to_string(),
            named(&alone, "a FIFO"),
            named(&folder.join("fifo.txt"), "a FIFO"),
            named(&folder.join("socket.md"), "a socket"),
        ]
    );
}

/// A tree thousands of folders deep is walked with few files open: each
/// folder's listing is closed before its children are read.
#[cfg(unix)]
#[test]
fn a_deep_tree_is_walked_with_few_files_open() {
    let dir = tempfile::tempdir().unwrap();
    let mut bottom = dir.path().to_path_buf();
    for _ in 0..1500 {
        bottom.push("d");
        fs::create_dir(&bottom).unwrap();
    }
    write(&bottom, "deep.txt", STORY);
    let out = Command::new("sh")
        .args(["-c", "ulimit -n 64 && exec \"$0\" parse --json \"$1\""])
        .arg(assert_cmd::cargo::cargo_bin("brief"))
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("deep.txt"),
        "{stderr}"
    );
}
