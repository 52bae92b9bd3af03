"""Attribution and geoparsing loaders, and the data-directory helpers."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from khabar.errors import ResourceError
from khabar.evaluation.loaders.geowebnews import load_geowebnews
from khabar.evaluation.loaders.polnear import load_polnear, parse_brat_attributions
from khabar.evaluation.loaders.saudinewsnet import articles_with_body
from khabar.evaluation.paths import default_data_dir, read_text

ARTICLE = (
    "Senate vote delayed.\n\n"
    "The mayor said the bridge would reopen in May.\r\n"
    "\u201cWe are ready,\u201d an aide told reporters, \u201cand so is the city.\u201d\n"
)


def _offsets(text: str, piece: str) -> str:
    start = text.index(piece)
    return f"{start} {start + len(piece)}"


def _ann(text: str) -> str:
    first = text.index("\u201cWe are ready,\u201d")
    second = text.index("\u201cand so is the city.\u201d")
    content = (
        f"{first} {first + len('“We are ready,”')};{second} {second + len('“and so is the city.”')}"
    )
    return (
        f"T1\tSource {_offsets(text, 'The mayor')}\tThe mayor\n"
        f"T2\tCue {_offsets(text, 'said')}\tsaid\n"
        f"T3\tContent {_offsets(text, 'the bridge would reopen in May')}\t"
        "the bridge would reopen in May\n"
        f"T4\tAttribution {_offsets(text, 'said')}\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1 \n"
        f"T5\tSource {_offsets(text, 'an aide')}\tan aide\n"
        f"T6\tCue {_offsets(text, 'told')}\ttold\n"
        f"T7\tContent {content}\t\u201cWe are ready,\u201d\n"
        "a span text that ran onto a second line\n"
        f"T8\tAttribution {_offsets(text, 'told')}\ttold\n"
        "E2\tAttribution:T8 Cue:T6 Content:T7 Source:T5\n"
        f"T9\tCue {_offsets(text, 'vote')}\tvote\n"
        "E3\tAttribution-no-source:T9 Cue:T9\n"
        "#1\tAnnotatorNotes T1\tstray note\n"
    )


def _polnear_tree(root: Path) -> None:
    text_dir = root / "polnear" / "dev" / "text"
    ann_dir = root / "polnear" / "dev" / "attributions"
    text_dir.mkdir(parents=True)
    ann_dir.mkdir(parents=True)
    # Written as bytes so the \r\n stays: offsets count it.
    (text_dir / "paper_2016-10-01_bridge.txt").write_bytes(ARTICLE.encode())
    (ann_dir / "paper_2016-10-01_bridge_ab12.ann").write_bytes(_ann(ARTICLE).encode())
    (ann_dir / "paper_2016-10-01_bridge_cd34.ann").write_bytes(_ann(ARTICLE).encode())


def test_polnear_spans_point_into_the_raw_text(tmp_path: Path) -> None:
    _polnear_tree(tmp_path)
    [doc] = load_polnear(tmp_path, split="dev")
    assert doc.doc_id == "paper_2016-10-01_bridge" and doc.annotator == "ab12"
    assert "\r\n" in doc.text
    said, told, no_source = doc.items
    assert [doc.text[s:e] for s, e in said.source] == ["The mayor"]
    assert [doc.text[s:e] for s, e in said.cue] == ["said"]
    assert [doc.text[s:e] for s, e in said.content] == ["the bridge would reopen in May"]
    # A discontinuous content keeps both fragments; its bounds cover the interruption.
    assert len(told.content) == 2
    start, end = told.bounds("content") or (0, 0)
    assert doc.text[start:end].startswith("\u201cWe") and doc.text[start:end].endswith(
        "city.\u201d"
    )
    assert no_source.source == () and no_source.bounds("source") is None
    assert len(load_polnear(tmp_path, split="dev", one_per_article=False)) == 2


def test_brat_unknown_reference_is_an_error() -> None:
    with pytest.raises(ResourceError, match="T9"):
        parse_brat_attributions("E1\tAttribution:T9 Cue:T9\n")


def test_polnear_missing_split(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="polnear"):
        load_polnear(tmp_path)
    with pytest.raises(ResourceError, match="unknown PolNeAR split"):
        load_polnear(tmp_path, split="nope")


GWN = """<?xml version='1.0' encoding='utf-8'?>
<articles><article file="7">
\t\t<title>Floods in the valley</title>
\t\t<link>http://example.org/floods</link>
\t\t<text>Rain hit Lyon and Paris. Lyon officials met.</text>
\t\t<toponyms><toponym>
\t\t\t\t<extractedName>Lyon</extractedName>
\t\t\t\t<normalisedName>Lyon</normalisedName>
\t\t\t\t<type>Literal</type>
\t\t\t\t<modifierType />
\t\t\t\t<nonLocational>No</nonLocational>
\t\t\t\t<start>9</start>
\t\t\t\t<end>13</end>
\t\t\t\t<geonamesID>2996944</geonamesID>
\t\t\t\t<latitude>45.74846</latitude>
\t\t\t\t<longitude>4.84671</longitude>
\t\t\t</toponym>
\t\t\t<toponym>
\t\t\t\t<extractedName>Paris</extractedName>
\t\t\t\t<type>Literal</type>
\t\t\t\t<nonLocational>No</nonLocational>
\t\t\t\t<start>18</start>
\t\t\t\t<end>23</end>
\t\t\t\t<geonamesID />
\t\t\t\t<latitude>48.85341</latitude>
\t\t\t\t<longitude>2.3488</longitude>
\t\t\t</toponym>
\t\t\t<toponym>
\t\t\t\t<extractedName>officials</extractedName>
\t\t\t\t<type>Non_Lit_Expression</type>
\t\t\t\t<nonLocational>Yes</nonLocational>
\t\t\t\t<start>30</start>
\t\t\t\t<end>39</end>
\t\t\t</toponym>
\t\t\t<toponym>
\t\t\t\t<extractedName>Lyon</extractedName>
\t\t\t\t<type>Metonymic</type>
\t\t\t\t<nonLocational>No</nonLocational>
\t\t\t\t<start>-20</start>
\t\t\t\t<end>-16</end>
\t\t\t</toponym>
\t\t</toponyms>
</article>
<article file="8"><title>Empty</title><text>No places.</text><toponyms /></article>
</articles>
"""


def test_geowebnews_toponyms(tmp_path: Path) -> None:
    (tmp_path / "geowebnews").mkdir()
    (tmp_path / "geowebnews" / "GWN.xml").write_text(GWN, encoding="utf-8")
    articles = load_geowebnews(tmp_path)
    assert [a.doc_id for a in articles] == ["7", "8"]
    first = articles[0]
    assert first.title == "Floods in the valley"
    names = [(t.name, t.start, t.end) for t in first.toponyms]
    # The negative-offset toponym is left out.
    assert names == [("Lyon", 9, 13), ("Paris", 18, 23), ("officials", 30, 39)]
    lyon, paris, officials = first.toponyms
    assert lyon.geonames == 2996944 and lyon.lat == pytest.approx(45.74846)
    assert paris.geonames is None and paris.has_coordinates
    assert officials.non_locational and not officials.has_coordinates
    assert all(first.text[t.start : t.end] == t.name for t in first.toponyms)
    assert articles[1].toponyms == ()
    assert len(load_geowebnews(tmp_path, limit=1)) == 1


def test_geowebnews_malformed(tmp_path: Path) -> None:
    (tmp_path / "geowebnews").mkdir()
    (tmp_path / "geowebnews" / "GWN.xml").write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(ResourceError, match="not well-formed"):
        load_geowebnews(tmp_path)


def test_default_data_dir_follows_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KHABAR_DATA", str(tmp_path))
    assert default_data_dir() == tmp_path
    monkeypatch.delenv("KHABAR_DATA")
    assert default_data_dir().parts[-2:] == ("shared", "data")


def test_read_text_bom_and_newlines(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("\ufeffa\r\nb".encode())
    assert read_text(path) == "a\nb"
    assert read_text(path, keep_newlines=True) == "a\r\nb"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(ResourceError, match="UTF-8"):
        read_text(path)


def test_saudinewsnet_articles_with_body_skip_empty_records(tmp_path: Path) -> None:
    folder = tmp_path / "saudinewsnet"
    folder.mkdir()
    records = [
        {
            "content": "وصل الوزير إلى الرياض.",
            "title": "زيارة",
            "date_extracted": "2015-07-21 02:51",
        },
        {"content": "  ", "title": "فارغ"},
        {"content": "عاد الوفد.", "title": "عودة"},
    ]
    with gzip.open(folder / "articles.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    articles = articles_with_body(tmp_path)
    assert [a.title for a in articles] == ["زيارة", "عودة"]
    assert articles[0].published == "2015-07-21"
    # the limit counts records read, empty ones included
    assert [a.title for a in articles_with_body(tmp_path, 2)] == ["زيارة"]
    with pytest.raises(ResourceError):
        articles_with_body(tmp_path / "absent")
