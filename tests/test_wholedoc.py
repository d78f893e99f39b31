"""The whole-article scoring rule (events/docs and realdocs README), on gold the project writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tidings.eval import runners
from tidings.eval.wholedoc import WholeDoc, WholeDocCounts, actor_fits, max_matching, score_article
from tidings.model import Actor, ActorRef, Article, Event, Sentence, Span


def _ref(code: str | None) -> ActorRef | None:
    if code is None:
        return None
    return ActorRef(Actor(id=hash(code) % 1000, name=code, code=code, country=code[:3]), Span(code, 0, 3))


def _event(
    cameo: str, src: str | None, tgt: str | None, day: str | None = "2024-05-02", conf: float = 0.9, sent: str = "x"
) -> Event:
    return Event(
        cameo=cameo, root=cameo[:2], plover="", plover_mode=None, quad_class=1, goldstein=0.0,
        source=_ref(src), target=_ref(tgt), trigger=Span("t", 0, 1), sentence=Sentence(0, 0, len(sent), sent),
        date=day, confidence=conf,
    )  # fmt: skip


GOLD = WholeDoc(
    id="a.txt",
    text="",
    date="2024-05-03",
    events=(
        {"id": "talks", "root": ["04"], "source": "^FRA", "target": "^DEU", "sym": True, "required": True},
        {
            "id": "arrest",
            "root": ["17"],
            "source": "^KEN(COP|$)",
            "target": "^KEN|null",
            "date": ["2024-05-02"],
            "required": True,
        },
        {"id": "statement", "root": ["01"], "source": "^KEN", "target": ".*", "required": False},
    ),
    negated=({"root": ["19"], "source": "^ISR", "target": "^IRN"},),
    forbidden=("Also Read:",),
)


def test_null_admits_a_missing_actor_and_only_then() -> None:
    assert actor_fits("^KEN|null", None) and actor_fits(".*", None) and not actor_fits("^KEN", None)
    assert actor_fits("^KEN(COP|$)", "KEN") and not actor_fits("^KEN(COP|$)", "KENOPP")


def test_matching_is_one_to_one_with_sym_dates_and_required_first() -> None:
    out = [
        _event("040", "DEU", "FRA"),  # sym: either way
        _event("040", "FRA", "DEU"),  # the same meeting again: one of the two is a false alarm
        _event("173", "KENCOP", "---"),  # an unknown target is a missing one: admitted by null
        _event("173", "KENCOP", None, day="2024-04-01"),  # the wrong day never matches a dated event
    ]
    m = max_matching(GOLD.events, out)
    assert set(m) == {0, 1} and m[1] == 2
    counts = WholeDocCounts()
    score_article(GOLD, Article(raw="", events=out), counts)
    assert (counts.output, counts.matched, counts.required, counts.required_matched) == (4, 2, 2, 2)
    assert counts.metrics()["precision"] == pytest.approx(0.5) and counts.metrics()["recall"] == 1.0


def test_a_match_to_an_optional_event_counts_for_precision_not_recall() -> None:
    counts = WholeDocCounts()
    score_article(GOLD, Article(raw="", events=[_event("010", "KENGOV", None)]), counts)
    assert counts.matched == 1 and counts.required_matched == 0


def test_violations_negated_asserted_or_from_a_forbidden_line() -> None:
    out = [
        _event("190", "ISRMIL", "IRN"),  # said not to have happened
        _event("040", "FRA", "DEU", sent="Also Read: Paris and Berlin hold talks"),
        _event("190", "ISRMIL", "IRN", conf=0.2),  # below the threshold: not output, no violation
    ]
    counts = WholeDocCounts()
    score_article(GOLD, Article(raw="", events=out), counts, min_confidence=0.5)
    assert counts.violations == 2 and counts.output == 2


def test_dates_are_judged_on_events_matched_by_root_and_actors() -> None:
    counts = WholeDocCounts()
    score_article(GOLD, Article(raw="", events=[_event("173", "KEN", None, day="2024-04-01")]), counts)
    assert (counts.dated, counts.dated_right, counts.required_matched) == (1, 0, 0)


def test_two_dated_acts_are_not_paired_crosswise_when_dates_are_judged() -> None:
    day = {"root": ["17"], "source": "^KEN", "target": "^KEN|null", "required": True}
    gold = WholeDoc(
        id="c.txt",
        text="",
        date="2024-05-03",
        events=({**day, "id": "first", "date": ["2024-05-01"]}, {**day, "id": "second", "date": ["2024-05-02"]}),
        negated=(),
        forbidden=(),
    )
    out = [_event("173", "KENCOP", None, day="2024-05-01"), _event("173", "KENCOP", None, day="2024-05-02")]
    counts = WholeDocCounts()
    score_article(gold, Article(raw="", events=out), counts)
    assert (counts.dated, counts.dated_right) == (2, 2)
    out[0] = _event("173", "KENCOP", None, day="2024-04-20")  # one right, one wrong: still paired
    counts = WholeDocCounts()
    score_article(gold, Article(raw="", events=out), counts)
    assert (counts.dated, counts.dated_right) == (2, 1)


def test_non_political_articles_count_every_event() -> None:
    sport = WholeDoc(id="b.txt", text="", date=None, events=(), negated=(), forbidden=())
    counts = WholeDocCounts()
    score_article(sport, Article(raw="", events=[_event("190", "GHA", "NGA")]), counts)
    assert counts.nonpolitical_articles == 1 and counts.nonpolitical_events == 1


def test_the_sets_are_registered(eval_data_dir: Path) -> None:
    assert {"docs", "realdocs"} <= set(runners.RUNNERS)
    assert runners.CEILINGS["docs"] == ("violations", "nonpolitical_events")
    items = runners.SETS["realdocs"].load(eval_data_dir, limit=2)
    assert len(items) == 2 and all(i.text and i.date for i in items)
