"""What an evaluation returns, and how it reads in a terminal.

An :class:`EvalReport` holds flat ``metrics`` (the figures the score gate pins),
the full scorer output in ``details``, an optional confusion matrix, and a
sample of errors (text, expected, got) for error analysis.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")

ERROR_SAMPLE = 12


@dataclass(slots=True)
class EvalReport:
    name: str
    metrics: dict[str, float]
    n: int
    seconds: float = 0.0
    details: dict[str, Any] = field(default_factory=dict)
    confusion: dict[str, dict[str, int]] | None = None
    errors: list[dict[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=2)


def evenly(items: Sequence[T], limit: int | None) -> list[T]:
    """``limit`` items spread evenly over ``items`` (all of them when no limit)."""
    if limit is None or limit >= len(items):
        return list(items)
    if limit <= 0:
        return []
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def add_error(errors: list[dict[str, str]], text: str, expected: object, got: object) -> None:
    if len(errors) < ERROR_SAMPLE:
        errors.append({"text": text[:300], "expected": str(expected), "got": str(got)})


def render_report(report: EvalReport) -> str:
    lines = [f"{report.name}: {report.n} items in {report.seconds:.1f} s"]
    width = max((len(k) for k in report.metrics), default=10)
    lines += [f"  {key:<{width}}  {value:8.4f}" for key, value in report.metrics.items()]
    if report.confusion:
        lines += ["", "confusions (gold -> predicted: count), largest first:"]
        pairs = [
            (count, gold, pred)
            for gold, row in report.confusion.items()
            for pred, count in row.items()
            if gold != pred
        ]
        lines += [f"  {g} -> {p}: {c}" for c, g, p in sorted(pairs, reverse=True)[:15]]
    if report.errors:
        lines += ["", f"sample of errors ({len(report.errors)}):"]
        for error in report.errors:
            lines.append(f"  text:     {error['text']}")
            lines.append(f"  expected: {error['expected']}")
            lines.append(f"  got:      {error['got']}")
            lines.append("")
    lines += [f"note: {note}" for note in report.notes]
    return "\n".join(lines).rstrip()
