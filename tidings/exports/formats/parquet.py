"""``--format parquet``: the event rows as Parquet (pyarrow), one file or a dataset partitioned by year and month.

``--out events.parquet`` writes one file; any other ``--out`` is a folder
holding a Hive-style dataset, ``year=2020/month=08/part-0.parquet``, by the
event's day (events without one under ``year=__HIVE_DEFAULT_PARTITION__``). An
empty export is one file with the schema and no rows. Columns and types are
those of :mod:`tidings.exports.table` (INTEGER as int64, REAL as double,
TEXT as string). DuckDB reads either form directly::

    duckdb -c "SELECT root, count(*) FROM 'export/**/*.parquet' GROUP BY root"

Example::

    tidings export --format parquet --out export/
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tidings.exports.store import Reader, Record
from tidings.exports.table import columns, values

NAME = "parquet"
KIND = "path"
DESCRIPTION = "Parquet: one file (--out x.parquet) or a dataset partitioned by year/month (--out folder/)"
BATCH = 5000
UNKNOWN = "__HIVE_DEFAULT_PARTITION__"


def _schema(cols: tuple[str, ...], types: dict[str, str]) -> Any:
    import pyarrow as pa

    kinds = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    return pa.schema([(c, kinds.get(types.get(c, "TEXT"), pa.string())) for c in cols])


class _Writers:
    """One open ParquetWriter per file, fed in batches."""

    def __init__(self, schema: Any) -> None:
        self.schema = schema
        self.open: dict[Path, Any] = {}
        self.pending: dict[Path, list[list[Any]]] = {}

    def add(self, path: Path, row: list[Any]) -> None:
        self.pending.setdefault(path, []).append(row)
        if len(self.pending[path]) >= BATCH:
            self.flush(path)

    def flush(self, path: Path) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = self.pending.pop(path, [])
        if path not in self.open:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.open[path] = pq.ParquetWriter(str(path), self.schema)
        table = pa.Table.from_pylist([dict(zip(self.schema.names, r, strict=True)) for r in rows], schema=self.schema)
        self.open[path].write_table(table)

    def close(self) -> None:
        for path in list(self.pending):
            self.flush(path)
        for w in self.open.values():
            w.close()


def write(records: Iterable[Record], reader: Reader, target: Path, options: dict[str, Any]) -> int:
    cols = columns(bool(options.get("per_global")))
    writers = _Writers(_schema(cols, reader.column_types()))
    one_file = target.suffix == ".parquet"
    n = 0
    try:
        for rec in records:
            if one_file:
                path = target
            else:
                day = rec.row.get("day") or ""
                year, month = (day[:4], day[5:7]) if len(day) >= 7 else (UNKNOWN, UNKNOWN)
                path = target / f"year={year}" / f"month={month}" / "part-0.parquet"
            writers.add(path, values(rec, cols))
            n += 1
        if n == 0:  # still a valid file: the schema and no rows
            writers.pending[target if one_file else target / "part-0.parquet"] = []
    finally:
        writers.close()
    return n
