"""What ``tidings watch`` follows: feed URLs, files of feed URLs (one a line, ``#`` comments) and folders."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tidings.errors import TidingsError
from tidings.readers.web import is_url

MAX_LIST_BYTES = 1 << 20  # a file of feed URLs is small; a larger one is no list of feeds


@dataclass(frozen=True, slots=True)
class Source:
    kind: str  # "feed" or "folder"
    name: str  # the feed's URL or the folder's path


def sources(names: Iterable[str]) -> list[Source]:
    """The sources the names stand for, in order, each once; ``[T124]`` for a name that is none."""
    out: list[Source] = []
    for name in names:
        if is_url(name):
            out.append(Source("feed", name.strip()))
            continue
        path = Path(name)
        if path.is_dir():
            out.append(Source("folder", str(path)))
        elif path.is_file():
            out.extend(Source("feed", url) for url in _feed_list(path))
        else:
            raise TidingsError("T124", f"{name}: no such feed URL, file of feed URLs or folder")
    unique = list(dict.fromkeys(out))
    if not unique:
        raise TidingsError("T124", "nothing to watch: give feed URLs, files of feed URLs or folders")
    return unique


def _feed_list(path: Path) -> list[str]:
    try:
        if path.stat().st_size > MAX_LIST_BYTES:
            raise TidingsError("T124", f"{path}: too large for a file of feed URLs (over {MAX_LIST_BYTES:,} bytes)")
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TidingsError("T124", f"{path}: cannot read it as a file of feed URLs ({exc})") from exc
    urls: list[str] = []
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise TidingsError(
                "T124", f"{path}: line {n} is not an http(s) URL (a SOURCE file lists feed URLs, one a line)"
            )
        urls.append(line)
    if not urls:
        raise TidingsError("T124", f"{path}: holds no feed URLs")
    return urls
