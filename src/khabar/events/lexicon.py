"""Event trigger and status-cue lexicons (Arabic, English) and fast matching over words.

Data files live in ``khabar/data/events/`` (format in its README.md). Load them once with
:func:`load_triggers` and :func:`load_status_cues`, then call ``match(words, norms)`` per
sentence: it returns non-overlapping matches, longest first, left to right.

Arabic matching is robust to how much clitic splitting the pipeline did. Prefix clitic words
(و ف ب ل ك س ال لل) are glued back onto the next word, and each word is then looked up as
written and with leading clitics (و/ف + ب/ل/ك/س/ال/بال/لل) and trailing pronouns (ه ها هم ...)
or the plural ات stripped, fewest letters stripped first. Keys are folded by :func:`fold_ar`
(no diacritics or tatweel, أ إ آ ٱ -> ا, ى -> ي); ة and ه stay distinct so that "وزارة"
(ministry) is never read as و + زار + ه.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.errors import ResourceError
from khabar.events.ontology import load_plover
from khabar.text.normalize import normalize

LANGS = ("ar", "en")
STATUS_HINTS = ("planned", "possible", "alleged", "denied")
FLAGS = (
    "needs_recipient",
    "passive_ok",
    "passive",
    "ambiguous",
    "reciprocal",
    "agent_genitive",
)
SCOPES = ("next_verb", "complement", "clause", "prefix", "counterpart")
_TRIGGER_COLUMNS = ("lemma", "pos", "verbs", "nouns", "type", "mode", "context", "cameo")
_CUE_COLUMNS = ("lang", "cue", "status", "scope", "condition", "note")

_AR_FOLD = str.maketrans(
    {
        **{chr(c): None for c in range(0x064B, 0x0660)},
        "\u0670": None,
        "\u0640": None,
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ی": "ي",
        "ک": "ك",
    }
)
# _AR_FOLD as a sequence indexed by code point, which str.translate reads faster than a dict
# (see khabar.text.normalize); characters past its end raise IndexError and stay as they are.
_AR_FOLD_SEQUENCE: list[int | str | None] = list(range(0x0700))
for _code, _target in _AR_FOLD.items():
    _AR_FOLD_SEQUENCE[_code] = _target
_AR_CONJ = ("", "و", "ف")
_AR_PROCLITICS = ("", "ب", "ل", "ك", "س", "ال", "بال", "كال", "لل")
# Every conjunction + proclitic sequence, in the order _ar_keys tries them, with the proclitic.
_AR_PREFIXES = tuple((conj + proc, proc) for conj in _AR_CONJ for proc in _AR_PROCLITICS)
# _AR_PREFIXES that a word starting with a given letter may carry: the empty prefix and those
# starting with that letter, shortest first and otherwise in the same order (a stable sort),
# which is the order _ar_keys ranks the stems in.
_AR_PREFIXES_BY_FIRST: dict[str, tuple[tuple[str, str], ...]] = {
    first: tuple(
        sorted((p for p in _AR_PREFIXES if not p[0] or p[0][0] == first), key=lambda p: len(p[0]))
    )
    for first in {p[0][0] for p in _AR_PREFIXES if p[0]}
}
_AR_BARE_PREFIX = tuple(p for p in _AR_PREFIXES if not p[0])
_AR_CLITIC_WORDS = frozenset({"و", "ف", "ب", "ل", "ك", "س", "ال", "لل", "وال", "بال"})
_AR_PRONOUNS = ("هما", "كما", "هم", "هن", "ها", "كم", "ه")
_AR_PRONOUN_LAST = frozenset(p[-1] for p in _AR_PRONOUNS)
_AR_IMPERFECT = "يتنا"
_MAX_CACHE = 200_000


def fold_ar(text: str) -> str:
    """The matching key of an Arabic word: undiacritised, tatweel-free, alef and ya folded."""
    return text.translate(_AR_FOLD_SEQUENCE).strip()


def fold_en(text: str) -> str:
    key = text.lower().replace("\u2019", "'").strip()
    return key[:-2] if key.endswith("'s") else key


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One lexicon row: a lemma with its forms, PLOVER coding and flags."""

    lemma: str
    lang: str
    pos: str
    type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str | None
    flags: frozenset[str]
    hint: str | None
    verbs: tuple[str, ...]
    nouns: tuple[str, ...]

    @property
    def needs_recipient(self) -> bool:
        return "needs_recipient" in self.flags

    @property
    def passive_ok(self) -> bool:
        return "passive_ok" in self.flags or "passive" in self.flags

    @property
    def passive(self) -> bool:
        """Whether the verb's subject is always who the event befalls (أصيب، استشهد)."""
        return "passive" in self.flags

    @property
    def reciprocal(self) -> bool:
        return "reciprocal" in self.flags

    @property
    def agent_genitive(self) -> bool:
        """Whether a noun's genitive wields it (رصاص الجيش, صواريخ حزب الله): a weapon or
        means, whose owner is the actor even where the event's nouns name their victim."""
        return "agent_genitive" in self.flags

    @property
    def ambiguous(self) -> bool:
        return "ambiguous" in self.flags


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence: words ``[start_word, end_word)`` (end exclusive).

    ``prefix`` is the folded clitic material before the first word's stem (e.g. ``"وس"``),
    whether it was glued on or split off by the pipeline; ``pos`` says whether a verb form or
    a noun form matched.
    """

    start_word: int
    end_word: int
    entry: TriggerEntry
    form: str
    pos: str
    prefix: str = ""

    @property
    def future_prefix(self) -> bool:
        """True for an Arabic verb carrying the future prefix س (سيزور, وستفرض)."""
        return self.pos == "verb" and "س" in self.prefix


@dataclass(frozen=True, slots=True)
class StatusCue:
    """A word or phrase that marks an event as planned, possible, denied or alleged."""

    cue: str
    lang: str
    status: str
    scope: str
    condition: str | None
    forms: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class CueMatch:
    start_word: int
    end_word: int
    cue: StatusCue
    prefix: str = ""


@dataclass(frozen=True, slots=True)
class _Form:
    """What a trigger phrase in the index stands for."""

    entry: TriggerEntry
    form: str
    pos: str


# An option: a phrase of the index that can start at a word, and the prefix stripped to get it.
_Option = tuple[tuple[str, ...], tuple[object, ...], str]
# What a word (or glued unit) matches: every lookup key it has, the options that start at it.
_Found = tuple[frozenset[str], tuple[_Option, ...]]


@dataclass(frozen=True, slots=True)
class _Units:
    """A sentence's units: syntactic words with any prefix clitic words glued back onto them.

    ``stems[u]`` is the index of unit ``u``'s stem word, ``found[u]`` what the unit matches.
    """

    stems: list[int]
    found: list[_Found]


class _PhraseMatcher:
    """Longest-first matching of token sequences over words; shared by triggers and cues.

    All work per distinct word (folding, clitic stripping, index lookups) is cached, so a
    sentence costs about one dict lookup per word.
    """

    def __init__(self, lang: str, phrases: dict[tuple[str, ...], list[object]]) -> None:
        self.lang = lang
        self._index: dict[str, list[tuple[tuple[str, ...], tuple[object, ...]]]] = {}
        for tokens, payloads in phrases.items():
            self._index.setdefault(tokens[0], []).append((tokens, tuple(payloads)))
        # A set, not the dict: frozenset.isdisjoint walks a dict argument whole.
        self._firsts = frozenset(self._index)
        self._cache: dict[str, _Found] = {}

    def accepts(self, payload: object, prefix: str) -> bool:
        """Whether ``payload`` may match a word whose stem needed ``prefix`` stripped."""
        return True

    def gapped(self, payloads: tuple[object, ...]) -> bool:
        """Whether phrases with these payloads may take their subject after their first
        word (Arabic VSO: "أطلق مسلحون النار" for "أطلق النار")."""
        return False

    def _analyse(self, text: str, norm: str) -> _Found:
        cache_key = text if norm == text else f"{text}\x1f{norm}"
        found = self._cache.get(cache_key)
        if found is not None:
            return found
        if len(self._cache) > _MAX_CACHE:
            self._cache.clear()
        keys: Sequence[tuple[str, str]]
        if self.lang == "ar":
            keys, keyset = _ar_word_keys(text)
            if norm != text:
                keys = list(keys)
                keys += [k for k in _ar_word_keys(norm)[0] if k not in keys]
                keyset = frozenset(k for k, _ in keys)
        else:
            keys = list(dict.fromkeys([(fold_en(text), ""), (fold_en(norm), "")]))
            keyset = frozenset(k for k, _ in keys)
        if keyset.isdisjoint(self._firsts):
            # Most words start no phrase of the index.
            found = (keyset, ())
            self._cache[cache_key] = found
            return found
        ranked: list[tuple[int, int, _Option]] = []
        for rank, (key, prefix) in enumerate(keys):
            for tokens, payloads in self._index.get(key, ()):
                kept = tuple(p for p in payloads if p is None or self.accepts(p, prefix))
                if kept:
                    ranked.append((-len(tokens), rank, (tokens, kept, prefix)))
        ranked.sort(key=lambda item: item[:2])
        found = (keyset, tuple(option for *_, option in ranked))
        self._cache[cache_key] = found
        return found

    def units(
        self,
        words: Sequence[str],
        norms: Sequence[str] | None,
        clitic: Sequence[bool] | None,
        glued: Glued | None = None,
    ) -> _Units:
        """The sentence's units: prefix clitic words glued onto the word they precede."""
        if norms is None:
            if glued is None:
                glued = glue(words, clitic, self.lang)
            cache_get = self._cache.get
            analyse = self._analyse
            # A found entry is a non-empty tuple, so ``or`` falls back only on a miss.
            return _Units(
                glued.stems, [cache_get(text) or analyse(text, text) for text in glued.texts]
            )
        # Words whose norms differ from their texts: the same gluing over both.
        stems: list[int] = []
        found_list: list[_Found] = []
        pending = ""
        arabic = self.lang == "ar"
        for i, word in enumerate(words):
            norm = norms[i]
            if arabic and len(norm) <= 3 and _clitic_fold(norm) and (clitic is None or clitic[i]):
                pending += _clitic_fold(norm)
                continue
            if pending:
                word, norm, pending = pending + word, pending + norm, ""
            stems.append(i)
            found_list.append(self._analyse(word, norm))
        return _Units(stems, found_list)

    def match(
        self, units: _Units, subject: frozenset[int] = frozenset()
    ) -> list[tuple[int, int, str, object]]:
        """(first unit, unit count, stripped prefix, payload) for each match.

        ``subject``: units inside actor mentions, which may stand between the first word of
        a :meth:`gapped` phrase and the rest (the VSO subject). Such a match reports its
        first unit alone, and consumes the rest of the phrase.
        """
        found: list[tuple[int, int, str, object]] = []
        founds = units.found
        n = len(founds)
        # Most units start no phrase: visit only those that do, skipping any a match used.
        free = 0
        for i in [j for j, item in enumerate(founds) if item[1]]:
            if i < free:
                continue
            chosen: _Option | None = None
            count = used = 0
            for option in founds[i][1]:
                tokens = option[0]
                if len(tokens) == 1:
                    chosen, count = option, 1
                    break
                if i + len(tokens) <= n:
                    count = self._span(founds, i, tokens)
                    if count:
                        chosen = option
                        break
                if subject and i + 1 in subject and self.gapped(option[1]):
                    used = self._gapped_span(founds, i, tokens, subject)
                    if used:
                        chosen, count = option, 1
                        break
            if chosen is None:
                continue
            _tokens, payloads, prefix = chosen
            found.extend((i, count, prefix, payload) for payload in payloads)
            free = i + max(count, used)
        return found

    def _gapped_span(
        self, founds: list[_Found], i: int, tokens: tuple[str, ...], subject: frozenset[int]
    ) -> int:
        """How many units from ``i`` the phrase covers with a subject (and a day) between its
        first word and the rest, or 0."""
        n = len(founds)
        j = i + 1
        while (
            j < n
            and j - i <= _GAP_REACH
            and (j in subject or not founds[j][0].isdisjoint(_AR_SKIPPABLE))
        ):
            j += 1
        for tok in tokens[1:]:
            if j >= n or tok not in founds[j][0]:
                return 0
            j += 1
        return j - i

    def _span(self, founds: list[_Found], i: int, tokens: tuple[str, ...]) -> int:
        """How many units from ``i`` the phrase ``tokens`` covers, or 0 when it does not
        match there. English steps over a day or determiner the phrase does not name."""
        n = len(founds)
        skip = self.lang != "ar"
        j = i + 1
        for tok in tokens[1:]:
            while (
                skip
                and j < n
                and tok not in founds[j][0]
                and not founds[j][0].isdisjoint(_EN_SKIPPABLE)
            ):
                j += 1
            if j >= n or tok not in founds[j][0]:
                return 0
            j += 1
        return j - i


