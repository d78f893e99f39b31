"""The stage contract: each stage writes only what it declares, takes its own config, and an
article is plain data that pickles with everything the stages found."""

from __future__ import annotations

import copy
import json
import pickle
from dataclasses import fields
from pathlib import Path

import pytest

from tidings.config import load_settings
from tidings.errors import TidingsError
from tidings.model import Article, Context
from tidings.pipeline import FACTORIES, Pipeline, default_pipeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tidings" / "data" / "sample" / "articles.jsonl"
FIELDS = [f.name for f in fields(Article)]


def _sample(n: int) -> list[Article]:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()][:n]
    return [Article(raw=r["text"], id=r["id"], published=r.get("date"), title=r.get("title")) for r in rows]


def _snapshot(article: Article) -> dict[str, object]:
    return {name: copy.deepcopy(getattr(article, name)) for name in FIELDS}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    try:
        return default_pipeline()
    except TidingsError as exc:  # the model is not installed
        pytest.skip(str(exc))


def test_each_stage_writes_only_the_fields_it_declares(pipeline: Pipeline) -> None:
    written: dict[str, set[str]] = {s.name: set() for s in pipeline.stages}
    # A headline given apart from the text and no publication date: clean fills both in from the text.
    extra = Article(raw="MINSK, Aug. 16, 2020 (tidings) - Police detained dozens of protesters on Saturday.")
    for article in [*_sample(6), extra]:
        ctx = Context()
        for stage in pipeline.stages:
            before, doc = _snapshot(article), ctx.doc
            article = stage(article, ctx)
            after = _snapshot(article)
            changed = {name for name in FIELDS if before[name] != after[name]}
            if ctx.doc is not doc:
                changed.add("doc")
            assert changed <= set(stage.assigns), (stage.name, changed - set(stage.assigns))
            written[stage.name] |= changed
    # and each stage did write something: the check above is not vacuous
    assert all(written.values()), written
    assert {"published", "notes"} <= written["clean"]
    assert "actors" in written["events"] or "actors" in written["actors"]


def test_a_stage_reading_what_no_earlier_stage_sets_is_refused() -> None:
    with pytest.raises(TidingsError, match=r"\[T014\].*'times' needs doc"):
        Pipeline(stages=["clean", "times"])


def test_each_factory_gets_its_own_section(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, dict[str, object]] = {}

    class Probe:
        name = "probe"
        requires: tuple[str, ...] = ()
        assigns: tuple[str, ...] = ()

        def __call__(self, article: Article, ctx: Context) -> Article:
            return article

    def factory(name: str):  # type: ignore[no-untyped-def]
        def make(config):  # type: ignore[no-untyped-def]
            seen[name] = dict(config)
            return Probe()

        return make

    for name in ("clean", "places"):
        monkeypatch.setitem(FACTORIES, name, factory(name))
    user = tmp_path / "config.toml"
    user.write_text("[places]\ncity_min_population = 15000\n", encoding="utf-8")
    Pipeline(load_settings(user), stages=["clean", "places"])
    assert seen == {"clean": {}, "places": {"city_min_population": 15000}}


def test_a_setting_no_stage_knows_is_refused(tmp_path: Path) -> None:
    user = tmp_path / "config.toml"
    user.write_text("[events]\nthreshold = 0.5\n", encoding="utf-8")
    with pytest.raises(TidingsError, match=r"\[T011\].*\[events\] threshold"):
        load_settings(user)


def test_a_processed_article_pickles_whole(pipeline: Pipeline) -> None:
    article, ctx = pipeline.apply(_sample(1)[0])
    assert ctx.doc is not None and article.events
    back = pickle.loads(pickle.dumps(article))
    assert back.to_dict() == article.to_dict()
    # events keep pointing at the article's own actors after the round trip
    ids = {id(a) for a in back.actors}
    assert all(e.source is None or id(e.source.actor) in ids for e in back.events)
