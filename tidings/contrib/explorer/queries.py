"""The explorer's reads of the store: plain functions over a ``sqlite3.Connection``.

Every page of the plugin is one of these functions run on Datasette's read
connection (``db.execute_fn``); they never write. They read the tables the
SQLite sink writes (:mod:`tidings.sinks.migrations`) and, when a store holds
events merged across articles, ``global_event_view``.

Example::

    conn = sqlite3.connect("file:tidings.db?mode=ro", uri=True)
    src = event_source(conn)
    total, rows = list_events(conn, src, Filters(root="14"), page=1, per_page=50)
"""

from __future__ import annotations

import csv
import json
import sqlite3
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from tidings.contrib.explorer.filters import GLOBAL, MENTIONS, EventSource, Filters, where

#: Columns a ``global_event_view`` must have for the events page to list it.
GLOBAL_COLUMNS = {"global_event_id", "date", "root", "cameo", "source_code", "target_code", "country", "confidence"}
BUCKETS = ("day", "week", "month")
MAX_FILLED = 1000  # a timeline of more periods than this shows only the periods that have events

_MENTION_COLUMNS = (
    "e.id AS event_id, e.article_id, a.title AS article_title, a.published, e.date, e.date_source, e.cameo, e.root,"
    " e.event_name, e.plover, e.quad_class, e.goldstein, e.source_code, e.source_name, e.source_country,"
    " e.target_code, e.target_name, e.target_country, e.trigger, e.trigger_start, e.trigger_end, e.place_name,"
    " e.place_country, e.negated, e.modality, e.confidence"
)


