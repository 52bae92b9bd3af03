"""The fast paths of the text stages: same results as the plain rules, and no slow corners."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text import language
from khabar.text.normalize import AR_TABLE, normalize, normalize_ar
from khabar.text.segment import segment
from khabar.text.sentences import split_sentences
from khabar.text.words import tokenize

_PIECES = [
    "قال",
    "وزير",
    "الخارجية",
    "للرئيس",
    "وبحسب",
    "فيه",
    "كتابه",
    "سيقول",
    "بِالحُكُومَةِ",
    "٣٫٥",
    "3.5",
    "U.S.",
    "Mr.",
    "don't",
    "Smith's",
    "«",
    "»",
    ".",
    "؟",
    "!",
    "…",
    "،",
    "(",
    ")",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\u2028",
    "\t",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


def _best_of(runs: int, work: object) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    return best


def test_sentence_splitting_stays_linear_on_one_long_line() -> None:
    # Many quotations and many stops on one line: checking each stop against every
    # quotation made this quadratic once.
    unit = "قال «إن الحكومة. ستعمل على ذلك» وأضاف د. محمد إن U.S. تدعم الخطة. "
    short, long = unit * 200, unit * 1600
    split_sentences(short, "ar")
    ratio = _best_of(3, lambda: split_sentences(long, "ar")) / _best_of(
        3, lambda: split_sentences(short, "ar")
    )
    # Linear work gives about 8; quadratic work gives about 64.
    assert ratio < 24, ratio


def test_quotations_on_a_long_line_keep_their_stops() -> None:
    unit = "قال «إن الحكومة. ستعمل على ذلك» أمس. "
    text = unit * 500
    spans = split_sentences(text, "ar")
    assert len(spans) == 500
    assert all(text[a:b] == unit.strip() for a, b in spans)


def test_stop_right_before_a_line_break_and_next_line_lower_case() -> None:
    # The character after a stop is looked for on the same line only.
    text = "He met Mr. Smith.\nthen he left. and came back"
    assert [text[a:b] for a, b in split_sentences(text, "en")] == [
        "He met Mr. Smith.",
        "then he left. and came back",
    ]


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_tokens_cover_every_non_space_character_with_exact_offsets(text: str) -> None:
    for lang in ("ar", "en"):
        sentences = segment(text, lang)
        covered = []
        for sentence in sentences:
            for token in sentence.tokens:
                assert text[token.start : token.end] == token.text
                assert token.words and token.words[0].start == token.start
                assert token.words[-1].end == token.end
                for word in token.words:
                    assert text[word.start : word.end] == word.text
                covered.append(token.text)
        assert "".join(covered) == "".join(text.split())


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_cached_tokens_equal_fresh_ones(text: str) -> None:
    # The second call is served from the per-form cache; it must build the same words.
    first = tokenize(text, 0, len(text), "ar")
    assert tokenize(text, 0, len(text), "ar") == first
    middle = len(text) // 2
    part = tokenize(text, middle, len(text), "ar")
    assert all(middle <= t.start and t.end <= len(text) for t in part)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2200)) | st.text())
def test_normalisation_table_matches_the_documented_mapping(text: str) -> None:
    assert normalize_ar(text) == text.translate(AR_TABLE)
    assert normalize(text, "ar") == text.translate(AR_TABLE).casefold()


def test_clearly_arabic_text_skips_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_model() -> None:
        raise AssertionError("py3langid should not be asked")

    monkeypatch.setattr(language, "_identifier", no_model)
    text = "قال وزير الخارجية إن الوفد سيصل إلى واشنطن غدا، بحسب وكالة رويترز. " * 3 + "(Reuters)"
    assert language.is_clearly_arabic(text)
    assert language.identify_language(text) == "ar"
    # Harakat, tatweel and Arabic-Indic digits are not other letters.
    assert language.is_clearly_arabic("قالَ الوزيــر إنّ ٣ وفود وصلت")


@pytest.mark.parametrize(
    "text",
    [
        "رئیس جمهور گفت که پروژه را ادامه می‌دهیم",  # Persian: ی گ پ
        "وزیر اعظم نے کہا کہ حکومت کام کرے گی",  # Urdu: ی ے ک
        "قال الوزير Foreign Minister Sergei Lavrov said on Monday that talks resumed",
        "The minister said on Monday that talks would resume.",
    ],
)
def test_other_scripts_and_mixed_text_go_to_the_model(text: str) -> None:
    assert not language.is_clearly_arabic(text)


def test_persian_is_still_told_apart() -> None:
    assert (
        language.identify_language("رئیس جمهور گفت که پروژه را ادامه می‌دهیم و کار می‌کنیم") != "ar"
    )
    assert language.identify_language("The minister said the talks would resume.") == "en"
    assert language.identify_language("1234 — 5678") == "und"