# Short words (three letters at most) -> their folded form when it is a clitic word, else "".
_SHORT_CLITIC: dict[str, str] = {}
# Arabic words as written -> their lookup keys (and the set of the keys alone): shared by
# the trigger and the cue matcher, which meet the same words.
_WORD_KEYS: dict[str, tuple[tuple[tuple[str, str], ...], frozenset[str]]] = {}


@dataclass(frozen=True, slots=True)
class Glued:
    """A sentence's words with prefix clitic words glued back onto the word they precede.

    ``texts[u]`` is unit ``u`` as one string (``و`` + ``ال`` + ``رئيس`` -> ``والرئيس``) and
    ``stems[u]`` the index of its last word. The same for every lexicon of a language, so a
    caller matching several lexicons over one sentence makes it once with :func:`glue`.
    """

    stems: list[int]
    texts: list[str]


def glue(words: Sequence[str], clitic: Sequence[bool] | None, lang: str) -> Glued:
    """Glue prefix clitic words onto the next word (Arabic; other languages keep their words).

    ``clitic`` are the words' ``Word.clitic`` flags; without them a bare و ف ب ل ك س ال is
    taken for a clitic.
    """
    if lang != "ar":
        return Glued(list(range(len(words))), list(words))
    # Runs for every word of every sentence: local names, and the clitic test of short
    # words is a dict lookup, not a fold.
    stems: list[int] = []
    texts: list[str] = []
    add_stem = stems.append
    add_text = texts.append
    pending = ""
    short_clitic = _SHORT_CLITIC
    for i, word in enumerate(words):
        if len(word) <= 3:
            folded = short_clitic.get(word)
            if folded is None:
                folded = _short_clitic(word)
            if folded and (clitic is None or clitic[i]):
                pending += folded
                continue
        if pending:
            word, pending = pending + word, ""
        add_stem(i)
        add_text(word)
    return Glued(stems, texts)


