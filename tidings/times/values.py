"""Turn one time expression into a TimeML value against the publication date.

Values follow TimeML/ISO 8601 at the precision of the words: ``2020-08-15``,
``2020-08``, ``2020``, ``2020-W33``, ``2020-Q3``, ``2020-SU``, ``199`` (the
1990s), ``2020-08-14TNI`` ("Friday night"), ``P26Y``, ``P1W`` as a SET
("weekly"), ``PRESENT_REF`` ("now").

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

from tidings.times import calendar as cal
from tidings.times.lexicon import MONTHS, PART_OF_DAY, SEASONS, VAGUE, WEEKDAYS, number, ordinal, spoken_year

Result = tuple[str | None, str, str]  # value, kind, rule
#: A tense the words settle, not the verb alone: "since the Oct. 7 attacks", "the July 31 killing"
#: are past whatever the distance to the coming one.
SETTLED_PAST = "settled-past"


@dataclass(slots=True)
class Anchors:
    """What the text around an expression says about it.

    ``tense`` is the tense of its clause: "past", "future", "present" or None.
    The rest is the story so far: the quarter it speaks of (kept only while
    recent), and the last day, month and year it named.
    """

    tense: str | None = None
    quarter: tuple[int, int] | None = None
    day: date | None = None
    month: tuple[int, int] | None = None
    year: int | None = None
    stretch: bool = False  # the words after it make it a stretch of time: "the year ended June 30"
    settled: bool = False  # the words settle its direction ("since the Oct. 7 attacks"), not a tense alone
    day_first: bool = False  # the story writes numeric dates day first: 13/09/2018


# The normaliser reads lower-cased text; these match it.
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_WD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_ORD = (
    r"(?:\d{1,2}(?:st|nd|rd|th)?|(?:twenty[\s-]|thirty[\s-])?(?:first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
    r"nineteenth|twentieth|thirtieth))"
)
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_SPOKEN_YEAR = r"(?:nineteen[\s-]+[a-z]+(?:[\s-]+[a-z]+)?|two\s+thousand(?:\s+and)?(?:[\s-]+[a-z]+)?)"
_UNIT = r"(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_PART = r"(?:morning|afternoon|evening|night)"
_EDGE = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
_QORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "final": 4}
_REL_YEAR = {"this": 0, "last": -1, "next": 1}

# Prepositions and hedges before an expression; some say which way it points.
_LEAD = re.compile(
    r"^(?:(?:on|in|at(?!\s+(?:least|present))|by|since|from|until|till|to|during|of|for|within|through|throughout|before|after|"
    r"as\s+(?:early|late|soon|recently)\s+as|as\s+of|sometime|ahead\s+of|starting|beginning|no\s+later\s+than|"
    r"around|about|circa|approximately|roughly|the\s+night\s+of|the\s+morning\s+of)\s+)+"
)


def _month(word: str) -> int:
    return MONTHS[word.rstrip(".")[:3]]


def _year_in(text: str) -> int | None:
    """A year written in digits or words inside ``text``."""
    m = re.search(rf"\b({_YEAR})\b", text)
    if m:
        return int(m.group(1))
    m = re.search(_SPOKEN_YEAR, text)
    return spoken_year(m.group(0)) if m else None


# ------------------------------------------------------------- no base needed

_REFS = {
    "PRESENT_REF": re.compile(
        r"(?:right\s+|just\s+)?now|currently|current|at\s+present|presently|nowadays|these\s+days|the\s+present"
    ),
    "PAST_REF": re.compile(
        r"(?:until\s+|more\s+|most\s+|only\s+)?recently|recent|lately|the\s+past|"
        r"recent\s+(?:days|weeks|months|years|quarters|decades)(?:\s+and\s+(?:days|weeks|months|years))?|"
        r"the\s+(?:past|last)\s+(?:few|several)\s+(?:days|weeks|months|years|decades)"
    ),
    "FUTURE_REF": re.compile(
        r"(?:the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?)?future|the\s+(?:near|short|long)\s+term|"
        r"(?:the\s+)?coming\s+(?:days|weeks|months|years)|the\s+(?:next|coming)\s+(?:few|several)\s+"
        r"(?:days|weeks|months|years)"
    ),
}

_SET_WORDS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "semiannually": "P6M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
}


def _set(t: str, hint: str | None) -> Result | None:
    """Sets: "daily", "every two weeks", "each Thursday", "twice a year", "$5 a day"."""
    if t in _SET_WORDS:
        return _SET_WORDS[t], "set", "set-word"
    m = re.fullmatch(rf"(?:every|each)\s+(other\s+)?(?:(\S+(?:\s+\S+)?)\s+)?({_UNIT})s?", t)
    if m:
        n = number(m.group(2)) if m.group(2) else 1.0
        return (cal.duration(n * (2 if m.group(1) else 1), m.group(3)), "set", "set-every") if n else None
    m = re.fullmatch(rf"(?:every|each)\s+({_WD})|({_WD})s(?:\s+({_PART})s)?", t)
    if m:
        wd = WEEKDAYS.index(m.group(1) or m.group(2)) + 1
        part = f"T{PART_OF_DAY[m.group(3)]}" if m.group(3) else ""
        return f"XXXX-WXX-{wd}{part}", "set", "set-weekday"
    m = re.fullmatch(rf"(?:every|each)\s+({_MON})", t)
    if m:
        return f"XXXX-{_month(m.group(1)):02d}", "set", "set-month"
    m = re.fullmatch(rf"(?:every|each)\s+({_PART})", t)
    if m:
        return f"XXXX-XX-XXT{PART_OF_DAY[m.group(1)]}", "set", "set-part"
    m = re.fullmatch(rf"(?:twice|once|(?:\S+\s+)?times)\s+(?:a|an|per|each|every)\s+({_UNIT})", t)
    if m is None and hint == "set":
        m = re.fullmatch(rf"(?:a|an|per)\s+({_UNIT})", t)
    return (cal.duration(1, m.group(1)), "set", "set-rate") if m else None


_DURATION = re.compile(
    r"(?:(?:at\s+least|more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|roughly|approximately|"
    r"some|over|up\s+to|only|just|another|all|within|for)\s+)*(?:the\s+)?(?:(?:past|last|next|previous|coming|"
    r"first|final|latest|following|remaining|additional|year-earlier|same|entire|full|whole|initial)\s+)*"
    r"(?P<n>.+?)(?:\s+(?:to|or|-)\s+(?P<n2>\S+(?:\s+\S+)?))?\s+(?:(?:more|additional|consecutive|straight|full|"
    rf"long|extra|successive)\s+)?(?P<unit>{_UNIT})s?(?P<half>\s+and\s+a\s+half)?(?:\s+or\s+so)?"
    r"(?:\s+(?P<rel>ago|earlier|later|before|after|from\s+now|hence|running|in\s+a\s+row))?"
)
_ADJ_DURATION = re.compile(rf"(?:an?\s+)?(?P<n>[a-z0-9.]+(?:-[a-z]+)?)-(?P<unit>{_UNIT})s?(?:-long)?")


def _durations(t: str, base: date | None, refs: Anchors) -> Result | None:
    """Durations: "the past 26 years", "six-week", "5 1/2 hours"; and "two weeks ago", a date."""
    m = _ADJ_DURATION.fullmatch(t)
    if m and m.group("unit") != "weekend":
        n = number(m.group("n").replace("-", " "))
        if n is not None:
            return cal.duration(n, m.group("unit")), "duration", "duration-adj"
    m = re.fullmatch(rf"(?:an?\s+)?({_UNIT})(s?)-long", t)
    if m:  # "day-long" is one day, "decades-long" some decades
        return cal.duration(None if m.group(2) else 1, m.group(1)), "duration", "duration-adj"
    m = _DURATION.fullmatch(t)
    if not m or re.fullmatch(_YEAR, m.group("n").strip()):  # "the 1988 quarter" is a date
        return None
    raw, unit, rel = m.group("n").strip(), m.group("unit"), m.group("rel")
    n = None if raw in VAGUE or m.group("n2") else number(raw)  # "12 to 18 months": an unknown amount
    if n is None and raw not in VAGUE and not m.group("n2"):
        return None
    if m.group("half") and n is not None:
        n += 0.5
    if rel not in ("ago", "earlier", "later", "from now", "hence"):
        return cal.duration(n, unit), "duration", "duration"
    if n is None:
        return ("PAST_REF" if rel in ("ago", "earlier") else "FUTURE_REF"), "date", "vague-ago"
    if base is None:
        return None, "date", "relative-no-base"
    sign = -1 if rel in ("ago", "earlier") else 1
    if unit in ("hour", "minute", "second"):
        # "two hours ago" is today; "an hour later" is an hour after some event: no day of its own.
        return (base.isoformat(), "date", "ago") if rel == "ago" else (cal.duration(n, unit), "duration", "duration")
    if rel in ("earlier", "later") and unit == "day":
        # "two days later" counts from an event of the story, not from the publication date.
        if refs.day is None:
            return cal.duration(n, unit), "duration", "duration"
        return (refs.day + timedelta(days=sign * int(n))).isoformat(), "date", "ref-shift"
    return cal.shift(base, int(n), unit, sign, refs.quarter if n == 1 else None), "date", "ago"


# ------------------------------------------------------------ absolute forms


def _absolute(t: str, base: date | None, refs: Anchors) -> Result | None:
    """Expressions that carry their own year (or need only the base to guess one)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(?:t(\d{2}):(\d{2})(?::\d{2})?)?", t)
    if m:
        value = f"{m.group(1)}-{m.group(2)}-{m.group(3)}"
        return (f"{value}T{m.group(4)}:{m.group(5)}", "time", "iso") if m.group(4) else (value, "date", "iso")
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", t)
    if m:
        a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        y = y if y > 99 else (1900 + y if y >= 50 else 2000 + y)
        # Month first, as in US news, unless the story writes its days first ("13/09/2018" somewhere in it).
        month, day = (b, a) if a > 12 or refs.day_first else (a, b)
        try:
            return date(y, month, day).isoformat(), "date", "numeric"
        except ValueError:
            return None
    found = _day_of_month(t, base, refs)
    if found:
        return found
    m = re.fullmatch(r"the\s+(\d{1,2})(?:st|nd|rd|th)", t)
    if m:  # "the 20th": that day of this month, the last or the next
        if base is None:
            return None, "date", "relative-no-base"
        nearby = cal.day_of_nearby_month(base, int(m.group(1)), refs.tense)
        return (nearby.isoformat(), "date", "day-alone") if nearby else None
    year = _year_in(t)
    m = re.search(rf"\b({_MON})\s+(?:of\s+)?({_YEAR}|{_SPOKEN_YEAR}|(?:this|last|next)\s+year)\b", t)
    if m:
        rel = re.match(r"(this|last|next)\s+year", m.group(2))
        if rel and base is None:
            return None, "date", "relative-no-base"
        named = base.year + _REL_YEAR[rel.group(1)] if rel and base else _year_in(m.group(2))
        if named is not None:
            return f"{named:04d}-{_month(m.group(1)):02d}", "date", "month-year"
    if year is not None and not re.search(r"\b\d{4}s\b", t):
        m = re.search(rf"\b({'|'.join(_QORD)}|last)[\s-]+(quarter|half)\b", t)
        if m:
            return _part(year, m.group(1), m.group(2)), "date", "quarter-year"
        if re.search(r"\b(?:quarter|period)\b", t):  # "the 1988 quarter": the quarter the story speaks of
            return (f"{year}-Q{refs.quarter[1]}" if refs.quarter else f"{year:04d}"), "date", "year-period"
        m = re.search(r"\b(spring|summer|fall|autumn|winter)\b", t)
        if m:
            return f"{year:04d}-{SEASONS[m.group(1)]}", "date", "season-year"
    found = _decade(t, base)
    if found:
        return found
    if year is not None and re.fullmatch(
        rf"(?:(?:{_EDGE}|the\s+first\s+half\s+of|fiscal|calendar|the\s+year|the\s+fiscal\s+year|the|all\s+of)[\s-]+)*"
        rf"(?:{_YEAR}|{_SPOKEN_YEAR})",
        t,
    ):
        return f"{year:04d}", "date", "year"
    return None


