"""A CoNLL-U reader for Universal Dependencies treebanks.

It copes with what real files contain: comments (``# text =``, ``# sent_id =``,
``# newdoc id =``, PADT's ``# sent_id s-p1`` without ``=``), multiword token
ranges (``1-2``) with their syntactic words, empty nodes (``1.1``), CRLF line
ends, a byte-order mark and U+200E/U+200F marks. Each sentence keeps its surface
tokens (a range line, or a single word) and its syntactic words.

Old treebanks such as PADT v1.3 have neither ``# text`` nor multiword ranges:
their clitics are separate word lines. :func:`attach_arabic_clitics` rebuilds
surface tokens from them for segmentation scoring.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from khabar.errors import ResourceError
from khabar.evaluation.paths import read_text, strip_direction_marks

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_SENT_ID = re.compile(r"^#\s*sent_id\s*=?\s*(\S+)")
_NEWDOC = re.compile(r"^#\s*newdoc(?:\s+id)?\s*=?\s*(\S*)")
_ORIG_FILE = re.compile(r"^#\s*orig_file_sentence\s+(\S+?)(?:#\d+)?$")


@dataclass(slots=True)
class UDWord:
    """A syntactic word line."""

    id: int
    form: str
    lemma: str
    upos: str
    xpos: str
    feats: dict[str, str]
    misc: dict[str, str]

    @property
    def space_after(self) -> bool:
        return self.misc.get("SpaceAfter") != "No"


@dataclass(slots=True)
class UDToken:
    """A surface token: a multiword range line with its words, or one word."""

    form: str
    words: list[UDWord]
    space_after: bool = True


@dataclass(slots=True)
class UDSentence:
    sent_id: str
    doc_id: str
    text: str | None
    tokens: list[UDToken] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)

    @property
    def words(self) -> list[UDWord]:
        return [word for token in self.tokens for word in token.words]


def _pairs(column: str) -> dict[str, str]:
    if column == "_":
        return {}
    out = {}
    for item in column.split("|"):
        key, _, value = item.partition("=")
        out[key] = value
    return out


def parse_conllu(content: str, source: str = "<conllu>") -> Iterator[UDSentence]:
    """Sentences of a CoNLL-U document given as a string."""
    content = strip_direction_marks(content.replace("\r\n", "\n").replace("\r", "\n"))
    doc_id = ""
    comments: dict[str, str] = {}
    sent_id = ""
    tokens: list[UDToken] = []
    pending: tuple[int, int, str, bool] | None = None  # a range: first, last, form, space
    count = 0

    def flush() -> UDSentence | None:
        nonlocal comments, tokens, sent_id, count
        if not tokens:
            comments = {}
            return None
        count += 1
        sent = UDSentence(
            sent_id or f"{source}#{count}", doc_id, comments.get("text"), tokens, comments
        )
        comments, tokens, sent_id = {}, [], ""
        return sent

    for lineno, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            sent = flush()
            if sent is not None:
                yield sent
            continue
        if line.startswith("#"):
            if m := _NEWDOC.match(line):
                doc_id = m.group(1)
            elif m := _SENT_ID.match(line):
                sent_id = m.group(1)
            if m := _ORIG_FILE.match(line):
                doc_id = m.group(1)
            key, sep, value = line[1:].partition("=")
            if sep:
                comments[key.strip()] = value.strip()
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ResourceError(f"{source}:{lineno}: expected 10 tab-separated columns")
        wid = cols[0]
        if "." in wid:
            continue  # empty nodes carry no surface text
        misc = _pairs(cols[9])
        if "-" in wid:
            first, last = wid.split("-")
            pending = (int(first), int(last), cols[1], misc.get("SpaceAfter") != "No")
            tokens.append(UDToken(cols[1], [], pending[3]))
            continue
        word = UDWord(int(wid), cols[1], cols[2], cols[3], cols[4], _pairs(cols[5]), misc)
        if pending is not None and pending[0] <= word.id <= pending[1]:
            tokens[-1].words.append(word)
            if word.id == pending[1]:
                pending = None
        else:
            pending = None
            tokens.append(UDToken(word.form, [word], word.space_after))
    sent = flush()
    if sent is not None:
        yield sent


def read_conllu(path: Path) -> list[UDSentence]:
    """All sentences of a CoNLL-U file."""
    return list(parse_conllu(read_text(path), str(path)))


def undiacritize(form: str) -> str:
    """``form`` without Arabic diacritics and tatweel (PADT forms are vocalised)."""
    return _DIACRITICS.sub("", form)


_PROCLITICS = frozenset("وفبلكس")
_PROCLITIC_UPOS = frozenset({"CONJ", "CCONJ", "ADP", "PART", "SCONJ"})
_ENCLITICS = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "كما", "كن", "ي", "ني", "نا"})
_ENCLITIC_CASES = frozenset({"Gen", "Acc"})
# Prepositions whose final alef maqsura is written ي before a pronoun (عليه، إليه، لديه).
_YA_HOSTS = frozenset({"على", "إلى", "لدى"})


def attach_arabic_clitics(sentence: UDSentence) -> list[list[str]]:
    """Surface tokens of a PADT-style sentence, each as the surface pieces of its words.

    Single-letter conjunctions and prepositions join the next word; enclitic pronouns
    (a pronoun form in the genitive or accusative) join the previous one. The pieces
    are spelled as they are written when joined: the article's alef drops after ل
    (``ل`` + ``الحظر`` -> ``ل|لحظر``), ة before a pronoun becomes ت and ى becomes ي
    or ا. Forms are undiacritised.
    """
    groups: list[list[str]] = []
    attach_next = False
    for word in sentence.words:
        form = undiacritize(word.form) or word.form
        is_enclitic = (
            word.upos == "PRON"
            and form in _ENCLITICS
            and word.feats.get("Case") in _ENCLITIC_CASES
            and groups
            and not attach_next
            and groups[-1][-1][-1:].isalpha()
        )
        if attach_next and groups:
            if groups[-1][-1] == "ل" and form.startswith("ال") and len(form) > 2:
                form = form[1:]
            groups[-1].append(form)
        elif is_enclitic:
            host = groups[-1][-1]
            if host.endswith("ة"):
                host = host[:-1] + "ت"
            elif host.endswith("ى"):
                host = host[:-1] + ("ي" if host in _YA_HOSTS else "ا")
            groups[-1][-1] = host
            groups[-1].append(form)
        else:
            groups.append([form])
        attach_next = form in _PROCLITICS and word.upos in _PROCLITIC_UPOS
    return groups
