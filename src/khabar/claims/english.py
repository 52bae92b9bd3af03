"""English attribution rules: ``X said (that) C``, ``C, X said``, ``“C,” said X``, ``according to``.

The speaker is the verb's subject in spaCy's parse when the English model is installed
(``english_syntax``: the whole phrase, a passive's agent, a coordinated verb's subject);
otherwise, and right after a quotation, the noun phrase left of the verb (back to a clause
boundary), or right of it when the verb follows a quotation or a comma (inverted ``said X``).
Chains: ``X, citing Y, said`` and ``X quoted Y as saying`` give speaker Y via X.
"""

from __future__ import annotations

from khabar.claims.english_cues import CueModel, load_cue_model
from khabar.claims.english_syntax import Syntax
from khabar.claims.found import Found, Span2, quote_ending_before, quoted_whole, trim
from khabar.claims.lexicon import Cue, Lexicon, SourceHead
from khabar.claims.view import QUOTE_CHARS, Tok, entry_at, is_in

MAX_SUBJECT = 8
_AUX = frozenset(
    {"has", "have", "had", "will", "would", "could", "should", "may", "might", "did", "does"}
    | {"do", "is", "was", "were", "are", "be", "been", "also", "not", "never", "previously"}
    | {"repeatedly", "later", "then", "often", "has", "reportedly", "publicly", "privately"}
)
_LEFT_STOP = frozenset(
    {"that", "and", "but", "because", "if", "so", "when", "while", "as", "which", "where"}
    | {"though", "although", "after", "before", "since", "until", "than", "or", "what", "who"}
)
_RIGHT_STOP = frozenset(
    {"in", "on", "at", "during", "who", "which", "that", "to", "after", "before", "when"}
    | {"last", "yesterday", "today", "earlier", "later", "as", "and", "but", "while", "of"}
)
# A finite auxiliary ends a noun phrase: in "..., said the bill would pass" the words after
# the verb are a clause (its content), not an inverted speaker.
_FINITE = frozenset(
    {"would", "will", "could", "should", "may", "might", "must", "can", "has", "have", "had"}
    | {"is", "was", "were", "are", "did", "does", "do"}
)
_LEADING_ADVERBS = frozenset({"but", "and", "so", "yet", "still", "now", "then", "meanwhile"})
_QUOTE_SKIP: frozenset[str] = frozenset()
# A lone apostrophe token is a quotation mark (NYT writes ''...''); possessives stay attached.
_QUOTE_TOKS = frozenset({"'", "’", "‘", "''", "``"}) | QUOTE_CHARS
# Relative pronouns in "X, who said ...": the speaker is X (PolNeAR marks the pronoun).
_RELATIVE = frozenset({"who", "which"})
# Tokens before which "said X" is inverted (the speaker follows the verb).
_INVERTING = frozenset({",", ":"}) | _QUOTE_TOKS
# Before a bare verb these make it hypothetical or infinitival ("to say", "would tell"):
# no attribution.
_IRREALIS = frozenset(
    {"to", "would", "could", "will", "can", "should", "might", "may", "must", "not", "n't"}
    | {"did", "do", "does", "don’t", "don't", "didn’t", "didn't", "let", "let’s"}
)


