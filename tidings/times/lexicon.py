"""Words and regex fragments the time stage is built from.

Month and weekday names are matched case-sensitively (``(?-i:...)``): in news
"May", "March" and "Sun" are also a verb, a noun and a newspaper, and a
lower-case "may" is never the month.
"""

from __future__ import annotations

import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS: dict[str, int] = {name: i + 1 for i, names in enumerate(_MONTH_NAMES) for name in names}

# TimeML season codes; the month a season starts in, for "last summer" arithmetic.
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PART_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}

UNITS = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "Y",
    "century": "Y",
}
UNIT_SCALE = {"decade": 10, "century": 100, "fortnight": 2}

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
}
_ORD_TENS = {"twenty": 20, "thirty": 30}

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_SMALL)} | _TENS
# Quantities TimeML writes as X ("several months" -> PXM).
VAGUE = frozenset(
    {"several", "few", "a few", "many", "some", "a number of", "numerous", "recent", "coming"}
    | {"dozens of", "hundreds of", "thousands of"}
)


def words(text: str) -> frozenset[str]:
    """A set of words written as one string, so long word lists stay readable."""
    return frozenset(text.split())


# ---------------------------------------------------------------- regex parts


def _cased(words: list[str]) -> str:
    """An alternation matching each word Capitalised or in CAPITALS, never lower case."""
    forms = sorted({f for w in words for f in (w.capitalize(), w.upper())}, key=len, reverse=True)
    return "(?-i:" + "|".join(forms) + ")"


WD = _cased(list(WEEKDAYS))
# A month spelt out; abbreviations only with their dot ("Aug.") or before a day.
MON_FULL = _cased([names[0] for names in _MONTH_NAMES])
_ABBR = _cased([a for names in _MONTH_NAMES for a in names[1:]])
MON = rf"(?:{MON_FULL}|{_ABBR}\.)"
MON_BEFORE_DAY = rf"(?:{MON_FULL}|{_ABBR}\.?)"
_NUMW = "|".join(sorted([*NUMBER_WORDS, "hundred", "thousand", "dozen"], key=len, reverse=True))
NUM_WORD = rf"(?:{_NUMW})(?:[\s-]+(?:and\s+)?(?:{_NUMW}))*"
ORD_WORD = "(?:" + "|".join(sorted([*ORDINALS, "twenty-first", "thirty-first"], key=len, reverse=True)) + ")"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
DAY_ANY = rf"(?:{DAY}|(?:twenty[\s-]|thirty[\s-])?{ORD_WORD})"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d,.]\d)"
SPOKEN_YEAR = (
    r"(?:nineteen[\s-]+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|hundred)|two\s+thousand(?:\s+and)?(?:[\s-]+(?:one|two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)"
)
NUM = (
    rf"(?:\d+(?:[.,]\d+)?(?:\s+\d/\d)?|{NUM_WORD}(?:\s+and\s+a\s+half)?|a\s+few|a\s+couple\s+of|a\s+half|"
    r"half\s+an?|an?|several|few|many|some|a\s+number\s+of|numerous|dozens\s+of|hundreds\s+of)"
)
UNIT = r"(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|centur(?:y|ie))"
PART = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"


def number(text: str) -> float | None:
    """The value of a number written in digits or words ("26", "twenty-six", "5 1/2"); None if vague."""
    t = " ".join(text.lower().replace("-", " ").split())
    if not t:
        return None
    m = re.fullmatch(r"(\d+(?:\.\d+)?)(?:\s+(\d)/(\d))?", t.replace(",", ""))
    if m:
        value = float(m.group(1))
        if m.group(2):
            value += int(m.group(2)) / int(m.group(3))
        return value
    if t in ("a", "an", "one"):
        return 1.0
    if t in ("a half", "half a", "half an", "half"):
        return 0.5
    if t in ("a couple of", "couple of", "a couple"):
        return 2.0
    half = t.endswith(" and a half")
    if half:
        t = t[: -len(" and a half")]
    total, current = 0, 0
    for word in t.split():
        if word == "and":
            continue
        if word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif word == "dozen":
            current = max(current, 1) * 12
        else:
            return None
    return total + current + (0.5 if half else 0.0)


def ordinal(text: str) -> int | None:
    """An ordinal's value: "3rd", "third", "twenty-first" -> 3, 3, 21."""
    t = text.lower().replace("-", " ").strip()
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", t)
    if m:
        return int(m.group(1))
    parts = t.split()
    if len(parts) == 2 and parts[0] in _ORD_TENS and parts[1] in ORDINALS:
        return _ORD_TENS[parts[0]] + ORDINALS[parts[1]]
    return ORDINALS.get(t)


def spoken_year(text: str) -> int | None:
    """A year in words: "nineteen ninety-six" -> 1996, "two thousand" -> 2000."""
    t = text.lower().replace("-", " ").split()
    if not t:
        return None
    if t[0] == "nineteen":
        if t[1:] == ["hundred"]:
            return 1900
        rest = number(" ".join(t[1:]))
        return 1900 + int(rest) if rest is not None and rest < 100 else None
    if t[:2] == ["two", "thousand"]:
        after = number(" ".join(w for w in t[2:] if w != "and")) if len(t) > 2 else 0.0
        return 2000 + int(after) if after is not None else None
    return None
