"""Temporal expressions: find them in Arabic and English text and resolve them to the calendar.

Detection is one precompiled regex per language (``dates_grammar``), built from the resources in
``khabar/data/dates``. Resolution is the project's own calendar logic (``dates_calendar``):
absolute dates in every Arabic month-name system, ordinal and number words, Hijri dates
(through ``hijridate``), and expressions relative to the publication date. A relative expression
with no publication date is found but left unresolved (``value`` is ``None``).

Weekdays, and months or days named without a year, resolve to the most recent such date on or
before publication, unless the sentence marks the future (a future verb, سوف, المقرر, will ...).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import TypeVar

from khabar.document import DateValue
from khabar.resolve import dates_calendar as cal
from khabar.resolve.dates_grammar import core_positions, pattern, start_words
from khabar.resolve.dates_lexicon import (
    Lexicon,
    Month,
    future_prefix_exclusions,
    key,
    lexicon,
    norm,
    normalize,
    original_offset,
)

__all__ = ["find_dates", "resolve_date_expression"]

Resolved = tuple[str | None, tuple[str, str] | None]
T = TypeVar("T")

_DROPPED_MARK = re.compile("[\u064b-\u0652\u0670\u0640]")
_WORD = re.compile(r"\w+|'ll", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?؟\n]")
_AR_FUTURE_VERB = re.compile(r"^[وف]?س[يتن]\w{2,}$")
_MONTH_LEADS = {
    "ar": {norm(w) for w in ("في", "منذ", "حتى", "حتي", "خلال", "شهر", "قبل", "بعد", "مطلع")},
    "en": {"in", "since", "until", "by", "during", "of", "from", "before", "after", "to", "and"},
}
_YEAR_LEADS = {
    "ar": {norm(w) for w in ("في", "منذ", "حتى", "حتي", "خلال", "قبل", "بعد", "و", "إلى", "الى")},
    "en": {"in", "since", "until", "by", "during", "of", "from", "before", "after", "to", "and"},
}
_BOTH = {norm(w) for w in ("بين", "كلا", "هذين", "هاتين")}
_TODAY_NOT = {norm(w) for w in ("العالمي", "الوطني", "الذي", "الذى", "الدولي", "العربي")}
_RELATIVE_KINDS = {"fix", "wk", "unit", "cnt", "bare"}


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "ar"


def _lookup(table: Mapping[str, T], form: str | None, lang: str) -> T | None:
    """A resource entry for a matched form; ل + article (للعام) is looked up as the article."""
    if form is None:
        return None
    folded = key(form, lang)
    found = table.get(folded)
    if found is None and lang == "ar" and folded.startswith("ل"):
        found = table.get("ا" + folded)
    if found is None and lang == "ar" and folded.startswith("ال"):
        found = table.get(folded[2:])
    if found is None and lang == "ar" and folded.startswith("ل"):
        found = table.get(folded[1:])
    return found


def _previous_word(normed: str, start: int) -> str:
    words = _WORD.findall(normed[max(0, start - 30) : start])
    return words[-1].lower() if words else ""


def _next_word(normed: str, end: int) -> str:
    words = _WORD.findall(normed[end : end + 30])
    return words[0].lower() if words else ""


def _future_marked(normed: str, start: int, end: int, lang: str, lex: Lexicon) -> bool:
    """Whether the sentence around a date marks the future (a future verb or a future cue)."""
    window_start = max(0, start - 80)
    before = normed[window_start:start]
    stops = list(_SENTENCE_END.finditer(before))
    if stops:
        before = before[stops[-1].end() :]
    after = normed[end : end + 30]
    stop = _SENTENCE_END.search(after)
    if stop:
        after = after[: stop.start()]
    words = _WORD.findall(before) + _WORD.findall(after)[:3]
    if lang == "en":
        text = " ".join(w.lower() for w in words)
        return any(re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", text) for cue in lex.future_cues)
    excluded = future_prefix_exclusions()
    for word in words:
        if word in lex.future_cues:
            return True
        if (
            _AR_FUTURE_VERB.match(word)
            and word.lstrip("وف") not in excluded
            and word not in excluded
        ):
            return True
    return False


def _group(match: re.Match[str], name: str) -> str | None:
    """A group's text, or None when it did not match or this language's grammar lacks it."""
    return match.group(name) if name in match.re.groupindex else None


def _capitalised(match: re.Match[str], *groups: str) -> bool:
    return all(match.group(g) is None or match.group(g)[0].isupper() for g in groups)


def _count(match: re.Match[str], group: str, lex: Lexicon, lang: str) -> int | None:
    raw = match.group(group)
    if raw is None:
        return None
    if raw.isdigit():
        return int(raw)
    value = _lookup(lex.numbers, raw, lang)
    return value if isinstance(value, int) else None


class _Resolver:
    """Turns one regex match into a period; ``rejected`` marks a match that is not a date."""

    def __init__(self, normed: str, lang: str, published: dt.date | None) -> None:
        self.normed = normed
        self.lang = lang
        self.lex = lexicon(lang)
        self.published = published
        self.rejected = False
        self.relative = False

    def direction(self, match: re.Match[str]) -> int:
        future = _future_marked(self.normed, match.start(), match.end(), self.lang, self.lex)
        return 1 if future else -1

    def month(self, match: re.Match[str], *groups: str) -> Month | None:
        for group in groups:
            found = _lookup(self.lex.months, match.group(group), self.lang)
            if isinstance(found, Month):
                return found
        return None

    def modifier(self, match: re.Match[str], group: str) -> int | None:
        table = self.lex.modifiers_after if self.lang == "ar" else self.lex.modifiers_before
        found = _lookup(table, match.group(group), self.lang)
        return found if isinstance(found, int) else None

    def period(self, match: re.Match[str]) -> cal.Period | None:
        kind = match.lastgroup or ""
        handler = getattr(self, "_" + kind, None)
        if handler is None:
            self.rejected = True
            return None
        period: cal.Period | None = handler(match)
        if period is not None and match.group("part"):
            part = _lookup(self.lex.parts, match.group("part"), self.lang)
            if isinstance(part, str) and period[0] != period[1]:
                period = cal.part_of(period, part)
        return period

    def needs_published(self) -> bool:
        self.relative = True
        return self.published is None

    # -- the alternatives of the grammar ---------------------------------
    def _num(self, m: re.Match[str]) -> cal.Period | None:
        if m.group("iy"):
            year, month, day = int(m.group("iy")), int(m.group("imo")), int(m.group("id"))
        else:
            day, month, year = int(m.group("nd")), int(m.group("nmo")), int(m.group("ny"))
            if month > 12 >= day:
                day, month = month, day
        if _group(m, "hm0"):
            return cal.hijri_day(year, month, day)
        if not 1000 <= year <= 2100 or not cal.valid_day(year, month, day):
            self.rejected = True
            return None
        return cal.day_period(dt.date(year, month, day))

    def _dm(self, m: re.Match[str]) -> cal.Period | None:
        if self.lang == "en" and not _capitalised(m, "m1", "m2", "wd1"):
            self.rejected = True
            return None
        raw_day = m.group("dd") or (_group(m, "dd2"))
        ordinal = _lookup(self.lex.ordinals, m.group("do"), self.lang)
        day = int(raw_day) if raw_day else ordinal if isinstance(ordinal, int) else None
        if day is None or not 1 <= day <= 31:
            self.rejected = True
            return None
        if self.lang == "ar" and m.group("relm"):
            if self.needs_published():
                return None
            published = self.published or dt.date.min
            offset = self.modifier(m, "mod1") or 0
            year, month = cal.shift_month(published.year, published.month, offset)
            return (
                cal.day_period(dt.date(year, month, day))
                if cal.valid_day(year, month, day)
                else None
            )
        month_entry = self.month(m, "m1", "m2")
        if month_entry is None:
            self.rejected = True
            return None
        hijri = month_entry.system == "hijri"
        if m.group("y1"):
            year = int(m.group("y1"))
            if hijri:
                return cal.hijri_day(year, month_entry.number, day)
            if _group(m, "hm1") or not cal.valid_day(year, month_entry.number, day):
                return None
            return cal.day_period(dt.date(year, month_entry.number, day))
        if self.needs_published():
            return None
        published = self.published or dt.date.min
        direction = self.direction(m)
        if hijri:
            return cal.hijri_recent_day(month_entry.number, day, published, direction)
        return cal.most_recent_day(month_entry.number, day, published, direction)

    def _my(self, m: re.Match[str]) -> cal.Period | None:
        month_entry = self.month(m, "m3", "m4")
        if month_entry is None or (self.lang == "en" and not _capitalised(m, "m3")):
            self.rejected = True
            return None
        year_group = m.group("y2")
        mod_group = "mod2" if self.lang == "ar" else "pre2"
        offset = self.modifier(m, mod_group)
        marked = bool(year_group or m.group(mod_group) or _group(m, "m4"))
        if self.lang == "ar":
            marked = marked or bool(m.group("mw") or m.group("hm2"))
        if month_entry.flag == "strict" and not marked:
            self.rejected = True
            return None
        if month_entry.flag == "context" and not (
            marked
            or m.group("part")
            or m.group("since")
            or _previous_word(self.normed, m.start()) in _MONTH_LEADS[self.lang]
        ):
            self.rejected = True
            return None
        hijri = month_entry.system == "hijri"
        if year_group:
            if hijri:
                return cal.hijri_month(int(year_group), month_entry.number)
            if self.lang == "ar" and m.group("hm2"):
                return None
            return cal.month_period(int(year_group), month_entry.number)
        if self.needs_published():
            return None
        published = self.published or dt.date.min
        if hijri:
            direction = offset if offset else self.direction(m)
            return cal.hijri_recent_month(month_entry.number, published, direction)
        if offset == 0:
            return cal.month_period(published.year, month_entry.number)
        if offset is not None:
            return cal.most_recent_month(month_entry.number, published, offset, strict=True)
        return cal.most_recent_month(month_entry.number, published, self.direction(m), False)

    def _fix(self, m: re.Match[str]) -> cal.Period | None:
        form = _group(m, "rel") or m.group("fix")
        found = _lookup(self.lex.relative, form, self.lang)
        if not isinstance(found, tuple):
            self.rejected = True
            return None
        if self.lang == "ar" and key(form, "ar").endswith("اليوم"):
            following = _next_word(self.normed, m.end())
            if following in _TODAY_NOT or following in self.lex.ordinals:
                self.rejected = True
                return None
        if self.needs_published():
            return None
        unit, offset = found
        return cal.relative_period(unit, offset, self.published or dt.date.min)

    def _wk(self, m: re.Match[str]) -> cal.Period | None:
        weekday = _lookup(self.lex.weekdays, m.group("wd2"), self.lang)
        if not isinstance(weekday, int):
            self.rejected = True
            return None
        if self.lang == "en" and not _capitalised(m, "wd2"):
            self.rejected = True
            return None
        if self.lang == "ar" and _previous_word(self.normed, m.start()) in _BOTH:
            self.rejected = True
            return None
        if self.needs_published():
            return None
        offset = self.modifier(m, "mod3" if self.lang == "ar" else "pre3")
        published = self.published or dt.date.min
        if offset:
            return cal.day_period(cal.weekday_date(weekday, published, offset, strict=True))
        return cal.day_period(cal.weekday_date(weekday, published, self.direction(m), False))

    def _ana(self, m: re.Match[str]) -> cal.Period | None:
        self.relative = True
        return None

    def _unit(self, m: re.Match[str]) -> cal.Period | None:
        unit_form = m.group("u1") or _group(m, "u2")
        found = _lookup(self.lex.units, unit_form, self.lang)
        if not isinstance(found, tuple):
            self.rejected = True
            return None
        if self.lang == "ar" and m.group("pre"):
            offset = _lookup(self.lex.modifiers_before, m.group("pre"), "ar")
        elif self.lang == "ar":
            offset = self.modifier(m, "mod4")
        else:
            offset = self.modifier(m, "pre")
        if self.needs_published() or not isinstance(offset, int):
            return None
        return cal.relative_period(found[0], offset, self.published or dt.date.min)

    def _cnt(self, m: re.Match[str]) -> cal.Period | None:
        english_future = self.lang == "en" and m.group("dir2")
        unit_form = m.group("cu2") if english_future else m.group("cu")
        found = _lookup(self.lex.units, unit_form, self.lang)
        if not isinstance(found, tuple):
            self.rejected = True
            return None
        unit, unit_count = found
        count = _count(m, "cn2" if english_future else "cn", self.lex, self.lang)
        if count is None:
            count = unit_count
        if count == 0:
            self.rejected = True
            return None
        if self.needs_published() or count < 0:
            return None
        future = english_future or (self.lang == "ar" and key(m.group("dir"), "ar") == "بعد")
        return cal.ago_period(unit, -count if future else count, self.published or dt.date.min)

    def _yr(self, m: re.Match[str]) -> cal.Period | None:
        year = int(m.group("y3"))
        hijri = self.lang == "ar" and bool(m.group("hm3"))
        marked = bool(m.group("yw") or m.group("since") or m.group("part"))
        if self.lang == "ar":
            marked = marked or hijri or bool(m.group("gm3"))
        if not marked and _previous_word(self.normed, m.start()) not in _YEAR_LEADS[self.lang]:
            self.rejected = True
            return None
        if hijri:
            return cal.hijri_year(year)
        lowest = 1000 if m.group("yw") else 1800
        if not lowest <= year <= 2100:
            self.rejected = True
            return None
        return cal.year_period(year)

    def _bare(self, m: re.Match[str]) -> cal.Period | None:
        found = _lookup(self.lex.units, m.group("u3"), self.lang)
        if not m.group("part") or not isinstance(found, tuple):
            self.rejected = True
            return None
        if self.needs_published():
            return None
        return cal.relative_period(found[0], 0, self.published or dt.date.min)


def _as_date(published: dt.date | dt.datetime | str | None) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    return dt.date.fromisoformat(published[:10])


def _resolved(period: cal.Period | None) -> Resolved:
    if period is None:
        return None, None
    return cal.period_value(period), (period[0].isoformat(), period[1].isoformat())


_WORD_SPAN = re.compile(r"\w+")
_LOOKBACK_CHARS = 60
_LOOKBACK_WORDS = 5
_CLITICS = "وفبلك"


def _opens(word: str, lang: str, openers: frozenset[str]) -> bool:
    """Whether a word, or the word without one or two proclitics, may open a date."""
    if lang == "en":
        return word.lower() in openers or word[0].isdigit()
    if word in openers or word[0].isdigit():
        return True
    for cut in (1, 2):
        if len(word) <= cut + 1 or word[cut - 1] not in _CLITICS:
            return False
        rest = word[cut:]
        if rest in openers or ("ا" + rest) in openers:
            return True
    return False


def _candidates(normed: str, lang: str) -> Iterator[tuple[int, list[int]]]:
    """Each core word's position and the words just before it that may open a date."""
    openers = start_words(lang)
    for position in core_positions(normed, lang):
        window_start = max(0, position - _LOOKBACK_CHARS)
        words = list(_WORD_SPAN.finditer(normed, window_start, position))[-_LOOKBACK_WORDS:]
        starts = [w.start() for w in words if _opens(w.group(), lang, openers)]
        starts.append(position)
        yield position, starts