# Units between an Arabic verb and the rest of its phrase: the subject's, and a day or a
# pronoun object of على ("أطلق مسلحون أمس النار"، "أطلقوا عليه النار"); at most this many.
_GAP_REACH = 4
_AR_SKIPPABLE = frozenset(
    fold_ar(word)
    for word in (
        "أمس اليوم السبت الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة"
        " عليه عليها عليهم عليهما"
    ).split()
)
# English words a phrase may step over where it does not name them itself: a day inside a
# phrase ("called Thursday on Arabs"), a determiner that varies ("upgraded their
# diplomatic ties" for "upgraded diplomatic ties"; "welcomed the" still needs its "the"), and
# a modifier of extent or kind that leaves the event as it is ("restore full diplomatic
# ties", "cut all ties", "resumed formal relations"). Modifiers that change the context
# (economic, military) are not stepped over.
_EN_SKIPPABLE = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
    | {"today", "yesterday", "tonight", "the", "a", "an", "its", "their", "his", "her"}
    | {"full", "formal", "official", "normal", "bilateral", "all", "complete", "diplomatic"}
)


def _clitic_fold(norm: str) -> str:
    """The folded form of a short word when it is a clitic word, else ""; remembered."""
    folded = _SHORT_CLITIC.get(norm)
    return _short_clitic(norm) if folded is None else folded


