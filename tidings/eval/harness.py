"""The one runner every gold set goes through, and the :class:`Report` it makes.

A set is described by an :class:`EvalSet`: its loader, the pipeline stages it
needs, how an item becomes an :class:`~tidings.model.Article`, a per-item scorer
that adds to the set's :class:`Tally`, and a finaliser that turns the tally into
metrics (and detail tables). :func:`run_set` does the rest the same way for
every set: time the run, load the items unless given, pick the pipeline, stream
the items through it in batches, count and list pipeline failures, score, and
build the report. The sets themselves are in :mod:`tidings.eval.sets`.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Generic, TypeVar

from tidings.config import load_settings
from tidings.errors import TidingsError
from tidings.eval.datasets import DEFAULT_SPLITS
from tidings.model import Article, Context
from tidings.pipeline import DEFAULT_STAGES, Failure, Pipeline

T = TypeVar("T")
ItemT = TypeVar("ItemT")
TallyT = TypeVar("TallyT", bound="Tally")

#: What the pipeline made of an item: the article, a failure, or None for a set that runs no pipeline.
Result = Article | Failure | None


# --------------------------------------------------------------------------- #
# the report
# --------------------------------------------------------------------------- #


@dataclass
class Report:
    """What one run of one set measured.

    ``errors`` lists every miss and false alarm (item id, expected, got, text)
    so that a drop in a metric can be read, not only seen. ``notes`` say how
    the metrics were counted where that is a choice; ``details`` holds tables
    too big for ``metrics`` (confusion matrices, per-label F1).
    """

    set: str
    split: str | None
    n_items: int
    metrics: dict[str, float]
    errors: list[dict[str, Any]]
    seconds: float
    notes: list[str] = field(default_factory=list)
    failures: int = 0
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "set": self.set,
            "split": self.split,
            "n_items": self.n_items,
            "failures": self.failures,
            "seconds": round(self.seconds, 2),
            "metrics": {k: round(v, 4) for k, v in self.metrics.items()},
            "notes": list(self.notes),
            "details": self.details,
            "errors": self.errors,
        }


def items_digest(items: Sequence[Any]) -> str:
    """sha256 of a canonical JSON form of the items: names the exact sample a floor was measured on."""

    def plain(obj: Any) -> Any:
        if is_dataclass(obj) and not isinstance(obj, type):
            return asdict(obj)
        if isinstance(obj, date):
            return obj.isoformat()
        raise TypeError(f"cannot digest {type(obj).__name__}")

    h = hashlib.sha256()
    for item in items:
        h.update(json.dumps(item, default=plain, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


# --------------------------------------------------------------------------- #
# a set, described
# --------------------------------------------------------------------------- #


@dataclass
class Tally:
    """What a run has counted so far; each set subclasses it with its own counters.

    ``errors`` and ``failures`` become the report's; the runner adds a pipeline
    failure to both before the item is scored, and a scorer may add its own
    (the WARC set counts records it could not read as failures).
    """

    errors: list[dict[str, Any]] = field(default_factory=list)
    failures: int = 0


@dataclass
class Scores:
    """What a set's finaliser makes of its tally: the metrics, and any tables for ``details``."""

    metrics: dict[str, float]
    details: dict[str, Any] = field(default_factory=dict)


def default_item_id(item: Any) -> str:
    """The id most gold items carry (``item.id``); sets whose items lack one give their own."""
    return str(item.id)


@dataclass(frozen=True)
class EvalSet(Generic[ItemT, TallyT]):
    """How one gold set is put through the pipeline and scored.

    ``tally`` makes a fresh tally for a run (it is given the pipeline, for a set
    that calls a stage itself); ``score`` adds one item and what the pipeline
    made of it (with its context, for the sets that read the parse);
    ``finish`` turns the tally into metrics, given the number of items.
    ``article`` is None for a set that runs no pipeline (the page readers):
    ``score`` is then called with a None result. ``doc`` says what is compared
    with what; it becomes the docstring of the set's ``run_<set>`` function.
    """

    name: str
    doc: str
    load: Callable[..., list[Any]]
    headline: tuple[str, ...]
    notes: tuple[str, ...]
    tally: Callable[[Pipeline | None], TallyT]
    score: Callable[[TallyT, ItemT, Result, Context | None], None]
    finish: Callable[[TallyT, int], Scores]
    article: Callable[[ItemT], Article] | None = None
    stages: tuple[str, ...] = DEFAULT_STAGES
    item_id: Callable[[ItemT], str] = default_item_id
    #: Metrics where less is better (counts of violations): the gate pins a ceiling, not a floor.
    ceilings: tuple[str, ...] = ()


