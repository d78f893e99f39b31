"""Turn one time expression into a TimeML value against the publication date.

Values follow TimeML/ISO 8601 at the precision of the words: ``2020-08-15``,
``2020-08``, ``2020``, ``2020-W33``, ``2020-Q3``, ``2020-SU``, ``199`` (the
1990s), ``2020-08-14TNI`` ("Friday night"), ``P26Y``, ``PRESENT_REF``.

News anchors its relative expressions to the day it appears, and a few
conventions decide the rest: a weekday equal to the publication weekday is
that very day; a weekday or a month in a past clause is the latest one, in a
future clause the coming one; a day of a month without a year is the nearest
such day, pulled towards the clause's tense; "a year earlier" in a story about
quarterly results is the same quarter a year before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from tidings.times.lexicon import (
    MONTHS,
    PART_OF_DAY,
    SEASON_START,
    SEASONS,
    UNIT_SCALE,
    UNITS,
    VAGUE,
    WEEKDAYS,
    number,
    ordinal,
    spoken_year,
)

Result = tuple[str | None, str, str]  # value, kind, rule


@dataclass(slots=True)
class Context:
    """What the text around an expression says about it.

    ``tense`` is the tense of its clause ("past", "future", "present" or None);
    the rest is the discourse so far: the quarter the story last spoke of (set
    only while it is recent) and the last calendar day and year it named.
    """

    tense: str | None = None
    quarter: tuple[int, int] | None = None
    day: date | None = None
    month: tuple[int, int] | None = None
    year: int | None = None


# ------------------------------------------------------------------- helpers

_MON_RE = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WD_RE = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_ORD_RE = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?|(?:twenty[\s-]|thirty[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
    r"twentieth|thirtieth))"
)
_SPOKEN_YEAR_RE = r"(?:nineteen[\s-]+[a-z]+(?:[\s-]+[a-z]+)?|two\s+thousand(?:\s+and)?(?:[\s-]+[a-z]+)?)"
_YEAR_RE = r"(?:1[5-9]\d\d|20\d\d)"
_UNIT_RE = r"(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_QORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4}
_LEAD = re.compile(
    r"^(?:(?:on|in|at|by|since|from|until|till|to|during|of|for|within|through|throughout|before|after|"
    r"as\s+(?:early|late|soon|recently)\s+as|as\s+of|sometime|ahead\s+of|starting|beginning|no\s+later\s+than|"
    r"around|about|circa|approximately|roughly|the\s+night\s+of|the\s+morning\s+of)\s+)+"
)


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".")[:3] if word.rstrip(".") not in MONTHS else word.rstrip(".")]


def _year_of(text: str) -> int | None:
    """A year written in digits or words inside ``text``."""
    m = re.search(rf"\b({_YEAR_RE})\b", text)
    if m:
        return int(m.group(1))
    m = re.search(_SPOKEN_YEAR_RE, text)
    return spoken_year(m.group(0)) if m else None


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    idx = year * 12 + month - 1 + by
    return idx // 12, idx % 12 + 1


def _week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _weekday(base: date, wd: int, mode: str) -> date:
    """``past``: latest wd <= base; ``before``: < base; ``future``: earliest >= base; ``after``: > base."""
    back = (base.weekday() - wd) % 7
    ahead = (wd - base.weekday()) % 7
    if mode == "past":
        return base - timedelta(days=back)
    if mode == "before":
        return base - timedelta(days=back or 7)
    if mode == "future":
        return base + timedelta(days=ahead)
    return base + timedelta(days=ahead or 7)


def _nearest_day(base: date, month: int, day: int, tense: str | None) -> date | None:
    """The year of a day given without one: the nearest, pulled towards the clause's tense.

    A day in the wrong direction costs 200 days more, so "set a record on
    Aug. 6" in February is last August, but "a ceremony on March 12" in a
    February past-tense report is still next month.
    """
    best: tuple[int, date] | None = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:
            continue
        gap = (d - base).days
        cost = abs(gap)
        if (tense == "past" and gap > 1) or (tense == "future" and gap < -1):
            cost += 200
        elif tense is None and gap > 1:
            cost += 1  # news reports the past: a tie goes to it
        if best is None or cost < best[0]:
            best = (cost, d)
    return best[1] if best else None


def _nearest_month(base: date, month: int, tense: str | None, rel: str | None = None) -> tuple[int, int]:
    """The year of a month named alone ("in March", "last December", "next April")."""
    if rel == "last":
        return (base.year if month < base.month else base.year - 1), month
    if rel == "next":
        return (base.year if month > base.month else base.year + 1), month
    if rel == "this":
        return base.year, month
    if tense == "past":
        return (base.year if month <= base.month else base.year - 1), month
    if tense == "future":
        return (base.year if month >= base.month else base.year + 1), month
    back = (base.month - month) % 12
    ahead = (month - base.month) % 12
    return (
        (base.year if month <= base.month else base.year - 1, month)
        if back <= ahead + 1
        else (
            base.year if month >= base.month else base.year + 1,
            month,
        )
    )


def _quarter_of(d: date) -> tuple[int, int]:
    return d.year, (d.month - 1) // 3 + 1


def _default_quarter(base: date) -> tuple[int, int]:
    """The quarter business news reports on: the last one completed."""
    year, q = _quarter_of(base)
    return (year, q - 1) if q > 1 else (year - 1, 4)


def _quarter_year(base: date, q: int, tense: str | None) -> int:
    """Year of "the third quarter": this year's, unless that quarter has not begun yet."""
    current = _quarter_of(base)[1]
    if q <= current or (q == current + 1 and tense not in ("past",)):
        return base.year
    return base.year - 1


