"""Score offline geocoding on GeoWebNews (English news, the dev half in the shared data).

    .venv/bin/python -m benchmarks.geocoding [--data ../shared/data] [--limit N] [--json]

A thin wrapper over ``khabar.evaluation.tasks.geocoding`` (also ``khabar eval
geowebnews``): (a) resolution given the gold spans, with the article's other
toponyms as context and without; (b) end to end, the pipeline's place mentions
matched to gold spans by overlap. ``--limit`` scores N articles spread evenly.
``--misses N`` also lists the N toponym names most often missed from gold spans
(unresolved, or resolved more than 161 km away), with where we put them.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from khabar.evaluation.geo import ACCURACY_KM, haversine_km
from khabar.evaluation.loaders.geowebnews import load_geowebnews
from khabar.evaluation.paths import default_data_dir
from khabar.evaluation.tasks.geocoding import geowebnews
from khabar.resolve.geocode import default_geocoder


def misses(root: Path) -> tuple[Counter[str], dict[str, str]]:
    """Gold toponyms resolved from their spans (article context on) that miss: how often
    each name misses, and what it resolved to."""
    geocoder = default_geocoder()
    counts: Counter[str] = Counter()
    got: dict[str, str] = {}
    for article in load_geowebnews(root):
        names = list(dict.fromkeys(t.name for t in article.toponyms))
        resolved = dict(zip(names, geocoder.resolve_all(names, "en"), strict=True))
        for toponym in article.toponyms:
            if toponym.lat is None or toponym.lon is None:
                continue
            entry = resolved[toponym.name]
            if entry is None:
                counts[toponym.name] += 1
                got[toponym.name] = "unresolved"
            elif haversine_km(entry.lat, entry.lon, toponym.lat, toponym.lon) > ACCURACY_KM:
                counts[toponym.name] += 1
                got[toponym.name] = f"{entry.name} ({entry.lat:.2f}, {entry.lon:.2f})"
    return counts, got


def main() -> None:
    parser = argparse.ArgumentParser(description="GeoWebNews geocoding scores (dev half)")
    parser.add_argument("--data", default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--misses", type=int, default=0, help="list the N most missed names")
    args = parser.parse_args()
    root = Path(args.data) if args.data else default_data_dir()
    if not (root / "geowebnews" / "GWN.xml").exists():
        print(f"skipped: {root / 'geowebnews' / 'GWN.xml'} is absent (set --data or KHABAR_DATA)")
        return
    report = geowebnews(root, args.limit)
    details = report.details
    if args.json:
        print(json.dumps({"articles": report.n, **details}, indent=1))
        return
    given = details["given_spans"]
    print(
        f"GeoWebNews dev half: {report.n} articles, "
        f"gazetteer loaded in {details['gazetteer_load_seconds']:.2f} s"
    )
    for label in ("with_context", "no_context"):
        s = given[label]
        print(
            f"(a) gold spans, {label:12s}: n={s['total']} resolved={s['recall']:.3f} "
            f"acc@161km={s['accuracy_161km']:.3f} mean_err={s['mean_error_km']} km "
            f"median_err={s['median_error_km']} km"
        )
    for kind, s in given["with_context_by_type"].items():
        print(f"      {kind:22s} n={s['total']:4d} acc@161km={s['accuracy_161km']:.3f}")
    e = details["end_to_end"]
    print(
        f"(b) end to end [{' '.join(e['stages'])}]: toponym recall={e['toponym_recall']:.3f} "
        f"acc@161km (all gold)={e['accuracy_161km']:.3f} "
        f"acc@161km (matched)={e['accuracy_161km_of_matched']:.3f} ({e['seconds']} s)"
    )
    if args.misses:
        counts, got = misses(root)
        print(f"gold-span misses: {sum(counts.values())}; most frequent names:")
        for name, count in counts.most_common(args.misses):
            print(f"  {count:4d}  {name}: {got[name]}")


if __name__ == "__main__":
    main()
