#!/usr/bin/env python3
"""Checks dyad's exports on a database with an independent reader (DuckDB, from PyPI).

GDELT TSV: 61 tab-separated columns on every row, and it loads as a table; CSV loads with the
header's columns; Parquet month partitions read back (hive partitioning) with the same row count
as the JSON Lines export. Usage: check_exports.py DB [DYAD]  (run in a venv with duckdb).
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb


def main() -> int:
    db = sys.argv[1]
    dyad = sys.argv[2] if len(sys.argv) > 2 else "target/release/dyad"
    out = Path(tempfile.mkdtemp(prefix="dyad-exports-"))

    def export(fmt: str, dest: Path) -> None:
        subprocess.run([dyad, "export", "--db", db, "--format", fmt, "--out", str(dest)],
                       check=True, stderr=subprocess.DEVNULL)

    export("jsonl", out / "events.jsonl")
    rows = [json.loads(line) for line in (out / "events.jsonl").open(encoding="utf-8")]
    n = len(rows)
    failures = []
    if n == 0:
        failures.append("the database has no events to export")

    export("gdelt", out / "events.tsv")
    widths = {len(line.rstrip("\n").split("\t")) for line in (out / "events.tsv").open(encoding="utf-8")}
    if widths != {61}:
        failures.append(f"GDELT rows have {sorted(widths)} columns, not 61")
    tsv = duckdb.sql(
        f"SELECT count(*), count(DISTINCT column00) FROM read_csv('{out}/events.tsv', delim='\t', "
        "header=false, all_varchar=true, quote='')").fetchall()[0]
    if tsv[0] != n:
        failures.append(f"GDELT TSV loads {tsv[0]} rows, JSON Lines has {n}")
    if tsv[1] != n:
        failures.append(f"GDELT GLOBALEVENTIDs are not unique ({tsv[1]} distinct of {tsv[0]})")

    export("csv", out / "events.csv")
    csv_rows = duckdb.sql(f"SELECT count(*) FROM read_csv('{out}/events.csv', header=true)").fetchall()[0][0]
    if csv_rows != n:
        failures.append(f"CSV loads {csv_rows} rows, JSON Lines has {n}")

    export("parquet", out / "parquet")
    pq = duckdb.sql(
        f"SELECT count(*), count(DISTINCT month), sum(CASE WHEN month != 'none' AND NOT starts_with(date, month) "
        f"AND date NOT LIKE '%-W%' THEN 1 ELSE 0 END) "
        f"FROM read_parquet('{out}/parquet/*/*.parquet', hive_partitioning=true)").fetchall()[0]
    if pq[0] != n:
        failures.append(f"Parquet reads back {pq[0]} rows, JSON Lines has {n}")
    if pq[2]:
        failures.append(f"{pq[2]} Parquet rows sit in a partition that is not their month")
    march = duckdb.sql(
        f"SELECT count(*) FROM read_parquet('{out}/parquet/*/*.parquet', hive_partitioning=true) "
        "WHERE source_code LIKE 'CHN%' AND target_code LIKE 'RUS%'").fetchall()[0][0]

    print(f"exports of {db}: {n} events; GDELT TSV 61 columns, {tsv[0]} rows; CSV {csv_rows} rows; "
          f"Parquet {pq[0]} rows in {pq[1]} month partitions ({march} CHN->RUS)")
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
