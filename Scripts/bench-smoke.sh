#!/usr/bin/env bash
# Builds apigen-bench in release and runs one quick pass: every case once on small inputs,
# with every result checked but no speed goal, so machine load does not decide the outcome.
# It fails when the build fails or a case computes a wrong result. The compile cases are
# skipped. BENCHMARKS.md records a full run.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product apigen-bench
json="$(mktemp -t apigen-bench-smoke.XXXXXX.json)"
trap 'rm -f "$json"' EXIT
.build/release/apigen-bench --quick --json "$json"
# The JSON report must contain rows, because a run that printed a table but wrote no rows
# would mean that the report writer broke.
python3 -c 'import json, sys; rows = json.load(open(sys.argv[1]))["rows"]; assert rows, "no rows"; print(f"apigen-bench smoke: {len(rows)} rows")' "$json"
