"""``--format icews``: the ICEWS coded-event table, tab-separated with a header line.

The 20 columns of the ICEWS Coded Event Data files (Harvard Dataverse
doi:10.7910/DVN/28075), in their order: Event ID, Event Date, Source Name,
Source Sectors, Source Country, Event Text, CAMEO Code, Intensity, Target
Name, Target Sectors, Target Country, Story ID, Sentence Number, Publisher,
City, District, Province, Country, Latitude, Longitude. Countries are names;
sectors are the names of the actor code's CAMEO types, comma-separated;
Intensity is the CAMEO code's Goldstein score; Story ID is the article's
number in the store; Sentence Number and District are empty (not stored).

Example::

    tidings export --format icews --country BLR --out belarus.tab
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from tidings.exports import codes
from tidings.exports.gdelt_fields import field
from tidings.exports.store import Reader, Record

NAME = "icews"
KIND = "text"
DESCRIPTION = "ICEWS coded-event columns: 20 tab-separated columns with a header line"

COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)


def _country_name(iso3: str | None) -> str | None:
    c = codes.country(iso3)
    return c.name if c else None


def _actor(row: dict[str, Any], side: str) -> list[Any]:
    split = codes.split_actor(row[f"{side}_code"], row[f"{side}_country"])
    sectors = ",".join(codes.type_name(t) for t in split.types) if split else ""
    return [row[f"{side}_name"], sectors or None, _country_name(row[f"{side}_country"])]


def write(records: Iterable[Record], reader: Reader, target: TextIO, options: dict[str, Any]) -> int:
    target.write("\t".join(COLUMNS) + "\n")
    n = 0
    for rec in records:
        row = rec.row
        place = reader.place(row)
        city = province = None
        if place is not None and place.feature == "admin1":
            province = place.name
        elif place is not None and place.feature != "country":
            city, province = place.name, place.admin1
        values = [
            rec.id,
            row["day"],
            *_actor(row, "source"),
            row["event_name"],
            row["cameo"],
            float(row["goldstein"]),
            *_actor(row, "target"),
            reader.story(row["article_id"]).number,
            None,
            reader.story(row["article_id"]).source,
            city,
            None,
            province,
            _country_name(row["place_country"]),
            row["place_lat"],
            row["place_lon"],
        ]
        target.write("\t".join(field(v) for v in values) + "\n")
        n += 1
    return n
