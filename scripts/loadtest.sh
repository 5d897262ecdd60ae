#!/usr/bin/env bash
# Load test of the HTTP API on loopback: a synthetic corpus (scripts/synth_corpus.py) ingested
# to a database of >= 100,000 events, `dyad serve` on it, the first (uncomputed) answer of each
# of 24 timeline requests timed with curl, then wrk (Debian's package) on the timeline endpoint
# for 10 s with 8 connections. Fails when p99 >= 100 ms or any request fails.
# Usage: scripts/loadtest.sh [DOCS]   (default 12000 documents, about 130,000 events)
set -euo pipefail
cd "$(dirname "$0")/.."
docs=${1:-12000}
dir=target/loadtest
mkdir -p "$dir"
db="$dir/load-$docs.db"
if [ ! -s "$db" ]; then
    python3 scripts/synth_corpus.py "$docs" "$dir/corpus-$docs.jsonl"
    start=$(date +%s.%N)
    target/release/dyad ingest "$dir/corpus-$docs.jsonl" --db "$db.tmp"
    mv "$db.tmp" "$db"
    echo "ingest: $(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')") s"
fi
events=$(target/release/dyad stats --db "$db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["events"])')
echo "database: $db, $events events"
source scripts/serve_lib.sh
SERVE_LOG="$dir/serve.log" start_server "$db"
port=$PORT
base="http://127.0.0.1:$port/api/timeline"
cold=()
for pair in CHN,RUS RUS,CHN USA,CHN CHN,USA RUS,UKR UKR,RUS USA,RUS DEU,FRA; do
    for by in week month year; do
        cold+=("$(curl -fs -o /dev/null -w '%{time_total}' "$base?a=${pair%,*}&b=${pair#*,}&by=$by")")
    done
done
printf '%s\n' "${cold[@]}" | sort -n | awk '{ t[NR] = $1 * 1000 } END {
    printf "first answers (computed, 24 requests): median %.1f ms, max %.1f ms\n", t[int((NR + 1) / 2)], t[NR] }'
out=$(wrk -t2 -c8 -d10s --latency "$base?a=CHN&b=RUS&by=month")
echo "$out" | sed -n '/Latency Distribution/,/Transfer/p'
p99=$(echo "$out" | awk '$1 == "99%" { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; print v }')
bad=$(echo "$out" | awk '/Non-2xx|Socket errors/ { print }')
echo "timeline endpoint on $events events: p99 ${p99} ms"
if [ -n "$bad" ] || ! python3 -c "import sys; sys.exit(0 if float('$p99') < 100 else 1)"; then
    echo "FAIL: p99 must be under 100 ms with no errors ${bad:+($bad)}" >&2
    exit 1
fi
