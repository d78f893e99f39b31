"""Stories: articles about one piece of news, clustered as they arrive.

An article joins a story in one of these ways, tried in this order:

1. **a copy**: its body is a near-duplicate of a stored article's (MinHash estimate of the
   Jaccard similarity of word 5-shingles at least ``near_duplicate``, candidates found through
   LSH buckets): it joins that article's story and is marked ``copy_of`` it;
2. **the same act**: a story with an article published within ``window_days`` whose
   headline-and-lede vector is at least ``floor`` similar, and whose lead acts (the events its
   articles tell in headline or first paragraph, at ``key_confidence`` or more) include this
   article's main act (the same global event, or one it fits);
3. **a shared act**: such a story whose lead acts share a global event with this article's;
4. **similar enough**: such a story at or above ``join`` similarity,

except that an article never joins a story whose lead acts include acts of the kind of its
main act (same CAMEO root) but none of them that act: the next day's strike, the retaliation,
the follow-up meeting start stories of their own, however alike their wording. (For stories,
acts of one kind between the same two known parties on the same day in one country are one
piece of news wherever they happened, though they are two global events.) An article that
qualifies for several stories that do not exclude each other in that way joins them into one
(the earlier). Otherwise it starts a story.

A story's id is a digest of its first article's id (stable across runs of the same input; an
article processed again stays in its story while it is still alike); its title is the
title of its earliest article that is not a copy; :func:`refresh` keeps its days, counts and
main act (the global event most of its articles lead with) up to date and deletes a story left
with no article.

Example::

    story_id = assign(conn, "article-7", day, prepared, copy_of=None, options=Options(), similarity=sim)
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from tidings.stories.actors import known
from tidings.stories.acts import Act, Target, fit
from tidings.stories.global_events import EVENT_SQL, stable_id
from tidings.stories.options import Options
from tidings.stories.semantic import Similarity, from_blob, to_blob
from tidings.stories.text import MinHash, lead

#: Which of an article's events are told in its lead (headline or first paragraph), by the article's lead end.
LEAD_SQL = """SELECT e.id, e.article_id, e.global_event_id, e.root, e.confidence, e.event_index,
    (e.trigger_start < :title_end OR EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id
        AND m.headline = 1)) AS headline
    FROM events e
    WHERE e.article_id = :article AND e.negated = 0 AND e.modality IN ('asserted', 'reported_claim')
      AND e.global_event_id IS NOT NULL
      AND (e.trigger_start < :lead_end OR EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id
        AND (m.headline = 1 OR m.trigger_start < :lead_end)))"""


@dataclass(frozen=True)
class Prepared:
    """What an article brings to the join, computed before its transaction (the model is slow)."""

    minhash: np.ndarray
    buckets: list[tuple[int, int]]
    shingles: int
    vector: np.ndarray | None
    kind: str
    title_end: int
    lead_end: int


def find_copy(conn: sqlite3.Connection, article_id: str, prepared: Prepared, options: Options) -> str | None:
    """The stored article this one is a near-duplicate of (the first original when that is a copy itself)."""
    if prepared.shingles < options.min_shingles:
        return None
    found: set[str] = set()
    for band, bucket in prepared.buckets:
        for (other,) in conn.execute(
            "SELECT article_id FROM article_lsh WHERE band = ? AND bucket = ? AND article_id != ?",
            (band, bucket, article_id),
        ):
            found.add(other)
    best: tuple[float, str, str] | None = None
    for other in sorted(found):
        row = conn.execute(
            "SELECT s.minhash, s.shingles, s.day, a.copy_of FROM article_signatures s JOIN articles a"
            " ON a.id = s.article_id WHERE s.article_id = ?",
            (other,),
        ).fetchone()
        if row is None or row["shingles"] < options.min_shingles or row["copy_of"] == article_id:
            continue  # (a copy of this very article: this one is the original, processed again)
        j = MinHash.jaccard(prepared.minhash, np.frombuffer(row["minhash"], dtype=np.uint32))
        if j >= options.near_duplicate and (best is None or (-j, row["day"] or "") < (-best[0], best[1])):
            best = (j, row["day"] or "", row["copy_of"] or other)
    return best[2] if best else None


@dataclass(frozen=True)
class Lead:
    """An act an article tells in its headline or first paragraph, with its global event."""

    event_id: int
    gid: int
    root: str
    confidence: float
    headline: bool
    index: int


def leads(conn: sqlite3.Connection, article_id: str, title_end: int, lead_end: int) -> list[Lead]:
    params = {"article": article_id, "title_end": title_end, "lead_end": lead_end}
    return [
        Lead(
            int(r["id"]),
            int(r["global_event_id"]),
            r["root"],
            float(r["confidence"]),
            bool(r["headline"]),
            int(r["event_index"]),
        )
        for r in conn.execute(LEAD_SQL, params)
    ]


def main_lead(items: Iterable[Lead], key_confidence: float) -> Lead | None:
    """The act an article leads with: the headline's first, then the most confident (if confident enough)."""
    sure = [x for x in items if x.confidence >= key_confidence]
    return max(sure, key=lambda x: (x.headline, x.confidence, -x.index), default=None)


