"""Time each pipeline stage on SaudiNewsNet: milliseconds per article, one core.

    .venv/bin/python benchmarks/stage_times.py clean,language,segment,dates
    .venv/bin/python benchmarks/stage_times.py clean,language,segment,dates --n 300 --repeat 3
    .venv/bin/python benchmarks/stage_times.py clean,language,segment,dates --cpu
    .venv/bin/python benchmarks/stage_times.py clean,language,segment,dates --warm 3000

Reads ../shared/data/saudinewsnet/articles.jsonl.gz in place (or ``--data``) and skips
with a message when it is absent. The timed articles meet the stages once, so caches
of word analyses start cold, as at the start of a stream; ``--warm N`` first runs N
other articles untimed, which shows the steady state of a long stream. ``--repeat``
times the same articles again (warm caches) and keeps each stage's best pass;
``--cpu`` counts CPU time, steadier than wall time on a busy machine. On a shared
machine quote the best of a few runs. ``--dump FILE`` writes each document, with its
tokens and words, as JSON lines so that two versions of the code can be checked for
identical output.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

import khabar
from khabar.document import Document
from khabar.errors import ConfigError, PipelineError, ResourceError
from khabar.evaluation.loaders.saudinewsnet import articles_with_body
from khabar.read.article import Article

_WARM_UP_EN = "The minister said on Monday that talks would resume in Geneva next week."


def _dump_record(doc: Document) -> str:
    """The khabar/1 document plus every token and word, which khabar/1 leaves out."""
    record = doc.to_dict()
    record["tokens"] = [
        [t.start, t.end, [[w.start, w.end, w.norm, w.clitic] for w in t.words]]
        for s in doc.sentences
        for t in s.tokens
    ]
    return json.dumps(record, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("stages", help="comma-separated stage names, in pipeline order")
    parser.add_argument("--data", help="the shared data folder (default: $KHABAR_DATA)")
    parser.add_argument("--n", type=int, default=300, help="number of articles to read")
    parser.add_argument(
        "--warm",
        type=int,
        default=0,
        help="first run this many further articles untimed: the steady state of a long stream",
    )
    parser.add_argument("--repeat", type=int, default=1, help="passes; each stage keeps its best")
    parser.add_argument("--dump", help="write the documents of the last pass here (JSON lines)")
    parser.add_argument(
        "--cpu", action="store_true", help="count CPU time, not wall time (steadier when busy)"
    )
    parser.add_argument(
        "--statistical-ner",
        action="store_true",
        help="run the statistical NER tagger in the actors stage (the default pipeline does)",
    )
    args = parser.parse_args()

    try:
        articles = articles_with_body(
            Path(args.data) if args.data else None, limit=args.n + args.warm
        )
    except ResourceError as exc:
        print(f"skipped: {exc}")
        return
    if not articles:
        print("skipped: no SaudiNewsNet article with a body")
        return

    clock = time.process_time if args.cpu else time.perf_counter
    try:
        nlp = khabar.load(pipeline=args.stages.split(","), statistical_ner=args.statistical_ner)
    except (ConfigError, PipelineError) as exc:
        parser.error(str(exc))
    # Load resources outside the timing, including those that only a non-Arabic text
    # needs (py3langid's model, about a second), which a later article would otherwise pay.
    nlp.process(articles[0])
    nlp.process(Article(body=_WARM_UP_EN, title="Warm-up"))
    for article in articles[: args.warm]:
        nlp.process(article)
    articles = articles[args.warm :]
    best: dict[str, float] = {}
    docs = []
    for _ in range(max(1, args.repeat)):
        totals: dict[str, float] = defaultdict(float)
        docs = []
        for article in articles:
            doc = nlp.make_document(article)
            for stage in nlp.stages:
                started = clock()
                doc = stage(doc)
                totals[stage.name] += clock() - started
            if args.dump:
                # Kept only when asked: holding every document makes the garbage
                # collector's full passes slower and would inflate the timings.
                docs.append(doc)
        for name, seconds in totals.items():
            best[name] = min(best.get(name, seconds), seconds)

    words = sum(len(a.body.split()) for a in articles) / len(articles)
    kind = "CPU" if args.cpu else "wall"
    print(f"{len(articles)} articles, {words:.0f} words on average; {kind} time")
    for name, seconds in best.items():
        print(f"{name:10s} {1000 * seconds / len(articles):6.2f} ms/article")
    print(f"{'total':10s} {1000 * sum(best.values()) / len(articles):6.2f} ms/article")
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as handle:
            for doc in docs:
                handle.write(_dump_record(doc) + "\n")


if __name__ == "__main__":
    main()
