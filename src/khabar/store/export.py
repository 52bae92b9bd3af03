"""Exports: khabar/1 jsonl, flat events as csv or Parquet, PLOVER/POLECAT-style JSON, CAMEO TSV.

Field mappings are documented in ``docs/store.md``. Event-level exports take
the same filters as ``khabar query`` and, with ``collapse``, one row per
syndicated story.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Engine, func, select

from khabar.document import Document
from khabar.store.engine import READ_ONLY
from khabar.store.errors import StoreError
from khabar.store.query import EventFilter, query_events
from khabar.store.schema import articles, documents

FORMATS = ("jsonl", "csv", "parquet", "plover", "cameo")

# PLOVER type -> CAMEO root code (the nearest CAMEO family), used when an event has
# no CAMEO code of its own. QuadClass follows from the root (see QUAD_CLASS).
PLOVER_TO_CAMEO = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "COOPERATE": "06",
    "AID": "07",
    "CONCEDE": "08",
    "RETREAT": "08",
    "REQUEST": "10",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "MOBILIZE": "15",
    "SANCTION": "16",
    "COERCE": "17",
    "ASSAULT": "18",
}

EVENT_FIELDS = (
    "event_key",
    "article_id",
    "event_id",
    "story",
    "copies",
    "date",
    "published",
    "source",
    "url",
    "language",
    "type",
    "mode",
    "context",
    "cameo",
    "status",
    "confidence",
    "actor_name",
    "actor_country",
    "actor_sector",
    "actor_wikidata",
    "recipient_name",
    "recipient_country",
    "recipient_sector",
    "recipient_wikidata",
    "trigger",
    "sentence_text",
    "claim_speaker",
    "claim_stance",
    "where_name",
    "where_country",
    "lat",
    "lon",
)
FLOAT_FIELDS = {"confidence", "lat", "lon"}
INT_FIELDS = {"story", "copies"}

CAMEO_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "IsRootEvent",
    "EventCode",
    "EventRootCode",
    "QuadClass",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
)


def quad_class(root: str) -> int:
    """GDELT QuadClass: 1/2 verbal/material cooperation, 3/4 verbal/material conflict."""
    code = int(root)
    if code <= 5:
        return 1
    if code <= 8:
        return 2
    if code <= 13:
        return 3
    return 4


def iter_documents(
    engine: Engine, article_pks: set[int] | None = None
) -> Iterator[tuple[Any, Document]]:
    """(article row, Document) for every stored document, in article order."""
    last = 0
    with engine.connect().execution_options(**{READ_ONLY: True}) as conn:
        copies: dict[int, int] = dict(
            conn.execute(
                select(articles.c.group_pk, func.count()).group_by(articles.c.group_pk)
            ).all()
        )
        while True:
            rows = conn.execute(
                select(articles, documents.c.document)
                .join(documents, documents.c.article_pk == articles.c.pk)
                .where(articles.c.pk > last)
                .order_by(articles.c.pk)
                .limit(500)
            ).all()
            if not rows:
                return
            for row in rows:
                last = row.pk
                if article_pks is not None and row.pk not in article_pks:
                    continue
                data = row.document if isinstance(row.document, dict) else json.loads(row.document)
                yield (row, copies.get(row.group_pk, 1)), Document.from_dict(data)


def event_records(
    engine: Engine, flt: EventFilter | None = None, *, collapse: bool = False
) -> Iterator[dict[str, Any]]:
    """One flat record per stored event (fields: :data:`EVENT_FIELDS`)."""
    wanted = {
        (r["article_pk"], r["event_id"])
        for r in query_events(engine, flt, limit=None, collapse=collapse)
    }
    pks = {pk for pk, _ in wanted}
    for (row, copies), doc in iter_documents(engine, pks):
        actors = {a.id: a for a in doc.actors}
        claims = {c.id: c for c in doc.claims}
        for event in doc.events:
            if (row.pk, event.id) not in wanted:
                continue
            first = actors.get(event.actor[0]) if event.actor else None
            second = actors.get(event.recipient[0]) if event.recipient else None
            claim = claims.get(event.claim) if event.claim else None
            sentence = (
                doc.sentences[event.sentence] if 0 <= event.sentence < len(doc.sentences) else None
            )
            when = event.when or {}
            where = event.where or {}
            yield {
                "event_key": f"{doc.id}:{event.id}",
                "article_id": doc.id,
                "event_id": event.id,
                "story": row.group_pk or row.pk,
                "copies": copies,
                "date": when.get("start") or doc.published,
                "published": doc.published,
                "source": doc.source,
                "url": doc.url,
                "language": doc.language,
                "type": event.type,
                "mode": event.mode,
                "context": ";".join(event.context) or None,
                "cameo": event.cameo,
                "status": event.status,
                "confidence": event.confidence,
                "actor_name": first.name if first else None,
                "actor_country": first.country if first else None,
                "actor_sector": first.sector if first else None,
                "actor_wikidata": first.wikidata if first else None,
                "recipient_name": second.name if second else None,
                "recipient_country": second.country if second else None,
                "recipient_sector": second.sector if second else None,
                "recipient_wikidata": second.wikidata if second else None,
                "trigger": event.trigger.text,
                "sentence_text": doc.text[sentence.start : sentence.end] if sentence else None,
                "claim_speaker": claim.speaker_span.text if claim and claim.speaker_span else None,
                "claim_stance": claim.stance if claim else None,
                "where_name": where.get("name"),
                "where_country": where.get("country"),
                "lat": where.get("lat"),
                "lon": where.get("lon"),
            }


def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """A POLECAT-style event record (PLOVER ontology field names)."""
    return {
        "event_id": r["event_key"],
        "story_date": r["published"],
        "event_date": r["date"],
        "event_type": r["type"],
        "event_mode": r["mode"],
        "contexts": r["context"].split(";") if r["context"] else [],
        "event_status": r["status"],
        "actor_name": r["actor_name"],
        "actor_country": r["actor_country"],
        "actor_actor_type": r["actor_sector"],
        "actor_wikidata": r["actor_wikidata"],
        "recipient_name": r["recipient_name"],
        "recipient_country": r["recipient_country"],
        "recipient_actor_type": r["recipient_sector"],
        "recipient_wikidata": r["recipient_wikidata"],
        "placename": r["where_name"],
        "country": r["where_country"],
        "latitude": r["lat"],
        "longitude": r["lon"],
        "event_text": r["sentence_text"],
        "trigger": r["trigger"],
        "source": r["source"],
        "url": r["url"],
        "language": r["language"],
        "story_id": r["story"],
        "num_copies": r["copies"],
        "confidence": r["confidence"],
    }


def cameo_row(number: int, r: dict[str, Any]) -> list[str]:
    """A GDELT 1.0/2.0 event-table style row (a subset of its columns, same names)."""
    code = r["cameo"] or PLOVER_TO_CAMEO.get(r["type"], "")
    root = code[:2]
    day = (r["date"] or "").replace("-", "")
    added = (r["published"] or "").replace("-", "")
    values: list[Any] = [
        number,
        day.ljust(8, "0") if day else "",
        r["actor_name"],
        r["actor_country"],
        r["actor_sector"],
        r["recipient_name"],
        r["recipient_country"],
        r["recipient_sector"],
        1,
        code,
        root,
        quad_class(root) if root.isdigit() else "",
        r["copies"],
        r["where_name"],
        r["where_country"],
        r["lat"],
        r["lon"],
        added,
        r["url"],
    ]
    return ["" if v is None else str(v).replace("\t", " ").replace("\n", " ") for v in values]


def export(
    engine: Engine,
    fmt: str,
    out: IO[str] | str | Path,
    flt: EventFilter | None = None,
    *,
    collapse: bool = False,
) -> int:
    """Write the store (or the events matching ``flt``) as ``fmt``; returns the records written.

    ``parquet`` needs a path; the text formats take a path or an open text stream.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, (str, Path)):
            raise StoreError("Parquet export needs a file path (--out FILE.parquet)")
        return _write_parquet(event_records(engine, flt, collapse=collapse), Path(out))
    if isinstance(out, (str, Path)):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            return _write_text(engine, fmt, stream, flt, collapse)
    return _write_text(engine, fmt, out, flt, collapse)


