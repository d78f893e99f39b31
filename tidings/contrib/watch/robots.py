"""robots.txt for the pages ``tidings watch --fetch`` downloads: one fetch per origin per UTC day.

What an answer means follows RFC 9309: a 200 is the rules; a 4xx (404, 401,
403...) means there are none, every page may be fetched; a 5xx, a refused link
or no connection means the site is unreachable and none of its pages is
fetched this cycle (``[T123]``; asked again the next cycle, not cached).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from tidings.contrib.watch.state import WatchState
from tidings.errors import InputError
from tidings.readers.web import DownloadError, Fetcher


def origin(url: str) -> str:
    """``scheme://host:port`` of a URL (the port written out), the key robots.txt is kept under."""
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{port}"


class Robots:
    """Asks each origin's robots.txt (through the store's cache) whether ``agent`` may fetch a URL.

    One instance serves one cycle: an unreachable robots.txt is tried again in the next.
    """

    def __init__(self, state: WatchState, fetcher: Fetcher, agent: str, *, clock: float | None = None) -> None:
        self.state = state
        self.fetcher = fetcher
        self.agent = agent
        self.now = time.time() if clock is None else clock
        self.day = datetime.fromtimestamp(self.now, UTC).date().isoformat()
        self._rules: dict[str, RobotFileParser | InputError] = {}
        self.fetched: list[str] = []  # origins whose robots.txt was downloaded (not from the cache)

    def check(self, url: str) -> InputError | None:
        """None when the page may be fetched, else the coded reason it may not (T122, T123)."""
        rules = self._rules.get(origin(url))
        if rules is None:
            rules = self._rules[origin(url)] = self._load(origin(url))
        if isinstance(rules, InputError):
            return InputError(rules.code, f"{url}: {rules.message}")
        if rules.can_fetch(self.agent, url):
            return None
        return InputError("T122", f"{url}: disallowed by {origin(url)}/robots.txt; not fetched")

    def _load(self, site: str) -> RobotFileParser | InputError:
        cached = self.state.robots(site, self.day)
        if cached is None:
            address = f"{site}/robots.txt"
            self.fetched.append(site)
            try:
                got = self.fetcher.fetch(address)
                cached = (got.status, got.body.decode(got.charset or "utf-8", errors="replace"))
            except DownloadError as exc:
                if exc.status is None or exc.status >= 500:
                    return InputError("T123", f"robots.txt of {site} unreachable ({exc.message}); tried next cycle")
                cached = (exc.status, "")  # 4xx: no rules
            except InputError as exc:
                return InputError("T123", f"robots.txt of {site} unreachable ({exc.message}); tried next cycle")
            self.state.keep_robots(site, self.day, cached[0], cached[1])
        parser = RobotFileParser()
        parser.parse(cached[1].splitlines())
        return parser
