"""The NER, actor-code, attribution and geocoding eval tasks on tiny fixtures.

Every fixture here is written by the team, in the upstream formats. The tests
on ../shared/data check structure only (metrics present and in range), never
gold-set scores.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.document import Actor, Document, Mention
from khabar.errors import ResourceError
from khabar.evaluation.paths import default_data_dir
from khabar.evaluation.records import ActorCode, GoldEventRecord
from khabar.evaluation.report import EvalReport, render_report
from khabar.evaluation.spans import offset_map
from khabar.evaluation.tasks import TASKS, task
from khabar.evaluation.tasks.actors import actor_codes, actors_on_spans, coded_roles
from khabar.evaluation.tasks.attribution import (
    attribution_ar,
    attribution_ar_gold_path,
    parse_attribution_ar,
    polnear,
)
from khabar.evaluation.tasks.geocoding import geowebnews
from khabar.evaluation.tasks.ner import (
    mention_token_spans,
    ner_anercorp,
    ner_aqmar,
    ner_newsfane,
    ner_wojood,
    token_offsets,
)

NEW_TASKS = (
    "ner_anercorp",
    "ner_aqmar",
    "ner_newsfane",
    "ner_wojood",
    "actor_codes",
    "polnear",
    "attribution_ar",
    "geowebnews",
)

# --- NER fixtures: one sentence per line as (word, tag) pairs, written for these tests -------

NER_SENTENCES = [
    [("زار", "O"), ("الرئيس", "O"), ("المصري", "O"), ("القاهرة", "B-LOC"), (".", "O")],
    [("وصل", "O"), ("الوفد", "O"), ("إلى", "O"), ("دمشق", "B-LOC"), ("أمس", "O"), (".", "O")],
    [("التقى", "O"), ("الوزير", "O"), ("في", "O"), ("بيروت", "B-LOC"), (".", "O")],
    [("عادت", "O"), ("البعثة", "O"), ("إلى", "O"), ("عمان", "B-LOC"), (".", "O")],
    [("غادر", "O"), ("الوفد", "O"), ("بغداد", "B-LOC"), ("مساء", "O"), (".", "O")],
]
# NewsFANE re-annotates ANERcorp text and follows its split there, so it gets its own texts.
OTHER_SENTENCES = [
    [("افتتح", "O"), ("المعرض", "O"), ("في", "O"), ("الرياض", "B-LOC"), (".", "O")],
    [("انعقدت", "O"), ("القمة", "O"), ("في", "O"), ("الدوحة", "B-LOC"), (".", "O")],
]


def _conll(sentences: list[list[tuple[str, str]]], sep: str, blank: bool) -> str:
    lines: list[str] = []
    for sentence in sentences:
        lines += [f"{word}{sep}{tag}" for word, tag in sentence]
        if blank:
            lines.append("")
    return "\n".join(lines) + "\n"


def _ner_tree(root: Path) -> Path:
    ner = root / "ner"
    ner.mkdir()
    # ANERcorp: no blank lines, sentences end at "."; its last 20% is held out.
    (ner / "anercorp_train_approx.txt").write_text(
        _conll(NER_SENTENCES, " ", blank=False), encoding="utf-8"
    )
    # AQMAR: blank-line separated; one 25-sentence block at most, so all of it is held out.
    (ner / "aqmar.txt").write_text(_conll(NER_SENTENCES, " ", blank=True), encoding="utf-8")
    # NewsFANE: tab separated, fine ACE classes.
    fane = [[(w, t.replace("LOC", "Population-Center")) for w, t in s] for s in OTHER_SENTENCES]
    (ner / "newsfane_gold.txt").write_text(_conll(fane, "\t", blank=True), encoding="utf-8")
    # Wojood: train trains, val and test are held out; GPE is its own type there.
    wojood = [[(w, t.replace("LOC", "GPE")) for w, t in s] for s in NER_SENTENCES]
    (ner / "wojood_sample_train.txt").write_text(_conll(wojood[:1], " ", True), encoding="utf-8")
    (ner / "wojood_sample_val.txt").write_text(_conll(wojood[1:3], " ", True), encoding="utf-8")
    (ner / "wojood_sample_test.txt").write_text(_conll(wojood[3:], " ", True), encoding="utf-8")
    return root


def _in_range(report: EvalReport) -> bool:
    return all(0.0 <= v <= 1.0 for k, v in report.metrics.items() if not k.endswith("_km"))


def test_the_new_sets_are_registered() -> None:
    for name in NEW_TASKS:
        assert name in TASKS
        assert TASKS[name][1]
        assert callable(task(name))
    assert task("ner_wojood") is ner_wojood
    assert task("polnear") is polnear


def test_token_offsets_follow_the_space_joined_text() -> None:
    words = ["قال", "الوزير", "."]
    text = " ".join(words)
    assert [text[s:e] for s, e in token_offsets(words)] == words


def test_mentions_map_to_gold_tokens_through_cleaning_and_clitics() -> None:
    words = ["عواصم", "-", "وكالات", ":", "وصل", "الوفد", "لبيروت", "وليد", "جنبلاط"]
    original = " ".join(words)
    # the cleaner dropped the dateline, so the analysed text starts later
    text = original[original.index("وصل") :]
    mentions = [
        Mention("m1", text.index("بيروت"), text.index("بيروت") + 5, "بيروت", "GPE"),
        Mention("m2", text.index("وليد"), len(text), "وليد جنبلاط", "PERSON"),
        Mention("m3", 0, 3, "وصل", "NORP"),  # not scored
    ]
    doc = Document(text=text, mentions=mentions)
    assert sorted(mention_token_spans(doc, words)) == [(6, 7, "LOC"), (7, 9, "PERSON")]


def test_offset_map_is_identity_or_follows_the_diff() -> None:
    same = offset_map("abc", "abc")
    assert same(2) == 2
    assert same.span(0, 3) == (0, 3)
    shifted = offset_map("world", "hello  world")
    assert shifted.span(0, 5) == (7, 12)
    assert offset_map("xyz", "abc").span(0, 3) is None
    # folded white space and a changed word at an edge: the span shrinks to what matches
    folded = offset_map("said: the talks resume", "said:\n\nthe  talks   «resume»")
    assert folded.span(6, 15) == (7, 17)
    assert folded.span(5, 22) == (7, 17)


@pytest.mark.parametrize("evaluate", [ner_anercorp, ner_aqmar, ner_newsfane, ner_wojood])
def test_ner_tasks_score_held_out_sentences(tmp_path: Path, evaluate: object) -> None:
    root = _ner_tree(tmp_path)
    report = evaluate(root, None)  # type: ignore[operator]
    assert report.name.startswith("ner_")
    expected_n = {"ner_anercorp": 1, "ner_aqmar": 5, "ner_newsfane": 2, "ner_wojood": 4}
    assert report.n == expected_n[report.name]
    for kind in ("person", "org", "loc", "micro"):
        for metric in ("precision", "recall", "f1"):
            assert f"{kind}.{metric}" in report.metrics
    assert _in_range(report)
    # capitals of the region are in khabar's gazetteer: found as LOC with exact bounds
    assert report.metrics["loc.recall"] >= 0.5
    assert report.details["micro"]["gold"] == report.n
    assert any("GPE" in note for note in report.notes)
    for error in report.errors:
        assert error["expected"] != error["got"]


def test_ner_task_limit_and_missing_corpus(tmp_path: Path) -> None:
    root = _ner_tree(tmp_path)
    assert ner_aqmar(root, 2).n == 2
    (root / "ner" / "aqmar.txt").unlink()
    with pytest.raises(ResourceError, match="aqmar"):
        ner_aqmar(root, None)
    with pytest.raises(ResourceError):
        ner_anercorp(tmp_path / "nowhere", None)


# --- actor codes ------------------------------------------------------------------------------

SPAN_RECORDS = [
    {
        "_id": "t1",
        "event_type": "protest",
        "text": "تظاهر طلاب مصريون أمام السفارة الأمريكية في القاهرة.",
        "source_gold": "طلاب مصريون",
        "target_gold": "السفارة الأمريكية",
        "verb_gold": "تظاهر",
        "spans": [
            {"source_role": {"main": "EGY", "role": "CVL"}, "target_role": {"main": "USA"}},
            {"source_role": {"main": "EGY", "role": "CVL"}, "target_role": {"main": "USA"}},
        ],
    },
    {
        "_id": "t2",
        "event_type": "protest",
        "text": "احتج المزارعون على ارتفاع الأسعار.",
        "source_gold": "",
        "target_gold": "",
        "verb_gold": "احتج",
        "spans": [{"source_role": {"main": "None", "role": "CVL"}}],
    },
]


def _spans_tree(root: Path) -> Path:
    folder = root / "arabic_event_gsr"
    folder.mkdir()
    (folder / "protest_spans.json").write_text(
        json.dumps(SPAN_RECORDS, ensure_ascii=False), encoding="utf-8"
    )
    assault = [
        {
            "_id": "t3",
            "event_type": "assault",
            "text": "قصفت القوات الإسرائيلية مواقع في جنوب لبنان.",
            "source_gold": "القوات الإسرائيلية",
            "target_gold": "",
            "verb_gold": "قصفت",
            "spans": [{"source_role": {"main": "ISR", "role": "MIL"}}],
        }
    ]
    (folder / "assault_spans.json").write_text(
        json.dumps(assault, ensure_ascii=False), encoding="utf-8"
    )
    return root


def test_coded_roles_need_spans_and_a_code() -> None:
    record = GoldEventRecord(
        "x",
        "نص",
        "PROTEST",
        "ar",
        actor_spans=((0, 2),),
        actor_codes=(ActorCode("EGY", None),),
        recipient_codes=(ActorCode("USA", None),),
    )
    (role,) = coded_roles(record)
    assert role.role == "actor"
    assert role.code == ActorCode("EGY", None)


def test_actors_on_spans_reads_overlapping_mentions() -> None:
    text = "قال الجيش الإسرائيلي إنه قصف مواقع."
    start = text.index("الجيش")
    doc = Document(
        text=text,
        mentions=[Mention("m1", start, start + len("الجيش الإسرائيلي"), "x", "ORG", actor="a1")],
        actors=[Actor("a1", "Israeli army", country="ISR", sector="MIL")],
    )
    inside = (text.index("الإسرائيلي"), text.index("الإسرائيلي") + 3)
    assert [a.id for a in actors_on_spans(doc, text, (inside,))] == ["a1"]
    assert actors_on_spans(doc, text, ((0, 3),)) == []


def test_actor_codes_task(tmp_path: Path) -> None:
    report = actor_codes(_spans_tree(tmp_path), None)
    assert report.name == "actor_codes"
    # t1: actor and recipient; t2: a code but no agreed words; t3: actor only
    assert report.n == 3
    assert report.details["records"] == 3
    assert {"country_accuracy", "sector_accuracy", "span_found"} <= set(report.metrics)
    assert _in_range(report)
    # every gold role here has a country, and a right one needs an actor mention on the span
    assert report.metrics["country_accuracy"] <= report.metrics["span_found"]
    assert any("CAMEO" in note for note in report.notes)
    assert "actor_codes: 3 items" in render_report(report)


# --- attribution --------------------------------------------------------------------------------

POLNEAR_TEXT = "The minister said that the talks would resume next week.\n"


def _polnear_tree(root: Path) -> Path:
    dev = root / "polnear" / "dev"
    (dev / "text").mkdir(parents=True)
    (dev / "attributions").mkdir()
    (dev / "text" / "art1.txt").write_text(POLNEAR_TEXT, encoding="utf-8", newline="")
    cue = POLNEAR_TEXT.index("said")
    content = POLNEAR_TEXT.index("that")
    ann = (
        "T1\tSource 0 12\tThe minister\n"
        f"T2\tCue {cue} {cue + 4}\tsaid\n"
        f"T3\tContent {content} {len(POLNEAR_TEXT) - 1}\t{POLNEAR_TEXT[content:-1]}\n"
        "T4\tAttribution 13 17\tsaid\n"
        "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n"
    )
    (dev / "attributions" / "art1_ann1.ann").write_text(ann, encoding="utf-8")
    return root


def test_polnear_task(tmp_path: Path) -> None:
    report = polnear(_polnear_tree(tmp_path), None)
    assert report.name == "polnear"
    assert report.n == 1
    assert report.details["gold_attributions"] == 1
    for role in ("source", "cue", "content"):
        assert f"{role}.overlap_f1" in report.metrics
        assert f"{role}.exact_f1" in report.metrics
    assert _in_range(report)
    # a plain "X said that Y": the cue is found with its exact bounds
    assert report.metrics["cue.exact_f1"] == 1.0


AR_TEXT = "قال وزير الخارجية المصري إن بلاده ترفض التهجير."


def _ar_line(**changes: object) -> str:
    record: dict[str, object] = {
        "id": "t1",
        "text": AR_TEXT,
        "attributions": [
            {
                "speaker": [4, 24],
                "cue": [0, 3],
                "content": [28, 46],
                "stance": "assert",
                "via": [],
                "direct": False,
            }
        ],
    }
    record |= changes
    return json.dumps(record, ensure_ascii=False)


def test_parse_attribution_ar_skips_metadata_and_checks_records() -> None:
    content = '{"_meta": "written for the tests"}\n' + _ar_line() + "\n\n"
    (record,) = parse_attribution_ar(content)
    assert record.gold.doc_id == "t1"
    assert record.gold.items[0].bounds("source") == (4, 24)
    assert AR_TEXT[4:24] == "وزير الخارجية المصري"
    assert record.stances == ("assert",)
    assert record.direct == (False,)
    assert record.via == ((),)
    with pytest.raises(ResourceError, match="line 1"):
        parse_attribution_ar(_ar_line(attributions=[{"speaker": None}]))


def test_attribution_ar_reads_a_gold_file_in_the_data_dir(tmp_path: Path) -> None:
    (tmp_path / "attribution").mkdir()
    path = tmp_path / "attribution" / "attribution_ar_gold.jsonl"
    path.write_text(_ar_line() + "\n", encoding="utf-8")
    assert attribution_ar_gold_path(tmp_path) == path
    report = attribution_ar(tmp_path, None)
    assert report.n == 1
    assert {"stance_accuracy", "direct_accuracy", "via_accuracy", "cue.overlap_f1"} <= set(
        report.metrics
    )
    assert _in_range(report)
    # "قال X إن Y" is the plainest Arabic report: its cue is found exactly
    assert report.metrics["cue.exact_f1"] == 1.0


def test_attribution_ar_falls_back_to_the_repository_set(tmp_path: Path) -> None:
    report = attribution_ar(tmp_path, 3)
    assert report.n == 3
    assert report.details["gold"].endswith("benchmarks/attribution_ar_gold.jsonl")
    assert _in_range(report)


# --- geocoding ------------------------------------------------------------------------------------

GWN_TEXT = "Protesters marched through Paris on Sunday, and later gathered in Cairo."


def _gwn_tree(root: Path) -> Path:
    folder = root / "geowebnews"
    folder.mkdir()
    paris, cairo = GWN_TEXT.index("Paris"), GWN_TEXT.index("Cairo")
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<articles>
  <article file="t1">
    <title>Marches</title>
    <link>http://example.org/t1</link>
    <text>{GWN_TEXT}</text>
    <toponyms>
      <toponym><extractedName>Paris</extractedName><type>Literal</type>
        <nonLocational>No</nonLocational><start>{paris}</start><end>{paris + 5}</end>
        <geonamesID>2988507</geonamesID><latitude>48.85341</latitude>
        <longitude>2.3488</longitude></toponym>
      <toponym><extractedName>Cairo</extractedName><type>Literal</type>
        <nonLocational>No</nonLocational><start>{cairo}</start><end>{cairo + 5}</end>
        <geonamesID>360630</geonamesID><latitude>30.06263</latitude>
        <longitude>31.24967</longitude></toponym>
    </toponyms>
  </article>
</articles>
"""
    (folder / "GWN.xml").write_text(xml, encoding="utf-8")
    return root


