#!/usr/bin/env bash
# Saved pages and feeds: builds a folder of 1,000 saved news pages (the
# corpus's pages, copied round) and the test feeds, then measures
#   - `brief parse --json` over the pages on one core and on all,
#   - the reader's first frame and full index on the folder, in tmux,
#   - the same with a feed and a page fetched from a server on 127.0.0.1.
# Needs ../shared/corpus/html beside the project; prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${HTML:-../shared/corpus/html}
[ -d "$src" ] || { echo "no corpus at $src: nothing to measure"; exit 0; }
pages=${PAGES:-1000}
runs=${RUNS:-5}
cargo build --release --quiet
brief=$PWD/target/release/brief

dir=$(mktemp -d "${TMPDIR:-/tmp}/brief-pages.XXXXXX")
server=
cleanup() {
    [ -n "$server" ] && kill "$server" 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT
mkdir -p "$dir/pages" "$dir/cache"
mapfile -t corpus < <(find "$src" -name '*.html' | sort)
for i in $(seq 0 $((pages - 1))); do
    cp "${corpus[$((i % ${#corpus[@]}))]}" "$dir/pages/$(printf '%04d' "$i").html"
done
cp tests/fixtures/sources/*.rss tests/fixtures/sources/*.atom tests/fixtures/sources/*.xml "$dir/pages/"
bytes=$(find "$dir/pages" -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { print s }')
only_pages=("$dir"/pages/*.html)

. scripts/bench-lib.sh

time_ms "$brief" parse --json "${only_pages[@]}" >/dev/null
one=() all=()
for _ in $(seq 1 "$runs"); do
    one+=("$(time_ms env RAYON_NUM_THREADS=1 "$brief" parse --json "${only_pages[@]}")")
    all+=("$(time_ms "$brief" parse --json "${only_pages[@]}")")
done
one_ms=$(printf '%s\n' "${one[@]}" | median)
all_ms=$(printf '%s\n' "${all[@]}" | median)

# The reader: its first frame and full index, downloads kept apart.
reader_env="XDG_CACHE_HOME=$dir/cache"
reader() {
    reader_in_tmux "$@"
    echo "$first_ms ms, $index_ms ms"
}
folder=- fetched=-
if command -v tmux >/dev/null 2>&1; then
    folder=$(reader "$dir/pages")
    port=$((20000 + RANDOM % 20000))
    python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir/pages" >/dev/null 2>&1 &
    server=$!
    sleep 0.5
    fetched=$(reader "http://127.0.0.1:$port/harbour.rss" "http://127.0.0.1:$port/0000.html" "$dir/pages")
fi

echo "| measure | value |"
echo "|---|---|"
echo "| pages, bytes | $pages, $bytes |"
echo "| brief parse --json, one core, median of $runs | ${one_ms} ms, $(awk -v n="$pages" -v t="$one_ms" 'BEGIN { printf "%.0f", n * 1000 / t }') pages/s |"
echo "| brief parse --json, all cores, median of $runs | ${all_ms} ms, $(awk -v n="$pages" -v t="$all_ms" 'BEGIN { printf "%.0f", n * 1000 / t }') pages/s |"
echo "| reader on the folder (pages and feeds): first frame, full index | $folder |"
echo "| reader on a feed and a page fetched and the folder: first frame, full index | $fetched |"
