"""A disk cache for resources that are slow to build and quick to unpickle.

The actor lexicon takes seconds to build (every name is segmented and keyed) and
a fraction of that to load from a pickle, and every process pays the build: the
CLI, each test worker, each ingest or Ray worker. :func:`cached` keeps the built
object under ``$KHABAR_CACHE_DIR`` (default ``$XDG_CACHE_HOME/khabar``, else
``~/.cache/khabar``); ``KHABAR_CACHE_DIR=off`` turns the cache off.

The key covers every file of the installed package (path, size, modification
time) and the extra input files a caller names, so editing code, data or a user's
own dictionary makes a new entry; a stale build is never served. A cache that
cannot be read or written is skipped silently: it only saves time. Entries are
pickles, so point ``KHABAR_CACHE_DIR`` only at a directory that you alone can write.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

_PACKAGE = Path(__file__).resolve().parent
_FORMAT = "1"


def cache_dir() -> Path | None:
    """Where built resources are kept; None when the cache is turned off."""
    configured = os.environ.get("KHABAR_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "none") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "khabar"


@cache
def _package_stamp() -> str:
    digest = hashlib.sha1(_FORMAT.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            _stamp(digest, path)
    return digest.hexdigest()


def _stamp(digest: hashlib._Hash, path: Path) -> None:
    try:
        stat = path.stat()
    except OSError:
        digest.update(f"{path}|missing\n".encode())
        return
    digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())


def cache_key(name: str, inputs: Iterable[Path] = ()) -> str:
    digest = hashlib.sha1(f"{name}|{_package_stamp()}\n".encode())
    for path in inputs:
        _stamp(digest, path.resolve())
    return f"{name}-{digest.hexdigest()[:20]}"


def cached(name: str, build: Callable[[], T], inputs: Iterable[Path] = ()) -> T:
    """``build()``, or the pickle of an earlier build with the same code, data and inputs."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{cache_key(name, inputs)}.pickle"
    try:
        with path.open("rb") as handle:
            loaded: T = pickle.load(handle)
            return loaded
    except Exception:
        # Any unreadable entry (missing, truncated, written by another Python or an older
        # class layout) is rebuilt: the cache only saves time.
        pass
    built = build()
    _store(directory, path, built)
    return built


def _store(directory: Path, path: Path, value: object) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
        # Write a private file, then rename: readers never see half a pickle, and two
        # processes building at once both succeed (the last rename wins, same content).
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".build-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        return
    _prune(directory, keep=path)


def _prune(directory: Path, keep: Path) -> None:
    """Drop older builds of the same resource so the cache does not grow with each edit."""
    stem = keep.name.rsplit("-", 1)[0]
    for other in directory.glob(f"{stem}-*.pickle"):
        if other != keep:
            other.unlink(missing_ok=True)
