"""What the plugin knows about one Datasette instance: the served store, its settings, the processor.

Settings come from the ``tidings`` section of Datasette's plugin
configuration, which ``tidings serve`` writes (see :func:`plugin_config`);
the token is never written there, only the name of the environment
variable that holds it (Datasette's ``{"$env": ...}`` secrets), so
``/-/metadata.json`` does not show it.

Example (metadata for ``datasette serve news.db -m metadata.json``)::

    {"plugins": {"tidings": {"allow_process": true, "token": {"$env": "TIDINGS_SERVE_TOKEN"}}}}
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from typing import Any

from tidings.contrib.explorer.process import Processor

#: The environment variable ``tidings serve`` reads the process token from (and sets from ``--token``).
TOKEN_ENV = "TIDINGS_SERVE_TOKEN"
#: The URL prefix of every page of the plugin.
PREFIX = "/-/tidings"
MAX_CHARS = 100_000
TIMEOUT = 60.0


@dataclass
class State:
    """The plugin's view of one Datasette instance."""

    database: str | None = None  # the name of the served tidings store, None when there is none
    allow_process: bool = False
    token: str | None = None
    tile_url: str | None = None
    tile_attribution: str = ""
    max_chars: int = MAX_CHARS
    timeout: float = TIMEOUT
    site_csp: bool = False
    config: str | None = None  # a tidings settings file for the processor
    script_hashes: list[str] = field(default_factory=list)
    processor: Processor | None = None

    @property
    def can_process(self) -> bool:
        return self.allow_process and bool(self.token) and self.processor is not None


_STATES: weakref.WeakKeyDictionary[Any, State] = weakref.WeakKeyDictionary()


def get(datasette: Any) -> State:
    """The state of ``datasette`` (an empty one before its startup hook ran)."""
    return _STATES.get(datasette) or State()


def put(datasette: Any, state: State) -> None:
    _STATES[datasette] = state


def plugin_config(
    *,
    allow_process: bool = False,
    tile_url: str | None = None,
    tile_attribution: str = "",
    max_chars: int = MAX_CHARS,
    timeout: float = TIMEOUT,
    config: str | None = None,
) -> dict[str, Any]:
    """The ``plugins.tidings`` section ``tidings serve`` gives Datasette."""
    out: dict[str, Any] = {
        "allow_process": allow_process,
        "token": {"$env": TOKEN_ENV},
        "max_chars": max_chars,
        "process_timeout": timeout,
        "site_csp": True,
    }
    if tile_url:
        out["tile_url"] = tile_url
        out["tile_attribution"] = tile_attribution
    if config:
        out["config"] = config
    return out
