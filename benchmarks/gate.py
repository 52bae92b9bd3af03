"""Score gate: every pinned score must stay at or above its floor in benchmarks/baseline.json.

    .venv/bin/python benchmarks/gate.py                 # check (CI runs this)
    .venv/bin/python benchmarks/gate.py --update        # raise floors to today's scores
    .venv/bin/python benchmarks/gate.py --update --allow-regression   # also lower them

Each task in the baseline runs on an even sample (its ``limit``) of its gold set,
so the gate stays within a few minutes. A floor is never lowered silently: an
update that would lower one fails unless --allow-regression is given. Skips
with a printed reason when the shared data folder is absent.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

from khabar.errors import ResourceError
from khabar.evaluation.paths import default_data_dir
from khabar.evaluation.tasks import task

BASELINE = Path(__file__).with_name("baseline.json")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", help="the shared data folder")
    parser.add_argument("--baseline", default=str(BASELINE))
    parser.add_argument("--update", action="store_true", help="write today's scores as floors")
    parser.add_argument("--allow-regression", action="store_true", help="let --update lower floors")
    args = parser.parse_args()
    folder = Path(args.data) if args.data else default_data_dir()
    if not folder.exists():
        print(f"score gate skipped: {folder} is absent")
        return 0
    path = Path(args.baseline)
    baseline = json.loads(path.read_text(encoding="utf-8"))
    failures: list[str] = []
    lowered: list[str] = []
    for name, spec in baseline["tasks"].items():
        started = time.perf_counter()
        try:
            report = task(name)(folder, spec.get("limit"))
        except ResourceError as exc:
            failures.append(f"{name}: cannot run: {exc}")
            continue
        print(f"{name} ({report.n} items, {time.perf_counter() - started:.0f} s)")
        floors: dict[str, float] = spec["floors"]
        for metric, floor in floors.items():
            value = report.metrics.get(metric)
            if value is None:
                failures.append(f"{name}.{metric}: no longer reported")
                continue
            ok = value >= floor - 1e-9
            print(f"  {'ok  ' if ok else 'FAIL'} {metric:<28} {value:.4f}  (floor {floor:.4f})")
            if not ok:
                failures.append(f"{name}.{metric}: {value:.4f} < floor {floor:.4f}")
            if args.update:
                new = math.floor(value * 1000) / 1000
                if new < floor and not args.allow_regression:
                    lowered.append(f"{name}.{metric}: {floor:.4f} -> {new:.4f}")
                elif new != floor:
                    floors[metric] = new
    if args.update:
        if lowered:
            print("refusing to lower floors without --allow-regression:\n  " + "\n  ".join(lowered))
            return 1
        path.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
        print(f"floors written to {path}")
        return 0
    if failures:
        print("score gate FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("score gate passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
