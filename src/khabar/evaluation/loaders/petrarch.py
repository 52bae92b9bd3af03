"""Loader for PETRARCH's English test suites (``petrarch/*.xml``).

Each ``<Sentence id=... category=... date=...>`` holds ``<EventCoding
sourcecode= targetcode= eventcode=>`` lines (or ``noevents="True"`` /
``error="..."``), the ``<Text>`` and a parse we ignore. The files are not
well-formed XML (comments contain ``--``, attribute values are quoted with
``'"..."'``), so sentences are read with patterns rather than an XML parser.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from khabar.evaluation.paths import collapse_space, dataset_path, read_text
from khabar.evaluation.records import GoldPetrarch, PetrarchEvent

FOLDER = "petrarch"
SUITES = {
    "unittest": "PETR.UnitTest.records.xml",
    "validate": "PETR_Validate_records_2_02.xml",
}

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SENTENCE = re.compile(r"<Sentence\s([^>]*)>(.*?)</Sentence>", re.S)
_CODING = re.compile(r"<EventCoding\s([^>]*?)/?>", re.S)
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*("[^"]*"|'[^']*')""")


def load_petrarch(
    data_dir: Path | None = None,
    limit: int | None = None,
    suites: tuple[str, ...] = ("unittest", "validate"),
) -> list[GoldPetrarch]:
    """Sentences with expected CAMEO events from the named ``suites`` (both by default)."""
    records: list[GoldPetrarch] = []
    for suite in suites:
        path = dataset_path(data_dir, FOLDER, SUITES[suite])
        records.extend(parse_petrarch_xml(read_text(path), suite))
        if limit is not None and len(records) >= limit:
            return records[:limit]
    return records


def parse_petrarch_xml(document: str, suite: str = "") -> list[GoldPetrarch]:
    """Parse the text of one PETRARCH validation file."""
    # Comments go first: they hold commented-out and example <Sentence> tags.
    body = _COMMENT.sub("", document)
    records = []
    for match in _SENTENCE.finditer(body):
        attrs = _attributes(match.group(1))
        inner = match.group(2)
        text_match = _TEXT.search(inner)
        events: list[PetrarchEvent] = []
        error: str | None = None
        for coding in _CODING.finditer(inner):
            coded = _attributes(coding.group(1))
            if "error" in coded:
                error = coded["error"] or "error"
            elif "eventcode" in coded:
                events.append(
                    PetrarchEvent(
                        source=coded.get("sourcecode", ""),
                        target=coded.get("targetcode", ""),
                        code=coded["eventcode"],
                    )
                )
        records.append(
            GoldPetrarch(
                id=attrs.get("id", ""),
                text=collapse_space(html.unescape(text_match.group(1))) if text_match else "",
                events=tuple(events),
                suite=suite,
                category=attrs.get("category", ""),
                date=attrs.get("date", ""),
                evaluate=attrs.get("evaluate", "true").lower() != "false",
                error=error,
            )
        )
    return records


def _attributes(source: str) -> dict[str, str]:
    """Attributes of a tag; ``'"INJURY TOLL"'`` style values lose their inner quotes."""
    attrs = {}
    for name, quoted in _ATTR.findall(source):
        value = quoted[1:-1].strip()
        if len(value) >= 2 and value[0] == value[-1] == '"':
            value = value[1:-1]
        attrs[name.lower()] = html.unescape(value)
    return attrs
