"""Train the Arabic word clusters the NER tagger reads as features (``clusters.tsv.gz``).

Unlabelled news text says which words behave alike: names of people share
contexts, as do place names and organisation heads. A CRF trained on ~10,000
labelled sentences has never seen most names it meets; a cluster id lets a
new name borrow the weights of the names it resembles (the classic
semi-supervised recipe: Turian et al. 2010, Guo et al. 2014).

Recipe (deterministic given the corpus, the seed and one worker thread):

1. Read SaudiNewsNet in place (``<data>/saudinewsnet/articles.jsonl.gz``,
   ``$KHABAR_DATA`` or ``../shared/data``), titles and bodies, ~31,000 articles.
2. Split into words (Arabic letters, Latin letters, digits), normalised as the
   tagger normalises (:func:`khabar.actors.tagger.normalise`).
3. Train skip-gram word2vec (gensim) on them, with a narrow window (2): near words say
   what kind of word this is (a name, a place, a verb) more than what it is about.
4. Cluster the unit-length vectors of words seen at least ``--min-count`` times
   with k-means at each size in ``--sizes`` (scikit-learn MiniBatchKMeans).
5. Write ``word<TAB>cluster id per size`` rows, gzip-compressed.

The file holds no sentence or excerpt of the corpus: a vocabulary of frequent
words, each with cluster numbers. It is a trained model like the CRF weights.

    .venv/bin/python scripts/train_word_clusters.py          # the shipped file
    .venv/bin/python scripts/train_ner.py                    # then retrain the tagger
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from khabar.actors.tagger import CLUSTERS_NAME, normalise
from khabar.evaluation.paths import default_data_dir

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "khabar" / "data" / "ner" / CLUSTERS_NAME
_WORD = re.compile(r"[\u0621-\u064a\u064b-\u065f\u0670\u0640]+|[A-Za-z]+|[0-9٠-٩]+")
SEED = 13


def sentences(path: Path) -> Iterator[list[str]]:
    """Normalised words of each paragraph of each article (title first)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for text in (record.get("title") or "", record.get("content") or ""):
                for paragraph in text.split("\n"):
                    words = [normalise(w) for w in _WORD.findall(paragraph)]
                    if len(words) > 2:
                        yield words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="data dir (holds saudinewsnet/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--window", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--sizes", default="64,256,1024", help="k-means sizes, coarse to fine")
    parser.add_argument(
        "--workers", type=int, default=1, help="more is faster, but then not deterministic"
    )
    args = parser.parse_args(argv)

    data = args.data or default_data_dir()
    corpus = data / "saudinewsnet" / "articles.jsonl.gz"
    if not corpus.is_file():
        print(f"skip: {corpus} not found (set KHABAR_DATA to the shared data directory)")
        return 0
    from gensim.models import Word2Vec  # training-time only
    from sklearn.cluster import MiniBatchKMeans

    started = time.perf_counter()
    text = list(sentences(corpus))
    n_words = sum(len(s) for s in text)
    print(f"{len(text)} paragraphs, {n_words} words read in {time.perf_counter() - started:.0f}s")
    started = time.perf_counter()
    model = Word2Vec(
        text,
        vector_size=args.dim,
        window=args.window,
        min_count=args.min_count,
        sg=1,
        negative=5,
        epochs=args.epochs,
        workers=args.workers,
        seed=SEED,
    )
    print(f"word2vec: {len(model.wv)} words in {time.perf_counter() - started:.0f}s")
    words = list(model.wv.index_to_key)
    vectors = model.wv.vectors / np.linalg.norm(model.wv.vectors, axis=1, keepdims=True)
    sizes = [int(k) for k in args.sizes.split(",")]
    columns = []
    for k in sizes:
        started = time.perf_counter()
        kmeans = MiniBatchKMeans(n_clusters=k, random_state=SEED, batch_size=4096, n_init=3)
        columns.append(kmeans.fit_predict(vectors))
        print(f"k-means {k}: {time.perf_counter() - started:.0f}s")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same clusters give the same bytes
    with (
        args.out.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as packed,
    ):
        header = (
            "# word<TAB>cluster id at k = " + ", ".join(map(str, sizes)) + ". Written by "
            "scripts/train_word_clusters.py (word2vec skip-gram "
            f"dim {args.dim}, window {args.window}, {args.epochs} epochs, min count "
            f"{args.min_count}, on SaudiNewsNet). Do not edit by hand.\n"
        )
        packed.write(header.encode("utf-8"))
        for row, word in enumerate(words):
            ids = "\t".join(str(int(column[row])) for column in columns)
            packed.write(f"{word}\t{ids}\n".encode())
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(words)} words)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