def _dicts(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description or []]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def relations(conn: sqlite3.Connection) -> set[str]:
    """The names of the store's tables and views."""
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def columns(conn: sqlite3.Connection, relation: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({relation})")}


def is_store(conn: sqlite3.Connection) -> bool:
    """True when the database has the tables of a tidings store."""
    return {"articles", "events", "actors", "quotes", "places", "times"} <= relations(conn)


def event_source(conn: sqlite3.Connection) -> EventSource:
    """Global events when the store has merged any, else the per-article event rows."""
    if "global_event_view" not in relations(conn) or not columns(conn, "global_event_view") >= GLOBAL_COLUMNS:
        return MENTIONS
    return GLOBAL if conn.execute("SELECT 1 FROM global_event_view LIMIT 1").fetchone() else MENTIONS


def event_count(conn: sqlite3.Connection) -> str:
    """How to count events over ``events e`` rows: once per global event where rows carry one."""
    if "global_event_id" in columns(conn, "events"):
        return "COUNT(DISTINCT COALESCE('g' || e.global_event_id, 'm' || e.id))"
    return "COUNT(*)"


@lru_cache(maxsize=1)
def cameo_roots() -> dict[str, str]:
    """CAMEO root code -> name, from the packaged codebook (``tidings/data/cameo.tsv``)."""
    text = resources.files("tidings").joinpath("data", "cameo.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    return {r["code"]: r["name"] for r in rows if len(r["code"]) == 2}


def list_events(
    conn: sqlite3.Connection, src: EventSource, f: Filters, *, page: int = 1, per_page: int = 50, sort: str = "date"
) -> tuple[int, list[dict[str, Any]]]:
    """The total matching and one page of events, newest first (``sort="confidence"``: most confident first)."""
    clause, params = where(f, src)
    total = int(conn.execute(f"SELECT COUNT(*) FROM {src.from_sql} WHERE {clause}", params).fetchone()[0])
    if src is GLOBAL:
        select = "g.*"
        order = "g.date IS NULL, g.date DESC, g.confidence DESC, g.global_event_id"
        if sort == "confidence":
            order = "g.confidence DESC, g.date DESC, g.global_event_id"
    else:
        select = _MENTION_COLUMNS
        order = "e.date IS NULL, e.date DESC, e.confidence DESC, e.id"
        if sort == "confidence":
            order = "e.confidence DESC, e.date DESC, e.id"
    sql = f"SELECT {select} FROM {src.from_sql} WHERE {clause} ORDER BY {order} LIMIT :limit OFFSET :offset"
    rows = _dicts(conn.execute(sql, {**params, "limit": per_page, "offset": (page - 1) * per_page}))
    return total, rows


def facets(conn: sqlite3.Connection, src: EventSource, f: Filters, size: int = 10) -> dict[str, list[dict[str, Any]]]:
    """Counts of the most common values of root, QuadClass, source and target country and month.

    Each facet counts under every filter but its own, so a chosen value still
    shows its alternatives; the chosen value itself is always listed, even when
    it is not among the most common.
    """
    present = "{expr} IS NOT NULL AND {expr} != ''"
    specs = {  # facet: (expression, the filter it sets, the condition a value must meet)
        "root": (src.root, "root", present),
        "quad": (src.quad, "quad", present),
        "source_country": (src.source_country, "source", present),
        "target_country": (src.target_country, "target", present),
        "month": (f"substr({src.date}, 1, 7)", "", f"length({src.date}) >= 7"),
    }
    out: dict[str, list[dict[str, Any]]] = {}
    for name, (expr, param, cond) in specs.items():
        clause, params = where(f, src, skip=param)
        order = "value DESC" if name == "month" else "count DESC, value"
        sql = (
            f"SELECT {expr} AS value, COUNT(*) AS count FROM {src.from_sql} WHERE {clause}"
            f" AND {cond.format(expr=expr)} GROUP BY value ORDER BY {order} LIMIT {size + 1}"
        )
        rows = _dicts(conn.execute(sql, params))
        chosen = getattr(f, param, None) if param else None
        if chosen not in (None, "") and all(str(r["value"]) != str(chosen) for r in rows):
            count_sql = f"SELECT COUNT(*) FROM {src.from_sql} WHERE {clause} AND {expr} = ?"
            rows.append({"value": chosen, "count": conn.execute(count_sql, [*params, chosen]).fetchone()[0]})
        out[name] = rows
    return out


def _bucket_sql(src: EventSource, bucket: str) -> str:
    if bucket == "day":
        return f"date({src.date})"
    if bucket == "week":  # the Monday on or before the date
        return f"date({src.date}, '-6 days', 'weekday 1')"
    return f"(CASE WHEN length({src.date}) >= 7 THEN substr({src.date}, 1, 7) END)"


def _periods(first: str, last: str, bucket: str) -> list[str]:
    """Every period from ``first`` to ``last`` (ISO dates, Mondays or YYYY-MM months)."""
    out: list[str] = []
    if bucket == "month":
        y, m = int(first[:4]), int(first[5:7])
        while f"{y:04d}-{m:02d}" <= last and len(out) <= MAX_FILLED:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    step = timedelta(days=7 if bucket == "week" else 1)
    d, end = date.fromisoformat(first), date.fromisoformat(last)
    while d <= end and len(out) <= MAX_FILLED:
        out.append(d.isoformat())
        d += step
    return out


def timeline(conn: sqlite3.Connection, src: EventSource, f: Filters, bucket: str = "month") -> list[dict[str, Any]]:
    """Event counts per period and QuadClass: ``[{"period", "counts": {1: n, ..., 4: n}, "total"}]``.

    Periods without events between the first and the last are there with zero
    counts (unless there would be more than :data:`MAX_FILLED`); undated events
    and, by day or week, events dated only to a month or year are left out.
    """
    expr = _bucket_sql(src, bucket)
    clause, params = where(f, src)
    sql = (
        f"SELECT {expr} AS period, {src.quad} AS quad, COUNT(*) AS n FROM {src.from_sql}"
        f" WHERE {clause} AND period IS NOT NULL GROUP BY period, quad ORDER BY period"
    )
    found: dict[str, dict[int, int]] = {}
    for period, quad, n in conn.execute(sql, params):
        found.setdefault(period, dict.fromkeys((1, 2, 3, 4), 0))[int(quad)] = int(n)
    if not found:
        return []
    periods = _periods(min(found), max(found), bucket)
    if len(periods) > MAX_FILLED:
        periods = sorted(found)
    empty = dict.fromkeys((1, 2, 3, 4), 0)
    return [
        {"period": p, "counts": dict(found.get(p, empty)), "total": sum(found.get(p, empty).values())} for p in periods
    ]


def map_points(conn: sqlite3.Connection, f: Filters) -> list[dict[str, Any]]:
    """Event places with coordinates: one point per place with its events counted by QuadClass."""
    clause, params = where(f, MENTIONS)
    count = event_count(conn)
    sql = (
        f"SELECT e.place_name, e.place_country, e.place_geonameid, e.place_lat, e.place_lon, e.quad_class,"
        f" {count} AS n FROM {MENTIONS.from_sql} WHERE {clause} AND e.place_lat IS NOT NULL"
        " AND e.place_lon IS NOT NULL GROUP BY e.place_name, e.place_country, e.place_geonameid, e.place_lat,"
        " e.place_lon, e.quad_class"
    )
    points: dict[tuple[Any, ...], dict[str, Any]] = {}
    for name, country, gid, lat, lon, quad, n in conn.execute(sql, params):
        key = (name, country, gid, lat, lon)
        p = points.setdefault(
            key,
            {"name": name, "country": country, "geonameid": gid, "lat": lat, "lon": lon, "total": 0, "counts": {}},
        )
        p["counts"][int(quad)] = p["counts"].get(int(quad), 0) + int(n)
        p["total"] += int(n)
    return sorted(points.values(), key=lambda p: (-p["total"], p["name"] or ""))


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One article and everything found in it, or ``None``."""
    found = _dicts(conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)))
    if not found:
        return None
    one = (article_id,)
    out: dict[str, Any] = {"article": found[0]}
    out["events"] = _dicts(conn.execute("SELECT * FROM events WHERE article_id = ? ORDER BY id", one))
    out["event_mentions"] = []
    if "event_mentions" in relations(conn):
        sql = "SELECT * FROM event_mentions WHERE article_id = ? ORDER BY event_id, mention_index"
        out["event_mentions"] = _dicts(conn.execute(sql, one))
    actors = _dicts(conn.execute("SELECT * FROM actors WHERE article_id = ? ORDER BY actor_id", one))
    for a in actors:
        a["mentions"] = json.loads(a["mentions"] or "[]")
    out["actors"] = actors
    out["quotes"] = _dicts(conn.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY start, id", one))
    out["places"] = _dicts(conn.execute("SELECT * FROM places WHERE article_id = ? ORDER BY start, id", one))
    out["times"] = _dicts(conn.execute("SELECT * FROM times WHERE article_id = ? ORDER BY start, id", one))
    return out


def actor(conn: sqlite3.Connection, code: str, *, limit: int = 50) -> dict[str, Any] | None:
    """An actor code across the store: its names, timeline, counterparts, events and quotes; ``None`` if unknown."""
    names = _dicts(
        conn.execute(
            "SELECT name, country, sector, kind, COUNT(DISTINCT article_id) AS articles,"
            " SUM(mention_count) AS mentions FROM actors WHERE code = ? GROUP BY name, country, sector, kind"
            " ORDER BY articles DESC, mentions DESC, name",
            (code,),
        )
    )
    involved = "(e.source_code = :code OR e.target_code = :code)"
    p = {"code": code, "limit": limit}
    count = event_count(conn)
    total = conn.execute(f"SELECT {count} FROM events e WHERE {involved}", p).fetchone()[0]
    if not names and not total:
        return None
    monthly: dict[str, dict[int, int]] = {}
    sql = (
        f"SELECT substr(e.date, 1, 7) AS month, e.quad_class, {count} FROM events e"
        f" WHERE {involved} AND length(e.date) >= 7 GROUP BY month, e.quad_class ORDER BY month"
    )
    for month, quad, n in conn.execute(sql, p):
        monthly.setdefault(month, dict.fromkeys((1, 2, 3, 4), 0))[int(quad)] = int(n)
    events = _dicts(
        conn.execute(
            f"SELECT {_MENTION_COLUMNS} FROM {MENTIONS.from_sql} WHERE {involved}"
            " ORDER BY e.date IS NULL, e.date DESC, e.confidence DESC, e.id LIMIT :limit",
            p,
        )
    )
    quotes = _dicts(
        conn.execute(
            "SELECT q.id AS quote_id, q.article_id, a.title AS article_title, a.published, q.kind, q.text,"
            " q.start, q.end, q.speaker_name, q.speaker_text, q.cue FROM quotes q JOIN articles a"
            " ON a.id = q.article_id WHERE q.speaker_code = :code"
            " ORDER BY a.published IS NULL, a.published DESC, q.start LIMIT :limit",
            p,
        )
    )
    return {
        "code": code,
        "names": names,
        "event_count": int(total),
        "timeline": [{"period": m, "counts": c, "total": sum(c.values())} for m, c in sorted(monthly.items())],
        "counterparts": counterparts(conn, code),
        "events": events,
        "quotes": quotes,
    }


def counterparts(conn: sqlite3.Connection, code: str, size: int = 12) -> list[dict[str, Any]]:
    """The actors ``code`` acts on or is acted on by, most events first, with counts each way and by QuadClass."""
    count = event_count(conn)
    sql = (
        "SELECT CASE WHEN e.source_code = :code THEN e.target_code ELSE e.source_code END AS other,"
        " CASE WHEN e.source_code = :code THEN e.target_name ELSE e.source_name END AS name,"
        f" e.source_code = :code AS outgoing, e.quad_class, {count} AS n FROM events e"
        " WHERE (e.source_code = :code OR e.target_code = :code) AND other IS NOT NULL AND other != :code"
        " GROUP BY other, name, outgoing, e.quad_class"
    )
    found: dict[str, dict[str, Any]] = {}
    for other, name, outgoing, quad, n in conn.execute(sql, {"code": code}):
        c = found.setdefault(
            other, {"code": other, "names": {}, "outgoing": 0, "incoming": 0, "counts": dict.fromkeys((1, 2, 3, 4), 0)}
        )
        c["names"][name] = c["names"].get(name, 0) + int(n)
        c["outgoing" if outgoing else "incoming"] += int(n)
        c["counts"][int(quad)] += int(n)
    out = []
    for c in found.values():
        names = c.pop("names")
        c["name"] = max(sorted(names), key=lambda k: names[k]) if names else c["code"]
        c["total"] = c["outgoing"] + c["incoming"]
        c["quad"] = max((1, 2, 3, 4), key=lambda q: (c["counts"][q], -q))
        out.append(c)
    out.sort(key=lambda c: (-c["total"], c["code"]))
    return out[:size]
