"""A trained detector of English reporting cues (said, told, according to, a statement ...).

PolNeAR-style attribution marks far more cue words than a hand list can hold
(``argued``, ``tweeted``, ``pointed out``, ``called for``, nouns like ``claim``),
and whether a word is a cue depends on its neighbours (``said`` vs ``so-called``,
``shows`` in "polls show" vs "TV shows"). This module scores each candidate token
with a binary averaged-perceptron model over sparse word and context features and
merges adjacent cue tokens into cue spans.

The model is a JSON file in ``khabar/data/claims`` (format in its README), trained
by ``scripts/train_attribution_en.py``. Only tokens whose form is in the model's
candidate vocabulary (words seen as cues when it was trained, plus the first words
of the hand-written cue lexicon) are scored, which keeps the cost to a few dict
look-ups per candidate.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.claims.view import QUOTE_CHARS, Tok
from khabar.errors import ResourceError

_DATA = "khabar.data.claims"
MODEL_FILE = "cue_model_en.json"
FORMAT = "khabar-cue-model/1"

_START = "<s>"
_END = "</s>"


@dataclass(frozen=True, slots=True)
class CueModel:
    """Feature weights of a binary cue/not-cue token classifier and its candidate words."""

    weights: dict[str, float]
    candidates: frozenset[str]
    bias: float
    threshold: float
    version: str
    weak: frozenset[str] = frozenset()
    """Cue spans (their words, lower case, space-joined) that the model proposes far more
    often wrongly than rightly when it meets unseen text, and that are dropped."""

    def score(
        self,
        toks: list[Tok],
        i: int,
        lexical: frozenset[str],
        syntax: list[tuple[str, ...]] | None = None,
    ) -> float:
        get = self.weights.get
        total = self.bias
        for feature in token_features(toks, i, lexical, syntax):
            total += get(feature, 0.0)
        return total

    def cue_spans(
        self,
        toks: list[Tok],
        lexical: frozenset[str],
        syntax: list[tuple[str, ...]] | None = None,
    ) -> list[tuple[int, int]]:
        """Token ranges ``[i, j)`` of the cues of one sentence: cue tokens side by side, or
        with only a few function words between them, make one span. ``syntax``: each
        token's parse features (``english_syntax.Syntax.features``), when there is a parse."""
        spans: list[tuple[int, int]] = []
        candidates = self.candidates
        for i, tok in enumerate(toks):
            if tok.norm not in candidates and tok.norm not in lexical:
                continue
            if self.score(toks, i, lexical, syntax) <= self.threshold:
                continue
            if spans and _joins(toks, spans[-1][1], i):
                spans[-1] = (spans[-1][0], i + 1)
            else:
                spans.append((i, i + 1))
        if syntax is not None:
            spans = _join_across_phrases(toks, spans, syntax)
        # An auxiliary alone ("Libya has offered") reports nothing; its verb decides.
        spans = [(i, j) for i, j in spans if any(t.norm not in _AUXILIARIES for t in toks[i:j])]
        if self.weak:
            spans = [(i, j) for i, j in spans if span_key(toks, i, j) not in self.weak]
        return spans


_AUXILIARIES = frozenset(
    {"has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would", "do"}
    | {"does", "did", "'s", "'ve", "'d"}
)


# A cue's adjuncts: a short phrase of these between two cue words keeps them one cue.
_ADJUNCT_PREPOSITIONS = frozenset({"in", "on", "at", "to", "with"})
_CLAUSE_TAGS = ("VB", "MD", "WDT", "WP", "WRB", "IN", "CC")
_MAX_ADJUNCT = 4


def _join_across_phrases(
    toks: list[Tok], spans: list[tuple[int, int]], syntax: list[tuple[str, ...]]
) -> list[tuple[int, int]]:
    """Join cue spans split by a short adjunct: "said in a telephone interview Wednesday",
    "issued a statement on behalf of". Up to four words may stand between, none of them
    a verb, punctuation or a clause word (only the prepositions in, on, at, to, with):
    across those the second span is a new cue ("said that X told")."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and 0 < start - out[-1][1] <= _MAX_ADJUNCT:
            between = range(out[-1][1], start)
            if all(
                not toks[k].punct
                and (
                    toks[k].norm in _ADJUNCT_PREPOSITIONS
                    or not _tag(syntax[k]).startswith(_CLAUSE_TAGS)
                )
                for k in between
            ):
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def _tag(features: tuple[str, ...]) -> str:
    """The part-of-speech tag among a token's parse features ("" when it has none)."""
    return next((f[4:] for f in features if f.startswith("tag=")), "")


