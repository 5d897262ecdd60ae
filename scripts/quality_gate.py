#!/usr/bin/env python3
"""Quality gate: runs the evaluation kit's scorer for the tasks dyad fills and fails when a
headline figure falls below its floor in quality/floors.json.

Usage: python3 scripts/quality_gate.py [--eval DIR] [--bin PATH]
The evaluation kit (../shared/eval beside the checkout) is not part of the repository; without
it the gate is skipped (exit 0 with a note).
"""
import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--eval', default=str(ROOT.parent / 'shared' / 'eval'))
    target = ROOT / os.environ.get('CARGO_TARGET_DIR', 'target')
    ap.add_argument('--bin', default=str(target / 'release' / 'dyad'))
    args = ap.parse_args()
    score = Path(args.eval) / 'score.py'
    if not score.is_file():
        print(f'quality gate skipped: no evaluation kit at {args.eval}')
        return 0
    floors = json.loads((ROOT / 'quality' / 'floors.json').read_text())
    failed = []
    for task, spec in floors.items():
        if task.startswith('_'):
            continue
        cmd = [sys.executable, str(score), task, '--bin', args.bin] + spec.get('args', [])
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=1800)
        lines = [l for l in proc.stdout.splitlines() if l.strip()]
        if proc.returncode != 0 or not lines:
            print(f'{task}: scorer failed (exit {proc.returncode})\n{proc.stderr[-2000:]}')
            failed.append(task)
            continue
        for l in lines[-12:]:
            print(f'  {l}')
        m = re.search(r'\b' + re.escape(spec['metric']) + r' ([0-9.]+)', lines[-1])
        if not m:
            print(f'{task}: no {spec["metric"]} in the headline: {lines[-1]}')
            failed.append(task)
            continue
        value = float(m.group(1))
        ok = value >= spec['floor']
        print(f'{task}: {spec["metric"]} {value:.3f} (floor {spec["floor"]:.3f}) {"ok" if ok else "BELOW FLOOR"}')
        if not ok:
            failed.append(task)
        # Rows of the scorer's table other than the headline ("title exact match 0.901 ..."):
        # the first figure of the row, or the one after the row's "metric" ("F1 0.232").
        for row in spec.get('rows', []):
            hit = next((l for l in lines if l.strip().startswith(row['row'])), None)
            label = re.escape(row['metric']) + ' ' if 'metric' in row else ''
            m = re.search(label + r'([0-9]+\.[0-9]+)', hit.strip()[len(row['row']):]) if hit else None
            if not m:
                print(f'{task}: no row {row["row"]!r} in the scorer output')
                failed.append(f'{task}/{row["row"]}')
                continue
            v = float(m.group(1))
            ok = v >= row['floor']
            print(f'{task}: {row["row"]} {v:.3f} (floor {row["floor"]:.3f}) {"ok" if ok else "BELOW FLOOR"}')
            if not ok:
                failed.append(f'{task}/{row["row"]}')
    if failed:
        print(f'quality gate FAILED: {", ".join(failed)}')
        return 1
    print('quality gate passed')
    return 0


if __name__ == '__main__':
    sys.exit(main())
