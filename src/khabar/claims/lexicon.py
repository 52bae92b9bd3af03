"""The claims stage's resources: reporting cues, source heads and closed word lists.

All three are TSV files in ``khabar/data/claims`` (format in its README), read and
checked once per process. Forms are stored as tuples of normalised tokens, so a
multi-word cue (``نقلا عن``, ``according to``) is matched token by token.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from khabar.document import STANCES
from khabar.errors import ResourceError
from khabar.text.normalize import normalize

_DATA = "khabar.data.claims"
CUE_KINDS = ("verb", "chain_verb", "according", "chain", "tail")
CONTENT_KINDS = ("clause", "object", "either", "-")
BARE_KINDS = ("inherit", "impersonal", "narrator", "-")
WORD_ROLES = ("complementizer", "stop", "connector", "sector", "denial", "pronoun", "head", "label")
SOURCE_KINDS = ("anonymous", "media")
LANGS = ("ar", "en")


@dataclass(frozen=True, slots=True)
class Cue:
    """One reporting cue form.

    ``kind``: ``verb`` (the speaker is its subject), ``chain_verb`` (its subject only
    passes on the words of a source named after it: نقل عن, quoted), ``according``
    (بحسب, according to: the source follows, the content is on the other side),
    ``chain`` (نقلا عن, citing: names the inner source) or ``tail`` (على حد قوله: the
    speaker is the one already speaking). ``content`` says where a verb's content is
    (after a complementizer, its object, or either); ``bare`` what a verb with no
    subject means (the previous speaker, no speaker at all, or the narrator's voice).
    """

    form: tuple[str, ...]
    kind: str
    stance: str
    content: str
    bare: str


@dataclass(frozen=True, slots=True)
class SourceHead:
    """A noun that heads an anonymous or media source phrase (مصادر, officials, وكالة أنباء)."""

    form: tuple[str, ...]
    kind: str
    name: str
    sector: str | None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything one language's rules need, keyed by tuples of normalised tokens."""

    lang: str
    cues: dict[tuple[str, ...], Cue]
    heads: dict[tuple[str, ...], SourceHead]
    words: dict[str, dict[tuple[str, ...], str]]
    max_cue: int
    max_head: int

    def role(self, role: str) -> dict[tuple[str, ...], str]:
        return self.words.get(role, {})


def norm_form(text: str, lang: str) -> tuple[str, ...]:
    """A written form as the tuple of normalised tokens the matcher compares."""
    return tuple(normalize(part, lang) for part in text.split())


def _rows(name: str) -> list[tuple[int, list[str]]]:
    try:
        raw = resources.files(_DATA).joinpath(name).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError) as exc:
        raise ResourceError(f"{name} is missing from {_DATA}; reinstall khabar") from exc
    rows: list[tuple[int, list[str]]] = []
    header_seen = False
    for number, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        rows.append((number, line.rstrip("\n").split("\t")))
    return rows


def _check(name: str, number: int, ok: bool, message: str) -> None:
    if not ok:
        raise ResourceError(f"{_DATA}/{name} line {number}: {message}; fix the file")


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The cues, source heads and word lists of ``lang`` (``ar`` or ``en``), loaded once."""
    if lang not in LANGS:
        raise ResourceError(f"no claim cues for language {lang!r}; have {', '.join(LANGS)}")
    name = f"cues_{lang}.tsv"
    cues: dict[tuple[str, ...], Cue] = {}
    for number, row in _rows(name):
        _check(name, number, len(row) == 5, "expected 5 tab-separated columns")
        forms, kind, stance, content, bare = row
        _check(name, number, kind in CUE_KINDS, f"unknown kind {kind!r}")
        _check(name, number, stance in STANCES, f"unknown stance {stance!r}")
        _check(name, number, content in CONTENT_KINDS, f"unknown content {content!r}")
        _check(name, number, bare in BARE_KINDS, f"unknown bare {bare!r}")
        for form in forms.split("|"):
            key = norm_form(form, lang)
            cues[key] = Cue(key, kind, stance, content, bare)
    heads: dict[tuple[str, ...], SourceHead] = {}
    for number, row in _rows("sources.tsv"):
        _check("sources.tsv", number, len(row) == 5, "expected 5 tab-separated columns")
        forms, row_lang, kind, canonical, sector = row
        _check("sources.tsv", number, kind in SOURCE_KINDS, f"unknown kind {kind!r}")
        if row_lang != lang:
            continue
        for form in forms.split("|"):
            key = norm_form(form, lang)
            heads[key] = SourceHead(key, kind, canonical, None if sector == "-" else sector)
    words: dict[str, dict[tuple[str, ...], str]] = {}
    for number, row in _rows("words.tsv"):
        _check("words.tsv", number, len(row) == 4, "expected 4 tab-separated columns")
        forms, row_lang, role, value = row
        _check("words.tsv", number, role in WORD_ROLES, f"unknown role {role!r}")
        if row_lang != lang:
            continue
        table = words.setdefault(role, {})
        for form in forms.split("|"):
            table[norm_form(form, lang)] = value
    return Lexicon(
        lang=lang,
        cues=cues,
        heads=heads,
        words=words,
        max_cue=max((len(k) for k in cues), default=1),
        max_head=max((len(k) for k in heads), default=1),
    )