def _day_of_month(t: str, base: date | None, refs: Anchors) -> Result | None:
    """A day of a month: "Aug. 15", "15 August 2020", "Saturday, April 25", "5 p.m. EST Nov. 9"."""
    m = re.search(rf"\b({_MON})\s+(?:the\s+)?({_ORD})\b", t) or re.search(
        rf"\b(?:the\s+)?({_ORD})\s+(?:of\s+)?({_MON})(?=[\s,]|$)", t
    )
    if not m:
        return None
    mon, word = (m.group(1), m.group(2)) if re.fullmatch(_MON, m.group(1)) else (m.group(2), m.group(1))
    day = ordinal(word)
    if day is None or not 1 <= day <= 31:
        return None
    month, rest = _month(mon), t[m.end() :]
    year = _year_in(rest)
    rel = re.search(r"\b(this|last|next)\s+year\b", rest)
    if year is None and rel and base is not None:
        year = base.year + _REL_YEAR[rel.group(1)]
    if year is not None:
        try:
            value, rule = date(year, month, day).isoformat(), "date"
        except ValueError:
            return None
    elif base is None:
        return None, "date", "month-day-no-base"
    else:
        d = cal.day_of_month(base, month, day, refs.tense, settled=refs.settled)
        if d is None:
            return None
        value, rule = d.isoformat(), "month-day"
    clock = _clock(t)
    return (value + clock, "time", rule) if clock else (value, "date", rule)


