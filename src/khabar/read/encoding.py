"""Bytes to text: refuse empty, binary and oversized input; detect the encoding.

Arabic news still arrives in Windows-1256 and ISO-8859-6 as well as UTF-8 and
UTF-16. UTF-8 is tried strictly first (it almost never decodes text in another
encoding by accident); otherwise charset-normalizer chooses among the
encodings news actually uses.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from khabar.errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

# Candidate encodings after UTF-8: Arabic single-byte sets first, then Western ones.
CANDIDATE_ENCODINGS = ("utf_16", "cp1256", "iso8859_6", "cp1252", "iso8859_1")

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters that never occur in text (tab, newline, CR, form feed are fine).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13}


def decode_bytes(data: bytes, origin: str, max_bytes: int) -> str:
    """Decode ``data`` read from ``origin``; raise an :class:`InputError` subclass on bad input."""
    if len(data) > max_bytes:
        raise InputTooLargeError(
            origin,
            f"{len(data):,} bytes is over the limit of {max_bytes:,} "
            "(raise it with --max-bytes or the max_input_bytes setting)",
        )
    if not data.strip():
        raise EmptyInputError(origin, "the input is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode(data, encoding, origin)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _decode(data, utf16, origin)
    _refuse_binary(data, origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    if best is None:
        raise EncodingError(
            origin,
            "cannot tell its character encoding (tried UTF-8, UTF-16, Windows-1256, "
            "ISO-8859-6, Windows-1252); convert it to UTF-8",
        )
    return str(best)


def _decode(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            origin, f"declares {encoding} but does not decode as it: {exc}"
        ) from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """Spot UTF-16 without a BOM by its high bytes: 0x00 for Latin text, 0x06 for Arabic.

    Returns the codec name, ``utf-16-le`` when the high bytes sit at odd
    positions, or ``None`` when the data does not look like UTF-16.
    """
    sample = data[:2000]
    if len(sample) < 4 or len(sample) % 2:
        return None
    half = len(sample) / 2
    even, odd = sample[0::2], sample[1::2]
    for high in (0, 6):
        even_share, odd_share = even.count(high) / half, odd.count(high) / half
        if odd_share > 0.3 and even_share < 0.05:
            return "utf-16-le"
        if even_share > 0.3 and odd_share < 0.05:
            return "utf-16-be"
    return None


def _refuse_binary(data: bytes, origin: str) -> None:
    sample = data[:8192]
    if b"\x00" in sample:
        raise BinaryInputError(origin, "looks binary (contains NUL bytes), not a text article")
    controls = sum(1 for byte in sample if byte in _CONTROL)
    if controls > max(8, len(sample) // 100):
        raise BinaryInputError(origin, "looks binary (many control bytes), not a text article")