def find_dates(
    text: str, lang: str, published: dt.date | dt.datetime | str | None
) -> list[DateValue]:
    """Every temporal expression in ``text``, with exact character offsets and its value.

    ``lang`` is ``"ar"`` or ``"en"``; ``published`` anchors relative expressions (``None``
    leaves them unresolved). A preposition before a date (في, on, in) stays out of the span;
    منذ / since stays in, as it is part of what the expression says.
    """
    language = _lang(lang)
    anchor = _as_date(published)
    normed, dropped = normalize(text)
    found: list[DateValue] = []
    compiled = pattern(language)
    resume = 0
    for core_at, starts in _candidates(normed, language):
        if core_at < resume:
            continue
        for candidate in starts:
            if candidate < resume:
                continue
            match = compiled.match(normed, candidate)
            if match is None or match.end() <= core_at:
                continue
            resolver = _Resolver(normed, language, anchor)
            period = resolver.period(match)
            if resolver.rejected:
                continue
            resume = match.end()
            found.append(_date_value(text, normed, dropped, match, language, period))
            break
    return found


def _date_value(
    text: str,
    normed: str,
    dropped: list[int] | None,
    match: re.Match[str],
    language: str,
    period: cal.Period | None,
) -> DateValue:
    if match.group("since"):
        start = match.start("since")
    elif language == "ar":
        # After ل the article's alif is dropped (للعام): the span keeps that ل.
        start = match.end("cl")
        if match.group("cl").endswith("ل") and normed.startswith("ل", start):
            start -= 1
    else:
        start = match.start()
    end = match.end()
    if dropped is not None:
        start = original_offset(start, dropped)
        end = original_offset(end - 1, dropped) + 1
        # Diacritics on the last letter (غداً) belong to the expression.
        while end < len(text) and _DROPPED_MARK.match(text[end]):
            end += 1
    value, span_range = _resolved(period)
    return DateValue(start, end, text[start:end], value, span_range)


