"""The tidings plugin for Datasette: its hooks.

Registered through the ``datasette`` entry point of the package (so a plain
``datasette serve news.db`` has the pages too) and by ``tidings serve``.

- ``startup``: find the served store, read the ``tidings`` plugin settings, start the processor;
- ``register_routes``: the pages (:mod:`~tidings.contrib.explorer.views`, :mod:`~tidings.contrib.explorer.paste`)
  and the packaged static files;
- ``prepare_jinja2_environment``: the plugin's templates; ``extra_css_urls`` / ``extra_js_urls``: their assets;
- ``actor_from_request`` / ``permission_allowed``: the process token;
- ``asgi_wrapper``: the Content-Security-Policy and the request-size guard;
- ``menu_links``, ``render_cell``: links from Datasette's own pages into the explorer;
- ``register_facet_classes``: the month facet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datasette import hookimpl
from markupsafe import Markup

from tidings.contrib.explorer import state as st
from tidings.contrib.explorer.cache import page_cache
from tidings.contrib.explorer.facet import MonthFacet
from tidings.contrib.explorer.paste import body_limit, login_page, process_page
from tidings.contrib.explorer.process import Processor
from tidings.contrib.explorer.queries import is_store
from tidings.contrib.explorer.security import (
    PROCESS_ACTOR,
    PROCESS_PERMISSION,
    bearer,
    inline_hashes,
    page_policy,
    site_policy,
    tile_origin,
    token_matches,
    with_headers,
)
from tidings.contrib.explorer.views import (
    actor_page,
    actor_path,
    article_page,
    article_path,
    events_page,
    index_page,
    map_page,
    timeline_page,
)

CONTRIB = Path(__file__).resolve().parents[1]
STATIC = CONTRIB / "static"
TEMPLATES = CONTRIB / "templates"
_P = r"^/-/tidings"
_FMT = r"(?P<format>\.json)?$"


@hookimpl
def register_routes(datasette: Any) -> list[tuple[str, Any]]:
    from datasette.utils.asgi import asgi_static

    return [
        (_P + r"/?$", index_page),
        (_P + "/events" + _FMT, events_page),
        (_P + r"/article/(?P<article_id>[^/]+?)" + _FMT, article_page),
        (_P + r"/actor/(?P<code>[^/]+?)" + _FMT, actor_page),
        (_P + "/map" + _FMT, map_page),
        (_P + "/timeline" + _FMT, timeline_page),
        (_P + "/process" + _FMT, process_page),
        (_P + "/login$", login_page),
        (_P + r"/static/(?P<path>.*)$", asgi_static(STATIC)),
    ]


async def _find_store(datasette: Any, wanted: str | None) -> str | None:
    for name, db in datasette.databases.items():
        if db.is_memory or name == "_internal" or (wanted and name != wanted):
            continue
        if await db.execute_fn(is_store):
            return str(name)
    return None


@hookimpl
def startup(datasette: Any) -> Any:
    async def inner() -> None:
        cfg = datasette.plugin_config("tidings") or {}
        state = st.State(
            database=await _find_store(datasette, cfg.get("database")),
            allow_process=bool(cfg.get("allow_process")),
            token=cfg.get("token") or None,
            tile_url=cfg.get("tile_url") or None,
            tile_attribution=str(cfg.get("tile_attribution") or ""),
            max_chars=int(cfg.get("max_chars") or st.MAX_CHARS),
            timeout=float(cfg.get("process_timeout") or st.TIMEOUT),
            site_csp=bool(cfg.get("site_csp")),
            config=cfg.get("config") or None,
        )
        source, _, _ = datasette.jinja_env.loader.get_source(datasette.jinja_env, "_close_open_menus.html")
        state.script_hashes = inline_hashes(source)
        if state.allow_process and state.token and state.database:
            path = datasette.get_database(state.database).path
            state.processor = Processor(path, timeout=state.timeout, config=state.config)
            state.processor.start()  # the worker loads tidings while the first page is read
        st.put(datasette, state)

    return inner


@hookimpl
def prepare_jinja2_environment(env: Any, datasette: Any) -> None:
    from jinja2 import ChoiceLoader, FileSystemLoader

    env.loader = ChoiceLoader([env.loader, FileSystemLoader(str(TEMPLATES))])


def _static(datasette: Any, path: str) -> str:
    return str(datasette.urls.path(f"{st.PREFIX}/static/{path}"))


@hookimpl
def extra_css_urls(template: str, view_name: str | None, datasette: Any) -> list[str]:
    if template != "tidings/page.html":
        return []
    urls = [_static(datasette, "tidings.css")]
    if view_name == "tidings-map":
        urls.insert(0, _static(datasette, "vendor/leaflet/leaflet.css"))
    return urls


@hookimpl
def extra_js_urls(template: str, view_name: str | None, datasette: Any) -> list[str]:
    if template != "tidings/page.html":
        return []
    if view_name == "tidings-article":
        return [_static(datasette, "article.js")]
    if view_name == "tidings-map":
        return [
            _static(datasette, "vendor/leaflet/leaflet.js"),
            _static(datasette, "vendor/topojson-client/topojson-client.min.js"),
            _static(datasette, "map.js"),
        ]
    return []


@hookimpl
def actor_from_request(datasette: Any, request: Any) -> dict[str, str] | None:
    state = st.get(datasette)
    if state.allow_process and token_matches(bearer(request.headers.get("authorization")), state.token):
        return dict(PROCESS_ACTOR)
    return None


@hookimpl
def permission_allowed(datasette: Any, actor: dict[str, Any] | None, action: str) -> bool | None:
    if action != PROCESS_PERMISSION:
        return None
    state = st.get(datasette)
    return bool(state.can_process and actor and actor.get("id") == PROCESS_ACTOR["id"])


@hookimpl
def asgi_wrapper(datasette: Any) -> Any:
    def page_csp() -> str:
        state = st.get(datasette)
        return page_policy(state.script_hashes, tile_origin(state.tile_url))

    def site_csp() -> str | None:
        return site_policy() if st.get(datasette).site_csp else None

    def db_path() -> str | None:
        name = st.get(datasette).database
        return str(datasette.get_database(name).path) if name else None

    def wrap(app: Any) -> Any:
        prefix = str(datasette.urls.path(st.PREFIX))
        cached = page_cache(app, prefix=prefix, db_path=db_path)
        guarded = _size_guard(cached, datasette)
        return with_headers(guarded, prefix=prefix, page_csp=page_csp, site_csp=site_csp)

    return wrap


def _size_guard(app: Any, datasette: Any) -> Any:
    """Refuse a POST to the plugin over the form's limit (413) or of unknown length (411) before anything reads it."""
    from datasette.utils.asgi import Response

    prefix = str(datasette.urls.path(st.PREFIX))

    async def guarded(scope: Any, receive: Any, send: Any) -> None:
        if scope.get("type") == "http" and scope.get("method") == "POST" and scope.get("path", "").startswith(prefix):
            headers = dict(scope.get("headers") or [])
            length = headers.get(b"content-length", b"").decode("latin-1")
            limit = body_limit(st.get(datasette))
            if not length.isdigit():
                await Response.text("[T004] a POST needs a Content-Length\n", status=411).asgi_send(send)
                return
            if int(length) > limit:
                msg = (
                    f"[T004] pasted article: the request is too large ({int(length):,} bytes; the limit is {limit:,})\n"
                )
                await Response.text(msg, status=413).asgi_send(send)
                return
        await app(scope, receive, send)

    return guarded


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    if not st.get(datasette).database:
        return []
    return [
        {"href": str(datasette.urls.path(f"{st.PREFIX}/{p}")), "label": label}
        for p, label in (
            ("events", "Events"),
            ("map", "Map"),
            ("timeline", "Timeline"),
            ("process", "Paste an article"),
        )
    ]


_CODE_COLUMNS = {"source_code", "target_code", "speaker_code", "code"}
_TABLES = {"events", "actors", "quotes", "event_view", "quote_view", "articles", "places", "times", "event_mentions"}


@hookimpl
def render_cell(value: Any, column: str, table: str | None, database: str, datasette: Any) -> Markup | None:
    state = st.get(datasette)
    if database != state.database or table not in _TABLES or not isinstance(value, str) or not value:
        return None
    if column == "article_id" or (column == "id" and table == "articles"):
        return Markup('<a href="{}">{}</a>').format(article_path(datasette, value), value)
    if column in _CODE_COLUMNS and value != "---":
        return Markup('<a href="{}">{}</a>').format(actor_path(datasette, value), value)
    return None


@hookimpl
def register_facet_classes() -> list[type]:
    return [MonthFacet]
