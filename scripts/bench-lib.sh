# What the benchmark scripts share; sourced, not run. Expects `runs` (how
# many timed runs a median is over) and `brief` (the binary) to be set.

# Wall time in ms of one run of a command.
time_ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}

# The median of the numbers on stdin, one a line, `runs` of them.
median() { sort -n | sed -n "$(( (runs + 1) / 2 ))p"; }

# The reader in tmux on the arguments, started with the environment
# assignments in `reader_env` (if any): sets first_ms (until the first frame
# shows), index_ms (until the status line stops saying "finding files",
# "indexing" or "fetching") and reader_rss (its peak RSS in KB).
reader_in_tmux() {
    local sock="brief-bench-$$" start pid
    start=$(date +%s%N)
    tmux -L "$sock" new-session -d -x 120 -y 40 "${reader_env:-} exec $brief $*"
    while ! tmux -L "$sock" capture-pane -p 2>/dev/null | grep -q 'Articles'; do sleep 0.005; done
    first_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    while tmux -L "$sock" capture-pane -p | grep -qE 'finding files|indexing|fetching'; do sleep 0.02; done
    index_ms=$(( ($(date +%s%N) - start) / 1000000 ))
    pid=$(tmux -L "$sock" display-message -p '#{pane_pid}')
    reader_rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo -)
    tmux -L "$sock" kill-server
}
