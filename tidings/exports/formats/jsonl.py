"""``--format jsonl``: every field of every event row, one JSON object per line.

The keys are the columns of :func:`tidings.exports.table.columns`; numbers
stay numbers and missing values are ``null``.

Example::

    tidings export --format jsonl --root 14 --out protests.jsonl
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from tidings.exports.store import Reader, Record
from tidings.exports.table import columns, values

NAME = "jsonl"
KIND = "text"
DESCRIPTION = "every field and offset of each event, one JSON object per line"


def write(records: Iterable[Record], reader: Reader, target: TextIO, options: dict[str, Any]) -> int:
    cols = columns(bool(options.get("per_global")))
    n = 0
    for rec in records:
        target.write(json.dumps(dict(zip(cols, values(rec, cols), strict=True)), ensure_ascii=False) + "\n")
        n += 1
    return n