def test_geowebnews_task(tmp_path: Path) -> None:
    report = geowebnews(_gwn_tree(tmp_path), None)
    assert report.name == "geowebnews"
    assert report.n == 1
    for key in (
        "gold_spans.accuracy_161km",
        "gold_spans.mean_error_km",
        "end_to_end.recall",
        "end_to_end.accuracy_161km",
    ):
        assert key in report.metrics
    assert _in_range(report)
    # two capitals, named plainly: resolved from their gold spans and found end to end
    assert report.metrics["gold_spans.accuracy_161km"] == 1.0
    assert report.metrics["end_to_end.recall"] == 1.0
    assert report.details["given_spans"]["with_context"]["total"] == 2


def test_geowebnews_without_data_is_a_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError):
        geowebnews(tmp_path, None)


# --- the real sets, on small samples ----------------------------------------------------------------


def _shared(folder: str) -> Path:
    path = default_data_dir() / folder
    if not path.exists():
        pytest.skip(f"{path} is absent: set KHABAR_DATA or put the shared data beside the checkout")
    return default_data_dir()


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "folder", "keys"),
    [
        ("ner_aqmar", "ner", ("micro.f1", "loc.f1")),
        ("actor_codes", "arabic_event_gsr", ("country_accuracy", "span_found")),
        ("polnear", "polnear", ("source.overlap_f1", "content.overlap_f1")),
        ("geowebnews", "geowebnews", ("gold_spans.accuracy_161km", "end_to_end.recall")),
    ],
)
def test_real_sets_run_on_a_sample(name: str, folder: str, keys: tuple[str, ...]) -> None:
    report = task(name)(_shared(folder), 3)
    assert report.n > 0
    assert all(key in report.metrics for key in keys)
    assert _in_range(report)
