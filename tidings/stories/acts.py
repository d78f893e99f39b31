"""One stored event as the merging sees it (an :class:`Act`), and when it fits a global event.

An event row says what its article tells: the act (CAMEO code), its parties
(actor codes), when (a date and where the date came from) and where (a place
and where the place came from). Reports of one act agree on these up to what
their texts allow:

- **when**: an event dated by its own clause happened on that day; by another
  part of its sentence, within a day of it; by the lede (the story's news
  day, which an act it refers back to precedes), on that day or the one
  before; by nothing but the publication, on that day or up to
  ``lookback_days`` before; a month or a year is that whole span (never after
  the publication); an act the coder left undated as background
  (``date_source`` "unknown") has no span and merges with nothing. Two
  reports fit when their spans overlap, so two strikes told on two different
  days never merge.
- **who**: the parties fit as :mod:`tidings.stories.actors` says, in the same
  order, or either way round when the act is mutual: marked ``symmetric`` ("X
  and Y met"), or mutual by its code (consulting, meeting, visiting and
  negotiating, CAMEO 04 but mediation; signing an agreement, 057: a visit
  told from the host's side, 043, is the guest's visit, 042); at least one
  party (or the place) must be known to both. Two named people on one side are
  one person or two acts: Erdogan meeting Putin is not Fidan meeting Lavrov,
  although all four are ``TURGOV`` and ``RUSGOV``.
- **where**: places told in the events' own clauses must be one place (the
  same GeoNames id, or within ``place_km``; a country or province holds any
  place of that country); a dateline is where the reporter was, not evidence.
- **what**: the same CAMEO root and the same reality: asserted and reported
  acts together, never with denied ones (``negated``) or with threats, plans
  and demands (each modality apart).

Example::

    act = Act.from_row(row, lookback_days=1)
    fit(act, global_event, place_km=50)    # a score, or None when they cannot be one act
"""

from __future__ import annotations

import math
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tidings.stories.actors import compatible, known_match

Span = tuple[date, date]
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
#: Place sources that say where the act itself happened (not the dateline).
STRONG_PLACE = frozenset({"clause", "enclosing clause"})
#: Codes of acts that involve their two parties alike, whichever is named first.
MUTUAL_ROOTS = frozenset({"04"})
ONE_SIDED = frozenset({"045"})  # mediate: the mediator is not the mediated
MUTUAL_CODES = frozenset({"057"})
#: Realis: what the article says happened. Everything else stays apart by its modality.
REALIS = frozenset({"asserted", "reported_claim"})


def day_of(value: str | None) -> date | None:
    """The calendar day an ISO value starts with (``2025-11-03``, ``2025-11-03T21:00``), else None."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def span(value: str | None, source: str | None, published: date | None, lookback: int) -> Span | None:
    """The days the act may have happened on, from its date, the date's source and the publication day."""
    d = day_of(value)
    if d is not None and (len(value or "") == 10 or (value or "")[10:11] == "T"):
        if source == "clause":
            return d, d
        if source == "sentence":
            return d - timedelta(days=1), d + timedelta(days=1)
        if source == "lede":
            return d - timedelta(days=1), d
        if source == "published":
            return d - timedelta(days=lookback), d
        return d - timedelta(days=1), d + timedelta(days=1)
    m, y = _MONTH.match(value or ""), _YEAR.match(value or "")
    if m or y:
        year = int((m or y)[1])  # type: ignore[index]
        try:
            lo = date(year, int(m[2]), 1) if m else date(year, 1, 1)
        except ValueError:
            return None
        hi = (date(year + 1, 1, 1) if not m or int(m[2]) == 12 else date(year, int(m[2]) + 1, 1)) - timedelta(days=1)
        if published is not None and lo <= published < hi:
            hi = published
        return lo, hi
    if published is not None and source != "unknown":
        return published - timedelta(days=lookback), published
    return None


def overlap(a: Span | None, b: Span | None) -> Span | None:
    """The days two spans share (None when either is unknown or they share none)."""
    if a is None or b is None:
        return None
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


@dataclass(frozen=True)
class Where:
    """A place as evidence: ``strong`` when told in the act's own clause, ``broad`` for a country or province."""

    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None
    strong: bool
    broad: bool

    def distance_km(self, other: Where) -> float | None:
        if None in (self.lat, self.lon, other.lat, other.lon):
            return None
        p1, p2 = math.radians(self.lat or 0.0), math.radians(other.lat or 0.0)
        dp, dl = p2 - p1, math.radians((other.lon or 0.0) - (self.lon or 0.0))
        h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


#: Place features (``places.feature``) that hold many places: a country holds any city of it.
BROAD_FEATURES = frozenset({"country", "admin1", "admin2", "region", "continent", "sea"})


def is_broad(feature: str | None) -> bool:
    """A place that holds others (a country, a province, a region, a sea), by its ``places.feature``."""
    return (feature or "") in BROAD_FEATURES


