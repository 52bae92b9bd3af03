"""Event gold loaders on small files written here, in the upstream formats and with their quirks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.errors import ResourceError
from khabar.evaluation.loaders.arabic_event_gsr import (
    load_arabic_event_gsr,
    load_arabic_event_spans,
)
from khabar.evaluation.loaders.conflibert_cameo import (
    load_conflibert_cameo,
    load_conflibert_cameo_args,
)
from khabar.evaluation.loaders.petrarch import load_petrarch, parse_petrarch_xml
from khabar.evaluation.loaders.plover import load_plover, parse_markup
from khabar.evaluation.ontology import cameo_to_plover, plover_type
from khabar.evaluation.records import LABEL_AMBIGUOUS, LABEL_NO, LABEL_YES, ActorCode
from khabar.evaluation.spans import bio_to_spans


def write(path: Path, text: str, *, encoding: str = "utf-8", newline: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


# -- arabic_event_gsr ---------------------------------------------------------

GSR_CSV = (
    "id,event_type,label,accept,reject,total,text\n"
    'a1,PROTEST,yes,5,0,5,"تظاهر مئات الطلاب أمام السفارة."\n'
    "a2,PROTEST,easy no,0,5,5,\u200eزار الوزير المعرض.\n"
    "a3,PROTEST,difficult no,1,4,5,اجتمع العمال في النقابة.\n"
    'a4,PROTEST,ambiguous,1,1,2,"قال إن الاحتجاج ممكن، ربما."\n'
)


def test_detection_csv_with_bom_crlf_and_direction_marks(tmp_path: Path) -> None:
    write(
        tmp_path / "arabic_event_gsr" / "protest_gsr.csv",
        GSR_CSV,
        encoding="utf-8-sig",
        newline="\r\n",
    )
    write(
        tmp_path / "arabic_event_gsr" / "assault_gsr.csv",
        "id,event_type,label,accept,reject,total,text\nb1,ASSAULT,yes,4,0,4,قتل مسلحون جنديا.\n",
    )
    records = load_arabic_event_gsr(tmp_path)
    assert [r.id for r in records] == ["a1", "a2", "a3", "a4", "b1"]
    assert [r.label for r in records] == [LABEL_YES, LABEL_NO, LABEL_NO, LABEL_AMBIGUOUS, LABEL_YES]
    assert records[1].text == "زار الوزير المعرض."  # U+200E gone, no trailing \r
    assert records[2].difficult and not records[1].difficult
    assert records[0].accept == 5 and records[0].total == 5
    assert records[4].event_type == "ASSAULT" and records[0].language == "ar"
    assert len(load_arabic_event_gsr(tmp_path, limit=2)) == 2


def test_detection_csv_rejects_unknown_label(tmp_path: Path) -> None:
    write(
        tmp_path / "arabic_event_gsr" / "protest_gsr.csv",
        "id,event_type,label,accept,reject,total,text\nx,PROTEST,maybe,1,1,2,نص\n",
    )
    with pytest.raises(ResourceError, match="unknown label"):
        load_arabic_event_gsr(tmp_path, event_types=("protest",))


def test_missing_data_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match=r"protest_gsr\.csv"):
        load_arabic_event_gsr(tmp_path)
    with pytest.raises(ResourceError, match=r"PLOVER_GSR_CAMEO\.json"):
        load_plover(tmp_path)


SPANS = [
    {
        "source": "outlet",
        "_id": "s1",
        "text": "تظاهر مئات الطلاب أمام السفارة الفرنسية في تونس احتجاجاً على القرار.",
        "spans": [
            {
                "source_actor": ["مئات", "الطلاب"],
                "verb": ["تظاهر"],
                "target_actor": ["السفارة", "الفرنسية"],
                "source_role": {"main": "TUN", "role": "EDU"},
                "target_role": {"main": "FRA", "role": "GOV"},
            },
            {
                "source_actor": ["الطلاب"],
                "verb": ["تظاهر", "احتجاجاً"],
                "target_actor": ["السفارة", "الفرنسية"],
                "source_role": {"main": "TUN", "role": "None"},
                "target_role": {},
            },
            {
                "source_actor": ["مئات", "الطلاب"],
                "verb": ["تظاهر"],
                "target_actor": ["السفارة", "الفرنسية"],
                "source_role": {"main": "TUN", "role": "EDU"},
                "target_role": {"main": "FRA", "role": "GOV"},
            },
        ],
        "event_type": "PROTEST",
        # The agreed words come in no particular order.
        "source_gold": "الطلاب مئات",
        "verb_gold": "تظاهر",
        "target_gold": "الفرنسية السفارة",
        "stray": 1,
    },
    {
        "_id": "s2",
        "text": "قال «المتظاهرون». ثم عاد المتظاهرون إلى الساحة",
        "spans": [],
        "event_type": "PROTEST",
        "source_gold": "المتظاهرون»",
        "verb_gold": "",
        "target_gold": "",
    },
]


def test_span_records_locate_agreed_words(tmp_path: Path) -> None:
    write(tmp_path / "arabic_event_gsr" / "protest_spans.json", json.dumps(SPANS))
    records = load_arabic_event_spans(tmp_path, event_types=("protest",))
    first = records[0]
    assert [first.text[s:e] for s, e in first.actor_spans] == ["مئات الطلاب"]
    assert [first.text[s:e] for s, e in first.recipient_spans] == ["السفارة الفرنسية"]
    assert [first.text[s:e] for s, e in first.trigger_spans] == ["تظاهر"]
    assert first.actor_codes == (ActorCode("TUN", "EDU"),)  # two annotators of three
    assert first.recipient_codes == (ActorCode("FRA", "GOV"),)
    # A word glued to punctuation is found through the text; no codes, no spans elsewhere.
    second = records[1]
    assert [second.text[s:e] for s, e in second.actor_spans] == ["المتظاهرون»"]
    assert second.trigger_spans == () and second.actor_codes == ()


# -- PLOVER -----------------------------------------------------------------------


def test_plover_legacy_types_map_to_v1() -> None:
    assert plover_type("DEMAND") == "REQUEST"
    assert plover_type("disapprove") == "ACCUSE"
    assert plover_type("INVESTIGATE") == "ACCUSE"
    assert plover_type("FIGHT") == "ASSAULT"
    assert plover_type("PROTEST") == "PROTEST"
    with pytest.raises(ResourceError, match="CRIME"):
        plover_type("CRIME")


def test_cameo_codes_map_to_plover() -> None:
    assert cameo_to_plover("064") == "COOPERATE"
    assert cameo_to_plover("0874") == "RETREAT"
    assert cameo_to_plover("083") == "CONCEDE"
    assert cameo_to_plover("0813") == "RETREAT"
    assert cameo_to_plover("111") == "ACCUSE"
    assert cameo_to_plover("190") == "ASSAULT"
    assert cameo_to_plover("223") is None  # no such CAMEO root
    assert cameo_to_plover("010") is None  # public statements are dropped


PLOVER_ROWS = [
    {"id": "DOC-1", "event": "DOCUMENT", "eventText": "about this file"},
    {
        "id": "X-DEMAND-1",
        "event": "DEMAND",
        "source": [{"actorText": "Ruritania", "code": "RUR", "sector": "GOV"}],
        "target": [{"actorText": "Freedonia", "code": "FRE"}],
        "context": "diplomatic, economic",
        "mode": "",
        "text": "Ruritania demanded that Freedonia (the northern state) lift its tariffs.",
        "textInfo": {
            "markup": "(SRC: Ruritania) (EVT: demanded) that (TAR: Freedonia (the northern"
            " state)) (EVT: lift ) its tariffs."
        },
        "extra": "ignored",
    },
    {
        "id": "X-FIGHT-1",
        "event": "FIGHT",
        "source": [{"actorText": "Rebels", "code": "RUR", "sector": "REB"}],
        "target": "",
        "context": "military",
        "mode": "firearms",
        "text": "Rebels fought in Zenda on Monday.",
        "textInfo": {"markup": "(SRC: Rebels) (EVT: fought)  in (LOC: Zendda) on Monday."},
    },
]


def test_plover_loader(tmp_path: Path) -> None:
    write(tmp_path / "plover" / "PLOVER_GSR_CAMEO.json", json.dumps(PLOVER_ROWS))
    records = load_plover(tmp_path)
    assert [r.id for r in records] == ["X-DEMAND-1", "X-FIGHT-1"]
    demand, fight = records
    assert demand.event_type == "REQUEST" and demand.raw_type == "DEMAND"
    assert demand.context == ("diplomatic", "economic") and demand.mode is None
    assert [demand.text[s:e] for s, e in demand.actor_spans] == ["Ruritania"]
    assert [demand.text[s:e] for s, e in demand.recipient_spans] == [
        "Freedonia (the northern state)"
    ]
    assert [demand.text[s:e] for s, e in demand.trigger_spans] == ["demanded", "lift"]
    assert demand.actor_codes == (ActorCode("RUR", "GOV"),)
    assert demand.recipient_codes == (ActorCode("FRE", None),)
    # Markup text differs from the text (double space, a typo): spans are realigned.
    assert fight.event_type == "ASSAULT" and fight.mode == "firearms"
    assert [fight.text[s:e] for s, e in fight.trigger_spans] == ["fought"]
    assert fight.recipient_codes == ()


def test_markup_shared_role() -> None:
    text = "Arnor and Gondor agreed."
    spans = parse_markup("(SRC/TAR: Arnor) and (SRC/TAR: Gondor) (EVT: agreed).", text)
    assert [text[s:e] for s, e in spans["SRC"]] == ["Arnor", "Gondor"]
    assert spans["SRC"] == spans["TAR"]


# -- PETRARCH ---------------------------------------------------------------------

PETRARCH_XML = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
<!--
#  Use <Sentence ... evaluate="false"> to bypass, with a comment in <!-- ... --> explaining why
-->
<Sentences>
<Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064" />
<Text>
Arnor will restore ties
with Gondor &amp; its allies.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<!--Sentence date="1" id="COMMENTED" category="X"><Text>gone</Text></Sentence-->
<Sentence category="PAT" date="19950102" id="T-02" evaluate="false">
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<EventCoding eventcode="111" sourcecode="GON" targetcode="ARN" />
<Text>Two casualties.</Text>
</Sentence>
<Sentence date="19950103" id="T-03" category="ERR">
<EventCoding noevents = "True">
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950104" id="T-04" category="ERR">
<EventCoding error="bad_input_parse">
<Text>Broken.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_petrarch_parser_survives_malformed_xml() -> None:
    records = parse_petrarch_xml(PETRARCH_XML, "unittest")
    assert [r.id for r in records] == ["T-01", "T-02", "T-03", "T-04"]
    first, second, third, fourth = records
    assert first.text == "Arnor will restore ties with Gondor & its allies."
    assert [(e.source, e.target, e.code) for e in first.events] == [("ARN", "GON", "064")]
    assert first.evaluate and first.category == "DEMO" and first.date == "19950101"
    assert second.events[0].source == "INJURY TOLL" and len(second.events) == 2
    assert not second.evaluate
    assert third.events == () and third.error is None
    assert fourth.events == () and fourth.error == "bad_input_parse"


def test_petrarch_loader_reads_both_suites(tmp_path: Path) -> None:
    write(tmp_path / "petrarch" / "PETR.UnitTest.records.xml", PETRARCH_XML, newline="\r\n")
    write(tmp_path / "petrarch" / "PETR_Validate_records_2_02.xml", PETRARCH_XML)
    records = load_petrarch(tmp_path)
    assert len(records) == 8
    assert {r.suite for r in records} == {"unittest", "validate"}
    assert records[0].text == "Arnor will restore ties with Gondor & its allies."
    assert len(load_petrarch(tmp_path, limit=3)) == 3


# -- ConfliBERT CAMEO --------------------------------------------------------------


def test_conflibert_classes_and_tags(tmp_path: Path) -> None:
    write(
        tmp_path / "conflibert_cameo" / "cameo_class_train.tsv",
        "Troops shelled the border town.\t4\n\nThe envoy praised the \u200etalks.\t1\n",
        newline="\r\n",
    )
    write(
        tmp_path / "conflibert_cameo" / "cameo_ner_train.txt",
        "Troops B-S\nshelled O\nthe B-T\nborder I-T\ntown I-T\n. O\n\n\n"
        "The O\nenvoy B-S\npraised O\n\u202a O\n\u200etalks B-R\n",
    )
    classes = load_conflibert_cameo(tmp_path)
    assert [(c.text, c.cls) for c in classes] == [
        ("Troops shelled the border town.", 4),
        ("The envoy praised the talks.", 1),
    ]
    args = load_conflibert_cameo_args(tmp_path)
    assert len(args) == 2
    assert args[0].tokens[:2] == ("Troops", "shelled")
    assert bio_to_spans(args[0].tags) == [(0, 1, "S"), (2, 5, "T")]
    assert bio_to_spans(args[1].tags) == [(1, 2, "S"), (4, 5, "R")]
    assert args[1].tokens[3:] == ("\u202a", "talks")
    assert len(load_conflibert_cameo_args(tmp_path, limit=1)) == 1


def test_conflibert_bad_class_line(tmp_path: Path) -> None:
    write(tmp_path / "conflibert_cameo" / "cameo_class_train.tsv", "no class here\n")
    with pytest.raises(ResourceError, match="sentence<TAB>class"):
        load_conflibert_cameo(tmp_path)
