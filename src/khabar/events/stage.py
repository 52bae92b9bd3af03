"""The ``events`` stage: PLOVER events from trigger words, with arguments, status and evidence.

For each sentence: match the trigger lexicon over its words, bound each
trigger's window by the claims around it (an event inside a claim's content
takes its arguments from that content only), assign actor and recipient
(``arguments.py``), decide the status (``status.py``), and attach the governing
date and place. Events told inside a claim link to it; the claims stage must run
first for that (it is optional: without it every event is in the article's voice).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from khabar.actors.lexicon import qualifies_next
from khabar.config import Config
from khabar.document import Claim, DateValue, Document, Event, Mention, Place, Sentence, Token, Word
from khabar.events.arguments import (
    CIRCUMSTANCE,
    Candidate,
    Clause,
    assign_arguments,
    coordination,
    title_words,
)
from khabar.events.frames import apply_frames, bare_demands, load_frames
from khabar.events.lexicon import (
    CueMatch,
    TriggerMatch,
    glue,
    load_doer_verbs,
    load_happening,
    load_status_cues,
    load_triggers,
)
from khabar.events.occurrence import is_occurrence
from khabar.events.ontology import load_plover
from khabar.events.status import event_status
from khabar.text.normalize import normalize_ar

# Prepositions that put a place at an event (normalised).
PLACE_PREPOSITIONS = frozenset(
    {"في", "ب", "الي", "داخل", "قرب", "in", "at", "to", "near", "inside"}
)
PASSIVE_EN_AUX = frozenset({"was", "were", "been", "being", "is", "are"})


@dataclass(slots=True)
class _SentenceView:
    index: int
    words: list[Word]
    surface: list[str]
    norms: list[str]
    starts: list[int]
    ends: list[int]
    token_of: list[int]
    sentence: Sentence
    mentions: list[Mention]
    speakers: set[str]
    _definite: list[bool] | None = None
    _modifiers: frozenset[int] | None = None

    @property
    def definite(self) -> list[bool]:
        """Per token, whether it carries the article; computed once per sentence."""
        if self._definite is None:
            self._definite = _definite(self.words, self.token_of, len(self.sentence.tokens))
        return self._definite

    @property
    def name_modifiers(self) -> frozenset[int]:
        """Word indexes of :func:`_name_modifiers`; computed once per sentence."""
        if self._modifiers is None:
            self._modifiers = _name_modifiers(self)
        return self._modifiers

    @classmethod
    def of(
        cls,
        index: int,
        sentence: Sentence,
        words: list[Word],
        surface: list[str],
        mentions: list[Mention],
    ) -> _SentenceView:
        """The view of ``sentence``, whose words and their texts the caller has."""
        token_of = [t for t, token in enumerate(sentence.tokens) for _ in token.words]
        return cls(
            index,
            words,
            surface,
            [w.norm for w in words],
            [w.start for w in words],
            [w.end for w in words],
            token_of,
            sentence,
            mentions,
            set(),
        )

    def word_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Indexes of the words overlapping characters ``start..end`` (end exclusive)."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end) - 1
        return (first, last) if first <= last else None


class EventsStage:
    name = "events"
    requires = ("sentences", "mentions", "actors")
    sets = ("events",)

    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, doc: Document) -> Document:
        lang = "ar" if doc.language == "ar" else "en"
        triggers, cues = load_triggers(lang), load_status_cues(lang)
        frames = load_frames(lang)
        places = {p.id: p for p in doc.places}
        threshold = self.config.occurrence_threshold
        events: list[Event] = []
        previous_subject: list[str] | None = None
        # the statuses of the previous sentence's events, for a counterpart cue ("in return")
        previous_statuses: set[str] = set()
        ordered = sorted(doc.mentions, key=lambda m: m.start)
        starts = [m.start for m in ordered]
        for index, sentence in enumerate(doc.sentences):
            words = sentence.words
            if not words:
                continue
            inside = ordered[
                bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)
            ]
            surface = [w.text for w in words]
            clitics = [w.clitic for w in words]
            # The lexicon folds surface forms itself, keeping ة apart from ه (وزارة is not
            # و + زار + ه); the pipeline's norms fold them together.
            # Both lexicons see the words with their prefix clitics glued back on: glue once.
            glued = glue(surface, clitics, lang)
            # an Arabic verb phrase may hold its subject: أطلق مسلحون النار
            subjects = _mention_words(words, inside) if lang == "ar" and inside else ()
            matches = _one_per_span(triggers.match(surface, None, clitics, glued, subjects))
            inherited, previous_statuses = previous_statuses, set()
            if not matches:
                # Most sentences have no trigger: the full view is built only when an
                # actor mention may become the subject that later sentences carry over.
                if any(m.actor is not None for m in inside):
                    view = _SentenceView.of(index, sentence, words, surface, inside)
                    previous_subject = _last_subject(doc, view) or previous_subject
                    for demand in bare_demands(
                        doc, frames, index, surface, view.starts, view.ends, inside, []
                    ):
                        demand.id = f"e{len(events) + 1}"
                        events.append(demand)
                continue
            view = _SentenceView.of(index, sentence, words, surface, inside)
            cue_matches = cues.match(surface, None, clitics, glued)
            candidates = _candidates(doc, view)
            if lang == "ar":
                candidates = _outside_phrases(candidates, matches)
            view.speakers = _speaker_mentions(doc, view)
            hinting = [m for m in matches if m.entry.hint]
            verbs = [m.start_word for m in matches if m.pos == "verb"]
            objects: set[str] = set()
            verb_subject: dict[tuple[int, int], list[str]] = {}
            sentence_events: list[tuple[Event, TriggerMatch]] = []
            for position, match in enumerate(matches):
                if _object_of_earlier_trigger(match, matches[:position]) and not (
                    lang == "ar" and _doer_clause(view, match) is not None
                ):
                    continue  # but "قتل ... في هجوم شنه مسلحون" names an attack of its own
                event = self._event(
                    doc,
                    view,
                    match,
                    candidates,
                    cue_matches,
                    hinting,
                    verbs,
                    places,
                    lang,
                    previous_subject,
                    objects,
                    verb_subject,
                )
                if event is not None:
                    sentence_events.append((event, match))
                    if event.actor:
                        previous_subject = event.actor
            _share_future(sentence_events, view)
            _share_victims(sentence_events, view)
            # -- occurrence filter (events/occurrence.py): a trigger that only mentions an event.
            if lang == "ar" and threshold > 0:
                sentence_events = [
                    (e, m)
                    for e, m in sentence_events
                    if is_occurrence(view.sentence, view.words, e, m, sentence_events, threshold)
                ]
            # -- end occurrence filter
            sentence_events = apply_frames(
                doc, frames, surface, view.starts, view.ends, sentence_events
            )
            _counterpart(sentence_events, cue_matches, inherited)
            previous_statuses = {e.status for e, _m in sentence_events}
            found = [e for e, _m in sentence_events]
            found += bare_demands(
                doc, frames, index, surface, view.starts, view.ends, inside, found
            )
            found.sort(key=lambda e: (e.trigger.start, -e.trigger.end))
            for event in found:
                event.id = f"e{len(events) + 1}"
                events.append(event)
        doc.events = events
        return doc

    def _event(
        self,
        doc: Document,
        view: _SentenceView,
        match: TriggerMatch,
        candidates: list[Candidate],
        cue_matches: list[CueMatch],
        hinting: list[TriggerMatch],
        verbs: list[int],
        places: dict[str, Place],
        lang: str,
        previous_subject: list[str] | None,
        objects: set[str],
        verb_subject: dict[tuple[int, int], list[str]],
    ) -> Event | None:
        stem_first = (
            _first_stem(view.words, match.start_word, match.end_word)
            if match.prefix
            else match.start_word  # the match needed no clitic stripped: all of it is the word
        )
        while (
            stem_first > 0
            and view.words[stem_first - 1].clitic
            and view.words[stem_first - 1].norm == "ال"
            and view.token_of[stem_first - 1] == view.token_of[stem_first]
        ):
            stem_first -= 1  # the trigger text keeps its article (الزيارة، للقاء -> لقاء)
        last_token = view.sentence.tokens[view.token_of[match.end_word - 1]]
        trigger_start = view.words[stem_first].start
        trigger_end = max(view.words[match.end_word - 1].end, last_token.end)
        claim, cue_claims = _claim_for(doc.claims, trigger_start, trigger_end)
        if _not_an_event(view, match, stem_first, claim) or (
            lang == "en" and _inside_organisation(view, trigger_start, trigger_end)
        ):
            return None
        window = _window(view, claim, bool(cue_claims))
        clause = Clause(
            view.norms,
            view.token_of,
            lang,
            view.definite,
            frozenset(objects),
            view.name_modifiers,
        )
        speakers = view.speakers
        if not cue_claims:
            # Who reports an event does not act in it (نقلت إنترفاكس عن شويغو قوله بشأن ...).
            candidates = [c for c in candidates if c.mention not in speakers]
        trigger = (match.start_word, match.end_word)
        # "the attack", "a bombing": an English form after a determiner is the noun
        is_verb = match.pos == "verb" and not (lang == "en" and _after_determiner(view, match))
        adjunct: list[str] | None = None
        if cue_claims:
            # A reporting verb that is itself an event (نفت، اتهمت): its speakers act.
            args_actor = _speaker_actors(cue_claims, candidates, view, clause)
            if not args_actor and lang == "en":
                # a claim without a speaker ("X meanwhile rejected"): the parse may know it
                args_actor = _parse_subject(doc, trigger_start, trigger_end, None) or []
            others = [c for c in candidates if c.mention not in speakers]
            recipient = assign_arguments(
                others,
                clause,
                trigger,
                window,
                is_verb=True,
                passive=True,
                event_type=match.entry.type,
                agent_genitive=match.entry.agent_genitive,
            ).recipient
            carried = False
        else:
            speaker = [claim.speaker] if claim is not None and claim.speaker else None
            in_denial = claim is not None and claim.stance == "deny"
            outside = None if claim is not None else _sentence_speaker(doc, view, trigger_start)
            possessive = _possessive(last_token)
            parsed = (
                _parse_subject(doc, trigger_start, trigger_end, speaker) if lang == "en" else None
            )
            adjunct = previous_subject if _participle_adjunct(view, match, lang) else None
            doer = _doer_clause(view, match) if lang == "ar" else None
            arguments = assign_arguments(
                candidates,
                clause,
                trigger,
                # the participle's doer is the main clause's subject, whatever stands between
                (match.start_word, window[1]) if adjunct else window,
                is_verb=is_verb,
                passive=_passive(view, match, lang),
                event_type=match.entry.type,
                agent_genitive=match.entry.agent_genitive,
                possessive=possessive,
                purpose=_purpose(view, match.start_word, stem_first),
                doer=doer,
                # The speaker acts in a pronoun-subject verb (أعلنت موسكو أنها تناقش) or a
                # noun with a possessive pronoun (أعلنت دعمها), not in any noun it reports.
                # A noun reported outside any content (قوله بشأن إجراء مناورات) or denied
                # by its speaker (نفت ... بنقل أسلحة) is the speaker's; else the governing verb's.
                fallback=adjunct
                or (speaker if is_verb or possessive or in_denial else None)
                or outside
                or parsed
                or (previous_subject if is_verb else verb_subject.get(window)),
            )
            args_actor, recipient, carried = (
                arguments.actor,
                arguments.recipient,
                arguments.carried_over,
            )
            if match.entry.reciprocal and _between(view, arguments.recipient_mentions):
                # "clashes between Azerbaijanis and Armenians", "اشتباكات بين الجيش والمسلحين":
                # every party of a reciprocal event acts in it
                args_actor, recipient = recipient, []
            objects.update(arguments.recipient_mentions)
            if is_verb and args_actor:
                verb_subject[window] = args_actor
            if carried and (
                (claim is not None and speaker == [claim.speaker])
                or args_actor == parsed
                or (adjunct and args_actor == adjunct)
            ):
                # the claim's own speaker, the parse's subject or the main clause's subject
                # of a participle or coordinated verb is no guess
                carried = False
        # Only asked for when no argument anchors the trigger: it runs for every trigger.
        happening = not (args_actor or recipient) and _happening_near(
            view, match, load_happening(lang)
        )
        if match.entry.ambiguous and (carried or not (args_actor or recipient or happening)):
            return None
        when = _when(doc.dates, view, window, trigger_start)
        where = _where(doc, view, window, match, places)
        if match.pos == "noun" and not (args_actor or recipient or when or where or happening):
            # A bare event noun with nothing anchoring it is a generic reference ("التعذيب
            # جريمة", "the threat of assassinations"), not a report of an event, unless a
            # happening verb governs it ("اندلعت مظاهرة", "a protest broke out").
            return None
        stance = claim.stance if claim is not None else None
        if cue_claims:
            # A reporting act happened; only negation or a future marker changes that.
            usable = [c for c in cue_matches if c.cue.scope == "next_verb"]
        else:
            usable = list(cue_matches)
        status_window = _with_cue(view, window, claim)
        status, evidence = event_status(
            match, usable, hinting, verbs, status_window, stance, view.surface
        )
        if (
            status == "asserted"
            and claim is not None
            and claim.speaker
            and claim.speaker not in args_actor
        ):
            # Told by a party about another party's act: an unconfirmed report.
            status = "alleged"
            evidence.append("reported-by-other")
        if match.entry.type == "PROTEST" and not args_actor and not cue_claims:
            # "اندلعت أعمال شغب ... وتجمع مئات المتظاهرين": the sentence's protesters protest
            args_actor = _sentence_crowd(doc, candidates, recipient)
        if match.entry.type == "PROTEST" and not recipient:
            recipient = _protest_target(view, match, args_actor)
        type_, mode, cameo = match.entry.type, match.entry.mode, match.entry.cameo
        if (
            is_verb
            and type_ == "CONSULT"
            and mode == "visit"
            and _crowds(doc, args_actor)
            and (args_actor == adjunct or _subject_next_to(view, args_actor, match))
        ):
            # "توجه المتظاهرون إلى مقر الحكومة": protesters going somewhere march, not visit
            type_, mode = "PROTEST", "demo"
            cameo = load_plover().cameo_for(type_, mode)
        return Event(
            id="",
            type=type_,
            trigger=doc.span(trigger_start, trigger_end),
            sentence=view.index,
            mode=mode,
            context=list(match.entry.context) if type_ == match.entry.type else [],
            actor=args_actor,
            recipient=[r for r in recipient if r not in args_actor],
            status=status,
            claim=claim.id if claim is not None else None,
            when=when,
            where=where,
            confidence=_confidence(match, bool(args_actor), bool(recipient), carried, evidence),
            cameo=cameo,
        )


def _one_per_span(matches: list[TriggerMatch]) -> list[TriggerMatch]:
    """One reading per trigger span: the first unambiguous entry, else the first entry."""
    chosen: dict[tuple[int, int], TriggerMatch] = {}
    for match in matches:
        key = (match.start_word, match.end_word)
        current = chosen.get(key)
        if current is None or (current.entry.ambiguous and not match.entry.ambiguous):
            chosen[key] = match
    return sorted(chosen.values(), key=lambda m: m.start_word)


_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "س"})


def _first_stem(words: list[Word], start: int, end: int) -> int:
    """The first word of the trigger after conjunctions and prepositions (the article stays)."""
    for index in range(start, end):
        if not (words[index].clitic and words[index].norm in _PROCLITICS):
            return index
    return start


_DETERMINERS_EN = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})


def _after_determiner(view: _SentenceView, match: TriggerMatch) -> bool:
    """Whether an English trigger comes right after a determiner and is no modifier of a name
    after it ("the rebel Kurdistan Workers' Party")."""
    following = view.surface[match.end_word] if match.end_word < len(view.surface) else ""
    return (
        match.start_word > 0
        and view.norms[match.start_word - 1] in _DETERMINERS_EN
        and not following[:1].isupper()
    )


def _mention_words(words: list[Word], mentions: list[Mention]) -> list[tuple[int, int]]:
    """The word ranges (first, last) of the actor mentions among ``mentions``."""
    starts = [w.start for w in words]
    ranges = []
    for mention in mentions:
        if mention.actor is not None:
            first = max(bisect_right(starts, mention.start) - 1, 0)
            last = bisect_left(starts, mention.end) - 1
            if last >= first:
                ranges.append((first, last))
    return ranges


def _outside_phrases(candidates: list[Candidate], matches: list[TriggerMatch]) -> list[Candidate]:
    """Candidates that are no word of a longer Arabic trigger phrase: in "هجوم انتحاري" (a
    suicide attack) "انتحاري" qualifies the attack; alone (فجر انتحاري نفسه) it is the bomber.
    (English phrases may hold their doer: "peacekeeping troops arrived".)"""
    spans = [(m.start_word, m.end_word) for m in matches if m.end_word - m.start_word > 1]
    return [
        c
        for c in candidates
        if not any(
            start <= c.first_word
            and c.last_word < end
            and end - start > c.last_word + 1 - c.first_word
            for start, end in spans
        )
    ]


def _candidates(doc: Document, view: _SentenceView) -> list[Candidate]:
    sentence_start, sentence_end = view.starts[0], view.ends[-1]
    found = []
    for mention in view.mentions:
        if mention.actor is None or mention.end <= sentence_start or mention.start >= sentence_end:
            continue
        span = view.word_range(mention.start, mention.end)
        if span and not qualifies_next(doc.text, mention.end):
            found.append(
                Candidate(
                    span[0],
                    span[1],
                    view.token_of[span[0]],
                    mention.actor,
                    mention.id,
                    mention.type,
                )
            )
    found.sort(key=lambda c: c.first_word)
    # Nested mentions (a nisba inside a title phrase): keep the outermost.
    outer: list[Candidate] = []
    for candidate in found:
        if outer and candidate.first_word <= outer[-1].last_word:
            if candidate.last_word > outer[-1].last_word:
                outer[-1] = candidate
            continue
        outer.append(candidate)
    return outer


def _speaker_actors(
    claims: list[Claim], candidates: list[Candidate], view: _SentenceView, clause: Clause
) -> list[str]:
    """The actors of the claims' speakers, with those coordinated with each inside its
    phrase: a claim names one speaker, but in "Gaddafi and Zhivkov signed" both act."""
    ids: list[str] = []
    for claim in claims:
        if not claim.speaker:
            continue
        span = claim.speaker_span
        words = view.word_range(span.start, span.end) if span is not None else None
        inside = [
            c for c in candidates if words and words[0] <= c.first_word and c.last_word <= words[1]
        ]
        at = next((k for k, c in enumerate(inside) if c.actor == claim.speaker), None)
        group = coordination(inside, at, clause) if at is not None else []
        ids.extend(c.actor for c in group)
        ids.append(claim.speaker)
    return _unique_ids(ids)


def _name_modifiers(view: _SentenceView) -> frozenset[int]:
    """Words that may stand before a name in a coordination: the article, a title word,
    or a word of a mention that names no actor (a nationality)."""
    words = title_words()
    found = {i for i, norm in enumerate(view.norms) if norm in words}
    for mention in view.mentions:
        if mention.actor is None:
            span = view.word_range(mention.start, mention.end)
            if span:
                found.update(range(span[0], span[1] + 1))
    return frozenset(found)


def _last_subject(doc: Document, view: _SentenceView) -> list[str] | None:
    candidates = _candidates(doc, view)
    return [candidates[0].actor] if candidates else None


def _claim_for(claims: list[Claim], start: int, end: int) -> tuple[Claim | None, list[Claim]]:
    """The innermost claim whose content holds the trigger, and the claims whose cue it is."""
    holding = [c for c in claims if c.content.start <= start and end <= c.content.end]
    holding.sort(key=lambda c: c.content.end - c.content.start)
    cue_of = [c for c in claims if c.cue is not None and c.cue.start <= start < c.cue.end]
    return (holding[0] if holding else None), cue_of


def _unique_ids(ids: object) -> list[str]:
    seen: list[str] = []
    for item in ids:  # type: ignore[attr-defined]
        if item not in seen:
            seen.append(item)
    return seen


# Prepositions written as a clitic (بالصواريخ): a weapon noun after one is an instrument.
_CLITIC_PREPOSITIONS = frozenset({"ب", "ل", "ك"})


def _not_an_event(
    view: _SentenceView, match: TriggerMatch, stem_first: int, claim: Claim | None
) -> bool:
    """Trigger words that name no event here."""
    if match.pos == "noun" and match.entry.ambiguous:
        previous = view.words[stem_first - 1] if stem_first > 0 else None
        while previous is not None and previous.clitic and previous.norm == "ال":
            index = view.words.index(previous)
            previous = view.words[index - 1] if index > 0 else None
        if (
            previous is not None
            and previous.clitic
            and previous.norm in _CLITIC_PREPOSITIONS
            and not _after_light_verb(view, view.words.index(previous))
        ):
            return True
    # "نفت ... الاتهامات": the accusations are what is denied, not a new accusation.
    return (
        match.pos == "noun"
        and match.entry.type == "ACCUSE"
        and claim is not None
        and claim.stance == "deny"
    )


_BETWEEN = frozenset({"between", "بين"})


def _between(view: _SentenceView, mention_ids: tuple[str, ...]) -> bool:
    """Whether the first of these mentions comes right after "between" / "بين"."""
    if not mention_ids:
        return False
    first = min(
        (m for m in view.mentions if m.id in mention_ids), key=lambda m: m.start, default=None
    )
    span = view.word_range(first.start, first.end) if first is not None else None
    if span is None:
        return False
    before = span[0] - 1
    while before >= 0 and view.norms[before] in _ARTICLES:
        before -= 1
    return before >= 0 and view.norms[before] in _BETWEEN


# Words after which a protest names what it is against: ضد الحكومة، احتجاجا على، مطالبين
# باستقالة، أمام مقر، against, outside.
_PROTEST_TARGET_CUES = frozenset(
    normalize_ar(w) for w in ("ضد", "احتجاجا", "احتجاجاً", "أمام", "مقر", "إلى مقر")
) | frozenset({"against", "outside"})
_DEMANDING = tuple(normalize_ar(w) for w in ("مطالب", "تطالب", "يطالب", "طالب"))
PROTEST_TARGET_REACH = 5  # words after the cue within which the target stands


def _protest_target(view: _SentenceView, match: TriggerMatch, actors: list[str]) -> list[str]:
    """What a protest is against, when no argument rule found it: the first actor named
    within a few words after ضد، احتجاجا على، مطالبين ب، أمام مقر, against or outside,
    later in the sentence than the trigger ("تظاهروا ضد الغارات الإسرائيلية")."""
    by_start: dict[int, str] = {}
    for mention in view.mentions:
        span = view.word_range(mention.start, mention.end) if mention.actor else None
        if span and mention.actor not in actors:
            by_start.setdefault(span[0], mention.actor)  # type: ignore[arg-type]
    norms = view.norms
    for k in range(match.end_word, len(norms)):
        if norms[k] in _PROTEST_TARGET_CUES or norms[k].startswith(_DEMANDING):
            for j in range(k + 1, min(k + 1 + PROTEST_TARGET_REACH, len(norms))):
                if j in by_start:
                    return [by_start[j]]
    return []


# The name institutions.tsv gives protest crowds (المتظاهرون, protesters, ...).
_MARCHERS = "protesters"


def _crowds(doc: Document, ids: list[str]) -> bool:
    """Whether every one of these actors is a protest crowd."""
    actors = [doc.actor(i) for i in ids]
    return bool(actors) and all(a is not None and a.name.split()[-1] == _MARCHERS for a in actors)


def _sentence_crowd(doc: Document, candidates: list[Candidate], taken: list[str]) -> list[str]:
    """The protest crowd the sentence names (المتظاهرون، protesters), when it names one."""
    crowds = {c.actor for c in candidates if c.actor not in taken and _crowds(doc, [c.actor])}
    return sorted(crowds) if len(crowds) == 1 else []


def _subject_next_to(view: _SentenceView, ids: list[str], match: TriggerMatch) -> bool:
    """Whether one of these actors is named right after the verb (توجه المتظاهرون) or right
    before it (protesters marched): its subject, not an actor carried from afar."""
    for mention in view.mentions:
        span = view.word_range(mention.start, mention.end) if mention.actor in ids else None
        if span and (
            match.end_word <= span[0] <= match.end_word + 1 or span[1] == match.start_word - 1
        ):
            return True
    return False


def _participle_adjunct(view: _SentenceView, match: TriggerMatch, lang: str) -> bool:
    """Whether an English verb trigger continues the main clause without a subject of its
    own, so that its doer is that clause's subject, not a speaker reporting the sentence: a
    participle after a comma ("..., killing 50") or a verb right after "and" ("protesters
    marched to parliament and stormed the gates")."""
    if lang != "en" or match.pos != "verb":
        return False
    start = match.start_word
    if not view.norms[start].endswith("ing"):
        return start > 0 and view.norms[start - 1] == "and"
    if (
        start > 1
        and view.norms[start - 1] in ("and", "or")
        and view.norms[start - 2].endswith("ing")
    ):
        start -= 2  # "..., killing or wounding 50"
    return start > 0 and view.norms[start - 1] == ","


def _inside_organisation(view: _SentenceView, start: int, end: int) -> bool:
    """Whether an English trigger lies inside an organisation's mention: "Amnesty
    International", "the Gulf Cooperation Council" name a group, not an amnesty or
    cooperation."""
    return any(
        m.type == "ORG"
        and m.actor
        and m.start <= start
        and end <= m.end
        and (m.start, m.end) != (start, end)
        for m in view.mentions
    )


def _object_of_earlier_trigger(match: TriggerMatch, earlier: list[TriggerMatch]) -> bool:
    """A weapon noun after a supply or attack trigger names what is supplied or used."""
    if match.pos != "noun" or not match.entry.ambiguous:
        return False
    return any(0 <= match.start_word - other.end_word <= OBJECT_REACH for other in earlier)


OBJECT_REACH = 6


# A counterpart cue opens its sentence: it may follow a conjunction and a comma.
_COUNTERPART_REACH = 3


def _counterpart(
    sentence_events: list[tuple[Event, TriggerMatch]],
    cue_matches: list[CueMatch],
    previous: set[str],
) -> None:
    """Events of a sentence opened by "في المقابل" / "in return" are possible when the previous
    sentence's events were: the other half of a deal under discussion (status_cues.tsv,
    scope ``counterpart``)."""
    if "possible" not in previous or not any(
        c.cue.scope == "counterpart" and c.start_word < _COUNTERPART_REACH for c in cue_matches
    ):
        return
    for event, _match in sentence_events:
        if event.status in ("asserted", "planned"):
            event.status = "possible"


def _share_future(sentence_events: list[tuple[Event, TriggerMatch]], view: _SentenceView) -> None:
    """A nominal event in a sentence whose verb is future takes that tense (خلال زيارتهما
    ... سيناقش، سيقوم برحلة)."""
    future = any(m.future_prefix for _e, m in sentence_events) or any(
        w.clitic and w.norm == "س" for w in view.words
    )
    if not future:
        return
    for event, match in sentence_events:
        if match.pos == "noun" and event.status == "asserted" and event.claim is None:
            event.status = "planned"


# Words that introduce the attack in which someone was killed: "killed in a bomb attack",
# "قُتل ... في هجوم", "بتفجير انتحاري", "جراء قصف".
_MEANS = frozenset(
    {"in", "by", "during", "from"} | {normalize_ar(w) for w in ("في", "ب", "جراء", "إثر", "خلال")}
)
_ARTICLES = frozenset({"a", "an", "the", "ال"})


def _share_victims(sentence_events: list[tuple[Event, TriggerMatch]], view: _SentenceView) -> None:
    """An attack named after in / by / في / ب, following a killing or wounding, is the act
    that killed or wounded: it befell the same victims, and a doer it took from among them is
    the killing's instead (or none). "Three soldiers were killed in a bomb attack": the
    soldiers bombed no one. A doer the attack names itself (في هجوم شنه مسلحون) stays."""
    starts = {m.start_word for _e, m in sentence_events}
    for index, (event, match) in enumerate(sentence_events):
        if event.type != "ASSAULT":
            continue
        before = match.start_word - 1
        # over an article and over the other words of a compound ("a bomb attack")
        while before >= 0 and (view.norms[before] in _ARTICLES or before in starts):
            before -= 1
        if before < 0 or view.norms[before] not in _MEANS:
            continue
        befallen = next(
            (
                e
                for e, m in reversed(sentence_events[:index])
                if e.type == "ASSAULT" and e.recipient and m.end_word <= before
            ),
            None,
        )
        if befallen is None:
            continue
        if not event.actor or set(event.actor) <= set(befallen.recipient):
            event.actor = list(befallen.actor)  # the victims are no doers
        if not event.recipient:
            event.recipient = [r for r in befallen.recipient if r not in event.actor]


def _definite(words: list[Word], token_of: list[int], tokens: int) -> list[bool]:
    """Per token, whether one of its words is the article."""
    definite = [False] * tokens
    for word, token in zip(words, token_of, strict=True):
        if word.clitic and word.norm == "ال":
            definite[token] = True
    return definite


def _purpose(view: _SentenceView, start: int, stem_first: int) -> bool:
    """A verbal noun after the purpose ل (للقاء، لشراء): its genitive is its object."""
    return any(
        view.words[i].clitic and view.words[i].text == "ل" and view.words[i].norm == "ل"
        for i in range(start, stem_first)
    ) or (
        stem_first > 0
        and view.words[stem_first - 1].clitic
        and view.words[stem_first - 1].norm == "ل"
        and view.token_of[stem_first - 1] == view.token_of[stem_first]
    )


# English personal pronouns that, as the subject in a claim's content, stand for its speaker.
_SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})


