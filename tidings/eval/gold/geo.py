"""Geoparsing gold sets: GeoWebNews (``geo/GWN.xml``) and TR-News (``geo/TR-News.xml``)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tidings.eval.gold.common import check_split, require, take


def _float(value: str | None) -> float | None:
    if value is None or not value.strip():
        return None
    return float(value)


def _int(value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    return int(value)


def _locate(text: str, needle: str, near: int, window: int) -> int | None:
    """Start of the occurrence of ``needle`` closest to ``near`` within ``window`` chars."""
    best: int | None = None
    lo = max(0, near - window)
    pos = text.find(needle, lo)
    while pos != -1 and pos <= near + window:
        if best is None or abs(pos - near) < abs(best - near):
            best = pos
        pos = text.find(needle, pos + 1)
    return best


# --------------------------------------------------------------------------- #
# places: GeoWebNews and TR-News
# --------------------------------------------------------------------------- #


@dataclass(frozen=True, slots=True)
class Toponym:
    """A gold toponym: its offsets in the article text and, where resolved, GeoNames data.

    ``geonameid`` is None where the annotators gave coordinates without a GeoNames
    entry (GWN streets and buildings) or did not resolve the name at all.
    ``kind`` is GWN's fine-grained type (Literal, Metonymic, Demonym, ...) and
    ``non_locational`` its flag; TR-News has neither (None).
    """

    start: int
    end: int
    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    kind: str | None = None
    non_locational: bool | None = None
    feature_code: str | None = None
    country_geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class GeoArticle:
    """A news article with its gold toponyms; ``date`` only where the set records one."""

    id: str
    title: str
    url: str
    text: str
    toponyms: tuple[Toponym, ...]
    date: str | None = None


def load_geo_gwn(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[GeoArticle]:
    """Load ``geo/GWN.xml`` (GeoWebNews: 200 articles).

    Offsets are code-point offsets into ``<text>`` as parsed. Five toponyms in
    two articles carry negative offsets (they were annotated in the title, at an
    offset that does not match it); they cannot be aligned to the text and are
    dropped, leaving 6,607 of 6,612.
    """
    check_split("geo-gwn", split, [None])
    path = require(Path(data_dir) / "geo" / "GWN.xml")
    root = ET.parse(path).getroot()

    def items() -> Iterator[GeoArticle]:
        for art in root.iter("article"):
            text = art.findtext("text") or ""
            toponyms: list[Toponym] = []
            for tp in art.iterfind("toponyms/toponym"):
                start = int(tp.findtext("start") or -1)
                end = int(tp.findtext("end") or -1)
                if start < 0 or end > len(text) or end < start:
                    continue
                toponyms.append(
                    Toponym(
                        start=start,
                        end=end,
                        name=tp.findtext("extractedName") or text[start:end],
                        geonameid=_int(tp.findtext("geonamesID")),
                        lat=_float(tp.findtext("latitude")),
                        lon=_float(tp.findtext("longitude")),
                        kind=tp.findtext("type") or None,
                        non_locational=(tp.findtext("nonLocational") or "").strip().lower() == "yes",
                    )
                )
            yield GeoArticle(
                id=art.get("file", ""),
                title=(art.findtext("title") or "").strip(),
                url=(art.findtext("link") or "").strip(),
                text=text,
                toponyms=tuple(sorted(toponyms, key=lambda t: (t.start, t.end))),
            )

    return take(items(), limit)


#: How far (characters) to look for a TR-News phrase whose offsets drifted.
_TRNEWS_WINDOW = 64


def load_geo_trnews(data_dir: Path, *, split: str | None = None, limit: int | None = None) -> list[GeoArticle]:
    """Load ``geo/TR-News.xml`` (118 articles, 1,319 toponyms).

    About a tenth of TR-News offsets drift a few characters left of the phrase
    they label (the text was edited after annotation), and two have an end one
    short. Each toponym is therefore re-anchored on the occurrence of its
    ``phrase`` nearest to the stated start (within 64 characters) and its end
    set to ``start + len(phrase)``; a phrase not found nearby keeps its offsets.
    After this every toponym's text equals its slice of the article.
    """
    check_split("geo-trnews", split, [None])
    path = require(Path(data_dir) / "geo" / "TR-News.xml")
    root = ET.parse(path).getroot()

    def items() -> Iterator[GeoArticle]:
        for art in root.iter("article"):
            text = art.findtext("text") or ""
            toponyms: list[Toponym] = []
            for tp in art.iterfind("toponyms/toponym"):
                phrase = tp.findtext("phrase") or ""
                start = int(tp.findtext("start") or 0)
                end = int(tp.findtext("end") or 0)
                if text[start:end] != phrase and phrase:
                    found = _locate(text, phrase, start, _TRNEWS_WINDOW)
                    if found is not None:
                        start, end = found, found + len(phrase)
                gaz = tp.find("gaztag")
                country = gaz.find("country") if gaz is not None else None
                toponyms.append(
                    Toponym(
                        start=start,
                        end=end,
                        name=phrase,
                        geonameid=_int(gaz.get("geonameid")) if gaz is not None else None,
                        lat=_float(gaz.findtext("lat")) if gaz is not None else None,
                        lon=_float(gaz.findtext("lon")) if gaz is not None else None,
                        feature_code=(gaz.findtext("fcode") or None) if gaz is not None else None,
                        country_geonameid=_int(country.get("geonameid")) if country is not None else None,
                    )
                )
            yield GeoArticle(
                id=art.get("docid", ""),
                title=(art.findtext("title") or "").strip(),
                url=(art.findtext("url") or "").strip(),
                text=text,
                toponyms=tuple(sorted(toponyms, key=lambda t: (t.start, t.end))),
                date=(art.findtext("dltime") or "").strip() or None,
            )

    return take(items(), limit)
