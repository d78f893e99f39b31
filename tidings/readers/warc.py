"""WARC files (a crawl's archives, e.g. Common Crawl's CC-NEWS), read with fastwarc.

Articles come from HTTP ``response`` records with a 2xx status and an HTML
body, from ``resource`` records holding HTML, and from the ``conversion``
records of a WET file (plain text already extracted). Requests, metadata,
redirects and non-HTML responses (images, robots.txt) are no articles and
are passed over. A record cut short (the file ends inside it) or a corrupt
gzip member stops the file with one T061 error; what was read before it
stays read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from tidings.config import Settings
from tidings.errors import InputError
from tidings.model import Article
from tidings.readers.common import Source, article_id, check_text, decode, lead
from tidings.readers.html import page_article

NAME = "warc"
PRIORITY = 10  # first: a WARC record holds HTML, which the later formats would claim

HTML_TYPES = ("text/html", "application/xhtml+xml")


def detect(head: bytes, name: str) -> bool:
    """``WARC/`` first, or a file called ``*.warc``, ``*.wet``, ``*.wat``, ``*.arc``."""
    return lead(head).startswith(b"WARC/") or name.lower().removesuffix(".gz").endswith(
        (".warc", ".wet", ".wat", ".arc")
    )


def read(stream: BinaryIO, source: Source) -> Iterator[Article | InputError]:
    # fastwarc reads (and gunzips) a file itself, faster than Python's gzip.
    data: str | BinaryIO = str(source.path) if source.path is not None else stream
    yield from warc_articles(data, source.where, source.settings, published=source.published)


@dataclass(frozen=True, slots=True)
class WarcPage:
    """One record worth reading: its target URI and body, HTML or (WET) plain text."""

    uri: str | None
    body: bytes
    charset: str | None
    is_html: bool


def warc_pages(source: str | BinaryIO, where: str, settings: Settings) -> Iterator[WarcPage | InputError]:
    """The HTML (and WET text) records of a WARC file or stream, or an error for each bad one."""
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.resource | WarcRecordType.conversion
    records = 0
    try:
        iterator = ArchiveIterator(source, record_types=wanted, parse_http=True, fsspec_args=False)
        for record in iterator:
            records += 1
            uri = record.headers.get("WARC-Target-URI")
            here = f"{where} <{uri}>" if uri else f"{where} record at byte {record.stream_pos:,}"
            kind = record.record_type
            if kind == WarcRecordType.response:
                http = record.http_headers
                status = http.status_code if http is not None else None
                if status is None or not 200 <= status < 300:
                    continue
                media = (record.http_content_type or "").lower()
                if media and media not in HTML_TYPES:
                    continue
                is_html, charset = True, record.http_charset
            else:
                media = (record.headers.get("Content-Type") or "").split(";")[0].strip().lower()
                if media in HTML_TYPES:
                    is_html, charset = True, None
                elif media == "text/plain" or kind == WarcRecordType.conversion:
                    is_html, charset = False, "utf-8"
                else:
                    continue
            expected = record.content_length
            if expected > settings.max_html_bytes:
                yield InputError(
                    "T004", f"{here}: record too large ({expected:,} bytes; the limit is {settings.max_html_bytes:,})"
                )
                continue
            body = record.reader.read()
            if len(body) < expected:
                yield InputError(
                    "T061",
                    f"{here}: truncated WARC record ({len(body):,} of {expected:,} bytes); the file ends inside it",
                )
                return
            yield WarcPage(uri=uri, body=body, charset=charset, is_html=is_html)
    except (OSError, ValueError, EOFError) as exc:
        yield InputError("T061", f"{where}: corrupt or truncated WARC after {records} record(s) ({exc})")
        return
    if records == 0:
        yield InputError("T061", f"{where}: no WARC response, resource or conversion records found")


def warc_articles(
    source: str | BinaryIO, where: str, settings: Settings, *, published: str | None = None
) -> Iterator[Article | InputError]:
    """Articles of a WARC: HTML records through the HTML reader, WET text as it is."""
    for page in warc_pages(source, where, settings):
        if isinstance(page, InputError):
            yield page
            continue
        here = f"{where} <{page.uri}>" if page.uri else where
        try:
            if page.is_html:
                article = page_article(
                    page.body, here, settings, url=page.uri, charset=page.charset, published=published, input_name=where
                )
            else:
                text = decode(page.body, here, settings)
                check_text(text, here, settings)
                article = Article(
                    raw=text, id=article_id(text, page.uri), published=published, url=page.uri, input=where
                )
        except InputError as exc:
            yield exc
            continue
        yield article