def _decade(t: str, base: date | None) -> Result | None:
    """Decades and centuries: "the 1990s" -> 199, "the '80s" -> 198, "the 20th century" -> 19."""
    m = re.search(r"\b(1[5-9]|20)(\d)0'?s\b", t)
    if m:
        return f"{m.group(1)}{m.group(2)}", "date", "decade"
    m = re.search(r"'(\d)0s\b", t) or re.search(r"\b(twen|thir|for|fif|six|seven|eigh|nine)t(?:ie|y)s\b", t)
    if m and (m.group(0).startswith("'") or t.startswith(("the ", "early ", "late ", "mid"))):
        tens = {"twen": 2, "thir": 3, "for": 4, "fif": 5, "six": 6, "seven": 7, "eigh": 8, "nine": 9}
        digit = int(m.group(1)) if m.group(1).isdigit() else tens[m.group(1)]
        # A decade still ahead in this century is last century's ("the '90s" read in 2020).
        century = 19 if base is None or digit * 10 > base.year % 100 else base.year // 100
        return f"{century}{digit}", "date", "decade"
    m = re.search(r"\b(\S+)[\s-]+century\b", t)
    if m and (n := ordinal(m.group(1))) is not None:
        return f"{n - 1:02d}", "date", "century"
    return None


def _part(year: int, word: str, part: str) -> str:
    if part == "half":
        return f"{year}-H{1 if word in ('first', '1st') else 2}"
    return f"{year}-Q{_QORD.get(word, 4)}"


