"""Time stage: find date expressions and normalise them against the publication date.

News writes dates relative to the day it appears ("on Friday", "last
Sunday", "earlier this month"), so the publication date is the anchor. Rules
here cover what dateparser gets wrong in news: a weekday equal to the
publication weekday means that very day, "last Sunday" in a Sunday paper is a
week back, a weekday in a future clause ("will meet on Thursday") is the coming
one, and "the past 26 years" is a duration (P26Y), not a date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tidings.model import Article, TimeExpr
from tidings.syntax import clause_head

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
NUMBER_WORDS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100})
UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "Y", "century": "Y", "hour": "H", "minute": "M"}
FUTURE_WORDS = {"will", "shall", "'ll", "schedule", "plan", "due", "expect", "upcoming", "set", "intend", "aim"}

_WD = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
# Expressions spaCy's DATE entity often misses or cuts short.
CANDIDATE_RE = re.compile(
    rf"""\b(?:
        (?:(?:last|next|this|coming|past)\s+)?{_WD}(?:\s+(?:morning|afternoon|evening|night))?
      | (?:the\s+day\s+before\s+)?yesterday | today | tonight | tomorrow
      | (?:(?:earlier|later)\s+)?(?:this|last|next|past)\s+(?:week|month|year|weekend)
      | {_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?
      | \d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+\d{{4}})?
      | \d{{4}}-\d{{2}}-\d{{2}}
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
DURATION_RE = re.compile(
    r"^(?:(?:for|over|during|in)\s+)?(?:the\s+)?(?:(?:past|last|next|previous|coming|first)\s+)?"
    r"(?P<n>\d+|[a-z]+(?:-[a-z]+)?)\s+(?P<unit>year|month|week|day|decade|centur(?:y|ie)|hour|minute)s?$",
    re.IGNORECASE,
)


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    if "-" in word:  # twenty-six
        parts = [NUMBER_WORDS.get(p) for p in word.split("-")]
        if all(p is not None for p in parts):
            return sum(p for p in parts if p is not None)
        return None
    return NUMBER_WORDS.get(word)


def _weekday(base: date, wd: int, *, mode: str) -> date:
    """mode 'past': latest wd <= base; 'last': latest wd < base; 'future': earliest >= base; 'next': > base."""
    delta = (base.weekday() - wd) % 7
    if mode == "past":
        return base - timedelta(days=delta)
    if mode == "last":
        return base - timedelta(days=delta or 7)
    ahead = (wd - base.weekday()) % 7
    if mode == "future":
        return base + timedelta(days=ahead)
    return base + timedelta(days=ahead or 7)


def _month_shift(year: int, month: int, by: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + by
    return idx // 12, idx % 12 + 1


def _day_of_month(base: date, month: int, day: int, year: int | None, future: bool) -> str | None:
    if year is None:
        year = base.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        # News dates without a year are the nearest such day in the text's direction.
        if not future and candidate > base + timedelta(days=7):
            year -= 1
        elif future and candidate < base - timedelta(days=7):
            year += 1
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalise(text: str, base: date | None, *, future: bool = False) -> tuple[str | None, str, str]:
    """Return (ISO value or None, kind, rule) for one expression.

    ``base`` is the publication date; without one, relative expressions get
    ``None`` rather than a guess.
    """
    t = " ".join(text.lower().replace(",", " , ").split()).replace(" ,", ",")
    t = re.sub(r"^(?:on|in|at|by|since|from|until|till|during|of)\s+", "", t)
    t = re.sub(r"^the\s+(?=(?:past|last|next|previous|coming|first)\b)", "", t)

    m = DURATION_RE.match(t)
    if m and not re.match(r"^(?:last|next|this|past)\s+(?:year|month|week|day)s?$", t):
        n = _number(m.group("n"))
        unit = m.group("unit").lower()
        if n is not None:
            key = "century" if unit.startswith("centur") else unit
            n = n * 10 if key == "decade" else n * 100 if key == "century" else n
            prefix = "PT" if key in ("hour", "minute") else "P"
            return f"{prefix}{n}{UNIT[key]}", "duration", "duration"

    # Absolute forms first: they need no base.
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        return t, "date", "iso"
    m = re.search(r"\b(1[5-9]\d\d|20\d\d)s\b", t)
    if m and len(t) <= 12:
        return m.group(1)[:3], "date", "decade"
    m = re.fullmatch(rf"(?:early|mid|late|mid-)?\s*({_MON})?\s*(?:of\s+)?(\d{{4}})", t)
    if m and (m.group(1) or m.group(2)):
        year = int(m.group(2))
        if m.group(1):
            return f"{year:04d}-{MONTHS[m.group(1).rstrip('.')]:02d}", "date", "month-year"
        return f"{year:04d}", "date", "year"
    m = re.search(rf"\b({_MON})\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(\d{{4}}))?", t) or re.search(
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MON})(?:,?\s*(\d{{4}}))?", t
    )
    if m:
        a, b, y = m.group(1), m.group(2), m.group(3)
        mon, day = (a, b) if not a[0].isdigit() else (b, a)
        year = int(y) if y else None
        if year is None and base is None:
            return None, "date", "month-day-no-base"
        value = _day_of_month(base or date(year or 1, 1, 1), MONTHS[mon.rstrip(".")], int(day), year, future)
        return value, "date", "month-day"

    if base is None:
        return None, "date", "relative-no-base"

    if t in ("today", "tonight") or re.fullmatch(r"(?:this|earlier today|later today)\s*(?:morning|afternoon|evening)?", t):
        return base.isoformat(), "date", "today"
    if t == "yesterday":
        return (base - timedelta(days=1)).isoformat(), "date", "yesterday"
    if t == "the day before yesterday":
        return (base - timedelta(days=2)).isoformat(), "date", "yesterday"
    if t == "tomorrow":
        return (base + timedelta(days=1)).isoformat(), "date", "tomorrow"

    m = re.fullmatch(rf"(?:(last|next|this|coming|past)\s+)?({_WD})(?:\s+(?:morning|afternoon|evening|night))?", t)
    if m:
        rel, wd = m.group(1), WEEKDAYS.index(m.group(2))
        if rel in ("last", "past"):
            mode = "last"
        elif rel in ("next",):
            mode = "next"
        elif rel in ("coming",) or future:
            mode = "future"
        else:
            mode = "past"
        kind = "time" if re.search(r"morning|afternoon|evening|night", t) else "date"
        return _weekday(base, wd, mode=mode).isoformat(), kind, f"weekday-{mode}"

    m = re.fullmatch(r"(?:(earlier|later)\s+)?(this|last|next|past)\s+(week|weekend|month|year)", t)
    if m:
        rel, unit = m.group(2), m.group(3)
        shift = {"this": 0, "last": -1, "past": -1, "next": 1}[rel]
        if unit in ("week", "weekend"):
            y, w, _ = (base + timedelta(weeks=shift)).isocalendar()
            return f"{y}-W{w:02d}", "date", f"{rel}-week"
        if unit == "month":
            y, mo = _month_shift(base.year, base.month, shift)
            return f"{y:04d}-{mo:02d}", "date", f"{rel}-month"
        return f"{base.year + shift:04d}", "date", f"{rel}-year"

    m = re.fullmatch(rf"(?:early|mid|late|mid-)?\s*({_MON})", t)
    if m:
        month = MONTHS[m.group(1).rstrip(".")]
        year = base.year
        if not future and month > base.month:
            year -= 1
        elif future and month < base.month:
            year += 1
        return f"{year:04d}-{month:02d}", "date", "month"

    return _dateparser(text, base, future)


