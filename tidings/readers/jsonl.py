"""JSONL: one article a line, ``{"id", "text", "date", "title", "url", "source", "author"}``.

A record's id and date carry over unchanged; a bad line (not JSON, no ``text``,
too long) is an error of its own and the file goes on.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from tidings.config import Settings
from tidings.errors import InputError
from tidings.model import Article
from tidings.readers.common import Source, article_id, check_text, decode, lead, open_stream, valid_date

NAME = "jsonl"
PRIORITY = 20
_SURROGATE = re.compile("[\ud800-\udfff]")  # half a UTF-16 pair, which JSON may escape ("\\ud800")


def detect(head: bytes, name: str) -> bool:
    """A file that opens with ``{`` or is called ``*.jsonl``."""
    return lead(head).startswith(b"{") or name.lower().removesuffix(".gz").endswith(".jsonl")


def read(stream: BinaryIO, source: Source) -> Iterator[Article | InputError]:
    yield from jsonl_articles(stream, source.where, source.settings, source.published)


def read_jsonl(path: Path, settings: Settings, published: str | None) -> Iterator[Article | InputError]:
    """The records of one JSONL file (gzip-compressed or not)."""
    where = str(path)
    try:
        stream = open_stream(path.open("rb"), max_ratio=settings.max_gzip_ratio, where=where)
    except OSError as exc:
        yield InputError("T006", f"{where}: cannot read ({exc.strerror})")
        return
    with stream:
        try:
            yield from jsonl_articles(stream, where, settings, published)
        except (EOFError, OSError, zlib.error) as exc:
            yield InputError("T061", f"{where}: truncated or corrupt compressed data ({exc})")


def jsonl_articles(
    stream: BinaryIO, where: str, settings: Settings, published: str | None, *, first_line: int = 0
) -> Iterator[Article | InputError]:
    """Articles from JSONL lines; a bad line is an error of its own and the file goes on.

    A file whose lines fail ``max_bad_records`` times in a row is no JSONL of articles
    (a bomb of empty records, a binary file called ``.jsonl``): one ``[T098]`` and the
    rest of it is skipped. ``first_line`` is the number of lines of the file before
    ``stream`` (a byte range of a large file, read by one Dask shard).
    """
    limit = settings.max_bytes * 2 + 1  # one line holds one article's JSON; longer lines are skipped, not read
    n = first_line
    seen_any = False
    bad = 0  # lines failed in a row
    while True:
        if bad >= settings.max_bad_records > 0:
            yield InputError(
                "T098", f"{where}: {bad:,} bad records in a row from line {n - bad + 1:,}; skipping the rest"
            )
            return
        line = stream.readline(limit)
        if not line:
            break
        n += 1
        here = f"{where}:{n}"
        if len(line) >= limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = stream.readline(1 << 20)
            bad += 1
            yield InputError("T004", f"{here}: record too large (limit {settings.max_bytes:,} bytes of text)")
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            article = _jsonl_record(line, here, where, settings, published)
        except InputError as exc:
            bad += 1
            yield exc
            continue
        bad = 0
        yield article
    if not seen_any and n == first_line == 0:
        yield InputError("T001", f"{where}: empty input")


def _jsonl_record(line: bytes, here: str, where: str, settings: Settings, published: str | None) -> Article:
    try:
        record = json.loads(decode(line, here, _line_settings(settings)))
    except json.JSONDecodeError as exc:
        raise InputError("T007", f"{here}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise InputError("T007", f"{here}: a record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("T007", f"{here}: record has no 'text' string")
    for key, value in record.items():
        lone = _SURROGATE.search(value) if isinstance(value, str) else None
        if lone is not None:  # no character, and no UTF-8 can hold it
            raise InputError("T003", f"{here}: {key!r} holds a lone surrogate (U+{ord(lone[0]):04X}), not text")
    if len(text.encode("utf-8")) > settings.max_bytes:
        raise InputError("T004", f"{here}: text too large (limit {settings.max_bytes:,} bytes)")
    check_text(text, here, settings)
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return Article(
        raw=text,
        id=str(record["id"]) if record.get("id") not in (None, "") else article_id(text, url),
        published=valid_date(record.get("date"), here) or published,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        url=url,
        source=record.get("source") if isinstance(record.get("source"), str) else None,
        author=record.get("author") if isinstance(record.get("author"), str) else None,
        input=where,
    )


def _line_settings(settings: Settings) -> Settings:
    # One JSONL line may hold a whole article; the per-text cap is checked after parsing.
    return replace(settings, max_bytes=settings.max_bytes * 2)
