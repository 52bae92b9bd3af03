"""Datelines opening the body: "القاهرة (رويترز) -", "MOSCOW, Sept 4 (Reuters) -",
"لندن - فلان:", "الرياض - واس:", "KYIV, Ukraine —".

Three shapes, strictest first:
  A. [PLACE[, EXTRA]] (SOURCE) DASH        SOURCE: an agency or up to three words
  B. PLACE[, EXTRA] DASH SOURCE:            SOURCE: an agency, a quoted outlet or a name
  C. PLACE[, EXTRA] DASH                    PLACE: upper-case Latin, or one or two Arabic words
EXTRA is a date ("Sept 4") or part of the place ("Ukraine"). The matched prefix is removed;
the rest of the paragraph stays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from khabar.clean.agencies import canonical_agency
from khabar.clean.dates import find_dates
from khabar.clean.function_words import has_function_word
from khabar.clean.normalize import aligned

# Arabic words may carry diacritics ("عمّان"), which are not \w.
_WORD = r"[^\W\d_][\w\u064b-\u0652\u0670'’.\-]*"
_PLACE = rf"(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}})"
_EXTRA = r"(?:\s*[,،]\s*(?P<extra>[^()\-–—ـ:\n,،]{1,30}?))?"
_DASH = r"[-–—ـ‐]+"
_A = re.compile(rf"\s*(?:{_PLACE}{_EXTRA}\s*)?\((?P<src>[^()\n]{{1,40}})\)\s*{_DASH}\s*")
_B = re.compile(rf"\s*{_PLACE}{_EXTRA}\s*{_DASH}\s*(?P<src>[^:：\n\-–—ـ]{{1,40}}?)\s*[:：]\s*")
_C = re.compile(rf"\s*{_PLACE}{_EXTRA}\s*{_DASH}\s+")
_UPPER_PLACE = re.compile(r"[A-Z][A-Z.'’\- ]*")
# Shape C takes one Arabic word only: two-word openings ("وقال الرئيس -") are too often
# the start of a sentence interrupted by a dash.
_ARABIC_WORD = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u064b-\u0652]+")
_QUOTED = re.compile(r"^[«\"“'‹].*[»\"”'›]$")
_NAME = re.compile(r"[^\W\d_]+(?:[\s.'’\-][^\W\d_]+){0,3}")


@dataclass(slots=True)
class DatelineHit:
    """A dateline at the start of a paragraph: ``end`` is where the rest of the paragraph
    starts; ``place`` is as written."""

    end: int
    place: str | None
    wire: str | None
    author: str | None
    dated: str | None


def match_dateline(
    paragraph: str, key: str = "*", *, year: int | None = None, loose: bool = True
) -> DatelineHit | None:
    """The dateline opening ``paragraph`` (stripped), or None.

    ``loose`` allows shape C (a place and a dash, no source), which is only safe on the
    first paragraph of the body.
    """
    text = aligned(paragraph[:160])
    for shape, pattern in (("A", _A), ("B", _B), ("C", _C)):
        if shape == "C" and not loose:
            break
        m = pattern.match(text)
        if m is None or m.end() >= len(paragraph.rstrip()):
            continue
        hit = _accept(shape, m, paragraph, key, year)
        if hit is not None:
            return hit
    return None


def _accept(
    shape: str, m: re.Match[str], paragraph: str, key: str, year: int | None
) -> DatelineHit | None:
    place_a = m["place"]
    if place_a is not None and has_function_word(place_a):
        return None
    wire: str | None = None
    author: str | None = None
    if shape == "C":
        if place_a is None or not (
            _UPPER_PLACE.fullmatch(place_a) or _ARABIC_WORD.fullmatch(place_a)
        ):
            return None
    src = m.groupdict().get("src")
    if src is not None:
        src = src.strip()
        wire = canonical_agency(src)
        if wire is None:
            words = len(src.split())
            if shape == "A" and words > 3:
                return None
            if shape == "B":
                if words > 4 or not (
                    _QUOTED.match(src) or (_NAME.fullmatch(src) and not has_function_word(src))
                ):
                    return None
                if not _QUOTED.match(src):
                    author = paragraph[m.start("src") : m.end("src")].strip()
    if shape == "A" and place_a is None:
        return DatelineHit(m.end(), None, wire, None, None)
    dated: str | None = None
    place_end = m.end("place")
    extra = m["extra"]
    if extra is not None:
        dates = find_dates(extra.strip(), year=year, lang=key)
        if dates and dates[0].start == 0 and dates[0].end == len(extra.strip()):
            dated = dates[0].iso
        elif shape != "C" or _UPPER_PLACE.fullmatch(extra.strip()) or extra.strip()[:1].isupper():
            place_end = m.end("extra")
        else:
            return None
    place = paragraph[m.start("place") : place_end].strip()
    return DatelineHit(m.end(), place, wire, author, dated)
