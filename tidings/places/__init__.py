"""Places stage: find toponyms and resolve them to GeoNames offline.

* :mod:`tidings.places.gazetteer` builds (once) and reads the GeoNames index:
  countries, first-order divisions, cities and continents from packaged data.
* :mod:`tidings.places.recognize` finds the toponyms: spaCy's GPE/LOC
  entities, place names the small model mislabelled or missed, names inside
  organisation names, the dateline, and adjectival demonyms ("Syrian",
  "European"), kept with ``role="demonym"`` so that no event is placed there.
* :mod:`tidings.places.resolve` picks one entry per toponym from population,
  feature class, the article's countries and the admin hierarchy.

A toponym that acts ("Moscow said", "Russia has backed") is kept with
``role="metonym"`` so that no event is placed there; one inside an
organisation's name ("Kentucky State Police") is a ``mention``. A toponym the
gazetteer does not know is kept with ``geonameid=None`` (and takes the story's
country, unless it names a sea or a region). A named street or landmark
("Royal Street") is kept with feature ``facility``, ``geonameid=None`` and the
point of its town; one with no town in the article is dropped.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from tidings.model import Article, Place

# Imported under other names so that tidings.places.gazetteer / .resolve stay the modules.
from tidings.places.gazetteer import Gazetteer, GeoEntry
from tidings.places.gazetteer import gazetteer as load_gazetteer
from tidings.places.recognize import Mention, find_mentions
from tidings.places.resolve import resolve as resolve_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = ["Gazetteer", "GeoEntry", "Geoparser", "focus_country", "load_gazetteer"]

ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "dative", "poss", "appos"})
# Prepositions that put something at a place ("in Minsk", "across Belarus").
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "at",
        "near",
        "across",
        "around",
        "inside",
        "outside",
        "throughout",
        "into",
        "within",
        "along",
        "off",
        "through",
    }
)


class Geoparser:
    """Pipeline stage: sets ``article.places`` and ``article.focus_country`` (needs ``doc``)."""

    name = "places"
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("places",)

    def __init__(self, *, min_population: int = 15000) -> None:
        self.gaz = load_gazetteer(min_population)

    def __call__(self, article: Article) -> Article:
        doc = article.doc
        if doc is None:
            return article
        mentions, context = find_mentions(doc, article, self.gaz)
        if article.dateline is not None:
            for c in self.gaz.candidates(article.dateline.text):
                if c.entry.country:
                    context[c.entry.country] += 3
                    break
        chosen = resolve_mentions(mentions, context)
        places: list[Place] = []
        kept: list[Mention] = []
        for m in mentions:
            if m.source == "abbreviation" and m.parent is None:
                continue
            entry = chosen.get(id(m))
            if m.source == "demonym":
                role = "demonym"
            elif m.source == "embedded":
                role = "mention"
            elif m.source == "dateline":
                role = "location"  # where the reporter files from, at the top or a later paragraph
            else:
                # "Baltimore, Maryland": the state plays the role of the town it follows.
                named = m.child if m.child is not None and m.source != "abbreviation" else m
                role = _role(doc[named.start : named.end], article)
            places.append(_place(m, entry, role))
            kept.append(m)
        article.places = _place_facilities(places, kept, doc, article)
        article.focus_country = focus_country(article)
        _country_of_unknown(article)
        return article


HOST_FEATURES = ("city", "admin2")
# Words of names that need not lie in the story's country ("Indian Ocean", "Middle East").
SUPRANATIONAL = frozenset(
    {"ocean", "sea", "gulf", "east", "west", "north", "south", "union", "republic", "america", "americas", "africa",
     "asia", "europe", "pacific", "atlantic", "mediterranean", "arctic", "antarctic", "caribbean", "balkans",
     "peninsula", "world", "international", "global"}
)  # fmt: skip


def _country_of_unknown(article: Article) -> None:
    """A name the gazetteer lacks ("Khayelitsha", "Portroe") most likely lies in the story's country.

    Only the country is filled in: ``geonameid``, ``lat`` and ``lon`` stay None.
    """
    if article.focus_country is None:
        return
    for i, p in enumerate(article.places):
        if p.country is not None or p.geonameid is not None or p.feature is not None:
            continue
        if any(w.lower() in SUPRANATIONAL for w in p.text.replace("-", " ").split()):
            continue
        article.places[i] = replace(p, country=article.focus_country)


def _place_facilities(places: list[Place], mentions: list[Mention], doc: Doc, article: Article) -> list[Place]:
    """Streets and buildings take the point of their town; one with no town is dropped.

    The town is the one named right after ("Collins Avenue in Miami Beach",
    "the Convention Centre, Dublin"), else the last town named before it,
    else the dateline's; the record keeps ``geonameid`` None (GeoNames
    does not hold the street) and feature ``facility``.
    """
    out: list[Place] = []
    towns = [p for p in places if p.feature in HOST_FEATURES and p.lat is not None and p.role != "demonym"]
    dateline = next((p for p in places if article.dateline is not None and p.start == article.dateline.start), None)
    for p, m in zip(places, mentions, strict=True):
        if m.source != "facility":
            out.append(p)
            continue
        host = None
        if m.end + 1 < len(doc) and doc[m.end].lower_ in ("in", "at", ","):
            nxt = doc[m.end + 1]
            host = next((t for t in towns if t.start == nxt.idx), None)
        if host is None:
            host = next((t for t in reversed(towns) if t.end <= p.start), None)
        if host is None and dateline is not None and dateline.lat is not None:
            host = dateline
        if host is None:
            continue
        role = p.role
        if role == "mention" and m.start > 0 and doc[m.start - 1].lower_ == "on":
            role = "location"  # "on Collins Avenue": on a street is at a place
        out.append(
            Place(p.text, p.start, p.end, p.text, host.country, None, host.lat, host.lon, host.admin1, "facility", role)
        )
    return out


def _place(m: Mention, e: GeoEntry | None, role: str) -> Place:
    if e is None:
        return Place(m.text, m.start_char, m.end_char, m.query, None, role=role)
    admin1 = e.name if e.feature == "admin1" else e.admin1
    return Place(
        m.text, m.start_char, m.end_char, e.name, e.country, e.geonameid, e.lat, e.lon, admin1, e.feature, role
    )


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
    if head.dep_ in ("compound", "npadvmod") and head.head.lower_ in (
        "region",
        "province",
        "city",
        "capital",
        "border",
    ):
        return "location"
    return "mention"


def _not_a_setting(text: str, p: Place) -> bool:
    """Names that say nothing of where the story happens: a stance ("an anti-Syria
    journalist", "pro-Russian separatists") or a currency ("US $50 million", "U.S. dollars")."""
    before = text[max(0, p.start - 5) : p.start].lower()
    after = text[p.end : p.end + 10].lstrip().lower()
    return before.endswith(("anti-", "pro-")) or after.startswith(("$", "dollar"))


def focus_country(article: Article) -> str | None:
    """The country the story happens in: the commonest country of its locations.

    Agents with no country clue ("riot police") and implicit protesters take this
    country; counting every mention instead lets the country most talked *about*
    (Russia, in a story on Belarus) win. The dateline counts like a location in
    the lede, no more: it says where the reporter sits (Brussels, Doha), which is
    often not where the story happens.
    """
    counts: dict[str, float] = {}
    lede_end = article.text.find("\n\n")
    lede_end = lede_end if lede_end > 0 else len(article.text)
    for p in article.places:
        if not p.country or p.role == "demonym" or p.feature == "facility" or p.geonameid is None:
            continue
        if _not_a_setting(article.text, p):
            continue
        if article.dateline is not None and p.start == article.dateline.start:
            weight = 4.0
        elif p.role == "location":
            weight = 4.0 if p.start < lede_end else 2.0
        else:
            weight = 0.5
        counts[p.country] = counts.get(p.country, 0.0) + weight
    return max(counts, key=lambda c: counts[c]) if counts else None
