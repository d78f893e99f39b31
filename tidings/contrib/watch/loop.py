"""The watch loop: every interval, what is new in the sources, through the run loop, into the store.

A cycle asks each feed with a conditional GET (the ETag and Last-Modified of
its last answer, kept in the store); a 304 costs nothing more. Items whose URL
or id the store holds are skipped before anything is downloaded; the others
(with ``fetch``: their pages, where robots.txt allows) go to
:func:`tidings.runner.run` with the SQLite sink, which stores each article in
its own transaction and joins it to stories and global events. A folder's
files are read once each (path, size and modification time remembered).

What a cycle remembers is written only once its work is in the store: a
feed's validators once all its items are settled (a stop, or a page that
failed to download, leaves them unsaved, so the next cycle asks for the whole
feed again and picks up where this one stopped), a file once it was read to
its end. A feed that fails waits 2^(n-1) intervals after its n-th failure in
a row (at most ``max_backoff``; longer when its ``Retry-After`` says so).

Example::

    from tidings.contrib.watch import Watcher

    w = Watcher(["https://example.org/feed.xml", "inbox/"], db="news.db", every=900)
    report = w.cycle()           # one cycle, as `tidings watch --once`
    print(report.line())         # cycle 1: 3 new, 12 skipped, 0 failed in 4.2 s ...
"""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from types import FrameType
from typing import TextIO

from tidings.config import Settings, load_settings
from tidings.contrib.watch.alerts import AlertFilter, alert_line, mark_alerted
from tidings.contrib.watch.robots import Robots
from tidings.contrib.watch.sources import Source, sources
from tidings.contrib.watch.state import WatchState
from tidings.errors import InputError, TidingsError
from tidings.model import Article
from tidings.pipeline import Pipeline
from tidings.readers import Reader, article_id
from tidings.readers.common import SUFFIXES
from tidings.readers.feed import feed_articles
from tidings.readers.web import DownloadError, user_agent
from tidings.runner import run
from tidings.sinks import SQLiteSink

#: Longest a Retry-After is obeyed (a week): a larger one is taken as a week.
MAX_RETRY_AFTER = 7 * 24 * 3600.0
#: A Retry-After over this many seconds ends a feed's tries in this cycle at once.
PATIENCE = 30.0