def place_fit(a: Where | None, b: Where | None, km: float) -> bool | None:
    """True: one place; False: two places; None: nothing to say (a side unknown or only a dateline)."""
    if a is None or b is None or not a.strong or not b.strong:
        return None
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.broad or b.broad:
        return None
    d = a.distance_km(b)
    return None if d is None else d <= km


@dataclass(frozen=True)
class Act:
    """A stored event reduced to what decides whether two reports tell one act."""

    event_id: int
    article_id: str
    event_index: int
    root: str
    cameo: str
    source: str | None
    target: str | None
    symmetric: bool
    realis: str
    span: Span | None
    place: Where | None
    confidence: float
    source_person: str | None = None  # the party's name when it is a named person
    target_person: str | None = None

    @classmethod
    def from_row(cls, row: sqlite3.Row | dict[str, Any], lookback_days: int) -> Act:
        """From an event row joined with its article's ``published`` and its place's ``place_feature``."""
        published = day_of(row["published"])
        place = None
        if row["place_name"]:
            place = Where(
                row["place_geonameid"],
                row["place_country"],
                row["place_lat"],
                row["place_lon"],
                row["place_source"] in STRONG_PLACE,
                is_broad(row["place_feature"]),
            )
        return cls(
            int(row["id"]),
            row["article_id"],
            int(row["event_index"]),
            row["root"],
            row["cameo"],
            row["source_code"],
            row["target_code"],
            bool(row["symmetric"]),
            realis(bool(row["negated"]), row["modality"]),
            span(row["date"], row["date_source"], published, lookback_days),
            place,
            float(row["confidence"]),
            row["source_name"] if row["source_kind"] == "person" else None,
            row["target_name"] if row["target_kind"] == "person" else None,
        )


def realis(negated: bool, modality: str | None) -> str:
    """``asserted`` for what the text says happened; ``negated``; else the modality (``future``...)."""
    if negated:
        return "negated"
    return "asserted" if (modality or "asserted") in REALIS else str(modality)


@dataclass
class Target:
    """A global event as the merging sees it (the columns of ``global_events`` it reads)."""

    id: int
    root: str
    cameo: str
    realis: str
    source: str | None
    target: str | None
    symmetric: bool
    span: Span | None
    place: Where | None
    first_seen: str
    source_person: str | None = None
    target_person: str | None = None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> Target:
        lo, hi = day_of(row["day_lo"]), day_of(row["day_hi"])
        place = None
        if row["place_name"]:
            place = Where(
                row["place_geonameid"],
                row["place_country"],
                row["place_lat"],
                row["place_lon"],
                bool(row["place_strong"]),
                bool(row["place_broad"]),
            )
        return cls(
            int(row["global_event_id"]),
            row["root"],
            row["cameo"],
            row["realis"],
            row["source_code"],
            row["target_code"],
            bool(row["symmetric"]),
            (lo, hi) if lo and hi else None,
            place,
            row["first_seen"] or "",
            row["source_person"],
            row["target_person"],
        )


def mutual(cameo: str) -> bool:
    """An act whose two parties take part alike (its dyad may be told either way round)."""
    return cameo in MUTUAL_CODES or (cameo[:2] in MUTUAL_ROOTS and cameo not in ONE_SIDED)


def same_person(a: str | None, b: str | None) -> bool:
    """True unless both are named and share no name ("Tayyip Erdogan" and "Recep Tayyip Erdogan" share one)."""
    if not a or not b:
        return True
    names = {w for w in re.findall(r"\w+", a.lower()) if len(w) > 2}
    return bool(names & {w for w in re.findall(r"\w+", b.lower()) if len(w) > 2})


def _dyad(parties: tuple[str | None, str | None, str | None, str | None], g: Target) -> int | None:
    """Parties (source, target, source person, target person) known to both and compatible, or None
    when a party is incompatible."""
    source, target, sp, tp = parties
    if not (compatible(source, g.source) and compatible(target, g.target)):
        return None
    if not (same_person(sp, g.source_person) and same_person(tp, g.target_person)):
        return None
    return int(known_match(source, g.source)) + int(known_match(target, g.target))


def fit(act: Act, g: Target, place_km: float) -> float | None:
    """How well ``act`` fits ``g`` (higher is better), or None when they cannot be one act."""
    if act.root != g.root or act.realis != g.realis or overlap(act.span, g.span) is None:
        return None
    anchors = _dyad((act.source, act.target, act.source_person, act.target_person), g)
    if act.symmetric or g.symmetric or (mutual(act.cameo) and mutual(g.cameo)):
        reverse = _dyad((act.target, act.source, act.target_person, act.source_person), g)
        if reverse is not None and (anchors is None or reverse > anchors):
            anchors = reverse
    if anchors is None:
        return None
    place = place_fit(act.place, g.place, place_km)
    if place is False or (anchors == 0 and place is not True):
        return None
    score = 2.0 * anchors + 2.0 * (act.cameo == g.cameo) + (place is True)
    score += 0.5 * ((act.source or "") == (g.source or "")) + 0.5 * ((act.target or "") == (g.target or ""))
    if act.span is not None and g.span is not None and act.span == g.span and act.span[0] == act.span[1]:
        score += 1.0
    return score
