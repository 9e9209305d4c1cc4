#!/usr/bin/env bash
# Prints the instructions per call of each decoding and validation operation that
# apigen-bench times, counted by valgrind's callgrind, a figure that hardly varies with
# machine load. Each operation runs COUNT times and 0 times in child processes, and the
# difference divided by COUNT is the count per call. Needs valgrind.
# Usage: Scripts/bench-callgrind.sh [COUNT] [OPERATION...]
set -euo pipefail
cd "$(dirname "$0")/.."

count="${1:-1000}"
shift || true
operations=("$@")
if ((${#operations[@]} == 0)); then
    operations=(xml-generated xml-sax xml-readmemory xml-foundation json-generated
        json-codable validate-valid validate-invalid regex-valid regex-invalid)
fi
command -v valgrind >/dev/null || { echo "valgrind is required: apt-get install valgrind" >&2; exit 1; }

swift build -c release --product apigen-bench
bench=.build/release/apigen-bench
output="$(mktemp -d -t apigen-bench-callgrind.XXXXXX)"
trap 'rm -rf "$output"' EXIT

# Prints the total instruction count of one child run, or the end of valgrind's output when
# the run fails.
instructions() {
    if ! valgrind --tool=callgrind --callgrind-out-file="$output/out" \
        "$bench" --child repeat "$1" "$2" >"$output/log" 2>&1; then
        echo "the callgrind run of $1 $2 failed; the end of its output:" >&2
        tail -n 20 "$output/log" >&2
        return 1
    fi
    awk '/Collected :/ { print $4 }' "$output/log"
}

printf '%-18s %s\n' operation instructions/call
for operation in "${operations[@]}"; do
    empty="$(instructions "$operation" 0)"
    full="$(instructions "$operation" "$count")"
    printf '%-18s %d\n' "$operation" $(((full - empty) / count))
done