def _short_clitic(norm: str) -> str:
    if len(_SHORT_CLITIC) > _MAX_CACHE:
        _SHORT_CLITIC.clear()
    folded = fold_ar(norm)
    found = _SHORT_CLITIC[norm] = folded if folded in _AR_CLITIC_WORDS else ""
    return found


def _ar_word_keys(text: str) -> tuple[tuple[tuple[str, str], ...], frozenset[str]]:
    """:func:`_ar_keys` of ``text`` folded, and the keys alone; remembered per written form."""
    found = _WORD_KEYS.get(text)
    if found is None:
        if len(_WORD_KEYS) > _MAX_CACHE:
            _WORD_KEYS.clear()
        keys = _ar_keys(fold_ar(text))
        found = _WORD_KEYS[text] = (keys, frozenset(k for k, _ in keys))
    return found


def _ar_keys(word: str) -> tuple[tuple[str, str], ...]:
    """Lookup keys of a folded Arabic word with clitics stripped, fewest letters first."""
    stems: list[tuple[str, str]] = []
    for prefix, proc in _AR_PREFIXES_BY_FIRST.get(word[:1], _AR_BARE_PREFIX):
        if prefix and not word.startswith(prefix):
            continue
        stem = word[len(prefix) :]
        # Two-letter stems only after a bare conjunction: "وحث" is و + حث, "بحث" is not ب + حث.
        if len(stem) < (2 if not proc else 3):
            continue
        if proc == "س" and stem[0] not in _AR_IMPERFECT:
            continue
        stems.append((prefix, stem))
    ranked: list[tuple[int, str, str]] = []
    for prefix, stem in stems:
        for stripped, key in _ar_suffix_variants(stem):
            ranked.append((len(prefix) + stripped, key, prefix))
    ranked.sort(key=lambda item: item[0])
    seen: set[str] = set()
    keys: list[tuple[str, str]] = []
    for _, key, prefix in ranked:
        if key not in seen:
            seen.add(key)
            keys.append((key, prefix))
    return tuple(keys)