@dataclass
class Judge:
    """Whether two lead acts are one act, by the global events they joined or the fit of one to the other."""

    conn: sqlite3.Connection
    options: Options
    _acts: dict[int, Act] = field(default_factory=dict)
    _targets: dict[int, Target | None] = field(default_factory=dict)

    def act(self, event_id: int) -> Act:
        if event_id not in self._acts:
            row = self.conn.execute(EVENT_SQL + " WHERE e.id = ?", (event_id,)).fetchone()
            self._acts[event_id] = Act.from_row(row, self.options.lookback_days)
        return self._acts[event_id]

    def target(self, gid: int) -> Target | None:
        if gid not in self._targets:
            row = self.conn.execute("SELECT * FROM global_events WHERE global_event_id = ?", (gid,)).fetchone()
            self._targets[gid] = Target.from_row(row) if row is not None else None
        return self._targets[gid]

    def same(self, a: Lead, b: Lead) -> bool:
        """One piece of news: one global event, or one act by the merging's rules; or, for a story, acts of
        one kind between the same two known parties on the same day in one country (two places of one
        country that day are one piece of news, though two global events)."""
        if a.gid == b.gid:
            return True
        for x, y in ((a, b), (b, a)):
            act, g = self.act(x.event_id), self.target(y.gid)
            if g is None:
                continue
            if fit(act, g, self.options.place_km) is not None:
                return True
            one_day = act.span is not None and act.span == g.span and act.span[0] == act.span[1]
            parties = all(known(c) for c in (act.source, act.target, g.source, g.target))
            if one_day and parties and fit(act, g, math.inf) is not None:
                return True
        return False

    def relation(self, main: Lead | None, keys: list[Lead]) -> str:
        """``same`` (an act of ``keys`` is ``main``), ``other`` (acts of its kind, none of them it), or ``none``."""
        if main is None:
            return "none"
        kind = [k for k in keys if k.root == main.root]
        if not kind:
            return "none"
        return "same" if any(self.same(main, k) for k in kind) else "other"


@dataclass
class _Story:
    id: int
    sim: float = -1.0
    members: list[str] = field(default_factory=list)
    leads: list[Lead] = field(default_factory=list)

    def keys(self, key_confidence: float) -> list[Lead]:
        return [x for x in self.leads if x.confidence >= key_confidence]


