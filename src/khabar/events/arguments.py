"""Who acts and who receives: actor and recipient of a trigger from the mentions around it.

Rules over word order, for Arabic VSO and SVO clauses and English SVO:

* a verb after a relative pronoun (الذي زار، who visited) takes the mention before the
  pronoun as its actor;
* otherwise an Arabic verb's actor is the first mention right after it (VSO), else the
  nearest mention before it in the clause, skipping mentions inside a relative clause
  (SVO); an English verb's actor is the nearest mention before it, or the agent after
  "by" in a passive;
* a noun's following genitive (زيارة كيم، تزويد موسكو) is its actor for acts such as
  visits and meetings, and its recipient for acts done to someone (supply, attack,
  sanction); a nationality adjective after it (غارة إسرائيلية) is always the actor; a
  possessive pronoun on it (دعمها) points to the speaker of the claim it is told in;
  otherwise the subject of the clause (its first mention) acts;
* a doer verb with a pronoun pointing back to a noun (هجوم شنه مسلحون، مظاهرة نظمها
  الطلاب) makes its subject the noun's actor; a noun that itself names its doer
  (فجر انتحاري نفسه) is its own actor;
* the recipient is the nearest other mention after the trigger (and after the actor);
* a passive verb (قُتل، was killed) has no actor in the clause;
* with no actor in the clause, the speaker of the claim that reports the event, or the
  subject of the previous sentence, carries over at lower confidence.

Arguments never cross the edge of the window they are given (the clause, or the
content of the claim that reports the event).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from khabar.actors.resources import load_titles
from khabar.text.normalize import normalize, normalize_ar

PREPOSITIONS = frozenset(
    {
        "الي",
        "مع",
        "علي",
        "ضد",
        "ل",
        "ب",
        "من",
        "لدي",
        "عن",
        "في",
        "بين",
        "to",
        "with",
        "against",
        "on",
        "at",
        "toward",
        "towards",
        "into",
        "from",
        "for",
        "in",
        "by",
        "between",
    }
)
# Arabic nouns of place that work as prepositions: a place after them (or after في) is where
# the event happens, neither who acts nor who receives ("في غرب اليونان", "وسط رام الله",
# "قرب بغداد", "في بغداد"; but "هجوم على بغداد" names the target).
LOCATIVES = frozenset(
    {
        "وسط",
        "قرب",
        "شمال",
        "جنوب",
        "شرق",
        "غرب",
        "شمالي",
        "جنوبي",
        "شرقي",
        "غربي",
        "داخل",
        "خارج",
        "امام",
        "حول",
    }
)
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
RELATIVE_PRONOUNS = frozenset(
    {"الذي", "التي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي", "who", "which"}
)
CONJUNCTIONS = frozenset({"و", "and", "&"})
# Types whose nominal trigger takes the one acted upon as its genitive (تزويد موسكو).
PATIENT_GENITIVE = frozenset({"AID", "ASSAULT", "SANCTION", "COERCE", "SUPPORT", "ACCUSE"})
VERB_REACH = 4  # tokens after an Arabic verb within which its VSO subject stands
SVO_REACH = 1  # an Arabic subject right before its verb (SVO)
NOUN_REACH = 4  # tokens after a noun within which its genitive stands
NOUN_REACH_DEFINITE = 7  # ... when only definite adjectives and titles stand between
RECIPIENT_REACH = 2  # tokens after the trigger (or actor) for a recipient with no preposition


@dataclass(frozen=True, slots=True)
class Candidate:
    """An actor mention in a sentence: its word and token positions and the actor it names."""

    first_word: int
    last_word: int
    first_token: int
    actor: str
    mention: str
    type: str = "ORG"


@dataclass(frozen=True, slots=True)
class Clause:
    """The words of one sentence as the argument rules see them."""

    norms: Sequence[str]
    token_of: Sequence[int]  # word index -> token index
    lang: str
    definite: Sequence[bool] = ()  # per token: carries the article
    objects: frozenset[str] = frozenset()  # mentions already taken as an earlier recipient
    # words that may stand between "and" and the next name of a coordination: an article,
    # a title, a nationality ("Russia and the United States", "Gaddafi and Bulgarian
    # President Todor Zhivkov", "كيم والرئيس الروسي فلاديمير بوتين")
    modifiers: frozenset[int] = frozenset()


# Prepositions of place, cause and time that may follow a passive killing verb directly
# ("قتل في هجوم"، "أصيب جراء القصف"): the verb has no object, and its patient is its subject.
CIRCUMSTANCE = frozenset(
    normalize_ar(w) for w in ("في", "جراء", "إثر", "اثر", "عقب", "خلال", "أثناء", "برصاص")
)


@dataclass(frozen=True, slots=True)
class Arguments:
    actor: list[str]
    recipient: list[str]
    carried_over: bool = False
    recipient_mentions: tuple[str, ...] = ()


def assign_arguments(
    candidates: list[Candidate],
    clause: Clause,
    trigger: tuple[int, int],
    window: tuple[int, int],
    *,
    is_verb: bool,
    passive: bool,
    event_type: str,
    agent_genitive: bool = False,
    possessive: bool = False,
    purpose: bool = False,
    doer: int | None = None,
    fallback: list[str] | None = None,
) -> Arguments:
    """Actor and recipient ids for a trigger spanning words ``trigger`` (end exclusive).

    ``window`` bounds the search (word indexes, end exclusive); ``fallback`` is the
    actor to use when the clause names none (the claim's speaker, or the previous
    sentence's subject); ``possessive`` says the trigger carries a possessive pronoun.
    """
    start, end = trigger
    low, high = window
    inside = [
        c
        for c in candidates
        if c.first_word >= low and c.last_word < high and not _located(c, clause, start)
    ]
    before = [c for c in inside if c.last_word < start]
    after = [c for c in inside if c.first_word >= end]
    actor: list[Candidate] = []
    recipient: list[Candidate] = []
    if passive:
        agent = _agent_after_by(after, clause)
        actor = [agent] if agent else []
        # the patient: English puts it before the verb ("the PM was indicted by the court"),
        # Arabic after it (قُتل ثلاثة أشخاص)
        rest = [c for c in after if c is not agent]
        following = end
        while following < len(clause.norms) and clause.norms[following] in _DAY_WORDS:
            following += 1  # "قتل أمس في هجوم"
        subject_first = clause.lang == "en" or (
            following < len(clause.norms) and clause.norms[following] in CIRCUMSTANCE
        )
        pool = (before[-1:] or rest) if subject_first else (rest or before[-1:])
        recipient = _coordinated(pool, clause) if pool else []
    elif is_verb:
        actor = _verb_actor(before, after, clause, start, end)
        recipient = _next_after(after, actor, clause, end)
    elif doer is not None and (agent := _doer_subject(after, clause, doer)):
        # هجوم شنه مسلحون على ثكنة: the doer verb's subject acts, what follows receives
        actor = _coordinated(after[after.index(agent) :], clause)
        recipient = _next_after(after, actor, clause, end)
    elif clause.lang == "en" and (agent := _noun_agent(after, clause, end)):
        # "an attack by Hamas militants", "a bombing carried out by ISIS": by names the doer
        actor = _coordinated(after[after.index(agent) :], clause)
        recipient = _next_after([c for c in after if c not in actor], [], clause, end)
    else:
        genitive = _genitive(after, clause, end)
        second = _object_after(after, genitive, clause) if genitive is not None else None
        if genitive is not None and second is not None:
            # A verbal noun with subject and object (تزويد كوريا الشمالية روسيا).
            actor, recipient = [genitive], [second]
        elif genitive is not None and (
            genitive.type == "NORP"
            or agent_genitive
            or (event_type not in PATIENT_GENITIVE and not purpose)
        ):
            actor = _coordinated(after[after.index(genitive) :], clause)
        elif genitive is not None:
            recipient = _coordinated(after[after.index(genitive) :], clause)
        if not actor and possessive and fallback:
            # The possessive pronoun points to the speaker (أعلنت كوريا الشمالية دعمها).
            actor_ids = list(fallback)
            rest = _next_after(after, [], clause, end) if not recipient else recipient
            kept = [c.actor for c in rest if c.actor not in actor_ids]
            return Arguments(actor_ids, _unique(kept), False, tuple(c.mention for c in rest))
        if not actor and possessive and not fallback and after and not recipient:
            # خلال زيارتهما ... سيناقش كيم وبوتين: the pronoun points ahead to the subject.
            return Arguments(_unique(c.actor for c in _coordinated(after, clause)), [])
        elif not actor and not possessive:
            # a noun that names its doer (فجر انتحاري نفسه: "انتحاري" is the bomber)
            own = [c for c in candidates if c.first_word <= start and end - 1 <= c.last_word]
            actor = own[:1] or _noun_subject(before, clause, start)
            if not own and actor and _survived(clause, start):
                # نجا قائد الشرطة من محاولة اغتيال: who survives an attack was its target
                actor, recipient = [], recipient or actor
        if not recipient:
            recipient = _next_after(after, actor, clause, end)
    actor_ids = _unique(c.actor for c in actor)
    recipient_ids = [r for r in _unique(c.actor for c in recipient) if r not in actor_ids]
    taken = tuple(c.mention for c in recipient)
    if not actor_ids and not passive and fallback:
        kept = [r for r in recipient_ids if r not in fallback]
        return Arguments(list(fallback), kept, True, taken)
    return Arguments(actor_ids, recipient_ids, False, taken)


def _verb_actor(
    before: list[Candidate], after: list[Candidate], clause: Clause, start: int, end: int
) -> list[Candidate]:
    relative = _relative_before(clause, start)
    if relative is not None:
        antecedent = [c for c in before if c.last_word < relative]
        return _coordinated_backwards(antecedent, clause) if antecedent else []
    if clause.lang == "ar" and before:
        nearest = before[-1]
        gap = clause.token_of[start] - clause.token_of[nearest.last_word]
        if (
            gap <= SVO_REACH
            and not _preposition_before(nearest, clause)
            and (nearest.mention not in clause.objects)
        ):
            # SVO, common after أن/إن: "إن وزير الخارجية الإيراني سيزور موسكو".
            subjects = _outside_relative_clauses(before, clause)
            if subjects:
                return _coordinated_backwards(subjects, clause)
    if clause.lang == "ar" and after:
        first = after[0]
        gap = first.first_token - clause.token_of[end - 1]
        if gap <= VERB_REACH and not _preposition_before(first, clause):
            return _coordinated(after, clause)
    subjects = _outside_relative_clauses(before, clause)
    return _coordinated_backwards(subjects, clause) if subjects else []


def _doer_subject(after: list[Candidate], clause: Clause, doer: int) -> Candidate | None:
    """The subject of a doer verb ending before word ``doer``: the first mention within
    reach after it, not introduced by a preposition."""
    for candidate in after:
        if candidate.first_word < doer:
            continue
        near = candidate.first_token - clause.token_of[doer - 1] <= VERB_REACH
        return candidate if near and not _preposition_before(candidate, clause) else None
    return None


BY_REACH = 4  # tokens after an English event noun within which "(carried out) by X" stands


def _noun_agent(after: list[Candidate], clause: Clause, end: int) -> Candidate | None:
    """The doer of an English event noun named after "by" close behind it."""
    agent = _agent_after_by(after, clause)
    if agent is None or agent.first_token - clause.token_of[end - 1] > BY_REACH + 1:
        return None
    return agent


def _relative_before(clause: Clause, start: int) -> int | None:
    """The index of a relative pronoun right before the trigger (skipping clitics)."""
    index = start - 1
    while index >= 0 and clause.norms[index] in ("و", "ف"):
        index -= 1
    if index >= 0 and clause.norms[index] in RELATIVE_PRONOUNS:
        return index
    return None


def _outside_relative_clauses(before: list[Candidate], clause: Clause) -> list[Candidate]:
    """Drop mentions that sit inside a relative clause (", الذي زار بيونغ يانغ ،")."""
    kept = []
    for candidate in before:
        words = clause.norms[: candidate.first_word]
        last_relative = max(
            (i for i, w in enumerate(words) if w in RELATIVE_PRONOUNS), default=None
        )
        if last_relative is not None and not any(w in ("،", ",") for w in words[last_relative:]):
            continue
        kept.append(candidate)
    return kept


def _genitive(after: list[Candidate], clause: Clause, end: int) -> Candidate | None:
    """The mention a nominal trigger governs as its genitive, if one follows it."""
    if not after:
        return None
    first = after[0]
    trigger_token = clause.token_of[end - 1]
    gap = first.first_token - trigger_token
    if gap > NOUN_REACH_DEFINITE:
        return None
    between = clause.norms[end : first.first_word]
    # Other prepositions (إلى، مع، على) introduce a destination or a partner instead.
    if any(w in PREPOSITIONS and w != "ل" for w in between) or any(
        w in (",", "،", "؛", ";") for w in between
    ):
        return None
    if gap > NOUN_REACH and not clause.definite:
        return None
    if gap > 1 and clause.definite:
        # Only agreeing definite adjectives and titles may stand between a definite noun and
        # its genitive (الزيارة المزمعة للزعيم الكوري كيم); an indefinite noun's genitive
        # follows it at once (مناقشة إمكانية تزويد موسكو: موسكو belongs to تزويد).
        tokens = range(trigger_token + 1, first.first_token)
        if not clause.definite[trigger_token] or not all(clause.definite[t] for t in tokens):
            return None
    return first


def _object_after(after: list[Candidate], genitive: Candidate, clause: Clause) -> Candidate | None:
    index = after.index(genitive)
    if index + 1 >= len(after):
        return None
    following = after[index + 1]
    between = clause.norms[genitive.last_word + 1 : following.first_word]
    if between or following.type == "NORP":
        return None
    return following


# Within this many tokens, the mention right before a nominal trigger is its subject
# (أن تجري روسيا وكوريا الشمالية مناورات).
NEAR_SUBJECT = 3


def _noun_subject(before: list[Candidate], clause: Clause, start: int) -> list[Candidate]:
    subjects = [
        c for c in _outside_relative_clauses(before, clause) if c.mention not in clause.objects
    ]
    if not subjects:
        return []
    if clause.lang != "ar":
        return _coordinated_backwards(subjects, clause)
    nearest = subjects[-1]
    if clause.token_of[start] - nearest.first_token <= NEAR_SUBJECT and not _preposition_before(
        nearest, clause
    ):
        return _coordinated_backwards(subjects, clause)
    # Otherwise the clause's subject: its first mention not introduced by a preposition.
    for index, candidate in enumerate(subjects):
        if not _preposition_before(candidate, clause):
            return _coordinated(subjects[index:], clause)
    return []


# Verbs of surviving or escaping: their subject is the target of the attack after من.
_SURVIVE = frozenset(
    normalize_ar(w)
    for w in ("نجا", "نجت", "نجوا", "ينجو", "تنجو", "ينجون", "نجاة", "أفلت", "أفلتت", "يفلت")
)
_SURVIVE_REACH = 8  # words between the verb and the من of the attack


def _survived(clause: Clause, start: int) -> bool:
    """Whether the nominal trigger at ``start`` follows من after a verb of surviving."""
    if start == 0 or clause.norms[start - 1] != "من":
        return False
    return any(
        norm in _SURVIVE for norm in clause.norms[max(0, start - 1 - _SURVIVE_REACH) : start - 1]
    )


def _agent_after_by(after: list[Candidate], clause: Clause) -> Candidate | None:
    """The agent of a passive: "by X", "من قبل X", "على يد X" (من alone is "of/among":
    "قتل أربعة أشخاص بينهم عنصران من الشرطة")."""
    for candidate in after:
        index = candidate.first_word - 1
        if index > 0 and clause.norms[index] in ("the", "a", "an"):
            index -= 1  # "by the U.N. court"
        if index >= 0 and clause.norms[index] in ("by", "قبل", "يد"):
            return candidate
    return None


def _next_after(
    after: list[Candidate], actor: list[Candidate], clause: Clause, end: int
) -> list[Candidate]:
    """The recipient: a mention right after the trigger or its actor (a direct object), or
    one introduced by a preposition."""
    taken = {c.mention for c in actor}
    last = max((c.last_word for c in actor), default=-1)
    rest = [c for c in after if c.mention not in taken and c.first_word > last]
    if not rest:
        return []
    first = rest[0]
    if _preposition_before(first, clause):
        return _coordinated(rest, clause)
    reference = clause.token_of[max(end - 1, last)]
    # a day between verb and object does not part them ("خطف مسلحون أمس أربعة فرنسيين")
    days = {
        clause.token_of[w]
        for w in range(max(end, last + 1), first.first_word)
        if clause.norms[w] in _DAY_WORDS
    }
    if first.first_token - reference - len(days) <= RECIPIENT_REACH:
        return _coordinated(rest, clause)
    return []


# Words that name the day of an event: they stand anywhere in the clause.
_DAY_WORDS = frozenset(
    normalize_ar(w)
    for w in (
        "أمس", "اليوم", "الليلة", "السبت", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
        "الأربعاء", "الخميس", "الجمعة", "yesterday", "today", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday",
    )
)  # fmt: skip


def _located(candidate: Candidate, clause: Clause, start: int) -> bool:
    """A place named after a noun of place or في (وسط بغداد، في بغداد): the location; so is
    a nationality before the trigger qualifying the noun of such a phrase ("في البقاع
    اللبناني"). After it, a nationality may qualify the trigger (في الهجوم الإسرائيلي)."""
    index = candidate.first_word - 1
    if candidate.type == "NORP" and index >= 1 and candidate.last_word < start:
        index -= 1  # past the noun the nationality qualifies ...
        while index >= 0 and clause.norms[index] == "ال":
            index -= 1  # ... and its article
    elif candidate.type not in PLACE_TYPES:
        return False
    return index >= 0 and (clause.norms[index] in LOCATIVES or clause.norms[index] == "في")


def _preposition_before(candidate: Candidate, clause: Clause) -> bool:
    index = candidate.first_word - 1
    return index >= 0 and clause.norms[index] in PREPOSITIONS


def _coordinated(candidates: list[Candidate], clause: Clause) -> list[Candidate]:
    """The first candidate and those joined to it by 'and' (كيم وبوتين, Kim and Putin)."""
    chosen = [candidates[0]]
    for following in candidates[1:]:
        if _joined(chosen[-1].last_word + 1, following.first_word, clause):
            chosen.append(following)
        else:
            break
    return chosen


def _coordinated_backwards(candidates: list[Candidate], clause: Clause) -> list[Candidate]:
    chosen = [candidates[-1]]
    for preceding in reversed(candidates[:-1]):
        if _joined(preceding.last_word + 1, chosen[0].first_word, clause):
            chosen.insert(0, preceding)
        else:
            break
    return chosen


def coordination(candidates: list[Candidate], index: int, clause: Clause) -> list[Candidate]:
    """``candidates[index]`` and the candidates joined to it by "and", on either side."""
    before = _coordinated_backwards(candidates[: index + 1], clause)
    return before + _coordinated(candidates[index:], clause)[1:]


def _joined(start: int, end: int, clause: Clause) -> bool:
    """Whether the words in ``[start, end)`` join two names: "and", then only what may
    stand before a name (see ``Clause.modifiers``)."""
    norms = clause.norms
    if start >= end or norms[start] not in CONJUNCTIONS:
        return False
    return all(norms[i] in CONJUNCTIONS or i in clause.modifiers for i in range(start + 1, end))


# The article, written apart in English and split off by the segmenter in Arabic.
ARTICLES = frozenset({"the", "ال"})


@cache
def title_words() -> frozenset[str]:
    """The words of the actor stage's titles (president, minister, رئيس, وزير ...) and the
    articles, as word norms: what may stand before a name after "and"."""
    words = set(ARTICLES)
    for title in load_titles():
        for word in normalize(title.text, title.lang).split():
            bare = word[2:] if title.lang == "ar" and word.startswith("ال") else word
            words.add(bare)
    return frozenset(words)


def _unique(ids: object) -> list[str]:
    seen: list[str] = []
    for item in ids:  # type: ignore[attr-defined]
        if item not in seen:
            seen.append(item)
    return seen
