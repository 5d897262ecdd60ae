#!/usr/bin/env bash
# Ingest at scale: N synthetic documents (scripts/synth_corpus.py) into one fresh store, in ten
# successive slices of N/10, each slice one `dyad ingest` into the same database. Prints each
# slice's throughput (docs/s), peak memory and the store's size after it, then the slowdown from
# the first 10% to the last (goal: at most 2x).
#
#   scripts/ingest_curve.sh [N] [--threads T]   (N default 100000; all cores unless T is given)
#
# The corpus is kept in target/ingest-curve/corpus-N.jsonl for later runs; the store is made
# anew each run. The binary is $DYAD_BIN, else the release build (built here). Not part of CI:
# N = 200,000 takes about a quarter of an hour on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
threads=()
if [ "${2:-}" = "--threads" ]; then threads=(--threads "${3:?--threads needs a number}"); fi
case "$n" in '' | *[!0-9]*) echo "ingest_curve.sh: N must be a number of documents, not '$n'" >&2; exit 2 ;; esac
[ "$n" -ge 10 ] || { echo "ingest_curve.sh: N must be at least 10" >&2; exit 2; }
if [ -z "${DYAD_BIN:-}" ]; then
  cargo build --release --quiet -p dyad
  DYAD_BIN=${CARGO_TARGET_DIR:-target}/release/dyad
fi
dir=target/ingest-curve
mkdir -p "$dir"
corpus=$dir/corpus-$n.jsonl
if [ ! -s "$corpus" ]; then
  python3 scripts/synth_corpus.py "$n" "$corpus.tmp"
  mv "$corpus.tmp" "$corpus"
fi
rm -rf "$dir/slices" "$dir/curve.db"*
mkdir -p "$dir/slices"
# Ten slices of whole lines, in order (the last takes the remainder).
split -d -a 2 -l $((n / 10)) --additional-suffix=.jsonl "$corpus" "$dir/slices/s"
if [ -e "$dir/slices/s10.jsonl" ]; then cat "$dir/slices/s10.jsonl" >> "$dir/slices/s09.jsonl"; rm "$dir/slices/s10.jsonl"; fi

echo "ingest of $n synthetic documents into a fresh store, in 10 slices ($("$DYAD_BIN" --version))"
printf '%-6s %10s %9s %9s %9s %12s %9s %10s\n' slice docs time docs/s "CPU s" "docs/CPU-s" "peak MB" "store MB"
rates=()
cpurates=()
total=0
start=$(date +%s.%N)
for i in $(seq 0 9); do
  f=$dir/slices/s0$i.jsonl
  docs=$(wc -l < "$f")
  /usr/bin/time -f "%e %U %S %M" -o "$dir/time" "$DYAD_BIN" "${threads[@]}" ingest "$f" --db "$dir/curve.db" 2> "$dir/err" \
    || { echo "slice $i failed:" >&2; tail -3 "$dir/err" >&2; exit 1; }
  read -r secs user sys kb < <(tail -1 "$dir/time")
  cpu=$(python3 -c "print(f'{$user + $sys:.1f}')")
  size=$(du -cb "$dir/curve.db"* | tail -1 | cut -f1)
  rate=$(python3 -c "print(f'{$docs / max($secs, 0.01):.0f}')")
  cpurate=$(python3 -c "print(f'{$docs / max($cpu, 0.01):.0f}')")
  rates+=("$rate")
  cpurates+=("$cpurate")
  total=$((total + docs))
  printf '%-6s %10d %8.1fs %9d %9s %12d %9d %10d\n' "$(( (i + 1) * 10 ))%" "$total" "$secs" "$rate" "$cpu" "$cpurate" $((kb / 1024)) $((size / 1000000))
done
elapsed=$(python3 -c "import time; print(f'{time.time() - $start:.0f}')")
echo "total: $total documents in $elapsed s; $(tail -1 "$dir/err")"
# Wall-clock rates move with whatever else runs on the machine; the rates per CPU second
# (user + system time of the process) do much less.
python3 -c "
first, last = ${rates[0]}, ${rates[9]}
cfirst, clast = ${cpurates[0]}, ${cpurates[9]}
print(f'first 10%: {first} docs/s, last 10%: {last} docs/s, slowdown {first / last:.2f}x (goal <= 2x)')
print(f'per CPU second: {cfirst} -> {clast} docs, slowdown {cfirst / clast:.2f}x')"
