"""The plugin's pages: events, article, actor, map and timeline, each with a JSON twin.

Every page answers ``/-/tidings/<page>`` with HTML and ``/-/tidings/<page>.json``
(or ``?_format=json``) with the same data as JSON. The data comes from
:mod:`tidings.contrib.explorer.queries` on Datasette's read-only connection,
within Datasette's SQL time limit; the HTML from the templates in
``tidings/contrib/templates/tidings/`` (autoescaped; the article text is
escaped span by span in :mod:`~tidings.contrib.explorer.highlight`).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote, unquote, urlencode

from markupsafe import Markup

from tidings.clean import furniture
from tidings.contrib.explorer import charts, highlight, queries
from tidings.contrib.explorer import state as st
from tidings.contrib.explorer.filters import QUAD_NAMES, Filters, parse
from tidings.errors import TidingsError

T = TypeVar("T")

STATUS = {"T009": 400, "T004": 413, "T110": 400, "T111": 404, "T112": 403, "T113": 504, "T114": 429, "T115": 404}
PER_PAGE = 50
ACTOR_CODE_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


def wants_json(request: Any) -> bool:
    return bool(request.url_vars.get("format")) or request.args.get("_format") == "json"


def island(data: Any) -> Markup:
    """JSON to embed in ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left to end the element."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return Markup(text)


def web_url(url: Any) -> str:
    """``url`` when it is an http(s) address, else empty: no ``javascript:`` link comes from a stored article."""
    text = str(url or "").strip()
    return text if text.lower().startswith(("http://", "https://")) else ""


def page_path(datasette: Any, page: str, params: dict[str, Any] | None = None) -> str:
    """The path of a plugin page with a query string (empty values left out)."""
    path = str(datasette.urls.path(f"{st.PREFIX}/{page}"))
    query = {k: v for k, v in (params or {}).items() if v not in (None, "")}
    return path + ("?" + urlencode(query) if query else "")


def article_path(datasette: Any, article_id: str, fragment: str = "") -> str:
    """The article page; dots are encoded too, so an id ending in ".json" is not read as the JSON twin."""
    path = page_path(datasette, "article/" + quote(article_id, safe="").replace(".", "%2E"))
    return path + (f"#{fragment}" if fragment else "")


def actor_path(datasette: Any, code: str | None) -> str:
    return page_path(datasette, "actor/" + quote(code or "", safe="").replace(".", "%2E")) if code else ""


TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


@lru_cache(maxsize=1)
def _pages() -> Any:
    """The Jinja environment of the pages' bodies: synchronous (much faster than Datasette's async one), escaping."""
    import jinja2

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True)


async def render(
    datasette: Any, request: Any, template: str, context: dict[str, Any], data: Any, status: int = 200, title: str = ""
) -> Any:
    """The JSON twin of ``data``, or the HTML page: ``template``'s body in Datasette's frame (``tidings/page.html``)."""
    from datasette.utils.asgi import Response

    if wants_json(request):
        return Response.json(data, status=status, default=str)
    nav = {name: page_path(datasette, name, context.get("filters_query")) for name in ("events", "map", "timeline")}
    nav["process"] = page_path(datasette, "process")
    state = st.get(datasette)
    if state.database:
        nav["sql"] = str(datasette.urls.database(state.database))
    csrftoken = request.scope.get("csrftoken") or (lambda: "")
    body = _pages().get_template(template).render({**context, "nav": nav, "csrftoken": csrftoken})
    name = template.rsplit("/", 1)[-1].removesuffix(".html")
    frame = {"body": Markup(body), "page_title": title or name, "page_name": name, "nav": nav}
    frame["json_url"] = json_url(request)
    html = await datasette.render_template("tidings/page.html", frame, request=request, view_name=f"tidings-{name}")
    return Response.html(html, status=status)


def json_url(request: Any) -> str:
    args = [(k, v) for k, v in _pairs(request) if k != "_format"] + [("_format", "json")]
    return request.path + "?" + urlencode(args)


def _pairs(request: Any) -> list[tuple[str, str]]:
    return [(k, v) for k in request.args for v in request.args.getlist(k)]


async def error(datasette: Any, request: Any, exc: TidingsError) -> Any:
    status = STATUS.get(exc.code, 400)
    data = {"ok": False, "code": exc.code, "error": str(exc)}
    context = {"error": str(exc), "code": exc.code}
    return await render(datasette, request, "tidings/error.html", context, data, status, title=f"Error {exc.code}")


