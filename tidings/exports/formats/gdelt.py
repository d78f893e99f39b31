"""``--format gdelt``: the GDELT 2.0 events table, 61 tab-separated columns, no header.

One line per stored event (or per global event with ``--global``), in the
codebook's order and types (:data:`tidings.exports.gdelt_fields.EVENT_COLUMNS`).
NumMentions is the event's own ``mention_count`` and NumSources = NumArticles
= 1 per mention; per global event they count the mentions, sources and
articles of all its reports. AvgTone is empty unless the store holds a tone.

Example::

    tidings export --format gdelt --out events.export.CSV
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TextIO

from tidings.exports.gdelt_fields import event_line
from tidings.exports.store import Reader, Record

NAME = "gdelt"
KIND = "text"
DESCRIPTION = "GDELT 2.0 events table: 61 tab-separated columns, no header"


def write(records: Iterable[Record], reader: Reader, target: TextIO, options: dict[str, Any]) -> int:
    n = 0
    for rec in records:
        target.write(event_line(rec, reader))
        n += 1
    return n
