"""The filters every export, series and plot takes, checked once, turned into SQL over the store.

Example::

    f = Filters.of(since="2020-08-01", country=["blr"], root=["14", "17"], min_confidence=0.5)
    f.where()   # ("... AND e.root IN (?, ?) ...", [...])

A bad value is a ``[T080]`` error naming the filter and the value.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from tidings.errors import TidingsError
from tidings.exports import codes

#: The day an event is counted on: its own date when it is a full day, else the publication
#: date when that agrees with it (or the date has no usable form), else the first day of its
#: month or year. Exports, series and filters all use this one expression.
DAY_SQL = """CASE
    WHEN e.date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]' THEN e.date
    WHEN e.date IS NOT NULL AND a.published LIKE e.date || '%' THEN a.published
    WHEN e.date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]' THEN e.date || '-01'
    WHEN e.date GLOB '[0-9][0-9][0-9][0-9]' THEN e.date || '-01-01'
    ELSE a.published END"""


def _bad(name: str, value: object, why: str) -> TidingsError:
    return TidingsError("T080", f"bad filter {name} {value!r}: {why}")


def _day(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise _bad(name, value, "not a date in YYYY-MM-DD form") from exc


def _country(name: str, value: str) -> str:
    code = value.strip().upper()
    if not codes.is_country(code):
        raise _bad(name, value, "not an ISO 3166-1 alpha-3 country code (e.g. BLR)")
    return code


def _root(value: str) -> str:
    v = value.strip()
    if v.isdigit() and 1 <= int(v) <= 20:
        return f"{int(v):02d}"
    raise _bad("--root", value, "not a CAMEO root code 01..20")


@dataclass(frozen=True)
class Filters:
    """Which events to read. Built by :meth:`of`, which checks every value."""

    since: str | None = None
    until: str | None = None
    countries: tuple[str, ...] = ()
    dyad: tuple[str, str] | None = None
    roots: tuple[str, ...] = ()
    min_confidence: float | None = None
    include_negated: bool = False

    @classmethod
    def of(
        cls,
        *,
        since: str | None = None,
        until: str | None = None,
        country: Iterable[str] | str | None = None,
        dyad: str | None = None,
        root: Iterable[str | int] | str | int | None = None,
        min_confidence: float | str | None = None,
        include_negated: bool = False,
    ) -> Filters:
        """Check and normalise the filters of the command line or the Python API; ``[T080]`` when one is bad.

        ``country`` and ``root`` take one value or several; ``dyad`` is ``"ARM:AZE"``
        (events between the two countries, either way round).
        """
        s, u = _day("--since", since), _day("--until", until)
        if s and u and s > u:
            raise _bad("--since/--until", f"{s}..{u}", "the period ends before it starts")
        countries = tuple(_country("--country", c) for c in _many(country))
        pair = None
        if dyad is not None:
            parts = dyad.replace(",", ":").split(":")
            if len(parts) != 2:
                raise _bad("--dyad", dyad, "write two countries as ARM:AZE")
            pair = (_country("--dyad", parts[0]), _country("--dyad", parts[1]))
        roots = tuple(_root(str(r)) for r in _many(root))
        conf = None
        if min_confidence is not None:
            try:
                conf = float(min_confidence)
            except ValueError as exc:
                raise _bad("--min-confidence", min_confidence, "not a number") from exc
            if not 0.0 <= conf <= 1.0:
                raise _bad("--min-confidence", min_confidence, "confidence lies between 0 and 1")
        return cls(s, u, countries, pair, roots, conf, bool(include_negated))

    def where(self) -> tuple[str, list[Any]]:
        """The SQL condition over ``events e JOIN articles a`` and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        if self.since:
            parts.append(f"({DAY_SQL}) >= ?")
            params.append(self.since)
        if self.until:
            parts.append(f"({DAY_SQL}) <= ?")
            params.append(self.until)
        if self.countries:
            marks = ", ".join("?" * len(self.countries))
            parts.append(
                f"(e.source_country IN ({marks}) OR e.target_country IN ({marks}) OR e.place_country IN ({marks}))"
            )
            params += list(self.countries) * 3
        if self.dyad:
            a, b = self.dyad
            parts.append(
                "((e.source_country = ? AND e.target_country = ?) OR (e.source_country = ? AND e.target_country = ?))"
            )
            params += [a, b, b, a]
        if self.roots:
            parts.append(f"e.root IN ({', '.join('?' * len(self.roots))})")
            params += list(self.roots)
        if self.min_confidence is not None:
            parts.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if not self.include_negated:
            parts.append("e.negated = 0")
        return (" AND ".join(parts) or "1"), params


def _many(value: Iterable[Any] | str | int | None) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str | int):
        return [v for v in str(value).split(",") if v.strip()]
    return [v for item in value for v in _many(item)]