async def read(datasette: Any, fn: Callable[[sqlite3.Connection], T]) -> T:
    """Run ``fn`` on the served store's read connection within Datasette's SQL time limit."""
    from datasette.utils import sqlite_timelimit

    state = st.get(datasette)
    if not state.database:
        raise TidingsError("T115", "no tidings store is served here (a database with the tidings tables)")
    ms = int(datasette.setting("sql_time_limit_ms"))

    def timed(conn: sqlite3.Connection) -> T:
        with sqlite_timelimit(conn, ms):
            return fn(conn)

    try:
        return await datasette.get_database(state.database).execute_fn(timed)
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise TidingsError("T110", f"the query took longer than {ms} ms; narrow the filters") from exc
        raise


def _int(request: Any, name: str, default: int, low: int, high: int) -> int:
    value = request.args.get(name) or ""
    if not value:
        return default
    if not value.isdigit() or not low <= int(value) <= high:
        raise TidingsError("T110", f"parameter {name}={value[:20]!r}: a whole number from {low} to {high}")
    return int(value)


def _choice(request: Any, name: str, choices: tuple[str, ...]) -> str:
    value = request.args.get(name) or choices[0]
    if value not in choices:
        raise TidingsError("T110", f"parameter {name}={value[:20]!r}: one of {', '.join(choices)}")
    return value


# -- events -------------------------------------------------------------------------------------------------------


_FACET_FILTER = {"root": "root", "quad": "quad", "source_country": "source", "target_country": "target"}


def _facet_label(name: str, value: str) -> str:
    if name == "root":
        return f"{value} {queries.cameo_roots().get(value, '')}".strip()
    if name == "quad":
        return f"{value} {QUAD_NAMES.get(int(value), '')}".strip()
    return value


