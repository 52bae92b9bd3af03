"""The ``claims`` stage: who says what, through whom, with what stance.

For each sentence the language's rules (``arabic.py``, ``english.py``) find
attributions as character spans; quotations that run on into following
sentences with no cue of their own keep the last speaker; then
:class:`~khabar.claims.speakers.SpeakerResolver` turns speaker phrases into
actor ids. What the article tells in its own voice gets no claim: its source
is the byline (:func:`own_voice_source`).

Decisions worth knowing:

* An impersonal belief (يُعتقد أن, it is believed that) is a claim with no
  speaker (``speaker`` and ``speaker_span`` null) and stance ``assert``; the
  events stage's status cues make its events ``alleged``.
* Co-ordinated speakers (نفت كوريا الشمالية وروسيا) give one claim per speaker,
  with the same cue and content.
* A neutral cue (قال، وصف، described) whose content calls something false
  (كاذبة، لا أساس لها، baseless) is a denial.
* Punctuation attributes too (``marks.py``): a headline ``Speaker: ...`` or a
  quotation signed ``— Name``, unless a reporting verb already claims that
  quotation.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache

from khabar.actors.english_ner import english_parse
from khabar.claims.arabic import ArabicRules
from khabar.claims.english import EnglishRules
from khabar.claims.english_cues import load_cue_model
from khabar.claims.english_syntax import Syntax
from khabar.claims.found import Found, trim
from khabar.claims.lexicon import load_lexicon
from khabar.claims.marks import find_marked, labelled, may_be_marked
from khabar.claims.speakers import SpeakerResolver
from khabar.claims.view import (
    OPENING,
    QUOTE_CHARS,
    STRAIGHT,
    Tok,
    quote_pairs,
    sentence_toks,
)
from khabar.config import Config
from khabar.document import Claim, Document, Mention, Sentence

Rules = ArabicRules | EnglishRules


class ClaimsStage:
    name = "claims"
    requires = ("sentences", "mentions", "actors")
    sets = ("claims",)

    def __init__(self, config: Config) -> None:
        self.config = config
        self._rules: dict[str, Rules] = {}

    def rules(self, lang: str) -> Rules:
        if lang not in self._rules:
            lex = load_lexicon(lang)
            self._rules[lang] = ArabicRules(lex) if lang == "ar" else EnglishRules(lex)
        return self._rules[lang]

    def __call__(self, doc: Document) -> Document:
        lang = "ar" if doc.language == "ar" else "en"
        rules = self.rules(lang)
        pairs = quote_pairs(doc.text)
        mentions = sorted(doc.mentions, key=lambda m: m.start)
        starts = [m.start for m in mentions]
        found: list[Found] = []
        triggers = _triggers(lang)
        parsed = english_parse(doc.text) if lang == "en" and self.config.statistical_ner else None
        syntax = Syntax(parsed) if parsed is not None else None
        for sentence in doc.sentences:
            if not sentence.tokens:
                continue
            worded = _may_hold_claim(sentence, triggers, found)
            if not worded and not may_be_marked([t.text for t in sentence.tokens]):
                continue
            toks = sentence_toks(sentence, lang)
            index, types = _mention_index(toks, mentions, starts)
            items = rules.find(doc.text, toks, index, pairs, types, syntax=syntax) if worded else []
            items += [
                m
                for m in find_marked(doc.text, toks, index, types, pairs, rules.lex)
                if not any(_overlaps(m.content, f.content) for f in items if f.direct)
            ]
            items = [
                f
                for f in items
                if not _speakerless_in_quote(f, pairs, doc.text)
                and not labelled(doc.text, f, rules.lex)
            ]
            if not items and found:
                follow = _continued_quote(doc.text, toks, pairs, found[-1])
                if follow is not None:
                    items = [follow]
            found.extend(items)
        # A quotation claimed by a later cue («...»، قال X) is not a continuation.
        found = [
            f
            for f in found
            if f.cue is not None
            or not any(o is not f and _overlaps(o.content, f.content) for o in found)
        ]
        doc.claims = _claims(doc, found, load_lexicon(lang))
        return doc


@cache
def _triggers(lang: str) -> frozenset[str]:
    """Word forms without which a sentence holds no cue: first words of the cues, unprefixed,
    and in English every word the trained cue model may call a cue (it knows more than the
    lexicon: PolNeAR dev cue overlap F1 0.715 with the lexicon's words alone, 0.726 with its)."""
    forms: set[str] = set()
    for key in load_lexicon(lang).cues:
        forms.add(key[0])
        if lang == "ar" and len(key[0]) > 3 and key[0][0] in "وفبل":
            forms.add(key[0][1:])
    model = load_cue_model() if lang == "en" else None
    if model is not None:
        forms |= model.candidates
    return frozenset(forms)


def _may_hold_claim(sentence: Sentence, triggers: frozenset[str], found: list[Found]) -> bool:
    if found and sentence.tokens[0].text in QUOTE_CHARS:
        return True  # a quotation that may go on from the previous claim
    # Plain loops: this runs over every word of the document.
    for token in sentence.tokens:
        for word in token.words:
            if word.norm in triggers:
                return True
    return False


def own_voice_source(doc: Document) -> list[str]:
    """Who stands behind what the article tells in its own voice (claims with ``claim: null``).

    The wire agencies of the byline (``(بحسب رويترز)`` -> ``["Reuters"]``), else the
    outlet that published it, else nothing.
    """
    if doc.byline.wire:
        return list(doc.byline.wire)
    return [doc.source] if doc.source else []


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _speakerless_in_quote(item: Found, pairs: dict[int, int], text: str) -> bool:
    """A cue inside a quotation with no speaker of its own (a proverb that "says")."""
    if item.cue is None or item.speaker is not None or item.impersonal:
        return False
    cue = item.cue[0]
    return any(o < cue < c for o, c in pairs.items() if o < c and c - o < 2000)


def _mention_index(
    toks: list[Tok], mentions: list[Mention], starts: list[int]
) -> tuple[dict[int, int], dict[int, str]]:
    """Token index where a mention starts -> index after its last token, and -> its type."""
    if not toks or not mentions:
        return {}, {}
    low, high = toks[0].start, toks[-1].end
    tok_starts = [t.start for t in toks]
    index: dict[int, int] = {}
    types: dict[int, str] = {}
    for mention in mentions[bisect_left(starts, low) :]:
        if mention.start >= high:
            break
        first = bisect_left(tok_starts, mention.start + 1) - 1
        last = bisect_left(tok_starts, mention.end) - 1
        if first < 0 or last < first:
            continue
        if last + 1 > index.get(first, 0):
            index[first] = last + 1
            types[first] = mention.type
    return index, types


def _continued_quote(
    text: str, toks: list[Tok], pairs: dict[int, int], last: Found
) -> Found | None:
    """A sentence that is all quotation right after a claim: the same speaker goes on."""
    first = toks[0]
    if first.text not in OPENING and first.text != STRAIGHT:
        return None
    close = pairs.get(first.start, -1)
    if close <= first.start or close < toks[-1].start - 2 or last.content[1] >= first.start:
        return None
    # Only right after the claim's own sentence (nothing told in between).
    between = text[last.content[1] : first.start]
    if not last.direct or "\n" in between or between.count(".") > 1:
        return None
    content = trim(text, first.start, max(close + 1, toks[-1].end))
    if content is None:
        return None
    return Found(cue=None, content=content, stance="quote", direct=True, inherit=True)


def _claims(doc: Document, found: list[Found], lex: object) -> list[Claim]:
    from khabar.claims.lexicon import Lexicon

    if not isinstance(lex, Lexicon):
        return []
    resolver = SpeakerResolver(doc, lex)
    claims: list[Claim] = []
    previous: Claim | None = None
    for item in found:
        if item.impersonal:
            speakers: list[tuple[str | None, tuple[int, int] | None]] = [(None, None)]
            via: list[str] = []
        elif item.inherit and previous is not None:
            span = item.speaker
            speakers = [(previous.speaker, span)]
            via = list(previous.via)
        else:
            parts = item.speakers or ([item.speaker] if item.speaker else [])
            speakers = [
                (resolver.actor_for(item.refers or p, item.head if len(parts) == 1 else None), p)
                for p in parts
            ]
            if not speakers:
                speakers = [(None, None)]
            via = [
                v for v in (resolver.actor_for(s, _via_head(resolver, s)) for s in item.via) if v
            ]
        for speaker, span in speakers:
            claim = Claim(
                id=f"c{len(claims) + 1}",
                speaker=speaker,
                speaker_span=doc.span(*span) if span else None,
                cue=doc.span(*item.cue) if item.cue else None,
                content=doc.span(*item.content),
                via=via,
                stance=item.stance,
                direct=item.direct,
            )
            claims.append(claim)
            previous = claim
    return claims


def _via_head(resolver: SpeakerResolver, span: tuple[int, int]) -> str | None:
    """An intermediary is a medium unless an actor covers it (وسائل إعلام أمريكية, Interfax)."""
    return "media"