def _clock(t: str) -> str:
    """The time of day in ``t`` as a TimeML suffix: "T09:00", "T12:00", "TMO"; "" when there is none."""
    m = re.search(r"\b(\d{1,2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?|am\b|pm\b)", t)
    if m:
        hour = int(m.group(1)) % 12 + (12 if m.group(3).startswith("p") else 0)
        return f"T{hour:02d}:{m.group(2) or '00'}"
    m = re.search(r"\b([01]\d|2[0-3]):?([0-5]\d)\s*(?:gmt|utc)\b", t) or re.search(r"\b([01]?\d|2[0-3]):([0-5]\d)\b", t)
    if m:
        return f"T{int(m.group(1)):02d}:{m.group(2)}"
    m = re.search(r"\b(\d{1,2})\s+in\s+the\s+(morning|afternoon|evening)\b", t)
    if m:
        return f"T{int(m.group(1)) % 12 + (0 if m.group(2) == 'morning' else 12):02d}:00"
    if re.search(r"\b(?:noon|midday)\b", t):
        return "T12:00"
    if re.search(r"\bmidnight\b", t):
        return "T24:00"
    m = re.search(rf"\b({_PART})s?\b|\bovernight\b", t)
    return f"T{PART_OF_DAY[m.group(1) or 'night']}" if m else ""


# ------------------------------------------------------------ relative forms


