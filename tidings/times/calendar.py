"""Calendar arithmetic for the normaliser: which Friday, which March, which quarter.

Every function takes the publication date (``base``) and returns a date or a
TimeML value string; none reads text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from tidings.times.lexicon import SEASON_START, UNIT_SCALE, UNITS

# A date in the wrong direction for its clause ("set a record on Aug. 6" read in
# February as next August) costs this many days more than its distance. A past tense
# is a soft clue ("extended the offer to Nov. 20", "declared a dividend payable Dec. 15"
# point ahead); words that settle it ("since the Oct. 7 attacks") make it a rule.
WRONG_WAY_DAYS = 200
SETTLED_WRONG_WAY_DAYS = 1000


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    idx = year * 12 + month - 1 + by
    return idx // 12, idx % 12 + 1


def shift_quarter(year: int, q: int, by: int) -> tuple[int, int]:
    idx = year * 4 + q - 1 + by
    return idx // 4, idx % 4 + 1


def weekday(base: date, wd: int, mode: str) -> date:
    """The weekday ``wd`` (0 = Monday) nearest base in a direction.

    ``past``: the latest on or before base (the news convention: "Sunday" in a
    Sunday paper is that day); ``before``: strictly before ("last Sunday");
    ``future``: the earliest on or after; ``after``: strictly after ("next Tuesday").
    """
    back = (base.weekday() - wd) % 7
    ahead = (wd - base.weekday()) % 7
    if mode == "past":
        return base - timedelta(days=back)
    if mode == "before":
        return base - timedelta(days=back or 7)
    if mode == "future":
        return base + timedelta(days=ahead)
    return base + timedelta(days=ahead or 7)


def closest(base: date, dates: Iterable[date], tense: str | None, *, settled: bool = False) -> date | None:
    """The date nearest base, pulled towards the clause's tense.

    A past clause makes a later date cost ``WRONG_WAY_DAYS`` more (a future
    clause an earlier one), so a strong tense wins over a small distance but
    not over a large one; without a tense, a tie goes to the past.
    """
    best: tuple[int, date] | None = None
    for d in dates:
        gap = (d - base).days
        cost = abs(gap)
        if (tense == "past" and gap > 1) or (tense == "future" and gap < -1):
            cost += SETTLED_WRONG_WAY_DAYS if settled else WRONG_WAY_DAYS
        elif tense is None and gap > 1:
            cost += 1
        if best is None or cost < best[0]:
            best = (cost, d)
    return best[1] if best else None


def day_of_month(base: date, month: int, day: int, tense: str | None, *, settled: bool = False) -> date | None:
    """The year of a day written without one ("Nov. 21")."""
    dates = []
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            dates.append(date(year, month, day))
        except ValueError:  # February 29th of a common year
            continue
    return closest(base, dates, tense, settled=settled)


def day_of_nearby_month(base: date, day: int, tense: str | None) -> date | None:
    """The date of "the 20th": that day of the publication month, the one before or the one after."""
    dates = []
    for by in (-1, 0, 1):
        y, m = shift_month(base.year, base.month, by)
        try:
            dates.append(date(y, m, day))
        except ValueError:  # "the 31st" of a 30-day month
            continue
    return closest(base, dates, tense)


def month_year(base: date, month: int, tense: str | None, rel: str | None = None) -> int:
    """The year of a month named alone: "last December", "next April", "in March".

    In a past clause it is the latest such month (this month included), in a
    future one the coming one; otherwise the nearer of the two, the past on a tie.
    """
    past = base.year if month <= base.month else base.year - 1
    coming = base.year if month >= base.month else base.year + 1
    if rel == "last":
        return base.year if month < base.month else base.year - 1
    if rel == "next":
        return base.year if month > base.month else base.year + 1
    if rel == "this":
        return base.year
    if tense == "past":
        return past
    if tense == "future":
        return coming
    return past if (base.month - month) % 12 <= (month - base.month) % 12 + 1 else coming


def quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def reported_quarter(base: date) -> tuple[int, int]:
    """The quarter business news reports on: the last one completed."""
    return shift_quarter(*quarter_of(base), -1)


def quarter_year(base: date, q: int, tense: str | None) -> int:
    """Year of "the third quarter": this year's, unless that quarter is still well ahead."""
    current = quarter_of(base)[1]
    if q <= current or (q == current + 1 and tense != "past"):
        return base.year
    return base.year - 1