class EnglishRules:
    """English attribution rules; cue spans come from the trained cue model when it is shipped,
    else from the hand-written cue lexicon alone."""

    def __init__(
        self, lex: Lexicon, model: CueModel | None = None, *, use_model: bool = True
    ) -> None:
        self.lex = lex
        self.pronouns = lex.role("pronoun")
        self.lexical = frozenset(key[0] for key in lex.cues)
        self.model = model or (load_cue_model() if use_model else None)

    def find(
        self,
        text: str,
        toks: list[Tok],
        mentions: dict[int, int],
        pairs: dict[int, int],
        types: dict[int, str] | None = None,
        syntax: Syntax | None = None,
    ) -> list[Found]:
        """Attributions of one sentence. ``syntax`` is spaCy's parse of the whole text, when
        a model is installed: cue features and the subject of a reporting verb come from it."""
        if self.model is not None:
            return self._find_with_model(text, toks, pairs, self.model, mentions, syntax)
        found: list[Found] = []
        i = 0
        while i < len(toks):
            entry, size = entry_at(toks, i, self.lex.cues, self.lex.max_cue)
            if not isinstance(entry, Cue) or entry.kind == "chain":
                i += 1
                continue
            if entry.kind == "according":
                item = self._according(text, toks, i, size)
            elif entry.kind == "tail":
                item = Found(
                    cue=(toks[i].start, toks[i + size - 1].end),
                    content=trim(text, toks[0].start, toks[i].start) or (0, 0),
                    stance="assert",
                    inherit=True,
                )
            elif (
                i > 0
                and toks[i].norm == entry.form[0]
                and _bare(entry)
                and (toks[i - 1].norm in _IRREALIS)
            ):
                item = None
            else:
                item = self._verb(text, toks, i, size, entry, pairs, mentions, syntax)
            if item is not None and item.content[1] > item.content[0]:
                found.append(item)
            i += size
        return found

    def _find_with_model(
        self,
        text: str,
        toks: list[Tok],
        pairs: dict[int, int],
        model: CueModel,
        mentions: dict[int, int],
        syntax: Syntax | None = None,
    ) -> list[Found]:
        found: list[Found] = []
        features = syntax.features(toks) if syntax is not None else None
        for start, end in model.cue_spans(toks, self.lexical, features):
            entry: object = None
            for k in range(start, end):
                entry, size = entry_at(toks, k, self.lex.cues, self.lex.max_cue)
                if isinstance(entry, Cue):
                    end = max(end, k + size)
                    break
            cue = entry if isinstance(entry, Cue) else _generic(toks[start].norm)
            item: Found | None
            if cue.kind == "according":
                item = self._according(text, toks, start, end - start)
            elif cue.kind == "tail":
                item = Found(
                    cue=(toks[start].start, toks[end - 1].end),
                    content=trim(text, toks[0].start, toks[start].start) or (0, 0),
                    stance="assert",
                    inherit=True,
                )
            else:
                item = self._verb(text, toks, start, end - start, cue, pairs, mentions, syntax)
            if item is not None and item.content[1] > item.content[0]:
                found.append(item)
        return [f for f in found if not any(_framed(f, other) for other in found)]

    def _verb(
        self,
        text: str,
        toks: list[Tok],
        index: int,
        size: int,
        cue: Cue,
        pairs: dict[int, int],
        mentions: dict[int, int],
        syntax: Syntax | None = None,
    ) -> Found | None:
        first = index
        while first > 0 and toks[first - 1].norm in _AUX:
            first -= 1
        cue_span = (toks[first].start, toks[index + size - 1].end)
        after = index + size
        left = self._left_np(toks, first)
        refers: Span2 | None = None
        if left is None and first > 0 and toks[first - 1].norm in _RELATIVE:
            # "X, who said": the speaker's span is the pronoun (what PolNeAR marks), and the
            # speaker actor its antecedent X (``refers``): a record of who said what needs X.
            relative = first - 1
            before = relative - 1 if relative > 0 and toks[relative - 1].text == "," else relative
            named = next((start for start, end in mentions.items() if end == before), None)
            left = (relative, first)
            if named is not None:
                refers = (toks[named].start, toks[before - 1].end)
        if left is None and first > 0 and toks[first - 1].text == ",":
            left = self._subject_before_comma(toks, first, after, pairs)
        item = Found(cue=cue_span, content=(0, 0), stance=cue.stance)
        pos = after
        told_before: Span2 | None = None
        if left is not None:
            item.speaker = (toks[left[0]].start, toks[left[1] - 1].end)
        decided, parsed = (
            syntax.subject(toks[index].start, toks[index + size - 1].end)
            if syntax is not None
            else (False, None)
        )
        if cue.kind == "chain_verb":
            # X quoted Y as saying ...
            right = self._right_np(toks, after)
            if right is None or left is None:
                return None
            item.via.append((toks[left[0]].start, toks[left[1] - 1].end))
            item.speaker = (toks[right[0]].start, toks[right[1] - 1].end)
            pos = right[1]
            if pos + 1 < len(toks) and toks[pos].norm == "as" and toks[pos + 1].norm == "saying":
                pos += 2
        elif left is None:
            citing = self._citing_before(toks, first)
            inverted = cue.content == "clause" and (
                first == 0 or toks[first - 1].text in _INVERTING
            )
            right = self._right_np(toks, after) if citing is None and inverted else None
            if citing is not None:
                via, speaker = citing
                item.via.append(via)
                item.speaker = speaker
            elif right is not None:
                item.speaker = (toks[right[0]].start, toks[right[1] - 1].end)
                pos = right[1]
                if first > 1 and toks[first - 1].text == ",":
                    # "C, said X, the minister.": what was said is C, before the comma; an
                    # appositive after the speaker is not content.
                    told_before = trim(text, toks[0].start, toks[first - 2].end)
        quoted_left = (
            left is not None and quote_ending_before(toks, left[0], pairs, _QUOTE_SKIP) is not None
        )
        # "“...,” Ash wrote": right after a quotation the words before the verb are its
        # speaker; a parser reads too much into quoted fragments.
        if decided and cue.kind != "chain_verb" and not item.via and not quoted_left:
            item.speaker = parsed
            if parsed is None:
                told_before = None
        elif syntax is not None and item.speaker is not None:
            # a word window: keep its noun phrase ("Sanders also" -> "Sanders"), if it holds
            # one ("Instead of" holds none)
            item.speaker = syntax.noun_phrase(*item.speaker)
        if item.speaker is not None and refers is not None and item.speaker[0] < refers[1]:
            refers = None  # the parse found another subject than the relative pronoun
        item.refers = refers
        # X said, citing Y, that ...
        if pos + 1 < len(toks) and toks[pos].text == "," and toks[pos + 1].norm == "citing":
            inner = self._right_np(toks, pos + 2)
            if inner is not None and item.speaker is not None:
                item.via.append(item.speaker)
                item.speaker = (toks[inner[0]].start, toks[inner[1] - 1].end)
                pos = inner[1]
        quote = quote_ending_before(toks, first if left is None else left[0], pairs, _QUOTE_SKIP)
        if told_before is not None and quote is None:
            item.content = told_before
            item.direct = quoted_whole(text, told_before, pairs)
        elif quote is not None:
            item.content = quote
            item.direct = True
        else:
            content = self._content(text, toks, pos, left, first, cue)
            if content is None:
                # “... the whole quotation.” Trump said.  The cue's sentence is split off the
                # quotation it reports.
                content = _quotation_before(text, toks[0].start, pairs)
            if content is None:
                return None
            item.content = content
            item.direct = quoted_whole(text, content, pairs)
        if any(toks[k].norm in _WRITERS_VIEW for k in range(first, index + size)):
            # "Sanders appears to lead", "X is reportedly spending": the subject is what the
            # writer judges or has heard about, not who speaks.
            item.speaker = None
        if item.speaker is None:
            if cue.bare == "impersonal" and index > 0 and toks[index - 1].norm in ("is", "was"):
                item.impersonal = True
            elif self.model is not None:
                # The trained model vouches for the cue: a claim whose speaker is not written
                # nearby (PolNeAR marks such cues with no source).
                item.impersonal = True
            else:
                return None
        elif self._pronoun(text, item.speaker):
            item.inherit = True
        head = self._head(text, toks, item.speaker)
        item.head = head.name if head else None
        item.stance = self._stance(text, item, cue)
        return item

    def _stance(self, text: str, item: Found, cue: Cue) -> str:
        if cue.stance == "assert":
            words = set(text[item.content[0] : item.content[1]].lower().split())
            if (
                any(form[0] in words for form in self.lex.role("denial"))
                and cue.content == "object"
            ):
                return "deny"
            if item.direct:
                return "quote"
        return cue.stance

    def _content(
        self,
        text: str,
        toks: list[Tok],
        pos: int,
        left: tuple[int, int] | None,
        first: int,
        cue: Cue,
    ) -> Span2 | None:
        end = len(toks)
        # Skip an addressee (told reporters that ..., told CNN: ...).
        j = pos
        while (
            j < len(toks)
            and j - pos < 4
            and toks[j].norm not in ("that", ":")
            and not toks[j].punct
        ):
            if cue.form[0] not in ("tell", "tells", "told", "telling"):
                break
            j += 1
        if j < len(toks) and toks[j].norm in ("that", ":"):
            j += 1
        elif (
            cue.form[0] in ("tell", "tells", "told", "telling")
            and j < len(toks)
            and toks[j].text == ","
        ):
            j += 1
        if j < end:
            after = trim(text, toks[j].start, toks[end - 1].end)
            if after is not None and (j - pos <= 3 or j > pos):
                return after
        # C, X said.
        start_tok = left[0] if left is not None else first
        before = trim(text, toks[0].start, toks[start_tok].start) if start_tok > 0 else None
        return before

    # -- noun phrases ---------------------------------------------------------------
    def _left_np(self, toks: list[Tok], verb: int) -> tuple[int, int] | None:
        j = verb
        while j > 0 and verb - j < MAX_SUBJECT:
            tok = toks[j - 1]
            if (tok.punct and tok.text not in ("-", ".")) or tok.text in _QUOTE_TOKS:
                break
            if tok.norm in _LEFT_STOP:
                break
            j -= 1
        while j < verb and toks[j].norm in _LEADING_ADVERBS:
            j += 1
        if j >= verb or verb - j >= MAX_SUBJECT:
            return None
        return j, verb

    def _subject_before_comma(
        self, toks: list[Tok], first: int, after: int, pairs: dict[int, int]
    ) -> tuple[int, int] | None:
        """The subject of a verb that follows a comma, unless the verb is inverted.

        ``Smith, the chairman, said ...`` -> the appositive phrase; ``..., saying ...``
        -> the sentence's subject; ``“...,” said Smith.`` / ``..., said Smith.`` -> None
        (the speaker is right of the verb).
        """
        if toks[first].norm.endswith("ing"):
            return self._sentence_subject(toks)
        if quote_ending_before(toks, first, pairs, _QUOTE_SKIP) is not None:
            return None
        right = self._right_np(toks, after)
        if right is not None and (right[1] >= len(toks) or toks[right[1]].punct):
            return None
        comma = first - 1
        k = comma - 1
        while k >= 0 and toks[k].text != "," and comma - k <= 2 * MAX_SUBJECT:
            if toks[k].text in QUOTE_CHARS:
                return None
            k -= 1
        if k < 1 or toks[k].text != ",":
            return None
        head = self._left_np(toks, k)
        return (head[0], comma) if head is not None else None

    def _sentence_subject(self, toks: list[Tok]) -> tuple[int, int] | None:
        start = 0
        for k in range(min(6, len(toks))):
            if toks[k].text == "," and toks[0].text[:1].isupper() and k < 5:
                start = k + 1
                break
        end = start
        while end < len(toks) and end - start < 6:
            text = toks[end].text
            if text[:1].isupper() or toks[end].norm in ("the", "a", "an", "his", "her", "’s", "'s"):
                end += 1
                continue
            break
        return (start, end) if end > start else None

    def _right_np(self, toks: list[Tok], start: int) -> tuple[int, int] | None:
        j = start
        while j < len(toks) and j - start < MAX_SUBJECT:
            tok = toks[j]
            if tok.norm in _RIGHT_STOP or tok.norm in _FINITE or tok.text in _QUOTE_TOKS:
                break
            if tok.punct and tok.text != "-" and not (tok.text == "." and _abbreviation(toks, j)):
                break
            j += 1
        return (start, j) if j > start else None

    def _citing_before(self, toks: list[Tok], verb: int) -> tuple[Span2, Span2] | None:
        """``X, citing Y, said``: (X, Y) when the verb follows such a parenthesis."""
        if verb < 4 or toks[verb - 1].text != ",":
            return None
        for k in range(verb - 2, max(0, verb - 2 - MAX_SUBJECT), -1):
            if toks[k].norm == "citing" and k >= 2 and toks[k - 1].text == ",":
                left = self._left_np(toks, k - 1)
                if left is None:
                    return None
                return (
                    (toks[left[0]].start, toks[left[1] - 1].end),
                    (toks[k + 1].start, toks[verb - 2].end),
                )
        return None

    def _according(self, text: str, toks: list[Tok], index: int, size: int) -> Found | None:
        right = self._right_np(toks, index + size)
        if right is None:
            return None
        cue_span = (toks[index].start, toks[index + size - 1].end)
        speaker = (toks[right[0]].start, toks[right[1] - 1].end)
        before = trim(text, toks[0].start, toks[index].start) if index > 0 else None
        if before is None and right[1] < len(toks):
            content = trim(text, toks[right[1]].start, toks[-1].end)
        else:
            content = before
        if content is None:
            return None
        item = Found(cue=cue_span, content=content, stance="assert", speaker=speaker)
        head = self._head(text, toks, speaker)
        item.head = head.name if head else None
        return item

    def _pronoun(self, text: str, span: Span2) -> bool:
        return (text[span[0] : span[1]].lower(),) in self.pronouns

    def _head(self, text: str, toks: list[Tok], span: Span2 | None) -> SourceHead | None:
        if span is None:
            return None
        for k, tok in enumerate(toks):
            if span[0] <= tok.start and tok.end <= span[1]:
                entry, _ = entry_at(toks, k, self.lex.heads, self.lex.max_head)
                if isinstance(entry, SourceHead) and is_in(tok, {(tok.norm,): ""}):
                    return entry
        return None


