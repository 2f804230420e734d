//! A bad `config.toml` stops brief before the terminal is touched, with a
//! message naming the file, line and column and what is allowed. One table
//! of every kind of mistake, each run through the real binary.

use assert_cmd::Command;
use brief::article::text::visible;

/// What is at the config path.
enum Input {
    Text(&'static str),
    Bytes(&'static [u8]),
    /// A folder where the file should be.
    Folder,
    /// Whatever this makes at the path.
    Made(fn(&std::path::Path)),
}

struct Row {
    what: &'static str,
    input: Input,
    /// Where the message points, (line, column); `None` when the file
    /// cannot be read at all, or for a good file.
    at: Option<(usize, usize)>,
    /// What the message must say, besides the place.
    says: &'static [&'static str],
}

use Input::*;

const COLUMNS: &str = "expected a whole number of columns, 0-65535";
const COLOURS: &str = "a colour name (black, red, green, yellow, blue, magenta, cyan, gray, \
                       dark-gray, light-red, ..., white, reset), a number 0-255 or \"#rrggbb\"";
const MEGABYTES: &str = "expected a whole number of megabytes, 1-4096";
const KEYS: &str = "a key is a visible character (`q`, `G`, `?`) or one of enter, esc, tab";

const BAD: &[Row] = &[
    Row {
        what: "syntax: unclosed table",
        input: Text("reading_width = 70\n[theme\naccent = \"red\"\n"),
        at: Some((2, 7)),
        says: &["unclosed table, expected `]`"],
    },
    Row {
        what: "syntax: no value",
        input: Text("reading_width = \n"),
        at: Some((1, 17)),
        says: &["expected"],
    },
    Row {
        what: "syntax: a setting twice",
        input: Text("articles = \"a\"\narticles = \"b\"\n"),
        at: Some((2, 1)),
        says: &["duplicate key `articles`: a key is set once in a table"],
    },
    Row {
        what: "wrong type: text for a number",
        input: Text("reading_width = \"wide\"\n"),
        at: Some((1, 17)),
        says: &["invalid type: string \"wide\"", COLUMNS],
    },
    Row {
        what: "wrong type: a fraction",
        input: Text("[panes]\narticles = 2.5\n"),
        at: Some((2, 12)),
        says: &["invalid type: floating point `2.5`", COLUMNS],
    },
    Row {
        what: "out of range: negative",
        input: Text("[panes]\noverlay_below = -1\n"),
        at: Some((2, 17)),
        says: &["invalid value: integer `-1`", COLUMNS],
    },
    Row {
        what: "out of range: too wide",
        input: Text("reading_width = 70000\n"),
        at: Some((1, 17)),
        says: &["invalid value: integer `70000`", COLUMNS],
    },
    Row {
        what: "wrong type: a value for a table",
        input: Text("theme = \"dark\"\n"),
        at: Some((1, 9)),
        says: &[
            "invalid type: string \"dark\"",
            "expected a [theme] table of accent, dim, heading, indirect, search and speakers",
        ],
    },
    Row {
        what: "wrong type: keys not a table",
        input: Text("keys = 3\n"),
        at: Some((1, 8)),
        says: &["expected a [keys] table of key = \"action\""],
    },
    Row {
        what: "wrong type: one colour for the list",
        input: Text("[theme]\nspeakers = \"red\"\n"),
        at: Some((2, 12)),
        says: &["expected a list of colours, each", COLOURS],
    },
    Row {
        what: "unknown setting at the top",
        input: Text("colour = \"red\"\n"),
        at: Some((1, 1)),
        says: &[
            "unknown field `colour`",
            "expected one of `articles`, `sources`, `reading_width`, `mouse`, `max_file_mb`, `panes`, `theme`, `keys`",
        ],
    },
    Row {
        what: "unknown table",
        input: Text("[colours]\naccent = \"red\"\n"),
        at: Some((1, 2)),
        says: &["unknown field `colours`", "`theme`"],
    },
    Row {
        what: "unknown setting in [panes]",
        input: Text("\n[panes]\nleft = 3\n"),
        at: Some((3, 1)),
        says: &[
            "unknown field `left`",
            "expected one of `articles`, `people`, `overlay_below`",
        ],
    },
    Row {
        what: "unknown setting in [theme]",
        input: Text("[theme]\nbackground = \"red\"\n"),
        at: Some((2, 1)),
        says: &[
            "unknown field `background`",
            "`accent`, `dim`, `heading`, `indirect`, `search`, `speakers`",
        ],
    },
    Row {
        what: "unknown action",
        input: Text("[keys]\nx = \"explode\"\n"),
        at: Some((2, 5)),
        says: &[
            "unknown action `explode`, expected one of `help`, `quit`, `quit_now`, `suspend`, `focus_next`",
            "`next_match`, `prev_match`, `search`",
        ],
    },
    Row {
        what: "an action that is not text",
        input: Text("[keys]\nx = 3\n"),
        at: Some((2, 5)),
        says: &[
            "invalid type: integer `3`",
            "expected an action, one of `help`, `quit`",
        ],
    },
    Row {
        what: "bad key string",
        input: Text("[keys]\n\"hyper-x\" = \"quit\"\n"),
        at: Some((2, 1)),
        says: &["unknown key `hyper-x`", KEYS, "f1-f12"],
    },
    Row {
        what: "a function key that does not exist",
        input: Text("[keys]\nf13 = \"quit\"\n"),
        at: Some((2, 1)),
        says: &["unknown key `f13`", KEYS],
    },
    Row {
        what: "a control character as a key, shown harmlessly",
        input: Text("[keys]\n\"\\u001b\" = \"quit\"\n"),
        at: Some((2, 1)),
        says: &["unknown key `\u{241b}`", KEYS],
    },
    Row {
        what: "a combining mark as a key",
        input: Text("[keys]\nx = \"quit\"\n\"\\u0301\" = \"help\"\n"),
        at: Some((3, 1)),
        says: &["unknown key `", "` (U+0301, a combining mark): ", KEYS],
    },
    Row {
        what: "an invisible character as a key, shown harmlessly",
        input: Text("[keys]\n\"ctrl-\\u200b\" = \"quit\"\n"),
        at: Some((2, 1)),
        says: &[
            "unknown key `ctrl-\u{fffd}` (U+200B, an invisible character): ",
            KEYS,
        ],
    },
    Row {
        what: "a line separator as a key, shown harmlessly",
        input: Text("[keys]\n\"\\u2028\" = \"quit\"\n"),
        at: Some((2, 1)),
        says: &[
            "unknown key `\u{fffd}` (U+2028, a space or separator): ",
            KEYS,
        ],
    },
    Row {
        what: "a space other than the space bar's as a key",
        input: Text("[keys]\n\"\u{3000}\" = \"quit\"\n"),
        at: Some((2, 1)),
        says: &[
            "unknown key `\u{3000}` (U+3000, a space or separator): ",
            KEYS,
        ],
    },
    Row {
        what: "bad colour name",
        input: Text("[theme]\naccent = \"mauve\"\n"),
        at: Some((2, 10)),
        says: &["bad colour `mauve`: use ", COLOURS],
    },
    Row {
        what: "bad hex colour",
        input: Text("[theme]\nheading = \"#12345g\"\n"),
        at: Some((2, 11)),
        says: &["bad colour `#12345g`: use ", COLOURS],
    },
    Row {
        what: "short hex colour",
        input: Text("[theme]\ndim = \"#fff\"\n"),
        at: Some((2, 7)),
        says: &["bad colour `#fff`", COLOURS],
    },
    Row {
        what: "palette number out of range",
        input: Text("[theme]\naccent = 300\n"),
        at: Some((2, 10)),
        says: &["invalid value: integer `300`", COLOURS],
    },
    Row {
        what: "bad colour in the list",
        input: Text("[theme]\nspeakers = [\"red\", \"mauve\"]\n"),
        at: Some((2, 20)),
        says: &["bad colour `mauve`", COLOURS],
    },
    Row {
        what: "escape sequence in a bad value, shown harmlessly",
        input: Text("[theme]\naccent = \"\\u001b]2;pwned\\u0007\"\n"),
        at: Some((2, 10)),
        says: &["bad colour `\u{241b}]2;pwned\u{2407}`"],
    },
    Row {
        what: "two actions on one key: pgdn and PageDown",
        input: Text("[keys]\npgdn = \"quit\"\nPageDown = \"help\"\n"),
        at: Some((3, 1)),
        says: &[
            "`PageDown` is the same key as `pgdn` on line 2",
            "bound to two actions (`help` and `quit`); a key can do one thing",
        ],
    },
    Row {
        what: "two actions on one key: G and shift-g",
        input: Text("[keys]\nG = \"top\"\n\"shift-g\" = \"bottom\"\n"),
        at: Some((3, 1)),
        says: &[
            "`shift-g` is the same key as `G` on line 2",
            "(`bottom` and `top`)",
        ],
    },
    Row {
        what: "two actions on one key: enter and return",
        input: Text("[keys]\nenter = \"open\"\nx = \"quit\"\nreturn = \"back\"\n"),
        at: Some((4, 1)),
        says: &["`return` is the same key as `enter` on line 2"],
    },
    Row {
        what: "max_file_mb zero",
        input: Text("max_file_mb = 0\n"),
        at: Some((1, 15)),
        says: &["invalid value: integer `0`", MEGABYTES],
    },
    Row {
        what: "max_file_mb negative",
        input: Text("max_file_mb = -5\n"),
        at: Some((1, 15)),
        says: &["invalid value: integer `-5`", MEGABYTES],
    },
    Row {
        what: "max_file_mb too large",
        input: Text("\nmax_file_mb = 5000\n"),
        at: Some((2, 15)),
        says: &["invalid value: integer `5000`", MEGABYTES],
    },
    Row {
        what: "max_file_mb a fraction",
        input: Text("max_file_mb = 1.5\n"),
        at: Some((1, 15)),
        says: &["invalid type: floating point `1.5`", MEGABYTES],
    },
    Row {
        what: "max_file_mb as text",
        input: Text("max_file_mb = \"20\"\n"),
        at: Some((1, 15)),
        says: &["invalid type: string \"20\"", MEGABYTES],
    },
    Row {
        what: "not UTF-8 text",
        input: Bytes(b"reading_width = 70\n# caf\xe9\n"),
        at: Some((2, 6)),
        says: &["not UTF-8 text (byte 0xe9): a config file is UTF-8"],
    },
    Row {
        what: "UTF-16 is not UTF-8 either",
        input: Bytes(b"\xff\xfer\0e\0"),
        at: Some((1, 1)),
        says: &["not UTF-8 text (byte 0xff)"],
    },
    Row {
        what: "a folder at the config path",
        input: Folder,
        at: None,
        says: &["not a regular file (a folder)"],
    },
    Row {
        what: "a config over 1 MB, comments or not",
        input: Made(|path| std::fs::write(path, "#".repeat(1024 * 1024 + 1)).unwrap()),
        at: None,
        says: &["too large (1048577 bytes; the limit is 1048576)"],
    },
];

/// What would hang brief or fill its memory, were it read.
#[cfg(unix)]
const NOT_FILES: &[Row] = &[
    Row {
        what: "a FIFO, with no writer",
        input: Made(|path| {
            use rustix::fs::{CWD, Mode, mkfifoat};
            mkfifoat(CWD, path, Mode::RUSR | Mode::WUSR).unwrap()
        }),
        at: None,
        says: &["not a regular file (a FIFO)"],
    },
    Row {
        what: "an endless device",
        input: Made(|path| std::os::unix::fs::symlink("/dev/zero", path).unwrap()),
        at: None,
        says: &["not a regular file (a character device)"],
    },
];

/// Runs brief (piped, so it would print an outline) on an empty folder
/// with the row's config.
fn run(input: &Input) -> (tempfile::TempDir, String, std::process::Output) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    match input {
        Text(text) => std::fs::write(&path, text).unwrap(),
        Bytes(bytes) => std::fs::write(&path, bytes).unwrap(),
        Folder => std::fs::create_dir(&path).unwrap(),
        Made(make) => make(&path),
    }
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let output = Command::cargo_bin("brief")
        .unwrap()
        .env("BRIEF_CONFIG", &path)
        .arg(&articles)
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    (dir, path.display().to_string(), output)
}

