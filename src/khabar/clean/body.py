"""``clean_body``: split an article body into its text and the pieces that are not article.

Lines are judged one by one (furniture, caption, byline, date stamp, else text); then the
first paragraph loses its dateline and the last one a trailing "(رويترز)". Every piece taken
out is kept in ``removed`` with its kind, so nothing vanishes: the non-space characters of the
body are exactly those of ``text`` plus those of ``removed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from khabar.clean.agencies import canonical_agency
from khabar.clean.bylines import BylineParse, parse_byline
from khabar.clean.captions import caption_start
from khabar.clean.datelines import match_dateline
from khabar.clean.dates import date_stamp
from khabar.clean.furniture import is_furniture
from khabar.clean.normalize import aligned, dropped, for_matching, has_digit, lang_key, squeeze
from khabar.document import Byline, Removed

_TEXT = ""
_BYLINE_MAX_CHARS = 200
_TRAILING_AGENCY = re.compile(r"\(\s*([^()\n]{1,40}?)\s*\)\s*\.?$")


@dataclass(slots=True)
class Cleaned:
    """The result of cleaning one body.

    ``text`` is the article text, paragraphs separated by "\\n"; ``removed`` the pieces taken
    out, in reading order; ``dated`` the first full date (YYYY-MM-DD) found in a byline,
    dateline or date stamp, for use when the publication date is unknown or only a year.
    """

    text: str
    removed: list[Removed] = field(default_factory=list)
    byline: Byline = field(default_factory=Byline)
    dated: str | None = None


def clean_body(
    body: str, *, title: str | None = None, lang: str | None = None, year: int | None = None
) -> Cleaned:
    """Clean an article body (plain text, one paragraph a line).

    ``title``: a first line repeating it is removed (as furniture), since the document text
    puts the title first itself. ``lang`` (``ar``, ``en``) restricts the patterns to that
    language; None applies all. ``year`` completes a dateline date written without one
    ("MOSCOW, Sept 4 (Reuters) -").
    """
    key = lang_key(lang)
    items: list[tuple[str, str]] = []
    byline = Byline()
    dated: str | None = None
    title_form = for_matching(title).casefold() if title else None
    seen_text = False
    # Offsets into the aligned form are offsets into the original (same length, same line
    # breaks), and the dropped form has the same lines: reduce the body once, not per line.
    # The sentinel line keeps splitlines() from dropping a last line that reduces to nothing.
    body_aligned = aligned(body)
    lines = (body + "\nx").splitlines()[:-1]
    lines_aligned = (body_aligned + "\nx").splitlines()[:-1]
    # Lines rejoined with plain "\n" split back exactly (dropping marks could fuse a "\r" and
    # a "\n" into one break).
    lines_reduced = dropped("\n".join(lines_aligned)).split("\n") if lines else []
    for raw, raw_aligned, raw_reduced in zip(lines, lines_aligned, lines_reduced, strict=True):
        line = raw.strip()
        if not line:
            continue
        text = raw_aligned.strip()
        matching = squeeze(raw_reduced)
        if not seen_text and title_form and matching.casefold() == title_form:
            items.append(("furniture", line))
            continue
        if is_furniture(matching, key):
            items.append(("furniture", line))
            continue
        start = caption_start(text, matching, key)
        if start == 0:
            items.append(("caption", line))
            continue
        if start is not None:
            items.append((_TEXT, line[:start].rstrip()))
            items.append(("caption", line[start:].strip()))
            seen_text = True
            continue
        if len(line) <= _BYLINE_MAX_CHARS:
            parsed = parse_byline(line, key, year=year, text=text)
            if parsed is not None:
                if _is_photo_credit(line, parsed, items):
                    items.append(("caption", line))
                    continue
                items.append(("byline", line))
                _merge(byline, parsed)
                dated = dated or parsed.dated
                continue
            if has_digit(line):
                stamp = date_stamp(text, year=year, lang=key)
                if stamp is not None:
                    items.append(("dateline", line))
                    dated = dated or stamp.iso
                    continue
        items.append((_TEXT, line))
        seen_text = True

    dated = _take_dateline(items, byline, key, year) or dated
    _take_trailing_agency(items, byline)
    return Cleaned(
        text="\n".join(text for kind, text in items if kind == _TEXT),
        removed=[Removed(kind, text) for kind, text in items if kind != _TEXT],
        byline=byline,
        dated=dated,
    )


def _is_photo_credit(line: str, parsed: BylineParse, items: list[tuple[str, str]]) -> bool:
    # "(رويترز)" alone right under a caption credits the photo, not the story.
    return (
        not parsed.authors
        and line.startswith("(")
        and line.endswith(")")
        and bool(items)
        and items[-1][0] == "caption"
    )


def _merge(byline: Byline, parsed: BylineParse) -> None:
    for author in parsed.authors:
        if author not in byline.authors:
            byline.authors.append(author)
    for wire in parsed.wire:
        if wire not in byline.wire:
            byline.wire.append(wire)


def _take_dateline(
    items: list[tuple[str, str]], byline: Byline, key: str, year: int | None
) -> str | None:
    """Cut the dateline off the first text paragraph (or the second, strict shapes only)."""
    text_at = [i for i, (kind, _) in enumerate(items) if kind == _TEXT][:2]
    for rank, index in enumerate(text_at):
        paragraph = items[index][1]
        hit = match_dateline(paragraph, key, year=year, loose=rank == 0)
        if hit is None:
            continue
        items[index : index + 1] = [
            ("dateline", paragraph[: hit.end].strip()),
            (_TEXT, paragraph[hit.end :].strip()),
        ]
        if hit.place and byline.dateline is None:
            byline.dateline = hit.place
        _merge(
            byline,
            BylineParse(
                authors=[hit.author] if hit.author else [],
                wire=[hit.wire] if hit.wire else [],
            ),
        )
        return hit.dated
    return None


def _take_trailing_agency(items: list[tuple[str, str]], byline: Byline) -> None:
    """Cut a closing "(رويترز)" / "(AFP)" off the last text paragraph: the story's wire."""
    index = next((i for i in range(len(items) - 1, -1, -1) if items[i][0] == _TEXT), None)
    if index is None:
        return
    paragraph = items[index][1]
    m = _TRAILING_AGENCY.search(aligned(paragraph[-60:]))
    if m is None:
        return
    wire = canonical_agency(m[1])
    start = len(paragraph) - min(60, len(paragraph)) + m.start()
    if wire is None or start == 0:
        return
    items[index : index + 1] = [(_TEXT, paragraph[:start].rstrip()), ("byline", paragraph[start:])]
    if wire not in byline.wire:
        byline.wire.append(wire)