def _parse_subject(
    doc: Document, start: int, end: int, speaker: list[str] | None
) -> list[str] | None:
    """The actor of an English trigger by spaCy's parse, where the word-order rules found
    none: the subject of a verb trigger ("Sarraj meanwhile rejected the proposal"), or of the
    verb no trigger covers whose object is an event noun ("Spain plans to impose
    restrictions", "the army carried out attacks"); the claim's speaker when that subject is
    a pronoun ("Macron announced that he will extend the curfew"). None without a parse."""
    from khabar.actors.english_ner import english_parse  # spaCy only where it is installed

    parsed = english_parse(doc.text)
    span = parsed.char_span(start, end, alignment_mode="expand") if parsed is not None else None
    if span is None or not len(span):
        return None
    root = span.root
    if root.dep_ in ("dobj", "obj"):
        verb = root.head
    elif root.pos_ == "VERB":
        verb = root
    else:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    while not subjects and verb.dep_ == "xcomp" and verb.head is not verb:
        verb = verb.head  # "plans to impose": the planner imposes
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    if subjects[0].lower_ in _SPEAKER_PRONOUNS:
        return speaker
    for subject in subjects:
        # the mention of the subject's head word, else one inside its phrase ("Libyan Prime
        # Minister Fayez al-Sarraj"): "Iran-backed militias" are the militias
        low, high = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
        inside = [
            m
            for m in doc.mentions
            if m.actor and m.type != "NORP" and m.start < high and low < m.end
        ]
        head = [m for m in inside if m.start <= subject.idx < m.end]
        if head or inside:
            return [(head or inside)[0].actor]  # type: ignore[list-item]
    return None