def _neighbours(
    conn: sqlite3.Connection, article_id: str, day: date, prepared: Prepared, options: Options, similarity: Similarity
) -> dict[int, _Story]:
    """Stories with an article within the window at ``floor`` similarity or more: the best similarity of
    each, and its articles' lead acts (read only for those stories)."""
    if prepared.vector is None:
        return {}
    w = timedelta(days=options.window_days)
    rows = conn.execute(
        "SELECT s.article_id, a.story_id, s.vector, s.vector_kind, s.lead_end, a.title, a.text"
        " FROM article_signatures s JOIN articles a ON a.id = s.article_id"
        " WHERE s.day BETWEEN ? AND ? AND a.story_id IS NOT NULL AND s.article_id != ? ORDER BY s.article_id",
        ((day - w).isoformat(), (day + w).isoformat(), article_id),
    ).fetchall()
    if not rows:
        return {}
    stale = [r for r in rows if r["vector_kind"] != prepared.kind or r["vector"] is None]
    fresh: dict[str, np.ndarray] = {}
    if stale:  # vectors another kind of similarity made: make them again with this one
        vectors = similarity.encode([lead(r["text"], r["title"]) for r in stale])
        for r, v in zip(stale, vectors, strict=True):
            fresh[r["article_id"]] = v
            conn.execute(
                "UPDATE article_signatures SET vector = ?, vector_kind = ? WHERE article_id = ?",
                (to_blob(v), prepared.kind, r["article_id"]),
            )
    matrix = np.stack([fresh[r["article_id"]] if r["article_id"] in fresh else from_blob(r["vector"]) for r in rows])
    sims = matrix @ prepared.vector
    out: dict[int, _Story] = {}
    for r, sim in zip(rows, sims, strict=True):
        st = out.setdefault(int(r["story_id"]), _Story(int(r["story_id"])))
        st.sim = max(st.sim, float(sim))
    floor = options.thresholds(prepared.kind)[1]
    out = {k: st for k, st in out.items() if st.sim >= floor}
    for r in rows:
        near = out.get(int(r["story_id"]))
        if near is not None:
            near.members.append(r["article_id"])
            title = (r["title"] or "").strip()
            title_end = len(title) if title and (r["text"] or "").startswith(title) else 0
            near.leads.extend(leads(conn, r["article_id"], title_end, r["lead_end"]))
    return out


def _alone(conn: sqlite3.Connection, story_id: int, article_id: str) -> bool:
    """The story exists and holds no article but this one."""
    if conn.execute("SELECT 1 FROM stories WHERE story_id = ?", (story_id,)).fetchone() is None:
        return False
    other = conn.execute("SELECT 1 FROM articles WHERE story_id = ? AND id != ? LIMIT 1", (story_id, article_id))
    return other.fetchone() is None


def _exclude(judge: Judge, a: _Story, b: _Story, key_confidence: float) -> bool:
    """Two stories that lead with different acts of one kind (neither's key acts of that kind are the other's)."""
    ka, kb = a.keys(key_confidence), b.keys(key_confidence)
    return any(judge.relation(x, ka) == "other" for x in kb) or any(judge.relation(x, kb) == "other" for x in ka)


def choose(
    conn: sqlite3.Connection,
    article_id: str,
    day: date,
    prepared: Prepared,
    options: Options,
    similarity: Similarity,
    previous: int | None = None,
) -> tuple[int | None, list[int]]:
    """The story this (non-copy) article joins (None: one of its own) and the stories it joins into it.

    An article processed again stays in its ``previous`` story while it is still alike (or alone
    there), and joins no other into it, so ids do not move.
    """
    join, floor = options.thresholds(prepared.kind)
    mine = leads(conn, article_id, prepared.title_end, prepared.lead_end)
    main = main_lead(mine, options.key_confidence)
    gids = {x.gid for x in mine}
    near = _neighbours(conn, article_id, day, prepared, options, similarity)
    if previous is not None and (previous in near or _alone(conn, previous, article_id)):
        return previous, []  # processed again and still alike (or alone): it stays, and joins nothing
    judge = Judge(conn, options)
    ranked: list[tuple[int, float, int]] = []
    for st in near.values():
        if st.sim < floor:
            continue
        relation = judge.relation(main, st.keys(options.key_confidence))
        if relation == "other":
            continue  # a different act of the same kind: not this story
        if relation == "same":
            tier = 3
        elif gids & {x.gid for x in st.leads}:
            tier = 2
        elif st.sim >= join:
            tier = 1
        else:
            continue
        ranked.append((tier, st.sim, -st.id))
    if not ranked:
        return None, []
    ranked.sort(reverse=True)
    best = near[-ranked[0][2]]
    merged = []
    for _, _, neg in ranked[1:]:
        other = near[-neg]
        if not _exclude(judge, best, other, options.key_confidence):
            merged.append(other.id)
            best.leads.extend(other.leads)
    return best.id, merged


