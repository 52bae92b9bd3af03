"""The text-level eval tasks (segmentation, date values, Wojood date spans) on tiny fixtures.

Every fixture here is written by the team. The tests on ../shared/data check
structure only (metrics present and in range), never gold-set scores.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from khabar.errors import ResourceError
from khabar.evaluation.paths import default_data_dir
from khabar.evaluation.report import EvalReport, render_report
from khabar.evaluation.tasks import TASKS, task
from khabar.evaluation.tasks.dates import (
    DATES_AR_GOLD,
    dates_ar,
    parse_wojood,
    read_dates_gold,
    wojood_dates,
)
from khabar.evaluation.tasks.segmentation import ud_segmentation

# PADT v1.3 style: vocalised syntactic words, clitics on their own lines, no ``# text``.
PADT = """\
# sent_id s-1
# orig_file_sentence TEAM_FIXTURE.0001#1
1\tوَ\tوَ\tCONJ\tC---------\t_\t2\tcc\t_\t_
2\tقَالَ\tقَال\tVERB\tVP-A-3MS--\t_\t0\troot\t_\t_
3\tاَلوَزِيرُ\tوَزِير\tNOUN\tN------S1D\tCase=Nom|Definite=Def\t2\tnsubj\t_\t_
4\tإِنَّ\tإِنَّ\tPART\tF---------\t_\t6\tmark\t_\t_
5\tاَلحُكُومَةَ\tحُكُومَة\tNOUN\tN------S4D\tCase=Acc|Definite=Def\t6\tnsubj\t_\t_
6\tتَدعَمُ\tدَعَم\tVERB\tVIIA-3FS--\t_\t2\tccomp\t_\t_
7\tهُم\tهُوَ\tPRON\tSP---3MP4-\tCase=Acc\t6\tobj\t_\t_
8\t.\t.\tPUNCT\tG---------\t_\t2\tpunct\t_\t_

# sent_id s-2
# orig_file_sentence TEAM_FIXTURE.0001#2
1\tبَحَثَ\tبَحَث\tVERB\tVP-A-3MS--\t_\t0\troot\t_\t_
2\tاَلرَّئِيسُ\tرَئِيس\tNOUN\tN------S1D\tCase=Nom|Definite=Def\t1\tnsubj\t_\t_
3\tمَعَ\tمَعَ\tADP\tP---------\t_\t4\tcase\t_\t_
4\tهُ\tهُوَ\tPRON\tSP---3MS2-\tCase=Gen\t1\tobl\t_\t_
5\tلِ\tلِ\tADP\tP---------\t_\t6\tcase\t_\t_
6\tاَلوَضعِ\tوَضع\tNOUN\tN------S2D\tCase=Gen|Definite=Def\t1\tobl\t_\t_
7\t.\t.\tPUNCT\tG---------\t_\t1\tpunct\t_\t_

"""

# PUD style: ``# text`` and SpaceAfter=No between the words of one surface token.
PUD = """\
# newdoc id = team01
# sent_id = team01-1
# text = وقال الوزير إن الحكومة تدعمهم.
1\tو\tو\tCCONJ\t_\t_\t2\tcc\t_\tSpaceAfter=No
2\tقال\tقال\tVERB\t_\t_\t0\troot\t_\t_
3\tالوزير\tوزير\tNOUN\t_\tCase=Nom\t2\tnsubj\t_\t_
4\tإن\tإن\tPART\t_\t_\t6\tmark\t_\t_
5\tالحكومة\tحكومة\tNOUN\t_\tCase=Acc\t6\tnsubj\t_\t_
6\tتدعم\tدعم\tVERB\t_\t_\t2\tccomp\t_\tSpaceAfter=No
7\tهم\tهو\tPRON\t_\tCase=Acc\t6\tobj\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

# sent_id = team01-2
# text = وزار الرئيس بيروت أمس.
1\tو\tو\tCCONJ\t_\t_\t2\tcc\t_\tSpaceAfter=No
2\tزار\tزار\tVERB\t_\t_\t0\troot\t_\t_
3\tالرئيس\tرئيس\tNOUN\t_\tCase=Nom\t2\tnsubj\t_\t_
4\tبيروت\tبيروت\tPROPN\t_\t_\t2\tobj\t_\t_
5\tأمس\tأمس\tADV\t_\t_\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_

