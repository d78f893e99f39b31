"""Time set: TimeBank + AQUAINT TIMEX3 spans, and the values of calendar dates against the creation date."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from tidings.eval import metrics
from tidings.eval.datasets import TimebankDoc, load_timebank
from tidings.eval.harness import EvalSet, Result, Scores, Tally
from tidings.eval.scoring import align_text, clip, greedy_pairs, iso_day, prf_metrics, ratio
from tidings.model import Article, Context, TimeExpr

_CALENDAR = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")
_TYPES = {"date": "DATE", "duration": "DURATION", "time": "TIME", "set": "SET"}


def value_matches(gold: str, pred: str | None) -> tuple[bool, bool]:
    """(exact, prefix) match of a predicted TIMEX value against a gold calendar value.

    Prefix: the prediction is at least as precise as the gold and agrees with
    it at the gold's precision (gold ``1998-01``, predicted ``1998-01-08``).
    """
    if pred is None:
        return False, False
    return pred == gold, len(pred) >= len(gold) and pred[: len(gold)] == gold


@dataclass
class _TimebankTally(Tally):
    overlap: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, fp, fn
    exact: list[int] = field(default_factory=lambda: [0, 0, 0])
    c: Counter[str] = field(default_factory=Counter)


def _add(into: list[int], score: metrics.PRF) -> None:
    into[0] += int(score.tp)
    into[1] += int(score.fp)
    into[2] += int(score.fn)


def _score_gold_timexes(
    t: _TimebankTally, item: TimebankDoc, times: list[tuple[Any, TimeExpr]], pairs: dict[int, int]
) -> None:
    """Each gold TIMEX3: found or missed, its type, and (calendar DATEs) its value."""
    c = t.c
    for gi, g in enumerate(item.timexes):
        pi = pairs.get(gi)
        got = times[pi][1] if pi is not None else None
        if got is not None:
            c["found"] += 1
            c["type_ok"] += _TYPES.get(got.kind) == g.type
        calendar = g.type == "DATE" and bool(_CALENDAR.match(g.value))
        exact = prefix = False
        if calendar:
            c["cal"] += 1
            exact, prefix = value_matches(g.value, got.value if got else None)
            c["cal_exact"] += exact
            c["cal_prefix"] += prefix
            c["cal_found"] += got is not None
        if got is None or (calendar and not prefix):
            t.errors.append(
                {
                    "id": item.id,
                    "kind": "miss" if got is None else "wrong value",
                    "expected": {"text": g.text, "type": g.type, "value": g.value},
                    "got": None if got is None else {"text": got.text, "value": got.value, "rule": got.rule},
                    "text": clip(item.text[max(0, g.start - 60) : g.end + 60]),
                    "dct": item.dct_value,
                }
            )


def _score_timebank(t: _TimebankTally, item: TimebankDoc, res: Result, ctx: Context | None) -> None:
    gold = [(g.start, g.end) for g in item.timexes]
    if not isinstance(res, Article):
        t.overlap[2] += len(gold)
        t.exact[2] += len(gold)
        return
    al = align_text(item.text, res)
    times = [(sp, x) for x in res.times if (sp := al.to_source(x.start, x.end)) is not None]
    pred = [sp for sp, _ in times]
    _add(t.overlap, metrics.span_overlap_prf(gold, pred))
    _add(t.exact, metrics.exact_span_prf(gold, pred))
    scores = [
        (ovl, gi, pi)
        for gi, g in enumerate(item.timexes)
        for pi, (sp, _x) in enumerate(times)
        if (ovl := min(sp[1], g.end) - max(sp[0], g.start)) > 0
    ]
    pairs = dict(greedy_pairs(scores))
    _score_gold_timexes(t, item, times, pairs)
    matched = set(pairs.values())
    for pi, (_sp, x) in enumerate(times):
        if pi not in matched:
            t.errors.append(
                {
                    "id": item.id,
                    "kind": "false alarm",
                    "expected": None,
                    "got": {"text": x.text, "value": x.value, "rule": x.rule},
                    "text": clip(res.text[max(0, x.start - 60) : x.end + 60]),
                }
            )


def _finish_timebank(t: _TimebankTally, n_items: int) -> Scores:
    c = t.c
    return Scores(
        {
            **prf_metrics("span_", metrics.prf(*t.overlap)),
            "exact_span_f1": metrics.prf(*t.exact).f1,
            "value_exact": ratio(c["cal_exact"], c["cal"]),
            "value_prefix": ratio(c["cal_prefix"], c["cal"]),
            "value_exact_found": ratio(c["cal_exact"], c["cal_found"]),
            "value_prefix_found": ratio(c["cal_prefix"], c["cal_found"]),
            "type_accuracy_found": ratio(c["type_ok"], c["found"]),
            "n_calendar_dates": float(c["cal"]),
        }
    )


TIMEBANK = EvalSet[TimebankDoc, _TimebankTally](
    name="timebank",
    doc="""TIMEX3 spans (overlap and exact P/R/F1, all types) and DATE values against the creation date.

    Value figures are over gold DATE timexes with a calendar value (YYYY,
    YYYY-MM, YYYY-MM-DD); a missed one counts as wrong, the ``_found``
    variants score found ones only.
    """,
    load=load_timebank,
    headline=("span_f1", "value_exact", "value_prefix"),
    notes=(
        "span_*: one-to-one overlap over all TIMEX3 types; value_*: gold DATE with calendar value, miss = wrong",
        "value_prefix: predicted value at least as precise as gold and equal at gold's precision",
        "date = the document creation time",
    ),
    tally=lambda pipe: _TimebankTally(),
    score=_score_timebank,
    finish=_finish_timebank,
    article=lambda it: Article(raw=it.text, published=iso_day(it.dct)),
)
