"""Running an export: open the store read-only, pick the format, write all or nothing.

A file is written beside its target under a temporary name and renamed over
it only when the export is complete, so a failed or interrupted export leaves
the previous file (or nothing) behind, never half an export. A folder (a
partitioned Parquet dataset) is swapped in whole the same way. Without an
output path a text format streams to stdout.

Example::

    from tidings.exports import export, Filters
    n = export("tidings.db", "gdelt", "events.export.CSV", filters=Filters.of(country="BLR"))
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path
from typing import Any, TextIO

from tidings.errors import TidingsError
from tidings.exports import registry
from tidings.exports.filters import Filters
from tidings.exports.store import Reader


def need(module: str, what: str) -> Any:
    """Import an optional dependency of the exports, or say how to install it (``[T083]``)."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise TidingsError(
            "T083", f"{what} needs the Python package {module.split('.')[0]!r}: pip install 'tidings[export]'"
        ) from exc


def open_reader(db: str | Path) -> Reader:
    """The store at ``db``, read-only (``[T030]`` when there is none)."""
    from tidings.sinks import connect

    return Reader(connect(db, readonly=True))


def export(
    db: str | Path,
    fmt: str,
    out: str | Path | None = None,
    *,
    filters: Filters | None = None,
    per_global: bool = False,
    stream: TextIO | None = None,
) -> int:
    """Write the store's events in format ``fmt`` to ``out`` (a file or folder) or ``stream``; returns the row count.

    ``[T081]`` for an unknown format, ``[T082]`` for ``per_global`` on a store
    without global events, ``[T083]`` for a missing optional package, ``[T084]``
    when the output cannot be written.
    """
    f = registry.get(fmt)
    if fmt == "parquet":
        need("pyarrow", "--format parquet")
    reader = open_reader(db)
    try:
        records = reader.records(filters or Filters(), per_global=per_global)
        if per_global:  # refuse before anything is written
            records = _peeked(records)
        options = {"per_global": per_global}
        if f.KIND == "path":
            if out is None:
                raise TidingsError("T084", f"--format {fmt} writes files: give --out FILE.parquet or --out FOLDER/")
            return atomic_path(Path(out), lambda tmp: int(f.write(records, reader, tmp, options)))
        if out is None:
            return int(f.write(records, reader, stream or sys.stdout, options))
        return atomic_text(Path(out), lambda s: int(f.write(records, reader, s, options)))
    finally:
        reader.conn.close()


def _peeked(records: Any) -> Any:
    import itertools

    first = list(itertools.islice(records, 1))
    return itertools.chain(first, records)


def _temp(out: Path) -> Path:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TidingsError("T084", f"{out}: cannot create its folder: {exc.strerror or exc}") from exc
    return out.with_name(f".{out.stem}.tmp-{os.getpid()}{out.suffix}")  # same suffix: the same kind of output


def atomic_text(out: Path, write: Any) -> int:
    if out.is_dir():
        raise TidingsError("T084", f"{out}: is a folder; this format writes one file")
    tmp = _temp(out)
    try:
        with tmp.open("w", encoding="utf-8", newline="") as s:
            n = int(write(s))
        os.replace(tmp, out)
    except OSError as exc:
        raise TidingsError("T084", f"{out}: cannot write: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return n


def atomic_path(out: Path, write: Any) -> int:
    tmp = _temp(out)
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    try:
        n = int(write(tmp))
        moved = out.exists()
        if moved:
            os.replace(out, old)
        try:
            os.replace(tmp, out)
        except OSError:
            if moved:
                os.replace(old, out)
            raise
    except OSError as exc:
        raise TidingsError("T084", f"{out}: cannot write: {exc.strerror or exc}") from exc
    finally:
        for leftover in (tmp, old):
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            elif leftover.exists():
                with contextlib.suppress(OSError):
                    leftover.unlink()
    return n
