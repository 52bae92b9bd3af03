"""The JSON Schema of khabar/1, shipped with the package, and a validator for it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from khabar.errors import SchemaError


@cache
def khabar1_schema() -> dict[str, Any]:
    text = resources.files("khabar.schema").joinpath("khabar-1.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


@cache
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    return Draft202012Validator(khabar1_schema())


def validate_document(data: dict[str, Any]) -> None:
    """Raise :class:`SchemaError` listing every way ``data`` breaks khabar/1.

    Checks beyond JSON Schema: every offset lies inside ``text`` and every
    span's ``text`` repeats the characters it covers.
    """
    problems = [
        f"{'/'.join(str(p) for p in err.absolute_path) or '(root)'}: {err.message}"
        for err in _validator().iter_errors(data)
    ]
    if not problems:
        problems = _offset_problems(data)
    if problems:
        raise SchemaError("not a valid khabar/1 document: " + "; ".join(problems[:10]))


def _offset_problems(data: dict[str, Any]) -> list[str]:
    text = data["text"]
    problems = []

    def check(where: str, span: dict[str, Any] | None) -> None:
        if not span:
            return
        start, end = span["start"], span["end"]
        if not 0 <= start <= end <= len(text):
            problems.append(f"{where}: offsets {start}..{end} outside the text")
        elif "text" in span and span["text"] is not None and text[start:end] != span["text"]:
            problems.append(f"{where}: text {span['text']!r} differs from text[{start}:{end}]")

    for i, s in enumerate(data["sentences"]):
        check(f"sentences/{i}", s)
    for i, m in enumerate(data["mentions"]):
        check(f"mentions/{i}", m)
    for i, d in enumerate(data["dates"]):
        check(f"dates/{i}", d)
    for i, c in enumerate(data["claims"]):
        check(f"claims/{i}/speaker_span", c["speaker_span"])
        check(f"claims/{i}/cue", c["cue"])
        check(f"claims/{i}/content", c["content"])
    for i, e in enumerate(data["events"]):
        check(f"events/{i}/trigger", e["trigger"])
    return problems