def _relative(t: str, base: date, refs: Anchors) -> Result | None:
    """Expressions that need the publication date: days, weekdays, "last month", quarters, seasons."""
    # "tonight" alone is the day: the stage dates events by the day, and so does most annotation.
    clock = _clock(t.replace("tonight", ""))
    kind = "time" if clock else "date"

    m = re.search(r"\b(?:the\s+day\s+(before|after)\s+)?(yesterday|today|tonight|tomorrow)\b", t)
    if m:
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m.group(2)]
        offset += {"before": -1, "after": 1}.get(m.group(1) or "", 0)
        return (base + timedelta(days=offset)).isoformat() + clock, kind, m.group(2)
    m = re.fullmatch(rf"(?:(?:earlier|later|early|late)\s+)?(this|last)\s+{_PART}", t)
    if m:
        day = base - timedelta(days=1) if m.group(1) == "last" else base
        return day.isoformat() + clock, "time", "part-of-day"

    found = _weekday(t, base, refs, clock)
    if found:
        return found
    if clock[1:2].isdigit() or re.fullmatch(
        rf"(?:(?:early|late|mid)[\s-]*)?(?:the\s+)?(?:{_PART}|overnight|noon|midday|midnight)", t
    ):
        return (refs.day or base).isoformat() + clock, "time", "clock"  # a time of the day the story is on

    m = re.fullmatch(
        rf"(?:(?:{_EDGE}|earlier|later|the\s+rest\s+of|the\s+remainder\s+of|the\s+(?:first|second)\s+half\s+of)"
        r"[\s-]+)?(the\s+)?(this\s+past|this\s+coming|this|last|next|past|coming|previous|current|following|"
        r"preceding|prior|same|that|latest|full|entire|whole)?\s*(?:fiscal\s+|calendar\s+)?"
        r"(week|weekend|month|year|quarter|decade|century|period)",
        t,
    )
    if m and refs.stretch:
        return cal.duration(1, m.group(3)), "duration", "the-year-ended"
    if m and (m.group(1) or m.group(2)):
        rel = {"this past": "last", "this coming": "next"}.get(m.group(2) or "the", m.group(2) or "the")
        unit = m.group(3)
        # "the past year", "the next month": a stretch of time; "last year", "next month": a date.
        if rel == "past" or (m.group(1) and rel in ("last", "next", "coming") and unit not in ("quarter", "period")):
            return cal.duration(1, unit), "duration", "the-past-unit"
        return _unit(rel, unit, base, refs, t)

    m = re.fullmatch(rf"(?:(this\s+past|this\s+coming|last|next|this|{_EDGE})[\s-]+)?({_MON})", t)
    if m:
        which: str | None = {"this past": "last", "this coming": "next"}.get(m.group(1) or "", m.group(1))
        which = which if which in ("last", "next", "this") else None
        month = _month(m.group(2))
        year = cal.month_year(base, month, refs.tense, which)
        return f"{year:04d}-{month:02d}", "date", "month" + (f"-{which}" if which else "")

    found = _season(t, base, refs) or _quarter(t, base, refs)
    if found:
        return found
    if re.fullmatch(r"(?:an?\s+|the\s+)?year[\s-](?:ago|earlier)", t):
        if refs.quarter is not None:  # "year-earlier results" beside quarterly ones
            return f"{refs.quarter[0] - 1}-Q{refs.quarter[1]}", "date", "year-ago-quarter"
        return f"{base.year - 1:04d}", "date", "year-ago"
    if re.fullmatch(r"year[\s-]end|year's\s+end|the\s+end\s+of\s+the\s+year", t):
        return f"{base.year - (refs.tense == 'past'):04d}", "date", "year-end"

    m = re.fullmatch(r"(?:(last|next|this)\s+)?(.+?)(\s+week)?", t)
    if m and m.group(2) in cal.HOLIDAYS:
        d = cal.holiday(m.group(2), base, m.group(1), refs.tense)
        if d is not None:
            return (cal.iso_week(d), "date", "holiday-week") if m.group(3) else (d.isoformat(), "date", "holiday")

    # The day the story last named: "that same day", "the next day", "the previous morning".
    m = re.fullmatch(
        rf"(?:(?:earlier|later)\s+)?(that|the\s+same|that\s+same|the\s+next|the\s+following|the\s+previous|"
        rf"the\s+preceding|the\s+prior)\s+(day|{_PART})",
        t,
    )
    if m:
        if refs.day is None:
            return None, "date", "anaphoric-no-ref"
        step = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1, "the prior": -1}
        day = refs.day + timedelta(days=step.get(m.group(1), 0))
        return day.isoformat() + clock, kind, "anaphoric-day"
    return None