def _ar_suffix_variants(stem: str) -> list[tuple[int, str]]:
    # Each ending is tested only when the last letter allows it: this runs for every new word.
    variants = [(0, stem)]
    size = len(stem)
    last = stem[-1:]
    if last == "ت":
        if size >= 4:
            variants.append((0, stem[:-1] + "ة"))  # a noun whose pronoun the pipeline split off
        if size >= 5 and stem[-2] == "ا":
            variants += [(2, stem[:-2] + "ة"), (2, stem[:-2])]  # plural ات
    elif last == "ا":
        if size >= 4:
            variants.append((1, stem[:-1]))  # accusative tanween: "اتفاقا", "هجوما"
    elif last == "ن" and size >= 6 and stem[-3:] in ("تين", "تان"):
        variants.append((3, stem[:-3] + "ة"))  # dual
    if last not in _AR_PRONOUN_LAST:
        return variants
    for pronoun in _AR_PRONOUNS:
        if not stem.endswith(pronoun) or size - len(pronoun) < 3:
            continue
        base = stem[: -len(pronoun)]
        variants.append((len(pronoun), base))
        if base.endswith("ت"):
            variants.append((len(pronoun), base[:-1] + "ة"))
        elif base.endswith("و"):
            variants.append((len(pronoun), base + "ا"))
        elif base.endswith("ا"):
            variants.append((len(pronoun), base[:-1] + "ي"))
        break
    return variants


class _TriggerMatcher(_PhraseMatcher):
    def accepts(self, payload: object, prefix: str) -> bool:
        if self.lang != "ar" or not isinstance(payload, _Form):
            return True
        return _ar_prefix_fits(payload.pos, prefix, payload.form)

    def gapped(self, payloads: tuple[object, ...]) -> bool:
        # Arabic verb phrases: the subject follows the verb (فرضت واشنطن عقوبات)
        return self.lang == "ar" and all(isinstance(p, _Form) and p.pos == "verb" for p in payloads)


def _ar_prefix_fits(pos: str, prefix: str, form: str) -> bool:
    """Verbs take only و/ف + س or ل (before the imperfect); nouns never take س.

    This keeps "الطالب" (the student) from reading as the verb طالب (demanded).
    """
    proclitic = prefix[1:] if prefix[:1] in ("و", "ف") else prefix
    if pos == "verb":
        if proclitic == "ل":
            return form[:1] in _AR_IMPERFECT
        return proclitic in ("", "س")
    return not proclitic.endswith("س")


# --------------------------------------------------------------------------------- inflection


def _ar_verb_forms(spec: Sequence[str]) -> list[str]:
    """Verb items (past 3ms, or imperfect 3ms starting with ي) -> the forms news text uses.

    In a phrase only the first word inflects (أعلن وقف إطلاق النار -> أعلنت وقف إطلاق النار).
    Irregular forms are simply listed as extra items; the junk forms the regular patterns
    make from them (زرتت) never occur in text and cost nothing.
    """
    forms: list[str] = []
    for item in spec:
        head, _, tail = fold_ar(item).partition(" ")
        if not head or head == "-":
            continue
        tail = f" {tail}" if tail else ""
        heads = [head]
        if head.startswith("ي") and len(head) > 2:
            stem = head[1:]
            heads += [person + stem for person in "تنا"]
            heads += [p + stem + s for p in "يت" for s in ("ون", "ان", "وا", "ن")]
            if stem[-1] in "يو":  # defective: يلتقي -> يلتقون
                heads += [p + stem[:-1] + "ون" for p in "يت"]
        else:
            heads += [head + s for s in ("ت", "وا", "ا", "تا", "ن", "نا", "تم")]
            if head[-1] in "يا":  # defective: التقى -> التقت التقوا, دعا -> دعت دعوا
                heads += [head[:-1] + s for s in ("ت", "وا", "يا", "تا")]
        forms += [h + tail for h in heads]
    return forms


# The past of irregular verbs the inflected items use (withdraw its ambassador -> withdrew ...).
_EN_PAST = {
    "beat": "beat",
    "begin": "began",
    "blow": "blew",
    "break": "broke",
    "bring": "brought",
    "build": "built",
    "buy": "bought",
    "cut": "cut",
    "drive": "drove",
    "fight": "fought",
    "find": "found",
    "forgive": "forgave",
    "freeze": "froze",
    "give": "gave",
    "go": "went",
    "hit": "hit",
    "hold": "held",
    "keep": "kept",
    "lay": "laid",
    "lead": "led",
    "leave": "left",
    "let": "let",
    "lose": "lost",
    "meet": "met",
    "put": "put",
    "run": "ran",
    "seek": "sought",
    "sell": "sold",
    "send": "sent",
    "set": "set",
    "shoot": "shot",
    "shut": "shut",
    "speak": "spoke",
    "spread": "spread",
    "stand": "stood",
    "strike": "struck",
    "swear": "swore",
    "take": "took",
    "tear": "tore",
    "throw": "threw",
    "win": "won",
    "withdraw": "withdrew",
    "withhold": "withheld",
}
# Irregular past and participle forms that may head an extra verb item ("met", "blew up"):
# they are not base forms, so the loader does not inflect them again.
_EN_IRREGULAR = frozenset(_EN_PAST.values()) | {"burnt", "sat", "were"}
# A one-syllable verb ending in one vowel and one consonant doubles it: ban -> banned.
_EN_DOUBLING = re.compile(r"^[^aeiou]*[aeiou][bdgmnpt]$")


