use std::process::ExitCode;

// Parsing a big briefing allocates many small vectors on every core; the
// system allocator spends a tenth of the time there.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    brief::cli::main()
}
