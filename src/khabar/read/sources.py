"""Where articles come from: files, directories, globs, ``.gz`` files and stdin.

:func:`iter_articles` turns a list of input names into :class:`Article` objects
and :class:`Failure` records, in a stable order. Nothing is skipped silently:
every input that cannot be read becomes a Failure with its reason.
"""

from __future__ import annotations

import glob
import gzip
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from khabar.errors import InputError, InputTooLargeError
from khabar.read.article import Article, Failure
from khabar.read.encoding import decode_bytes
from khabar.read.html import looks_like_html, read_html
from khabar.read.records import iter_json_records, iter_jsonl_records

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

STDIN = "-"


def iter_articles(
    inputs: Iterable[str], max_bytes: int = 10_000_000
) -> Iterator[Article | Failure]:
    """Articles and failures from file names, directories, globs, or ``-`` for stdin."""
    for name in inputs:
        if name == STDIN:
            yield from _from_bytes(sys.stdin.buffer.read(), "<stdin>", "", max_bytes)
            continue
        path = Path(name)
        if path.is_dir():
            for child in _walk(path):
                yield from _from_file(child, max_bytes)
        elif path.exists():
            yield from _from_file(path, max_bytes)
        elif glob.has_magic(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield Failure(name, "not-found", "no file matches this pattern")
            for match in matches:
                yield from iter_articles([match], max_bytes)
        else:
            yield Failure(name, "not-found", "no such file or directory")


def _walk(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and not path.name.startswith(".") and _suffix(path) in KNOWN_SUFFIXES:
            yield path


def _suffix(path: Path) -> str:
    """The format suffix, looking through ``.gz`` (``a.jsonl.gz`` -> ``.jsonl``)."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def _from_file(path: Path, max_bytes: int) -> Iterator[Article | Failure]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes and not path.name.lower().endswith((".jsonl", ".jsonl.gz", ".gz")):
            raise InputTooLargeError(
                origin,
                f"{size:,} bytes is over the limit of {max_bytes:,} "
                "(raise it with --max-bytes or the max_input_bytes setting)",
            )
        data = path.read_bytes()
        if path.name.lower().endswith(".gz"):
            data = _gunzip(data, origin, max_bytes)
    except InputError as exc:
        yield Failure(origin, exc.reason, exc.message)
        return
    except OSError as exc:
        yield Failure(origin, "unreadable", exc.strerror or str(exc))
        return
    yield from _from_bytes(data, origin, _suffix(path), max_bytes)


def _gunzip(data: bytes, origin: str, max_bytes: int) -> bytes:
    # Corpora are large: a JSON Lines corpus may exceed the per-article limit.
    limit = max_bytes * 100 if origin.lower().endswith((".jsonl.gz", ".ndjson.gz")) else max_bytes
    try:
        inflated = gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(origin, f"not a readable gzip file: {exc}") from exc
    if len(inflated) > limit:
        raise InputTooLargeError(origin, f"decompresses to over {limit:,} bytes")
    return inflated


def _from_bytes(
    data: bytes, origin: str, suffix: str, max_bytes: int
) -> Iterator[Article | Failure]:
    is_corpus = suffix in JSONL_SUFFIXES
    try:
        text = decode_bytes(data, origin, max_bytes * 100 if is_corpus else max_bytes)
        if suffix in JSONL_SUFFIXES:
            yield from iter_jsonl_records(text, origin)
        elif suffix in JSON_SUFFIXES or (not suffix and text.lstrip().startswith(("{", "["))):
            yield from iter_json_records(text, origin)
        elif suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
            yield read_html(text, origin)
        else:
            yield read_text(text, origin)
    except InputError as exc:
        yield Failure(origin, exc.reason, exc.message)


def read_text(text: str, origin: str) -> Article:
    """Plain text; its first line may be the headline (the clean stage decides)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return Article(body=text, origin=origin, headline_first_line=True)
