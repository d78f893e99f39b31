"""The run loop: inputs in, articles through the pipeline, results into a sink.

:func:`run` is the one place that decides what a batch does, for every caller
(``tidings process``, a web page that processes a pasted article, a Dask
worker, ``tidings watch``):

- inputs are read in order (paths, URLs, directories, ``-``, or ready
  :class:`~tidings.model.Article` objects); an input that cannot be read is a
  failure with its coded one-line reason, and the batch goes on;
- one story met twice in a run (the same id from two inputs) is processed
  once; one the sink holds already is skipped unless ``force``, and a URL it
  holds is not downloaded again;
- results come out in input order; an article the pipeline cannot process,
  or the sink cannot keep, is a failure in its own place;
- the parse of each article is dropped as soon as its stages have run, so
  memory stays flat over any number of articles;
- with ``workers=N`` (N > 1) the whole pipeline runs in N worker processes
  (:mod:`tidings.workers`), and this process only reads and writes;
- the pipeline (the spaCy model, the tables) is built only once there is an
  article to process: a run whose articles are all stored answers at once.

Example::

    from tidings.runner import run
    from tidings.sinks import SQLiteSink

    summary = run(["news/"], sink=SQLiteSink("news.db"), date="2024-05-01")
    print(summary.done, summary.failed, summary.counts["events"])
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain
from typing import Protocol

from tidings.config import Settings, load_settings
from tidings.errors import InputError, StoreError, TidingsError
from tidings.model import Article
from tidings.pipeline import Failure, Pipeline
from tidings.readers import Reader


class Sink(Protocol):
    """What the run loop needs of a sink (:class:`tidings.sinks.BaseSink` gives defaults for all but ``write``)."""

    def open(self) -> None: ...

    def has_article(self, article_id: str) -> bool: ...

    def has_url(self, url: str) -> bool: ...

    def write(self, article: Article) -> None: ...

    def write_failure(self, input_name: str, message: str) -> None: ...

    def close(self) -> None: ...


#: One line of the summary's table of top events: date, source, event, target, place, article.
TopRow = tuple[str, str, str, str, str, str]
#: What a summary counts, per article.
TABLES = ("actors", "events", "quotes", "places", "times")


@dataclass
class Summary:
    """What a run has done so far, in constant memory.

    Counts, and the few most confident events for a summary table: never the
    articles themselves, so a run over 100,000 articles stays as small as one
    over ten.
    """

    done: int = 0
    failed: int = 0
    skipped: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    top_size: int = 15
    _top: list[tuple[float, bool, str, int, TopRow]] = field(default_factory=list, repr=False)  # a min-heap
    _n: int = 0

    def add(self, a: Article) -> None:
        self.done += 1
        for name in self.counts:
            self.counts[name] += len(getattr(a, name))
        for e in a.events:
            if e.negated:
                continue
            self._n += 1
            row = (
                e.date or "",
                f"{e.source.actor.name} ({e.source.actor.code})" if e.source else "",
                f"{e.cameo} {e.name}",
                f"{e.target.actor.name} ({e.target.actor.code})" if e.target else "",
                e.place.name if e.place else "",
                (a.title or a.id)[:40],
            )
            # Ties go as in a sort by (-confidence, date): undated first, then the earlier date, then the first met.
            key = (e.confidence, not e.date, _invert(e.date or ""), -self._n, row)
            if len(self._top) < self.top_size:
                heapq.heappush(self._top, key)
            elif key > self._top[0]:
                heapq.heapreplace(self._top, key)

    @property
    def top(self) -> list[TopRow]:
        """The most confident asserted events met, best first."""
        return [key[-1] for key in sorted(self._top, reverse=True)]


def _invert(s: str) -> str:
    return "".join(chr(0x10FFFF - ord(c)) for c in s)


def _where(message: str) -> str:
    """The input an error message names: the text before its first ': ' (URLs have '://', not ': ')."""
    return message.split(": ", 1)[0]


def run(
    inputs: Iterable[str | Article | InputError],
    *,
    sink: Sink,
    settings: Settings | None = None,
    force: bool = False,
    workers: int = 1,
    progress: Callable[[Summary], None] | None = None,
    on_failure: Callable[[str, str], None] | None = None,
    date: str | None = None,
    fetch: bool = False,
    pipeline: Pipeline | None = None,
    factory: Callable[[], Pipeline] | None = None,
) -> Summary:
    """Process ``inputs`` into ``sink`` and say what was done.

    ``settings`` default to the packaged ones with the user's file over them;
    ``date`` is the publication date of inputs that carry none; ``fetch``
    downloads each feed item's page; ``workers`` processes each run the whole
    pipeline (built by ``factory``, a picklable callable; by default
    ``Pipeline(settings)``), else ``pipeline`` runs here. ``progress(summary)``
    is called after each input is settled and ``on_failure(input, message)``
    for each failure (it is also written to the sink). The sink is opened and closed here.
    """
    settings = settings or load_settings()
    build = factory or partial(Pipeline, settings)
    summary = Summary()

    def fail(where: str, message: str) -> None:
        summary.failed += 1
        sink.write_failure(where, message)
        if on_failure is not None:
            on_failure(where, message)
        if progress is not None:
            progress(summary)

    def skip_url(url: str) -> bool:
        if not force and sink.has_url(url):
            summary.skipped += 1
            return True
        return False

    reader = Reader(settings, published=date, fetch=fetch, skip_url=skip_url)
    sink.open()
    try:
        fresh = _fresh(_read(inputs, reader, date), sink, force, summary, fail, progress)
        for result in _process(fresh, pipeline, build, workers):
            if isinstance(result, Failure):
                fail(result.input, f"{result.input}: {result.message}")
                continue
            try:
                sink.write(result)
            except StoreError:
                raise  # the store cannot go on (full, read-only, locked, corrupt): the run stops here
            except TidingsError as exc:
                fail(result.input or result.id, str(exc))
                continue
            summary.add(result)
            if progress is not None:
                progress(summary)
    finally:
        reader.close()
        sink.close()
    return summary


def _process(
    articles: Iterator[Article], pipeline: Pipeline | None, build: Callable[[], Pipeline], workers: int
) -> Iterator[Article | Failure]:
    """The results of ``articles``; the pipeline (or the workers) start only once there is a first article."""
    first = next(articles, None)
    if first is None:
        return
    stream = chain([first], articles)
    if pipeline is not None:  # a ready pipeline runs here (its parse with ``workers`` processes)
        yield from pipeline.pipe(stream, n_process=workers)
        return
    if workers <= 1:
        yield from build().pipe(stream)
        return
    from tidings.workers import Pool

    with Pool(build, processes=workers) as pool:
        yield from pool.map(stream)


def _read(
    inputs: Iterable[str | Article | InputError], reader: Reader, date: str | None
) -> Iterator[Article | InputError]:
    """Articles from names (consecutive names read together, so URLs download together) and as given
    (an :class:`InputError` given, as a reader of a byte range yields one, is a failure in its place)."""
    names: list[str] = []
    for item in inputs:
        if isinstance(item, str):
            names.append(item)
            continue
        if names:
            yield from reader.read(names)
            names = []
        if isinstance(item, InputError):
            yield item
            continue
        yield item if item.published or not date else replace(item, published=date)
    if names:
        yield from reader.read(names)


def _fresh(
    items: Iterable[Article | InputError],
    sink: Sink,
    force: bool,
    summary: Summary,
    fail: Callable[[str, str], None],
    progress: Callable[[Summary], None] | None,
) -> Iterator[Article]:
    """The articles still to process: unreadable inputs fail, repeats and stored ones are skipped."""
    seen: set[str] = set()  # ids met in this run: the same story from two inputs is processed once
    for item in items:
        if isinstance(item, InputError):
            fail(_where(item.message), f"{item.message} [{item.code}]")
            continue
        if item.id in seen or (not force and sink.has_article(item.id)):
            summary.skipped += 1
            if progress is not None:
                progress(summary)
            continue
        seen.add(item.id)
        yield item