def _season(base: date, code: str, mode: str) -> str:
    """A season, labelled by the year it begins: ``past`` the latest begun, ``before`` the one before
    the current ("last summer"), ``future`` the current or next one."""
    start = SEASON_START[code]
    begun = base.year if base.month >= start else base.year - 1
    current = (base.year * 12 + base.month) - (begun * 12 + start) < 3
    if mode == "before":
        return f"{begun - 1 if current else begun}-{code}"
    if mode == "future":
        return f"{begun if current else begun + 1}-{code}"
    return f"{begun}-{code}"


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month = (h + l_ - 7 * m + 114) // 31
    day = (h + l_ - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _nth_weekday(year: int, month: int, wd: int, n: int) -> date:
    """The n-th weekday ``wd`` of a month (n = -1 for the last)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - wd) % 7)


HOLIDAYS = {
    "new year's day": lambda y: date(y, 1, 1),
    "new year's eve": lambda y: date(y, 12, 31),
    "new year's": lambda y: date(y, 1, 1),
    "valentine's day": lambda y: date(y, 2, 14),
    "independence day": lambda y: date(y, 7, 4),
    "halloween": lambda y: date(y, 10, 31),
    "veterans day": lambda y: date(y, 11, 11),
    "christmas eve": lambda y: date(y, 12, 24),
    "christmas day": lambda y: date(y, 12, 25),
    "christmas": lambda y: date(y, 12, 25),
    "boxing day": lambda y: date(y, 12, 26),
    "easter": _easter,
    "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + timedelta(days=1),
    "good friday": lambda y: _easter(y) - timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    # US federal elections: the Tuesday after the first Monday of November.
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
}


def _holiday(name: str, base: date, rel: str | None, tense: str | None) -> date:
    dates = [HOLIDAYS[name](y) for y in (base.year - 1, base.year, base.year + 1)]
    if rel == "last":
        return max(d for d in dates if d < base)
    if rel == "next":
        return min(d for d in dates if d > base)
    if rel == "this":
        return dates[1]
    return min(dates, key=lambda d: abs((d - base).days) + (120 if (tense == "past") == (d > base) else 0))


def _duration(n: float | None, unit: str) -> str:
    """P26Y, PT5H30M, PXM: a TimeML duration for ``n`` units (None: unknown amount)."""
    unit = "century" if unit.startswith("centur") else unit
    code = UNITS[unit]
    timed = unit in ("hour", "minute", "second")
    prefix = "PT" if timed else "P"
    if n is None:
        return f"{prefix}X{code}"
    n *= UNIT_SCALE.get(unit, 1)
    if n != int(n):
        whole = int(n)
        if unit == "hour":
            return f"PT{whole}H{round((n - whole) * 60)}M" if whole else f"PT{round(n * 60)}M"
        if unit == "minute":
            return f"PT{whole}M{round((n - whole) * 60)}S" if whole else f"PT{round(n * 60)}S"
        if unit == "day":
            return f"P{whole}DT{round((n - whole) * 24)}H" if whole else f"PT{round(n * 24)}H"
        if unit == "year":
            return f"P{round(n * 12)}M"
        return f"{prefix}{n:g}{code}"
    return f"{prefix}{int(n)}{code}"


def _shift(base: date, n: int, unit: str, sign: int, refs: Context) -> str:
    """The date ``n`` units before (sign -1) or after base, at the unit's precision."""
    if unit.startswith("centur"):
        return f"{(base.year + sign * 100 * n) // 100:02d}"
    if unit == "decade":
        return f"{base.year + sign * 10 * n:04d}"
    if unit == "year":
        if refs.quarter is not None:  # "a year earlier" beside quarterly results
            return f"{refs.quarter[0] + sign * n}-Q{refs.quarter[1]}"
        return f"{base.year + sign * n:04d}"
    if unit == "quarter":
        y, q = _quarter_of(base)
        idx = y * 4 + q - 1 + sign * n
        return f"{idx // 4}-Q{idx % 4 + 1}"
    if unit == "month":
        y, m = _shift_month(base.year, base.month, sign * n)
        return f"{y:04d}-{m:02d}"
    if unit in ("week", "fortnight"):
        return _week(base + timedelta(weeks=sign * n * (2 if unit == "fortnight" else 1)))
    return (base + timedelta(days=sign * n)).isoformat()


# ------------------------------------------------------------------ the rules

_REFS = {
    "PRESENT_REF": re.compile(
        r"(?:right\s+|just\s+)?now|currently|current|at\s+present|presently|nowadays|these\s+days|the\s+present"
    ),
    "PAST_REF": re.compile(
        r"(?:until\s+|more\s+|most\s+|only\s+)?recently|recent|lately|the\s+past|"
        r"(?:in\s+)?recent\s+(?:days|weeks|months|years|quarters|decades)(?:\s+and\s+(?:days|weeks|months|years))?|"
        r"the\s+(?:past|last)\s+(?:few|several)\s+(?:days|weeks|months|years|decades)|"
        r"(?:days|weeks|months|years|decades)\s+ago"
    ),
    "FUTURE_REF": re.compile(
        r"the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|future|the\s+(?:near|short|long)\s+term|"
        r"(?:the\s+)?coming\s+(?:days|weeks|months|years)|the\s+(?:next|coming)\s+(?:few|several)\s+"
        r"(?:days|weeks|months|years)"
    ),
}

_SET_WORDS = {
    "daily": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "nightly": "P1D",
    "hourly": "PT1H",
    "semiannually": "P6M",
}


def _set(t: str, hint: str | None) -> Result | None:
    if t in _SET_WORDS:
        return _SET_WORDS[t], "set", "set-word"
    m = re.fullmatch(rf"(?:every|each)\s+(?:(other)\s+)?(?:(\S+(?:\s+\S+)?)\s+)?({_UNIT_RE})s?", t)
    if m:
        n = number(m.group(2)) if m.group(2) else 1.0
        if n is None:
            return None
        return _duration(n * (2 if m.group(1) else 1), m.group(3)), "set", "set-every"
    m = re.fullmatch(rf"(?:every|each)\s+({_WD_RE})|({_WD_RE})s(?:\s+(morning|afternoon|evening|night)s?)?", t)
    if m:
        wd = WEEKDAYS.index(m.group(1) or m.group(2)) + 1
        part = PART_OF_DAY.get(m.group(3) or "")
        return f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), "set", "set-weekday"
    m = re.fullmatch(rf"(?:every|each)\s+({_MON_RE})", t)
    if m:
        return f"XXXX-{_month(m.group(1)):02d}", "set", "set-month"
    m = re.fullmatch(r"(?:every|each)\s+(morning|afternoon|evening|night)", t)
    if m:
        return f"XXXX-XX-XXT{PART_OF_DAY[m.group(1)]}", "set", "set-part"
    m = re.fullmatch(rf"(?:twice|(?:\S+\s+)?times|once)\s+(?:a|an|per|each|every)\s+({_UNIT_RE})", t)
    if m or hint == "set":
        m = m or re.fullmatch(rf"(?:a|an|per)\s+({_UNIT_RE})", t)
        if m:
            return _duration(1, m.group(1)), "set", "set-rate"
    return None


