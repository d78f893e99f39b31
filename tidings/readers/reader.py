"""The reader: names on the command line (files, directories, stdin, URLs) into articles.

A file's format is asked of the registry (:mod:`tidings.readers.registry`)
from its first 4 KB and its name; gzip files of every kind are opened as they
are. URLs, URL lists and (with ``fetch``) feed items' pages share one
downloader, so per-host limits hold across the whole run.
"""

from __future__ import annotations

import gzip
import io
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from tidings.config import Settings
from tidings.errors import InputError
from tidings.model import Article
from tidings.readers import feed, registry
from tidings.readers.common import (
    FEED_TYPES,
    HTML_TYPES,
    SUFFIXES,
    Source,
    article_id,
    check_text,
    decode,
    is_compressed,
    open_stream,
    peek_head,
    read_capped,
)
from tidings.readers.html import page_article
from tidings.readers.web import Download, Fetcher, endpoint, is_private, is_url


class Reader:
    """Reads inputs of every kind into articles, sharing one downloader across them.

    ``skip_url`` (given by the caller that owns the store) says whether a URL
    is already stored; such URLs are not downloaded again.

    Example::

        reader = Reader(load_settings(), published="2024-05-01")
        for item in reader.read(["news/", "https://example.org/feed.xml"]):
            ...  # an Article, or an InputError naming the input
        reader.close()
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
        self.fetch_pages = fetch
        self.skip_url = skip_url
        self._stdin = stdin
        self._fetcher: Fetcher | None = None
        self._trusted: set[tuple[str, int | None]] = set()  # hosts of the URLs the user named

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.settings, guard=self.guard)
        return self._fetcher

    def guard(self, url: str) -> None:
        """Refuse (``[T095]``) a request to a private, loopback or link-local address, unless the
        user named that host on the command line or set ``[fetch] allow_private``: a feed's or a
        URL list's links, and the redirects of any download, reach only the public internet."""
        if self.settings.allow_private:
            return
        host, port = endpoint(url)
        if not host or (host, port) in self._trusted:
            return
        if is_private(host):
            raise InputError(
                "T095",
                f"{url}: refused: {host} is a private, loopback or link-local address "
                "(set [fetch] allow_private = true to follow such links)",
            )

    def trust(self, url: str) -> None:
        """Trust the host of a URL the user named (``tidings watch`` names its feeds this way): its
        links and redirects may lead to that host even when it is private."""
        self._trusted.add(endpoint(url))

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def read(self, inputs: Iterable[str]) -> Iterator[Article | InputError]:
        """Every article in the inputs, in order, or an InputError for each one that cannot be read."""
        urls: list[str] = []
        for name in inputs:
            if is_url(name):
                urls.append(name.strip())  # consecutive URLs download together
                self.trust(name)
                continue
            if urls:
                yield from self.urls(urls)
                urls = []
            if name == "-":
                raw = self._stdin or sys.stdin.buffer
                stdin = open_stream(raw, max_ratio=self.settings.max_gzip_ratio, where="<stdin>")
                yield from self._stream(stdin, Source("<stdin>", "", self.settings, self.published))
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
            yield from self.urls(urls)

    def _file(self, path: Path) -> Iterator[Article | InputError]:
        where = str(path)
        try:
            size = path.stat().st_size
            stream = open_stream(path.open("rb"), max_ratio=self.settings.max_gzip_ratio, where=where)
        except OSError as exc:
            yield InputError("T006", f"{where}: cannot read ({exc.strerror})")
            return
        with stream:
            size_known = None if is_compressed(stream) else size
            yield from self._stream(stream, Source(where, path.name, self.settings, self.published, path, size_known))

    def _stream(self, stream: BinaryIO, source: Source) -> Iterator[Article | InputError]:
        source = Source(
            source.where, source.name, source.settings, source.published, source.path, source.size, downloads=self
        )
        where = source.where
        try:
            fmt = registry.detect(peek_head(stream), source.name)
            yield from fmt.read(stream, source)
        except InputError as exc:
            yield exc
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield InputError("T061", f"{where}: truncated or corrupt compressed data ({exc})")
        except OSError as exc:
            yield InputError("T006", f"{where}: cannot read ({exc.strerror or exc})")

    def _todo(self, urls: Iterable[str]) -> Iterator[str]:
        return (u for u in urls if self.skip_url is None or not self.skip_url(u))

    def urls(self, urls: Iterable[str]) -> Iterator[Article | InputError]:
        """Download each URL (those not stored yet) and read it by what it turns out to be."""
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
        head = d.body[:4096].lstrip().lower()
        if d.content_type in FEED_TYPES[:3] or (
            (d.content_type in FEED_TYPES or not d.content_type) and feed.looks_like_feed(head) and b"<html" not in head
        ):
            yield from feed.feed_articles(
                d.body,
                where,
                self.settings,
                published=self.published,
                fetch_pages=self.pages if self.fetch_pages else None,
            )
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

    def pages(self, links: list[str]) -> Iterator[tuple[str, Article | InputError]]:
        """Feed items' pages (``--fetch``), downloaded concurrently, in the feed's order."""
        for link, result in self.fetcher.fetch_many(self._todo(links)):
            if isinstance(result, InputError):
                yield link, result
                continue
            try:
                page = page_article(
                    result.body, link, self.settings, url=result.final_url, charset=result.charset,
                    published=self.published,
                )  # fmt: skip
            except InputError as exc:
                yield link, exc
                continue
            yield link, page


def _wanted(name: str) -> bool:
    return name.lower().removesuffix(".gz").endswith(SUFFIXES)


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


def read_txt(path: Path, settings: Settings, published: str | None) -> Article:
    """One plain-text file (kept for callers that know they hold a .txt)."""
    results = list(Reader(settings, published=published).read([str(path)]))
    for item in results:
        if isinstance(item, InputError):
            raise item
    return results[0]  # type: ignore[return-value]
