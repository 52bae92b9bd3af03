"""The statistical Arabic named-entity tagger: a linear-chain CRF over word features.

The model is trained with python-crfsuite by ``scripts/train_ner.py`` on the
public Arabic NER corpora and shipped as numpy arrays
(``khabar/data/ner/ner-crf-v3.weights.npz``), with its card and scores beside
it; decoding needs numpy only. It tags PERSON, ORG, LOC (places, including countries and
cities) and MISC in BIO over a sentence's words.

Words may come with clitics attached, as in the corpora (``وروسيا``), or split
off (``و`` ``روسيا``). Features therefore look at the normalised word, its
clitic-stripped core and the gazetteer kind of either, so both forms land on the
same weights. The actors stage gives it surface tokens (clitics attached): the
segmenter's words, with the article split off too (``ال`` ``عراق``), cost 0.09-0.16 F1.
:func:`prefer_tagged` decides where a tagged name wins over dictionary matches.
"""

from __future__ import annotations

import csv
import functools
import gzip
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from khabar.actors.compose import ActorSpec, MentionSpec
from khabar.actors.viterbi import viterbi, viterbi_batch
from khabar.errors import ResourceError

__all__ = [
    "CLUSTERS_NAME",
    "MODEL_NAME",
    "WEIGHTS_NAME",
    "CrfWeights",
    "FeatureExtractor",
    "Gazetteer",
    "Tagger",
    "WordClusters",
    "export_weights",
    "load_tagger",
    "normalise",
    "prefer_tagged",
]

MODEL_NAME = "ner-crf-v3.crfsuite"
WEIGHTS_NAME = "ner-crf-v3.weights.npz"
GAZETTEER_NAME = "gazetteer.tsv"
CLUSTERS_NAME = "clusters.tsv.gz"

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\ufeff]")
_CHAR_MAP = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_ARABIC = re.compile("^[\u0621-\u064a]+$")
_LATIN = re.compile("^[A-Za-z]+$")
_DIGITS = re.compile(r"^[\d٠-٩.,/:-]+$")
_PUNCT = re.compile(r"^[^\w]+$")
_MAX_CACHE = 1 << 17
# Gazetteer kinds that are places, and the share of them below which a word's cluster is one
# of common words: clusters of towns run at 0.3-0.5 places, clusters of nouns and adjectives
# that happen to name a town (وقف، دور، حجة) at 0.02-0.13, compass words (شمالي) at 0.2.
_PLACE_KINDS = frozenset({"CITY", "COUNTRY", "ADMIN", "REGION", "LANDMARK"})
ORDINARY_PLACE_SHARE = 0.25


def normalise(word: str) -> str:
    """Matching form: no diacritics or tatweel, one alef, ى -> ي, ة -> ه, Latin lower case."""
    return _DIACRITICS.sub("", word).translate(_CHAR_MAP).lower()


def _strip_clitics(word: str) -> tuple[str, str, str]:
    """(proclitics, word without conjunction/preposition, bare core) of a normalised word.

    Only strips where enough of a word is left, so short stems survive; the CRF
    also sees the unstripped form and weighs the two.
    """
    prefix = ""
    rest = word
    if len(rest) > 3 and rest[0] in "وف":
        prefix, rest = rest[0], rest[1:]
    if len(rest) > 4 and rest.startswith("لل"):
        prefix, rest = prefix + "ل", "ا" + rest[1:]
    elif len(rest) > 4 and rest[0] in "بكل" and rest[1:3] == "ال":
        prefix, rest = prefix + rest[0], rest[1:]
    with_article = rest
    if len(rest) > 4 and rest.startswith("ال"):
        prefix, rest = prefix + "ال", rest[2:]
    return prefix, with_article, rest


def _shape(word: str) -> str:
    if _ARABIC.match(word):
        return "ar"
    if _LATIN.match(word):
        return "lat"
    if _DIGITS.match(word):
        return "num"
    if _PUNCT.match(word):
        return "punct"
    return "mixed"


