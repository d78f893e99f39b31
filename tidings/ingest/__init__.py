"""Ingest stage: read inputs into articles, refusing bad ones with a one-line reason.

An input is a file, a directory (read recursively), ``-`` for stdin, or an
``http(s)://`` URL. What a file holds is decided by its first bytes, with the
extension as a tie-breaker, so a saved page called ``story.txt`` is still read
as HTML and a gzip file of any kind is opened transparently:

- plain text (``.txt``);
- HTML pages (``.html``/``.htm``: main text and metadata by trafilatura);
- JSONL, one ``{"id", "text", "date", "title", "url"}`` record per line;
- RSS/Atom feeds (items become articles; ``fetch=True`` downloads each item's page);
- WARC files (``.warc``/``.warc.gz``/WET: HTML responses and text conversions);
- a file of URLs, one a line (downloaded, then read by what they turn out to be).

Every problem (empty, binary, not UTF-8, too large, not English, a malformed
record, a truncated archive, a failed download) becomes an
:class:`~tidings.errors.InputError` naming the input; the caller reports it
and goes on with the rest. Everything streams: a 10 GB WARC or a JSONL of
100,000 articles is read one record at a time.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tidings.config import Settings
from tidings.errors import InputError
from tidings.model import Article, text_id

if TYPE_CHECKING:
    from tidings.ingest.web import Download, Fetcher

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


def _valid_date(value: object, where: str) -> str | None:
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
        return "u" + hashlib.sha256(canonical_url(url).encode("utf-8")).hexdigest()[:16]
    return text_id(text)


def read_txt(path: Path, settings: Settings, published: str | None) -> Article:
    """One plain-text file (kept for callers that know they hold a .txt)."""
    results = list(Reader(settings, published=published).read([str(path)]))
    for item in results:
        if isinstance(item, InputError):
            raise item
    return results[0]  # type: ignore[return-value]


def read_jsonl(path: Path, settings: Settings, published: str | None) -> Iterator[Article | InputError]:
    """The records of one JSONL file (gzip-compressed or not)."""
    where = str(path)
    try:
        stream = open_stream(path.open("rb"))
    except OSError as exc:
        yield InputError("T006", f"{where}: cannot read ({exc.strerror})")
        return
    with stream:
        try:
            yield from jsonl_articles(stream, where, settings, published)
        except (EOFError, OSError, zlib.error) as exc:
            yield InputError("T061", f"{where}: truncated or corrupt compressed data ({exc})")


def jsonl_articles(
    stream: BinaryIO, where: str, settings: Settings, published: str | None
) -> Iterator[Article | InputError]:
    """Articles from JSONL lines; a bad line is an error of its own and the file goes on."""
    limit = settings.max_bytes * 2 + 1  # one line holds one article's JSON; longer lines are skipped, not read
    n = 0
    seen_any = False
    while True:
        line = stream.readline(limit)
        if not line:
            break
        n += 1
        here = f"{where}:{n}"
        if len(line) >= limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):  # skip the rest of the oversized line
                line = stream.readline(1 << 20)
            yield InputError("T004", f"{here}: record too large (limit {settings.max_bytes:,} bytes of text)")
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            yield _jsonl_record(line, here, where, settings, published)
        except InputError as exc:
            yield exc
    if not seen_any and n == 0:
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
    if len(text.encode("utf-8")) > settings.max_bytes:
        raise InputError("T004", f"{here}: text too large (limit {settings.max_bytes:,} bytes)")
    check_text(text, here, settings)
    url = record.get("url") if isinstance(record.get("url"), str) else None
    return Article(
        raw=text,
        id=str(record["id"]) if record.get("id") not in (None, "") else article_id(text, url),
        published=_valid_date(record.get("date"), here) or published,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        url=url,
        source=record.get("source") if isinstance(record.get("source"), str) else None,
        author=record.get("author") if isinstance(record.get("author"), str) else None,
        input=where,
    )


def _line_settings(settings: Settings) -> Settings:
    # One JSONL line may hold a whole article; the per-text cap is checked after parsing.
    return replace(settings, max_bytes=settings.max_bytes * 2)


def open_stream(raw: BinaryIO) -> BinaryIO:
    """A peekable binary stream, gunzipped when the data is gzip (whatever the file is called)."""
    buf: Any = raw if hasattr(raw, "peek") else io.BufferedReader(cast(Any, raw))
    if buf.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=buf, mode="rb")  # type: ignore[return-value]
    return buf


def _head(stream: BinaryIO) -> bytes:
    return bytes(stream.peek(4096)[:4096])  # type: ignore[attr-defined]


def _all_urls(head: bytes) -> bool:
    from tidings.ingest.web import is_url

    lines = head.decode("utf-8", errors="replace").splitlines()
    if len(head) >= 4096 and len(lines) > 1:
        lines = lines[:-1]  # the last line may be cut by the sniffing window
    lines = [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]
    return bool(lines) and all(is_url(ln) for ln in lines)


def sniff(head: bytes, name: str) -> str:
    """What a file holds: warc, jsonl, feed, html, urls or text; its first bytes first, its name second."""
    from tidings.ingest.feed import looks_like_feed

    low = name.lower().removesuffix(".gz")
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"WARC/") or low.endswith((".warc", ".wet", ".wat", ".arc")):
        return "warc"
    if start.startswith(b"{") or low.endswith(".jsonl"):
        return "jsonl"
    if start.startswith(b"<"):
        lead = start[:2048].lower()
        if looks_like_feed(lead) and b"<html" not in lead:
            return "feed"
        return "html"
    if low.endswith((".rss", ".atom")):
        return "feed"
    if _all_urls(head):
        return "urls"
    if low.endswith((".html", ".htm", ".xhtml")) and b"<" in head:
        return "html"
    return "text"


def read_capped(stream: BinaryIO, cap: int, where: str, *, what: str = "input") -> bytes:
    """At most ``cap`` bytes; T004 (without reading on) when there are more."""
    data = stream.read(cap + 1)
    if len(data) > cap:
        raise InputError("T004", f"{where}: {what} too large (over {cap:,} bytes; the limit is {cap:,})")
    return data


class Reader:
    """Reads inputs of every kind into articles, sharing one downloader across them.

    ``skip_url`` (given by the caller that owns the store) says whether a URL
    is already stored; such URLs are not downloaded again.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        published: str | None = None,
        fetch: bool = False,
        skip_url: Callable[[str], bool] | None = None,
        stdin: BinaryIO | None = None,
    ) -> None:
        self.settings = settings
        self.published = published
        self.fetch = fetch
        self.skip_url = skip_url
        self._stdin = stdin
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            from tidings.ingest.web import Fetcher

            self._fetcher = Fetcher(self.settings)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def read(self, inputs: Iterable[str]) -> Iterator[Article | InputError]:
        """Every article in the inputs, in order, or an InputError for each one that cannot be read."""
        from tidings.ingest.web import is_url

        urls: list[str] = []
        for name in inputs:
            if is_url(name):
                urls.append(name.strip())  # consecutive URLs download together
                continue
            if urls:
                yield from self._urls(urls)
                urls = []
            if name == "-":
                raw = self._stdin or sys.stdin.buffer
                yield from self._stream(open_stream(raw), "<stdin>", "", path=None)
                continue
            path = Path(name)
            if path.is_dir():
                found = sorted(f for f in path.rglob("*") if f.is_file() and _wanted(f.name))
                if not found:
                    yield InputError("T008", f"{name}: directory holds no readable files ({', '.join(SUFFIXES)})")
                for f in found:
                    yield from self._file(f)
            elif path.exists():
                yield from self._file(path)
            else:
                yield InputError("T008", f"{name}: no such file or directory")
        if urls:
            yield from self._urls(urls)

    def _file(self, path: Path) -> Iterator[Article | InputError]:
        where = str(path)
        try:
            size = path.stat().st_size
            stream = open_stream(path.open("rb"))
        except OSError as exc:
            yield InputError("T006", f"{where}: cannot read ({exc.strerror})")
            return
        with stream:
            yield from self._stream(stream, where, path.name, path=path, size=None if _gz(stream) else size)

    def _stream(
        self, stream: BinaryIO, where: str, name: str, *, path: Path | None, size: int | None = None
    ) -> Iterator[Article | InputError]:
        s = self.settings
        try:
            head = _head(stream)
            kind = sniff(head, name)
            if kind == "warc":
                from tidings.ingest.warc import warc_articles

                # fastwarc reads (and gunzips) a file itself, faster than Python's gzip.
                source: str | BinaryIO = str(path) if path is not None else stream
                yield from warc_articles(source, where, s, published=self.published)
            elif kind == "jsonl":
                yield from jsonl_articles(stream, where, s, self.published)
            elif kind == "feed":
                data = read_capped(stream, s.max_html_bytes, where, what="feed")
                yield from self._feed(data, where)
            elif kind == "urls":
                yield from self._urls(_url_lines(stream))
            elif kind == "html":
                from tidings.ingest.html import page_article

                if size is not None and size > s.max_html_bytes:
                    raise InputError(
                        "T004", f"{where}: page too large ({size:,} bytes; the limit is {s.max_html_bytes:,})"
                    )
                data = read_capped(stream, s.max_html_bytes, where, what="page")
                yield page_article(data, where, s, published=self.published)
            else:
                if size is not None and size > s.max_bytes:  # refuse before reading 20 MB into memory
                    raise InputError("T004", f"{where}: too large ({size:,} bytes; the limit is {s.max_bytes:,})")
                text = decode(read_capped(stream, s.max_bytes, where), where, s)
                check_text(text, where, s)
                yield Article(raw=text, id=article_id(text, None), published=self.published, input=where)
        except InputError as exc:
            yield exc
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield InputError("T061", f"{where}: truncated or corrupt compressed data ({exc})")
        except OSError as exc:
            yield InputError("T006", f"{where}: cannot read ({exc.strerror or exc})")

    def _feed(self, data: bytes, where: str) -> Iterator[Article | InputError]:
        from tidings.ingest.feed import feed_articles

        yield from feed_articles(
            data, where, self.settings, published=self.published, fetch_pages=self._pages if self.fetch else None
        )

    def _todo(self, urls: Iterable[str]) -> Iterator[str]:
        return (u for u in urls if self.skip_url is None or not self.skip_url(u))

    def _urls(self, urls: Iterable[str]) -> Iterator[Article | InputError]:
        for url, result in self.fetcher.fetch_many(self._todo(urls)):
            if isinstance(result, InputError):
                yield result
                continue
            try:
                yield from self._download(result, url)
            except InputError as exc:
                yield exc

    def _download(self, d: Download, where: str) -> Iterator[Article | InputError]:
        """A downloaded body, read by what it is: a feed, a page or plain text."""
        from tidings.ingest.feed import looks_like_feed
        from tidings.ingest.html import page_article

        head = d.body[:4096].lstrip().lower()
        if d.content_type in FEED_TYPES[:3] or (
            (d.content_type in FEED_TYPES or not d.content_type) and looks_like_feed(head) and b"<html" not in head
        ):
            yield from self._feed(d.body, where)
        elif d.content_type in HTML_TYPES or (
            d.content_type in ("", "application/octet-stream") and head.startswith(b"<")
        ):
            yield page_article(
                d.body, where, self.settings, url=d.final_url, charset=d.charset, published=self.published
            )
        elif d.content_type == "text/plain":
            text = decode(read_capped(io.BytesIO(d.body), self.settings.max_bytes, where), where, self.settings)
            check_text(text, where, self.settings)
            yield Article(
                raw=text, id=article_id(text, d.final_url), published=self.published, url=d.final_url, input=where
            )
        else:
            raise InputError("T063", f"{where}: not an article (content type {d.content_type or 'unknown'})")

    def _pages(self, links: list[str]) -> Iterator[tuple[str, Article | InputError]]:
        """Feed items' pages (``--fetch``), downloaded concurrently, in the feed's order."""
        from tidings.ingest.html import page_article

        for link, result in self.fetcher.fetch_many(self._todo(links)):
            if isinstance(result, InputError):
                yield link, result
                continue
            try:
                yield (
                    link,
                    page_article(
                        result.body,
                        link,
                        self.settings,
                        url=result.final_url,
                        charset=result.charset,
                        published=self.published,
                    ),
                )
            except InputError as exc:
                yield link, exc


def _url_lines(stream: BinaryIO) -> Iterator[str]:
    """The URLs of a URL list, one a line, read lazily (a list of a million URLs is fine)."""
    for raw in stream:
        line = raw.decode("utf-8", errors="replace").strip()
        if line and not line.startswith("#"):
            yield line


def _wanted(name: str) -> bool:
    return name.lower().removesuffix(".gz").endswith(SUFFIXES)


def _gz(stream: BinaryIO) -> bool:
    return isinstance(stream, gzip.GzipFile)


def read_inputs(
    paths: list[str],
    settings: Settings,
    *,
    published: str | None = None,
    fetch: bool = False,
    skip_url: Callable[[str], bool] | None = None,
) -> Iterator[Article | InputError]:
    """Every article in the inputs, or an InputError for each one that cannot be read."""
    reader = Reader(settings, published=published, fetch=fetch, skip_url=skip_url)
    try:
        yield from reader.read(paths)
    finally:
        reader.close()
