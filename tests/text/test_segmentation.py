"""Sentence splitting, tokens, Arabic clitics and normalisation (texts written by the team)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.text.normalize import normalize, normalize_ar
from khabar.text.segment import segment
from khabar.text.sentences import split_sentences

AR_TEXT = (
    "قال وزير الخارجية إن الوفد سيصل إلى واشنطن غدا. وأضاف للصحفيين: «لن نتراجع. سنواصل»."
    "\nوبلغت نسبة النمو 3.5 في المئة و٣٫٥ في العام الماضي، بحسب أ ف ب."
)
EN_TEXT = 'Mr. Smith met U.S. officials on Jan. 5. "We agreed." Talks end Friday.'


def _words(text: str, lang: str = "ar") -> list[tuple[str, bool]]:
    return [(w.text, w.clitic) for s in segment(text, lang) for w in s.words]


def _sentences(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang)]


def test_arabic_sentences_keep_numbers_quotes_and_initials() -> None:
    assert _sentences(AR_TEXT, "ar") == [
        "قال وزير الخارجية إن الوفد سيصل إلى واشنطن غدا.",
        "وأضاف للصحفيين: «لن نتراجع. سنواصل».",
        "وبلغت نسبة النمو 3.5 في المئة و٣٫٥ في العام الماضي، بحسب أ ف ب.",
    ]


def test_english_sentences_skip_abbreviations() -> None:
    assert _sentences(EN_TEXT, "en") == [
        "Mr. Smith met U.S. officials on Jan. 5.",
        '"We agreed."',
        "Talks end Friday.",
    ]


def test_question_marks_and_line_breaks_end_sentences() -> None:
    text = "هل يعود السفير؟ لا أحد يعرف!\nعنوان بلا نقطة\n\nنص آخر"
    assert _sentences(text, "ar") == ["هل يعود السفير؟", "لا أحد يعرف!", "عنوان بلا نقطة", "نص آخر"]


def test_semicolon_is_not_a_boundary_by_default() -> None:
    text = "اجتمع الوزراء؛ ثم غادروا."
    assert len(split_sentences(text, "ar")) == 1
    assert len(split_sentences(text, "ar", semicolon=True)) == 2


def test_root_initial_words_are_not_split() -> None:
    for word in "وزير وكالة وفد واشنطن بيونغ كوريا لبنان فلسطين سوريا ليبيا بوتين سياسة".split():
        assert _words(word) == [(word, False)], word


def test_proclitics_and_article_are_split() -> None:
    assert _words("والرئيس") == [("و", True), ("ال", True), ("رئيس", False)]
    assert _words("بالعراق") == [("ب", True), ("ال", True), ("عراق", False)]
    assert _words("وقال") == [("و", True), ("قال", False)]
    assert _words("بأن") == [("ب", True), ("أن", False)]
    assert _words("سيقوم") == [("س", True), ("يقوم", False)]


def test_lam_alif_convention() -> None:
    words = [w for s in segment("للرئيس", "ar") for w in s.words]
    assert [(w.start, w.end, w.text, w.norm, w.clitic) for w in words] == [
        (0, 1, "ل", "ل", True),
        (1, 2, "ل", "ال", True),
        (2, 6, "رئيس", "رئيس", False),
    ]


def test_enclitic_pronouns() -> None:
    assert _words("فيه") == [("في", False), ("ه", True)]
    assert _words("حكومتها") == [("حكومت", False), ("ها", True)]
    assert _words("لهم") == [("ل", True), ("هم", True)]
    assert _words("اتجاه") == [("اتجاه", False)]
    assert _words("تفاهم") == [("تفاهم", False)]


def test_diacritics_stay_with_their_letter() -> None:
    text = "وَالرَّئِيسُ"
    words = [w for s in segment(text, "ar") for w in s.words]
    assert [w.text for w in words] == ["وَ", "ال", "رَّئِيسُ"]
    assert words[-1].norm == "رئيس"


def test_numbers_and_english_tokens() -> None:
    text = "Russia's GDP grew 3.5% (1,000 units) in the U.S. ٣٫٥"
    tokens = [t.text for s in segment(text, "en") for t in s.tokens]
    assert tokens == [
        "Russia's", "GDP", "grew", "3.5", "%", "(", "1,000", "units", ")", "in", "the", "U.S.", "٣٫٥",
    ]  # fmt: skip
    words = [w for s in segment("Russia's", "en") for w in s.words]
    assert [(w.text, w.norm, w.clitic) for w in words] == [
        ("Russia", "russia", False),
        ("'s", "'s", True),
    ]


def test_normalize_ar() -> None:
    assert normalize_ar("أَحْمَدُ إلى آمنة ٱلقرآن مدرســة") == "احمد الي امنه القران مدرسه"
    assert normalize_ar("٢٠٢٤ ۱۲ ٣٫٥") == "2024 12 3.5"
    assert normalize("Kim JONG Un", "en") == "kim jong un"


# -- properties -----------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("وفبلكسالرئيسحكومةهمنايىأإآ") + list("ًٌٍَُِّْـ") + list(" .!?؟؛،«»\"'\n\t()٣٫5,:-")
    + list("abcMrUS")
)  # fmt: skip
_TEXTS = st.lists(_ALPHABET, max_size=120).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from(["ar", "en"]))
def test_word_offsets_round_trip_and_tokens_do_not_overlap(text: str, lang: str) -> None:
    end = -1
    for sentence in segment(text, lang):
        for token in sentence.tokens:
            assert token.start >= end
            assert text[token.start : token.end] == token.text
            assert "".join(w.text for w in token.words) == token.text
            for word in token.words:
                assert text[word.start : word.end] == word.text
            end = token.end
    covered = "".join(t.text for s in segment(text, lang) for t in s.tokens)
    assert covered == re.sub(r"\s", "", text)


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from(["ar", "en"]))
def test_sentence_splitter_keeps_every_character(text: str, lang: str) -> None:
    spans = split_sentences(text, lang)
    pos = 0
    for start, end in spans:
        assert start < end
        assert text[pos:start].strip() == ""
        assert not text[start].isspace() and not text[end - 1].isspace()
        pos = end
    assert text[pos:].strip() == ""
    assert re.sub(r"\s", "", "".join(text[a:b] for a, b in spans)) == re.sub(r"\s", "", text)


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_normalisation_leaves_text_and_offsets_alone(text: str) -> None:
    before = str(text)
    normalize_ar(text)
    normalize(text, "en")
    assert text == before
    for sentence in segment(text, "ar"):
        for word in sentence.words:
            assert text[word.start : word.end] == word.text
            assert word.norm in (normalize(word.text, "ar"), "ال")


def test_a_listed_word_is_not_a_preposition_with_a_pronoun() -> None:
    # ولي (guardian; ولي العهد, crown prince) is listed whole; لي (to me) is still ل + ي.
    assert _words("ولي العهد")[0] == ("ولي", False)
    assert _words("قال لي") == [("قال", False), ("ل", True), ("ي", True)]
