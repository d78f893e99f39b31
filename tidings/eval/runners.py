"""Runners: put a gold set through the pipeline and score it (issue 4, "Measure it").

Every set of :data:`tidings.eval.datasets.DATASETS` is an
:class:`~tidings.eval.harness.EvalSet` spec in :mod:`tidings.eval.sets`, and
one generic runner (:func:`tidings.eval.harness.run_set`) drives them all:
``run(name, data_dir=None, *, split=None, limit=None, items=None,
pipeline=None) -> Report``. ``items`` lets a test (or the quality gate, which
already loaded them to digest them) hand over items directly; otherwise they are
loaded from ``data_dir``. Every set that runs the pipeline streams its articles
through :meth:`Pipeline.pipe_with_context`, so spaCy parses them in batches.
``run_<set>`` (``run_plover_gsr``...) runs one set with the same arguments.

Scoring is done by :mod:`tidings.eval.metrics`; what is compared with what is
decided in each set's module, and written down in its spec's ``doc`` (the
docstring of its ``run_<set>``) and in the report's ``notes``, because a
number is only useful when one knows what it counts.

Offsets: gold offsets index the text as the gold set stores it, tidings'
offsets index its cleaned ``article.text``. Every comparison of spans goes
through :class:`tidings.eval.align.Alignment`, never through raw equality of
offsets.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.eval.datasets import DATASETS
from tidings.eval.harness import EvalSet, Report, items_digest, run_set
from tidings.eval.scoring import align_text, iso_day, loose_date
from tidings.eval.sets.actors import NGEC_ACTORS, NGEC_TODAY, ngec_text
from tidings.eval.sets.coref import ACTOR_ENTITY_TYPES, MEANTIME
from tidings.eval.sets.countries import actor_country, gold_country, ngec_country, plover_country
from tidings.eval.sets.events import (
    CONFIDENCE_BAR,
    CONFLIBERT,
    PETR2_GSR,
    PLOVER_GSR,
    petr2_event_labels,
    plover_event_labels,
)
from tidings.eval.sets.extract import EXTRACT, WARC
from tidings.eval.sets.gazetteer import Gazetteer
from tidings.eval.sets.geo import GEO_GWN, GEO_TRNEWS
from tidings.eval.sets.ner import CONLL, CONLL_LABELS
from tidings.eval.sets.quotes import POLNEAR, speaker_matches
from tidings.eval.sets.times import TIMEBANK, value_matches
from tidings.eval.sets.wholedoc import DOCS, REALDOCS
from tidings.pipeline import Pipeline

__all__ = [
    "ACTOR_ENTITY_TYPES",
    "CEILINGS",
    "CONFIDENCE_BAR",
    "CONLL_LABELS",
    "HEADLINE",
    "NGEC_TODAY",
    "RUNNERS",
    "SETS",
    "Report",
    "actor_country",
    "align_text",
    "gold_country",
    "items_digest",
    "ngec_country",
    "ngec_text",
    "petr2_event_labels",
    "plover_country",
    "plover_event_labels",
    "run",
    "speaker_matches",
    "value_matches",
]

#: Earlier private names, kept for the tools and tests that use them.
_iso = iso_day
_loose_date = loose_date
_Gazetteer = Gazetteer

#: Set name -> its spec; the same names, in the same order, as :data:`DATASETS`.
SETS: dict[str, EvalSet[Any, Any]] = {
    spec.name: spec
    for spec in (
        PLOVER_GSR,
        PETR2_GSR,
        CONFLIBERT,
        NGEC_ACTORS,
        GEO_GWN,
        GEO_TRNEWS,
        POLNEAR,
        TIMEBANK,
        CONLL,
        MEANTIME,
        EXTRACT,
        WARC,
        DOCS,
        REALDOCS,
    )
}

#: The metrics each set is judged by (the CLI shows them first; the gate pins them).
HEADLINE: dict[str, tuple[str, ...]] = {name: spec.headline for name, spec in SETS.items()}
#: The counts each set must not let rise (the gate pins a ceiling for each).
CEILINGS: dict[str, tuple[str, ...]] = {name: spec.ceilings for name, spec in SETS.items() if spec.ceilings}

Runner = Callable[..., Report]


def _runner(spec: EvalSet[Any, Any]) -> Runner:
    """``run_<set>(data_dir=None, *, split=None, limit=None, items=None, pipeline=None) -> Report``."""

    def runner(
        data_dir: Path | str | None = None,
        *,
        split: str | None = None,
        limit: int | None = None,
        items: Sequence[Any] | None = None,
        pipeline: Pipeline | None = None,
    ) -> Report:
        return run_set(spec, data_dir, split=split, limit=limit, items=items, pipeline=pipeline)

    runner.__name__ = runner.__qualname__ = "run_" + spec.name.replace("-", "_")
    runner.__doc__ = spec.doc
    return runner


run_plover_gsr = _runner(PLOVER_GSR)
run_petr2_gsr = _runner(PETR2_GSR)
run_conflibert = _runner(CONFLIBERT)
run_ngec_actors = _runner(NGEC_ACTORS)
run_geo_gwn = _runner(GEO_GWN)
run_geo_trnews = _runner(GEO_TRNEWS)
run_polnear = _runner(POLNEAR)
run_timebank = _runner(TIMEBANK)
run_conll = _runner(CONLL)
run_meantime = _runner(MEANTIME)
run_extract = _runner(EXTRACT)
run_warc = _runner(WARC)
run_docs = _runner(DOCS)
run_realdocs = _runner(REALDOCS)

#: Set name -> runner; the same names as :data:`DATASETS`.
RUNNERS: dict[str, Runner] = {
    "plover-gsr": run_plover_gsr,
    "petr2-gsr": run_petr2_gsr,
    "conflibert": run_conflibert,
    "ngec-actors": run_ngec_actors,
    "geo-gwn": run_geo_gwn,
    "geo-trnews": run_geo_trnews,
    "polnear": run_polnear,
    "timebank": run_timebank,
    "conll": run_conll,
    "meantime": run_meantime,
    "extract": run_extract,
    "warc": run_warc,
    "docs": run_docs,
    "realdocs": run_realdocs,
}
if set(RUNNERS) != set(DATASETS) or set(SETS) != set(DATASETS):  # pragma: no cover - caught by the tests
    raise RuntimeError(f"gold sets without a runner: {sorted(set(DATASETS) - set(RUNNERS))}")


def run(
    name: str,
    data_dir: Path | str | None = None,
    *,
    split: str | None = None,
    limit: int | None = None,
    items: Sequence[Any] | None = None,
    pipeline: Pipeline | None = None,
) -> Report:
    """Run the named set; unknown names raise T052 with the known ones."""
    runner = RUNNERS.get(name)
    if runner is None:
        raise TidingsError("T052", f"unknown evaluation set {name!r}; choose one of {', '.join(RUNNERS)}")
    return runner(data_dir, split=split, limit=limit, items=items, pipeline=pipeline)