def _speaker_mentions(doc: Document, view: _SentenceView) -> set[str]:
    """Mentions of the speakers and intermediaries of the claims made in this sentence."""
    low, high = view.starts[0], view.ends[-1]
    here = [c for c in doc.claims if c.cue is not None and low <= c.cue.start < high]
    spans = [c.speaker_span for c in here if c.speaker_span is not None]
    vias = {actor for c in here for actor in c.via}
    return {
        m.id
        for m in view.mentions
        if low <= m.start < high
        and (
            (m.actor is not None and m.actor in vias)
            or any(m.start < span.end and span.start < m.end for span in spans)
            or (m.type == "NORP" and any(_qualifies(doc.text, span.end, m.start) for span in spans))
        )
    }


_PHRASE_BREAKS = frozenset('،,.:;؛"«»()')


def _qualifies(text: str, end: int, start: int) -> bool:
    """Whether a nationality at ``start`` still belongs to the noun phrase ending at ``end``:
    right after it ("مصادر أمنية عراقية"), or after adjectives joined to it by و ("مصادر
    أمنية وطبية عراقية", "مصادر أمنية وأخرى طبية عراقية"), with no punctuation. Not after
    other words: in "قال مسؤولون إن قوة إسرائيلية" the nationality is the force's."""
    between = text[end:start].split() if start >= end else ["-"]
    return not between or (
        len(between) <= 2
        and between[0].startswith("و")
        and _PHRASE_BREAKS.isdisjoint("".join(between))
    )


