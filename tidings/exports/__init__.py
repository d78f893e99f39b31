"""Exports, time series and plots: the store's events where researchers already work.

- :func:`export` writes the events in a format of :mod:`tidings.exports.registry`
  (``gdelt``, ``gdelt-mentions``, ``icews``, ``plover``, ``csv``, ``jsonl``,
  ``parquet``: one module each in ``tidings/exports/formats/``);
- :func:`series` counts them by dyad, source, target, country, root or
  QuadClass per day, week or month (:mod:`tidings.exports.series`);
- :func:`plot` draws a QuadClass timeline, a dyad network or a map of event
  places (:mod:`tidings.exports.plots`);
- :func:`open_store` (``tidings.open``) gives all of it as pandas DataFrames
  (:mod:`tidings.exports.frames`).

Everything reads the store the SQLite sink wrote, through
:class:`tidings.exports.store.Reader`, with the same :class:`Filters`.

Example::

    from tidings.exports import Filters, export, series
    export("tidings.db", "parquet", "export/", filters=Filters.of(since="2020-01-01"))
    rows = series("tidings.db", by="dyad", freq="month")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tidings.exports.filters import Filters
from tidings.exports.registry import formats
from tidings.exports.writing import export

if TYPE_CHECKING:
    from tidings.exports.frames import Store

__all__ = ["Filters", "export", "formats", "open_store", "plot", "series"]


def series(db: Any, **kwargs: Any) -> Any:
    """Counts per period and key: :func:`tidings.exports.series.series`."""
    from tidings.exports.series import series as _series

    return _series(db, **kwargs)


def plot(db: Any, kind: str, out: Any, **kwargs: Any) -> Any:
    """A chart of the store's events: :func:`tidings.exports.plots.plot`."""
    from tidings.exports.plots import plot as _plot

    return _plot(db, kind, out, **kwargs)


def open_store(db: Any) -> Store:
    """The store as pandas DataFrames (``tidings.open``): :class:`tidings.exports.frames.Store`."""
    from tidings.exports.frames import Store

    return Store(db)
