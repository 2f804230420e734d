//! The first bytes choose a terminal size (1x1 to 300x100) and a few
//! actions, the rest is an article: the reader draws it into a
//! `TestBackend` before, during and after the actions without panicking,
//! and no control character reaches the screen.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/screen.rs"]
mod screen;
#[path = "../../tests/support/render.rs"]
mod render;

fuzz_target!(|data: &[u8]| {
    let (width, height, script, bytes) = render::split(data);
    let article = brief::article::parse(&brief::article::decode(bytes));
    render::render(article, width, height, script);
});