def _sentence_speaker(doc: Document, view: _SentenceView, position: int) -> list[str] | None:
    """The speaker of the nearest claim before ``position`` in this sentence."""
    low = view.starts[0]
    before = [
        c for c in doc.claims if c.speaker and c.cue is not None and low <= c.cue.start < position
    ]
    return [before[-1].speaker] if before and before[-1].speaker else None


def _with_cue(view: _SentenceView, window: tuple[int, int], claim: Claim | None) -> tuple[int, int]:
    """The status window: the event's window plus its claim's cue (يُعتقد أن ...)."""
    if claim is None or claim.cue is None:
        return window
    span = view.word_range(claim.cue.start, claim.cue.end)
    return (min(window[0], span[0]), window[1]) if span else window


# قام بـ / يقوم بـ + a verbal noun is how Arabic says "to make a visit" (سيقوم برحلة).
_LIGHT_VERBS = frozenset({"قام", "قامت", "يقوم", "تقوم", "قاموا", "يقومون"})


HAPPENING_REACH = 3


# Pronouns a doer verb carries that point back to the event noun (هجوم شنه، مظاهرة نظمها).
_RESUMPTIVE = ("هما", "هم", "ها", "ه")
_CONJUNCTIONS_AR = frozenset({"و", "ف"})
DOER_REACH = 2  # tokens (adjectives, a relative pronoun) between an event noun and its doer verb


