#!/usr/bin/env bash
# Hostile inputs through `dyad ingest` (release build): deeply nested HTML, a single-line text of
# 100 MB (refused by the default 64 MB limit) and of 20 MB (read, layers on its first 4 MB), a
# gzip bomb, a million quote marks, names of 10 KB, a JSON Lines line of 70 MB. Each must end
# within 120 s and 1.5 GB with a stored document, a clear one-line error or a truncation note,
# never a panic or a hang. Prints time and peak memory of each.
# Usage: scripts/hostile.sh [DIR]   (inputs are written to DIR, default target/hostile)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/hostile}
mkdir -p "$dir"
python3 - "$dir" <<'PY'
import gzip, json, os, random, sys
d = sys.argv[1]
def write(name, make):
    p = os.path.join(d, name)
    if not os.path.exists(p):
        make(p)
write("nested.html", lambda p: open(p, "w").write(
    "<html><body>" + "<div>" * 1_000_000 + "<p>Xi Jinping met Vladimir Putin in Moscow on Monday, officials said.</p>"
    + "</div>" * 1_000_000 + "</body></html>"))
unit = 'Xi Jinping met Vladimir Putin in Moscow on Monday and said "cooperation has no limits" according to Reuters; '
write("line-100mb.txt", lambda p: open(p, "w").write(unit * (100_000_000 // len(unit))))
write("line-20mb.txt", lambda p: open(p, "w").write(unit * (20_000_000 // len(unit))))
def bomb(p):
    with gzip.open(p, "wb", compresslevel=9) as f:
        z = b"\0" * (1 << 24)
        for _ in range(256):
            f.write(z)
write("bomb.html.gz", bomb)
write("quotes.txt", lambda p: open(p, "w").write("Putin said " + '"' * 1_000_000 + " and left.\n"))
rng = random.Random(1)
name = " ".join("".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(3)).capitalize()
                for _ in range(1700))[:10_000]
write("names.txt", lambda p: open(p, "w").write(("President " + name + " met Xi Jinping on Monday. ") * 20))
write("huge-line.jsonl", lambda p: open(p, "w").write(
    json.dumps({"url": "https://x.example/1", "text": "Xi met Putin. " * 5_000_000}) + "\n"
    + json.dumps({"url": "https://x.example/2", "text": "Xi Jinping met Vladimir Putin in Moscow on Monday."}) + "\n"))
PY
fail=0
for f in nested.html line-100mb.txt line-20mb.txt bomb.html.gz quotes.txt names.txt huge-line.jsonl; do
    db="$dir/$f.db"
    rm -f "$db" "$db-wal" "$db-shm"
    set +e
    out=$( { /usr/bin/time -f "%e %M" timeout 120 target/release/dyad ingest "$dir/$f" --db "$db"; } 2>&1 )
    code=$?
    set -e
    read -r secs kb <<<"$(echo "$out" | tail -1)"
    said=$(echo "$out" | grep -v '^[0-9.]* [0-9]*$' | grep -v "inputs read" | grep -v "exited with" | head -2 | cut -c1-150 | tr '\n' ' ' || true)
    stored=$(echo "$out" | grep "inputs read" | grep -o "[0-9]* stored" | head -1 || true)
    printf '%-16s exit %d  %6.1f s  %5d MB  %s  %s\n' "$f" "$code" "$secs" "$((kb / 1024))" "${stored:-}" "$said"
    if [ "$code" -gt 1 ] || echo "$out" | grep -qi "panicked"; then
        echo "FAIL: $f: exit $code" >&2
        fail=1
    fi
    if [ "$((kb / 1024))" -gt 1536 ]; then
        echo "FAIL: $f: peak memory $((kb / 1024)) MB" >&2
        fail=1
    fi
done
exit $fail
