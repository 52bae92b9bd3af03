"""Attribution benchmark: source, cue and content spans of khabar's claims stage.

A thin wrapper over ``khabar.evaluation.tasks.attribution`` (also ``khabar eval
polnear`` and ``khabar eval attribution_ar``). Two sets:

* PolNeAR (English, dev split), read in place from ``$KHABAR_DATA/polnear``;
  skipped with a message when absent.
* ``attribution_ar_gold.jsonl`` beside this script: a SELF-MADE Arabic set. There is
  no public Arabic attribution gold; the khabar team composed these short texts in
  wire style and annotated them by hand (speaker / cue / content offsets, stance,
  via). It is small and written by the same team as the rules, so read its
  figures as a regression check, not as an independent measurement.

Run::

    .venv/bin/python benchmarks/attribution.py [--data DIR] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from khabar.errors import ResourceError
from khabar.evaluation.report import EvalReport
from khabar.evaluation.tasks.attribution import attribution_ar, polnear

_ACCURACIES = ("stance_accuracy", "direct_accuracy", "via_accuracy")


def _result(report: EvalReport) -> dict[str, Any]:
    result = {
        "set": report.details["set"],
        "docs": report.n,
        "gold_attributions": report.details["gold_attributions"],
        "pipeline": report.details["pipeline"],
        "seconds": round(report.seconds, 2),
        "scores": report.details["scores"],
    }
    result |= {key: round(report.metrics[key], 4) for key in _ACCURACIES if key in report.metrics}
    return result


def _table(result: dict[str, Any]) -> str:
    lines = [f"{result['set']}  ({result['docs']} docs)"]
    lines.append(f"{'role':8} {'exact P/R/F1':>24} {'overlap P/R/F1':>24}")
    for role in ("source", "cue", "content"):
        ex, ov = result["scores"][role]["exact"], result["scores"][role]["overlap"]
        lines.append(
            f"{role:8} {ex['precision']:7.3f} {ex['recall']:7.3f} {ex['f1']:7.3f}   "
            f"{ov['precision']:7.3f} {ov['recall']:7.3f} {ov['f1']:7.3f}"
        )
    for key in _ACCURACIES:
        if key in result:
            lines.append(f"{key}: {result[key]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=None, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="PolNeAR articles to score")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args(argv)
    data = Path(args.data) if args.data else None
    results = []
    try:
        results.append(_result(polnear(data, args.limit)))
    except ResourceError as exc:
        print(f"PolNeAR skipped: {exc}", file=sys.stderr)
    results.append(_result(attribution_ar(data, None)))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(_table(r) for r in results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
