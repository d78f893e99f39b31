"""The GDELT 2.0 field conventions shared by the ``gdelt`` and ``gdelt-mentions`` exports.

Column names, order and types are those of the GDELT Event Database Data
Format Codebook V2.0 (2015-02-19): 61 tab-separated fields in the events
table, 16 in the mentions table, no header line. Dates are written as the
codebook writes them (``Day`` YYYYMMDD, ``MonthYear`` YYYYMM, ``Year``,
``FractionDate`` YYYY.FFFF, ``DATEADDED`` YYYYMMDDHHMMSS in UTC). The geo
blocks use GDELT's geo types (1 country, 2 US state, 3 US city or landmark,
4 city or landmark elsewhere, 5 first-order division elsewhere; 0 and empty
fields where there is no place), FIPS 10-4 country codes, ADM1 codes written
FIPS country + GeoNames admin1 code, and GeoNames ids as feature ids.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from tidings.exports import codes
from tidings.exports.store import PlaceInfo, Reader, Record, Story

GEO_FIELDS = ("Type", "Fullname", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
ACTOR_FIELDS = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)

#: The 61 columns of the GDELT 2.0 events table, in the codebook's order.
EVENT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID",
    "Day",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS),
    *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED",
    "SOURCEURL",
)

_INTEGER = {"GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "DATEADDED"}
_BLOCKS = ("Actor1Geo", "Actor2Geo", "ActionGeo")
_INTEGER |= {"NumMentions", "NumSources", "NumArticles"} | {f"{b}_Type" for b in _BLOCKS}
_FLOAT = {"FractionDate", "GoldsteinScale", "AvgTone"} | {f"{b}_{f}" for b in _BLOCKS for f in ("Lat", "Long")}
#: Each column's codebook type: INTEGER, FLOAT or STRING.
EVENT_TYPES: dict[str, str] = {
    c: "INTEGER" if c in _INTEGER else "FLOAT" if c in _FLOAT else "STRING" for c in EVENT_COLUMNS
}

#: The 16 columns of the GDELT 2.0 mentions table, in the codebook's order, with their types.
MENTION_TYPES: dict[str, str] = {
    "GlobalEventID": "INTEGER",
    "EventTimeDate": "INTEGER",
    "MentionTimeDate": "INTEGER",
    "MentionType": "INTEGER",
    "MentionSourceName": "STRING",
    "MentionIdentifier": "STRING",
    "SentenceID": "INTEGER",
    "Actor1CharOffset": "INTEGER",
    "Actor2CharOffset": "INTEGER",
    "ActionCharOffset": "INTEGER",
    "InRawText": "INTEGER",
    "Confidence": "INTEGER",
    "MentionDocLen": "INTEGER",
    "MentionDocTone": "FLOAT",
    "MentionDocTranslationInfo": "STRING",
    "Extras": "STRING",
}
MENTION_COLUMNS: tuple[str, ...] = tuple(MENTION_TYPES)


def field(value: Any) -> str:
    """One field as GDELT writes it: empty for none, no tabs or line breaks inside."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return " ".join(str(value).replace("\t", " ").splitlines())


def line(values: list[Any]) -> str:
    return "\t".join(field(v) for v in values) + "\n"


def day_fields(day: str | None) -> list[Any]:
    """``Day``, ``MonthYear``, ``Year``, ``FractionDate`` of a YYYY-MM-DD day.

    The codebook writes FractionDate's fraction as ``(MONTH * 30 + DAY) / 365``;
    GDELT's own files hold ``((MONTH - 1) * 30 + DAY) / 365`` (20190125 is
    2019.0685), which is what is written here, to four decimals.
    """
    if not day:
        return [None, None, None, None]
    y, m, d = (int(p) for p in day[:10].split("-"))
    return [y * 10000 + m * 100 + d, y * 100 + m, y, f"{y + ((m - 1) * 30 + d) / 365:.4f}"]


def timestamp(iso: str | None) -> int | None:
    """An ISO time stamp as GDELT's YYYYMMDDHHMMSS integer, in UTC."""
    if not iso:
        return None
    t = datetime.fromisoformat(iso)
    if t.tzinfo is not None:
        t = t.astimezone(UTC)
    return int(t.strftime("%Y%m%d%H%M%S"))


def citation(story: Story) -> str:
    """The article's URL, else a citation of it (GDELT's SOURCEURL holds "the URL or citation")."""
    if story.url:
        return story.url
    parts = ", ".join(p for p in (story.source, story.published) if p)
    title = story.title or story.id
    return f"{title} ({parts})" if parts else title


def actor_fields(code: str | None, name: str | None, country_iso3: str | None) -> list[Any]:
    """The ten actor fields: the CAMEO code split into country, known group and up to three types."""
    split = codes.split_actor(code, country_iso3)
    if split is None:
        return [None] * len(ACTOR_FIELDS)
    types = [*split.types[:3], None, None, None][:3]
    return [split.code, (name or "").upper() or None, split.country, split.group, None, None, None, *types]


def geo_fields(place: PlaceInfo | None) -> list[Any]:
    """One geo block (type, full name, FIPS country, ADM1, ADM2, lat, long, feature id); type 0 when unplaced."""
    country = codes.country(place.country) if place else None
    if place is None or country is None or country.fips is None:
        return [0, None, None, None, None, None, None, None]
    us = country.iso3 == "USA"
    if place.feature == "country":
        return [1, country.name, country.fips, country.fips, None, place.lat, place.lon, country.fips]
    if place.feature == "admin1":
        code = codes.admin1_code(country.iso3, place.name, place.geonameid)
        adm1 = country.fips + code if code else country.fips
        return [2 if us else 5, f"{place.name}, {country.name}", country.fips, adm1, None, place.lat, place.lon, adm1]
    code = codes.admin1_code(country.iso3, place.admin1)
    adm1 = country.fips + code if code else country.fips
    parts = [place.name, *([place.admin1] if place.admin1 and place.admin1 != place.name else []), country.name]
    feature = str(place.geonameid) if place.geonameid is not None else None
    return [3 if us else 4, ", ".join(parts), country.fips, adm1, None, place.lat, place.lon, feature]


def event_line(rec: Record, reader: Reader) -> str:
    """One line of the events table."""
    row = rec.row
    story = reader.story(row["article_id"])
    tones = [t for t in (reader.story(m["article_id"]).tone for m in rec.members) if t is not None]
    cameo = row["cameo"]
    values = [
        rec.id,
        *day_fields(row["day"]),
        *actor_fields(row["source_code"], row["source_name"], row["source_country"]),
        *actor_fields(row["target_code"], row["target_name"], row["target_country"]),
        int(reader.is_root(row)),
        cameo,
        cameo[:3] if len(cameo) > 3 else cameo,
        row["root"],
        row["quad_class"],
        float(row["goldstein"]),
        rec.num_mentions,
        rec.num_sources,
        rec.num_articles,
        round(sum(tones) / len(tones), 4) if tones else None,
        *geo_fields(None),  # tidings places events, not actors: the actor geo blocks stay empty
        *geo_fields(None),
        *geo_fields(reader.place(row)),
        timestamp(story.processed_at),
        citation(story),
    ]
    return line(values)
