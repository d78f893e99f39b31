"""Global events: the reports of one real-world act in different articles, merged in the store.

:func:`assign` gives each stored event of one article its ``global_event_id``:
the best-fitting global event among the candidates (:func:`tidings.stories.acts.fit`), else a new
one. Candidates are looked up by **blocking**: the same CAMEO root, a span of days that reaches
the report's, and a party's country (or the place) in common, through three indexes of
``global_events``; the cost of one report is the number of global events in its block (acts of
one root between one country and others within a few days), not the size of the store.

A syndicated copy adds no global event: its events take those of the same events of its original
(matched by trigger and position in the body), and one its original lacks (a rewritten headline)
joins one of its original's global events that it fits, or stays without one.

:func:`refresh` recomputes a global event from its reports: counts (mentions, articles, sources,
independent articles), first and last seen, its representative (the most confident report), the
day span all its reports allow, parties, place, and a confidence that rises with independent
confirmation: ``1 - prod(1 - c)`` over the best confidence ``c`` of each independent article.
One with no reports left (its articles processed again into other acts) is deleted.

Ids are stable: a global event's id is a digest of its first report (article id and event
index), so the same input gives the same ids, and an article processed again keeps them.

Example::

    touched = assign(conn, "article-1", copy_of=None, options=Options())
    refresh(conn, touched)
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from tidings.stories.actors import block, compatible, known_match
from tidings.stories.acts import Act, Target, fit, mutual, overlap
from tidings.stories.options import Options

#: An event row with what the merging needs of its article and place.
EVENT_SQL = """SELECT e.*, a.published, a.processed_at, a.copy_of, a.title, s.source_key, s.day AS article_day,
    (SELECT p.feature FROM places p WHERE p.article_id = e.article_id AND p.geonameid = e.place_geonameid
     AND p.feature IS NOT NULL LIMIT 1) AS place_feature,
    (SELECT x.kind FROM actors x WHERE x.article_id = e.article_id AND x.actor_id = e.source_actor_id) AS source_kind,
    (SELECT x.kind FROM actors x WHERE x.article_id = e.article_id AND x.actor_id = e.target_actor_id) AS target_kind
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN article_signatures s ON s.article_id = e.article_id"""


def stable_id(conn: sqlite3.Connection, table: str, column: str, key: str) -> int:
    """A 52-bit id from ``key`` (safe in JSON and JavaScript), the next free one on a collision."""
    n = int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big") >> 12
    n = max(n, 1)
    while conn.execute(f"SELECT 1 FROM {table} WHERE {column} = ?", (n,)).fetchone() is not None:
        n += 1
    return n


def acts(conn: sqlite3.Connection, article_id: str, options: Options) -> list[tuple[Act, sqlite3.Row]]:
    """The article's events as acts, in their order, each with its row."""
    rows = conn.execute(EVENT_SQL + " WHERE e.article_id = ? ORDER BY e.event_index", (article_id,)).fetchall()
    return [(Act.from_row(r, options.lookback_days), r) for r in rows]


def candidates(conn: sqlite3.Connection, act: Act) -> list[Target]:
    """Global events in the act's block: same root, a reaching span of days, a country or place in common."""
    if act.span is None:
        return []
    lo, hi = act.span[0].isoformat(), act.span[1].isoformat()
    seen: dict[int, Target] = {}
    queries: list[tuple[str, tuple[Any, ...]]] = []
    for key in {block(act.source), block(act.target)} - {""}:
        for column in ("source_block", "target_block"):
            queries.append((f"root = ? AND {column} = ?", (act.root, key)))
    if act.place is not None and act.place.strong and act.place.geonameid is not None:
        queries.append(("root = ? AND place_geonameid = ?", (act.root, act.place.geonameid)))
    for where, params in queries:
        sql = f"SELECT * FROM global_events WHERE {where} AND day_hi >= ? AND day_lo <= ?"
        for row in conn.execute(sql, (*params, lo, hi)):
            seen.setdefault(int(row["global_event_id"]), Target.from_row(row))
    return list(seen.values())


def best(act: Act, targets: Iterable[Target], place_km: float) -> Target | None:
    """The target ``act`` fits best; ties go to the earliest seen, then the smallest id."""
    scored = [(s, t) for t in targets if (s := fit(act, t, place_km)) is not None]
    if not scored:
        return None
    return min(scored, key=lambda st: (-st[0], st[1].first_seen, st[1].id))[1]


