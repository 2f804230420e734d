//! Bytes, decoded as brief decodes files, parsed; the article must keep
//! every invariant in `tests/support/invariants.rs`.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/support/invariants.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = brief::article::decode(data);
    invariants::check(&brief::article::parse(&text));
});
