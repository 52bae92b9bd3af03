"""How well the Arabic trigger lexicon covers the Arabic event GSR (PROTEST and ASSAULT).

For each gold sentence, the text is split into words (no clitic splitting: the lexicon strips
clitics itself) and matched with ``load_triggers("ar")``. Reported per event type:

- recall proxy: the share of "yes" sentences holding at least one trigger of that type;
- false-hit rate: the share of "easy no" / "difficult no" sentences holding one;
- the same with ambiguous-flagged triggers left out.

This is a measurement to guide the event stage, not a tuning target: never add triggers
lifted from single gold sentences. The data are read in place and never copied.

    .venv/bin/python benchmarks/trigger_coverage.py [--data DIR]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import time
from collections import Counter
from pathlib import Path

from khabar.events.lexicon import load_triggers

DEFAULT_DATA = Path("/work/shared/data/arabic_event_gsr")
_WORD = re.compile(r"[\w\u064B-\u065F\u0670\u0640]+")
_NO_LABELS = ("easy no", "difficult no")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text)


def measure(path: Path, event_type: str) -> dict[str, object]:
    lexicon = load_triggers("ar")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    hits: Counter[str] = Counter()
    strict_hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    lemmas: Counter[str] = Counter()
    started = time.perf_counter()
    n_words = 0
    for row in rows:
        label = row["label"]
        words = words_of(row["text"])
        n_words += len(words)
        matches = [m for m in lexicon.match(words) if m.entry.type == event_type]
        totals[label] += 1
        if matches:
            hits[label] += 1
            if label in _NO_LABELS:
                lemmas.update(m.entry.lemma for m in matches)
        if any(not m.entry.ambiguous for m in matches):
            strict_hits[label] += 1
    elapsed = time.perf_counter() - started
    no_total = sum(totals[label] for label in _NO_LABELS)
    return {
        "type": event_type,
        "yes": (hits["yes"], totals["yes"]),
        "yes_strict": (strict_hits["yes"], totals["yes"]),
        "no": (sum(hits[label] for label in _NO_LABELS), no_total),
        "no_strict": (sum(strict_hits[label] for label in _NO_LABELS), no_total),
        "by_label": {label: (hits[label], totals[label]) for label in sorted(totals)},
        "false_hit_lemmas": lemmas.most_common(8),
        "words_per_s": n_words / elapsed if elapsed else 0.0,
    }


def _share(pair: object) -> str:
    hit, total = pair  # type: ignore[misc]
    return f"{hit}/{total} = {hit / total:.1%}" if total else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    files = {"PROTEST": args.data / "protest_gsr.csv", "ASSAULT": args.data / "assault_gsr.csv"}
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        print(f"skipped: gold data not found ({', '.join(missing)})")
        return 0
    for event_type, path in files.items():
        result = measure(path, event_type)
        print(f"{event_type} ({path.name})")
        print(f"  yes sentences with a {event_type} trigger:   {_share(result['yes'])}")
        print(f"    without ambiguous triggers:             {_share(result['yes_strict'])}")
        print(f"  no sentences with a {event_type} trigger:    {_share(result['no'])}")
        print(f"    without ambiguous triggers:             {_share(result['no_strict'])}")
        by_label = result["by_label"]
        assert isinstance(by_label, dict)
        for label, pair in by_label.items():
            print(f"    {label:<13} {_share(pair)}")
        print(f"  most frequent lemmas in false hits: {result['false_hit_lemmas']}")
        print(f"  matching speed: {result['words_per_s']:,.0f} words/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
