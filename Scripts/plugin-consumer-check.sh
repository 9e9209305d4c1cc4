#!/usr/bin/env bash
# Builds the package in Tests/Fixtures/PluginConsumer against this repository, as another
# package that adopts APIGenBuildPlugin would, and checks that the plugin
#   1. generates the client, whose validation enforces the spec's rules,
#   2. generates it again after a rule in the spec changed,
#   3. does not run apigen when nothing changed,
#   4. fails the build with a FILE:LINE:COLUMN error naming the spec for a broken spec.
#
# Works on a copy in a temporary folder, so the repository is never written. All builds share
# one scratch path. Set PLUGIN_CONSUMER_SCRATCH to a folder to keep that build cache between
# runs, and KEEP_LOGS=1 to keep the copy and the build logs. Only path dependencies are
# involved, so nothing is fetched.
#
# Usage: Scripts/plugin-consumer-check.sh
set -euo pipefail

started=$SECONDS
repo=$(cd "$(dirname "$0")/.." && pwd -P)
work=$(mktemp -d "${TMPDIR:-/tmp}/plugin-consumer.XXXXXX")
work=$(cd "$work" && pwd -P)
trap 'rm -rf "$work"' EXIT
[[ -z ${KEEP_LOGS:-} ]] || trap 'echo "logs kept in $work"' EXIT

package="$work/PluginConsumer"
scratch="${PLUGIN_CONSUMER_SCRATCH:-$work/scratch}"
spec="$package/Sources/Greeting/Specs/Greeting/Hello.json"
product="$package/Sources/Greeting/Specs/Greeting/product.json"
checker="$scratch/debug/greeting-check"

fail() {
    echo "plugin-consumer-check: FAILED: $*" >&2
    exit 1
}

step() {
    echo "== $* ($((SECONDS - started)) s)"
}

# Builds the copy, writing the combined output to the log file given as the first argument.
# Returns swift build's exit status.
build() {
    local log=$1
    shift
    swift build --package-path "$package" --scratch-path "$scratch" "$@" >"$log" 2>&1
}

# Fails unless the log contains the extended regular expression.
expect_in_log() {
    local log=$1 pattern=$2 what=$3
    grep -Eq -- "$pattern" "$log" || {
        cat "$log" >&2
        fail "$what: the build output does not match /$pattern/"
    }
}

expect_not_in_log() {
    local log=$1 pattern=$2 what=$3
    if grep -Eq -- "$pattern" "$log"; then
        grep -E -- "$pattern" "$log" >&2
        fail "$what: the build output matches /$pattern/"
    fi
}

# Fails unless greeting-check prints the expected first line for the name, and, when a third
# argument is given, a line containing it.
expect_validation() {
    local name=$1 expected=$2 detail=${3:-}
    local output
    output=$("$checker" "$name")
    [[ $(head -n 1 <<<"$output") == "$expected" ]] ||
        fail "greeting-check '$name' printed '$output', expected '$expected' first"
    if [[ -n $detail ]]; then
        grep -Fq -- "$detail" <<<"$output" ||
            fail "greeting-check '$name' printed '$output', without '$detail'"
    fi
    echo "   greeting-check '$name': $(tr '\n' ' ' <<<"$output")"
}

step "copy the fixture to $package"
cp -R "$repo/Tests/Fixtures/PluginConsumer" "$package"
# The fixture refers to this repository by the relative path ../../.., which is wrong in the
# copy. A '|' in the repository's path would break the sed expression, so reject it.
[[ $repo != *"|"* ]] || fail "the repository path $repo contains '|'"
sed -i.original "s|path: \"../../..\"|path: \"$repo\"|" "$package/Package.swift"
rm "$package/Package.swift.original"
grep -Fq "path: \"$repo\"" "$package/Package.swift" ||
    fail "the dependency path in the fixture's Package.swift was not rewritten"

step "build 1: generate the client"
build "$work/build1.log" || {
    cat "$work/build1.log" >&2
    fail "the first build failed"
}
expect_in_log "$work/build1.log" "Generating API client Greeting for Greeting" "build 1"
expect_not_in_log "$work/build1.log" "Fetching|Cloning|Updating https?:" "build 1"
expect_not_in_log "$work/build1.log" "warning:" "build 1"
expect_validation "Ada" "valid"
expect_validation "Bartholomew" "invalid:" "must be 1 to 10 characters long"

step "build 2: the spec's max length changes from 10 to 3"
grep -Fq '"max": 10,' "$spec" || fail "$spec has no \"max\": 10 to change"
sed -i.original 's/"max": 10,/"max": 3,/' "$spec"
rm "$spec.original"
build "$work/build2.log" -v || {
    cat "$work/build2.log" >&2
    fail "the build after the spec change failed"
}
# With -v SwiftPM prints each command it runs in place of its display name. This check shows
# that build 3's check, that the command is absent, can fail.
expect_in_log "$work/build2.log" "apigen(-tool)? plugin-generate --output " "build 2"
expect_validation "Ada" "valid"
expect_validation "Adam" "invalid:" "must be 1 to 3 characters long"

step "build 3: nothing changed, so apigen must not run"
# NOTE: SwiftPM 6.3.1 relinks apigen-tool on the second build of a fresh scratch path, which
# runs the generator once more although nothing changed. Build 3 comes after that build.
build "$work/build3.log" -v || {
    cat "$work/build3.log" >&2
    fail "the build without changes failed"
}
expect_not_in_log "$work/build3.log" "Generating API client|plugin-generate" "build 3"
expect_in_log "$work/build3.log" "Build complete" "build 3"
expect_validation "Adam" "invalid:" "must be 1 to 3 characters long"

step "build 4: a min above the max must fail the build with a located error"
sed -i.original 's/"min": 1,/"min": 5,/' "$spec"
rm "$spec.original"
if build "$work/build4.log"; then
    cat "$work/build4.log" >&2
    fail "the build with min 5 above max 3 succeeded"
fi
expect_in_log "$work/build4.log" "^$spec:[0-9]+:[0-9]+: error: .*min 5 is above the max 3" "build 4"
grep -E "^$spec:[0-9]+:[0-9]+: error:" "$work/build4.log" | sed 's/^/   /'
sed -i.original 's/"min": 5,/"min": 1,/' "$spec"
rm "$spec.original"

step "build 5: an unknown key in product.json must fail the build with a located error"
sed -i.original 's/"specFormat": 1,/"specFormat": 1, "colour": "blue",/' "$product"
rm "$product.original"
if build "$work/build5.log"; then
    cat "$work/build5.log" >&2
    fail "the build with an unknown key in product.json succeeded"
fi
expect_in_log "$work/build5.log" "^$product:2:[0-9]+: error: .*colour" "build 5"
grep -E "^$product:[0-9]+:[0-9]+: error:" "$work/build5.log" | sed 's/^/   /'

echo "plugin-consumer-check: passed in $((SECONDS - started)) s"
