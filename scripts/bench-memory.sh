#!/usr/bin/env bash
# Memory per byte of input: writes the inputs that cost the parser most
# memory for their size into a temporary folder, then measures the peak RSS
# of `brief parse --json` and `brief quotes --json` on each
# (/usr/bin/time -v), as a ratio to the largest file given:
#   - short:  15 MB of paragraphs of a few bytes, one a line, some quoted
#             and some naming someone,
#   - marks:  16 MB of nothing but quote marks, mostly straight, some curly,
#   - long:   15 MB in one paragraph, full of quotes and names,
#   - four:   a folder of four 19 MB files of short paragraphs, at once.
# The inputs are made here, not taken from any corpus. BRIEF=path measures
# another build (say the one before a change); otherwise the release build
# is brought up to date first. SCALE=0.25 makes every input a quarter of
# its size, for a quick look. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BRIEF:-}" ]; then
    cargo build --release --quiet
    BRIEF=$PWD/target/release/brief
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/brief-memory.XXXXXX")
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/four"

python3 - "$dir" "${SCALE:-1}" <<'EOF'
import random, sys

out = sys.argv[1]
MB = 1024 * 1024 * float(sys.argv[2])
FIRST = ["Ana", "Tom", "Maria", "John", "Priya", "Daniel", "Lucia", "Jonas", "Helen", "Aaron"]
LAST = ["Lima", "Berg", "Lopez", "Smith", "Raman", "Okafor", "Ferreyra", "Feldberg", "Achter", "Feld"]

def name(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}{rng.randrange(1000)}"

def short_paragraph(rng):
    return rng.choice(["Yes.", "No.", "a", "OK", "Why?", "“No.”", '"Hi," he said.', f"Mr {rng.choice(LAST)}:"])

def write(path, size, piece, sep):
    rng = random.Random(path.rsplit("/", 2)[-1])
    parts, total = [], 0
    while total < size:
        p = piece(rng)
        parts.append(p)
        total += len(p.encode()) + len(sep)
    with open(path, "w", encoding="utf-8") as f:
        f.write(sep.join(parts))

write(f"{out}/short.txt", 15 * MB, short_paragraph, "\n")
write(f"{out}/marks.txt", 16 * MB, lambda rng: rng.choice('"' * 30 + '“”'), "")
long_piece = lambda rng: rng.choice([
    f'"We will not sign this," said {name(rng)}.',
    f"President {name(rng)} told reporters that the talks had stalled.",
    f"“It gives away too much,” {name(rng)} said, and {name(rng)} agreed.",
    "Delegates met again on Monday.",
])
write(f"{out}/long.txt", 15 * MB, long_piece, " ")
for i in range(4):
    write(f"{out}/four/{i}.txt", 19 * MB, short_paragraph, "\n")
EOF

# Peak RSS in KB of a command, its output thrown away.
peak_kb() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'
}

largest() { find "$1" -type f -printf '%s\n' | sort -n | tail -1; }

echo "| input | largest file | command | peak RSS | per byte of the largest file |"
echo "|---|---|---|---|---|"
for input in short.txt marks.txt long.txt four; do
    size=$(largest "$dir/$input")
    for cmd in parse quotes; do
        kb=$(peak_kb "$BRIEF" "$cmd" --json "$dir/$input")
        printf '| %s | %.1f MB | %s --json | %d MB | %.1f |\n' "$input" \
            "$(awk -v s="$size" 'BEGIN { print s / 1048576 }')" "$cmd" \
            $((kb / 1024)) "$(awk -v k="$kb" -v s="$size" 'BEGIN { print k * 1024 / s }')"
    done
done
