#!/usr/bin/env bash
# Browser test of the web UI: serves DB with target/release/dyad on a free loopback port and
# drives Debian's headless Chromium with playwright-core (from the npm registry) through the
# timeline, an evidence page, a search, the quotes and the network. Screenshots go to OUT.
# Usage: scripts/ui_test.sh DB OUT
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: scripts/ui_test.sh DB OUT}
out=${2:?usage: scripts/ui_test.sh DB OUT}
if ! command -v chromium >/dev/null; then
    echo "chromium not found: install Debian's chromium package" >&2
    exit 2
fi
# npm retries its own fetches; a whole second try covers a download cut short.
(cd tests/ui && { npm ci --ignore-scripts --no-audit --no-fund --loglevel=error ||
    { sleep 10 && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; }; })
source scripts/serve_lib.sh
SERVE_LOG="$out.serve.log" start_server "$db"
port=$PORT
node tests/ui/ui.test.mjs "http://127.0.0.1:$port" "$out"
