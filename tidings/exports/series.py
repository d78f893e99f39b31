"""Event counts over time: a tidy table of one row per period and key.

``by`` picks the key: ``dyad`` (source and target actor codes), ``source``,
``target``, ``country`` (the country the event is placed in), ``root`` (CAMEO
root code) or ``quad`` (QuadClass). ``freq`` picks the period: ``day``,
``week`` (ISO weeks, named by their Monday) or ``month`` (named by its first
day). Each row holds the period's first day, the key, and:

- ``events``: how many events (per mention: stored events; ``per_global``:
  global events), ``mentions``: how many times they were told;
- ``goldstein_sum``, ``goldstein_mean``: their Goldstein scores;
- ``quad1`` .. ``quad4``: how many were verbal cooperation, material
  cooperation, verbal conflict, material conflict.

Only periods with events appear; events with no day are left out.

Example::

    rows = series("tidings.db", by="dyad", freq="month", filters=Filters.of(country="ARM"))
    rows[0]  # {'period': '2021-11-01', 'source': 'ARMGOV', 'target': 'AZEMIL', 'events': 3, ...}
"""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TextIO

from tidings.errors import TidingsError
from tidings.exports.filters import Filters
from tidings.exports.writing import atomic_text, open_reader

#: The key columns of each ``by``, read from the event row.
KEYS: dict[str, tuple[tuple[str, str], ...]] = {
    "dyad": (("source", "source_code"), ("target", "target_code")),
    "source": (("source", "source_code"),),
    "target": (("target", "target_code"),),
    "country": (("country", "place_country"),),
    "root": (("root", "root"),),
    "quad": (("quad_class", "quad_class"),),
}
FREQS = ("day", "week", "month")
VALUES = ("events", "mentions", "goldstein_sum", "goldstein_mean", "quad1", "quad2", "quad3", "quad4")


def period(day: str, freq: str) -> str:
    """The first day of the period holding ``day``."""
    d = date.fromisoformat(day[:10])
    if freq == "week":
        d -= timedelta(days=d.weekday())
    elif freq == "month":
        d = d.replace(day=1)
    return d.isoformat()


def check(by: str, freq: str) -> None:
    """``[T085]`` for a ``by`` or ``freq`` this module does not know."""
    if by not in KEYS:
        raise TidingsError("T085", f"bad --by {by!r} (one of {', '.join(KEYS)})")
    if freq not in FREQS:
        raise TidingsError("T085", f"bad --freq {freq!r} (one of {', '.join(FREQS)})")


def columns(by: str) -> tuple[str, ...]:
    return ("period", *(name for name, _ in KEYS[by]), *VALUES)


def series(
    db: str | Path,
    *,
    by: str = "dyad",
    freq: str = "month",
    filters: Filters | None = None,
    per_global: bool = False,
) -> list[dict[str, Any]]:
    """One dict per (period, key) with the counts of :data:`VALUES`, sorted by period then key."""
    check(by, freq)
    reader = open_reader(db)
    cells: dict[tuple[Any, ...], dict[str, Any]] = {}
    try:
        for rec in reader.records(filters or Filters(), per_global=per_global):
            row = rec.row
            if not row["day"]:
                continue
            key = (period(row["day"], freq), *(row[col] for _, col in KEYS[by]))
            cell = cells.get(key)
            if cell is None:
                cell = cells[key] = dict.fromkeys(VALUES, 0)
            cell["events"] += 1
            cell["mentions"] += rec.num_mentions
            cell["goldstein_sum"] += float(row["goldstein"])
            cell[f"quad{int(row['quad_class'])}"] += 1
    finally:
        reader.conn.close()
    out = []
    names = columns(by)
    for key in sorted(cells, key=lambda k: tuple((v is None, "" if v is None else str(v)) for v in k)):
        cell = cells[key]
        cell["goldstein_sum"] = round(cell["goldstein_sum"], 4)
        cell["goldstein_mean"] = round(cell["goldstein_sum"] / cell["events"], 4)
        out.append(dict(zip(names, (*key, *(cell[v] for v in VALUES)), strict=True)))
    return out


def write(rows: list[dict[str, Any]], by: str, fmt: str, out: str | Path | None, stream: TextIO | None = None) -> int:
    """Write the table as ``csv`` (with a header) or ``json`` (an array of objects) to ``out`` or stdout."""
    if fmt not in ("csv", "json"):
        raise TidingsError("T085", f"bad series --format {fmt!r} (csv or json)")

    def emit(s: TextIO) -> int:
        if fmt == "json":
            json.dump(rows, s, ensure_ascii=False, indent=1)
            s.write("\n")
        else:
            w = csv.writer(s, lineterminator="\n")
            w.writerow(columns(by))
            w.writerows([["" if v is None else v for v in r.values()] for r in rows])
        return len(rows)

    if out is None:
        return emit(stream or sys.stdout)
    return atomic_text(Path(out), emit)
