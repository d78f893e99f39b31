"""Store stage: articles and everything found in them, in one SQLite file.

Tables are named and laid out for people reading them in Datasette or the
sqlite3 shell: one row per article, actor, event, quote, place and time, with
the actor codes and names copied into the event rows so that the common
questions ("what did RUSGOV do to BLR in August 2020?") need no join. Views
(``event_view``, ``quote_view``) add the article's title and date; ``quote_events``
links a quote to the events it states.

Each article is written in one transaction; processing it again deletes its
old rows first (foreign keys cascade), so a re-run never duplicates and a
crash never leaves half an article behind.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tidings.errors import TidingsError
from tidings.model import ActorRef, Article, Place

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    input TEXT,
    url TEXT,
    title TEXT,
    source TEXT,
    published TEXT,
    focus_country TEXT,
    text TEXT NOT NULL,
    notes TEXT,
    processed_at TEXT NOT NULL,
    tidings_version TEXT NOT NULL,
    author TEXT,
    raw TEXT  -- the text as read, before cleaning; offsets index `text`, not this
);
CREATE TABLE IF NOT EXISTS actors (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL,
    name TEXT NOT NULL,
    code TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    wikidata TEXT,
    kind TEXT,
    mention_count INTEGER NOT NULL,
    mentions TEXT NOT NULL,  -- JSON list of {text, start, end}
    PRIMARY KEY (article_id, actor_id)
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    cameo TEXT NOT NULL,
    root TEXT NOT NULL,
    event_name TEXT,
    plover TEXT NOT NULL,
    plover_mode TEXT,
    quad_class INTEGER NOT NULL,
    goldstein REAL NOT NULL,
    source_actor_id INTEGER,
    source_code TEXT,
    source_name TEXT,
    source_country TEXT,
    source_text TEXT,
    source_start INTEGER,
    source_end INTEGER,
    target_actor_id INTEGER,
    target_code TEXT,
    target_name TEXT,
    target_country TEXT,
    target_text TEXT,
    target_start INTEGER,
    target_end INTEGER,
    trigger TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    sentence TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    date TEXT,
    date_source TEXT,
    place_name TEXT,
    place_country TEXT,
    place_geonameid INTEGER,
    place_lat REAL,
    place_lon REAL,
    place_source TEXT,
    negated INTEGER NOT NULL,
    modality TEXT NOT NULL,
    confidence REAL NOT NULL,
    pattern TEXT,
    mention_count INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS quotes (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    speaker_actor_id INTEGER,
    speaker_code TEXT,
    speaker_name TEXT,
    speaker_text TEXT,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER
);
CREATE TABLE IF NOT EXISTS quote_events (
    quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS places (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    name TEXT NOT NULL,
    country TEXT,
    geonameid INTEGER,
    lat REAL,
    lon REAL,
    admin1 TEXT,
    feature TEXT,
    role TEXT
);
CREATE TABLE IF NOT EXISTS times (
    id INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    value TEXT,
    kind TEXT,
    rule TEXT
);
CREATE TABLE IF NOT EXISTS failures (
    input TEXT NOT NULL,
    error TEXT NOT NULL,
    failed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);
CREATE INDEX IF NOT EXISTS articles_input ON articles(input);
CREATE INDEX IF NOT EXISTS failures_input ON failures(input);
CREATE INDEX IF NOT EXISTS actors_code ON actors(code);
CREATE INDEX IF NOT EXISTS events_article ON events(article_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo);
CREATE INDEX IF NOT EXISTS events_root ON events(root);
CREATE INDEX IF NOT EXISTS events_source_code ON events(source_code);
CREATE INDEX IF NOT EXISTS events_target_code ON events(target_code);
CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS quotes_speaker_code ON quotes(speaker_code);
CREATE INDEX IF NOT EXISTS quote_events_quote ON quote_events(quote_id);
CREATE INDEX IF NOT EXISTS quote_events_event ON quote_events(event_id);
CREATE INDEX IF NOT EXISTS places_article ON places(article_id);
CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid);
CREATE INDEX IF NOT EXISTS times_article ON times(article_id);
CREATE VIEW IF NOT EXISTS event_view AS
    SELECT e.date, e.source_name, e.source_code, e.cameo, e.event_name, e.plover,
           e.target_name, e.target_code, e.place_name, e.place_country, e.negated, e.modality,
           e.confidence, e.goldstein, e.quad_class, e.sentence, a.title AS article_title,
           a.published, e.article_id, e.id AS event_id
    FROM events e JOIN articles a ON a.id = e.article_id;
CREATE VIEW IF NOT EXISTS quote_view AS
    SELECT a.published, q.speaker_name, q.speaker_code, q.kind, q.text AS quote,
           a.title AS article_title, q.article_id, q.id AS quote_id
    FROM quotes q JOIN articles a ON a.id = q.article_id;
"""


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the store; ``readonly`` refuses every write (used by ``tidings query``)."""
    try:
        if readonly:
            if not Path(path).exists():
                raise TidingsError("T030", f"{path}: no such database")
            conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True, isolation_level=None)
        else:
            # isolation_level=None: transactions are explicit (see ``transaction``).
            conn = sqlite3.connect(str(path), isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            _add_columns(conn)
            conn.executescript(SCHEMA)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except sqlite3.Error as exc:
        raise TidingsError("T030", f"{path}: cannot open database: {exc}") from exc
    conn.execute("PRAGMA foreign_keys=ON")
    conn.row_factory = sqlite3.Row
    return conn


# Columns added after the first release: a store written by an older tidings gets them on open.
ADDED_COLUMNS = {"articles": (("author", "TEXT"), ("raw", "TEXT"))}


def _add_columns(conn: sqlite3.Connection) -> None:
    for table, columns in ADDED_COLUMNS.items():
        have = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
        if not have:
            continue  # a new store: the schema creates the table whole
        for name, kind in columns:
            if name not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")


def has_article(conn: sqlite3.Connection, article_id: str) -> bool:
    """True when an article with this id is stored (a re-run skips it)."""
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


def has_url(conn: sqlite3.Connection, url: str) -> bool:
    """True when an article read from (or published at) this URL is stored: no need to download it again."""
    row = conn.execute("SELECT 1 FROM articles WHERE input = ? OR url = ? LIMIT 1", (url, url)).fetchone()
    return row is not None


def _ref(ref: ActorRef | None) -> list[Any]:
    if ref is None:
        return [None] * 7
    a = ref.actor
    return [a.id, a.code, a.name, a.country, ref.span.text, ref.span.start, ref.span.end]


def _place(p: Place | None) -> list[Any]:
    if p is None:
        return [None] * 5
    return [p.name, p.country, p.geonameid, p.lat, p.lon]


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """All or nothing: a failure inside rolls the article back."""
    conn.execute("BEGIN")
    try:
        yield conn
    except BaseException:
        conn.rollback()
        raise
    else:
        conn.commit()


def save(conn: sqlite3.Connection, article: Article) -> None:
    """Write one article (replacing any earlier version of it) in one transaction."""
    from tidings.version import __version__

    now = datetime.now(UTC).isoformat(timespec="seconds")
    with transaction(conn):
        conn.execute("DELETE FROM articles WHERE id = ?", (article.id,))
        conn.execute(
            "INSERT INTO articles (id, input, url, title, source, published, focus_country, text, notes,"
            " processed_at, tidings_version, author, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.input,
                article.url,
                article.title,
                article.source,
                article.published,
                article.focus_country,
                article.text,
                json.dumps(article.notes) if article.notes else None,
                now,
                __version__,
                article.author,
                article.raw,
            ),
        )
        conn.executemany(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article.id,
                    a.id,
                    a.name,
                    a.code,
                    a.country,
                    a.sector,
                    a.wikidata,
                    a.kind,
                    len(a.mentions),
                    json.dumps([m.to_dict() for m in a.mentions]),
                )
                for a in article.actors
            ],
        )
        conn.executemany(
            f"INSERT INTO events VALUES (NULL, {', '.join(['?'] * 40)})",
            [
                (
                    article.id,
                    e.cameo,
                    e.root,
                    e.name,
                    e.plover,
                    e.plover_mode,
                    e.quad_class,
                    e.goldstein,
                    *_ref(e.source),
                    *_ref(e.target),
                    e.trigger.text,
                    e.trigger.start,
                    e.trigger.end,
                    e.sentence.text,
                    e.sentence.start,
                    e.date,
                    e.date_source,
                    *_place(e.place),
                    e.place_source,
                    int(e.negated),
                    e.modality,
                    e.confidence,
                    e.pattern,
                    1 + len(e.mentions),
                )
                for e in article.events
            ],
        )
        conn.executemany(
            "INSERT INTO quotes VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article.id,
                    q.kind,
                    q.text,
                    q.start,
                    q.end,
                    *(_ref(q.speaker)[:3] + _ref(q.speaker)[4:5]),
                    q.cue.text if q.cue else None,
                    q.cue.start if q.cue else None,
                    q.cue.end if q.cue else None,
                )
                for q in article.quotes
            ],
        )
        # A quote that states an event links to its row: ids in insertion order map list indexes.
        event_rows = [
            r[0] for r in conn.execute("SELECT id FROM events WHERE article_id = ? ORDER BY id", (article.id,))
        ]
        quote_rows = [
            r[0] for r in conn.execute("SELECT id FROM quotes WHERE article_id = ? ORDER BY id", (article.id,))
        ]
        conn.executemany(
            "INSERT INTO quote_events VALUES (?, ?)",
            [
                (quote_rows[qi], event_rows[ei])
                for qi, q in enumerate(article.quotes)
                for ei in q.event_ids
                if 0 <= ei < len(event_rows)
            ],
        )
        conn.executemany(
            "INSERT INTO places VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article.id,
                    p.text,
                    p.start,
                    p.end,
                    p.name,
                    p.country,
                    p.geonameid,
                    p.lat,
                    p.lon,
                    p.admin1,
                    p.feature,
                    p.role,
                )
                for p in article.places
            ],
        )
        conn.executemany(
            "INSERT INTO times VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)",
            [(article.id, t.text, t.start, t.end, t.value, t.kind, t.rule) for t in article.times],
        )


def record_failure(conn: sqlite3.Connection, input_name: str, error: str) -> None:
    """One failure row per input and error: a re-run that fails the same way does not add another."""
    with transaction(conn):
        conn.execute("DELETE FROM failures WHERE input = ? AND error = ?", (input_name, error))
        conn.execute(
            "INSERT INTO failures VALUES (?, ?, ?)",
            (input_name, error, datetime.now(UTC).isoformat(timespec="seconds")),
        )


def query(conn: sqlite3.Connection, sql: str, params: tuple[Any, ...] = ()) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run SQL and return (column names, rows)."""
    try:
        cur = conn.execute(sql, params)
    except sqlite3.Error as exc:
        raise TidingsError("T031", f"query failed: {exc}") from exc
    cols = [d[0] for d in cur.description or []]
    return cols, [tuple(r) for r in cur.fetchall()]
