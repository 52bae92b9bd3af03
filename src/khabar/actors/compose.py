"""From matched phrases to mentions and actors: the noun-phrase grammar of actor references.

A sentence becomes a sequence of *pieces* (a matched phrase, a name the tagger
found, or a plain word). Adjacent pieces that can belong to one reference form
a *run*: titles, nationality adjectives, institution nouns, anonymous-source
nouns, names, linked by a few glue words (من، في، of) and quotation marks.
Each run is read in one of these ways, first that applies:

* it holds a person's name: a PERSON mention over the name, whose actor takes
  its country from a nationality adjective and its sector from a title
  ("الرئيس الروسي فلاديمير بوتين", "Russian Defence Minister Sergei Shoigu");
* it holds an anonymous-source noun: an anonymous actor with the run's country
  and sector ("مصادر استخباراتية كورية جنوبية" is KOR SPY);
* it holds a title but no name: the office holder in the actor dictionary at the
  publication date, else a generic office actor ("الرئيس الروسي");
* it holds an institution noun: an organisation of the run's country
  ("الجيش العراقي" is IRQ MIL, "وسائل إعلام أمريكية" USA media);
* otherwise each piece stands alone: a dictionary actor, a country (its state), a
  capital (its government as well as a place), another city (a place only), a
  building that stands for a government, or a nationality adjective (NORP).

Nationality adjectives inside a run still give NORP mentions, without an actor
of their own, so every "الروسي" is marked.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from khabar.actors.lexicon import (
    ACTOR,
    ANONYMOUS,
    CITY,
    COUNTRY,
    INSTITUTION,
    METONYM,
    NISBA,
    OFFICIAL_LABELS,
    PLACE,
    SECTOR_LABELS,
    TITLE,
    Cue,
    text_lang,
)

GLUE = frozenset({"من", "في", "لدي", "of", "the", "for", "in"})
QUOTES = frozenset("\"«»“”„'‘’")
CONJUNCTION_CLITICS = frozenset({"و", "ف"})
RUN_CATEGORIES = frozenset({ACTOR, NISBA, TITLE, INSTITUTION, ANONYMOUS, COUNTRY})


@dataclass(slots=True)
class Piece:
    first: int  # token indexes, inclusive
    last: int
    cues: tuple[Cue, ...] = ()
    ner: str | None = None  # a tagger type for names not in the lexicon
    glue: bool = False
    quote: bool = False
    starts_with_conjunction: bool = False
    definite: bool = False  # Arabic: the last word carries the article (الوزير، الفرنسي)

    # Plain loops: these run for every piece of every run, mostly over zero to two cues.
    def has(self, category: str) -> bool:
        for c in self.cues:
            if c.category == category:
                return True
        return False

    def cue(self, category: str) -> Cue | None:
        for c in self.cues:
            if c.category == category:
                return c
        return None


@dataclass(slots=True)
class ActorSpec:
    """What an actor record will hold; ``key`` identifies it within a document."""

    key: tuple[str, ...]
    name: str
    kind: str
    name_ar: str | None = None
    country: str | None = None
    sector: str | None = None
    ref: str | None = None  # actor dictionary id


@dataclass(slots=True)
class MentionSpec:
    first: int
    last: int
    type: str
    actor: ActorSpec | None = None
    place: Cue | None = None  # a country or city cue the places stage can geocode
    short: bool = False
    title: Cue | None = None  # the office named with a person, for role look-ups
    extra: list[MentionSpec] = field(default_factory=list)
    # Another reading of the same words, which the article's other actors may choose
    # (choose_readings): عمان is Oman, or Amman, Jordan's capital.
    other: MentionSpec | None = None


def is_run_piece(piece: Piece) -> bool:
    if piece.ner in ("PERSON", "ORG"):
        return True
    for c in piece.cues:
        # A short form of an outlet or organisation that is also a common word (العربية, Al
        # Arabiya) stands alone: joined to a run it would take "العشائر العربية" with it
        # when the coreference step drops it.
        if c.category in RUN_CATEGORIES and not (c.short and c.kind != "person"):
            return True
    return False


def runs(pieces: Sequence[Piece], lang: str = "ar") -> list[list[Piece]]:
    """Group pieces into runs; glue words and quotes only count between run pieces."""
    grouped: list[list[Piece]] = []
    current: list[Piece] = []
    pending: list[Piece] = []
    for piece in pieces:
        # Most pieces are plain words (no cue, no tagger type): no call for them.
        if (piece.cues or piece.ner) and is_run_piece(piece):
            breaks = piece.starts_with_conjunction or (
                bool(current) and _separate(current[-1], piece, lang)
            )
            if current and not breaks:
                current.extend(pending)
                current.append(piece)
            else:
                if current:
                    grouped.append(current)
                current = [piece]
            pending = []
        elif _modifier_only(piece):
            # An ambiguous nationality (القطري) after a run piece qualifies it; elsewhere it
            # is a common word.
            if current and not pending:
                current.append(piece)
            else:
                if current:
                    grouped.append(current)
                current, pending = [], []
        elif current and (piece.glue or piece.quote) and len(pending) < 2:
            pending.append(piece)
        else:
            if current:
                grouped.append(current)
            current, pending = [], []
            if piece.cues or piece.ner:
                grouped.append([piece])  # a place or building on its own
    if current:
        grouped.append(current)
    return grouped


def _modifier_only(piece: Piece) -> bool:
    """A piece whose only reading is an ambiguous nationality adjective (see lexicon)."""
    return bool(piece.cues) and all(c.category == NISBA and c.short for c in piece.cues)


def _separate(previous: Piece, piece: Piece, lang: str) -> bool:
    """Two countries, or two complete names, side by side are two references; so is an
    Arabic country name and what follows it (a country only modifies the noun before it:
    جيش تركيا, but "اتهمت تركيا الجيش السوري" names two actors), a country after a
    person's name, a country after an
    Arabic noun with the article, two Arabic nouns with the article (the second a title, an
    institution or a source noun), and a multi-word name after a nationality."""
    if previous.has(COUNTRY) and (piece.has(COUNTRY) or lang == "ar"):
        return True
    if lang == "ar" and previous.definite and piece.has(COUNTRY):
        # A country modifies a noun only as its genitive, and a noun with the article is
        # never in construct: "زار الوزير روسيا" is the minister and Russia (وزير روسيا).
        return True
    if (
        lang == "ar"
        and previous.definite
        and piece.definite
        and (piece.has(TITLE) or piece.has(INSTITUTION) or piece.has(ANONYMOUS))
        and not previous.has(TITLE)
    ):
        # Two nouns with the article are two references (neither is the other's genitive):
        # "سلم المتظاهرون السفير الأمريكي مذكرة", "هاجم المسلحون الجيش المالي", "نفت
        # الوزارة التركية التقارير".
        return True
    if (
        lang == "ar"
        and previous.definite
        and previous.has(NISBA)
        and piece.last > piece.first
        and (actor := piece.cue(ACTOR)) is not None
        and actor.kind != "person"
    ):
        # A nationality closes its noun phrase; a name of several words after it is the next
        # reference ("اتهمت الحكومة السودانية قوات الدعم السريع"), while a one-word name is
        # in apposition ("وكالة الأنباء الكورية الجنوبية يونهاب").
        return True
    if _is_name(previous) and piece.has(COUNTRY) and not previous.has(TITLE):
        # A personal name is never in construct with a country: "زار بلير لبنان" is Blair
        # and Lebanon, not Lebanon's Blair.
        return True
    if lang == "ar" and _is_name(previous) and piece.has(TITLE) and piece.definite:
        # After a complete name a title with the article starts the next person, the object
        # of a VSO verb: "استقبل الأمير محمد بن سلمان الرئيس الفرنسي". An apposition
        # ("بشار الأسد الرئيس السوري") still resolves to the same holder by its office.
        return True
    return _is_name(previous) and _is_name(piece)


def _is_name(piece: Piece) -> bool:
    actor = piece.cue(ACTOR)
    return piece.ner == "PERSON" or (actor is not None and actor.kind == "person")


def interpret(run: list[Piece], tokens_text: Sequence[str]) -> list[MentionSpec]:
    """Mentions for one run (see the module docstring for the readings)."""
    content = [p for p in run if not (p.glue or p.quote)]
    first, last = content[0].first, content[-1].last
    country = _country(content)
    # After a title, a word that is both a nationality and a person's short form is the
    # nationality: "السفير السوداني" is Sudan's ambassador, not Mohammed al-Sudani.
    names = [
        p
        for k, p in enumerate(content)
        if _is_name(p) and not (p.has(NISBA) and any(q.has(TITLE) for q in content[:k]))
    ]
    nisbas = [_norp(p) for p in content if p.has(NISBA) and not p.has(COUNTRY)]
    titles = [p.cue(TITLE) for p in content if p.has(TITLE)]
    title = titles[-1] if titles else None
    anonymous = next((p for p in content if p.has(ANONYMOUS)), None)
    institution = next((p.cue(INSTITUTION) for p in content if p.has(INSTITUTION)), None)
    sector = _sector(content, title, institution)

    head = _organisation_head(content, tokens_text, names, country, nisbas)
    if head is not None:
        return head
    named = _apposed_name(run)
    if named is not None and not names:
        cue = named.cue(ACTOR)
        if cue is not None:
            # "وكالة إنترفاكس", "وكالة الأنباء الكورية الجنوبية "يونهاب"": the name wins.
            return [
                MentionSpec(
                    named.first,
                    named.last,
                    cue.mention_type or "ORG",
                    _dictionary_actor(cue),
                    short=cue.short,
                    extra=nisbas,
                )
            ]
    if names:
        name = names[0]
        spec = _person(name, tokens_text, country, sector)
        spec.title = title
        spec.extra = nisbas
        return [spec]
    if anonymous is not None:
        cue = anonymous.cue(ANONYMOUS)
        if cue is None:
            return []
        qualifier = institution.name if institution else SECTOR_LABELS.get(cue.sector or "", "")
        qualifier = "" if cue.sector == "MED" and not institution else qualifier
        label = " ".join(filter(None, [qualifier if qualifier not in cue.name else "", cue.name]))
        if sector is None and country and cue.name in OFFICIAL_LABELS:
            sector = "GOV"
        actor = ActorSpec(
            ("anonymous", label, country or "", sector or ""),
            label,
            cue.kind or "anonymous",
            None,
            country,
            sector,
        )
        return [MentionSpec(first, last, cue.mention_type or "ORG", actor, extra=nisbas)]
    if title is not None:
        spec = MentionSpec(first, last, "PERSON", None, title=title, extra=nisbas)
        spec.actor = ActorSpec(
            ("office", title.office or title.name, country or ""),
            title.name,
            "person",
            None,
            country,
            sector or title.sector or "GOV",
        )
        return [spec]
    if institution is not None:
        media = institution.kind == "media"
        actor = ActorSpec(
            ("institution", institution.name, country or ""),
            institution.name,
            "media" if media else (institution.kind or "org"),
            None,
            country,
            sector,
        )
        return [MentionSpec(first, last, "ORG", actor, extra=nisbas)]
    return [spec for piece in content for spec in standalone(piece, tokens_text)]


# Offices that, in construct with an organisation, make their holder its head: "رئيس بلدية
# نابلس" is the mayor of Nablus, not a head of state; "زعيم حركة" a movement's leader.
HEAD_OFFICES = frozenset({"hos", "hog", "leader", "igo_head"})
# The English label of such an officer, where the title's own ("President") would mislead.
HEAD_LABEL = "Head"
_HEAD_LABELLED = frozenset({"hos", "hog", "leader"})
# Arabic titles that end in a preposition naming the body they speak for ("المتحدث باسم").
_TITLE_LINKS = frozenset({"باسم"})
_ENGLISH_TITLE_LINKS = ("for", "of")


def _organisation_head(
    content: Sequence[Piece],
    tokens_text: Sequence[str],
    names: Sequence[Piece],
    country: str | None,
    nisbas: list[MentionSpec],
) -> list[MentionSpec] | None:
    """A title in construct with an organisation names the organisation's officer, and the
    organisation stays a mention of its own: "رئيس شركة أرامكو", "الأمين العام لحزب الله حسن
    نصر الله", "المتحدث باسم حركة حماس", "spokesman for Hamas". The officer takes the
    organisation's country and sector (a mayor is no head of state), and a name that follows
    is the officer. None when the run holds no such pair.

    Arabic marks the pair by the construct state (the title without the article: رئيس بلدية),
    by ل on the organisation after a title with it (الأمين العام للأمم المتحدة), or by a title
    ending in باسم; English by "for" or "of" ending the title, or by the organisation right
    before the title ("Hamas spokesman", "NATO Secretary-General Mark Rutte"). A title
    with the article before an organisation is otherwise the subject before a verb's
    object: "هاجم الرئيس حزب الله" names two actors, and stays as the other readings give it.
    """
    if len(content) < 2:
        return None
    if content[0].has(TITLE):
        title_piece, organisation = content[0], content[1]
        if organisation.first != title_piece.last + 1 or not _in_construct(
            title_piece, organisation, tokens_text
        ):
            return None
    elif content[1].has(TITLE) and text_lang(tokens_text[content[0].first]) == "en":
        # English puts the organisation first: "Hamas spokesman", "NATO Secretary-General"
        organisation, title_piece = content[0], content[1]
        if title_piece.first != organisation.last + 1:
            return None
    else:
        return None
    title = title_piece.cue(TITLE)
    if title is None or not _is_organisation(organisation):
        return None
    found = standalone(organisation, tokens_text)
    if not found or found[0].type != "ORG":
        return None
    body = found[0]
    owner = body.actor
    country = (owner.country if owner else None) or country
    sector = owner.sector if owner and owner.sector else None
    if sector is None and title.office not in HEAD_OFFICES:
        sector = title.sector  # "قائد" of an unknown brigade is still military
    later = [p for p in names if p.first > max(organisation.last, title_piece.last)]
    if later:
        person = _person(later[0], tokens_text, country, sector)
        person.title = title
        return [person, body, *nisbas]
    label = (
        HEAD_LABEL if title.office in _HEAD_LABELLED else title.name[:1].upper() + title.name[1:]
    )
    owner_name = (
        owner.name if owner else " ".join(tokens_text[organisation.first : organisation.last + 1])
    )
    owner_key = (owner.ref or owner.name) if owner else owner_name
    officer = ActorSpec(
        ("head", title.office or title.name, owner_key),
        f"{label} of {owner_name}",
        "person",
        None,
        country,
        sector,
        None,
    )
    spec = MentionSpec(title_piece.first, title_piece.last, "PERSON", officer, title=title)
    spec.extra = [body, *nisbas]
    return [spec]


def _is_organisation(piece: Piece) -> bool:
    if piece.has(TITLE):
        return False
    if piece.ner == "ORG" and not piece.cues:
        return True
    actor = piece.cue(ACTOR)
    return actor is not None and actor.kind not in ("person", "state")


def _in_construct(title_piece: Piece, organisation: Piece, tokens_text: Sequence[str]) -> bool:
    last_word = tokens_text[title_piece.last]
    if text_lang(last_word) == "en":
        return last_word.lower() in _ENGLISH_TITLE_LINKS
    if last_word in _TITLE_LINKS or not title_piece.definite:
        return True
    # ل before the organisation: لحزب الله، للأمم المتحدة
    return tokens_text[organisation.first].startswith("ل")


def choose_readings(specs: list[MentionSpec]) -> None:
    """Take a mention's other reading (:attr:`MentionSpec.other`) where the rest of the
    article points to it: عمان is Amman when more of the article's actors and places are
    Jordanian than Omani, as an analyst reads "استقبل الملك عبد الله الثاني ... في عمان".
    One sense per article: every mention of the words reads alike. Ties keep the first
    reading. Changes ``specs`` in place."""
    if not any(spec.other for spec in specs):
        return
    evidence: Counter[str] = Counter()
    for spec in specs:
        if spec.other is None:
            country = (spec.actor.country if spec.actor else None) or (
                spec.place.country if spec.place else None
            )
            if country:
                evidence[country] += 1
    for index, spec in enumerate(specs):
        other = spec.other
        if other is None or other.place is None or spec.place is None:
            continue
        if evidence[other.place.country or ""] > evidence[spec.place.country or ""]:
            specs[index] = other


def join_appositions(specs: Sequence[MentionSpec]) -> None:
    """An office right after a name no dictionary knows is that person's apposition: "جون
    اكيج السفير السوداني", "قال خالد يوسف المتحدث باسم الخارجية المصرية". The office run
    (a title with no name of its own) gives the person its country and sector, and its
    mention refers to the person. A dictionary person keeps its entry (its office is
    resolved by date), and a name that already has a country keeps it."""
    for before, after in itertools.pairwise(specs):
        person, office = before.actor, after.actor
        if (
            person is None
            or office is None
            or before.type != "PERSON"
            or after.type != "PERSON"
            or person.key[0] != "name"
            or office.key[0] != "office"
            or after.first != before.last + 1
            or person.country is not None
        ):
            continue
        person.country = office.country
        person.sector = office.sector or person.sector
        before.title = before.title or after.title
        after.actor = person


def standalone(piece: Piece, tokens_text: Sequence[str]) -> list[MentionSpec]:
    if piece.ner and not piece.cues:
        return [_unknown(piece, tokens_text)]
    actor = piece.cue(ACTOR)
    if actor is not None:
        return [
            MentionSpec(
                piece.first,
                piece.last,
                actor.mention_type or "ORG",
                _dictionary_actor(actor),
                short=actor.short,
            )
        ]
    country = piece.cue(COUNTRY)
    if country is not None:
        state = MentionSpec(piece.first, piece.last, "GPE", _state(country), place=country)
        capital = next(
            (c for c in piece.cues if c.category == CITY and c.capital and c.country), None
        )
        if capital is not None and capital.country != country.country:
            # a country spelt like another country's capital (عمان: Oman, and Amman)
            state.other = MentionSpec(piece.first, piece.last, "GPE", _state(capital), capital)
        return [state]
    metonym = piece.cue(METONYM)
    city = _best_city(piece)
    if metonym is not None:
        if metonym.ref:  # بروكسل for the European Union
            return [
                MentionSpec(piece.first, piece.last, "GPE", _dictionary_actor(metonym), place=city)
            ]
        if metonym.capital:
            return [MentionSpec(piece.first, piece.last, "GPE", _state(metonym), place=city)]
        spec = ActorSpec(
            ("institution", metonym.name, metonym.country or ""),
            metonym.name,
            "state",
            None,
            metonym.country,
            metonym.sector,
        )
        kind = metonym.mention_type or "FAC"
        return [MentionSpec(piece.first, piece.last, kind, spec, place=city)]
    if city is not None:
        return [MentionSpec(piece.first, piece.last, "GPE", None, place=city)]
    nisba = piece.cue(NISBA)
    if nisba is not None:
        return [MentionSpec(piece.first, piece.last, "NORP", _state(nisba))]
    place = piece.cue(PLACE)
    if place is not None:
        return [
            MentionSpec(piece.first, piece.last, place.mention_type or "LOC", None, place=place)
        ]
    if piece.ner:
        return [_unknown(piece, tokens_text)]
    return []


def _best_city(piece: Piece) -> Cue | None:
    cities = [c for c in piece.cues if c.category == CITY]
    if not cities:
        return None
    # Capitals first: "طرابلس" is more often Tripoli, Libya's capital, than another Tripoli.
    return sorted(cities, key=lambda c: (not c.capital,))[0]


def _norp(piece: Piece) -> MentionSpec:
    return MentionSpec(piece.first, piece.last, "NORP", None)


def _country(content: Sequence[Piece]) -> str | None:
    for category in (NISBA, COUNTRY, INSTITUTION, ACTOR, TITLE):
        for piece in content:
            cue = piece.cue(category)
            if cue is not None and cue.country:
                return cue.country
    return None


def _apposed_name(run: Sequence[Piece]) -> Piece | None:
    """A non-person dictionary name in apposition (not after من/في, which make it a group
    the others belong to: "مصادر في حزب الله")."""
    for index, piece in enumerate(run):
        cue = piece.cue(ACTOR)
        if cue is None or cue.kind == "person":
            continue
        before = [p for p in run[:index] if not p.quote]
        if before and before[-1].glue:
            return None
        return piece
    return None


def _sector(content: Sequence[Piece], title: Cue | None, institution: Cue | None) -> str | None:
    if institution is not None and institution.sector:
        return institution.sector
    for piece in content:
        cue = piece.cue(ANONYMOUS)
        if cue is not None and cue.sector:
            return cue.sector
    if title is not None and title.sector:
        return title.sector
    actor = next((p.cue(ACTOR) for p in content if p.has(ACTOR)), None)
    return actor.sector if actor else None


def _person(
    piece: Piece, tokens_text: Sequence[str], country: str | None, sector: str | None
) -> MentionSpec:
    actor = piece.cue(ACTOR)
    if actor is not None:
        spec = _dictionary_actor(actor)
        spec.country = spec.country or country
        spec.sector = spec.sector or sector
        return MentionSpec(piece.first, piece.last, "PERSON", spec, short=actor.short)
    text = " ".join(tokens_text[piece.first : piece.last + 1])
    spec = ActorSpec(("name", text), text, "person", None, country, sector)
    return MentionSpec(piece.first, piece.last, "PERSON", spec)


def _unknown(piece: Piece, tokens_text: Sequence[str]) -> MentionSpec:
    text = " ".join(tokens_text[piece.first : piece.last + 1])
    ner = piece.ner or "ORG"
    if ner in ("PERSON", "ORG"):
        kind = "person" if ner == "PERSON" else "org"
        return MentionSpec(piece.first, piece.last, ner, ActorSpec(("name", text), text, kind))
    return MentionSpec(piece.first, piece.last, ner if ner in ("GPE", "FAC") else "LOC", None)


def _dictionary_actor(cue: Cue) -> ActorSpec:
    return ActorSpec(
        ("dict", cue.ref or cue.name),
        cue.name,
        cue.kind or "org",
        cue.name_ar,
        cue.country,
        cue.sector,
        cue.ref,
    )


def _state(cue: Cue) -> ActorSpec:
    return ActorSpec(
        ("state", cue.country or cue.name), cue.name, "state", cue.name_ar, cue.country
    )
