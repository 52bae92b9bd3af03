"""Attribution benchmark: source, cue and content spans of khabar's claims stage.

Two sets:

* PolNeAR (English, dev split), read in place from ``$KHABAR_DATA/polnear`` with
  ``khabar.evaluation.loaders.polnear``; skipped with a message when absent.
* ``attribution_ar_gold.jsonl`` beside this script: a SELF-MADE Arabic set. There is
  no public Arabic attribution gold; the khabar team composed these short texts in
  wire style and annotated them by hand (speaker / cue / content offsets, stance,
  via). It is small and written by the same team as the rules, so read its
  figures as a regression check, not as an independent measurement.

Documents are built with ``khabar.load(pipeline=[...])``: clean, language, segment,
``actors`` when the registry has it (else an empty stand-in, so that speakers stay
unresolved but spans are still scored), then ``claims``. Cleaning may drop blank
lines, so predicted offsets are mapped back onto the gold text by aligning the two
texts character by character.

PolNeAR conventions followed when converting claims: a content span that follows
"that" includes it (PolNeAR content does); claims without a speaker span score no
source. Run::

    .venv/bin/python benchmarks/attribution.py [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import khabar
from khabar.claims.stage import ClaimsStage
from khabar.config import Config
from khabar.document import Document
from khabar.errors import ResourceError
from khabar.evaluation.records import AttributionItem, GoldAttribution
from khabar.evaluation.scorers import score_attribution
from khabar.evaluation.spans import overlap
from khabar.registry import register_stage, stage_names

HERE = Path(__file__).resolve().parent
AR_GOLD = HERE / "attribution_ar_gold.jsonl"


class NoActorsStage:
    """Stand-in for the actors stage when it is not registered: no mentions, no actors."""

    name = "no-actors"
    requires = ("sentences",)
    sets = ("mentions", "actors")

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        return doc


def build_pipeline(language: str) -> tuple[Any, list[str]]:
    names = stage_names()
    if "claims" not in names:
        register_stage("claims", ClaimsStage)
    register_stage("no-actors", NoActorsStage)
    if "actors" in names:
        pipeline = ["clean", "language", "segment", "actors", "claims"]
        try:
            nlp = khabar.load(pipeline=pipeline, language=language)
            nlp("test.", id="probe")
            return nlp, pipeline
        except Exception as exc:  # the actors stage is optional here: score without it
            print(
                f"actors stage unusable ({type(exc).__name__}: {exc}); using none", file=sys.stderr
            )
    pipeline = ["clean", "language", "segment", "no-actors", "claims"]
    return khabar.load(pipeline=pipeline, language=language), pipeline


def align(source: str, target: str) -> list[int]:
    """For each position of ``source`` (the cleaned text), its position in ``target`` (-1: none).

    Cleaning only drops or folds white space and furniture, so a greedy walk that
    skips unmatched characters of ``target`` lines the two up.
    """
    mapping = [-1] * (len(source) + 1)
    j = 0
    for i, ch in enumerate(source):
        k = j
        while k < len(target) and k - j < 400:
            if target[k] == ch or (ch.isspace() and target[k].isspace()):
                break
            k += 1
        if k < len(target) and k - j < 400:
            mapping[i] = k
            j = k + 1
    mapping[len(source)] = len(target)
    return mapping


def _map(span: tuple[int, int] | None, mapping: list[int]) -> tuple[int, int] | None:
    if span is None:
        return None
    start, end = mapping[span[0]], mapping[span[1] - 1] if span[1] > span[0] else -1
    if start < 0 or end < 0:
        return None
    return (start, end + 1)


def claims_as_items(doc: Document, gold_text: str, polnear: bool) -> list[AttributionItem]:
    mapping = align(doc.text, gold_text)
    items = []
    seen = set()
    for claim in doc.claims:
        cue = _map((claim.cue.start, claim.cue.end), mapping) if claim.cue else None
        content = _map((claim.content.start, claim.content.end), mapping)
        source = (
            _map((claim.speaker_span.start, claim.speaker_span.end), mapping)
            if claim.speaker_span
            else None
        )
        if content is not None and polnear:
            before = gold_text[max(0, content[0] - 5) : content[0]]
            if before.lower().endswith("that "):
                content = (content[0] - 5, content[1])
        key = (cue, content)
        if key in seen:
            continue  # co-ordinated speakers share one cue and content
        seen.add(key)
        items.append(
            AttributionItem(
                id=claim.id,
                source=(source,) if source else (),
                cue=(cue,) if cue else (),
                content=(content,) if content else (),
            )
        )
    return items


def run_polnear(limit: int | None) -> dict[str, Any] | None:
    try:
        from khabar.evaluation.loaders.polnear import load_polnear

        gold = load_polnear(split="dev", limit=limit)
    except ResourceError as exc:
        print(f"PolNeAR skipped: {exc}", file=sys.stderr)
        return None
    nlp, pipeline = build_pipeline("en")
    preds = []
    started = time.perf_counter()
    for record in gold:
        doc = nlp(record.text, id=record.doc_id)
        preds.append(claims_as_items(doc, record.text, polnear=True))
    elapsed = time.perf_counter() - started
    scores = score_attribution(gold, preds).to_dict()
    return {
        "set": "PolNeAR dev",
        "articles": len(gold),
        "gold_attributions": sum(len(g.items) for g in gold),
        "pipeline": pipeline,
        "seconds": round(elapsed, 2),
        "scores": scores,
    }


def load_ar_gold() -> list[dict[str, Any]]:
    records = []
    with AR_GOLD.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line:
                record = json.loads(line)
                if "text" in record:
                    records.append(record)
    return records


def _span(value: list[int] | None) -> tuple[int, int] | None:
    return (value[0], value[1]) if value else None


def run_arabic() -> dict[str, Any]:
    records = load_ar_gold()
    nlp, pipeline = build_pipeline("ar")
    gold: list[GoldAttribution] = []
    preds: list[list[AttributionItem]] = []
    stance_ok = stance_n = via_ok = via_n = direct_ok = 0
    for record in records:
        text = record["text"]
        items = []
        for n, a in enumerate(record["attributions"]):
            source, cue, content = _span(a["speaker"]), _span(a["cue"]), _span(a["content"])
            items.append(
                AttributionItem(
                    id=f"g{n}",
                    source=(source,) if source else (),
                    cue=(cue,) if cue else (),
                    content=(content,) if content else (),
                )
            )
        gold.append(GoldAttribution(record["id"], text, tuple(items)))
        doc = nlp(text, id=record["id"])
        preds.append(claims_as_items(doc, text, polnear=False))
        mapping = align(doc.text, text)
        # Stance, direct and via of each gold attribution, through the claim whose content
        # overlaps its content most.
        for a in record["attributions"]:
            content = _span(a["content"])
            best, best_overlap = None, 0
            for claim in doc.claims:
                mapped = _map((claim.content.start, claim.content.end), mapping)
                shared = overlap(mapped, content) if mapped and content else 0
                if shared > best_overlap:
                    best, best_overlap = claim, shared
            stance_n += 1
            if best is None:
                via_n += 1
                continue
            stance_ok += best.stance == a["stance"]
            direct_ok += best.direct == a["direct"]
            via_n += 1
            via_spans = [
                _map((m.start, m.end), mapping)
                for v in best.via
                for m in doc.mentions
                if m.actor == v and m.start < best.content.start
            ]
            gold_via = [tuple(v) for v in a["via"]]
            via_ok += len(gold_via) == len(best.via) and all(
                any(s and overlap(s, g) for s in via_spans)
                for g in gold_via  # type: ignore[arg-type]
            )
    scores = score_attribution(gold, preds).to_dict()
    return {
        "set": "Arabic self-made (benchmarks/attribution_ar_gold.jsonl)",
        "texts": len(records),
        "gold_attributions": stance_n,
        "pipeline": pipeline,
        "scores": scores,
        "stance_accuracy": round(stance_ok / stance_n, 4) if stance_n else None,
        "direct_accuracy": round(direct_ok / stance_n, 4) if stance_n else None,
        "via_accuracy": round(via_ok / via_n, 4) if via_n else None,
    }


def _table(result: dict[str, Any]) -> str:
    lines = [f"{result['set']}  ({result.get('articles', result.get('texts'))} docs)"]
    lines.append(f"{'role':8} {'exact P/R/F1':>24} {'overlap P/R/F1':>24}")
    for role in ("source", "cue", "content"):
        ex, ov = result["scores"][role]["exact"], result["scores"][role]["overlap"]
        lines.append(
            f"{role:8} {ex['precision']:7.3f} {ex['recall']:7.3f} {ex['f1']:7.3f}   "
            f"{ov['precision']:7.3f} {ov['recall']:7.3f} {ov['f1']:7.3f}"
        )
    for key in ("stance_accuracy", "direct_accuracy", "via_accuracy"):
        if key in result:
            lines.append(f"{key}: {result[key]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="PolNeAR articles to score")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args(argv)
    results = [r for r in (run_polnear(args.limit), run_arabic()) if r is not None]
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print("\n\n".join(_table(r) for r in results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
