"""The trigger and cue matchers' fast paths give what the plain rules give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.events.lexicon import (
    _AR_IMPERFECT,
    _AR_PREFIXES,
    _ar_keys,
    _ar_suffix_variants,
    glue,
    load_status_cues,
    load_triggers,
)


def _plain_ar_keys(word: str) -> tuple[tuple[str, str], ...]:
    """_ar_keys as first written: every prefix tried, then a stable sort by prefix length."""
    stems = []
    for prefix, proc in _AR_PREFIXES:
        if prefix and not word.startswith(prefix):
            continue
        stem = word[len(prefix) :]
        if len(stem) < (2 if not proc else 3):
            continue
        if proc == "س" and stem[0] not in _AR_IMPERFECT:
            continue
        stems.append((prefix, stem))
    stems.sort(key=lambda item: len(item[0]))
    ranked = [
        (len(prefix) + stripped, key, prefix)
        for prefix, stem in stems
        for stripped, key in _ar_suffix_variants(stem)
    ]
    ranked.sort(key=lambda item: item[0])
    keys: dict[str, str] = {}
    for _, key, prefix in ranked:
        keys.setdefault(key, prefix)
    return tuple(keys.items())


# Letters that open clitics, end pronouns or plurals, and a few others.
_LETTERS = st.text(alphabet="وفبلكسالتيهمنأةد", min_size=1, max_size=9)


@settings(max_examples=500, deadline=None)
@given(_LETTERS)
def test_keys_equal_the_plain_rule(word: str) -> None:
    assert _ar_keys(word) == _plain_ar_keys(word)


_SENTENCES = [
    # (words, clitic flags): as the segment stage splits them.
    (["و", "أعلن", "ت", "ال", "وزارة", "أن", "ها", "س", "تفرض", "عقوبات"], None),
    (["و", "ال", "رئيس", "قال", "إن", "ه", "لن", "يزور", "ب", "ال", "زيارة"], None),
    (["ب", "ال", "هجوم", "على", "ال", "مدينة", "و", "قتل", "ه"], None),
    (
        ["و", "ال", "جيش", "لا", "يزال", "يحاصر", "ال", "مدينة", "و", "قد", "يهاجم", "ها"],
        [True, True, False, False, False, False, True, False, True, False, False, True],
    ),
    (["ك", "تاب", "ك", "ال", "جديد", "و"], [True, False, True, True, False, True]),
]


def test_glued_matching_equals_plain_matching() -> None:
    for lexicon in (load_triggers("ar"), load_status_cues("ar")):
        for words, clitic in _SENTENCES:
            glued = glue(words, clitic, "ar")
            assert lexicon.match(words, None, clitic, glued) == lexicon.match(words, None, clitic)


def test_glue_joins_prefix_clitics_to_the_next_word() -> None:
    glued = glue(["و", "ال", "رئيس", "قال", "إن", "ه"], None, "ar")
    assert glued.texts == ["والرئيس", "قال", "إن", "ه"]
    assert glued.stems == [2, 3, 4, 5]
    # A clitic word the segmenter did not mark stays a word of its own.
    kept = glue(["و", "قال"], [False, False], "ar")
    assert kept.texts == ["و", "قال"]
    assert glue(["and", "the", "minister"], None, "en").texts == ["and", "the", "minister"]


def test_matching_finds_a_glued_trigger_and_its_cue() -> None:
    words = ["و", "س", "يزور", "ال", "رئيس", "موسكو"]
    clitic = [True, True, False, True, False, False]
    glued = glue(words, clitic, "ar")
    (match,) = load_triggers("ar").match(words, None, clitic, glued)
    assert (match.start_word, match.pos, match.future_prefix) == (2, "verb", True)
