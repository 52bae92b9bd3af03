"""The ``actors`` stage: mentions of people, states, organisations and places, and their actors.

Per sentence: match the lexicon over clitic-aware token keys (``phrases.py``),
add names the statistical tagger finds that the lexicon does not know (Arabic),
read the runs of pieces as references (``compose.py``), then, per document,
resolve office titles to their holders at the publication date and link short
names to the full names they abbreviate (``coref.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any

from khabar.actors.compose import (
    CONJUNCTION_CLITICS,
    GLUE,
    QUOTES,
    ActorSpec,
    MentionSpec,
    Piece,
    choose_readings,
    interpret,
    join_appositions,
    runs,
)
from khabar.actors.context import assign_context_countries, fill_default_sectors
from khabar.actors.coref import link_references
from khabar.actors.english_ner import english_entities, english_modifiers
from khabar.actors.lexicon import (
    ANONYMOUS,
    CITY,
    COUNTRY,
    NISBA,
    PLACE,
    Cue,
    Lexicon,
    arabic_honorifics,
    load_lexicon,
)
from khabar.actors.phrases import Keys, PhraseMatch, is_word, token_keys
from khabar.config import Config
from khabar.document import Actor, Document, Mention, Sentence, Token
from khabar.text.normalize import normalize_ar

if TYPE_CHECKING:
    from khabar.actors.tagger import Tagger

PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "س"})
# Place categories whose Arabic names carry their article when they have one (المغرب).
ARTICLELESS = frozenset({COUNTRY, CITY})
# Categories whose English forms are proper names or adjectives of them, written capitalised.
PROPER_NAMES = frozenset({NISBA, COUNTRY, CITY, PLACE})
TAGGER_TYPES = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "GPE"}


class ActorsStage:
    name = "actors"
    requires = ("sentences", "language")
    sets = ("mentions", "actors")

    def __init__(self, config: Config) -> None:
        self.config = config
        self.lexicon = load_lexicon(tuple(config.actor_files))
        self._tagger: Any = None

    def tagger(self) -> Any:
        if self._tagger is None:
            from khabar.actors.tagger import load_tagger

            self._tagger = load_tagger()
        return self._tagger

    def __call__(self, doc: Document) -> Document:
        lang = "ar" if doc.language == "ar" else "en"
        statistical = self.config.statistical_ner
        entities = english_entities(doc.text) if lang == "en" and statistical else []
        modifiers = english_modifiers(doc.text) if lang == "en" and statistical else frozenset()
        found: list[tuple[MentionSpec, list[Token]]] = []
        # Tokens whose split-off first letter belongs to the name matched (بايدن, بلينكن).
        whole: set[int] = set()
        # the whole document is tagged at once: decoding sentences together is faster
        tagged = self._tagged(doc.sentences) if lang == "ar" and statistical else []
        for k, sentence in enumerate(doc.sentences):
            tokens = sentence.tokens
            if not tokens:
                continue
            if lang == "ar" and statistical:
                names = tagged[k]
            else:
                names = _token_ranges(sentence, entities)
            pieces = self._pieces(sentence, names, lang, whole, modifiers)
            texts = [t.text for t in tokens]
            specs: list[MentionSpec] = []
            for run in runs(pieces, lang):
                for spec in interpret(run, texts):
                    specs.append(spec)
                    specs.extend(spec.extra)
            if lang == "ar" and statistical:
                # imported here: the tagger module (numpy) loads only when the tagger runs
                from khabar.actors.tagger import prefer_tagged

                specs = prefer_tagged(specs, names, texts)
            join_appositions(specs)
            found.extend((spec, tokens) for spec in specs)
        specs_found = [spec for spec, _ in found]
        choose_readings(specs_found)
        found = [(spec, tokens) for spec, (_, tokens) in zip(specs_found, found, strict=True)]
        linked = link_references(specs_found, self.lexicon, doc.published)
        tokens_of = {id(spec): tokens for spec, tokens in found}
        _build(doc, [(spec, tokens_of[id(spec)]) for spec in linked], self.lexicon, whole)
        assign_context_countries(doc, self.lexicon)
        fill_default_sectors(doc)
        return doc

    def _pieces(
        self,
        sentence: Sentence,
        names: list[tuple[int, int, str]],
        lang: str,
        whole: set[int],
        modifiers: AbstractSet[int] = frozenset(),
    ) -> list[Piece]:
        tokens = sentence.tokens
        keys = [token_keys(t) for t in tokens]
        # A hyphen inside a name ("Jong-un", "الجبهة الشعبية - القيادة العامة") does not break
        # it: match without it. Only a dictionary phrase can span one, so a dateline's dash
        # ("بيروت - ") joins nothing.
        units = [i for i, t in enumerate(tokens) if not _inner_hyphen(tokens, i)]
        matches: list[PhraseMatch[Cue]] = self.lexicon.index.find_all([keys[i] for i in units])
        covered: dict[int, Piece] = {}
        for match in matches:
            payloads = match.payloads
            if any(cue.acronym for cue in payloads) and not all(
                tokens[units[i]].text.isupper() for i in range(match.first, match.last + 1)
            ):
                payloads = tuple(cue for cue in payloads if not cue.acronym)  # "us", "who"
                if not payloads:
                    continue
            if _defined_acronym(tokens, units[match.first], units[match.last]):
                # "Montenegro Municipality Association (AKK)": the acronym is the name's short
                # form there, not a person the dictionary writes the same way.
                before = tokens[units[match.first] - 2].text.split("-")[-1]
                payloads = tuple(
                    cue
                    for cue in payloads
                    if not (cue.acronym and cue.kind == "person")
                    or cue.name.split()[-1].split("-")[-1] == before
                )
                if not payloads:
                    continue
            if match.first == match.last and lang == "ar":
                payloads = self._native_article(payloads, keys[units[match.first]])
                if not payloads:
                    continue
            if lang == "en" and not any(
                tokens[units[i]].text[:1].isupper() for i in range(match.first, match.last + 1)
            ):
                # English writes nations and places with a capital ("the French"): "poles",
                # "polish", "turkey" and "china" all in lower case are ordinary words.
                payloads = tuple(cue for cue in payloads if cue.category not in PROPER_NAMES)
                if not payloads:
                    continue
            if tokens[units[match.last]].start in modifiers:
                # "an official protest", "an official Syrian newspaper": an adjective there
                payloads = tuple(cue for cue in payloads if cue.category != ANONYMOUS)
                if not payloads:
                    continue
            lead = min(cue.lead for cue in payloads)
            # a matched honorific stands before the mention (الشيخ تميم بن حمد آل ثاني)
            piece = Piece(units[match.first + lead], units[match.last], payloads)
            piece.definite = lang == "ar" and keys[piece.last].full.startswith("ال")
            if match.raw_first:
                whole.add(id(tokens[piece.first]))
            for index in range(piece.first, piece.last + 1):
                covered[index] = piece
        if lang == "ar" and self.config.statistical_ner:
            # Arabic has no capital letters to tell a place name from an ordinary word.
            _drop_unsupported_places(covered, names, keys, tokens, self.tagger())
        for first, last, kind in names:
            overlapped = {
                id(covered[i]): covered[i] for i in range(first, last + 1) if i in covered
            }
            if overlapped and (
                (
                    kind == "PERSON"
                    and all(
                        _weak_match(p, lang)
                        and first <= p.first
                        and p.last <= last
                        and (lang == "ar" or (p.first, p.last) != (first, last))
                        for p in overlapped.values()
                    )
                )
                or (
                    kind == "ORG"
                    and lang == "ar"
                    and all(_town_in_name(p, first, last) for p in overlapped.values())
                )
            ):
                # A person's name may hold a place-like word (عبد الله، خليل; Elizabeth
                # Warren): the name wins over towns, places and nisbas. In English only a
                # longer name does: spaCy calls many one-word towns (Charlotte) persons.
                # An Arabic organisation named after its town (بلدية نابلس، جامعة بيرزيت)
                # wins over the town, so a title before it can be read as its officer.
                for index in [i for i, p in covered.items() if id(p) in overlapped]:
                    del covered[index]
            elif overlapped:
                continue
            piece = Piece(first, last, ner=kind)
            for index in range(first, last + 1):
                covered[index] = piece
        pieces: list[Piece] = []
        for index, token in enumerate(tokens):
            found = covered.get(index)
            if found is not None:
                if not pieces or pieces[-1] is not found:
                    found.starts_with_conjunction = _conjunction(tokens[found.first])
                    pieces.append(found)
                continue
            pieces.append(
                Piece(
                    index,
                    index,
                    glue=keys[index][1] in GLUE
                    or keys[index][0] in GLUE
                    or (lang == "en" and _led(tokens, index)),
                    quote=token.text in QUOTES,
                    starts_with_conjunction=_conjunction(token),
                )
            )
        return pieces

    def _native_article(self, payloads: tuple[Cue, ...], key: Keys) -> tuple[Cue, ...]:
        """``payloads`` less the countries and towns an article cannot precede: a name
        written without one (مالي، بغداد) is not what a word with one says ("الدعم
        المالي"); names with their own article (المغرب، القاهرة) stay."""
        if key.full == key.bare:
            return payloads
        native = self.lexicon.index.under((key.full,))
        return tuple(c for c in payloads if c.category not in ARTICLELESS or c in native)

    def _tagged(self, sentences: Sequence[Sentence]) -> list[list[tuple[int, int, str]]]:
        """Per sentence, the names the tagger finds, as token ranges with a mention type.

        The tagger reads surface tokens (clitics attached), the form it is trained
        on: fed the segmenter's words (``ال`` ``عراق``) it loses 0.09-0.16 F1.
        """
        tagger = self.tagger()
        every = tagger.tag_many([[t.text for t in s.tokens] for s in sentences])
        found: list[list[tuple[int, int, str]]] = []
        for sentence, tags in zip(sentences, every, strict=True):
            spans: list[tuple[int, int, str]] = []
            start: int | None = None
            kind = ""
            for index, tag in enumerate([*tags, "O"]):
                if start is not None and not (tag.startswith("I-") and tag[2:] == kind):
                    mapped = TAGGER_TYPES.get(kind)
                    if mapped == "PERSON" and _honorific(sentence.tokens, start, index - 1):
                        start += 1  # "الأمير محمد بن سلمان": the name is the mention
                    if mapped and not (
                        # "لا يمكنك اختيار جيرانك": a common noun with a pronoun, no person
                        mapped == "PERSON"
                        and start == index - 1
                        and tagger.possessed_noun(sentence.tokens[start].text)
                    ):
                        spans.append((start, index - 1, mapped))
                    start = None
                if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                    start, kind = index, tag[2:]
            found.append(spans)
        return found


def _honorific(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether a tagged person name of two words or more starts with a one-word title
    (الأمير، الشيخ، الرئيس), which news NER corpora leave out of the name, as the
    dictionary's titled names do."""
    if last <= first:
        return False
    word = normalize_ar(tokens[first].text)
    return word in arabic_honorifics() or (word[:1] in "وف" and word[1:] in arabic_honorifics())


# Lexicon readings a tagged person name overrides: a word that is also a place or a
# nationality; not a dictionary actor, a country or a title.
_WEAK = frozenset({CITY, PLACE, NISBA})
_WEAK_EN = frozenset({CITY, PLACE})
_TOWNS = frozenset({CITY, PLACE})


# Words before a place name that make it a place: في، إلى، مدينة ... in, at, near.
_LOCATIVE = frozenset(
    {"في", "الي", "من", "ب", "قرب", "نحو", "داخل", "مدينه", "بلده", "قريه", "محافظه", "ولايه",
     "in", "at", "near", "to", "from", "into", "city", "town", "village", "province"}
)  # fmt: skip


def _drop_unsupported_places(
    covered: dict[int, Piece],
    names: list[tuple[int, int, str]],
    keys: list[Keys],
    tokens: Sequence[Token],
    tagger: Tagger,
) -> None:
    """A one-word city or region name that is also an ordinary word (الزاوية، السلمية، وقف)
    is kept only with support: the tagger reads it as a place, or a locative word precedes it
    (إلى فلاديفوستوك، بدمشق) and the word is no common word (:meth:`Tagger.ordinary`): "إلى
    وقف إطلاق النار", "بحجة", "في شمالي البلاد" are not places. Capitals and names of several
    words need no support."""
    tagged = {i for f, last, kind in names if kind in ("LOC", "GPE") for i in range(f, last + 1)}
    for piece in {id(p): p for p in covered.values()}.values():
        if piece.first != piece.last or not _weak_match(piece, "ar"):
            continue
        if any(c.capital or c.category == NISBA for c in piece.cues):
            continue
        if piece.first in tagged:
            continue
        before = keys[piece.first - 1] if piece.first > 0 else None
        locative = before is not None and not {before.full, before.bare, before.raw}.isdisjoint(
            _LOCATIVE
        )
        if (locative or _has_locative_clitic(keys[piece.first])) and not tagger.ordinary(
            tokens[piece.first].text
        ):
            continue
        del covered[piece.first]


def _has_locative_clitic(key: Keys) -> bool:
    # بدمشق، لحلب: the preposition is written on the name itself.
    return key.raw != key.full and key.raw[:1] in ("ب", "ل")


def _defined_acronym(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Whether tokens ``first..last`` stand in brackets right after a capitalised word, where
    a text defines its own acronyms."""
    return (
        first >= 2
        and last + 1 < len(tokens)
        and tokens[first - 1].text == "("
        and tokens[last + 1].text == ")"
        and tokens[first - 2].text[:1].isupper()
    )


def _weak_match(piece: Piece, lang: str) -> bool:
    # An English nationality word inside a PERSON span is the person's country (spaCy may
    # take "Saudi" into "Saudi Crown Prince Mohammed"), not a misread name part.
    weak = _WEAK if lang == "ar" else _WEAK_EN
    return bool(piece.cues) and all(cue.category in weak for cue in piece.cues)


def _town_in_name(piece: Piece, first: int, last: int) -> bool:
    """A town or place (no country, nisba or actor) after the first word of a tagged name."""
    return (
        bool(piece.cues)
        and all(cue.category in _TOWNS for cue in piece.cues)
        and first < piece.first
        and piece.last <= last
    )


def _token_ranges(
    sentence: Sentence, entities: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Entities (character spans) inside ``sentence`` as token ranges."""
    ranges = []
    for start, end, kind in entities:
        if start < sentence.start or end > sentence.end:
            continue
        inside = [i for i, t in enumerate(sentence.tokens) if t.start < end and start < t.end]
        if inside:
            ranges.append((inside[0], inside[-1], kind))
    return ranges


def _led(tokens: Sequence[Token], index: int) -> bool:
    """Whether the token is the hyphen or the "led" of "Saudi-led": they join the country to
    the noun after it, which takes its country as after a nationality ("Saudi-led forces" are
    Saudi forces, as a coalition is coded with the country leading it). "Iran-backed" is not
    joined: a group a country backs is not that country's."""
    if tokens[index].text == "led":
        return index > 1 and _inner_hyphen(tokens, index - 1)
    return (
        index + 1 < len(tokens) and tokens[index + 1].text == "led" and _inner_hyphen(tokens, index)
    )


def _inner_hyphen(tokens: Sequence[Token], index: int) -> bool:
    return tokens[index].text in "-‐–" and 0 < index < len(tokens) - 1


def _conjunction(token: Token) -> bool:
    return (
        bool(token.words) and token.words[0].clitic and token.words[0].norm in CONJUNCTION_CLITICS
    )


def _char_span(first: Token, last: Token, whole: bool = False) -> tuple[int, int]:
    """The mention's characters: from the first word after any proclitics to the end (with
    ``whole``, after conjunctions only: the "preposition" is the name's first letter)."""
    start = first.start
    skip = CONJUNCTION_CLITICS if whole else PROCLITICS
    for word in first.words:
        # Skip و ف ب ل ك س, and an article written ل after ل (للولايات -> ولايات).
        if word.clitic and (
            word.norm in skip or (not whole and word.norm == "ال" and word.text != "ال")
        ):
            continue
        start = word.start
        break
    end = last.end
    if (
        last.words
        and len(last.words) > 1
        and last.words[-1].clitic
        and last.words[-1].norm[:1] in "'’"
    ):
        end = last.words[-1].start  # "Russia's" -> "Russia"
    return start, end


def _build(
    doc: Document,
    found: list[tuple[MentionSpec, list[Token]]],
    lexicon: Lexicon,
    whole: AbstractSet[int] = frozenset(),
) -> None:
    mentions: list[Mention] = []
    actors: dict[tuple[str, ...], Actor] = {}
    taken: list[tuple[int, int]] = []
    for spec, tokens in found:
        first = tokens[spec.first]
        start, end = _char_span(first, tokens[spec.last], id(first) in whole)
        if end <= start or not is_word(tokens[spec.first]):
            continue
        if spec.type != "NORP" and any(s < end and start < e for s, e in taken):
            continue
        mention = Mention(f"m{len(mentions) + 1}", start, end, doc.text[start:end], spec.type)
        if spec.type != "NORP":
            taken.append((start, end))
        if spec.actor is not None:
            named = spec.actor
            if (
                named.key[0] == "name"
                and named.name != mention.text
                and named.name.endswith(mention.text)
            ):
                # A name no dictionary knows is what the mention says, without the clitic
                # the segmenter split off ("وسولانا" -> "سولانا").
                named.key, named.name = ("name", mention.text), mention.text
            actor = actors.get(spec.actor.key)
            if actor is None:
                actor = _actor(f"a{len(actors) + 1}", spec.actor, lexicon)
                actors[spec.actor.key] = actor
            actor.mentions.append(mention.id)
            mention.actor = actor.id
        mentions.append(mention)
    mentions.sort(key=lambda m: (m.start, m.end))
    renumber = {m.id: f"m{i + 1}" for i, m in enumerate(mentions)}
    for mention in mentions:
        mention.id = renumber[mention.id]
    for actor in actors.values():
        actor.mentions = sorted((renumber[m] for m in actor.mentions), key=lambda m: int(m[1:]))
    doc.mentions = mentions
    doc.actors = list(actors.values())


def _actor(actor_id: str, spec: ActorSpec, lexicon: Lexicon) -> Actor:
    """The actor record, with generic actors named from their country and label."""
    country = lexicon.countries.get(spec.country or "")
    country_name = country.name_en if country else None
    name, name_ar, wikidata = spec.name, spec.name_ar, None
    kind_of_key = spec.key[0]
    if kind_of_key == "state" and country is not None:
        name, name_ar, wikidata = country.name_en, _first(country.names_ar), country.wikidata
    elif kind_of_key == "office":
        name = f"{spec.name} of {country_name}" if country_name else spec.name
    elif kind_of_key in ("institution", "anonymous"):
        name = f"{country_name} {spec.name}" if country_name else spec.name
    if spec.ref and spec.ref in lexicon.actors:
        wikidata = lexicon.actors[spec.ref].wikidata
    return Actor(actor_id, name, name_ar, spec.kind, spec.country, spec.sector, wikidata, [])


def _first(names: Sequence[str]) -> str | None:
    return names[0] if names else None