def _create(conn: sqlite3.Connection, act: Act, row: sqlite3.Row) -> Target:
    gid = stable_id(conn, "global_events", "global_event_id", f"{act.article_id}:{act.event_index}")
    lo, hi = (act.span[0].isoformat(), act.span[1].isoformat()) if act.span else (None, None)
    conn.execute(
        "INSERT INTO global_events (global_event_id, root, cameo, realis, symmetric, source_code, source_block,"
        " target_code, target_block, day_lo, day_hi, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            gid,
            act.root,
            act.cameo,
            act.realis,
            int(act.symmetric),
            act.source,
            block(act.source),
            act.target,
            block(act.target),
            lo,
            hi,
            row["article_day"],
        ),
    )
    _set_place(conn, gid, act, row)
    conn.execute(
        "UPDATE global_events SET source_person = ?, target_person = ? WHERE global_event_id = ?",
        (act.source_person, act.target_person, gid),
    )
    return Target(
        gid,
        act.root,
        act.cameo,
        act.realis,
        act.source,
        act.target,
        act.symmetric,
        act.span,
        act.place,
        row["article_day"] or "",
        act.source_person,
        act.target_person,
    )


def _set_place(conn: sqlite3.Connection, gid: int, act: Act, row: sqlite3.Row) -> None:
    if act.place is None:
        return
    conn.execute(
        "UPDATE global_events SET place_name = ?, place_country = ?, place_geonameid = ?, place_lat = ?,"
        " place_lon = ?, place_strong = ?, place_broad = ? WHERE global_event_id = ?",
        (
            row["place_name"],
            act.place.country,
            act.place.geonameid,
            act.place.lat,
            act.place.lon,
            int(act.place.strong),
            int(act.place.broad),
            gid,
        ),
    )


def _absorb(target: Target, act: Act) -> None:
    """What a new report narrows at once (so the article's next report sees it): the span, unknown parties."""
    target.span = overlap(target.span, act.span) or target.span
    target.source = target.source or act.source
    target.target = target.target or act.target
    target.symmetric = target.symmetric or act.symmetric
    target.source_person = target.source_person or act.source_person
    target.target_person = target.target_person or act.target_person
    if act.place is not None and act.place.strong and (target.place is None or not target.place.strong):
        target.place = act.place


def event_key(row: sqlite3.Row) -> tuple[Any, ...]:
    """An event of one article as processing it again gives it back: trigger offset, code, parties."""
    return (row["trigger_start"], row["cameo"], row["source_code"], row["target_code"])


def _existing(conn: sqlite3.Connection, gid: int | None) -> Target | None:
    if gid is None:
        return None
    row = conn.execute("SELECT * FROM global_events WHERE global_event_id = ?", (gid,)).fetchone()
    return Target.from_row(row) if row is not None else None


def _siblings(act: Act, other: Act) -> bool:
    """Two events of one article that one trigger tells (the coder's one event per pair of parties of a
    joint act, or per target of one act) with parties of the same countries: one act."""
    same = block(act.source) == block(other.source) and block(act.target) == block(other.target)
    swapped = block(act.source) == block(other.target) and block(act.target) == block(other.source)
    return act.root == other.root and act.realis == other.realis and (same or (swapped and act.symmetric))


def _target(
    conn: sqlite3.Connection,
    act: Act,
    row: sqlite3.Row,
    local: dict[int, Target],
    original: dict[tuple[Any, ...], int] | None,
    old: Target | None,
    options: Options,
) -> Target | None:
    """The global event one act joins: its old one (the same event, processed again), else the best fit,
    else a new one (none for a copy, which may only join its original's)."""
    if original is not None:
        found = [t for g in sorted(set(original.values())) if (t := _existing(conn, g)) is not None]
    else:
        found = [*local.values(), *(t for t in candidates(conn, act) if t.id not in local)]
    target = old or best(act, found, options.place_km)
    if target is None and original is None:
        target = _create(conn, act, row)
    return target


