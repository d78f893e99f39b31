"""Reading the store for the exports: event rows (per mention or per global event) and what they refer to.

An event row is exactly the ``events`` row the SQLite sink wrote (the columns
of ``tidings.records.COLUMNS["events"]``), plus its row id (``event_id``), the
``global_event_id`` when the store has global events, the ``day`` it is
counted on (:data:`tidings.exports.filters.DAY_SQL`) and the fields of its
article (``article_url``, ``article_title``, ``article_source``,
``article_published``, ``article_processed_at``). Nothing is computed from an
``Article`` a second time: every exporter reads these rows and the store's
other tables (``event_mentions``, ``places``, ``actors``) through a
:class:`Reader`.

"Per mention" is one row per stored event, an event as one article tells it
(its ``mention_count`` counts the times that article tells it). "Per global
event" (``--global``) is one row per real-world event across articles: that
needs the ``global_events`` table and ``events.global_event_id`` column filled in
by the SQLite sink (:mod:`tidings.stories`); a store whose events have none
(written with ``[stories] enabled = false``) is refused with ``[T082]`` rather
than faked. Its most confident report stands for a global event (the store's
``representative_event_id``).

Example::

    reader = Reader(connect("tidings.db", readonly=True))
    for rec in reader.records(Filters.of(country="BLR")):
        print(rec.row["event_id"], rec.row["cameo"], rec.num_mentions)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from tidings.errors import TidingsError
from tidings.exports.filters import DAY_SQL, Filters
from tidings.records import COLUMNS, Row

EVENT_COLUMNS: tuple[str, ...] = COLUMNS["events"]
ARTICLE_FIELDS = ("url", "title", "source", "published", "processed_at")
#: The columns of an event row, in order (the table exports write them all).
ROW_COLUMNS: tuple[str, ...] = (
    "event_id",
    "global_event_id",
    *EVENT_COLUMNS,
    "day",
    *(f"article_{f}" for f in ARTICLE_FIELDS),
)
#: Added to each row of a per-global-event export.
GLOBAL_COLUMNS = ("num_mentions", "num_sources", "num_articles")


@dataclass
class Record:
    """One exported event: its id, its row, and the stored events it stands for (itself, or a global event's)."""

    id: int  # the stored event's row id, or the global event's id
    row: Row
    members: list[Row]
    num_mentions: int
    num_sources: int
    num_articles: int


@dataclass(frozen=True)
class Mention:
    """One telling of an event in its article: the event's own trigger, or a row of ``event_mentions``."""

    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_start: int
    headline: bool


@dataclass(frozen=True)
class Story:
    """The article an event came from, as the exports need it."""

    id: str
    number: int  # the article's row number in the store (ICEWS's numeric Story ID)
    url: str | None
    title: str | None
    source: str | None
    published: str | None
    processed_at: str
    coder: str  # the tidings version that coded it
    input: str | None
    text_length: int
    lead_end: int  # end of the headline and lead paragraph: an event told before it is a "root" event
    tone: float | None


@dataclass(frozen=True)
class PlaceInfo:
    """The stored place an event is placed at, with what the event row lacks (feature, admin1)."""

    name: str
    country: str | None
    geonameid: int | None
    lat: float | None
    lon: float | None
    admin1: str | None
    feature: str | None


@dataclass
class _ArticleCache:
    article_id: str = ""
    places: list[sqlite3.Row] = field(default_factory=list)
    actors: dict[int, sqlite3.Row] = field(default_factory=dict)
    mentions: dict[int, list[Mention]] = field(default_factory=dict)


def lead_end(text: str, title: str | None) -> int:
    """Where the lead ends: after the first paragraph that is not the headline."""
    pos = 0
    if title and text.startswith(title.strip()):
        pos = text.find("\n\n", len(title.strip()))
        if pos < 0:
            return len(text)
        while pos < len(text) and text[pos] == "\n":
            pos += 1
    end = text.find("\n\n", pos)
    return len(text) if end < 0 else end


def source_key(row: Row) -> str:
    """Who published an article: its source, else its URL's host, else the article itself."""
    if row.get("article_source"):
        return str(row["article_source"])
    if row.get("article_url"):
        return urlsplit(str(row["article_url"])).netloc.lower() or str(row["article_url"])
    return str(row["article_id"])


class Reader:
    """Event rows and their articles, places, actors and mentions, from one open store."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.event_columns = {r[1] for r in conn.execute("PRAGMA table_info(events)")}
        self.article_columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.has_global_events = "global_events" in tables and "global_event_id" in self.event_columns
        if self.has_global_events:  # every store has the columns now; events joined to none do not count
            joined = conn.execute("SELECT 1 FROM events WHERE global_event_id IS NOT NULL LIMIT 1").fetchone()
            empty = conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() is None
            self.has_global_events = joined is not None or empty
        self._stories: dict[str, Story] = {}
        self._cache = _ArticleCache()

    def column_types(self) -> dict[str, str]:
        """SQLite's declared type (INTEGER, REAL, TEXT) of every column of an event row."""
        declared = {r[1]: str(r[2]).upper() for r in self.conn.execute("PRAGMA table_info(events)")}
        types = {c: declared.get(c, "TEXT") for c in ROW_COLUMNS}
        types["event_id"] = types["global_event_id"] = "INTEGER"
        types.update(dict.fromkeys(GLOBAL_COLUMNS, "INTEGER"))
        return types

    def _select(self, filters: Filters, order: str) -> Iterator[Row]:
        gid = "e.global_event_id" if "global_event_id" in self.event_columns else "NULL"
        cols = ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
        arts = ", ".join(f"a.{f} AS article_{f}" for f in ARTICLE_FIELDS)
        where, params = filters.where()
        sql = (
            f"SELECT e.id AS event_id, {gid} AS global_event_id, {cols}, ({DAY_SQL}) AS day, {arts}"
            f" FROM events e JOIN articles a ON a.id = e.article_id WHERE {where} ORDER BY {order}"
        )
        for r in self.conn.execute(sql, params):
            yield {c: r[c] for c in ROW_COLUMNS}

    def records(self, filters: Filters, *, per_global: bool = False) -> Iterator[Record]:
        """The events that pass the filters: one record per stored event, or per global event (``[T082]``)."""
        if not per_global:
            for row in self._select(filters, "e.id"):
                yield Record(int(row["event_id"]), row, [row], int(row["mention_count"] or 1), 1, 1)
            return
        if not self.has_global_events:
            raise TidingsError(
                "T082",
                "this store has no global events yet (no global_events table); without --global each event counts",
            )
        group: list[Row] = []
        for row in self._select(filters, "e.global_event_id, COALESCE(a.published, ''), e.id"):
            if row["global_event_id"] is None:
                continue
            if group and row["global_event_id"] != group[0]["global_event_id"]:
                yield _global(group)
                group = []
            group.append(row)
        if group:
            yield _global(group)

    # -- what an event row refers to -------------------------------------------------------------

    def story(self, article_id: str) -> Story:
        """The article of an event (cached)."""
        if article_id not in self._stories:
            tone = ", tone" if "tone" in self.article_columns else ", NULL AS tone"
            r = self.conn.execute(
                "SELECT rowid AS number, id, url, title, source, published, processed_at, tidings_version, input, text"
                f"{tone} FROM articles WHERE id = ?",
                (article_id,),
            ).fetchone()
            text = r["text"] or ""
            self._stories[article_id] = Story(
                r["id"],
                int(r["number"]),
                r["url"],
                r["title"],
                r["source"],
                r["published"],
                r["processed_at"],
                r["tidings_version"],
                r["input"],
                len(text),
                lead_end(text, r["title"]),
                r["tone"],
            )
        return self._stories[article_id]

    def _article(self, article_id: str) -> _ArticleCache:
        if self._cache.article_id != article_id:
            c = _ArticleCache(article_id)
            c.places = list(self.conn.execute("SELECT * FROM places WHERE article_id = ? ORDER BY id", (article_id,)))
            c.actors = {
                int(a["actor_id"]): a
                for a in self.conn.execute("SELECT * FROM actors WHERE article_id = ?", (article_id,))
            }
            for m in self.conn.execute(
                "SELECT * FROM event_mentions WHERE article_id = ? ORDER BY event_index, mention_index", (article_id,)
            ):
                c.mentions.setdefault(int(m["event_index"]), []).append(
                    Mention(
                        m["trigger"],
                        m["trigger_start"],
                        m["trigger_end"],
                        m["sentence"],
                        m["sentence_start"],
                        bool(m["headline"]),
                    )
                )
            self._cache = c
        return self._cache

    def mentions(self, row: Row) -> list[Mention]:
        """Every telling of one stored event: its own trigger first, then its other mentions."""
        story = self.story(row["article_id"])
        own = Mention(
            row["trigger"],
            row["trigger_start"],
            row["trigger_end"],
            row["sentence"],
            row["sentence_start"],
            bool(story.title) and row["sentence_start"] < len(story.title or ""),
        )
        return [own, *self._article(row["article_id"]).mentions.get(int(row["event_index"]), [])]

    def is_root(self, row: Row) -> bool:
        """True when the event is told in the headline or the lead paragraph (GDELT's IsRootEvent)."""
        end = self.story(row["article_id"]).lead_end
        return any(m.headline or m.sentence_start < end for m in self.mentions(row))

    def place(self, row: Row) -> PlaceInfo | None:
        """The event's place with its stored feature and admin1 (matched by GeoNames id, else by name)."""
        if not row.get("place_name"):
            return None
        gid, name = row.get("place_geonameid"), row["place_name"]
        found = None
        for p in self._article(row["article_id"]).places:
            if (gid is not None and p["geonameid"] == gid) or (
                gid is None and p["name"] == name and p["country"] == row.get("place_country")
            ):
                found = p
                if p["feature"]:
                    break
        return PlaceInfo(
            name,
            row.get("place_country"),
            gid,
            row.get("place_lat"),
            row.get("place_lon"),
            found["admin1"] if found else None,
            found["feature"] if found else None,
        )

    def actor(self, row: Row, side: str) -> sqlite3.Row | None:
        """The stored actor (``actors`` row) of an event's ``source`` or ``target``."""
        aid = row.get(f"{side}_actor_id")
        return None if aid is None else self._article(row["article_id"]).actors.get(int(aid))


def _global(group: list[Row]) -> Record:
    """A global event: its most confident report stands for it (the earliest of equals, as the store's
    ``representative_event_id``); mentions, articles and sources are counted over all its reports."""
    row: dict[str, Any] = dict(max(group, key=lambda r: float(r["confidence"] or 0.0)))
    mentions = sum(int(r["mention_count"] or 1) for r in group)
    articles = len({r["article_id"] for r in group})
    sources = len({source_key(r) for r in group})
    row.update(num_mentions=mentions, num_sources=sources, num_articles=articles)
    return Record(int(row["global_event_id"]), row, group, mentions, sources, articles)
