"""Plain text: the whole file is one article (the format every other one falls back to)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from tidings.errors import InputError
from tidings.model import Article
from tidings.readers.common import Source, article_id, check_text, decode, read_capped

NAME = "text"
PRIORITY = 100  # last: whatever no other format claims is read as text


def detect(head: bytes, name: str) -> bool:
    return True


def read(stream: BinaryIO, source: Source) -> Iterator[Article | InputError]:
    s, where = source.settings, source.where
    if source.size is not None and source.size > s.max_bytes:  # refuse before reading 20 MB into memory
        raise InputError("T004", f"{where}: too large ({source.size:,} bytes; the limit is {s.max_bytes:,})")
    text = decode(read_capped(stream, s.max_bytes, where), where, s)
    check_text(text, where, s)
    yield Article(raw=text, id=article_id(text, None), published=source.published, input=where)
