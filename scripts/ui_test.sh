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
(cd tests/ui && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
target/release/dyad serve --db "$db" --addr "127.0.0.1:$port" >"$out.serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
    curl -fs "http://127.0.0.1:$port/api/stats" >/dev/null && break
    sleep 0.2
done
node tests/ui/ui.test.mjs "http://127.0.0.1:$port" "$out"
