//! The reader driven by terminal events made from bytes: keys with any
//! modifiers, the mouse anywhere, resizes from 1x1 to 300x100, on the
//! sample briefing or on 2,000 generated articles. No panic, and no
//! control character on screen (`tests/support/session.rs`).

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/screen.rs"]
mod screen;
#[path = "../../tests/support/session.rs"]
mod session;

fuzz_target!(|data: &[u8]| session::run(data));
