"""The status of an event: asserted, planned, possible, alleged or denied.

Evidence, strongest first:

1. the stance of the claim that reports it (an event inside a denial is denied,
   inside an accusation alleged);
2. status cues in its window (``status_cues.tsv``): negation just before a verb,
   a cue whose complement holds the trigger (بحث إمكانية, يُعتقد أن, accused of; an
   adjunct such as بعد / after ends the complement),
   a clause-wide cue (إذا, if), an adjective right after a nominal trigger
   (الزيارة المزمعة), and triggers that carry a hint for what follows them
   (اقترح -> possible);
3. the future prefix سـ on an Arabic verb (سيزور).

When several apply, the order denied > alleged > possible > planned decides.
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.events.lexicon import CueMatch, TriggerMatch, fold_ar

ORDER = ("denied", "alleged", "possible", "planned", "asserted")
STANCE_STATUS = {"deny": "denied", "accuse": "alleged"}
# A cue after a nominal trigger applies within this many words (الزيارة المزمعة).
NOUN_MODIFIER_REACH = 2


def strongest(statuses: Sequence[str]) -> str:
    return min(statuses, key=ORDER.index) if statuses else "asserted"


def event_status(
    trigger: TriggerMatch,
    cues: Sequence[CueMatch],
    hinting: Sequence[TriggerMatch],
    verb_positions: Sequence[int],
    window: tuple[int, int],
    claim_stance: str | None,
    words: Sequence[str],
) -> tuple[str, list[str]]:
    """The status of ``trigger`` and the evidence that decided it (for confidence and audit).

    ``hinting`` are the other triggers of the window whose entries carry a status
    hint; ``verb_positions`` are the word indexes of verb triggers in the sentence;
    ``words`` the sentence's surface words, for the cues' conditions.
    """
    low, high = window
    found: list[str] = []
    evidence: list[str] = []
    if claim_stance in STANCE_STATUS:
        found.append(STANCE_STATUS[claim_stance])
        evidence.append(f"claim:{claim_stance}")
    for cue in cues:
        if cue.cue.status not in ORDER or cue.start_word < low or cue.end_word > high:
            continue  # status "-" marks a blocker phrase (لا يزال, not only)
        if _applies(cue, trigger, verb_positions, words) and _condition_holds(cue, trigger, words):
            found.append(cue.cue.status)
            evidence.append(f"cue:{cue.cue.cue}")
    for other in hinting:
        hint = other.entry.hint
        if hint and other.end_word <= trigger.start_word and other.start_word >= low:
            found.append(hint)
            evidence.append(f"hint:{other.entry.lemma}")
    if trigger.future_prefix:
        found.append("planned")
        evidence.append("prefix:س")
    return strongest(found), evidence


IMPERFECT_PREFIXES = ("ي", "ت", "ن", "أ", "ا")
# Words that open an adjunct (time, cause, concession) after a cue's complement.
COMPLEMENT_BREAKS = frozenset(
    "after before since because when while despite following amid until "
    "بعد قبل منذ لأن عندما حين رغم إثر عقب بينما".split()
)


RELATIVES = frozenset("who which whom whose الذي التي الذين اللذين اللتين اللواتي".split())


def _past_heads(verbs: Sequence[str]) -> tuple[str, ...]:
    """The folded first words of an entry's past-tense verb items (not ي-initial)."""
    heads = (fold_ar(item.split()[0]) for item in verbs if item and item != "-")
    return tuple(h for h in heads if h and not h.startswith("ي"))


def _condition_holds(cue: CueMatch, trigger: TriggerMatch, words: Sequence[str]) -> bool:
    condition = cue.cue.condition
    if condition == "adjacent":
        return trigger.start_word - cue.end_word <= 1 and trigger.pos == "verb"
    if condition == "imperfect":
        stem = trigger.form.split()[0] if trigger.form else ""
        return (
            trigger.pos == "verb"
            and stem.startswith(IMPERFECT_PREFIXES)
            # a past verb may start with ت too (تظاهروا، توجه): قد before it asserts
            and not any(stem.startswith(past) for past in _past_heads(trigger.entry.verbs))
        )
    if condition == "lowercase":
        return all(w == w.lower() for w in words[cue.start_word : cue.end_word])
    return True


def _applies(
    cue: CueMatch, trigger: TriggerMatch, verb_positions: Sequence[int], words: Sequence[str]
) -> bool:
    scope = cue.cue.scope
    if scope == "clause":
        # A conditional after a relative pronoun belongs to the relative clause: in "X called
        # on Arabs to unite against Sharon, who vowed not to return the land if he is
        # elected" the call is no less real.
        return not (
            trigger.end_word <= cue.start_word
            and any(w.lower() in RELATIVES for w in words[trigger.end_word : cue.start_word])
        )
    if cue.end_word <= trigger.start_word:
        if scope == "complement":
            # An adjunct clause or phrase ends the complement: in "agreed to a ceasefire after
            # two days of fighting" the fighting is past, not agreed to.
            return not any(
                w.lower() in COMPLEMENT_BREAKS for w in words[cue.end_word : trigger.start_word]
            )
        if scope == "next_verb":
            # Only the first verb after the cue: "لم يزر ... ثم التقى" negates one verb.
            later = [v for v in verb_positions if v >= cue.end_word]
            nearest = min(later) if later else None
            return nearest == trigger.start_word or (
                trigger.pos == "noun" and trigger.start_word - cue.end_word <= 1
            )
        return False
    # A cue after the trigger: only an adjective on a nominal trigger (الزيارة المزمعة), not
    # a complement noun (مناقشة إمكانية ...: the possibility belongs to what follows).
    return (
        scope == "next_verb"
        and trigger.pos == "noun"
        and 0 <= cue.start_word - trigger.end_word < NOUN_MODIFIER_REACH
    )