def _doer_clause(view: _SentenceView, match: TriggerMatch) -> int | None:
    """The word after a doer verb that tells who did an Arabic event noun: "هجوم شنه مسلحون"
    (an attack gunmen launched), "الهجوم الذي تبنته طالبان", "مظاهرة حاشدة نظمها الطلاب". The
    verb (happening.tsv, subject = doer) carries a pronoun pointing back to the noun; its
    subject, after it, is the event's actor. None when no such verb follows."""
    if match.pos != "noun":
        return None
    tokens = view.sentence.tokens
    doers = load_doer_verbs("ar")
    first = view.token_of[match.end_word - 1] + 1
    for t in range(first, min(first + DOER_REACH + 1, len(tokens))):
        words = tokens[t].words
        text = "".join(w.norm for w in words if not (w.clitic and w.norm in _CONJUNCTIONS_AR))
        if not any(ch.isalpha() for ch in text):
            return None  # punctuation ends the noun phrase
        for pronoun in _RESUMPTIVE:
            stem = text.removesuffix(pronoun)
            if stem == text or len(stem) < 2:
                continue
            # نظموها: the plural's alif drops before a pronoun; تبناه: the final ى is written ا
            options = (stem, stem + "ا", stem[:-1] + "ي" if stem.endswith("ا") else stem)
            if any((option,) in doers for option in options):
                return view.token_of.index(t) + len(words)
    return None