def _en_base(item: str) -> bool:
    """Whether an English verb item's head word is a base form the loader should inflect."""
    head = item.split(" ", 1)[0]
    return (
        head.isalpha()
        and not head.endswith(("ed", "ing", "en", "s"))
        and (head not in _EN_IRREGULAR)
    )


def _en_inflect(word: str, pos: str) -> list[str]:
    head, _, rest = word.partition(" ") if pos == "verb" else ("", "", word)
    if pos != "verb":
        *front, last = rest.split(" ")
        plurals = [] if last.endswith("s") else [_en_plural(last)]
        return [" ".join([*front, p]) for p in plurals]
    tail = f" {rest}" if rest else ""
    stem = head[:-1] if head.endswith("e") else head
    if _EN_DOUBLING.match(head):
        stem = head + head[-1]
    if head.endswith("y") and len(head) > 2 and head[-2] not in "aeiou":
        forms = [head[:-1] + "ies", head[:-1] + "ied", head + "ing"]
    else:
        forms = [_en_plural(head), _EN_PAST.get(head, stem + "ed"), stem + "ing"]
    return [f + tail for f in forms]


def _en_plural(word: str) -> str:
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


# ------------------------------------------------------------------------------------ loading


def _rows(name: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    try:
        text = resources.files("khabar").joinpath("data", "events", name).read_text("utf-8")
    except OSError as exc:
        raise ResourceError(f"cannot read khabar/data/events/{name}: {exc}") from exc
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)]
    body = [(n, line) for n, line in lines if line.strip() and not line.startswith("#")]
    if not body or tuple(body[0][1].split("\t")[: len(columns)]) != columns:
        raise ResourceError(f"{name}: the first non-comment line must be the header {columns}")
    rows: list[tuple[int, dict[str, str]]] = []
    header = body[0][1].split("\t")
    for n, line in body[1:]:
        cells = line.split("\t")
        if len(cells) > len(header):
            raise ResourceError(f"{name}:{n}: {len(cells)} cells, header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        rows.append(
            (
                n,
                {
                    h: ("" if c.strip() == "-" else c.strip())
                    for h, c in zip(header, cells, strict=True)
                },
            )
        )
    return rows


def _split(cell: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(sep) if part.strip())


def _check(name: str, n: int, ok: bool, message: str) -> None:
    if not ok:
        raise ResourceError(f"{name}:{n}: {message}")


