"""The Arabic NER tagger and the NER corpus readers, on fixtures written by the team."""

from __future__ import annotations

import gzip
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.actors.compose import ActorSpec, MentionSpec
from khabar.actors.tagger import (
    FeatureExtractor,
    Gazetteer,
    Tagger,
    WordClusters,
    load_tagger,
    normalise,
    prefer_tagged,
)
from khabar.errors import ResourceError
from khabar.evaluation.loaders.ner import (
    NerSentence,
    bio_spans,
    load_tagmap,
    map_tags,
    read_anercorp,
    read_aqmar,
    read_newsfane,
    read_wojood,
    repair_bio,
    span_scores,
    spans_to_bio,
    split_clitics,
    to_model_view,
)

LRM = "\u200e"


def _write(path: Path, text: str, newline: str = "\n") -> Path:
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


# --- readers ---------------------------------------------------------------------------------


def test_anercorp_is_cut_into_sentences_after_final_punctuation(tmp_path: Path) -> None:
    text = "زار B-PERS\nخالد I-PERS\nعمان B-LOC\n. O\nوعاد O\nإلى O\nالقاهرة B-LOC\n؟ O\nثم O\n"
    sentences = read_anercorp(_write(tmp_path / "a.txt", text))
    assert [len(s.words) for s in sentences] == [4, 4, 1]
    assert sentences[0].tags == ["B-PERSON", "I-PERSON", "B-LOC", "O"]
    assert sentences[1].tags[2] == "B-LOC"


def test_aqmar_variants_and_broken_tags(tmp_path: Path) -> None:
    text = "كتاب B-MIS1\nالنجوم I-MIS1\nفي O\nجامعة B-ORG\nبغداد I--ORG\nو OO\nرواية B-MIS-2\n\nسطر O\n"
    first, second = read_aqmar(_write(tmp_path / "q.txt", text))
    assert first.tags == ["B-MISC", "I-MISC", "O", "B-ORG", "I-ORG", "O", "B-MISC"]
    assert second.words == ["سطر"]


def test_newsfane_crlf_bom_and_direction_marks(tmp_path: Path) -> None:
    rows = [
        ("\ufeff" + LRM + "التقى", "O"),
        (LRM + "الوزير", "O"),
        (LRM + "سمير", "B-Politician"),
        (LRM + "حداد", "I-Politician"),
        (LRM + "وفد", "O"),
        (LRM + "شركة", "B-Commercial"),
        (LRM + "النور", "I-Commercial"),
        (LRM + "في", "O"),
        (LRM + "طرابلس", "B-Population-Center"),
        (LRM + "قرب", "O"),
        (LRM + "نهر", "B-Water-Body"),
        (LRM + "الصينيون", "B-Group"),
    ]
    text = "\n".join(f"{w}\t{t}" for w, t in rows) + "\n\n"
    (sentence,) = read_newsfane(_write(tmp_path / "n.txt", text, newline="\r\n"))
    assert sentence.words[0] == "التقى"
    assert all(LRM not in w and "\r" not in w for w in sentence.words)
    assert bio_spans(sentence.tags) == [
        (2, 4, "PERSON"),
        (5, 7, "ORG"),
        (8, 9, "GPE"),
        (10, 11, "LOC"),
        (11, 12, "NORP"),
    ]


def test_wojood_nested_keeps_outermost_kept_type(tmp_path: Path) -> None:
    text = (
        "مدير B-OCC\nبنك I-OCC B-ORG\nفلسطين I-OCC I-ORG B-GPE\nفي O\nنابلس B-GPE\n"
        "يوم B-DATE\nالأحد I-DATE\nومجلس B-ORG\nالأمن I-ORG\nمع O\nالأسد B-PERS\n. O\n"
    )
    (sentence,) = read_wojood(_write(tmp_path / "w.txt", text))
    # OCC maps to O, so the ORG inside it is the outermost kept span and swallows the GPE
    assert bio_spans(sentence.tags) == [
        (1, 3, "ORG"),
        (4, 5, "GPE"),
        (5, 7, "DATE"),
        (7, 9, "ORG"),
        (10, 11, "PERSON"),
    ]