def _happening_near(
    view: _SentenceView, match: TriggerMatch, verbs: frozenset[tuple[str, ...]]
) -> bool:
    """A happening verb within a few words of the trigger, in the same clause."""
    norms = view.norms
    low = max(0, match.start_word - HAPPENING_REACH)
    high = min(len(norms), match.end_word + HAPPENING_REACH)
    for start in range(low, high):
        if match.start_word <= start < match.end_word:
            continue
        for size in (1, 2):
            if start + size <= len(norms) and tuple(norms[start : start + size]) in verbs:
                between = (
                    range(start + size, match.start_word)
                    if start < match.start_word
                    else range(match.end_word, start)
                )
                if not any(_boundary(norms[i]) for i in between):
                    return True
    return False


def _boundary(norm: str) -> bool:
    return norm in _CLAUSE_MARKS


_CLAUSE_MARKS = frozenset({",", "،", ";", "؛", ":", ".", "!", "?", "؟", "(", ")", "«", "»"})


def _after_light_verb(view: _SentenceView, preposition: int) -> bool:
    index = preposition - 1
    return index >= 0 and view.norms[index] in _LIGHT_VERBS


def _possessive(token: Token) -> bool:
    """A possessive pronoun on a nominal trigger (دعمها، زيارته)."""
    words = token.words
    return len(words) > 1 and words[-1].clitic and any(not w.clitic for w in words[:-1])


