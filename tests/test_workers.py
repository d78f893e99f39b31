"""``run(..., workers=N)``: the whole pipeline in worker processes (tidings.workers).

The pool's bookkeeping (order, failures, dead workers) is exercised on a pipeline
of the clean stage and a test-only crash stage (tests/worker_hooks.py), so each
worker starts in a moment; one test runs the full pipeline in two workers
against the serial run.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from worker_hooks import crashing_pipeline

import tidings
from tidings.errors import TidingsError
from tidings.model import Article
from tidings.pipeline import Pipeline
from tidings.sinks import BaseSink, SQLiteSink
from tidings.workers import Pool

SAMPLE = Path(__file__).resolve().parents[1] / "tidings" / "data" / "sample" / "articles.jsonl"


class Collect(BaseSink):
    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.failures: list[tuple[str, str]] = []

    def write(self, article: Article) -> None:
        self.articles.append(article)

    def write_failure(self, input_name: str, message: str) -> None:
        self.failures.append((input_name, message))


def _stories(n: int) -> list[Article]:
    return [
        Article(raw=f"Story {i}. Police in town number {i} detained {i + 2} protesters on Monday.", id=f"s{i:02d}")
        for i in range(n)
    ]


def test_results_come_in_input_order_and_a_failure_keeps_its_place() -> None:
    sink = Collect()
    plan = {"s03": "raise", "s07": "value"}
    summary = tidings.run(_stories(12), sink=sink, workers=2, factory=partial(crashing_pipeline, plan))
    assert [a.id for a in sink.articles] == [f"s{i:02d}" for i in range(12) if i not in (3, 7)]
    assert [f[0] for f in sink.failures] == ["s03", "s07"]
    assert "[T099]" in sink.failures[0][1] and "RuntimeError" in sink.failures[0][1]
    assert "[T099]" in sink.failures[1][1] and "ValueError" in sink.failures[1][1]
    assert (summary.done, summary.failed) == (10, 2)


@pytest.mark.parametrize("how", ["exit", "kill"])
def test_a_worker_that_dies_is_replaced_and_its_article_fails_once(how: str) -> None:
    sink = Collect()
    stories = _stories(14)
    plan = {"s05": how, "s10": how}
    with Pool(partial(crashing_pipeline, plan), processes=2) as pool:
        results = list(pool.map(stories))
        assert pool.replaced >= 2  # each death is one replaced worker (an innocent is never blamed)
    failed = [r for r in results if not isinstance(r, Article)]
    assert [f.input for f in failed] == ["s05", "s10"]
    assert all("[T130]" in f.message for f in failed)
    assert [r.id for r in results if isinstance(r, Article)] == [a.id for a in stories if a.id not in plan]
    # Through the run loop: the batch goes on, each dead-worker article is one failure.
    summary = tidings.run(stories, sink=sink, workers=2, factory=partial(crashing_pipeline, plan))
    assert (summary.done, summary.failed) == (12, 2)
    assert sorted(f[0] for f in sink.failures) == ["s05", "s10"]


def test_a_pipeline_that_cannot_be_built_stops_the_run_with_its_code() -> None:
    with pytest.raises(TidingsError, match=r"\[T131\].*T013"):
        tidings.run(_stories(2), sink=Collect(), workers=2, factory=partial(Pipeline, stages=["no-such-stage"]))


def test_two_workers_give_the_serial_results(tmp_path: Path) -> None:
    one, two = Collect(), Collect()
    s1 = tidings.run([str(SAMPLE)], sink=one, workers=1)
    s2 = tidings.run([str(SAMPLE)], sink=two, workers=2)
    assert s1.done == s2.done > 10
    assert [a.id for a in one.articles] == [a.id for a in two.articles]
    for a, b in zip(one.articles, two.articles, strict=True):
        assert json.dumps(a.to_dict(), sort_keys=True) == json.dumps(b.to_dict(), sort_keys=True)
    assert sum(len(a.events) for a in two.articles) > 0


def _never() -> Pipeline:
    raise AssertionError("the pipeline was built for a run with nothing to do")


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_with_nothing_to_do_builds_no_pipeline(workers: int) -> None:
    class Holds(Collect):
        def has_article(self, article_id: str) -> bool:
            return True

    summary = tidings.run(_stories(3), sink=Holds(), workers=workers, factory=_never)
    assert (summary.done, summary.skipped, summary.failed) == (0, 3, 0)


def test_a_stored_input_is_skipped_without_loading_spacy(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = tmp_path / "s.db"
    one = tmp_path / "one.jsonl"
    one.write_text(SAMPLE.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    tidings.run([str(one)], sink=SQLiteSink(db))
    probe = (
        "import sys; from tidings.cli import cli\n"
        "try:\n    cli(['process', sys.argv[1], '--db', sys.argv[2], '-q'])\n"
        "except SystemExit as e:\n    assert not e.code, e.code\n"
        "print('spacy' in sys.modules, 'tidings.nlp' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(one), str(db)], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
