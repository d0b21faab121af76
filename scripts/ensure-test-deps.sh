#!/usr/bin/env bash
# Installs the system binaries the test suites need, only when they are missing.
# Idempotent and quiet when everything is already present. Debian/Ubuntu (apt-get) only.
set -euo pipefail

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
# The widget's browser tests drive Debian's Chromium with playwright-core (nothing is downloaded).
command -v chromium >/dev/null 2>&1 || missing+=(chromium)

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

fail() {
  echo "ensure-test-deps: $*" >&2
  echo "ensure-test-deps: install by hand:" \
    "apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
}

command -v apt-get >/dev/null 2>&1 || fail "apt-get not found; cannot install: ${missing[*]}"

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 \
    || fail "not root and sudo is not available; cannot install: ${missing[*]}"
  sudo_cmd=(sudo)
fi

echo "ensure-test-deps: installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq >/dev/null || fail "apt-get update failed"
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || fail "apt-get install ${missing[*]} failed"

for bin in "${missing[@]}"; do
  command -v "$bin" >/dev/null 2>&1 || fail "$bin is still not on PATH after installing"
done
echo "ensure-test-deps: installed ${missing[*]}" >&2