def _window(view: _SentenceView, claim: Claim | None, is_cue: bool) -> tuple[int, int]:
    if claim is not None and not is_cue:
        span = view.word_range(claim.content.start, claim.content.end)
        if span:
            return span[0], span[1] + 1
    return 0, len(view.words)


def _passive(view: _SentenceView, match: TriggerMatch, lang: str) -> bool:
    if match.pos != "verb":
        return False
    if lang == "en":
        if match.start_word == 0 or view.norms[match.start_word - 1] not in PASSIVE_EN_AUX:
            return False
        # Any verb with its agent after "by" is passive ("was attacked by rebels"); without
        # one only a verb whose participle is no adjective ("were concerned") may be.
        return match.entry.passive_ok or "by" in view.norms[match.end_word : match.end_word + 3]
    if match.entry.passive:
        return True  # أصيب، استشهد: the subject is who it befell
    if not match.entry.passive_ok:
        return False
    # Arabic passive is marked by a damma on the first letter (قُتل، أُصيب) when vocalised.
    text = view.words[_first_stem(view.words, match.start_word, match.end_word)].text
    if len(text) > 1 and text[1] == "\u064f":
        return True
    if _counted_before(view, match):
        return True
    # Unvocalised, a count right after the verb is its subject, the people it befell: "قتل
    # ثلاثة أشخاص" is qutila (three were killed); an active verb names its doer first ("قتل
    # مسلحون ثلاثة أشخاص"), or after ف has it from the clause before.
    following = match.end_word
    while following < len(view.norms) - 1 and view.norms[following] in _TIME_ADVERBS:
        following += 1  # "قتل أمس ثلاثة"
    if following >= len(view.norms):
        return False
    if any(w.clitic and w.norm == "ف" for w in view.words[match.start_word : match.end_word]):
        return False  # "فجر نفسه فقتل خمسة": a sequel whose doer came before
    if view.norms[following] in CIRCUMSTANCE:
        # "كان الوزير قد قتل في هجوم": a transitive verb that goes straight on to where or
        # why, with no object, is passive: its subject is who it befell
        return True
    if view.words[match.end_word - 1].text.endswith("وا"):
        return False  # a verb before its subject is singular: "وخطفوا أربعة" is active
    word = view.norms[following]
    return word[:1].isdigit() or word in _counts()