def _weekday(t: str, base: date, refs: Anchors, clock: str) -> Result | None:
    """Weekdays: "Saturday", "last Sunday", "next Tuesday", "Friday night", "noon Thursday"."""
    m = re.search(
        r"(?:\b(this\s+coming|this\s+past|last|next|this|coming|past|previous|the\s+previous|the\s+following|"
        rf"the\s+next|following)\s+)?\b({_WD})\b",
        t,
    )
    if not m:
        return None
    rel, wd = m.group(1), WEEKDAYS.index(m.group(2))
    if rel in ("last", "past", "previous", "the previous", "this past"):
        mode = "before"
    elif rel in ("next", "the next", "the following", "following"):
        mode = "after"
    elif rel in ("coming", "this coming") or refs.tense in ("future", "present"):
        mode = "future"
    else:
        mode = "past"
    # "the following Monday" counts from the day the story is on, not from today.
    anchor = refs.day if rel and rel.startswith("the ") and refs.day else base
    return cal.weekday(anchor, wd, mode).isoformat() + clock, "time" if clock else "date", f"weekday-{mode}"


def _unit(rel: str, unit: str, base: date, refs: Anchors, t: str) -> Result | None:
    """Units: "this week", "last month", "next year", "the weekend", "that year", "the latest quarter"."""
    step = {"last": -1, "previous": -1, "preceding": -1, "prior": -1, "next": 1, "coming": 1, "following": 1}
    shift = step.get(rel, 0)
    # "the following year" and "that year" move from the story's own time, not from today.
    anaphoric = rel in ("following", "preceding", "prior", "that", "same") or (rel == "previous" and unit != "quarter")
    if unit in ("week", "weekend"):
        anchor = refs.day if anaphoric and refs.day else base
        if unit == "week":
            return cal.iso_week(anchor + timedelta(weeks=shift)), "date", f"{rel}-week"
        if rel == "the" or (rel == "this" and anchor.weekday() < 5):
            # "the weekend" just past, or the coming one in a future clause or as "this weekend".
            sat = cal.weekday(anchor, 5, "future" if refs.tense == "future" or rel == "this" else "past")
        else:
            sat = cal.weekday(anchor, 5, "past") + timedelta(weeks=shift)
        return cal.iso_week(sat) + "-WE", "date", f"{rel}-weekend"
    if unit == "month":
        y, mo = refs.month if anaphoric and refs.month else (base.year, base.month)
        y, mo = cal.shift_month(y, mo, shift)
        return f"{y:04d}-{mo:02d}", "date", f"{rel}-month"
    if unit == "year":
        year = (refs.year if anaphoric and refs.year else base.year) + shift
        return f"{year:04d}", "date", f"{rel}-year"
    if unit in ("quarter", "period"):
        y, q = refs.quarter or cal.reported_quarter(base)
        if rel in ("this", "current") and refs.quarter is None:
            y, q = cal.quarter_of(base)
        y, q = cal.shift_quarter(y, q, shift)
        return f"{y}-Q{q}", "date", f"{rel}-quarter"
    if unit == "decade":
        return f"{base.year // 10 + shift:03d}", "date", f"{rel}-decade"
    return f"{base.year // 100 + shift:02d}", "date", f"{rel}-century"


def _season(t: str, base: date, refs: Anchors) -> Result | None:
    m = re.fullmatch(
        r"(?:the\s+)?(?:(this\s+past|this\s+coming|this|last|next|that|early|late|mid)[\s-]+)?(?:the\s+)?"
        r"(?:(?:early|late|mid)[\s-]+)?(spring|summer|fall|autumn|winter)",
        t,
    )
    if not m:
        return None
    rel, code = m.group(1), SEASONS[m.group(2)]
    if rel in ("last", "this past"):
        return cal.season(base, code, "before"), "date", "season-last"
    if rel == "this":
        return f"{base.year}-{code}", "date", "season-this"
    if rel in ("next", "this coming") or refs.tense == "future":
        return cal.season(base, code, "future"), "date", "season-next"
    return cal.season(base, code, "past"), "date", "season"


