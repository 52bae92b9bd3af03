"""Byline lines: authors and wire agencies ("نجوك آنه (بحسب رويترز)", "By Jane Doe, Reuters").

A line is a byline only when all of it parses as one: cue segments ("By ...", "بقلم: ...",
"Reporting by ...; Editing by ..."), agency names ("(رويترز)", "- رويترز", "أ ف ب"), a name
next to an agency ("NAME (بحسب AGENCY)", "NAME - AGENCY"), and dates. An agency named inside
a sentence never matches, because the sentence does not parse. Cues are in
``data/clean/byline_cues.tsv``, agencies in ``data/clean/agencies.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from khabar.clean.agencies import canonical_agency
from khabar.clean.dates import find_dates, only_date_words
from khabar.clean.function_words import has_function_word
from khabar.clean.normalize import aligned
from khabar.clean.resources import in_language, table

_MAX_CHARS = 200
_MAX_WORDS = 24
# Past this many words a segment can only be a cue and its names ("Reporting by ...").
_MAX_PLAIN_SEGMENT_WORDS = 8
_MAX_NAME_WORDS = 5
_MAX_NAME_CHARS = 50

# Segments of a byline line: ";", "؛", "|", "•", a spaced dash, or a slash ("فلان/ رويترز").
_SEGMENTS = re.compile(r"\s*(?:[;؛|•]|\s[-–—ـ]+\s|^[-–—ـ]+\s*|\s*[-–—ـ]+$|/)\s*")
_PARTS = re.compile(r"\s*(?:,|،|&|\+|(?<=\s)and(?=\s)|(?<=\s)with(?=\s))\s*", re.IGNORECASE)
_AR_AND = re.compile(r"\s+و(?=[^\W\d_])")
_EN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")
_TRIM = " \t:：-–—ـ[]«»\"“”'.,،"
_NAME_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[\u064b-\u0652\u0670'’.\-])*\.?")
_LATIN = re.compile(r"[A-Za-z]")
_PARTICLES = frozenset(
    "al el bin ibn abu abou bint de da di del der van von la le du dos das mc mac ter".split()
)
_PAREN = re.compile(r"^(?P<name>[^()]*?)\s*\((?P<inner>[^()]+)\)$")
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|ص|م)(?![^\W\d_]))?", re.I)


@dataclass(slots=True)
class BylineParse:
    """What a byline line says: authors as written, canonical wire names, and its date."""

    authors: list[str] = field(default_factory=list)
    wire: list[str] = field(default_factory=list)
    dated: str | None = None
    credited: bool = False  # a cue or an agency was found: what makes it a byline

    def add_wire(self, name: str) -> None:
        self.credited = True
        if name not in self.wire:
            self.wire.append(name)


@dataclass(slots=True, frozen=True)
class _Cues:
    opening: re.Pattern[str]
    roles: dict[str, str]
    via: re.Pattern[str]


@cache
def _cues(key: str) -> _Cues:
    roles: dict[str, str] = {}
    via: list[str] = []
    for lang, role, rx in table("byline_cues.tsv", 3):
        if not in_language(lang, key):
            continue
        for cue in aligned(rx).split("|"):
            if role == "via":
                via.append(cue)
            elif role == "credit":
                roles.setdefault(" ".join(cue.casefold().split()), role)
            else:
                roles.setdefault(" ".join(cue.casefold().split()), role)
    ordered = sorted((c for c, r in roles.items() if r != "credit"), key=len, reverse=True)
    alternation = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in ordered)
    via_alt = "|".join(
        re.escape(c).replace(r"\ ", r"\s+") for c in sorted(via, key=len, reverse=True)
    )
    return _Cues(
        opening=re.compile(rf"(?P<cue>{alternation})(?:\s*[:：\-–—]\s*|\s+)(?P<rest>\S.*)", re.I),
        roles=roles,
        via=re.compile(rf"(?:{via_alt})(?:\s*[:：]\s*|\s+)", re.I),
    )


def _name_like(text: str) -> bool:
    if not text or len(text) > _MAX_NAME_CHARS or any(ch.isdigit() for ch in text):
        return False
    tokens = text.split()
    if not 1 <= len(tokens) <= _MAX_NAME_WORDS:
        return False
    if not all(_NAME_TOKEN.fullmatch(t) for t in tokens) or has_function_word(text):
        return False
    if _LATIN.search(text):
        # Latin-script names are capitalised; a lower-case word makes it a phrase.
        return all(t[0].isupper() or t.casefold() in _PARTICLES for t in tokens)
    return True


def _split_names(text: str) -> list[str]:
    parts = [p for p in _PARTS.split(text) if p.strip(_TRIM)]
    names: list[str] = []
    for part in parts:
        pieces = _AR_AND.split(part)
        # "أحمد علي ومحمد حسن" is two names, "محمد وليد" is one: split on و only when every
        # piece still has a given name and a family name.
        if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
            names.extend(pieces)
        else:
            names.append(part)
    return names


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "|" * (end - start)
    return "".join(chars)


def _parse_segment(seg_aligned: str, seg: str, key: str, out: BylineParse) -> list[str] | None:
    """Parse one segment into ``out``; returns bare names that need a credit elsewhere on the
    line to count as authors, or None when the segment is not byline material."""
    lead = len(seg_aligned) - len(seg_aligned.lstrip(_TRIM))
    a = seg_aligned.strip(_TRIM)
    o = seg[lead : lead + len(a)]
    if a.startswith("(") and a.endswith(")") and a.count("(") == 1 and a.count(")") == 1:
        a, o = a[1:-1].strip(_TRIM), o[1:-1].strip(_TRIM)
    if not a:
        return []
    cues = _cues(key)
    if a.count(" ") >= _MAX_PLAIN_SEGMENT_WORDS and not cues.opening.match(a):
        return None
    if only_date_words(a, key):
        return []
    agencies = [canonical_agency(p) for p in _split_names(a)]
    if agencies and all(agencies):
        for found in agencies:
            if found:
                out.add_wire(found)
        return []
    if cues.roles.get(" ".join(a.casefold().split())) in ("author", "other", "credit"):
        # A cue on its own, its names in the next segment ("كتب - محمد وليد"), or a credit
        # that names no agency ("وكالات", "Staff").
        out.credited = True
        return []
    paren = _PAREN.match(a)
    if paren:
        inner = paren["inner"]
        via = cues.via.match(inner.strip())
        inner_text = inner.strip()[via.end() :] if via else inner
        agencies = [canonical_agency(p) for p in _split_names(inner_text)]
        if not agencies or not all(agencies):
            return None
        name_a, name_o = paren["name"], o[: len(paren["name"])]
        if name_a.strip(_TRIM):
            named = _parse_segment(name_a, name_o, key, out)
            if named is None:
                return None
            out.authors.extend(named)
        for found in agencies:
            if found:
                out.add_wire(found)
        return []
    opening = cues.opening.fullmatch(a)
    if opening:
        role = cues.roles.get(" ".join(opening["cue"].casefold().split()), "")
        rest_start = opening.start("rest")
        rest_a, rest_o = a[rest_start:], o[rest_start:]
        names: list[str] = []
        position = 0
        for part_a in _split_names(rest_a):
            at = rest_a.find(part_a, position)
            position = at + len(part_a)
            part_o = rest_o[at : at + len(part_a)]
            found = canonical_agency(part_a)
            if found:
                out.add_wire(found)
                continue
            cut = _EN_PLACE.search(part_a)
            if cut:
                part_a, part_o = part_a[: cut.start()], part_o[: cut.start()]
            part_a, part_o = part_a.strip(_TRIM), part_o.strip(_TRIM)
            if (
                role == "source"
                and len(part_a.split()) <= 4
                and not any(c.isdigit() for c in part_a)
            ):
                continue
            if not _name_like(part_a):
                return None
            names.append(part_o)
        out.credited = True
        if role == "author":
            out.authors.extend(names)
        return []
    if _name_like(a):
        return [o]
    return None


def parse_byline(
    line: str, key: str = "*", *, year: int | None = None, text: str | None = None
) -> BylineParse | None:
    """Parse a stripped line as a byline; None when it is anything else.

    ``text`` is the line in aligned form when the caller has it already.
    """
    if len(line) > _MAX_CHARS or line.count(" ") >= _MAX_WORDS:
        return None
    if text is None:
        text = aligned(line)
    out = BylineParse()
    spans: list[tuple[int, int]] = []
    for hit in find_dates(text, year=year, lang=key):
        spans.append((hit.start, hit.end))
        if out.dated is None and hit.iso:
            out.dated = hit.iso
    spans.extend(m.span() for m in _CLOCK.finditer(text))
    work = _blank(text, spans) if spans else text
    stripped = work.strip()
    if stripped.startswith("(") and stripped.endswith(")") and stripped.count("(") == 1:
        lead = work.index("(")
        work = (
            " " * (lead + 1)
            + work[lead + 1 : work.rindex(")")]
            + " " * (len(work) - work.rindex(")"))
        )
    bare: list[str] = []
    position = 0
    for piece in _SEGMENTS.split(work):
        at = work.find(piece, position) if piece else position
        position = at + len(piece)
        if not piece.strip(_TRIM + "|"):
            continue
        names = _parse_segment(piece.replace("|", " "), line[at : at + len(piece)], key, out)
        if names is None:
            return None
        bare.extend(names)
    if not out.credited:
        # A name and a date alone on a short line ("فلان - الثلاثاء 3 سبتمبر 2024").
        if not (bare and out.dated and line.count(" ") < 10 and len(bare) <= 2):
            return None
    out.authors.extend(bare)
    return out
