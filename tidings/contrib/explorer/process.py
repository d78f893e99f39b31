"""Processing a pasted article (or a URL) for the explorer: one at a time, bounded in size and time.

The work is :func:`tidings.runner.run` (the one run loop) into a
:class:`~tidings.sinks.SQLiteSink` on the served database, done in a worker
process of its own so that the web server stays responsive and a run that
takes too long can be stopped: after ``timeout`` seconds the worker is
killed (each article is one transaction, so nothing half-written is left)
and a fresh one starts with the next request. A second request while one is
running is refused with ``[T114]`` rather than queued.

Example::

    p = Processor("news.db", timeout=60)
    outcome = p.process(Job(text=pasted, date="2024-05-01"))
    outcome.ids        # the stored article ids, for the article page
    p.close()
"""

from __future__ import annotations

import multiprocessing
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.model import Article
from tidings.sinks import SQLiteSink

#: The name a pasted article is stored and reported under (its ``input``).
PASTED = "pasted article"


@dataclass(frozen=True)
class Job:
    """One request: pasted ``text`` or a ``url``, with an optional title and publication date."""

    text: str = ""
    url: str = ""
    title: str = ""
    date: str | None = None


@dataclass
class Outcome:
    """What a job did: the ids of the articles stored and the coded failures met."""

    ids: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


class RecordingSink(SQLiteSink):
    """The SQLite sink, remembering which articles it stored (the page to show next)."""

    def __init__(self, path: str | Path) -> None:
        super().__init__(path)
        self.written: list[str] = []

    def write(self, article: Article) -> None:
        super().write(article)
        self.written.append(article.id)


def run_job(job: Job, db: str | Path, config: str | None = None, pipeline: Any = None) -> Outcome:
    """Process one job into ``db`` through the run loop (in whatever process calls it)."""
    from tidings.config import load_settings
    from tidings.readers import article_id, check_text
    from tidings.runner import run

    settings = load_settings(config)
    failures: list[str] = []
    inputs: list[str | Article] = []
    if job.text:
        try:
            check_text(job.text, PASTED, settings)
        except TidingsError as exc:
            return Outcome(failures=[str(exc)])
        title = job.title.strip() or None
        inputs.append(Article(raw=job.text, id=article_id(job.text, None), title=title, input=PASTED))
    if job.url:
        inputs.append(job.url)
    sink = RecordingSink(db)
    run(
        inputs,
        sink=sink,
        settings=settings,
        force=True,  # pasting an article again shows it processed by this tidings
        date=job.date,
        on_failure=lambda where, message: failures.append(message),
        pipeline=pipeline,
    )
    return Outcome(ids=list(sink.written), failures=failures)


def _worker(conn: Connection, db: str, config: str | None) -> None:  # pragma: no cover - runs in the child
    from tidings.config import load_settings
    from tidings.pipeline import Pipeline

    pipeline = Pipeline(load_settings(config))  # built once: the model loads with the first job
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            outcome = run_job(job, db, config, pipeline)
        except Exception as exc:  # noqa: BLE001 - any failure is reported to the page, the worker lives on
            outcome = Outcome(failures=[f"[T099] {PASTED}: {type(exc).__name__}: {exc}"])
        conn.send(outcome)


class Processor:
    """A worker process that runs one job at a time into ``db``, each for at most ``timeout`` seconds."""

    def __init__(self, db: str | Path, *, timeout: float = 60.0, config: str | None = None) -> None:
        self.db = str(db)
        self.timeout = timeout
        self.config = config
        self._lock = threading.Lock()
        self._proc: BaseProcess | None = None
        self._conn: Connection | None = None

    @property
    def busy(self) -> bool:
        return self._lock.locked()

    def start(self) -> None:
        """Start the worker now (else the first job starts it)."""
        if self._proc is not None and self._proc.is_alive():
            return
        ctx = multiprocessing.get_context("spawn")
        ours, theirs = ctx.Pipe()
        proc = ctx.Process(target=_worker, args=(theirs, self.db, self.config), name="tidings-process", daemon=True)
        proc.start()
        theirs.close()
        self._proc, self._conn = proc, ours

    def process(self, job: Job) -> Outcome:
        """Run ``job``; ``[T114]`` when another is running, ``[T113]`` (worker stopped) when it takes too long."""
        if not self._lock.acquire(blocking=False):
            raise TidingsError("T114", "another article is being processed; try again in a moment")
        try:
            self.start()
            assert self._conn is not None
            self._conn.send(job)
            if not self._conn.poll(self.timeout):
                self._stop()
                where = job.url or PASTED
                raise TidingsError("T113", f"{where}: processing took more than {self.timeout:g} s and was stopped")
            outcome: Outcome = self._conn.recv()
            return outcome
        except (EOFError, OSError) as exc:
            self._stop()
            raise TidingsError("T099", f"{job.url or PASTED}: the processing worker stopped ({exc})") from exc
        finally:
            self._lock.release()

    def _stop(self) -> None:
        if self._proc is not None:
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None

    def close(self) -> None:
        """Stop the worker (politely, then for good)."""
        if self._conn is not None and self._proc is not None and self._proc.is_alive():
            try:
                self._conn.send(None)
                self._proc.join(5)
            except (OSError, ValueError):
                pass
        self._stop()
