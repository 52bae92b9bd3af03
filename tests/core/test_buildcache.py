"""The disk cache of built resources: hits, invalidation, the off switch, broken entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar import buildcache


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("KHABAR_CACHE_DIR", str(directory))
    return directory


def counting_build(calls: list[int], value: object) -> object:
    calls.append(1)
    return value


def test_a_second_call_loads_what_the_first_built(cache_dir: Path) -> None:
    calls: list[int] = []
    first = buildcache.cached("thing", lambda: counting_build(calls, {"a": [1, 2]}))
    second = buildcache.cached("thing", lambda: counting_build(calls, {"a": [1, 2]}))
    assert first == second == {"a": [1, 2]}
    assert len(calls) == 1
    assert len(list(cache_dir.glob("thing-*.pickle"))) == 1


def test_changing_an_input_file_rebuilds_and_drops_the_old_entry(
    cache_dir: Path, tmp_path: Path
) -> None:
    user_file = tmp_path / "mine.tsv"
    user_file.write_text("one\n", encoding="utf-8")
    calls: list[int] = []

    def build() -> object:
        return counting_build(calls, user_file.read_text(encoding="utf-8"))

    assert buildcache.cached("user", build, inputs=[user_file]) == "one\n"
    user_file.write_text("one\ntwo\n", encoding="utf-8")
    assert buildcache.cached("user", build, inputs=[user_file]) == "one\ntwo\n"
    assert len(calls) == 2
    assert len(list(cache_dir.glob("user-*.pickle"))) == 1


def test_off_switch_always_builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("KHABAR_CACHE_DIR", "off")
    assert buildcache.cache_dir() is None
    calls: list[int] = []
    buildcache.cached("thing", lambda: counting_build(calls, 1))
    buildcache.cached("thing", lambda: counting_build(calls, 1))
    assert len(calls) == 2


def test_a_broken_entry_is_rebuilt(cache_dir: Path) -> None:
    calls: list[int] = []
    buildcache.cached("thing", lambda: counting_build(calls, [1]))
    (entry,) = cache_dir.glob("thing-*.pickle")
    entry.write_bytes(b"\x80\x05truncated")
    assert buildcache.cached("thing", lambda: counting_build(calls, [1])) == [1]
    assert len(calls) == 2


def test_an_unwritable_cache_still_builds(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("KHABAR_CACHE_DIR", str(blocker / "cache"))
    assert buildcache.cached("thing", lambda: 42) == 42


def test_the_geocoder_round_trips_through_the_cache(cache_dir: Path) -> None:
    from khabar.resolve.gazetteer import GazetteerEntry, NamedEntry
    from khabar.resolve.geocode import Geocoder

    entry = GazetteerEntry("Vladivostok", "city", "RUS", 43.1, 131.9, 2013348, 600000)
    places = [NamedEntry("Vladivostok", "en", entry), NamedEntry("فلاديفوستوك", "ar", entry, True)]
    built = buildcache.cached("geo", lambda: Geocoder(places))
    loaded = buildcache.cached("geo", lambda: Geocoder([]))
    assert len(loaded) == len(built) == 2
    found = loaded.resolve("فلاديفوستوك", "ar")
    assert found is not None and (found.name, found.country, found.geonames) == (
        "Vladivostok",
        "RUS",
        2013348,
    )
    # one object per entry, whichever name reached it
    assert loaded.resolve("Vladivostok", "en") is found
