"""A list of URLs, one a line (``#`` starts a comment): each is downloaded and read by what it is."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from tidings.errors import InputError
from tidings.model import Article
from tidings.readers.common import Source, lead
from tidings.readers.web import is_url

NAME = "urls"
PRIORITY = 35  # after the formats known by their first bytes, before HTML known by its name


def detect(head: bytes, name: str) -> bool:
    return not lead(head).startswith(b"<") and all_urls(head)


def read(stream: BinaryIO, source: Source) -> Iterator[Article | InputError]:
    if source.downloads is None:
        raise InputError("T060", f"{source.where}: a list of URLs, but this run downloads nothing")
    yield from source.downloads.urls(url_lines(stream))


def all_urls(head: bytes) -> bool:
    """Every non-comment line of the head is an http(s) URL."""
    lines = head.decode("utf-8", errors="replace").splitlines()
    if len(head) >= 4096 and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut by the sniffing window
    lines = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return bool(lines) and all(is_url(ln) for ln in lines)


def url_lines(stream: BinaryIO) -> Iterator[str]:
    """The URLs of a URL list, one a line, read lazily (a list of a million URLs is fine)."""
    for raw in stream:
        line = raw.decode("utf-8", errors="replace").strip()
        if line and not line.startswith("#"):
            yield line
