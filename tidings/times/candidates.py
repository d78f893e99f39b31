"""Find time expressions in text: a regex grammar first, spaCy's DATE/TIME entities as a fallback.

The grammar knows where an expression ends, which spaCy often does not: it
merges "Saturday after weeks" into one DATE, joins "the third quarter ended
Sept. 30" into one, tags ages ("Smith, 49,") as dates and misses "now",
"recently" and "daily". So a spaCy entity is used only where the grammar found
nothing inside it, and only when it has a temporal word at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tidings.times.lexicon import (
    DAY,
    DAY_ANY,
    MON,
    MON_BEFORE_DAY,
    MON_FULL,
    NUM,
    NUM_WORD,
    ORD_WORD,
    PART,
    SEASON,
    SPOKEN_YEAR,
    UNIT,
    WD,
    YEAR,
)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    norm: str | None = None  # text to normalise instead of the span's own ("April 24 and 25" -> "April 25")
    hint: str | None = None  # "set" for a rate ("$5 a day"), "stretch" for "the year (ended June 30)"
    source: str = "grammar"


_MOD = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)"
_REL = r"(?:this\s+past|this\s+coming|last|next|this|coming|past|previous|current|following|preceding|prior|same)"
_ZONE = r"(?:\s*\(?(?:[ECMP][SD]T|GMT|UTC|BST|CET|local\s+time)\)?)"
_CLOCK = (
    r"(?:\d{1,2}(?::\d{2})?\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|\d{1,2}:\d{2}(?=\s*(?:GMT|UTC|[ECMP][SD]T|local\s+time)\b)|"
    r"[0-2]\d[0-5]\d(?=\s+(?:GMT|UTC)\b)|noon|midnight|midday|\d{1,2}\s+in\s+the\s+(?:morning|afternoon|evening))"
)
_DAYREF = rf"(?:{WD}|today|yesterday|tomorrow|{MON_BEFORE_DAY}\s+{DAY})"
_QORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|current|year-ago|year-earlier)"
_HOLIDAY = (
    r"(?-i:Thanksgiving(?:\s+Day)?|Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|"
    r"Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Halloween|Independence\s+Day|Labor\s+Day|Memorial\s+Day|"
    r"Valentine's\s+Day|Election\s+Day|Boxing\s+Day|Veterans\s+Day)(?!\s+(?-i:[A-Z]))"  # not "Easter Island"
)

_EDGE = r"(?:the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of|the\s+rest\s+of)"
_FRINGE = r"(?:early|late|mid)[\s-]+"
_YEAR_REL = r"(?:this|last|next)\s+year"
_STEP = r"(?:this\s+coming|this\s+past|last|next|this|coming|past|previous|the\s+previous|the\s+following)"

# Order matters only for ties: on equal spans the earlier pattern wins.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?\b"),
    ("numeric", r"\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b"),
    (
        "time",
        rf"\b(?:(?:about|around|approximately|shortly\s+(?:before|after))\s+)?"
        rf"(?:{_CLOCK}|{_FRINGE}?(?:morning|afternoon|evening)){_ZONE}?"
        rf"(?:,?\s+(?:on\s+)?{_DAYREF}(?:\s+{PART})?(?:,?\s+{YEAR})?)?",
    ),
    (
        "month-day",
        rf"(?:\b{WD},?\s+)?(?:\b{_MOD}\s+)?\b{MON_BEFORE_DAY}\s+(?:the\s+)?{DAY_ANY}\b"
        rf"(?:,?\s+(?:{YEAR}|{SPOKEN_YEAR}|{_YEAR_REL})\b)?",
    ),
    # "on the 20th": a day of the month the story is in; not "the 20th anniversary".
    ("day-alone", r"\bthe\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b(?=\s*(?:[.,;:)]|$|and\b|or\b))"),
    ("day-month", rf"(?:\b{WD},?\s+)?\b(?:the\s+)?{DAY_ANY}\s+(?:of\s+)?{MON_BEFORE_DAY}\b(?:,?\s+{YEAR}\b)?"),
    ("month-year", rf"(?:\b{_MOD}[\s-]+)?\b{MON}\s+(?:of\s+)?(?:{YEAR}|{SPOKEN_YEAR}|{_YEAR_REL})\b"),
    ("month", rf"(?:\b(?:{_REL}|{_MOD})\s+|\bmid-|\blate-|\bearly-)?\b{MON}(?!\s*\d)(?:'s)?"),
    ("decade", rf"(?:\bthe\s+)?(?:\b{_FRINGE})?(?:\b(?:1[5-9]|20)\d0'?s\b|'\d0s\b)"),
    (
        "decade-word",
        rf"\bthe\s+(?:{_FRINGE})?(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
    ),
    ("century", rf"\b(?:the\s+)?(?:{_FRINGE})?(?:\d{{1,2}}(?:st|nd|rd|th)|{ORD_WORD}|twenty-first)[\s-]+century\b"),
    ("spoken-year", rf"\b(?:the\s+year\s+)?{SPOKEN_YEAR}\b"),
    ("year", rf"(?:\b(?:{_MOD}|fiscal|calendar)[\s-]+)*(?:\bmid-)?\b{YEAR}\b(?!\s*%|-\d|\s*(?:GMT|UTC)\b)"),
    (
        "quarter",
        rf"\b(?:(?:the|a|its|their|this|that|his|her)\s+)?(?:(?:{YEAR}|{_YEAR_REL}'s|fiscal|same|comparable|"
        r"corresponding|previous|prior|seasonally\s+slow|flat|strong|weak|year-ago|year-earlier|latest|current)[\s-]+)*"
        rf"(?:{_QORD}|{YEAR}|{_YEAR_REL}'s)[\s-]+(?:fiscal[\s-]+)?(?:quarter|half|period)\b(?!-)"
        rf"(?:\s+of\s+(?:(?:fiscal\s+)?{YEAR}|{_YEAR_REL}|the\s+year))?"
        r"(?:\s+(?:last\s+year|a\s+year\s+(?:ago|earlier)))?",
    ),
    ("quarter-code", rf"(?-i:\bQ[1-4]\b|\b[1-4]Q\b)(?:\s+{YEAR})?"),
    (
        "day-word",
        rf"\b(?:(?:late|early|earlier|later|mid)[\s-]+)?(?:the\s+day\s+(?:before|after)\s+)?"
        rf"(?:yesterday|today|tonight|tomorrow)(?:\s+{PART})?\b",
    ),
    ("part-of-day", rf"\b(?:(?:earlier|later|early|late)\s+)?(?:this|last)\s+{PART}\b"),
    ("weekday", rf"(?:\b(?:{_STEP}|early|late|earlier|later)\s+)?\b{WD}(?:'s)?(?:\s+{PART}s?)?\b"),
    (
        "unit",
        rf"(?:\b(?:early|late|earlier|later|mid|{_EDGE}|the\s+remainder\s+of)[\s-]+)?(?:\bthe\s+)?\b{_REL}\s+"
        r"(?:fiscal\s+|calendar\s+)?(?:week|weekend|month|year|quarter|decade|century)\b(?!-)(?:'s)?",
    ),
    (
        "the-unit",
        rf"(?:\b{_EDGE}\s+)?\b(?:the|that)\s+(?:fiscal\s+|calendar\s+|full\s+)?(?:week|weekend|month|year|quarter)\b"
        r"(?!-|\s+(?:of|to|in)\s+(?:a|an|the|its|their|his|her)\b)(?:'s)?",
    ),
    ("year-end", r"\b(?:year-end|year's\s+end)\b"),
    (
        "season",
        rf"(?:\b(?:this\s+past|this\s+coming|this|last|next|the|that|early|late|mid)[\s-]+)(?:{_FRINGE})?{SEASON}\b"
        rf"(?:\s+(?:of\s+)?(?:{YEAR}|{SPOKEN_YEAR}))?(?!\s+(?:in|of|to|from|on)\b)|"
        rf"\b{SEASON}\s+(?:of\s+)?{YEAR}\b|\b{YEAR}\s+{SEASON}\b",
    ),
    (
        "rate",
        # An amount, or a count of things: "$500 a month", "60 hours a week", "four flights a week".
        rf"(?:\d|%|\b(?:million|billion|trillion|thousand|hundred|percent|{NUM_WORD}))(?:\s+[a-z]+s)?\s+"
        r"(?P<x>(?:a|per)\s+(?:day|week|month|year))\b",
    ),
    (
        "duration",
        r"\b(?:(?:at\s+least|more\s+than|less\s+than|fewer\s+than|nearly|almost|about|around|roughly|approximately|"
        r"some|up\s+to|only|just|another)\s+)?(?:the\s+)?(?:(?:past|last|next|previous|coming|first|final|latest|"
        rf"following|remaining|additional|year-earlier|same|entire|full|whole|initial)\s+)*{NUM}"
        rf"(?:\s+(?:to|or|-)\s+{NUM})?\s+(?:(?:more|additional|consecutive|straight|full|long|extra|successive)\s+)?"
        rf"{UNIT}s?\b(?!-)(?:\s+and\s+a\s+half)?(?:\s+or\s+so)?(?:\s+(?:ago|earlier|later|from\s+now|hence))?",
    ),
    (
        "duration-adj",
        rf"\b(?:\d+(?:\.\d+)?|{NUM_WORD}|half)-(?:and-a-half-)?(?!quarters)(?:{UNIT})s?(?:-long)?\b(?!-old|-century)|"
        r"\b(?:day|week|month|year|decade|hour)s?-long\b",
    ),
    (
        "vague",
        r"\b(?:recent|coming)\s+(?:days|weeks|months|years|quarters|decades)"
        r"(?:\s+and\s+(?:days|weeks|months|years))?\b|"
        r"\bthe\s+(?:past|last|next|coming)\s+(?:few|several)\s+(?:days|weeks|months|years|decades)\b",
    ),
    (
        "ref",
        r"\b(?:(?:right|just)\s+now|now|currently|(?:until|more|most)\s+recently|recently|lately|at\s+present|"
        r"presently|"
        r"nowadays|these\s+days|the\s+(?:near\s+|distant\s+|foreseeable\s+|immediate\s+)?future|"
        r"the\s+(?:near|short|long)\s+term|the\s+past)\b(?!-)",
    ),
    ("ref-adj", r"\b(?:current|recent)\b(?=\s+[a-z])"),
    (
        "set",
        r"\b(?:daily|weekly|biweekly|monthly|annually|yearly|nightly|hourly|semiannually)\b|"
        rf"\b(?:twice|once|(?:{NUM}|several)\s+times)\s+(?:a|an|per|each|every)\s+{UNIT}\b|"
        rf"\b(?:every|each)\s+(?:other\s+)?(?:(?:{NUM})\s+)?(?:{UNIT}s?|{PART})\b|"
        rf"\b(?:every|each)\s+(?:{WD}|{MON_FULL})\b|\b{WD}s\b(?:\s+{PART}s)?",
    ),
    ("holiday", rf"(?:\b(?:last|next|this)\s+)?\b{_HOLIDAY}(?:\s+week)?\b"),
    (
        "anaphoric",
        r"\b(?:(?:earlier|later)\s+)?(?:the\s+same|that\s+same|the\s+next|the\s+following|the\s+previous|"
        rf"the\s+preceding)\s+(?:day|{PART})\b|\b(?:earlier|later)\s+that\s+day\b",
    ),
]
_COMPILED = [(name, re.compile(p, re.IGNORECASE)) for name, p in _PATTERNS]

# A year stands alone before these words ("in 1987 when"), but "1987 Chevrolet" or "2000 people" is no year.
_YEAR_NEXT_OK = re.compile(
    r"\s*(?:$|[^\w\s]|(?:and|or|to|through|until|when|after|before|as|with|was|were|is|has|had|saw|but|while|"
    r"because|for|in|on|at|by|that|the|a|an|it|he|she|they|we|i|there|this|its|their|his|her|compared|against|"
    r"versus|vs|levels?|figures?|results?|elections?|season|period|quarter|budget|census|levels)\b|[A-Z])"
)
_YEAR_PREV_OK = re.compile(
    r"(?:\b(?:in|since|by|of|until|till|from|before|after|during|through|to|and|or|between|fiscal|calendar|year|"
    r"early|late|mid|the|around|circa|about|spring|summer|fall|autumn|winter|end|beginning|start|middle|than|"
    r"for|as|at|on|'s|'|its|his|her|their|our|that|a|an|this)|[,(-])\s*$",
    re.IGNORECASE,
)
_STRETCH = re.compile(r"\s+(?:ended|ending|to|through)\s+(?:[A-Z]|\d)")
_MONTH_PREV_OK = re.compile(
    r"\b(?:in|since|by|until|till|from|through|of|during|before|after|early|late|mid|last|next|this|and|or|to)\s+$",
    re.IGNORECASE,
)
_AGE = re.compile(r"\b(?:years?|months?)[\s-]+old\b|-(?:year|month|week|day)s?-old\b", re.IGNORECASE)
# spaCy entities kept only when they hold one of these.
_TEMPORAL = re.compile(
    rf"\b(?:{WD}|{MON_FULL}|{MON_BEFORE_DAY}\s*\d|{YEAR}|{UNIT}s?|{SEASON}|ago|today|tonight|tomorrow|yesterday|"
    r"now|recent(?:ly)?|current(?:ly)?|future|past|daily|weekly|monthly|annual(?:ly)?|morning|afternoon|evening|"
    r"night|noon|midnight|holidays?|eve|\d{1,2}:\d\d|[ap]\.m\.)\b|'\d0s|\d0s\b",
    re.IGNORECASE,
)


def _keep(name: str, text: str, m: re.Match[str]) -> bool:
    """Checks a regex cannot express on its own."""
    s = m.group(0)
    if name == "year":
        before = text[max(0, m.start() - 20) : m.start()]
        if before.endswith(("$", "#", "No. ", "no. ")) or re.search(r"\d[.,]?$", before):
            return False
        if not re.search(r"^\D", s) and not _YEAR_PREV_OK.search(before) and not _YEAR_NEXT_OK.match(text, m.end()):
            return False
    if name == "spoken-year" and "thousand" in s.lower():
        # "two thousand troops" is a number; "the year two thousand" or "in two thousand." a year.
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if not s.lower().startswith("the year") and not (
            re.search(r"\b(?:in|since|by|until)\s+$", before) and not re.match(r"\s+[a-z]", text[m.end() :])
        ):
            return False
    # A bare "May" or "March" is a name or a verb unless a temporal word stands before it.
    if name == "month" and re.fullmatch(r"(?:May|March|MAY|MARCH)(?:'s)?", s):
        before = text[max(0, m.start() - 12) : m.start()]
        if not _MONTH_PREV_OK.search(before):
            return False
    if name == "duration" and re.match(r"(?:an?|one)\s+second\b", s, re.I):
        return False  # "a second group" is an ordinal
    if name == "duration" and (
        _AGE.search(text, m.end() - 1, m.end() + 8) or re.match(r"[\s-]+old\b", text[m.end() :])
    ):
        return False
    if name in ("duration", "unit", "the-unit") and re.match(r"'s\s+(?:worth|time)\b", text[m.end() :]):
        return False
    return not (
        name == "ref"
        and s.lower() == "the past"
        and re.match(r"\s+(?:\d|[a-z]+\s+(?:years?|months?))", text[m.end() :])
    )


# Every expression holds one of these; the patterns run only near them, which is most of their cost saved.
_TRIGGER = re.compile(
    r"\b(?:1[5-9]|20)\d\d|\d0s\b|\d(?:st|nd|rd|th)\b|\d\s*(?:[ap]\.?m\b|:\d\d)|\d/\d|"
    r"\b[0-2]\d[0-5]\d\s+(?:gmt|utc)|\b(?:q[1-4]|[1-4]q)\b|"
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)days?)\b|\b(?:jan|feb|mar|apr|aug|sept?|oct|"
    r"nov|dec)\.|\b(?:day|week|month|year|quarter|half|period|decade|centur|hour|minute|second|fortnight|spring|summer|"
    r"fall|autumn|winter|now|current|recent|lately|present|future|past|today|tonight|tomorrow|yesterday|daily|nightly|"
    r"weekly|biweekly|monthly|annual|yearly|hourly|semiannual|every|each|twice|once|morning|afternoon|evening|night|"
    r"noon|midnight|midday|christmas|easter|thanksgiving|halloween|new year|good friday|labor|memorial|independence|"
    r"valentine|election|veterans|boxing|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|"
    r"nineteen|thousand|term|ago)",
    re.IGNORECASE,
)
# How far an expression runs before its first trigger word ("at least the past twenty-six years") and
# after its last ("Friday's", "or so ago").
_BEFORE, _AFTER = 40, 25


# The trigger words are all lower case, and a case-blind regex is slow over a whole article: it is
# run case-sensitively on the lower-cased text, which finds the same spans, unless the text holds a
# letter that lower-casing lengthens ("İ") or that the case-blind match takes for an ASCII letter
# but ``str.lower`` keeps ("ı" for "i", "ſ" for "s").
_TRIGGER_LOWER = re.compile(_TRIGGER.pattern)
_CASE_ODD = re.compile("[\u0130\u0131\u017f]")


def _triggers(text: str) -> Iterable[re.Match[str]]:
    """The trigger matches of ``text`` (their spans; their text may be lower-cased)."""
    if _CASE_ODD.search(text):
        return _TRIGGER.finditer(text)
    return _TRIGGER_LOWER.finditer(text.lower())


def _windows(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _triggers(text):
        start, end = max(0, m.start() - _BEFORE), min(len(text), m.end() + _AFTER)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def grammar(text: str) -> list[Candidate]:
    """Every expression the grammar finds, longest first where two overlap."""
    found: list[tuple[int, int, int, Candidate]] = []
    windows = _windows(text)
    for rank, (name, pattern) in enumerate(_COMPILED):
        for m in (m for start, end in windows for m in pattern.finditer(text, start, end)):
            if not m.group(0) or not _keep(name, text, m):
                continue
            cand = _candidate(name, text, m)
            found.append((cand.start, cand.end, rank, cand))
    found.extend(_other_days(text))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for start, end, _rank, cand in sorted(found, key=lambda f: (-(f[1] - f[0]), f[2], f[0])):
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        chosen.append(_trim(text, cand))
    return sorted(chosen, key=lambda c: c.start)


def _candidate(name: str, text: str, m: re.Match[str]) -> Candidate:
    if name == "rate":  # "400 tons a day": the rate is "a day"
        return Candidate(m.start("x"), m.end("x"), hint="set", source=name)
    # "the year ended June 30", "the year to March": twelve months, not this year. ("The quarter
    # ended Sept. 30" is still a calendar quarter.)
    stretch = name == "the-unit" and m.group(0).lower().endswith("year") and _STRETCH.match(text, m.end())
    return Candidate(m.start(), m.end(), hint="stretch" if stretch else None, source=name)


_LINK = r"\s*(?:,|and|to|through|-|–|or)\s*(?:and\s+)?"
_SECOND_DAY = re.compile(rf"\b({MON_BEFORE_DAY})\s+{DAY}{_LINK}({DAY})\b(?!\s*(?:{MON_BEFORE_DAY}|%))")
_FIRST_DAY = re.compile(rf"(?<![\d.,$])\b({DAY}){_LINK}{DAY}\s+({MON_BEFORE_DAY})\b")


def _other_days(text: str) -> Iterable[tuple[int, int, int, Candidate]]:
    """The bare day of "April 24 and 25" or "1 to 3 March": an expression of its own, in the month beside it."""
    for m in _SECOND_DAY.finditer(text):
        start, end = m.start(2), m.end(2)
        yield start, end, -1, Candidate(start, end, norm=f"{m.group(1)} {m.group(2)}", source="other-day")
    for m in _FIRST_DAY.finditer(text):
        start, end = m.start(1), m.end(1)
        yield start, end, -1, Candidate(start, end, norm=f"{m.group(2)} {m.group(1)}", source="other-day")


def _trim(text: str, cand: Candidate) -> Candidate:
    """Drop trailing spaces and punctuation a pattern took in ("Friday, Oct. 23," -> "Friday, Oct. 23")."""
    start, end = cand.start, cand.end
    while end > start and text[end - 1] in " ,;:":
        end -= 1
    return Candidate(start, end, cand.norm, cand.hint, cand.source)


# spaCy DATE/TIME entities too vague or too often something else to keep: numbers (ages), a bare
# part of the day ("Good evening"), "annual", "the day", "days".
_VAGUE_ENT = re.compile(
    r"[\d\s,.'-]+|(?:the\s+|this\s+|that\s+)?(?:(?:first|same|great|whole|following)\s+)?"
    r"(?:morning|afternoon|evening|night|noon|midnight|annual|day|days|minutes|seconds)"
    r"(?:\s+of)?",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"(?:(?:on|in|at|by|of|from|since|until|till|to|through|during|for|between|around|about)\s+)+", re.I
)


def from_entities(text: str, ents: Iterable[tuple[int, int]], found: list[Candidate]) -> list[Candidate]:
    """spaCy entities the grammar missed, with leading prepositions cut and ages left out."""
    out: list[Candidate] = []
    for start, end in ents:
        if any(c.start < end and start < c.end for c in found):
            continue
        span = text[start:end]
        if not _TEMPORAL.search(span) or _AGE.search(span) or _VAGUE_ENT.fullmatch(span):
            continue
        lead = _LEADING.match(span)
        if lead and lead.end() < len(span):
            start += lead.end()
        out.append(Candidate(start, end, source="spacy"))
    return out
