"""Score offline geocoding on GeoWebNews (English news, the dev half in the shared data).

    .venv/bin/python -m benchmarks.geocoding [--data ../shared/data] [--limit N] [--json]

Over every gold toponym with coordinates (accuracy = share within 161 km, unresolved
toponyms count as misses):

(a) resolution given the gold spans: the names of each article are resolved together
    (``Geocoder.resolve_all``), so the countries of the article's other toponyms are the
    context; also without any context (each name alone), for comparison;
(b) end to end: the pipeline (clean, language, segment, and actors / places where
    registered) runs on the article text with language ``en``; its GPE/LOC/FAC mentions
    are matched to gold spans by overlap. Reports toponym recall (gold toponyms that a
    place mention overlaps), and accuracy of the matched ones.

The shared folder holds only the dev half of GeoWebNews (``int(sha1(id), 16) % 2 == 0``),
so the loader reads all of it.
"""

from __future__ import annotations

import argparse
import difflib
import json
import time
from collections import defaultdict
from typing import Any

from benchmarks._data import data_dir, require
from khabar.config import Config
from khabar.document import Document
from khabar.errors import KhabarError
from khabar.evaluation.geo import Coordinates, align_place_predictions, score_geocoding
from khabar.evaluation.loaders.geowebnews import load_geowebnews
from khabar.evaluation.records import GoldGeoArticle
from khabar.pipeline import Pipeline
from khabar.registry import stage_names
from khabar.resolve.geocode import default_geocoder
from khabar.resolve.places import PLACE_TYPES

STAGES = ("clean", "language", "segment", "actors", "places")


def given_spans(articles: list[GoldGeoArticle]) -> dict[str, Any]:
    geocoder = default_geocoder()
    gold: list[Coordinates] = []
    with_context: list[Coordinates | None] = []
    alone: list[Coordinates | None] = []
    by_type: dict[str, tuple[list[Coordinates], list[Coordinates | None]]] = defaultdict(
        lambda: ([], [])
    )
    for article in articles:
        names = list(dict.fromkeys(t.name for t in article.toponyms))
        resolved = dict(zip(names, geocoder.resolve_all(names, "en"), strict=True))
        for toponym in article.toponyms:
            if toponym.lat is None or toponym.lon is None:
                continue
            point = (toponym.lat, toponym.lon)
            entry = resolved[toponym.name]
            single = geocoder.resolve(toponym.name, "en")
            gold.append(point)
            with_context.append(None if entry is None else (entry.lat, entry.lon))
            alone.append(None if single is None else (single.lat, single.lon))
            by_type[toponym.type][0].append(point)
            by_type[toponym.type][1].append(with_context[-1])
    return {
        "with_context": score_geocoding(gold, with_context).to_dict(),
        "no_context": score_geocoding(gold, alone).to_dict(),
        "with_context_by_type": {
            kind: score_geocoding(g, p).to_dict() for kind, (g, p) in sorted(by_type.items())
        },
    }


def end_to_end(articles: list[GoldGeoArticle]) -> dict[str, Any]:
    stages = tuple(s for s in STAGES if s in stage_names())
    pipeline = Pipeline.from_config(Config(pipeline=stages, language="en"))
    gold: list[Coordinates] = []
    pred: list[Coordinates | None] = []
    matched = 0
    failed = 0
    started = time.perf_counter()
    for article in articles:
        toponyms = [t for t in article.toponyms if t.lat is not None and t.lon is not None]
        try:
            doc = pipeline(article.text, id=article.doc_id)
        except KhabarError:
            failed += 1
            doc = Document(text=article.text)
        found = _place_mentions(doc, article.text)
        # A mention the geocoder left unresolved still counts as found (recall), not placed.
        aligned = align_place_predictions(toponyms, [(s, e, 0.0, 0.0) for s, e, _, _ in found])
        matched += sum(1 for a in aligned if a is not None)
        gold.extend((t.lat, t.lon) for t in toponyms if t.lat is not None and t.lon is not None)
        pred.extend(align_place_predictions(toponyms, found))
    seconds = time.perf_counter() - started
    scores = score_geocoding(gold, pred).to_dict()
    return {
        "stages": list(stages),
        "toponym_recall": round(matched / len(gold), 4) if gold else 0.0,
        "matched": matched,
        **scores,
        "accuracy_161km_of_matched": round(
            sum(1 for g, p in zip(gold, pred, strict=True) if p is not None and _within(g, p))
            / matched,
            4,
        )
        if matched
        else 0.0,
        "failed_articles": failed,
        "seconds": round(seconds, 2),
    }


def _within(gold: Coordinates, pred: Coordinates) -> bool:
    from khabar.evaluation.geo import ACCURACY_KM, haversine_km

    return haversine_km(gold[0], gold[1], pred[0], pred[1]) <= ACCURACY_KM


def _place_mentions(
    doc: Document, original: str
) -> list[tuple[int, int, float | None, float | None]]:
    """GPE/LOC/FAC mentions as (start, end, lat, lon) in offsets of ``original``."""
    places = {p.id: p for p in doc.places}
    to_original = _offset_map(doc.text, original)
    found = []
    for mention in doc.mentions:
        if mention.type not in PLACE_TYPES:
            continue
        start, end = to_original(mention.start), to_original(mention.end - 1)
        if start is None or end is None:
            continue
        place = places.get(mention.place or "")
        lat = place.lat if place else None
        lon = place.lon if place else None
        found.append((start, end + 1, lat, lon))
    return found


def _offset_map(text: str, original: str) -> Any:
    """A function from offsets in ``text`` (the cleaned text) to offsets in ``original``."""
    if text == original:
        return lambda i: i
    table: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, text, original, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            table[block.a + k] = block.b + k
    return table.get


def main() -> None:
    parser = argparse.ArgumentParser(description="GeoWebNews geocoding scores (dev half)")
    parser.add_argument("--data", default=None)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    root = data_dir(args.data)
    require(root / "geowebnews" / "GWN.xml")
    articles = load_geowebnews(root, args.limit)
    started = time.perf_counter()
    default_geocoder()
    load_seconds = time.perf_counter() - started
    results: dict[str, Any] = {
        "articles": len(articles),
        "gazetteer_load_seconds": round(load_seconds, 2),
        "given_spans": given_spans(articles),
    }
    try:
        results["end_to_end"] = end_to_end(articles)
    except Exception as exc:  # a stage under development must not hide (a)
        results["end_to_end"] = {"error": f"{type(exc).__name__}: {exc}"}
    if args.json:
        print(json.dumps(results, indent=1))
        return
    given = results["given_spans"]
    print(
        f"GeoWebNews dev half: {len(articles)} articles, gazetteer loaded in {load_seconds:.2f} s"
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
    e = results["end_to_end"]
    if "error" in e:
        print(f"(b) end to end: not run, the pipeline failed: {e['error']}")
        return
    print(
        f"(b) end to end [{' '.join(e['stages'])}]: toponym recall={e['toponym_recall']:.3f} "
        f"acc@161km (all gold)={e['accuracy_161km']:.3f} "
        f"acc@161km (matched)={e['accuracy_161km_of_matched']:.3f} ({e['seconds']} s)"
    )


if __name__ == "__main__":
    main()
