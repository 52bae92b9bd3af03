"""Score the shipped Arabic NER tagger on the held-out parts of the shared NER corpora.

    .venv/bin/python -m benchmarks.ner [--data ../shared/data] [--model-dir DIR] [--json]

Only held-out sentences are scored (the split of ``khabar.evaluation.loaders.ner
.load_splits``, the same one ``scripts/train_ner.py`` trains around). CoNLL exact
span P/R/F1 for PERSON, ORG, LOC (GPE and FAC count as LOC) and micro, for the
corpus tokenisation and for the same sentences with clitics split off as the
pipeline gives them. Also reports the tagging speed.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from khabar.actors.tagger import Tagger
from khabar.evaluation.loaders.ner import load_splits, span_scores, split_clitics, to_model_view
from khabar.evaluation.paths import default_data_dir

TYPES = ("PERSON", "ORG", "LOC")


def main() -> None:
    parser = argparse.ArgumentParser(description="held-out NER scores of the shipped tagger")
    parser.add_argument("--data", default=None)
    parser.add_argument("--model-dir", type=Path, default=None)
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args()
    root = Path(args.data) if args.data else default_data_dir()
    if not (root / "ner").exists():
        print(f"skipped: {root / 'ner'} is absent (set --data or KHABAR_DATA)")
        return

    tagger = Tagger(args.model_dir)
    splits = load_splits(root)
    results: dict[str, dict[str, dict[str, float]]] = {}
    words = 0
    seconds = 0.0
    for corpus, split in splits.items():
        held = [to_model_view(s) for s in split.heldout]
        for form, items in (
            ("as_given", held),
            ("clitics_split", [split_clitics(s) for s in held]),
        ):
            started = time.perf_counter()
            predicted = [tagger.tag(s.words) for s in items]
            seconds += time.perf_counter() - started
            words += sum(len(s.words) for s in items)
            results[f"{corpus}/{form}"] = span_scores([s.tags for s in items], predicted, TYPES)

    # warm: every word's feature rows are cached, as in a long-running pipeline
    every = [to_model_view(s).words for split in splits.values() for s in split.heldout]
    started = time.perf_counter()
    for sentence in every:
        tagger.tag(sentence)
    warm = (time.perf_counter() - started) / sum(len(s) for s in every) * 1000 * 1000

    if args.json:
        print(
            json.dumps(
                {
                    **results,
                    "speed": {
                        "ms_per_1000_words_cold": 1e6 / (words / seconds) / 1000,
                        "ms_per_1000_words_warm": warm,
                    },
                },
                indent=1,
            )
        )
        return
    header = ["PERSON", "ORG", "LOC", "P", "R", "micro"]
    print(f"{'corpus/form':26s} " + " ".join(f"{h:>7s}" for h in header))
    for key, per in results.items():
        cells = [per[t]["f1"] for t in TYPES] + [per["micro"][k] for k in ("p", "r", "f1")]
        print(f"{key:26s} " + " ".join(f"{c:7.3f}" for c in cells))
    print(
        f"speed: {words / seconds:,.0f} words/s (one core, includes cold feature cache), "
        f"{1000 / (words / seconds) * 1000:.1f} ms per 1,000 words; warm cache: "
        f"{warm:.1f} ms per 1,000 words"
    )


if __name__ == "__main__":
    main()
