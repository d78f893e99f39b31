"""``tidings watch``: follow live feeds and folders, politely and incrementally, into one store.

- :mod:`~tidings.contrib.watch.loop`: :class:`Watcher` (cycles, conditional GET, backoff,
  folders, the stop on a signal) over :func:`tidings.runner.run` and the SQLite sink;
- :mod:`~tidings.contrib.watch.robots`: robots.txt per origin per day for ``--fetch``;
- :mod:`~tidings.contrib.watch.alerts`: the ``--alert`` filter language and its JSON lines;
- :mod:`~tidings.contrib.watch.state`: what is remembered in the store (the ``watch state`` migration);
- :mod:`~tidings.contrib.watch.sources`: feed URLs, files of feed URLs, folders.

Example::

    import threading
    from tidings.contrib.watch import Watcher, stop_on_signals

    stop = threading.Event()
    with stop_on_signals(stop):
        Watcher(["https://example.org/feed.xml"], db="news.db", every=900, stop=stop).loop()
"""

from __future__ import annotations

from tidings.contrib.watch.alerts import AlertFilter
from tidings.contrib.watch.loop import Report, Watcher, parse_span, stop_on_signals
from tidings.contrib.watch.sources import Source, sources

__all__ = ["AlertFilter", "Report", "Source", "Watcher", "parse_span", "sources", "stop_on_signals"]
