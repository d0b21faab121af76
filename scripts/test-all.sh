#!/usr/bin/env bash
# Runs every check and test: lint, typecheck, then all vitest projects.
# Installs what the tests need that npm cannot (Debian's redis-server) when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-deps.sh

# turbo starts each package's task with `pnpm`: when pnpm itself came from `npx` and is not on
# PATH, put a shim there that runs the very pnpm running this script.
if ! command -v pnpm >/dev/null 2>&1 && [ -n "${npm_execpath:-}" ]; then
  shim=$(mktemp -d)
  case "$npm_execpath" in
    *.js | *.cjs | *.mjs) runner="node " ;;
    *) runner="" ;; # pnpm 12 ships as a native executable
  esac
  printf '#!/bin/sh\nexec %s"%s" "$@"\n' "$runner" "$npm_execpath" > "$shim/pnpm"
  chmod +x "$shim/pnpm"
  export PATH="$shim:$PATH"
fi

echo "== lint"
biome check .
echo "== typecheck and build (the build checks package shape and the widget's weight budget)"
turbo run typecheck build --output-logs=errors-only
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
