"""Ingest stage: read inputs into articles, refusing bad ones with a one-line reason.

Inputs are ``.txt`` files, directories of them (recursively, with ``.jsonl``
too) and ``.jsonl`` files with one ``{"id", "text", "date", "title", "url"}``
record per line. Every problem (empty, binary, not UTF-8, too large, not
English, a malformed record) becomes an :class:`~tidings.errors.InputError`
naming the input; the caller reports it and goes on with the rest.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from tidings.config import Settings
from tidings.errors import InputError
from tidings.model import Article, text_id

# The commonest English function words: real English prose is ~35-50% these.
ENGLISH_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "a",
        "in",
        "is",
        "was",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "at",
        "from",
        "it",
        "his",
        "her",
        "their",
        "its",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "not",
        "but",
        "or",
        "an",
        "this",
        "which",
        "who",
        "will",
        "would",
        "said",
        "after",
        "over",
        "into",
        "than",
        "more",
        "also",
        "about",
        "against",
        "they",
        "he",
        "she",
        "we",
    ]
)


def english_share(text: str) -> float:
    words = re.findall(r"[a-zA-Z']+", text.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in ENGLISH_WORDS) / len(words)


def check_text(text: str, where: str, settings: Settings) -> None:
    """Raise InputError when a decoded text is no English article."""
    if not text.strip():
        raise InputError("T001", f"{where}: empty input")
    if len(text.strip()) < settings.min_chars:
        raise InputError("T001", f"{where}: too short to be an article ({len(text.strip())} characters)")
    share = english_share(text[:20000])
    if share < settings.min_english:
        raise InputError(
            "T005",
            f"{where}: does not look like English ({share:.0%} common English words, need {settings.min_english:.0%})",
        )


def decode(data: bytes, where: str, settings: Settings) -> str:
    """Bytes -> text, refusing binary, non-UTF-8 and oversized input."""
    if len(data) > settings.max_bytes:
        raise InputError("T004", f"{where}: too large ({len(data):,} bytes; the limit is {settings.max_bytes:,})")
    if not data.strip():
        raise InputError("T001", f"{where}: empty input")
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > len(sample) * 0.05:
        raise InputError("T002", f"{where}: binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            "T003", f"{where}: not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from exc


def _valid_date(value: object, where: str) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError("T009", f"{where}: date must be a string YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError as exc:
        raise InputError("T009", f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


def article_id(text: str, url: str | None) -> str:
    """Derived from the canonical URL when there is one, else from the normalised text."""
    if url:
        return "u" + hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:16]
    return text_id(text)


def read_txt(path: Path, settings: Settings, published: str | None) -> Article:
    where = str(path)
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:  # refuse before reading 20 MB into memory
            raise InputError("T004", f"{where}: too large ({size:,} bytes; the limit is {settings.max_bytes:,})")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError("T006", f"{where}: cannot read ({exc.strerror})") from exc
    text = decode(data, where, settings)
    check_text(text, where, settings)
    return Article(raw=text, id=article_id(text, None), published=published, input=where)


def read_jsonl(path: Path, settings: Settings, published: str | None) -> Iterator[Article | InputError]:
    where = str(path)
    try:
        size = path.stat().st_size
        fh = path.open("rb")
    except OSError as exc:
        yield InputError("T006", f"{where}: cannot read ({exc.strerror})")
        return
    if size == 0:
        fh.close()
        yield InputError("T001", f"{where}: empty input")
        return
    with fh:
        for n, line in enumerate(fh, 1):
            here = f"{where}:{n}"
            if not line.strip():
                continue
            try:
                record = json.loads(decode(line, here, _line_settings(settings)))
                if not isinstance(record, dict):
                    raise InputError("T007", f"{here}: a record must be a JSON object")
                text = record.get("text")
                if not isinstance(text, str):
                    raise InputError("T007", f"{here}: record has no 'text' string")
                if len(text.encode("utf-8")) > settings.max_bytes:
                    raise InputError("T004", f"{here}: text too large (limit {settings.max_bytes:,} bytes)")
                check_text(text, here, settings)
                url = record.get("url") if isinstance(record.get("url"), str) else None
                yield Article(
                    raw=text,
                    id=str(record["id"]) if record.get("id") not in (None, "") else article_id(text, url),
                    published=_valid_date(record.get("date"), here) or published,
                    title=record.get("title") if isinstance(record.get("title"), str) else None,
                    url=url,
                    source=record.get("source") if isinstance(record.get("source"), str) else None,
                    input=where,
                )
            except InputError as exc:
                yield exc
            except json.JSONDecodeError as exc:
                yield InputError("T007", f"{here}: not valid JSON ({exc.msg} at column {exc.colno})")


def _line_settings(settings: Settings) -> Settings:
    # One JSONL line may hold a whole article; the per-text cap is checked after parsing.
    from dataclasses import replace

    return replace(settings, max_bytes=settings.max_bytes * 2)


def iter_paths(paths: list[str]) -> Iterator[Path | InputError]:
    """Expand directories (recursively, sorted) into their .txt and .jsonl files."""
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in (".txt", ".jsonl"))
            if not found:
                yield InputError("T008", f"{p}: directory holds no .txt or .jsonl files")
            yield from found
        elif path.exists():
            yield path
        else:
            yield InputError("T008", f"{p}: no such file or directory")


def read_inputs(
    paths: list[str], settings: Settings, *, published: str | None = None
) -> Iterator[Article | InputError]:
    """Every article in the inputs, or an InputError for each one that cannot be read."""
    for item in iter_paths(paths):
        if isinstance(item, InputError):
            yield item
        elif item.suffix.lower() == ".jsonl":
            yield from read_jsonl(item, settings, published)
        else:
            try:
                yield read_txt(item, settings, published)
            except InputError as exc:
                yield exc
