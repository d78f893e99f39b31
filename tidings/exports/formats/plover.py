"""``--format plover``: PLOVER/POLECAT-style JSON lines, with the PLOVER specification's field names.

One JSON object per event, the fields of the PLOVER manual's "Data Fields"
chapter (openeventdata/PLOVER): ``id``, ``date``, ``source`` and
``recipient`` (lists of actor objects: ``code``, ``sector``, ``actor_text``,
``identifier_id``, ``identifier_text``), ``event`` (a list of event
types), ``mode`` and ``context`` (lists), ``quad_code``, ``event_loc``
(GeoNames field names: ``geonameid``, ``name``, ``latitude``, ``longitude``,
``feature class``, ``country code``, ``cc3``, ``admin1 code``),
``event_text``, ``text``, ``text_info``, ``cite_info``, ``coder``,
``coded_date``, ``coded_time``. As the specification invites, tidings adds
fields of its own: character offsets (``start``/``end`` on actors,
``text_info``), ``cameo``, ``goldstein``, ``modality``, ``negated`` and
``confidence``. Sectors are PLOVER agent codes (CAMEO ``MED`` is ``JRN``).

Example::

    tidings export --format plover --min-confidence 0.5 --out events.plover.jsonl
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from tidings.actors import plover_sector
from tidings.exports import codes
from tidings.exports.store import PlaceInfo, Reader, Record

NAME = "plover"
KIND = "text"
DESCRIPTION = "PLOVER/POLECAT-style JSON lines with the PLOVER specification's field names"

#: GeoNames feature classes of tidings' place features.
FEATURE_CLASS = {
    "country": "A",
    "admin1": "A",
    "admin2": "A",
    "city": "P",
    "facility": "S",
    "region": "L",
    "continent": "L",
    "sea": "H",
}


def _actor(row: dict[str, Any], side: str, reader: Reader) -> list[dict[str, Any]]:
    code = row[f"{side}_code"]
    if not code or code == "---":
        return []
    stored = reader.actor(row, side)
    country = row[f"{side}_country"]
    top = country if codes.is_country(country or "") else code[:3]
    sector = stored["sector"] if stored else None
    kind, name = (stored["kind"] or "", stored["name"] or "") if stored else ("", "")
    return [
        {
            "code": top,
            "sector": plover_sector(sector, kind=kind, name=name),
            "actor_text": row[f"{side}_text"],
            "identifier_id": stored["wikidata"] if stored else None,
            "identifier_text": row[f"{side}_name"],
            "cameo_code": code,
            "start": row[f"{side}_start"],
            "end": row[f"{side}_end"],
        }
    ]


def _loc(place: PlaceInfo | None) -> dict[str, Any] | None:
    if place is None:
        return None
    country = codes.country(place.country)
    admin1 = place.name if place.feature == "admin1" else place.admin1
    return {
        "geonameid": place.geonameid,
        "name": place.name,
        "latitude": place.lat,
        "longitude": place.lon,
        "feature class": FEATURE_CLASS.get(place.feature or ""),
        "country code": country.iso2 if country else None,
        "cc3": place.country,
        "admin1 code": codes.admin1_code(place.country, admin1, place.geonameid if place.feature == "admin1" else None),
        "feature": place.feature,
    }


def record(rec: Record, reader: Reader) -> dict[str, Any]:
    """The PLOVER JSON object of one exported event."""
    row = rec.row
    story = reader.story(row["article_id"])
    coded = story.processed_at or ""
    obj: dict[str, Any] = {
        "id": str(rec.id),
        "has_event": True,
        "date": row["day"],
        "source": _actor(row, "source", reader),
        "recipient": _actor(row, "target", reader),
        "event": [row["plover"]],
        "mode": [row["plover_mode"]] if row["plover_mode"] else [],
        "context": codes.plover_contexts(row["cameo"]),
        "quad_code": codes.plover_quad(row["plover"]),
        "event_loc": _loc(reader.place(row)),
        "event_text": [row["trigger"]],
        "text": row["sentence"],
        "text_info": {
            "start": row["sentence_start"],
            "end": row["sentence_start"] + len(row["sentence"]),
            "trigger_start": row["trigger_start"],
            "trigger_end": row["trigger_end"],
        },
        "cite_info": {
            "citation": story.id,
            "url": story.url,
            "title": story.title,
            "language": "en",
            "publication": story.source,
            "coder": f"tidings {story.coder}",
        },
        "coder": f"tidings {story.coder}",
        "coded_date": coded[:10] or None,
        "coded_time": coded[11:] or None,
        "cameo": row["cameo"],
        "goldstein": row["goldstein"],
        "modality": row["modality"],
        "negated": bool(row["negated"]),
        "confidence": row["confidence"],
    }
    if "num_mentions" in row:  # per global event
        obj.update(num_mentions=rec.num_mentions, num_sources=rec.num_sources, num_articles=rec.num_articles)
    return obj


def write(records: Iterable[Record], reader: Reader, target: TextIO, options: dict[str, Any]) -> int:
    n = 0
    for rec in records:
        target.write(json.dumps(record(rec, reader), ensure_ascii=False) + "\n")
        n += 1
    return n
