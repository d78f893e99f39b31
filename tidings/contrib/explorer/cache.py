"""A small cache of the explorer's read-only pages, dropped whenever the store changes.

The pages only read the store, so the same URL gives the same page until
something is written to it (the paste form, or a ``tidings process`` run on
the same file). Anonymous ``GET`` requests for the plugin's pages (not the
paste form, not static files) are kept, at most ``size`` of them, with the
store's ``PRAGMA data_version`` when they were made, which SQLite changes
whenever another connection commits; a changed version drops them. A
request carrying a cookie or an ``Authorization`` header, a response that
sets a cookie, and any status but 200 are never cached. Responses say
``x-tidings-cache: hit`` or ``miss``.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any

_SKIP = ("/process", "/login", "/static/")
MAX_BODY = 2_000_000


class StoreVersion:
    """The store's ``PRAGMA data_version`` on a connection of its own: it changes when anyone else commits."""

    def __init__(self, path: Callable[[], str | None]) -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = None

    def __call__(self) -> int | None:
        if self.conn is None:
            path = self.path()
            if not path:
                return None
            self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])


def page_cache(app: Any, *, prefix: str, db_path: Callable[[], str | None], size: int = 256) -> Any:
    """``app`` answering repeated anonymous GETs of the pages under ``prefix`` from memory."""
    entries: OrderedDict[tuple[str, bytes], tuple[int, int, list[tuple[bytes, bytes]], bytes]] = OrderedDict()
    version = StoreVersion(db_path)

    async def cached(scope: Any, receive: Callable[[], Awaitable[Any]], send: Callable[[Any], Awaitable[None]]) -> None:
        path = str(scope.get("path", ""))
        headers = dict(scope.get("headers") or [])
        if (
            scope.get("type") != "http"
            or scope.get("method") != "GET"
            or not path.startswith(prefix)
            or any(path.startswith(prefix + s) for s in _SKIP)
            or b"cookie" in headers
            or b"authorization" in headers
        ):
            await app(scope, receive, send)
            return
        stamp = version()
        if stamp is None:
            await app(scope, receive, send)
            return
        key = (path, scope.get("query_string", b""))
        hit = entries.get(key)
        if hit is not None and hit[0] == stamp:
            entries.move_to_end(key)
            _, status, kept, body = hit
            await send(
                {"type": "http.response.start", "status": status, "headers": [*kept, (b"x-tidings-cache", b"hit")]}
            )
            await send({"type": "http.response.body", "body": body})
            return
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def keep(message: Any) -> None:
            if message["type"] == "http.response.start":
                started.update(message)
                message = {**message, "headers": [*message.get("headers", []), (b"x-tidings-cache", b"miss")]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        await app(scope, receive, keep)
        kept = list(started.get("headers", []))
        body = b"".join(chunks)
        if (
            started.get("status") == 200
            and not any(k.lower() == b"set-cookie" for k, _ in kept)
            and len(body) < MAX_BODY
        ):
            entries[key] = (stamp, 200, kept, body)
            entries.move_to_end(key)
            while len(entries) > size:
                entries.popitem(last=False)

    return cached
