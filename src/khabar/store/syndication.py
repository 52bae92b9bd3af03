"""Syndication: the same story republished by several outlets, or translated, grouped as one.

Each article gets MinHash signatures (own numpy MinHash, see ``minhash``) of two kinds:

``text``
    word 3-shingles of the folded body: finds wire copies with small edits,
    other headlines, added or cut paragraphs.
``entity``
    language-independent features of the analysed document (numbers, canonical
    actor names or Wikidata ids, places, event types, resolved dates): finds a
    translation of a story, which shares no words with it. Used only between
    articles in different languages, and only when both have enough features.

Signatures are split into LSH bands stored in ``lsh_bands``, so a new article
finds its candidates with one indexed query, across runs and processes; each
candidate is then checked by the Jaccard similarity its signature estimates.
An article joins the group of its best match (``articles.group_pk``, the pk of
the group's first article) or starts its own. Counting distinct ``group_pk``
counts stories, not copies.
"""

from __future__ import annotations

import functools
import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, bindparam, select, update

from khabar.document import Document
from khabar.store.schema import articles, lsh_bands, minhashes
from khabar.store.textnorm import fold, words

NUM_PERM = 64
BANDS = 16  # 16 bands of 4 rows: pairs above Jaccard ~0.5 usually share a band.
ROWS = NUM_PERM // BANDS
SEED = 20231
SHINGLE = 3
MIN_SHINGLES = 8
MIN_ENTITY_FEATURES = 6
THRESHOLDS = {"text": 0.5, "entity": 0.6}
MAX_CANDIDATES = 64
MAX_WORDS = 400

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(slots=True)
class Signature:
    kind: str
    values: np.ndarray  # uint32, NUM_PERM long

    def bands(self) -> list[tuple[int, int]]:
        return [(b, band_key(self.values[b * ROWS : (b + 1) * ROWS])) for b in range(BANDS)]


def band_key(values: np.ndarray) -> int:
    digest = hashlib.blake2b(values.astype("<u4").tobytes(), digest_size=8).digest()
    return int.from_bytes(digest, "little", signed=True)


@functools.cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # Fixed affine permutations (a*x + b mod a Mersenne prime): signatures stay comparable
    # across processes and runs. datasketch does the same, but costs ~15 ms an article here
    # (one SHA-1 per shingle in Python) and a second of scipy import; CRC-32 and numpy ~1 ms.
    rng = np.random.default_rng(SEED)
    a = rng.integers(1, _PRIME, NUM_PERM, dtype=np.uint64)
    b = rng.integers(0, _PRIME, NUM_PERM, dtype=np.uint64)
    return a, b


_PRIME = np.uint64((1 << 31) - 1)


def minhash(features: set[str]) -> np.ndarray:
    """The MinHash signature (``NUM_PERM`` uint32 values) of a non-empty feature set."""
    a, b = _permutations()
    hashes = (
        np.fromiter(
            (zlib.crc32(f.encode("utf-8")) for f in features), dtype=np.uint64, count=len(features)
        )
        % _PRIME
    )
    # a < 2^31 and hashes < 2^31, so the products fit in 64 bits.
    values = (hashes[:, None] * a[None, :] + b[None, :]) % _PRIME
    return values.min(axis=0).astype(np.uint32)


def text_features(folded_body: str) -> set[str]:
    # The first MAX_WORDS words: copies share their lead, and long texts cost no more.
    tokens = words(folded_body, folded=True)[:MAX_WORDS]
    return {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}


def entity_features(doc: Document, folded_body: str) -> set[str]:
    """Features a translation keeps: numbers, canonical actors and places, event types, dates."""
    features = {f"n:{n}" for n in _NUMBER.findall(folded_body) if len(n) >= 2}
    for actor in doc.actors:
        if actor.kind != "anonymous":
            features.add(f"a:{actor.wikidata or fold(actor.name)}")
    for place in doc.places:
        features.add(f"p:{place.geonames or fold(place.name)}")
    features.update(f"e:{event.type}" for event in doc.events)
    features.update(f"d:{date.value}" for date in doc.dates if date.value)
    return features


