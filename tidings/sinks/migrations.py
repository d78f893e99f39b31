"""Named, ordered changes to the SQLite schema, keyed on ``PRAGMA user_version``.

A store records the number of the last migration applied to it. Opening an
older store applies the ones after it, each in its own transaction; a store
written by a newer tidings (a number this one does not know) is refused with
``[T032]`` rather than written in a shape it does not understand.

To change the schema, append a :class:`Migration` with the next number; never
edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from tidings.errors import TidingsError


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


# The first schema (tidings 0.1): tables, indexes and views, as written before migrations had names.
INITIAL = [
    """CREATE TABLE IF NOT EXISTS articles (
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
        raw TEXT  -- the text as read, before cleaning: offsets index `text`, not this
    )""",
    """CREATE TABLE IF NOT EXISTS actors (
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
    )""",
    """CREATE TABLE IF NOT EXISTS events (
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
    )""",
    """CREATE TABLE IF NOT EXISTS quotes (
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
    )""",
    """CREATE TABLE IF NOT EXISTS quote_events (
        quote_id INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE
    )""",
    """CREATE TABLE IF NOT EXISTS places (
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
    )""",
    """CREATE TABLE IF NOT EXISTS times (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        value TEXT,
        kind TEXT,
        rule TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS failures (
        input TEXT NOT NULL,
        error TEXT NOT NULL,
        failed_at TEXT NOT NULL
    )""",
    """CREATE INDEX IF NOT EXISTS articles_published ON articles(published)""",
    """CREATE INDEX IF NOT EXISTS articles_url ON articles(url)""",
    """CREATE INDEX IF NOT EXISTS articles_input ON articles(input)""",
    """CREATE INDEX IF NOT EXISTS failures_input ON failures(input)""",
    """CREATE INDEX IF NOT EXISTS actors_code ON actors(code)""",
    """CREATE INDEX IF NOT EXISTS events_article ON events(article_id)""",
    """CREATE INDEX IF NOT EXISTS events_date ON events(date)""",
    """CREATE INDEX IF NOT EXISTS events_cameo ON events(cameo)""",
    """CREATE INDEX IF NOT EXISTS events_root ON events(root)""",
    """CREATE INDEX IF NOT EXISTS events_source_code ON events(source_code)""",
    """CREATE INDEX IF NOT EXISTS events_target_code ON events(target_code)""",
    """CREATE INDEX IF NOT EXISTS quotes_article ON quotes(article_id)""",
    """CREATE INDEX IF NOT EXISTS quotes_speaker_code ON quotes(speaker_code)""",
    """CREATE INDEX IF NOT EXISTS quote_events_quote ON quote_events(quote_id)""",
    """CREATE INDEX IF NOT EXISTS quote_events_event ON quote_events(event_id)""",
    """CREATE INDEX IF NOT EXISTS places_article ON places(article_id)""",
    """CREATE INDEX IF NOT EXISTS places_geonameid ON places(geonameid)""",
    """CREATE INDEX IF NOT EXISTS times_article ON times(article_id)""",
    """CREATE VIEW IF NOT EXISTS event_view AS
        SELECT e.date, e.source_name, e.source_code, e.cameo, e.event_name, e.plover,
               e.target_name, e.target_code, e.place_name, e.place_country, e.negated, e.modality,
               e.confidence, e.goldstein, e.quad_class, e.sentence, a.title AS article_title,
               a.published, e.article_id, e.id AS event_id
        FROM events e JOIN articles a ON a.id = e.article_id""",
    """CREATE VIEW IF NOT EXISTS quote_view AS
        SELECT a.published, q.speaker_name, q.speaker_code, q.kind, q.text AS quote,
               a.title AS article_title, q.article_id, q.id AS quote_id
        FROM quotes q JOIN articles a ON a.id = q.article_id""",
]

# Columns the first schema gained before it had a number: a store written without them gets them.
INITIAL_ADDED_COLUMNS = {"articles": (("author", "TEXT"), ("raw", "TEXT"))}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def _initial(conn: sqlite3.Connection) -> None:
    for table, columns in INITIAL_ADDED_COLUMNS.items():
        have = _columns(conn, table)
        for name, kind in columns:
            if have and name not in have:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
    for statement in INITIAL:
        conn.execute(statement)


def _positions_and_mentions(conn: sqlite3.Connection) -> None:
    """Events and quotes keep their place in the article (``records.rows`` links by it), and each
    event's other mentions (headline, lede, body) get a table of their own."""
    for table, column in (("events", "event_index"), ("quotes", "quote_index")):
        if column not in _columns(conn, table):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} INTEGER")
            conn.execute(
                f"UPDATE {table} SET {column} = (SELECT COUNT(*) FROM {table} o"
                f" WHERE o.article_id = {table}.article_id AND o.id < {table}.id)"
            )
    conn.execute(
        """CREATE TABLE IF NOT EXISTS event_mentions (
        id INTEGER PRIMARY KEY,
        event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        event_index INTEGER NOT NULL,
        mention_index INTEGER NOT NULL,
        trigger TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        headline INTEGER NOT NULL
    )"""
    )
    conn.execute("CREATE INDEX IF NOT EXISTS event_mentions_event ON event_mentions(event_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS event_mentions_article ON event_mentions(article_id)")


def _symmetric_events(conn: sqlite3.Connection) -> None:
    """A joint act between two parties is one event marked symmetric (issue 17), not one each way."""
    if "symmetric" not in _columns(conn, "events"):
        conn.execute("ALTER TABLE events ADD COLUMN symmetric INTEGER NOT NULL DEFAULT 0")


MIGRATIONS = (
    Migration(1, "initial", _initial),
    Migration(2, "event and quote positions; event_mentions", _positions_and_mentions),
    Migration(3, "symmetric events", _symmetric_events),
)
LATEST = MIGRATIONS[-1].version


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_version(conn: sqlite3.Connection, path: object) -> int:
    """The store's schema number; ``[T032]`` when a newer tidings wrote it."""
    have = version(conn)
    if have > LATEST:
        raise TidingsError(
            "T032",
            f"{path}: written by a newer tidings (schema {have}; this one knows up to {LATEST}); upgrade tidings",
        )
    return have


def migrate(conn: sqlite3.Connection, path: object) -> list[Migration]:
    """Bring the store up to :data:`LATEST`; returns the migrations applied (none for a current store)."""
    have = check_version(conn, path)
    applied = []
    for m in MIGRATIONS:
        if m.version <= have:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            m.apply(conn)
            conn.execute(f"PRAGMA user_version = {m.version}")
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
        applied.append(m)
    return applied
