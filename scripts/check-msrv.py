#!/usr/bin/env python3
"""The declared minimum Rust (`rust-version` in Cargo.toml) is true.

No other toolchain can be installed where brief is built and checked, so
the minimum is checked from both sides it can be wrong on:
- no dependency in Cargo.lock declares a newer `rust-version` than brief;
- the language and library features brief itself uses: clippy's
  `incompatible_msrv` lint (on by default, an error under `-D warnings`)
  flags standard library items newer than the declared minimum, and the
  features below are checked here by their first stable release.
Run from the project folder; exits 1 with the reasons when the minimum is
not true.
"""
import json
import re
import subprocess
import sys
from pathlib import Path


def version(text):
    parts = [int(p) for p in text.split(".")]
    return tuple(parts + [0] * (3 - len(parts)))


def main():
    manifest = Path("Cargo.toml").read_text()
    declared = re.search(r'^rust-version\s*=\s*"([^"]+)"', manifest, re.M)
    if not declared:
        sys.exit("check-msrv: Cargo.toml declares no rust-version")
    ours = version(declared.group(1))
    meta = json.loads(
        subprocess.run(
            ["cargo", "metadata", "--format-version", "1", "--locked", "--offline"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    problems = []
    for package in meta["packages"]:
        theirs = package.get("rust_version")
        if theirs and version(theirs) > ours:
            problems.append(
                f"{package['name']} {package['version']} needs Rust {theirs}"
            )
    # Language features brief uses, by the release that made them stable.
    sources = "\n".join(p.read_text() for p in Path("src").rglob("*.rs"))
    features = [
        (sources, r"&& let ", (1, 88, 0), "let chains"),
        (manifest, r'edition\s*=\s*"2024"', (1, 85, 0), "the 2024 edition"),
    ]
    for text, pattern, since, what in features:
        if re.search(pattern, text) and since > ours:
            stable = ".".join(map(str, since))
            problems.append(f"brief uses {what}, stable since {stable}")
    if problems:
        print(f"rust-version {declared.group(1)} is not true:", file=sys.stderr)
        for p in problems:
            print(f"  {p}", file=sys.stderr)
        sys.exit(1)
    print(f"rust-version {declared.group(1)}: every dependency and feature allows it")


if __name__ == "__main__":
    main()
