#!/usr/bin/env bash
# Builds apigen-bench in release and runs one quick pass: every case once on small inputs,
# results checked for correctness and no speed goal checked, so that a loaded CI machine
# cannot fail it. The compile cases are skipped. See BENCHMARKS.md for a full run.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --product apigen-bench
json="$(mktemp -t apigen-bench-smoke.XXXXXX.json)"
trap 'rm -f "$json"' EXIT
.build/release/apigen-bench --quick --json "$json"
# The JSON report must exist and hold rows; a run that printed a table but wrote no rows
# would mean the report writer broke.
python3 -c 'import json, sys; rows = json.load(open(sys.argv[1]))["rows"]; assert rows, "no rows"; print(f"apigen-bench smoke: {len(rows)} rows")' "$json"
