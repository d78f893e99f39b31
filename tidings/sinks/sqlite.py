"""The SQLite store: articles and everything found in them, in one file.

Tables are named and laid out for people reading them in Datasette or the
sqlite3 shell: one row per article, actor, event, event mention, quote, place
and time (columns from :mod:`tidings.records`), with the actor codes and names
copied into the event rows so that the common questions ("what did RUSGOV do
to BLR in August 2020?") need no join. Views (``event_view``, ``quote_view``)
add the article's title and date; ``quote_events`` links a quote to the
events it states. The schema is versioned (:mod:`tidings.sinks.migrations`).

Each article is written in one transaction; processing it again deletes its
old rows first (foreign keys cascade), so a re-run never duplicates and a
crash never leaves half an article behind.

The sink also joins each article to the stories and global events already in
the store (:mod:`tidings.stories`), in that same transaction: the store is the
one place that holds every earlier article, so this is where a new one can be
compared with them, and an article, its story and its events' global events
are written together or not at all. ``[stories] enabled = false`` turns it off.

A fault of the store itself (a full disk, a read-only file, another process
holding the lock past the busy timeout, a corrupt file, a failing disk) is a
:class:`~tidings.errors.StoreError` with its own code (``T090``-``T094``):
the run stops there, and what was committed before stays.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from tidings.config import Settings
from tidings.errors import StoreError, TidingsError
from tidings.model import Article
from tidings.records import Row, failure_row, now, rows
from tidings.sinks.base import BaseSink
from tidings.sinks.migrations import check_version, migrate
from tidings.stories.join import Joiner
from tidings.stories.options import Options

#: Seconds a writer waits for another process's lock before it gives up (``[store] busy_timeout``).
BUSY_TIMEOUT = 30.0

_FAULTS = {  # SQLite's primary result codes -> the store fault's code and what it means
    5: ("T092", "locked by another process (waited {timeout:g} s; [store] busy_timeout)"),  # SQLITE_BUSY
    6: ("T092", "locked (waited {timeout:g} s; [store] busy_timeout)"),  # SQLITE_LOCKED
    8: ("T091", "read-only (the file, its folder or its file system cannot be written)"),  # SQLITE_READONLY
    10: ("T094", "disk I/O error"),  # SQLITE_IOERR
    11: ("T093", "corrupt (restore a backup, or recover it with the sqlite3 shell's .recover)"),  # SQLITE_CORRUPT
    13: ("T090", "full (no space left on the disk, or the file's size limit)"),  # SQLITE_FULL
    14: ("T091", "cannot be opened for writing (a missing or read-only folder?)"),  # SQLITE_CANTOPEN
    26: ("T093", "not a SQLite database, or its header is corrupt"),  # SQLITE_NOTADB
}


def store_error(exc: sqlite3.Error, path: object, *, timeout: float = BUSY_TIMEOUT) -> TidingsError:
    """A SQLite error as a coded one: a fault of the store (:class:`StoreError`, the run stops), else T030."""
    code = getattr(exc, "sqlite_errorcode", None)
    fault = _FAULTS.get(code & 0xFF) if isinstance(code, int) else None
    if fault is None and isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc):
        fault = _FAULTS[11]
    if fault is None:
        return TidingsError("T030", f"{path}: database error: {exc}")
    number, what = fault
    return StoreError(number, f"{path}: the store is {what.format(timeout=timeout)} [{exc}]")


def connect(path: str | Path, *, readonly: bool = False, busy_timeout: float = BUSY_TIMEOUT) -> sqlite3.Connection:
    """Open the store, creating or upgrading it; ``readonly`` refuses every write (``tidings query``).

    A writer waits up to ``busy_timeout`` seconds for another process's lock.
    """
    try:
        if readonly:
            if not Path(path).exists():
                raise TidingsError("T030", f"{path}: no such database")
            conn = sqlite3.connect(
                f"file:{Path(path).resolve()}?mode=ro", uri=True, isolation_level=None, timeout=busy_timeout
            )
            check_version(conn, path)
        else:
            if Path(path).is_dir():
                raise StoreError("T091", f"{path}: the store is a folder, not a file")
            # isolation_level=None: transactions are explicit (see ``transaction``).
            conn = sqlite3.connect(str(path), isolation_level=None, timeout=busy_timeout)
            conn.execute("PRAGMA journal_mode=WAL")
            migrate(conn, path)
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.Error as exc:
        error = store_error(exc, path, timeout=busy_timeout)
        raise (
            error if isinstance(error, StoreError) else TidingsError("T030", f"{path}: cannot open database: {exc}")
        ) from exc
    conn.row_factory = sqlite3.Row
    return conn


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing: a failure inside rolls the article back.

    ``BEGIN IMMEDIATE`` takes the write lock at once, so a second writer waits for it
    (up to the busy timeout) instead of failing half-way through its article.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            with suppress(sqlite3.Error):  # the error that got us here is the one to report
                conn.rollback()
        raise
    else:
        conn.commit()


def _insert(conn: sqlite3.Connection, table: str, row: Row, drop: Sequence[str] = ()) -> int:
    cols = [c for c in row if c not in drop]
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    return int(conn.execute(sql, [row[c] for c in cols]).lastrowid or 0)


def _insert_many(conn: sqlite3.Connection, table: str, table_rows: list[Row]) -> None:
    if not table_rows:
        return
    cols = list(table_rows[0])
    sql = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    conn.executemany(sql, [[r[c] for c in cols] for r in table_rows])


def save(conn: sqlite3.Connection, article: Article, joiner: Joiner | None = None) -> None:
    """Write one article (replacing any earlier version of it) in one transaction; with a ``joiner``,
    join it to the store's stories and global events in that transaction."""
    save_rows(conn, rows(article, processed_at=now()), joiner)


