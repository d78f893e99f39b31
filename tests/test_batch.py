"""Batches: results in input order, a run killed part-way (SIGKILL) and started again stores every
article exactly once and none half-written, and the summary stays in constant memory."""

from __future__ import annotations

import io
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from tidings.errors import TidingsError
from tidings.model import Article, Context
from tidings.pipeline import Failure, Pipeline
from tidings.runner import Summary

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tidings" / "data" / "sample" / "articles.jsonl"


class Picky:
    """A stage before the parser that refuses articles whose text says so."""

    name = "clean"
    requires: tuple[str, ...] = ("raw",)
    assigns: tuple[str, ...] = ("text",)

    def __call__(self, article: Article, ctx: Context) -> Article:
        if "REFUSE" in article.raw:
            raise TidingsError("T099", "refused")
        article.text = article.raw
        return article


class FakeParser:
    """Reads ahead in batches of three, like spaCy's nlp.pipe."""

    name = "nlp"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("doc",)

    def pipe(
        self, items: Iterable[tuple[Article, Context]], *, batch_size: int | None = None, n_process: int = 1
    ) -> Iterator[tuple[Article, Context]]:
        batch: list[tuple[Article, Context]] = []
        for a in items:
            batch.append(a)
            if len(batch) == 3:
                yield from batch
                batch = []
        yield from batch


def test_failures_come_out_in_their_place() -> None:
    pipeline = Pipeline(stages=())
    pipeline.stages = [Picky(), FakeParser()]  # type: ignore[list-item]
    raws = ["a", "REFUSE b", "c", "d", "REFUSE e", "f", "g", "REFUSE h"]
    out = list(pipeline.pipe(Article(raw=r, id=str(i), input=str(i)) for i, r in enumerate(raws)))
    assert [r.input if isinstance(r, Failure) else r.id for r in out] == [str(i) for i in range(len(raws))]
    assert [isinstance(r, Failure) for r in out] == ["REFUSE" in r for r in raws]


def _corpus(path: Path, copies: int) -> list[str]:
    """The sample articles ``copies`` times over under distinct ids: identical texts must give identical rows."""
    records = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids: list[str] = []
    with path.open("w", encoding="utf-8") as fh:
        for c in range(copies):
            for r in records:
                r = dict(r, id=f"{r['id']}#{c}")
                ids.append(r["id"])
                fh.write(json.dumps(r) + "\n")
    return ids


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_killed_batch_resumes_with_every_article_once(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    ids = _corpus(corpus, 3)
    db = tmp_path / "batch.db"
    cmd = [sys.executable, "-m", "tidings", "process", str(corpus), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 240
    while _stored(db) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    done_before = _stored(db)
    assert 3 <= done_before < len(ids), "the run was not killed part-way"

    rerun = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = [r[0] for r in conn.execute("SELECT id FROM articles")]
    assert sorted(stored) == sorted(ids)  # every article, each exactly once
    # None half-written: the three copies of each text have the same rows, whichever run stored them.
    for table in ("events", "actors", "quotes", "places", "times"):
        counts = dict(conn.execute(f"SELECT article_id, COUNT(*) FROM {table} GROUP BY article_id").fetchall())
        for base in {i.split("#")[0] for i in ids}:
            assert len({counts.get(f"{base}#{c}", 0) for c in range(3)}) == 1, (table, base)
    conn.close()

    # A third run finds everything stored: nothing processed, every article skipped.
    again = subprocess.run(cmd[:-1], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0
    assert re.search(rf"│\s+0 │\s+0 │\s+{len(ids)} │", again.stdout), again.stdout


def test_progress_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from tidings import cli

    monkeypatch.setattr(cli, "err", Console(file=io.StringIO()))
    assert not cli._progress(quiet=False).enabled  # a log file or a pipe gets no bar
    buf = io.StringIO()
    monkeypatch.setattr(cli, "err", Console(file=buf, force_terminal=True, width=120))
    assert not cli._progress(quiet=True).enabled
    batch = Summary()
    batch.done, batch.failed, batch.skipped = 5, 2, 1
    with cli._progress(quiet=False) as progress:
        progress.update(batch)
    shown = buf.getvalue()
    assert "5 articles" in shown and "articles/s" in shown and "2 failed" in shown and "1 skipped" in shown


def test_summary_keeps_the_most_confident_events_in_constant_memory() -> None:
    from tidings.model import Event, Sentence, Span

    def event(conf: float, day: str | None) -> Event:
        return Event(
            cameo="040", root="04", plover="CONSULT", plover_mode=None, quad_class=1, goldstein=1.0,
            source=None, target=None, trigger=Span("met", 0, 3), sentence=Sentence(0, 0, 3, "met"),
            confidence=conf, date=day,
        )  # fmt: skip

    batch = Summary()
    events = [event((i * 7 % 10) / 10, f"2024-01-{i % 28 + 1:02d}" if i % 5 else None) for i in range(200)]
    for i in range(0, 200, 10):
        batch.add(Article(raw="x", id=f"a{i}", events=events[i : i + 10]))
    assert len(batch.top) == batch.top_size and batch.done == 20 and batch.counts["events"] == 200
    expected = sorted(events, key=lambda e: (-e.confidence, e.date or ""))[: batch.top_size]
    got = batch.top
    assert [(r[0], r[2]) for r in got] == [(e.date or "", "040 ") for e in expected]