COUNT_REACH = 4  # tokens before a verb within which a count makes its subject the victims


def _counted_before(view: _SentenceView, match: TriggerMatch) -> bool:
    """A count shortly before the verb, in the same clause: its people are who the verb
    befell ("411 شخصا قتلوا في تفجير"، "إن 22 شخصا على الأقل قتلوا"). A verb that goes on to
    its object ("ثلاثة مسلحين قتلوا جنديا") has a mention right after it and is active."""
    if match.prefix[:1] in _CONJUNCTIONS_AR:
        return False  # "... هاجموا القرية وقتلوا": a sequel of the clause before
    first = view.token_of[match.start_word]
    after = view.token_of[match.end_word - 1] + 1
    if any(m_first == after for m_first in _mention_tokens(view)):
        return False
    tokens = view.sentence.tokens
    counts = _counts()
    for t in range(first - 1, max(first - 1 - COUNT_REACH, -1), -1):
        text = normalize_ar(tokens[t].text)
        if not any(ch.isalnum() for ch in text):
            return False  # punctuation ends the clause
        if text[:1].isdigit() or text in counts:
            return True
    return False


def _mention_tokens(view: _SentenceView) -> list[int]:
    """The first token of each actor mention of the sentence."""
    found = []
    for mention in view.mentions:
        span = view.word_range(mention.start, mention.end) if mention.actor else None
        if span is not None:
            found.append(view.token_of[span[0]])
    return found


_TIME_ADVERBS = frozenset(
    normalize_ar(w) for w in ("أمس", "اليوم", "الليلة", "فجر", "مساء", "صباح")
)


@cache
def _counts() -> frozenset[str]:
    """Arabic count words (the dates lexicon's cardinals, and tens, hundreds, thousands of)."""
    from khabar.resolve.dates_lexicon import lexicon

    quantities = ("عشرات", "مئات", "آلاف", "ألف", "مئة", "مائة", "العشرات", "المئات", "الآلاف")
    return frozenset(lexicon("ar").numbers) | {normalize_ar(w) for w in quantities}


def _when(
    dates: list[DateValue], view: _SentenceView, window: tuple[int, int], trigger_start: int
) -> dict[str, object] | None:
    low, high = view.starts[window[0]], view.ends[window[1] - 1]
    sentence_low, sentence_high = view.starts[0], view.ends[-1]
    for lo, hi in ((low, high), (sentence_low, sentence_high)):
        inside = [d for d in dates if lo <= d.start and d.end <= hi]
        if inside:
            nearest = min(inside, key=lambda d: abs(d.start - trigger_start))
            return {
                "text": nearest.text,
                "start": nearest.range[0] if nearest.range else None,
                "end": nearest.range[1] if nearest.range else None,
                "value": nearest.value,
            }
    return None


def _where(
    doc: Document,
    view: _SentenceView,
    window: tuple[int, int],
    match: TriggerMatch,
    places: dict[str, Place],
) -> dict[str, object] | None:
    options: list[tuple[int, int, Place, str]] = []
    for mention in view.mentions:
        if mention.place is None or mention.place not in places:
            continue
        span = view.word_range(mention.start, mention.end)
        if span is None or span[0] < window[0] or span[1] >= window[1]:
            continue
        marked = span[0] > 0 and view.norms[span[0] - 1] in PLACE_PREPOSITIONS
        distance = abs(span[0] - match.end_word)
        # Prefer a place introduced by a preposition, then the nearest.
        options.append((0 if marked else 1, distance, places[mention.place], mention.text))
    if not options:
        return None
    _marked, _distance, place, text = min(options, key=lambda o: (o[0], o[1]))
    return {
        "text": text,
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "geonames": place.geonames,
    }


def _confidence(
    match: TriggerMatch, has_actor: bool, has_recipient: bool, carried: bool, evidence: list[str]
) -> float:
    score = 0.55
    score += 0.2 if has_actor else 0.0
    score += 0.1 if has_recipient or not match.entry.needs_recipient else -0.1
    score -= 0.15 if match.entry.ambiguous else 0.0
    score -= 0.1 if carried else 0.0
    score += 0.05 if len(match.form.split()) > 1 else 0.0
    return max(0.05, min(0.95, round(score, 3)))
