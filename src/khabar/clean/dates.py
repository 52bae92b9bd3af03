"""Calendar dates in bylines, datelines and date stamps ("الثلاثاء 3 سبتمبر 2024", "Sept 4, 2023").

A small parser for the forms these lines use, written for speed and for the month names
dateparser misses (Levantine أيلول, تشرين الأول; Maghrebi جوان, أوت). Month names come from
``data/clean/months.tsv``. Text passed in must be in the aligned form (``normalize.aligned``).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

from khabar.clean.normalize import has_digit
from khabar.clean.resources import table

_MIN_YEAR, _MAX_YEAR = 1900, 2100


@dataclass(slots=True, frozen=True)
class DateHit:
    """A date found at ``start:end``; ``iso`` is YYYY-MM-DD, or None when it has no usable
    year (no year written and none given) or is not Gregorian."""

    start: int
    end: int
    iso: str | None


@dataclass(slots=True, frozen=True)
class _Patterns:
    months: dict[str, int]
    day_month: re.Pattern[str]
    month_day: re.Pattern[str]
    ymd: re.Pattern[str]
    dmy: re.Pattern[str]
    hijri: re.Pattern[str]
    stamp_words: re.Pattern[str]


def _alternation(names: list[str]) -> str:
    ordered = sorted({n.casefold() for n in names}, key=len, reverse=True)
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)


def _month_key(name: str) -> str:
    return " ".join(name.casefold().split())


@cache
def _patterns() -> _Patterns:
    from khabar.clean.normalize import aligned

    months: dict[str, int] = {}
    gregorian: list[str] = []
    hijri: list[str] = []
    for name, number, calendar_name, _lang in table("months.tsv", 4):
        name = aligned(name)
        if calendar_name == "gregorian":
            months[_month_key(name)] = int(number)
            gregorian.append(name)
        else:
            hijri.append(name)
    g = f"(?:{_alternation(gregorian)})"
    h = f"(?:{_alternation(hijri)})"
    # A month name must not run on into a longer word ("ماي" in "مايو" is handled by the
    # longest-first alternation; "Mar" in "Market" by this guard).
    end = r"(?![^\W\d_])"
    flags = re.IGNORECASE
    words = [aligned(w) for _lang, w in table("date_words.tsv", 2)]
    return _Patterns(
        months=months,
        day_month=re.compile(
            rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th)?\s*(?:من\s+|of\s+)?({g}){end}\.?"
            rf"(?:\s*[/(\-]\s*(?:{g}){end}\s*\)?)?(?:\s*[,،]?\s*(\d{{4}}))?(?!\d)",
            flags,
        ),
        month_day=re.compile(
            rf"(?<![^\W\d_])({g}){end}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:\s*,?\s*(\d{{4}}))?(?!\d)",
            flags,
        ),
        ymd=re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"),
        dmy=re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)"),
        hijri=re.compile(rf"(?<!\d)(\d{{1,2}})\s*({h}){end}(?:\s*(\d{{4}}))?(?!\d)", flags),
        stamp_words=re.compile(
            rf"(?<![^\W\d_])(?:{'|'.join(sorted(words, key=len, reverse=True))})(?![^\W\d_])",
            flags,
        ),
    )


def _iso(year: int | None, month: int, day: int) -> str | None:
    if year is None or not _MIN_YEAR <= year <= _MAX_YEAR or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def find_dates(text: str, *, year: int | None = None, lang: str = "*") -> list[DateHit]:
    """Dates in ``text`` (aligned form), in order, not overlapping.

    ``year`` completes a day and month written without one ("Sept 4"). Numeric dates are
    day-first unless ``lang`` is ``en`` or the day-first reading is impossible.
    """
    if not has_digit(text):
        return []
    p = _patterns()
    hits: list[DateHit] = []

    def add(start: int, end: int, iso: str | None) -> None:
        if all(end <= h.start or start >= h.end for h in hits):
            hits.append(DateHit(start, end, iso))

    for m in p.day_month.finditer(text):
        written = int(m[3]) if m[3] else year
        add(m.start(), m.end(), _iso(written, p.months[_month_key(m[2])], int(m[1])))
    for m in p.month_day.finditer(text):
        written = int(m[3]) if m[3] else year
        add(m.start(), m.end(), _iso(written, p.months[_month_key(m[1])], int(m[2])))
    for m in p.ymd.finditer(text):
        add(m.start(), m.end(), _iso(int(m[1]), int(m[2]), int(m[3])))
    for m in p.dmy.finditer(text):
        first, second, written = int(m[1]), int(m[2]), int(m[3])
        month_first = second > 12 or (lang == "en" and first <= 12)
        day, month = (second, first) if month_first else (first, second)
        add(m.start(), m.end(), _iso(written, month, day))
    for m in p.hijri.finditer(text):
        add(m.start(), m.end(), None)
    hits.sort(key=lambda h: h.start)
    return hits


_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?")
_LEFTOVER = re.compile(r"[^\W\d_]")


def only_date_words(text: str, lang: str = "*") -> bool:
    """Whether ``text`` (aligned form) has only date words, clock times, digits and marks."""
    rest = _patterns().stamp_words.sub(" ", _CLOCK.sub(" ", text))
    return not _LEFTOVER.search(rest)


def date_stamp(text: str, *, year: int | None = None, lang: str = "*") -> DateHit | None:
    """The date of a line that is only a date stamp ("نشر في: الثلاثاء 3 سبتمبر 2024 - 10:30 م",
    "Updated Sept 4, 2023 10:12 GMT"), or None when the line says anything else."""
    if len(text) > 160:
        return None
    hits = find_dates(text, year=year, lang=lang)
    if not hits:
        return None
    pieces: list[str] = []
    last = 0
    for hit in hits:
        pieces.append(text[last : hit.start])
        last = hit.end
    pieces.append(text[last:])
    rest = _patterns().stamp_words.sub(" ", _CLOCK.sub(" ", " ".join(pieces)))
    if _LEFTOVER.search(rest):
        return None
    return next((h for h in hits if h.iso), hits[0])