def test_tagmaps_cover_every_source_type() -> None:
    assert load_tagmap("anercorp")["PERS"] == "PERSON"
    assert load_tagmap("newsfane")["Nation"] == "GPE"
    assert load_tagmap("wojood")["OCC"] == "O"
    assert len(load_tagmap("newsfane")) >= 44  # every type that occurs in the corpus
    assert load_tagmap("khabar-ner")["GPE"] == "LOC"


# --- BIO helpers -----------------------------------------------------------------------------


def test_repair_and_map() -> None:
    assert repair_bio(["I-ORG", "I-ORG", "I-LOC", "O", "I-LOC"]) == [
        "B-ORG",
        "I-ORG",
        "B-LOC",
        "O",
        "B-LOC",
    ]
    mapping = {"GPE": "LOC", "LOC": "LOC", "NORP": "O"}
    assert map_tags(["B-NORP", "I-NORP", "B-GPE", "I-LOC"], mapping) == ["O", "O", "B-LOC", "I-LOC"]


_TAGS = st.lists(
    st.sampled_from(["O", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "I-PERSON"]), max_size=30
)


@given(_TAGS)
def test_spans_round_trip(tags: list[str]) -> None:
    assert spans_to_bio(len(tags), bio_spans(tags)) == repair_bio(tags)


def test_split_clitics_keeps_entity_spans() -> None:
    sentence = NerSentence(
        ["وزار", "وروسيا", "بالعراق", "للأمم", "المتحدة"],
        ["O", "B-LOC", "B-LOC", "B-ORG", "I-ORG"],
        "fixture",
        0,
    )
    split = split_clitics(sentence)
    assert split.words == ["و", "زار", "و", "روسيا", "ب", "العراق", "ل", "الأمم", "المتحدة"]
    assert [(split.words[a], kind) for a, _b, kind in bio_spans(split.tags)] == [
        ("روسيا", "LOC"),
        ("العراق", "LOC"),
        ("الأمم", "ORG"),
    ]


def test_span_scores_counts_exact_spans() -> None:
    gold = [["B-PERSON", "I-PERSON", "O", "B-LOC"]]
    predicted = [["B-PERSON", "O", "O", "B-LOC"]]
    scores = span_scores(gold, predicted, ("PERSON", "LOC"))
    assert scores["LOC"]["f1"] == 1.0
    assert scores["PERSON"]["f1"] == 0.0
    assert scores["micro"]["p"] == 0.5 and scores["micro"]["r"] == 0.5


def test_model_view_collapses_places() -> None:
    sentence = NerSentence(["a", "b", "c"], ["B-GPE", "B-NORP", "B-FAC"], "fixture", 0)
    assert to_model_view(sentence).tags == ["B-LOC", "O", "B-LOC"]


# --- the tagger ------------------------------------------------------------------------------


def test_normalise() -> None:
    assert normalise("أَحْمَد") == "احمد"
    assert normalise("القاهرة") == "القاهره"
    assert normalise("Reuters") == "reuters"


def test_gazetteer_matches_multiword_names_with_clitics() -> None:
    gazetteer = Gazetteer([("COUNTRY", "الولايات المتحدة"), ("COUNTRY", "مصر")])
    forms = [("في",), ("والولايات", "الولايات", "ولايات"), ("المتحده", "متحده")]
    assert gazetteer.spans(forms) == ["", "B-COUNTRY", "I-COUNTRY"]


def test_word_clusters_read_gzip_rows_and_back_off_to_the_core(tmp_path: Path) -> None:
    path = tmp_path / "clusters.tsv.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write("# word<TAB>ids\nموسكو\t3\t17\nطهران\t3\t21\n")
    clusters = WordClusters.from_file(path)
    assert clusters.features(["موسكو"]) == ("k0=3", "k1=17")
    assert clusters.features(["وطهران", "طهران"]) == ("k0=3", "k1=21")
    assert clusters.features(["كلمة"]) == ()
    # the features reach the word and what its neighbours see of it
    extractor = FeatureExtractor(Gazetteer([]), clusters)
    features = extractor.sentence(["زار", "موسكو", "أمس"])
    assert {"k0=3", "k1=17"} <= set(features[1])
    assert "-1k1=17" in features[2] and "+1k0=3" in features[0]
    assert not any(f.startswith("k") for f in features[0])
    with pytest.raises(ResourceError, match="train_word_clusters"):
        WordClusters.from_file(tmp_path / "missing.tsv.gz")


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return load_tagger()


