import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from khabar.read.article import Article, Failure
from khabar.read.sources import iter_articles

BODY_AR = "قال المتحدث باسم الحكومة إن الوزير سيزور عمّان الأسبوع المقبل.\nوأضاف أن المحادثات ستتناول التجارة."
HTML_AR = """<!DOCTYPE html><html lang="ar"><head><title>الوزير يزور عمّان</title>
<meta property="article:published_time" content="2024-03-02T09:00:00Z"></head>
<body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/world">العالم</a></li></ul></nav>
<article><h1>الوزير يزور عمّان</h1>
<p>قال المتحدث باسم الحكومة يوم السبت إن وزير الخارجية سيزور العاصمة الأردنية عمّان الأسبوع المقبل في جولة إقليمية.</p>
<p>وأضاف المتحدث في مؤتمر صحفي أن المحادثات ستتناول التجارة والطاقة والأوضاع الإقليمية وملف اللاجئين.</p>
</article><script>var tracking = 1;</script></body></html>"""


def _articles(results: list[Article | Failure]) -> list[Article]:
    return [r for r in results if isinstance(r, Article)]


def test_txt_first_short_line_is_the_headline_unless_it_is_a_byline(tmp_path: Path) -> None:
    import khabar

    nlp = khabar.load(pipeline=["clean", "language", "segment"])
    path = tmp_path / "a.txt"
    path.write_text("عنوان قصير\n" + BODY_AR, encoding="utf-8")
    [article] = list(iter_articles([str(path)]))
    assert isinstance(article, Article) and article.origin == str(path)
    doc = nlp.process(article)
    assert doc.title == "عنوان قصير" and doc.text.startswith("عنوان قصير\nقال المتحدث")
    path.write_text("By Jane Doe\nWASHINGTON (Reuters) - Talks resumed.\nMore talks.", "utf-8")
    [article] = list(iter_articles([str(path)]))
    doc = nlp.process(article)
    assert doc.byline.authors == ["Jane Doe"] and doc.title != "By Jane Doe"


def test_txt_in_windows_1256(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("عنوان\n" + BODY_AR).encode("cp1256"))
    [article] = list(iter_articles([str(path)]))
    assert isinstance(article, Article)
    assert "المتحدث" in article.body


def test_html_gives_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(HTML_AR, encoding="utf-8")
    [article] = list(iter_articles([str(path)]))
    assert isinstance(article, Article)
    assert article.title == "الوزير يزور عمّان"
    assert article.published == "2024-03-02"
    assert "وزير الخارجية سيزور" in article.body
    assert "tracking" not in article.body
    assert "الرئيسية" not in article.body


def test_json_records_keep_id_and_language_hint(tmp_path: Path) -> None:
    records = [
        {
            "id": "r1",
            "url": "https://example.org/1",
            "source": "Example",
            "published": "2023-09-05",
            "title": "t1",
            "language": "ar",
            "text": BODY_AR,
        },
        {"id": "r2", "html": HTML_AR},
    ]
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    first, second = iter_articles([str(path)])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.language, first.published, first.source) == (
        "r1",
        "ar",
        "2023-09-05",
        "Example",
    )
    assert second.id == "r2" and "وزير الخارجية" in second.body


def test_record_date_aliases_give_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "x", "date": "2022-03-01", "text": BODY_AR}) + "\n", "utf-8")
    [article] = list(iter_articles([str(path)]))
    assert isinstance(article, Article) and article.published == "2022-03-01"


def test_jsonl_bad_line_is_a_failure_and_the_rest_goes_on(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": BODY_AR}, ensure_ascii=False),
        "{not json",
        "[1, 2]",
        json.dumps({"id": "b", "content": "نص آخر للتجربة"}, ensure_ascii=False),
        json.dumps({"id": "c"}),
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    results = list(iter_articles([str(path)]))
    assert [r.id for r in _articles(results)] == ["a", "b"]
    failures = [r for r in results if isinstance(r, Failure)]
    assert [f.origin for f in failures] == [f"{path}:2", f"{path}:3", f"{path}:5"]
    assert all(f.reason == "malformed" for f in failures)


def test_gzip_and_directories_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "sub" / "one.txt").write_text(BODY_AR, encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "two.jsonl.gz").write_bytes(
        gzip.compress(json.dumps({"id": "z", "text": BODY_AR}, ensure_ascii=False).encode())
    )
    (tmp_path / "sub" / "ignored.png").write_bytes(b"\x89PNG")
    results = list(iter_articles([str(tmp_path)]))
    assert len(results) == 2 and all(isinstance(r, Article) for r in results)
    assert {r.id for r in _articles(results)} == {None, "z"}


def test_glob_and_missing_inputs_are_reported(tmp_path: Path) -> None:
    (tmp_path / "x1.txt").write_text(BODY_AR, encoding="utf-8")
    (tmp_path / "x2.txt").write_text(BODY_AR, encoding="utf-8")
    results = list(
        iter_articles(
            [str(tmp_path / "x*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "q*.txt")]
        )
    )
    assert len(_articles(results)) == 2
    assert [r.reason for r in results if isinstance(r, Failure)] == ["not-found", "not-found"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(BODY_AR.encode("cp1256")))
    monkeypatch.setattr(sys, "stdin", fake)
    [article] = list(iter_articles(["-"]))
    assert isinstance(article, Article) and article.origin == "<stdin>"
    assert "المتحدث" in article.body and "المحادثات" in article.body


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.html", b"   \n", "empty"),
        ("photo.txt", b"\x00\x01\x02binary\x00" * 20, "binary"),
        ("big.txt", "أ".encode() * 600, "too-large"),
        (
            "deep.html",
            b"<html><body>" + b"<div>" * 2000 + b"x" + b"</div>" * 2000 + b"</body></html>",
            "malformed",
        ),
        ("scripts.html", b"<html><body><script>alert(1)</script></body></html>", "empty"),
        ("broken.gz", b"\x1f\x8b\x08garbage", "unreadable"),
    ],
)
def test_bad_inputs_become_failures_naming_the_input(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [result] = list(iter_articles([str(path)], max_bytes=100_000 if name != "big.txt" else 1000))
    assert isinstance(result, Failure)
    assert result.reason == reason
    assert result.origin == str(path)
    assert result.message