def assign(
    conn: sqlite3.Connection,
    article_id: str,
    copy_of: str | None,
    options: Options,
    previous: dict[tuple[Any, ...], int] | None = None,
) -> set[int]:
    """Set ``global_event_id`` on every event of the article; returns the global events touched.

    ``previous`` (an article processed again): its old events' global events by :func:`event_key`;
    an event that comes back unchanged keeps its global event, so ids do not move.
    """
    original = _original_events(conn, copy_of) if copy_of else None
    body_start = _body_offset(conn, article_id)
    local: dict[int, Target] = {}  # global events this article made or joined, as it narrows them
    done: dict[int, list[tuple[Act, int]]] = {}  # trigger offset -> the acts it told and their global events
    touched: set[int] = set()
    for act, row in acts(conn, article_id, options):
        gid = (original or {}).get(_copy_key(row, body_start))
        gid = gid or next((g for other, g in done.get(row["trigger_start"], []) if _siblings(act, other)), None)
        if gid is None:
            old = _existing(conn, (previous or {}).get(event_key(row)))
            target = _target(conn, act, row, local, original, old, options)
            if target is not None:
                target = local.setdefault(target.id, target)
                _absorb(target, act)
                gid = target.id
        if gid is not None:
            conn.execute("UPDATE events SET global_event_id = ? WHERE id = ?", (gid, act.event_id))
            _narrow(conn, local.get(gid))
            done.setdefault(row["trigger_start"], []).append((act, gid))
            touched.add(gid)
    return touched


def _narrow(conn: sqlite3.Connection, target: Target | None) -> None:
    if target is None:
        return
    lo, hi = (target.span[0].isoformat(), target.span[1].isoformat()) if target.span else (None, None)
    conn.execute(
        "UPDATE global_events SET day_lo = ?, day_hi = ?, source_code = COALESCE(source_code, ?),"
        " source_block = CASE WHEN source_block = '' THEN ? ELSE source_block END,"
        " target_code = COALESCE(target_code, ?),"
        " target_block = CASE WHEN target_block = '' THEN ? ELSE target_block END,"
        " source_person = COALESCE(source_person, ?), target_person = COALESCE(target_person, ?)"
        " WHERE global_event_id = ?",
        (
            lo,
            hi,
            target.source,
            block(target.source),
            target.target,
            block(target.target),
            target.source_person,
            target.target_person,
            target.id,
        ),
    )