_DUR_RE = re.compile(
    r"^(?:(?:at\s+least|more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|roughly|approximately|"
    r"some|over|up\s+to|only|just|another|all|within|for)\s+)*(?:the\s+)?(?P<mod>(?:(?:past|last|next|previous|"
    r"coming|first|final|latest|following|remaining|additional|year-earlier|same|entire|full|whole|initial)\s+)*)"
    r"(?P<n>.+?)(?:\s+(?:to|or|-)\s+(?P<n2>\S+(?:\s+\S+)?))?\s+(?:(?:more|additional|consecutive|straight|full|long|"
    r"extra|successive)\s+)?(?P<unit>" + _UNIT_RE + r")s?(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?"
    r"(?:\s+(?P<rel>ago|earlier|later|before|after|from\s+now|hence|running|in\s+a\s+row))?$"
)
_ADJ_DUR_RE = re.compile(r"^(?:an?\s+)?(?P<n>[a-z0-9.]+(?:-[a-z]+)?)-(?P<unit>" + _UNIT_RE + r")s?(?:-long)?$")


def _durations(t: str, base: date | None, refs: Context) -> Result | None:
    m = _ADJ_DUR_RE.match(t)
    if m and m.group("unit") != "weekend":
        n = number(m.group("n").replace("-", " "))
        if n is not None:
            return _duration(n, m.group("unit")), "duration", "duration-adj"
    m = re.fullmatch(rf"(?:an?\s+)?({_UNIT_RE})s?-long", t)
    if m:
        return _duration(1 if not t.split("-")[0].endswith("s") else None, m.group(1)), "duration", "duration-adj"
    m = _DUR_RE.match(t)
    if not m:
        return None
    raw_n = m.group("n").strip()
    unit = m.group("unit")
    if re.fullmatch(_YEAR_RE, raw_n):
        return None  # "the 1988 quarter" is a date
    n = None if raw_n in VAGUE else number(raw_n)
    if n is None and raw_n not in VAGUE:
        return None
    if m.group("half") and n is not None:
        n += 0.5
    if m.group("n2"):  # "12 to 18 months": a range is an unknown amount
        n = None
    rel = m.group("rel")
    if rel in ("ago", "earlier", "later", "from now", "hence"):
        if n is None:
            return ("PAST_REF" if rel in ("ago", "earlier") else "FUTURE_REF"), "date", "vague-ago"
        if base is None:
            return None, "date", "relative-no-base"
        if rel in ("earlier", "later") and unit in ("day", "hour", "minute", "second"):
            # Anchored to an event we do not resolve, not to the publication date.
            if refs.day is None:
                return _duration(n, unit), "duration", "duration"
            sign = -1 if rel == "earlier" else 1
            return (refs.day + timedelta(days=sign * int(n))).isoformat(), "date", "ref-shift"
        sign = -1 if rel in ("ago", "earlier") else 1
        if unit in ("hour", "minute", "second"):
            return base.isoformat(), "date", "ago"
        if rel in ("ago",) and unit == "year" and refs.quarter is not None and n != 1:
            refs = Context(tense=refs.tense)
        return _shift(base, int(n), unit, sign, refs), "date", "ago"
    return _duration(n, unit), "duration", "duration"