def save_rows(conn: sqlite3.Connection, tables: dict[str, list[Row]], joiner: Joiner | None = None) -> None:
    """As :func:`save`, from the article's rows (:func:`tidings.records.rows`, as a Parquet shard holds them)."""
    art = tables["articles"][0]
    article_id = art["id"]
    prepared = joiner.prepare(art["title"], art["text"]) if joiner is not None else None
    with transaction(conn):
        before = joiner.previous(conn, article_id) if joiner is not None else None
        conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        _insert_many(conn, "articles", tables["articles"])
        _insert_many(conn, "actors", tables["actors"])
        # Row ids stand for the article's own positions in the link tables.
        event_ids = [_insert(conn, "events", r) for r in tables["events"]]
        quote_ids = [_insert(conn, "quotes", r) for r in tables["quotes"]]
        _insert_many(
            conn, "event_mentions", [{**r, "event_id": event_ids[r["event_index"]]} for r in tables["event_mentions"]]
        )
        _insert_many(
            conn,
            "quote_events",
            [{"quote_id": quote_ids[r["quote_index"]], "event_id": event_ids[r["event_index"]]}
             for r in tables["quote_events"]],
        )  # fmt: skip
        _insert_many(conn, "places", tables["places"])
        _insert_many(conn, "times", tables["times"])
        if joiner is not None and prepared is not None and before is not None:
            joiner.attach(conn, article_id, prepared, before)


def record_failure(conn: sqlite3.Connection, input_name: str, error: str) -> None:
    """One failure row per input and error: a re-run that fails the same way does not add another."""
    with transaction(conn):
        conn.execute("DELETE FROM failures WHERE input = ? AND error = ?", (input_name, error))
        _insert(conn, "failures", failure_row(input_name, error))


def has_article(conn: sqlite3.Connection, article_id: str) -> bool:
    """True when an article with this id is stored (a re-run skips it)."""
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def has_url(conn: sqlite3.Connection, url: str) -> bool:
    """True when an article read from (or published at) this URL is stored: no need to download it again."""
    row = conn.execute("SELECT 1 FROM articles WHERE input = ? OR url = ? LIMIT 1", (url, url)).fetchone()
    return row is not None


def query(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run SQL and return (column names, rows)."""
    try:
        cur = conn.execute(sql, params)
    except sqlite3.Error as exc:
        raise TidingsError("T031", f"query failed: {exc}") from exc
    cols = [d[0] for d in cur.description or []]
    return cols, [tuple(r) for r in cur.fetchall()]


class SQLiteSink(BaseSink):
    """The SQLite store as a sink: ``run(inputs, sink=SQLiteSink("news.db"))``.

    Knows what it holds (a re-run skips stored articles and URLs; a URL with a
    ``#fragment`` counts as its page), writes each article in one transaction,
    joins it to the stories and global events of the store (``[stories]`` of
    ``settings``; ``joiner`` to pass one ready-made), and keeps one row per
    failed input and reason. Opening a store with articles not yet joined joins
    them first, oldest first.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        settings: Settings | None = None,
        joiner: Joiner | None = None,
        busy_timeout: float | None = None,
    ) -> None:
        self.path = path
        self.busy_timeout = busy_timeout if busy_timeout is not None else (
            settings.busy_timeout if settings is not None else BUSY_TIMEOUT
        )  # fmt: skip
        self.conn: sqlite3.Connection | None = None
        self.settings = settings
        self.joiner = joiner
        self._joins: bool | None = None if joiner is None else True

    def open(self) -> None:
        if self.conn is None:
            self.conn = connect(self.path, busy_timeout=self.busy_timeout)
            if self._joins is None:
                options = Options.from_settings(self.settings)
                self._joins = options.enabled
                self.joiner = Joiner(options) if options.enabled else None
            if self.joiner is not None:
                try:
                    self.joiner.catch_up(self.conn)
                except sqlite3.Error as exc:
                    raise self._fault(exc) from exc

    def _fault(self, exc: sqlite3.Error) -> TidingsError:
        return store_error(exc, self.path, timeout=self.busy_timeout)

    def _db(self) -> sqlite3.Connection:
        if self.conn is None:
            self.open()
        assert self.conn is not None
        return self.conn

    def has_article(self, article_id: str) -> bool:
        try:
            return has_article(self._db(), article_id)
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc

    def has_url(self, url: str) -> bool:
        conn = self._db()
        try:
            return has_url(conn, url) or ("#" in url and has_url(conn, url.split("#", 1)[0]))
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc

    def write(self, article: Article) -> None:
        try:
            save(self._db(), article, self.joiner)
        except sqlite3.Error as exc:
            error = self._fault(exc)
            if isinstance(error, StoreError):
                raise error from exc
            raise TidingsError("T030", f"{article.input or article.id}: could not store: {exc}") from exc
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise TidingsError("T030", f"{article.input or article.id}: could not store: {exc}") from exc

    def write_rows(self, tables: dict[str, list[Row]]) -> None:
        """Keep one article given as its rows (``tidings load`` of a Parquet folder); all or nothing."""
        where = tables["articles"][0].get("input") or tables["articles"][0]["id"]
        try:
            save_rows(self._db(), tables, self.joiner)
        except sqlite3.Error as exc:
            error = self._fault(exc)
            if isinstance(error, StoreError):
                raise error from exc
            raise TidingsError("T030", f"{where}: could not store: {exc}") from exc
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise TidingsError("T030", f"{where}: could not store: {exc}") from exc

    def write_failure(self, input_name: str, message: str) -> None:
        try:
            record_failure(self._db(), input_name, message)
        except sqlite3.Error as exc:
            raise self._fault(exc) from exc

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None
