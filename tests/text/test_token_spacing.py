"""Token offsets under every kind of white space: the tokenizer measures the space before a
token with ``str.lstrip``, which must take exactly what the regex's ``\\s`` took."""

from __future__ import annotations

import re
import sys

import pytest

from khabar.text.words import tokenize

_SPACES = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def test_regex_white_space_is_str_white_space() -> None:
    space = re.compile(r"\s")
    disagree = [
        hex(c)
        for c in range(sys.maxunicode + 1)
        if not 0xD800 <= c <= 0xDFFF and bool(space.match(chr(c))) != chr(c).isspace()
    ]
    assert disagree == []


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_offsets_hold_after_any_white_space(lang: str) -> None:
    pieces = ["وقال", "الوزير", "«نعم»", "3.5", "Smith's", "."]
    plain = " ".join(pieces)
    expected = [t.text for t in tokenize(plain, 0, len(plain), lang)]
    for space in _SPACES:
        text = space + (space * 2).join(pieces) + space
        tokens = tokenize(text, 0, len(text), lang)
        assert [t.text for t in tokens] == expected, hex(ord(space))
        for token in tokens:
            assert text[token.start : token.end] == token.text
            for word in token.words:
                assert text[word.start : word.end] == word.text
