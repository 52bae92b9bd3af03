import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.errors import BinaryInputError, EmptyInputError, InputTooLargeError
from khabar.read.encoding import decode_bytes

ARABIC = "قالت وزارة الخارجية إن الوفد سيصل إلى القاهرة يوم الأحد لبحث وقف إطلاق النار في غزة."
ENGLISH = "The ministry said the delegation would arrive in Cairo on Sunday — talks résumé."


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "cp1256", "iso8859_6", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_arabic_in_every_common_encoding_decodes(encoding: str) -> None:
    assert decode_bytes(ARABIC.encode(encoding), "a.txt", 10**6).lstrip("\ufeff") == ARABIC


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16-le", "utf-16-be"])
def test_english_decodes(encoding: str) -> None:
    assert decode_bytes(ENGLISH.encode(encoding), "e.txt", 10**6) == ENGLISH


def test_bom_is_honoured() -> None:
    data = codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le")
    assert decode_bytes(data, "a.txt", 10**6) == ARABIC


@pytest.mark.parametrize("data", [b"", b"  \n\t "])
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(EmptyInputError, match="empty"):
        decode_bytes(data, "e.txt", 10**6)


def test_binary_input_is_refused_with_its_name() -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(BinaryInputError, match=r"^img\.png: looks binary"):
        decode_bytes(data, "img.png", 10**6)


def test_oversized_input_is_refused_and_says_how_to_raise_the_limit() -> None:
    with pytest.raises(InputTooLargeError, match="--max-bytes"):
        decode_bytes(b"a" * 101, "big.txt", 100)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_any_utf8_text_round_trips(text: str) -> None:
    if not text.strip():
        return
    assert decode_bytes(text.encode("utf-8"), "t", 10**7) == text