@dataclass
class Report:
    """What one cycle did."""

    number: int
    started: float
    new: int = 0
    skipped: int = 0
    failed: int = 0
    unchanged: int = 0  # feeds that answered 304
    backed_off: list[tuple[str, float]] = field(default_factory=list)  # (feed, next try) left out this cycle
    files: int = 0  # files of watched folders read
    alerts: int = 0
    duration: float = 0.0
    stopped: bool = False

    def line(self) -> str:
        """The one log line of a cycle: new, skipped, failed, duration, and what feeds and files did."""
        at = datetime.fromtimestamp(self.started, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        parts = [f"{self.unchanged} feed(s) unchanged", f"{len(self.backed_off)} backed off", f"{self.files} file(s)"]
        if self.alerts:
            parts.append(f"{self.alerts} alert(s)")
        end = "; stopped by a signal" if self.stopped else ""
        return (
            f"cycle {self.number} at {at}: {self.new} new, {self.skipped} skipped, {self.failed} failed "
            f"in {self.duration:.1f} s ({', '.join(parts)}){end}"
        )


class _Sink(SQLiteSink):
    """The SQLite sink, calling ``after_write(conn, article_id)`` once each article is committed (alerts)."""

    def __init__(
        self,
        path: str | Path,
        *,
        settings: Settings | None = None,
        after_write: Callable[[sqlite3.Connection, str], None] | None = None,
    ) -> None:
        super().__init__(path, settings=settings)
        self.after_write = after_write

    def write(self, article: Article) -> None:
        super().write(article)
        if self.after_write is not None:
            try:
                self.after_write(self._db(), article.id)
            except sqlite3.Error as exc:
                raise self._fault(exc) from exc


class Watcher:
    """Follows ``sources`` (feed URLs, files of feed URLs, folders) into the store ``db``.

    ``log(line)`` gets the cycle lines and every failure; ``alert`` a filter whose new matching
    global events are written as JSON lines to ``alert_out``; ``stop`` (set by a signal) ends the
    cycle after the article in hand; ``clock`` is the time (tests pass their own).
    """

    def __init__(
        self,
        names: Sequence[str],
        *,
        db: str | Path = "tidings.db",
        settings: Settings | None = None,
        every: float = 900.0,
        fetch: bool = False,
        max_backoff: float = 6 * 3600.0,
        alert: AlertFilter | None = None,
        alert_out: TextIO | None = None,
        log: Callable[[str], None] = print,
        stop: threading.Event | None = None,
        clock: Callable[[], float] = time.time,
        pipeline: Pipeline | None = None,
    ) -> None:
        self.settings = settings or load_settings()
        self.sources: list[Source] = sources(names)
        self.db = db
        self.every = every
        self.fetch = fetch
        self.max_backoff = max_backoff
        self.alert = alert
        self.alert_out = alert_out
        self.log = log
        self.stop = stop or threading.Event()
        self.clock = clock
        self.pipeline = pipeline
        self.cycles = 0
        self.robots_fetched: list[str] = []  # origins whose robots.txt was downloaded, all cycles

    def loop(self, *, once: bool = False) -> int:
        """Cycle every ``every`` seconds until ``stop`` is set (or once); the number of cycles run."""
        while not self.stop.is_set():
            start = time.monotonic()
            self.cycle()
            if once:
                break
            self.stop.wait(max(0.0, self.every - (time.monotonic() - start)))
        return self.cycles

    def cycle(self) -> Report:
        """One cycle over every source; its line goes to ``log`` and it is returned."""
        self.cycles += 1
        report = Report(self.cycles, self.clock())
        t0 = time.monotonic()
        state = WatchState(self.db, busy_timeout=self.settings.busy_timeout)
        alerts = None if self.alert is None else partial(self._alerts, report)
        sink = _Sink(self.db, settings=self.settings, after_write=alerts)
        reader = Reader(self.settings, fetch=self.fetch, skip_url=sink.has_url)
        for source in self.sources:
            if source.kind == "feed":
                reader.trust(source.name)
        done: list[Callable[[], None]] = []  # what the cycle remembers once its articles are stored
        try:
            if self.pipeline is None:
                self.pipeline = Pipeline(self.settings)
            cycle = _Cycle(self, state, sink, reader, report, done)
            summary = run(
                cycle.articles(),
                sink=sink,
                settings=self.settings,
                pipeline=self.pipeline,
                on_failure=lambda where, message: self.log(f"tidings: {message}"),
            )
            report.new += summary.done
            report.skipped += summary.skipped
            report.failed += summary.failed
            for remember in done:
                remember()
        finally:
            reader.close()
            state.close()
        report.stopped = self.stop.is_set()
        report.duration = time.monotonic() - t0
        self.log(f"tidings watch: {report.line()}")
        return report

    def _alerts(self, report: Report, conn: sqlite3.Connection, article_id: str) -> None:
        """The alert lines for one article just stored: each global event it makes match, once."""
        import sys

        assert self.alert is not None
        out = self.alert_out or sys.stdout
        for event in self.alert.new_events(conn, [article_id]):
            out.write(alert_line(event) + "\n")
            out.flush()  # written before it is marked: a crash between the two repeats it
            mark_alerted(conn, event["global_event_id"], self.clock())
            report.alerts += 1

    def backoff(self, failures: int, retry_after: float | None) -> float:
        """Seconds a feed waits after its ``failures``-th failure in a row."""
        delay = min(self.max_backoff, self.every * 2 ** max(0, failures - 1))
        if retry_after is not None:
            delay = max(delay, min(retry_after, MAX_RETRY_AFTER))
        return delay


class _Cycle:
    """The articles of one cycle, produced lazily inside :func:`run` (the sink is open meanwhile)."""

    def __init__(
        self,
        watcher: Watcher,
        state: WatchState,
        sink: _Sink,
        reader: Reader,
        report: Report,
        done: list[Callable[[], None]],
    ) -> None:
        self.w = watcher
        self.state = state
        self.sink = sink
        self.reader = reader
        self.report = report
        self.done = done
        self.robots = Robots(state, reader.fetcher, user_agent(watcher.settings), clock=report.started)
        self.fetch_failed = False  # a page of the feed in hand failed to download: its validators wait

    def fail(self, error: InputError) -> None:
        self.report.failed += 1
        where = error.message.split(": ", 1)[0]
        message = f"{error.message} [{error.code}]"
        self.sink.write_failure(where, message)
        self.w.log(f"tidings: {message}")

    def stored(self, url: str | None, aid: str | None = None) -> bool:
        if url and (self.sink.has_url(url) or self.sink.has_article(article_id("", url))):
            return True
        return aid is not None and self.sink.has_article(aid)

    def articles(self) -> Iterator[Article]:
        for source in self.w.sources:
            if self.w.stop.is_set():
                return
            if source.kind == "folder":
                yield from self.folder(Path(source.name))
            else:
                yield from self.feed(source.name)

    def folder(self, root: Path) -> Iterator[Article]:
        if not root.is_dir():
            self.fail(InputError("T124", f"{root}: the watched folder is gone"))
            return
        wanted = sorted(
            f for f in root.rglob("*") if f.is_file() and f.name.lower().removesuffix(".gz").endswith(SUFFIXES)
        )
        for path in wanted:
            try:
                st = path.stat()
            except OSError:
                continue  # removed since it was listed
            if self.state.file_done(str(path), st.st_size, st.st_mtime_ns):
                continue
            self.report.files += 1
            for item in self.reader.read([str(path)]):
                if self.w.stop.is_set():
                    return  # the file is read again next time; what was stored is skipped then
                if isinstance(item, InputError):
                    self.fail(item)
                elif self.stored(None, item.id):
                    self.report.skipped += 1
                else:
                    yield item
            self.done.append(partial(self.state.mark_file, str(path), st.st_size, st.st_mtime_ns, self.report.started))

    def feed(self, url: str) -> Iterator[Article]:
        w = self.w
        now = self.report.started
        known = self.state.feed(url)
        if known.next_try is not None and now < known.next_try - 0.1 * w.every:
            self.report.backed_off.append((url, known.next_try))
            return
        headers = {}
        if known.etag:
            headers["If-None-Match"] = known.etag
        if known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        try:
            got = self.reader.fetcher.fetch(url, headers=headers, max_wait=PATIENCE)
            if got.status == 304:
                self.state.feed_answered(url, 304, now)
                self.report.unchanged += 1
                return
            items = feed_articles(got.body, url, w.settings, fetch_pages=self.pages if w.fetch else None)
            first = next(items, None)  # the feed is parsed here: a page that is no feed fails as the feed
        except InputError as exc:
            self.feed_failed(url, known.failures + 1, exc)
            return
        self.state.feed_answered(url, got.status, now)
        self.fetch_failed = False
        complete = True
        for item in _chain(first, items):
            if w.stop.is_set():
                complete = False
                break
            if isinstance(item, InputError):
                if item.code == "T062" and "has no items" in item.message:
                    continue
                self.fail(item)
            elif self.stored(item.url, item.id):
                self.report.skipped += 1
            else:
                yield item
        if complete and not self.fetch_failed:
            etag, modified = got.headers.get("etag"), got.headers.get("last-modified")
            self.done.append(partial(self.state.feed_validators, url, etag, modified))

    def feed_failed(self, url: str, failures: int, exc: InputError) -> None:
        w = self.w
        after = exc.retry_after if isinstance(exc, DownloadError) else None
        delay = w.backoff(failures, after)
        next_try = self.report.started + delay
        self.state.feed_failed(url, f"[{exc.code}] {exc.message}", failures, next_try, self.report.started)
        self.fail(exc)
        when = datetime.fromtimestamp(next_try, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        why = f"; the server asked for {after:g} s (Retry-After)" if after else ""
        w.log(f"tidings: [T121] {url}: failed {failures} time(s) in a row; next try in {_span(delay)} (at {when}){why}")

    def pages(self, links: list[str]) -> Iterator[tuple[str, Article | InputError]]:
        """With ``fetch``: the pages of a feed's items that the store lacks and robots.txt allows."""
        todo: list[str] = []
        for link in links:
            if self.stored(link):
                self.report.skipped += 1
                continue
            refused = self.robots.check(link)
            if refused is not None:
                if refused.code == "T123":
                    self.fetch_failed = True
                yield link, refused
                continue
            todo.append(link)
        self.w.robots_fetched.extend(self.robots.fetched)
        self.robots.fetched.clear()
        for link, result in self.reader.pages(todo):
            if isinstance(result, InputError) and result.code == "T060":
                self.fetch_failed = True
            yield link, result


def _chain(first: Article | InputError | None, rest: Iterator[Article | InputError]) -> Iterator[Article | InputError]:
    if first is not None:
        yield first
        yield from rest


def _span(seconds: float) -> str:
    """``90`` -> ``1m30s``, ``3600`` -> ``1h``."""
    s = round(seconds)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    out = (f"{h}h" if h else "") + (f"{m}m" if m else "") + (f"{sec}s" if sec else "")
    return out or "0s"


def parse_span(text: str, what: str = "--every") -> float:
    """``15m``, ``1h30m``, ``90s``, ``90`` (seconds), ``1d`` as seconds; ``[T125]`` otherwise."""
    import re

    t = text.strip().lower()
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        seconds = float(t)
    elif re.fullmatch(r"(?:\d+(?:\.\d+)?[dhms])+", t):
        unit = {"d": 86400, "h": 3600, "m": 60, "s": 1}
        seconds = sum(float(n) * unit[u] for n, u in re.findall(r"(\d+(?:\.\d+)?)([dhms])", t))
    else:
        raise TidingsError("T125", f"{what} {text!r}: not a duration (like 15m, 1h30m, 90s or 90)")
    if seconds <= 0:
        raise TidingsError("T125", f"{what} {text!r}: must be more than 0 seconds")
    return seconds


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """While inside, SIGINT and SIGTERM set ``stop``: the cycle finishes the article in hand and
    the loop ends. The handlers before are put back on the way out.

    A second signal while stopping raises :class:`KeyboardInterrupt` (the article being written
    is rolled back: its transaction never commits half).
    """

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