def span_key(toks: list[Tok], i: int, j: int) -> str:
    """The words of the cue span ``[i, j)`` as :attr:`CueModel.weak` lists them."""
    return " ".join(t.norm for t in toks[i:j])


# Words that may stand inside one cue between two cue words: "said in a statement".
_INNER = frozenset({"in", "a", "an", "the", "his", "her", "their", "its", "to", "on"})


def _joins(toks: list[Tok], end: int, i: int) -> bool:
    """Whether a cue token at ``i`` continues the cue span ending at ``end``."""
    return i == end or (i - end <= 2 and all(t.norm in _INNER for t in toks[end:i]))


def _shape(tok: Tok) -> str:
    text = tok.text
    if tok.punct:
        return "Q" if text in QUOTE_CHARS or text in ("'", "''", "``") else text[:1]
    if text[:1].isupper():
        return "X"
    return "x"


def token_features(
    toks: list[Tok],
    i: int,
    lexical: frozenset[str],
    syntax: list[tuple[str, ...]] | None = None,
) -> list[str]:
    """The sparse features of ``toks[i]``; the trainer and the detector share this function.
    The parse features of ``syntax[i]`` join them when spaCy's model is installed."""
    n = len(toks)
    word = toks[i].norm
    prev = toks[i - 1].norm if i > 0 else _START
    prev2 = toks[i - 2].norm if i > 1 else _START
    nxt = toks[i + 1].norm if i + 1 < n else _END
    nxt2 = toks[i + 2].norm if i + 2 < n else _END
    prev_shape = _shape(toks[i - 1]) if i > 0 else _START
    next_shape = _shape(toks[i + 1]) if i + 1 < n else _END
    return [
        "w=" + word,
        "s3=" + word[-3:],
        "s2=" + word[-2:],
        "p=" + prev,
        "p2=" + prev2,
        "n=" + nxt,
        "n2=" + nxt2,
        "pw=" + prev + "|" + word,
        "wn=" + word + "|" + nxt,
        "ps=" + prev_shape,
        "ns=" + next_shape,
        "sh=" + prev_shape + _shape(toks[i]) + next_shape,
        "lex=" + str(word in lexical),
        "pos=" + ("0" if i == 0 else "1" if i < 3 else "m" if i + 3 < n else "e"),
        "qw=" + _quote_near(toks, i),
        "that=" + str(any(t.norm == "that" for t in toks[i + 1 : i + 5])),
        *(syntax[i] if syntax is not None else ()),
    ]


def _quote_near(toks: list[Tok], i: int) -> str:
    """Where the nearest quotation mark within six tokens lies: before, after, both or none."""
    before = any(_shape(t) == "Q" for t in toks[max(0, i - 6) : i])
    after = any(_shape(t) == "Q" for t in toks[i + 1 : i + 7])
    return ("b" if before else "") + ("a" if after else "") or "-"


@cache
def load_cue_model() -> CueModel | None:
    """The shipped English cue model, loaded once; None when the file is absent."""
    try:
        raw = resources.files(_DATA).joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return parse_cue_model(raw)


def parse_cue_model(raw: str) -> CueModel:
    """A :class:`CueModel` from the text of its JSON file."""
    try:
        data = json.loads(raw)
        if data.get("format") != FORMAT:
            raise ValueError(f"format is {data.get('format')!r}, expected {FORMAT!r}")
        return CueModel(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            candidates=frozenset(str(w) for w in data["candidates"]),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            version=str(data["version"]),
            weak=frozenset(str(w) for w in data.get("weak", ())),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ResourceError(
            f"{_DATA}/{MODEL_FILE} is not a cue model ({exc}); "
            "retrain it with scripts/train_attribution_en.py --write"
        ) from exc