def _absolute(t: str, base: date | None, refs: Context) -> Result | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2})(?::\d{2})?)?", t)
    if m:
        value = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        return (value + (f"T{m.group(4)}:{m.group(5)}" if m.group(4) else ""), "time" if m.group(4) else "date", "iso")
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y if y > 99 else (1900 + y if y >= 50 else 2000 + y)
        month, day = (b, a) if a > 12 else (a, b)  # US order unless impossible
        try:
            return date(y, month, day).isoformat(), "date", "numeric"
        except ValueError:
            return None
    # A day of a month, with or without its year and weekday.
    m = re.search(rf"\b({_MON_RE})\s+(?:the\s+)?({_ORD_RE})\b", t) or re.search(
        rf"\b(?:the\s+)?({_ORD_RE})\s+(?:of\s+)?({_MON_RE})(?=\s|,|$)", t
    )
    if m:
        a, b = m.group(1), m.group(2)
        mon, dword = (a, b) if a[0].isalpha() and a.rstrip(".") in MONTHS else (b, a)
        day = ordinal(dword)
        if day is None or not 1 <= day <= 31 or mon.rstrip(".") not in MONTHS:
            return None
        month = MONTHS[mon.rstrip(".")]
        rest = t[m.end() :]
        year = _year_of(rest)
        if year is None and re.search(r"\b(?:this|last|next)\s+year\b", rest) and base is not None:
            year = base.year + {"this": 0, "last": -1, "next": 1}[re.search(r"(this|last|next)\s+year", rest).group(1)]  # type: ignore[union-attr]
        if year is None:
            if base is None:
                return None, "date", "month-day-no-base"
            d = _nearest_day(base, month, day, refs.tense)
            if d is None:
                return None
            value, rule = d.isoformat(), "month-day"
        else:
            try:
                value, rule = date(year, month, day).isoformat(), "date"
            except ValueError:
                return None
        clock = _clock(t)
        return (value + clock, "time", rule) if clock else (value, "date", rule)
    # A month with its year.
    m = re.search(rf"\b({_MON_RE})\s+(?:of\s+)?({_YEAR_RE}|{_SPOKEN_YEAR_RE}|(?:this|last|next)\s+year)\b", t)
    if m:
        rel = re.match(r"(this|last|next)\s+year", m.group(2))
        if rel:
            if base is None:
                return None, "date", "relative-no-base"
            year: int | None = base.year + {"this": 0, "last": -1, "next": 1}[rel.group(1)]
        else:
            year = _year_of(m.group(2))
        if year is not None:
            return f"{year:04d}-{_month(m.group(1)):02d}", "date", "month-year"
    # Quarters and halves with their year.
    m = re.search(rf"\b({'|'.join(_QORD)}|last)[\s-]+(quarter|half)\b", t)
    y = _year_of(t)
    if m and y is not None and not re.search(r"\b(?:19|20)\d\ds\b", t):
        return _part_value(y, m.group(1), m.group(2)), "date", "quarter-year"
    if y is not None and re.search(r"\b(?:quarter|period)\b", t):
        return (f"{y}-Q{refs.quarter[1]}" if refs.quarter else f"{y:04d}"), "date", "year-period"
    # Seasons with their year.
    m = re.search(r"\b(spring|summer|fall|autumn|winter)\b", t)
    if m and y is not None:
        return f"{y:04d}-{SEASONS[m.group(1)]}", "date", "season-year"
    # Decades and centuries.
    m = re.search(r"(?:\b(1[5-9]|20)(\d)0'?s\b|'(\d)0s\b)", t)
    if m:
        if m.group(1):
            return f"{m.group(1)}{m.group(2)}", "date", "decade"
        century = "19" if base is None or int(m.group(3)) * 10 > base.year % 100 else str(base.year // 100)
        return f"{century}{m.group(3)}", "date", "decade"
    m = re.search(r"\b(twen|thir|for|fif|six|seven|eigh|nine)t(?:ie|y)s\b", t)
    if m and t.startswith(("the ", "early ", "late ", "mid")):
        digit = {"twen": 2, "thir": 3, "for": 4, "fif": 5, "six": 6, "seven": 7, "eigh": 8, "nine": 9}[m.group(1)]
        century = 19 if base is None or digit * 10 > base.year % 100 else base.year // 100
        return f"{century}{digit}", "date", "decade"
    m = re.search(r"\b(\S+)[\s-]+century\b", t)
    if m:
        n = ordinal(m.group(1))
        if n is not None:
            return f"{n - 1:02d}", "date", "century"
    # A year alone, possibly "fiscal", "early", "the end of" or "the year two thousand".
    if y is not None and re.fullmatch(
        rf"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
        rf"the\s+first\s+half\s+of|fiscal|calendar|the\s+year|the\s+fiscal\s+year|the|all\s+of)[\s-]+)*"
        rf"(?:{_YEAR_RE}|{_SPOKEN_YEAR_RE})",
        t,
    ):
        return f"{y:04d}", "date", "year"
    return None


def _part_value(year: int, word: str, part: str) -> str:
    if part == "half":
        return f"{year}-H{1 if word in ('first', '1st') else 2}"
    return f"{year}-Q{_QORD.get(word, 4)}"


def _clock(t: str) -> str:
    """ "9 a.m." -> "T09:00", "noon" -> "T12:00", "morning" -> "TMO"; "" when there is no time of day."""
    m = re.search(r"\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|am\b|pm\b)", t)
    if m:
        hour = int(m.group(1)) % 12 + (12 if m.group(3).startswith("p") else 0)
        return f"T{hour:02d}:{m.group(2) or '00'}"
    m = re.search(r"\b([01]\d|2[0-3]):?([0-5]\d)\s*(?:gmt|utc)\b", t) or re.search(
        r"\b(\d{1,2})\s+in\s+the\s+(morning|afternoon|evening)\b", t
    )
    if m:
        if m.group(2).isdigit():
            return f"T{int(m.group(1)):02d}:{m.group(2)}"
        hour = int(m.group(1)) % 12 + (0 if m.group(2) == "morning" else 12)
        return f"T{hour:02d}:00"
    if re.search(r"\b(?:noon|midday)\b", t):
        return "T12:00"
    if re.search(r"\bmidnight\b", t):
        return "T24:00"
    m = re.search(r"\b(morning|afternoon|evening|night)s?\b|\btonight\b|\bovernight\b", t)
    if m:
        return "T" + PART_OF_DAY.get(m.group(1) or "night", "NI")
    return ""


def _relative(t: str, base: date, refs: Context) -> Result | None:
    tense = refs.tense
    clock = _clock(t)
    kind = "time" if clock else "date"
    core = re.sub(r"^(?:late|early|earlier|later|mid)[\s-]+", "", t)

    m = re.fullmatch(
        r"(?:(the\s+day\s+(?:before|after))\s+)?(yesterday|today|tonight|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?",
        core,
    )
    m = m or re.fullmatch(r"(?:the\s+)?(?:\d.*?|noon|midnight|midday|mid-?\s*\w+)\s+(yesterday|today|tomorrow)()", core)
    if m:
        groups = [g for g in m.groups() if g]
        word = groups[-1] if groups[-1] in ("yesterday", "today", "tonight", "tomorrow") else groups[0]
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        if m.group(1) and m.group(1).startswith("the day"):
            offset += -1 if "before" in m.group(1) else 1
        if word == "tonight" and not re.search(r"\d|noon|midnight", t):
            return base.isoformat(), "date", "today"
        return (base + timedelta(days=offset)).isoformat() + clock, kind, word
    m = re.fullmatch(r"(this|last)\s+(morning|afternoon|evening|night)", core)
    if m:
        day = base - timedelta(days=1) if m.group(1) == "last" else base
        return day.isoformat() + clock, "time", "part-of-day"
    if re.fullmatch(r"(?:the\s+)?(?:morning|afternoon|evening|night|overnight|noon|midday|midnight)", core):
        day = refs.day or base
        return day.isoformat() + clock, "time", "part-of-day"

    # Weekdays: "Saturday", "last Sunday", "next Tuesday", "Friday night", "noon Thursday".
    m = re.search(
        rf"(?:\b(this\s+coming|this\s+past|last|next|this|coming|past|previous|the\s+previous|the\s+following|"
        rf"the\s+next|following)\s+)?\b({_WD_RE})\b",
        t,
    )
    if m:
        rel, wd = m.group(1), WEEKDAYS.index(m.group(2))
        if rel in ("last", "past", "previous", "the previous", "this past"):
            mode = "before"
        elif rel in ("next", "the next", "the following", "following"):
            mode = "after"
        elif rel in ("coming", "this coming") or tense in ("future", "present"):
            mode = "future"
        else:
            mode = "past"
        anchor = base
        if rel in ("the previous", "the following", "the next") and refs.day is not None:
            anchor = refs.day
        return _weekday(anchor, wd, mode).isoformat() + clock, kind, f"weekday-{mode}"

    # A clock time alone: the day the story is on.
    if clock.startswith("T") and clock[1].isdigit():
        return (refs.day or base).isoformat() + clock, "time", "clock"

    # "this week", "last month", "next year", "earlier this week", "the end of this year", "the past year".
    m = re.fullmatch(
        r"(?:(?:early|late|earlier|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|"
        r"the\s+rest\s+of|the\s+remainder\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)[\s-]+)?"
        r"(the\s+)?(this\s+past|this\s+coming|this|last|next|past|coming|previous|current|following|preceding|prior|"
        r"same|that|latest|full|entire|whole)?\s*(fiscal\s+|calendar\s+)?(week|weekend|month|year|quarter|season|decade|"
        r"century|period)",
        t,
    )
    if m and (m.group(2) or m.group(1)):
        the, rel, unit = (
            m.group(1),
            (m.group(2) or "the").replace("this past", "last").replace("this coming", "next"),
            m.group(4),
        )
        if the and rel in ("past", "last", "next", "coming") and unit not in ("quarter", "period"):
            return _duration(1, unit if unit != "season" else "quarter"), "duration", "the-past-unit"
        if rel == "past":
            return _duration(1, unit if unit != "season" else "quarter"), "duration", "the-past-unit"
        return _unit_relative(rel, unit, base, refs, t)

    # Months: "in March", "last December", "early next month" handled above.
    m = re.fullmatch(
        rf"(?:(this\s+past|this\s+coming|last|next|this|early|late|mid|the\s+end\s+of|the\s+beginning\s+of|"
        rf"the\s+start\s+of|the\s+middle\s+of)[\s-]+)?({_MON_RE})",
        t,
    )
    if m:
        rel = m.group(1)
        rel = {"this past": "last", "this coming": "next"}.get(rel or "", rel)
        rel = rel if rel in ("last", "next", "this") else None
        y, mo = _nearest_month(base, _month(m.group(2)), tense, rel)
        return f"{y:04d}-{mo:02d}", "date", f"month{'-' + rel if rel else ''}"

    # Seasons.
    m = re.fullmatch(
        r"(?:the\s+)?(?:(this\s+past|this\s+coming|this|last|next|that|early|late|mid)[\s-]+)?(?:the\s+)?"
        r"(?:(early|late|mid)[\s-]+)?(spring|summer|fall|autumn|winter)",
        t,
    )
    if m:
        rel = m.group(1)
        code = SEASONS[m.group(3)]
        if rel in ("last", "this past"):
            return _season(base, code, "before"), "date", "season-last"
        if rel in ("next", "this coming") or (rel != "this" and tense == "future"):
            return _season(base, code, "future"), "date", "season-next"
        if rel == "this":
            return f"{base.year}-{code}", "date", "season-this"
        return _season(base, code, "past"), "date", "season"

    # Quarters and halves: "the third quarter", "third-quarter", "Q3", "the year-ago quarter".
    qm = re.search(
        r"\b(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+(?:fiscal[\s-]+)?(quarter|half|period)\b", t
    )
    qm = qm or re.search(r"\bq([1-4])\b|\b([1-4])q\b", t)
    earlier = bool(re.search(r"year-(?:ago|earlier)|last\s+year|previous\s+year|a\s+year\s+(?:ago|earlier)", t))
    shift = -1 if earlier else 1 if re.search(r"next\s+year", t) else 0
    if qm:
        if qm.lastindex and qm.group(1) and qm.group(1).isdigit():
            word, part = ("1st", "2nd", "3rd", "4th")[int(qm.group(1)) - 1], "quarter"
        elif qm.lastindex == 2 and qm.group(2) and qm.group(2).isdigit():
            word, part = ("1st", "2nd", "3rd", "4th")[int(qm.group(2)) - 1], "quarter"
        else:
            word, part = qm.group(1), qm.group(2)
        if part == "period":
            part = "quarter"
        if word == "last" and part == "quarter":
            y, q = refs.quarter or _default_quarter(base)
            return f"{y + shift}-Q{q}", "date", "quarter-ref"
        q = _QORD.get(word, 4)
        year = (refs.quarter[0] if refs.quarter and shift else _quarter_year(base, q, tense)) + shift
        if shift == 0 and re.search(r"this\s+year", t):
            year = base.year
        return _part_value(year, word, part), "date", "quarter" if shift == 0 else "quarter-shifted"
    if re.search(r"\b(?:quarter|period)\b", t) and not re.search(r"\bquarters\b", t):
        y, q = refs.quarter or _default_quarter(base)
        if re.search(r"\b(?:previous|prior|preceding)\b", t) and not earlier:
            idx = y * 4 + q - 2
            y, q = idx // 4, idx % 4 + 1
        return f"{y + shift}-Q{q}", "date", "quarter-ref" if shift == 0 else "quarter-shifted"

    # "a year ago", "year-earlier", "last year's" beside quarterly results, else the year.
    if re.fullmatch(r"(?:an?\s+|the\s+)?year[\s-](?:ago|earlier)", t):
        if refs.quarter is not None:
            return f"{refs.quarter[0] - 1}-Q{refs.quarter[1]}", "date", "year-ago-quarter"
        return f"{base.year - 1:04d}", "date", "year-ago"
    if re.fullmatch(r"year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+year", t):
        return f"{base.year - 1 if tense == 'past' else base.year:04d}", "date", "year-end"

    # Holidays.
    m = re.fullmatch(r"(?:(last|next|this)\s+)?(.+?)(?:\s+(week))?", t)
    if m and m.group(2) in HOLIDAYS:
        d = _holiday(m.group(2), base, m.group(1), tense)
        return (_week(d), "date", "holiday-week") if m.group(3) else (d.isoformat(), "date", "holiday")

    # The day the story last named: "that day", "the next day", "the previous day".
    m = re.fullmatch(
        r"(?:(?:earlier|later)\s+)?(that|the\s+same|that\s+same|the\s+next|the\s+following|the\s+previous|"
        r"the\s+preceding|the\s+prior)\s+(day|morning|afternoon|evening|night)",
        t,
    )
    if m:
        if refs.day is None:
            return None, "date", "anaphoric-no-ref"
        shift_days = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1, "the prior": -1}
        day = refs.day + timedelta(days=shift_days.get(m.group(1), 0))
        return day.isoformat() + (clock if m.group(2) != "day" else ""), kind, "anaphoric-day"
    return None


