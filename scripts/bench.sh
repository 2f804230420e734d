#!/usr/bin/env bash
# Big-briefing benchmark: builds a 20x copy of the BBC corpus (44,500 files,
# about 100 MB) in a temporary folder, then measures
#   - `brief quotes --json` over it against `cat` of the same files (the floor),
#   - peak RSS of `brief quotes` (/usr/bin/time -v),
#   - the reader's first frame, full index and peak RSS, in tmux.
# Needs ../shared/corpus/bbc beside the project; prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${BBC:-../shared/corpus/bbc}
[ -d "$src" ] || { echo "no corpus at $src: nothing to measure"; exit 0; }
copies=${COPIES:-20}
runs=${RUNS:-5}
cargo build --release --quiet
brief=$PWD/target/release/brief

dir=$(mktemp -d "${TMPDIR:-/tmp}/brief-bench.XXXXXX")
trap 'rm -rf "$dir"' EXIT
for i in $(seq 1 "$copies"); do
    mkdir -p "$dir/copy$i"
    cp -r "$src"/. "$dir/copy$i/"
done
files=$(find "$dir" -type f -name '*.txt' | wc -l)
bytes=$(find "$dir" -type f -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s }')

. scripts/bench-lib.sh

cat_all() { find "$dir" -type f -name '*.txt' -print0 | xargs -0 cat; }
# `cat` and brief take turns, after one warm-up each, so that both medians
# see the same machine: on a shared one, speed drifts over minutes.
time_ms cat_all >/dev/null
time_ms "$brief" quotes --json "$dir" >/dev/null
cat_times=() quote_times=()
for _ in $(seq 1 "$runs"); do
    cat_times+=("$(time_ms cat_all)")
    quote_times+=("$(time_ms "$brief" quotes --json "$dir")")
done
floor=$(printf '%s\n' "${cat_times[@]}" | median)
quotes=$(printf '%s\n' "${quote_times[@]}" | median)
rss=$(/usr/bin/time -v "$brief" quotes --json "$dir" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}')

# The reader: its first frame, its full index and its memory.
first_ms=- index_ms=- reader_rss=-
if command -v tmux >/dev/null 2>&1; then
    reader_in_tmux "$dir"
fi

echo "| measure | value |"
echo "|---|---|"
echo "| files, bytes | $files, $bytes |"
echo "| cat of all files (floor), median of $runs, taking turns with brief | ${floor} ms |"
echo "| brief quotes --json, median of $runs | ${quotes} ms |"
echo "| ratio to cat | $(awk -v a="$quotes" -v b="$floor" 'BEGIN { printf "%.2f", a / b }') |"
echo "| peak RSS of brief quotes | ${rss} KB ($(awk -v r="$rss" -v b="$bytes" 'BEGIN { printf "%.2f", r * 1024 / b }') x corpus) |"
echo "| reader: first frame | ${first_ms} ms |"
echo "| reader: full index | ${index_ms} ms |"
echo "| reader: peak RSS after the full index | ${reader_rss} KB ($(awk -v r="$reader_rss" -v b="$bytes" 'BEGIN { printf "%.2f", r * 1024 / b }') x corpus) |"
