"""Toponym resolution: pick one gazetteer entry per mention.

A candidate's score adds up, in log-population units:

* its size (log10 of the population; a division counts the people of its cities);
* a feature prior: countries and continents first; a city before a division of
  the same name ("Homs", "Donetsk", "Washington") unless the words around it
  say division ("Homs governorate", "Washington state");
* the article's country context: countries named, demonyms, the dateline, and
  after a first pass the countries the other toponyms resolved to;
* the admin hierarchy: a division named in the article ("Ukraine's Donetsk
  region") favours its own cities ("Bakhmut"), and "Springfield, Illinois"
  all but decides;
* a small penalty for matching an alternate name rather than the entry's own;
* a name listed with divisions of one country is a division ("states such as
  Oregon or Washington"); such a mention decides alone.

Every mention of the same name and hint gets the same reading (one sense per
discourse): the evidence of all of them is pooled.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from tidings.places.gazetteer import REGION_FEATURES, Candidate, GeoEntry, distance_km, key
from tidings.places.mentions import Mention, generic
from tidings.words import words

KM_PER_DEGREE = math.pi * 6371.0088 / 180  # of latitude, on the sphere distance_km measures on

W_POP = 1.0  # per factor of ten in population
W_CAPITAL = 1.5
W_CONTEXT = 3.0  # the whole context on one country adds this much (a local namesake over a big town abroad)
W_IN_CONTEXT = 0.5  # any support at all for the country
W_ADMIN = 1.5  # a city inside a division the article names
W_PARENT = 8.0  # "Springfield, Illinois"
W_COUNTRY = 2.5  # countries and continents over same-named cities
W_REGION = 4.5  # a region, sea or river (no population): about a city of three million
W_NEAR = 0.75  # for each other town of the article within 150 km (at most 4)
W_SIBLING = 1.0  # a division over a foreign country of its name when the article names its siblings
W_LISTED = 2.5  # a division listed with divisions of its country
P_ALTERNATE = 0.5
SMALL_TOWN = 50_000  # below this, a town abroad needs the article's support
P_ADMIN2 = 0.5  # a bare county name ("Norfolk", "Fife") when no town of its country has it
P_ADMIN2_SHADOWED = 2.0
P_ALTERNATE_SHADOWED = 1.5
P_ADMIN_SHADOWED = 1.5  # a division whose name a city of the same country also has
P_CITY_SHADOWED = 2.0  # a village named after its much larger division or country ("Wales", "Mississippi")


@dataclass(slots=True)
class Context:
    countries: dict[str, float] = field(default_factory=dict)
    admin1: set[tuple[str, str]] = field(default_factory=set)
    points: list[tuple[float, float]] = field(default_factory=list)
    # per mention (by id), the countries of the divisions it is listed with ("California or Washington")
    listed: dict[int, set[str]] = field(default_factory=dict)
    # A point left out of ``points`` (a name's own first-pass reading), every copy of it.
    without: tuple[float, float] | None = None
    # ``points`` sorted by latitude, shared by the contexts made from this one (see ``near``).
    by_lat: list[tuple[float, float]] | None = None

    def share(self, country: str | None) -> float:
        total = sum(self.countries.values())
        return self.countries.get(country or "", 0) / total if total else 0.0

    def sorted_points(self) -> list[tuple[float, float]]:
        if self.by_lat is None:
            self.by_lat = sorted(self.points)
        return self.by_lat

    def near(self, lat: float, lon: float, km: float, most: int) -> int:
        """How many of the points (up to ``most``) lie within ``km`` of (lat, lon), ``without`` left out.

        Only the points whose latitude is within ``km`` can be (a degree of latitude
        is the shortest way to cover it): a bisection finds them, so a text naming
        thousands of towns is not quadratic.
        """
        pts = self.sorted_points()
        reach = km / KM_PER_DEGREE + 1e-6
        n = 0
        for la, lo in pts[bisect_left(pts, (lat - reach,)) : bisect_right(pts, (lat + reach, math.inf))]:
            if (la, lo) != self.without and distance_km(lat, lon, la, lo) < km:
                n += 1
                if n >= most:
                    break
        return n


def score(c: Candidate, m: Mention, ctx: Context) -> float:
    e = c.entry
    s = W_POP * math.log10(e.population + 100)
    if e.feature in ("country", "continent"):
        s += W_COUNTRY
    elif e.feature in REGION_FEATURES:
        s += W_REGION
    elif e.feature == "admin1":
        if m.hint == "admin":
            # The division word chooses between a division and a town, not between countries:
            # "the territory of Georgia" in a Caucasus story is still the country.
            rival = max((ctx.share(o.entry.country) for o in m.cands if o.entry.feature == "country"), default=0.0)
            s += 3.0 if ctx.share(e.country) >= rival else 0.0
        else:
            # "Homs", "Donetsk", "Washington": a big city of the same name, inside the division
            # or the capital, is meant more often than the division; a small one ("California",
            # Pennsylvania) or one elsewhere (Wyoming, Michigan) is not. The larger its share
            # of the division ("New York"), the more so.
            share = max(
                (
                    o.entry.population / max(e.population, 1)
                    for o in m.cands
                    if o.entry.feature == "city"
                    and o.entry.country == e.country
                    and (o.entry.admin1_code == e.admin1_code or o.entry.capital)
                ),
                default=0.0,
            )
            if share >= 0.1:
                s -= P_ADMIN_SHADOWED + (1.0 if share >= 0.25 else 0.0)
        if (
            any(o.entry.feature == "country" and o.entry.country != e.country for o in m.cands)
            and len({a for a in ctx.admin1 if a[0] == e.country and a[1] != e.admin1_code}) >= 2
        ):
            s += W_SIBLING  # "Georgia" in a story that names other states is the state, not the country
        if e.country in ctx.listed.get(id(m), ()):
            s += W_LISTED  # "states such as California or Washington": the state, not the capital
    elif e.feature == "admin2":
        if m.hint == "admin":
            s += 2.5
        elif any(o.entry.feature == "city" and o.entry.country == e.country for o in m.cands):
            s -= P_ADMIN2_SHADOWED  # "Plymouth" is the town, not the county
        else:
            s -= P_ADMIN2
    elif e.feature == "city":
        if m.hint == "admin":
            s -= 2.0
        elif m.hint == "city":
            s += 1.0
        if e.capital:
            s += W_CAPITAL
        if any(
            not o.alternate
            and o.entry.feature in ("admin1", "country")
            and o.entry.country == e.country
            and e.population < 0.02 * o.entry.population
            for o in m.cands
        ):
            s -= P_CITY_SHADOWED
    if c.alternate and e.feature not in ("country", "continent", *REGION_FEATURES):
        # An alternate name loses more where another place has it as its own name.
        s -= P_ALTERNATE_SHADOWED if any(not o.alternate for o in m.cands) else P_ALTERNATE
    if e.country:
        share = ctx.share(e.country)
        s += W_CONTEXT * share + (W_IN_CONTEXT if share > 0 else 0.0)
    if e.feature in ("city", "admin2") and e.country and e.admin1_code and (e.country, e.admin1_code) in ctx.admin1:
        s += W_ADMIN
    if _inside(e, m.parent) and not _list_of_countries(m):
        s += W_PARENT
    if m.child is not None and any(_contains(e, c.entry) for c in m.child.cands):
        s += W_PARENT / 2  # "Atlanta, Georgia": the state, not the country
    if e.feature in ("city", "admin2") and e.lat is not None and e.lon is not None and ctx.points:
        s += W_NEAR * ctx.near(e.lat, e.lon, 150, 4)
    return s


def _contains(outer: GeoEntry, inner: GeoEntry) -> bool:
    if outer.country is None or outer.country != inner.country or outer.id == inner.id:
        return False
    if outer.feature == "country":
        return inner.feature != "country"
    if outer.feature == "admin1":
        return inner.feature in ("admin2", "city") and inner.admin1_code == outer.admin1_code
    if outer.feature == "admin2" and inner.feature == "city":
        # No admin2 code on cities: near enough to the county's point counts.
        if None in (inner.lat, inner.lon, outer.lat, outer.lon) or inner.admin1_code != outer.admin1_code:
            return False
        return distance_km(inner.lat, inner.lon, outer.lat, outer.lon) < 80  # type: ignore[arg-type]
    return False


def _list_of_countries(m: Mention) -> bool:
    """A country's name before another country is a list ("Russia, U.S. officials"), not a town ("Lebanon, Pa.")."""
    assert m.parent is not None
    return any(c.entry.feature == "country" and not c.alternate for c in m.cands) and not any(
        c.entry.feature in ("admin1", "admin2") for c in m.parent.cands
    )


