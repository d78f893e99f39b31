"""The export formats, found by themselves: adding a format is adding one module to ``tidings/exports/formats/``.

A format is any object with ``NAME`` (what ``--format`` says), ``DESCRIPTION``
(one line), ``KIND`` (``"text"``: it writes to a text stream, so to a file or
stdout; ``"path"``: it writes a file or folder of its own, like Parquet) and
``write(records, reader, target, options) -> int`` (the number of rows
written). The registry collects every module of ``tidings/exports/formats/``
that has those names, and whatever :func:`register` was given at run time.

Example::

    from tidings.exports import registry

    class Tsv:
        NAME, KIND, DESCRIPTION = "tsv", "text", "the event rows, tab-separated"
        def write(self, records, reader, stream, options):
            ...

    registry.register(Tsv())
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from tidings.errors import TidingsError
from tidings.exports.store import Reader, Record


@runtime_checkable
class Format(Protocol):
    NAME: str
    KIND: str
    DESCRIPTION: str

    def write(self, records: Iterable[Record], reader: Reader, target: Any, options: dict[str, Any]) -> int: ...


_FOUND: dict[str, Any] | None = None
_ADDED: dict[str, Any] = {}


def _discover() -> dict[str, Any]:
    found: dict[str, Any] = {}
    folder = Path(__file__).parent / "formats"
    for info in pkgutil.iter_modules([str(folder)]):
        module = importlib.import_module(f"tidings.exports.formats.{info.name}")
        if isinstance(module, Format):
            found[module.NAME] = module
    return found


def formats() -> dict[str, Any]:
    """Every export format by name, sorted."""
    global _FOUND
    if _FOUND is None:
        _FOUND = _discover()
    merged = {**_FOUND, **_ADDED}
    return dict(sorted(merged.items()))


def get(name: str) -> Any:
    """The format called ``name``; ``[T081]`` naming the known ones when there is none."""
    known = formats()
    if name not in known:
        raise TidingsError("T081", f"no export format {name!r} (known: {', '.join(known)})")
    return known[name]


def register(fmt: Any) -> None:
    """Add (or replace, by ``NAME``) a format for the rest of this process."""
    if not isinstance(fmt, Format) or fmt.KIND not in ("text", "path"):
        raise TidingsError("T081", f"{fmt!r} is no export format (it needs NAME, KIND, DESCRIPTION and write)")
    _ADDED[fmt.NAME] = fmt


def unregister(name: str) -> None:
    """Forget a format given to :func:`register`."""
    _ADDED.pop(name, None)
