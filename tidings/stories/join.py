"""Joining one stored article to the stories and global events already in the store.

The SQLite sink calls a :class:`Joiner` around each article it writes, inside the article's
own transaction, so an article and its joins are stored together or not at all:

1. :meth:`Joiner.prepare` (before the transaction; the sentence-embedding model is the slow
   part): the body's MinHash signature and LSH buckets, the headline-and-lede vector;
2. :meth:`Joiner.previous` (before the article's old rows are deleted, when it is processed
   again): the global events and story its old version belonged to;
3. :meth:`Joiner.attach` (after the article's rows are written): its signature, whether it is a
   copy of a stored article, its events' global events, its story; then every global event and
   story it touched, old or new, is recomputed, so that processing an article again never
   counts it twice.

:meth:`Joiner.catch_up` joins, in the order they were stored, articles a store holds but has
not joined (a store written before stories existed, or with ``[stories] enabled = false``).

Example::

    joiner = Joiner(Options())
    prepared = joiner.prepare(article.title, article.text)
    with transaction(conn):
        before = joiner.previous(conn, article.id)
        ...  # delete the old rows, write the new ones
        joiner.attach(conn, article.id, prepared, before)
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from tidings.stories import clusters, global_events
from tidings.stories.acts import day_of
from tidings.stories.clusters import Prepared
from tidings.stories.options import Options
from tidings.stories.semantic import Similarity, to_blob
from tidings.stories.text import MinHash, body, lead, lead_end, shingles, source_key


@dataclass(frozen=True)
class Previous:
    """What an article's old version belonged to: recomputed after it is written again."""

    global_events: frozenset[int] = frozenset()
    story_id: int | None = None
    #: The old events' global events by (trigger offset, code, source, target): kept when they still fit.
    keys: dict[tuple[object, ...], int] = field(default_factory=dict)


@dataclass
class Joiner:
    """Joins articles to stories and global events (see the module)."""

    options: Options = field(default_factory=Options.from_settings)
    similarity: Similarity | None = None  # made on first use: the model loads once per process
    minhash: MinHash = field(default_factory=MinHash)

    def _similarity(self) -> Similarity:
        if self.similarity is None:
            self.similarity = Similarity.from_name(self.options.similarity)
        return self.similarity

    def prepare(self, title: str | None, text: str) -> Prepared:
        """The article's signatures (no store needed)."""
        sh = shingles(body(text, title))
        sig = self.minhash.signature(sh)
        sim = self._similarity()
        vector = sim.encode([lead(text, title)])[0]
        t = (title or "").strip()
        return Prepared(
            sig,
            self.minhash.buckets(sig),
            len(sh),
            vector,
            sim.kind,
            len(t) if t and text.startswith(t) else 0,
            lead_end(text, title),
        )

    def previous(self, conn: sqlite3.Connection, article_id: str) -> Previous:
        """The global events and story of the stored version of the article (none when it is new)."""
        keys = {
            global_events.event_key(r): int(r["global_event_id"])
            for r in conn.execute(
                "SELECT * FROM events WHERE article_id = ? AND global_event_id IS NOT NULL", (article_id,)
            )
        }
        row = conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return Previous(frozenset(keys.values()), row[0] if row else None, keys)

    def attach(self, conn: sqlite3.Connection, article_id: str, prepared: Prepared, before: Previous) -> int:
        """Join the written article; returns its story id. Runs inside the caller's transaction."""
        art = conn.execute(
            "SELECT published, processed_at, source, url FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        day = day_of(art["published"]) or day_of(art["processed_at"]) or date.today()
        conn.execute("DELETE FROM article_signatures WHERE article_id = ?", (article_id,))
        conn.execute("DELETE FROM article_lsh WHERE article_id = ?", (article_id,))
        copy_of = clusters.find_copy(conn, article_id, prepared, self.options)
        conn.execute("UPDATE articles SET copy_of = ? WHERE id = ?", (copy_of, article_id))
        conn.execute(
            "INSERT INTO article_signatures (article_id, day, source_key, lead_end, shingles, minhash, vector,"
            " vector_kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                day.isoformat(),
                source_key(art["source"], art["url"], article_id),
                prepared.lead_end,
                prepared.shingles,
                prepared.minhash.astype("uint32").tobytes(),
                to_blob(prepared.vector) if prepared.vector is not None else None,
                prepared.kind,
            ),
        )
        if prepared.shingles >= self.options.min_shingles:
            conn.executemany(
                "INSERT INTO article_lsh (band, bucket, article_id) VALUES (?, ?, ?)",
                [(band, bucket, article_id) for band, bucket in prepared.buckets],
            )
        touched = global_events.assign(conn, article_id, copy_of, self.options, before.keys)
        stories = clusters.assign(
            conn, article_id, day, prepared, copy_of, self.options, self._similarity(), before.story_id
        )
        global_events.refresh(conn, touched | before.global_events, self.options)
        clusters.refresh(conn, stories | {before.story_id})
        row = conn.execute("SELECT story_id FROM articles WHERE id = ?", (article_id,)).fetchone()
        return int(row[0])

    def catch_up(self, conn: sqlite3.Connection) -> int:
        """Join every stored article not yet joined, oldest first, each in its own transaction."""
        ids = [r[0] for r in conn.execute("SELECT id FROM articles WHERE story_id IS NULL ORDER BY rowid")]
        for article_id in ids:
            row = conn.execute("SELECT title, text FROM articles WHERE id = ?", (article_id,)).fetchone()
            prepared = self.prepare(row["title"], row["text"] or "")
            conn.execute("BEGIN")
            try:
                self.attach(conn, article_id, prepared, self.previous(conn, article_id))
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        return len(ids)
