"""Actor-code task: country and sector of khabar's actors on gold Arabic actor spans.

Gold: the actor ("source") and recipient ("target") words of
``arabic_event_gsr/*_spans.json`` with the code most annotators gave the role
(``load_arabic_event_spans``). Each role that has both spans and a code is one
item, whatever the event: a role's agreed words may come in several fragments,
all of them one argument. khabar's answer is the actor of every actor mention
that overlaps a fragment; the country (or sector) is right when any of them
has the gold value. A role with no overlapping actor mention counts wrong.

The gold uses CAMEO-style codes: countries are mostly ISO 3166-1 alpha-3, as
khabar's are, but some are CAMEO's own (INT international, IGO, NGO, IMG
international militarised group, KUR Kurds). ``country_accuracy`` compares them
as they are, so those items cannot be right (a raw comparison);
``cameo_country_accuracy`` first writes khabar's actor as CAMEO does
(:attr:`ActorCode.cameo_country`: an international body's kind, IGO or NGO, in
place of the country khabar/1 leaves null).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from khabar.document import Actor, Document
from khabar.evaluation.loaders.arabic_event_gsr import load_arabic_event_spans
from khabar.evaluation.records import ActorCode, CharSpan, GoldEventRecord
from khabar.evaluation.report import ERROR_SAMPLE, EvalReport, add_error, evenly
from khabar.evaluation.scorers import Accuracy
from khabar.evaluation.spans import offset_map, overlap
from khabar.evaluation.tasks import pipeline_for

__all__ = ["CodedRole", "actor_codes", "actors_on_spans", "coded_roles"]

# CAMEO codes in the country field that are not ISO 3166-1 countries.
_NON_ISO = frozenset({"INT", "IGO", "NGO", "IMG", "KUR"})


@dataclass(frozen=True, slots=True)
class CodedRole:
    """One gold argument: its role, fragments and code."""

    role: str
    spans: tuple[CharSpan, ...]
    code: ActorCode


def coded_roles(record: GoldEventRecord) -> list[CodedRole]:
    """The record's actor and recipient arguments that have both spans and a code."""
    roles = []
    for role, spans, codes in (
        ("actor", record.actor_spans, record.actor_codes),
        ("recipient", record.recipient_spans, record.recipient_codes),
    ):
        if spans and codes:
            roles.append(CodedRole(role, spans, codes[0]))
    return roles


def actors_on_spans(doc: Document, original: str, spans: tuple[CharSpan, ...]) -> list[Actor]:
    """Actors of the mentions that overlap any of ``spans`` (offsets of ``original``)."""
    actors = {a.id: a for a in doc.actors}
    mapping = offset_map(doc.text, original)
    found: list[Actor] = []
    for mention in doc.mentions:
        actor = actors.get(mention.actor or "")
        span = mapping.span(mention.start, mention.end) if actor else None
        if actor and span and any(overlap(span, s) for s in spans) and actor not in found:
            found.append(actor)
    return found


def _code_text(actors: list[Actor]) -> str:
    return ", ".join(f"{a.name}={a.country or '-'}/{a.sector or '-'}" for a in actors) or "none"


def actor_codes(data_dir: Path | None, limit: int | None) -> EvalReport:
    """The ``khabar eval actor_codes`` set: ``limit`` span records spread evenly."""
    started = time.perf_counter()
    records = evenly(load_arabic_event_spans(data_dir), limit)
    nlp = pipeline_for("ar")
    items = found = 0
    country = [0, 0]  # right, total
    cameo_country = [0, 0]
    country_found = [0, 0]
    sector = [0, 0]
    sector_found = [0, 0]
    non_iso = 0
    misses: list[tuple[str, str, str]] = []
    for record in records:
        roles = coded_roles(record)
        if not roles:
            continue
        doc = nlp(record.text)
        for item in roles:
            actors = actors_on_spans(doc, record.text, item.spans)
            items += 1
            found += bool(actors)
            right = True
            for value, name, totals, among_found in (
                (item.code.country, "country", country, country_found),
                (item.code.sector, "sector", sector, sector_found),
            ):
                if value is None:
                    continue
                hit = any(getattr(a, name) == value for a in actors)
                totals[0] += hit
                totals[1] += 1
                if actors:
                    among_found[0] += hit
                    among_found[1] += 1
                right = right and hit
            if item.code.country is not None:
                ours = {ActorCode(a.country, a.sector).cameo_country for a in actors}
                cameo_country[0] += item.code.country in ours
                cameo_country[1] += 1
            non_iso += item.code.country in _NON_ISO
            if not right:
                words = " ".join(record.text[s:e] for s, e in item.spans)
                misses.append(
                    (
                        f"[{item.role}: {words}] {record.text}",
                        f"{item.code.country or '-'}/{item.code.sector or '-'}",
                        _code_text(actors),
                    )
                )
    errors: list[dict[str, str]] = []
    for text, expected, got in evenly(misses, ERROR_SAMPLE):
        add_error(errors, text, expected, got)
    metrics = {
        "country_accuracy": Accuracy(*country).value,
        "cameo_country_accuracy": Accuracy(*cameo_country).value,
        "sector_accuracy": Accuracy(*sector).value,
        "span_found": found / items if items else 0.0,
        "country_accuracy_found": Accuracy(*country_found).value,
        "sector_accuracy_found": Accuracy(*sector_found).value,
    }
    return EvalReport(
        "actor_codes",
        metrics,
        items,
        time.perf_counter() - started,
        details={
            "records": len(records),
            "roles": items,
            "country": Accuracy(*country).to_dict(),
            "sector": Accuracy(*sector).to_dict(),
            "country_non_iso_gold": non_iso,
        },
        errors=errors,
        notes=[
            "gold codes are CAMEO-style; countries mostly equal ISO3, but "
            f"{non_iso} gold countries are CAMEO-only codes (INT, IGO, IMG, KUR...) that khabar "
            "never gives in country_accuracy (raw comparison); cameo_country_accuracy "
            "writes an international body without a country as its kind (IGO, NGO)",
            "accuracy counts a role with no overlapping actor mention as wrong; *_found only "
            "over roles where one was found",
        ],
    )
