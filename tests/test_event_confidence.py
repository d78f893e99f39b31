"""Event confidence: a calibrated score (issue 6, point 6)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tidings.eval import runners
from tidings.events.scoring import WEIGHTS, Features, confidence, vector

BASE = Features(
    origin="hand",
    specificity=2,
    has_source=True,
    has_target=True,
    inherited=False,
    modality="asserted",
    negated=False,
    main=True,
    attributed=False,
    noun=False,
)


#: What the article as a whole adds to an event's evidence (tidings.events.acceptance.assess).
STORY = {
    "political_sides": 2, "unknown_side": False, "background": False, "pluperfect": False, "referenced": False,
    "relative": False, "in_quote": False, "headline_only": False, "repeated": False, "lede": True,
    "political_share": 0.8, "crowded": False, "quad_class": 4,
}  # fmt: skip


def test_every_feature_has_a_weight_and_scores_are_probabilities() -> None:
    assert set(vector({**BASE.as_dict(), **STORY})) == set(WEIGHTS)
    for f in (BASE, replace(BASE, has_source=False, has_target=False, main=False, origin="cameo")):
        assert 0.0 < confidence(f) < 1.0


def test_what_makes_an_event_surer() -> None:
    # Both sides found, the sentence's own predicate, a hand-written pattern: each counts.
    assert confidence(BASE) > confidence(replace(BASE, has_target=False))
    assert confidence(BASE) > confidence(replace(BASE, main=False))
    assert confidence(BASE) > confidence(replace(BASE, origin="cameo"))
    assert confidence(BASE) > confidence(replace(BASE, inherited=True))
    assert confidence(BASE) >= 0.5 > confidence(replace(BASE, has_source=False, has_target=False, main=False))


@pytest.mark.parametrize("name", ["petr2-gsr", "plover-gsr"])
def test_events_at_half_or_more_are_right_four_times_in_five(name: str, eval_data_dir: Path) -> None:
    run = runners.run_petr2_gsr if name == "petr2-gsr" else runners.run_plover_gsr
    m = run(eval_data_dir).metrics
    assert m["precision_at_conf_0.5"] >= 0.80
    # Not by keeping almost nothing: at least half the events pass the bar.
    assert m["coverage_at_conf_0.5"] >= 0.5


def _main(text: str, word: str) -> bool:
    """Whether ``word`` of ``text`` is its sentence's own predicate (the ``main`` evidence)."""
    from tidings.events.modality import main_predicate
    from tidings.nlp import load

    return main_predicate(next(t for t in load()(text) if t.text == word))


def test_the_news_a_light_came_after_hangs_on_is_the_main_predicate() -> None:
    assert _main("Their release came hours after the Chadian government freed three rebel prisoners.", "freed")
    # A clause that only sets the time of another act is not the news.
    assert not _main("The minister resigned after the Chadian government freed three rebel prisoners.", "freed")


def test_what_an_enacted_measure_does_is_the_main_predicate() -> None:
    assert _main("The Senate approved a bill providing $5 billion in military aid to Poland.", "providing")
    assert not _main("The Senate criticised a bill providing $5 billion in military aid to Poland.", "providing")
