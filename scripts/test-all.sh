#!/usr/bin/env bash
# Runs every check and test: lint, typecheck, then all vitest projects.
# Installs what the tests need that npm cannot (Debian's redis-server) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-deps.sh

echo "== lint"
biome check .
echo "== typecheck"
turbo run typecheck --output-logs=errors-only
echo "== test"
report=$(mktemp)
status=0
vitest run --reporter=default --reporter=json --outputFile.json="$report" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
' "$report" || true
rm -f "$report"
exit "$status"
