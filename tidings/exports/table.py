"""The event rows as a table (``csv``, ``jsonl``, ``parquet``): every stored field, its provenance offsets, typed.

The columns are :data:`tidings.exports.store.ROW_COLUMNS` (the ``events``
columns of ``tidings.records.COLUMNS`` with the row id, the global event id,
the day and the article's fields), plus ``num_mentions``, ``num_sources`` and
``num_articles`` per global event. Each column keeps the store's type:
INTEGER, REAL or TEXT.

Example (pandas)::

    import pandas as pd
    from tidings.exports.table import csv_dtypes
    df = pd.read_csv("events.csv", dtype=csv_dtypes())
"""

from __future__ import annotations

from functools import cache
from typing import Any

from tidings.exports.store import GLOBAL_COLUMNS, ROW_COLUMNS, Reader, Record


def columns(per_global: bool) -> tuple[str, ...]:
    return ROW_COLUMNS + (GLOBAL_COLUMNS if per_global else ())


def values(rec: Record, cols: tuple[str, ...]) -> list[Any]:
    return [rec.row.get(c) for c in cols]


@cache
def column_types() -> dict[str, str]:
    """The type (INTEGER, REAL, TEXT) of every table column, as the current schema declares it."""
    from tidings.sinks import connect

    conn = connect(":memory:")  # the migrations build the schema this tidings writes
    try:
        return Reader(conn).column_types()
    finally:
        conn.close()


def csv_dtypes(per_global: bool = False) -> dict[str, str]:
    """pandas dtypes for ``read_csv`` of a ``--format csv`` export: codes stay text ("040"), counts integers."""
    kinds = {"INTEGER": "Int64", "REAL": "float64", "TEXT": "string"}
    types = column_types()
    return {c: kinds.get(types[c], "string") for c in columns(per_global)}