def _facet_items(datasette: Any, page: str, f: Filters, name: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """A facet's values with labels and the link that chooses (or, when chosen, drops) each."""
    items = []
    for r in rows[:10]:
        value = str(r["value"])
        if name == "month":
            chosen = f.date_from == value and f.date_to == value
            changed = f.with_(date_from="", date_to="") if chosen else f.with_(date_from=value, date_to=value)
        else:
            field = _FACET_FILTER[name]
            current = getattr(f, field)
            chosen = current is not None and str(current) == value
            empty: Any = None if field == "quad" else ""
            changed = f.with_(**{field: empty if chosen else (int(value) if field == "quad" else value)})
        items.append(
            {"value": r["value"], "label": _facet_label(name, value), "count": r["count"], "selected": chosen}
            | {"toggle_url": page_path(datasette, page, changed.query())}
        )
    return {"name": name, "items": items, "truncated": len(rows) > 10}


def _event_row(datasette: Any, db: str | None, src_name: str, r: dict[str, Any]) -> dict[str, Any]:
    """An events-page row with its links: article span, actor pages (or the merged event's mentions)."""
    row = dict(r)
    row["root_name"] = queries.cameo_roots().get(str(r.get("root")), "")
    row["source_url"] = actor_path(datasette, r.get("source_code"))
    row["target_url"] = actor_path(datasette, r.get("target_code"))
    if src_name == "global":
        row["mentions_url"] = (
            str(datasette.urls.table(db, "events")) + "?" + urlencode({"global_event_id": r["global_event_id"]})
            if db
            else ""
        )
    else:
        fragment = highlight.span_id("event", r["trigger_start"], r["trigger_end"])
        row["article_url"] = article_path(datasette, r["article_id"], fragment)
        row["title"] = highlight.event_title(r)
    return row


async def events_page(datasette: Any, request: Any) -> Any:
    """``/-/tidings/events``: the events matching the filters, a page at a time, with facets."""
    try:
        f = parse(request.args)
        page = _int(request, "page", 1, 1, 100_000)
        sort = _choice(request, "sort", ("date", "confidence"))

        def fetch(conn: sqlite3.Connection) -> dict[str, Any]:
            src = queries.event_source(conn)
            total, rows = queries.list_events(conn, src, f, page=page, per_page=PER_PAGE, sort=sort)
            return {"source": src.name, "total": total, "rows": rows, "facets": queries.facets(conn, src, f)}

        found = await read(datasette, fetch)
    except TidingsError as exc:
        return await error(datasette, request, exc)
    db = st.get(datasette).database
    rows = [_event_row(datasette, db, found["source"], r) for r in found["rows"]]
    facets = [_facet_items(datasette, "events", f, n, v) for n, v in found["facets"].items()]
    query = f.query()
    pages = max(1, -(-found["total"] // PER_PAGE))
    nxt = page_path(datasette, "events", {**query, "sort": sort, "page": page + 1}) if page < pages else None
    prev = page_path(datasette, "events", {**query, "sort": sort, "page": page - 1}) if page > 1 else None
    data = {
        "source": found["source"],
        "filters": query,
        "total": found["total"],
        "page": page,
        "pages": pages,
        "per_page": PER_PAGE,
        "sort": sort,
        "rows": rows,
        "facets": {fc["name"]: fc["items"] for fc in facets},
        "next_url": nxt,
        "previous_url": prev,
    }
    context = {
        **data,
        "facet_list": facets,
        "f": f,
        "filters_query": query,
        "roots": queries.cameo_roots(),
        "quads": QUAD_NAMES,
        "sort_urls": {s: page_path(datasette, "events", {**query, "sort": s}) for s in ("date", "confidence")},
        "events_table_url": str(datasette.urls.table(db, "events")) if db else "",
    }
    return await render(datasette, request, "tidings/events.html", context, data, title="Events")


# -- article ------------------------------------------------------------------------------------------------------


_FIELDS = {
    "event": (
        "cameo", "event_name", "plover", "plover_mode", "quad_class", "goldstein", "source_code", "source_name",
        "target_code", "target_name", "date", "date_source", "place_name", "place_country", "modality", "negated",
        "confidence", "trigger", "source_start", "source_end", "target_start", "target_end", "trigger_start",
        "trigger_end",
    ),
    "actor": ("name", "code", "country", "sector", "wikidata", "mention_count"),
    "quote": ("speaker_code", "speaker_name", "speaker_text", "cue"),
    "place": ("name", "country", "geonameid", "lat", "lon", "admin1", "feature", "role"),
    "time": ("value", "text"),
}  # fmt: skip


def _records(found: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Every record of the article by the ref its highlights carry: what a highlight's tooltip shows."""
    out: dict[str, dict[str, Any]] = {}
    for e in found["events"]:
        out[f"event:{e['id']}"] = {"kind": "event", "id": e["id"]} | {k: e.get(k) for k in _FIELDS["event"]}
    for a in found["actors"]:
        out[f"actor:{a['actor_id']}"] = {"kind": "actor", "actor_kind": a.get("kind")} | {
            k: a.get(k) for k in _FIELDS["actor"]
        }
    for q in found["quotes"]:
        out[f"quote:{q['id']}"] = {"kind": "quote", "quote_kind": q["kind"]} | {k: q[k] for k in _FIELDS["quote"]}
    for p in found["places"]:
        out[f"place:{p['id']}"] = {"kind": "place"} | {k: p[k] for k in _FIELDS["place"]}
    for t in found["times"]:
        out[f"time:{t['id']}"] = {"kind": "time", "time_kind": t["kind"]} | {k: t[k] for k in _FIELDS["time"]}
    return out


def _raw_and_text(found: dict[str, Any]) -> tuple[str, str]:
    a = found["article"]
    return a.get("raw") or "", a["text"]


async def article_page(datasette: Any, request: Any) -> Any:
    """``/-/tidings/article/<id>``: the cleaned text with every span highlighted, and the tables beside it."""
    article_id = unquote(request.url_vars["article_id"])
    show_removed = request.args.get("removed") in ("1", "yes", "on")
    try:
        found = await read(datasette, lambda conn: queries.article(conn, article_id))
        if found is None:
            raise TidingsError("T111", f"no article {article_id!r} in this store")
    except TidingsError as exc:
        return await error(datasette, request, exc)
    anns = highlight.spans_of(found)
    raw, text = _raw_and_text(found)
    inserts = highlight.removed_inserts(raw, text, furniture) if show_removed and raw else []
    removed = highlight.removed_lines(raw, furniture)
    text_html = highlight.render(text, anns, inserts)
    records = _records(found)
    merged = sorted(highlight.merge(anns), key=lambda a: (a.start, -a.end))
    spans = [{"kind": a.kind, "start": a.start, "end": a.end, "refs": list(a.refs)} for a in merged]
    events = []
    for e in found["events"]:
        row = _event_row(datasette, st.get(datasette).database, "mentions", {**e, "event_id": e["id"]})
        row["span_id"] = highlight.span_id("event", e["trigger_start"], e["trigger_end"])
        events.append(row)
    article = {k: v for k, v in found["article"].items() if k != "raw"}
    data = {
        "article": article,
        "events": found["events"],
        "event_mentions": found["event_mentions"],
        "actors": found["actors"],
        "quotes": found["quotes"],
        "places": found["places"],
        "times": found["times"],
        "spans": spans,
        "removed": [{"line": line, "why": why} for line, why in removed],
    }
    base = article_path(datasette, article_id)
    context = {
        "a": article,
        "original_url": web_url(article.get("url")),
        "text_html": text_html,
        "events": events,
        "actors": [a | {"url": actor_path(datasette, a["code"])} for a in found["actors"]],
        "quotes": found["quotes"],
        "places": found["places"],
        "times": found["times"],
        "island": island({"records": records}),
        "show_removed": show_removed,
        "removed_count": len(data["removed"]),
        "toggle_removed_url": base if show_removed else base + "?removed=1",
        "filters_query": {"article": article_id},
    }
    title = article.get("title") or article["id"]
    return await render(datasette, request, "tidings/article.html", context, data, title=str(title))


# -- actor --------------------------------------------------------------------------------------------------------


async def actor_page(datasette: Any, request: Any) -> Any:
    """``/-/tidings/actor/<code>``: an actor's events by month and QuadClass, its counterparts, its quotes."""
    code = unquote(request.url_vars["code"]).upper()
    try:
        if not code or len(code) > 20 or not set(code) <= ACTOR_CODE_CHARS:
            raise TidingsError("T110", f"actor code {code[:20]!r}: letters, digits and '-' only")
        found = await read(datasette, lambda conn: queries.actor(conn, code))
        if found is None:
            raise TidingsError("T111", f"no actor {code!r} in this store")
    except TidingsError as exc:
        return await error(datasette, request, exc)
    db = st.get(datasette).database
    label = found["names"][0]["name"] if found["names"] else code
    others = [o | {"url": actor_path(datasette, o["code"])} for o in found["counterparts"]]
    context = {
        **found,
        "label": label,
        "bars": charts.stacked_bars(found["timeline"], height=220),
        "net": charts.network(code, label, others),
        "counterparts": others,
        "rows": [_event_row(datasette, db, "mentions", r) for r in found["events"]],
        "quotes": [q | {"article_url": article_path(datasette, q["article_id"])} for q in found["quotes"]],
        "quads": QUAD_NAMES,
        "events_url": page_path(datasette, "events", {"source": code}),
        "events_in_url": page_path(datasette, "events", {"target": code}),
        "filters_query": {},
    }
    return await render(datasette, request, "tidings/actor.html", context, found, title=f"{label} ({code})")


# -- map and timeline ---------------------------------------------------------------------------------------------


async def map_page(datasette: Any, request: Any) -> Any:
    """``/-/tidings/map``: the places of the events matching the filters, on country outlines (tiles if set)."""
    try:
        f = parse(request.args)
        points = await read(datasette, lambda conn: queries.map_points(conn, f))
    except TidingsError as exc:
        return await error(datasette, request, exc)
    state = st.get(datasette)
    db = state.database
    for p in points:
        where = {"place_geonameid": p["geonameid"]} if p["geonameid"] else {"place_name": p["name"]}
        p["events_url"] = str(datasette.urls.table(db, "events")) + "?" + urlencode(where) if db else ""
    data = {
        "filters": f.query(),
        "points": points,
        "tile_url": state.tile_url,
        "tile_attribution": state.tile_attribution if state.tile_url else "",
    }
    setup = {
        **data,
        "countries_url": str(datasette.urls.path(f"{st.PREFIX}/static/vendor/world-atlas/countries-110m.json")),
        "quads": QUAD_NAMES,
    }
    context = {
        **data,
        "island": island(setup),
        "f": f,
        "filters_query": f.query(),
        "roots": queries.cameo_roots(),
        "quads": QUAD_NAMES,
        "mapped": sum(p["total"] for p in points),
    }
    return await render(datasette, request, "tidings/map.html", context, data, title="Map")


async def timeline_page(datasette: Any, request: Any) -> Any:
    """``/-/tidings/timeline``: events per day, week or month by QuadClass, for the filters."""
    try:
        f = parse(request.args)
        bucket = _choice(request, "bucket", ("month", "week", "day"))

        def fetch(conn: sqlite3.Connection) -> tuple[str, list[dict[str, Any]]]:
            src = queries.event_source(conn)
            return src.name, queries.timeline(conn, src, f, bucket)

        source, series = await read(datasette, fetch)
    except TidingsError as exc:
        return await error(datasette, request, exc)
    query = f.query()
    data = {"source": source, "filters": query, "bucket": bucket, "series": series}
    context = {
        **data,
        "f": f,
        "filters_query": query,
        "roots": queries.cameo_roots(),
        "quads": QUAD_NAMES,
        "bars": charts.stacked_bars(series),
        "bucket_urls": {b: page_path(datasette, "timeline", {**query, "bucket": b}) for b in ("month", "week", "day")},
        "total": sum(s["total"] for s in series),
        "events_urls": {
            s["period"]: page_path(datasette, "events", {**query, **_period_range(s["period"], bucket)}) for s in series
        },
    }
    return await render(datasette, request, "tidings/timeline.html", context, data, title="Timeline")


def _period_range(period: str, bucket: str) -> dict[str, str]:
    if bucket != "week":
        return {"from": period, "to": period}
    from datetime import date, timedelta

    end = date.fromisoformat(period) + timedelta(days=6)
    return {"from": period, "to": end.isoformat()}


async def index_page(datasette: Any, request: Any) -> Any:
    """``/-/tidings``: straight to the events."""
    from datasette.utils.asgi import Response

    return Response.redirect(page_path(datasette, "events"))