def _entities(words: list[str], tags: list[str]) -> dict[str, str]:
    return {" ".join(words[a:b]): kind for a, b, kind in bio_spans(tags)}


def test_tags_a_well_known_name_and_a_country(tagger: Tagger) -> None:
    words = "قال الرئيس الروسي فلاديمير بوتين إن روسيا لن تسمح بذلك أبدا .".split()
    tags = tagger.tag(words)
    assert len(tags) == len(words)
    entities = _entities(words, tags)
    assert entities.get("فلاديمير بوتين") == "PERSON"
    assert entities.get("روسيا") == "LOC"


def test_tags_pipeline_style_words_with_clitics_split(tagger: Tagger) -> None:
    words = "و التقى الرئيس المصري عبد الفتاح السيسي ب نظيره الفرنسي في باريس".split()
    entities = _entities(words, tagger.tag(words))
    assert entities.get("عبد الفتاح السيسي") == "PERSON"
    assert entities.get("باريس") == "LOC"


def test_tagger_edge_cases_and_pickle(tagger: Tagger) -> None:
    assert tagger.tag([]) == []
    assert tagger.tag(["."]) == ["O"]
    assert set(tagger.labels) >= {"O", "B-PERSON", "I-PERSON", "B-ORG", "B-LOC"}
    clone = pickle.loads(pickle.dumps(tagger))
    words = ["زار", "بوتين", "مصر"]
    assert clone.tag(words) == tagger.tag(words)


@given(
    st.integers(min_value=1, max_value=5),
    st.lists(st.floats(min_value=-5, max_value=5), min_size=25 + 9, max_size=25 + 9),
)
def test_viterbi_finds_the_best_path(length: int, numbers: list[float]) -> None:
    import itertools

    import numpy as np

    from khabar.actors.tagger import CrfWeights

    labels = ["O", "B-X", "I-X"]
    emissions = np.array(numbers[: length * 3]).reshape(length, 3) if length * 3 <= 25 else None
    if emissions is None:
        return
    transitions = np.array(numbers[25:34]).reshape(3, 3)
    weights = CrfWeights(["a"], np.zeros((1, 3)), transitions, labels)

    def score(path: tuple[int, ...]) -> float:
        total = sum(emissions[i, k] for i, k in enumerate(path))
        return total + sum(transitions[a, b] for a, b in itertools.pairwise(path))

    best = max(itertools.product(range(3), repeat=length), key=score)
    found = tuple(labels.index(tag) for tag in weights.viterbi(emissions))
    assert score(found) >= score(best) - 1e-9


# --- merging tagged names with dictionary mentions -------------------------------------------


def _spec(first: int, last: int, kind: str, key: str | None = None) -> MentionSpec:
    actor = ActorSpec((key, "x"), "x", "state") if key else None
    return MentionSpec(first, last, kind, actor)


def test_tagged_name_replaces_the_dictionary_parts_it_contains() -> None:
    texts = ["درس", "في", "جامعة", "القاهرة"]
    state = _spec(3, 3, "GPE", "state")
    merged = prefer_tagged([state], [(2, 3, "ORG")], texts)
    assert [(s.first, s.last, s.type) for s in merged] == [(2, 3, "ORG")]
    assert merged[0].actor is not None and merged[0].actor.name == "جامعة القاهرة"


def test_same_class_part_lends_its_place_and_norp_stays() -> None:
    texts = ["في", "محافظة", "حلب", "السورية"]
    city = _spec(2, 2, "GPE")
    norp = _spec(3, 3, "NORP")
    merged = prefer_tagged([city, norp], [(1, 2, "LOC")], texts)
    assert [(s.first, s.last, s.type) for s in merged] == [(1, 2, "GPE"), (3, 3, "NORP")]


