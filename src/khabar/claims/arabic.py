"""Arabic attribution rules: reporting verbs (mostly verb-first), chains and phrases.

Wire Arabic puts the reporting verb first: ``CUE SPEAKER [adverbials] [نقلا عن SOURCE
[قوله]] أن/إن CONTENT``, or quotes first: ``«...»، قال SPEAKER``. ``بحسب X`` /
``وفقا لـ X`` name a source for the clause on their other side. The speaker phrase
is an actor mention when the actor stage found one, else a listed anonymous or
media head (مصادر، وسائل إعلام) with its modifiers, else a title (الوزير ...).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from khabar.actors.resources import load_institutions, load_titles
from khabar.claims.found import Found, Span2, quote_ending_before, quoted_whole, trim
from khabar.claims.lexicon import Cue, Lexicon, SourceHead
from khabar.claims.view import QUOTE_CHARS, Tok, entry_at, first_keys, is_in
from khabar.text.normalize import normalize_ar

# How far (in tokens) a verb's complementizer may sit after its speaker phrase.
COMPLEMENT_REACH = 8
MAX_SPEAKER = 9
MAX_MODIFIERS = 6
_TITLE_REACH = 5
# Words between an SVO subject and its reporting verb: وزارة الخارجية قد حذرت، كانت قد أعلنت.
_AUXILIARIES = frozenset({"قد", "وقد", "كان", "كانت", "كانوا", "وكانت", "وكان", "لقد"})
_QUOTE_SKIP = frozenset({"هكذا", "و"})
_ADJECTIVE_ENDINGS = ("ي", "يه", "يون", "يين", "ون", "ين", "ات")


@cache
def speaker_heads() -> frozenset[str]:
    """First words (normalised, with and without the article) of the office titles and
    institution nouns of the actor resources: a phrase headed by one names a speaker even
    when no actor covers it (المتحدث باسم ...، وزارة الخارجية ...)."""
    heads: set[str] = set()
    phrases = [(t.text, t.lang) for t in load_titles()]
    phrases += [(i.text, i.lang) for i in load_institutions()]
    for text, lang in phrases:
        if lang == "ar":
            head = normalize_ar(text.split()[0])
            heads.update({head, head.removeprefix("ال")})
    return frozenset(h for h in heads if len(h) > 2)


class ArabicRules:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.complementizers = lex.role("complementizer")
        self.stops = lex.role("stop")
        self.connectors = lex.role("connector")
        self._types: dict[int, str] = {}
        self._cue_at: set[int] = set()
        self.titles = speaker_heads() | {form[0] for form in lex.role("head")}

    # -- the sentence ---------------------------------------------------------
    def find(
        self,
        text: str,
        toks: list[Tok],
        mentions: dict[int, int],
        pairs: dict[int, int],
        types: dict[int, str] | None = None,
        syntax: Any = None,
    ) -> list[Found]:
        """Attributions of one sentence (``syntax`` is for English; unused).

        ``mentions`` maps the token index where a mention starts to the index after
        its last token, and ``types`` to the mention's type (PERSON, GPE, ...).
        """
        self._types = types or {}
        cues: list[tuple[int, int, Cue]] = []
        table, longest = self.lex.cues, self.lex.max_cue
        # Most tokens start no cue: one set test per token, in a comprehension, finds the few
        # that may; a cue found covers its tokens, so a later start inside it is skipped.
        firsts = first_keys(table)
        free = 0
        for i in [j for j, tok in enumerate(toks) if not firsts.isdisjoint(tok.keys)]:
            if i < free:
                continue
            entry, size = entry_at(toks, i, table, longest)
            if isinstance(entry, Cue):
                cues.append((i, size, entry))
                free = i + size
        self._cue_at = {index for index, _size, _cue in cues}
        found: list[Found] = []
        used: set[int] = set()
        for n, (index, size, cue) in enumerate(cues):
            if index in used or cue.kind == "chain":
                continue
            later = [c for c in cues[n + 1 :] if c[2].kind in ("verb", "according", "chain_verb")]
            if cue.kind == "according":
                item = self._according(text, toks, index, size, mentions, later, used)
            elif cue.kind == "tail":
                item = self._tail(text, toks, index, size, cue)
            else:
                item = self._verb(text, toks, index, size, cue, mentions, pairs, later)
            if item is not None:
                found.append(item)
        return found

    # -- verbs ------------------------------------------------------------------
    def _verb(
        self,
        text: str,
        toks: list[Tok],
        index: int,
        size: int,
        cue: Cue,
        mentions: dict[int, int],
        pairs: dict[int, int],
        later: list[tuple[int, int, Cue]],
    ) -> Found | None:
        cue_span = (_cue_start(toks[index]), toks[index + size - 1].end)
        after = index + size
        speaker = self._speaker(toks, after, mentions)
        item = Found(cue=cue_span, content=(0, 0), stance=cue.stance)
        pos = after
        if speaker is not None:
            item.speaker, item.speakers, item.head, pos = speaker
        # A chain: نقلت وكالة X عن مصادر قولها ..., أفادت وسائل إعلام نقلا عن مصادر ...
        pos = self._chain(toks, pos, cue, item, mentions)
        quote_before = quote_ending_before(toks, index, pairs, _QUOTE_SKIP)
        limit = self._clause_end(toks, index, later)
        if quote_before is not None:
            item.content = quote_before
            item.direct = True
        else:
            content = self._content(text, toks, pos, limit, cue, pairs)
            if content is None:
                return None
            item.content = content
            item.direct = quoted_whole(text, content, pairs)
        if item.speaker is None:
            # SVO: the subject before the verb (متحدث باسم الخارجية قال، الوزارة قد حذرت).
            before = self._speaker_before(toks, index, mentions)
            if before is not None:
                item.speaker, item.speakers, item.head, _ = before
        if item.speaker is None:
            if cue.bare == "narrator":
                return None
            complement_next = pos < len(toks) and is_in(toks[pos], self.complementizers)
            if cue.bare == "impersonal" and complement_next:
                item.impersonal = True
            else:
                item.inherit = True
        item.stance = self._stance(text, item, cue)
        return item

    def _stance(self, text: str, item: Found, cue: Cue) -> str:
        if cue.stance == "assert" and self._has_denial(text, item.content):
            return "deny"
        if item.direct and cue.stance == "assert":
            return "quote"
        return cue.stance

    def _has_denial(self, text: str, span: Span2) -> bool:
        content = " " + normalize_ar(text[span[0] : span[1]]) + " "
        return any(" " + " ".join(form) in content for form in self.lex.role("denial"))

    def _chain(
        self, toks: list[Tok], pos: int, cue: Cue, item: Found, mentions: dict[int, int]
    ) -> int:
        """Follow ``عن X`` / ``نقلا عن X`` after the speaker; return where content may start."""
        for _ in range(2):
            j = pos
            # Adverbials may sit between the speaker and the chain (سابقا، في الرابع من ...).
            while j < len(toks) and j - pos < COMPLEMENT_REACH:
                tok = toks[j]
                if (
                    is_in(tok, self.complementizers)
                    or tok.text in (":",)
                    or tok.text in QUOTE_CHARS
                ):
                    return pos
                entry, size = entry_at(toks, j, self.lex.cues, self.lex.max_cue)
                is_an = tok.norm == "عن" and cue.kind == "chain_verb"
                if isinstance(entry, Cue) and entry.kind == "chain":
                    j += size
                    if j < len(toks) and toks[j].norm == "عن":
                        j += 1
                    break
                if is_an:
                    j += 1
                    break
                if isinstance(entry, Cue) and entry.kind != "chain":
                    return pos
                j += 1
            else:
                return pos
            if j >= len(toks):
                return pos
            inner = self._speaker(toks, j, mentions)
            if inner is None:
                return pos
            if item.speaker is not None:
                item.via.append(item.speaker)
            item.speaker, item.speakers, item.head, pos = inner
            # قوله / قولها / قولهم: "his saying"
            if pos < len(toks) and toks[pos].norm.startswith("قول"):
                pos += 1
        return pos

    def _content(
        self,
        text: str,
        toks: list[Tok],
        pos: int,
        limit: int,
        cue: Cue,
        pairs: dict[int, int],
    ) -> Span2 | None:
        start: int | None = None
        for j in range(pos, min(limit, pos + COMPLEMENT_REACH)):
            tok = toks[j]
            if cue.content != "object" and is_in(tok, self.complementizers):
                start = _after_complementizer(tok, toks, j)
                break
            if cue.content != "object" and tok.text in (":",):
                start = toks[j + 1].start if j + 1 < len(toks) else None
                break
            if j == pos and tok.text in QUOTE_CHARS and pairs.get(tok.start, -1) > tok.start:
                start = tok.start
                break
        if start is None:
            while pos < limit and (self._stop(toks[pos]) or toks[pos].punct):
                pos += 1  # adverbs before the object: مرارا وتكرارا
            if cue.content == "clause" or pos >= limit:
                return None
            start = toks[pos].start
        if text[start] in QUOTE_CHARS and pairs.get(start, -1) > start:
            # A quotation keeps going to its closing mark, across sentences too.
            close = pairs[start]
            end_tok = limit - 1
            if close >= toks[end_tok].end:
                return (start, close + 1)
        end = toks[limit - 1].end if limit > 0 else start
        return trim(text, start, end)

    def _clause_end(self, toks: list[Tok], index: int, later: list[tuple[int, int, Cue]]) -> int:
        """Token index where this cue's clause ends: before the next joined claim, or the end."""
        for other, _size, _cue in later:
            if other <= index:
                continue
            prev = toks[other - 1] if other > 0 else None
            joined = (
                prev is not None and (prev.punct or is_in(prev, self.connectors))
            ) or _has_conjunction(toks[other])
            if joined:
                j = other
                while j > index + 1 and (toks[j - 1].punct or is_in(toks[j - 1], self.connectors)):
                    if toks[j - 1].text in QUOTE_CHARS:
                        break
                    j -= 1
                return j
        return len(toks)

    # -- according to X / as he put it ------------------------------------------
    def _according(
        self,
        text: str,
        toks: list[Tok],
        index: int,
        size: int,
        mentions: dict[int, int],
        later: list[tuple[int, int, Cue]],
        used: set[int],
    ) -> Found | None:
        after = index + size
        if after < len(toks) and toks[after].norm == "ما":
            after += 1
        cue_span = (_cue_start(toks[index]), toks[after - 1].end)
        before = trim(text, toks[0].start, toks[index].start)
        at_start = before is None or all(t.punct or is_in(t, self.connectors) for t in toks[:index])
        nxt = later[0] if later and later[0][0] == after else None
        if nxt is not None and nxt[2].kind in ("verb", "chain_verb"):
            # حسبما ذكرت الوكالة / بحسب ما نقلت X عن Y: the verb names the source.
            used.add(nxt[0])
            item = self._verb(text, toks, nxt[0], nxt[1], nxt[2], mentions, {}, [])
            if item is None:
                return None
            item.content = (0, 0)
            item.cue = (cue_span[0], item.cue[1] if item.cue else cue_span[1])
        else:
            speaker = self._speaker(toks, after, mentions)
            if speaker is None:
                return None
            item = Found(cue=cue_span, content=(0, 0), stance="assert")
            item.speaker, item.speakers, item.head, _end = speaker
        if index > 0 and toks[index - 1].text == "(" and toks[-1].text == ")":
            return None  # a byline credit: (بحسب رويترز)
        if at_start or before is None:
            speaker_end = _span_end_token(toks, item.speaker)
            limit = self._clause_end(toks, index, later)
            content = trim(text, toks[min(speaker_end, len(toks) - 1)].end, toks[limit - 1].end)
            if speaker_end >= limit:
                content = None
        else:
            content = before
        if content is None:
            return None
        item.content = content
        return item

    def _tail(self, text: str, toks: list[Tok], index: int, size: int, cue: Cue) -> Found | None:
        content = trim(text, toks[0].start, toks[index].start)
        if content is None:
            return None
        cue_span = (_cue_start(toks[index]), toks[index + size - 1].end)
        return Found(cue=cue_span, content=content, stance=cue.stance, inherit=True)

    # -- speaker phrases ----------------------------------------------------------
    def _speaker(
        self, toks: list[Tok], start: int, mentions: dict[int, int]
    ) -> tuple[Span2, list[Span2], str | None, int] | None:
        """A speaker phrase at ``start``: (span, co-ordinated spans, head name, next index)."""
        j = start
        if j < len(toks) and toks[j].norm == "ل":
            j += 1  # وفقا لـ X
        if j >= len(toks) or toks[j].punct or self._stop(toks[j]):
            return None
        head: SourceHead | None = None
        parts: list[Span2] = []
        if j in mentions:
            end = mentions[j]
            parts.append((toks[j].stem, toks[end - 1].end))
            end = self._extend_mentions(toks, end, mentions, parts)
        else:
            entry, size = entry_at(toks, j, self.lex.heads, self.lex.max_head)
            if isinstance(entry, SourceHead):
                head = entry
                end = self._modifiers(toks, j + size, mentions)
            elif _strip_article(toks[j]) in self.titles or any(
                k in self.titles for k in toks[j].keys
            ):
                end = j + 1
                while end < len(toks) and end - j <= _TITLE_REACH:
                    if toks[end].punct or self._stop(toks[end]) or self._is_cue(toks, end):
                        break
                    end += 1
            else:
                return None
            parts.append((toks[j].stem, toks[end - 1].end))
        span = (parts[0][0], parts[-1][1])
        return span, parts if len(parts) > 1 else [span], head.name if head else None, end

    def _speaker_before(
        self, toks: list[Tok], index: int, mentions: dict[int, int]
    ) -> tuple[Span2, list[Span2], str | None, int] | None:
        """A mention or title phrase ending right before the cue (auxiliaries قد، كان skipped)."""
        end = index
        while end > 0 and toks[end - 1].norm in _AUXILIARIES:
            end -= 1
        low = max(0, end - _TITLE_REACH - 1)
        for start in range(end - 1, low - 1, -1):
            if toks[start].punct:
                low = start + 1
                break
        # The longest phrase that ends at the cue: "متحدثا باسم الخارجية الإيرانية قال".
        for start in range(low, end):
            found = self._speaker(toks, start, mentions)
            if found is not None and found[3] == end:
                return found
        return None

    def _extend_mentions(
        self, toks: list[Tok], end: int, mentions: dict[int, int], parts: list[Span2]
    ) -> int:
        """Grow a mention phrase over adjacent mentions (a title then a name) and و-coordination."""
        types = self._types
        kind = types.get(_span_start_token(toks, parts[-1][0]), "")
        while end < len(toks):
            tok = toks[end]
            if (
                end in mentions
                and not _has_conjunction(tok)
                and types.get(end) == "PERSON"
                and (kind != "GPE")
            ):
                # A title then a name: one phrase (وزير الدفاع الروسي + سيرغي شويغو).
                new_end = mentions[end]
                parts[-1] = (parts[-1][0], toks[new_end - 1].end)
                end = new_end
                continue
            if end in mentions and _has_conjunction(tok):
                # وروسيا: a second speaker.
                new_end = mentions[end]
                parts.append((tok.stem, toks[new_end - 1].end))
                end = new_end
                continue
            break
        return end

    def _modifiers(self, toks: list[Tok], end: int, mentions: dict[int, int]) -> int:
        """Extend an anonymous or media head over its adjectives, a من phrase and a quoted name."""
        start = end
        used_from = False
        while end < len(toks) and end - start < MAX_MODIFIERS:
            tok = toks[end]
            if end in mentions:
                end = mentions[end]
                continue
            if tok.text in QUOTE_CHARS and end + 2 < len(toks) and toks[end + 2].text == tok.text:
                end += 3  # وكالة الأنباء الكورية الجنوبية "يونهاب"
                continue
            if tok.punct or self._stop(tok) or self._is_cue(toks, end):
                break
            if tok.norm == "من" and not used_from:
                used_from = True
                end += 1
                continue
            stem = _strip_article(tok)
            if (
                tok.norm.startswith("ال")
                or stem.endswith(_ADJECTIVE_ENDINGS)
                or (len(tok.keys) > 1 and end > start)
            ):
                end += 1
                continue
            break
        # A dangling من belongs to what follows, not to the speaker.
        while end > start and toks[end - 1].norm == "من":
            end -= 1
        return end

    def _stop(self, tok: Tok) -> bool:
        return is_in(tok, self.stops) or is_in(tok, self.complementizers)

    def _is_cue(self, toks: list[Tok], index: int) -> bool:
        return index in self._cue_at


def _strip_article(tok: Tok) -> str:
    key = tok.keys[-1]
    return key[2:] if key.startswith("ال") and len(key) > 3 else key


def _after_complementizer(tok: Tok, toks: list[Tok], j: int) -> int | None:
    """Where the clause after أن/إن/بأنها starts: after the particle, keeping a pronoun on it."""
    return toks[j + 1].start if j + 1 < len(toks) else None


def _cue_start(tok: Tok) -> int:
    """A cue starts after a conjunction (وأعلن -> أعلن) but keeps a preposition (بحسب)."""
    return tok.start + 1 if _has_conjunction(tok) else tok.start


def _has_conjunction(tok: Tok) -> bool:
    return len(tok.keys) > 1 and tok.keys[1] == tok.norm[1:]


def _span_start_token(toks: list[Tok], offset: int) -> int:
    for k, tok in enumerate(toks):
        if tok.end > offset:
            return k
    return 0


def _span_end_token(toks: list[Tok], span: Span2 | None) -> int:
    if span is None:
        return 0
    for k, tok in enumerate(toks):
        if tok.end >= span[1]:
            return k
    return len(toks) - 1