def _quotation_before(text: str, start: int, pairs: dict[int, int]) -> Span2 | None:
    """The quotation that closes right before ``start`` (white space between), if any."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == 0 or text[end - 1] not in QUOTE_CHARS:
        return None
    opened = pairs.get(end - 1)
    return (opened, end) if opened is not None and opened < end - 1 else None


def _framed(item: Found, other: Found) -> bool:
    """Whether ``item``'s cue lies between ``other``'s cue and the content after it: part of
    that claim's frame ("quoted Lavrov as saying that", "said, citing officials, that")."""
    if item is other or item.cue is None or other.cue is None:
        return False
    return other.cue[1] <= item.cue[0] and item.cue[1] <= other.content[0]


def _abbreviation(toks: list[Tok], dot: int) -> bool:
    """A full stop that ends a title or an initial (Mr. Smith, John F. Kennedy), not a sentence."""
    if dot == 0 or dot + 1 >= len(toks) or not toks[dot + 1].text[:1].isupper():
        return False
    word = toks[dot - 1].text
    return word in _TITLES or (len(word) == 1 and word.isupper())


_TITLES = frozenset({"Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt"})
_TITLES |= frozenset({"Capt", "Adm", "Prof", "Rev", "St", "Jr", "Sr", "Maj", "Cmdr", "Supt"})


# Raising verbs and hearsay adverbs: the claim is the writer's, about the subject.
_WRITERS_VIEW = frozenset(
    {"seem", "seems", "seemed", "appear", "appears", "appeared", "reportedly", "allegedly"}
)


def _generic(word: str) -> Cue:
    """A cue the model found that the lexicon does not list: a neutral verb-like cue."""
    return Cue((word,), "verb", "assert", "either", "inherit")


def _bare(cue: Cue) -> bool:
    """A base verb form (say, tell), as opposed to says, said, saying."""
    word = cue.form[0]
    return not word.endswith(("s", "ed", "ing")) and word not in ("told", "said", "wrote", "knew")