def signatures(folded_body: str, doc: Document | None) -> list[Signature]:
    """Signatures of an article from its :func:`~khabar.store.textnorm.fold`-ed body."""
    result = []
    shingles = text_features(folded_body)
    if len(shingles) >= MIN_SHINGLES:
        result.append(Signature("text", minhash(shingles)))
    if doc is not None:
        entities = entity_features(doc, folded_body)
        if len(entities) >= MIN_ENTITY_FEATURES:
            result.append(Signature("entity", minhash(entities)))
    return result


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the feature sets behind two signatures."""
    return float(np.mean(a == b))


@dataclass(slots=True)
class Pending:
    """An article of the batch being written: its pk, language and signatures."""

    pk: int
    language: str | None
    sigs: list[Signature]


def assign_groups(conn: Connection, batch: list[Pending]) -> dict[int, int]:
    """Put each article of ``batch`` in a syndication group and store its signatures.

    Candidates come from the store (one indexed query per signature) and from the
    earlier articles of the same batch (in memory), so a batch needs few statements.
    Returns ``{pk: group_pk}``.
    """
    groups: dict[int, int] = {}
    local_bands: dict[tuple[str, int, int], list[int]] = {}
    local_sigs: dict[tuple[str, int], tuple[np.ndarray, str | None]] = {}
    for item in batch:
        best: tuple[float, int] | None = None
        for sig in item.sigs:
            match = _best_match(conn, item.pk, item.language, sig)
            local = _best_local(item, sig, local_bands, local_sigs)
            for candidate in (match, local):
                if candidate is not None and (best is None or candidate > best):
                    best = candidate
        group = item.pk
        if best is not None:
            group = groups.get(best[1]) or _stored_group(conn, best[1])
        groups[item.pk] = group
        for sig in item.sigs:
            local_sigs[(sig.kind, item.pk)] = (sig.values, item.language)
            for band, key in sig.bands():
                local_bands.setdefault((sig.kind, band, key), []).append(item.pk)
    signature_rows = [
        {"article_pk": i.pk, "kind": s.kind, "signature": s.values.astype("<u4").tobytes()}
        for i in batch
        for s in i.sigs
    ]
    band_rows = [
        {"kind": s.kind, "band": band, "key": key, "article_pk": i.pk}
        for i in batch
        for s in i.sigs
        for band, key in s.bands()
    ]
    if signature_rows:
        conn.execute(minhashes.insert(), signature_rows)
        conn.execute(lsh_bands.insert(), band_rows)
    if groups:
        conn.execute(
            update(articles)
            .where(articles.c.pk == bindparam("b_pk"))
            .values(group_pk=bindparam("b_group")),
            [{"b_pk": pk, "b_group": group} for pk, group in groups.items()],
        )
    return groups


def _stored_group(conn: Connection, pk: int) -> int:
    group = conn.execute(select(articles.c.group_pk).where(articles.c.pk == pk)).scalar()
    return int(group) if group is not None else pk


def _best_local(
    item: Pending,
    sig: Signature,
    local_bands: dict[tuple[str, int, int], list[int]],
    local_sigs: dict[tuple[str, int], tuple[np.ndarray, str | None]],
) -> tuple[float, int] | None:
    candidates = {
        pk for band, key in sig.bands() for pk in local_bands.get((sig.kind, band, key), ())
    }
    best: tuple[float, int] | None = None
    for pk in sorted(candidates):
        values, other_language = local_sigs[(sig.kind, pk)]
        if sig.kind == "entity" and (item.language is None or other_language == item.language):
            continue
        score = similarity(sig.values, values)
        if score >= THRESHOLDS[sig.kind] and (best is None or (score, -pk) > (best[0], -best[1])):
            best = (score, pk)
    return best


def _best_match(
    conn: Connection, article_pk: int, language: str | None, sig: Signature
) -> tuple[float, int] | None:
    bands = set(sig.bands())
    hits = conn.execute(
        select(lsh_bands.c.band, lsh_bands.c.key, lsh_bands.c.article_pk)
        .where(lsh_bands.c.kind == sig.kind)
        .where(lsh_bands.c.key.in_([key for _, key in bands]))
    ).all()
    # Most articles have no candidate: the one indexed lookup above is all they cost.
    candidates = sorted({pk for band, key, pk in hits if (band, key) in bands and pk != article_pk})
    if not candidates:
        return None
    rows = conn.execute(
        select(minhashes.c.article_pk, minhashes.c.signature, articles.c.language)
        .join(articles, articles.c.pk == minhashes.c.article_pk)
        .where(minhashes.c.kind == sig.kind)
        .where(minhashes.c.article_pk.in_(candidates[:MAX_CANDIDATES]))
    ).all()
    best: tuple[float, int] | None = None
    for pk, blob, other_language in rows:
        # The entity signature only stands in for text where the text cannot compare.
        if sig.kind == "entity" and (language is None or other_language == language):
            continue
        score = similarity(sig.values, np.frombuffer(blob, dtype="<u4"))
        if score >= THRESHOLDS[sig.kind] and (best is None or (score, -pk) > (best[0], -best[1])):
            best = (score, pk)
    return best
