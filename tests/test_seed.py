"""The seed article: what a careful analyst writes down (skipped without ../shared/seed).

This is the project's worked example and a regression test, not a benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from khabar.document import Document
from tests_support import needs_shared

PUBLISHED = "2023-09-05"


@pytest.fixture(scope="module")
def seed() -> Document:
    folder = needs_shared("seed")
    path = sorted(folder.glob("*.txt"))[0]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "khabar",
            "run",
            str(path),
            "--published",
            PUBLISHED,
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return Document.from_json(result.stdout)


def actor_names(doc: Document, ids: list[str]) -> set[str]:
    return {a.name for a in doc.actors if a.id in ids}


def events(doc: Document, type_: str, **where: object) -> list:  # type: ignore[type-arg]
    found = [e for e in doc.events if e.type == type_]
    for key, value in where.items():
        found = [e for e in found if getattr(e, key) == value]
    return found


def test_cleaning_removes_furniture_caption_and_reads_the_byline(seed: Document) -> None:
    kinds = {(r.kind, r.text.strip()) for r in seed.removed}
    assert ("furniture", "رابط المصدر") in kinds
    assert ("furniture", "تعليق (0)") in kinds
    assert any(kind == "caption" and "الصورة" in text for kind, text in kinds)
    assert seed.byline.wire == ["Reuters"] and seed.byline.authors == ["نجوك آنه"]
    assert "رابط المصدر" not in seed.text and "الصورة:" not in seed.text


def test_actors_have_their_country_sector_and_kind(seed: Document) -> None:
    by_name = {a.name: a for a in seed.actors}
    assert (by_name["Kim Jong Un"].country, by_name["Kim Jong Un"].kind) == ("PRK", "person")
    assert (by_name["Vladimir Putin"].country, by_name["Vladimir Putin"].sector) == ("RUS", "GOV")
    assert by_name["Sergei Shoigu"].country == "RUS"
    for outlet in ("Interfax", "Yonhap"):
        assert by_name[outlet].kind == "media"
    sources = [a for a in seed.actors if a.kind == "anonymous" and a.country == "KOR"]
    assert sources and sources[0].sector == "SPY"
    assert by_name["Wagner Group"].country == "RUS"
    # every person is someone: no common noun the tagger took for a name ("جيرانك")
    people = {a.name for a in seed.actors if a.kind == "person"}
    assert people <= {"Kim Jong Un", "Vladimir Putin", "Sergei Shoigu"}, people


def test_claims_have_speakers_chains_and_stances(seed: Document) -> None:
    names = {a.id: a.name for a in seed.actors}
    claims = [
        (names.get(c.speaker or ""), tuple(names.get(v) for v in c.via), c.stance)
        for c in seed.claims
    ]
    assert ("Sergei Shoigu", ("Interfax",), "quote") in claims
    assert any(s and "intelligence" in s and via == ("Yonhap",) for s, via, _ in claims)
    assert any(
        s and "government sources" in s and via == ("United States media",) for s, via, _ in claims
    )
    assert ("North Korea", (), "deny") in claims and ("Russia", (), "deny") in claims
    assert ("United States", (), "accuse") in claims
    assert ("North Korea", (), "accuse") in claims


def test_events_an_analyst_would_record(seed: Document) -> None:
    trips = events(seed, "CONSULT", mode="visit", status="planned")
    assert any("Kim Jong Un" in actor_names(seed, e.actor) for e in trips)
    assert any(e.where and e.where["name"] == "Vladivostok" for e in trips)
    assert any(e.status == "possible" for e in events(seed, "AID"))
    # and Russia's technology and submarines "in return" (في المقابل) are as possible
    assert any(
        "Russia" in actor_names(seed, e.actor) and e.status == "possible"
        for e in events(seed, "AID")
    )
    assert events(seed, "COOPERATE", status="possible")
    shoigu = [
        e
        for e in events(seed, "CONSULT", mode="visit")
        if "Sergei Shoigu" in actor_names(seed, e.actor)
    ]
    assert shoigu and shoigu[0].when and shoigu[0].when["start"] == "2023-07-01"
    assert any("Sergei Shoigu" in actor_names(seed, e.actor) for e in events(seed, "REQUEST"))
    assert events(seed, "CONSULT", status="alleged")
    accusations = events(seed, "ACCUSE")
    assert {"United States", "North Korea"} <= {
        n for e in accusations for n in actor_names(seed, e.actor)
    }
    assert events(seed, "AID", status="alleged") and events(seed, "AID", status="denied")
    rejects = events(seed, "REJECT")
    assert rejects and {"North Korea", "Russia"} <= actor_names(seed, rejects[0].actor)
    assert any("North Korea" in actor_names(seed, e.actor) for e in events(seed, "SUPPORT"))
    summit = [e for e in events(seed, "CONSULT") if e.when and e.when.get("value") == "2019"]
    assert summit and summit[0].status == "asserted"
    assert any("Vladimir Putin" in actor_names(seed, e.actor) for e in events(seed, "SUPPORT"))
    assert any("Kim Jong Un" in actor_names(seed, e.actor) for e in events(seed, "AGREE"))


def test_the_weapons_supply_is_contested(seed: Document) -> None:
    statuses = {e.id: (e.type, e.status) for e in seed.events}
    groups = [{statuses[i] for i in group} for group in seed.contested]
    assert any({("AID", "alleged"), ("AID", "denied")} <= group for group in groups)


def test_dates_and_places_resolve_against_the_publication_date(seed: Document) -> None:
    values = {d.text: d.value for d in seed.dates}
    assert values["هذا الشهر"] == "2023-09"
    assert values["الرابع من سبتمبر/أيلول"] == "2023-09-04"
    assert values["منذ العام الماضي"] == "2022"
    assert values["الشهر الماضي"] == "2023-08"
    places = {p.name: p for p in seed.places}
    vladivostok = places["Vladivostok"]
    assert vladivostok.country == "RUS" and abs(vladivostok.lat - 43.1) < 0.2
    assert abs(vladivostok.lon - 131.9) < 0.2
    assert {"Moscow", "Pyongyang", "Korean Peninsula"} <= set(places)


def test_the_seed_document_is_valid_json(seed: Document) -> None:
    json.loads(seed.to_json())
