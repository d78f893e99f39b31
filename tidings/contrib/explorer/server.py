"""``tidings serve``: Datasette on a tidings store, with the plugin and the metadata.

:func:`build` makes the Datasette instance (checked store, metadata, plugin
settings); :func:`serve` runs it with uvicorn until interrupted. The server
binds to 127.0.0.1 unless told otherwise, and the store is only read, except
by the paste form when ``allow_process`` is given (and then only for a
holder of the token).

Example::

    from tidings.contrib.explorer import serve
    serve("news.db", port=8001)            # http://127.0.0.1:8001/-/tidings/events
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tidings.contrib.explorer import state as st
from tidings.contrib.explorer.metadata import metadata
from tidings.errors import TidingsError

#: Datasette settings under ``tidings serve``: SQL bounded in time and rows (Datasette's SQL is read-only).
SETTINGS = {"sql_time_limit_ms": 2000, "max_returned_rows": 1000, "default_allow_sql": True}


def check_store(db: str | Path) -> None:
    """``[T030]`` when ``db`` is missing, ``[T032]`` when a newer tidings wrote it, ``[T115]`` when it is no store."""
    from tidings.contrib.explorer.queries import is_store
    from tidings.sinks import connect

    conn = connect(db, readonly=True)
    try:
        if not is_store(conn):
            raise TidingsError("T115", f"{db}: not a tidings store (no articles and events tables)")
    finally:
        conn.close()


def register_plugin() -> None:
    """Make sure the plugin is registered with Datasette (the entry point does it for installed packages)."""
    from datasette.plugins import pm

    from tidings.contrib.explorer import plugin

    if not pm.is_registered(plugin) and pm.get_plugin("tidings") is None:
        pm.register(plugin, name="tidings")


def build(
    db: str | Path,
    *,
    allow_process: bool = False,
    token: str | None = None,
    tile_url: str | None = None,
    tile_attribution: str = "",
    max_chars: int = st.MAX_CHARS,
    timeout: float = st.TIMEOUT,
    config: str | None = None,
) -> Any:
    """A Datasette instance serving ``db`` with the tidings plugin (its startup hooks not yet run)."""
    try:
        from datasette.app import Datasette
    except ImportError as exc:  # pragma: no cover - the extra is part of the pinned install
        raise TidingsError("T115", "tidings serve needs Datasette: pip install 'tidings[serve]'") from exc
    check_store(db)
    register_plugin()
    if allow_process and token:
        os.environ[st.TOKEN_ENV] = token  # read through Datasette's {"$env": ...}: never in the metadata
    name = Path(db).stem
    meta = metadata(name)
    meta["plugins"] = {
        "tidings": st.plugin_config(
            allow_process=allow_process,
            tile_url=tile_url,
            tile_attribution=tile_attribution,
            max_chars=max_chars,
            timeout=timeout,
            config=config,
        )
        | {"database": name}
    }
    return Datasette([str(db)], metadata=meta, settings=dict(SETTINGS), secret=secrets.token_hex(32))


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8001,
    allow_process: bool = False,
    token: str | None = None,
    say: Callable[[str], None] = print,
    **options: Any,
) -> None:
    """Serve ``db`` until interrupted. With ``allow_process`` and no token, one is made up and shown."""
    import asyncio

    import uvicorn

    if allow_process and not token:
        token = os.environ.get(st.TOKEN_ENV) or secrets.token_urlsafe(24)
        say(f"tidings: the token for the paste form is {token}")
    ds = build(db, allow_process=allow_process, token=token, **options)
    asyncio.run(ds.invoke_startup())
    if not is_loopback(host):
        say(f"tidings: listening on {host}: anyone who can reach this machine can read {db}")
    say(f"tidings: serving {db} at http://{host}:{port}{st.PREFIX}/events (Ctrl-C to stop)")
    try:
        uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on", workers=1)
    finally:
        processor = st.get(ds).processor
        if processor is not None:
            processor.close()
