use std::process::ExitCode;

// Parsing a big briefing allocates many small vectors on every core; the
// system allocator spends a tenth of the time there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`, for which libmimalloc-sys has no
/// name: its place in `mi_option_e`, the same in mimalloc 2 and 3.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // mimalloc 3 keeps the memory it frees for a second before giving it
    // back. Parsing a big file frees and takes tens of megabytes between
    // its steps, which would all count at once; a hundredth of a second,
    // what mimalloc 2 waited, costs no time that shows.
    // SAFETY: sets one of mimalloc's options to a value it documents.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 10) };
    brief::cli::main()
}