class TriggerLexicon:
    """Trigger entries of one language, indexed for :meth:`match`."""

    def __init__(
        self, lang: str, entries: Sequence[TriggerEntry], stops: Sequence[str] = ()
    ) -> None:
        self.lang = lang
        self.entries = tuple(entries)
        fold = fold_ar if lang == "ar" else fold_en
        phrases: dict[tuple[str, ...], list[object]] = {}
        for stop in stops:
            phrases.setdefault(tuple(fold(token) for token in stop.split()), []).append(None)
        for entry in self.entries:
            # The same words may be a verb and a noun form (نقل أسلحة): keep both readings.
            seen: set[tuple[tuple[str, ...], str]] = set()
            for form, pos in self.forms(entry):
                tokens = tuple(fold(token) for token in form.split())
                if tokens and (tokens, pos) not in seen:
                    seen.add((tokens, pos))
                    phrases.setdefault(tokens, []).append(_Form(entry, form, pos))
        self._matcher = _TriggerMatcher(lang, phrases)

    def forms(self, entry: TriggerEntry) -> list[tuple[str, str]]:
        """Every surface form the entry matches, with ``"verb"`` or ``"noun"``."""
        if self.lang == "ar":
            verbs = _ar_verb_forms(entry.verbs) if entry.verbs else []
            return [(v, "verb") for v in verbs] + [(n, "noun") for n in entry.nouns]
        verbs = list(entry.verbs[:1]) + _en_inflect(entry.verbs[0], "verb") if entry.verbs else []
        for item in entry.verbs[1:]:
            # an extra item in its base form ("demolish", "call for the release") inflects too
            verbs += [item, *(_en_inflect(item, "verb") if _en_base(item) else ())]
        nouns = [f for n in entry.nouns for f in (n, *_en_inflect(n, "noun"))]
        return [(v, "verb") for v in verbs] + [(n, "noun") for n in nouns]

    def by_type(self, type_: str) -> tuple[TriggerEntry, ...]:
        return tuple(entry for entry in self.entries if entry.type == type_)

    def match(
        self,
        words: Sequence[str],
        norms: Sequence[str] | None = None,
        clitic: Sequence[bool] | None = None,
        glued: Glued | None = None,
        subjects: Sequence[tuple[int, int]] = (),
    ) -> list[TriggerMatch]:
        """Triggers in one sentence's words, longest first, left to right, not overlapping.

        ``words`` are the surface texts of the sentence's syntactic words, ``norms`` their
        ``Word.norm`` (optional) and ``clitic`` their ``Word.clitic`` flags (optional; without
        them a bare و ف ب ل ك س ال is taken for a clitic). A form shared by several entries
        gives one match per entry over the same words. ``glued`` is ``glue(words, clitic,
        lang)`` when the caller has it already; it is used only without ``norms``.
        ``subjects`` are the word ranges (first, last) of actor mentions: an Arabic verb
        phrase may hold one between its verb and the rest ("أطلق مسلحون النار"); that match
        covers the verb alone, and its subject stays free to be the verb's actor.
        """
        units = self._matcher.units(words, norms, clitic, glued)
        inside = frozenset(
            u
            for u, stem in enumerate(units.stems)
            if any(first <= stem <= last for first, last in subjects)
        )
        matches: list[TriggerMatch] = []
        for first, count, prefix, payload in self._matcher.match(units, inside):
            if not isinstance(payload, _Form):
                continue  # a stop phrase: consumes its words, reports nothing
            start = units.stems[first]
            if not prefix:
                # the whole unit matched: what the pipeline split off is part of the word
                # (فتحت "opened" read as ف + تحت "under")
                start = units.stems[first - 1] + 1 if first else 0
            end = units.stems[first + count - 1] + 1
            matches.append(
                TriggerMatch(start, end, payload.entry, payload.form, payload.pos, prefix)
            )
        return matches

    def lookup(self, text: str) -> list[TriggerMatch]:
        """Match a phrase given as one white-space separated string (handy in tests and REPLs)."""
        return self.match(text.split())


class StatusCueLexicon:
    """Status cues of one language, indexed for :meth:`match`."""

    def __init__(self, lang: str, cues: Sequence[StatusCue], blockers: Sequence[str] = ()) -> None:
        self.lang = lang
        self.cues = tuple(cues)
        fold = fold_ar if lang == "ar" else fold_en
        phrases: dict[tuple[str, ...], list[object]] = {}
        for blocker in blockers:
            phrases.setdefault(tuple(fold(t) for t in blocker.split()), []).append(None)
        for cue in self.cues:
            if cue.scope == "prefix":
                continue  # applied through TriggerMatch.prefix, see README
            for tokens in dict.fromkeys(tuple(fold(t) for t in form.split()) for form in cue.forms):
                phrases.setdefault(tokens, []).append(cue)
        self._matcher = _PhraseMatcher(lang, phrases)

    def by_status(self, status: str) -> tuple[StatusCue, ...]:
        return tuple(cue for cue in self.cues if cue.status == status)

    def match(
        self,
        words: Sequence[str],
        norms: Sequence[str] | None = None,
        clitic: Sequence[bool] | None = None,
        glued: Glued | None = None,
    ) -> list[CueMatch]:
        """Status cues in one sentence (same conventions as :meth:`TriggerLexicon.match`).

        Blockers (``status`` "-" rows, e.g. لا يزال "still") consume their words silently; a
        cue with condition ``lowercase`` fires only on a lower-case word (may, not May).
        """
        units = self._matcher.units(words, norms, clitic, glued)
        found: list[CueMatch] = []
        for first, count, prefix, payload in self._matcher.match(units):
            if not isinstance(payload, StatusCue):
                continue
            start = units.stems[first]
            if payload.condition == "lowercase" and not words[start].islower():
                continue
            end = units.stems[first + count - 1] + 1
            found.append(CueMatch(start, end, payload, prefix))
        return found


