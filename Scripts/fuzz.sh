#!/usr/bin/env bash
# Builds one libFuzzer target with swiftc and runs it for a number of seconds.
#
# Usage: Scripts/fuzz.sh TARGET SECONDS [libFuzzer option ...]
#        Scripts/fuzz.sh --list
#
# The target is compiled with -sanitize=fuzzer,address from its entry file, the shared
# support file and its source folders, all in one module, and linked against libxml2 and
# libcrypto through pkg-config. It starts from the target's seed folder plus the inputs that
# earlier runs kept in .build/fuzz/TARGET/corpus, runs without network access (a new network
# namespace through unshare), and stops after SECONDS or at the first crash, whose input is
# written to .build/fuzz/TARGET/artifacts/. Fuzz/TARGET.dict, when present, is passed as the
# libFuzzer dictionary. Exit status: 0 when no crash was found.
set -euo pipefail

cd "$(dirname "$0")/.."

# One line per target: name|entry file|source folders, space-separated|seed folder|extra
# libFuzzer options. The spec target's leak check is off because Foundation's XMLParser, which
# the sample check uses, leaks the error objects it creates for a malformed document (seen with
# Swift 6.3.1 on Linux); the leak is outside this package.
targets=(
    "xml|Fuzz/XMLPayloadFuzzer.swift|Sources/APIGenRuntime|Tests/APIGenRuntimeTests/Corpus/xml"
    "json|Fuzz/JSONPayloadFuzzer.swift|Sources/APIGenRuntime|Tests/APIGenRuntimeTests/Corpus/json"
    "spec|Fuzz/SpecLoaderFuzzer.swift|Sources/APISpec|Fuzz/SpecSeeds|-detect_leaks=0"
)

# Memory cap of one fuzzing process, in MiB. libFuzzer reports an input that makes the
# process grow past it as a crash.
rss_limit_mb=2048
# Time cap of one input, in seconds.
input_timeout_seconds=10
# Largest input that libFuzzer generates, in bytes.
max_input_bytes=65536

usage() {
    echo "usage: $0 TARGET SECONDS [libFuzzer option ...]" >&2
    echo "targets: $(for line in "${targets[@]}"; do printf '%s ' "${line%%|*}"; done)" >&2
    exit 2
}

if [[ "${1:-}" == "--list" ]]; then
    for line in "${targets[@]}"; do
        echo "${line%%|*}"
    done
    exit 0
fi
[[ $# -ge 2 ]] || usage
name="$1"
seconds="$2"
shift 2
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "SECONDS must be a whole number, got '$seconds'" >&2; exit 2; }

entry=""
for line in "${targets[@]}"; do
    IFS='|' read -r target_name target_entry target_sources target_seeds target_options <<<"$line"
    if [[ "$target_name" == "$name" ]]; then
        entry="$target_entry"
        sources="$target_sources"
        seeds="$target_seeds"
        extra_options="$target_options"
    fi
done
[[ -n "$entry" ]] || { echo "unknown fuzz target '$name'" >&2; usage; }

work=".build/fuzz/$name"
mkdir -p "$work/corpus" "$work/artifacts"

source_files=()
for folder in $sources; do
    while IFS= read -r -d '' file; do
        source_files+=("$file")
    done < <(find "$folder" -name '*.swift' -print0 | sort -z)
done

c_flags=()
for flag in $(pkg-config --cflags libxml-2.0 libcrypto); do
    c_flags+=(-Xcc "$flag")
done
# shellcheck disable=SC2207
link_flags=($(pkg-config --libs libxml-2.0 libcrypto))

# The payload helpers use runtime types, so only runtime targets compile them.
support_files=()
if [[ " $sources " == *" Sources/APIGenRuntime "* ]]; then
    support_files+=(Fuzz/FuzzSupport.swift)
fi

echo "building $work/fuzzer from $entry and ${#source_files[@]} source files" >&2
swiftc -sanitize=fuzzer,address -parse-as-library -O -g -use-ld=lld \
    -module-name "Fuzz_$name" -swift-version 6 \
    -I Sources/CLibXML2 -I Sources/CCrypto "${c_flags[@]}" \
    "${source_files[@]}" "${support_files[@]}" "$entry" \
    "${link_flags[@]}" -o "$work/fuzzer"

options=()
# shellcheck disable=SC2206
[[ -n "$extra_options" ]] && options+=($extra_options)
# libFuzzer's flag covers the runs; AddressSanitizer's own check at exit needs its option too.
if [[ " ${options[*]} " == *" -detect_leaks=0 "* ]]; then
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
fi
if [[ -f "Fuzz/$name.dict" ]]; then
    options+=(-dict="Fuzz/$name.dict")
fi

echo "fuzzing $name for $seconds s, seeds from $seeds" >&2
exec unshare --net "$work/fuzzer" \
    -max_total_time="$seconds" \
    -rss_limit_mb="$rss_limit_mb" \
    -timeout="$input_timeout_seconds" \
    -max_len="$max_input_bytes" \
    -artifact_prefix="$work/artifacts/" \
    -print_final_stats=1 \
    "${options[@]}" \
    "$@" \
    "$work/corpus" "$seeds"
