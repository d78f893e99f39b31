"""Small helpers the set scorers share: offsets through the alignment, dates, ratios, pairing, clipping.

Scoring proper (P/R/F1, MUC, B³, distances) is :mod:`tidings.eval.metrics`;
these are the glue between a gold item, what the pipeline made of it, and
those scorers.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from tidings.eval import metrics
from tidings.eval.align import Alignment
from tidings.model import Article


def align_text(raw: str, article: Article) -> Alignment:
    """Alignment from a gold set's raw text (source) to the article's cleaned text (target)."""
    return Alignment.between(raw, article.text)


def iso_day(value: date | str | None) -> str | None:
    """A ``YYYY-MM-DD`` string for the pipeline's ``published``, from whatever a gold set stores."""
    if value is None:
        return None
    if isinstance(value, date):
        return value.isoformat()
    return loose_date(value)


_MONTH_DAY_YEAR = re.compile(r"([A-Z][a-z]+)\.? (\d{1,2}),? (\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2}) ([A-Za-z]+) (\d{4})")


def loose_date(text: str) -> str | None:
    """ISO date from "2016-12-19", "9:55 AM ET, Sun January 4, 2015" or "1 july 2021"; else None."""
    text = text.strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    for pattern, order in ((_MONTH_DAY_YEAR, "%B %d %Y"), (_DAY_MONTH_YEAR, "%d %B %Y")):
        if m := pattern.search(text):
            try:
                return datetime.strptime(" ".join(m.groups()), order).date().isoformat()
            except ValueError:
                continue
    return None


def ratio(num: float, den: float) -> float:
    """``num / den``, 0 when nothing was counted."""
    return num / den if den else 0.0


def prf_metrics(prefix: str, score: metrics.PRF) -> dict[str, float]:
    """``<prefix>precision``, ``<prefix>recall`` and ``<prefix>f1`` of a score."""
    return {f"{prefix}precision": score.precision, f"{prefix}recall": score.recall, f"{prefix}f1": score.f1}


def clip(text: str, n: int = 300) -> str:
    """Whitespace squeezed, and cut to ``n`` characters (with an ellipsis) for an error entry."""
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def greedy_pairs(scores: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold, pred) pairs from ``(score, gold, pred)`` triples, best first (as metrics does)."""
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _s, g, p in sorted(scores, key=lambda s: (-s[0], s[1], s[2])):
        if g not in used_g and p not in used_p:
            used_g.add(g)
            used_p.add(p)
            pairs.append((g, p))
    return pairs
