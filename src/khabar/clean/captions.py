"""Photo captions and credits.

The rule (documented in data/clean/README.md): a line is a caption when
  1. it is a caption by itself ("صورة أرشيفية", "File photo");
  2. it opens with a caption label and a colon ("الصورة: ...", "Photo: ...", "Photo by ...");
  3. its last part is a photo credit: a label and a colon after the end of a sentence
     ("... in April 2019. الصورة: وكالة ..."), or a parenthesised credit with a "/" or a
     photo-credit word ("(Reuters/Jane Doe)", "(AFP via Getty Images)");
  4. it is short and has a position marker in parentheses ("بوتين (يمين) وكيم ...").
In case 3 the whole line is the caption when it is short (captions are a sentence or two);
in a long paragraph only the credit is taken out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from khabar.clean.normalize import aligned
from khabar.clean.resources import in_language, table

_SHORT_WORDS = 60
_MARKER_WORDS = 40
_TAIL_CHARS = 160
_SLASH_CREDIT = re.compile(r"[^\W\d_]\s*/\s*[^\W\d_]")


@dataclass(slots=True, frozen=True)
class _Rules:
    whole: re.Pattern[str]
    opening: re.Pattern[str]
    closing: re.Pattern[str]
    paren_tail: re.Pattern[str]
    credit_word: re.Pattern[str]
    position: re.Pattern[str]


def _joined(kind: str, key: str) -> str:
    found = [
        aligned(rx)
        for k, lang, rx in table("captions.tsv", 3)
        if k == kind and in_language(lang, key)
    ]
    return "|".join(f"(?:{rx})" for rx in found) or r"(?!x)x"


@cache
def _rules(key: str) -> _Rules:
    label = f"(?:{_joined('label', key)})"
    flags = re.IGNORECASE
    return _Rules(
        whole=re.compile(rf"[(\[]?(?:{_joined('whole', key)})[)\]]?", flags),
        opening=re.compile(rf"[(\[]?{label}(?:\s*[:：]|(?<=by)\s)", flags),
        # A label after the end of a sentence, then a short credit that ends the line.
        closing=re.compile(
            rf"(?:^|(?<=[.!?؟…»\"”)\]|\-–—])|(?<=[.!?؟…»\"”)\]|\-–—]\s))\s*[(\[]?{label}\s*[:：]"
            r"\s*[^.!?؟\n:]{1,80}?[)\]]?\s*\.?$",
            flags,
        ),
        paren_tail=re.compile(r"\(([^()\n]{2,80})\)\s*\.?$"),
        credit_word=re.compile(rf"(?<!\w)(?:{_joined('credit', key)})(?!\w)", flags),
        position=re.compile(rf"\(\s*(?:{_joined('position', key)})\s*\)", flags),
    )


def caption_start(text: str, matching: str, key: str) -> int | None:
    """Where the caption part of a line starts (0: the whole line), or None if none.

    ``text`` is the stripped line in aligned form (``normalize.aligned``) and ``matching``
    its matching form (``normalize.for_matching``); the offset is into the line.
    """
    rules = _rules(key)
    if len(matching) < _TAIL_CHARS and rules.whole.fullmatch(matching):
        return 0
    words = text.count(" ") + 1
    if rules.opening.match(text):
        return 0
    offset = max(0, len(text) - _TAIL_CHARS)
    tail = text[offset:]
    start: int | None = None
    closing = rules.closing.search(tail) if (":" in tail or "：" in tail) else None
    if closing:
        start = offset + closing.start()
    elif tail.rstrip(" .").endswith(")"):
        paren = rules.paren_tail.search(tail)
        if paren and (_SLASH_CREDIT.search(paren[1]) or rules.credit_word.search(paren[1])):
            start = offset + paren.start()
    if start is not None:
        if start == 0 or words <= _SHORT_WORDS:
            return 0
        return start
    if words <= _MARKER_WORDS and "(" in text and rules.position.search(text):
        return 0
    return None
