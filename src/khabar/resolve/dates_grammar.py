"""The detection grammar: one compiled regex per language, built from the date resources.

Each regex is a single alternation tried left to right, most specific form first, so one scan
of the (normalised) text finds every candidate. Named groups carry the parts that resolution
needs; which alternative matched is told by its outer group name (``num``, ``dm``, ``my``,
``wk``, ``fix``, ``unit``, ``cnt``, ``yr``, ``ana``, ``bare``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from khabar.resolve.dates_lexicon import alternation, lexicon, norm

_SAME_OR_NEXT = ("التالي", "التالية", "نفسه", "نفسها", "ذاته", "ذاتها")
KINDS = ("num", "dm", "my", "wk", "fix", "unit", "cnt", "yr", "ana", "bare")
YEAR = r"[12][0-9]{3}"


def _w(word: str) -> str:
    """A literal Arabic word or phrase in its normalised form."""
    return r"\s+".join(re.escape(part) for part in norm(word).split())


def _year_suffix(index: int) -> str:
    hijri = "|".join([_w("هـ"), _w("هجرية"), _w("هجري"), _w("للهجرة")])
    gregorian = "|".join([_w("ميلادية"), _w("ميلادي"), _w("للميلاد"), _w("م")])
    return (
        rf"(?:\s*(?P<hm{index}>{hijri})(?!\w))?"
        rf"(?:\s*(?P<gm{index}>{gregorian})(?!\w))?"
    )


@cache
def arabic_pattern() -> re.Pattern[str]:
    lex = lexicon("ar")
    mon = alternation(lex.months)
    wd = alternation(lex.weekdays)
    ordinal = alternation(lex.ordinals)
    number = alternation(lex.numbers)
    units = alternation(lex.units)
    rel = alternation(lex.relative)
    mod_after = alternation(lex.modifiers_after)
    mod_before = alternation(lex.modifiers_before)
    part = alternation(lex.parts)
    tod = alternation(lex.times_of_day)
    year_word = rf"(?:{alternation([norm('العام'), norm('السنة')])}|{_w('عام')}|{_w('سنة')})"
    unit_def = alternation([norm(w) for w in ("الأسبوع", "الشهر", "العام", "السنة")])
    day_word = _w("يوم")
    month_word = _w("شهر")
    of = _w("من")
    dual = r"\s*(?:[/\\\-–]|\()\s*"
    year_tail = rf"(?:\s*[،,]?\s*(?:{of}\s+)?(?:{year_word}\s+)?"
    anaphoric = (
        rf"(?:{unit_def}|{alternation([norm('اليوم'), norm('الفترة')])})\s+"
        rf"{alternation([norm(w) for w in _SAME_OR_NEXT])}"
        rf"|{alternation([norm('ذلك'), norm('تلك')])}\s+"
        rf"{alternation([norm(w) for w in ('اليوم', 'الأسبوع', 'الشهر', 'العام', 'السنة')])}"
    )
    body = rf"""
    (?<!\w)
    (?:[وف]?(?P<since>{_w("منذ")})\s+)?
    (?P<cl>[وف]?[بلك]?)
    (?:(?P<part>{part})\s+)?
    (?:(?P<tod>{tod})\s+)?
    (?:
      (?P<num>(?:(?P<nd>[0-9]{{1,2}})\s?(?P<sep>[/.\-])\s?(?P<nmo>[0-9]{{1,2}})\s?(?P=sep)\s?
              (?P<ny>[0-9]{{4}})|(?P<iy>[0-9]{{4}})-(?P<imo>[0-9]{{1,2}})-(?P<id>[0-9]{{1,2}})
              ){_year_suffix(0)})
     |(?P<dm>(?:(?:{day_word}\s+)?(?P<wd1>{wd})\s*[،,]?\s*)?(?:{day_word}\s+)?
              (?:(?P<dd>[0-9]{{1,2}})|(?P<do>{ordinal})(?:\s+{of})?)\s+(?:{month_word}\s+)?
              (?:(?P<m1>{mon})(?:{dual}(?P<m2>{mon})\s*\)?)?
                 {year_tail}(?P<y1>{YEAR}){_year_suffix(1)})?
               |(?P<relm>(?:{_w("هذا")}\s+)?{alternation([norm("الشهر")])})
                 (?:\s+(?P<mod1>{mod_after}))?))
     |(?P<my>(?P<mw>{month_word}\s+)?(?P<m3>{mon})(?:{dual}(?P<m4>{mon})\s*\)?)?
              (?:{year_tail}(?P<y2>{YEAR}){_year_suffix(2)})|\s+(?P<mod2>{mod_after}))?)
     |(?P<fix>(?:{day_word}\s+)?(?P<rel>{rel})(?:\s*[،,]?\s*(?P<wd3>{wd}))?)
     |(?P<wk>(?:{day_word}\s+)?(?P<wd2>{wd})(?:\s+(?P<mod3>{mod_after}))?)
     |(?P<ana>{anaphoric})
     |(?P<unit>(?P<pre>{mod_before})\s+(?P<u1>{unit_def})|(?P<u2>{unit_def})\s+(?P<mod4>{mod_after}))
     |(?P<cnt>(?P<dir>{alternation([norm(w) for w in ("قبل", "منذ", "بعد")])})\s+
              (?:(?P<cn>[0-9]{{1,3}}|{number})\s+)?(?P<cu>{units}))
     |(?P<yr>(?:(?P<yw>{year_word})\s+)?(?P<y3>{YEAR}){_year_suffix(3)})
     |(?P<bare>(?P<u3>{unit_def}))
    )
    (?!\w)
    """
    return re.compile(body, re.VERBOSE)


@cache
def english_pattern() -> re.Pattern[str]:
    lex = lexicon("en")
    mon = alternation(lex.months, arabic_article=False)
    wd = alternation(lex.weekdays, arabic_article=False)
    ordinal = alternation(lex.ordinals, arabic_article=False)
    number = alternation(lex.numbers, arabic_article=False)
    units = alternation(lex.units, arabic_article=False)
    rel = alternation(lex.relative, arabic_article=False)
    mod_before = alternation(lex.modifiers_before, arabic_article=False)
    part = alternation(lex.parts, arabic_article=False)
    tod = alternation(lex.times_of_day, arabic_article=False)
    suffix = r"(?:st|nd|rd|th)?"
    body = rf"""
    (?<![\w-])
    (?:(?P<since>since)\s+)?
    (?:(?P<part>{part})(?:\s+|-))?
    (?:
      (?P<num>(?P<iy>[0-9]{{4}})-(?P<imo>[0-9]{{1,2}})-(?P<id>[0-9]{{1,2}}))
     |(?P<dm>(?:(?P<wd1>{wd}),?\s+)?
              (?:(?P<m1>{mon})\.?\s+(?P<dd>[0-9]{{1,2}}){suffix}
               |(?:the\s+)?(?:(?P<dd2>[0-9]{{1,2}}){suffix}|(?P<do>{ordinal}))(?:\s+of)?\s+
                (?P<m2>{mon})\.?)
              (?:,?\s+(?P<y1>{YEAR}))?)
     |(?P<my>(?:(?P<pre2>{mod_before})\s+)?(?P<m3>{mon})\.?(?:,?\s+(?P<y2>{YEAR}))?)
     |(?P<fix>{rel})
     |(?P<wk>(?:(?P<pre3>{mod_before})\s+)?(?P<wd2>{wd})(?:\s+(?P<tod>{tod}))?)
     |(?P<ana>(?:the\s+(?:following|next|previous)|that)\s+(?:day|week|month|year))
     |(?P<unit>(?P<pre>{mod_before})\s+(?P<u1>week|month|year))
     |(?P<cnt>(?P<cn>[0-9]{{1,3}}|{number})\s+(?P<cu>{units})\s+(?P<dir>ago)
              |(?P<dir2>in)\s+(?P<cn2>[0-9]{{1,3}}|{number})\s+(?P<cu2>{units}))
     |(?P<yr>(?:(?P<yw>the\s+year)\s+)?(?P<y3>{YEAR}))
     |(?P<bare>the\s+(?P<u3>week|month|year))
    )
    (?![\w-])
    """
    return re.compile(body, re.VERBOSE | re.IGNORECASE)


def pattern(lang: str) -> re.Pattern[str]:
    return english_pattern() if lang == "en" else arabic_pattern()


@cache
def core_pattern(lang: str) -> re.Pattern[str]:
    """Words that hold a date (months, weekdays, deictic words, units) and year-like numbers.

    The full grammar is only tried just before and at these, which keeps it off most of the
    text: one fast scan finds the few places worth a closer look.
    """
    words = core_words(lang)
    digits = r"(?<![\w/.\-])[0-9]{4}(?!\w)|(?<!\w)[0-9]{1,2}\s?[/.\-]\s?[0-9]"
    if lang == "en":
        core = alternation(words, arabic_article=False)
        return re.compile(rf"(?<!\w){core}(?!\w)|{digits}", re.IGNORECASE)
    core = alternation(words)
    return re.compile(rf"(?<!\w)[وفبلك]{{0,2}}(?:ال|(?<=ل)ل)?{core}(?!\w)|{digits}")


@cache
def _core_after_gap(lang: str) -> re.Pattern[str]:
    # The core pattern behind the non-word character that precedes it. Every hit starts a
    # word, so this finds the same hits; but a pattern that opens with a character class
    # lets the regex engine skip through words in C instead of trying every position.
    core = core_pattern(lang)
    return re.compile(rf"\W(?:{core.pattern})", core.flags)


def core_positions(normed: str, lang: str) -> Iterator[int]:
    """Where :func:`core_pattern` matches in ``normed``, in order, as its finditer would."""
    first = core_pattern(lang).match(normed)
    resume = 0
    if first is not None:
        yield 0
        resume = first.end()
    # A hit ends on a word character, so the next one starts a character later at least:
    # the non-word character in front of it is never inside the previous hit.
    for hit in _core_after_gap(lang).finditer(normed, resume):
        yield hit.start() + 1


# Words of multi-word date forms that are common on their own (من in أول من أمس, the ordinal
# in كانون الأول); every form keeps at least one other, distinctive word as its core.
_NOT_CORE = frozenset(
    norm(word)
    for word in (
        "من",
        "بعد",
        "ذي",
        "ذو",
        "أول",
        "الأول",
        "ثاني",
        "الثاني",
        "الأولى",
        "الآخرة",
        "الثانية",
        "الآخر",
        "the",
        "day",
        "before",
        "after",
        "last",
        "this",
    )
)
_AR_OPENERS = ("منذ", "يوم", "شهر", "هذا", "هذه", "قبل", "بعد", "ذلك", "تلك", "عام", "سنة")
_EN_OPENERS = ("since", "the", "in", "that", "a", "an", "last", "this", "next")


@cache
def core_words(lang: str) -> frozenset[str]:
    lex = lexicon(lang)
    return frozenset(
        word
        for table in (lex.months, lex.weekdays, lex.relative, lex.units)
        for form in table
        for word in form.split()
        if len(word) > 1 and word not in _NOT_CORE
    )


@cache
def start_words(lang: str) -> frozenset[str]:
    """Words that may open a date expression before its core word (الحادي, منذ, منتصف)."""
    lex = lexicon(lang)
    words = set(core_words(lang))
    for table in (
        lex.months,
        lex.weekdays,
        lex.relative,
        lex.ordinals,
        lex.numbers,
        lex.modifiers_before,
        lex.parts,
        lex.times_of_day,
    ):
        words |= {form.split()[0] for form in table}
    words |= {norm(word) for word in (_EN_OPENERS if lang == "en" else _AR_OPENERS)}
    return frozenset(words)
