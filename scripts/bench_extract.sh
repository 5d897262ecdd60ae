#!/usr/bin/env bash
# Extraction speed: dyad against trafilatura on the same pages, in one run.
#
#   scripts/bench_extract.sh [PAGES_DIR]
#
# PAGES_DIR holds HTML pages (.html or .html.gz); default: the evaluation kit's extraction pages
# (../shared/eval/data/extraction/html). trafilatura is installed from PyPI into
# target/bench-venv on first use (not in CI). Reports pages/s and peak memory for dyad on all
# cores and on one thread, for trafilatura in one process, and dyad's peak memory on the corpus
# repeated three times (memory must stay flat as the corpus grows).
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-../shared/eval/data/extraction/html}
[ -d "$src" ] || { echo "no pages at $src" >&2; exit 2; }
cargo build --release --quiet
bin=target/release/dyad

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages" "$work/x3"
for f in "$src"/*; do
  b=$(basename "$f")
  case "$b" in
    *.gz) gzip -dc "$f" > "$work/pages/${b%.gz}" ;;
    *) cp "$f" "$work/pages/$b" ;;
  esac
done
n=$(ls "$work/pages" | wc -l)
for i in 1 2 3; do mkdir -p "$work/x3/$i"; cp "$work/pages/"* "$work/x3/$i/"; done
mb=$(du -sm "$work/pages" | cut -f1)

venv=target/bench-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet trafilatura lxml_html_clean
fi

measure() { # label, command...
  local label=$1; shift
  local t0 t1 rss
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" > /dev/null 2>"$work/err" || { echo "$label failed:"; tail -3 "$work/err"; }
  t1=$(date +%s.%N)
  rss=$(tail -1 "$work/rss")
  python3 - "$label" "$t0" "$t1" "$rss" "$n" "$mb" <<'PY'
import sys
label, t0, t1, rss, n, mb = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
dt = t1 - t0
print(f"{label:<34} {dt:7.2f} s  {n/dt:8.1f} pages/s  {mb/dt:6.2f} MB/s  peak {rss/1024:7.1f} MB")
with open('/tmp/dyad-bench-last', 'a') as f:
    f.write(f"{label}\t{dt}\n")
PY
}

rm -f /tmp/dyad-bench-last
echo "$n pages, $mb MB of HTML"
measure "dyad extract (all cores)" "$bin" extract --json "$work/pages"
measure "dyad extract (1 thread)" "$bin" --threads 1 extract --json "$work/pages"
cat > "$work/traf.py" <<'PY'
import os, sys, json, trafilatura
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), 'rb') as f:
        html = f.read()
    text = trafilatura.extract(html, output_format='txt', with_metadata=True)
    if text is None: text = ""
    print(json.dumps({'path': name, 'text': text}))
PY
measure "trafilatura (1 process)" "$venv/bin/python" "$work/traf.py" "$work/pages"
python3 - <<'PY'
t = dict(l.rstrip('\n').split('\t') for l in open('/tmp/dyad-bench-last'))
tr = float(t['trafilatura (1 process)'])
print(f"speed-up: {tr/float(t['dyad extract (all cores)']):.1f}x on all cores, "
      f"{tr/float(t['dyad extract (1 thread)']):.1f}x on one thread")
PY
n=$((n * 3))
measure "dyad extract, corpus x3 (all cores)" "$bin" extract --json "$work/x3"
