"""The code tables the exports translate through: countries, CAMEO actor codes, admin1 codes, PLOVER facts.

tidings stores ISO 3166-1 alpha-3 country codes, CAMEO-style actor codes
(``RUSGOV``, ``IGOEUREEC``), GeoNames ids and admin1 *names*. Other formats
want other codes: GDELT writes FIPS 10-4 countries in its geo blocks, CAMEO
countries in its actor fields and ``FIPS country + admin1 code`` for a
division; PLOVER wants ISO2 and GeoNames admin1 codes; ICEWS country names.
All of it is read from data files (``tidings/data/country_codes.tsv``,
``cameo_actor_codes.tsv``, ``geo_admin1.tsv``, ``cameo.tsv``, ``plover.json``;
origins in ``tidings/data/README.md``), once per process.

Example::

    codes.fips("BLR")                    # 'BO'
    codes.split_actor("IGOEUREEC")       # ActorCode(country='EUR', group='EEC', types=('IGO',))
    codes.admin1_code("BLR", "Horad Minsk")   # '04'
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


def _tsv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        lines = (line for line in f if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    fips: str | None  # FIPS 10-4 (GDELT's geo blocks); None where FIPS has no code (Aland, Bonaire)
    cameo: str  # the CAMEO country code (GDELT's actor fields)
    name: str


@cache
def _countries() -> dict[str, Country]:
    return {
        r["iso3"]: Country(r["iso3"], r["iso2"], r["fips"] or None, r["cameo"], r["name"])
        for r in _tsv("country_codes.tsv")
    }


def country(iso3: str | None) -> Country | None:
    """The country with this ISO3 code, or None (no code, a region, an unknown code)."""
    return _countries().get(iso3 or "")


def fips(iso3: str | None) -> str | None:
    """The FIPS 10-4 code of an ISO3 country (``BLR`` -> ``BO``)."""
    c = country(iso3)
    return c.fips if c else None


def is_country(iso3: str) -> bool:
    return iso3 in _countries()


@cache
def _actor_codes() -> dict[str, tuple[str, str]]:
    return {r["code"]: (r["kind"], r["name"]) for r in _tsv("cameo_actor_codes.tsv")}


def is_region(code: str) -> bool:
    return _actor_codes().get(code, ("", ""))[0] == "region"


def is_type(code: str) -> bool:
    return _actor_codes().get(code, ("", ""))[0] == "type"


def type_name(code: str) -> str:
    """The name of a CAMEO type/sector code (``GOV`` -> ``Government``); the code itself when unknown."""
    return _actor_codes().get(code, ("", code))[1]


@dataclass(frozen=True)
class ActorCode:
    """A CAMEO actor code split as GDELT splits it."""

    code: str  # the whole code, its country part in CAMEO's spelling
    country: str | None  # CAMEO country or region code
    group: str | None  # known group (UNO, EEC, NAT, IRC...)
    types: tuple[str, ...]  # role and sector codes, in order


def split_actor(code: str | None, country_iso3: str | None = None) -> ActorCode | None:
    """``RUSGOV`` -> country RUS, type GOV; ``IGOEUREEC`` -> country EUR, type IGO, group EEC.

    The code is read three letters at a time: the first country (or CAMEO
    region) is the country, codes of ``cameo_actor_codes.tsv`` of kind
    ``type`` are types, and any other is a known group (the last one wins:
    ``IGOUNOWFP`` is the World Food Programme, not the UN). The stored
    ``country_iso3`` is preferred for the country when the code has none.
    None for an empty or unknown actor (``---``).
    """
    if not code or not re.fullmatch(r"(?:[A-Z]{3})+", code):
        return None
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    cameo_country: str | None = None
    group: str | None = None
    types: list[str] = []
    spelled: list[str] = []
    for chunk in chunks:
        c = country(chunk)
        if cameo_country is None and (c or is_region(chunk)) and not is_type(chunk):
            cameo_country = c.cameo if c else chunk
            spelled.append(cameo_country)
            continue
        spelled.append(chunk)
        if is_type(chunk):
            types.append(chunk)
        else:
            group = chunk
    if cameo_country is None and country(country_iso3):
        cameo_country = country(country_iso3).cameo  # type: ignore[union-attr]
    return ActorCode("".join(spelled), cameo_country, group, tuple(types))


def _key(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "", ascii_name.casefold())


@cache
def _admin1() -> tuple[dict[int, tuple[str, str]], dict[tuple[str, str], str]]:
    rows = _tsv("geo_admin1.tsv")
    by_id = {int(r["geonameid"]): (r["country"], r["admin1_code"]) for r in rows if r["geonameid"]}
    by_name: dict[tuple[str, str], str] = {}
    for r in rows:  # a division's own name wins over another's alias
        by_name.setdefault((r["country"], _key(r["name"])), r["admin1_code"])
    for r in rows:
        for alias in r["aliases"].split("|"):
            if alias:
                by_name.setdefault((r["country"], _key(alias)), r["admin1_code"])
    return by_id, by_name


def admin1_code(iso3: str | None, admin1: str | None, geonameid: int | None = None) -> str | None:
    """The GeoNames admin1 code of a place: by the division's own GeoNames id, else its stored name.

    ``admin1_code("BLR", "Horad Minsk")`` -> ``'04'``; ``admin1_code("USA", "New York")`` -> ``'NY'``.
    """
    by_id, by_name = _admin1()
    if geonameid is not None and geonameid in by_id:
        return by_id[geonameid][1]
    if not iso3 or not admin1:
        return None
    return by_name.get((iso3, _key(admin1)))


@cache
def _cameo() -> dict[str, list[str]]:
    return {r["code"]: [c for c in r["plover_context"].split(";") if c] for r in _tsv("cameo.tsv")}


def plover_contexts(cameo: str) -> list[str]:
    """The PLOVER contexts of a CAMEO code (``091`` -> ``['crime', 'corruption']``), from cameo.tsv."""
    return list(_cameo().get(cameo, []))


@cache
def _plover_quads() -> dict[str, int]:
    types = json.loads((DATA / "plover.json").read_text(encoding="utf-8"))["event_types"]
    return {name: int(t["quad_class"]) for name, t in types.items()}


def plover_quad(plover: str) -> int | None:
    """PLOVER's own quad category (1-4) of an event type (it differs from CAMEO's for a few)."""
    return _plover_quads().get(plover)
