#!/usr/bin/env bash
# Times `brief parse --json` over the BBC corpus (2,225 articles), where
# ../shared/corpus/bbc is beside the project: the median of 7 runs.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpus/bbc}
[ -d "$corpus" ] || { echo "no corpus at $corpus"; exit 0; }
cargo build --release --quiet
times=()
for _ in 1 2 3 4 5 6 7; do
    start=$(date +%s%N)
    ./target/release/brief parse --json "$corpus" >/dev/null
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
done
printf '%s\n' "${times[@]}" | sort -n | sed -n 4p | xargs printf 'median of 7 runs: %s ms\n'
