"""What every gold-set loader shares: the ``GoldSpan`` record and the reading helpers.

Loaders use the standard library only (no pipeline code, no spaCy), so these
helpers do too: a missing file fails with its path (:func:`require`), a split a
set does not have with the choices (:func:`check_split`), and ``limit`` reads no
more than it needs (:func:`take`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """A labelled run of characters in an item's ``text`` (end exclusive)."""

    start: int
    end: int
    text: str
    label: str = ""


def require(path: Path) -> Path:
    """Fail with the missing path in the message rather than deep inside a parser."""
    if not path.exists():
        raise FileNotFoundError(f"gold data not found: {path}")
    return path


def check_split(name: str, split: str | None, allowed: Iterable[str | None]) -> None:
    allowed = list(allowed)
    if split not in allowed:
        shown = ", ".join(repr(s) for s in allowed)
        raise ValueError(f"{name} has no split {split!r}; choose one of {shown}")


def take(items: Iterable[T], limit: int | None) -> list[T]:
    """First ``limit`` items of a (lazy) iterable; all of them when ``limit`` is None."""
    if limit is not None and limit < 0:
        raise ValueError(f"limit must be >= 0, got {limit}")
    out: list[T] = []
    if limit == 0:
        return out
    for item in items:
        out.append(item)
        if limit is not None and len(out) >= limit:
            break
    return out


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON-lines file, blank lines skipped; a bad line fails with its number."""
    with require(path).open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not valid JSON: {exc}") from exc


def iso_date(value: str | None) -> date | None:
    """``YYYY-MM-DD`` / ``YYYYMMDD`` prefix as a date, else None (gold dates are messy)."""
    if not value:
        return None
    value = value.strip()
    for candidate in (value[:10], value[:8]):
        try:
            if len(candidate) == 10:
                return date.fromisoformat(candidate)
            if len(candidate) == 8 and candidate.isdigit():
                return date(int(candidate[:4]), int(candidate[4:6]), int(candidate[6:8]))
        except ValueError:
            continue
    return None