def _body_offset(conn: sqlite3.Connection, article_id: str) -> int:
    """Where the body starts in the article's text (after the headline paragraph)."""
    row = conn.execute("SELECT title, text FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return 0
    title, text = (row["title"] or "").strip(), row["text"] or ""
    if not title or not text.startswith(title):
        return 0
    start = len(title)
    while start < len(text) and text[start] in "\n \t":
        start += 1
    return start


def _copy_key(row: sqlite3.Row, body_start: int) -> tuple[Any, ...]:
    """An event as a copy repeats it: trigger, offset in the body, code and parties."""
    return (row["trigger"], row["trigger_start"] - body_start, row["cameo"], row["source_code"], row["target_code"])


def _original_events(conn: sqlite3.Connection, copy_of: str) -> dict[tuple[Any, ...], int]:
    """The original's events by :func:`_copy_key` -> their global event."""
    start = _body_offset(conn, copy_of)
    out: dict[tuple[Any, ...], int] = {}
    for row in conn.execute("SELECT * FROM events WHERE article_id = ? AND global_event_id IS NOT NULL", (copy_of,)):
        out.setdefault(_copy_key(row, start), int(row["global_event_id"]))
    return out


def refresh(conn: sqlite3.Connection, ids: Iterable[int], options: Options | None = None) -> None:
    """Recompute each global event from its reports; delete those with none left."""
    opts = options or Options()
    for gid in sorted(set(ids)):
        rows = conn.execute(
            EVENT_SQL + " WHERE e.global_event_id = ? ORDER BY s.day, e.article_id, e.event_index", (gid,)
        ).fetchall()
        if not rows:
            conn.execute("DELETE FROM global_events WHERE global_event_id = ?", (gid,))
            continue
        values = summarize(rows, [Act.from_row(r, opts.lookback_days) for r in rows])
        cols = ", ".join(f"{k} = ?" for k in values)
        conn.execute(f"UPDATE global_events SET {cols} WHERE global_event_id = ?", (*values.values(), gid))


def _mode(values: Sequence[Any], prefer: Any) -> Any:
    """The most common non-empty value; ties go to ``prefer``, then to the longest (most specific) value."""
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return max(counts, key=lambda v: (counts[v], v == prefer, len(str(v))))


def _side_fit(s: str | None, t: str | None, rep: sqlite3.Row) -> int:
    """How well the dyad (s, t) lines up with the representative's: -1 incompatible, else shared parties."""
    if not (compatible(s, rep["source_code"]) and compatible(t, rep["target_code"])):
        return -1
    return int(known_match(s, rep["source_code"])) + int(known_match(t, rep["target_code"]))


def _person(x: sqlite3.Row, side: str) -> str | None:
    return x[f"{side}_name"] if x[f"{side}_kind"] == "person" else None


def _oriented(x: sqlite3.Row, rep: sqlite3.Row) -> tuple[Any, ...]:
    """(source, target, source name, target name, source person, target person) of a report, turned
    round to the representative's order when the act is mutual and the report tells it the other way."""
    straight = (
        x["source_code"],
        x["target_code"],
        x["source_name"],
        x["target_name"],
        _person(x, "source"),
        _person(x, "target"),
    )
    if not (x["symmetric"] or rep["symmetric"] or (mutual(x["cameo"]) and mutual(rep["cameo"]))):
        return straight
    if _side_fit(x["target_code"], x["source_code"], rep) > _side_fit(x["source_code"], x["target_code"], rep):
        return straight[1], straight[0], straight[3], straight[2], straight[5], straight[4]
    return straight


def summarize(rows: Sequence[sqlite3.Row], acts_: Sequence[Act]) -> dict[str, Any]:
    """The columns of one global event from its reports (rows in order of their articles' days)."""
    rep = max(range(len(rows)), key=lambda i: (rows[i]["confidence"], -i))
    r = rows[rep]
    span = acts_[rep].span
    for a in acts_:
        span = overlap(span, a.span) or span
    sides = [_oriented(x, r) for x in rows]
    source = _mode([x[0] for x in sides], r["source_code"])
    target = _mode([x[1] for x in sides], r["target_code"])
    names = {(x[0], "s"): x[2] for x in reversed(sides)}
    names.update({(x[1], "t"): x[3] for x in reversed(sides)})
    strong = [i for i, a in enumerate(acts_) if a.place is not None and a.place.strong]
    where = [i for i, a in enumerate(acts_) if a.place is not None]
    pick = strong or where
    place_i = None
    if pick:
        ids = [rows[i]["place_geonameid"] or rows[i]["place_name"] for i in pick]
        top = _mode(ids, rows[rep]["place_geonameid"] or rows[rep]["place_name"])
        place_i = next(i for i in pick if (rows[i]["place_geonameid"] or rows[i]["place_name"]) == top)
    best_by_origin: dict[str, float] = {}
    for x in rows:
        origin = x["copy_of"] or x["article_id"]
        best_by_origin[origin] = max(best_by_origin.get(origin, 0.0), float(x["confidence"]))
    doubt = 1.0
    for c in best_by_origin.values():
        doubt *= 1.0 - min(max(c, 0.0), 1.0)
    days = [x["article_day"] for x in rows if x["article_day"]]
    pl = rows[place_i] if place_i is not None else None
    pa = acts_[place_i].place if place_i is not None else None
    return {
        "date": _date(span, r["date"]),
        "day_lo": span[0].isoformat() if span else None,
        "day_hi": span[1].isoformat() if span else None,
        "cameo": r["cameo"],
        "event_name": r["event_name"],
        "quad_class": r["quad_class"],
        "goldstein": r["goldstein"],
        "symmetric": int(any(x["symmetric"] for x in rows)),
        "source_code": source,
        "source_name": names.get((source, "s")),
        "source_block": block(source),
        "target_code": target,
        "target_name": names.get((target, "t")),
        "target_block": block(target),
        "source_person": _mode([x[4] for x in sides], sides[rep][4]),
        "target_person": _mode([x[5] for x in sides], sides[rep][5]),
        "place_name": pl["place_name"] if pl else None,
        "place_country": pl["place_country"] if pl else None,
        "place_geonameid": pl["place_geonameid"] if pl else None,
        "place_lat": pl["place_lat"] if pl else None,
        "place_lon": pl["place_lon"] if pl else None,
        "place_strong": int(bool(pa and pa.strong)),
        "place_broad": int(bool(pa and pa.broad)),
        "num_mentions": sum(int(x["mention_count"] or 1) for x in rows),
        "num_articles": len({x["article_id"] for x in rows}),
        "num_sources": len({x["source_key"] or x["article_id"] for x in rows}),
        "num_independent": len(best_by_origin),
        "confidence": round(1.0 - doubt, 4),
        "representative_event_id": int(r["id"]),
        "first_seen": min(days) if days else None,
        "last_seen": max(days) if days else None,
    }


def _date(span: tuple[date, date] | None, fallback: str | None) -> str | None:
    if span is not None and span[0] == span[1]:
        return span[0].isoformat()
    return fallback