def _quarter(t: str, base: date, refs: Anchors) -> Result | None:
    """Quarters: "the third quarter", "third-quarter", "Q3", "the year-ago quarter", "the latest period"."""
    back = re.search(r"year-(?:ago|earlier)|(?:last|previous)\s+year|a\s+year\s+(?:ago|earlier)", t)
    shift = -1 if back else 1 if re.search(r"next\s+year", t) else 0
    rule = "quarter" if shift == 0 else "quarter-shifted"
    m = re.search(rf"\b({'|'.join(_QORD)}|last)[\s-]+(?:fiscal[\s-]+)?(quarter|half|period)\b", t)
    code = re.search(r"\bq([1-4])\b|\b([1-4])q\b", t)
    if m or code:
        if m:
            word, part = m.group(1), "quarter" if m.group(2) == "period" else m.group(2)
        else:
            digit = code.group(1) or code.group(2)  # type: ignore[union-attr]
            word, part = ("1st", "2nd", "3rd", "4th")[int(digit) - 1], "quarter"
        if word == "last" and part == "quarter":
            y, q = refs.quarter or cal.reported_quarter(base)
            return f"{y + shift}-Q{q}", "date", rule
        q = _QORD.get(word, 4)
        if shift and refs.quarter:
            year = refs.quarter[0] + shift
        elif re.search(r"this\s+year", t):
            year = base.year
        else:
            year = cal.quarter_year(base, q, refs.tense) + shift
        return _part(year, word, part), "date", rule
    if re.search(r"\b(?:quarter|period)\b", t):
        y, q = refs.quarter or cal.reported_quarter(base)
        if not back and re.search(r"\b(?:previous|prior|preceding)\b", t):
            y, q = cal.shift_quarter(y, q, -1)
        return f"{y + shift}-Q{q}", "date", "quarter-ref" if shift == 0 else rule
    return None


# ---------------------------------------------------------------- the entry


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
    return t, ("future" if "for" in words and starts_with_day(t) else None)


def starts_with_day(t: str) -> bool:
    """True when lower-cased ``t`` opens with a day: "saturday", "sept. 3", "tomorrow".

    "a summit for Saturday" is the coming Saturday; "for the past 26 years" is no day at all.
    """
    return bool(re.match(rf"{_WD}|{_MON}\s+\d|tomorrow|tonight", t))


def normalise(
    text: str, base: date | None, *, tense: str | None = None, refs: Anchors | None = None, hint: str | None = None
) -> Result:
    """(TimeML value or None, kind, rule) for one expression.

    ``base`` is the publication date; without one, expressions that need it
    get ``None`` rather than a guess. ``tense`` is the tense of the clause the
    expression belongs to ("past", "future", "present"); ``refs`` what the
    story said before it; ``hint`` is "set" for a rate ("$5 a day") and
    "stretch" for a unit the next words bound ("the year ended June 30").
    """
    refs = refs or Anchors()
    t, cue = _clean(text)
    if cue is not None or tense is not None or hint == "stretch":
        settled = cue is not None or tense == SETTLED_PAST
        tense = "past" if tense == SETTLED_PAST else tense
        refs = replace(refs, tense=cue or tense or refs.tense, stretch=hint == "stretch", settled=settled)
    if not t:
        return None, "date", "empty"
    for value, pattern in _REFS.items():
        if pattern.fullmatch(t):
            return value, "date", value.lower()
    found = _set(t, hint) or _durations(t, base, refs) or _absolute(t, base, refs)
    if found:
        return found
    if base is None:
        return None, "date", "relative-no-base"
    return _relative(t, base, refs) or _dateparser(t, base, refs.tense)


def _dateparser(t: str, base: date, tense: str | None) -> Result:
    """Last resort for a form no rule knows, and only when it names a calendar word."""
    if not re.search(rf"\b{_MON}|\b{_WD}\b|\b{_YEAR}\b", t):
        return None, "date", "unparsed"
    from datetime import datetime

    import dateparser  # lazily: ~0.3 s to load its language data, and rarely needed

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if tense == "future" else "past",
    }
    parsed = dateparser.parse(t, languages=["en"], settings=settings)
    if parsed is None:
        return None, "date", "unparsed"
    if re.search(rf"\d{{1,2}}(?!\d)|\b{_WD}\b", re.sub(r"\d{4}", "", t)):
        return parsed.date().isoformat(), "date", "dateparser"
    if re.search(rf"\b{_MON}", t):
        return f"{parsed.year:04d}-{parsed.month:02d}", "date", "dateparser"
    return f"{parsed.year:04d}", "date", "dateparser"