def test_person_name_does_not_swallow_a_place_and_crossing_spans_stay() -> None:
    texts = ["سفير", "اليابان", "تاكيدا"]
    country = _spec(1, 1, "GPE", "state")
    assert prefer_tagged([country], [(0, 1, "PERSON")], texts) == [country]
    crossing = _spec(1, 2, "ORG", "dict")
    assert prefer_tagged([crossing], [(0, 1, "ORG")], texts) == [crossing]


def test_tagged_short_form_stays_a_name_and_club_beats_city() -> None:
    short = _spec(1, 1, "PERSON", "dict")
    short.short = True
    merged = prefer_tagged([short], [(1, 1, "PERSON")], ["سجل", "كيم", "هدفا"])
    assert [(s.first, s.type, s.short) for s in merged] == [(1, "PERSON", False)]
    assert merged[0].actor is not None and merged[0].actor.key == ("name", "كيم")
    city = _spec(1, 1, "GPE")
    merged = prefer_tagged([city], [(1, 1, "ORG")], ["فاز", "ليون", "امس"])
    assert [(s.first, s.type) for s in merged] == [(1, "ORG")]


def test_two_known_names_are_not_joined() -> None:
    paris = _spec(0, 0, "GPE", "state")
    delhi = _spec(1, 2, "GPE", "state")
    merged = prefer_tagged([paris, delhi], [(0, 2, "LOC")], ["باريس", "نيو", "دلهي"])
    assert merged == [paris, delhi]


def test_untagged_one_word_town_without_actor_is_dropped() -> None:
    town = _spec(0, 0, "GPE")
    capital = _spec(1, 1, "GPE", "state")
    assert prefer_tagged([town, capital], [], ["العلم", "بغداد"]) == [capital]
    assert prefer_tagged([town], [(0, 0, "LOC")], ["العلم"]) == [town]
    # a foreign town without the article stays even when the tagger misses it
    assert prefer_tagged([town], [], ["لمونتريال"]) == [town]


@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 3), st.sampled_from(["PERSON", "ORG", "LOC"])),
        max_size=4,
    ),
    st.lists(
        st.tuples(st.integers(0, 6), st.integers(0, 3), st.sampled_from(["GPE", "ORG", "NORP"])),
        max_size=4,
    ),
)
def test_prefer_tagged_keeps_non_place_mentions_or_covers_them(
    names: list[tuple[int, int, str]], parts: list[tuple[int, int, str]]
) -> None:
    texts = [f"w{i}" for i in range(10)]
    specs = [_spec(a, a + n, kind, "dict") for a, n, kind in parts]
    merged = prefer_tagged(specs, [(a, a + n, kind) for a, n, kind in names], texts)
    for spec in specs:
        # every dictionary mention survives, or a mention over a tagged name covers it
        assert spec in merged or any(
            m.first <= spec.first and spec.last <= m.last for m in merged if m not in specs
        )


def test_common_words_are_told_from_towns_by_their_cluster(tagger: Tagger) -> None:
    # clusters of common words hold few places; clusters of towns many
    assert tagger.ordinary("وقف") and tagger.ordinary("بحجة")
    assert not tagger.ordinary("بعقوبة") and not tagger.ordinary("الموصل")
    # too rare to have a cluster: not a common word
    assert not tagger.ordinary("فلاديفوستوك")


def test_a_common_noun_with_a_possessive_pronoun_is_no_name() -> None:
    from khabar.actors.tagger import load_tagger

    tagger = load_tagger()
    if tagger.features.clusters is None:
        pytest.skip("the shipped model has no word clusters")
    # too rare for a cluster of its own, while the noun without the pronoun is common
    assert tagger.possessed_noun("جيرانكم")
    assert tagger.possessed_noun("شعبكم")
    # names that end like a pronoun are frequent enough to have a cluster
    assert not tagger.possessed_noun("مالك")
    assert not tagger.possessed_noun("هيثم")