def _unit_relative(rel: str, unit: str, base: date, refs: Context, t: str) -> Result | None:
    """ "this/last/next/the/that <unit>" against the publication date (or the story's own reference)."""
    step = {"this": 0, "current": 0, "the": 0, "that": 0, "same": 0, "latest": 0, "full": 0, "entire": 0, "whole": 0}
    step |= {"last": -1, "previous": -1}
    step |= {"preceding": -1, "prior": -1, "next": 1, "coming": 1, "following": 1}
    shift = step.get(rel, 0)
    # "the following year" and "that year" move from the story's own time, not from today.
    anaphoric = rel in ("following", "preceding", "prior", "that", "same") or (rel == "previous" and unit != "quarter")
    if unit in ("week", "weekend"):
        anchor = refs.day if anaphoric and refs.day else base
        if unit == "weekend":
            if rel == "the" or (rel == "this" and anchor.weekday() < 5):
                # "the weekend" just past, or the coming one in a future clause.
                sat = _weekday(anchor, 5, "future" if refs.tense == "future" or rel == "this" else "past")
            else:
                sat = _weekday(anchor, 5, "past") + timedelta(weeks=shift)
            return _week(sat) + "-WE", "date", f"{rel}-weekend"
        return _week(anchor + timedelta(weeks=shift)), "date", f"{rel}-week"
    if unit == "month":
        if anaphoric and refs.month:
            y, mo = _shift_month(refs.month[0], refs.month[1], shift)
        else:
            y, mo = _shift_month(base.year, base.month, shift)
        return f"{y:04d}-{mo:02d}", "date", f"{rel}-month"
    if unit == "year":
        if re.search(r"\b(?:ended|ending)\b", t):
            return "P1Y", "duration", "the-year-ended"
        year = (refs.year if anaphoric and refs.year else base.year) + shift
        return f"{year:04d}", "date", f"{rel}-year"
    if unit in ("quarter", "period"):
        y, q = refs.quarter or _default_quarter(base)
        if rel in ("this", "current") and refs.quarter is None:
            y, q = _quarter_of(base)
        idx = y * 4 + q - 1 + shift
        return f"{idx // 4}-Q{idx % 4 + 1}", "date", f"{rel}-quarter"
    if unit == "decade":
        return f"{base.year // 10 + shift:03d}", "date", f"{rel}-decade"
    if unit == "century":
        return f"{base.year // 100 + shift:02d}", "date", f"{rel}-century"
    return None