#[test]
fn every_bad_config_is_named_with_its_place_and_what_is_allowed() {
    check(BAD);
}

#[cfg(unix)]
#[test]
fn a_config_that_is_not_a_file_is_named_not_read() {
    check(NOT_FILES);
}

fn check(rows: &[Row]) {
    let mut failures = Vec::new();
    for row in rows {
        let (_dir, path, output) = run(&row.input);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let place = match row.at {
            Some((line, column)) => format!("brief: {path}:{line}:{column}: "),
            None => format!("brief: {path}: "),
        };
        let mut missing: Vec<&str> = row
            .says
            .iter()
            .copied()
            .filter(|s| !stderr.contains(s))
            .collect();
        if !stderr.starts_with(&place) {
            missing.insert(0, &place);
        }
        if output.status.success() || !output.stdout.is_empty() {
            missing.push("(a failure, before any output)");
        }
        if stderr
            .lines()
            .any(|line| line.chars().any(|c| visible(c).is_some()))
        {
            missing.push("(no raw control or invisible characters)");
        }
        if !missing.is_empty() {
            failures.push(format!("{}: missing {missing:?} in\n  {stderr}", row.what));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_empty_or_comment_only_file_is_the_default() {
    for text in ["", "\n\n", "# nothing changed\n", "[keys]\n[theme]\n"] {
        let (_dir, _path, output) = run(&Text(text));
        assert!(
            output.status.success() && output.stderr.is_empty(),
            "{text:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

/// The reason is said once: not in the message and again as its cause.
#[test]
fn a_missing_config_file_is_named_with_the_reason_once() {
    let out = Command::cargo_bin("brief")
        .unwrap()
        .env("BRIEF_CONFIG", "/nonexistent/brief.toml")
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr.starts_with("brief: /nonexistent/brief.toml: cannot read: "),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert_eq!(stderr.matches("(os error 2)").count(), 1, "{stderr}");
}

/// The articles folder named in the config is read as a path on the
/// command line is: a FIFO there is named, not waited on.
#[cfg(unix)]
#[test]
fn a_fifo_as_the_articles_folder_is_named() {
    use rustix::fs::{CWD, Mode, mkfifoat};
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("articles");
    mkfifoat(CWD, &fifo, Mode::RUSR | Mode::WUSR).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!("articles = {:?}\n", fifo.display().to_string()),
    )
    .unwrap();
    Command::cargo_bin("brief")
        .unwrap()
        .env("BRIEF_CONFIG", &config)
        .timeout(std::time::Duration::from_secs(30))
        .assert()
        .code(1)
        .stderr(format!(
            "brief: {}: not a regular file (a FIFO)\n",
            fifo.display()
        ));
}

/// `brief parse` and `brief quotes` read only the core settings: a
/// mistake in the reader's settings does not stop them, one in theirs
/// does.
#[test]
fn the_commands_check_only_the_settings_they_use() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "Talks stall\n\n\"We are not there yet,\" Ana Ruiz said on Monday.\n",
    )
    .unwrap();
    let run = |text: &str, args: &[&str]| {
        std::fs::write(&config, text).unwrap();
        Command::cargo_bin("brief")
            .unwrap()
            .env("BRIEF_CONFIG", &config)
            .args(args)
            .arg(&article)
            .output()
            .unwrap()
    };
    let reader_mistake = "[keys]\nx = \"explode\"\n[theme]\naccent = \"mauve\"\n";
    for command in [&["parse"][..], &["quotes"], &["parse", "--json"]] {
        let out = run(reader_mistake, command);
        assert!(out.status.success(), "{command:?}: {out:?}");
        let out = run("max_file_mb = 0\n", command);
        assert_eq!(out.status.code(), Some(1), "{command:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(":1:15: "));
    }
    // The reader's command checks everything, piped too.
    let out = run(reader_mistake, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(":2:5: unknown action `explode`"));
}