class Gazetteer:
    """Name lists by kind (COUNTRY, CITY, REGION, ... and trigger words), normalised.

    Multi-word names are matched longest first over a sentence; a name's first
    word may carry clitics (``وكوريا الشمالية``).
    """

    def __init__(self, entries: Sequence[tuple[str, str]]) -> None:
        self.single: dict[str, set[str]] = {}
        # multi-word names indexed by their first word: the sentence scan stays one lookup a word
        self.multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for kind, name in entries:
            words = tuple(normalise(name).split())
            if not words:
                continue
            if len(words) == 1:
                self.single.setdefault(words[0], set()).add(kind)
            else:
                self.multi.setdefault(words[0], []).append((words[1:], kind))
        for options in self.multi.values():
            options.sort(key=lambda option: (-len(option[0]), option[1]))

    @classmethod
    def from_file(cls, path: Path) -> Gazetteer:
        """Read ``kind<TAB>name`` rows (``#`` comments allowed)."""
        if not path.is_file():
            raise ResourceError(f"gazetteer {path} is missing; run scripts/train_ner.py")
        with path.open(encoding="utf-8") as handle:
            rows = [row for row in csv.reader(handle, delimiter="\t") if row and row[0][:1] != "#"]
        return cls([(row[0], row[1]) for row in rows if len(row) >= 2])

    def kinds(self, variants: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for variant in variants:
            found |= self.single.get(variant, set())
        return found

    def spans(self, forms: list[tuple[str, ...]]) -> list[str]:
        """Per word, ``B-KIND``/``I-KIND`` marks of multi-word names, longest match first."""
        marks = [""] * len(forms)
        i = 0
        n = len(forms)
        while i < n:
            step = 1
            best: tuple[int, str] | None = None
            for first in forms[i]:
                for rest, kind in self.multi.get(first, ()):
                    end = i + 1 + len(rest)
                    if end > n or (best is not None and end - i <= best[0]):
                        continue
                    if all(forms[i + 1 + k][0] == word for k, word in enumerate(rest)):
                        best = (end - i, kind)
                        break
            if best is not None:
                step, kind = best
                marks[i] = "B-" + kind
                for j in range(i + 1, i + step):
                    marks[j] = "I-" + kind
            i += step
        return marks


_OFFSETS = ("-2", "-1", "+1", "+2")
_EDGE = {"-2": ("-2BOS",), "-1": ("-1BOS",), "+1": ("+1EOS",), "+2": ("+2EOS",)}
_NEIGHBOURS = (("-2", -2), ("-1", -1), ("+1", 1), ("+2", 2))


class _WordFeatures:
    """One word's features, with the copies its neighbours see already prefixed."""

    __slots__ = ("clusters", "core", "forms", "own", "seen")

    def __init__(
        self,
        own: tuple[str, ...],
        seen: dict[str, tuple[str, ...]],
        forms: tuple[str, ...],
        core: str,
        clusters: tuple[str, ...] = (),
    ) -> None:
        self.own = own
        self.seen = seen
        self.forms = forms
        self.core = core
        self.clusters = clusters


class WordClusters:
    """Word -> cluster ids at a few granularities, learnt from unlabelled news.

    Written by ``scripts/train_word_clusters.py`` (k-means over word2vec vectors).
    A name the labelled corpora never show still shares a cluster with names
    they do show, and so borrows their weights.
    """

    def __init__(self, table: dict[str, tuple[str, ...]]) -> None:
        self.table = table

    @classmethod
    def from_file(cls, path: Path) -> WordClusters:
        """Read gzip-compressed ``word<TAB>id<TAB>id...`` rows (``#`` comments allowed)."""
        if not path.is_file():
            raise ResourceError(
                f"word clusters {path} are missing; run scripts/train_word_clusters.py"
            )
        table: dict[str, tuple[str, ...]] = {}
        # few distinct id rows (about one per finest cluster): build each row's features once
        rows: dict[str, tuple[str, ...]] = {}
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle.read().splitlines():
                if line.startswith("#"):
                    continue
                word, _tab, ids = line.partition("\t")
                features = rows.get(ids)
                if features is None:
                    split = ids.split("\t")
                    features = rows[ids] = tuple(f"k{k}={cid}" for k, cid in enumerate(split))
                table[word] = features
        return cls(table)

    def features(self, variants: Sequence[str]) -> tuple[str, ...]:
        """The cluster features of the first variant the table knows (none if unknown)."""
        for variant in variants:
            found = self.table.get(variant)
            if found is not None:
                return found
        return ()


class FeatureExtractor:
    """Turns a sentence's words into CRF feature lists; per-word work is cached."""

    def __init__(self, gazetteer: Gazetteer, clusters: WordClusters | None = None) -> None:
        self.gazetteer = gazetteer
        self.clusters = clusters
        self._cache: dict[str, _WordFeatures] = {}

    def _word(self, word: str) -> _WordFeatures:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        norm = normalise(word)
        prefix, with_article, core = _strip_clitics(norm)
        lookup = (norm, with_article, core, "ال" + core) if core != norm else (norm, "ال" + norm)
        gaz = ["g=" + kind for kind in sorted(self.gazetteer.kinds(lookup))]
        # the word as written first: its clitics are part of how it behaves
        clusters = self.clusters.features(lookup) if self.clusters is not None else ()
        shape = "sh=" + _shape(norm)
        own = (
            "bias",
            "w=" + norm,
            "c=" + core,
            "pro=" + prefix,
            shape,
            "len=" + str(min(len(core), 9)),
            "p2=" + core[:2],
            "p3=" + core[:3],
            "s1=" + core[-1:],
            "s2=" + core[-2:],
            "s3=" + core[-3:],
            "p4=" + core[:4],
            "s4=" + core[-4:],
            "wp1=" + norm[:1],
            *gaz,
            *clusters,
        )
        near = ("w=" + norm, "c=" + core, shape, "pro=" + prefix, *gaz, *clusters)
        seen = {
            offset: tuple(offset + f for f in (near if offset[1] == "1" else near[:2]))
            for offset in _OFFSETS
        }
        forms = tuple(dict.fromkeys((norm, with_article, core)))
        result = _WordFeatures(own, seen, forms, core, clusters)
        if len(self._cache) >= _MAX_CACHE:
            self._cache.clear()
        self._cache[word] = result
        return result

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        parts = [self._word(word) for word in words]
        marks = self.gazetteer.spans([part.forms for part in parts])
        n = len(parts)
        out: list[list[str]] = []
        for i, part in enumerate(parts):
            feats = list(part.own)
            for offset, j in (("-2", i - 2), ("-1", i - 1), ("+1", i + 1), ("+2", i + 2)):
                feats.extend(parts[j].seen[offset] if 0 <= j < n else _EDGE[offset])
            if marks[i]:
                feats.append("gm=" + marks[i])
            if i > 0:
                feats.append("b-1=" + parts[i - 1].core + "|" + part.core)
                if marks[i - 1]:
                    feats.append("-1gm=" + marks[i - 1])
            if i + 1 < n:
                feats.append("b+1=" + part.core + "|" + parts[i + 1].core)
                if marks[i + 1]:
                    feats.append("+1gm=" + marks[i + 1])
            out.append(feats)
        return out


class CrfWeights:
    """The CRF's weights as arrays: attribute -> row of per-label state weights, transitions."""

    def __init__(
        self, attributes: list[str], state: np.ndarray, transitions: np.ndarray, labels: list[str]
    ) -> None:
        self.index = {attribute: row for row, attribute in enumerate(attributes)}
        self.state = state.astype(np.float64)
        self.transitions = transitions.astype(np.float64)
        self.labels = labels
        self.zero = np.zeros(len(labels))

    @classmethod
    def from_file(cls, path: Path) -> CrfWeights:
        if not path.is_file():
            raise ResourceError(f"NER weights {path} are missing; run scripts/train_ner.py")
        with np.load(path) as data:
            attributes = bytes(data["attributes"]).decode("utf-8").split("\n")
            labels = bytes(data["labels"]).decode("utf-8").split("\n")
            return cls(attributes, data["state"], data["transitions"], labels)

    def total(self, attributes: Sequence[str]) -> np.ndarray:
        rows = [self.index[a] for a in attributes if a in self.index]
        return self.state[rows].sum(axis=0) if rows else self.zero

    def viterbi(self, emissions: np.ndarray) -> list[str]:
        labels = self.labels
        return [labels[k] for k in viterbi(emissions, self.transitions)]

    def viterbi_many(self, emissions: Sequence[np.ndarray]) -> list[list[str]]:
        """Best label paths of several sentences, decoded side by side (one document's)."""
        labels = self.labels
        return [[labels[k] for k in path] for path in viterbi_batch(emissions, self.transitions)]


def export_weights(model: Path, out: Path) -> None:
    """Write a CRFsuite model's weights as the arrays :class:`CrfWeights` reads."""
    import pycrfsuite  # training-time only; inference needs numpy alone

    crf = pycrfsuite.Tagger()
    crf.open(str(model))
    info = crf.info()
    labels = sorted(info.labels, key=lambda label: info.labels[label])
    column = {label: k for k, label in enumerate(labels)}
    attributes = sorted({attribute for attribute, _label in info.state_features})
    row = {attribute: k for k, attribute in enumerate(attributes)}
    state = np.zeros((len(attributes), len(labels)), dtype=np.float32)
    for (attribute, label), weight in info.state_features.items():
        state[row[attribute], column[label]] = weight
    transitions = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (first, second), weight in info.transitions.items():
        transitions[column[first], column[second]] = weight
    np.savez_compressed(
        out,
        attributes=np.frombuffer("\n".join(attributes).encode("utf-8"), dtype=np.uint8),
        labels=np.frombuffer("\n".join(labels).encode("utf-8"), dtype=np.uint8),
        state=state,
        transitions=transitions,
    )


# Possessive pronoun suffixes, longest first; ه alone is left out (طه، عبده).
_POSSESSIVES = ("كما", "هما", "كم", "هم", "ها", "نا", "ك")


def _data_dir() -> Path:
    return Path(str(resources.files("khabar") / "data" / "ner"))


class Tagger:
    """The CRF weights and gazetteer, loaded once (see :func:`load_tagger`).

    Decoding is a numpy Viterbi over emission scores summed from per-word
    cached weight rows, which is several times faster than handing feature
    strings to CRFsuite for every word; it gives the same best path.
    """

    def __init__(self, model_dir: Path | None = None) -> None:
        directory = model_dir or _data_dir()
        self.model_dir = directory
        self.weights = CrfWeights.from_file(directory / WEIGHTS_NAME)
        # models trained before v3 have no cluster features and no clusters file
        clusters_path = directory / CLUSTERS_NAME
        clusters = WordClusters.from_file(clusters_path) if clusters_path.is_file() else None
        self.features = FeatureExtractor(Gazetteer.from_file(directory / GAZETTEER_NAME), clusters)
        # per-word weight sums, one row per word seen: own features, then as each neighbour
        self._ids: dict[str, int] = {}
        self._own = np.zeros((1024, len(self.weights.labels)))
        self._seen = np.zeros((len(_OFFSETS), 1024, len(self.weights.labels)))
        self._shares: dict[str, float] | None = None

    def ordinary(self, word: str) -> bool:
        """Whether ``word`` is a common word rather than a name: news text uses it often
        (it has a cluster) and few of the words it shares its finest cluster with are places.

        "وقف" (halt; also a town in Egypt) sits with وجود، استمرار، دخول; "بعقوبة" with حلب،
        الموصل، كركوك. A word too rare to have a cluster is no common word. False without
        clusters (models before v3).
        """
        found = self.features._word(word).clusters
        if not found:
            return False
        return self._place_shares().get(found[-1], 0.0) < ORDINARY_PLACE_SHARE

    def possessed_noun(self, word: str) -> bool:
        """Whether ``word`` is a common noun with a possessive pronoun ("جيرانك" your
        neighbours, "شعبكم"), not a name: too rare to have a cluster itself, while the word
        without the pronoun is common (:meth:`ordinary`). A name that happens to end so
        (مالك، لينا) is frequent enough to have a cluster of its own. False without clusters."""
        if self.features._word(word).clusters:
            return False
        for suffix in _POSSESSIVES:
            stem = word.removesuffix(suffix)
            if stem != word and len(stem) >= 3:
                stem = stem[:-1] + "ة" if stem.endswith("ت") else stem
                if self.ordinary(stem):
                    return True
        return False

    def _place_shares(self) -> dict[str, float]:
        """Per finest cluster, the share of its words that the gazetteer knows as places."""
        if self._shares is None:
            clusters = self.features.clusters
            gazetteer = self.features.gazetteer
            places: dict[str, int] = {}
            sizes: dict[str, int] = {}
            for word, ids in clusters.table.items() if clusters else ():
                finest = ids[-1]
                sizes[finest] = sizes.get(finest, 0) + 1
                if not _PLACE_KINDS.isdisjoint(gazetteer.kinds((word, "ال" + word))):
                    places[finest] = places.get(finest, 0) + 1
            self._shares = {c: places.get(c, 0) / n for c, n in sizes.items()}
        return self._shares

    @property
    def labels(self) -> list[str]:
        return list(self.weights.labels)

    def _word_id(self, word: str) -> int:
        row = self._ids.get(word)
        if row is not None:
            return row
        row = len(self._ids)
        if row == self._own.shape[0]:
            self._own = np.concatenate([self._own, np.zeros_like(self._own)])
            self._seen = np.concatenate([self._seen, np.zeros_like(self._seen)], axis=1)
        features = self.features._word(word)
        total = self.weights.total
        self._own[row] = total(features.own)
        for k, offset in enumerate(_OFFSETS):
            self._seen[k, row] = total(features.seen[offset])
        self._ids[word] = row
        return row

    def tag(self, words: list[str]) -> list[str]:
        """BIO tags (PERSON, ORG, LOC, MISC) for one sentence's words."""
        if not words:
            return []
        return self.weights.viterbi(self._emissions(words))

    def tag_many(self, sentences: Sequence[list[str]]) -> list[list[str]]:
        """BIO tags for several sentences (a document's), decoded together: faster."""
        found = [self._emissions(words) for words in sentences if words]
        decoded = iter(self.weights.viterbi_many(found))
        return [next(decoded) if words else [] for words in sentences]

    def _emissions(self, words: list[str]) -> np.ndarray:
        """Per word and label, the summed weights of the word's features."""
        weights = self.weights
        index = weights.index
        parts = [self.features._word(word) for word in words]
        if len(self._ids) + len(words) > _MAX_CACHE:
            self._ids.clear()  # bound memory; rows are refilled on demand
        ids = np.fromiter((self._word_id(word) for word in words), dtype=np.intp, count=len(words))
        marks = self.features.gazetteer.spans([part.forms for part in parts])
        n = len(words)
        emissions = self._own[ids]
        seen = self._seen
        if n > 2:
            emissions[2:] += seen[0, ids[:-2]]  # "-2": the word two before
            emissions[:-2] += seen[3, ids[2:]]  # "+2"
        if n > 1:
            emissions[1:] += seen[1, ids[:-1]]  # "-1"
            emissions[:-1] += seen[2, ids[1:]]  # "+1"
        # pair and gazetteer-span attributes differ per position: gather their rows at once
        positions: list[int] = []
        rows_at: list[int] = []
        for i in range(n):
            extra: list[str] = []
            if i < 2 or i >= n - 2:
                extra.extend(
                    e for offset, j in _NEIGHBOURS if not 0 <= i + j < n for e in _EDGE[offset]
                )
            if marks[i]:
                extra.append("gm=" + marks[i])
            if i > 0:
                extra.append("b-1=" + parts[i - 1].core + "|" + parts[i].core)
                if marks[i - 1]:
                    extra.append("-1gm=" + marks[i - 1])
            if i + 1 < n:
                extra.append("b+1=" + parts[i].core + "|" + parts[i + 1].core)
                if marks[i + 1]:
                    extra.append("+1gm=" + marks[i + 1])
            for attribute in extra:
                k = index.get(attribute)
                if k is not None:
                    positions.append(i)
                    rows_at.append(k)
        if positions:
            np.add.at(emissions, positions, weights.state[rows_at])
        return emissions

    def __reduce__(self) -> tuple[type[Tagger], tuple[Path]]:
        # the caches are rebuilt on demand; ship only where the model lives
        return (Tagger, (self.model_dir,))


@functools.cache
def load_tagger() -> Tagger:
    """The shipped tagger, loaded once per process."""
    return Tagger()


# Coarse classes for comparing a tagger span with the mentions the dictionary gave.
_COARSE = {"PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC"}


def prefer_tagged(
    specs: list[MentionSpec], names: Sequence[tuple[int, int, str]], texts: Sequence[str]
) -> list[MentionSpec]:
    """Let a tagged name win over the dictionary mentions it strictly contains.

    ``names`` are the tagger's ``(first, last, type)`` token ranges, ``texts``
    the sentence's token texts. The dictionary knows the parts of many longer
    names: ``القاهرة`` in ``جامعة القاهرة``, ``حلب`` in ``محافظة حلب``,
    ``الملك`` in ``عبد الملك الحوثي``. When the tagger reads the longer name,
    the parts' mentions give way to one mention over the name (NORP mentions
    stay). A single named part of the same class lends its actor or place
    (``حركة حماس`` is still Hamas); a part of another class or an office does
    not (the university is not the city). An organisation holding only a nationality
    adjective takes its country (``السلطة الوطنية الفلسطينية`` is Palestinian). The
    tagger does not win where it errs most: a person's name swallowing a place or an
    organisation (``سفير اليابان``), or joining two known names (``باريس نيو دلهي``).
    Where the tagger reads exactly a dictionary place as an organisation (a club named
    after its city), the tagger's type is kept.
    One-word towns without an actor, written with the article, that the tagger
    does not read as names are dropped (ordinary words: ``العلم``).
    """
    tagged = {i for first, last, _kind in names for i in range(first, last + 1)}
    out = [s for s in specs if not _unsupported_place(s, tagged, texts)]
    for first, last, kind in names:
        coarse = _COARSE.get(kind)
        if coarse is None:
            continue
        inner = [s for s in out if s.type != "NORP" and s.first <= last and first <= s.last]
        if not inner and coarse == "ORG":
            out = _with_national_organisation(out, first, last, texts)
            continue
        if not inner or any(s.first < first or s.last > last for s in inner):
            continue
        other = [s for s in inner if _COARSE.get(s.type) != coarse]
        # wider than the parts, or one name where the dictionary saw several
        wider = min(s.first for s in inner) > first or max(s.last for s in inner) < last
        known = [s for s in inner if s.place is not None or _named(s)]
        if wider or len(inner) > 1:
            if (other and coarse == "PERSON") or len(known) > 1:
                # two known names side by side are two names (باريس نيو دلهي)
                continue
            keep = inner[0] if len(inner) == 1 and not other else None
            merged = _merged(first, last, keep.type if keep else kind, keep, texts)
        elif coarse == "ORG" and len(inner) == 1 and _COARSE.get(inner[0].type) == "LOC":
            merged = _merged(first, last, "ORG", None, texts)
        elif len(inner) == 1 and inner[0].short and not other:
            # an ambiguous short form (كيم، الجزيرة) the tagger reads as a name stays a
            # name; the coreference step links it when its full form is in the article
            merged = _merged(first, last, inner[0].type, None, texts)
        else:
            continue
        at = out.index(inner[0])
        dropped = {id(s) for s in inner}
        out = [
            *(s for s in out[:at] if id(s) not in dropped),
            merged,
            *(s for s in out[at:] if id(s) not in dropped),
        ]
    return out


def _with_national_organisation(
    specs: list[MentionSpec], first: int, last: int, texts: Sequence[str]
) -> list[MentionSpec]:
    """``specs`` with an organisation over ``first..last`` when only nationality adjectives
    were found inside, after its first word: "السلطة الوطنية الفلسطينية", "هيئة سوق رأس المال
    الفلسطينية". The organisation takes the adjective's country; the NORP mentions stay."""
    inside = [s for s in specs if s.type == "NORP" and s.first <= last and first <= s.last]
    if not inside or any(s.first <= first or s.last > last for s in inside):
        return specs
    country = next((s.actor.country for s in inside if s.actor and s.actor.country), None)
    text = " ".join(texts[first : last + 1])
    organisation = MentionSpec(
        first, last, "ORG", ActorSpec(("name", text), text, "org", None, country)
    )
    at = specs.index(inside[0])
    return [*specs[:at], organisation, *specs[at:]]


def _named(spec: MentionSpec) -> bool:
    return spec.actor is not None and spec.actor.key[0] in _NAMED


# The article, alone or after a preposition: ordinary words spelt like a town carry it
# (العلم، الوادي), while most towns the tagger misses are foreign names without it
_COMMON_START = re.compile("^(?:[وف]?[بكل]?ال|لل)")


def _unsupported_place(spec: MentionSpec, tagged: set[int], texts: Sequence[str]) -> bool:
    """A one-word place with no actor (a city that is not a capital), written with the
    article, that the tagger does not read as a name: mostly an ordinary word spelt
    like a town (العلم، الوادي)."""
    return (
        spec.first == spec.last
        and spec.actor is None
        and spec.type in ("GPE", "LOC")
        and spec.first not in tagged
        and bool(_COMMON_START.match(texts[spec.first]))
    )


# Actor keys of things with a name (not offices, institutions, anonymous sources).
_NAMED = frozenset({"dict", "state"})


def _merged(
    first: int, last: int, kind: str, keep: MentionSpec | None, texts: Sequence[str]
) -> MentionSpec:
    if keep is not None and (keep.actor is None or _named(keep)):
        return MentionSpec(first, last, kind, keep.actor, keep.place, title=keep.title)
    if kind in ("PERSON", "ORG"):
        text = " ".join(texts[first : last + 1])
        actor = ActorSpec(("name", text), text, "person" if kind == "PERSON" else "org")
        return MentionSpec(first, last, kind, actor)
    return MentionSpec(first, last, kind if kind in ("GPE", "FAC") else "LOC")
