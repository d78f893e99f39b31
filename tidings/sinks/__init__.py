"""Sinks: where a run's articles go (one module each).

- :class:`~tidings.sinks.sqlite.SQLiteSink`: the SQLite store (``tidings.db``), versioned by
  named migrations;
- :class:`~tidings.sinks.jsonl.JsonlSink`: one JSON record per article (``--json``).

A new output is one new module with a :class:`~tidings.sinks.base.BaseSink` subclass;
:func:`tidings.runner.run` feeds it. Every table-shaped output reads its rows
from :func:`tidings.records.rows`.
"""

from __future__ import annotations

from tidings.sinks.base import BaseSink
from tidings.sinks.jsonl import JsonlSink
from tidings.sinks.sqlite import SQLiteSink, connect, has_article, has_url, query, record_failure, save

__all__ = [
    "BaseSink",
    "JsonlSink",
    "SQLiteSink",
    "connect",
    "has_article",
    "has_url",
    "query",
    "record_failure",
    "save",
]