def _inside(e: GeoEntry, parent: Mention | None) -> bool:
    return parent is not None and any(_contains(p.entry, e) for p in parent.cands)


# Last words of a division's full name, which the news may leave off ("Miami-Dade" for Miami-Dade County).
DIVISION_WORDS = words("places", "division_name_words")


def _bare_division(c: Candidate, m: Mention) -> bool:
    """ "Miami-Dade" for Miami-Dade County: a division's name less its division word, where
    nothing else has the name ("Atlantic" is the ocean, "Plymouth" the town)."""
    words = key(c.entry.name).split()
    return (
        len(words) > len(key(m.query).split())
        and words[-1] in DIVISION_WORDS
        and " ".join(words[:-1]) == key(m.query)
        and all(o.entry.feature == "admin2" for o in m.cands)
    )


def _key(m: Mention) -> tuple[str, str | None]:
    return m.query.lower(), "demonym" if m.source == "demonym" else m.hint


def resolve(
    mentions: list[Mention], base: Counter[str], lists: dict[int, list[Mention]] | None = None
) -> dict[int, GeoEntry | None]:
    """The chosen entry of every mention (by ``id(mention)``); None when it has no candidate.

    ``lists``: per mention, the mentions coordinated with it ("Oregon and Washington").
    """
    ctx = Context(countries=dict(base))
    chosen = _pass(mentions, ctx)
    # Second pass: the first pass's countries, divisions and points become context.
    ctx2 = Context(countries=dict(base))
    for m in mentions:
        e = chosen.get(id(m))
        if e is None or e.country is None or m.source == "demonym":
            continue  # demonyms are in the base context already
        weight = 1.0 if len({c.entry.country for c in m.cands}) > 1 else 1.5
        ctx2.countries[e.country] = ctx2.countries.get(e.country, 0.0) + weight
        if e.feature == "admin1" and e.admin1_code:
            ctx2.admin1.add((e.country, e.admin1_code))
        # Towns only: a division named five times ("Mississippi State") must not pull a village
        # inside it ("Louisville") five times on top of the division's own bonus.
        if e.feature == "city" and e.lat is not None and e.lon is not None:
            ctx2.points.append((e.lat, e.lon))
    for key_, others in (lists or {}).items():
        states = {e.country for o in others if (e := chosen.get(id(o))) and e.feature == "admin1" and e.country}
        if states:
            ctx2.listed[key_] = {c for c in states if c}
    return _pass(mentions, ctx2, exclude_self=chosen)