def assign(
    conn: sqlite3.Connection,
    article_id: str,
    day: date,
    prepared: Prepared,
    copy_of: str | None,
    options: Options,
    similarity: Similarity,
    previous: int | None = None,
) -> set[int]:
    """Put the article in a story (its original's, a matching one, or a new one); returns the stories touched
    (the article's, and those joined into it or left by it), the article's first."""
    story: int | None = None
    merged: list[int] = []
    if copy_of:
        row = conn.execute("SELECT story_id FROM articles WHERE id = ?", (copy_of,)).fetchone()
        story = row["story_id"] if row else None
    if story is None and not copy_of:
        story, merged = choose(conn, article_id, day, prepared, options, similarity, previous)
    if story is None:
        story = stable_id(conn, "stories", "story_id", article_id)
        conn.execute("INSERT INTO stories (story_id, seed_article_id) VALUES (?, ?)", (story, article_id))
    for other in merged:  # the article joins stories of one act that arrived apart
        conn.execute("UPDATE articles SET story_id = ? WHERE story_id = ?", (story, other))
    main = main_lead(leads(conn, article_id, prepared.title_end, prepared.lead_end), options.key_confidence)
    conn.execute(
        "UPDATE article_signatures SET main_event_id = ? WHERE article_id = ?",
        (main.event_id if main is not None else None, article_id),
    )
    conn.execute("UPDATE articles SET story_id = ? WHERE id = ?", (story, article_id))
    return {int(story), *merged}


def refresh(conn: sqlite3.Connection, ids: Iterable[int | None]) -> None:
    """Recompute each story's title, days, counts and main act; delete those with no article left."""
    for sid in sorted({i for i in ids if i is not None}):
        rows = conn.execute(
            "SELECT a.id, a.title, a.copy_of, s.day, s.source_key, e.global_event_id AS main_gid"
            " FROM articles a JOIN article_signatures s ON s.article_id = a.id"
            " LEFT JOIN events e ON e.id = s.main_event_id WHERE a.story_id = ? ORDER BY s.day, a.id",
            (sid,),
        ).fetchall()
        if not rows:
            conn.execute("DELETE FROM stories WHERE story_id = ?", (sid,))
            continue
        first = next((r for r in rows if not r["copy_of"]), rows[0])
        mains = Counter(int(r["main_gid"]) for r in rows if r["main_gid"] is not None)
        order = {int(r["main_gid"]): i for i, r in reversed(list(enumerate(rows))) if r["main_gid"] is not None}
        main = max(mains, key=lambda g: (mains[g], -order[g])) if mains else None
        days = [r["day"] for r in rows if r["day"]]
        conn.execute(
            "UPDATE stories SET title = ?, first_seen = ?, last_seen = ?, num_articles = ?, num_sources = ?,"
            " num_copies = ?, main_global_event_id = ? WHERE story_id = ?",
            (
                first["title"],
                min(days) if days else None,
                max(days) if days else None,
                len(rows),
                len({r["source_key"] for r in rows}),
                sum(1 for r in rows if r["copy_of"]),
                main,
                sid,
            ),
        )


def members_by_story(conn: sqlite3.Connection) -> dict[int, list[str]]:
    """Every story's article ids (for checks and evaluation)."""
    out: dict[int, list[str]] = defaultdict(list)
    for r in conn.execute("SELECT id, story_id FROM articles WHERE story_id IS NOT NULL ORDER BY id"):
        out[int(r["story_id"])].append(r["id"])
    return dict(out)