def season(base: date, code: str, mode: str) -> str:
    """A TimeML season (``1998-SU``), labelled by the year it begins.

    ``past``: the latest begun; ``before``: the one before the current
    ("last summer"); ``future``: the current or the next one.
    """
    start = SEASON_START[code]
    begun = base.year if base.month >= start else base.year - 1
    current = (base.year * 12 + base.month) - (begun * 12 + start) < 3
    if mode == "before":
        return f"{begun - 1 if current else begun}-{code}"
    if mode == "future":
        return f"{begun if current else begun + 1}-{code}"
    return f"{begun}-{code}"


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    wd = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * wd) // 451
    n = h + wd - 7 * m + 114
    return date(year, n // 31, n % 31 + 1)


def nth_weekday(year: int, month: int, wd: int, n: int) -> date:
    """The n-th weekday ``wd`` of a month; n = -1 for the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    "new year's day": lambda y: date(y, 1, 1),
    "new year's": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "valentine's day": lambda y: date(y, 2, 14),
    "independence day": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31),
    "veterans day": lambda y: date(y, 11, 11),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas": lambda y: date(y, 12, 25),
    "christmas day": lambda y: date(y, 12, 25),
    "boxing day": lambda y: date(y, 12, 26),
    "easter": easter,
    "easter sunday": easter,
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    # US federal elections: the Tuesday after the first Monday of November.
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + timedelta(days=1),
}


def holiday(name: str, base: date, rel: str | None, tense: str | None) -> date | None:
    dates = [HOLIDAYS[name](y) for y in (base.year - 1, base.year, base.year + 1)]
    if rel == "last":
        return max(d for d in dates if d < base)
    if rel == "next":
        return min(d for d in dates if d > base)
    if rel == "this":
        return dates[1]
    return closest(base, dates, tense)


def duration(n: float | None, unit: str) -> str:
    """A TimeML duration: P26Y, PT5H30M, P40Y for four decades; PXM for an unknown number of months."""
    unit = "century" if unit.startswith("centur") else unit
    code = UNITS[unit]
    prefix = "PT" if unit in ("hour", "minute", "second") else "P"
    if n is None:
        return f"{prefix}X{code}"
    n *= UNIT_SCALE.get(unit, 1)
    if n == int(n):
        return f"{prefix}{int(n)}{code}"
    whole = int(n)
    smaller = {"hour": (60, "M"), "minute": (60, "S"), "day": (24, "H"), "year": (12, "M")}
    if unit not in smaller:
        return f"{prefix}{n:g}{code}"
    per, sub = smaller[unit]
    rest = round((n - whole) * per)
    if unit == "year":
        return f"P{round(n * 12)}M"
    if unit == "day":
        return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
    return f"PT{whole}{code}{rest}{sub}" if whole else f"PT{rest}{sub}"


def shift(base: date, n: int, unit: str, sign: int, quarter: tuple[int, int] | None = None) -> str:
    """The time ``n`` units before (sign -1) or after base, at the unit's precision.

    ``quarter`` is the quarter a story of quarterly results speaks of; "a
    year earlier" there is that quarter a year before, as TimeML annotates it.
    """
    if unit.startswith("centur"):
        return f"{(base.year + sign * 100 * n) // 100:02d}"
    if unit == "decade":
        return f"{base.year + sign * 10 * n:04d}"
    if unit == "year":
        if quarter is not None:
            return f"{quarter[0] + sign * n}-Q{quarter[1]}"
        return f"{base.year + sign * n:04d}"
    if unit == "quarter":
        y, q = shift_quarter(*quarter_of(base), sign * n)
        return f"{y}-Q{q}"
    if unit == "month":
        y, m = shift_month(base.year, base.month, sign * n)
        return f"{y:04d}-{m:02d}"
    if unit in ("week", "fortnight", "weekend"):
        return iso_week(base + timedelta(weeks=sign * n * (2 if unit == "fortnight" else 1)))
    return (base + timedelta(days=sign * n)).isoformat()
