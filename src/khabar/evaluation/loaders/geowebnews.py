"""Loader for GeoWebNews (``geowebnews/GWN.xml``): toponyms in English news.

``<article file=...>`` holds ``<title>``, ``<link>``, ``<text>`` and
``<toponyms>``; each ``<toponym>`` has ``extractedName``, ``type`` (Literal,
Metonymic, Non_Lit_Expression...), ``nonLocational``, character ``start`` /
``end`` into the text, and, for geocodable ones, ``geonamesID`` (sometimes
empty), ``latitude`` and ``longitude``. A handful of upstream toponyms carry
offsets that do not point at their name (negative ones); they are left out.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from khabar.errors import ResourceError
from khabar.evaluation.paths import dataset_path
from khabar.evaluation.records import GoldGeoArticle, GoldToponym

FOLDER = "geowebnews"
FILENAME = "GWN.xml"


def load_geowebnews(data_dir: Path | None = None, limit: int | None = None) -> list[GoldGeoArticle]:
    """Articles with their gold toponyms from ``GWN.xml``."""
    path = dataset_path(data_dir, FOLDER, FILENAME)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ResourceError(f"{path}: not well-formed XML ({exc})") from exc
    return parse_geowebnews(root, limit)


def parse_geowebnews(root: ET.Element, limit: int | None = None) -> list[GoldGeoArticle]:
    """Articles from a parsed ``<articles>`` element."""
    articles: list[GoldGeoArticle] = []
    for article in root.iter("article"):
        doc_id = article.get("file", str(len(articles)))
        text = _child_text(article, "text")
        toponyms = []
        for node in article.iter("toponym"):
            toponym = _toponym(node, doc_id, text)
            if toponym is not None:
                toponyms.append(toponym)
        articles.append(
            GoldGeoArticle(doc_id, _child_text(article, "title").strip(), text, tuple(toponyms))
        )
        if limit is not None and len(articles) >= limit:
            break
    return articles


def _toponym(node: ET.Element, doc_id: str, text: str) -> GoldToponym | None:
    name = _child_text(node, "extractedName")
    start, end = _int(_child_text(node, "start")), _int(_child_text(node, "end"))
    if start is None or end is None or not 0 <= start < end <= len(text):
        return None
    if text[start:end] != name:
        return None
    lat, lon = _float(_child_text(node, "latitude")), _float(_child_text(node, "longitude"))
    return GoldToponym(
        doc_id=doc_id,
        start=start,
        end=end,
        name=name,
        type=_child_text(node, "type").strip(),
        lat=lat,
        lon=lon,
        geonames=_int(_child_text(node, "geonamesID")),
        non_locational=_child_text(node, "nonLocational").strip().lower() == "yes",
    )


def _child_text(node: ET.Element, tag: str) -> str:
    child = node.find(tag)
    return child.text or "" if child is not None else ""


def _int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.lstrip("-").isdigit() else None


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None
