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


# Stories and global events (issue 19): the cross-article layer of tidings/stories.
STORIES = [
    """CREATE TABLE IF NOT EXISTS stories (
        story_id INTEGER PRIMARY KEY,  -- a digest of its first article's id: the same input gives the same ids
        title TEXT,                    -- the title of its earliest article that is not a copy
        first_seen TEXT,               -- the earliest and latest day of its articles (published, else processed)
        last_seen TEXT,
        num_articles INTEGER NOT NULL DEFAULT 0,
        num_sources INTEGER NOT NULL DEFAULT 0,
        num_copies INTEGER NOT NULL DEFAULT 0,     -- articles that are syndicated copies of another one
        main_global_event_id INTEGER,              -- the act most of its articles lead with
        seed_article_id TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS global_events (
        global_event_id INTEGER PRIMARY KEY,  -- a digest of its first mention (article id, event index)
        date TEXT,              -- the day all its reports allow, else its representative's date
        day_lo TEXT,            -- the span of days its reports allow (what a new report must overlap)
        day_hi TEXT,
        root TEXT NOT NULL,
        cameo TEXT NOT NULL,
        event_name TEXT,
        quad_class INTEGER,
        goldstein REAL,
        realis TEXT NOT NULL,   -- asserted (asserted or reported), negated, or the modality (future, ...)
        symmetric INTEGER NOT NULL DEFAULT 0,
        source_code TEXT,
        source_name TEXT,
        source_block TEXT NOT NULL DEFAULT '',  -- the source's country (or IGO, NGO...): the blocking key
        target_code TEXT,
        target_name TEXT,
        target_block TEXT NOT NULL DEFAULT '',
        source_person TEXT,     -- the party's name when reports name a person (Erdogan is not Fidan)
        target_person TEXT,
        place_name TEXT,
        place_country TEXT,
        place_geonameid INTEGER,
        place_lat REAL,
        place_lon REAL,
        place_strong INTEGER NOT NULL DEFAULT 0,  -- told in an act's own clause (not a dateline)
        place_broad INTEGER NOT NULL DEFAULT 0,   -- a country or province
        num_mentions INTEGER NOT NULL DEFAULT 0,  -- tellings over all articles (each event's mention_count)
        num_articles INTEGER NOT NULL DEFAULT 0,
        num_sources INTEGER NOT NULL DEFAULT 0,
        num_independent INTEGER NOT NULL DEFAULT 0,  -- articles that are not copies of one another
        confidence REAL,          -- 1 - prod(1 - best confidence of each independent article)
        representative_event_id INTEGER,  -- its most confident mention (events.id)
        first_seen TEXT,
        last_seen TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS article_signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        day TEXT,                   -- published, else the day it was processed
        source_key TEXT NOT NULL,   -- source, else URL host, else the article id
        lead_end INTEGER NOT NULL,  -- offset where the headline and first paragraph end
        shingles INTEGER NOT NULL,  -- how many word 5-shingles its body has
        minhash BLOB NOT NULL,      -- 128 uint32 minimum hashes of the body's shingles
        vector BLOB,                -- float32 unit vector of the headline and lede
        vector_kind TEXT,           -- model or lexical (never compared with each other)
        main_event_id INTEGER       -- the act it leads with (events.id)
    )""",
    """CREATE TABLE IF NOT EXISTS article_lsh (
        band INTEGER NOT NULL,
        bucket INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE
    )""",
    "CREATE INDEX IF NOT EXISTS articles_story ON articles(story_id)",
    "CREATE INDEX IF NOT EXISTS events_global_event ON events(global_event_id)",
    "CREATE INDEX IF NOT EXISTS stories_last_seen ON stories(last_seen)",
    "CREATE INDEX IF NOT EXISTS global_events_source ON global_events(root, source_block, day_hi)",
    "CREATE INDEX IF NOT EXISTS global_events_target ON global_events(root, target_block, day_hi)",
    "CREATE INDEX IF NOT EXISTS global_events_place ON global_events(root, place_geonameid, day_hi)",
    "CREATE INDEX IF NOT EXISTS global_events_date ON global_events(date)",
    "CREATE INDEX IF NOT EXISTS article_signatures_day ON article_signatures(day)",
    "CREATE INDEX IF NOT EXISTS article_lsh_bucket ON article_lsh(band, bucket)",
    "CREATE INDEX IF NOT EXISTS article_lsh_article ON article_lsh(article_id)",
    """CREATE VIEW IF NOT EXISTS global_event_view AS
        SELECT g.global_event_id, g.date, g.root, g.cameo, g.event_name, g.source_code, g.source_name,
               g.target_code, g.target_name, g.place_name AS place, g.place_country AS country,
               g.num_mentions, g.num_articles, g.num_sources, g.num_independent, g.confidence,
               g.first_seen, g.last_seen, g.symmetric, g.realis, a.story_id,
               g.representative_event_id, e.sentence AS representative_sentence, a.title AS representative_title,
               (SELECT group_concat(k, ', ') FROM (
                   SELECT DISTINCT s.source_key AS k FROM events m
                   JOIN article_signatures s ON s.article_id = m.article_id
                   WHERE m.global_event_id = g.global_event_id ORDER BY k)) AS sources
        FROM global_events g
        LEFT JOIN events e ON e.id = g.representative_event_id
        LEFT JOIN articles a ON a.id = e.article_id""",
    """CREATE VIEW IF NOT EXISTS story_view AS
        SELECT st.story_id, st.title, st.first_seen, st.last_seen, st.num_articles, st.num_sources, st.num_copies,
               (SELECT count(DISTINCT e.global_event_id) FROM articles a JOIN events e ON e.article_id = a.id
                WHERE a.story_id = st.story_id) AS num_global_events,
               st.main_global_event_id,
               (SELECT group_concat(k, ', ') FROM (
                   SELECT DISTINCT s.source_key AS k FROM articles a JOIN article_signatures s ON s.article_id = a.id
                   WHERE a.story_id = st.story_id ORDER BY k)) AS sources
        FROM stories st""",
]