def _clean(text: str) -> tuple[str, str | None]:
    """Lower-case, one space, no possessive, no leading preposition; and the tense that preposition implies."""
    t = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,;:!?\"'`()")
    if not t.startswith(("new year", "valentine")):
        t = re.sub(r"(?<=[a-z])'s?(?=\s|$)", "", t)
    lead = _LEAD.match(t)
    if not lead or lead.end() >= len(t):
        return t, None
    words = lead.group(0).split()
    t = t[lead.end() :]
    if "since" in words:
        return t, "past"
    if "soon" in words or "early" in words:  # "as soon as Tuesday"
        return t, "future"
    if "for" in words and re.match(rf"{_WD_RE}|{_MON_RE}\s|tomorrow|tonight", t):  # "a summit for Saturday"
        return t, "future"
    return t, None


def normalise(
    text: str, base: date | None, *, tense: str | None = None, refs: Context | None = None, hint: str | None = None
) -> Result:
    """(TimeML value or None, kind, rule) for one expression.

    ``base`` is the publication date; without one, expressions that need it
    get ``None`` rather than a guess. ``tense`` is the tense of the clause
    the expression belongs to ("past", "future", "present"); ``refs`` the
    discourse context; ``hint`` "set" for a rate ("$5 a day").
    """
    refs = refs or Context()
    t, cue = _clean(text)
    if cue is not None or tense is not None:
        refs = replace(refs, tense=cue or tense)
    if not t:
        return None, "date", "empty"
    for value, pattern in _REFS.items():
        if pattern.fullmatch(t):
            return value, "date", value.lower()
    found = _set(t, hint)
    if found:
        return found
    found = _durations(t, base, refs)
    if found:
        return found
    found = _absolute(t, base, refs)
    if found:
        return found
    if base is None:
        return None, "date", "relative-no-base"
    found = _relative(t, base, refs)
    if found:
        return found
    return _dateparser(t, base, refs.tense)


def _dateparser(t: str, base: date, tense: str | None) -> Result:
    """Last resort for a form no rule knows, only when it names a calendar word."""
    if not re.search(rf"\b{_MON_RE}|\b{_WD_RE}\b|\b{_YEAR_RE}\b", t):
        return None, "date", "unparsed"
    from datetime import datetime

    import dateparser  # lazily: ~0.3 s to load its language data, and rarely needed

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
    }
    parsed = dateparser.parse(t, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None, "date", "unparsed"
    if re.search(rf"\d{{1,2}}(?!\d)|\b{_WD_RE}\b", re.sub(r"\d{4}", "", t)):
        return parsed.date().isoformat(), "date", "dateparser"
    if re.search(rf"\b{_MON_RE}", t):
        return f"{parsed.year:04d}-{parsed.month:02d}", "date", "dateparser"
    return f"{parsed.year:04d}", "date", "dateparser"