def _write_text(
    engine: Engine, fmt: str, stream: IO[str], flt: EventFilter | None, collapse: bool
) -> int:
    count = 0
    if fmt == "jsonl":
        pks = None
        if flt is not None and flt != EventFilter():
            pks = {
                r["article_pk"] for r in query_events(engine, flt, limit=None, collapse=collapse)
            }
        for _, doc in iter_documents(engine, pks):
            stream.write(doc.to_json() + "\n")
            count += 1
    elif fmt == "csv":
        writer = csv.DictWriter(stream, fieldnames=EVENT_FIELDS)
        writer.writeheader()
        for record in event_records(engine, flt, collapse=collapse):
            writer.writerow(record)
            count += 1
    elif fmt == "plover":
        for record in event_records(engine, flt, collapse=collapse):
            stream.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
            count += 1
    else:
        stream.write("\t".join(CAMEO_COLUMNS) + "\n")
        for record in event_records(engine, flt, collapse=collapse):
            count += 1
            stream.write("\t".join(cameo_row(count, record)) + "\n")
    return count


def _write_parquet(records: Iterator[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    def kind(name: str) -> Any:
        if name in FLOAT_FIELDS:
            return pa.float64()
        if name in INT_FIELDS:
            return pa.int64()
        return pa.string()

    schema = pa.schema([(name, kind(name)) for name in EVENT_FIELDS])
    count = 0
    chunk: list[dict[str, Any]] = []
    with pq.ParquetWriter(path, schema) as writer:
        for record in records:
            chunk.append(record)
            count += 1
            if len(chunk) >= 5000:
                writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
                chunk = []
        if chunk or count == 0:
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
    return count