def _stories(conn: sqlite3.Connection) -> None:
    """Stories (articles about one piece of news) and global events (the reports of one act across
    articles): ``stories``, ``global_events``, their views, ``articles.story_id`` and ``copy_of``,
    ``events.global_event_id``, and what the layer keeps to join later articles (signatures, LSH)."""
    for table, column, kind in (
        ("articles", "story_id", "INTEGER"),
        ("articles", "copy_of", "TEXT"),
        ("events", "global_event_id", "INTEGER"),
    ):
        if column not in _columns(conn, table):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    for statement in STORIES:
        conn.execute(statement)


# What `tidings watch` (issue 24) remembers between cycles and across restarts.
WATCH = [
    """CREATE TABLE IF NOT EXISTS watch_feeds (
        url TEXT PRIMARY KEY,
        etag TEXT,               -- the validators of its last whole answer, sent back as If-None-Match
        last_modified TEXT,      -- and If-Modified-Since (kept only once all its items were settled)
        failures INTEGER NOT NULL DEFAULT 0,  -- failed cycles in a row
        next_try REAL,           -- unix time before which it is not asked again (backoff, Retry-After)
        last_status INTEGER,     -- HTTP status of the last answer (304: unchanged)
        last_error TEXT,
        last_checked REAL
    )""",
    """CREATE TABLE IF NOT EXISTS watch_robots (
        origin TEXT PRIMARY KEY,  -- scheme://host:port
        day TEXT NOT NULL,        -- the UTC day it was fetched: kept for that day
        status INTEGER,           -- 200, or the 4xx that means no rules
        body TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS watch_files (
        path TEXT PRIMARY KEY,    -- a file of a watched folder, read whole
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        done_at REAL NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS watch_alerts (
        global_event_id INTEGER PRIMARY KEY,  -- a global event already alerted on
        alerted_at REAL NOT NULL
    )""",
]


def _watch(conn: sqlite3.Connection) -> None:
    """The state of ``tidings watch``: feeds' validators and backoff, robots.txt per host and day,
    the files of a watched folder already read, the global events already alerted on."""
    for statement in WATCH:
        conn.execute(statement)


MIGRATIONS = (
    Migration(1, "initial", _initial),
    Migration(2, "event and quote positions; event_mentions", _positions_and_mentions),
    Migration(3, "symmetric events", _symmetric_events),
    Migration(4, "stories and global events", _stories),
    Migration(5, "watch state", _watch),
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