def _dateparser(text: str, base: date, future: bool) -> tuple[str | None, str, str]:
    import dateparser  # imported lazily: it costs ~0.3 s to load its language data

    from datetime import datetime

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": [],
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    if parsed is None:
        return None, "date", "unparsed"
    low = text.lower()
    if re.search(r"\d{1,2}(?!\d)", re.sub(r"\d{4}", "", low)) or re.search(_WD, low) or "day" in low:
        return parsed.date().isoformat(), "date", "dateparser"
    if any(re.search(rf"\b{m}\b", low) for m in MONTHS) or "month" in low:
        return f"{parsed.year:04d}-{parsed.month:02d}", "date", "dateparser"
    return f"{parsed.year:04d}", "date", "dateparser"


def _is_future(article: Article, start: int, end: int) -> bool:
    doc = article.doc
    if doc is None:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    head = clause_head(span.root)
    words = {t.lower_ for t in head.children} | {t.lemma_.lower() for t in head.children} | {head.lemma_.lower()}
    prev = doc[span.start - 1].lower_ if span.start > 0 else ""
    prev2 = doc[span.start - 2].lower_ if span.start > 1 else ""
    return bool(words & FUTURE_WORDS) or prev in ("until", "till", "by") and prev2 != "" or prev == "for" and prev2 in (
        "scheduled",
        "planned",
        "set",
        "due",
    )


# spaCy DATE entities that are no dates for an event coder.
_NOT_A_DATE = re.compile(r"^\d+(?:-| )?(?:year|month|week|day)s?-old$|^(?:annual|daily|weekly|monthly|yearly)$", re.I)


class TimeTagger:
    """Pipeline stage: sets ``article.times`` (needs ``doc`` and ``published``)."""

    name = "times"
    requires: tuple[str, ...] = ("doc", "published")
    assigns: tuple[str, ...] = ("times",)

    def __call__(self, article: Article) -> Article:
        base = date.fromisoformat(article.published) if article.published else None
        spans: list[tuple[int, int]] = []
        if article.doc is not None:
            for ent in article.doc.ents:
                if ent.label_ in ("DATE", "TIME") and not _NOT_A_DATE.match(ent.text):
                    spans.append((ent.start_char, ent.end_char))
        for m in CANDIDATE_RE.finditer(article.text):
            spans.append((m.start(), m.end()))
        times: list[TimeExpr] = []
        for start, end in _merge(spans):
            text = article.text[start:end]
            # Keep the expression, not a leading "on"/"the" spaCy sometimes includes.
            lead = re.match(r"(?:(?:on|in|the|of|by)\s+)+", text, re.I)
            if lead and lead.end() < len(text) and not re.match(r"the\s+(?:past|last|next)", text, re.I):
                start += lead.end()
                text = article.text[start:end]
            value, kind, rule = normalise(text, base, future=_is_future(article, start, end))
            times.append(TimeExpr(text=text, start=start, end=end, value=value, kind=kind, rule=rule))
        article.times = times
        if base is None and any(t.value is None for t in times):
            article.notes.append("no publication date: relative time expressions are left without a value")
        return article


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping candidate spans become their union, in text order."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