# --------------------------------------------------------------------------- #
# the runner
# --------------------------------------------------------------------------- #


def run_set(
    spec: EvalSet[Any, Any],
    data_dir: Path | str | None = None,
    *,
    split: str | None = None,
    limit: int | None = None,
    items: Sequence[Any] | None = None,
    pipeline: Pipeline | None = None,
) -> Report:
    """Score one set: ``items`` when given (a test, or the gate that digested them), else loaded from ``data_dir``."""
    t0 = time.perf_counter()
    todo = list(items) if items is not None else _load(spec, data_dir, split, limit)
    pipe = None if spec.article is None else (pipeline or shared_pipeline(spec.stages))
    tally = spec.tally(pipe)
    for item, result, ctx in _results(pipe, todo, spec.article):
        if isinstance(result, Failure):
            tally.failures += 1
            tally.errors.append(_failure_error(spec.item_id(item), result))
        spec.score(tally, item, result, ctx)
    scores = spec.finish(tally, len(todo))
    return Report(
        set=spec.name,
        split=split if split is not None else DEFAULT_SPLITS.get(spec.name),
        n_items=len(todo),
        metrics=scores.metrics,
        errors=tally.errors,
        seconds=time.perf_counter() - t0,
        notes=list(spec.notes),
        failures=tally.failures,
        details=scores.details,
    )


def _load(spec: EvalSet[Any, Any], data_dir: Path | str | None, split: str | None, limit: int | None) -> list[Any]:
    if data_dir is None:
        raise TidingsError("T051", f"{spec.name}: no data directory given and no items to score")
    return spec.load(Path(data_dir), split=split, limit=limit)


def _failure_error(item_id: str, failure: Failure) -> dict[str, Any]:
    return {"id": item_id, "kind": "failure", "expected": None, "got": failure.message, "text": failure.input}


@lru_cache(maxsize=4)
def shared_pipeline(stages: tuple[str, ...] = DEFAULT_STAGES) -> Pipeline:
    """One pipeline per stage list per process: the spaCy model loads once for every set.

    It keeps every event the coder proposes (``[events] min_confidence`` 0): a
    set that scores output at a threshold applies it itself.
    """
    return Pipeline(load_settings().with_section("events", min_confidence=0.0), stages=stages)


def _results(
    pipeline: Pipeline | None, items: Iterable[T], make: Callable[[T], Article] | None
) -> Iterator[tuple[T, Result, Context | None]]:
    """Each item with what the pipeline made of it; with no pipeline, with nothing."""
    if pipeline is None or make is None:
        for item in items:
            yield item, None, None
        return
    yield from parsed(pipeline, items, make)


def parsed(
    pipeline: Pipeline, items: Iterable[T], make: Callable[[T], Article]
) -> Iterator[tuple[T, Article | Failure, Context | None]]:
    """Each item with what the pipeline made of it and its context (its parse), in batches,
    without holding every doc in memory.

    ``Pipeline.pipe`` yields results in input order; they are still paired
    with their items by a per-run id, so a stand-in pipeline that reorders
    cannot mislabel them.
    """
    pending: dict[str, T] = {}

    def articles() -> Iterator[Article]:
        for i, item in enumerate(items):
            article = make(item)
            article.id = f"eval-{i}"
            article.input = None
            pending[article.id] = item
            yield article

    for result in pipeline.pipe_with_context(articles()):
        if isinstance(result, Failure):
            yield pending.pop(result.input), result, None
        else:
            yield pending.pop(result[0].id), result[0], result[1]
