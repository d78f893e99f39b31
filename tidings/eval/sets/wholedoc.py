"""Whole-article sets: ``events/docs`` (written for the project) and ``events/realdocs`` (real articles).

Scored by :mod:`tidings.eval.wholedoc` as the sets' README says, on the events
tidings outputs: the pipeline keeps every candidate (the eval pipeline's
``min_confidence`` is 0) and the headline metrics count those at or above the
packaged default output threshold (``[events] min_confidence``); ``details``
gives the same figures at other thresholds, the table behind the README's
confidence table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tidings.config import load_settings
from tidings.eval.harness import EvalSet, Result, Scores, Tally
from tidings.eval.wholedoc import WholeDoc, WholeDocCounts, load_docs, load_realdocs, score_article
from tidings.model import Article, Context

THRESHOLDS = (0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
HEADLINE = ("precision", "recall", "f1", "candidate_recall")


def output_threshold() -> float:
    """The default output threshold: the packaged ``[events] min_confidence``."""
    return float(load_settings().section("events").get("min_confidence", 0.0))


@dataclass
class _WholeDocTally(Tally):
    threshold: float = 0.0
    at: dict[float, WholeDocCounts] = field(default_factory=lambda: {t: WholeDocCounts() for t in THRESHOLDS})
    main: WholeDocCounts = field(default_factory=WholeDocCounts)


def _tally(_: Any) -> _WholeDocTally:
    return _WholeDocTally(threshold=output_threshold())


def _score(tally: _WholeDocTally, item: WholeDoc, result: Result, ctx: Context | None) -> None:
    if not isinstance(result, Article):
        result = Article(raw=item.text, id=item.id)  # a failed article outputs no event
    score_article(item, result, tally.main, tally.threshold)
    for t, counts in tally.at.items():
        score_article(item, result, counts, t)


def _finish(tally: _WholeDocTally, n: int) -> Scores:
    tally.errors.extend(tally.main.errors)
    metrics = tally.main.metrics()
    metrics["threshold"] = tally.threshold
    # what the coder finds at all, whatever the threshold: the gate guards it beside the headline
    metrics["candidate_recall"] = tally.at[0.0].metrics()["recall"]
    details = {
        "by_threshold": {
            f"{t:.1f}": {k: round(v, 4) for k, v in counts.metrics().items()} for t, counts in tally.at.items()
        }
    }
    return Scores(metrics, details)


def _article(item: WholeDoc) -> Article:
    return Article(raw=item.text, published=item.date)


def _spec(name: str, what: str, load: Any) -> EvalSet[WholeDoc, _WholeDocTally]:
    return EvalSet(
        name=name,
        doc=f"""{what}, scored as the set's README says (tidings.eval.wholedoc).

        An output event (not negated, at or above the default output threshold)
        matches a gold event by root, source and target regexes (either way with
        ``sym``) and date; one to one, required gold events first. Precision over
        output events, recall over required gold events; violations (a negated
        event asserted, an event from a forbidden line) and events on the
        non-political articles counted apart.""",
        load=load,
        headline=HEADLINE,
        notes=(
            "an actor with no code or the unknown code '---' satisfies a pattern only when it admits null",
            "non-political articles: those whose gold has no required event",
            "details.by_threshold: the same metrics at other confidence thresholds",
            "candidate_recall: required recall counting every candidate event (threshold 0)",
        ),
        tally=_tally,
        score=_score,
        finish=_finish,
        article=_article,
        ceilings=("violations", "nonpolitical_events"),
    )


DOCS = _spec("docs", "Whole articles written for tidings (events/docs)", load_docs)
REALDOCS = _spec("realdocs", "Whole real news articles (events/realdocs)", load_realdocs)
