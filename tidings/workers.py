"""Worker processes that run the whole pipeline (clean → … → quotes), for ``run(..., workers=N)``.

The main process only reads inputs and writes the sink (SQLite has one
writer); each worker builds its :class:`~tidings.pipeline.Pipeline` once, when
it starts (the spaCy model and the tables are loaded there, never in the
main process), and streams the chunks of articles it is sent through
:meth:`~tidings.pipeline.Pipeline.pipe`. Articles cross the process boundary
as plain data: the :class:`~tidings.model.Article` goes out with its raw text
and comes back with its events, quotes, places and times; the spaCy ``Doc``
never leaves the worker.

- Results come out in input order, whichever worker finishes first.
- An article whose processing raises is a :class:`~tidings.pipeline.Failure`
  in its own place; the batch goes on.
- A worker that dies (killed, out of memory, a crash in a C extension) is
  replaced. If it held one article, that article is the failure (``T130``);
  if it held several, they are sent again one at a time, so that only the
  article that kills a worker is recorded, and only once.

Processes are started with ``forkserver`` where the platform has it (else
``spawn``): never ``fork``, so a worker does not inherit the main process's
open database or threads.

Example::

    from functools import partial
    from tidings.pipeline import Pipeline
    with Pool(partial(Pipeline, settings), processes=2) as pool:
        for result in pool.map(articles):
            ...
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from copy import copy
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from tidings.errors import TidingsError
from tidings.model import Article
from tidings.pipeline import Failure, Pipeline

#: Most articles sent to a worker at a time (one ``nlp.pipe`` batch of its own); the first chunks
#: of a run are smaller (4, then 8) so that every worker has work at once.
CHUNK = 16
#: Chunks a worker holds at once: one being processed, one waiting, so it never idles.
AHEAD = 2

_PIPELINE: Pipeline | None = None
WARM_UP = 'Police in Paris detained two men on Monday, the interior minister said. "We will act," she said.'


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _serve(tasks: Any, conn: Connection, factory: Callable[[], Pipeline]) -> None:  # pragma: no cover - a worker
    """A worker's loop: build the pipeline once, then answer chunks until told to stop (``None``).

    Chunks come on ``tasks`` (a queue: the main process never blocks sending) and
    answers go back on ``conn``, one per article as soon as it is done.
    """
    global _PIPELINE
    try:
        _PIPELINE = factory()
    except BaseException as exc:  # noqa: BLE001 - report why the worker cannot start, then stop
        conn.send(("broken", f"{type(exc).__name__}: {exc}"))
        return
    with suppress(Exception):  # load what the stages load on first use (tables, indexes), before the clock
        _PIPELINE(Article(raw=WARM_UP, id="warm-up", published="2024-05-06"))
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = tasks.get()
        except (EOFError, OSError):
            return
        if job is None:
            return
        chunk_id, articles = job
        _answer(conn, _PIPELINE, chunk_id, articles)


def _answer(conn: Connection, pipe: Pipeline, chunk_id: int, articles: list[Article]) -> None:  # pragma: no cover
    """Send each article's result as soon as it is done. An exception the pipeline's own guard
    lets through stops the batch; the rest then go one at a time, so that only the article that
    raised it is its failure."""
    sent = 0
    try:
        for result in pipe.pipe([copy(a) for a in articles], batch_size=len(articles)):
            conn.send(("result", chunk_id, sent, result))
            sent += 1
        return
    except Exception:  # noqa: BLE001 - found again below, on its own article
        pass
    for article in articles[sent:]:
        try:
            result = next(iter(pipe.pipe([article])))
        except Exception as exc:  # noqa: BLE001 - one article's failure; the batch goes on
            why = f"[T099] internal error in pipeline: {type(exc).__name__}: {exc}"
            result = Failure(article.input or article.id, why)
        conn.send(("result", chunk_id, sent, result))
        sent += 1


@dataclass
class _Worker:
    process: Any
    tasks: Any  #: a multiprocessing queue of chunks
    conn: Connection  #: answers
    ready: bool = False
    suspect: bool = False  #: holds one article sent again after a death: it gets nothing more till done
    #: Chunks sent and not finished: chunk id -> [(sequence number, article) not yet answered].
    held: dict[int, deque[tuple[int, Article]]] = field(default_factory=dict)


class WorkerError(TidingsError):
    """No worker can start (the pipeline cannot be built): the run cannot go on (``T131``)."""

    def __init__(self, message: str) -> None:
        super().__init__("T131", message)


class Pool:
    """``processes`` workers, each with its own pipeline built by ``factory`` (a picklable callable)."""

    def __init__(self, factory: Callable[[], Pipeline], *, processes: int, chunk: int = CHUNK) -> None:
        self.factory = factory
        self.processes = max(1, processes)
        self.chunk = max(1, chunk)
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self.replaced = 0  #: workers that died and were started again

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=False)
        tasks = self._ctx.Queue()
        process = self._ctx.Process(target=_serve, args=(tasks, child, self.factory), daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, tasks, parent)
        self._workers.append(worker)
        return worker

    def start(self) -> None:
        """Start the workers and wait until each has built its pipeline (a benchmark times what follows)."""
        while len(self._workers) < self.processes:
            self._start()
        done: dict[int, Article | Failure] = {}
        while not all(w.ready for w in self._workers):
            by_conn = {w.conn: w for w in self._workers if not w.ready}
            by_sentinel = {w.process.sentinel: w for w in self._workers if not w.ready}
            for ready in wait([*by_conn, *by_sentinel]):
                if ready in by_conn:
                    self._receive(by_conn[ready], done)
                else:
                    self._died(by_sentinel[ready], done, deque())

    def pids(self) -> list[int]:
        """The process ids of the live workers."""
        return [w.process.pid for w in self._workers]

    def close(self) -> None:
        """Stop every worker (they finish nothing more) and wait for them."""
        for w in self._workers:
            with suppress(OSError, ValueError):
                w.tasks.put(None)
        for w in self._workers:
            w.process.join(timeout=5)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            self._drop(w)
        self._workers = []

    @staticmethod
    def _drop(w: _Worker) -> None:
        w.conn.close()
        w.tasks.cancel_join_thread()  # a dead worker reads nothing more: do not wait to flush to it
        w.tasks.close()

    def map(self, articles: Iterable[Article]) -> Iterator[Article | Failure]:
        """Every article processed, in input order (a :class:`Failure` in the place of one that failed)."""
        source = enumerate(articles)
        exhausted = False
        retry: deque[list[tuple[int, Article]]] = deque()  # chunks to send again, one article each
        done: dict[int, Article | Failure] = {}
        next_out = 0
        chunk_ids = iter(range(1 << 62))
        while len(self._workers) < self.processes:
            self._start()

        sent = 0

        def take() -> list[tuple[int, Article]]:
            nonlocal exhausted, sent
            size = min(self.chunk, 4 << min(sent // self.processes, 8))
            sent += 1
            items: list[tuple[int, Article]] = []
            while not exhausted and len(items) < size:
                try:
                    items.append(next(source))
                except StopIteration:
                    exhausted = True
            return items

        while True:
            # Feed every ready worker up to AHEAD chunks; an article sent again after a
            # death goes alone to an idle worker, so that a second death names it.
            for w in self._workers:
                if not w.ready or (w.held and (w.suspect or retry)):
                    continue
                w.suspect = bool(retry)
                while len(w.held) < (1 if w.suspect else AHEAD):
                    items = retry.popleft() if w.suspect else take()
                    if not items:
                        break
                    cid = next(chunk_ids)
                    w.held[cid] = deque(items)
                    w.tasks.put((cid, [a for _, a in items]))
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            if exhausted and not retry and not any(w.held for w in self._workers):
                return
            by_conn = {w.conn: w for w in self._workers}
            by_sentinel = {w.process.sentinel: w for w in self._workers}
            for ready in wait([*by_conn, *by_sentinel]):
                if ready in by_conn:
                    self._receive(by_conn[ready], done)
                elif ready in by_sentinel:
                    self._died(by_sentinel[ready], done, retry)

    def _receive(self, w: _Worker, done: dict[int, Article | Failure]) -> bool:
        """Take one message of ``w``; False when there is none to come (the worker died: its sentinel says so)."""
        try:
            msg = w.conn.recv()
        except (EOFError, OSError):
            return False
        kind = msg[0]
        if kind == "ready":
            w.ready = True
        elif kind == "broken":
            self.close()
            raise WorkerError(f"a worker could not build the pipeline: {msg[1]}")
        elif kind == "result":
            _, cid, _n, result = msg
            seq, article = w.held[cid].popleft()
            if isinstance(result, Failure) and not result.input:
                result = Failure(article.input or article.id, result.message)
            done[seq] = result
            if not w.held[cid]:
                del w.held[cid]
        return True

    def _died(self, w: _Worker, done: dict[int, Article | Failure], retry: deque[list[tuple[int, Article]]]) -> None:
        # Read what the worker answered before it died: those articles are settled.
        with suppress(EOFError, OSError):
            while w.conn.poll() and self._receive(w, done):
                pass
        if not w.ready:
            self._workers.remove(w)
            self._drop(w)
            self.close()
            raise WorkerError(f"a worker died while starting (exit code {w.process.exitcode})")
        held = [item for items in w.held.values() for item in items]
        code = w.process.exitcode
        self._workers.remove(w)
        w.process.join()
        self._drop(w)
        self.replaced += 1
        if len(held) == 1:
            seq, article = held[0]
            why = f"[T130] the worker process died on this article (exit code {code}); it was replaced"
            done[seq] = Failure(article.input or article.id, why)
        else:  # which one killed it is not known: each goes again on its own
            retry.extend([item] for item in sorted(held, key=lambda x: x[0]))
        self._start()
