"""The date resources of ``khabar/data/dates``, loaded once, and the text normalisation they use.

Matching runs on a normalised copy of the text: hamza forms of alif become ``ا``, ``ة`` becomes
``ه``, ``ى`` becomes ``ي``, Arabic-Indic digits become ASCII digits (all one-for-one), and
diacritics and tatweel are dropped. When characters are dropped an index map leads back to the
original offsets, so spans always point into the text as given.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from khabar.errors import ResourceError

# Pairs rather than str.translate: a few str.replace passes are far faster on Arabic text.
_FOLDS = (
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ة", "ه"),
    ("ى", "ي"),
    *((chr(0x0660 + i), str(i)) for i in range(10)),
    *((chr(0x06F0 + i), str(i)) for i in range(10)),
)
_DROPPED = re.compile("[\u064b-\u0652\u0670\u0640]")


def normalize(text: str) -> tuple[str, list[int] | None]:
    """The matching form of ``text`` and, when characters were dropped, their positions."""
    folded = text
    for source, target in _FOLDS:
        if source in folded:
            folded = folded.replace(source, target)
    dropped = [m.start() for m in _DROPPED.finditer(folded)]
    if not dropped:
        return folded, None
    return _DROPPED.sub("", folded), dropped


def original_offset(index: int, dropped: list[int]) -> int:
    """The offset in the original text of character ``index`` of the normalised text."""
    shift = bisect.bisect_right(dropped, index)
    while shift < len(dropped) and dropped[shift] <= index + shift:
        shift += 1
    return index + shift


def norm(text: str) -> str:
    return normalize(text)[0]


@dataclass(slots=True)
class Month:
    number: int
    system: str
    flag: str


@dataclass(slots=True)
class Lexicon:
    """The resources of one language, keyed by normalised (and, for English, lower-cased) form."""

    months: dict[str, Month] = field(default_factory=dict)
    weekdays: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    units: dict[str, tuple[str, int]] = field(default_factory=dict)
    relative: dict[str, tuple[str, int]] = field(default_factory=dict)
    modifiers_after: dict[str, int] = field(default_factory=dict)
    modifiers_before: dict[str, int] = field(default_factory=dict)
    parts: dict[str, str] = field(default_factory=dict)
    times_of_day: set[str] = field(default_factory=set)
    future_cues: set[str] = field(default_factory=set)


def _rows(name: str, columns: int) -> list[list[str]]:
    try:
        text = (resources.files("khabar") / "data" / "dates" / name).read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as error:
        raise ResourceError(
            f"date resource {name!r} is missing from khabar/data/dates; reinstall khabar"
        ) from error
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < columns:
            raise ResourceError(
                f"khabar/data/dates/{name} line {number}: expected {columns} tab-separated "
                f"columns, got {len(cells)}"
            )
        rows.append([cell.strip() for cell in cells])
    return rows


def key(form: str, lang: str) -> str:
    """The dictionary key of a matched form: normalised, spaces collapsed, English lower-cased."""
    folded = " ".join(norm(form).split())
    return folded.lower() if lang == "en" else folded


@cache
def lexicon(lang: str) -> Lexicon:
    lex = Lexicon()
    for form, month, system, flag in _rows("months.tsv", 4):
        if (system == "en") == (lang == "en"):
            lex.months[key(form, lang)] = Month(int(month), system, flag)
    for form, number, form_lang in _rows("weekdays.tsv", 3):
        if form_lang == lang:
            lex.weekdays[key(form, lang)] = int(number)
    for form, number, form_lang in _rows("ordinals.tsv", 3):
        if form_lang == lang:
            lex.ordinals[key(form, lang)] = int(number)
    for form, number, form_lang in _rows("numbers.tsv", 3):
        if form_lang == lang:
            lex.numbers[key(form, lang)] = int(number)
    for form, unit, count, form_lang in _rows("units.tsv", 4):
        if form_lang == lang:
            lex.units[key(form, lang)] = (unit, int(count))
    for form, unit, offset, form_lang in _rows("relative.tsv", 4):
        if form_lang == lang:
            lex.relative[key(form, lang)] = (unit, int(offset))
    for form, offset, position, form_lang in _rows("modifiers.tsv", 4):
        if form_lang == lang:
            target = lex.modifiers_after if position == "after" else lex.modifiers_before
            target[key(form, lang)] = int(offset)
    for form, part, form_lang in _rows("parts.tsv", 3):
        if form_lang == lang:
            lex.parts[key(form, lang)] = part
    lex.times_of_day = {key(f, lang) for f, fl in _rows("times_of_day.tsv", 2) if fl == lang}
    lex.future_cues = {key(f, lang) for f, fl in _rows("future_cues.tsv", 2) if fl == lang}
    return lex


@cache
def future_prefix_exclusions() -> frozenset[str]:
    return frozenset(norm(row[0]) for row in _rows("future_prefix_exclusions.tsv", 1))


def alternation(forms: Iterable[str], arabic_article: bool = True) -> str:
    """A regex matching any of ``forms`` (longest first), spaces matching any white space.

    The alternation is laid out as a character trie, so the regex engine never tries the
    forms one by one. An Arabic form that starts with the article may also follow the
    preposition ل, which swallows the article's alif: ل + العام is written للعام.
    """
    unique = set(forms)
    if not arabic_article:
        return _trie(unique)
    with_article = {form[2:] for form in unique if form.startswith("ال") and len(form) > 2}
    others = {form for form in unique if not form.startswith("ال") or len(form) <= 2}
    parts = []
    if with_article:
        parts.append(r"(?:ال|(?<=ل)ل)" + _trie(with_article))
    if others:
        parts.append(_trie(others))
    return "(?:" + "|".join(parts) + ")"


Trie = dict[str, "Trie"]


def _trie(forms: Iterable[str]) -> str:
    root: Trie = {}
    for form in forms:
        node = root
        for char in " ".join(form.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _render(root) + ")"


def _render(node: Trie) -> str:
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _render(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # A form that ends here and goes on in a longer one: the optional tail is greedy, so the
    # longer form is tried first.
    return f"(?:{body})?" if "" in node else body
