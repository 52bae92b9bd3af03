"""What the English claim rules read from spaCy's parse: cue features and reporting subjects.

spaCy's small English model (the ``english`` extra, see ``khabar.actors.english_ner``)
tags and parses each English text once; the actor stage reads its entities, and
this view gives the claim rules two things from the same parse:

* per-token syntax features for the cue model (tag, dependency, the dependencies of
  the token's children, the kind of its subject): a verb with a clausal complement
  and a named subject is a reporting cue far more often than its word alone says;
* the subject of a reporting verb, as a character span over its whole phrase.

Without a model there is no view, and the rules fall back on word windows.
"""

from __future__ import annotations

from typing import Any

from khabar.claims.found import Span2
from khabar.claims.view import Tok

_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
_RELATIVE_WORDS = frozenset({"who", "which", "that", "whom"})
# Children whose presence says what a verb does: reports a clause, speaks to someone ...
_TELLING_CHILDREN = frozenset(
    {"ccomp", "xcomp", "dobj", "dative", "nsubj", "nsubjpass", "agent", "prep", "mark", "advcl"}
)
_NONE: tuple[str, ...] = ()
_VERBS = ("VERB", "AUX")


class Syntax:
    """spaCy's parse of one text, looked up by character offset."""

    def __init__(self, parsed: Any) -> None:
        self.parsed = parsed
        self._at = {token.idx: token for token in parsed}

    def features(self, toks: list[Tok]) -> list[tuple[str, ...]]:
        """Syntax features of each token (empty where spaCy split the text differently)."""
        out: list[tuple[str, ...]] = []
        for tok in toks:
            token = self._at.get(tok.start)
            out.append(_token_features(token) if token is not None else _NONE)
        return out

    def subject(self, start: int, end: int) -> tuple[bool, Span2 | None]:
        """Who the parse says speaks through the cue at ``[start, end)``: ``(decided, span)``.

        The span covers the speaker's whole phrase (appositions and relative clauses
        included, as PolNeAR marks sources):

        * a verb's subject, or that of the verb that governs it (:func:`_governor`); a
          relative pronoun is the span itself ("who said");
        * a participle's noun ("groups backing Cruz");
        * a passive verb's agent ("was confirmed by the ministry"); a passive without one
          has no speaker in the text ("was asked");
        * an adjective's copula subject ("voters were aware that");
        * a noun's possessor ("her message"), else no speaker.

        ``decided`` is False where the parse has no answer (the rules' word windows decide).
        """
        span = self.parsed.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False, None
        verb = span.root
        if verb.pos_ == "ADJ" and verb.dep_ in ("acomp", "oprd") and verb.head.pos_ in _VERBS:
            verb = verb.head  # "the voters were acutely aware that": the copula's subject
        if verb.pos_ in ("NOUN", "PROPN"):
            owner = next((c for c in verb.children if c.dep_ == "poss"), None)
            return (True, _phrase(owner)) if owner is not None else (True, None)
        for _ in range(6):
            if verb.pos_ not in _VERBS:
                return False, None
            children = list(verb.children)
            if any(c.dep_ in _PASSIVE_SUBJECTS for c in children) or (
                verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in children)
            ):
                agent = next((c for c in children if c.dep_ == "agent"), None)
                who = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
                return True, _phrase(who) if who is not None else None
            subject = next((c for c in children if c.dep_ in _SUBJECTS), None)
            if subject is not None:
                if subject.lower_ in _RELATIVE_WORDS:
                    return True, (subject.idx, subject.idx + len(subject.text))
                return True, _phrase(subject)
            if verb.dep_ == "acl" and verb.tag_ in ("VBG", "VBN") and verb.head.i < verb.i:
                # "groups backing Cruz", "a video threatening an attack": the noun speaks.
                return True, _phrase_before(verb.head, verb)
            governor = _governor(verb)
            if governor is None:
                return False, None
            verb = governor
        return False, None

    def noun_phrase(self, start: int, end: int) -> Span2 | None:
        """``[start, end)`` without the words around it that a noun phrase does not end or
        start with ("Sanders also", "by the"), or None where no noun or pronoun is left."""
        span = self.parsed.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return start, end  # the parse has no opinion
        first, last = 0, len(span)
        while first < last and span[first].pos_ in _OPEN_STARTED:
            first += 1
        while last > first and span[last - 1].pos_ in _OPEN_ENDED:
            last -= 1
        kept = span[first:last]
        if not any(t.pos_ in _NOMINAL for t in kept):
            return None
        return kept.start_char, kept.end_char


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_OPEN_ENDED = frozenset({"ADP", "PART", "DET", "CCONJ", "SCONJ", "AUX", "VERB", "ADV"})
_OPEN_STARTED = frozenset({"ADP", "PART", "CCONJ", "SCONJ", "AUX", "VERB", "ADV", "PUNCT"})


def _phrase(token: Any) -> Span2:
    first, last = token.left_edge, token.right_edge
    return first.idx, last.idx + len(last.text)


def _phrase_before(head: Any, stop: Any) -> Span2:
    """The phrase of ``head`` up to (not including) its modifier ``stop``."""
    last = stop.nbor(-1)
    while last.i > head.i and (last.is_punct or last.is_space):
        last = last.nbor(-1)
    return head.left_edge.idx, last.idx + len(last.text)


def _governor(verb: Any) -> Any | None:
    """The verb whose subject a subjectless ``verb`` shares, if the parse says so.

    * co-ordinated ("reminisced ... and said") or controlled ("wants to tell", "trying to
      explain") verbs;
    * a participle set off by a comma ("..., saying");
    * a participle that a preposition or a subordinator governs ("by calling for", "after
      saying", "while denouncing"), or that opens the sentence ("Criticizing the police,
      she ...").
    """
    if verb.dep_ in ("conj", "xcomp") or _reporting_participle(verb):
        return verb.head
    if verb.tag_ != "VBG":
        return None
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in _VERBS:
        return verb.head.head
    if verb.dep_ == "advcl" and (
        any(c.dep_ == "mark" for c in verb.children) or verb.left_edge.is_sent_start
    ):
        return verb.head
    return None


def _reporting_participle(verb: Any) -> bool:
    """A participle set off by a comma ("..., he said, referring to"): its subject is the main
    clause's. Without the comma it is an adjunct of manner ("demonstrated calling for")."""
    return bool(
        verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text == ","
    )


def _token_features(token: Any) -> tuple[str, ...]:
    kids = sorted({c.dep_ for c in token.children if c.dep_ in _TELLING_CHILDREN})
    subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        kind = "-"
    elif subject.ent_type_:
        kind = subject.ent_type_
    else:
        kind = subject.pos_
    return (
        "tag=" + token.tag_,
        "dep=" + token.dep_ + "|" + token.head.tag_,
        "kids=" + "+".join(kids),
        *("kid=" + k for k in kids),
        "subj=" + kind,
    )
