"""Throughput: items per second on one core, and peak memory."""

from __future__ import annotations

import resource
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Throughput:
    """``items`` processed in ``seconds`` of wall time and ``cpu_seconds`` of CPU time.

    ``peak_rss_mb`` is the process's peak resident size so far (it includes
    everything loaded before the measurement); ``peak_traced_mb`` is the
    Python-allocated peak during the run, when tracing was asked for.
    """

    items: int
    seconds: float
    cpu_seconds: float
    peak_rss_mb: float
    peak_traced_mb: float | None = None

    @property
    def per_second(self) -> float:
        return self.items / self.seconds if self.seconds > 0 else 0.0

    @property
    def per_cpu_second(self) -> float:
        """Items per CPU second: the per-core rate, whatever else the machine runs."""
        return self.items / self.cpu_seconds if self.cpu_seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "seconds": round(self.seconds, 4),
            "cpu_seconds": round(self.cpu_seconds, 4),
            "per_second": round(self.per_second, 2),
            "per_cpu_second": round(self.per_cpu_second, 2),
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "peak_traced_mb": (
                None if self.peak_traced_mb is None else round(self.peak_traced_mb, 1)
            ),
        }


def measure_throughput(
    process: Callable[[T], Any],
    items: Iterable[T],
    *,
    warmup: int = 0,
    trace_memory: bool = False,
) -> Throughput:
    """Call ``process`` on each item in this process and time it.

    The first ``warmup`` items run untimed (resources load lazily, caches
    fill). ``trace_memory`` turns on tracemalloc, which slows Python code
    down several times, so do not read the rate of a traced run.
    """
    pending = list(items)
    for item in pending[:warmup]:
        process(item)
    timed = pending[warmup:]
    if trace_memory:
        tracemalloc.start()
    cpu_start = time.process_time()
    wall_start = time.perf_counter()
    for item in timed:
        process(item)
    seconds = time.perf_counter() - wall_start
    cpu_seconds = time.process_time() - cpu_start
    traced: float | None = None
    if trace_memory:
        traced = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return Throughput(len(timed), seconds, cpu_seconds, _peak_rss_mb(), traced)


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # ru_maxrss is in kilobytes on Linux and in bytes on macOS.
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10
