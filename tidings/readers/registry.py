"""The input formats, found by themselves: adding a format is adding one module.

A format is any object with ``NAME`` (a short word), ``PRIORITY`` (lower is
asked first), ``detect(head: bytes, name: str) -> bool`` (does a file with
these first 4 KB and this name hold me?) and ``read(stream, source)`` (its
articles, or an :class:`~tidings.errors.InputError` for each bad one). The
registry collects:

- every module of ``tidings/readers/`` that has those four names (so a new
  format is one new file there);
- the ``tidings.readers`` entry points of installed packages (a plugin);
- whatever :func:`register` was given at run time (a test, a notebook).

The first format, by priority, whose ``detect`` says yes reads the file;
``text`` (priority 100) says yes to everything.

Example::

    from tidings.readers import registry

    class Csv:
        NAME, PRIORITY = "csv", 25
        def detect(self, head, name): return name.endswith(".csv")
        def read(self, stream, source): ...

    registry.register(Csv())
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any, BinaryIO, Protocol, runtime_checkable

from tidings.errors import InputError, TidingsError
from tidings.model import Article
from tidings.readers.common import Source

ENTRY_POINTS = "tidings.readers"


@runtime_checkable
class Format(Protocol):
    NAME: str
    PRIORITY: int

    def detect(self, head: bytes, name: str) -> bool: ...

    def read(self, stream: BinaryIO, source: Source) -> Iterator[Article | InputError]: ...


_FOUND: dict[str, Any] | None = None  # name -> format, once discovered
_ADDED: dict[str, Any] = {}  # registered at run time; they win over a discovered format of the same name


def _discover() -> dict[str, Any]:
    found: dict[str, Any] = {}
    for info in pkgutil.iter_modules([str(Path(__file__).parent)]):
        module = importlib.import_module(f"tidings.readers.{info.name}")
        if isinstance(module, Format):
            found[module.NAME] = module
    for ep in entry_points(group=ENTRY_POINTS):
        fmt = ep.load()
        if not isinstance(fmt, Format):
            raise TidingsError("T015", f"entry point {ep.name!r} ({ep.value}) is no input format")
        found[fmt.NAME] = fmt
    return found


def formats() -> list[Any]:
    """Every format, in the order they are asked (priority, then name)."""
    global _FOUND
    if _FOUND is None:
        _FOUND = _discover()
    merged = {**_FOUND, **_ADDED}
    return sorted(merged.values(), key=lambda f: (f.PRIORITY, f.NAME))


def register(fmt: Any) -> None:
    """Add (or replace, by ``NAME``) a format for the rest of this process."""
    if not isinstance(fmt, Format):
        raise TidingsError("T015", f"{fmt!r} is no input format (it needs NAME, PRIORITY, detect and read)")
    _ADDED[fmt.NAME] = fmt


def unregister(name: str) -> None:
    """Forget a format given to :func:`register`."""
    _ADDED.pop(name, None)


def detect(head: bytes, name: str) -> Any:
    """The format that reads a file with this head and name."""
    for fmt in formats():
        if fmt.detect(head, name):
            return fmt
    raise TidingsError("T015", f"{name or 'input'}: no input format reads it")  # pragma: no cover - text reads all


def sniff(head: bytes, name: str) -> str:
    """The name of the format that reads a file with this head and name (``warc``, ``jsonl``, ``text``…)."""
    return str(detect(head, name).NAME)
