"""An attribution as the rules find it (character spans only), and helpers both languages share."""

from __future__ import annotations

from dataclasses import dataclass, field

from khabar.claims.view import QUOTE_CHARS, Tok

Span2 = tuple[int, int]

# Punctuation that never starts or ends a content span.
_EDGE_PUNCT = frozenset(".,،;؛:!?؟-–—()[]")


@dataclass(slots=True)
class Found:
    """One attribution before speakers are resolved to actors.

    ``speakers`` are the speaker phrase's spans: one, or one per coordinated
    speaker (نفت كوريا الشمالية وروسيا). ``inherit`` means the speaker is not
    written and is the previous claim's (وأضاف أن, مؤكدة أن, he said).
    ``impersonal`` means there is no speaker at all (يُعتقد أن).
    """

    cue: Span2 | None
    content: Span2
    stance: str
    speaker: Span2 | None = None
    speakers: list[Span2] = field(default_factory=list)
    via: list[Span2] = field(default_factory=list)
    direct: bool = False
    inherit: bool = False
    impersonal: bool = False
    head: str | None = None  # the anonymous/media head's canonical name, when one matched
    # What the speaker refers to when it is a relative pronoun ("Trump, who said": Trump).
    refers: Span2 | None = None


def trim(text: str, start: int, end: int) -> Span2 | None:
    """``start..end`` without surrounding white space and edge punctuation; None if empty.

    A closing quotation mark is kept only with its opening one inside the span.
    """
    while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
        end -= 1
    if end > start and text[end - 1] in QUOTE_CHARS and not _has_opening(text, start, end - 1):
        end -= 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_PUNCT):
            end -= 1
    return (start, end) if end > start else None


def _has_opening(text: str, start: int, end: int) -> bool:
    return any(ch in QUOTE_CHARS for ch in text[start:end])


def quoted_whole(text: str, span: Span2, pairs: dict[int, int]) -> bool:
    """Whether ``span`` is one quotation: it opens with a mark whose partner closes it."""
    start, end = span
    if start >= end or text[start] not in QUOTE_CHARS:
        return False
    partner = pairs.get(start)
    return (
        partner is not None
        and partner > start
        and text[start:end].rstrip(".،,").endswith(text[partner])
        and partner >= end - 3
    )


def quote_ending_before(
    toks: list[Tok], index: int, pairs: dict[int, int], skip: frozenset[str]
) -> Span2 | None:
    """A quotation that closes just before ``toks[index]`` (skipping commas and ``skip`` words)."""
    j = index - 1
    while j >= 0 and (toks[j].norm in skip or toks[j].text in (",", "،")):
        j -= 1
    if j < 0:
        return None
    tok = toks[j]
    opened = pairs.get(tok.start)
    if tok.text in QUOTE_CHARS and opened is not None and opened < tok.start:
        return (opened, tok.end)
    # The comma may sit inside the quotation: “We will win,” he said.
    if j >= 1 and tok.text in (",", "،") and toks[j - 1].text in QUOTE_CHARS:
        opened = pairs.get(toks[j - 1].start)
        if opened is not None and opened < toks[j - 1].start:
            return (opened, toks[j - 1].end)
    return None
