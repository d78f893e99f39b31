"""What ``tidings watch`` remembers in the store between cycles and across restarts.

The tables come from the ``watch state`` migration (:mod:`tidings.sinks.migrations`):
``watch_feeds`` (each feed's ETag and Last-Modified, failures in a row, when to
ask again), ``watch_robots`` (robots.txt per origin and UTC day), ``watch_files``
(files of a watched folder read whole, by path, size and modification time) and
``watch_alerts`` (global events already alerted on). Every change is committed
at once, on the watcher's own connection; the articles go through the sink's.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tidings.sinks.sqlite import connect, store_error


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0
    next_try: float | None = None
    last_status: int | None = None
    last_error: str | None = None


class WatchState:
    """The watcher's tables in the store at ``path`` (created or upgraded when opened)."""

    def __init__(self, path: str | Path, *, busy_timeout: float = 30.0) -> None:
        self.path = path
        self.conn = connect(path, busy_timeout=busy_timeout)

    def close(self) -> None:
        self.conn.close()

    def _write(self, sql: str, params: tuple[object, ...]) -> None:
        try:
            self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise store_error(exc, self.path) from exc

    # Feeds

    def feed(self, url: str) -> FeedState:
        row = self.conn.execute(
            "SELECT etag, last_modified, failures, next_try, last_status, last_error FROM watch_feeds WHERE url = ?",
            (url,),
        ).fetchone()
        return FeedState(url) if row is None else FeedState(url, *tuple(row))

    def feed_answered(self, url: str, status: int, when: float) -> None:
        """The feed answered (200 or 304): its failures are forgiven, it is asked every cycle again."""
        self._write(
            "INSERT INTO watch_feeds (url, failures, next_try, last_status, last_error, last_checked) "
            "VALUES (?, 0, NULL, ?, NULL, ?) ON CONFLICT(url) DO UPDATE SET failures = 0, next_try = NULL, "
            "last_status = excluded.last_status, last_error = NULL, last_checked = excluded.last_checked",
            (url, status, when),
        )

    def feed_validators(self, url: str, etag: str | None, last_modified: str | None) -> None:
        """Keep what the next request sends back (only once every item of this answer is settled)."""
        self._write(
            "INSERT INTO watch_feeds (url, etag, last_modified) VALUES (?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified",
            (url, etag, last_modified),
        )

    def feed_failed(self, url: str, error: str, failures: int, next_try: float, when: float) -> None:
        self._write(
            "INSERT INTO watch_feeds (url, failures, next_try, last_error, last_checked) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(url) DO UPDATE SET failures = excluded.failures, next_try = excluded.next_try, "
            "last_error = excluded.last_error, last_checked = excluded.last_checked",
            (url, failures, next_try, error, when),
        )

    # robots.txt

    def robots(self, origin: str, day: str) -> tuple[int | None, str] | None:
        """The robots.txt of ``origin`` fetched on ``day`` (status, body), or None when there is none of that day."""
        row = self.conn.execute("SELECT status, body FROM watch_robots WHERE origin = ? AND day = ?", (origin, day))
        found = row.fetchone()
        return None if found is None else (found[0], found[1])

    def keep_robots(self, origin: str, day: str, status: int | None, body: str) -> None:
        self._write(
            "INSERT INTO watch_robots (origin, day, status, body) VALUES (?, ?, ?, ?) ON CONFLICT(origin) "
            "DO UPDATE SET day = excluded.day, status = excluded.status, body = excluded.body",
            (origin, day, status, body),
        )

    # Files of a watched folder

    def file_done(self, path: str, size: int, mtime_ns: int) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM watch_files WHERE path = ? AND size = ? AND mtime_ns = ?", (path, size, mtime_ns)
        ).fetchone()
        return row is not None

    def mark_file(self, path: str, size: int, mtime_ns: int, when: float) -> None:
        self._write(
            "INSERT INTO watch_files (path, size, mtime_ns, done_at) VALUES (?, ?, ?, ?) ON CONFLICT(path) "
            "DO UPDATE SET size = excluded.size, mtime_ns = excluded.mtime_ns, done_at = excluded.done_at",
            (path, size, mtime_ns, when),
        )
