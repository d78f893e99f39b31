"""``tidings.open(db)``: the store's events, global events and series as pandas DataFrames.

The columns are those of the ``csv`` export (:mod:`tidings.exports.table`),
typed: integers as nullable ``Int64``, scores as ``float64``, codes and text
as ``string`` (CAMEO ``040`` keeps its zero), and ``day`` as a datetime.
Every method takes the filters of the command line as keyword arguments.

Example (a notebook)::

    import tidings
    store = tidings.open("tidings.db")
    ev = store.events(country="BLR", min_confidence=0.5)
    ev.groupby("root").size()
    store.series(by="dyad", freq="month").query("source == 'RUSGOV'")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tidings.exports.filters import Filters
from tidings.exports.series import series as _series
from tidings.exports.table import columns, csv_dtypes, values
from tidings.exports.writing import need, open_reader


class Store:
    """A store opened for analysis (read-only; each call reads it afresh)."""

    def __init__(self, db: str | Path) -> None:
        self.db = db
        open_reader(db).conn.close()  # [T030] now, not at the first call, for a path with no store

    def _frame(self, per_global: bool, filters: dict[str, Any]) -> Any:
        pd = need("pandas", "tidings.open")
        cols = columns(per_global)
        reader = open_reader(self.db)
        try:
            data = [values(r, cols) for r in reader.records(Filters.of(**filters), per_global=per_global)]
        finally:
            reader.conn.close()
        frame = pd.DataFrame(data, columns=list(cols)).astype(csv_dtypes(per_global))
        frame["day"] = pd.to_datetime(frame["day"], format="%Y-%m-%d")
        return frame

    def events(self, **filters: Any) -> Any:
        """One row per stored event (per mention), with every field and offset.

        Filters: ``since``, ``until``, ``country``, ``dyad``, ``root``,
        ``min_confidence``, ``include_negated`` (as on the command line).
        """
        return self._frame(False, filters)

    def global_events(self, **filters: Any) -> Any:
        """One row per global event (its first report), with ``num_mentions``, ``num_sources``, ``num_articles``.

        ``[T082]`` while the store has no global events.
        """
        return self._frame(True, filters)

    def series(self, by: str = "dyad", freq: str = "month", per_global: bool = False, **filters: Any) -> Any:
        """The tidy counts of :func:`tidings.exports.series.series`, ``period`` as a datetime."""
        pd = need("pandas", "tidings.open")
        rows = _series(self.db, by=by, freq=freq, filters=Filters.of(**filters), per_global=per_global)
        from tidings.exports.series import columns as series_columns

        frame = pd.DataFrame(rows, columns=list(series_columns(by)))
        frame["period"] = pd.to_datetime(frame["period"], format="%Y-%m-%d")
        return frame
