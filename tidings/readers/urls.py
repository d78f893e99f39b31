"""A list of URLs, one a line (``#`` starts a comment): each is downloaded and read by what it is."""

from __future__ import annotations

import re
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


# A line that names a resource by its scheme: http(s) ones are downloaded, the others
# (file://, ftp://, gopher://) are refused one by one with [T095].
_URL_LIKE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")
MAX_LINE = 8192  # a longer line is no URL; it is cut, not read into memory


def all_urls(head: bytes) -> bool:
    """Every non-comment line of the head is a URL, and one at least is an http(s) URL."""
    lines = head.decode("utf-8", errors="replace").splitlines()
    if len(head) >= 4096 and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut by the sniffing window
    lines = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return any(is_url(ln) for ln in lines) and all(_URL_LIKE.fullmatch(ln) for ln in lines)


def url_lines(stream: BinaryIO) -> Iterator[str]:
    """The URLs of a URL list, one a line, read lazily (a list of a million URLs is fine)."""
    while True:
        raw = stream.readline(MAX_LINE)
        if not raw:
            return
        if len(raw) >= MAX_LINE and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of the endless line
                raw = stream.readline(1 << 20)
            yield f"(a line over {MAX_LINE:,} bytes)"  # not a URL: refused by the downloader
            continue
        line = raw.decode("utf-8", errors="replace").strip()
        if line and not line.startswith("#"):
            yield line
