//! A private tmux server running a shell, for the end-to-end tests that
//! drive the real binary in a real terminal: keys, resizes, the screen,
//! tmux's own view of the terminal's modes.

#![allow(dead_code, reason = "each test file uses part of the harness")]

use std::path::Path;
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_brief");

/// A private tmux server running a shell in one window; killed on drop.
pub struct Tmux {
    socket: String,
    home: tempfile::TempDir,
}

pub fn tmux_installed() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("tmux is not installed: skipping the end-to-end test");
    }
    found
}

impl Tmux {
    pub fn start(name: &str, width: u16, height: u16) -> Tmux {
        // An empty user config: the built-in default, whatever the machine has.
        Tmux::start_with(name, width, height, "")
    }

    /// A shell whose brief reads `config` as its config.toml.
    pub fn start_with(name: &str, width: u16, height: u16, config: &str) -> Tmux {
        let home = tempfile::tempdir().expect("a temporary home");
        let text = config;
        let config = home.path().join("config.toml");
        std::fs::write(&config, text).expect("writing the test config");
        let tmux = Tmux {
            socket: format!("brief-e2e-{}-{name}", std::process::id()),
            home,
        };
        let size = (width.to_string(), height.to_string());
        let env = format!("BRIEF_CONFIG={}", config.display());
        // The reading state and exports go to the test's own home, not the
        // machine's.
        let state = format!(
            "XDG_STATE_HOME={}",
            tmux.home.path().join("state").display()
        );
        let data = format!("XDG_DATA_HOME={}", tmux.home.path().join("data").display());
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-x",
            &size.0,
            "-y",
            &size.1,
            "-e",
            &env,
            "-e",
            &state,
            "-e",
            &data,
            "-e",
            "PS1=$ ",
            "sh",
        ]);
        tmux
    }

    /// The shell's home for brief: its config, state and exports.
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket])
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("running tmux")
    }

    pub fn keys(&self, keys: &[&str]) {
        for key in keys {
            self.run(&["send-keys", "-t", "0", key]);
            sleep(Duration::from_millis(60));
        }
    }

    pub fn type_line(&self, line: &str) {
        self.run(&["send-keys", "-t", "0", "-l", line]);
        self.run(&["send-keys", "-t", "0", "Enter"]);
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.run(&["capture-pane", "-p", "-t", "0"]).stdout).into_owned()
    }

    /// The screen once `ready` holds, failing with the screen after 20 s
    /// (generous: the tests run side by side on a busy machine).
    pub fn wait(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waiting for {what}:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.run(&["resize-window", "-t", "0", "-x", &w, "-y", &h]);
    }

    pub fn flag(&self, name: &str) -> String {
        let format = format!("#{{{name}}}");
        let out = self
            .run(&["display-message", "-p", "-t", "0", &format])
            .stdout;
        String::from_utf8_lossy(&out).trim().to_owned()
    }

    /// The tmux paste buffers, which an OSC 52 written to the pane fills
    /// (with `set-clipboard on`).
    pub fn buffers(&self) -> String {
        String::from_utf8_lossy(&self.run(&["list-buffers", "-F", "#{buffer_sample}"]).stdout)
            .into_owned()
    }

    /// The first paste buffer's text, once there is one.
    pub fn wait_for_buffer(&self) -> String {
        let start = Instant::now();
        loop {
            let out = self.run(&["show-buffer"]);
            if out.status.success() && !out.stdout.is_empty() {
                return String::from_utf8_lossy(&out.stdout).into_owned();
            }
            assert!(start.elapsed() < Duration::from_secs(20), "no paste buffer");
            sleep(Duration::from_millis(50));
        }
    }

    /// The program the shell runs in the foreground, once there is one.
    pub fn child_pid(&self) -> u32 {
        let shell = self.flag("pane_pid");
        let children = format!("/proc/{shell}/task/{shell}/children");
        let start = Instant::now();
        loop {
            let listed = std::fs::read_to_string(&children).unwrap_or_default();
            if let Some(pid) = listed.split_whitespace().next() {
                return pid.parse().expect("a pid");
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no child of the shell"
            );
            sleep(Duration::from_millis(50));
        }
    }

    /// Sends a signal to a process.
    pub fn signal(&self, pid: u32, signal: &str) {
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &pid.to_string()])
            .status()
            .expect("running kill");
        assert!(status.success(), "kill -{signal} {pid}");
    }

    /// Saves the terminal's settings as the shell has them, for
    /// [`Tmux::check_tty_as_saved`].
    pub fn save_tty(&self, file: &Path) {
        self.type_line(&format!(
            "stty -g > '{}'; echo saved-$((6 * 7))",
            file.display()
        ));
        self.wait("the saved settings", |s| s.contains("saved-42"));
    }

    /// Checks the terminal's settings are those saved (line mode, echo):
    /// the shell can run the check at all only if lines reach it.
    pub fn check_tty_as_saved(&self, file: &Path) {
        self.keys(&["C-u"]);
        self.type_line(&format!(
            "stty -g | cmp -s - '{}' && echo tty-$((1 + 1))-same || echo tty-differs",
            file.display()
        ));
        let screen = self.wait("the shell to compare", |s| {
            s.contains("tty-2-same") || s.contains("\ntty-differs")
        });
        assert!(
            screen.contains("tty-2-same"),
            "the terminal's settings:\n{screen}"
        );
    }

    /// Checks the shell has its terminal back: the normal screen, the
    /// mouse released, the cursor shown.
    pub fn check_restored(&self) {
        assert_eq!(
            self.flag("alternate_on"),
            "0",
            "the alternate screen is off"
        );
        assert_eq!(self.flag("mouse_any_flag"), "0", "the mouse is released");
        assert_eq!(self.flag("cursor_flag"), "1", "the cursor is shown");
    }

    /// Quits with `q` and checks the shell has its terminal back: the
    /// exit status printed, the normal screen, the mouse released, the
    /// cursor shown.
    pub fn quit_and_check_restored(&self) {
        self.keys(&["q"]);
        let screen = self.wait("the shell", |s| s.contains("exit=0"));
        assert!(!screen.contains('┌'), "the reader is gone:\n{screen}");
        self.check_restored();
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}

pub fn launch(tmux: &Tmux, path: &Path) {
    tmux.type_line(&format!("{BIN} '{}'; echo exit=$?", path.display()));
}
