"""The fast scan for date core words finds exactly what the core pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.resolve.dates_grammar import core_pattern, core_positions
from khabar.resolve.dates_lexicon import normalize

_PIECES = [
    "يوم",
    "الاثنين",
    "والخميس",
    "للعام",
    "لل",
    "العام",
    "عام",
    "2015",
    "12/3/2015",
    "5-3",
    "1.2",
    "يناير",
    "أمس",
    "غداً",
    "الماضي",
    "شهر",
    "بعد",
    "سنوات",
    "Monday",
    "January",
    "last",
    "week",
    "x",
    " ",
    "\n",
    "/",
    ".",
    "-",
    "،",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_core_positions_match_the_core_pattern(text: str) -> None:
    normed = normalize(text)[0]
    for lang in ("ar", "en"):
        expected = [hit.start() for hit in core_pattern(lang).finditer(normed)]
        assert list(core_positions(normed, lang)) == expected
