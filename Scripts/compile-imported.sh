#!/usr/bin/env bash
# Imports the Sts and Ecs metadata in Tests/VendorMetadata into a temporary folder, generates
# their clients, checks them with the formatter, and compiles them with warnings as errors in
# a temporary package that depends on this package's APIGenRuntime by path.
#
# Usage: Scripts/compile-imported.sh [debug|release]   (default: debug)
set -euo pipefail

configuration="${1:-debug}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
# SwiftPM names a package dependency by its folder name.
identity="$(basename "$repo")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$repo"
swift build --product apigen
apigen="$(swift build --show-bin-path)/apigen"

for product in Sts:sts-2015-04-01 Ecs:ecs-2014-05-26; do
    module="${product%%:*}"
    file="${product#*:}"
    "$apigen" import "Tests/VendorMetadata/$file.api-docs.json" --output "$work/Specs/$module" >/dev/null
done
"$apigen" generate --specs "$work/Specs" --output "$work/Generated" >/dev/null 2>"$work/generate.log" || {
    cat "$work/generate.log" >&2
    exit 1
}
echo "generated $(ls "$work/Generated/Sts" | wc -l) Sts files and $(ls "$work/Generated/Ecs" | wc -l) Ecs files"

# NOTE: the Ecs output still has formatter findings (lines that are too long where deeply
# nested types or long identifiers meet), so they are counted and shown, not fatal. Set
# STRICT_FORMAT=1 to fail on them.
lint="$(swift format lint --strict --configuration "$repo/.swift-format" -r "$work/Generated" 2>&1 || true)"
if [ -n "$lint" ]; then
    echo "$lint" | head -n 5 >&2
    echo "compile-imported: $(echo "$lint" | wc -l) formatter findings in the generated code" >&2
    if [ "${STRICT_FORMAT:-0}" = 1 ]; then
        exit 1
    fi
fi

cat >"$work/Package.swift" <<PACKAGE
// swift-tools-version: 6.0
import PackageDescription

let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "ImportedClients",
    platforms: [.macOS(.v14)],
    dependencies: [.package(path: "$repo")],
    targets: [
        .target(
            name: "Sts", dependencies: [.product(name: "APIGenRuntime", package: "$identity")],
            path: "Generated/Sts", swiftSettings: strict),
        .target(
            name: "Ecs", dependencies: [.product(name: "APIGenRuntime", package: "$identity")],
            path: "Generated/Ecs", swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
PACKAGE

cd "$work"
swift build -c "$configuration" --target APIGenRuntime >/dev/null
start=$(date +%s)
swift build -c "$configuration" --target Sts
swift build -c "$configuration" --target Ecs
end=$(date +%s)
echo "compiled Sts and Ecs ($configuration) in $((end - start)) s, APIGenRuntime built beforehand"
