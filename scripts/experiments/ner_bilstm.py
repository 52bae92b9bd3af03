"""Experiment: a small BiLSTM-CRF Arabic NER tagger on CPU, on the CRF's own splits.

Not a shipped model. Measures whether a neural tagger beats the CRF of
``scripts/train_ner.py`` on the same train / held-out splits (``load_splits``),
the same tag view (``to_model_view``), the same clitic-split augmentation
(``training_set(train, 0.5, SPLIT_SEED)``) and the same scorer (``span_scores``,
CoNLL exact span, PERSON/ORG/LOC, held-out ``as_given``).

Model, per word: a frozen skip-gram word2vec vector (SaudiNewsNet, as
``scripts/train_word_clusters.py`` trains it, saved as KeyedVectors), looked up
by the normalised word, then its clitic-stripped forms; a character CNN over the
normalised word with begin/end marks; the gazetteer kinds of the word and the
multi-word gazetteer marks (as the CRF's ``FeatureExtractor`` sees them); the
word shape. A one-layer BiLSTM over those, a linear layer to emissions, a
linear-chain CRF on top. The epoch is chosen on a dev slice of the TRAINING
data (``--dev`` share of 25-sentence blocks, removed from training); held-out
scores are printed per epoch only for the record.

``numpy_emissions`` is a numpy-only forward pass of the trained network; the
script checks it against torch.

Needs torch (training time only, not a khabar dependency): ``.venv/bin/pip install
torch==2.13.0`` (the CPU build). The word vectors are trained first when ``--w2v`` does
not exist yet (gensim, one worker, about 7 minutes). Results of 2026-11-29 are in
``scripts/experiments/README.md``.

    OMP_NUM_THREADS=1 .venv/bin/python scripts/experiments/ner_bilstm.py \\
        --w2v /tmp/nn/w2v.kv --out /tmp/nn/run2 --dev 0 --epochs 16
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # scripts/: train_ner

from train_ner import training_set

from khabar.actors.tagger import (
    GAZETTEER_NAME,
    FeatureExtractor,
    Gazetteer,
    _shape,
    _strip_clitics,
    normalise,
)
from khabar.evaluation.loaders.ner import (
    SPLIT_SEED,
    NerSentence,
    load_splits,
    span_scores,
    to_model_view,
)
from khabar.evaluation.paths import default_data_dir

REPO = Path(__file__).resolve().parents[1]
EVAL_TYPES = ("PERSON", "ORG", "LOC")
LABELS = ["O"] + [f"{p}-{t}" for t in ("PERSON", "ORG", "LOC", "MISC") for p in "BI"]
GAZ_KINDS = [
    "ADMIN",
    "CITY",
    "COUNTRY",
    "LANDMARK",
    "LOC_CUE",
    "NISBA",
    "ORGNAME",
    "ORG_CUE",
    "PERSON",
    "PER_CUE",
    "PNAME",
    "REGION",
    "TITLE",
]
SHAPES = ["ar", "lat", "num", "punct", "mixed"]
MAX_CHARS = 20
N_EXTRA = len(GAZ_KINDS) * 3 + len(SHAPES) + 1  # kinds, B-/I- marks, shape, in-vocabulary


# --------------------------------------------------------------------------- featurising


class Encoder:
    """Words -> (word ids, char ids, extra 0/1 features), per sentence."""

    def __init__(self, vocab: dict[str, int], chars: dict[str, int], features: FeatureExtractor):
        self.vocab = vocab
        self.chars = chars
        self.features = features
        self._cache: dict[str, tuple[int, list[int], np.ndarray]] = {}

    def word(self, word: str) -> tuple[int, list[int], np.ndarray]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        norm = normalise(word)
        _prefix, with_article, core = _strip_clitics(norm)
        lookup = (norm, with_article, core, "ال" + core) if core != norm else (norm, "ال" + norm)
        wid = next((self.vocab[v] for v in lookup if v in self.vocab), 1)
        text = norm[: MAX_CHARS - 2] if len(norm) <= MAX_CHARS - 2 else norm[:9] + norm[-9:]
        cids = [2] + [self.chars.get(c, 1) for c in text] + [3]
        extra = np.zeros(N_EXTRA, dtype=np.float32)
        for f in self.features._word(word).own:
            if f.startswith("g=") and f[2:] in GAZ_KINDS:
                extra[GAZ_KINDS.index(f[2:])] = 1
        extra[3 * len(GAZ_KINDS) + SHAPES.index(_shape(norm))] = 1
        extra[-1] = float(wid != 1)
        result = (wid, cids, extra)
        self._cache[word] = result
        return result

    def sentence(self, words: list[str]) -> tuple[list[int], list[list[int]], np.ndarray]:
        parts = [self.word(w) for w in words]
        extra = np.stack([p[2] for p in parts])
        marks = self.features.gazetteer.spans([self.features._word(w).forms for w in words])
        for i, mark in enumerate(marks):
            if mark and mark[2:] in GAZ_KINDS:
                offset = len(GAZ_KINDS) * (1 if mark[0] == "B" else 2)
                extra[i, offset + GAZ_KINDS.index(mark[2:])] = 1
        return [p[0] for p in parts], [p[1] for p in parts], extra


def batch_arrays(encoded: list[tuple[list[int], list[list[int]], np.ndarray]]):
    """Padded arrays for a batch: words (B,T), chars (B,T,C), extra (B,T,E), lengths (B,)."""
    lengths = np.array([len(e[0]) for e in encoded])
    b, t = len(encoded), int(lengths.max())
    c = max(len(cs) for e in encoded for cs in e[1])
    words = np.zeros((b, t), dtype=np.int64)
    chars = np.zeros((b, t, c), dtype=np.int64)
    extra = np.zeros((b, t, N_EXTRA), dtype=np.float32)
    for i, (w, cs, x) in enumerate(encoded):
        words[i, : len(w)] = w
        for j, cc in enumerate(cs):
            chars[i, j, : len(cc)] = cc
        extra[i, : len(w)] = x
    return words, chars, extra, lengths


# --------------------------------------------------------------------------- model (torch)


def build_model(vectors: np.ndarray, n_chars: int, args):
    import torch
    from torch import nn

    class BiLstmCrf(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.embed = nn.Embedding.from_pretrained(
                torch.from_numpy(vectors), freeze=not args.finetune, padding_idx=0
            )
            self.char_embed = nn.Embedding(n_chars, args.char_dim, padding_idx=0)
            self.char_conv = nn.Conv1d(args.char_dim, args.char_filters, 3, padding=1)
            d_in = vectors.shape[1] + args.char_filters + N_EXTRA
            self.drop = nn.Dropout(args.dropout)
            self.lstm = nn.LSTM(d_in, args.hidden, batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * args.hidden, len(LABELS))
            k = len(LABELS)
            self.trans = nn.Parameter(torch.zeros(k, k))  # trans[i, j]: score of i -> j
            self.start = nn.Parameter(torch.zeros(k))
            self.end = nn.Parameter(torch.zeros(k))

        def features(self, words, chars, extra):
            b, t, c = chars.shape
            ce = self.char_embed(chars.view(b * t, c)).transpose(1, 2)  # (BT, D, C)
            conv = self.char_conv(ce)
            conv = conv.masked_fill((chars.view(b * t, 1, c) == 0), -1e4)
            cvec = torch.relu(conv.max(dim=2).values).view(b, t, -1)
            return torch.cat([self.embed(words), cvec, extra], dim=2)

        def emissions(self, words, chars, extra, lengths):
            x = self.drop(self.features(words, chars, extra))
            packed = nn.utils.rnn.pack_padded_sequence(
                x, torch.as_tensor(lengths), batch_first=True, enforce_sorted=False
            )
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=x.shape[1])
            return self.out(self.drop(h))

        def nll(self, em, tags, mask):
            """Mean negative log-likelihood of the gold paths (linear-chain CRF)."""
            b, t, _k = em.shape
            idx = torch.arange(b)
            gold = self.start[tags[:, 0]] + em[idx, 0, tags[:, 0]]
            alpha = self.start + em[:, 0]
            for i in range(1, t):
                m = mask[:, i]
                step = self.trans[tags[:, i - 1], tags[:, i]] + em[idx, i, tags[:, i]]
                gold = gold + step * m
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans + em[:, i].unsqueeze(1), 1)
                alpha = torch.where(m.unsqueeze(1) > 0, nxt, alpha)
            last = tags[idx, mask.sum(1).long() - 1]
            gold = gold + self.end[last]
            log_z = torch.logsumexp(alpha + self.end, 1)
            return (log_z - gold).mean()

    return BiLstmCrf()


def viterbi(em: np.ndarray, trans: np.ndarray, start: np.ndarray, end: np.ndarray) -> list[int]:
    score = start + em[0]
    back = []
    for i in range(1, len(em)):
        total = score[:, None] + trans
        back.append(total.argmax(0))
        score = total.max(0) + em[i]
    score = score + end
    best = [int(score.argmax())]
    for pointers in reversed(back):
        best.append(int(pointers[best[-1]]))
    return best[::-1]


# --------------------------------------------------------------------------- numpy forward


def export_numpy(model) -> dict[str, np.ndarray]:
    """The trained weights as float32 numpy arrays (what a numpy-only tagger would ship)."""
    return {k: v.detach().cpu().numpy().astype(np.float32) for k, v in model.state_dict().items()}


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _lstm_dir(x: np.ndarray, w_ih, w_hh, b, lengths, reverse: bool) -> np.ndarray:
    """One LSTM direction over padded (B,T,D) input; PyTorch gate order i, f, g, o."""
    bsz, t, _ = x.shape
    hsz = w_hh.shape[1]
    if reverse:  # flip each sentence within its own length, run forwards, flip back
        idx = np.array([[(n - 1 - j) if j < n else j for j in range(t)] for n in lengths])
        x = np.take_along_axis(x, idx[:, :, None], axis=1)
    pre = x @ w_ih.T + b  # (B,T,4H), input projection for all steps at once
    h = np.zeros((bsz, hsz), dtype=np.float32)
    c = np.zeros((bsz, hsz), dtype=np.float32)
    out = np.zeros((bsz, t, hsz), dtype=np.float32)
    w_hh_t = np.ascontiguousarray(w_hh.T)
    for j in range(t):
        g = pre[:, j] + h @ w_hh_t
        i_g = _sigmoid(g[:, :hsz])
        f_g = _sigmoid(g[:, hsz : 2 * hsz])
        c_g = np.tanh(g[:, 2 * hsz : 3 * hsz])
        o_g = _sigmoid(g[:, 3 * hsz :])
        c = f_g * c + i_g * c_g
        h = o_g * np.tanh(c)
        out[:, j] = h
    if reverse:
        out = np.take_along_axis(out, idx[:, :, None], axis=1)
    return out


def numpy_emissions(p: dict[str, np.ndarray], words, chars, extra, lengths) -> np.ndarray:
    """Emission scores (B,T,K) from numpy only; matches the torch model in eval mode."""
    b, t, c = chars.shape
    ce = p["char_embed.weight"][chars.reshape(b * t, c)]  # (BT, C, D)
    pad = np.zeros((b * t, 1, ce.shape[2]), dtype=np.float32)
    padded = np.concatenate([pad, ce, pad], axis=1)
    windows = np.concatenate([padded[:, k : k + c] for k in range(3)], axis=2)  # (BT, C, 3D)
    w = p["char_conv.weight"]  # (F, D, 3)
    w_flat = w.transpose(2, 1, 0).reshape(-1, w.shape[0])  # (3D, F), matches windows' layout
    conv = windows @ w_flat + p["char_conv.bias"]
    conv = np.where((chars.reshape(b * t, c) == 0)[:, :, None], -1e4, conv)
    cvec = np.maximum(conv.max(axis=1), 0).reshape(b, t, -1)
    x = np.concatenate([p["embed.weight"][words], cvec, extra], axis=2).astype(np.float32)
    fwd = _lstm_dir(
        x,
        p["lstm.weight_ih_l0"],
        p["lstm.weight_hh_l0"],
        p["lstm.bias_ih_l0"] + p["lstm.bias_hh_l0"],
        lengths,
        False,
    )
    bwd = _lstm_dir(
        x,
        p["lstm.weight_ih_l0_reverse"],
        p["lstm.weight_hh_l0_reverse"],
        p["lstm.bias_ih_l0_reverse"] + p["lstm.bias_hh_l0_reverse"],
        lengths,
        True,
    )
    h = np.concatenate([fwd, bwd], axis=2)
    for i, n in enumerate(lengths):
        h[i, n:] = 0  # pad_packed_sequence gives zeros past the end
    return h @ p["out.weight"].T + p["out.bias"]


def numpy_tag(p, encoder: Encoder, sentences: list[list[str]]) -> list[list[str]]:
    enc = [encoder.sentence(s) for s in sentences]
    words, chars, extra, lengths = batch_arrays(enc)
    em = numpy_emissions(p, words, chars, extra, lengths)
    return [
        [LABELS[k] for k in viterbi(em[i, :n], p["trans"], p["start"], p["end"])]
        for i, n in enumerate(lengths)
    ]


# --------------------------------------------------------------------------- training


def dev_slice(sentences: list[NerSentence], share: float, seed: int):
    """(train, dev): a seeded ``share`` of 25-sentence blocks per corpus goes to dev."""
    if share <= 0:
        return sentences, []
    train, dev = [], []
    by_corpus: dict[str, list[NerSentence]] = {}
    for s in sentences:
        by_corpus.setdefault(s.corpus, []).append(s)
    for items in by_corpus.values():
        blocks = [items[i : i + 25] for i in range(0, len(items), 25)]
        order = list(range(len(blocks)))
        random.Random(seed).shuffle(order)
        chosen = set(order[: max(1, round(len(blocks) * share))])
        for i, block in enumerate(blocks):
            (dev if i in chosen else train).extend(block)
    return train, dev


def tag_torch(model, encoder: Encoder, sentences: list[list[str]], batch: int = 64):
    import torch

    p = {k: model.state_dict()[k].numpy() for k in ("trans", "start", "end")}
    out: list[list[str] | None] = [None] * len(sentences)
    order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
    model.eval()
    with torch.no_grad():
        for k in range(0, len(order), batch):
            ids = [i for i in order[k : k + batch]]
            arrays = batch_arrays([encoder.sentence(sentences[i]) for i in ids])
            em = model.emissions(*map(torch.as_tensor, arrays[:3]), arrays[3]).numpy()
            for r, i in enumerate(ids):
                n = len(sentences[i])
                out[i] = [LABELS[t] for t in viterbi(em[r, :n], p["trans"], p["start"], p["end"])]
    return out


def score(model, encoder, held: dict[str, list[NerSentence]]):
    result = {}
    for corpus, items in held.items():
        predicted = tag_torch(model, encoder, [s.words for s in items])
        result[corpus] = span_scores([s.tags for s in items], predicted, EVAL_TYPES)
    return result


def train_word_vectors(out: Path) -> None:
    """Skip-gram word2vec on SaudiNewsNet, as ``train_word_clusters.py`` trains it, kept
    as vectors (KeyedVectors) instead of clusters."""
    from gensim.models import Word2Vec
    from train_word_clusters import SEED, sentences

    from khabar.evaluation.paths import default_data_dir

    text = list(sentences(default_data_dir() / "saudinewsnet" / "articles.jsonl.gz"))
    model = Word2Vec(
        text, vector_size=100, window=2, min_count=5, sg=1, negative=5, epochs=5,
        workers=1, seed=SEED,
    )  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    model.wv.save(str(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--w2v", type=Path, default=Path("/tmp/nn/w2v.kv"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/nn/run"))
    parser.add_argument("--top-news", type=int, default=50000, help="news words kept in vocab")
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--char-dim", type=int, default=32)
    parser.add_argument("--char-filters", type=int, default=64)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--word-dropout", type=float, default=0.05)
    parser.add_argument("--finetune", action="store_true", help="train the word vectors too")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--time-limit", type=float, default=30 * 60, help="seconds of training")
    parser.add_argument("--dev", type=float, default=0.1, help="share of training blocks for dev")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--limit", type=int, default=0, help="smoke test: first N train sentences")
    args = parser.parse_args(argv)

    import torch
    from gensim.models import KeyedVectors

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    log = (args.out / "log.txt").open("w", encoding="utf-8")

    def say(*parts) -> None:
        line = " ".join(str(p) for p in parts)
        print(line, flush=True)
        log.write(line + "\n")
        log.flush()

    data = args.data or default_data_dir()
    splits = load_splits(data)
    base = [to_model_view(s) for c in splits for s in splits[c].train]
    held = {c: [to_model_view(s) for s in split.heldout] for c, split in splits.items()}
    base_train, dev = dev_slice(base, args.dev, args.seed)
    train = training_set(base_train, 0.5, SPLIT_SEED)  # as scripts/train_ner.py does
    if args.limit:
        train, dev = train[: args.limit], dev[: args.limit // 4]
        held = {c: v[: args.limit // 4] for c, v in held.items()}
    say(
        f"train {len(base_train)} (+copies: {len(train)}), dev {len(dev)}, "
        f"held-out {sum(map(len, held.values()))}"
    )

    if not args.w2v.exists():
        train_word_vectors(args.w2v)
    kv = KeyedVectors.load(str(args.w2v))
    keep: dict[str, None] = dict.fromkeys(kv.index_to_key[: args.top_news])
    for s in train:
        for w in s.words:
            norm = normalise(w)
            _p, with_article, core = _strip_clitics(norm)
            for v in (norm, with_article, core, "ال" + core):
                if v in kv.key_to_index:
                    keep[v] = None
    vocab = {w: i + 2 for i, w in enumerate(keep)}  # 0 pad, 1 unknown
    vectors = np.zeros((len(vocab) + 2, kv.vector_size), dtype=np.float32)
    for w, i in vocab.items():
        vectors[i] = kv[w]
    vectors[2:] /= np.linalg.norm(vectors[2:], axis=1, keepdims=True) + 1e-8
    vectors *= 1.0  # unit vectors; the LSTM input projection learns the scale
    char_counts: dict[str, int] = {}
    for s in train:
        for w in s.words:
            for ch in normalise(w):
                char_counts[ch] = char_counts.get(ch, 0) + 1
    chars = {c: i + 4 for i, c in enumerate(sorted(c for c, n in char_counts.items() if n >= 2))}
    gazetteer = Gazetteer.from_file(REPO / "src" / "khabar" / "data" / "ner" / GAZETTEER_NAME)
    encoder = Encoder(vocab, chars, FeatureExtractor(gazetteer, None))
    say(f"vocab {len(vocab) + 2} words ({kv.vector_size} dims), {len(chars) + 4} chars")

    model = build_model(vectors, len(chars) + 4, args)
    n_all = sum(p.numel() for p in model.parameters())
    n_trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    say(f"parameters: {n_all} ({n_trainable} trained, {vectors.size} word vectors)")
    label_id = {t: i for i, t in enumerate(LABELS)}
    encoded = [(encoder.sentence(s.words), [label_id[t] for t in s.tags]) for s in train]
    optimiser = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)

    best = (-1.0, 0)
    started = time.perf_counter()
    history = []
    for epoch in range(1, args.epochs + 1):
        model.train()
        t0 = time.perf_counter()
        order = sorted(range(len(encoded)), key=lambda i: (len(encoded[i][1]), rng.random()))
        batches = [order[k : k + args.batch] for k in range(0, len(order), args.batch)]
        rng.shuffle(batches)
        total = 0.0
        for ids in batches:
            enc = [encoded[i][0] for i in ids]
            words, chrs, extra, lengths = batch_arrays(enc)
            if args.word_dropout:
                drop = np.random.default_rng(rng.randrange(1 << 30)).random(words.shape)
                words = np.where((drop < args.word_dropout) & (words > 0), 1, words)
            tags = np.zeros(words.shape, dtype=np.int64)
            for r, i in enumerate(ids):
                tags[r, : len(encoded[i][1])] = encoded[i][1]
            mask = torch.as_tensor(tags * 0 + (np.arange(words.shape[1]) < lengths[:, None]))
            em = model.emissions(
                torch.as_tensor(words), torch.as_tensor(chrs), torch.as_tensor(extra), lengths
            )
            loss = model.nll(em, torch.as_tensor(tags), mask.float())
            optimiser.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            optimiser.step()
            total += float(loss) * len(ids)
        epoch_s = time.perf_counter() - t0
        dev_f1 = score(model, encoder, {"dev": dev})["dev"]["micro"]["f1"] if dev else 0.0
        held_scores = score(model, encoder, held)
        history.append(
            {
                "epoch": epoch,
                "loss": total / len(encoded),
                "seconds": epoch_s,
                "dev_f1": dev_f1,
                "heldout_micro_f1": {c: v["micro"]["f1"] for c, v in held_scores.items()},
            }
        )
        say(
            f"epoch {epoch} loss {total / len(encoded):.3f} {epoch_s:.0f}s dev F1 {dev_f1:.4f} "
            "held-out " + " ".join(f"{c} {v['micro']['f1']:.3f}" for c, v in held_scores.items())
        )
        if dev_f1 > best[0] or not dev:
            best = (dev_f1, epoch)
            torch.save(model.state_dict(), args.out / "best.pt")
        if time.perf_counter() - started + epoch_s > args.time_limit:
            say("stopping: time limit")
            break
    train_seconds = time.perf_counter() - started
    model.load_state_dict(torch.load(args.out / "best.pt"))
    model.eval()
    say(f"best dev epoch {best[1]} (dev F1 {best[0]:.4f}); trained {train_seconds:.0f}s")

    final = score(model, encoder, held)
    for corpus, v in final.items():
        say(
            f"{corpus:10s} "
            + "  ".join(
                f"{t} P {v[t]['p']:.3f} R {v[t]['r']:.3f} F {v[t]['f1']:.3f}"
                for t in (*EVAL_TYPES, "micro")
            )
        )

    # speed: a document's sentences (25-sentence pseudo-documents) tagged as one batch
    docs = [s.words for items in held.values() for s in items]
    docs = [docs[i : i + 25] for i in range(0, len(docs), 25)]
    n_words = sum(len(w) for d in docs for w in d)
    fresh = Encoder(vocab, chars, FeatureExtractor(gazetteer, None))
    t0 = time.perf_counter()
    for d in docs:
        tag_torch(model, fresh, d, batch=len(d))
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    torch_tags = [tag_torch(model, fresh, d, batch=len(d)) for d in docs]
    warm = time.perf_counter() - t0
    p = export_numpy(model)
    t0 = time.perf_counter()
    np_tags = [numpy_tag(p, fresh, d) for d in docs]
    np_warm = time.perf_counter() - t0
    same = sum(
        a == b
        for ta, tb in zip(torch_tags, np_tags, strict=False)
        for a, b in zip(ta, tb, strict=False)
    )
    n_sent = sum(len(d) for d in docs)
    # emissions agreement on one batch
    arrays = batch_arrays([fresh.sentence(w) for w in docs[0]])
    with torch.no_grad():
        em_t = model.emissions(*map(torch.as_tensor, arrays[:3]), arrays[3]).numpy()
    em_n = numpy_emissions(p, *arrays)
    max_diff = float(max(np.abs(em_t[i, :n] - em_n[i, :n]).max() for i, n in enumerate(arrays[3])))
    say(
        f"speed: torch {1e6 * cold / n_words:.1f} ms/1000 words cold (features "
        f"uncached), {1e6 * warm / n_words:.1f} warm; numpy "
        f"{1e6 * np_warm / n_words:.1f} ms/1000 words warm; {n_words} words"
    )
    say(
        f"numpy vs torch: identical tags for {same}/{n_sent} sentences; "
        f"max |emission diff| {max_diff:.2e}"
    )
    embed_n = p["embed.weight"].size
    rest_n = sum(v.size for k, v in p.items() if k != "embed.weight")
    say(
        f"size: word vectors {embed_n} ({embed_n * 2 / 1e6:.1f} MB f16, {embed_n * 4 / 1e6:.1f} "
        f"MB f32), rest {rest_n} ({rest_n * 2 / 1e6:.2f} MB f16, {rest_n * 4 / 1e6:.2f} MB f32)"
    )
    np.savez_compressed(args.out / "weights.npz", **{k: v.astype(np.float16) for k, v in p.items()})
    report = {
        "args": {k: str(v) for k, v in vars(args).items()},
        "history": history,
        "best_epoch": best[1],
        "train_seconds": train_seconds,
        "parameters": n_all,
        "trainable": n_trainable,
        "vocab": len(vocab) + 2,
        "heldout": final,
        "speed_ms_per_1000_words": {
            "torch_cold": 1e6 * cold / n_words,
            "torch_warm": 1e6 * warm / n_words,
            "numpy_warm": 1e6 * np_warm / n_words,
        },
        "numpy_matches": {"sentences_same": same, "sentences": n_sent, "max_diff": max_diff},
        "weights_npz_f16_bytes": (args.out / "weights.npz").stat().st_size,
    }
    (args.out / "report.json").write_text(json.dumps(report, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
