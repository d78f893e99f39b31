"""What every reader shares: decoding, the English check, ids from URLs or text, capped reads.

Each input format (``text``, ``html``, ``jsonl``, ``feed``, ``warc``, ``urls``)
is a module of this package; they all refuse bad input the same way, with an
:class:`~tidings.errors.InputError` naming the input, through the helpers here.
A :class:`Source` is what a format's ``read`` is handed: the stream's name,
the settings, and the downloads of the run (for URL lists and ``--fetch``).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, Protocol, cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tidings.config import Settings
from tidings.errors import InputError
from tidings.model import Article, text_id


class Downloads(Protocol):
    """The run's downloader, for formats that name other inputs (a URL list, a feed's item pages)."""

    fetch_pages: bool  # --fetch: read each feed item's page, not the feed's own text

    def urls(self, urls: Iterable[str]) -> Iterator[Article | InputError]: ...

    def pages(self, links: list[str]) -> Iterator[tuple[str, Article | InputError]]: ...


@dataclass(frozen=True)
class Source:
    """One input being read, as a format's ``read`` sees it."""

    where: str  # the name errors and ``Article.input`` use: a path, a URL, "<stdin>"
    name: str  # the file name ("" for stdin): its extension breaks ties between formats
    settings: Settings
    published: str | None = None  # --date: the publication date of inputs without one
    path: Path | None = None  # the file on disk, when there is one (fastwarc reads it itself)
    size: int | None = None  # its size on disk when that is the size of the data (not gzip)
    downloads: Downloads | None = None


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


# The commonest function words of other languages in Latin script, none of them an English word.
# A list-like English page (scores, recipes, schedules) has few English function words but none
# of these either, so it is read; a page in Spanish, German or Indonesian has many.
_OTHER_WORDS = """de la el los las que y en un una por con para del al se es lo le les des et est du au pour dans pas
    qui une sur der das und ist nicht mit von zu sich auf dem ein eine il di che non gli della sono nel
    em os um uma não dos das com na ao yang dan ini itu dengan untuk dari tidak ada het een ik je niet
    zijn att som är på för med och"""
OTHER_WORDS = frozenset(_OTHER_WORDS.split())


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())


def english_share(text: str) -> float:
    """The share of a text's words that are common English function words."""
    words = _words(text)
    if not words:
        return 0.0
    return sum(1 for w in words if w in ENGLISH_WORDS) / len(words)


def looks_english(text: str, min_share: float) -> tuple[bool, float]:
    """Whether a text reads as English, with its share of English function words.

    Enough English function words decide it. Below ``min_share`` a text is still English
    when it is in Latin script and other languages' function words are rarer than
    English ones (a results table, a recipe), so only real foreign text is refused.
    """
    words = _words(text)
    if not words:
        return min_share <= 0.0, 0.0
    share = sum(1 for w in words if w in ENGLISH_WORDS) / len(words)
    if share >= min_share:
        return True, share
    latin = sum(1 for w in words if w.isascii()) / len(words)
    foreign = sum(1 for w in words if w in OTHER_WORDS) / len(words)
    return latin >= 0.8 and share > 0.0 and foreign < share, share


def check_text(text: str, where: str, settings: Settings) -> None:
    """Raise InputError when a decoded text is no English article."""
    if not text.strip():
        raise InputError("T001", f"{where}: empty input")
    if len(text.strip()) < settings.min_chars:
        raise InputError("T001", f"{where}: too short to be an article ({len(text.strip())} characters)")
    english, share = looks_english(text[:20000], settings.min_english)
    if not english:
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


def valid_date(value: object, where: str) -> str | None:
    """``value`` as YYYY-MM-DD (anything after the day is dropped), None when empty; T009 when no date."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError("T009", f"{where}: date must be a string YYYY-MM-DD, got {value!r}")
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError as exc:
        raise InputError("T009", f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


# Query parameters that say how a reader arrived, not which page it is.
TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|smid|ito)$", re.IGNORECASE)
#: File names a directory walk picks up (each may also end in .gz).
SUFFIXES = (".txt", ".text", ".jsonl", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".warc", ".wet", ".urls")
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def canonical_url(url: str) -> str:
    """The form of a URL its id is taken from: lower-case host, no fragment, default port or tracking tags."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and (scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING.match(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def article_id(text: str, url: str | None) -> str:
    """Derived from the canonical URL when there is one, else from the normalised text."""
    if url and url.strip():
        try:
            return "u" + hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:16]
        except ValueError:  # "http://[::1": no URL an id can come from (urlsplit refuses it)
            pass
    return text_id(text)


class _Counted(io.RawIOBase):
    """The compressed side of a gzip stream: counts the bytes taken from it."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.taken = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        data = self.raw.read(len(b))
        self.taken += len(data)
        b[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self.raw.close()
        super().close()


class _Gunzipped(io.RawIOBase):
    """The expanded side of a gzip stream, refusing to expand past ``ratio`` times what it has read.

    A decompression bomb (a small file of zeros that expands to gigabytes) is
    stopped with ``[T097]`` after a bounded amount of work, whatever the format
    inside (a JSONL of a million empty records, a URL list of one endless line).
    """

    compressed = True

    def __init__(self, raw: Any, ratio: float, where: str) -> None:
        self.counted = _Counted(raw)
        self.gz = gzip.GzipFile(fileobj=io.BufferedReader(self.counted), mode="rb")
        self.ratio, self.where = ratio, where
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        n = self.gz.readinto(b)
        self.given += n
        taken = max(self.counted.taken, 1 << 16)  # (small files: the first 64 KB may expand freely)
        if self.given > self.ratio * taken:
            raise InputError(
                "T097",
                f"{self.where}: gzip data expands past {self.ratio:g} times its size "
                f"({self.given:,} bytes from {self.counted.taken:,}; a decompression bomb?)",
            )
        return n

    def close(self) -> None:
        self.gz.close()
        self.counted.close()
        super().close()


def open_stream(raw: BinaryIO, *, max_ratio: float | None = None, where: str = "input") -> BinaryIO:
    """A peekable binary stream, gunzipped when the data is gzip (whatever the file is called).

    With ``max_ratio``, gzip data that expands past that many times its size is
    refused with ``[T097]`` as it is read.
    """
    buf: Any = raw if hasattr(raw, "peek") else io.BufferedReader(cast(Any, raw))
    if buf.peek(2)[:2] == b"\x1f\x8b":
        if max_ratio is None:
            return gzip.GzipFile(fileobj=buf, mode="rb")  # type: ignore[return-value]
        return io.BufferedReader(_Gunzipped(buf, max_ratio, where))
    return buf


def is_compressed(stream: BinaryIO) -> bool:
    """Whether :func:`open_stream` gunzips this stream (its size on disk is not its data's)."""
    raw = getattr(stream, "raw", None)
    return isinstance(stream, gzip.GzipFile) or bool(getattr(raw, "compressed", False))


def peek_head(stream: BinaryIO) -> bytes:
    """The first 4 KB of a stream opened by :func:`open_stream`, left unread."""
    return bytes(stream.peek(4096)[:4096])  # type: ignore[attr-defined]


def lead(head: bytes) -> bytes:
    """The head without a byte-order mark or leading whitespace: what a format's first bytes are."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n")


def read_capped(stream: BinaryIO, cap: int, where: str, *, what: str = "input") -> bytes:
    """At most ``cap`` bytes; T004 (without reading on) when there are more."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError("T004", f"{where}: {what} too large (over {cap:,} bytes; the limit is {cap:,})")
    return data
