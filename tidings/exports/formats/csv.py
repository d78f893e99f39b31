"""``--format csv``: every field of every event row, comma-separated with a header (RFC 4180 quoting).

Columns: :func:`tidings.exports.table.columns`. Read it in pandas with
``dtype=tidings.exports.table.csv_dtypes()`` so that CAMEO codes keep their
leading zero and counts stay integers.

Example::

    tidings export --format csv --out events.csv
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from tidings.exports.store import Reader, Record
from tidings.exports.table import columns, values

NAME = "csv"
KIND = "text"
DESCRIPTION = "every field and offset of each event, CSV with a header line"


def write(records: Iterable[Record], reader: Reader, target: TextIO, options: dict[str, Any]) -> int:
    cols = columns(bool(options.get("per_global")))
    out = csv.writer(target, lineterminator="\n")
    out.writerow(cols)
    n = 0
    for rec in records:
        out.writerow(["" if v is None else v for v in values(rec, cols)])
        n += 1
    return n