@cache
def load_triggers(lang: str) -> TriggerLexicon:
    """The trigger lexicon of ``lang`` (``"ar"`` or ``"en"``), read and checked once."""
    if lang not in LANGS:
        raise ResourceError(f"no trigger lexicon for language {lang!r}; have {', '.join(LANGS)}")
    name = f"triggers_{lang}.tsv"
    ontology = load_plover()
    entries: list[TriggerEntry] = []
    keys: set[tuple[str, str, str, str | None]] = set()
    for n, row in _rows(name, (*_TRIGGER_COLUMNS, "flags", "hint")):
        type_, mode = row["type"], row["mode"] or None
        context = _split(row["context"], ";")
        _check(
            name,
            n,
            ontology.is_valid(type_, mode, context),
            "; ".join(ontology.validate(type_, mode, context)),
        )
        _check(name, n, row["pos"] in ("verb", "noun"), f"pos must be verb or noun: {row['pos']!r}")
        verbs, nouns = _split(row["verbs"]), _split(row["nouns"])
        _check(name, n, bool(verbs or nouns), "an entry needs verb or noun forms")
        flags = frozenset(_split(row["flags"], ","))
        _check(name, n, flags <= set(FLAGS), f"unknown flags {sorted(flags - set(FLAGS))}")
        hint = row["hint"] or None
        _check(name, n, hint is None or hint in STATUS_HINTS, f"unknown hint {hint!r}")
        cameo = row["cameo"] or ontology.cameo_for(type_, mode)
        _check(name, n, cameo is None or cameo.isdigit(), f"bad CAMEO code {cameo!r}")
        key = (row["lemma"], row["pos"], type_, mode)
        _check(name, n, key not in keys, f"duplicate entry {key}")
        keys.add(key)
        if ontology.types[type_].requires_recipient:
            flags |= {"needs_recipient"}
        entries.append(
            TriggerEntry(
                row["lemma"],
                lang,
                row["pos"],
                type_,
                mode,
                context,
                cameo,
                flags,
                hint,
                verbs,
                nouns,
            )
        )
    stops = [
        row["phrase"]
        for _, row in _rows("trigger_stops.tsv", ("lang", "phrase", "note"))
        if row["lang"] == lang and row["phrase"]
    ]
    return TriggerLexicon(lang, entries, stops)


@cache
def load_status_cues(lang: str) -> StatusCueLexicon:
    """The status cues of ``lang`` from ``status_cues.tsv``, read and checked once."""
    if lang not in LANGS:
        raise ResourceError(f"no status cues for language {lang!r}; have {', '.join(LANGS)}")
    name = "status_cues.tsv"
    cues: list[StatusCue] = []
    blockers: list[str] = []
    for n, row in _rows(name, _CUE_COLUMNS):
        _check(name, n, row["lang"] in LANGS, f"unknown lang {row['lang']!r}")
        if not row["status"]:
            blockers += _split(row["cue"]) if row["lang"] == lang else ()
            continue
        _check(name, n, row["status"] in STATUS_HINTS, f"unknown status {row['status']!r}")
        _check(name, n, row["scope"] in SCOPES, f"unknown scope {row['scope']!r}")
        forms = _split(row["cue"])
        _check(name, n, bool(forms), "empty cue")
        if row["lang"] == lang:
            cues.append(
                StatusCue(
                    forms[0],
                    lang,
                    row["status"],
                    row["scope"],
                    row["condition"] or None,
                    forms,
                    row["note"],
                )
            )
    return StatusCueLexicon(lang, cues, blockers)


@cache
def load_happening(lang: str) -> frozenset[tuple[str, ...]]:
    """Happening verbs of ``lang`` (``happening.tsv``) as tuples of normalised words."""
    return frozenset(form for form, _doer in _happening_rows(lang))


@cache
def load_doer_verbs(lang: str) -> frozenset[tuple[str, ...]]:
    """The happening verbs of ``lang`` whose subject does the event (``subject`` = doer:
    نظم، نفذ، شن، organised, launched), as tuples of normalised words."""
    return frozenset(form for form, doer in _happening_rows(lang) if doer)


@cache
def _happening_rows(lang: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    if lang not in LANGS:
        raise ResourceError(f"no happening verbs for language {lang!r}; have {', '.join(LANGS)}")
    name = "happening.tsv"
    forms: list[tuple[tuple[str, ...], bool]] = []
    for n, row in _rows(name, ("lang", "forms", "subject", "note")):
        _check(name, n, row["lang"] in LANGS, f"unknown lang {row['lang']!r}")
        _check(name, n, row["subject"] in ("event", "doer"), "subject must be event or doer")
        found = _split(row["forms"])
        _check(name, n, bool(found), "no forms")
        if row["lang"] == lang:
            doer = row["subject"] == "doer"
            forms.extend((tuple(normalize(w, lang) for w in form.split()), doer) for form in found)
    return tuple(forms)