def resolve_date_expression(
    expr: str, lang: str, published: dt.date | dt.datetime | str | None
) -> Resolved | None:
    """The value and range of one expression, or ``None`` when it cannot be resolved.

    The project's own grammar comes first; when it does not cover the whole expression,
    dateparser is asked (cached), but never for a relative expression without a publication date.
    """
    anchor = _as_date(published)
    stripped = expr.strip()
    dates = find_dates(stripped, lang, anchor)
    if dates:
        best = max(dates, key=lambda d: d.end - d.start)
        leftover = (stripped[: best.start] + stripped[best.end :]).split()
        if len(leftover) <= 1 and best.value is not None:
            return best.value, best.range
        if len(leftover) <= 1:
            return None
    return _dateparser_fallback(stripped, _lang(lang), anchor)


@lru_cache(maxsize=4096)
def _dateparser_fallback(expr: str, lang: str, published: dt.date | None) -> Resolved | None:
    has_year = re.search(r"[0-9٠-٩]{4}", expr) is not None
    if published is None and not has_year:
        return None
    import dateparser  # slow to import, and only needed for expressions the grammar misses

    base = dt.datetime.combine(published or dt.date.today(), dt.time())
    parser = dateparser.DateDataParser(
        languages=[lang],
        settings={"RELATIVE_BASE": base, "DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"},
    )
    data = parser.get_date_data(expr)
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    precision = data.period or "day"
    if precision == "year":
        return _resolved(cal.year_period(day.year))
    if precision == "month":
        return _resolved(cal.month_period(day.year, day.month))
    if precision == "week":
        return _resolved(cal.week_period(day))
    return _resolved(cal.day_period(day))
