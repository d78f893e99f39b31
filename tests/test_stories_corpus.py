"""Issue 19's Must-show figures on the project's cross-article corpus (tests/fixtures/stories), computed by
benchmarks/stories_corpus.py: the 70 articles go through ``tidings.run`` and the SQLite sink (the whole
pipeline, spaCy included), then the stories and global events are scored against the gold."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tidings.errors import TidingsError
from tidings.stories import Similarity

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "fixtures" / "stories"


def _driver() -> ModuleType:
    spec = importlib.util.spec_from_file_location("stories_corpus", ROOT / "benchmarks" / "stories_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["stories_corpus"] = module
    spec.loader.exec_module(module)
    return module


def _model_or_skip() -> None:
    try:
        Similarity.model()
    except (TidingsError, ImportError) as exc:
        pytest.skip(f"sentence-embedding model not installed: {exc}")


@pytest.fixture(scope="module")
def scored(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The corpus processed with each kind of similarity, scored, and processed again (force)."""
    drv = _driver()
    out: dict[str, Any] = {}
    for kind in ("model", "lexical"):
        if kind == "model":
            try:
                Similarity.model()
            except (TidingsError, ImportError):
                continue
        db = tmp_path_factory.mktemp(kind) / "stories.db"
        drv.build(db, kind)
        report, ids = drv.evaluate(db), drv.ids(db)
        drv.build(db, kind, again=True)
        out[kind] = (report, ids, drv.evaluate(db), drv.ids(db), drv)
    return out


def test_the_corpus_is_as_the_issue_asks() -> None:
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    arts = gold["articles"]
    writeups: dict[str, int] = {}
    for g in arts.values():
        if g["kind"] in ("writeup", "brief"):
            writeups[g["story"]] = writeups.get(g["story"], 0) + 1
    assert len(writeups) >= 10 and all(4 <= n <= 6 for n in writeups.values())
    assert sum(g["kind"] == "distractor" for g in arts.values()) >= 10
    assert any(g["kind"] == "brief" for g in arts.values()) and any(g["copy_of"] for g in arts.values())
    lines = (CORPUS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == sorted(arts)


def test_must_show_with_the_sentence_embedding_model(scored: dict[str, Any]) -> None:
    _model_or_skip()
    report, ids, again, ids_again, drv = scored["model"]
    assert report.overcount["well_coded"] <= 1.2, report.table()
    assert report.wrong["well_coded"] == 0, report.wrong_examples
    assert report.story_purity >= 0.9 and report.story_completeness >= 0.9, report.table()
    assert report.copies_in_story == report.copies == 6 and report.copy_only_global_events == 0
    assert drv.failures(report) == []
    assert again.table() == report.table() and ids_again == ids  # processed again: nothing moves


def test_events_and_copies_do_not_depend_on_the_similarity(scored: dict[str, Any]) -> None:
    """Without the model (lexical vectors) stories are coarser, but global events and copies are the same."""
    report, ids, again, ids_again, _ = scored["lexical"]
    assert report.overcount["well_coded"] <= 1.2 and report.wrong["well_coded"] == 0
    assert report.copies_in_story == report.copies == 6 and report.copy_only_global_events == 0
    assert report.story_purity >= 0.9
    assert again.table() == report.table() and ids_again == ids
    if "model" in scored:
        assert scored["model"][0].overcount == report.overcount
