"""Ingest, idempotence, reprocessing, queries, full-text search, contested events, exports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fake_nlp import FakeNLP, article
from sqlalchemy import Engine, inspect

from khabar.document import Document
from khabar.store import (
    EventFilter,
    export,
    find_contested,
    ingest,
    query_events,
    reprocess,
    search_articles,
    store_counts,
)
from khabar.store.engine import normalise_url
from khabar.store.migrate import downgrade, upgrade
from khabar.store.schema import metadata

WIRE = (
    "Officials said on Tuesday that artillery struck the eastern town overnight, "
    "damaging homes and a school, and that rescue teams were searching the ruins for "
    "survivors while the regional governor called for calm and promised help.\n"
    "@event ASSAULT asserted Russia>Ukraine"
)


def corpus() -> list:
    return [
        article(WIRE, 1),
        article(
            "وزير الخارجية الإيراني يصل إلى الرياض في زيارة رسمية تستمر يومين.\n"
            "@event CONSULT asserted Iran>Saudi Arabia",
            2,
            published="2024-03-07",
        ),
        article(
            "Talks on the grain corridor resume next week in Istanbul, diplomats said.\n"
            "@event CONSULT planned Russia>Ukraine",
            3,
            published="2024-02-01",
        ),
        article("", 4),
        article("This one breaks the fake pipeline @fail", 5),
    ]


def test_url_normalisation() -> None:
    assert normalise_url("k.db") == "sqlite:///k.db"
    assert normalise_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"


def test_migrations_match_the_schema_and_go_both_ways(engine: Engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={"include_name": lambda name, kind, _: not str(name).startswith("article_search")},
        )
        diff = compare_metadata(context, metadata)
    assert diff == []
    downgrade(engine, "base")
    assert "articles" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert {"articles", "events", "article_search"} <= set(inspect(engine).get_table_names())


def test_ingest_is_idempotent_and_records_failures(engine: Engine) -> None:
    first = ingest(corpus(), engine, FakeNLP())
    assert (first.added, first.failed) == (3, 2)
    before = store_counts(engine)
    again = ingest(corpus(), engine, FakeNLP())
    assert again.added == 0 and again.duplicates == 3
    assert store_counts(engine) == before
    assert before["failures"] == 2 and before["events"] == 3 and before["event_actors"] == 6


def test_two_workers_store_the_same(engine: Engine) -> None:
    items = [article(f"Story number {i} about the harbour, {i * 7} ships.", i) for i in range(40)]
    summary = ingest(items, engine, FakeNLP(), workers=2, batch_size=8)
    assert summary.added == 40
    assert store_counts(engine)["documents"] == 40


def test_reprocess_replaces_documents_and_records_the_version(engine: Engine) -> None:
    ingest(corpus(), engine, FakeNLP("fake 1"))
    events_before = store_counts(engine)["events"]
    summary = reprocess(engine, FakeNLP("fake 2"))
    assert summary.reprocessed == 3
    with engine.connect() as conn:
        versions = set(conn.exec_driver_sql("SELECT pipeline_version FROM documents").scalars())
    assert versions == {"fake 2"}
    assert store_counts(engine)["events"] == events_before
    assert reprocess(engine, FakeNLP("fake 2")).reprocessed == 0


def test_query_filters(engine: Engine) -> None:
    ingest(corpus(), engine, FakeNLP())

    def ids(**kw: object) -> set[str]:
        return {r["doc_id"] + ":" + r["event_id"] for r in query_events(engine, EventFilter(**kw))}

    assert len(ids()) == 3
    assert len(ids(actor="russia")) == 2
    assert len(ids(actor="إيران")) == 1
    assert len(ids(country="SAU")) == 1
    assert len(ids(types=["CONSULT"])) == 2
    assert len(ids(statuses=["planned"])) == 1
    assert len(ids(date_from="2024-03-01")) == 2
    assert len(ids(date_to="2024-02")) == 1
    assert len(ids(sector="gov", types=["assault"])) == 1
    assert len(ids(text="artillery school")) == 1


def test_arabic_full_text_search_folds_letters_and_diacritics(engine: Engine) -> None:
    ingest(corpus(), engine, FakeNLP())
    # Written with hamza, diacritics and teh marbuta variants the stored text does not have.
    assert len(search_articles(engine, "الايراني")) == 1
    assert len(search_articles(engine, "الرِّياض زيارة رسميه")) == 1
    assert search_articles(engine, "موسكو") == []


def test_syndicated_copies_group_and_collapse(engine: Engine) -> None:
    copy = WIRE.replace("on Tuesday", "late on Tuesday").replace("promised help", "promised aid")
    items = [article(WIRE, 1), article(copy, 2), article("More to follow. " + copy, 3)]
    items.append(article("A different story entirely about a football match in Riyadh " * 3, 4))
    summary = ingest(items, engine, FakeNLP())
    assert summary.syndicated == 2
    assert store_counts(engine)["stories"] == 2
    collapsed = list(query_events(engine, EventFilter(types=["ASSAULT"]), collapse=True))
    assert len(collapsed) == 1
    assert len(list(query_events(engine, EventFilter(types=["ASSAULT"])))) == 3


def test_translation_groups_by_entities(engine: Engine) -> None:
    en = (
        "Iran and Saudi Arabia met on 12 March 2024; 45 delegates and 300 guards attended.\n"
        "@event CONSULT asserted Iran>Saudi Arabia\n@event AGREE asserted Saudi Arabia>Iran"
    )
    ar = (
        "التقت إيران والسعودية في 12 مارس 2024 بحضور 45 مندوبا و300 حارس.\n"
        "@event CONSULT asserted Iran>Saudi Arabia\n@event AGREE asserted Saudi Arabia>Iran"
    )
    ingest([article(en, 1), article(ar, 2)], engine, FakeNLP())
    assert store_counts(engine)["stories"] == 1


def test_contested_across_articles(engine: Engine) -> None:
    items = [
        article("Ukraine says Russia shelled the dam.\n@event ASSAULT asserted Russia>Ukraine", 1),
        article(
            "Moscow denied shelling the dam.\n@event ASSAULT denied Russia>Ukraine",
            2,
            published="2024-03-06",
        ),
        article("Talks were held.\n@event CONSULT denied Russia>Ukraine", 3),
        article("Old story.\n@event ASSAULT denied Russia>Ukraine", 4, published="2023-01-01"),
    ]
    ingest(items, engine, FakeNLP())
    pairs = find_contested(engine)
    assert len(pairs) == 1
    pair = pairs[0]
    assert pair.type == "ASSAULT" and pair.shared_actor in ("Q159", "Q212")
    assert (pair.affirmed["source"], pair.denied["source"]) == ("outlet1", "outlet2")
    assert pair.denied["stance"] == "deny"
    assert find_contested(engine, event_type="CONSULT") == []


def test_exports(engine: Engine, tmp_path: Path) -> None:
    ingest(corpus(), engine, FakeNLP())
    out = io.StringIO()
    assert export(engine, "jsonl", out) == 3
    docs = [Document.from_json(line) for line in out.getvalue().splitlines()]
    assert {len(d.events) for d in docs} == {1}

    out = io.StringIO()
    assert export(engine, "csv", out, EventFilter(types=["CONSULT"])) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["actor_country"] for r in rows} == {"IRN", "RUS"}

    out = io.StringIO()
    export(engine, "plover", out)
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert {r["event_type"] for r in records} == {"ASSAULT", "CONSULT"}
    assert all(r["event_id"] and "actor_actor_type" in r for r in records)

    out = io.StringIO()
    export(engine, "cameo", out)
    lines = [line.split("\t") for line in out.getvalue().splitlines()]
    header, body = lines[0], lines[1:]
    assault = next(row for row in body if row[header.index("EventRootCode")] == "18")
    assert assault[header.index("QuadClass")] == "4"
    assert assault[header.index("SQLDATE")] == "20240305"

    path = tmp_path / "events.parquet"
    assert export(engine, "parquet", path) == 3
    table = pq.read_table(path)
    assert table.num_rows == 3 and "recipient_wikidata" in table.column_names
