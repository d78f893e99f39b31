"""Time stage: find time expressions and give each a TimeML value against the publication date.

News writes dates relative to the day it appears ("on Friday", "last
Sunday", "earlier this month"), so the publication date is the anchor. The
pieces: :mod:`.candidates` finds the expressions (a regex grammar, with
spaCy's DATE/TIME entities as a fallback), :mod:`.tense` reads the tense of
each one's clause, and :mod:`.values` turns the words into a value. The
stage walks the expressions in order so that "a year earlier" after "the
third quarter" and "the next day" after "Oct. 23" resolve against what the
story last said.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from tidings.model import Article, Context, TimeExpr
from tidings.times.candidates import from_entities, grammar
from tidings.times.tense import clause_tense
from tidings.times.values import SETTLED_PAST, Anchors, normalise, starts_with_day

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["NO_DATE_NOTE", "Anchors", "TimeTagger", "find_times", "normalise"]

NO_DATE_NOTE = "no publication date: relative time expressions are left without a value"
# How far (in characters) a quarter stays the story's reference for "a year earlier".
QUARTER_REACH = 400


def find_times(article: Article, doc: Doc | None = None) -> list[TimeExpr]:
    """The time expressions of ``article.text``, in text order, with their values (``doc``, the
    article's parse, adds the NER's dates and each clause's tense)."""
    text = article.text
    base = date.fromisoformat(article.published) if article.published else None
    cands = grammar(text)
    if doc is not None:
        ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]
        cands = sorted(cands + from_entities(text, ents, cands), key=lambda c: c.start)
    refs = Anchors(day_first=bool(_DAY_FIRST.search(text)))
    quarter_at = -QUARTER_REACH
    times: list[TimeExpr] = []
    for cand in cands:
        if cand.start - quarter_at > QUARTER_REACH:
            refs.quarter = None
        tense = _cue(text, cand.start, cand.end)
        if tense is None and doc is not None:
            tense = clause_tense(doc, cand.start, cand.end)
        words = text[cand.start : cand.end]
        value, kind, rule = normalise(cand.norm or words, base, tense=tense, refs=refs, hint=cand.hint)
        times.append(TimeExpr(text=words, start=cand.start, end=cand.end, value=value, kind=kind, rule=rule))
        if value is not None and kind in ("date", "time"):
            if rule in ("quarter", "quarter-year") and value[4:6] == "-Q":
                refs.quarter, quarter_at = (int(value[:4]), int(value[-1])), cand.start
            _remember(refs, value)
    return times


# A numeric date that can only be day first: the story writes them all so.
_DAY_FIRST = re.compile(r"\b(?:1[3-9]|2\d|3[01])[/.](?:0?[1-9]|1[0-2])[/.]\d{2,4}\b")
# Words just before an expression that settle its direction whatever the verb's tense.
_PAST_CUE = re.compile(r"\bsince(?:\s+(?:shortly|just|soon|late|early))?(?:\s+(?:after|before))?(?:\s+the)?\s*$", re.I)
_FUTURE_CUE = re.compile(r"\b(?:as\s+(?:early|soon)\s+as|ahead\s+of(?:\s+the)?|in\s+time\s+for)\s*$", re.I)
_FOR = re.compile(r"\bfor\s+$", re.I)


def _cue(text: str, start: int, end: int) -> str | None:
    before = text[max(0, start - 30) : start]
    if _PAST_CUE.search(before):
        return SETTLED_PAST
    if _FUTURE_CUE.search(before) or (_FOR.search(before) and starts_with_day(text[start:end].lower())):
        return "future"
    return None


def _remember(refs: Anchors, value: str) -> None:
    """Keep the calendar time the story last spoke of, for "that year", "the next day" after it."""
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if m is None or value[4:5] not in ("", "-") or value[5:6] in ("W", "Q", "H"):
        return
    refs.year = int(m.group(1))
    refs.month = (refs.year, int(m.group(2))) if m.group(2) else None
    if m.group(3):
        try:
            refs.day = date(refs.year, int(m.group(2)), int(m.group(3)))
        except ValueError:
            refs.day = None


class TimeTagger:
    """Pipeline stage: sets ``article.times`` (reads ``doc`` and ``published``); a note when
    relative dates stay without a value for want of a publication date."""

    name = "times"
    requires: tuple[str, ...] = ("doc", "text", "published")
    assigns: tuple[str, ...] = ("times", "notes")

    def __call__(self, article: Article, ctx: Context) -> Article:
        article.times = find_times(article, ctx.doc)
        if (
            article.published is None
            and any(t.value is None for t in article.times)
            and NO_DATE_NOTE not in article.notes
        ):
            article.notes.append(NO_DATE_NOTE)
        return article
