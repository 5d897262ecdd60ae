#!/usr/bin/env bash
# Annotation throughput on one thread: the demo corpus's plain-text articles, repeated until
# the input is about 10 MB of JSON Lines, through `dyad --threads 1 annotate`.
# Usage: scripts/bench_annotate.sh [COPIES]   (needs target/release/dyad)
set -euo pipefail
cd "$(dirname "$0")/.."
copies="${1:-300}"
bin="${DYAD_BIN:-target/release/dyad}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$copies" "$work/in.jsonl" <<'PY'
import json, pathlib, sys
copies, out = int(sys.argv[1]), sys.argv[2]
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("demo/corpus").glob("*.txt"))]
with open(out, "w", encoding="utf-8") as f:
    for i in range(copies):
        for j, t in enumerate(texts):
            f.write(json.dumps({"id": f"{i}-{j}", "text": t, "date": "2023-04-18"}) + "\n")
PY
size=$(stat -c %s "$work/in.jsonl")
start=$(date +%s.%N)
"$bin" --threads 1 annotate --input "$work/in.jsonl" > "$work/out.jsonl"
end=$(date +%s.%N)
python3 -c "
s, e, n = $start, $end, $size
print(f'annotate: {n/1e6:.1f} MB in {e-s:.2f} s on 1 thread = {n/1e6/(e-s):.1f} MB/s')"
