"""End-to-end: the khabar command on the bundled examples and on bad inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from khabar.cli import main
from khabar.document import Document
from khabar.schema import validate_document
from tests_support import EXAMPLES


def khabar(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "khabar", *args],
        input=stdin.decode("utf-8", "replace") if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def examples_jsonl() -> list[dict]:  # type: ignore[type-arg]
    result = khabar("run", str(EXAMPLES), "--format", "jsonl", "--published", "2024-05-12")
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_every_example_becomes_a_valid_document(examples_jsonl: list[dict]) -> None:  # type: ignore[type-arg]
    inputs = [p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"}]
    batch = (EXAMPLES / "batch.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(examples_jsonl) == len(inputs) + len([line for line in batch if line.strip()])
    for data in examples_jsonl:
        validate_document(data)
        assert data["events"] or data["claims"], data["id"]


def test_batch_records_keep_their_ids_and_languages(examples_jsonl: list[dict]) -> None:  # type: ignore[type-arg]
    records = [
        json.loads(line)
        for line in (EXAMPLES / "batch.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    by_id = {d["id"]: d for d in examples_jsonl}
    for record in records:
        assert record["id"] in by_id
        if record.get("language"):
            assert by_id[record["id"]]["language"] == record["language"]


def test_arabic_example_table_isolates_right_to_left_text() -> None:
    result = khabar("run", str(EXAMPLES / "ar_visit.txt"), "--format", "table")
    assert result.returncode == 0, result.stderr
    assert "\u2068" in result.stdout and "\u2069" in result.stdout
    assert "CONSULT" in result.stdout
    assert "1 processed, 0 failed" in result.stderr


def test_json_output_round_trips() -> None:
    result = khabar("run", str(EXAMPLES / "en_talks.txt"), "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = Document.from_json(result.stdout)
    assert doc.language == "en" and doc.byline.authors


def test_stdin_and_language_override() -> None:
    text = (EXAMPLES / "ar_denial.txt").read_bytes()
    result = khabar("run", "-", "--format", "jsonl", "--lang", "ar", stdin=text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["language"] == "ar"


def test_a_bad_batch_keeps_going_and_reports_every_failure(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("قالت الحكومة إن الوزير سيزور القاهرة.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "cp1256.txt").write_bytes("قال الوزير إن المحادثات مستمرة.".encode("cp1256"))
    (tmp_path / "deep.html").write_bytes(b"<html><body>" + b"<div>" * 3000 + b"</body></html>")
    (tmp_path / "big.txt").write_text("ا" * 4000, encoding="utf-8")
    result = khabar("run", str(tmp_path), "--format", "jsonl", "--max-bytes", "5000")
    assert result.returncode == 1  # some inputs failed
    assert len(result.stdout.splitlines()) == 2
    for name in ("empty.txt", "binary.txt", "deep.html", "big.txt"):
        assert name in result.stderr
    assert "2 processed, 4 failed" in result.stderr


def test_exit_codes() -> None:
    assert khabar("run", "/nonexistent/file.txt").returncode == 3
    assert khabar("run", str(EXAMPLES / "ar_visit.txt"), "--published", "soon").returncode == 2
    assert main([]) == 2


def test_two_processes_give_the_same_documents() -> None:
    one = khabar("run", str(EXAMPLES), "--format", "jsonl")
    two = khabar("run", str(EXAMPLES), "--format", "jsonl", "--n-process", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
