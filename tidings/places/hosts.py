"""Streets and buildings at the point of their town.

GeoNames holds no street or building: a site ("Royal Street", "Barclays
Center") takes the point of the town the article puts it in
(:func:`host_of`), with feature ``facility`` and no ``geonameid``; one with no
town in the article is dropped.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from tidings.model import Article, Place
from tidings.places.focus import story_country
from tidings.places.gazetteer import distance_km
from tidings.places.mentions import Mention
from tidings.places.resolve import KM_PER_DEGREE

if TYPE_CHECKING:
    from spacy.tokens import Doc

HOST_FEATURES = ("city", "admin2")

HOST_KM = 100.0  # towns this close count as one cluster when finding a building's town


def towns_of(places: list[Place]) -> list[Place]:
    return [p for p in places if p.feature in HOST_FEATURES and p.lat is not None and p.role != "demonym"]


def host_of(
    p: Place,
    m: Mention,
    doc: Doc,
    towns: list[Place],
    dateline: Place | None,
    focus: str | None,
    memo: dict[str, dict[int, int]] | None = None,
) -> Place | None:
    """The town a street or building is in: the one named right after ("Collins Avenue in Miami
    Beach", "the Convention Centre, Dublin"), or the town owning it ("Brooklyn's Barclays
    Center", "Toronto-Pearson"), else the heart of the story: the town of the story's country
    with the most of the story's town mentions within 100 km of it, itself included (the last
    before the building among equals, else the first after), else the dateline, else the last
    town before it, else the first town after it.

    The heart, not the last town named: streets are often named after towns ("Lafayette",
    "Franklin"), a town of another country named in passing ("Liverpool" in a Cairo story) is
    no host, and the schools and malls of a story lie around the towns it names together
    (Manassas, Centreville, Gainesville), not at a town it names once for comparison.
    """
    i = m.end
    while i < min(len(doc), m.end + 2) and doc[i].lower_ in ("in", "at", ",", "near"):
        i += 1  # "the Farmers Service Centre, in Goodlands"
    if i > m.end and i < len(doc):
        host = next((t for t in towns if t.start == doc[i].idx), None)
        if host is not None:
            return host
    # "Paris' iconic Champs-Elysees", "Brooklyn's Barclays Center": the town that owns it.
    for j in range(m.start - 1, max(0, m.start - 4), -1):
        if doc[j].text in ("'s", "’s", "'", "’"):
            owner = next((t for t in towns if t.end == doc[j - 1].idx + len(doc[j - 1].text)), None)
            if owner is not None:
                return owner
            break
    # ("Toronto-Pearson"; the length is compared first: ``doc.text`` rebuilds the whole text)
    host = next((t for t in towns if t.end == p.start - 1 and doc.text[t.end : p.start] == "-"), None)
    if host is not None:
        return host
    pool = [t for t in towns if focus is None or t.country == focus]
    if pool:
        # (the same for every site of the article: ``memo`` keeps it from one to the next)
        near = memo.get("near") if memo is not None else None
        if near is None:
            near = _near_counts(pool)
            if memo is not None:
                memo["near"] = near
        order = [t for t in reversed(pool) if t.end <= p.start] + [t for t in pool if t.end > p.start]
        return max(order, key=lambda t: near[t.start])
    if dateline is not None and dateline.lat is not None:
        return dateline
    last = next((t for t in reversed(towns) if t.end <= p.start), None)
    if last is not None:
        return last
    # "at Barclays Center" in the lede, Brooklyn named later: the story's first town after it.
    after = [t for t in towns if t.start >= p.end]
    return next((t for t in after if focus is None or t.country == focus), after[0] if after else None)


def _near_counts(pool: list[Place]) -> dict[int, int]:
    """For each town (by start), how many of the pool's towns lie within ``HOST_KM`` of it, itself
    included. Only towns within ``HOST_KM`` of its latitude can: a bisection finds them, so a
    story naming thousands of towns is not quadratic."""
    spots = [(cast(float, t.lat), cast(float, t.lon)) for t in pool]  # towns_of keeps towns with a point
    points = sorted(spots)
    lats = [la for la, _ in points]
    reach = HOST_KM / KM_PER_DEGREE + 1e-6
    near: dict[int, int] = {}
    for t, (lat, lon) in zip(pool, spots, strict=True):
        window = points[bisect_left(lats, lat - reach) : bisect_right(lats, lat + reach)]
        near[t.start] = sum(1 for la, lo in window if distance_km(lat, lon, la, lo) < HOST_KM)
    return near


def at_host(p: Place, host: Place) -> Place:
    """``p`` at its town's point; ``geonameid`` stays None (GeoNames does not hold the street)."""
    return Place(
        p.text, p.start, p.end, p.text, host.country, None, host.lat, host.lon, host.admin1, "facility", p.role
    )


def place_facilities(places: list[Place], mentions: list[Mention], doc: Doc, article: Article) -> list[Place]:
    """Streets and buildings take the point of their town (:func:`host_of`); one with no town is dropped."""
    out: list[Place] = []
    towns = towns_of(places)
    dateline = next((p for p in places if article.dateline is not None and p.start == article.dateline.start), None)
    focus = story_country(article.text, places, article.dateline)
    memo: dict[str, dict[int, int]] = {}
    for p, m in zip(places, mentions, strict=True):
        if m.source != "facility":
            out.append(p)
            continue
        host = host_of(p, m, doc, towns, dateline, focus, memo)
        if host is None:
            continue
        if p.role == "mention" and m.start > 0 and doc[m.start - 1].lower_ == "on":
            p = replace(p, role="location")  # "on Collins Avenue": on a street is at a place
        out.append(at_host(p, host))
    return out