def _pass(
    mentions: list[Mention], ctx: Context, exclude_self: dict[int, GeoEntry | None] | None = None
) -> dict[int, GeoEntry | None]:
    groups: dict[tuple[str, str | None], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[_key(m)].append(m)
    out: dict[int, GeoEntry | None] = {}
    for group in groups.values():
        # Mentions with a parent ("Springfield, Illinois") or listed with divisions decide alone; the rest pool.
        pooled = [m for m in group if m.parent is None and id(m) not in ctx.listed]
        for m in group:
            if m.parent is not None or id(m) in ctx.listed:
                out[id(m)] = _best([m], _without(ctx, m, exclude_self))
        if pooled:
            e = _best(pooled, _without(ctx, pooled[0], exclude_self, n=len(pooled)))
            for m in pooled:
                out[id(m)] = e
    return out


def _without(ctx: Context, m: Mention, prev: dict[int, GeoEntry | None] | None, n: int = 1) -> Context:
    """The context less this name's own first-pass reading, so a name does not vote for itself."""
    if prev is None or m.source == "demonym":
        return ctx
    e = prev.get(id(m))
    if e is None or e.country is None:
        return ctx
    countries = dict(ctx.countries)
    weight = 1.0 if len({c.entry.country for c in m.cands}) > 1 else 1.5
    countries[e.country] = max(0.0, countries.get(e.country, 0.0) - weight * n)
    # "Quebec" read as the province must not then vote for Quebec City as a town inside it.
    admin1 = ctx.admin1 - {(e.country, e.admin1_code)} if e.feature == "admin1" else ctx.admin1
    without = (e.lat, e.lon) if e.lat is not None and e.lon is not None else None
    return Context(countries, admin1, ctx.points, ctx.listed, without, ctx.sorted_points())


def _plausible(c: Candidate, m: Mention, ctx: Context) -> bool:
    """Weak readings need the article's support: a small place under an alternate name, a generic name."""
    e = c.entry
    if e.feature in ("country", "continent") or e.feature in REGION_FEATURES:
        return True
    if e.feature == "admin2" and c.alternate and m.hint != "admin" and not _bare_division(c, m):
        return False  # "Atlantic" is not Atlantic County
    if c.alternate and e.feature == "city" and m.source in ("entity", "run", "embedded") and not _inside(e, m.parent):
        # A town the NER did not call a place must have it as its own name ("Chen" is not Chenzhou),
        # unless the division written after it holds it ("Matias Romero, Oaxaca").
        return False
    supported = ctx.share(e.country) > 0 or m.parent is not None
    if (
        e.feature == "city"
        and e.population < SMALL_TOWN
        and m.parent is None
        and sum(ctx.countries.values()) >= 10  # a story that says where it is
        and 3 * ctx.countries.get(e.country or "", 0.0) < max(ctx.countries.values())
    ):
        # A small town abroad in a story about one country ("Heathrow" in a London story is not
        # the Florida town): better unresolved, where it takes the story's country.
        return False
    if generic(m.query):
        # "the Atlantic", "the Middle East": never a town that happens to have the name.
        return m.parent is not None or (e.feature == "admin1" and supported)
    return not (c.alternate and e.population < 100_000 and not supported)


def _best(group: list[Mention], ctx: Context) -> GeoEntry | None:
    m = group[0]
    if not m.cands:
        return None
    best: tuple[float, int, GeoEntry] | None = None
    for c in m.cands:
        if not _plausible(c, m, ctx):
            continue
        s = max(score(c, g, ctx) for g in group)
        # Ties: the larger place, then the lower row id (deterministic).
        if best is None or (s, c.entry.population, -c.entry.id) > (best[0], best[2].population, -best[2].id):
            best = (s, c.entry.id, c.entry)
    return best[2] if best else None