"""

DATES_HEADER = "# written for the tests\nsentence\tpublished\texpected\tcategory\n"
DATES = (
    DATES_HEADER
    + "وأعلنت الوزارة في 12 مارس 2022 عن خطة جديدة.\t2023-09-05\t2022-03-12\tabsolute\n"
    "ووصل الوفد أمس إلى القاهرة.\t2023-09-05\t2023-09-04\trelative\n"
    "ووصل الوفد أمس إلى القاهرة.\t\tNone\trelative\n"
)

# Nested Wojood-style tags: a DATE inside an EVENT, a DATE nested in a DATE, a TIME.
WOJOOD = """\
عقد O
المؤتمر O
في O
3 B-DATE
آذار I-DATE
2021 I-DATE
. O

ذكرى B-EVENT
حرب I-EVENT
1967 I-EVENT B-DATE
مرت O
. O

وصل O
الوفد O
. O
"""


def _ud_tree(root: Path) -> Path:
    padt = root / "ud" / "padt_v1.3"
    pud = root / "ud" / "pud"
    padt.mkdir(parents=True)
    pud.mkdir(parents=True)
    (padt / "ar-ud-dev.conllu").write_text(PADT, encoding="utf-8")
    (pud / "ar_pud-ud-test.conllu").write_text(PUD, encoding="utf-8")
    return root


def _in_range(report: EvalReport) -> bool:
    return all(0.0 <= value <= 1.0 for value in report.metrics.values())


def test_the_sets_are_registered() -> None:
    assert task("ud_segmentation") is ud_segmentation
    assert task("dates_ar") is dates_ar
    assert task("wojood_dates") is wojood_dates
    assert all(TASKS[name][1] for name in ("ud_segmentation", "dates_ar", "wojood_dates"))


def test_ud_segmentation_scores_each_treebank_present(tmp_path: Path) -> None:
    report = ud_segmentation(_ud_tree(tmp_path), None)
    assert report.name == "ud_segmentation"
    assert report.n == 4
    for prefix in ("padt_dev", "pud"):
        for metric in ("word_precision", "word_recall", "word_f1", "sentence_f1"):
            assert f"{prefix}.{metric}" in report.metrics
    assert not any(key.startswith("padt_test.") for key in report.metrics)
    assert any("padt_test skipped" in note for note in report.notes)
    assert _in_range(report)
    # gold boundaries come from the fixtures: و|قال, تدعم|هم (+ مع|ه, ل|لوضع in PADT)
    assert report.details["pud"]["words"]["all"]["gold"] == 3
    assert report.details["pud"]["words"]["enc"]["gold"] == 1
    assert report.details["padt_dev"]["words"]["all"]["gold"] == 4
    assert report.details["padt_dev"]["not_aligned"] == 0
    # two sentences of one document, each closed by a full stop: one inner boundary, found
    assert report.details["pud"]["sentence_boundaries"]["gold"] == 1
    assert report.metrics["pud.sentence_f1"] == 1.0
    assert report.metrics["padt_dev.sentence_f1"] == 1.0
    for error in report.errors:
        assert set(error) == {"text", "expected", "got"}
        assert error["expected"] != error["got"]
    assert render_report(report).startswith("ud_segmentation: 4 items")


def test_ud_segmentation_limit_samples_each_treebank(tmp_path: Path) -> None:
    report = ud_segmentation(_ud_tree(tmp_path), 1)
    assert report.n == 2
    assert report.details["pud"]["sentence_boundaries"]["gold"] == 0


def test_ud_segmentation_without_treebanks_is_a_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="no UD treebank"):
        ud_segmentation(tmp_path, None)


def test_dates_ar_reads_a_gold_file_in_the_data_dir(tmp_path: Path) -> None:
    (tmp_path / "dates").mkdir()
    (tmp_path / "dates" / "dates_ar_gold.tsv").write_text(DATES, encoding="utf-8")
    report = dates_ar(tmp_path, None)
    assert report.n == 3
    assert set(report.metrics) == {"accuracy", "accuracy.absolute", "accuracy.relative"}
    assert report.metrics["accuracy"] == 1.0
    assert report.details["by_category"] == {"absolute": [1, 1], "relative": [2, 2]}
    assert report.errors == []


def test_dates_ar_reports_misses(tmp_path: Path) -> None:
    (tmp_path / "dates").mkdir()
    wrong = (
        DATES_HEADER + "وأعلنت الوزارة في 12 مارس 2022 عن خطة جديدة.\t2023-09-05\t1999\tabsolute\n"
    )
    (tmp_path / "dates" / "dates_ar_gold.tsv").write_text(wrong, encoding="utf-8")
    report = dates_ar(tmp_path, None)
    assert report.metrics == {"accuracy": 0.0, "accuracy.absolute": 0.0}
    assert report.errors[0]["expected"] == "1999"
    assert report.errors[0]["got"] == "2022-03-12"


def test_dates_ar_falls_back_to_the_repository_set(tmp_path: Path) -> None:
    report = dates_ar(tmp_path, 5)
    assert report.details["gold"] == str(DATES_AR_GOLD)
    assert report.n == 5
    assert _in_range(report)


def test_dates_gold_rows_must_have_four_cells(tmp_path: Path) -> None:
    path = tmp_path / "gold.tsv"
    path.write_text(DATES_HEADER + "a sentence\t2023-09-05\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="4 tab-separated"):
        read_dates_gold(path)


def test_wojood_reader_keeps_outermost_date_and_time_spans() -> None:
    content = "الساعة B-TIME\nالثالثة I-TIME\nيوم B-DATE\n5 I-DATE B-DATE\nأيار I-DATE I-DATE\n"
    (sentence,) = parse_wojood(content)
    assert sentence.tokens == ["الساعة", "الثالثة", "يوم", "5", "أيار"]
    assert sentence.spans == {(0, 2), (2, 5)}
    spans = [s.spans for s in parse_wojood(WOJOOD)]
    assert spans == [{(3, 6)}, {(2, 3)}, set()]


def test_wojood_dates_scores_spans(tmp_path: Path) -> None:
    (tmp_path / "ner").mkdir()
    (tmp_path / "ner" / "wojood_sample_test.txt").write_text(WOJOOD, encoding="utf-8")
    report = wojood_dates(tmp_path, None)
    assert report.n == 3
    assert set(report.metrics) == {
        f"{mode}.{m}" for mode in ("exact", "overlap") for m in ("precision", "recall", "f1")
    }
    assert _in_range(report)
    assert report.details["gold_spans"] == 2
    assert set(report.details["by_file"]) == {"wojood_sample_test.txt"}
    # "3 آذار 2021" is a plain Levantine date: found with its exact extent
    assert report.metrics["exact.recall"] >= 0.5
    assert report.metrics["overlap.recall"] >= report.metrics["exact.recall"]


def test_wojood_dates_without_the_sample_is_a_resource_error(tmp_path: Path) -> None:
    with pytest.raises(ResourceError):
        wojood_dates(tmp_path, None)
    (tmp_path / "ner").mkdir()
    with pytest.raises(ResourceError, match="no Wojood sample"):
        wojood_dates(tmp_path, None)


def _shared(folder: str) -> Path:
    path = default_data_dir() / folder
    if not path.exists():
        pytest.skip(f"{path} is absent: set KHABAR_DATA or put the shared data beside the checkout")
    return default_data_dir()


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "folder", "keys"),
    [
        ("ud_segmentation", "ud", ("padt_test.word_f1", "padt_test.sentence_f1", "pud.word_f1")),
        ("wojood_dates", "ner", ("exact.f1", "overlap.f1")),
    ],
)
def test_real_sets_run_on_a_sample(name: str, folder: str, keys: tuple[str, ...]) -> None:
    report = task(name)(_shared(folder), 30)
    assert report.n > 0
    assert all(key in report.metrics for key in keys)
    assert _in_range(report)
